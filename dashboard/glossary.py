"""The glossary the Methods page shows: what the words in the charts and claims mean."""

GLOSSARY = {
    "Encounter": "Any time CBP meets someone it can refuse entry to: a Border Patrol apprehension, an OFO "
    "inadmissible, or a Title 42 expulsion. An encounter is an event, not a person: someone expelled and caught "
    "again is counted each time.",
    "Apprehension": "A Border Patrol arrest of someone who crossed between ports of entry (Title 8).",
    "Inadmissible": "Someone who came to a port of entry and was found not admissible, counted by the Office of "
    "Field Operations (OFO). Since 2023 this includes people who booked a CBP One appointment to present there.",
    "Expulsion": "A quick return under the Title 42 public-health order, without an immigration case.",
    "Title 8 vs Title 42": "Title 8 is ordinary immigration law (removal, asylum screening). Title 42 is a "
    "public-health power used to expel people at the border during the pandemic.",
    "Fiscal year": "The federal year from 1 October to 30 September: December 2023 is in FY2024.",
    "Per-day average": "The month's encounters divided by its days, so a 28-day February and a 31-day March "
    "compare fairly. Monthly data cannot show single days.",
    "Rounding in OHSS files": "DHS's statistics office rounds every count to the nearest 10. Totals of rounded "
    "numbers can differ from exact counts by a few tens.",
    "Revisions between releases": "Each monthly CBP release restates earlier months a little as records are "
    "updated. We keep every vintage and show the differences (the reconciliation table on Data & downloads).",
    "Components": "U.S. Border Patrol (USBP) works between ports of entry; the Office of Field Operations (OFO) "
    "staffs the ports.",
}
