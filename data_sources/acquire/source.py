"""What a public source declares about itself: the unit of the declarative registry.

Each module in `data_sources/sources/` builds one `Source`. The registry (`registry.py`) collects
them; the CLI, the refresher, the exporter and the dashboard's captions read everything from here
rather than from strings scattered in code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from data_sources.acquire.socrata import SodaQuery

PUBLIC_DOMAIN = "Public domain (work of the U.S. federal government, 17 U.S.C. § 105)"

Parser = Callable[[Path], dict[str, pd.DataFrame]]


class ParseError(ValueError):
    """A raw file is not what the source publishes (wrong columns, sheets, types or values)."""


@dataclass(frozen=True)
class LinkRule:
    """How to find the newest file on a landing page whose file URL changes with every release.

    `pattern` matches the href; `newest_key` turns a match into a sort key (the largest wins), so
    "fy22-fy25-aug" beats "fy22-fy25-jul" regardless of the order the page lists them in.
    """

    pattern: re.Pattern[str]
    newest_key: Callable[[re.Match[str]], tuple[int, ...]]


@dataclass(frozen=True)
class Source:
    """A public dataset: where it lives, what it contains, and how it becomes canonical tables."""

    key: str
    title: str
    publisher: str
    landing_page: str
    description: str
    expected_columns: tuple[str, ...]
    parse: Parser
    max_bytes: int
    coverage_note: str
    caveats: tuple[str, ...]
    download_url: str | None = None  # a fixed URL; None when it is discovered on the landing page
    link_rule: LinkRule | None = None
    expected_sheets: tuple[str, ...] = ()
    expected_objects: tuple[str, ...] = ()  # R data files: the objects it holds (with `expected_columns`)
    license: str = PUBLIC_DOMAIN
    release_cadence_days: int = 31
    rounded_to: int = 1  # the publisher rounds counts to this multiple (OHSS: 10)
    soda: SodaQuery | None = None  # for sources read through a Socrata API instead of a file

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Hosts this source may be fetched from (the mirror, when set, replaces them)."""
        urls = [self.landing_page] + ([self.download_url] if self.download_url else [])
        return frozenset(urlsplit(u).hostname or "" for u in urls)
