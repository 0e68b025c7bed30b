"""One module per public source; each exposes `SOURCE`, a `data_sources.acquire.source.Source`."""
