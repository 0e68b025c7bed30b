"""Trying to break it: killed refreshes, corrupted snapshots, hostile uploads, formula and HTML
injection, malformed links, and hosts outside the registry."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import zipfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from werkzeug import Response

from data_sources.acquire.fetch import MIRROR_ENV
from data_sources.acquire.filing import import_file
from data_sources.claims.articles import ARTICLES_ENV, DEFAULT_ARTICLES_DIR
from data_sources.claims.context import Claim, ClaimContext
from data_sources.core.safe_text import plain_text
from data_sources.reference import REFERENCE_DIR
from data_sources.sources.registry import SOURCES, get_source
from data_sources.tables import build as tables
from data_sources.tables.build import CACHE_ENV, load
from data_sources.tables.export import FORMULA_PREFIXES, export_tables
from tests.conftest import REPO, revised_sbo_file, source_file
from tests.test_app import drawn
from tests.test_refresh import SBO_FILE, serve_sbo_landing

APP = str(REPO / "dashboard" / "app.py")


def snapshot_files(root: Path) -> dict[str, bytes]:
    """Every committed-style file in a store (ignoring locks), for byte-identical comparisons."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".lock"}


def test_refresh_killed_midway_leaves_no_trace(store, mirror):
    data = source_file("cbp_sbo").read_bytes()
    serve_sbo_landing(mirror)

    def slow_body():
        for start in range(0, len(data), 4096):
            yield data[start : start + 4096]
            time.sleep(0.05)

    mirror.expect_request(SBO_FILE).respond_with_response(Response(slow_body(), direct_passthrough=True))
    before = snapshot_files(store.root)
    env = os.environ | {MIRROR_ENV: os.environ[MIRROR_ENV], CACHE_ENV: str(store.root.parent)}
    process = subprocess.Popen(
        [sys.executable, "-m", "data_sources", "refresh", "cbp_sbo"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = store.root / "cbp_sbo" / ".staging"
    deadline = time.time() + 20
    while time.time() < deadline and not any(staging.glob("*.part")):
        time.sleep(0.05)
    assert any(staging.glob("*.part")), "the download never started"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    # the killed writer left a partial download in staging, but no snapshot changed
    assert {k: v for k, v in snapshot_files(store.root).items() if ".staging" not in k} == before
    assert load(store).snapshots["cbp_sbo"].vintage == "2025-09"
    # the next writer sweeps the leftovers before doing anything
    import_file(store, get_source("cbp_sbo"), Path("/nonexistent"))
    with store.lock("cbp_sbo"):
        assert not list(staging.iterdir())


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 60_000_000)
    return path


@pytest.mark.parametrize(
    ("source", "make", "message"),
    [
        ("ohss_usbp", lambda d: zip_bomb(d / "book.xlsx"), "zip bomb"),
        (
            "ohss_usbp",
            lambda d: write(d / "book.xlsx", b"\x89PNG\r\n\x1a\n" + b"0" * 100),
            "not an Excel workbook",
        ),
        (
            "cbp_sbo",
            lambda d: write(d / "x.csv", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"),
            "does not look like",
        ),
        ("bts_crossings", lambda d: write(d / "x.json", b'[{"port_name": 1}'), "not a readable"),
    ],
)
def test_hostile_imports_are_refused_and_change_nothing(store, tmp_path, source, make, message):
    before = snapshot_files(store.root)
    outcome = import_file(store, get_source(source), make(tmp_path))
    assert outcome.status == "failed" and message in outcome.message
    assert snapshot_files(store.root) == before


def test_oversized_import_is_refused_before_reading(store, tmp_path):
    outcome = import_file(store, replace(get_source("cbp_sbo"), max_bytes=1_000), source_file("cbp_sbo"))
    assert outcome.status == "failed" and "limit" in outcome.message


def test_no_exported_csv_cell_can_run_as_a_formula(cache_dir, tmp_path, monkeypatch):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(tables, "REFERENCE_DIR", reference)
    events = reference / "events.csv"
    text = events.read_text().replace('"Starting at 2 p.m.', '"=HYPERLINK(""http://evil"")Starting at 2 p.m.', 1)
    events.write_text(text)
    out = tmp_path / "out"
    export_tables(load(), out)
    cells = 0
    for path in out.glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text())):
            for cell in row:
                cells += 1
                if cell.startswith(FORMULA_PREFIXES):
                    float(cell)  # only numbers such as -45 may start with '-' or '+'
    assert cells > 100_000
    assert "'=HYPERLINK" in (out / "events.csv").read_text()


def hostile_articles(folder: Path) -> Path:
    shutil.copytree(DEFAULT_ARTICLES_DIR, folder)
    (folder / "2099-hostile.toml").write_text(
        '[article]\nid = "hostile"\ntitle = "<script>alert(1)</script> Title"\npublished = "<b>now</b>"\n'
        'reference_month = "2023-12"\nsummary = "<img src=x onerror=alert(2)> [click](javascript:alert(3))"\n\n'
        '[[claims]]\nid = "x"\nquote = "<iframe src=//evil></iframe> 10,000 a day"\nmetric = "daily_rate"\n'
        'period = "2023-12"\nclaimed_value = 10000\nunit = "people per day"\nwindow = ["2023-06", "2024-01"]\n'
    )
    (folder / "2098-unknown-metric.toml").write_text(
        '[article]\nid = "unknown"\ntitle = "U"\npublished = "p"\nreference_month = "2023-12"\nsummary = "s"\n\n'
        '[[claims]]\nid = "y"\nquote = "an unknown metric"\nmetric = "<script>"\nperiod = "2023-12"\nunit = "x"\n'
    )
    return folder


