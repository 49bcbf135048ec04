"""The reply is drafted in the customer's language, told from what the customer wrote."""

from __future__ import annotations

from datetime import datetime

import pytest

from cre_desk.core.reply_language import customer_language, text_language
from cre_desk.core.tickets import MessageRecord, TicketDetail, TicketFields

NOW = datetime(2024, 5, 1, 10, 0)


def ticket(asked: str = "", messages=()) -> TicketDetail:
    records = tuple(MessageRecord(id=n, author_name=author, from_customer=customer, public=True, body=body,
                                  created_at=NOW) for n, (author, customer, body) in enumerate(messages))
    return TicketDetail(id=1, fields=TicketFields(title="Campaign", asked=asked), status="open",
                        source="manual",
                        external_id=None, external_url="", created_at=NOW, updated_at=NOW,
                        first_response_at=None, resolved_at=None, version=1, messages=records)


@pytest.mark.parametrize(("text", "language"), [
    ("アプリを開いたときに表示するキャンペーンを2つ作りましたが、2つ目が表示されません。", "ja"),
    ("Braze SDK の changeUser を呼んでもイベントが記録されません", "ja"),
    ("The welcome message never shows on Android 14.", "en"),
    ("Our app 「ニュース」 does not show the in-app message after login.", "en"),
    ("12345 !!", None),
    ("", None),
])
def test_the_language_of_a_text(text, language):
    assert text_language(text) == language


def test_the_customers_messages_decide_before_the_question_and_the_engineers_notes_do_not():
    japanese_customer = ticket(asked="Second campaign not shown", messages=[
        ("佐藤 健", True, "2つ目のキャンペーンが表示されません。設定が間違っていますか？"),
        ("Aki Sato", False, "Checking the logs now, looks like the FIAM daily limit."),
    ])
    assert customer_language(japanese_customer) == "ja"
    assert customer_language(ticket(asked="Push notifications arrive twice on iOS 17.")) == "en"
    assert customer_language(ticket(asked="プッシュ通知が2回届きます")) == "ja"
    assert customer_language(ticket()) is None
