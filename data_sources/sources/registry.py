"""The declarative registry of public sources: one entry per module in `data_sources/sources/`."""

from __future__ import annotations

import re

from data_sources.acquire.source import Source
from data_sources.sources import bts_crossings, cbp_nationwide, cbp_sbo, iom_darien, iom_mexico, ohss_usbp
from data_sources.sources.keys import SOURCE_KEYS

SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        cbp_sbo.SOURCE,
        ohss_usbp.SOURCE,
        cbp_nationwide.SOURCE,
        bts_crossings.SOURCE,
        iom_darien.SOURCE,
        iom_mexico.SOURCE,
    )
}
if tuple(SOURCES) != SOURCE_KEYS:  # the light list the landing page reads must match
    raise ImportError(f"sources/keys.py lists {SOURCE_KEYS}, the registry {tuple(SOURCES)}")


def get_source(key: str) -> Source:
    """The registered source called `key`, or a clear error listing the known ones."""
    try:
        return SOURCES[key]
    except KeyError:
        raise KeyError(f"unknown source {key!r}; known sources: {', '.join(SOURCES)}") from None


def publisher_abbreviation(key: str) -> str:
    """What a source's publisher is called in a short line: the abbreviation its name gives in
    brackets ('… (CBP)' → 'CBP'), else the full name; a key no source has is given back as it is."""
    source = SOURCES.get(key)
    if source is None:
        return key
    short = re.search(r"\(([A-Z]{2,})\)", source.publisher)
    return short.group(1) if short else source.publisher
