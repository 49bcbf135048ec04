"""Generic evidence: the lines that matter when no catalogue rule names them.

Most of what customers paste was never seen by our rules: an SDK error we have no rule for, a crash whose
telling frame sits in the SDK, a server's 403, a missing entitlement. This module finds such lines with one
native scan for error words (plus the level column), attributes each to an SDK by its tag, prefix or
package (``attribution``), and sorts it into a kind with a checklist area and a reason in plain words
(``evidence_kinds``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from cre_desk.logs import linescan, rule_scan, workers
from cre_desk.logs.attribution import is_frame, telling_frames, vendor_of
from cre_desk.logs.entry import ERROR, INFO, WARN
from cre_desk.logs.evidence_kinds import KIND_BY_KEY, Kind, classify

#: Lines classified at most: all of them in an ordinary log, the first and last halves of this in a huge one.
MAX_CANDIDATES = 4_000
_DIGITS = str.maketrans("0123456789", "0000000000")
_HEXISH = re.compile(r"\b(?=[0-9a-fA-F-]*0)[0-9a-fA-F]+(?:-[0-9a-fA-F]+)+\b|0x[0-9a-fA-F]+")
MAX_LINE_NOS = 50
#: Logs this short are excerpts a person picked, not whole captures.
EXCERPT_LINES = 300

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

#: Kinds that count only on an SDK's line, or in an excerpt the customer chose.
_WEAK = ("sdk_error", "not_done")
#: A wrapper's console (Flutter, React Native, Unity…): an SDK call's failure the app caught and printed there
#: (a rejected promise, a PlatformException) shows at whatever level the app chose, often info.
WRAPPER_TAGS = rule_scan.WRAPPER_TAGS
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


def repeat_key(text: str) -> str:
    """What a line says, without the numbers that differ between repeats of it (times, pids, ids)."""
    return _HEXISH.sub("0", text[-160:].translate(_DIGITS))


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
        frames = telling_frames(doc, line) if kind.key in ("crash", "linkage") else ()
        if kind.key == "crash" and frames and not vendor:
            vendor = vendor_of(doc.line_text(frames[0]))
        hits.append(Hit(line, kind, vendor, frames[0] if frames else None, frames))
    return hits
