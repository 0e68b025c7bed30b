"""Prose from what a reader pastes or uploads: visible text of an HTML page, and its sentences."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from html.parser import HTMLParser

from data_sources.core.safe_text import ZERO_WIDTH_AND_BIDI

ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Ms|Mrs|Dr|St|No|vs|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Ariz|Calif|Tex|Fla|Gen|Lt|Col|Sgt|Jr|Sr|Inc|Corp|Co|approx|est|Mt|Ft|Rev|Prof|Supt)\.)$"
)


SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n")
SPACES = re.compile(r"\s+")
INVISIBLE = re.compile(f"[{ZERO_WIDTH_AND_BIDI}]")
NOT_LETTERS = str.maketrans({chr(i): " " for i in range(128) if not "a" <= chr(i) <= "z"})


def normalise(text: str) -> str:
    """NFKC, without zero-width and bidi control characters: "250,\u200b000" reads as 250,000, and
    full-width or styled digits as plain ones."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def holds_any(text: str, words: Sequence[str], pattern: re.Pattern[str]) -> bool:
    """Whether `text` holds one of the lower-case `words` in any case: a quick test before slower
    patterns run. `pattern` searches for the same words, case-insensitively; it reads text that is
    not ASCII, where a letter may match another one without being its lower case ("ſ", "ı")."""
    if not text.isascii():
        return pattern.search(text) is not None
    lower = text.lower()
    return any(word in lower for word in words)


def ascii_words(lower: str) -> list[str]:
    """The runs of letters a–z in a lower-case ASCII text: its words, for a quick test of whole words
    before slower patterns run."""
    return lower.translate(NOT_LETTERS).split()


def sentences_of(text: str) -> list[str]:
    """Split prose into sentences (abbreviations like 'U.S.' and 'Dec.' do not end one)."""
    pieces = SENTENCE_END.split(text)
    sentences: list[str] = []
    for piece in (SPACES.sub(" ", p).strip() for p in pieces):
        # an abbreviation is at most 7 characters long and ends the sentence: only its end is searched
        if sentences and ABBREVIATION.search(sentences[-1], max(0, len(sentences[-1]) - 8)):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


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
