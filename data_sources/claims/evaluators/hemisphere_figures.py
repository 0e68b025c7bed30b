"""The other totals published for the hemisphere series' years (the `hemisphere_figures` table), set
beside the yearly series the surge check reads: higher totals of earlier years, the government's own
totals for the claim's year and for partial years, and the citations of them all.

Apart from `hemisphere_surge.py`, which decides the verdict from the series alone: these figures
only tell the reader how far the published record agrees with the series.
"""

from __future__ import annotations

import pandas as pd

from data_sources.claims import wording as w
from data_sources.claims.context import Citation, records
from data_sources.claims.rows import RECONSTRUCTED
from data_sources.core.vocabulary import HEMISPHERE_PLACES

__all__ = ["alternative_sentences", "published_citations", "published_sentences", "series_of"]


def series_of(annual: pd.DataFrame, place: str) -> pd.DataFrame:
    """One place's rows of the yearly hemisphere table, oldest year first."""
    return annual[annual["place"] == place].sort_values("year")


def alternative_sentences(annual: pd.DataFrame, figures: pd.DataFrame, year: int) -> list[str]:
    """Earlier years with other published totals: do the earlier years, so counted, still add up to less?"""
    if figures.empty:
        return []
    sentences = []
    for place in HEMISPHERE_PLACES:
        series = series_of(annual, place)
        earlier = series[series["year"] < year].set_index("year")["count"]
        variants = figures[(figures["place"] == place) & (figures["figure_kind"] == "variant")]
        others = variants[variants["year"].isin(earlier.index)].groupby("year")["count"].max()
        higher = others[others > earlier.reindex(others.index)]
        this = series.loc[series["year"] == year, "count"]
        if higher.empty or this.empty:
            continue
        total = int(earlier.drop(higher.index).sum() + higher.sum())
        sentences.append(
            f"{place}: with the higher totals also published for {w.listing([str(y) for y in higher.index])}, the "
            f"earlier years add up to {w.count(total)}; {year} is {w.change(int(this.iloc[0]), total)} that."
        )
    return sentences


def published_sentences(annual: pd.DataFrame, figures: pd.DataFrame, year: int) -> list[str]:
    """The series' total for the claim's year (and for partial years) beside what the government published."""
    if figures.empty:
        return []
    sentences = []
    totals = figures[figures["figure_kind"] == "published_total"].sort_values("published")
    for place in HEMISPHERE_PLACES:
        series = series_of(annual, place).set_index("year")
        wanted = [*series.index[~series["complete"] & (series.index < year)], year]
        wanted += list(series.index[~series["complete"] & (series.index > year)])
        for y in wanted:
            published = totals[(totals["place"] == place) & (totals["year"] == y)]
            if y not in series.index or published.empty:
                continue
            figure, held = published.iloc[-1], series.loc[y]
            value, who, outlet = int(figure["count"]), figure["published_by"], figure["reported_by"]
            gap = int(held["count"]) - value
            if not held["complete"]:
                same = ", the same as the months the series holds" if gap == 0 else ""
                sentences.append(
                    f"{place}: the series holds {held['months']} months of {y}; {who} put the whole year at "
                    f"{w.count(value)}{same} (reported by {outlet})."
                )
            elif gap:
                sentences.append(
                    f"{place}: the series' {y} total is {w.count(abs(gap))} {'above' if gap > 0 else 'below'} the "
                    f"{w.count(value)} that {who} published (reported by {outlet}): releases differ and are revised."
                )
            else:
                sentences.append(f"{place}: the series' {y} total is the one {who} published (reported by {outlet}).")
    return sentences


def published_citations(figures: pd.DataFrame, places: list[str], year: int, annual: pd.DataFrame) -> list[Citation]:
    """Published totals for the claim's year, for years the series holds in part, and other totals of earlier years."""
    if figures.empty:
        return []
    partial = set(zip(annual.loc[~annual["complete"], "place"], annual.loc[~annual["complete"], "year"], strict=True))
    wanted = (figures["year"] == year) | ((figures["figure_kind"] == "variant") & (figures["year"] < year))
    wanted |= pd.Series([key in partial for key in zip(figures["place"], figures["year"], strict=True)], figures.index)
    chosen = figures[wanted & figures["place"].isin(places)].sort_values(["place", "year", "published"])
    return [
        Citation(
            f"{f['place']}, {f['year']}: {w.count(f['count'])} ({f['published_by']}; "
            f"{str(f['figure_kind']).replace('_', ' ')}). {f['note']}",
            str(f["source_title"]).replace(RECONSTRUCTED, "").strip(),
            f["source_url"],
        )
        for f in records(chosen)
    ]
