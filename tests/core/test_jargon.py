"""The jargon check: flags code, log debris and technical terms in both languages, and stays quiet on plain prose.

A check that cries wolf on ordinary marketer sentences gets ignored, so the false-alarm list matters as much
as the true positives.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cre_desk.core import jargon
from cre_desk.core.jargon import check


def kinds_of(text: str, language: str) -> list[tuple[str, str]]:
    return [(i.kind, i.text) for i in check(text, language)]


# ---------------------------------------------------------------- true positives

@pytest.mark.parametrize(("text", "language", "kind", "flagged"), [
    ("Please call changeUser first.", "en", "identifier", "changeUser"),
    ("The BrazeInAppMessageManager was not ready.", "en", "identifier", "BrazeInAppMessageManager"),
    ("Open MainActivity first.", "en", "identifier", "MainActivity"),
    ("The value of external_user_id was empty.", "en", "identifier", "external_user_id"),
    ("It is set in com.acme.shop.WelcomeScreen today.", "en", "identifier", "com.acme.shop.WelcomeScreen"),
    ("Then Foo.bar() runs.", "en", "identifier", "Foo.bar()"),
    ("Then refresh() runs.", "en", "identifier", "refresh()"),
    ("Use Braze.getInstance(context) here.", "en", "identifier", "Braze.getInstance(context)"),
    ("The FCMToken field is empty.", "en", "identifier", "FCMToken"),
    ("at com.acme.Foo.bar(Foo.java:12)", "en", "stack_frame", "at com.acme.Foo.bar(Foo.java:12)"),
    ('File "app.py", line 12, in main', "en", "stack_frame", 'File "app.py", line 12'),
    ("The log is in /var/log/app.log now.", "en", "path", "/var/log/app.log"),
    ("See C:\\Users\\kenji\\log.txt please.", "en", "path", "C:\\Users\\kenji\\log.txt"),
    ("Edit app/src/main/... to fix it.", "en", "path", "app/src/main/..."),
    ("Change build.gradle first.", "en", "path", "build.gradle"),
    ("The address 0x7f0a1b2c failed.", "en", "hex", "0x7f0a1b2c"),
    ("Install 3f9a2b7c1d4e5f60 failed.", "en", "hex", "3f9a2b7c1d4e5f60"),
    ("Device 550e8400-e29b-41d4-a716-446655440000 is listed.", "en", "hex", "550e8400-e29b-41d4-a716-446655440000"),
    ("The FCM token changed.", "en", "glossary", "FCM token"),
    ("Both FCM tokens changed.", "en", "glossary", "FCM tokens"),
    ("The Activity was closed.", "en", "glossary", "Activity"),
    ("The session timeout is 10 seconds.", "en", "glossary", "session timeout"),
    ("Update the sdk soon.", "en", "glossary", "sdk"),
    ("Check the payload.", "en", "glossary", "payload"),
    ("Send logcat output.", "en", "glossary", "logcat"),
    ("A deep link opens it.", "en", "glossary", "deep link"),
    ("changeUserを呼び出してください。", "ja", "identifier", "changeUser"),
    ("BrazeInAppMessageManagerが原因です。", "ja", "identifier", "BrazeInAppMessageManager"),
    ("external_user_idが空でした。", "ja", "identifier", "external_user_id"),
    ("Braze.getInstance(context)を使います。", "ja", "identifier", "Braze.getInstance(context)"),
    ("at com.acme.Foo.bar(Foo.java:12)で落ちました。", "ja", "stack_frame", "at com.acme.Foo.bar(Foo.java:12)"),
    ("ログは/sdcard/Download/log.txtにあります。", "ja", "path", "/sdcard/Download/log.txt"),
    ("設定はC:\\work\\app.xmlです。", "ja", "path", "C:\\work\\app.xml"),
    ("アドレス0x7f0a1b2cで失敗しました。", "ja", "hex", "0x7f0a1b2c"),
    ("FCMトークンが変わりました。", "ja", "glossary", "FCMトークン"),
    ("Activityが閉じられました。", "ja", "glossary", "Activity"),
    ("セッションタイムアウトは10秒です。", "ja", "glossary", "セッションタイムアウト"),
    ("ペイロードをご確認ください。", "ja", "glossary", "ペイロード"),
    ("SDKを更新してください。", "ja", "glossary", "SDK"),
])
def test_true_positives(text, language, kind, flagged):
    assert (kind, flagged) in kinds_of(text, language), kinds_of(text, language)


def test_glossary_suggestions_are_plain_words():
    (issue,) = check("The FCM token changed.", "en")
    assert issue.suggestion == "the phone's push address"
    (issue,) = check("FCMトークンが変わりました。", "ja")
    assert issue.suggestion == "端末のプッシュ通知の宛先"
    (issue,) = check("Activityです。", "ja")
    assert issue.suggestion == "画面"


def test_a_code_name_that_is_also_a_glossary_term_stays_an_identifier_with_the_plain_words():
    (issue,) = check("Call changeUser.", "en")
    assert issue.kind == "identifier"
    assert "who the user is" in issue.suggestion


def test_issue_offsets_point_at_the_text():
    text = "Please call changeUser and see /var/log/x.log."
    for issue in check(text, "en"):
        assert text[issue.start:issue.end] == issue.text


def test_issues_are_sorted_by_start():
    issues = check("The FCM token and changeUser and 0x7f0a and /var/x/y.", "en")
    assert [i.start for i in issues] == sorted(i.start for i in issues)
    assert [i.kind for i in issues] == ["glossary", "identifier", "hex", "path"]


def test_long_english_sentence_is_counted_in_words():
    long_sentence = " ".join(["word"] * 31) + "."
    (issue,) = check(long_sentence, "en")
    assert issue.kind == "long_sentence" and "31" in issue.suggestion
    assert check(" ".join(["word"] * 30) + ".", "en") == []


def test_long_japanese_sentence_is_counted_in_characters():
    long_sentence = "あ" * 81 + "。"
    issues = check(long_sentence + "短い文です。", "ja")
    assert [(i.kind, i.start) for i in issues] == [("long_sentence", 0)]
    assert issues[0].text == long_sentence
    assert check("あ" * 80 + "。", "ja") == []


def test_segment_is_a_marketer_word_and_never_flagged():
    assert check("The user was not in the segment.", "en") == []
    assert check("ユーザーがセグメントに含まれていませんでした。", "ja") == []


def test_activity_in_lower_case_is_ordinary_english():
    assert check("We saw no activity from the user yesterday.", "en") == []


# ---------------------------------------------------------------- no false alarms

PLAIN_EN = [
    "Please check the dashboard.",
    "Thank you for your patience while we looked into this.",
    "The message did not appear on the test phone.",
    "Your campaign is live and the audience looks right.",
    "On iOS and Android the behaviour is the same.",
    "OK, we will close this request on Friday.",
    "We tested it on 2024-05-01 at 10:30 with 3 test users.",
    "The message will show again after 24 hours.",
    "Please send us a screenshot of the campaign settings.",
    "You can find the guide at https://www.braze.com/docs/user_guide/message_building.",
    "Please email support@example.com if you have questions.",
    "The users in the segment will see it next time they open the app.",
    "We recommend testing on a real phone, e.g. an iPhone or a Pixel.",
    "The A/B test ended on 5/1/2024 and version 30.4.0 is the latest.",
    "McDonald and DeShawn both received the message.",
    "Your OneSignal and CleverTap accounts are not affected.",
    "Most users opened the app within 10 minutes.",
    "We checked the URLs and IDs you sent.",
    "Visit dashboard.braze.com and open Settings.",
    "The push arrived at 9 a.m. as planned.",
]

PLAIN_JA = [
    "ダッシュボードをご確認ください。",
    "お待たせして申し訳ございません。",
    "テスト端末でメッセージが表示されませんでした。",
    "キャンペーンは配信中で、配信対象も正しく設定されています。",
    "iOS と Android で同じ動作になります。",
    "金曜日にこのお問い合わせをクローズいたします。",
    "2024年5月1日 10:30 に、3名のテストユーザーで確認しました。",
    "メッセージは24時間後に再度表示されます。",
    "キャンペーン設定のスクリーンショットをお送りください。",
    "詳しくは https://www.braze.com/docs/ja/user_guide/ をご覧ください。",
    "ご不明な点は support@example.com までご連絡ください。",
    "セグメントに含まれるユーザーには、次回アプリを開いたときに表示されます。",
    "実機の iPhone でお試しいただくことをおすすめします。",
    "バージョン 30.4.0 が最新です。",
    "OK です。本件はこれで解決となります。",
    "ユーザーの多くは10分以内にアプリを開いていました。",
]


@pytest.mark.parametrize("sentence", PLAIN_EN)
def test_plain_english_sentences_produce_no_issues(sentence):
    assert check(sentence, "en") == [], kinds_of(sentence, "en")


@pytest.mark.parametrize("sentence", PLAIN_JA)
def test_plain_japanese_sentences_produce_no_issues(sentence):
    assert check(sentence, "ja") == [], kinds_of(sentence, "ja")


def test_plain_paragraph_as_a_whole_produces_no_issues():
    assert check("\n".join(PLAIN_EN), "en") == []
    assert check("".join(PLAIN_JA), "ja") == []


# ---------------------------------------------------------------- data and robustness

def test_both_glossaries_load_with_enough_terms():
    for language in ("en", "ja"):
        terms = jargon.load_glossary(language)
        assert len(terms) >= 25
        assert all(t.suggestion for t in terms)
        assert not any(t.term.lower() in ("segment", "セグメント") for t in terms)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "ja"]))
def test_any_text_is_checked_without_error_and_offsets_match(text, language):
    for issue in check(text, language):
        assert issue.kind in jargon.KINDS
        assert text[issue.start:issue.end] == issue.text
