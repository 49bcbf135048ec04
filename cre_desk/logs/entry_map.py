"""Which entry each continuation line belongs to, in memory proportional to the continuation lines.

A per-line map of entry heads would be the largest array after the line starts; continuation lines
(stack frames, wrapped text) are rarely more than a few per cent of a log, so only they are kept.
"""

from __future__ import annotations

import numpy as np


def false_positions(flags: np.ndarray, block: int = 1 << 20) -> np.ndarray:
    """Positions of the False values, a block at a time (no temporary the size of the whole array)."""
    parts = [np.flatnonzero(~flags[at:at + block]) + at for at in range(0, len(flags), block)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


class EntryMap:
    """The first line of each line's entry, kept for continuation lines only.

    Continuation lines (stack frames, wrapped text) are rarely more than a few per cent of a log, so a
    per-line map (4 bytes a line, the largest array of the index after the line starts) is replaced by
    the continuation lines and their heads. Indexed like the array it stands for: ``m[line]`` or
    ``m[lines]``.
    """

    def __init__(self, count: int, continuation: np.ndarray) -> None:
        self.count = count
        kind = np.int32 if count < 2**31 - 1 else np.int64
        self.lines = continuation.astype(kind)
        # A run of continuation lines follows its header: the line before the run's first line.
        first = np.ones(len(self.lines), dtype=bool)
        first[1:] = np.diff(self.lines) != 1
        run = np.cumsum(first) - 1
        self.heads = (self.lines[first] - 1).astype(kind)[run] if len(self.lines) else self.lines.copy()

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, lines):
        if np.isscalar(lines):
            at = int(self.lines.searchsorted(lines))
            return int(self.heads[at]) if at < len(self.lines) and self.lines[at] == lines else int(lines)
        lines = np.asarray(lines)
        out = lines.astype(np.int64)
        if len(self.lines) and len(lines):
            at = np.minimum(np.searchsorted(self.lines, lines), len(self.lines) - 1)
            hit = self.lines[at] == lines
            out[hit] = self.heads[at[hit]]
        return out
