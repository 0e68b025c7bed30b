"""The hemisphere sources (IOM's R data files of Panama's Darién crossings and Mexico's apprehension
events): golden checks on the pinned real files against the publishers' own totals, the reshaping on
tiny inline tables, every way a file can be wrong, and the download against a server on 127.0.0.1."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pandas as pd
import pytest
import rdata

from data_sources.acquire import r_data
from data_sources.acquire.filing import import_file
from data_sources.acquire.r_data import read_objects
from data_sources.acquire.refresh import refresh_source
from data_sources.acquire.snapshots import SnapshotStore
from data_sources.acquire.source import ParseError
from data_sources.core.canonical import ANNUAL_AS_PUBLISHED, MONTHLY_SUM
from data_sources.core.vocabulary import DARIEN, MEXICO
from data_sources.sources import iom_darien, iom_gdidata, iom_mexico
from data_sources.sources.iom_gdidata import annual_total_years, country_names, hemisphere_tables
from data_sources.sources.registry import get_source
from tests.conftest import fixture_file, source_file

DARIEN_PATH = "/iom/gdidata/main/data/irreg_darien_nat.rda"  # the download URL's path, served by the mirror


@pytest.fixture(scope="module")
def darien() -> dict[str, pd.DataFrame]:
    return iom_darien.parse(source_file("iom_darien"))


@pytest.fixture(scope="module")
def mexico() -> dict[str, pd.DataFrame]:
    return iom_mexico.parse(source_file("iom_mexico"))


def year_count(tables: dict[str, pd.DataFrame], year: int) -> int:
    annual = tables["hemisphere_annual"].set_index("year")
    return int(annual.loc[year, "count"])


# Golden: the pinned files against the totals the publishers themselves published
# (SNM for the Darién, UPM's bulletin for Mexico; see ../shared/data/hemisphere/README.md).


@pytest.mark.parametrize(("year", "published"), [(2021, 133_726), (2022, 248_284), (2023, 520_085), (2024, 302_203)])
def test_darien_years_equal_the_totals_snm_published(darien, year, published):
    assert year_count(darien, year) == published
    months = darien["hemisphere_monthly"]
    assert months.loc[months["month"].dt.year == year, "count"].sum() == published


@pytest.mark.parametrize(("year", "published"), [(2018, 131_445), (2021, 309_692), (2022, 441_409)])
def test_mexico_years_equal_the_totals_upm_published(mexico, year, published):
    assert year_count(mexico, year) == published


def test_darien_years_before_monthly_tables_stay_annual_never_a_january(darien):
    monthly, annual = darien["hemisphere_monthly"], darien["hemisphere_annual"]
    assert monthly["month"].min() == pd.Timestamp("2020-01-01")
    published = annual[annual["basis"] == ANNUAL_AS_PUBLISHED]
    assert published["year"].tolist() == list(range(2010, 2020))
    assert published["complete"].all() and (published["months"] == 12).all()
    assert set(annual.loc[annual["year"] >= 2020, "basis"]) == {MONTHLY_SUM}


def test_a_year_with_unreported_months_is_partial_and_its_gaps_stay_missing(darien):
    year_2020 = darien["hemisphere_annual"].set_index("year").loc[2020]
    assert (year_2020["months"], year_2020["complete"]) == (9, False)
    reported = set(
        darien["hemisphere_monthly"]["month"].dt.month[darien["hemisphere_monthly"]["month"].dt.year == 2020]
    )
    assert {4, 5, 7}.isdisjoint(reported) and len(reported) == 9


@pytest.mark.parametrize(("key", "place"), [("iom_darien", DARIEN), ("iom_mexico", MEXICO)])
def test_every_count_of_the_file_is_kept_once(key, place):
    """Annual totals, months and the by-nationality years all add up to the file's own sum."""
    raw = next(iter(read_objects(source_file(key)).values()))
    tables = get_source(key).parse(source_file(key))
    monthly, by_citizenship, annual = (
        tables[n] for n in ("hemisphere_monthly", "hemisphere_annual_by_citizenship", "hemisphere_annual")
    )
    published = annual.loc[annual["basis"] == ANNUAL_AS_PUBLISHED, "count"].sum()
    assert monthly["count"].sum() + published == raw["n"].sum() == annual["count"].sum()
    assert by_citizenship.groupby("year")["count"].sum().tolist() == annual["count"].tolist()
    assert set(monthly["place"]) == set(annual["place"]) == {place}


def test_nationalities_are_country_names(darien, mexico):
    names = set(darien["hemisphere_annual_by_citizenship"]["citizenship"]) | set(
        mexico["hemisphere_monthly"]["citizenship"]
    )
    assert {"Venezuela", "Haiti", "Ecuador", "Honduras", "Democratic Republic of the Congo", "Other"} <= names
    assert not [name for name in names if len(name) == 3 and name.isupper()]  # no code left unnamed


# The reshaping, on tiny inline tables.


