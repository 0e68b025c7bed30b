"""The labelled sentences for the claim finder (issue 12) are well formed: the checks a labeller runs
before anyone scores the finder against them.

The set is two JSON-lines files: `finder_dev.jsonl` (to develop and tune the finder) and
`finder_frozen.jsonl` (the held-out test part, never used for tuning). `FINDER_SET.md` beside them
defines the pattern names and the labelling rules; a pattern used here but not defined there fails.
This file validates the data only; scoring the finder against it lives elsewhere.

`python -m tests.test_finder_set` prints the counts table that FINDER_SET.md carries.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
PARTS = {"dev": DATA / "finder_dev.jsonl", "frozen": DATA / "finder_frozen.jsonl"}
ID_PREFIX = {"dev": "d", "frozen": "f"}
DOC = DATA / "FINDER_SET.md"

STYLES = ("wire", "local", "government", "opinion")
METRICS = (
    "daily_rate",
    "month_total",
    "fiscal_year_total",
    "calendar_year_total",
    "period_total",
    "single_day",
    "group_size",
    "closures",
    "record",
    "not_checkable",
)
# The failure patterns listed in issue 12: each needs at least MIN_PER_PART items in every part.
FAILURE_PATTERNS = (
    "unit_in_earlier_clause",
    "unit_in_earlier_sentence",
    "enforcement_no_border_word",
    "written_out_amount",
    "hyphen_modifier",
    "date_as_count",
    "respectively",
    "paired_periods",
    "several_periods",
    "may_not_month",
    "since_not_period",
    "relative_period",
    "single_day",
    "crowd_size",
    "caravan_group",
    "population",
    "program_cap",
    "capacity",
    "threshold",
    "plan",
    "times_count",
    "closures",
    "month_and_daily",
    "record_no_number",
)
MIN_TOTAL, MIN_DISTRACTORS, MIN_PER_PART = 250, 70, 3
RECORD_KEYS = {"id", "text", "reference", "style", "patterns", "expected"}
CLAIM_KEYS = {"value", "high", "metric", "period", "place", "said"}
PLACE = re.compile(r"^(?:southwest|nationwide|darien|mexico|(?:port|sector):[a-z]+(?:_[a-z]+)*)$")
MONTH, DAY = re.compile(r"^(\d{4})-(\d{2})$"), re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR, SPAN = re.compile(r"^(FY|CY)(\d{4})$"), re.compile(r"^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$")
FIRST_YEAR, LAST_YEAR = 1990, 2026  # claims may look back; articles are dated 2014–2026
# Which period shapes each metric takes (None: the text gives none and the reference cannot supply it).
PERIOD_KINDS = {
    "month_total": {"month"},
    "fiscal_year_total": {"FY"},
    "calendar_year_total": {"CY"},
    "period_total": {"span", None},
    "daily_rate": {"month", "span", "FY", "CY", None},
    "single_day": {"day", "month", None},
    "group_size": {"day", "month", None},
    "closures": {"day", "month", None},
    "record": {"day", "month", "span", "FY", "CY", None},
    "not_checkable": {"day", "month", "span", "FY", "CY", None},
}


def load(part: str) -> list[dict]:
    lines = PARTS[part].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def documented_patterns() -> set[str]:
    """Pattern names defined in the table of FINDER_SET.md's "Pattern names" section."""
    section = DOC.read_text(encoding="utf-8").split("## Pattern names", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE))


def month_of(text: str) -> dt.date:
    year, month = MONTH.match(text).groups()  # type: ignore[union-attr]
    return dt.date(int(year), int(month), 1)


def period_kind(period: str | None) -> str | None:
    """The shape of a period ("month", "day", "FY", "CY", "span") after checking it is a real one."""
    if period is None:
        return None
    if MONTH.match(period):
        month_of(period)  # raises on month 13
        return "month"
    if DAY.match(period):
        dt.date.fromisoformat(period)
        return "day"
    if found := YEAR.match(period):
        assert FIRST_YEAR <= int(found[2]) <= LAST_YEAR, period
        return found[1]
    found = SPAN.match(period)
    assert found, f"malformed period {period!r}"
    assert month_of(found[1]) < month_of(found[2]), f"span {period!r} must run forward"
    return "span"


def period_start(period: str) -> dt.date:
    """First day of a period, to check that no claim is about a time after the article."""
    if found := YEAR.match(period):
        year = int(found[2])
        return dt.date(year - 1, 10, 1) if found[1] == "FY" else dt.date(year, 1, 1)
    return month_of(period.split("..")[0][:7])


def check_claim(claim: dict, record: dict) -> None:
    where = f"{record['id']}: {claim}"
    assert set(claim) == CLAIM_KEYS, where
    assert claim["metric"] in METRICS, where
    value, high = claim["value"], claim["high"]
    if claim["metric"] == "record":
        assert value is None and high is None, f"a record claim has no value: {where}"
    else:
        assert isinstance(value, int | float) and not isinstance(value, bool) and value > 0, where
        assert high is None or (isinstance(high, int | float) and high > value), where
    assert period_kind(claim["period"]) in PERIOD_KINDS[claim["metric"]], where
    if claim["period"] is not None:
        reference = dt.date.fromisoformat(record["reference"])
        assert period_start(claim["period"]) <= reference.replace(day=1), f"period after the article: {where}"
    assert claim["place"] is None or PLACE.match(claim["place"]), where
    assert isinstance(claim["said"], str) and claim["said"] in record["text"], f"said is not in the text: {where}"


