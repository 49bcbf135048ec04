"""Log engine speed and memory on 100 MB and 1 GB Android logcat files, next to wc/grep/lnav in the same run.

Support engineers open multi-gigabyte customer logcats; this checks the engine keeps its promises (rows in
milliseconds, a 1 GB file indexed faster than glogg, little memory of its own) on realistic generated files.

    python bench/bench_logs.py [--out bench/out] [--sizes 100M,1G] [--repeat 3]

Each engine measurement runs in a fresh interpreter so memory peaks of one file never leak into the next.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MIB = 1024 * 1024
TS_LEN = 18  # "MM-DD HH:MM:SS.mmm"
PLACEHOLDER = b"#" * TS_LEN
POOL_SIZE = 5000
BLOCK_BYTES = 32 * MIB
PATTERN = "Exception|FATAL"
#: Filters measured on the generated log, each beside grep -c of the same literal or regex.
FILTERS = {"tag": "tag:Braze", "message": 'message:"in-app message"',
           "regex": '~"Failed to log event|PERMISSION_DENIED"', "combined": "tag:Braze -level:D"}
GREP_SAME = {"tag": ["grep", "-c", "Braze"], "message": ["grep", "-ci", "in-app message"],
             "regex": ["grep", "-ciE", "Failed to log event|PERMISSION_DENIED"]}

# -- realistic logcat content -----------------------------------------------------------------------

PACKAGES = ["com.example.shop", "com.acme.fitness", "jp.co.sample.news", "com.example.bank.mobile"]
EVENTS = ["add_to_cart", "purchase_completed", "view_product", "coupon_opened", "app_open", "signup_step_2"]
ACTIVITIES = [".MainActivity", ".ui.ProductActivity", ".checkout.CheckoutActivity", ".splash.SplashActivity"]
EXCEPTIONS = [
    "java.net.SocketTimeoutException: timeout",
    "java.net.UnknownHostException: Unable to resolve host \"sdk.iad-01.braze.com\": No address associated with "
    "hostname",
    "java.lang.IllegalStateException: Cannot display in-app message: activity is null",
    "javax.net.ssl.SSLHandshakeException: Chain validation failed",
    "java.io.IOException: unexpected end of stream on https://api.onesignal.com/...",
    "org.json.JSONException: Value <html> of type java.lang.String cannot be converted to JSONObject",
]


def _hex(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n))


def _uuid(rnd: random.Random) -> str:
    return f"{_hex(rnd, 8)}-{_hex(rnd, 4)}-{_hex(rnd, 4)}-{_hex(rnd, 4)}-{_hex(rnd, 12)}"


def _normal(rnd: random.Random) -> tuple[str, str, str]:
    """One (level, tag, message) of everyday noise: levels D/I/V."""
    pkg = rnd.choice(PACKAGES)
    pick = rnd.randrange(14)
    if pick == 0:
        return rnd.choice("DV"), "Braze v30.4.0 .BrazeManager", rnd.choice([
            f"Logging custom event {rnd.choice(EVENTS)} with properties {{\"sku\":\"{_hex(rnd, 6)}\"}}",
            f"Flushing {rnd.randint(1, 60)} events to https://sdk.iad-01.braze.com/api/v3/data",
            f"Session {_uuid(rnd)} started; previous session ended {rnd.randint(2, 900)}s ago",
            "Requesting content cards refresh",
            f"Trigger action found for event {rnd.choice(EVENTS)}: in-app message {_hex(rnd, 24)}"])
    if pick == 1:
        return rnd.choice("DVI"), "Braze v30.4.0 .BrazeInAppMessageManager", rnd.choice([
            f"Attempting to display in-app message with payload {{\"id\":\"{_hex(rnd, 24)}\",\"type\":\"MODAL\"}}",
            "Skipping in-app message display: the activity is not yet registered",
            f"Received {rnd.randint(0, 12)} triggered actions from the server"])
    if pick == 2:
        return "I", "ActivityManager", rnd.choice([
            f"Start proc {rnd.randint(1000, 32000)}:{pkg}/u0a{rnd.randint(100, 400)} for activity "
            f"{{{pkg}/{pkg}{rnd.choice(ACTIVITIES)}}}",
            f"Displayed {pkg}/{rnd.choice(ACTIVITIES)}: +{rnd.randint(120, 2400)}ms",
            f"Killing {rnd.randint(1000, 32000)}:{pkg}/u0a{rnd.randint(100, 400)} (adj 900): empty #17"])
    if pick == 3:
        return "I", "chatty", (f"uid={rnd.randint(10000, 10400)}({pkg}) {rnd.choice(['RenderThread', 'main'])} "
                               f"identical {rnd.randint(2, 80)} lines")
    if pick == 4:
        return rnd.choice("DV"), "OneSignal", rnd.choice([
            f"OneSignal.init appId: {_uuid(rnd)}",
            f"OSNotificationController: notification received with id {_uuid(rnd)}",
            f"Sending player update with subscription status {rnd.choice([1, -2, -20])}",
            "Found existing push token: cXyz" + _hex(rnd, 30)])
    if pick == 5:
        return rnd.choice("ID"), "FIAM.Headless", rnd.choice([
            f"Starting InAppMessaging runtime with Installation ID {_hex(rnd, 22)}",
            "Forcing fetch from service rather than cache. Test Device: false | App Fresh Install: false",
            "Already fetching campaigns, returning.",
            f"Successfully fetched {rnd.randint(0, 9)} messages from backend"])
    if pick == 6:
        return rnd.choice("DI"), "ViewRootImpl", rnd.choice([
            f"ViewPostIme pointer {rnd.randint(0, 1)}",
            f"[ViewRootImpl][{rnd.choice(ACTIVITIES)[1:]}] dispatchDetachedFromWindow",
            f"MSG_RESIZED: frame=(0,0,1080,{rnd.choice([2340, 2400, 2220])}) ci=(0,{rnd.randint(60, 140)},0,0)"])
    if pick == 7:
        return "D", "OkHttp", rnd.choice([
            f"--> POST https://sdk.iad-01.braze.com/api/v3/data ({rnd.randint(200, 9000)}-byte body)",
            f"<-- 200 OK https://api.onesignal.com/players/{_uuid(rnd)} ({rnd.randint(40, 2000)}ms)"])
    if pick == 8:
        return "I", "FirebaseMessaging", f"Received message from {rnd.randint(10 ** 11, 10 ** 12)}: {_hex(rnd, 16)}"
    if pick == 9:
        return "V", "FA", f"Logging event (FE): {rnd.choice(EVENTS)}(_e), Bundle[{{ga_event_origin(_o)=auto}}]"
    if pick == 10:
        return "D", "NetworkSecurityConfig", "No Network Security Config specified, using platform default"
    if pick == 11:
        return "I", "GmsClient", f"GmsClient connected in {rnd.randint(4, 400)}ms"
    if pick == 12:
        return "D", "OneSignal", rnd.choice([  # localised push payloads: real logs carry UTF-8
            "Notification title: セール開始！今すぐチェック",
            "Notification body: Ihre Bestellung wurde versandt ✓",
        ])
    return "D", "InputMethodManager", f"showSoftInput view=android.widget.EditText{{{_hex(rnd, 7)} VFED..CL.}}"


def _warning(rnd: random.Random) -> tuple[str, str, str]:
    pick = rnd.randrange(4)
    if pick == 0:
        return "W", "Choreographer", (f"Skipped {rnd.randint(30, 200)} frames!  The application may be doing too "
                                      "much work on its main thread.")
    if pick == 1:
        return "W", "System.err", rnd.choice(EXCEPTIONS)
    if pick == 2:
        return "W", "Braze v30.4.0 .BrazeManager", rnd.choice([
            "Braze SDK is disabled. Not logging event.",
            f"Request failed with {rnd.choice([429, 500, 503])}; retrying in {rnd.randint(1, 60)}s"])
    return "W", "ActivityManager", f"Slow operation: {rnd.randint(50, 400)}ms so far, now at startProcess: done"


def _error(rnd: random.Random) -> tuple[str, str, str]:
    pick = rnd.randrange(4)
    if pick == 0:
        return "E", "Braze v30.4.0 .BrazeManager", f"Failed to log event. {rnd.choice(EXCEPTIONS)}"
    if pick == 1:
        return "E", "FIAM.Headless", rnd.choice([
            "Service fetch error: PERMISSION_DENIED: Firebase In-App Messaging API has not been used in project",
            f"Impression store read fail {rnd.choice(EXCEPTIONS)}"])
    if pick == 2:
        return "E", "OneSignal", f"Error updating player: {rnd.choice(EXCEPTIONS)}"
    return "E", "ViewRootImpl", "sendUserActionEvent() returned."


def _header(rnd: random.Random, level: str, tag: str, msg: str, pid: int | None = None, tid: int | None = None):
    """One header line with a timestamp placeholder; pid/tid from 1 to 6 digits (logcat pads them to 5)."""
    pid = pid if pid is not None else rnd.choice([rnd.randint(2, 99), rnd.randint(100, 999), rnd.randint(1000, 32767),
                                                  rnd.randint(1000, 32767), rnd.randint(100000, 999999)])
    tid = tid if tid is not None else rnd.choice([pid, rnd.randint(pid, pid + 300), rnd.randint(10, 99)])
    return PLACEHOLDER + f" {pid:5d} {tid:5d} {level} {tag}: {msg}\n".encode()


def _stack_trace(rnd: random.Random, kind: int) -> bytes:
    """A crash as logcat prints it (every line a header), or one with bare ``at`` continuation lines."""
    frames = [f"at com.braze.managers.BrazeManager.logEvent(BrazeManager.kt:{rnd.randint(40, 900)})",
              f"at com.onesignal.OSUtils.runOnMainUIThread(OSUtils.java:{rnd.randint(40, 600)})",
              "at android.os.Handler.handleCallback(Handler.java:942)",
              "at android.os.Looper.loopOnce(Looper.java:201)",
              "at android.app.ActivityThread.main(ActivityThread.java:7918)",
              "at java.lang.reflect.Method.invoke(Native Method)",
              "at com.android.internal.os.ZygoteInit.main(ZygoteInit.java:942)"]
    pid = rnd.randint(1000, 32767)
    exc = rnd.choice(EXCEPTIONS)
    if kind == 0:
        lines = ["FATAL EXCEPTION: main", f"Process: {rnd.choice(PACKAGES)}, PID: {pid}", exc]
        lines += [f"\t{f}" for f in frames[: rnd.randint(4, len(frames))]]
        return b"".join(_header(rnd, "E", "AndroidRuntime", text, pid, pid) for text in lines)
    head = _header(rnd, "E", "Braze v30.4.0 .BrazeManager", f"Uncaught exception in handler: {exc}", pid, pid)
    return head + b"".join(f"\t{f}\n".encode() for f in frames[: rnd.randint(3, len(frames))]) + \
        f"Caused by: {rnd.choice(EXCEPTIONS)}\n\t... {rnd.randint(3, 30)} more\n".encode()


def build_pool(seed: int = 7) -> tuple[list[bytes], np.ndarray]:
    """~5,000 distinct entries and the probability of picking each (levels ≈ 1% E, 3% W, rest D/I/V)."""
    rnd = random.Random(seed)
    groups: list[tuple[float, list[bytes]]] = [
        (0.9596, list({_header(rnd, *_normal(rnd)) for _ in range(4400)})),
        (0.03, list({_header(rnd, *_warning(rnd)) for _ in range(350)})),
        (0.01, list({_header(rnd, *_error(rnd)) for _ in range(230)})),
        (0.0004, [_stack_trace(rnd, k % 2) for k in range(20)]),
    ]
    pool: list[bytes] = []
    probs: list[float] = []
    for share, entries in groups:
        pool += entries
        probs += [share / len(entries)] * len(entries)
    p = np.asarray(probs)
    return pool, p / p.sum()


def _segments(flat: np.ndarray, starts: np.ndarray, lens: np.ndarray, pick: np.ndarray) -> np.ndarray:
    """Concatenate ``flat[starts[i]:starts[i]+lens[i]]`` for every i in ``pick``, vectorised."""
    seg_len = lens[pick]
    out_start = np.cumsum(seg_len) - seg_len
    src = np.arange(int(seg_len.sum()), dtype=np.int64) + np.repeat(starts[pick] - out_start, seg_len)
    return flat[src]


def _timestamps(ms: np.ndarray) -> np.ndarray:
    """(n, 18) uint8 rows "MM-DD HH:MM:SS.mmm" for milliseconds since 11-03 00:00:00.000."""
    day = 3 + ms // 86_400_000
    rest = ms % 86_400_000
    fields = [(np.full_like(ms, 11), 2), (day, 2), (rest // 3_600_000, 2), (rest // 60_000 % 60, 2),
              (rest // 1000 % 60, 2), (rest % 1000, 3)]
    cols = []
    for k, (value, width) in enumerate(fields):
        for d in range(width - 1, -1, -1):
            cols.append((value // 10 ** d % 10 + 48).astype(np.uint8))
        if k < len(fields) - 1:
            cols.append(np.full(len(ms), ord("- ::."[k]), dtype=np.uint8))
    return np.stack(cols, axis=1)


def generate(path: Path, size: int, seed: int = 11) -> float:
    """Write a ``size``-byte threadtime logcat to ``path``; returns seconds taken."""
    t0 = time.perf_counter()
    pool, probs = build_pool()
    flat = np.frombuffer(b"".join(pool), dtype=np.uint8)
    lens = np.asarray([len(e) for e in pool], dtype=np.int64)
    starts = np.cumsum(lens) - lens
    # Every line header of an entry carries a timestamp placeholder; remember where they sit.
    slot_lists = [[i for i in range(len(e)) if e.startswith(PLACEHOLDER, i) and (i == 0 or e[i - 1] == 10)]
                  for e in pool]
    slot_flat = np.asarray([s for sl in slot_lists for s in sl], dtype=np.int64)
    slot_lens = np.asarray([len(sl) for sl in slot_lists], dtype=np.int64)
    slot_starts = np.cumsum(slot_lens) - slot_lens
    rng = np.random.default_rng(seed)
    per_block = max(1, int(BLOCK_BYTES / float((lens * probs).sum())))
    clock = 9 * 3_600_000 + 12 * 60_000  # 09:12 on the first day
    tmp = path.with_suffix(".part")
    written = 0
    with open(tmp, "wb") as fh:
        while written < size:
            pick = rng.choice(len(pool), size=per_block, p=probs)
            block = _segments(flat, starts, lens, pick)
            ms = clock + np.cumsum(rng.integers(0, 4, size=per_block))
            clock = int(ms[-1])
            ts = _timestamps(ms)
            entry_off = np.cumsum(lens[pick]) - lens[pick]
            n_slots = slot_lens[pick]
            slot_pos = np.repeat(entry_off, n_slots) + _segments(slot_flat, slot_starts, slot_lens, pick)
            block[slot_pos[:, None] + np.arange(TS_LEN)] = np.repeat(ts, n_slots, axis=0)
            if written + len(block) > size:  # stop on a line end at (or just under) the requested size
                cut = bytes(block[: size - written]).rfind(b"\n") + 1
                block = block[:cut]
            fh.write(block.tobytes())
            written += len(block)
            if len(block) == 0:
                break
    tmp.replace(path)
    return time.perf_counter() - t0


# -- measuring -------------------------------------------------------------------------------------------

def _status() -> dict[str, int]:
    """VmRSS / VmHWM / RssAnon / RssFile of this process in kB."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                out[key] = int(rest.split()[0])
    return out


