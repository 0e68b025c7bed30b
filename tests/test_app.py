"""Every page renders with AppTest on the embedded snapshot, without exceptions."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

APP = str(REPO / "dashboard" / "app.py")


def test_data_page_lists_sources_and_downloads():
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    assert "Vintage **2025-09**" in text and "2021-10 to 2025-08" in text
    assert "data through 2024-11, released 2025-01" in app.caption[0].value
