"""Precision and recall of the claim finder on a labelled set (JSON lines: text, reference, expected).

A found number counts as correct when its value (and upper bound, for ranges) equals a labelled
one in the same sentence; unit, metric and period agreement are reported for the correct ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from data_sources.claims.finder import find_claims


@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    correct: int
    unit_agrees: int
    metric_agrees: int
    period_agrees: int
    period_labelled: int
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def score(path: Path) -> Score:
    found = expected = correct = unit_ok = metric_ok = period_ok = period_total = 0
    misses, alarms = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        claims = [c for c in find_claims(item["text"], item["reference"]) if c.value is not None]
        labels = list(item["expected"])
        found, expected = found + len(claims), expected + len(labels)
        for claim in claims:
            match = next((x for x in labels if x["value"] == claim.value and x.get("high") == claim.value_high), None)
            if match is None:
                alarms.append(f"{claim.text!r} in: {item['text']}")
                continue
            labels.remove(match)
            correct += 1
            unit_ok += match["unit"] == claim.unit
            metric_ok += match["metric"] == claim.metric
            if "period" in match:
                period_total += 1
                period_ok += match["period"] == claim.period
        misses += [f"{x['value']:,.0f} {x['unit']} in: {item['text']}" for x in labels]
    return Score(found, expected, correct, unit_ok, metric_ok, period_ok, period_total, tuple(misses), tuple(alarms))
