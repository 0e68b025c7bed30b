"""The claim finder on the labelled sentences of issue 12 (`tests/data/FINDER_SET.md`), number by
number: the targets hold on the frozen test part, which was not read while the finder was written;
the development part is reported beside it (`pytest -s` prints both tables, overall and by pattern)."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_sources.claims.scoring import Score, score, table

DATA = Path(__file__).parent / "data"
TARGETS = {"precision": 0.95, "recall": 0.90, "period": 0.90, "metric": 0.95}


@pytest.fixture(scope="module", params=["finder_frozen.jsonl", "finder_dev.jsonl"])
def scored(request: pytest.FixtureRequest) -> tuple[str, Score]:
    path = DATA / request.param
    if not path.is_file():
        pytest.skip(f"{path.name} is not there")
    return request.param, score(path)


def test_targets_hold(scored: tuple[str, Score]):
    name, result = scored
    print("\n" + table(result, name))
    overall = result.overall
    shares = {target: getattr(overall, target) for target in TARGETS}
    missed = {target: f"{shares[target]:.2f} < {floor}" for target, floor in TARGETS.items() if shares[target] < floor}
    assert not missed, (missed, result.misses, result.false_alarms, result.wrong)


def test_every_labelled_number_is_scored(scored: tuple[str, Score]):
    _, result = scored
    assert result.items >= 100 and result.overall.expected >= 100
    assert result.overall.paired <= min(result.overall.found, result.overall.expected)
