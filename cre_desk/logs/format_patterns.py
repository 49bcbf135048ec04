"""The header expressions of every log format we read, compiled once for parsing and detection alike.

Detection samples a file with the same expressions the parser later runs on every painted line, so
they live here, shared, rather than in either user.
"""

from __future__ import annotations

import re

_TIME = r"(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?"
_LVL = r"([VDIWEFA])"

THREADTIME = re.compile(
    r"^(?:(\d{4})-)?(\d\d)-(\d\d) " + _TIME + r"\s+(\d+)\s+(\d+)\s+" + _LVL + r" (.*?)\s*: ?(.*)$")
STUDIO_OLD = re.compile(
    r"^(?:(\d{4})-)?(\d\d)-(\d\d) " + _TIME + r"\s+(\d+)-(\d+)/(\S+) " + _LVL + r"/(.*?): ?(.*)$")
# Newer Android Studio columns: the tag column may hold spaces (and be shortened with "…" or "...").
STUDIO_NEW = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d) " + _TIME + r"\s+(\d+)-(\d+)\s+(.+?)\s+(\S+)\s+" + _LVL + r"\s+(.*)$")
# Android Studio with some columns hidden (date, pids, tag, package):
# "10:49:38.245  26864-30696  Tag  pkg  D  msg",
# the compact view "15:34:48.028  D  msg", the tag-only view "   Braze v23.0.1 .Braze  V  msg" (a blank tag
# column repeats the tag above). The level is a lone letter followed by two spaces, as the IDE pads it.
STUDIO_COLUMNS = re.compile(
    r"^\s*(?:(\d{4})-(\d\d)-(\d\d) )?(?:"
    + _TIME
    + r"\s+)?(?:(\d+)(?:-(\d+))?\s+)?(?:(\S.*?)\s+)??"
    + _LVL
    + r"(?:\s{2}(\S.*)|\s*)$"
)
# Android Studio's older export without its date: "14:32:28.361 14885-15462/com.acme E/OneSignal: msg".
STUDIO_OLD_SHORT = re.compile(r"^" + _TIME + r"\s+(\d+)-(\d+)/(\S+) " + _LVL + r"/(.*?): ?(.*)$")
#: What a package column holds: a Java package, "pid-1234" for an unknown one, or "?".
PACKAGE = re.compile(r"^(?:[A-Za-z_][\w]*(?:\.[\w]+)+|pid-\d+|system_process|\?)(?::[\w.]+)?$")
# Console.app copies (and Xcode's console "copy" of os_log lines):
# "error	10:14:02.118421+0900	Runner	message".
IOS_CONSOLE = re.compile(
    r"^(default|info|debug|error|fault|notice|Default|Info|Debug|Error|Fault|Notice)\t"
    r"(?:(\d{4})-(\d\d)-(\d\d) )?" + _TIME + r"([+-]\d{4})?\t([^\t]*)\t(.*)$"
)
TIME_FMT = re.compile(r"^(?:(\d{4})-)?(\d\d)-(\d\d) " + _TIME + r"\s+" + _LVL + r"/(.*?)\(\s*(\d+)\): ?(.*)$")
BRIEF = re.compile(r"^" + _LVL + r"/(.*?)\(\s*(\d+)\): ?(.*)$")
BRIEF_NOPID = re.compile(r"^" + _LVL + r"/([^:(]{1,120}): ?(.*)$")
LONG_HEADER = re.compile(
    r"^\[ (?:(\d{4})-)?(\d\d)-(\d\d) " + _TIME + r"\s+(\d+):\s*(\d+) " + _LVL + r"/(.*?)\s*\]$"
)
IOS_XCODE = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)[ T]" + _TIME + r"([+-]\d\d:?\d\d|Z)? ([^\[\]]+?)\[(\d+):(\w+)\] ?(.*)$"
)
IOS_LOGSHOW = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d) " + _TIME + r"([+-]\d{4})\s+(0x[0-9a-fA-F]+)\s+(\w+)\s+(0x[0-9a-fA-F]+)\s+"
    r"(\d+)\s+(\d+)\s+(.*?): (.*)$"
)
FIREBASE_IOS = re.compile(r"^(?:(\d+\.\d+\.\d+) - )?\[(Firebase/?\w+)\]\[(I-[A-Z]+\d+)\] ?(.*)$")
GENERIC_TIME = re.compile(r"^\[?(\d{4})[-/](\d\d)[-/](\d\d)[ T]" + _TIME + r"(Z|[+-]\d\d:?\d\d)?\]?\s*")
GENERIC_LEVEL = re.compile(
    r"\b(VERBOSE|TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL)\b[:\]]?\s*", re.IGNORECASE
)
LEVEL_LETTER = re.compile(
    r"^\s*(?:\*\*)?(?:([VDIWEF])[/:] ?\S|\[[A-Za-z][\w .-]{0,30}\]([vdiwef]):|\[([VDIWEF])\] )"
)
#: An SDK's own prefix on a pasted line: "[Adjust]e: …", "[CleverTap]: …", "[CIO] …", "flutter: …".
VENDOR_PREFIX = re.compile(r"^\s*(?:\[([A-Za-z][\w./-]{1,30})\](?:[vdiwea]:|:?\s)|(flutter): )")
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
JSON_MAX = 1024 * 1024


def columns_kept(line: str, m: re.Match) -> bool:
    """A time, a pid, or a padded tag column (the IDE pads columns with runs of spaces): plain prose with a
    lone capital letter in it is not a Logcat line."""
    return (
        m.group(4) is not None
        or m.group(8) is not None
        or line[:1].isspace()
        or (m.group(10) is not None and "  " in line[: m.start(11)])
    )
