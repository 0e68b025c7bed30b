"""`evaluate` decides "no data" from what each evaluator declares it reads, never by catching an
exception; every evaluator owns a typed parameter class whose defaults the claim finder uses."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from data_sources.acquire.snapshots import SnapshotStore
from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, load_articles
from data_sources.claims.context import Claim, ClaimContext
from data_sources.claims.evaluate import EVALUATORS, evaluate
from data_sources.claims.evaluators.daily_rate import DailyRateParams
from data_sources.claims.evaluators.period_total import PeriodTotalParams
from data_sources.claims.finder import FoundClaim, default_params
from data_sources.claims.params import ParamError, Params
from data_sources.claims.verdict import NOT_CHECKABLE
from data_sources.tables.build import load
from data_sources.tables.dictionary import frame_dictionary
from tests.test_claims_encounters import tables

DAILY = DailyRateParams(("2023-11", "2023-12"))


def claim(metric: str = "daily_rate", params: Params = DAILY, value: float | None = 3_000, period: str = "2023-12"):
    return Claim("c", "q", metric, period, "unit", value, ("A caveat.",), params)


def test_every_metric_the_finder_proposes_has_an_evaluator():
    from data_sources.claims.finder import KINDS

    assert {kind.metric for kind in KINDS.values()} <= set(EVALUATORS)
    assert set(EVALUATORS) == {
        "daily_rate",
        "size_vs_daily",
        "compare_periods",
        "period_total",
        "citizenship_mix",
        "closures",
        "hemisphere_surge",
        "caravan_estimates",
        "caravan_ranking",
        "record",
        "not_checkable",
    }
    for metric, evaluator in EVALUATORS.items():
        assert evaluator.metric == metric
        assert dataclasses.is_dataclass(evaluator.params) and evaluator.params.__dataclass_params__.frozen
        assert evaluator.needs.months_in in (None, *evaluator.needs.tables)


def test_a_missing_table_is_no_data_naming_what_is_missing():
    without = {name: t for name, t in tables().items() if name != "southwest_monthly_metrics"}
    context = evaluate(claim(), without)
    assert context.sentences == [
        "Our snapshots hold no Southwest encounter counts for December 2023. Refresh the data (Data & downloads "
        "page, or `python -m data_sources refresh`) to check this claim."
    ]
    assert (context.charts, context.sources, context.caveats) == ([], [], ["A caveat."])


def test_tables_read_only_when_there_are_not_needs():
    """No overlapping release to reconcile, no officials' figures: the check runs without those parts."""
    params = DailyRateParams(("2023-11", "2023-12"), ("peak",))
    full = evaluate(claim(params=params), tables())
    fewer = {name: t for name, t in tables().items() if name not in ("reconciliation", "published_figures")}
    context = evaluate(claim(params=params), fewer)
    assert context.sentences == full.sentences[:-1] and full.sentences[-1].startswith("As first published")
    assert (len(full.citations), context.citations) == (1, [])


@pytest.mark.parametrize("period", ["2024-01", "2021-01"])  # after the series; a month without OFO
def test_a_month_outside_the_table_is_no_data(period):
    context = evaluate(claim(period=period), tables())
    assert context.sentences[0].startswith("Our snapshots hold no Southwest encounter counts for ")


def test_a_slip_in_the_evaluator_is_not_dressed_up_as_no_data():
    """An exception inside a check is a bug to see, not a note telling readers to refresh the data."""
    broken = {"southwest_monthly_metrics": tables()["southwest_monthly_metrics"].drop(columns="rank")}
    with pytest.raises(KeyError, match="rank"):
        evaluate(claim(), tables() | broken)


def test_unknown_metric_missing_number_and_wrong_parameters():
    assert "not one we can check yet" in evaluate(claim("tides"), tables()).sentences[0]
    assert evaluate(claim(value=None), tables()).sentences == ["This claim states no number to set beside the data."]
    with pytest.raises(TypeError, match="PeriodTotalParams are not the parameters of daily_rate"):
        evaluate(claim(params=PeriodTotalParams()), tables())


