"""The language a reply to the customer is drafted in: the customer's, not the engineer's interface's.

Why: a Japanese engineer answering an English ticket (or the other way round) must not send the customer
a reply in a language they did not write in. The customer's own words (their messages, else the question
on the Overview form) decide; the engineer can still switch, and the draft remembers the switch.
"""

from __future__ import annotations

import re

from cre_desk.core.tickets import TicketDetail

#: Kana, kanji and half-width katakana: any Japanese sentence has plenty of them.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def text_language(text: str) -> str | None:
    """"ja" or "en" for ``text``, None when it has no letters to tell by.

    Japanese questions name SDKs and methods in Latin letters, so the letters are weighed: one kana or
    kanji stands for about a word's worth (three letters) of English.
    """
    japanese = len(_JAPANESE.findall(text))
    latin = len(_LATIN.findall(text))
    if japanese == 0 and latin == 0:
        return None
    return "ja" if japanese * 3 >= latin else "en"


def customer_language(ticket: TicketDetail) -> str | None:
    """The language the customer writes in: their messages first, else the question asked; None if unknown."""
    said = "\n".join(m.body for m in ticket.messages if m.from_customer)
    return text_language(said) or text_language(ticket.fields.asked)
