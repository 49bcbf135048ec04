"""What a telling line no catalogue rule names is about: its kind, checklist area and weight.

Kinds are data, ordered from the most specific; a line takes the first kind whose expression matches it
(``classify``). Each kind's title and the reason it points at its area are shipped en/ja texts
(``resources/texts/findings.json``), so the findings panel and ``cre-desk analyze`` word them in the reader's
language. Kept apart from the scan that collects the lines, so the catalogue of kinds can grow on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cre_desk.core import shipped_texts
from cre_desk.core.vocabulary import Label
from cre_desk.logs.rules import literal_prefilter

#: Kinds at least this heavy are specific enough to refine what a catalogue rule says about a line.
SPECIFIC = 2.5


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


def classify(text: str) -> Kind | None:
    """The first (most specific) kind whose expression the line matches."""
    low = text.lower()
    for kind in KINDS:
        if kind.gate and not any(word in low for word in kind.gate):
            continue
        if kind.pattern.search(text) and (kind.needs is None or kind.needs.search(text)):
            return kind
    return None
