"""Find the checkable numeric claims in a story about the border, with careful rules.

For each sentence: find numbers ("10,000", "ten thousand", "2.5 million", "nearly 300,000",
"between 9,000 and 10,000"), drop the ones that are not about migration (money, ages, years,
distances, votes, percentages), read the unit ("people", "encounters", "apprehensions", …), the rate
("a day", "per month", "in fiscal year 2023"), the place (Southwest border, nationwide, a port) and
the period (from the text, else the article's month when it says "now" or "every day"), then
propose the metric that checks it, with a confidence and the reason. Superlatives without a number
("record", "largest since 2022", "unprecedented") and closures of ports are found too.

No NLP library is used: spaCy and friends need model downloads at run time, and the phrases that
matter here are few and regular. The labelled set in `tests/data/claims_labelled.jsonl` measures it.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser

MAX_TEXT_CHARS = 200_000

SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    if i > 1
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMWORD = r"(?:" + "|".join([*SMALL, *TENS, *SCALES, "half"]) + r")"
SPELLED = rf"\b{NUMWORD}(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?{NUMWORD})*\b"
DIGITS = r"(?<![\w.$])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.$])\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS})(?:\s*(?:million|billion|thousand)\b)?|{SPELLED}"
RANGE = re.compile(rf"(?:between\s+)?(?P<low>{NUMBER})\s*(?:-|–|to|and)\s*(?P<high>{NUMBER})", re.IGNORECASE)
SINGLE = re.compile(rf"(?P<low>{NUMBER})", re.IGNORECASE)

UNITS = [  # (pattern after the number, unit)
    (
        r"(?:migrants?|people|persons|individuals|immigrants|asylum[- ]seekers|noncitizens|border[- ]crossers|"
        r"men,? women and children|adults)",
        "people",
    ),
    (r"(?:railway|rail)\s+crossings?|railway\s+bridges?|rail\s+bridges?", "railway crossings"),
    (r"(?:encounters?)", "encounters"),
    (r"(?:apprehensions?|arrests?|detentions?)", "apprehensions"),
    (r"(?:illegal\s+)?(?:border\s+)?crossings?", "crossings"),
    (r"(?:expulsions?|removals?|deportations?)", "expulsions"),
    (r"(?:unaccompanied\s+)?(?:children|minors)", "children"),
    (r"(?:families|family\s+units?|family\s+members)", "families"),
    (r"(?:key\s+)?(?:border\s+)?(?:ports?(?:\s+of\s+entry)?|border\s+posts?)", "ports"),
    (r"(?:gotaways|got-?aways)", "gotaways"),
]
VERB_UNITS = [
    (r"\b(?:encountered|encountering|encounter)\b", "encounters"),
    (r"\b(?:apprehended|arrested|detained|caught)\b", "apprehensions"),
    (r"\b(?:crossed|crossing|cross)\b", "crossings"),
    (r"\b(?:expelled|deported|removed)\b", "expulsions"),
]
CONTEXT = re.compile(
    r"\b(?:border|migra\w*|immigra\w*|asylum|caravan|encounter\w*|apprehen\w*|crossings?|crossed|Border Patrol|"
    r"CBP|ports? of entry|ports?|Title 42|Title 8|expelled|expulsions?|gotaways|undocumented|illegally|agents?|"
    r"arriv\w+|convoy|inadmissibles?|deport\w*)\b",
    re.IGNORECASE,
)
NOT_MIGRATION_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s*cent|-?year-?old|years?\s+old|years?\b|dollars|\$|miles?|mi\b|km|kilomet\w+|"
    r"feet|foot|yards?|meters?|metres?|votes?|seats?|lawmakers|senators|members of congress|hours?|minutes?|"
    r"days?\b(?!\s+(?:of|worth))|weeks?|months?|pages?|troops|soldiers|agents|officers|national guard|beds|"
    r"buses|vehicles|cars|trucks|points|degrees|acres|tons|times|-page|countries|nations|states|cities|towns)",
    re.IGNORECASE,
)
MONEY_BEFORE = re.compile(r"(?:\$|USD|US\$|€|£)\s*$|\bage(?:d)?\s*$|\bvoted?\s*$|\bnumber\s*$", re.IGNORECASE)
RATES = [
    (r"\b(?:a|per|each|every)\s+day\b|\bdaily\b|\bday after day\b|\bin (?:a|one) (?:single )?day\b", "per day"),
    (r"\b(?:a|per|each|every)\s+week\b|\bweekly\b", "per week"),
    (r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b|\bin (?:a|one) (?:single )?month\b", "per month"),
    (r"\bfiscal\s+(?:year\s+)?(?:20)?\d{2}\b|\bFY\s?(?:20)?\d{2}\b|\bfiscal year\b", "per fiscal year"),
    (r"\b(?:a|per|each|every)\s+year\b|\bannually\b|\bin (?:a|one) year\b", "per year"),
]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
PORT_NAMES = r"Lukeville|Nogales|San Ysidro|Eagle Pass|El Paso|Laredo|Calexico|Otay Mesa|Brownsville|Hidalgo|Del Rio"
GROUP = re.compile(r"\b(?:caravan|group|crowd|convoy|exodus)\b", re.IGNORECASE)
SUPERLATIVE = re.compile(
    r"\b(?:record|unprecedented|all-time|highest|largest|biggest|most)\b(?:[^.]*?\bsince\s+(?P<since>(?:19|20)\d{2}))?",
    re.IGNORECASE,
)
CLOSURE = re.compile(r"\b(?:clos\w*|shut\w*|suspend\w*|reopen\w*)\b", re.IGNORECASE)
HEMISPHERE = re.compile(r"\b(?:Western Hemisphere|hemisphere|nationalities|countries|Venezuel\w+|Cuba\w*)\b", re.I)


@dataclass
class FoundClaim:
    """One checkable claim: the number as said and as a value, its unit, rate, place and period."""

    sentence: str
    text: str
    value: float | None
    value_high: float | None
    qualifier: str
    unit: str
    rate: str
    place: str
    period: str  # YYYY-MM
    period_source: str  # "text" or "article date"
    metric: str
    confidence: float
    reason: str
    params: dict[str, object] = field(default_factory=dict)


def words_to_number(text: str) -> float | None:
    """'ten thousand' → 10000, 'two and a half million' → 2500000, '2.5 million' → 2500000."""
    text = text.lower().replace(",", "").strip()
    digits = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand)?", text)
    if digits:
        return float(digits[1]) * SCALES.get(digits[2] or "", 1)
    half = re.fullmatch(r"(.+?) and a half (million|billion|thousand)", text)
    if half:
        whole = words_to_number(half[1])
        return None if whole is None else (whole + 0.5) * SCALES[half[2]]
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", "a"):
            current = current or (1 if word == "a" else 0)
            continue
        if word in SMALL or word in TENS:
            current += SMALL.get(word, 0) + TENS.get(word, 0)
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Ms|Mrs|Dr|St|No|vs|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec)\.)$"
)


def sentences_of(text: str) -> list[str]:
    """Split prose into sentences (abbreviations like 'U.S.' and 'Dec.' do not end one)."""
    pieces = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n", text)
    sentences: list[str] = []
    for piece in (re.sub(r"\s+", " ", p).strip() for p in pieces):
        if sentences and ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


def _unit_before(head: str) -> str:
    """A unit noun as the subject before the number ('Encounters dropped to 140,000')."""
    clause = re.split(r"[,;:]\s|\band\b", head)[-1]
    found = [(m.end(), unit) for pattern, unit in UNITS for m in re.finditer(rf"\b{pattern}\b", clause, re.I)]
    return max(found)[1] if found else ""


def _unit_after(tail: str, sentence: str) -> str:
    """The unit noun closest after the number (within four words), else a unit implied by the verb."""
    window = " ".join(tail.split()[:5])
    found = []
    for order, (pattern, unit) in enumerate(UNITS):
        match = re.match(rf"^(?:\W*\w+\W+){{0,3}}?({pattern})\b", window, re.IGNORECASE)
        if match:
            found.append((match.start(1), order, unit))
    if found:
        return min(found)[2]
    if GROUP.search(sentence) and re.match(r"^\s*(?:people|individuals|migrants|members|strong)?", tail):
        return "people" if GROUP.search(sentence) and not re.match(r"^\s*\w+\s+(?:of|in)\b", tail) else ""
    for pattern, unit in VERB_UNITS:
        if re.search(pattern, sentence, re.IGNORECASE):
            return unit
    return ""


def _qualifier(head: str) -> str:
    match = re.search(
        r"(nearly|almost|about|around|roughly|approximately|some|an estimated|estimated|more than|"
        r"over|upwards of|at least|fewer than|less than|under|close to|as many as|up to|at most|"
        r"just over|just under|well over|topping|exceeding)\s*$",
        head.strip(),
        re.IGNORECASE,
    )
    return match[1].lower() if match else ""


def _rate(sentence: str) -> str:
    for pattern, rate in RATES:
        if re.search(pattern, sentence, re.IGNORECASE):
            return rate
    return ""


def _place(sentence: str) -> str:
    if re.search(PORT_NAMES, sentence):
        return "port"
    if re.search(r"\bnation(?:wide|ally)\b|\ball (?:U\.S\. )?borders\b|\bacross the country\b", sentence, re.I):
        return "nationwide"
    if re.search(
        r"\b(?:southern|southwest(?:ern)?|U\.S\.-Mexico|US-Mexico|Mexican)\s+border\b|\bTexas\b|\bArizona\b",
        sentence,
        re.I,
    ):
        return "southwest"
    return "unspecified"


def _period(sentence: str, reference: str) -> tuple[str, str, dict[str, object]]:
    """(YYYY-MM, where it came from, extra params) for the sentence."""
    year, month = (int(x) for x in reference.split("-"))
    found = re.search(rf"\b({'|'.join(MONTHS)})\b(?:\s+(?:of\s+)?((?:19|20)\d{{2}}))?", sentence, re.I)
    if found:
        number = MONTHS.index(found[1].lower()) + 1
        when = int(found[2]) if found[2] else (year if number <= month else year - 1)
        return f"{when}-{number:02d}", "text", {}
    fiscal = re.search(r"\b(?:fiscal\s+(?:year\s+)?|FY\s?)((?:20)?\d{2})\b", sentence, re.I)
    if fiscal:
        fy = int(fiscal[1]) % 100 + 2000
        return f"{fy}-09", "text", {"span": "fiscal_year"}
    if re.search(r"\blast month\b", sentence, re.I):
        return (f"{year}-{month - 1:02d}" if month > 1 else f"{year - 1}-12"), "text", {}
    in_year = re.search(r"\b(?:in|during|for)\s+((?:19|20)\d{2})\b", sentence, re.I)
    if in_year and not re.search(r"\bsince\s+" + in_year[1], sentence):
        return f"{in_year[1]}-12", "text", {"span": "calendar_year"}
    return reference, "article date", {}


def _numbers(sentence: str) -> list[tuple[re.Match[str], float, float | None]]:
    found: list[tuple[re.Match[str], float, float | None]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (RANGE, SINGLE):
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            low = words_to_number(match["low"])
            high = words_to_number(match["high"]) if pattern is RANGE and match["high"] else None
            if low is None or (pattern is RANGE and (high is None or high <= low)):
                continue
            found.append((match, low, high))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item[0].start())


def _is_migration_number(sentence: str, match: re.Match[str], value: float) -> bool:
    head, tail = sentence[: match.start()], sentence[match.end() :]
    text = match.group(0).strip()
    if MONEY_BEFORE.search(head) or NOT_MIGRATION_AFTER.match(tail):
        return False
    if re.fullmatch(r"(?:between\s+)?(?:19|20)\d{2}(?:\s*(?:-|–|to|and)\s*(?:19|20)\d{2})?", text, re.I):
        return False  # a year or a span of years, not a count
    if re.search(rf"\b(?:{'|'.join(MONTHS)})\.?\s*$", head, re.IGNORECASE):
        return False  # a day of the month ("January 4")
    if re.match(r"^\s*(?:billion|million)?\s*(?:in|of)\s+(?:aid|funding|dollars|military)", tail, re.I):
        return False
    if re.search(r"\b(?:No\.|number|Title|Section|Proclamation|Article|Chapter|Rule|page)\s*$", head, re.I):
        return False
    return bool(CONTEXT.search(sentence)) and value >= 2


def _metric(unit: str, rate: str, sentence: str, place: str, extra: dict[str, object]) -> tuple[str, float, str]:
    cues: list[str] = []
    confidence = 0.5
    if unit in ("ports", "railway crossings") and CLOSURE.search(sentence):
        return "closures", 0.85, "a count of ports or crossings beside a closure word"
    if GROUP.search(sentence) and unit == "people":
        return "size_vs_daily", 0.8, "a group (caravan) size: compared with a day of encounters"
    if rate == "per day":
        metric, confidence = "daily_rate", 0.8
        cues.append("a per-day rate")
    elif rate in ("per month", "per fiscal year", "per year") or extra.get("span"):
        metric, confidence = "period_total", 0.7
        cues.append(f"a total {rate or 'for a period'}")
    else:
        metric, confidence = "period_total", 0.5
        cues.append("a count with no rate: read as the period's total")
    if place == "nationwide":
        confidence -= 0.2
        cues.append("nationwide, but our series is the Southwest border")
    elif place == "southwest":
        confidence += 0.1
        cues.append("Southwest border")
    return metric, round(min(confidence, 0.95), 2), "; ".join(cues)


def find_claims(text: str, reference_month: str) -> list[FoundClaim]:
    """Every checkable claim in `text`; `reference_month` (YYYY-MM) stands for "now" and "every day"."""
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"the text is over {MAX_TEXT_CHARS:,} characters")
    claims = []
    for sentence in sentences_of(text):
        period, period_source, extra = _period(sentence, reference_month)
        rate, place = _rate(sentence), _place(sentence)
        numeric = False
        for match, value, high in _numbers(sentence):
            if not _is_migration_number(sentence, match, value):
                continue
            unit = _unit_after(sentence[match.end() :], sentence) or _unit_before(sentence[: match.start()])
            if not unit:
                continue
            numeric = True
            metric, confidence, reason = _metric(unit, rate, sentence, place, extra)
            claims.append(
                FoundClaim(
                    sentence,
                    match.group(0).strip(),
                    value,
                    high,
                    _qualifier(sentence[: match.start()]),
                    unit,
                    rate,
                    place,
                    period,
                    period_source,
                    metric,
                    confidence,
                    reason,
                    dict(extra),
                )
            )
        if not numeric:
            claims += _superlative(sentence, period, period_source)
    return claims


def _superlative(sentence: str, period: str, period_source: str) -> list[FoundClaim]:
    """'the largest … since 2022', 'a record', 'unprecedented' about migration: a claim without a count."""
    match = SUPERLATIVE.search(sentence)
    if not match or not CONTEXT.search(sentence):
        return []
    if HEMISPHERE.search(sentence):
        metric, reason, params = "citizenship_mix", "a superlative about migration across countries", {}
    else:
        since = match["since"]
        metric, reason = "compare_periods", "a superlative: compared with an earlier peak"
        params = {"compare_to": since} if since else {}
    return [
        FoundClaim(
            sentence,
            match.group(0),
            None,
            None,
            "",
            "",
            "",
            _place(sentence),
            period,
            period_source,
            metric,
            0.6,
            reason,
            params,
        )
    ]


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0
        if tag in ("p", "div", "br", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page (scripts and styles dropped); nothing is fetched or run."""
    parser = _TextOnly()
    parser.feed(html)
    return "".join(parser.parts)


def to_json(claims: list[FoundClaim]) -> str:
    return json.dumps([asdict(c) for c in claims], indent=2, ensure_ascii=False)


def _shift(period: str, months: int) -> str:
    year, month = (int(x) for x in period.split("-"))
    total = year * 12 + month - 1 + months
    return f"{total // 12}-{total % 12 + 1:02d}"


def default_params(found: FoundClaim) -> dict[str, object]:
    """What each metric's evaluator needs beyond the claim itself (windows, comparisons)."""
    params = dict(found.params)
    if found.metric in ("daily_rate", "closures"):
        params.setdefault("window", [_shift(found.period, -12), _shift(found.period, 6)])
    if found.metric == "closures":
        params |= {"kinds": ["port_closure", "rail_closure"], "since": f"{_shift(found.period, -1)}-01"}
    if found.metric == "compare_periods":
        compare_to = str(params.get("compare_to") or int(found.period[:4]) - 1)
        params |= {"compare_to": compare_to, "window": [f"{compare_to[:4]}-01", _shift(found.period, 3)]}
    return params
