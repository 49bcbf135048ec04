"""Which entries a rule could match, found by one native pass over the raw bytes instead of reading them all.

A 1 GB log has millions of entries and the catalogue hundreds of expressions: running every rule on every
entry is what made analysis slow. Rules only match where one of their literals occurs (or their tag fits),
so one case-folded scan for every rule literal and every evidence word picks the entries worth reading and
gives the same findings as reading them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cre_desk.logs import evidence as evidence_module
from cre_desk.logs import linescan, rule_scan
from cre_desk.logs.document import LogDocument

#: Entries read per rule when its text is everywhere: the first and the last half of these (a 1 GB log can
#: hold a common message a million times; its first and last sightings are what an engineer reads).
RULE_SAMPLE = 2000


def _sample(heads: np.ndarray) -> np.ndarray:
    if len(heads) <= RULE_SAMPLE:
        return heads
    half = RULE_SAMPLE // 2
    return np.concatenate((heads[:half], heads[-half:]))


@dataclass
class TextScan:
    """One native pass over a log for every rule literal and every evidence word (case folded)."""

    lines: np.ndarray  # line of each (line, needle) pair, in file order
    ids: np.ndarray  # needle index of each pair
    number: dict[str, int]  # rule literal -> needle index
    evidence_from: int  # needle indexes from here on are evidence words

    def evidence_lines(self) -> np.ndarray:
        return _distinct(self.lines[self.ids >= self.evidence_from])


def combined_scan(
    doc: LogDocument, literals: list[str], cancel: Callable[[], bool] = lambda: False
) -> TextScan:
    """Rule literals (folded; the rules check case themselves) and evidence words, found in one pass."""
    folded = sorted({lit.lower() for lit in literals})
    needles = [lit.encode("utf-8") for lit in folded] + [w.encode("utf-8") for w in evidence_module.NEEDLES]
    idx = doc.index
    lines, ids = linescan.needle_lines(idx.buffer(), idx.start_array(), needles, icase=True, cancel=cancel)
    index_of = {lit: k for k, lit in enumerate(folded)}
    return TextScan(lines, ids, {lit: index_of[lit.lower()] for lit in literals}, len(folded))


def _distinct(sorted_values: np.ndarray) -> np.ndarray:
    """Distinct values of a non-decreasing array (no sort needed: lines come in file order)."""
    if len(sorted_values) < 2:
        return sorted_values
    return sorted_values[np.concatenate(([True], sorted_values[1:] != sorted_values[:-1]))]


def candidate_entries(
    doc: LogDocument,
    scanner: rule_scan.Scanner,
    cancel: Callable[[], bool] = lambda: False,
    estimated: dict[str, int] | None = None,
    scan: TextScan | None = None,
    selected: dict[int, list[int]] | None = None,
) -> np.ndarray | None:
    """First lines of the entries a rule could match, found by one native scan of the raw bytes for all the
    rules' literals plus a look at the tag column; None when every entry has to be read.

    Rules only ever match where one of their literals occurs (or, for tag rules, where the tag fits), so
    feeding just these entries gives the same findings as feeding them all. A rule whose text occurs more
    than ``RULE_SAMPLE`` times is read on its first and last sightings; ``estimated`` then receives how many
    entries hold its text. ``selected`` receives, per entry, the rules whose literals it holds.
    """
    literals, by_tag, everything = scanner.prescan_plan()
    columns = doc.index.columns
    scanner.see_tags(columns.tags.values)
    if everything or doc.headers is None or columns.tag_ids is None:
        return None
    picked_heads: list[np.ndarray] = []
    entry_of = doc.entry_of

    if literals:
        if scan is None:
            scan = combined_scan(doc, literals, cancel)
        rule_pairs = scan.ids < scan.evidence_from
        lines, ids = scan.lines[rule_pairs], scan.ids[rule_pairs]
        heads_of_pairs = lines if entry_of is None else entry_of[lines].astype(np.int64)
        order = np.argsort(ids, kind="stable")  # pairs grouped by literal, file order kept
        bounds = np.searchsorted(ids[order], np.arange(scan.evidence_from + 1))
        rules_of_literal: dict[int, list[int]] = {}
        for k, rule in enumerate(scanner.rules):
            if rule.regex is None or not rule.prefilter:
                continue
            literal_ids = sorted({scan.number[lit] for lit in rule.prefilter})
            for lid in literal_ids:
                rules_of_literal.setdefault(lid, []).append(k)
            parts = [order[bounds[lid] : bounds[lid + 1]] for lid in literal_ids]
            picked = np.sort(np.concatenate(parts)) if len(parts) > 1 else parts[0]
            heads = _distinct(heads_of_pairs[picked])
            if len(heads) > RULE_SAMPLE and estimated is not None:
                estimated[rule.id] = len(heads)
            picked_heads.append(_sample(heads))
        if selected is not None:
            keep = (
                np.isin(heads_of_pairs, np.concatenate(picked_heads)) if picked_heads else heads_of_pairs < 0
            )
            for head, lid in zip(heads_of_pairs[keep].tolist(), ids[keep].tolist(), strict=True):
                selected.setdefault(head, []).extend(rules_of_literal.get(lid, ()))
    values = columns.tags.values

    def tags_for(rules: list) -> np.ndarray:
        return np.fromiter(
            (any(scanner.tag_accepts(rule, tag) for rule in rules) for tag in values),
            dtype=bool,
            count=len(values),
        )

    for rule in (r for r in by_tag if r.regex is not None):
        on_tag = np.flatnonzero(tags_for([rule])[columns.tag_ids] & doc.headers)
        if len(on_tag):
            if len(on_tag) > RULE_SAMPLE and estimated is not None:
                estimated[rule.id] = len(on_tag)
            picked_heads.append(_sample(on_tag))
    tag_only = [rule for rule in by_tag if rule.regex is None]
    if tag_only:
        # A tag-only rule learns nothing new from a second entry with the same tag: the first is enough.
        heads = np.flatnonzero(doc.headers)
        heads = heads[tags_for(tag_only)[columns.tag_ids[heads]]]
        _ids, first = np.unique(columns.tag_ids[heads], return_index=True)
        picked_heads.append(heads[first])
    if not picked_heads:
        return np.zeros(0, dtype=np.int64)
    heads = np.unique(np.concatenate(picked_heads))
    return heads[doc.headers[heads]]
