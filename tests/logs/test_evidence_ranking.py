"""Generic evidence and honest ranking, on excerpts shaped like the logs customers paste."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cre_desk.logs import analysis, attribution, evidence_kinds, findings_wording, prescan
from cre_desk.logs.document import LogDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
from load import load_cases  # noqa: E402


def _analyze(tmp_path, text: str, symptom: str | None = None) -> analysis.Analysis:
    path = tmp_path / "pasted.log"
    path.write_text(text, encoding="utf-8")
    doc = LogDocument(path)
    try:
        return analysis.analyze(doc, symptom=symptom)
    finally:
        doc.close()


def test_a_decisive_line_names_its_area_and_says_why(tmp_path):
    result = _analyze(
        tmp_path,
        "02-25 10:52:51.370 I/FA      (24178): App measurement is starting up\n"
        "02-25 10:52:51.373 E/FA      (24178): Invalid public event name. Event will not be "
        "logged (FE): app install\n",
        "events_not_recorded",
    )
    top = result.suspected_areas[0]
    assert top["area"] == "C" and top["confidence"] != "low" and result.decisive
    assert any("event" in why.lower() for why in top["why"])
    finding = next(f for f in result.findings if f.area == "C")
    assert finding.evidence == (
        (
            1,
            "02-25 10:52:51.373 E/FA      (24178): Invalid public event name. Event will "
            "not be logged (FE): app install",
        ),
    )


def test_conflicting_evidence_ranks_the_more_specific_line_first_and_keeps_the_other(tmp_path):
    result = _analyze(
        tmp_path,
        (
            'W/OneSignal(  631): OneSignalRestClient: POST RECEIVED JSON: {"errors":["App with id: 887 does not exist"]}\n'
            "E/AndroidRuntime( 631): java.lang.NoClassDefFoundError: Failed resolution of: "
            "Landroid/support/v4/content/WakefulBroadcastReceiver;\n"
        ),
    )
    areas = [a["area"] for a in result.suspected_areas]
    assert areas[:2] == ["D", "B"]


def test_nothing_decisive_says_so_and_tells_how_to_capture_a_verbose_log(tmp_path):
    result = _analyze(
        tmp_path,
        "11-20 10:14:02.118  8812  8812 D Braze v30.4.0 .BrazeManager: Requesting content "
        "cards refresh\n11-20 10:14:03.118  8812  8812 I ActivityManager: Displayed "
        "com.acme/.MainActivity: +320ms\n",
        "iam_not_shown",
    )
    assert not result.decisive
    assert result.advice and "verbose" in result.advice["en"]
    step = result.advice["steps"][0]
    assert (
        step["vendor"] == "braze"
        and step["platform"] == "android"
        and "BrazeLogger" in step["en"]
        and step["ja"]
    )


def test_a_crash_cites_the_sdk_frame_exactly_as_in_the_file(tmp_path):
    text = (
        "08-01 12:00:00.000  4000  4000 E AndroidRuntime: FATAL EXCEPTION: main\n"
        "08-01 12:00:00.000  4000  4000 E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke "
        "virtual method on a null object reference\n"
        "\tat android.os.Handler.dispatchMessage(Handler.java:106)\n"
        "\tat com.clevertap.android.sdk.InAppFCManager.canShow(InAppFCManager.java:120)\n"
        "\tat com.acme.shop.MainActivity.onResume(MainActivity.kt:40)\n"
    )
    result = _analyze(tmp_path, text)
    cited = {n for f in result.findings for n, _ in f.evidence}
    assert 3 in cited, "the frame inside the SDK is the telling one"
    data = result.to_json()
    lines = [e for f in data["findings"] for e in f["evidence"]]
    assert {
        "line": 4,
        "text": "\tat com.clevertap.android.sdk.InAppFCManager.canShow(InAppFCManager.java:120)",
    } in lines
    assert data["platform"] == "android" and "decisive" in data and "suspected_areas" in data


def test_json_keeps_its_shape(tmp_path):
    data = _analyze(
        tmp_path,
        "W/FIAM.Headless: Service fetch error: PERMISSION_DENIED: Requests from this Android "
        "client application <empty> are blocked.\n",
    ).to_json()
    for key in (
        "name",
        "format",
        "lines",
        "entries",
        "vendors",
        "facts",
        "findings",
        "suspected_areas",
        "baseline",
    ):
        assert key in data
    json.dumps(data)
    assert data["suspected_areas"][0]["area"] == "B"  # the detail outranks the rule's envelope


def test_every_corpus_log_is_analysed_and_the_dev_split_holds_its_figures(tmp_path):
    """A regression floor on the split we tune on (the held-out split is only reported, in bench/)."""
    cases = [c for c in load_cases() if c.split == "dev"]
    surfaced = revealing = right = labelled = 0
    for case in cases:
        result = _analyze(tmp_path, case.log, case.symptom if case.symptom != "other" else None)
        flagged = analysis.flagged_lines(result)
        for numbers in case.revealing_numbers():
            revealing += 1
            surfaced += any(n in flagged for n in numbers)
        if case.labelled:
            labelled += 1
            right += bool(result.suspected_areas) and result.suspected_areas[0]["area"] == case.area
    assert len(cases) >= 60
    assert surfaced / revealing >= 0.90, (surfaced, revealing)
    assert right / labelled >= 0.80, (right, labelled)


@pytest.mark.parametrize("case", [c for c in load_cases() if c.split == "dev"], ids=lambda c: c.id)
def test_the_prescan_changes_nothing_on_real_logs(tmp_path, case):
    from cre_desk.logs import rule_scan
    from cre_desk.logs import rules as rules_module

    path = tmp_path / "case.log"
    path.write_text(case.log, encoding="utf-8")
    doc = LogDocument(path)
    doc.build()
    full = rule_scan.Scanner(rules_module.load_rules())
    full.feed(doc.iter_entries())
    fast = rule_scan.Scanner(rules_module.load_rules())
    selected: dict[int, list[int]] = {}
    heads = prescan.candidate_entries(doc, fast, selected=selected)
    fast.feed_selected((e, sorted(set(selected.get(e.line_no, ())))) for e in doc.iter_entries(lines=heads))
    assert fast.findings() == full.findings()
    assert fast.facts() == full.facts()
    doc.close()


def test_a_known_issue_fixed_after_the_logged_version_is_named_with_its_source(tmp_path):
    from cre_desk.logs import known_issues

    braze = [i for i in known_issues.load() if i.vendor == "braze" and i.platform == "android"]
    assert braze, "the Braze Android changelog was mined"
    newest = min(
        (i for i in braze if i.symptom != "other" and not i.introduced_in),
        key=lambda i: known_issues.parse_version(i.fixed_in),
    )
    result = _analyze(
        tmp_path,
        "11-20 10:14:02.118  8812  8812 I Braze v1.0.0 .Braze: Braze SDK Initializing\n",
        newest.symptom,
    )
    found = [f for f in result.findings if f.rule_id == newest.id]
    assert found and "1.0.0" in found[0].title and newest.fixed_in in found[0].title
    assert found[0].evidence[0][0] == 0 and "Braze v1.0.0" in found[0].evidence[0][1]
    assert newest.source.startswith("braze-inc/")
    latest = _analyze(
        tmp_path,
        f"11-20 10:14:02.118  8812  8812 I Braze v{newest.fixed_in} .Braze: Braze SDK Initializing\n",
        newest.symptom,
    )
    unrelated = _analyze(
        tmp_path, "11-20 10:14:02.118  8812  8812 I Braze v1.0.0 .Braze: Braze SDK Initializing\n"
    )
    assert not [f for f in unrelated.findings if f.rule_id.startswith("BRZ-A-KI")], (
        "no symptom, no crash: none"
    )
    assert not [f for f in latest.findings if f.rule_id == newest.id], "fixed in the version the log shows"


def test_every_known_issue_file_loads_with_versions_and_sources():
    from cre_desk.logs import known_issues

    issues = known_issues.load()
    assert len(issues) >= 100
    assert all(
        known_issues.parse_version(i.fixed_in) and i.source and i.summary.en and i.summary.ja for i in issues
    )


def test_stack_frames_are_cited_only_as_the_crash_s_telling_frames(tmp_path):
    text = (
        "E/Amplitude(12281): Stack trace: org.json.JSONException: Value x of type java.lang.String cannot be "
        "converted to JSONObject\n"
        "E/Amplitude(12281): \tat org.json.JSON.typeMismatch(JSON.java:112)\n"
        "E/Amplitude(12281): \tat com.amplitude.core.utilities.HttpResponse.create(Response.kt:14)\n"
        "E/Amplitude(12281): \tat com.acme.shop.Checkout.send(Checkout.kt:40)\n"
        "E/Amplitude(12281): \tat java.lang.Thread.run(Thread.java:1012)\n"
    )
    flagged = analysis.flagged_lines(_analyze(tmp_path, text))
    assert flagged == {0, 2, 3}, "the exception, the SDK's frame and the app's frame; not every frame"


def test_a_crashlytics_raw_text_crash_is_a_crash_with_its_sdk_frame(tmp_path):
    text = (
        "Caused by java.lang.NullPointerExceptionAttempt to invoke virtual method 'void a.b()' on a null object "
        "reference Raw Text\n--\n"
        "  | com.clevertap.android.sdk.DeviceInfo.initDeviceID + 98 (DeviceInfo.java:98)\n"
        "  | android.app.Fragment.onAttach + 1484 (Fragment.java:1484)\n"
    )
    result = _analyze(tmp_path, text)
    crash = next(f for f in result.findings if f.rule_id == "GEN-crash")
    assert crash.line_nos == (0, 2) and result.suspected_areas[0]["area"] == "D"


def test_an_app_id_in_a_request_or_a_configuration_dump_is_not_an_identity_problem(tmp_path):
    healthy = _analyze(
        tmp_path,
        'D/OneSignal: OneSignalRestClient: POST SEND JSON: {"app_id":"88eea516"}\n'
        "I/CleverTap: Initializing default instance. CleverTapAccountID: TEST-XXX Token: X\n",
    )
    assert not [f for f in healthy.findings if f.rule_id == "GEN-identity"]
    broken = _analyze(tmp_path, "W/Acme: Request failed: invalid app id 88eea516\n")
    assert [f for f in broken.findings if f.rule_id == "GEN-identity"]


def test_a_repeated_message_is_cited_once_and_counted(tmp_path):
    text = "".join(
        f"10-27 20:2{k}:53.365 22368 22577 I Gist    : No messages found for user\n"
        f"10-27 20:2{k}:54.000 22368 22577 I Gist    : Fetching user messages\n"
        for k in range(4)
    )
    result = _analyze(tmp_path, text, "iam_not_shown")
    finding = next(f for f in result.findings if f.rule_id == "GEN-nothing_eligible")
    assert finding.line_nos == (0,) and finding.count == 4


def test_a_known_sdk_message_says_what_its_own_words_mean_and_a_detail_beside_it_refines_it(tmp_path):
    known = _analyze(
        tmp_path,
        "08-23 10:49:38.246 26864 30696 D CleverTap:PushProvider:  [PushType:FCM]  not "
        "renderning since cleverTapAPI is null\n",
        "push_not_delivered",
    )
    assert known.suspected_areas[0]["area"] == "B", (
        "the rule written for this message decides, not a word in it"
    )
    envelope = _analyze(
        tmp_path,
        "W/FIAM.Headless: Service fetch error: PERMISSION_DENIED: Requests from this "
        "Android client application <empty> are blocked.\n",
    )
    assert envelope.suspected_areas[0]["area"] == "B", "the detail inside the rule's variable part refines it"


@pytest.mark.parametrize(
    ("line", "area"),
    [
        ("E/OneSignal: Delivery failed: Apple returned BadDeviceToken for this player", "B"),
        ("W/Acme: FCM send failed: messaging/mismatched-credential", "B"),
        (
            "W/GCM-DMM( 4120): broadcast intent callback: result=CANCELLED forIntent { act=com.google.android.c2dm.intent."
            "RECEIVE pkg=com.acme (has extras) }",
            "E",
        ),
        ("[Error: No Firebase App '[DEFAULT]' has been created - call Firebase App.initializeApp()]", "D"),
        ("AirshipKit/Airship.swift:128: Fatal error: TakeOff must be called before accessing Airship.", "D"),
        ("Error: Couldn't get push token for device. Check that your FCM configuration is valid.", "B"),
        ("Amplitude Logger [Error]: upload failed, wrong server zone for this project (EU)", "B"),
        ("I/OneSignal: notification permission not granted", "E"),
        ("WARNING: appId set, but please call setLaunchOptions(launchOptions) to complete OneSignal init!",
         "D"),
        ("[Braze] Please call Braze.configure() with a valid API key before logging events", "D"),
        ("E/Acme: Please check the API key: it is invalid", "B"),
        ('Error Domain=UNErrorDomain Code=1 "Notifications are not allowed for this application"', "E"),
        ("W/NotificationService: Blocking notification: channel 'default' is blocked by user", "E"),
        ("E/OneSignal: Unknown error getting FCM Token: FIS_AUTH_ERROR", "B"),
        ("Error: The registration token is not a valid FCM registration token", "B"),
        ("[Segment] Unauthorized: write key is invalid", "B"),
        ("OneSignal: App ID is not a valid UUID", "B"),
        ("[Iterable] JWT token is expired", "B"),
        ("E/MoEngage: InApp Module: Account is blocked, InApps will not be shown", "B"),
        ("[CleverTap] Profile push failed: Identity mismatch for this device", "B"),
        ("[Acme] Channel registration failed: 403", "B"),
        ("E/Amplitude: Unable to upload events: server rejected with code 413 Payload Too Large", "D"),
        (
            "<Error> [com.apple.pushLaunch.com.acme] Not delivering notification: app is not running and "
            "is not allowed to launch in background",
            "E",
        ),
    ],
)
def test_push_providers_and_the_os_refusing_are_named(tmp_path, line, area):
    result = _analyze(tmp_path, line + "\n", "push_not_delivered")
    assert result.suspected_areas[0]["area"] == area and result.decisive


def test_a_line_that_cannot_explain_the_ticket_s_symptom_weighs_less(tmp_path):
    text = (
        'Error Domain=NSCocoaErrorDomain Code=3000 "no valid “aps-environment” entitlement string found"\n'
        "[braze] Unable to present message - unable to find the app root view controller.\n"
    )
    push = {a["area"]: a["score"] for a in _analyze(tmp_path, text, "push_not_delivered").suspected_areas}
    iam = _analyze(tmp_path, text, "iam_not_shown").suspected_areas
    assert iam[0]["area"] == "D"
    assert [a["score"] for a in iam if a["area"] == "E"] == [push["E"] / 2], "kept, at half its weight"


def test_an_ios_or_dart_crash_cites_the_sdk_frame_and_the_app_frame(tmp_path):
    ios = (
        "*** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: '-[NSNull length]: "
        "unrecognized selector sent to instance 0x1f0e3c0'\n"
        "0   CoreFoundation                      0x0000000180a1b2c4 __exceptionPreprocess + 160\n"
        "1   libobjc.A.dylib                     0x0000000180a1b2c8 objc_exception_throw + 56\n"
        "2   OneSignalCore                       0x0000000104a1b2cc -[OSRequest urlRequest] + 212\n"
        "3   Shop                                0x0000000102a1b2d0 -[AppDelegate application:didFinish] + 88\n"
        "4   UIKitCore                           0x0000000184a1b2d4 -[UIApplication _run] + 1000\n"
    )
    assert analysis.flagged_lines(_analyze(tmp_path, ios)) == {0, 3, 4}
    dart = (
        "E/flutter (19294): [ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: "
        "PlatformException(error, token failed, null, null)\n"
        "E/flutter (19294): #0      StandardMethodCodec.decodeEnvelope (package:flutter/src/services/"
        "message_codecs.dart:607:7)\n"
        "E/flutter (19294): #1      FirebaseMessaging.getToken (package:firebase_messaging/src/messaging.dart:"
        "120:5)\n"
        "E/flutter (19294): #2      PushService.init (package:shop/push_service.dart:31:9)\n"
    )
    assert analysis.flagged_lines(_analyze(tmp_path, dart)) == {0, 2, 3}


def test_the_messages_listed_in_a_server_s_error_list_are_cited(tmp_path):
    nserror = (
        "Request <OSRequestUpdateExternalUserId: 0x2800085a0> fail result error Error Domain=OneSignalError "
        'Code=400 "(null)" UserInfo={returned={\n'
        "    errors =     (\n"
        '        "No user with this id found"\n'
        "    );\n"
        "}}\n"
    )
    result = _analyze(tmp_path, nserror, "events_not_recorded")
    assert 2 in analysis.flagged_lines(result)
    json_body = 'W/Acme: upload failed, response: {\n  "errors": [\n    "Invalid API key"\n  ]\n}\n'
    result = _analyze(tmp_path, json_body, "events_not_recorded")
    assert 2 in analysis.flagged_lines(result) and result.suspected_areas[0]["area"] == "B"


def test_a_detail_on_the_continuation_line_of_a_rule_s_entry_refines_the_rule(tmp_path):
    text = (
        "2019-09-13 14:32:28.361 14885-15462/com.acme E/OneSignal: Error Getting FCM Token\n"
        "    java.io.IOException: INVALID_SENDER\n"
        "        at com.google.firebase.iid.zzr.zza(Unknown Source:66)\n"
    )
    result = _analyze(tmp_path, text, "push_not_delivered")
    assert result.suspected_areas[0]["area"] == "B"
    assert {0, 1} <= analysis.flagged_lines(result)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        (
            "02-15 16:09:26.357 9858-11485/com.acme D/MyApp - UALib: Analytics disabled - ignoring event: push",
            "not_done",
        ),
        ("Log: Existing upload in progress, skipping...", "not_done"),
        ("D/OneSignal: User is opted out, notification_types: -2", "opted_out"),
    ],
)
def test_an_sdk_saying_it_did_not_do_the_work_is_cited(tmp_path, line, key):
    result = _analyze(tmp_path, line + "\n", "events_not_recorded")
    assert [f.line_nos for f in result.findings if f.rule_id == f"GEN-{key}"] == [(0,)]


def test_an_app_s_own_skipping_line_outside_an_excerpt_is_not_cited(tmp_path):
    text = "".join(f"11-20 10:14:{k % 60:02d}.118  8812  8812 D Acme: frame {k}\n" for k in range(400))
    text += "11-20 10:15:02.118  8812  8812 D Acme: skipping layout pass\n"
    assert not [f for f in _analyze(tmp_path, text).findings if f.rule_id == "GEN-not_done"]


def test_an_app_s_own_error_level_print_without_an_error_word_is_not_cited(tmp_path):
    """Apps log their own progress at error level to make it stand out; only an SDK's such line counts."""
    text = (
        "08-24 16:45:34.012 1076-1076/com.acme E/MainActivity: registerInAppMessageManager\n"
        "08-24 16:45:34.300 1076-1076/com.acme E/OneSignal: promptPermission() is not applicable in Android\n"
    )
    flagged = analysis.flagged_lines(_analyze(tmp_path, text))
    assert flagged == {1}


