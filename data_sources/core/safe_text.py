"""Text that came from outside (files, readers, publishers), made safe to show or to write out.

Shared by the dashboard (Markdown on pages) and the data layer (the Markdown report), so there is
one definition of "shown literally".
"""

from __future__ import annotations

import re

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>~$|])|^([#>+\-]|\d+\.)", re.MULTILINE)


INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


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