def test_html_in_article_files_is_shown_as_text(data_cache, tmp_path, monkeypatch):
    monkeypatch.setenv(ARTICLES_ENV, str(hostile_articles(tmp_path / "articles")))
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["article"] = "hostile"
    drawn(app.run())
    assert app.title[0].value == "\\<script\\>alert(1)\\</script\\> Title"  # escaped: shown as text
    warnings = " ".join(w.value for w in app.warning)  # an unknown metric fails its file when loaded
    assert "2098-unknown-metric.toml: claim 'y', field 'metric': unknown metric '<script>'" in warnings


@pytest.mark.parametrize(
    ("page", "query"), [("views/ports.py", {"port": "<script>"}), (None, {"article": "../../etc"})]
)
def test_malformed_links_fall_back_to_defaults(data_cache, page, query):
    app = AppTest.from_file(APP, default_timeout=90)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    if page:
        app.switch_page(page).run()
    drawn(app)


def test_corrupted_snapshot_is_reported_on_the_data_page(store, tmp_path):
    import_file(store, get_source("cbp_sbo"), revised_sbo_file(tmp_path), vintage="2025-10")
    newest = store.current("cbp_sbo")
    store.file_path(newest).write_bytes(b"Fiscal Year\n2025\n")  # truncated on disk
    app = drawn(AppTest.from_file(APP, default_timeout=90).run())
    drawn(app.switch_page("views/data_downloads.py").run())
    warnings = " ".join(w.value for w in app.warning)
    assert "fails its sha256 check" in warnings and "previous vintage 2025-09" in warnings
    assert "Vintage **2025-09**" in " ".join(m.value for m in app.markdown)


PUBLISHER_HOSTS = {"www.cbp.gov", "ohss.dhs.gov", "data.bts.gov", "github.com", "raw.githubusercontent.com"}


def test_every_registered_url_is_on_a_registered_host():
    for source in SOURCES.values():
        urls = [source.landing_page, source.download_url, source.soda.endpoint if source.soda else None]
        assert {urlsplit(u).hostname for u in urls if u} <= source.allowed_hosts
        assert source.allowed_hosts <= PUBLISHER_HOSTS


def test_chart_text_from_the_data_is_never_html():
    from dashboard.charts.common import lines
    from dashboard.charts.reader_view import sanitised

    frame = pd.DataFrame(
        {"month": pd.to_datetime(["2023-11-01", "2023-12-01"]), "value": [1, 2], "series": ["<a href=//x>Fix</a>"] * 2}
    )
    fig = lines(frame, "month", "value", "series", "Title <b>x</b>", "Count")
    shown = sanitised(fig)
    assert shown.data[0].name == "&lt;a href=//x&gt;Fix&lt;/a&gt;"
    assert "<a " not in shown.data[0].hovertemplate and "&lt;b&gt;" in shown.layout.title.text
    two_lines = sanitised(lines(frame, "month", "value", "series", "Title<br><sup>Oct 2023</sup>", "Count"))
    assert two_lines.layout.title.text == "Title<br><sup>Oct 2023</sup>"  # our own layout tags stay
    assert fig.data[0].name == "<a href=//x>Fix</a>"  # the cached figure itself is left as it was
    assert sanitised(fig).data[0].name == shown.data[0].name  # no double escaping on the next rerun


def test_markdown_report_quotes_are_text():
    from data_sources.claims.articles import Article
    from data_sources.claims.report import article_markdown

    article = Article("x", "![px](http://evil.example/p.png) Title", "2023-12", "2023-12", "s", "", (), None)
    assert "!\\[px\\](http://evil.example/p.png)" in article_markdown(article, [])
    quote = "<img src=x onerror=alert(1)> [Corrected figures](http://evil.example) 5,000 a day\u202e"
    claim = Claim("c", quote, "not_checkable", "2023-12", "")
    report = article_markdown(replace(article, claims=(claim,)), [ClaimContext(["A sentence."], [], [], [])])
    assert "> \\<img src=x onerror=alert(1)\\> \\[Corrected figures\\](http://evil.example) 5,000 a day\n" in report


def test_file_names_from_outside_lose_their_bidi_and_invisible_characters():
    shown = plain_text("report\u202egpj.csv\u200b")  # would read as 'reportvsc.jpg'
    assert shown == "reportgpj.csv"


def test_the_server_refuses_oversized_messages():
    """The 200,000-character limit is also the server's: no websocket message over 4 MB is read."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxMessageSize"] <= 4 and config["server"]["maxUploadSize"] <= 1


def test_urls_and_notes_from_outside_never_become_links_or_images(store, tmp_path):
    hostile_url = (
        "https://www.cbp.gov/x.csv?![px](http://evil.example/p.png)[Corrected figures here](http://evil.example)"
    )
    outcome = import_file(
        store,
        get_source("cbp_sbo"),
        revised_sbo_file(tmp_path),
        vintage="2025-10",
        url=hostile_url,
        note="[Click here](http://evil.example) <img src=x onerror=alert(1)>",
    )
    assert outcome.status == "updated"
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    drawn(app.switch_page("views/data_downloads.py").run())
    shown = " ".join(m.value for m in app.markdown)
    assert not re.search(r"(?<!\\)\]\(http://evil", shown), "an unescaped Markdown link or image"
    assert not re.search(r"(?<!\\)<img", shown)
    assert "evil.example" in shown  # shown, as text
    assert "https://www.cbp.gov/document/stats/southwest-land-border-encounters" in shown  # declared hosts stay links