def test_a_failure_the_app_prints_through_its_wrapper_at_info_level_is_cited(tmp_path):
    """React Native's console.log and Flutter's print log at info level; in an excerpt, errors there count."""
    text = (
        "05-10 12:00:00.000 12345 12346 I ReactNativeJS: Running application\n"
        "05-10 12:00:00.100 12345 12346 I ReactNativeJS: Error: [messaging/unknown] The operation failed.\n"
        "05-10 12:00:00.200 12345 12346 I Acme: Error: [cache/unknown] The operation failed.\n"
    )
    assert analysis.flagged_lines(_analyze(tmp_path, text)) == {1}


def test_an_ios_key_or_id_that_is_nil_is_an_identity_problem(tmp_path):
    result = _analyze(tmp_path, "[CleverTap]: CleverTap account ID is nil\n")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-identity"] == [(0,)]
    assert result.suspected_areas[0]["area"] == "B"


def test_a_version_read_off_the_tag_does_not_hide_what_the_line_reports(tmp_path):
    """Braze writes its version into every tag; that fact must not cover the message on the same line."""
    line = (
        "W/Braze v24.0.0 .BrazeFirebaseMessagingService: Remote message did not originate from Braze. "
        "Not consuming remote message\n"
    )
    result = _analyze(tmp_path, line, "push_not_delivered")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-push_handler"] == [(0,)]


