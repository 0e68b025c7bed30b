"""Command line: `python -m data_sources {status,fill,refresh,import,import-dir,export,build,claims}`.

Exit status is 0 on success and 1 when any source failed; each failure prints one line saying why.
The previous snapshot always stays in place on failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from data_sources.acquire.snapshots import DATA_DIR_ENV, SnapshotStore
from data_sources.sources.keys import SOURCE_KEYS
from data_sources.tables.state import default_store

if TYPE_CHECKING:
    from data_sources.acquire.filing import Outcome

# Each command imports what it needs when it runs: `refresh` (a daily timer's job) then loads
# neither the claim finder nor the table builder.


PARSING_COMMANDS = frozenset({"refresh", "import", "import-dir", "fill"})  # run under the memory ceiling


def parses_files(argv: list[str]) -> bool:
    """Whether the command line names a command that downloads or parses publishers' files."""
    return next((a for a in argv if not a.startswith("-")), None) in PARSING_COMMANDS


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    store = default_store()
    return int(args.run(args, store))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_sources", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    status = commands.add_parser("status", help="sources, vintage, coverage, freshness, sha256 check")
    status.set_defaults(run=cmd_status)
    refresh = commands.add_parser("refresh", help="download new releases (all sources, or those named)")
    refresh.add_argument("sources", nargs="*", metavar="SOURCE", help=f"any of: {', '.join(SOURCE_KEYS)}")
    refresh.set_defaults(run=cmd_refresh)
    imp = commands.add_parser("import", help="file a copy you downloaded in a browser")
    imp.add_argument("source", choices=list(SOURCE_KEYS))
    imp.add_argument("file", type=Path)
    imp.add_argument("--vintage", help="release month YYYY-MM (default: this month)")
    imp.add_argument(
        "--force", action="store_true", help="file a file refused against the current vintage, as a non-current one"
    )
    imp.add_argument("--url", help="the URL the file was downloaded from")
    imp.add_argument("--note", default="", help="free-text provenance note for the sidecar")
    imp.set_defaults(run=cmd_import)
    folder = commands.add_parser("import-dir", help="file every recognised file of a folder of files as published")
    folder.add_argument("folder", type=Path)
    folder.set_defaults(run=cmd_import_dir)
    fill = commands.add_parser(
        "fill",
        help=f"give each source without data its data: from ${DATA_DIR_ENV} (folders separated by "
        f"{os.pathsep!r}), else the publisher",
    )
    fill.add_argument("--offline", action="store_true", help="only the folder; do not contact the publishers")
    fill.set_defaults(run=cmd_fill)
    export = commands.add_parser("export", help="write CSV snapshots of every table and provenance.json")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.set_defaults(run=cmd_export)
    claims = commands.add_parser("claims", help="find checkable numeric claims in a text file (prints JSON)")
    claims.add_argument("file", type=Path)
    claims.add_argument("--month", default=None, help="the article's month, YYYY-MM (default: this month)")
    claims.set_defaults(run=cmd_claims)
    build = commands.add_parser("build", help="rebuild the derived-table cache from the snapshots")
    build.set_defaults(run=cmd_build)
    return parser


def cmd_status(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.sources.registry import SOURCES

    today = datetime.now(UTC).date()
    print(f"{'source':<15} {'vintage':<8} {'coverage':<17} {'retrieved':<11} {'sha256':<21} freshness")
    problems = 0
    for key, source in SOURCES.items():
        snapshot = store.current(key)
        if snapshot is None:
            print(f"{key:<15} {'-':<8} {'no snapshot':<17} {'-':<11} {'-':<21} -")
            problems += 1
            continue
        intact = store.verify(snapshot)
        problems += not intact
        try:
            age = (today - datetime.strptime(snapshot.vintage, "%Y-%m").date()).days
        except ValueError:  # a sidecar written by hand or by an old version
            age = 10**6
        fresh = "yes" if age <= source.release_cadence_days + 31 else f"stale: released {age} days ago"
        coverage = f"{snapshot.coverage_start}..{snapshot.coverage_end}"
        check = f"{'ok' if intact else 'MISMATCH'} {snapshot.sha256[:12]}"
        print(f"{key:<15} {snapshot.vintage:<8} {coverage:<17} {snapshot.retrieved_at[:10]:<11} {check:<21} {fresh}")
    return 1 if problems else 0


def cmd_refresh(args: argparse.Namespace, store: SnapshotStore) -> int:
    from tqdm import tqdm

    from data_sources.acquire.fetch import Fetcher
    from data_sources.acquire.refresh import refresh_source
    from data_sources.sources.registry import get_source

    keys = args.sources or list(SOURCE_KEYS)
    unknown = [k for k in keys if k not in SOURCE_KEYS]
    if unknown:
        print(f"unknown source(s) {unknown}; known: {', '.join(SOURCE_KEYS)}", file=sys.stderr)
        return 2
    fetcher = Fetcher()
    outcomes = []
    try:
        for key in keys:
            with tqdm(desc=key, unit="B", unit_scale=True, leave=False, file=sys.stderr) as bar:

                def progress(done: int, total: int | None, bar: tqdm = bar) -> None:
                    bar.total = total
                    bar.update(done - bar.n)

                outcomes.append(refresh_source(store, get_source(key), fetcher, progress))
    finally:
        fetcher.close()
    return _report(outcomes)


def cmd_import(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.acquire.filing import import_file
    from data_sources.sources.registry import get_source

    outcome = import_file(
        store, get_source(args.source), args.file, args.vintage, args.url, args.note, force=args.force
    )
    return _report([outcome])


def cmd_import_dir(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.acquire.local_folder import import_folder
    from data_sources.sources.registry import SOURCES

    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    return _report(import_folder(store, args.folder, SOURCES))


def cmd_fill(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.acquire.fetch import Fetcher
    from data_sources.acquire.fill import fill_missing
    from data_sources.acquire.local_folder import data_dirs
    from data_sources.sources.registry import SOURCES

    folders = data_dirs()
    where = ", ".join(map(str, folders)) or "no local folder"
    print(f"filling {store.root} from {where}{'' if args.offline else ', then the publishers'}")
    return _report(fill_missing(store, SOURCES, folders, None if args.offline else Fetcher))


def cmd_export(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.tables import build as tables
    from data_sources.tables.export import export_tables

    dataset = tables.load(store)
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    written = export_tables(dataset, args.out)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def cmd_build(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.acquire.fill import how_to_get
    from data_sources.sources.registry import SOURCES
    from data_sources.tables import build as tables

    started = time.perf_counter()
    dataset = tables.load(store)
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for key in SOURCES.keys() - dataset.snapshots.keys():
        print(f"warning: {key}: no data yet; {how_to_get(SOURCES[key])}", file=sys.stderr)
    print(f"{len(dataset.tables)} tables ready in {time.perf_counter() - started:.2f} s")
    return 0


def cmd_claims(args: argparse.Namespace, store: SnapshotStore) -> int:
    from data_sources.claims.finder import find_claims, html_to_text, to_json
    from data_sources.tables import build as tables

    text = args.file.read_text(encoding="utf-8", errors="replace")
    if args.file.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    month = args.month or datetime.now(UTC).strftime("%Y-%m")
    print(to_json(find_claims(text, month, tables.port_names(tables.load(store).tables))))
    return 0


def _report(outcomes: list[Outcome]) -> int:
    for outcome in outcomes:
        print(f"{outcome.source_key}: {outcome.status}: {outcome.message}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0
