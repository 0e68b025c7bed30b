"""What every table and column means, in words for readers: the Data page shows it and every export
carries it (`columns.csv`).

The schemas (`core.registry.SCHEMAS`) describe tables for the code that checks them; this is the
reader's version, with a unit for every column. A column listed here for one table means the same in
every table, unless `PER_TABLE` says otherwise. A column with no entry falls back to its schema's
description; `tests/test_data_page.py` fails when a column has neither, so a new column cannot reach a
reader unexplained.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from data_sources.core.registry import SCHEMAS
from data_sources.sources.registry import SOURCES
from data_sources.tables.ports import UNUSUAL_GAP, USUAL_MONTHS

PER_DAY = "per day: the month's count divided by its days, so months of different length compare fairly"
EVENTS = "encounters (events, not people: one person caught twice counts twice)"

TABLES = {
    "southwest_monthly": "Encounters at the U.S.–Mexico border per month since October 1999, Border Patrol and OFO, "
    "one series each.",
    "southwest_monthly_metrics": "Southwest encounters per month with both components added up, per-day rates, the "
    "change from a year earlier and each month's rank.",
    "southwest_fiscal_year_totals": "Encounters per fiscal year (October–September), with incomplete years marked.",
    "southwest_calendar_year_totals": "Encounters per calendar year, with incomplete years marked.",
    "reconciliation": "Months two datasets or two releases both report: both numbers and the difference.",
    "cbp_sw_encounters": "CBP's Southwest border encounters per month by component, age and family group, "
    "citizenship, legal authority and encounter type (exact counts).",
    "cbp_sw_aor_encounters": "CBP's Southwest encounters by Border Patrol sector or OFO field office, for the months "
    "of the Nationwide file we hold.",
    "ohss_usbp_region": "Border Patrol encounters per month by border region since October 1999 (rounded to 10).",
    "ohss_usbp_sector": "Border Patrol encounters per month by sector since October 1999 (rounded to 10).",
    "ohss_usbp_citizenship": "Border Patrol encounters per month by citizenship since October 1999 (rounded to 10).",
    "ohss_usbp_family_status": "Border Patrol encounters per month by family status since October 1999 (rounded to "
    "10).",
    "sector_per_day": "Border Patrol encounters per day in each Southwest sector, per month.",
    "citizenship_by_country": "Border Patrol Southwest encounters per fiscal year and country of citizenship.",
    "citizenship_shares": "Each citizenship group's share of Border Patrol Southwest encounters per fiscal year.",
    "port_crossings_monthly": "Inbound crossings at each U.S.–Mexico land port per month: vehicles, people, "
    "containers, trains.",
    "port_closure_effects": "Crossings at each closed port in the closure months against the same month a year "
    "earlier.",
    "closure_timeline": "Every port and rail closure we list, with its dates and a citation.",
    "events": "Dated events (closures, policies, meetings, caravans, administrations), each with a citation.",
    "published_figures": "Numbers officials published or were quoted giving at the time, with a citation.",
    "port_sectors": "The Border Patrol sector and OFO field office around each port the article mentions.",
    "citizenship_groups": "How countries of citizenship are grouped in the charts.",
    "closure_measures": "Which kinds of crossing each closure stopped.",
    "hemisphere_annual": "Crossings of Panama's Darién and apprehension events in Mexico per calendar year: the total "
    "as published where only a yearly total exists, else the year's months added up.",
    "hemisphere_monthly": "Crossings of Panama's Darién and apprehension events in Mexico per month and nationality.",
    "hemisphere_annual_by_citizenship": "Darién crossings and Mexico's apprehension events per calendar year and "
    "nationality.",
}

COLUMNS: dict[str, tuple[str, str]] = {  # column: (unit, meaning)
    "month": ("date (first day of the month)", "The calendar month the row counts"),
    "fiscal_year": ("year", "U.S. federal fiscal year: October to September, named by the year it ends in"),
    "calendar_year": ("year", "Calendar year, January to December"),
    "component": (
        "name",
        "U.S. Border Patrol (between ports of entry), Office of Field Operations (at ports), or both",
    ),
    "demographic": (
        "name",
        "Who was encountered, as CBP groups people: Single Adults; FMUA (members of a family unit); "
        "UAC (unaccompanied children); Accompanied Minors",
    ),
    "citizenship": ("name", "Country of citizenship, as the publisher writes it"),
    "group": ("name", "Citizenship group used in the charts"),
    "title_of_authority": ("name", "Law applied: Title 8 (immigration law) or Title 42 (public-health expulsions)"),
    "encounter_type": ("name", "Apprehension (Border Patrol), inadmissible (OFO) or expulsion (Title 42)"),
    "encounters": ("encounters", EVENTS),
    "region": ("name", "Border region: Southwest, Northern or Coastal"),
    "sector": ("name", "Border Patrol sector: the stretch of border one Border Patrol office covers"),
    "family_status": ("name", "Whether people came alone, as a family, or as children without a parent"),
    "area_of_responsibility": ("name", "Border Patrol sector or OFO field office that counted the encounter"),
    "port_name": ("name", "Land port of entry"),
    "port_code": ("code", "CBP's four-digit port code (the first two digits name the CBP district)"),
    "port": ("name", "Land port of entry"),
    "state": ("code", "U.S. state (two letters)"),
    "border": ("name", "Which land border the port is on"),
    "measure": ("name", "What is counted: vehicles, passengers, pedestrians, trucks, buses, trains or containers"),
    "value": ("crossings", "Inbound crossings that month, in the measure's own unit (vehicles are not people)"),
    "latitude": ("degrees", "Port location, north"),
    "longitude": ("degrees", "Port location, east (negative: west of Greenwich)"),
    "per_day": ("encounters per day", f"Encounters {PER_DAY}"),
    "vintage": ("year-month", "Release of the dataset the number comes from (when the publisher put it out)"),
    "breakdown": ("name", "What was compared: the Southwest total, or one Border Patrol sector"),
    "left_vintage": ("year-month", "Release of the first dataset compared"),
    "left_encounters": ("encounters", "The first dataset's count"),
    "right_vintage": ("year-month", "Release of the second dataset compared"),
    "right_encounters": ("encounters", "The second dataset's count"),
    "difference": ("encounters", "Second count minus first"),
    "within_rounding": ("true/false", "True when rounding to the nearest 10 alone explains the difference"),
    "days_in_month": ("days", "Days in the month"),
    "encounters_prior_year": ("encounters", "Encounters in the same month a year earlier"),
    "per_day_prior_year": ("encounters per day", "Per-day rate in the same month a year earlier"),
    "yoy_change_pct": ("percent", f"Change from the same month a year earlier, {PER_DAY}"),
    "rank": ("rank", f"The month's place in its series, 1 = highest; ranked {PER_DAY}"),
    "months_in_series": ("months", "How many months the series holds (what the rank is out of)"),
    "record_to_date": ("true/false", f"True when no earlier month of the series was higher, {PER_DAY}"),
    "months": ("months", "Months of data in the year (12 when complete)"),
    "days": ("days", "Days those months hold, or days closed (the first day and the reopening day both count)"),
    "complete": ("true/false", "True when all 12 months of the year are in"),
    "event_id": ("code", "Our short name for the event"),
    "event_kind": ("code", "Kind of closure: port or rail"),
    "kind": ("name", "Kind of event"),
    "start_date": ("date", "Day the event began"),
    "end_date": ("date", "Day it ended (a closure's reopening day, counted as closed); empty for one-day events"),
    "start": ("date", "Day the closure began"),
    "end": ("date", "Day it reopened (counted as a day closed)"),
    "place": ("text", "Where it happened"),
    "crossing": ("name", "The crossing that closed"),
    "description": ("text", "What happened, in our words"),
    "source_url": ("web address", "Citation: the page the date or figure comes from"),
    "source_title": ("text", "Citation: that page's title and publisher"),
    "end_source_url": ("web address", "Citation for the end date"),
    "end_source_title": ("text", "Title and publisher of that page"),
    "figure_id": ("code", "Our short name for the figure"),
    "figure_value": ("as quoted", "The number as quoted; '9000-10000' is a quoted range"),
    "value_qualifier": ("code", "How it was qualified: exact, approx (about), more_than, range…"),
    "geography": ("text", "The area the figure is about"),
    "period_start": ("date", "First day of the period the figure covers"),
    "period_end": ("date", "Last day of that period"),
    "publisher": ("name", "Who published or said it"),
    "status": ("code", "How official the figure is, from official_release down to a press report or a leak"),
    "publication_date": ("date", "When it was published"),
    "ofo_field_office": ("name", "OFO field office: the office that runs the ports in that area"),
    "note": ("text", "Our note"),
    "days_closed": ("days", "Days of that month the closure covered (its first day and reopening day included)"),
    "short_label": ("text", "A few words naming the event on charts, in our words"),
    "usual_year_before": (
        "crossings",
        f"The usual level around the year-earlier month: the median of the {USUAL_MONTHS} months on each side of it",
    ),
    "unusual_baseline": (
        "true/false",
        f"True when the year-earlier month is more than {UNUSUAL_GAP:.0%} away from that usual level, so a change "
        "from it says more about that month than about the closure",
    ),
    "change_vs_usual_pct": ("percent", "Change from that usual level"),
    "traffic": ("text", "The kinds of traffic the closure stopped"),
    "first_day_closed": ("date", "First day the closure was in force"),
    "last_day_closed": ("date", "Day it reopened, counted as a day closed"),
    "value_year_before": ("crossings", "Inbound crossings in the same month a year earlier"),
    "change_pct": ("percent", "Change from the same month a year earlier"),
    "data_note": ("text", "Why a number is missing, when it is"),
    "share_pct": ("percent", "The group's share of the fiscal year's encounters"),
    # Columns of chart downloads (claim cards, explorer, ports), beside each "Download this data (CSV)".
    "people_or_encounters": (
        "people or encounters",
        "The bar's number: the claimed count, as the article states it, or the official figure set beside it "
        "(encounters, or encounters on an average day where the bar says so)",
    ),
    "closure": ("true/false", "True when the port had a closure on record in our list of dated events"),
    "period": (
        "month or year",
        "The period the row covers: a month (its first day), a fiscal year or a calendar year, as period_type says",
    ),
    "first_month": ("date (first day of the month)", "First month with data in the period"),
    "last_month": ("date (first day of the month)", "Last month with data in the period"),
    "view": ("name", "The dataset and breakdown the chart shows"),
    "components_shown": ("name", "Which components (or which place) the chart counts: Border Patrol, OFO or both"),
    "unit": (
        "name",
        "The unit of the value column: the count (encounters, crossings or events), or that count per day",
    ),
    "period_type": ("name", "What one period is: a month, a fiscal year or a calendar year"),
    "months_from": ("year-month", "First month chosen"),
    "months_to": ("year-month", "Last month chosen"),
    "series_shown": ("series", "How many of the largest series the chart names; the rest are added up as 'All other'"),
}

PER_TABLE = {
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
TABLES |= {
    "caravans": "Migrant caravans' sizes as reported at the time, one row per published estimate, each cited; no "
    "official count of a caravan exists.",
    "hemisphere_figures": "Yearly Darién crossings and Mexico's apprehension events as the governments published "
    "them, each cited, for years and releases the IOM files lack.",
}
SIZE_WORDS = "the same as size_low for a single number"
COLUMNS |= {
    "caravan_id": ("code", "Our short name for the caravan: its departure month and a word"),
    "departure_date": ("date", "Day the caravan set out"),
    "origin": ("name", "Town it set out from"),
    "size_low": ("people", "Lowest number of people the estimate states"),
    "size_high": ("people", f"Highest number of people the estimate states ({SIZE_WORDS})"),
    "qualifier": ("code", "How the number was put: about, at_least (or more), at_most (up to) or range"),
    "estimate_kind": ("code", "count, or projection: a forecast of what the group could grow to, not a count"),
    "estimated_by": ("name", "Who gave the number: a news agency, an organizer, an official"),
    "second_hand": ("true/false", "True when the page we cite retells another outlet's report (copy, rewrite)"),
    "disputed": ("true/false", "True when another report contradicts the figure or who it is credited to"),
    "called_largest_since": ("year-month", "When a report called the caravan the largest since a month, that month"),
    "figure_kind": ("code", "published_total, earlier_release (later revised) or variant (another published total)"),
    "published_by": ("name", "The government office whose count it is"),
    "reported_by": ("name", "The outlet whose page we cite"),
    "published": ("year-month or date", "When it was published (the month where the day is not known)"),
    "caravan": ("date", "The caravan, by the day it set out"),
    "caravan_low": ("people", "Lowest published count of that caravan (projections left out)"),
    "caravan_high": ("people", "Highest published count of that caravan (projections left out)"),
}
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


def sources_note() -> str:
    """'cbp_sbo = CBP, Southwest Land Border Encounters; …': what the source keys in the tables stand for."""
    return "; ".join(f"{key} = {source.publisher}, {source.title}" for key, source in SOURCES.items())


def _source_columns() -> dict[str, tuple[str, str]]:
    meaning = f"Dataset the number comes from ({sources_note()})"
    return {name: ("code", meaning) for name in ("source", "left_source", "right_source")}


def describe_column(table: str, column: str) -> tuple[str, str]:
    """(unit, meaning) of a column; the schema's description when this module has none."""
    found = PER_TABLE.get((table, column)) or COLUMNS.get(column) or _source_columns().get(column)
    if found:
        return found
    schema = SCHEMAS.get(table)
    described = schema.columns[column].description if schema is not None and column in schema.columns else None
    return ("", described or "")


def describe_table(table: str) -> str:
    """One line on what a table holds, for its download button."""
    schema = SCHEMAS.get(table)
    return TABLES.get(table) or (schema.description if schema is not None and schema.description else "")


def reader_order(names: list[str]) -> list[str]:
    """Table names in the order readers want them (as `TABLES` lists them), any others last."""
    order = list(TABLES)
    return sorted(names, key=lambda name: order.index(name) if name in order else len(order))


def column_dictionary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per column of every table: table, column, unit, meaning."""
    rows = [
        (table, column, *describe_column(table, str(column))) for table, frame in tables.items() for column in frame
    ]
    return pd.DataFrame(rows, columns=["table", "column", "unit", "meaning"])


def frame_dictionary(columns: Iterable[object], table: str = "") -> pd.DataFrame:
    """What each column of a chart's download means: column, unit, meaning. `table` names the table or chart
    kind ('bars', 'explorer') whose own meanings apply where a column means something else there."""
    return column_dictionary({table: pd.DataFrame(columns=[str(c) for c in columns])}).drop(columns="table")