def test_a_debug_line_saying_a_message_was_not_shown_is_cited(tmp_path):
    line = "D/Acme: In-app message not displayed: another message is on screen\n"
    result = _analyze(tmp_path, "V/Acme: start\n" + line, "iam_not_shown")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-not_displayed"] == [(1,)]


@pytest.mark.parametrize(
    "line",
    [
        "I/Braze v23.0.1 .Braze: Automatic ADM registration not enabled in configuration. Braze will not "
        "register for ADM.",
        "V/Braze v23.0.1 .Braze: The instance is null. Allowing instance initialization",
        'I/ReactNativeJS: Running application "Shop" with appParams: {}. __DEV__ === true, development-level'
        " warning are ON, performance optimizations are OFF",
    ],
)
def test_an_sdk_s_routine_start_up_lines_are_not_flagged(tmp_path, line):
    """Amazon push off on a phone, an instance's first start, a wrapper's banner: healthy apps log them."""
    result = _analyze(tmp_path, line + "\n", "push_not_delivered")
    assert not [f.rule_id for f in result.findings if f.rule_id.startswith("GEN-")]


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        ("FLTFireMsgReceiver", "firebase"),
        ("RNFBMessagingModule", "firebase"),
        ("Segment", "segment"),
        ("[Segment] upload failed", "segment"),
        ("SEGAnalytics", "segment"),
        ("ExpoNotifications", "expo"),
        ("MoE_Core_PushHandler", "moengage"),
        ("Audience segment: vip", ""),
        ("segmentation fault", ""),
        ("export failed", ""),
    ],
)
def test_wrapper_and_sdk_tags_name_their_vendor_and_common_words_do_not(text, vendor):
    assert attribution.vendor_of(text) == vendor


