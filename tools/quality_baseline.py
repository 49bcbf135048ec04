"""Lint and type findings per file, held to a baseline that may only shrink.

The code base carries over-long lines and type errors from its first round; fixing them all at once
would touch every module. Instead ``tests/test_architecture.py`` fails when any file has more of
them than ``tools/quality_baseline.json`` records, so new code is clean and old counts only go down.

    python tools/quality_baseline.py            print the current counts next to the baseline
    python tools/quality_baseline.py --update   lower the baseline to today's counts (never raises one)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tools" / "quality_baseline.json"
LINE_LIMIT_TARGETS = ["cre_desk", "tests", "bench", "tools"]
_MYPY_LINE = re.compile(r"^(?P<path>[^:\n]+\.py):\d+(?::\d+)?: error:", re.M)


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def long_lines() -> Counter:
    """ruff's E501 (lines over the configured length) per file."""
    out = subprocess.run([_tool("ruff"), "check", "--select", "E501", "--output-format", "json",
                          "--exit-zero", *LINE_LIMIT_TARGETS], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    found = json.loads(out.stdout or "[]")
    return Counter(Path(item["filename"]).resolve().relative_to(ROOT).as_posix() for item in found)


def type_errors() -> Counter:
    """mypy errors per file of the package."""
    out = subprocess.run([_tool("mypy"), "cre_desk", "--no-error-summary", "--show-absolute-path"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"mypy did not run: {out.stderr[-2000:]}")
    return Counter(Path(m.group("path")).resolve().relative_to(ROOT).as_posix()
                   for m in _MYPY_LINE.finditer(out.stdout))


def current() -> dict[str, dict[str, int]]:
    return {"long_lines": dict(sorted(long_lines().items())), "type_errors": dict(sorted(type_errors().items()))}


def load() -> dict[str, dict[str, int]]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def worse(now: dict[str, dict[str, int]], baseline: dict[str, dict[str, int]]) -> list[str]:
    """Files with more findings of a kind than the baseline allows, in plain words."""
    problems = []
    for kind, counts in now.items():
        allowed = baseline.get(kind, {})
        for path, count in counts.items():
            if count > allowed.get(path, 0):
                problems.append(f"{path}: {count} {kind.replace('_', ' ')} (baseline {allowed.get(path, 0)})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="lower the baseline to the current counts")
    args = parser.parse_args(argv)
    now = current()
    baseline = load() if BASELINE.exists() else {}
    for kind in now:
        print(f"{kind}: {sum(now[kind].values())} now, {sum(baseline.get(kind, {}).values())} in the baseline")
    problems = worse(now, baseline) if baseline else []
    for line in problems:
        print("  worse:", line)
    if args.update:
        if not baseline:
            lowered = now
        else:
            lowered = {kind: {p: min(c, baseline.get(kind, {}).get(p, 0)) for p, c in counts.items()
                              if min(c, baseline.get(kind, {}).get(p, 0))}
                       for kind, counts in now.items()}
        BASELINE.write_text(json.dumps(lowered, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
