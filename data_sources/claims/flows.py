"""Whether a number counts a flow across the border at all, or something else: money, ages, years,
distances, days of a month, populations, caps, thresholds, capacities, plans, crowds in a camp, or
enforcement away from the border (and which data would check that).

The filters `finder.py` applies before it reads a number's unit, rate and period with `phrases.py`;
apart from it so that each keeps to its own question. Like those, each looks at a bounded window
around the number.
"""

from __future__ import annotations

import re

from data_sources.claims.phrases import BORDER, NEAR_CHARS, NOCASE

__all__ = ["away_from_border", "data_needed", "is_count", "is_crowd", "is_flow"]

NOT_MIGRATION_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}(?:pills|pounds|kilograms|kilos|grams|doses|bundles|packages)\b|"
    r"^\s*(?:%|percent|per\s*cent|-?year-?old|years?\s+old|years?\b|dollars|\$|miles?|mi\b|km|kilomet\w+|"
    r"feet|foot|yards?|meters?|metres?|votes?|seats?|lawmakers|senators|members of congress|hours?|minutes?|"
    r"days?\b(?!\s+(?:of|worth))|weeks?|months?|pages?|troops|soldiers|agents|officers|national guard|beds|"
    r"buses|vehicles|cars|trucks|points|degrees|acres|tons|-page|countries|nations|states|cities|towns|"
    r"counties|employees|staff|personnel|cases\b|shelters|sites|facilities|judges|attorneys|lawyers|"
    r"(?:billion|million)?\s*(?:in|of)\s+(?:aid|funding|dollars|military)|flights|planes|agencies|languages|"
    r"o'clock|a\.m\.|p\.m\.|pounds|kilograms|grams|doses|deaths?\b|bodies|dead\b|died|drown|"
    r"(?:National\s+)?Guard\b|active-duty|visas?|deputies|Marines|sailors|pills|rounds|guns|weapons|:\d|decades?|centuries|"
    r"(?:straight|consecutive|more|full|previous|past|straight)\s+(?:days|weeks|months|years)|"
    r"(?:asylum\s+)?(?:claims|applications|requests|petitions|cases)|(?:senior\s+|U\.S\.\s+|federal\s+)?"
    r"(?:officials|sources|reporters|experts|analysts|witnesses|advocates|people\s+familiar))",
    NOCASE,
)
MONEY_BEFORE = re.compile(
    r"(?:\$|USD|US\$|€|£)\s*$|\bage(?:d)?\s*$|\bvoted?\s*$|\b(?:No\.|number|Title|Section|Proclamation|Article|"
    r"Chapter|Rule|page|Route|Highway|Interstate|I-|Executive Order|Order|Bill|H\.R\.|S\.|District|Gate|Mile|"
    r"Level|Phase|Room|Camp|Exit|Pier|Bridge|Proposition|Prop\.|Resolution|Act|Law|round|SB|HB|AB|Senate Bill|"
    r"House Bill|as young as|as old as|ages?)\s*$|:\s*$",
    NOCASE,
)
YEARS = re.compile(r"(?:between\s+)?(?:19|20)\d{2}(?:\s*(?:-|–|to|and)\s*(?:19|20)\d{2})?", NOCASE)
MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
MONTH_AFTER = re.compile(
    r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
# A count of people that is no flow of migrants: a population, a cap, a threshold, a capacity, a plan.
NOT_A_FLOW_BEFORE = re.compile(
    r"\b(?:population|residents|inhabitants|city of|town of|community of|nation of|country of|home to|cap(?:ped)?|"
    r"limit(?:ed)?|quota|allow(?:s|ed|ing)?|permit(?:s|ted)?|authoriz\w+|admit\w*|up to|ceiling|threshold|"
    r"trigger\w*|exceeds?|surpass(?:es)?|once|pass(?:es)?|"
    r"(?:falls?|drops?|stays?|remains?|dips?|goes|go)\s+below|above an average of|average(?:s)? (?:more|less) than|"
    r"capacity|hold|house|"
    r"room for|space for|beds? for|plans?|planned|planning|aims?|aimed|goal|target|(?-i:would|will|could|might|may)"
    r"(?!\s+have)|promised|pledged|vowed|wants? to|seeks? to|expects?|expected|projected|forecast|"
    r"estimates? that up to|"
    r"appointments?|slots?|budget\w*|fund\w*|hire|hiring|deploy\w*|shortage of|no more than)\b.{0,40}$",
    NOCASE,
)
NOT_A_FLOW_AFTER = re.compile(
    r"^[^,;.]{0,40}\b(?:appointments?|slots?|residents|inhabitants|live|lives|living|reside|population|"
    r"(?-i:would|will|could|might)|per\s+(?:program|month)\s+under|under the (?:program|rule)|"
    r"(?:are|is)\s+(?:expected|projected|forecast|likely)|expected\s+to|"
    r"(?:were|was|been|being)\s+(?:bused|flown|transported|relocated|released|resettled)|"
    r"threshold|cap|limit|capacity|beds)\b",
    NOCASE,
)
CROWD = re.compile(
    r"\b(?:camped|camping|camps?|encampments?|shelters?|housed|houses|housing|holds?|held|staying|stay|waiting|"
    r"wait|stranded|sleeping|living|lived|live|gathered|crowded|crammed|room\s+for|built\s+for|lined\s+up|in\s+line|"
    r"queued?|stadium|rall(?:y|ied)|protest\w*|demonstrat\w*)\b",
    NOCASE,
)
ENFORCEMENT = re.compile(r"\b(?:arrest\w*|detain\w*|detention|raids?|picked\s+up)\b", NOCASE)
AWAY = re.compile(
    r"\b(?:ICE|Immigration and Customs Enforcement|deport\w*|removals?|removed|removing)\b|"
    r"\bMexic\w*\s+(?:\w+\s+){0,3}?"
    r"(?:detained|detentions?|apprehended|apprehensions?|arrested|stopped)\b",
    NOCASE,
)


def is_count(head: str, text: str, tail: str, value: float) -> bool:
    """Whether a number may count people, crossings or the like (not money, ages, years, distances,
    days of a month, ordinals, names like 'Title 42').

    `head` and `tail` are the few words around the number (`WINDOW_CHARS`), not the whole sentence.
    """
    near = head[-NEAR_CHARS:]
    # each of MONEY_BEFORE's words ends where the spaces before the number start, at most 16 characters on
    if MONEY_BEFORE.search(near, max(0, len(near.rstrip()) - 16)) or NOT_MIGRATION_AFTER.match(tail):
        return False
    if YEARS.fullmatch(text):
        return False  # a year or a span of years, not a count
    if MONTH_BEFORE.search(near):
        return False  # a day of the month ("January 4", "Sept. 30")
    if MONTH_AFTER.match(tail):
        return False  # "30 September"
    return value >= 1


def is_crowd(head_clause: str, tail_clause: str) -> bool:
    """A crowd in a camp, a shelter's count, people waiting somewhere: a stock, not a flow across."""
    return bool(CROWD.search(head_clause[-50:]) or CROWD.search(tail_clause[:50]))


def away_from_border(sentence: str, border_before: bool, border: bool | None = None) -> bool:
    """Enforcement away from the border (ICE arrests, removals, deportations, another country's
    detentions): counts no dataset we hold measures. `border`: whether the sentence names the
    border (`BORDER`), when already read."""
    if AWAY.search(sentence):
        return True
    if border is None:
        border = bool(BORDER.search(sentence))
    return not border and not border_before and bool(ENFORCEMENT.search(sentence))


def data_needed(sentence: str) -> str:
    """Which data would check an enforcement count we cannot check, in plain words."""
    if re.search(r"\bMexic\w*", sentence) and not re.search(r"\bU\.S\.|United States", sentence):
        return "Mexico's own counts of migrants detained (its migration policy unit's monthly bulletins)"
    if re.search(r"\bdeport\w*|\bremov\w*", sentence, NOCASE):
        return "removal and deportation counts (ICE's annual report, DHS's Yearbook of Immigration Statistics)"
    if re.search(r"\bICE\b|Immigration and Customs Enforcement|interior", sentence, NOCASE):
        return "ICE's enforcement statistics (arrests and detentions away from the border)"
    return "a count of this kind of enforcement, which our border encounter data do not hold"


def is_flow(head_clause: str, tail_clause: str) -> bool:
    """False for people counts that are not migration flows: a town's population, a program's cap,
    a threshold in a rule, an appointment capacity, a plan or a forecast."""
    return not (NOT_A_FLOW_BEFORE.search(head_clause) or NOT_A_FLOW_AFTER.match(tail_clause))
