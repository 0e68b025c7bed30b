"""An "unprecedented surge" across the hemisphere, checked year by year where the movement shows.

People heading for the U.S. from South America cross Panama's Darién and are apprehended in Mexico
long before they reach the U.S. border, so the check reads both of those series (yearly, from the
IOM compilations) and sets the U.S. Southwest calendar-year count beside them. Each series' year is
set against every earlier year (its rank, the previous high) and against all earlier years added up.

Only the hemisphere series decide the verdict: the claim is about movement across the region, and
U.S. encounters count arrivals at one border under changing U.S. rules. Partial years are said to be
partial; a year a series lacks is said to be missing, never filled in. Other totals published for
those years are set beside them (`hemisphere_figures.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_sources.claims import wording as w
from data_sources.claims.context import ChartSpec, Claim, ClaimContext, Evaluator, Needs, Tables
from data_sources.claims.evaluators.hemisphere_figures import (
    alternative_sentences,
    published_citations,
    published_sentences,
    series_of,
)
from data_sources.claims.params import ParamError, Params, check_choice
from data_sources.claims.verdict import IN_LINE, NOT_IN_LINE, UNSETTLED, Verdict, not_checkable
from data_sources.core.vocabulary import COMPONENT_SHORT, DARIEN, HEMISPHERE_PLACES, MEXICO, SERIES_COMPONENTS, USBP

ANNUAL, US_YEARS, FIGURES = "hemisphere_annual", "southwest_calendar_year_totals", "hemisphere_figures"
NEEDS = Needs((ANNUAL,), "yearly Darién crossings and Mexico apprehension counts")
WHAT = {DARIEN: "crossings", MEXICO: "apprehension events"}
US_BASIS = "sum of monthly counts"
RULE = (
    "A surge called unprecedented is in line with the data when the claim's year is higher than every earlier "
    "year in each hemisphere series we hold (Darién crossings, Mexico's apprehension events); not in line when "
    "an earlier year was higher in every one of them; otherwise, or where the year is incomplete or missing, the "
    "data cannot settle it. U.S. Southwest encounters are shown beside them but do not decide: they count "
    "arrivals at one border, under U.S. rules that changed over the years."
)
CAVEAT = (
    "These series count crossings and apprehension events, not people: one person may be counted more than once "
    "in a series, and the same person can appear in all three (crossing the Darién, stopped in Mexico, "
    "encountered at the U.S. border)."
)


@dataclass(frozen=True)
class HemisphereSurgeParams(Params):
    year: str | None = None  # the year the surge is claimed for (YYYY); unset, the claim's own year
    us_component: str = USBP  # the U.S. Southwest series set beside them (Border Patrol reaches back to 2000)

    def __post_init__(self) -> None:
        if self.year is not None and not (self.year.isdigit() and len(self.year) == 4):
            raise ParamError("year", f"not a YYYY year: {self.year!r}")
        check_choice("us_component", (self.us_component,), SERIES_COMPONENTS)


@dataclass(frozen=True)
class Standing:
    """Where the claim's year stands in one series: 'highest', 'not highest', 'incomplete' or 'missing'."""

    place: str
    status: str
    sentence: str
    compared: str  # the figure it was set against, for the verdict


def hemisphere_surge(claim: Claim, params: HemisphereSurgeParams, tables: Tables) -> ClaimContext:
    year = int(params.year) if params.year else claim.month.year
    annual, figures = tables[ANNUAL], tables.get(FIGURES, pd.DataFrame())
    places = [p for p in HEMISPHERE_PLACES if p in set(annual["place"])]
    standings = [_standing(series_of(annual, p), p, year) for p in places]
    us = _us_series(tables, params.us_component)
    sentences = [
        *[s.sentence for s in standings],
        *alternative_sentences(annual, figures, year),
        *published_sentences(annual, figures, year),
        *([_us_sentence(us, params.us_component, year)] if not us.empty else []),
    ]
    frame = chart_rows(annual, places, us, params.us_component)
    first, last = int(frame["year"].min()), int(frame["year"].max())
    chart = ChartSpec(
        "hemisphere_years",
        frame,
        f"Crossings and apprehensions per year, {w.listing([*places, *(['the U.S. border'] if len(us) else [])])}, "
        f"{first}–{last}",
        f"hemisphere_per_year_{first}_{last}.csv",
        {"highlight": year},
    )
    sources = [
        *dict.fromkeys(annual.get("source", pd.Series(dtype=str))),
        *(["cbp_sbo", "ohss_usbp"] if len(us) else []),
    ]
    return ClaimContext(
        sentences,
        [chart],
        [CAVEAT, *claim.caveats],
        sources,
        published_citations(figures, places, year, annual),
        _verdict(standings, year),
    )


