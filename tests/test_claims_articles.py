"""Article files are checked whole when loaded: a slip names the file, the claim and the field, and
reaches readers as "an article file could not be read", never as "no data" on the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_sources.claims.articles import DEFAULT_ARTICLES_DIR, ArticleError, article_toml, load_articles, parse_article
from data_sources.claims.evaluators.closures import ClosuresParams
from data_sources.claims.evaluators.daily_rate import DailyRateParams

HEAD = '[article]\nid = "a"\ntitle = "T"\npublished = "p"\nreference_month = "2023-12"\nsummary = "s"\n\n'
DAILY = (
    '[[claims]]\nid = "rate"\nquote = "q"\nmetric = "daily_rate"\nperiod = "2023-12"\n'
    'claimed_value = 10000\nunit = "people per day"\n'
)


def test_daily_rate_claim_without_window_fails_when_loaded(tmp_path: Path):
    """Bug: it loaded, and the page told readers our snapshots held no data and to refresh."""
    (tmp_path / "a.toml").write_text(HEAD + DAILY)
    (tmp_path / "b.toml").write_text(HEAD + DAILY + 'window = ["2023-06", "2024-01"]\n')
    articles, errors = load_articles(tmp_path)
    assert [a.path.name for a in articles if a.path] == ["b.toml"]
    assert errors == [
        "a.toml: claim 'rate', field 'window': missing (this metric needs it)",
    ]


@pytest.mark.parametrize(
    ("extra", "field", "problem"),
    [
        ('window = ["2023-06", "2024-01"]\nwindows = 3\n', "windows", "unknown parameter for this metric"),
        ('window = ["2023-06"]\n', "window", "should be two months"),
        ('window = ["2024-01", "2023-06"]\n', "window", "starts after it ends"),
        ('window = ["2023-6", "2024-01"]\n', "window", "not a YYYY-MM month"),
        ('window = "2023-06"\n', "window", "should be a list of text"),
        ('window = ["2023-06", "2024-01"]\nfigures = "one"\n', "figures", "should be a list of text"),
    ],
)
def test_malformed_parameters_name_file_claim_and_field(tmp_path: Path, extra: str, field: str, problem: str):
    with pytest.raises(ArticleError) as raised:
        parse_article(HEAD + DAILY + extra, tmp_path / "a.toml")
    assert str(raised.value).startswith(f"a.toml: claim 'rate', field '{field}': ")
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    ("claim", "field"),
    [
        (DAILY.replace("daily_rate", "daily_rates") + 'window = ["2023-06", "2024-01"]\n', "metric"),
        (DAILY.replace("claimed_value = 10000\n", "") + 'window = ["2023-06", "2024-01"]\n', "claimed_value"),
        (DAILY.replace("10000", '"ten thousand"') + 'window = ["2023-06", "2024-01"]\n', "claimed_value"),
        (DAILY.replace('"2023-12"', '"Dec 2023"') + 'window = ["2023-06", "2024-01"]\n', "period"),
        (
            '[[claims]]\nid = "shut"\nquote = "q"\nmetric = "closures"\nperiod = "2023-12"\nunit = "ports"\n'
            'window = ["2023-06", "2024-06"]\nsince = "2023-11-27"\nkinds = ["port_closure", "bridge"]\n',
            "kinds",
        ),
        (
            '[[claims]]\nid = "shut"\nquote = "q"\nmetric = "closures"\nperiod = "2023-12"\nunit = "ports"\n'
            'window = ["2023-06", "2024-06"]\nsince = "late November"\n',
            "since",
        ),
        (
            '[[claims]]\nid = "since"\nquote = "q"\nmetric = "compare_periods"\nperiod = "2023-12"\nunit = "x"\n'
            'window = ["2022-01", "2024-03"]\n',
            "compare_to",
        ),
        (
            '[[claims]]\nid = "total"\nquote = "q"\nmetric = "period_total"\nperiod = "2023-12"\nunit = "x"\n'
            'claimed_value = 5\nspan = "decade"\n',
            "span",
        ),
    ],
)
def test_unknown_metric_and_missing_or_bad_fields_fail(tmp_path: Path, claim: str, field: str):
    with pytest.raises(ArticleError, match=rf"^a\.toml: claim '\w+', field '{field}': "):
        parse_article(HEAD + claim, tmp_path / "a.toml")


def test_repeated_claim_ids_fail(tmp_path: Path):
    claim = DAILY + 'window = ["2023-06", "2024-01"]\n\n'
    with pytest.raises(ArticleError, match=r"claim ids \['rate'\] are used more than once"):
        parse_article(HEAD + claim + claim, tmp_path / "a.toml")


def test_parameters_are_typed_with_their_class_defaults(tmp_path: Path):
    text = HEAD + (
        '[[claims]]\nid = "shut"\nquote = "q"\nmetric = "closures"\nperiod = "2023-12"\nunit = "ports"\n'
        'window = ["2023-06", "2024-06"]\nsince = "2023-11-27"\n'
    )
    [claim] = parse_article(text, tmp_path / "a.toml").claims
    assert claim.params == ClosuresParams(window=("2023-06", "2024-06"), since="2023-11-27")
    assert claim.params.kinds == ("port_closure", "rail_closure")


def test_the_articles_folder_loads_and_round_trips_through_article_toml(tmp_path: Path):
    articles, errors = load_articles(DEFAULT_ARTICLES_DIR)
    assert articles and errors == []
    for article in articles:
        path = tmp_path / "copy.toml"
        path.write_text(article_toml(article))
        again = parse_article(path.read_text(), path)
        assert again.claims == article.claims
    seed = next(a for a in articles if a.id == "2023-12-border-talks")
    daily = next(c for c in seed.claims if c.metric == "daily_rate")
    assert isinstance(daily.params, DailyRateParams) and daily.params.window == ("2022-10", "2024-06")


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ('direction = "middle"\n', "direction"),
        ('span = "decade"\n', "span"),
        ('since = "last year"\n', "since"),
    ],
)
def test_record_claims_are_checked_when_loaded(tmp_path: Path, fields: str, problem: str):
    claim = '[[claims]]\nid = "rec"\nquote = "q"\nmetric = "record"\nperiod = "2023-12"\nunit = "x"\n'
    assert parse_article(HEAD + claim + 'since = "2020"\n', tmp_path / "a.toml").claims[0].params.since == "2020"
    with pytest.raises(ArticleError, match=rf"field '{problem}'"):
        parse_article(HEAD + claim + fields, tmp_path / "a.toml")