def test_an_sdk_s_sandbox_mode_notice_is_a_test_environment_not_a_wrong_key(tmp_path):
    line = (
        "W/Adjust: SANDBOX: Adjust is running in Sandbox mode. Use this setting for testing. Don't forget to"
        " set the environment to `production` before publishing!\n"
    )
    result = _analyze(tmp_path, line, "events_not_recorded")
    assert [f.rule_id for f in result.findings if f.rule_id.startswith("GEN-")] == ["GEN-environment"]


def test_a_test_environment_in_use_is_cited_as_a_targeting_lead(tmp_path):
    text = (
        "2018-01-24 17:04:32.533036-0500 LAT[367:30275] [I] +[UAirship executeUnsafeTakeOff:] [Line 185] UAirship "
        "Take Off! Lib Version: 8.6.3 App Key: xyz Production: NO.\n"
    )
    result = _analyze(tmp_path, text, "push_not_delivered")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-environment"] == [(0,)]
    assert result.suspected_areas[0]["area"] == "B" and not result.decisive, "a lead, not proof"


@pytest.mark.parametrize(
    "line",
    [
        '    "pushToken": null',
        "Warning: None of the selected users have matching push tokens for iOS Push.",
        "No registration IDs/Profiles specified",
    ],
)
def test_a_device_without_a_push_token_is_cited_for_a_push_ticket(tmp_path, line):
    result = _analyze(tmp_path, line + "\n", "push_not_delivered")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-no_token"] == [(0,)]


