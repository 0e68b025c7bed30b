"""The registered sources' keys, in registry order, importable without the parsers (and pandas).

The dashboard's landing page checks whether its prebuilt views are current on every visit; it needs
only these keys and the snapshot store, not the parsers. `registry.py` checks at import that this
list and its own modules agree, so a source cannot be added to one and forgotten in the other.
"""

SOURCE_KEYS = ("cbp_sbo", "ohss_usbp", "cbp_nationwide", "bts_crossings", "iom_darien", "iom_mexico")
