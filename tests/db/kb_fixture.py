"""A small fixture of tickets with known duplicates, in English and Japanese, for similarity tests."""

from __future__ import annotations

#: group name -> ticket texts (title, customer's first message). Tickets of one group are duplicates.
GROUPS: dict[str, list[tuple[str, str]]] = {
    "iam_segment": [
        (
            "In-app message not shown to new users",
            "Our campaign in-app message never appears for users who just installed. The segment filter says "
            "'first session within 1 day' and the campaign is live.",
        ),
        (
            "IAM campaign does not display after install",
            "New installs do not see the in-app message campaign. "
            "The segment is first session within one day.",
        ),
        (
            "New users never see the in-app campaign",
            "The in-app message campaign targets a segment of new users (first session) but nothing appears.",
        ),
        (
            "In-app message missing for first session segment",
            "Campaign live, segment 'first session', in-app message not displayed on fresh installs.",
        ),
    ],
    "push_token": [
        (
            "Push notifications not delivered on Android 13",
            "Since targeting Android 13 our push notifications are not delivered. "
            "Notification permission prompt "
            "never shows and the token is missing.",
        ),
        (
            "No push on Android 13 devices",
            "Android 13 phones receive no push notification; "
            "POST_NOTIFICATIONS permission was never requested.",
        ),
        (
            "Push notification permission Android 13 not delivered",
            "Push not delivered after upgrading targetSdk to 33, "
            "permission dialog for notifications missing.",
        ),
    ],
    "events_user_id": [
        (
            "Custom events not recorded after login",
            "After the user logs in, custom events are no longer recorded on the profile. We call changeUser "
            "with the user id on login.",
        ),
        (
            "Events missing on user profile after changeUser",
            "Custom events do not show on the user profile once changeUser is called after login.",
        ),
        (
            "Login breaks custom event recording",
            "Custom events are recorded before login but not after changeUser on login.",
        ),
    ],
    "ja_iam": [
        (
            "アプリ内メッセージが表示されない",
            "新規インストールしたユーザーにアプリ内メッセージが表示されません。セグメントは初回起動から1日以内です。",
        ),
        (
            "新規ユーザーにアプリ内メッセージが出ない",
            "キャンペーンは配信中ですが、新規ユーザーのセグメントにアプリ内メッセージが表示されません。",
        ),
        (
            "アプリ内メッセージ 新規インストール 表示されない",
            "初回起動のセグメントでアプリ内メッセージが表示されないです。キャンペーンは有効です。",
        ),
    ],
    "ja_push": [
        (
            "Android 13でプッシュ通知が届かない",
            "Android 13の端末でプッシュ通知が届きません。通知の許可ダイアログが表示されていません。",
        ),
        (
            "プッシュ通知が届かない（Android 13）",
            "targetSdkを33にしてからプッシュ通知が届かなくなりました。通知許可が求められません。",
        ),
        (
            "通知許可が出ずプッシュ通知が届きません",
            "Android 13でプッシュ通知の許可ダイアログが出ず、通知が届かない状態です。",
        ),
    ],
}

#: Tickets that look like none of the groups, to make ranking honest.
NOISE: list[tuple[str, str]] = [
    ("How do I export a CSV of campaign results?", "Where can I download campaign results as a CSV file?"),
    ("Dashboard login fails with SSO", "Our team cannot log in to the dashboard through single sign-on."),
    ("Invoice address change", "Please change the billing address on our next invoice."),
    (
        "iOS build fails with linker error",
        "Xcode build fails with an undefined symbol linker error after update.",
    ),
    ("ダッシュボードのCSV出力方法", "キャンペーン結果をCSVでダウンロードする方法を教えてください。"),
    ("請求書の宛名変更", "次回の請求書の宛名を変更したいです。"),
]
