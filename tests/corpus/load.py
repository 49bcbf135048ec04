"""Load the real-log corpus and split it by thread into ``dev`` (tune on it) and ``test`` (report only).

The split is a hash of the thread's address, so a case never changes side when cases are added and
two excerpts of one thread always land on the same side.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
AREAS = ("A", "B", "C", "D", "E")
TEST_SHARE = 40  # percent of threads held out


@dataclass(frozen=True)
class Case:
    id: str
    source_url: str
    vendor: str
    sdk: str
    sdk_version: str
    wrapper: str
    platform: str
    symptom: str
    log: str
    revealing_lines: tuple[str, ...]
    area: str
    cause: str
    notes: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def split(self) -> str:
        return split_of(self.source_url)

    @property
    def labelled(self) -> bool:
        return self.area in AREAS

    def revealing_numbers(self) -> list[list[int]]:
        """For each revealing line, the 0-based numbers of the log lines equal to it."""
        lines = self.log.splitlines()
        return [[n for n, text in enumerate(lines) if text == wanted] for wanted in self.revealing_lines]


def split_of(source_url: str) -> str:
    thread = source_url.split("#", 1)[0].rstrip("/").lower()
    digest = int(hashlib.sha256(thread.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 100 < TEST_SHARE else "dev"


def load_cases(folder: Path = CASES) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(folder.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            known = {k: raw.get(k, "") for k in ("id", "source_url", "vendor", "sdk", "sdk_version", "wrapper",
                                                  "platform", "symptom", "log", "area", "cause", "notes")}
            cases.append(Case(**known, revealing_lines=tuple(raw.get("revealing_lines") or ()),
                              extra={"file": path.name}))
    return cases