def test_a_push_taken_by_another_sdk_s_receiver_is_cited_for_push_tickets(tmp_path):
    text = (
        "D/FLTFireMsgReceiver( 4922): broadcast received for message\n"
        "D/PushInterceptReceiver( 4922): Push message received, not for Intercom\n"
    )
    result = _analyze(tmp_path, text, "push_not_delivered")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-push_handler"] == [(1,)]


@pytest.mark.parametrize(
    "line",
    [
        "I/OneSignal: Requesting notification permission (POST_NOTIFICATIONS)",
        "Debug: Installing NetworkConnectivityCheckerPlugin, offline feature should be supported.",
        "W/DeviceInfo: battery level 54%, charging",
        "2024-01-05 10:00:00.123456+0100 Runner[1:2] Running on iPhone 15 Simulator with aps-environment development",
        "10-27 20:25:53.581 22368 22473 W RenderInspector: DequeueBuffer time out on com.acme/.MainActivity",
    ],
)
def test_a_neutral_mention_of_a_permission_network_battery_or_simulator_is_not_evidence(tmp_path, line):
    result = _analyze(tmp_path, line + "\n", "push_not_delivered")
    kinds = {f.rule_id for f in result.findings}
    assert not kinds & {"GEN-permission", "GEN-network", "GEN-os_limit", "GEN-simulator", "GEN-entitlement"}


