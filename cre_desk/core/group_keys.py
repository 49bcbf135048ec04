"""How the product-feedback figures recognise one customer and one question however they are typed.

The report counts a customer once whatever the case and spacing of its name, and groups tickets linked to no
item by their title without case, punctuation and extra spaces. The keys are computed here, in Python, when a
ticket is written and stored beside it (``tickets.customer_key``, ``tickets.title_key``), so SQLite and
PostgreSQL group by the very same strings and no query normalises text on every row it reads.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"[^\w\s]")


def title_key(title: str) -> str:
    """How unlinked tickets group: the title without case, punctuation and extra spaces."""
    return " ".join(_PUNCTUATION.sub(" ", (title or "").lower()).split())


def customer_key(name: str) -> str:
    """One customer however its name is cased and spaced."""
    return " ".join((name or "").lower().split())