def measure_engine(path: Path) -> dict:
    """One cold-process run of the engine on ``path`` (the file itself is in the page cache)."""
    from cre_desk.logs.document import LogDocument
    from cre_desk.logs.search_patterns import compile_user_pattern

    before = _status()
    peak_anon = [before["RssAnon"]]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak_anon[0] = max(peak_anon[0], _status()["RssAnon"])
            time.sleep(0.003)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    res: dict = {}
    t0 = time.perf_counter()
    doc = LogDocument(path)
    res["construct"] = time.perf_counter() - t0
    res["format"] = doc.format
    failure: list[BaseException] = []

    def run_build() -> None:
        try:
            doc.build()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failure.append(exc)

    builder = threading.Thread(target=run_build)
    builder.start()
    while True:
        if len(doc.index) > 0:
            try:
                doc.line_text(0)
                break
            except (IndexError, ValueError):
                pass
        if failure:
            raise failure[0]
        time.sleep(0.001)
    res["first_rows"] = time.perf_counter() - t0
    res["first_rows_lines"] = len(doc.index)
    builder.join()
    if failure:
        raise failure[0]
    res["indexed"] = time.perf_counter() - t0
    doc.line_text(len(doc) - 1)
    res["last_line"] = time.perf_counter() - t0
    res["lines"] = len(doc)
    after_build = _status()
    res["anon_peak_build_mb"] = (max(peak_anon[0], after_build["RssAnon"]) - before["RssAnon"]) / 1024

    t = time.perf_counter()
    rows = np.flatnonzero(doc.levels() >= 5)
    res["level_filter"] = time.perf_counter() - t
    res["level_rows"] = len(rows)

    compiled = compile_user_pattern(PATTERN, regex=True, case_sensitive=True)
    first: list[float] = []
    t = time.perf_counter()
    hits = doc.search_lines(compiled, first_hits=lambda lines: first.append(time.perf_counter()))
    res["search"] = time.perf_counter() - t
    res["first_hits"] = (first[0] - t) if first else None
    res["search_hits"] = len(hits)
    from cre_desk.logs import analysis, filter_lang, filtering

    for key, text in FILTERS.items():
        query = filter_lang.parse(text)
        t = time.perf_counter()
        rows = filtering.filter_lines(doc, query)
        res[f"filter_{key}"] = time.perf_counter() - t
        res[f"filter_{key}_rows"] = len(rows)
    t = time.perf_counter()
    result = analysis.analyze(doc)
    res["analyze"] = time.perf_counter() - t
    res["analyze_findings"] = len(result.findings)
    stop.set()
    sampler.join()
    end = _status()
    kb = 1024
    res["hwm_growth_mb"] = (end["VmHWM"] - before["VmRSS"]) / kb
    res["anon_peak_growth_mb"] = (max(peak_anon[0], end["RssAnon"]) - before["RssAnon"]) / kb
    res["anon_after_build_mb"] = (after_build["RssAnon"] - before["RssAnon"]) / kb
    res["file_rss_mb"] = (end["RssFile"] - before["RssFile"]) / kb
    doc.close()
    return res