def counts(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "month": pd.to_datetime([f"{month}-01" for month, _, _ in rows]),
            "citizenship": [name for _, name, _ in rows],
            "count": [n for _, _, n in rows],
        }
    )


@pytest.mark.parametrize(
    ("months", "annual"),
    [
        (["2010-01", "2011-01", "2012-01", "2012-02"], [2010, 2011]),  # Januaries before monthly years: totals
        (["2010-01", "2011-01"], []),  # nothing tells a total from a January: monthly
        (["2024-11", "2024-12", "2025-01"], []),  # a file that ends in January: a real January
        (["2020-01", "2020-03", "2021-01"], []),  # months missing later on do not make a year annual
    ],
)
def test_years_published_as_totals_are_recognised_from_the_data(months, annual):
    assert annual_total_years(pd.Series(pd.to_datetime([f"{m}-01" for m in months]))) == annual


def test_totals_and_months_become_years_with_their_basis():
    totals = [("2019-01", "Haiti", 50), ("2019-01", "Cuba", 7)]  # 2019 as published: one total, at January
    months = [("2020-01", "Haiti", 3), ("2020-02", "Haiti", 4), ("2020-02", "Cuba", 1)]
    rows = counts(totals + months)
    tables = hemisphere_tables(rows, DARIEN, "iom_darien")
    expected = pd.DataFrame(
        {
            "year": [2019, 2020],
            "place": [DARIEN, DARIEN],
            "count": [57, 8],
            "months": [12, 2],
            "complete": [True, False],
            "basis": [ANNUAL_AS_PUBLISHED, MONTHLY_SUM],
            "source": ["iom_darien", "iom_darien"],
        }
    )
    pd.testing.assert_frame_equal(tables["hemisphere_annual"], expected, check_dtype=False)
    assert tables["hemisphere_monthly"]["month"].dt.year.unique().tolist() == [2020]
    assert tables["hemisphere_monthly"]["place"].unique().tolist() == [DARIEN]


def test_codes_become_names_and_unknown_codes_are_kept():
    names = country_names(pd.Series(["VEN", " cod", "OOO", "XKX", "ZZZ"]))
    assert names.tolist() == ["Venezuela", "Democratic Republic of the Congo", "Other", "Kosovo", "ZZZ"]


# Files that are not what the source publishes: each refused with its reason.


def r_file(path: Path, frame: pd.DataFrame, name: str = iom_darien.OBJECT, compression: str = "bzip2") -> Path:
    """An R data file as R's save() writes it, made with the `rdata` library."""
    frame = frame.astype({c: object for c in frame.columns if frame[c].dtype == "str"})
    rdata.write_rda(path, {name: frame}, compression=compression)  # type: ignore[arg-type]
    return path


def tiny(**change: list[object]) -> pd.DataFrame:
    """Three months of a file shaped like IOM's (days since 1970 for the first of each month)."""
    columns: dict[str, list[object]] = {
        "t": [18262.0, 18293.0, 18322.0],
        "nat": ["VEN", "HTI", "VEN"],
        "n": [5.0, 3, 2],
    }
    return pd.DataFrame(columns | change)


