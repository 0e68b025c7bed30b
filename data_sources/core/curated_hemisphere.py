"""Schemas of the two hand-curated lists about migration beyond the U.S. border, as the tables read them:
`caravans` (every published size estimate of each caravan) and `hemisphere_figures` (yearly Darién
and Mexico totals as published, for years and releases the IOM files lack).

Both are typed in from news pages, so they are checked strictly: every row cited by an https address,
sizes whole and positive with the low end not above the high end, words from a short list, one row
per key. Descriptions and notes are the project's own words; there are no quote columns.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from data_sources.core.schema import by_name, date, flag, integer, table, text
from data_sources.core.vocabulary import HEMISPHERE_PLACES

# How an estimate was worded: one number ("about"), an open end ("at least", "at most") or a range.
QUALIFIERS = ("about", "at_least", "at_most", "range")
ESTIMATE_KINDS = ("count", "projection")  # a projection (what a group "could" grow to) is never a count
FIGURE_KINDS = ("published_total", "earlier_release", "variant")
PUBLISHED = r"^\d{4}-\d{2}(-\d{2})?$"  # a month or a day: some pages give only the month


def _https() -> pa.Column:
    address = pa.Check.str_matches(r"^https://", error="must be an https address")
    return pa.Column(str, address, description="Citation: the page's address")


def _size(description: str) -> pa.Column:
    return pa.Column("int64", pa.Check.gt(0, error="must be a positive number of people"), description=description)


def _low_not_above_high(frame: pd.DataFrame) -> pd.Series:
    return frame["size_low"] <= frame["size_high"]


CARAVANS = table(
    "caravans",
    {
        "caravan_id": text(description="Our short name for the caravan (departure month and a word)"),
        "departure_date": date(description="Day the caravan set out"),
        "origin": text(description="Where it set out from"),
        "size_low": _size("Lowest number of people the estimate states"),
        "size_high": _size("Highest number it states (the same as size_low for a single number)"),
        "qualifier": text(QUALIFIERS, description="about, at_least, at_most or range"),
        "estimate_kind": text(ESTIMATE_KINDS, description="count, or projection (a forecast, not a count)"),
        "estimated_by": text(description="Who gave the number"),
        "publisher": text(description="The outlet whose page we cite"),
        "second_hand": flag("True when that page retells another outlet's report (a copy, rewrite or repost)"),
        "disputed": flag("True when another report contradicts the figure or its attribution"),
        "called_largest_since": text(nullable=True, description="YYYY-MM when the page called it the largest since"),
        "description": text(),
        "source_title": text(),
        "source_url": _https(),
    },
    key=("caravan_id", "estimated_by", "estimate_kind", "source_url"),
    rows_required=True,
    checks=[pa.Check(_low_not_above_high, name="low_not_above_high", error="size_low must not exceed size_high")],
    description="Published size estimates of migrant caravans, one row per estimate, each cited.",
)

HEMISPHERE_FIGURES = table(
    "hemisphere_figures",
    {
        "figure_id": text(),
        "place": text(HEMISPHERE_PLACES),
        "year": integer("Calendar year the figure covers", within=(2000, 2100)),
        "count": pa.Column("int64", pa.Check.ge(0, error="must not be negative"), description="As published"),
        "figure_kind": text(FIGURE_KINDS, description="published_total, earlier_release or variant"),
        "published_by": text(description="The government office whose count it is"),
        "reported_by": text(description="The outlet whose page we cite"),
        "published": pa.Column(str, pa.Check.str_matches(PUBLISHED, error="must be YYYY-MM or YYYY-MM-DD")),
        "note": text(),
        "source_title": text(),
        "source_url": _https(),
    },
    key=("figure_id",),
    rows_required=True,
    description="Yearly Darién and Mexico totals as governments published them, each cited.",
)

CURATED_HEMISPHERE = by_name(CARAVANS, HEMISPHERE_FIGURES)
