"""The Data page for readers: what the dashboard holds and how fresh, in words; one zip of every table
with the column dictionary and provenance; a line on each table; checksums folded away."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

from dashboard.data_panels import refresh_allowed
from data_sources.tables.build import Dataset, load
from data_sources.tables.dictionary import TABLES, column_dictionary, describe_table, reader_order
from data_sources.tables.export import export_zip, exported, to_csv_bytes
from tests.test_app import drawn, run_page, text_of


@pytest.fixture(scope="module")
def dataset(filled_cache) -> Dataset:
    from data_sources.acquire.snapshots import SnapshotStore

    return load(SnapshotStore(filled_cache / "raw"))


def test_every_column_of_every_table_is_explained_with_a_unit(dataset):
    dictionary = column_dictionary(exported(dataset))
    assert len(dictionary) == sum(len(t.columns) for t in exported(dataset).values())
    unexplained = dictionary[(dictionary["meaning"] == "") | (dictionary["unit"] == "")]
    assert unexplained.empty, unexplained[["table", "column"]].values.tolist()


def test_ranks_records_and_year_over_year_say_they_are_per_day(dataset):
    dictionary = column_dictionary(exported(dataset)).set_index(["table", "column"])["meaning"]
    for column in ("rank", "record_to_date", "yoy_change_pct"):
        assert "per day" in dictionary["southwest_monthly_metrics", column]


def test_every_table_has_a_line_for_readers(dataset):
    assert all(describe_table(name) for name in dataset.tables)
    assert set(TABLES) >= set(dataset.tables), "a new table needs a line in data_sources/tables/dictionary.py"
    assert reader_order(["events", "southwest_monthly", "unknown"]) == ["southwest_monthly", "events", "unknown"]


def test_the_zip_holds_every_table_the_dictionary_and_provenance(dataset):
    with zipfile.ZipFile(io.BytesIO(export_zip(dataset))) as archive:
        files = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    tables = exported(dataset)
    assert set(files) == {f"{name}.csv" for name in tables} | {"columns.csv", "provenance.json"}
    assert files["southwest_monthly.csv"] == to_csv_bytes(tables["southwest_monthly"])
    columns = pd.read_csv(io.BytesIO(files["columns.csv"]))
    assert list(columns.columns) == ["table", "column", "unit", "meaning"]
    assert json.loads(files["provenance.json"])["sources"]["ohss_usbp"]["snapshot"]["vintage"] == "2024-12"


def test_data_page_speaks_to_readers_first(data_cache, dataset):
    app = run_page("data_downloads")
    opening = " ".join(m.value for m in app.markdown[:3])
    assert "Southwest Land Border Encounters" in opening and "U.S. Customs and Border Protection" in opening
    assert "through August 2025, released September 2025" in opening
    assert "cbp_sbo" not in opening and "sha256" not in opening
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels[0] == "All tables (zip of CSV files)"
    text = text_of(app)
    assert all(describe_table(name) in text for name in dataset.tables)  # a line on every table
    assert sum(label.endswith(" rows)") for label in labels) == len(dataset.tables)
    assert labels.count("What the columns mean (CSV)") == len(dataset.tables)  # each table's dictionary beside it
    assert "What each column means" in [e.label for e in app.expander]
    assert not [b for b in app.button if b.label == "Refresh now"]


def test_checksums_and_vintages_are_in_the_details(data_cache):
    app = drawn(run_page("data_downloads"))
    details = {e.label: " ".join(m.value for m in e.markdown) for e in app.expander}
    cbp = details["Southwest Land Border Encounters, U.S. Customs and Border Protection (CBP)"]
    assert "Vintage **2025-09**" in cbp and "644a70518bea08884f29483c4aa6aee5fcceadc85a0bd8f09043fa6d356fedc4" in cbp
    assert "`per_day`" in details["What each column means"]


@pytest.mark.parametrize(
    ("allow", "read_only", "allowed"),
    [(None, None, False), ("1", None, True), (None, "0", True), ("1", "1", False), ("0", None, False)],
)
def test_refreshes_from_the_page_only_where_the_operator_turns_them_on(monkeypatch, allow, read_only, allowed):
    for name, value in (("BORDER_ALLOW_REFRESH", allow), ("BORDER_READ_ONLY", read_only)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert refresh_allowed() is allowed