@pytest.mark.parametrize(
    ("vendors", "expected"),
    [
        (["fiam"], "firebase"),
        (["fcm", "firebase"], "firebase"),
        (["segment"], "segment"),
        (["leanplum"], "leanplum"),
        (["moengage"], "moengage"),
        (["expo"], "expo"),
    ],
)
def test_every_sdk_of_the_corpus_has_a_capture_recipe_per_platform(vendors, expected):
    advice = analysis.capture_advice(vendors, "ios")
    assert [step["vendor"] for step in advice["steps"]] == [expected]
    assert advice["steps"][0]["en"] and advice["steps"][0]["ja"]


def test_a_crashlytics_ios_crash_names_its_platform_and_frames(tmp_path):
    text = (
        "Crashed: com.apple.main-thread\n"
        "0  libswiftCore.dylib             0x1a2b3c4d5 _assertionFailure(_:_:file:line:flags:) + 123\n"
        "1  BrazeKit                       0x104a1b2c8 Braze.InAppMessageRaw.decode() + 45\n"
        "2  Shop                           0x102a1b2d0 closure #1 in AppDelegate.start() + 45 (AppDelegate.swift:12)\n"
    )
    result = _analyze(tmp_path, text)
    assert result.platform == "ios"
    crash = next(f for f in result.findings if f.rule_id == "GEN-crash")
    assert crash.line_nos == (0, 2, 3)


