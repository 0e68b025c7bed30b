"""Past one machine: identical servers share one read-only snapshot store refreshed by one job.
Both serve a new vintage without a restart, and no reader ever sees a half-written snapshot."""

from __future__ import annotations

import threading

import pytest

from data_sources.acquire.filing import import_file
from data_sources.sources.registry import get_source
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, revised_sbo_file
from tests.test_browser import streamlit_server


def test_readers_never_see_a_half_written_snapshot(store, tmp_path):
    revised = revised_sbo_file(tmp_path)
    problems: list[str] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            snapshot, warnings = store.usable("cbp_sbo")
            if snapshot is None or warnings:
                problems.append(f"{snapshot} {warnings}")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for month in range(10, 13):
        outcome = import_file(store, get_source("cbp_sbo"), revised, vintage=f"2025-{month}")
        assert outcome.status == "updated"
    done.set()
    for thread in threads:
        thread.join()
    assert problems == []
    assert store.current("cbp_sbo").vintage == "2025-12"


@pytest.mark.browser
def test_two_servers_pick_up_a_refresh_without_restart(cache_dir, store, tmp_path):
    from playwright.sync_api import sync_playwright

    env = {"BORDER_CACHE_DIR": str(cache_dir)}
    with streamlit_server(env) as first, streamlit_server(env) as second, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()

        def freshness(url: str) -> str:
            page.goto(f"{url}/data_downloads")
            line = page.locator("li", has_text="Data from October 2021 through August 2025").first
            line.wait_for(timeout=90_000)
            return line.inner_text()

        assert all("released September 2025" in freshness(u) for u in (first, second))
        page.get_by_text("scheduled job").first.wait_for(timeout=30_000)  # replicas never refresh; the job does
        # the scheduled job files a new vintage into the shared store, between requests
        assert (
            import_file(store, get_source("cbp_sbo"), revised_sbo_file(tmp_path), vintage="2025-10").status == "updated"
        )
        assert all("released October 2025" in freshness(u) for u in (first, second))
        browser.close()
