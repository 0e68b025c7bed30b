"""First run: give every source that has no snapshot yet its data, from the best place available.

In order: folders of files as published (`BORDER_DATA_DIR`, or the development copies in
`../shared/data` when they exist), then the publishers themselves (`refresh`). A source neither
can give stays empty; the dashboard still starts and says which dataset is missing and how to get it.
Sources that already have a snapshot are left alone, so running this at every start costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from data_sources.acquire.fetch import Fetcher
from data_sources.acquire.filing import Outcome
from data_sources.acquire.local_folder import import_folder
from data_sources.acquire.refresh import refresh_source
from data_sources.acquire.snapshots import SnapshotStore
from data_sources.acquire.source import Source


def how_to_get(source: Source) -> str:
    """The exact commands that give a source its data, for messages in the CLI and on pages."""
    key = source.key
    return (
        f"run `python -m data_sources refresh {key}`, or save the file from {source.landing_page} "
        f"in a browser and run `python -m data_sources import {key} FILE` "
        "(or `python -m data_sources import-dir FOLDER` for a folder of such files)"
    )


def fill_missing(
    store: SnapshotStore,
    sources: Mapping[str, Source],
    folders: Path | Sequence[Path] | None,
    fetcher_factory: Callable[[], Fetcher] | None = Fetcher,
) -> list[Outcome]:
    """One outcome per source saying where its data came from (or why it has none), after one
    line per file of the folders that was skipped. Folders are read in order; a source a folder
    filled is not looked for in the next."""
    result: dict[str, Outcome] = {}
    for key in sources:
        if (snapshot := store.current(key)) is not None:
            result[key] = Outcome(key, "unchanged", f"already in the store (vintage {snapshot.vintage})", snapshot)
    skipped: list[Outcome] = []
    reasons: dict[str, list[str]] = {}
    for folder in [folders] if isinstance(folders, Path) else folders or []:
        if not _missing(sources, result):
            break
        if not folder.is_dir():
            for key in _missing(sources, result):
                reasons.setdefault(key, []).append(f"no folder {folder}")
            continue
        for outcome in import_folder(store, folder, sources, only=_missing(sources, result)):
            _record(outcome, result, reasons, skipped)
    if _missing(sources, result) and fetcher_factory is not None:
        fetcher = fetcher_factory()
        try:
            for key in sorted(_missing(sources, result)):
                _record(refresh_source(store, sources[key], fetcher), result, reasons, skipped, "from the publisher")
        finally:
            fetcher.close()
    for key in _missing(sources, result):
        tried = "; ".join(reasons.get(key, [])) or "no folder of files and no download tried"
        result[key] = Outcome(key, "failed", f"no data yet ({tried}). To get it: {how_to_get(sources[key])}")
    return skipped + [result[key] for key in sources]


def _missing(sources: Mapping[str, Source], result: dict[str, Outcome]) -> set[str]:
    return set(sources) - set(result)


def _record(
    outcome: Outcome,
    result: dict[str, Outcome],
    reasons: dict[str, list[str]],
    skipped: list[Outcome],
    origin: str = "",
) -> None:
    """Keep a success as the source's line; remember a failure's reason for the final line."""
    if outcome.status == "skipped":
        skipped.append(outcome)
    elif outcome.status == "updated":
        message = f"{origin}: {outcome.message}" if origin else outcome.message
        result[outcome.source_key] = Outcome(outcome.source_key, "updated", message, outcome.snapshot)
    else:
        reasons.setdefault(outcome.source_key, []).append(outcome.message)
