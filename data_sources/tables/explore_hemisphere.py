"""The explorer over any view, and what the hemisphere views (Panama's Darién, Mexico) need beyond `explore`.

Their months come from `hemisphere_monthly` like any monthly table. Their years cannot: Panama
published its years before monthly tables began only as totals, which are in the annual tables and
never in the monthly one. So a year view takes those whole years from the annual table and adds up
the months of the later years, within the months chosen: a year published only as a total is shown
when the whole year is inside the range (it cannot be cut), and a year of months counts only its
months inside the range, marked partial as everywhere else when it holds fewer than 12.
"""

from __future__ import annotations

import pandas as pd

from data_sources.core.canonical import ANNUAL_AS_PUBLISHED
from data_sources.core.periods import month_start, period_of
from data_sources.tables import explore_notes
from data_sources.tables.explore import days_covered, explore, no_rows, summarise
from data_sources.tables.explore_link import months_of
from data_sources.tables.explore_notes import month_label
from data_sources.tables.explore_views import Query, View


def rows_for(tables: dict[str, pd.DataFrame], view: View, query: Query) -> pd.DataFrame:
    """The chart's rows for any view (see `explore`): a hemisphere view's years from its annual table."""
    if not view.year_tables:
        return explore(tables[view.table], view, query)
    monthly = tables[view.table].rename(columns={"count": "encounters"})
    if query.granularity == "month":
        return explore(monthly, view, query)
    return year_rows(monthly, tables[view.year_tables[query.by]], view, query)


def year_rows(monthly: pd.DataFrame, annual: pd.DataFrame, view: View, query: Query) -> pd.DataFrame:
    """Calendar years: whole years published as totals (from `annual`) and sums of months (from `monthly`)."""
    place = view.filters["place"]
    start, end = month_start(query.start), month_start(query.end)
    whole = _whole_years(annual[annual["place"] == place], start, end)
    months = monthly[(monthly["place"] == place) & monthly["month"].between(start, end)]
    counts = pd.concat(
        [
            whole.rename(columns={"year": "period", "count": "encounters"})[["period", query.by, "encounters"]],
            months.assign(period=months["month"].dt.year)[["period", query.by, "encounters"]],
        ],
        ignore_index=True,
    )
    if counts.empty:
        return no_rows(query)
    covered = pd.concat(
        [_months_of_years(whole["year"].drop_duplicates()), months.assign(period=months["month"].dt.year)],
        ignore_index=True,
    )[["period", "month"]].drop_duplicates()
    return summarise(counts.astype({"period": "int64"}), days_covered(covered), view, query)


def _whole_years(annual: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The years published only as a total whose twelve months all lie between `start` and `end`."""
    published = annual[annual["basis"] == ANNUAL_AS_PUBLISHED]
    january = pd.to_datetime(published["year"].astype(str) + "-01-01")
    return published[(january >= start) & (january + pd.DateOffset(months=11) <= end)]


def _months_of_years(years: pd.Series) -> pd.DataFrame:
    """Every month of each year, as `period` and `month` rows (what a whole-year total covers)."""
    months = [pd.Timestamp(year=int(year), month=number, day=1) for year in years for number in range(1, 13)]
    return pd.DataFrame({"period": [m.year for m in months], "month": pd.Series(months, dtype="datetime64[ns]")})


def view_months(tables: dict[str, pd.DataFrame], view: View) -> list[str]:
    """The months a view's range slider offers: its table's months, and for a hemisphere view also the
    years published only as totals (from their January), so a year view can reach back to them."""
    if not view.year_tables:
        return months_of(tables[view.table])
    place = view.filters["place"]
    table, annual = tables[view.table], tables[view.year_tables["place"]]
    table, annual = table[table["place"] == place], annual[annual["place"] == place]
    first = min(table["month"].min(), pd.Timestamp(year=int(annual["year"].min()), month=1, day=1))
    span = pd.date_range(first, table["month"].max(), freq="MS")
    return [period_of(month) for month in span]


def notes(tables: dict[str, pd.DataFrame], rows: pd.DataFrame, query: Query, view: View) -> list[str]:
    """`explore_notes.notes`, and for a hemisphere view what its months and years are made of."""
    found = explore_notes.notes(rows, query)
    if not view.year_tables:
        return found
    place = view.filters["place"]
    annual = tables[view.year_tables["place"]]
    published = annual.loc[(annual["place"] == place) & (annual["basis"] == ANNUAL_AS_PUBLISHED), "year"]
    monthly = tables[view.table]
    months = monthly.loc[monthly["place"] == place, "month"]
    if not published.empty:
        first = month_label(months.min())
        if query.granularity == "month":
            found.append(
                f"Months start in {first}: for {published.min()}–{published.max()} the publisher gave one total per "
                "year, never a month. Choose Period “Calendar year” to see those years."
            )
        else:
            found.append(
                f"{published.min()}–{published.max()} are totals the publisher gave for the whole year (shown only "
                f"when the months chosen hold the whole year); from {first} each year adds up its months."
            )
    missing = _missing_months(months)
    if missing:
        found.append(f"Not reported by the publisher (missing, not zero): {', '.join(missing)}.")
    if query.by == "citizenship":
        found.append("Nationalities the file does not name are counted there as “Other”, here in “All other”.")
    return found


def _missing_months(months: pd.Series) -> list[str]:
    """Months between a place's first and last monthly count that the publisher did not report."""
    if months.empty:
        return []
    span = pd.date_range(months.min(), months.max(), freq="MS")
    return [month_label(month) for month in span.difference(pd.DatetimeIndex(months.unique()))]
