"""The column dictionary's data: what each column means, and in what unit, wherever it appears.

A data module rather than a CSV: several meanings quote the rules they describe (`USUAL_MONTHS`,
`UNUSUAL_GAP`) so they cannot drift from the code, and the mapping stays typed and is built once, on
import. `dictionary` looks columns up here; `dictionary_per_table` holds the columns that mean
something else in one table or chart.
"""

from __future__ import annotations

from data_sources.tables.port_closures import UNUSUAL_GAP, USUAL_MONTHS

__all__ = ["COLUMNS", "EVENTS", "PER_DAY", "SIZE_WORDS"]

PER_DAY = "per day: the month's count divided by its days, so months of different length compare fairly"
EVENTS = "encounters (events, not people: one person caught twice counts twice)"
SIZE_WORDS = "the same as size_low for a single number"

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
    # Published caravan sizes and yearly Darién and Mexico totals as published (reference lists), and the
    # downloads of the charts that draw them.
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
