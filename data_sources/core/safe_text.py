"""Text that came from outside (files, readers, publishers), made safe to show or to write out.

Shared by the dashboard (Markdown on pages) and the data layer (the Markdown report), so there is
one definition of "shown literally".
"""

from __future__ import annotations

import re

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>~$|])|^([#>+\-]|\d+\.)", re.MULTILINE)


ZERO_WIDTH_AND_BIDI = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[\u0000-\u0008\u000b-\u001f\u007f{ZERO_WIDTH_AND_BIDI}]")


def plain_text(text: str) -> str:
    """Text from outside (file names, notes, lines of a log) without control, zero-width or bidi
    characters, which could reorder or hide what a reader sees."""
    return INVISIBLE.sub("", str(text))


def escape_markdown(text: str) -> str:
    """Text from a file or a reader, shown literally: no links, images, HTML or maths from it."""

    def escaped(match: re.Match[str]) -> str:
        token = match.group(0)
        return token[:-1] + "\\." if token.endswith(".") else "\\" + token  # "1." becomes "1\." (not a list)

    return MARKDOWN_SPECIALS.sub(escaped, text)


def escape_html(text: object) -> str:
    """For Plotly legends and hovers, which read a subset of HTML (`<a>`, `<b>`, `<br>`)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: object, limit: int = 500) -> str:
    """One line of at most `limit` characters: messages must not flood a page or a log."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
