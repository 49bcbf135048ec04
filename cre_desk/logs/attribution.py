"""Whose code a log line or a stack frame is: one SDK's, the OS's (or a runtime's) or the app's own.

A generic finding is only useful when it names the SDK it comes from, and a crash only when it points at the
frame where an SDK broke or where the app called it. Tags, prefixes, packages and frame formats of every
platform we see (logcat, Crashlytics, Xcode crash reports, Dart, Unity, JavaScript) are told apart here, so
the evidence scan and anything else reading a stack trace agree on the owner.
"""

from __future__ import annotations

import re

#: SDK names as they show in tags, prefixes, packages and messages.
VENDOR_WORDS = {
    "braze": r"braze|appboy",
    "firebase": r"firebase|\bfiam\b|\bfcm\b|\bE/FA\b|\bFA\b|FirebaseInstanceId|I-(?:FCM|IAM)|"
        r"(?-i:\bFLTFire\w*|\bRNFB\w*)",
    "onesignal": r"onesignal",
    "clevertap": r"clevertap",
    "airship": r"airship|UALib|\bUA[A-Z]\w+|urbanairship",
    "adjust": r"\badjust\b",
    "appsflyer": r"appsflyer",
    "amplitude": r"amplitude",
    "mixpanel": r"mixpanel",
    "segment": r"segment\.(?:io|com)|analytics-(?:android|ios|kotlin|swift)|(?-i:\[Segment\]|"
        r"^Segment(?::|$)|\bSEG[A-Z][a-z]\w*)",
    "iterable": r"iterable",
    "leanplum": r"leanplum",
    "moengage": r"moengage|(?-i:\bMoE_\w+)",
    "customerio": r"customer\.?io|\[CIO\]|\bGist\b",
    "repro": r"\brepro\b",
    "expo": r"\bexpo\b|(?-i:\bExpo[A-Z]\w*)",
}
_VENDOR_RE = {name: re.compile(expr, re.IGNORECASE) for name, expr in VENDOR_WORDS.items()}
SDK_PACKAGES = re.compile(
    r"\b(?:com\.braze|com\.appboy|com\.google\.firebase|com\.onesignal|com\.clevertap|com\.urbanairship|"
    r"com\.adjust|com\.appsflyer|com\.amplitude|com\.mixpanel|com\.segment|com\.iterable|com\.leanplum|"
    r"com\.moengage|io\.customer|io\.repro|expo\.modules|io\.invertase)\."
)
_FRAME = re.compile(
    r"^\s*(?:at |\|\s+)?(?:\d+\s+\S+\s+0x[0-9a-fA-F]+\s+)?([\w$.]+)\.[\w$<>]+(?:\s*\+\s*\d+)?\s*\("
)
#: Frames of the OS, the language runtime and common frameworks: neither the SDK's nor the app's own code.
_OS_FRAME = re.compile(
    r"^(?:android|androidx|java|javax|kotlin|kotlinx|dalvik|com\.android|sun|libcore|org\.json|"
    r"org\.apache|okhttp3|okio|retrofit2|com\.google\.android\.gms|com\.google\.gson|"
    r"io\.flutter\.(?:embedding|plugin\.common|view|app)|"
    r"com\.facebook\.react|com\.unity3d|io\.reactivex|rx)\."
)
#: An Xcode or crash-report frame: "3   OneSignalCore   0x0000000104a1b2c4 -[OneSignal init] + 12".
_APPLE_FRAME = re.compile(r"^\s*\d+\s+([\w.+ -]{1,60}?)\s+0x[0-9a-fA-F]+\s+(.*)$")
_APPLE_OS_BINARY = re.compile(
    r"(?:lib[\w.+-]+|CoreFoundation|Foundation|UIKit\w*|GraphicsServices|FrontBoardServices|BaseBoard|"
    r"CFNetwork|"
    r"UserNotifications|QuartzCore|dyld|SwiftUI|Combine|WebKit|JavaScriptCore|Runner\.debug\.dylib|Flutter|"
    r"React|hermes|UnityFramework|\?\?\?)(?:\.dylib)?$"
)
#: Wrapper plugins and push libraries whose frames are SDK code, not the app's.
_SDK_PLUGIN = re.compile(
    r"io\.flutter\.plugins\.firebase|com\.dieam\.|com\.wix\.reactnativenotifications|"
    r"host\.exp\.|com\.reactnativecommunity\.push|package:(?:firebase|onesignal|braze|clevertap|"
    r"airship|appsflyer|adjust|amplitude|mixpanel|customer_io|iterable|moengage)\w*/"
)
#: Any qualified name on a frame line (Unity's "Namespace.Class:Method", a JavaScript "Object.fn").
_FRAME_ANY = re.compile(r"([A-Za-z_$][\w$]*(?:[.:][\w$<>]+)+)")
#: Unity's, .NET's and JavaScript runtimes' own frames.
_RUNTIME_FRAME = re.compile(
    r"^(?:UnityEngine|System|Mono|Object|Promise|Generator|MessageQueue|NativeModules|"
    r"tryCatch|invoke|Function)\b"
)
_DART_OS = re.compile(r"\((?:dart:|package:flutter/)")
#: The qualified method of a frame behind a line prefix ("E/Tag(12): \tat void com.x.Y.z(…)").
_FRAME_WHERE = re.compile(
    r"(?:^|\s)(?:at\s+(?:[\w$<>\[\]]+\s+)?)?([\w$]+(?:\.[\w$<>]+)*)\.[\w$<>]+\s*(?:\+\s*\d+\s*)?\("
)
#: Lines a stack trace goes on past (a nested cause, a folded run of frames).
_CAUSE = re.compile(r"^(?:[^\n]{0,120}?:\s)?\s*(?:Caused by|\.\.\.|at |Suppressed:)")
#: A stack frame as logcat, Crashlytics, Xcode crash reports and Dart print it, behind an optional line prefix
#: ("E/Tag(12): "). A frame is never evidence on its own: the crash above it is, with its telling frame.
FRAME_LINE = re.compile(
    r"^(?:[^\n]{0,120}?:\s)?\s*(?:"
    r"at\s+(?:[\w$<>\[\]]+\s+)?[\w$.<>/-]+(?: \[as [\w$]+\])?\s*\(.*\)\s*(?:<\d+ (?:internal|more)"
    r" lines?>)?\s*$"
    r"|(?:[\w$<>]+(?:\.[\w$<>]+)+:[A-Za-z_<][\w$<>.`]* ?|[\w$<>]+:[A-Za-z_<][\w$<>.`]*)\([\w.,<>\[\]` ]*\)\s*"
    r"(?:\(at [^)]*\))?\s*$"
    r"|\(Filename: .* Line: \d+\)\s*$"
    r"|\|\s+[\w$.<>]+\s*\+\s*\d+\s*\(.*\)\s*$"
    r"|[\w$]+(?:\.[\w$<>]+){2,}\s+\((?:[\w$.]+:\d+|Unknown Source[^)]*|Native Method|SourceFile[^)]*)\)\s*$"
    r"|\d+\s+[\w.+ -]{1,60}?\s+0x[0-9a-fA-F]+\s+\S.*$"
    r"|#\d+\s+\S.*\((?:package|dart|file):[^)]*\)\s*$"
    r"|<asynchronous suspension>\s*$"
    r"|\.\.\. \d+ more\s*$)"
)