def _standing(series: pd.DataFrame, place: str, year: int) -> Standing:
    """The claim's year against every earlier year of one series, in a sentence."""
    noun, first, last = WHAT[place], int(series["year"].min()), int(series["year"].max())
    row = series[series["year"] == year]
    if row.empty:
        sentence = f"{place}: the series we hold runs from {first} to {last}, without {year}."
        return Standing(place, "missing", sentence, f"{place}: no {year} in the series")
    this = row.iloc[0]
    if not this["complete"]:
        sentence = (
            f"{place}: {year} is in the series only in part ({this['months']} months, {w.count(this['count'])} {noun})."
        )
        return Standing(place, "incomplete", sentence, f"{place}: {year} incomplete")
    earlier, later = series[series["year"] < year], series[series["year"] > year]
    count = int(this["count"])
    higher = earlier[earlier["count"] >= count]
    head = f"{place}: {w.count(count)} {noun} in {year}"
    if earlier.empty:
        return Standing(place, "missing", f"{head}, the first year of the series.", f"{place}: no earlier year")
    total, partial = int(earlier["count"].sum()), _years(earlier[~earlier["complete"]])
    combined = (
        f"{w.change(count, total)} all {w.counted(len(earlier), 'earlier year')} combined ({w.count(total)}"
        + (f", with {partial}" if partial else "")
        + ")"
    )
    if higher.empty:
        top = earlier.sort_values("count").iloc[-1]
        sentence = (
            f"{head}, the highest of the {len(earlier) + 1} years since {first}: {count / top['count']:.1f} times the "
            f"previous high ({w.count(top['count'])} in {top['year']}) and {combined}."
        )
        status = "highest"
        compared = f"{place}, {w.count(count)} {noun} (previous high {w.count(top['count'])} in {top['year']})"
    else:
        above = w.listing([f"{y} ({w.count(c)})" for y, c in zip(higher["year"], higher["count"], strict=True)])
        sentence = f"{head}, below or equal to {above}; {combined}."
        status, compared = "not highest", f"{place}, {w.count(count)} {noun} (as high or higher: {above})"
    return Standing(place, status, sentence + _later(later), compared)


def _years(rows: pd.DataFrame) -> str:
    """'2020 held for 9 months only': years a series holds only in part."""
    return w.listing([f"{y} held for {m} months only" for y, m in zip(rows["year"], rows["months"], strict=True)])


def _later(later: pd.DataFrame) -> str:
    if later.empty:
        return ""
    told = [
        f"{y}: {w.count(c)}" + ("" if done else f" in {m} months only")
        for y, c, m, done in zip(later["year"], later["count"], later["months"], later["complete"], strict=True)
    ]
    return f" Since then: {w.listing(told)}."


def _us_series(tables: Tables, component: str) -> pd.DataFrame:
    """A U.S. Southwest component by calendar year, from its first complete year on (empty without the table)."""
    totals = tables.get(US_YEARS)
    if totals is None:
        return pd.DataFrame()
    rows = totals[totals["component"] == component].sort_values("calendar_year")
    complete = rows.loc[rows["complete"], "calendar_year"]
    return rows[rows["calendar_year"] >= complete.min()] if not complete.empty else rows.iloc[0:0]


def _us_sentence(us: pd.DataFrame, component: str, year: int) -> str:
    who = f"the U.S. Southwest border ({COMPONENT_SHORT[component]})"
    row = us[us["calendar_year"] == year]
    if row.empty or not row["complete"].iloc[0]:
        return f"At {who}, calendar {year} is not complete in our data."
    count = int(row["encounters"].iloc[0])
    earlier = us[(us["calendar_year"] < year) & us["complete"]]
    higher = earlier[earlier["encounters"] > count]
    head = (
        f"At {who}: {w.count(count)} encounters in calendar {year}, #{len(higher) + 1} of "
        f"{len(earlier) + 1} complete years since {int(us['calendar_year'].min())}"
    )
    if higher.empty:
        return head + "."
    named = w.listing(
        [f"{y} ({w.count(c)})" for y, c in zip(higher["calendar_year"], higher["encounters"], strict=True)]
    )
    return f"{head}; only {named} {'was' if len(higher) == 1 else 'were'} higher."


def _verdict(standings: list[Standing], year: int) -> Verdict:
    deciding = [s for s in standings if s.status in ("highest", "not highest")]
    if not deciding:
        return not_checkable(f"the hemisphere series we hold do not have all of {year}")
    highest = [s.place for s in deciding if s.status == "highest"]
    compared = w.listing([s.compared for s in standings])
    if len(highest) == len(standings):
        summary = f"{year} was the highest year so far in every hemisphere series we hold: {compared}."
        return Verdict(IN_LINE, summary, RULE, compared)
    if not highest and len(deciding) == len(standings):
        summary = f"In every hemisphere series we hold, an earlier year was as high as {year} or higher."
        return Verdict(NOT_IN_LINE, summary, RULE, compared)
    others = [s.place for s in standings if s.place not in highest]
    summary = (
        f"{year} was the highest year so far in {w.listing(highest) or 'none of the series'}, but not in "
        f"{w.listing(others)} (or the year is incomplete there)."
    )
    return Verdict(UNSETTLED, summary, RULE, compared)


def chart_rows(annual: pd.DataFrame, places: list[str], us: pd.DataFrame, component: str) -> pd.DataFrame:
    """One row per point drawn: each place's years, then the U.S. component's calendar years."""
    columns = ["series", "year", "count", "what", "months", "complete", "basis"]
    hemisphere = pd.concat([series_of(annual, p) for p in places])
    pieces = [hemisphere.assign(series=hemisphere["place"], what=hemisphere["place"].map(WHAT))[columns]]
    if not us.empty:
        pieces.append(
            pd.DataFrame(
                {
                    "series": component,
                    "year": us["calendar_year"],
                    "count": us["encounters"],
                    "what": "Southwest border encounters",
                    "months": us["months"],
                    "complete": us["complete"],
                    "basis": US_BASIS,
                }
            )
        )
    return pd.concat(pieces, ignore_index=True).astype({"year": "int64", "count": "int64", "months": "int64"})


EVALUATOR = Evaluator("hemisphere_surge", hemisphere_surge, HemisphereSurgeParams, NEEDS)