def test_unity_and_javascript_stack_lines_are_frames_cited_only_as_telling_frames(tmp_path):
    unity = (
        "OneSignal init failed: NullReferenceException: Object reference not set to an instance of an object\n"
        "UnityEngine.Debug:LogError(Object)\n"
        "OneSignalSDK.OneSignal:Initialize(String)\n"
        "GameManager:Start()\n"
        "(Filename: ./Runtime/Export/Debug/Debug.bindings.h Line: 35)\n"
    )
    assert analysis.flagged_lines(_analyze(tmp_path, unity)) == {0, 2, 3}
    js = (
        "Error: Couldn't get GCM token on device.\n"
        "    at Object.fn [as getExponentPushTokenAsync] (NativeModules.js:99)\n"
        "    at Object.getExpoPushTokenAsync (Notifications.js:131)\n"
        "    at tryCatch (runtime.js:45)\n"
    )
    flagged = analysis.flagged_lines(_analyze(tmp_path, js, "push_not_delivered"))
    assert 0 in flagged and 1 not in flagged and 3 not in flagged


@pytest.mark.parametrize(
    "line",
    [
        "flutter: ══╡ EXCEPTION CAUGHT BY SERVICES LIBRARY ╞══════════════════════════════════",
        '[INFO:CONSOLE(12)] "Uncaught (in promise) push registration rejected", source: http://localhost/main.js (12)',
    ],
)
def test_wrapper_crash_banners_are_crashes(tmp_path, line):
    result = _analyze(tmp_path, line + "\n")
    assert [f.line_nos for f in result.findings if f.rule_id == "GEN-crash"] == [(0,)]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("I/FIAM.Headless: Successfully fetched 0 messages from backend", "nothing_eligible"),
        ('V/IterableRequest:       "inAppMessages": []', "nothing_eligible"),
        ("D/Acme: Campaign 42 skipped: user is not in the segment", "nothing_eligible"),
        (
            "[braze] Skipping message presentation - the current user is not the user who triggered the message.",
            "user_identity",
        ),
        ("W/Acme: track failed, external_id is null", "user_identity"),
        ('        "Player id not found"', "user_identity"),
        ("E/OneSignal: subscription_id invalid, cannot update tags", "user_identity"),
    ],
)
def test_an_empty_fetch_or_another_user_points_at_targeting(tmp_path, line, key):
    result = _analyze(tmp_path, line + "\n", "iam_not_shown")
    assert [f for f in result.findings if f.rule_id == f"GEN-{key}" or f.area == "B"]
    assert result.suspected_areas[0]["area"] == "B"