def vendor_of(text: str) -> str:
    for name, rx in _VENDOR_RE.items():
        if rx.search(text):
            return name
    return ""


def is_frame(text: str) -> bool:
    """Whether a line is a stack frame (cited only as a crash's telling frame, never as evidence alone)."""
    return FRAME_LINE.match(text[:2000]) is not None


def frame_owner(text: str) -> str | None:
    """Who a stack-frame line belongs to: "sdk", "os" (OS, runtime, frameworks) or "app"; None if no frame."""
    apple = _APPLE_FRAME.match(text)
    if apple:
        binary, symbol = apple.group(1), apple.group(2)
        if SDK_PACKAGES.search(symbol) or vendor_of(binary) or vendor_of(symbol[:80]):
            return "sdk"
        return "os" if _APPLE_OS_BINARY.match(binary) else "app"
    if "(Filename: " in text:
        return "os"
    framed = is_frame(text)
    m = _FRAME.match(text) or (_FRAME_WHERE.search(text) or _FRAME_ANY.search(text) if framed else None)
    if not m:
        return None
    where = m.group(1).replace(":", ".")
    if SDK_PACKAGES.search(where + ".") or _SDK_PLUGIN.search(text):
        return "sdk"
    if _OS_FRAME.match(where) or _DART_OS.search(text) or _RUNTIME_FRAME.match(where):
        return "os"
    return "sdk" if vendor_of(where) else "app"


def telling_frames(doc, line: int, limit: int = 80) -> tuple[int, ...]:
    """The telling stack frames below ``line``: the first inside an SDK (where it broke) and the app's own
    first frame (where the app called from); either may be missing."""
    first_sdk = first_app = None
    for n in range(line + 1, min(len(doc), line + limit)):
        text = doc.line_text(n)
        owner = frame_owner(text)
        if owner is None:
            if n > line + 1 and not _CAUSE.search(text[:200]):
                break
            continue
        if owner == "sdk":
            first_sdk = n if first_sdk is None else first_sdk
        elif owner == "app" and first_app is None:
            first_app = n
        if first_sdk is not None and first_app is not None:
            break
    return tuple(n for n in (first_sdk, first_app) if n is not None)
