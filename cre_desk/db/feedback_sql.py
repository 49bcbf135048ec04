"""The product-feedback report's grouping keys as SQL: the stored ``tickets.customer_key`` and ``title_key``.

The report counts a customer once however its name is spelled in case and spacing, and groups unlinked tickets
by their title without case and punctuation (``core.group_keys``). Both keys are stored with each ticket
(migration 0012), so the database groups by plain columns and SQLite and PostgreSQL read the very strings
Python computed.
"""

from __future__ import annotations

from sqlalchemy import func, literal

from cre_desk.db.models import Ticket


def customer_key():
    """The customer's name in lower case with runs of white space as one space, "" for none."""
    return Ticket.customer_key


def distinct_customers():
    """count(DISTINCT customer key), not counting tickets without a customer."""
    return func.count(func.distinct(func.nullif(Ticket.customer_key, literal(""))))


def title_key():
    """The title in lower case, punctuation as space, runs of white space as one space."""
    return Ticket.title_key
