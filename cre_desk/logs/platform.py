"""Which platform a pasted log comes from, when its format alone does not say.

Customers paste fragments: a few Android Studio lines, a Flutter print, an Xcode error dump, a React Native
red box. The format decides when it is a platform's own (logcat, Xcode console, ``log show``); otherwise
each line votes with the platform words it carries (Java frames and ``android.`` classes, ``NSError`` and
``.swift`` files, Firebase's iOS ``I-XXX000000`` codes…). A log with no votes either way stays undecided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ANDROID_FORMATS = frozenset({"threadtime", "studio", "studio_new", "time", "brief", "long", "studio_columns"})
IOS_FORMATS = frozenset({"ios", "ios_logshow", "firebase_ios", "ios_console"})

#: (expression, weight) per platform; each counts once per line, a line votes at most 3.
_ANDROID = [
    (r"\bjava\.(?:lang|io|net|util)\.", 3),
    (r"\bandroid(?:x)?\.[a-z]", 3),
    (r"AndroidRuntime|ActivityThread", 3),
    (r"\.(?:java|kt):\d+\)", 3),
    (r"^\s*at (?:com|org|io|android|java|kotlin|dalvik)\.", 3),
    (r"(?:^|\s)[VDIWEF]/[A-Za-z][\w .$-]{0,120}(?:\(\s*\d+\))?:", 2),
    (r"\bBraze v\d+\.\d+\.\d+ \.", 3),
    (r"\bcom\.[a-z]+\.[a-z]+\.", 1),
    (r"\bcom\.google\.(?:firebase|android)\.", 2),
    (r"\b(?:logcat|adb|gradle|AndroidManifest|minSdk|targetSdk|proguard|R8)\b", 2),
    (r"\bdalvik\b|\bart\b", 1),
    (r"\bFirebaseMessaging(?:Service)?\b|\bFirebaseInstanceId\b", 1),
    (r"\bPOST_NOTIFICATIONS\b", 3),
    (r"\b(?:Xiaomi|Huawei|Samsung|OnePlus|Oppo|Vivo|MIUI|EMUI)\b", 1),
    (r"\bReactNativeJS\b", 2),
    (r"\bI/flutter\b", 3),
    (r"\bUnity\s*:", 1),
    (r"\b\d+-\d+/[\w.]+ [VDIWEF]/", 3),
    (r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s+\d+-\d+\s", 3),  # Android Studio's new columns
    (r"^\s*\S.{0,40}\s[VDIWEF]\s{2}\S", 1),
    (r"^[VDIWEF]: \S", 1),  # Logcat columns without pids
    (r"\bUALib\b|\bchannelId\b|notification channel|\bDefaultDispatcher-worker\b|\bAPA91b", 2),
    (r"\b(?:Activity|Fragment|BroadcastReceiver|Service)\b.{0,30}\b(?:onCreate|onResume|Intent)\b", 1),
    (r"\bapk\b|\bDexPathList\b|/data/(?:app|user)/", 3),
    (r"\bjava\b|\bkotlin\b", 1),
    # General Android vocabulary: components, manifest, build tooling, system services, crash words.
    (
        r"\b(?:BroadcastReceiver|onMessageReceived|RemoteMessage|FirebaseMessagingService|NotificationCompat|"
        r"NotificationChannel|NotificationManager(?:Compat)?|WorkManager|JobScheduler|JobIntentService|"
        r"PendingIntent|onCreate\(|onResume\(|Bundle\[|Looper|Handler\.dispatch|PackageManager|"
        r"SharedPreferences|ContentProvider|AndroidX|androidx|Jetpack|Compose)\b",
        2,
    ),
    (
        r"\b(?:build\.gradle|settings\.gradle|gradle(?:w|\.properties)?|minSdkVersion|targetSdkVersion|"
        r"compileSdk|multidex|ProGuard|proguard-rules|R8|AAPT|google-services\.json|Play Store|Google Play)\b",
        2,
    ),
    (
        r"\b(?:ANR|tombstone|SIGSEGV|libc\+\+|logcat|adb shell|emulator-\d+|Pixel \d|Galaxy|Xiaomi|Huawei)\b",
        2,
    ),
    # Wrappers as their Android side prints: Flutter, Unity, React Native, Cordova, Capacitor, Expo CLI.
    (
        r"\b[VDIWEF]/(?:flutter|Unity|ReactNativeJS|chromium|Capacitor\S*|CordovaWebView\w*|System\.(?:out|err))\b",
        3,
    ),
    (r"\[(?:ERROR|INFO|WARNING):flutter/|\bAndroid Bundl(?:ed|ing)\b|Opening on Android|\bio\.flutter\.", 3),
    # SDKs' Android conventions: versioned tags, Java class names, Android-only services and banners.
    (
        r"\bGCM\b|\bFCM configuration\b|\bFCM server key\b|\bINVALID_SENDER\b|\bMismatchSenderId\b|\bSERVICE_NOT_AVAILABLE\b|\bAUTHENTICATION_FAILED\b|"
        r"\bPHONE_REGISTRATION_ERROR\b|\bTOO_MANY_REGISTRATIONS\b",
        2,
    ),
    (
        r"\bAppsFlyer_\d|\bMoEngage_v\d|\bAppboy v\d|\bMixpanelAPI\.\w|\bcom\.amplitude\.api\b|\bOneSignalRestClient\b|"
        r"\bFLTFireMsg\w*|\bRNFirebase\w*|\bGoogle ?Play ?[Ss]ervices\b|\bHMS\b|\bUnknown Source:\d|\bSourceFile:\d|"
        r"Intent \{ (?:act|cmp)=|Bundle\[\{|\bandroid\.intent\.|^-{8,} (?:beginning of|PROCESS (?:STARTED|ENDED))",
        3,
    ),
]
_IOS = [
    (r"\[Firebase/?\w+\]\[I-[A-Z]+\d+\]", 3),
    (r"\bI-(?:FCM|IAM|COR|ANA|INS|MSG)\d{6}\b", 3),
    (r"\bNS(?:Error|Exception|URLError|LocalizedDescription|UnderlyingError|Invalid)\w*", 3),
    (r"\.(?:swift|m|mm):\d+", 3),
    (r"\b(?:UIApplication|UNUserNotificationCenter|UIKit|SwiftUI|AppDelegate)\b", 3),
    (r"\bdidRegisterForRemoteNotifications|didFailToRegisterForRemoteNotifications", 3),
    (r"\bAPNs?\b|\baps-environment\b|\bapns\b", 2),
    (r"\b(?:CoreFoundation|libdispatch|libsystem|dyld|Foundation)\b", 2),
    (r"Terminating app due to uncaught exception", 3),
    (r"\b(?:Xcode|iPhone|iPad|iOS|Simulator|CocoaPods|Podfile)\b", 1),
    (r"<(?:Error|Notice|Warning|Debug|Info)>", 1),
    (r"\bentitlements?\b", 2),
    (r"\bInfo\.plist\b", 2),
    (r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+[+-]\d{4} \S+\[\d+:\w+\]", 4),
    (r"^flutter: ", 3),
    (r"\bExpo(?:Modules|Notifications)\w*|\bRCT\w+", 1),
    (r"\[(?:Braze|Appboy|UA|UALib|CleverTap|OneSignal)\w*\]", 1),
    (r"\bkCFErrorDomain\w+|\bErrorDomain\b|\bcode=-?\d+ \"", 2),
    (r"\bOSStatus\b|\bos_log\b", 2),
    (r"[-+]\[\w+ [\w:]+\]", 3),
    (r"\[Line \d+\]", 1),
    (r"\bNSNull\b|\(null\)", 2),
    (r"\bSWIFT\b|\bSwift\b", 2),
    (r"Error Domain=|UserInfo=\{", 3),
    (r"\bTask <[0-9A-F-]{36}>", 3),
    (r"couldn.t be completed", 2),
    (r"APNS_SANDBOX|\bAPNS\b", 2),
    (r"application:did\w+|-application:", 3),
    (r"\bpush(?:Kit|Token)?\b.{0,30}\bdevice token\b", 1),
    (r"^\s*\[Adjust\][vdiwea]:", 3),
    (r"\b[a-z]\w*:(?:[a-z]\w*:){1,}", 2),
    # General iOS vocabulary: app lifecycle, frameworks, build tooling, crash reports, signing.
    (
        r"\b(?:SceneDelegate|AppDelegate|UNNotification\w*|UNUserNotification\w*|UIViewController|UIWindow|"
        r"WKWebView|NSURLSession|URLSession|CFNetwork|NSUserDefaults|UserDefaults|DispatchQueue|"
        r"libswift\w*|Swift(?:UI)?|Objective-C|ObjC|CocoaPods|Podfile|pod install|xcframework|xcodebuild|"
        r"Carthage|Swift Package Manager|SPM)\b",
        2,
    ),
    (
        r"\b(?:EXC_BAD_ACCESS|EXC_CRASH|Thread \d+ Crashed|Exception Type:|Incident Identifier|"
        r"provisioning profile|bundle identifier|Bundle ID|TestFlight|App Store Connect|\.ipa\b|"
        r"GoogleService-Info\.plist|NSLocalizedFailureReason|kCFErrorDomain)\b",
        2,
    ),
    # Wrappers as their iOS side prints: Flutter's engine, React Native's JS log, Unity, Cordova, Capacitor.
    (
        r"\bcom\.apple\.|\[VERBOSE-\d:|\[javascript\]|\bUnityFramework\b|\bUnity-iPhone\b|\bCDV[A-Z]\w+|⚡️|"
        r"\biOS Bundl(?:ed|ing)\b|Opening on iOS",
        3,
    ),
    # Xcode console noise every iOS app prints, os_log timestamps (microseconds and a zone), Console.app copies,
    # crash-report frames, Apple-style class prefixes of the SDKs (FIRApp, ABKInAppMessage, UAPush…).
    (
        r"\bnw_\w+|\[BoringSSL\]|\bboringssl\b|CFPrefsPlistSource|\[User Defaults\]|libMobileGestalt|"
        r"\bUIKitCore\b|\bGraphicsServices\b|\bFrontBoardServices\b|\blibobjc\b|\.dylib\b|\[LayoutConstraints\]",
        3,
    ),
    (r"\d\d:\d\d:\d\d\.\d{6}[+-]\d{4}\b|^(?:default|info|debug|error|fault)\t\d\d:\d\d:\d\d\.\d+", 3),
    (r"^\s*\d+\s+[\w.+ -]{1,60}?\s+0x[0-9a-fA-F]{8,}\s", 3),
    (
        r"\b(?:FIR|ABK|UA|CT|OS)[A-Z][a-z]\w*(?:Manager|Request|Controller|Delegate|Service|Registrar|Center)\b",
        2,
    ),
    # Swift's and Objective-C's way of printing values: Optional("…"), nil.
    (r"\bOptional\(", 2),
    (r"\bnil\b", 1),
    # APNs' own rejection reasons, as dashboards and SDKs repeat them.
    (
        r"\b(?:BadDeviceToken|DeviceTokenNotForTopic|TopicDisallowed|BadCertificate(?:Environment)?|"
        r"(?:Invalid|Expired)ProviderToken|InvalidApnsCredential)\b",
        3,
    ),
    # OneSignal's iOS SDK (and apps logging like it) print the level as a word: "VERBOSE: …", "ERROR: …".
    (r"^(?:\S.*?\[\d+:\w+\] )?(?:VERBOSE|DEBUG|WARNING|ERROR|FATAL): \S", 2),
]
# Vocabulary only one platform has: Android's manifest, package and application ids, activities, Doze; iOS's
# plists, app groups, swizzling, notification service extensions and APNs payload flags.
_ANDROID.append((
    r"\b(?:manifest|applicationId|package name|MainActivity|\w+Activity\.(?:java|kt)|onNewIntent|"
    r"R\.(?:string|"
    r"drawable|raw|xml)\.\w+|[Dd]oze|[Ff]oreground [Ss]ervice|HMS|Huawei Mobile Services|Play Integrity|"
    r"Android|u0_a\d+|SDK_INT)\b",
    2,
))
_IOS.append((
    r"\b(?:plist|dSYM|App Groups?|group\.com\.\w+|swizzl\w*|Notification Service Extension|"
    r"Notification Content Extension|content-available|mutable-content|provisional authori[sz]ation|"
    r"Background App Refresh|Keychain|keychain|iOS \d+|iPadOS|watchOS)\b|<private>",
    2,
))
_ANDROID_RE = [(re.compile(p), w) for p, w in _ANDROID]
_IOS_RE = [(re.compile(p), w) for p, w in _IOS]
MAX_LINES = 2000


def votes(lines: Iterable[str]) -> tuple[int, int]:
    """(android, ios) evidence over the first lines of a log."""
    android = ios = 0
    for n, line in enumerate(lines):
        if n >= MAX_LINES:
            break
        line = line[:2000]
        android += min(3, sum(w for rx, w in _ANDROID_RE if rx.search(line)))
        ios += min(3, sum(w for rx, w in _IOS_RE if rx.search(line)))
    return android, ios


#: What one line matching an SDK message known from one platform's source weighs.
RULE_VOTE = 3


def guess(fmt: str, lines: Iterable[str], known: tuple[int, int] = (0, 0)) -> str:
    """ "android", "ios" or "" (no evidence either way). ``known``: (android, ios) lines that match SDK messages
    known from one platform's source (catalogue rules), each worth ``RULE_VOTE``."""
    if fmt in ANDROID_FORMATS:
        return "android"
    if fmt in IOS_FORMATS:
        return "ios"
    android, ios = votes(lines)
    android += RULE_VOTE * known[0]
    ios += RULE_VOTE * known[1]
    if android == ios:
        return ""
    return "android" if android > ios else "ios"
