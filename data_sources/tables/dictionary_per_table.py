"""The column dictionary's exceptions: columns that mean something else in one table or chart download.

A data module like `dictionary_columns` (typed, built once on import); `dictionary.describe_column`
looks here first, keyed by (table or chart kind, column).
"""

from __future__ import annotations

from data_sources.tables.dictionary_columns import SIZE_WORDS

__all__ = ["HEMISPHERE_COUNT", "HEMISPHERE_TABLES", "PER_TABLE"]

PER_TABLE: dict[tuple[str, str], tuple[str, str]] = {
    ("port_sectors", "sector"): ("name", "Border Patrol sector around the port"),
    ("closure_measures", "measure"): ("name", "A kind of crossing the closure stopped"),
    ("closure_table", "closure"): ("text", "The closure in a few words (its short label in our list of events)"),
    # Chart downloads, named by their chart kind where a column means something else there.
    ("bars", "measure"): ("name", "What the bar shows: the claim, or an official figure set beside it"),
    ("explorer", "value"): (
        "as the unit column says",
        "The number drawn, in the unit the unit column names; per day is the period's count divided by its days, "
        "so periods of different length compare fairly",
    ),
    ("explorer", "days"): ("days", "Days the period's months hold (what per-day values are divided by)"),
    ("explorer", "months"): ("months", "Months of data in the period"),
}

# The hemisphere tables (IOM's compilation of Panama's and Mexico's counts): a place, a count and a year there
# mean something more precise than elsewhere.
HEMISPHERE_TABLES = ("hemisphere_monthly", "hemisphere_annual", "hemisphere_annual_by_citizenship")
HEMISPHERE_COUNT = (
    "Darién: irregular crossings Panama registered; Mexico: apprehension events (people presented to the "
    "migration authority). Events, not unique people: someone counted twice counts twice"
)
PER_TABLE |= {
    (table, column): meaning
    for table in HEMISPHERE_TABLES
    for column, meaning in {
        "place": ("name", "Where the count was made: Darién (Panama) or Mexico"),
        "count": ("crossings or events", HEMISPHERE_COUNT),
        "citizenship": (
            "name",
            "Nationality as the publisher recorded it (its ISO code written out as the country's name); "
            "“Other”: nationalities the publisher does not name",
        ),
        "year": ("year", "Calendar year, January to December"),
        "months": (
            "months",
            "Months the count covers: 12 for a whole year, fewer when some months were not reported or the year "
            "is not over",
        ),
        "basis": (
            "name",
            "How the year's count was made: “annual total as published” (a year the publisher gave only as one "
            "total, never by month) or “sum of monthly counts”",
        ),
    }.items()
} | {
    ("explorer", "crossings"): ("crossings", "Darién crossings Panama registered in the period (not unique people)"),
    ("explorer", "events"): ("events", "Apprehension events in Mexico in the period (not unique people)"),
}

# Published caravan sizes and yearly Darién and Mexico totals as published (reference lists), and the downloads
# of the charts that draw them (keyed by chart kind where a column means something else there).
PER_TABLE |= {
    ("caravans", "publisher"): ("name", "The outlet whose page we cite"),
    ("caravan_ranges", "publisher"): ("name", "The outlet whose page we cite"),
    ("caravan_ranges", "role"): (
        "name",
        "The caravan's part in the check: the claim's caravan, the caravan it is compared with by name, a caravan "
        "in between, or another caravan",
    ),
    ("caravan_estimates", "label"): ("text", "The row's label on the chart"),
    ("caravan_estimates", "what"): (
        "name",
        "What the row is: the claim, a count, a projection, or U.S. encounters on one average day of the month",
    ),
    ("caravan_estimates", "size_low"): (
        "people or encounters",
        "The estimate's lowest number, or the claim, or encounters on an average day",
    ),
    ("caravan_estimates", "size_high"): ("people or encounters", f"The estimate's highest number ({SIZE_WORDS})"),
    ("caravan_estimates", "estimated_by"): ("name", "Who gave the number (for U.S. rows, which encounters)"),
    ("caravan_estimates", "publisher"): ("name", "The outlet whose page we cite (for U.S. rows, the dataset)"),
    ("hemisphere_figures", "place"): ("name", "Darién (Panama) or Mexico"),
    ("hemisphere_figures", "year"): ("year", "Calendar year the figure covers"),
    ("hemisphere_figures", "count"): ("crossings or events", "The yearly total as published"),
    ("hemisphere_years", "series"): ("name", "Darién (Panama), Mexico, or the U.S. Southwest component"),
    ("hemisphere_years", "year"): ("year", "Calendar year, January to December"),
    ("hemisphere_years", "count"): (
        "crossings, events or encounters",
        "The year's count (not unique people): Darién crossings, Mexico's apprehension events or U.S. encounters",
    ),
    ("hemisphere_years", "what"): ("name", "What the count counts"),
    ("hemisphere_years", "basis"): (
        "name",
        "How the year's count was made: a total as published, or the year's months added up",
    ),
}
