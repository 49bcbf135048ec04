"""Which platform a pasted fragment comes from: the shapes customers paste, a few lines each."""

from __future__ import annotations

import pytest

from cre_desk.logs import format_detection, platform

FRAGMENTS = [
    (
        "android",
        [
            "2022-10-26 12:35:10.036 17392-17611 Braze v23....Properties com.poq.app             W  Value type "
            "is not supported. Cannot add property test_array."
        ],
    ),
    ("android", ["I/flutter ( 4921): OneSignal: permission prompt result false"]),
    (
        "android",
        [
            "E/AndroidRuntime: FATAL EXCEPTION: main",
            "    at com.clevertap.android.sdk.Utils.a(Utils.java:12)",
        ],
    ),
    (
        "android",
        [" **W/Braze v17.0.0 .com.braze.Braze: SDK is disabled. Actions will not be performed on the SDK.**"],
    ),
    (
        "android",
        ['Didn\'t find class "android.support.v4.content.WakefulBroadcastReceiver" on path: DexPathList'],
    ),
    ("ios", ["flutter: OneSignal: received notification"]),
    (
        "ios",
        [
            "[Firebase/Messaging][I-FCM012002] Error in application:didFailToRegisterForRemoteNotificationsWithError:"
            " remote notifications are not supported in the simulator"
        ],
    ),
    (
        "ios",
        ['Error Domain=NSCocoaErrorDomain Code=3000 "no valid “aps-environment” entitlement string found"'],
    ),
    ("ios", ["[Adjust]e: Please initialize Adjust by calling 'appDidLaunch' before"]),
    (
        "ios",
        ["Thread 0 Crashed:", "0   libswiftCore.dylib   0x0000000180a1b2c4 swift_unknownObjectRetain + 12"],
    ),
    (
        "ios",
        [
            "2024-11-20 10:14:02.118421+0900 Shop[812:3456] [Braze] Failed to register for remote notifications"
        ],
    ),
    # Wrappers' own prints, the Xcode console's system noise, Console.app copies, crash-report frames.
    (
        "ios",
        [
            "[VERBOSE-2:ui_dart_state.cc(198)] Unhandled Exception: PlatformException(error, push failed, null)"
        ],
    ),
    (
        "android",
        ["E/flutter (19294): [ERROR:flutter/runtime/dart_vm_initializer.cc(41)] Unhandled Exception: x"],
    ),
    ("ios", ["default\t10:14:02.118421+0900\tShop\tFailed to register for remote notifications"]),
    ("ios", ["3   UIKitCore                      0x00000001a2b3c4d5 -[UIApplication _run] + 1000"]),
    ("ios", ["⚡️  To Native ->  PushNotifications register 71207212"]),
    ("ios", ["[javascript] Push token request failed"]),
    ("ios", ["ERROR: Error registering for Apple push notifications. Error: no valid token"]),
    (
        "ios",
        ["nw_connection_copy_connected_local_endpoint_block_invoke [C3] Connection has no local endpoint"],
    ),
    (
        "android",
        [
            "---------------------------- PROCESS STARTED (30388) for package com.acme ----------------------------",
            "Request failed",
        ],
    ),
    (
        "android",
        [
            "Fatal Exception: java.lang.IllegalStateException: boom",
            "com.onesignal.OSUtils.getManifestMeta (SourceFile:12)",
        ],
    ),
    (
        "ios",
        [
            "Received 'BadDeviceToken' sending to 'af97951713e02543ba6f86e0dbbdbbf852cb3f9d44c0ebfd408a744ac71eebcd'."
        ],
    ),
    ("android", ["Token retrieval failed: SERVICE_NOT_AVAILABLE"]),
    ("ios", ['Push token: Optional("80f1b2c3d4"), user: nil']),
    ("android", ["[Unhandled promise rejection: Error: Couldn't get GCM token for device]"]),
    ("android", ["Android Bundled 812ms node_modules/expo-router/entry.js (1203 modules)"]),
    ("android", ["CleverTap Account ID and Token are not set in the manifest"]),
    ("ios", ["Push received but the Notification Service Extension did not run: mutable-content is 0"]),
    ("ios", ["Could not read app group group.com.acme.onesignal, swizzling disabled"]),
    ("android", ["Push stopped arriving after the update to Android 14"]),
    ("ios", ["Registration failed for <private>: token unavailable"]),
]


@pytest.mark.parametrize(
    ("expected", "lines"), FRAGMENTS, ids=[f"{e}-{i}" for i, (e, _l) in enumerate(FRAGMENTS)]
)
def test_a_fragment_of_a_few_lines_names_its_platform(expected, lines):
    detected = format_detection.detect(lines).format
    assert platform.guess(detected, lines) == expected


def test_a_log_with_no_platform_words_stays_undecided():
    assert platform.guess("generic", ["Request failed", "retrying in 30 s"]) == ""


def test_a_line_matching_an_sdk_message_known_from_one_platform_s_source_names_that_platform():
    assert platform.guess("generic", ["Request failed"], known=(0, 1)) == "ios"
    assert platform.guess("generic", ["Request failed"], known=(1, 0)) == "android"


def test_an_sdk_sentence_quoted_without_its_tag_names_the_platform_of_its_source(tmp_path):
    """A mined Android message quoted in a ticket, without the logcat prefix it was written with."""
    from cre_desk.logs import analysis
    from cre_desk.logs.document import LogDocument

    path = tmp_path / "pasted.log"
    path.write_text(
        "suspendInitInternal: no appId provided or found in local storage. Please pass a valid appId to "
        "initWithContext().\n",
        encoding="utf-8",
    )
    doc = LogDocument(path)
    try:
        assert analysis.analyze(doc).platform == "android"
    finally:
        doc.close()


def test_analysis_names_the_platform_of_an_sdk_message_known_from_that_platform_s_source(tmp_path):
    from cre_desk.logs import analysis
    from cre_desk.logs.document import LogDocument

    path = tmp_path / "pasted.log"
    path.write_text("SEG_ERROR: An internal error occurred: failedToOpenBatch\n", encoding="utf-8")
    doc = LogDocument(path)
    try:
        assert analysis.analyze(doc).platform == "ios"
    finally:
        doc.close()
