"""Generic evidence: the lines that matter when no catalogue rule names them.

Most of what customers paste was never seen by our rules: an SDK error we have no rule for, a crash whose
telling frame sits in the SDK, a server's 403, a missing entitlement. This module finds such lines with one
native scan for error words (plus the level column), attributes each to an SDK by its tag, prefix or
package, and sorts it into a kind with a checklist area and a reason in plain words. Kinds are data
(``KINDS``), ordered from the most specific; a line takes the first kind whose expression matches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from cre_desk.core import shipped_texts
from cre_desk.core.vocabulary import Label
from cre_desk.logs import linescan, rules, workers
from cre_desk.logs.entry import ERROR, INFO, WARN
from cre_desk.logs.rules import literal_prefilter

#: Lines classified at most: all of them in an ordinary log, the first and last halves of this in a huge one.
MAX_CANDIDATES = 4_000
_DIGITS = str.maketrans("0123456789", "0000000000")
_HEXISH = re.compile(r"\b(?=[0-9a-fA-F-]*0)[0-9a-fA-F]+(?:-[0-9a-fA-F]+)+\b|0x[0-9a-fA-F]+")
MAX_LINE_NOS = 50
#: Logs this short are excerpts a person picked, not whole captures.
EXCERPT_LINES = 300
#: Kinds at least this heavy are specific enough to refine what a catalogue rule says about a line.
SPECIFIC = 2.5

#: Words that make a line worth reading (case-insensitive, searched natively over the raw bytes).
NEEDLES = [
    "error",
    "fail",
    "invalid",
    "missing",
    "not found",
    "denied",
    "forbidden",
    "unauthori",
    "exception",
    "cannot",
    "can't",
    "unable",
    "not registered",
    "not supported",
    "disabled",
    "does not exist",
    "doesn't exist",
    "rejected",
    "timeout",
    "timed out",
    "refused",
    "is null",
    "is nil",
    "not a valid",
    "(null)",
    "blocked",
    "expired",
    "fatal",
    "caused by",
    "crash",
    "leaked",
    "misuse",
    "not be delivered",
    "not display",
    "not show",
    "not render",
    "suppress",
    "not delivering",
    "sandbox",
    "posted notification: false",
    "0 messages",
    "no messages",
    "permission",
    "entitlement",
    "simulator",
    "not initialized",
    "not initialised",
    "not called",
    "was never",
    "not allowed",
    "unrecogni",
    "no implementation",
    "didn't find class",
    "failed resolution",
    "status",
    "response code",
    "http",
    "limit",
    "reserved",
    "malformed",
    "incorrect",
    "wrong",
    "warning",
    "priority",
    "not enabled",
    "no valid",
    "deprecated",
    "must ",
    "please ",
    "stopping",
    "delayed",
    "channel=null",
    '": []',
    "maximum",
    "selector",
    "handler",
    "requires",
    "not yet",
    "logged in",
    "account",
    "mismatch",
    "unregistered",
    "does not",
    "too many",
    "exceed",
    # Push providers' rejection reasons (APNs, FCM) as SDKs and dashboards repeat them.
    "baddevicetoken",
    "devicetokennotfortopic",
    "topicdisallowed",
    "badcertificate",
    "providertoken",
    "third_party_auth",
    "sender_id_mismatch",
    "mismatched-credential",
    "not-registered",
    "notregistered",
    "result=cancelled",
    "has been created",
    "initializeapp",
    "be called",
    "before accessing",
    # The SDK saying it did not do the work, or that the user is not reachable.
    "skipp",
    "ignor",
    "discard",
    "dropp",
    "giving up",
    "gave up",
    "retries",
    "will not be",
    "won't be",
    "wont be",
    "aborting",
    "not sent",
    "not tracked",
    "not logged",
    "not recorded",
    "not uploaded",
    "not saved",
    "opted",
    "opt out",
    "opt-out",
    "optout",
    "subscribed",
    "not eligible",
    "tracking disabled",
    "tracking is disabled",
    "uncaught",
    "region",
    "serverzone",
    "server zone",
    "endpoint",
    "cluster",
    "eligible",
    "not in the",
    "match the",
    "frequency cap",
    "already shown",
    "already displayed",
    "already seen",
    "anonymous",
    "different user",
    "wrong user",
    "another user",
    "user mismatch",
    "user changed",
    "not the user",
    "user id",
    "userid",
    "external id",
    "external_id",
    "push disabled",
    "push is disabled",
    "not for",
    "originate from",
    "not consuming",
    "no push token",
    "no token",
    "no device token",
    "no registration",
    "matching push token",
    "not reachable",
    'token": null',
    "token: null",
    "token: nil",
    "token = null",
    "token = nil",
    "token is null",
    "token is nil",
    "token is empty",
    "token is missing",
    "without a token",
    "without token",
    "without push token",
    "token not set",
    "token not available",
    "production:",
    "inproduction",
    "environment",
    "usedevelopment",
    "development",
]

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


@dataclass(frozen=True)
class Kind:
    key: str
    area: str
    weight: float
    pattern: re.Pattern
    needs: re.Pattern | None = None  # a second expression the line must also match (the failure itself)
    symptoms: tuple[str, ...] = ()  # the ticket symptoms it can explain (empty: any)
    gate: tuple[str, ...] = ()  # lower-case words one of which every match holds (a cheap first look)

    @property
    def title(self) -> Label:
        """What the finding is called (resources/texts/findings.json)."""
        return shipped_texts.label("findings", f"{self.key}.title")

    @property
    def why(self) -> Label:
        """Why it points at its area, in plain words."""
        return shipped_texts.label("findings", f"{self.key}.why")

    def weight_for(self, symptom: str | None) -> float:
        """A line that cannot explain the ticket's symptom (a push entitlement for an event that was not
        recorded) stays on the list but weighs half."""
        if symptom and self.symptoms and symptom not in self.symptoms:
            return self.weight * OFF_SYMPTOM
        return self.weight


#: What a kind weighs, as a share, for a ticket whose symptom it cannot explain.
OFF_SYMPTOM = 0.5


def _kind(
    key: str,
    area: str,
    weight: float,
    expr: str,
    needs: str = "",
    symptoms: tuple[str, ...] = (),
    gate: tuple[str, ...] = (),
) -> Kind:
    """``gate``: words every match holds, for expressions whose literals cannot be read off automatically."""
    words = gate or tuple(lit.lower() for lit in literal_prefilter(expr))
    return Kind(
        key,
        area,
        weight,
        re.compile(expr, re.IGNORECASE),
        re.compile(needs, re.IGNORECASE) if needs else None,
        symptoms,
        words,
    )


#: Words that turn a mention of a key, id or environment into a problem with it. An app id in a request URL or
#: a
#: configuration dump is not evidence; "invalid app id" is.
FAILURE_WORDS = (
    r"invalid|incorrect|wrong|missing|mismatch|not an? valid|not (?:found|set|valid|match\w*|provided|"
    r"configured|granted|"
    r"registered|"
    r"allowed|recogni[sz]ed|exist)|does(?:n't| not) (?:exist|match|belong)|null\b|\(null\)|empty|blocked|"
    r"denied|"
    r"refused|reject|fail|error|unknown|couldn'?t|could not|\bnil\b|no (?:user|player|app|application|"
    r"project|"
    r"such)\b|unable|cannot|can't|"
    r"must |please (?!call\b)|forbidden|unauthori|expired|sandbox|logged in|no valid|malformed|bad|disabled|"
    r"not supported|unsupported|not available|unavailable"
)


#: Most specific first. Weights: a catalogue rule's '!' weighs 3, so 2.5 is "nearly as telling".
KINDS: tuple[Kind, ...] = (
    _kind(
        "simulator",
        "E",
        2.5,
        r"simulator|\bemulator\b.*(?:push|apns|token)",
        FAILURE_WORDS,
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "entitlement",
        "E",
        2.5,
        r"aps-environment|entitlement|no valid .{0,20}apns|push capability",
        FAILURE_WORDS,
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "permission",
        "E",
        2.5,
        r"POST_NOTIFICATIONS|notification permission|permission (?:denied|not granted)|not authori[sz]ed to "
        r"(?:send|display)|notifications? (?:are )?(?:disabled|not allowed|blocked)|ATTrackingManager|"
        r"authorizationStatus|channel .{0,40}\bblocked\b|blocked by (?:the )?user",
        FAILURE_WORDS
        + r"|false\b|declin|off\b|not determined|notDetermined|revoked|never asked|status\W{1,3}[01]\b",
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "os_limit",
        "E",
        2.0,
        r"priority is set to .?high|background (?:restriction|limit)|\bdoze\b|battery (?:optimi[sz]ation|"
        r"saver|"
        r"saving|restriction)|low battery|power sav\w+|force.?stop|app is in "
        r"background|not (?:running|launched) in (?:the )?foreground|broadcast intent callback:"
        r" result=CANCELLED|"
        r"Not allowed to start service|app standby|restricted bucket|stopped state|low power mode|"
        r"not allowed to launch in (?:the )?background|"
        r"background app refresh",
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "push_rejected",
        "B",
        2.5,
        r"BadDeviceToken|DeviceTokenNotForTopic|TopicDisallowed|BadCertificate(?:Environment)?|"
        r"(?:Invalid|Expired)ProviderToken|THIRD_PARTY_AUTH_ERROR|SENDER_ID_MISMATCH|mismatched-credential|"
        r"registration-token-not-registered|invalid-registration-token|\bNotRegistered\b|"
        r"not a valid (?:FCM |APNs )?(?:registration|device) token|"
        r"InvalidApnsCredential",
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "network",
        "E",
        2.0,
        r"network request failed|unknownhost|unable to resolve host|NSURLErrorDomain|error code: -100[139]|"
        r"code=-100[139]|not connected to the internet|connection (?:refused|reset)|"
        # A time-out of a request, not of a frame buffer or a lock.
        r"(?:request|connection|connect|socket|network|http|fetch|upload|download|read|response|server|"
        r"sync)\w*"
        r"\W.{0,40}timed? ?out|timed? ?out\W.{0,40}(?:request|connection|socket|network|http|server|host)|"
        r"\w*Timeout(?:Exception|Error)|"
        r"\b(?:is|are|be|went|marking|currently|device|network) offline\b|"
        r"SSLHandshake|certificate verify",
    ),
    _kind(
        "identity",
        "B",
        2.5,
        r"api[ _-]?key|app[ _-]?id\b|appid|app[ _-]?token|dev[ _-]?key|account[ _-]?(?:id|token)|"
        r"write[ _-]?key|"
        r"site[ _-]?id|project[ _-]?token|\bJWT\b|account (?:is )?(?:blocked|suspended|disabled|"
        r"inactive)|sender["
        r" _-]?id|"
        r"INVALID_SENDER|google_app_id|google-services|GoogleService-Info|project (?:id|number)|"
        r"FIS_AUTH_ERROR|"
        r"application (?:doesn't|does not) exist|does not exist|app with id|APNS_SANDBOX|"
        r"SenderId|mismatch(?:ed)? (?:sender|key|project)|requests from this .{0,40}are blocked|"
        r"no (?:user|player) with this id|unknown (?:app|application)|incorrect|logged in to your|not logged"
        r" in|"
        r"(?:developer|expo) account|client (?:id|secret)|credentials? (?:are )?(?:invalid|missing|wrong)|"
        r"(?:FCM|GCM|firebase|push|APNs) config|(?:FCM|GCM|firebase|push|APNs) credential|"
        r"(?:FCM|GCM|firebase|push|APNs) server key|"
        r"\b(?:app|application|project|workspace|account) (?:is )?not found|server ?zone|\bregion\b|data"
        r" ?cent(?:er|re)|"
        r"\bcluster\b|\bendpoint\b",
        FAILURE_WORDS,
    ),
    _kind(
        "event_name",
        "C",
        2.5,
        r"event name|name is reserved|invalid (?:public )?event|event will not be logged|event token|"
        r"invalid event|reserved (?:event|name)|name must (?:consist|contain)|property (?:name|value) .{0,20}"
        r"(?:invalid|not supported)|value type is not supported",
        symptoms=("events_not_recorded",),
    ),
    _kind(
        "linkage",
        "D",
        3.0,
        r"NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|NoSuchFieldError|"
        r"didn't find class|failed resolution of|MissingPluginException|no implementation found for method|"
        r"unreco\w*ni[sz]ed selector|selector sent to instance|dyld: (?:Library|Symbol) not loaded|undefined"
        r" symbol",
    ),
    _kind(
        "not_initialised",
        "D",
        2.5,
        r"not (?:yet |been )?initiali[sz]ed|before (?:calling|initiali[sz]|takeOff)|please initiali[sz]e|"
        r"takeOff\]? (?:was )?not called|sdk is disabled|initiali[sz]ation (?:delayed|failed)|"
        r"stopping initiali[sz]ation|to (?:complete|finish) (?:\w+ ){0,2}init\w*|"
        r"please call [\w.]+\(.{0,60}\b(?:before|first)\b|instance is null(?!\.? Allowing)|"
        r"cleverTapAPI is null|requiresUserPrivacyConsent|"
        r"privacy consent|no onBackgroundMessage handler|handler has been registered|"
        # Amazon's push (ADM) is off on every device that is not a Kindle: that says nothing.
        r"(?<!ADM registration )not enabled in configuration|"
        r"must be called (?:first|before)|before accessing|(?:call|calling) \w+(?:\.\w+)?\.(?:initiali[sz]e|"
        r"init|start|"
        r"configure|setup|takeOff)\w*\(.{0,20}\) (?:first|before)|"
        r"No Firebase App .{0,20}has been created|call Firebase(?:App)?\.initializeApp|"
        r"FirebaseApp (?:with name \S+ )?(?:doesn't|does not) exist|Default FirebaseApp is not"
        r" initiali[sz]ed",
    ),
    _kind(
        "server_refused",
        "B",
        2.0,
        r"\b(?:HTTP|status(?:[ _]?code)?|response code|statusCode|server|connection|error|failed|"
        r"failure|rejected|"
        r"responded|returned|code)\D{0,8}(?:401|403|"
        r"404)\b|"
        r"\b(?:401|403|404)\b.{0,12}(?:unauthori|forbidden|not found)|PERMISSION_DENIED|UNAUTHENTICATED|"
        r"\bNOT_FOUND\b|UNREGISTERED|MismatchSenderId|InvalidRegistration",
        gate=(
            "401",
            "403",
            "404",
            "permission_denied",
            "unauthenticated",
            "not_found",
            "unregistered",
            "mismatchsenderid",
            "invalidregistration",
        ),
    ),
    _kind(
        "server_error",
        "D",
        2.0,
        r"\b(?:HTTP|status(?:[ _]?code)?|response code|statusCode|server|connection|error|failed|"
        r"failure|rejected|"
        r"responded|returned|code)\D{0,8}(?:429|"
        r"5\d\d)\b|"
        r"\b(?:429|500|502|503|504)\b.{0,12}(?:too many|internal|unavailable|gateway)|RESOURCE_EXHAUSTED|"
        r"\bUNAVAILABLE\b|rate.?limit",
        gate=("429", "resource_exhausted", "unavailable", "rate") + tuple(str(n) for n in range(500, 600)),
    ),
    _kind(
        "bad_request",
        "B",
        1.5,
        r"\b(?:HTTP|status(?:[ _]?code)?|response code|statusCode|server|connection|error|failed|"
        r"failure|rejected|"
        r"responded|returned|code)\D{0,8}(?:400|409|"
        r"410|422)\b|"
        r"INVALID_ARGUMENT|Error Domain=\S+ Code=-?\d+|\"errors?\"\s*:|\berrors\s*=\s*\(",
        gate=("400", "409", "410", "422", "invalid_argument", "error"),
    ),
    _kind(
        "vendor_limit",
        "D",
        2.0,
        r"maximum of \d+|\b413\b|(?:entity|payload|request|body) (?:is )?too large|"
        r"limited to (?:a )?(?:maximum|max)|tag limit|too many (?:tags|properties|attributes)|"
        r"exceeds? (?:the )?(?:maximum|limit)|payload (?:is )?too large",
    ),
    _kind(
        "integration",
        "D",
        2.0,
        r"(?:completion )?handler (?:was )?never (?:called|invoked)|plugin .{0,40}does not exist|"
        r"requires you to add|not registered in (?:the )?manifest|add the following to your|is not declared",
    ),
    _kind(
        "crash",
        "D",
        2.0,
        r"fatal exception|FATAL EXCEPTION|uncaught exception|\w+(?:Exception|Error)\b:|\bcaused by\b|"
        r"SIGSEGV|SIGABRT|Fatal signal|leaked its continuation|TASK CONTINUATION MISUSE|"
        # Crash reports and wrappers: qualified exception classes (Crashlytics glues the message on), Xcode's
        # terminating line and crash-report headers, Dart and JavaScript unhandled errors.
        r"\b(?:[a-z][\w$]*\.){2,}[A-Z][\w$]*(?:Exception|Error)|Terminating app due to|EXC_BAD_ACCESS|"
        r"EXC_CRASH|"
        r"Exception Type:|Thread \d+ Crashed|unhandled (?:exception|promise rejection)|PlatformException\(|"
        r"^\s*Crashed: |\bFatal error: |EXC_BREAKPOINT|EXCEPTION CAUGHT BY|Uncaught \(in promise\)",
        gate=(
            "exception",
            "error",
            "caused by",
            "sigsegv",
            "sigabrt",
            "fatal signal",
            "continuation",
            "terminating",
            "exc_",
            "crashed",
            "unhandled",
            "uncaught",
        ),
    ),
    _kind(
        "nothing_eligible",
        "B",
        1.5,
        r"\b0 messages|no messages found|no (?:eligible|matching|active|available) (?:campaigns?|messages?|"
        r"in-?app)|"
        r"\"\w*messages\"\s*:\s*\[\s*\]|\bnot eligible\b|not in (?:the )?(?:segment|audience)|"
        r"does(?:n't| not) match (?:the )?(?:targeting|segment|audience|criteria|filters?)|frequency cap|"
        r"already (?:been )?(?:shown|displayed|seen)",
        symptoms=("iam_not_shown", "push_not_delivered"),
    ),
    _kind(
        "user_identity",
        "B",
        2.0,
        r"(?:user|profile|external|customer)[ _]?(?:id|identifier)\W{0,3}(?:is )?(?:null|nil|empty|missing|"
        r"not set)\b|"
        # The vendor does not know the user or device record the SDK named (OneSignal's player, a
        # subscription).
        r"\b(?:user|player|subscription|external|customer)[ _]?(?:id|identifier)\W{0,3}(?:is )?(?:not found|"
        r"invalid|unknown|does(?:n't| not) exist)|\bno (?:user|player|subscription) (?:found|exists|with)\b|"
        r"\banonymous (?:user|profile)\b|(?:different|wrong|another) user\b|\buser (?:mismatch|changed)|"
        r"not the user who|\bidentity mismatch|identifier mismatch",
        gate=("user", "profile", "external", "customer", "player", "subscription", "identi"),
    ),
    _kind(
        "not_displayed",
        "D",
        1.5,
        r"posted notification: false|not (?:render|display|show)\w*|unable to render|will not be delivered|"
        r"suppress|channel=null",
        symptoms=("iam_not_shown", "push_not_delivered"),
    ),
    _kind(
        "push_handler",
        "D",
        1.5,
        r"(?:message|push|notification)s? (?:received|arrived)[^.]{0,40}\bnot for\b|did ?n[o']t originate"
        r" from|"
        r"\bnot (?:an? )?(?:braze|appboy|onesignal|clevertap|airship|urban ?airship|iterable|moengage|"
        r"intercom|"
        r"customer\.?io|leanplum|firebase|expo) (?:push|message|notification)|not consuming (?:remote"
        r" )?message",
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "no_token",
        "D",
        1.5,
        r"no (?:push |device |registration |APNs |FCM )?tokens?\b|no registration ids|matching push tokens?|"
        r"\bnot reachable\b|push ?token\W{0,3}(?:is )?(?:null|nil|empty|missing|undefined)\b|"
        r"(?:device|push|registration) token (?:is )?(?:null|nil|empty|missing|not (?:set|available))|"
        r"without (?:a )?(?:push |device )?token",
        symptoms=("push_not_delivered",),
    ),
    _kind(
        "environment",
        "B",
        1.5,
        r"\bsandbox\b|Production: NO\b|inProduction\W{1,4}(?:false|NO)\b|\benvironment\W{1,4}(?:sandbox|"
        r"development|"
        r"dev|test|staging)\b|aps-environment\W{1,4}development|useDevelopment\W{1,4}true|\bdevelopment"
        r" (?:app|"
        r"environment|build|mode)\b.{0,30}\b(?:push|apns|key|token)",
    ),
    _kind(
        "opted_out",
        "B",
        2.0,
        r"opted[ -]?out|opt[ -]?out(?:ed)?\b|\bunsubscribed|not subscribed|subscription (?:is )?(?:disabled|"
        r"inactive|paused)|push (?:is )?disabled|user (?:is )?not eligible|tracking (?:is )?disabled|"
        r"\bOptedOut\b|isOptedOut\W+true|\"?opted_?in\"?\s*[:=]\s*false",
    ),
    _kind(
        "not_done",
        "D",
        1.0,
        r"\bskipp(?:ing|ed)\b|\bignor(?:ing|ed)\b|\bdiscard(?:ing|ed)\b|\bdropp(?:ing|ed)\b|\bgiving up\b|"
        r"\bgave up\b|max(?:imum)? retries|\bwill not be (?:sent|shown|displayed|tracked|logged|recorded)|"
        r"\bwon'?t be (?:sent|shown|displayed|tracked|logged|recorded)|\baborting\b|\bnot (?:sent|tracked|"
        r"logged|"
        r"recorded|uploaded|saved)\b",
    ),
    _kind(
        "sdk_error",
        "D",
        1.0,
        r"error|fail|invalid|missing|cannot|can't|unable|rejected|denied|not allowed|expired|warning|must |"
        r"please ",
    ),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}

#: Kinds that count only on an SDK's line, or in an excerpt the customer chose.
_WEAK = ("sdk_error", "not_done")
#: A wrapper's console (Flutter, React Native, Unity…): an SDK call's failure the app caught and printed there
#: (a rejected promise, a PlatformException) shows at whatever level the app chose, often info.
WRAPPER_TAGS = rules.WRAPPER_TAGS
#: Words of a failure (not of a warning or a mention) that make a wrapper's print evidence.
_FAILED = re.compile(
    r"\b(?:error|fail(?:ed|ure|s)?|exception|rejection|rejected|unable|cannot|can't|could ?n[o']t|"
    r"invalid|denied)\b",
    re.IGNORECASE,
)


@dataclass
class Hit:
    line: int
    kind: Kind
    vendor: str
    frame: int | None = None  # the telling stack frame's line, for crashes
    frames: tuple[int, ...] = ()  # every telling frame (the SDK's, the app's)


def vendor_of(text: str) -> str:
    for name, rx in _VENDOR_RE.items():
        if rx.search(text):
            return name
    return ""


def classify(text: str) -> Kind | None:
    """The first (most specific) kind whose expression the line matches."""
    low = text.lower()
    for kind in KINDS:
        if kind.gate and not any(word in low for word in kind.gate):
            continue
        if kind.pattern.search(text) and (kind.needs is None or kind.needs.search(text)):
            return kind
    return None


def repeat_key(text: str) -> str:
    """What a line says, without the numbers that differ between repeats of it (times, pids, ids)."""
    return _HEXISH.sub("0", text[-160:].translate(_DIGITS))


def is_frame(text: str) -> bool:
    """Whether a line is a stack frame (cited only as a crash's telling frame, never as evidence alone)."""
    return FRAME_LINE.match(text[:2000]) is not None


def _candidate_lines(doc, cancel, words: np.ndarray | None = None) -> np.ndarray:
    """Lines with an error word or at warning level, sampled at both ends of a large log."""
    if words is None:
        idx = doc.index
        sure, unsure = linescan.find_lines(
            idx.buffer(),
            idx.start_array(),
            [n.encode() for n in NEEDLES],
            icase=True,
            region=False,
            fmt=doc.format,
            newline=idx.newline,
            parser=doc.parser,
            cancel=cancel,
        )
        words = np.concatenate((sure, unsure))
    levels = doc.levels()
    mask = np.zeros(len(doc), dtype=bool)
    if len(words):
        mask[words] = True
    if len(levels) and doc.headers is not None:
        mask |= (levels >= WARN) & doc.headers
    lines = np.flatnonzero(mask)
    if len(lines) <= MAX_CANDIDATES:
        return lines
    # A large log is read at both ends: how it started and how it ended are what the ticket is about.
    half = MAX_CANDIDATES // 2
    return np.concatenate((lines[:half], lines[-half:]))


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


def _telling_frames(doc, line: int, limit: int = 80) -> tuple[int, ...]:
    """The telling stack frames below ``line``: the first inside an SDK (where it broke) and the app's own first
    frame (where the app called from); either may be missing."""
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


#: The opening of a list of error messages in an NSError dump or a JSON body, the items on the lines below.
ERROR_LIST = re.compile(
    r"(?:\berrors?|\breasons?|\bmessages?|\bdetails?)\"?\s*[=:]\s*[\[(]\s*$", re.IGNORECASE
)
_ERROR_ITEM = re.compile(r"^\s*\"([^\"]{6,})\"\s*,?\s*$")


def _error_items(doc, line: int, limit: int = 8) -> list[int]:
    """The quoted messages listed below an error list's opening line (up to its closing bracket)."""
    items = []
    for n in range(line + 1, min(len(doc), line + 1 + limit)):
        text = doc.line_text(n)
        if _ERROR_ITEM.match(text):
            items.append(n)
        elif text.strip()[:1] in (")", "]", "}"):
            break
    return items


def collect(doc, vendors: set[str], cancel=lambda: False, words: np.ndarray | None = None) -> list[Hit]:
    """Classified evidence lines of a built document, in file order (``words``: lines holding an error word,
    when a combined scan already found them)."""
    hits: list[Hit] = []
    levels = doc.levels()
    tags = doc.index.columns
    kinds: dict[str, Kind | None] = {}
    vendor_by_tag: dict[int, str] = {}
    wrapper_tags: set[int] = set()
    # A short excerpt is what the customer chose to paste: every error line in it is worth reading.
    excerpt = len(doc) <= EXCERPT_LINES
    for number, line in enumerate(_candidate_lines(doc, cancel, words).tolist()):
        if number % workers.YIELD_EVERY == 0:
            workers.yield_interpreter()
        text = doc.line_text(line)
        if is_frame(text):
            continue
        if ERROR_LIST.search(text[-200:]):
            # "errors = (" / "\"errors\": [" opens a server's list of error messages: its items say what
            # failed.
            for item in _error_items(doc, line):
                said = doc.line_text(item)
                found = classify(said)
                hits.append(Hit(item, found if found else KIND_BY_KEY["sdk_error"], vendor_of(said)))
        # Repeated messages (the same text with other numbers) are classified once.
        key = text[-160:].translate(_DIGITS)
        if key in kinds:
            kind = kinds[key]
        else:
            kind = kinds[key] = classify(text)
        level = int(levels[line]) if line < len(levels) else 0
        wordless = kind is None
        if kind is None:
            if level < ERROR:
                continue
            kind = KIND_BY_KEY["sdk_error"]
        tag_id = (
            int(tags.tag_ids[doc.entry_start(line)])
            if tags.tag_ids is not None and line < len(tags.tag_ids)
            else -1
        )
        if tag_id not in vendor_by_tag:
            vendor_by_tag[tag_id] = vendor_of(tags.tags.values[tag_id]) if tag_id > 0 else ""
            if tag_id > 0 and WRAPPER_TAGS.match(tags.tags.values[tag_id].strip()):
                wrapper_tags.add(tag_id)
        if excerpt and tag_id in wrapper_tags and not wordless and _FAILED.search(text):
            level = max(level, ERROR)  # the app's own report of a failure, printed through its wrapper
        vendor = vendor_by_tag[tag_id] or vendor_of(text)
        chosen = excerpt and (level >= ERROR or kind.key != "sdk_error")
        if kind.key in _WEAK and not vendor and (wordless or not chosen):
            # An app's own error words say little about the SDK (unless the customer chose them); an app line
            # at error level without any error word is the app's own debug print.
            continue
        if kind.key == "sdk_error" and level and level < INFO:
            continue  # "error" inside a debug line of a healthy request
        frames = _telling_frames(doc, line) if kind.key in ("crash", "linkage") else ()
        if kind.key == "crash" and frames and not vendor:
            vendor = vendor_of(doc.line_text(frames[0]))
        hits.append(Hit(line, kind, vendor, frames[0] if frames else None, frames))
    return hits