@pytest.fixture(scope="module", params=list(PARTS))
def part(request: pytest.FixtureRequest) -> tuple[str, list[dict]]:
    return request.param, load(request.param)


def test_records_follow_the_schema(part: tuple[str, list[dict]]) -> None:
    name, records = part
    known = documented_patterns()
    for record in records:
        assert set(record) == RECORD_KEYS, record.get("id")
        assert re.fullmatch(ID_PREFIX[name] + r"\d{3}", record["id"]), record["id"]
        assert isinstance(record["text"], str) and record["text"].strip(), record["id"]
        reference = dt.date.fromisoformat(record["reference"])
        assert 2014 <= reference.year <= LAST_YEAR, record["id"]
        assert record["style"] in STYLES, record["id"]
        patterns = record["patterns"]
        assert patterns and len(set(patterns)) == len(patterns), record["id"]
        assert set(patterns) <= known, f"{record['id']}: undocumented {set(patterns) - known}"
        assert isinstance(record["expected"], list), record["id"]
        for claim in record["expected"]:
            check_claim(claim, record)


def test_every_style_in_every_part(part: tuple[str, list[dict]]) -> None:
    _, records = part
    assert {r["style"] for r in records} == set(STYLES)


@pytest.mark.parametrize("pattern", FAILURE_PATTERNS)
def test_each_failure_pattern_has_cases_in_each_part(pattern: str) -> None:
    for name in PARTS:
        count = sum(pattern in r["patterns"] for r in load(name))
        assert count >= MIN_PER_PART, f"{pattern}: {count} in {name}"


def test_size_and_distractors() -> None:
    records = load("dev") + load("frozen")
    assert len(records) >= MIN_TOTAL
    assert sum(not r["expected"] for r in records) >= MIN_DISTRACTORS


def test_ids_and_texts_are_unique_across_parts() -> None:
    records = load("dev") + load("frozen")
    ids = Counter(r["id"] for r in records)
    texts = Counter(" ".join(r["text"].lower().split()) for r in records)
    assert not [i for i, n in ids.items() if n > 1]
    assert not [t for t, n in texts.items() if n > 1]


def test_month_and_daily_pairs_agree() -> None:
    """A "N in <month>, or about M a day" passage: both claims are labelled, and M × days ≈ N (within 10 %)."""
    for record in load("dev") + load("frozen"):
        if "month_and_daily" not in record["patterns"]:
            continue
        totals = {(c["period"], c["place"]): c["value"] for c in record["expected"] if c["metric"] == "month_total"}
        rates = [c for c in record["expected"] if c["metric"] == "daily_rate"]
        assert totals and rates, record["id"]
        for rate in rates:
            total = totals[(rate["period"], rate["place"])]
            start = month_of(rate["period"])
            days = calendar.monthrange(start.year, start.month)[1]
            assert abs(rate["value"] * days - total) <= 0.1 * total, record["id"]


def test_every_documented_pattern_is_used() -> None:
    used = {p for name in PARTS for r in load(name) for p in r["patterns"]}
    assert documented_patterns() == used


def counts_table() -> str:
    """Markdown table: items per pattern and per style, in each part (as pasted in FINDER_SET.md)."""
    parts = {name: load(name) for name in PARTS}
    rows = ["| | dev | frozen | total |", "| --- | ---: | ---: | ---: |"]

    def row(label: str, keep) -> str:
        counts = [sum(map(keep, parts[name])) for name in PARTS]
        return f"| {label} | {counts[0]} | {counts[1]} | {sum(counts)} |"

    rows.append(row("**items**", lambda r: True))
    rows.append(row("**distractors** (no expected claim)", lambda r: not r["expected"]))
    rows.append(row("**expected claims**", lambda r: len(r["expected"])))
    rows += [row(f"style `{s}`", lambda r, s=s: r["style"] == s) for s in STYLES]
    patterns = sorted({p for records in parts.values() for r in records for p in r["patterns"]})
    rows += [row(f"pattern `{p}`", lambda r, p=p: p in r["patterns"]) for p in patterns]
    metrics = [m for m in METRICS if any(c["metric"] == m for rs in parts.values() for r in rs for c in r["expected"])]
    rows += [row(f"metric `{m}`", lambda r, m=m: sum(c["metric"] == m for c in r["expected"])) for m in metrics]
    return "\n".join(rows)


def test_documented_counts_are_current() -> None:
    assert counts_table() in DOC.read_text(encoding="utf-8"), "rerun `python -m tests.test_finder_set`"


if __name__ == "__main__":
    print(counts_table())