def test_the_cheap_first_look_of_every_kind_never_changes_what_a_line_is():
    def slow(text):
        return next(
            (
                k
                for k in evidence_kinds.KINDS
                if k.pattern.search(text) and (k.needs is None or k.needs.search(text))
            ),
            None,
        )

    lines = [line for c in load_cases() if c.split == "dev" for line in c.log.splitlines()]
    lines += [
        "HTTP 503 Service Unavailable",
        "status code: 429",
        "Caused by java.lang.NullPointerExceptionX",
        "Uncaught (in promise) boom",
        "user id is null",
        "Push configuration invalid",
        "0 messages",
    ]
    assert all(k.gate for k in evidence_kinds.KINDS), "every kind has a first look"
    assert [slow(t) for t in lines] == [evidence_kinds.classify(t) for t in lines]


def test_the_first_reason_reads_in_the_user_s_language(tmp_path):
    from cre_desk.core import shipped_texts

    texts = shipped_texts.table("findings")
    for key in evidence_kinds.KIND_BY_KEY:
        assert f"{key}.title" in texts and f"{key}.why" in texts, f"{key}: a kind has a title and says why"
    generic = _analyze(tmp_path, "W/Acme: Request failed: invalid app id 88eea516\n")
    top = generic.suspected_areas[0]
    assert findings_wording.reason_in(generic.findings, top, "en") == top["why"][0]
    identity = evidence_kinds.KIND_BY_KEY["identity"]
    assert findings_wording.reason_in(generic.findings, top, "ja") == identity.why.ja
    known = _analyze(
        tmp_path,
        "02-25 10:52:51.373 E/FA      (24178): Missing google_app_id. Firebase Analytics "
        "disabled. See https://goo.gl/NAOOOI\n",
    )
    reason = findings_wording.reason_in(known.findings, known.suspected_areas[0], "ja")
    assert reason and reason != known.suspected_areas[0]["why"][0] and not reason.isascii()
    empty = _analyze(tmp_path, "hello\n")
    start_here = shipped_texts.text("findings", "start_here", "ja")
    assert findings_wording.reason_in(empty.findings, empty.suspected_areas[0], "ja") == start_here


def test_a_generic_finding_s_title_reads_in_the_user_s_language(tmp_path):
    result = _analyze(tmp_path, "W/OneSignal: Request failed: invalid app id 88eea516\n")
    finding = next(f for f in result.findings if f.rule_id == "GEN-identity")
    assert findings_wording.title_in(finding, "en") == finding.title
    assert findings_wording.title_in(finding, "ja") == "アプリの ID・キー・プロジェクトの不一致（onesignal）"


def test_a_known_issue_reads_in_japanese_in_the_japanese_ui(tmp_path):
    from cre_desk.logs import known_issues

    result = _analyze(
        tmp_path, "11-20 10:14:02.118  8812  8812 I Braze v1.0.0 .Braze: Braze SDK Initializing\n",
        "iam_not_shown")
    finding = next(f for f in result.findings if f.rule_id.startswith("BRZ-A-KI"))
    issue = next(i for i in known_issues.load() if i.id == finding.rule_id)
    title, why = findings_wording.title_in(finding, "ja"), findings_wording.why_in(finding, "ja")
    for text in (title, why):
        assert issue.summary.ja in text and issue.summary.en not in text
        assert "Known issue" not in text and "older than" not in text
        assert "1.0.0" in text and issue.fixed_in in text
    assert "既知" in title
    assert findings_wording.title_in(finding, "en") == finding.title
    assert findings_wording.why_in(finding, "en") == finding.why
