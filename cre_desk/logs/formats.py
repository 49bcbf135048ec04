"""Parse a single log line of a known format into an ``Entry``.

Parsing is per line and on demand (the view parses only what it paints), so every parser is one
precompiled expression (``format_patterns``; ``format_detection`` picks the format). Lines that match
no header belong to the entry above them (stack traces, wrapped messages).
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable

from cre_desk.logs.entry import Entry, level_code
from cre_desk.logs.format_patterns import (
    ANSI,
    BRIEF,
    BRIEF_NOPID,
    FIREBASE_IOS,
    GENERIC_LEVEL,
    GENERIC_TIME,
    IOS_CONSOLE,
    IOS_LOGSHOW,
    IOS_XCODE,
    JSON_MAX,
    LEVEL_LETTER,
    LONG_HEADER,
    PACKAGE,
    STUDIO_COLUMNS,
    STUDIO_NEW,
    STUDIO_OLD,
    STUDIO_OLD_SHORT,
    THREADTIME,
    TIME_FMT,
    VENDOR_PREFIX,
    columns_kept,
)

#: Lines longer than this are shown truncated (the full line stays in the file).
MAX_LINE_CHARS = 64 * 1024


def _epoch(year: int, month: int, day: int, hh: str, mm: str, ss: str, frac: str | None) -> float | None:
    try:
        month, day, hour, minute, second = month, day, int(hh), int(mm), int(ss)
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
            return None
        if hour > 23 or minute > 59 or second > 60:
            return None
        base = calendar.timegm((year, month, day, hour, minute, min(second, 59), 0, 0, 0))
    except (ValueError, OverflowError):
        return None
    return base + (float("0." + frac) if frac else 0.0)


def _offset_seconds(text: str | None) -> int:
    if not text or text == "Z":
        return 0
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * (int(digits[:2]) * 3600 + int(digits[2:4]) * 60)


class LineParser:
    """Parses lines of one detected format; ``year`` fills in year-less logcat timestamps."""

    def __init__(self, fmt: str, year: int = 2026, latest_month: int = 12) -> None:
        self.format = fmt
        self.year = year
        self.latest_month = latest_month
        self._parse = getattr(self, f"_parse_{fmt}", self._parse_generic)

    def _year(self, text: str | None, month: int) -> int:
        if text:
            return int(text)
        # A year-less log that runs over New Year: months after the file's last month are last year's.
        return self.year - 1 if month > self.latest_month + 1 else self.year

    def parse(self, line_no: int, line: str) -> Entry | None:
        """Parse a header line; ``None`` means "not a header" (a continuation, or unparsed)."""
        if "\x1b" in line:
            line = ANSI.sub("", line)
        try:
            return self._parse(line_no, line)
        except (ValueError, IndexError, OverflowError, RecursionError):
            return None

    def _logcat(self, line_no, m, year_g, mon_g, pid_g, tid_g, lvl_g, tag_g, msg_g, pkg_g=None) -> Entry:
        month = int(m.group(mon_g))
        ts = _epoch(
            self._year(m.group(year_g), month),
            month,
            int(m.group(mon_g + 1)),
            m.group(mon_g + 2),
            m.group(mon_g + 3),
            m.group(mon_g + 4),
            m.group(mon_g + 5),
        )
        package = m.group(pkg_g) if pkg_g else ""
        return Entry(
            line_no=line_no,
            end_line=line_no + 1,
            message=m.group(msg_g),
            level=level_code(m.group(lvl_g)),
            tag=m.group(tag_g).strip(),
            pid=int(m.group(pid_g)) if pid_g else None,
            tid=int(m.group(tid_g)) if tid_g else None,
            package="" if package == "?" else package,
            timestamp=ts,
        )

    def _parse_threadtime(self, n, line):
        m = THREADTIME.match(line)
        return self._logcat(n, m, 1, 2, 8, 9, 10, 11, 12) if m else None

    def _parse_studio(self, n, line):
        m = STUDIO_OLD.match(line)
        if m:
            return self._logcat(n, m, 1, 2, 8, 9, 11, 12, 13, pkg_g=10)
        return self._parse_studio_new(n, line) or self._parse_threadtime(n, line)

    def _parse_studio_new(self, n, line):
        m = STUDIO_NEW.match(line)
        return self._logcat(n, m, 1, 2, 8, 9, 12, 10, 13, pkg_g=11) if m else None

    def _parse_studio_columns(self, n, line):
        m = STUDIO_OLD_SHORT.match(line)
        if m:
            return Entry(
                line_no=n,
                end_line=n + 1,
                message=m.group(10),
                level=level_code(m.group(8)),
                tag=m.group(9).strip(),
                pid=int(m.group(5)),
                tid=int(m.group(6)),
                package="" if m.group(7) == "?" else m.group(7),
                timestamp=self._day_time(None, None, None, m, 1),
            )
        m = STUDIO_COLUMNS.match(line)
        if not m or not columns_kept(line, m):
            return None
        tag, package = (m.group(10) or "").strip(), ""
        head, _, last = tag.rpartition(" ")
        if head and PACKAGE.match(last):
            tag, package = head.strip(), ("" if last == "?" or last.startswith("pid-") else last)
        return Entry(
            line_no=n,
            end_line=n + 1,
            message=m.group(12) or "",
            level=level_code(m.group(11)),
            tag=tag,
            pid=int(m.group(8)) if m.group(8) else None,
            tid=int(m.group(9)) if m.group(9) else None,
            package=package,
            timestamp=self._day_time(m.group(1), m.group(2), m.group(3), m, 4),
        )

    def _day_time(self, year, month, day, m, first) -> float | None:
        """A time of day with a date when the line has one (time-only lines have no place on a timeline)."""
        if m.group(first) is None or month is None:
            return None
        return _epoch(
            self._year(year, int(month)),
            int(month),
            int(day),
            m.group(first),
            m.group(first + 1),
            m.group(first + 2),
            m.group(first + 3),
        )

    def _parse_ios_console(self, n, line):
        m = IOS_CONSOLE.match(line)
        if not m:
            return None
        kind = m.group(1).lower()
        level = {"default": 3, "info": 3, "notice": 3, "debug": 2, "error": 5, "fault": 6}.get(kind, 0)
        ts = self._day_time(m.group(2), m.group(3), m.group(4), m, 5)
        if ts is not None:
            ts -= _offset_seconds(m.group(9))
        entry = Entry(
            line_no=n, end_line=n + 1, message=m.group(11), level=level, tag=m.group(10).strip(), timestamp=ts
        )
        self._refine_ios_message(entry)
        return entry

    def _parse_time(self, n, line):
        m = TIME_FMT.match(line)
        return self._logcat(n, m, 1, 2, 10, None, 8, 9, 11) if m else None

    def _parse_brief(self, n, line):
        m = BRIEF.match(line)
        if m:
            return Entry(
                line_no=n,
                end_line=n + 1,
                message=m.group(4),
                level=level_code(m.group(1)),
                tag=m.group(2).strip(),
                pid=int(m.group(3)),
            )
        m = BRIEF_NOPID.match(line)
        if m:
            return Entry(
                line_no=n,
                end_line=n + 1,
                message=m.group(3),
                level=level_code(m.group(1)),
                tag=m.group(2).strip(),
            )
        return None

    def _parse_long(self, n, line):
        m = LONG_HEADER.match(line)
        if m:
            entry = self._logcat(n, m, 1, 2, 8, 9, 10, 11, 11)
            entry.message = ""
            return entry
        return None

    def _parse_ios(self, n, line):
        m = IOS_XCODE.match(line)
        if not m:
            return self._parse_firebase_ios(n, line)
        ts = _epoch(
            int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5), m.group(6), m.group(7)
        )
        if ts is not None:
            ts -= _offset_seconds(m.group(8))
        entry = Entry(
            line_no=n,
            end_line=n + 1,
            message=m.group(12),
            level=0,
            tag=m.group(9).strip(),
            pid=int(m.group(10)),
            tid=_int_or_none(m.group(11)),
            timestamp=ts,
        )
        self._refine_ios_message(entry)
        return entry

    def _parse_ios_logshow(self, n, line):
        m = IOS_LOGSHOW.match(line)
        if not m:
            return self._parse_ios(n, line)
        ts = _epoch(
            int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5), m.group(6), m.group(7)
        )
        if ts is not None:
            ts -= _offset_seconds(m.group(8))
        kind = m.group(10).lower()
        level = {"default": 3, "info": 3, "debug": 2, "error": 5, "fault": 6}.get(kind, 0)
        entry = Entry(
            line_no=n,
            end_line=n + 1,
            message=m.group(15),
            level=level,
            tag=m.group(14).strip(),
            pid=int(m.group(12)),
            tid=_int_or_none(m.group(9), 16),
            timestamp=ts,
        )
        self._refine_ios_message(entry)
        return entry

    def _parse_firebase_ios(self, n, line):
        m = FIREBASE_IOS.match(line)
        if not m:
            return None
        entry = Entry(line_no=n, end_line=n + 1, message=m.group(4), tag=m.group(2), level=3)
        entry.extra["code"] = m.group(3)
        if m.group(1):
            entry.extra["sdk_version"] = m.group(1)
        return entry

    @staticmethod
    def _refine_ios_message(entry: Entry) -> None:
        """Xcode lines often wrap a Firebase/Braze line: lift its tag and level out of the message."""
        inner = FIREBASE_IOS.match(entry.message)
        if inner:
            entry.tag = inner.group(2)
            entry.message = inner.group(4)
            entry.extra["code"] = inner.group(3)
            if inner.group(1):
                entry.extra["sdk_version"] = inner.group(1)
        if not entry.level:
            lowered = entry.message[:80].lower()
            entry.level = 5 if ("error" in lowered or "failed" in lowered) else 3

    def _parse_jsonl(self, n, line):
        stripped = line.strip()
        if not stripped.startswith("{") or len(stripped) > JSON_MAX:
            return None
        try:
            data = json.loads(stripped)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict):
            return None
        message = _first(data, ("message", "msg", "text", "event", "log", "body"))
        tag = _first(data, ("tag", "logger", "category", "subsystem", "name", "source", "module"))
        level = _first(data, ("level", "lvl", "severity", "priority", "loglevel", "levelname"))
        stamp = _first(data, ("timestamp", "time", "ts", "@timestamp", "date", "datetime"))
        entry = Entry(
            line_no=n,
            end_line=n + 1,
            message=_text(message) if message is not None else stripped,
            tag=_text(tag) if tag is not None else "",
            level=level_code(_text(level)) if level else 0,
            timestamp=_json_time(stamp),
        )
        pid = _first(data, ("pid", "process_id"))
        if isinstance(pid, int) and not isinstance(pid, bool) and 0 <= pid < 2**31:
            entry.pid = pid
        return entry

    def _parse_generic(self, n, line):
        m = GENERIC_TIME.match(line)
        ts = None
        rest = line
        if m:
            ts = _epoch(
                int(m.group(1)),
                int(m.group(2)),
                int(m.group(3)),
                m.group(4),
                m.group(5),
                m.group(6),
                m.group(7),
            )
            if ts is not None:
                ts -= _offset_seconds(m.group(8))
            rest = line[m.end() :]
        vendor = VENDOR_PREFIX.match(rest)
        lv = GENERIC_LEVEL.search(rest[:60])
        level = level_code(lv.group(1)) if lv else 0
        if not level:
            # Level letters as IDEs and SDKs print them: "E/Tag: …", "W: …", "[Adjust]e: …", "[E] …".
            letter = LEVEL_LETTER.match(rest)
            if letter:
                level = level_code(next(g for g in letter.groups() if g).upper())
        return Entry(
            line_no=n,
            end_line=n + 1,
            message=rest,
            level=level,
            timestamp=ts,
            parsed=m is not None,
            tag=(vendor.group(1) or vendor.group(2)) if vendor else "",
        )


def _int_or_none(text: str | None, base: int = 10) -> int | None:
    if not text:
        return None
    try:
        return int(text, base)
    except ValueError:
        try:
            return int(text, 16)
        except ValueError:
            return None


def _first(data: dict, keys: Iterable[str]):
    for key in keys:
        if key in data:
            return data[key]
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in keys:
        if key in lowered:
            return lowered[key]
    return None


def _text(value) -> str:
    if isinstance(value, str):
        return value[:MAX_LINE_CHARS]
    try:
        return json.dumps(value, ensure_ascii=False)[:MAX_LINE_CHARS]
    except (ValueError, TypeError, RecursionError):
        return str(type(value).__name__)


def _json_time(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return None
        if number > 1e14:  # microseconds
            return number / 1e6
        if number > 1e11:  # milliseconds
            return number / 1e3
        return number
    if isinstance(value, str):
        m = GENERIC_TIME.match(value)
        if m:
            ts = _epoch(
                int(m.group(1)),
                int(m.group(2)),
                int(m.group(3)),
                m.group(4),
                m.group(5),
                m.group(6),
                m.group(7),
            )
            return None if ts is None else ts - _offset_seconds(m.group(8))
    return None