def bomb(path: Path) -> Path:
    """A few kilobytes of gzip that inflate to far more than the bound, with a valid R header."""
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b"RDX2\nX\n")
        for _ in range(r_data.MAX_INFLATED_BYTES // (1 << 20) + 2):
            handle.write(bytes(1 << 20))
    return path


@pytest.mark.parametrize("compression", ["gzip", "bzip2", "xz"])
def test_any_compression_r_writes_is_read(tmp_path, compression):
    tables = iom_darien.parse(r_file(tmp_path / "f.rda", tiny(), compression=compression))
    assert tables["hemisphere_monthly"]["count"].tolist() == [5, 3, 2]  # January to March 2020


def wrong_file(folder: Path, kind: str) -> bytes:
    """The bytes of a file that is not what the Darién source publishes, by kind."""
    published = source_file("iom_darien").read_bytes()
    made = {
        "csv conversion": lambda: fixture_file("iom_darien_csv_conversion").read_bytes(),
        "html page": lambda: b"<!DOCTYPE html><html><body>404: Not Found</body></html>",
        "gzip of text": lambda: gzip.compress(b"month,nat,n\n2020-01,VEN,5\n"),
        "another object": lambda: fixture_file("iom_darien_by_sex_and_age").read_bytes(),
        "no count column": lambda: r_file(folder / "f.rda", tiny().drop(columns="n")).read_bytes(),
        "negative count": lambda: r_file(folder / "f.rda", tiny(n=[5.0, -3, 2])).read_bytes(),
        "empty count": lambda: r_file(folder / "f.rda", tiny(n=[5.0, None, 2])).read_bytes(),
        "a day, not a month": lambda: r_file(folder / "f.rda", tiny(t=[18262.0, 18294.0, 18322.0])).read_bytes(),
        "truncated bzip2": lambda: published[: len(published) // 2],
        "decompression bomb": lambda: bomb(folder / "bomb.gz").read_bytes(),
        "garbage after the header": lambda: bz2.compress(b"RDX2\n" + b"\x00" * 64),
    }
    return made[kind]()


WRONG_FILES = [  # (kind, words the refusal must contain)
    ("csv conversion", "not an R data file"),
    ("html page", "not an R data file"),
    ("gzip of text", "not an R data file"),
    ("another object", "no object 'irreg_darien_nat'"),
    ("no count column", "missing columns ['n']"),
    ("negative count", "1 counts are negative, e.g. -3"),
    ("empty count", "counts are missing"),
    ("a day, not a month", "not the first of a month"),
    ("truncated bzip2", "cut short"),
    ("decompression bomb", "decompression bomb"),
    ("garbage after the header", "unreadable R data"),
]


@pytest.mark.parametrize(("kind", "reason"), WRONG_FILES)
def test_a_wrong_file_is_refused_with_its_reason(tmp_path, kind, reason):
    path = tmp_path / "irreg_darien_nat.rda"
    path.write_bytes(wrong_file(tmp_path, kind))
    with pytest.raises(ParseError) as refused:
        iom_darien.parse(path)
    assert reason in str(refused.value)


def test_a_compact_sequence_longer_than_the_bound_is_refused(tmp_path, monkeypatch):
    """R writes `1:n` (here the row numbers) as three numbers standing for n values: expanded only within the bound."""
    path = r_file(tmp_path / "f.rda", tiny())
    monkeypatch.setattr(r_data, "MAX_SEQUENCE_VALUES", 2)
    with pytest.raises(ParseError, match="compact sequence"):
        iom_darien.parse(path)


def test_the_bomb_is_stopped_at_the_bound_not_inflated_whole(tmp_path, monkeypatch):
    path = bomb(tmp_path / "bomb.gz")
    read: list[int] = []
    original = r_data._inflate
    monkeypatch.setattr(r_data, "_inflate", lambda p, h, most: read.append(most) or original(p, h, most))
    with pytest.raises(ParseError):
        r_data.inflate(path)
    assert read == [r_data.MAX_INFLATED_BYTES + 1]


# The download, from a server on 127.0.0.1 standing in for raw.githubusercontent.com.


@pytest.fixture
def darien_store(empty_store: SnapshotStore) -> SnapshotStore:
    """A store holding the real Darién file as its current snapshot."""
    outcome = import_file(empty_store, iom_darien.SOURCE, source_file("iom_darien"), vintage="2025-06")
    assert outcome.status == "updated", outcome.message
    return empty_store


def test_the_download_files_the_real_file_with_its_provenance(empty_store, fetcher, mirror):
    published = source_file("iom_darien").read_bytes()
    mirror.expect_request(DARIEN_PATH).respond_with_data(published, headers={"ETag": '"blob"'})
    outcome = refresh_source(empty_store, iom_darien.SOURCE, fetcher)
    snapshot = outcome.snapshot
    assert outcome.status == "updated" and snapshot is not None, outcome.message
    assert snapshot.url == "https://raw.githubusercontent.com/iom/gdidata/main/data/irreg_darien_nat.rda"
    assert (snapshot.coverage_start, snapshot.coverage_end, snapshot.etag) == ("2010-01", "2025-04", '"blob"')
    assert empty_store.file_path(snapshot).read_bytes() == published
    again = refresh_source(empty_store, iom_darien.SOURCE, fetcher)
    assert again.status == "unchanged"


@pytest.mark.parametrize(("fault", "reason"), [w for w in WRONG_FILES if w[0] != "csv conversion"])
def test_a_faulty_download_never_replaces_the_good_snapshot(darien_store, fetcher, mirror, tmp_path, fault, reason):
    before = darien_store.current("iom_darien")
    assert before is not None
    kept = darien_store.file_path(before).read_bytes()
    mirror.expect_request(DARIEN_PATH).respond_with_data(wrong_file(tmp_path, fault))
    outcome = refresh_source(darien_store, iom_darien.SOURCE, fetcher)
    assert outcome.status == "failed" and reason in outcome.message, outcome.message
    assert "\n" not in outcome.message and len(outcome.message) <= 500
    assert darien_store.current("iom_darien") == before
    assert darien_store.file_path(before).read_bytes() == kept
    assert not list(darien_store.staging_dir("iom_darien").iterdir())


def test_each_source_declares_where_it_lives_and_what_it_is():
    for source in (iom_darien.SOURCE, iom_mexico.SOURCE):
        assert source.allowed_hosts == {"github.com", "raw.githubusercontent.com"}
        assert source.download_url and source.download_url.startswith(iom_gdidata.RAW_FILE.split("{")[0])
        assert "IOM's Global Data Institute" in source.publisher
        assert "public domain" not in source.license.lower() and "MIT" in source.license
        assert any("not unique people" in caveat for caveat in source.caveats)
