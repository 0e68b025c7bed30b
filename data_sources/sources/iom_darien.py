"""Irregular transits through Panama's Darién by nationality: Panama's Servicio Nacional de Migración
(SNM), as IOM's Global Data Institute compiled them in `iom/gdidata` (`data/irreg_darien_nat.rda`).

SNM publishes monthly tables of the people it registers after they cross the Darién jungle from
Colombia ("tránsito irregular de extranjeros por la frontera con Colombia"). IOM keeps them as one R
data frame; this reads it as published. Years before SNM's monthly tables are single annual totals
that IOM stored at January: they stay annual (see `iom_gdidata.annual_total_years`). The file URL is
fixed (the repository's main branch), so a refresh simply downloads it again and keeps it only if
it changed and passes validation.
"""

from __future__ import annotations

from data_sources.core.vocabulary import DARIEN
from data_sources.sources.iom_gdidata import nationality_source

KEY = "iom_darien"
OBJECT = "irreg_darien_nat"
PUBLISHER = "Panama's Servicio Nacional de Migración (SNM), compiled by IOM's Global Data Institute"

SOURCE = nationality_source(
    KEY,
    OBJECT,
    DARIEN,
    title="Irregular transits through the Darién, by nationality",
    publisher=PUBLISHER,
    short_publisher="Panama's SNM",
    description="People Panama registered after crossing the Darién jungle from Colombia, by month (by year "
    "before monthly tables begin) and nationality.",
    coverage_note="One total per year until SNM's monthly tables begin, then month by month to the file's last month",
    caveats=(
        "Counts are crossings registered by Panama, not unique people: someone who crossed twice counts twice.",
        "Years published only as a total (stored by IOM at January) are kept as annual totals, never as a month.",
        "Months the publisher did not report stay missing, not zero; a year with missing months is marked partial.",
        "Children born in Chile or Brazil to parents of another nationality (often Haitian) are counted as "
        "Chilean or Brazilian.",
        "IOM compiled the file from SNM's tables; figures SNM or Panama's ministers quoted elsewhere sometimes "
        "differ slightly.",
    ),
)
parse = SOURCE.parse  # R data file → this place's rows of the hemisphere tables