def test_the_months_a_check_reads_come_from_its_parameters():
    month = pd.Timestamp("2023-09-01")
    assert PeriodTotalParams().months(month) == (month,)
    year = PeriodTotalParams("fiscal_year").months(month)
    assert (len(year), year[0], year[-1]) == (12, pd.Timestamp("2022-10-01"), month)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({}, "window"),
        ({"window": ["2023-01", "2023-12"], "colour": "red"}, "colour"),
        ({"window": ["2023-01", 2023]}, "window"),
        ({"window": ["2023-01", "2023-12"], "figures": [1]}, "figures"),
    ],
)
def test_reading_parameters_names_the_field(raw, field):
    with pytest.raises(ParamError) as raised:
        DailyRateParams.read(raw)
    assert raised.value.field == field


def test_parameters_write_back_what_they_read():
    params = DailyRateParams.read({"window": ["2022-10", "2024-06"], "figures": ["a", "b"]})
    assert params == DailyRateParams(("2022-10", "2024-06"), ("a", "b"))
    assert params.fields() == {"window": ["2022-10", "2024-06"], "figures": ["a", "b"]}


def found(metric: str, period: str = "2023-12", **hints: object) -> FoundClaim:
    return FoundClaim("s", "t", 1.0, None, "", "people", "", "southwest", period, "text", metric, 0.8, "r", hints)


@pytest.mark.parametrize(
    ("found_claim", "expected"),
    [
        (found("daily_rate"), {"window": ["2022-12", "2024-06"], "figures": []}),
        (found("size_vs_daily"), {"events": []}),
        (
            found("compare_periods", compare_to="2022"),
            {"compare_to": "2022", "window": ["2022-01", "2024-03"], "events": []},
        ),
        (found("compare_periods"), {"compare_to": "2022", "window": ["2022-01", "2024-03"], "events": []}),
        (found("period_total", "2023-09", span="fiscal_year"), {"span": "fiscal_year"}),
        (found("period_total"), {"span": "month"}),
        (found("citizenship_mix"), {}),
        (
            found("closures"),
            {"window": ["2022-12", "2024-06"], "since": "2023-11-01", "kinds": ["port_closure", "rail_closure"]},
        ),
    ],
)
def test_default_params_come_from_each_parameter_class(found_claim, expected):
    params = default_params(found_claim)
    assert isinstance(params, EVALUATORS[found_claim.metric].params)
    assert params.fields() == expected


@pytest.mark.parametrize(
    ("tables_given", "the_claim", "reason"),
    [
        ({}, claim(), "Our snapshots hold no Southwest encounter counts for December 2023."),
        (tables(), claim("tides"), "This claim's metric ('tides') is not one we can check yet."),
        (tables(), claim(value=None), "This claim states no number to set beside the data."),
    ],
)
def test_a_claim_the_data_cannot_reach_gets_a_not_checkable_verdict(tables_given, the_claim, reason):
    verdict = evaluate(the_claim, tables_given).verdict
    assert verdict is not None
    assert (verdict.label, verdict.summary, verdict.rating) == (NOT_CHECKABLE, reason, None)


@pytest.fixture(scope="module")
def seed_contexts(filled_cache) -> list[ClaimContext]:
    """Every claim of the seed article checked against the pinned real files."""
    data = load(SnapshotStore(filled_cache / "raw"))
    (article,), _ = load_articles(DEFAULT_ARTICLES_DIR)
    return [evaluate(c, data.tables) for c in article.claims]


def test_every_column_of_every_claim_chart_download_is_explained(seed_contexts):
    """Beside each "Download this data (CSV)" the card lists what each column means and its unit."""
    frames = [spec for context in seed_contexts for spec in context.charts]
    assert frames
    for spec in frames:
        dictionary = frame_dictionary(spec.frame.columns, spec.kind)
        unexplained = dictionary[(dictionary["unit"] == "") | (dictionary["meaning"] == "")]
        assert unexplained.empty, (spec.file_name, unexplained["column"].tolist())


def test_every_claim_of_the_seed_article_gets_a_verdict_from_its_evaluator(seed_contexts):
    """The card falls back to "not checkable" without one, but every evaluator should decide its own."""
    assert [c.verdict is not None for c in seed_contexts] == [True] * len(seed_contexts)
