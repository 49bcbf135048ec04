"""Which platform a pasted fragment comes from: the shapes customers paste, a few lines each."""

from __future__ import annotations

import pytest

from cre_desk.logs import formats, platform

FRAGMENTS = [
    ("android", ["2022-10-26 12:35:10.036 17392-17611 Braze v23....Properties com.poq.app             W  Value type "
                 "is not supported. Cannot add property test_array."]),
    ("android", ["I/flutter ( 4921): OneSignal: permission prompt result false"]),
    ("android", ["E/AndroidRuntime: FATAL EXCEPTION: main", "    at com.clevertap.android.sdk.Utils.a(Utils.java:12)"]),
    ("android", [" **W/Braze v17.0.0 .com.braze.Braze: SDK is disabled. Actions will not be performed on the SDK.**"]),
    ("android", ["Didn't find class \"android.support.v4.content.WakefulBroadcastReceiver\" on path: DexPathList"]),
    ("ios", ["flutter: OneSignal: received notification"]),
    ("ios", ["[Firebase/Messaging][I-FCM012002] Error in application:didFailToRegisterForRemoteNotificationsWithError:"
             " remote notifications are not supported in the simulator"]),
    ("ios", ["Error Domain=NSCocoaErrorDomain Code=3000 \"no valid “aps-environment” entitlement string found\""]),
    ("ios", ["[Adjust]e: Please initialize Adjust by calling 'appDidLaunch' before"]),
    ("ios", ["Thread 0 Crashed:", "0   libswiftCore.dylib   0x0000000180a1b2c4 swift_unknownObjectRetain + 12"]),
    ("ios", ["2024-11-20 10:14:02.118421+0900 Shop[812:3456] [Braze] Failed to register for remote notifications"]),
]


@pytest.mark.parametrize(("expected", "lines"), FRAGMENTS, ids=[f"{e}-{i}" for i, (e, _l) in enumerate(FRAGMENTS)])
def test_a_fragment_of_a_few_lines_names_its_platform(expected, lines):
    detected = formats.detect(lines).format
    assert platform.guess(detected, lines) == expected


def test_a_log_with_no_platform_words_stays_undecided():
    assert platform.guess("generic", ["Request failed", "retrying in 30 s"]) == ""
