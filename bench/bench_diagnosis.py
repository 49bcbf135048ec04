"""Score the diagnosis on the real-log corpus (tests/corpus): per split, vendor and area.

For every case the log excerpt, exactly as posted, is analysed the way ``cre-desk analyze`` does it, with the
ticket's symptom. Printed per group: cases analysed without error, right platform family, revealing lines
surfaced (a finding cites the line), right area first on labelled cases, the share of a log's lines flagged,
and beside it the score of the constant guess "always vendor spec (D)". Beside the flagged share: the share
the revealing lines alone take (what flagging exactly them would score: on a four-line excerpt one revealing
line is 25 %) and the share flagged beyond them (the noise an engineer reads for nothing).

Usage: python bench/bench_diagnosis.py [--split dev|test|all] [--by vendor,area] [--cases] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from load import Case, load_cases  # noqa: E402

from cre_desk.logs import analysis  # noqa: E402
from cre_desk.logs.document import LogDocument  # noqa: E402

SYMPTOMS = ("iam_not_shown", "push_not_delivered", "events_not_recorded")


def score_case(case: Case, folder: Path) -> dict:
    path = folder / f"{case.id}.log"
    path.write_text(case.log, encoding="utf-8")
    out = {"id": case.id, "split": case.split, "vendor": case.vendor, "area": case.area, "error": None}
    doc = LogDocument(path)
    try:
        result = analysis.analyze(doc, symptom=case.symptom if case.symptom in SYMPTOMS else None)
    except Exception as exc:  # noqa: BLE001 - a crash is what the bench counts
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    finally:
        doc.close()
    flagged = analysis.flagged_lines(result)
    total = max(1, len(case.log.splitlines()))
    wanted = case.revealing_numbers()
    out.update(
        platform=result.platform, platform_ok=result.platform == case.platform,
        revealing=len(wanted), surfaced=sum(1 for numbers in wanted if any(n in flagged for n in numbers)),
        flagged_share=len(flagged) / total,
        # What flagging exactly the revealing lines would score, and the share flagged beyond them: on short
        # excerpts the revealing lines alone are a large share of the log.
        revealing_share=len({n for numbers in wanted for n in numbers}) / total,
        extra_share=len(flagged - {n for numbers in wanted for n in numbers}) / total,
        top_area=result.suspected_areas[0]["area"] if result.suspected_areas else "",
        format=result.format,
    )
    return out


def _pct(num: float, den: float) -> str:
    return f"{100 * num / den:5.1f}% ({num:g}/{den:g})" if den else "    – "


def report(rows: list[dict], title: str) -> dict:
    ok = [r for r in rows if not r["error"]]
    labelled = [r for r in ok if r["area"] in "ABCDE" and r["area"]]
    figures = {
        "cases": len(rows), "analysed": len(ok),
        "platform_ok": sum(r["platform_ok"] for r in ok),
        "revealing": sum(r["revealing"] for r in ok), "surfaced": sum(r["surfaced"] for r in ok),
        "labelled": len(labelled), "area_ok": sum(r["top_area"] == r["area"] for r in labelled),
        "always_d": sum(r["area"] == "D" for r in labelled),
        "flagged_share": (sum(r["flagged_share"] for r in ok) / len(ok)) if ok else 0.0,
        "revealing_share": (sum(r["revealing_share"] for r in ok) / len(ok)) if ok else 0.0,
        "extra_share": (sum(r["extra_share"] for r in ok) / len(ok)) if ok else 0.0,
    }
    print(f"{title:<28} analysed {_pct(figures['analysed'], figures['cases'])} | platform "
          f"{_pct(figures['platform_ok'], figures['analysed'])} | lines surfaced "
          f"{_pct(figures['surfaced'], figures['revealing'])} | area top-1 {_pct(figures['area_ok'], figures['labelled'])}"
          f" vs always-D {_pct(figures['always_d'], figures['labelled'])}"
          f" | flagged {100 * figures['flagged_share']:4.1f}%"
          f" (revealing lines alone {100 * figures['revealing_share']:4.1f}%, beyond them"
          f" {100 * figures['extra_share']:4.1f}%)")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--by", default="vendor,area", help="extra groupings: vendor, area, platform, symptom")
    parser.add_argument("--cases", action="store_true", help="print one line per case")
    parser.add_argument("--json", type=Path, help="write every case's result here")
    args = parser.parse_args()
    cases = load_cases()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cre-desk-diagnosis-") as tmp:
        rows = [score_case(case, Path(tmp)) for case in cases]
    elapsed = time.perf_counter() - started
    by_id = {c.id: c for c in cases}
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    print(f"bench_diagnosis: {len(cases)} cases from {len({c.source_url for c in cases})} threads, "
          f"{len({c.vendor for c in cases})} vendors; analysed in {elapsed:.1f} s")
    summary = {}
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        print(f"\n== {split} ==")
        summary[split] = report(part, f"{split} (all)")
        for key in [k.strip() for k in args.by.split(",") if k.strip()]:
            groups: dict[str, list[dict]] = defaultdict(list)
            for r in part:
                groups[getattr(by_id[r["id"]], key) or "?"].append(r)
            for name in sorted(groups):
                report(groups[name], f"  {key}={name}")
    if args.cases:
        print()
        for r in rows:
            if r["split"] in splits:
                print(json.dumps(r, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "cases": rows}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
