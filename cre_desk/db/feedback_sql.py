"""SQL twins of the product-feedback report's Python keys, so grouping and counting run on the database.

The report counts a customer once however its name is spelled in case and spacing, and groups unlinked tickets
by their title without case and punctuation (``core.voice.customer_key`` and ``title_key``). PostgreSQL (UTF-8
ctype) does the same with ``lower`` and regular expressions; SQLite, whose ``lower`` knows only ASCII and
which has no regular expressions, gets the Python functions themselves registered on its connection, so both
databases give the figures the Python code would.
"""

from __future__ import annotations

from sqlalchemy import func, literal
from sqlalchemy.orm import Session

from cre_desk.core.voice import customer_key, title_key

_SQLITE_CUSTOMER = "cre_customer_key"
_SQLITE_TITLE = "cre_title_key"


class SqlKeys:
    """The key expressions for one session's dialect (registers the SQLite functions on its connection)."""

    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.sqlite = connection.dialect.name == "sqlite"
        if self.sqlite:
            raw = connection.connection.dbapi_connection
            assert raw is not None  # a live session's connection
            raw.create_function(_SQLITE_CUSTOMER, 1, _safe(customer_key), deterministic=True)
            raw.create_function(_SQLITE_TITLE, 1, _safe(title_key), deterministic=True)

    def customer(self, column):
        """The customer's name in lower case with runs of white space as one space, "" for none."""
        if self.sqlite:
            return getattr(func, _SQLITE_CUSTOMER)(column)
        return func.btrim(func.regexp_replace(func.lower(func.coalesce(column, "")), r"\s+", " ", "g"))

    def distinct_customers(self, column):
        """count(DISTINCT customer key), not counting tickets without a customer."""
        return func.count(func.distinct(func.nullif(self.customer(column), literal(""))))

    def title(self, column):
        """The title in lower case, punctuation as space, runs of white space as one space."""
        if self.sqlite:
            return getattr(func, _SQLITE_TITLE)(column)
        lowered = func.lower(func.coalesce(column, ""))
        words = func.regexp_replace(lowered, r"[^\w\s]", " ", "g")
        return func.btrim(func.regexp_replace(words, r"\s+", " ", "g"))


def _safe(fn):
    def call(value):
        return fn(value or "")

    return call
