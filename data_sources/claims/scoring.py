"""How well the claim finder reads a labelled set (JSON lines: id, text, reference, patterns, expected).

Scored number by number, as a reader sees cards: each labelled number (or record claim) is paired
with at most one found claim of the same text: first by equal value (and upper bound), then by the
words said ("a quarter of a million" read as the wrong value is found, but its value is wrong), then
record with record. Precision is paired ÷ found, recall paired ÷ labelled; value, metric and
period accuracy are shares of the paired ones. The finder's `kind` is compared with the label's
`metric`, and its `when` with the label's `period` (both use the same vocabulary; None = none said).

`python -m data_sources.claims.scoring FILE…` prints the table, overall and by pattern (`--detail`: each
miss, false alarm and wrong reading; `--markdown`: the report `tests/data/FINDER_SCORES.md` keeps).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data_sources.claims.finder import FoundClaim, find_claims


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    paired: int = 0
    value_right: int = 0
    metric_right: int = 0
    period_right: int = 0
    period_labelled: int = 0  # paired labels that state a period (the older sets leave some out)

    def add(self, other: Tally) -> None:
        for name in ("found", "expected", "paired", "value_right", "metric_right", "period_right", "period_labelled"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.paired / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.paired / self.expected if self.expected else 1.0

    def share(self, right: int) -> float:
        return right / self.paired if self.paired else 1.0

    @property
    def value(self) -> float:
        return self.share(self.value_right)

    @property
    def metric(self) -> float:
        return self.share(self.metric_right)

    @property
    def period(self) -> float:
        return self.period_right / self.period_labelled if self.period_labelled else 1.0


@dataclass
class Score:
    overall: Tally = field(default_factory=Tally)
    by_pattern: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    items: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # paired, but value, metric or period differs
    # per pattern, the sentences read entirely right: every number found, nothing else, all readings right
    right_by_pattern: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _pairs(claims: list[FoundClaim], labels: list[dict[str, Any]]) -> list[tuple[FoundClaim, dict[str, Any]]]:
    free_claims, free_labels, pairs = list(claims), list(labels), []
    rules = (
        lambda c, e: c.value is not None and c.value == e["value"] and c.value_high == e.get("high"),
        lambda c, e: c.text.lower() in e["said"].lower() or e["said"].lower() in c.text.lower(),
        lambda c, e: c.kind == e["metric"] == "record",
    )
    for rule in rules:
        for claim in list(free_claims):
            label = next((e for e in free_labels if rule(claim, e)), None)
            if label is not None:
                pairs.append((claim, label))
                free_claims.remove(claim)
                free_labels.remove(label)
    return pairs


def score_item(item: dict[str, Any], score: Score) -> None:
    claims = find_claims(item["text"], item["reference"], cap=False)
    labels = item["expected"]
    pairs = _pairs(claims, labels)
    tally = Tally(len(claims), len(labels), len(pairs))
    before = len(score.wrong)
    for claim, label in pairs:
        value_ok = claim.value == label["value"] and claim.value_high == label.get("high")
        metric_ok, period_ok = claim.kind == label["metric"], claim.when == label.get("period", claim.when)
        tally.value_right += value_ok
        tally.metric_right += metric_ok
        tally.period_right += period_ok and "period" in label
        tally.period_labelled += "period" in label
        if not (value_ok and metric_ok and period_ok):
            score.wrong.append(
                f"{item.get('id', '')} {label['said']!r}: found {claim.value} {claim.kind} {claim.when}, "
                f"labelled {label['value']} {label['metric']} {label.get('period')}"
            )
    paired_claims = [id(c) for c, _ in pairs]
    paired_labels = [id(e) for _, e in pairs]
    score.false_alarms += [f"{item.get('id', '')} {c.text!r} ({c.kind})" for c in claims if id(c) not in paired_claims]
    score.misses += [
        f"{item.get('id', '')} {e['said']!r} ({e['metric']})" for e in labels if id(e) not in paired_labels
    ]
    score.overall.add(tally)
    right = len(pairs) == len(claims) == len(labels) and len(score.wrong) == before
    for pattern in item.get("patterns", []):
        score.by_pattern[pattern].add(tally)
        score.right_by_pattern[pattern] += right
    score.items += 1


def score(path: Path) -> Score:
    """The finder's score on one labelled file."""
    result = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            score_item(json.loads(line), result)
    return result


def table(result: Score, title: str) -> str:
    """A Markdown table: overall, then each pattern (numbers labelled, found, and the five shares)."""
    lines = [
        f"**{title}** ({result.items} sentences)",
        "",
        "| pattern | sentences read right | labelled | found | precision | recall | value | metric | period |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    rows = [("all", result.overall), *sorted(result.by_pattern.items())]
    for name, t in rows:
        right = "" if name == "all" else str(result.right_by_pattern[name])
        lines.append(
            f"| {name} | {right} | {t.expected} | {t.found} | {t.precision:.2f} | {t.recall:.2f} | "
            f"{t.value:.2f} | {t.metric:.2f} | {t.period:.2f} |"
        )
    return "\n".join(lines)


REPORT_HEAD = """# The claim finder's scores, number by number

Generated by `python -m data_sources.claims.scoring --markdown FILE…` from the labelled sets described in
`FINDER_SET.md` (the frozen part first: it was never read while the finder was written). A sentence is
read right when every labelled number in it is found with its value, kind and period, and nothing else.

"""


def report(paths: list[Path]) -> str:
    """Every file's table under one heading, as `tests/data/FINDER_SCORES.md` keeps them."""
    return REPORT_HEAD + "\n\n".join(table(score(path), path.name) for path in paths) + "\n"


def main(paths: list[str]) -> None:
    if "--markdown" in sys.argv:
        print(report([Path(path) for path in paths]), end="")
        return
    for path in paths:
        result = score(Path(path))
        print(table(result, Path(path).name), "\n")
        for heading, lines in (
            ("misses", result.misses),
            ("false alarms", result.false_alarms),
            ("wrong", result.wrong),
        ):
            if lines and "--detail" in sys.argv:
                print(f"{heading}:", *lines, sep="\n  ")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if not a.startswith("--")])
