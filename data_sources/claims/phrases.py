"""What a number in a sentence counts, and at what rate and where: the words around it.

Rules, not a language model: the phrases that matter in border stories are few and regular, and
spaCy and friends would need model downloads at run time. `finder.py` puts them together; `when.py`
reads the periods. Each rule looks at a bounded window around a number (its clause, at most
`WINDOW_CHARS` either side), so reading stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NOCASE = re.IGNORECASE
DEMONYMS = (
    r"Venezuelans|Cubans|Haitians|Mexicans|Guatemalans|Hondurans|Salvadorans|Nicaraguans|Colombians|Ecuadorians|"
    r"Peruvians|Brazilians|Chinese\s+(?:nationals|migrants|citizens)|Indians|Ukrainians|Russians|Africans|nationals"
)
UNITS = [  # (pattern after the number, unit)
    (
        r"(?:(?:undocumented\s+|illegal\s+|unauthorized\s+)?(?:migrants?|people|persons|individuals|immigrants|"
        r"asylum[- ]seekers|noncitizens|aliens|border[- ]crossers|crossers|men,? women and children|adults|"
        r"members|travell?ers|refugees|pedestrians|passengers|commuters|" + DEMONYMS + r"))",
        "people",
    ),
    (r"(?:railway|rail)\s+crossings?|railway\s+bridges?|rail\s+bridges?|international\s+bridges?|bridges", "ports"),
    (r"(?:(?:border|migrant|southwest(?:ern)?|southern\s+border)\s+)?encounters?", "encounters"),
    (r"(?:(?:border|migrant)\s+)?(?:apprehensions?|arrests?|detentions?|catches)", "apprehensions"),
    (r"(?:illegal\s+|unlawful\s+|irregular\s+)?(?:border\s+)?crossings?", "crossings"),
    (r"(?:expulsions?)", "expulsions"),
    (r"(?:removals?|deportations?|deportees|returns)", "removals"),
    (r"(?:unaccompanied\s+)?(?:children|minors|kids|teenagers)", "children"),
    (r"(?:families|family\s+units?|family\s+members)", "families"),
    (r"(?:key\s+)?(?:border\s+)?(?:ports?(?:\s+of\s+entry)?|border\s+posts?|crossing\s+points?)", "ports"),
    (r"(?:gotaways|got-?aways|known\s+evasions|evasions)", "gotaways"),
    (r"times", "times"),
]
UNIT_AFTER = [(re.compile(rf"^(?:\W*[\w'’-]+\W+){{0,3}}?({pattern})\b", NOCASE), unit) for pattern, unit in UNITS]
UNIT_ANYWHERE = [(re.compile(rf"\b{pattern}\b", NOCASE), unit) for pattern, unit in UNITS if unit != "times"]
VERB_UNITS = [
    (re.compile(r"\b(?:encountered|encountering|encounter)\b", NOCASE), "encounters"),
    (
        re.compile(r"\b(?:apprehended|apprehending|arrested|arresting|detained|caught|catching|stopped)\b", NOCASE),
        "apprehensions",
    ),
    (re.compile(r"\b(?:crossed|crossing|cross)\b", NOCASE), "crossings"),
    (re.compile(r"\b(?:expelled|expelling)\b", NOCASE), "expulsions"),
    (re.compile(r"\b(?:deported|deporting|removed|removing)\b", NOCASE), "removals"),
    (re.compile(r"\b(?:walked|arrived|entered|trekked|made the trip|fled|came)\b", NOCASE), "people"),
]
CONTEXT = re.compile(
    r"\b(?:border|migra\w*|immigra\w*|asylum|caravan|encounter\w*|apprehen\w*|crossings?|crossed|Border Patrol|"
    r"CBP|ports? of entry|ports?|Title 42|Title 8|expelled|expulsions?|gotaways|undocumented|illegally|agents?|"
    r"arriv\w+|convoy|inadmissibles?|deport\w*|removals?|ICE|arrest\w*|detain\w*|bridges?|sectors?|"
    r"Darién|Darien|noncitizens?|aliens?|removed|stopped(?=[^;]{0,30}\btimes\b))\b",
    NOCASE,
)
SECTORS = r"Big Bend|Del Rio|El Centro|El Paso|Laredo|Rio Grande Valley|San Diego|Tucson|Yuma|Marfa|Lukeville|Nogales"
BORDER = re.compile(
    r"\b(?:border|Border Patrol|CBP|ports? of entry|crossings?|crossed|crossing|southwest|Rio Grande|sectors?|"
    r"Customs and Border|Darién|Darien|" + SECTORS + r")\b",
    NOCASE,
)
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
NOT_A_RATE = r"(?!\s+(?:earlier|ago|later))"  # "a month earlier" is a time, not a rate
RATES = [
    (
        re.compile(
            r"\b(?:in|on)\s+(?:a|one)\s+(?:single\s+)?day\b|\bon\s+a\s+single\s+day\b|\bsingle[- ]day\b|"
            r"\bone\s+day\b",
            NOCASE,
        ),
        "single day",
    ),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+day\b{NOT_A_RATE}|\bdaily\b|\bday after day\b|\bon average each day\b",
            NOCASE,
        ),
        "per day",
    ),
    (re.compile(rf"\b(?:a|per|each|every)\s+week\b{NOT_A_RATE}|\bweekly\b", NOCASE), "per week"),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+month\b{NOT_A_RATE}|\bmonthly\b|\bin (?:a|one) (?:single )?month\b", NOCASE
        ),
        "per month",
    ),
    (
        re.compile(
            rf"\b(?:a|per|each|every)\s+year\b{NOT_A_RATE}|\bannually\b|\bannual\b|\bin (?:a|one) year\b", NOCASE
        ),
        "per year",
    ),
]
PORT_WORDS = re.compile(r"\bports?\s+of\s+entry\b", NOCASE)
CARAVAN_BEFORE = re.compile(r"\b(?:caravans?|convoy)\b[^.;]{0,100}$|\b(?:the|this|that)\s+group\b[^.;]{0,40}$", NOCASE)
CARAVAN_AFTER = re.compile(r"^[^.;]{0,50}\b(?:caravans?|convoy|(?:a|one|single|the\s+same)\s+group)\b", NOCASE)
PRESENT = re.compile(
    r"\b(?:now|current|currently|today|these\s+days|(?:is|are)\s+(?:now\s+|still\s+)?\w+ing|cross|arrive|enter|say|says)\b",
    NOCASE,
)
GROUP_OF = re.compile(r"\b(?:groups?|caravans?|convoy)\s+of\s+(?:\w+\s+){0,2}$", NOCASE)
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
CARAVAN = re.compile(r"\b(?:caravans?|convoy)\b", NOCASE)
CLOSURE = re.compile(r"\b(?:clos\w*|shut\w*|suspen\w*|reopen\w*|halt\w*)\b", NOCASE)
WINDOW_CHARS = 160  # the words around a number that say what it counts
NEAR_CHARS = 48  # the words right before it (a currency sign, "aged", "No.", a month name)
CLAUSE_END = re.compile(r"[;:—–()]|,\s|\s-\s|\b(?:while|whereas|but|although)\b", NOCASE)


@dataclass(frozen=True)
class Cues:
    """What a sentence says once, whatever number in it is being read (so reading is linear)."""

    about_migration: bool
    closure: bool
    border: bool
    verb_unit: str


def cues_of(sentence: str) -> Cues:
    verb = next((unit for pattern, unit in VERB_UNITS if pattern.search(sentence)), "")
    return Cues(
        bool(CONTEXT.search(sentence)),
        bool(CLOSURE.search(sentence)),
        bool(BORDER.search(sentence)),
        verb,
    )


def clause_before(head: str) -> str:
    """The part of `head` (the text before a number) in the number's own clause."""
    ends = list(CLAUSE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


def clause_after(tail: str) -> str:
    match = CLAUSE_END.search(tail)
    return tail[: match.start()] if match else tail


def unit_after(tail: str) -> str:
    """The unit noun closest after the number (within four words)."""
    window = " ".join(tail[:WINDOW_CHARS].split()[:6])
    found = [
        (match.start(1), order, unit)
        for order, (pattern, unit) in enumerate(UNIT_AFTER)
        if (match := pattern.match(window))
    ]
    return min(found)[2] if found else ""


def unit_before(clause: str) -> str:
    """A unit noun as the subject before the number in its clause ('Encounters dropped to 140,000'); a
    port named before a number is where it was counted, not what."""
    found = [(m.end(), unit) for pattern, unit in UNIT_ANYWHERE if unit != "ports" for m in pattern.finditer(clause)]
    return max(found)[1] if found else ""


def unit_in(text: str) -> str:
    """The last unit noun named anywhere in `text` (a previous sentence's subject)."""
    return unit_before(text[-2 * WINDOW_CHARS :])


def rate(text: str) -> str:
    for pattern, found in RATES:
        if pattern.search(text):
            return found
    return ""


def port_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for the port names the data knows (BTS), so a sentence naming one is about a port."""
    words = sorted({str(n).strip() for n in names if str(n).strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None


def place(sentence: str, ports: re.Pattern[str] | None = None) -> str:
    if PORT_WORDS.search(sentence) or (ports is not None and ports.search(sentence)):
        return "port"
    if re.search(r"\bnation(?:wide|ally)\b|\ball (?:U\.S\. )?borders\b|\bacross the country\b", sentence, NOCASE):
        return "nationwide"
    if re.search(
        r"\b(?:southern|southwest(?:ern)?|U\.S\.-Mexico|US-Mexico|Mexican)\s+border\b|\bTexas\b|\bArizona\b",
        sentence,
        NOCASE,
    ):
        return "southwest"
    return "unspecified"


def is_count(head: str, text: str, tail: str, value: float) -> bool:
    """Whether a number may count people, crossings or the like (not money, ages, years, distances,
    days of a month, ordinals, names like 'Title 42').

    `head` and `tail` are the few words around the number (`WINDOW_CHARS`), not the whole sentence.
    """
    near = head[-NEAR_CHARS:]
    if MONEY_BEFORE.search(near) or NOT_MIGRATION_AFTER.match(tail):
        return False
    if re.fullmatch(r"(?:between\s+)?(?:19|20)\d{2}(?:\s*(?:-|–|to|and)\s*(?:19|20)\d{2})?", text, NOCASE):
        return False  # a year or a span of years, not a count
    if re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$", near):
        return False  # a day of the month ("January 4", "Sept. 30")
    if re.match(
        r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", tail
    ):
        return False  # "30 September"
    return value >= 1


def is_crowd(head_clause: str, tail_clause: str) -> bool:
    """A crowd in a camp, a shelter's count, people waiting somewhere: a stock, not a flow across."""
    return bool(CROWD.search(head_clause[-50:]) or CROWD.search(tail_clause[:50]))


def away_from_border(sentence: str, border_before: bool) -> bool:
    """Enforcement away from the border (ICE arrests, removals, deportations, another country's
    detentions): counts no dataset we hold measures."""
    if AWAY.search(sentence):
        return True
    return not BORDER.search(sentence) and not border_before and bool(ENFORCEMENT.search(sentence))


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
