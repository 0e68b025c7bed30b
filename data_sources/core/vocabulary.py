"""The words the tables use, written once: components, regions, event kinds, month names, sectors.

Publishers spell the same thing differently (CBP "Del Rio Sector", OHSS "Del Rio, TX"); every
module that needs one of these names imports it from here rather than typing it again.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

# Components of the Southwest series, as CBP labels them, and the total of both.
USBP = "U.S. Border Patrol"
OFO = "Office of Field Operations"
ALL_SOUTHWEST = "All Southwest (USBP + OFO)"
COMPONENTS = (USBP, OFO)
SERIES_COMPONENTS = (ALL_SOUTHWEST, USBP, OFO)
COMPONENT_SHORT = {USBP: "Border Patrol", OFO: "OFO", ALL_SOUTHWEST: "All Southwest"}

# OHSS land border regions.
SOUTHWEST_REGION = "Southwest Land Border"
REGIONS = ("Coastal Border", "Northern Land Border", SOUTHWEST_REGION)

# Places of the hemisphere series (IOM gdidata compilations of Panama's and Mexico's official counts):
# Darién counts irregular transits into Panama from Colombia; Mexico counts apprehension "events".
DARIEN = "Darién (Panama)"
MEXICO = "Mexico"
HEMISPHERE_PLACES = (DARIEN, MEXICO)

# Kinds of dated event in `reference/events.csv`, and the groups charts draw.
ADMINISTRATION = "administration"  # an inauguration: where one administration's months start
EVENT_KINDS = ("port_closure", "rail_closure", "policy", "meeting", "caravan", ADMINISTRATION)
CLOSURE_KINDS = ("port_closure", "rail_closure")
MARKER_KINDS = ("policy", "meeting", "caravan")  # drawn on claim and port charts
POLICY_KINDS = ("policy", ADMINISTRATION)  # drawn on long explorer series

# Month names (English), from the standard library rather than typed lists.
MONTH_NAMES = tuple(calendar.month_name)[1:]  # "January" … "December"
MONTH_ABBREVIATIONS = tuple(name[:3].upper() for name in MONTH_NAMES)  # "JAN" … "DEC", as CBP writes them

# The nine Border Patrol sectors on the Southwest border, in alphabetical order, as CBP lists them.
SOUTHWEST_SECTORS = (
    "Big Bend",
    "Del Rio",
    "El Centro",
    "El Paso",
    "Laredo",
    "Rio Grande Valley",
    "San Diego",
    "Tucson",
    "Yuma",
)

_STATE_SUFFIX = re.compile(r",\s*[A-Z]{2}$")


def sector_name(names: pd.Series) -> pd.Series:
    """One name per Border Patrol sector: 'Del Rio Sector' (CBP) and 'Del Rio, TX' (OHSS) → 'Del Rio'."""
    return names.str.strip().str.removesuffix(" Sector").str.replace(_STATE_SUFFIX, "", regex=True)
