"""Methods & glossary: every term the pages use, every dated event grouped by kind with its citation,
and nothing meant for researchers (title markers, file paths) shown to readers."""

from __future__ import annotations

import pytest

from dashboard.glossary import GLOSSARY, terms
from data_sources.core.vocabulary import EVENT_KINDS
from data_sources.tables.build import load
from tests.test_app import run_page, text_of

# Words the charts, claims, explorer and ports pages use, each of which a reader may need explained.
TERMS_USED = [
    "Encounter", "Apprehension", "Inadmissible", "Expulsion", "Title 8", "Title 42", "Encounter type", "Components",
    "CBP One", "Demographic", "Family status", "Citizenship group", "Caravan", "INM", "Border region",
    "Port of entry", "Port code", "Sector", "Field office", "Area of responsibility", "Inbound crossings",
    "BTS measures", "Closure", "Fiscal year", "Calendar year", "Per-day average", "Rank and record",
    "Year-over-year change", "Release (vintage)", "Revisions between releases", "Rounding in OHSS files", "Other",
]  # fmt: skip


@pytest.mark.parametrize("term", TERMS_USED)
def test_every_term_the_pages_use_is_explained(term):
    assert any(term in name for name in terms()), term


def test_glossary_entries_are_sentences():
    for section, entries in GLOSSARY.items():
        assert entries, section
        assert all(meaning.endswith(".") and len(meaning) > 20 for meaning in entries.values())


def test_methods_page_lists_every_event_by_kind_without_research_markers(data_cache):
    events = load().tables["events"]
    app = run_page("methods")
    text = text_of(app)
    for description in events["description"]:
        assert description.split(";")[0][:60] in text.replace("\\", "")
    headings = [m.value.split("\n", 1)[0] for m in app.markdown if m.value.startswith("### ")]
    assert len(headings) == events["kind"].nunique() <= len(EVENT_KINDS)
    assert "20 March 2020 to 11 May 2023" in text  # Title 42, from events.csv
    assert "[title reconstructed from URL]" not in text and "see NOTES" not in text
    assert "data_sources/" not in text and ".csv" not in text
    assert "Fiscal year." in text and "Sector." in text and "INM." in text


def test_article_citations_show_no_research_markers(data_cache):
    app = run_page(claim="all")
    assert "reconstructed from URL" not in text_of(app)
    assert app.radio(key="cards-claim").label == "The claims checked here"  # the list of claims, each with its verdict
    assert [h.value for h in app.header] == [f"Claim {n} of 5" for n in range(1, 6)]
