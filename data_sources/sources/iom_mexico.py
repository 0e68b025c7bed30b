"""Apprehension "events" in Mexico by nationality: the statistical bulletin of Mexico's Unidad de
Política Migratoria (UPM, in the interior ministry Segob), table 3.1.1, as IOM's Global Data Institute
compiled it in `iom/gdidata` (`data/irreg_mexico_nat.rda`).

An event is a foreign person presented to Mexico's migration institute (INM) for not holding a legal
status, or (for children) channelled to the DIF family-welfare shelters, each with an administrative
procedure opened. One person presented twice is two events. UPM revises its bulletins, so IOM's copy
can differ a little from totals published first. INM's own press releases count differently (far
larger operational counts) and are never mixed with this series. The file URL is fixed.
"""

from __future__ import annotations

from data_sources.core.vocabulary import MEXICO
from data_sources.sources.iom_gdidata import nationality_source

KEY = "iom_mexico"
OBJECT = "irreg_mexico_nat"
PUBLISHER = "Mexico's Unidad de Política Migratoria (UPM, Segob), compiled by IOM's Global Data Institute"

SOURCE = nationality_source(
    KEY,
    OBJECT,
    MEXICO,
    title="Events of people in an irregular migratory situation, by nationality",
    publisher=PUBLISHER,
    short_publisher="Mexico's UPM",
    description="Foreign people Mexico's migration authority apprehended for lacking legal status (events), "
    "by month and nationality.",
    coverage_note="Month by month, from the first bulletin IOM compiled to the file's last month",
    caveats=(
        "Counts are events, not unique people: someone apprehended twice counts twice.",
        "This is UPM's bulletin series; INM's press releases give far larger operational counts and are not "
        "comparable.",
        "UPM revises its bulletins: IOM's copy can differ a little from the totals first published.",
    ),
)
parse = SOURCE.parse  # R data file → this place's rows of the hemisphere tables