def _wall(cmd: list[str], timeout: float | None = None) -> tuple[float, str]:
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        out = proc.stdout.strip()
    except subprocess.TimeoutExpired:
        out = "timeout"
    return time.perf_counter() - t, out


def _median_wall(cmd: list[str], repeat: int, timeout: float | None = None) -> tuple[float, str]:
    runs = [_wall(cmd, timeout) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), runs[-1][1]


def _parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    units = {"K": 1024, "M": MIB, "G": 1024 * MIB}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def _fmt_ms(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def _row(name: str, value: str, target: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("ok" if ok else "MISS")
    return f"  {name:<34} {value:>16}   {target:<30} {mark}"


def bench_file(path: Path, label: str, repeat: int) -> None:
    size = path.stat().st_size
    gib = size / (1024 * MIB)
    _wall(["wc", "-l", str(path)])  # warm the page cache for every tool below
    wc_t, wc_out = _median_wall(["wc", "-l", str(path)], repeat)
    grep_t, grep_out = _median_wall(["grep", "-c", "Exception", str(path)], repeat)
    grep_e_t, grep_e_out = _median_wall(["grep", "-cE", PATTERN, str(path)], repeat)
    lnav = shutil.which("lnav")
    if lnav:
        lnav_t, lnav_out = _median_wall([lnav, "-n", "-c", ":write-to /dev/null", str(path)], 1, timeout=600)
        lnav_text = _fmt_ms(lnav_t) + (" (timeout)" if lnav_out == "timeout" else "")
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, __file__, "--engine-worker", str(path)], capture_output=True,
                              text=True, cwd=ROOT)
        if proc.returncode != 0:
            print(proc.stderr)
            raise SystemExit(f"engine run failed on {path}")
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))

    def med(key: str):
        values = [r[key] for r in runs if r[key] is not None]
        return statistics.median(values) if values else None

    r0 = runs[0]
    print(f"\n== {label}: {path}  ({size / MIB:,.0f} MB, {r0['lines']:,} lines, format {r0['format']}) ==")
    print(f"  page cache warm (wc -l run first); baselines median of {repeat}, engine median of {repeat} "
          "fresh processes")
    print(_row("wc -l", _fmt_ms(wc_t), f"{int(wc_out.split()[0]):,} lines"))
    print(_row("grep -c 'Exception'", _fmt_ms(grep_t), f"{int(grep_out):,} lines"))
    print(_row(f"grep -cE '{PATTERN}'", _fmt_ms(grep_e_t), f"{int(grep_e_out):,} lines"))
    print(_row("lnav load", lnav_text if lnav else "skipped", "" if lnav else "lnav not installed"))
    print("  " + "-" * 88)
    first_rows = med("first_rows")
    print(_row("LogDocument() construction", _fmt_ms(med("construct"))))
    print(_row("time to first rows", _fmt_ms(first_rows), "≤ 150 ms", first_rows <= 0.150))
    indexed = med("indexed")
    print(_row("fully indexed (build returned)", _fmt_ms(indexed), f"{indexed / wc_t:,.1f}x wc -l (≤ 10x)",
               indexed <= 10 * wc_t))
    print(_row("  + last line readable", _fmt_ms(med("last_line"))))
    lvl = med("level_filter")
    print(_row("level:E filter", _fmt_ms(lvl), f"≤ 50 ms  ({r0['level_rows']:,} rows)", lvl <= 0.050))
    search = med("search")
    print(_row(f"search /{PATTERN}/", _fmt_ms(search), f"≤ grep -c  ({r0['search_hits']:,} lines)",
               search <= grep_t))
    print(_row("  search / grep -c 'Exception'", f"{search / grep_t:,.2f}x"))
    print(_row("  search / grep -cE same pattern", f"{search / grep_e_t:,.2f}x"))
    fh = med("first_hits")
    print(_row("  time to first hits", _fmt_ms(fh), "≤ 100 ms", fh is not None and fh <= 0.100))
    print("  " + "-" * 88)
    greps = {key: _median_wall(cmd + [str(path)], repeat) for key, cmd in GREP_SAME.items()}
    for key, text in FILTERS.items():
        took = med(f"filter_{key}")
        rows = int(med(f"filter_{key}_rows"))
        if key == "tag":
            print(_row(f"filter {text}", _fmt_ms(took), f"≤ 100 ms  ({rows:,} rows)", took <= 0.100))
        elif key in greps:
            base = greps[key][0]
            print(_row(f"filter {text}", _fmt_ms(took), f"{took / base:.2f}x grep -c ({_fmt_ms(base)}, "
                       f"{int(greps[key][1]):,})", took <= base))
        else:
            print(_row(f"filter {text}", _fmt_ms(took), f"({rows:,} rows)"))
    cli_t, cli_out = _median_wall([sys.executable, "-m", "cre_desk", "filter", str(path), "--count", "-q",
                                   FILTERS["message"]], repeat)
    base = greps["message"][0]
    print(_row("cre-desk filter --count (process)", _fmt_ms(cli_t), f"{cli_t / base:.2f}x grep -ci ({cli_out} rows; "
               "whole process, start-up included)", cli_t <= base))
    analyze_t = med("analyze")
    grep_t2 = greps["tag"][0]
    print(_row("analyze (whole catalogue)", _fmt_ms(analyze_t), f"{analyze_t / grep_t2:.2f}x grep -c Braze (≤ 2x)",
               analyze_t <= 2 * grep_t2))
    if lnav:
        lnav_f, _ = _median_wall([lnav, "-n", "-c", ":filter-in Braze", "-c", ":write-to /dev/null", str(path)], 1,
                                 timeout=600)
        print(_row("lnav load + filter-in Braze", _fmt_ms(lnav_f)))
    anon = med("anon_peak_growth_mb")
    print(_row("VmHWM growth (incl. mmap pages)", f"{med('hwm_growth_mb'):,.0f} MB",
               f"{med('hwm_growth_mb') / gib:,.0f} MB/GB; file pages {med('file_rss_mb'):,.0f} MB"))
    build_peak = med("anon_peak_build_mb")
    print(_row("anon memory peak while indexing", f"{build_peak:,.0f} MB",
               f"{build_peak / gib:,.0f} MB/GB (≤ 150 MB/GB)", build_peak / gib <= 150))
    print(_row("anon memory peak, whole run", f"{anon:,.0f} MB", f"{anon / gib:,.0f} MB/GB (filters and analysis "
               "included)"))
    print(_row("  anonymous kept after build", f"{med('anon_after_build_mb'):,.0f} MB",
               f"{med('anon_after_build_mb') / gib:,.0f} MB/GB"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--sizes", default="100M,1G")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine_worker:
        print(json.dumps(measure_engine(args.engine_worker)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"bench_logs: python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    for label in [s.strip() for s in args.sizes.split(",") if s.strip()]:
        size = _parse_size(label)
        path = args.out / f"logcat_threadtime_{label}.log"
        if path.exists() and abs(path.stat().st_size - size) < 64 * 1024:
            print(f"\nreusing {path}")
        else:
            seconds = generate(path, size)
            print(f"\ngenerated {path} ({path.stat().st_size / MIB:,.0f} MB) in {seconds:.1f} s")
        bench_file(path, label, max(1, args.repeat))


if __name__ == "__main__":
    main()
