"""The declarative registry of public sources: one entry per module in `data_sources/sources/`."""

from __future__ import annotations

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
