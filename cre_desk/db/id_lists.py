"""``column IN (ids)`` that costs the same for 3 ids or 900, on both databases.

An expanding ``IN`` is written out with one placeholder per id, so every list length is a new statement text:
SQLAlchemy renders it and psycopg parses it again each time (about 14 ms per look-alike suggestion at 300
ids). On PostgreSQL the list goes as one array parameter (``column = ANY(%(ids)s)``), one statement text
for every length; SQLite, which has no arrays and parses in microseconds, keeps the plain ``IN``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class AnyOf(ColumnElement[bool]):
    """``column`` equals one of ``values``; see the module docstring for why this is not ``in_``."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True   # a comparison already: without this SQLite gets "… IN (…) = 1", no index
    _traverse_internals = [
        ("as_in", InternalTraversal.dp_clauseelement),
        ("as_array", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, values: Iterable[Any]) -> None:
        listed = list(values)
        # one expanding parameter rather than a literal list: the values are not coerced one by one
        self.as_in = column.in_(bindparam("any_of_in", listed, expanding=True, unique=True))
        self.as_array = column == any_(bindparam("any_of", listed, type_=ARRAY(column.type), unique=True))


@compiles(AnyOf)
def _compile_in(element: AnyOf, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.as_in, **kw)


@compiles(AnyOf, "postgresql")
def _compile_array(element: AnyOf, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.as_array, **kw)


def any_of(column: Any, values: Iterable[Any]) -> AnyOf:
    """The condition ``column IN values`` as one parameter on PostgreSQL."""
    return AnyOf(column, values)
