"""The glossary the Methods page shows: every word the charts, claims and tables use, by subject.

`tests/test_glossary.py` checks that the words the pages use have an entry here.
"""

GLOSSARY: dict[str, dict[str, str]] = {
    "Who counts, and what": {
        "Encounter": "Any time CBP meets someone it can refuse entry to: a Border Patrol apprehension, an OFO "
        "inadmissible, or a Title 42 expulsion. An encounter is an event, not a person: someone expelled and caught "
        "again is counted each time.",
        "Apprehension": "A Border Patrol arrest of someone who crossed between ports of entry (Title 8).",
        "Inadmissible": "Someone who came to a port of entry and was found not admissible, counted by the Office of "
        "Field Operations (OFO). Since 2023 this includes people who booked a CBP One appointment to present there.",
        "Expulsion": "A quick return under the Title 42 public-health order, without an immigration case.",
        "Title 8 vs Title 42": "Title 8 is ordinary immigration law (removal, asylum screening). Title 42 is a "
        "public-health power used to expel people at the border from March 2020 to May 2023. CBP's files call this "
        "the title of authority.",
        "Encounter type": "Apprehension, inadmissible or expulsion, as above.",
        "CBP": "U.S. Customs and Border Protection, the agency that counts encounters; its two components below.",
        "Components": "U.S. Border Patrol (USBP) works between ports of entry; the Office of Field Operations (OFO) "
        "staffs the ports. 'All Southwest' adds the two.",
        "CBP One": "CBP's phone app for booking an appointment to present at a port of entry (from January 2023).",
        "Demographic": "How CBP groups the people it encounters: single adults, members of a family unit (FMUA), "
        "unaccompanied children (UAC) and accompanied minors.",
        "Family status": "The same idea in DHS's statistics: single adults, people in family units, unaccompanied "
        "children.",
        "Citizenship group": "Our grouping of countries of citizenship for charts (Mexico; Guatemala, Honduras and "
        "El Salvador; the rest of the Western Hemisphere; everywhere else). Tables keep each country.",
        "Darién crossings": "Irregular transits through the Darién, the roadless jungle between Colombia and Panama, "
        "as Panama's migration service (SNM) counts people arriving from the Colombian side. A crossing, not a "
        "person: someone who crosses twice counts twice. Panama published only yearly totals for 2010–2019.",
        "Apprehension events (Mexico)": "Mexico's count of times its authorities detained or presented a foreigner "
        "without papers (Segob's migration policy unit, UPM). Events, not people; a different count from the press "
        "releases of Mexico's migration institute (INM), which must not be mixed with it.",
        "Verdict": "The first line of every claim card: how the claim sits beside the data, decided by a rule the "
        "card states (for a number, within 10% of the closest fitting official figure is 'in line with the data'). "
        "Labels are neutral: in line, higher or lower than the data, not in line, cannot settle it, not checkable.",
        "ClaimReview": "The schema.org format fact-checkers use to publish their checks; the article page offers its "
        "verdicts as a ClaimReview (JSON-LD) download.",
        "Caravan": "A large group of migrants travelling north together, usually from southern Mexico. A caravan's "
        "size is an estimate from reporters or officials, not a CBP count.",
        "INM": "Instituto Nacional de Migración, Mexico's National Migration Institute.",
    },
    "Places": {
        "Southwest border": "The U.S.–Mexico land border, from California to Texas.",
        "Border region": "DHS's split of the land borders: Southwest, Northern (with Canada) and Coastal.",
        "Port of entry": "A place where people and goods may lawfully enter, staffed by OFO. A port can have several "
        "crossings (bridges, pedestrian gates, rail bridges); a closure may stop one crossing or one kind of traffic.",
        "Port code": "CBP's four-digit number for a port (Lukeville is 2602); the first two digits name the CBP "
        "district.",
        "Sector": "The stretch of border one Border Patrol office covers. The Southwest has nine: San Diego, "
        "El Centro, Yuma, Tucson, El Paso, Big Bend, Del Rio, Laredo and Rio Grande Valley.",
        "Field office": "The OFO office that runs the ports of one area (on the Southwest border: San Diego, Tucson, "
        "El Paso and Laredo).",
        "Area of responsibility": "The territory a Border Patrol sector or an OFO field office covers; CBP's "
        "Nationwide file counts encounters by it.",
    },
    "Crossings at ports": {
        "Inbound crossings": "Entries into the United States at a land port, counted by CBP and published by the "
        "Bureau of Transportation Statistics (BTS). Only inbound traffic is counted.",
        "BTS measures": "What BTS counts, each in its own unit: personal vehicles and their passengers, pedestrians, "
        "buses and bus passengers, trucks, loaded and empty truck containers, trains, train passengers, loaded and "
        "empty rail containers. A vehicle is not a person, so measures are never added up.",
        "Closure": "A suspension of a port, a crossing or one kind of traffic there, from the day it began to the "
        "day the sources give as its end; both days count as closed, so 18 to 22 December is 5 days.",
        "Same month a year earlier": "Ports and seasons vary through the year, so a closure month is compared with "
        "the same month twelve months before.",
    },
    "Time": {
        "Fiscal year": "The federal year from 1 October to 30 September, named by the year it ends in: December 2023 "
        "is in FY2024.",
        "Calendar year": "January to December. A year the data cover only partly is marked as incomplete.",
        "Per-day average": "The month's encounters divided by its days, so a 28-day February and a 31-day March "
        "compare fairly. Monthly data cannot show single days.",
        "Rank and record": "A month's place among all months of its series by per-day average (#1 is the highest); a "
        "record is a month no earlier month beat.",
        "Year-over-year change": "The change in the per-day average from the same month a year earlier.",
    },
    "The data themselves": {
        "Release (vintage)": "Publishers put out a new file every month or so. The release month of the file we hold, "
        "written like 2025-09, is its vintage; the Data page says which one each chart uses.",
        "Revisions between releases": "Each monthly CBP release restates earlier months a little as records are "
        "updated. We keep every vintage and show the differences (the reconciliation table on Data & downloads).",
        "Rounding in OHSS files": "DHS's Office of Homeland Security Statistics (OHSS) rounds every count to the "
        "nearest 10. Totals of rounded numbers can differ from exact counts by a few tens.",
        "Other": "In a chart that names its largest categories, the rest added together.",
    },
}


def terms() -> dict[str, str]:
    """Every term and its meaning, whatever its subject."""
    return {term: meaning for section in GLOSSARY.values() for term, meaning in section.items()}
