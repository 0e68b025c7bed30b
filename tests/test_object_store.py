"""Many machines on one object store: the snapshot store on a real S3 API (moto in server mode on
127.0.0.1), with dashboard servers, the refresh job and readers each in their own process, as on
separate machines (each with its own local folder for copies of raw files and derived tables).

What must hold: the store on S3 (or any fsspec file system) files and reads what a local one does;
a new vintage published by the job is served by every replica without a restart; a job killed
between the upload and the switch of `current.json` leaves the current snapshot readable and
intact; one lock object admits one writer at a time; and a replica's check for a new vintage is a
few small reads.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import fsspec
import pytest
from filelock import Timeout
from moto.server import ThreadedMotoServer
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect
from websockets.typing import Subprotocol

from data_sources.acquire.filing import import_file
from data_sources.acquire.snapshots import SnapshotStore, sha256_of
from data_sources.sources.registry import SOURCES, get_source
from data_sources.tables import build as tables
from tests.conftest import FIXTURES, REPO, SOURCE_FIXTURES, revised_sbo_file, source_file
from tests.test_browser import streamlit_server

BUCKET = "border-test"
FILLED = sorted({FIXTURES[name]["source"] for name in SOURCE_FIXTURES})
SBO_LINE = re.compile(r"Data from October 2021 through August 2025, released (\w+ \d{4})")


@pytest.fixture(scope="module")
def s3_env() -> Iterator[dict[str, str]]:
    """A real S3 API on 127.0.0.1 and the standard AWS variables that point every process at it."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)  # a developer's profile must not take over
        s3().mkdir(BUCKET)
        yield env
    server.stop()


@pytest.fixture
def s3_url(s3_env: dict[str, str]) -> str:
    """A fresh prefix in the bucket, as `BORDER_CACHE_DIR` would name it."""
    return f"s3://{BUCKET}/{uuid.uuid4().hex[:12]}"


@pytest.fixture
def s3_cache(s3_url: str, filled_cache: Path) -> str:
    """The filled store's snapshots, uploaded as they are laid out on disk."""
    fs = s3()
    raw = filled_cache / "raw"
    for path in raw.rglob("*"):
        relative = path.relative_to(raw)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            fs.put_file(str(path), f"{s3_url.removeprefix('s3://')}/raw/{relative.as_posix()}")
    return s3_url


def s3() -> fsspec.AbstractFileSystem:
    """The bucket as the test sees it, without cached listings."""
    return fsspec.filesystem("s3", use_listings_cache=False)


def machine(s3_url: str, tmp_path: Path, name: str) -> SnapshotStore:
    """The store as one machine sees it: its own folder for copies of the raw files."""
    return SnapshotStore(f"{s3_url}/raw", tmp_path / name / "raw")


def run_cli(s3_url: str, local: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m data_sources …` in its own process, as the scheduled job runs it on its own machine."""
    variables = os.environ | {"BORDER_CACHE_DIR": s3_url, "BORDER_LOCAL_CACHE_DIR": str(local)} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "data_sources", *args],
        cwd=REPO,
        env=variables,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_dir_fills_an_object_store_that_another_machine_reads(s3_url, fixture_folder, tmp_path):
    done = run_cli(s3_url, tmp_path / "job", "import-dir", str(fixture_folder))
    assert done.returncode == 0, done.stdout + done.stderr
    replica = machine(s3_url, tmp_path, "replica")
    current = replica.current("cbp_sbo")
    assert current is not None
    # the layout of a local store: the file as published beside its sidecar, and the pointer
    keys = s3().find(f"{s3_url.removeprefix('s3://')}/raw/cbp_sbo")
    assert sorted(key.split("/raw/cbp_sbo/", 1)[1] for key in keys) == [
        f"{current.folder}/{current.file_name}",
        f"{current.folder}/snapshot.json",
        "current.json",
    ]
    for key in FILLED:
        snapshot, warnings = replica.usable(key)
        assert snapshot is not None and warnings == []
        assert sha256_of(replica.file_path(snapshot)) == snapshot.sha256  # a checked local copy for the parsers
        assert replica.file_path(snapshot).is_relative_to(tmp_path / "replica")


def test_any_fsspec_file_system_holds_the_store(tmp_path):
    url = f"memory://border-{uuid.uuid4().hex[:8]}/raw"  # no conditional writes here: best-effort lock
    writer, reader = SnapshotStore(url, tmp_path / "one"), SnapshotStore(url, tmp_path / "two")
    assert import_file(writer, get_source("cbp_sbo"), source_file("cbp_sbo")).status == "updated"
    snapshot, warnings = reader.usable("cbp_sbo")
    assert snapshot == writer.current("cbp_sbo") and warnings == []
    with writer.lock("cbp_sbo"), pytest.raises(Timeout), reader.lock("cbp_sbo", timeout=0.5):
        pass


def test_damaged_object_is_refused_and_the_previous_vintage_used(s3_cache, tmp_path):
    store = machine(s3_cache, tmp_path, "job")
    assert import_file(store, get_source("cbp_sbo"), revised_sbo_file(tmp_path), vintage="2025-10").status == "updated"
    newest = store.current("cbp_sbo")
    s3().pipe_file(
        f"{s3_cache.removeprefix('s3://')}/raw/cbp_sbo/{newest.folder}/{newest.file_name}", b"Fiscal Year\n2025\n"
    )
    snapshot, warnings = machine(s3_cache, tmp_path, "replica").usable("cbp_sbo")
    assert snapshot is not None and snapshot.vintage == "2025-09"
    assert "fails its sha256 check" in warnings[0] and "previous vintage 2025-09" in warnings[1]


def test_one_lock_object_admits_one_writer(s3_cache, tmp_path):
    first, second = machine(s3_cache, tmp_path, "one"), machine(s3_cache, tmp_path, "two")
    with first.lock("cbp_sbo"):
        with pytest.raises(Timeout), second.lock("cbp_sbo", timeout=1):
            pass
        outcome = import_file(second, get_source("cbp_nationwide"), source_file("cbp_nationwide"), vintage="2024-02")
        assert outcome.status == "updated"  # other sources are not held up
    # a writer killed mid-upload leaves a folder without a sidecar; the next writer sweeps it away
    fs = s3()
    orphan = f"{s3_cache.removeprefix('s3://')}/raw/cbp_sbo/2025-11--{'0' * 12}/sbo.csv"
    fs.pipe_file(orphan, b"half")
    with second.lock("cbp_sbo", timeout=1):
        assert not fs.exists(orphan)
    # a lock whose holder died is taken over once its lease runs out, not before
    lock = f"{s3_cache.removeprefix('s3://')}/raw/cbp_sbo/.lock"
    fs.pipe_file(lock, json.dumps({"holder": "a killed job", "expires_at": time.time() + 1.5}).encode())
    started = time.monotonic()
    with second.lock("cbp_sbo", timeout=30):
        assert time.monotonic() - started >= 1


def test_new_vintage_check_reads_only_the_pointers(s3_cache, tmp_path):
    store = machine(s3_cache, tmp_path, "replica")
    before = tables.current_state(store)
    calls: list[str] = []
    fs = store.files.fs

    class Recording:
        def __getattr__(self, name: str):
            calls.append(name)
            return getattr(fs, name)

    store.files.fs = Recording()
    assert tables.current_state(store) == before
    assert calls == ["cat_file"] * len(SOURCES)  # one small GET of current.json per source, no listing


def page_text(url: str, page: str) -> str:
    """Every Markdown text of one page, read over the Streamlit websocket as a browser tab gets it."""
    message = BackMsg()
    message.rerun_script.page_name = page
    texts = []
    with connect(f"{url.replace('http', 'ws', 1)}/_stcore/stream", subprotocols=[Subprotocol("streamlit")]) as ws:
        ws.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(ws.recv(timeout=120))
            if forward.HasField("delta") and forward.delta.new_element.WhichOneof("type") == "markdown":
                texts.append(forward.delta.new_element.markdown.body)
            if forward.HasField("script_finished"):
                return "\n".join(texts)


def released(url: str) -> str:
    found = SBO_LINE.search(page_text(url, "data_downloads"))
    assert found, "the data page names no CBP release"
    return found.group(1)


def both(read: Callable[[str], str], *urls: str) -> list[str]:
    """Ask every server at once, as readers on different replicas would."""
    with ThreadPoolExecutor(len(urls)) as pool:
        return list(pool.map(read, urls))


def test_two_servers_serve_a_new_vintage_without_restart(s3_cache, filled_cache, tmp_path):
    env = {"BORDER_CACHE_DIR": s3_cache}
    for replica in ("one", "two"):  # each has already built the tables of the current snapshots
        shutil.copytree(filled_cache / "derived", tmp_path / replica / "derived")
    with (
        streamlit_server(env | {"BORDER_LOCAL_CACHE_DIR": str(tmp_path / "one")}) as first,
        streamlit_server(env | {"BORDER_LOCAL_CACHE_DIR": str(tmp_path / "two")}) as second,
    ):
        assert both(released, first, second) == ["September 2025"] * 2
        done = run_cli(
            s3_cache, tmp_path / "job", "import", "cbp_sbo", str(revised_sbo_file(tmp_path)), "--vintage", "2025-10"
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert both(released, first, second) == ["October 2025"] * 2


STALLED_JOB = """
import sys, time
from pathlib import Path
from data_sources.acquire import objectstore
from data_sources.cli import main

publish = objectstore.ObjectFiles.write

def stall_before_the_switch(self, path, data):
    if path.endswith("current.json"):
        Path(sys.argv[1]).touch()  # uploaded, read back and checked; the pointer not yet switched
        time.sleep(600)
    publish(self, path, data)

objectstore.ObjectFiles.write = stall_before_the_switch
sys.exit(main(sys.argv[2:]))
"""


def test_job_killed_before_the_switch_leaves_the_current_snapshot(s3_cache, tmp_path):
    store = machine(s3_cache, tmp_path, "replica")
    before = store.current("cbp_sbo")
    marker = tmp_path / "uploaded"
    revised = revised_sbo_file(tmp_path)
    env = os.environ | {
        "BORDER_CACHE_DIR": s3_cache,
        "BORDER_LOCAL_CACHE_DIR": str(tmp_path / "job"),
        "BORDER_LOCK_LEASE_SECONDS": "8",
    }
    job = subprocess.Popen(
        [sys.executable, "-c", STALLED_JOB, str(marker), "import", "cbp_sbo", str(revised), "--vintage", "2025-10"],
        cwd=REPO,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and job.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the job never reached the pointer switch"
    os.kill(job.pid, signal.SIGKILL)
    job.wait(timeout=10)
    with pytest.raises(Timeout), store.lock("cbp_sbo", timeout=0.5):  # held until the dead job's lease ends
        pass
    # every reader, old or new, still gets the previous snapshot, intact
    for reader in (store, machine(s3_cache, tmp_path, "new-replica")):
        assert reader.current("cbp_sbo") == before
        assert reader.usable("cbp_sbo") == (before, [])
    done = run_cli(s3_cache, tmp_path / "status", "status")
    assert re.search(rf"^cbp_sbo +{before.vintage} .* ok {before.sha256[:12]} ", done.stdout, re.M), done.stdout
    # the next run waits for the dead job's lease to run out, then completes the filing
    done = run_cli(s3_cache, tmp_path / "job", "import", "cbp_sbo", str(revised), "--vintage", "2025-10")
    assert done.returncode == 0, done.stdout + done.stderr
    assert store.current("cbp_sbo").vintage == "2025-10"
