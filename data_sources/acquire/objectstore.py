"""The snapshot store on an object store: S3 or any S3-compatible service (MinIO, Ceph, R2…), or
any other `fsspec` file system.

`BORDER_CACHE_DIR=s3://bucket/prefix` puts the store there. Endpoint and credentials come from the
usual variables, read by botocore and fsspec themselves: `AWS_ENDPOINT_URL` (or
`FSSPEC_S3_ENDPOINT_URL`), `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`.

**Publishing.** An object store cannot rename, but one PUT is atomic: an object is either wholly
there or absent. So a snapshot is filed in four steps, and readers only ever follow the last:
1. its raw file, under the snapshot's own prefix `<source>/<vintage>--<sha12>/`;
2. read back into this machine's copy and checked against its sha256 (an upload that arrived
   damaged stops here);
3. its sidecar, last, so a listing (`SnapshotStore.all`) only sees complete snapshots;
4. `current.json`, replaced with one PUT.
A writer killed anywhere before step 4 leaves the current snapshot exactly as it was; the next
writer of that source sweeps away a folder left without its sidecar.

**Reading.** Parsers take a local file, so each raw file is downloaded once into this machine's
`workdir` (`objects/<sha256>/<file name>`) and checked against its sha256 before it is used.
Sidecars never change once written and are kept in memory, so a reader's check for a new vintage
costs one small GET of `current.json` per source, not a listing.

**The one writer.** Each source has a lock object `<source>/.lock` holding a lease. It is created
with a conditional PUT (`If-None-Match: *`), which S3, MinIO and moto refuse when the object
exists, so two writers can never both hold it. A writer killed while holding it blocks that source
until its lease (`BORDER_LOCK_LEASE_SECONDS`, default one hour: longer than one source's refresh
can run, since each download stops after 15 minutes) runs out; the next writer then replaces the
expired lock with a PUT conditional on its ETag (`If-Match`), so of several waiting writers only
one wins. Other fsspec file systems offer no such conditions: there the lock is best effort and the
rule is a single scheduled refresh job.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import fsspec
from filelock import Timeout
from s3fs import S3FileSystem

from data_sources.acquire.snapshot_sidecar import SIDECAR, Snapshot, sha256_of

log = logging.getLogger(__name__)
LEASE_ENV = "BORDER_LOCK_LEASE_SECONDS"
LEASE_SECONDS = 3600
LOCK = ".lock"
POLL_SECONDS = 0.5


class ObjectFiles:
    """A store's bytes on an fsspec file system, with this machine's folder for copies and staging."""

    def __init__(self, url: str, workdir: Path):
        self.fs, self.base = fsspec.core.url_to_fs(url, use_listings_cache=False)  # listings always fresh
        self.workdir = workdir
        self._fixed: dict[str, bytes] = {}

    def _url(self, path: str) -> str:
        return f"{self.base}/{path}"

    def read(self, path: str, fixed: bool = False) -> bytes | None:
        if fixed and path in self._fixed:
            return self._fixed[path]
        try:
            data = self.fs.cat_file(self._url(path))
        except FileNotFoundError:
            return None
        if fixed:
            self._fixed[path] = data
        return data

    def write(self, path: str, data: bytes) -> None:
        self.fs.pipe_file(self._url(path), data)  # one PUT: readers see the old object or the new one

    def folders(self, key: str) -> list[str]:
        return [found.rsplit("/", 2)[-2] for found in self.fs.glob(self._url(f"{key}/*/{SIDECAR}"))]

    def publish(self, snapshot: Snapshot, staged: Path) -> None:
        prefix = f"{snapshot.source_key}/{snapshot.folder}"
        if self.fs.exists(self._url(f"{prefix}/{SIDECAR}")):
            staged.unlink(missing_ok=True)
            return
        self.fs.put_file(str(staged), self._url(f"{prefix}/{snapshot.file_name}"))
        staged.unlink()
        self.local_file(snapshot)  # read back and checked against its sha256 before anything points at it
        self.fs.pipe_file(self._url(f"{prefix}/{SIDECAR}"), snapshot.to_json().encode())

    def local_file(self, snapshot: Snapshot) -> Path:
        """This machine's copy of the raw file, downloaded once and checked against its sha256."""
        if Path(snapshot.file_name).name != snapshot.file_name or snapshot.file_name.startswith("."):
            raise ValueError(f"unsafe file name in a sidecar: {snapshot.file_name!r}")
        copy = self.workdir / "objects" / snapshot.sha256 / snapshot.file_name
        if copy.is_file():
            return copy
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = copy.parent / f".part-{uuid.uuid4().hex}"
        remote = self._url(f"{snapshot.source_key}/{snapshot.folder}/{snapshot.file_name}")
        try:
            self.fs.get_file(remote, str(partial))
            if sha256_of(partial) != snapshot.sha256:
                raise ValueError(f"{remote} does not match its recorded sha256")
            os.replace(partial, copy)
        finally:
            partial.unlink(missing_ok=True)
        return copy

    def staging_dir(self, key: str) -> Path:
        path = self.workdir / "staging" / key
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextmanager
    def lock(self, key: str, timeout: float) -> Iterator[None]:
        with lease(self.fs, self._url(f"{key}/{LOCK}"), timeout, lease_seconds()):
            self._sweep(key)
            yield

    def _sweep(self, key: str) -> None:
        """Remove partial downloads here and snapshot folders a killed writer left without a sidecar."""
        for leftover in self.staging_dir(key).iterdir():
            leftover.unlink(missing_ok=True)
        try:
            entries = self.fs.ls(self._url(key), detail=True)
        except FileNotFoundError:
            return
        for entry in entries:
            if entry["type"] == "directory" and not self.fs.exists(f"{entry['name']}/{SIDECAR}"):
                log.info("removing %s, left without a sidecar by an interrupted writer", entry["name"])
                self.fs.rm(entry["name"], recursive=True)


def lease_seconds() -> float:
    return float(os.environ.get(LEASE_ENV) or LEASE_SECONDS)


@contextmanager
def lease(fs: Any, path: str, timeout: float, seconds: float) -> Iterator[None]:
    """Hold the lock object at `path` for the block; raise `filelock.Timeout` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while (etag := _take(fs, path, seconds)) is None:
        if time.monotonic() >= deadline:
            raise Timeout(path, holder=_holder(fs, path))
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        _release(fs, path, etag)


def _take(fs: Any, path: str, seconds: float) -> str | None:
    """The new lock's ETag if taken: created where absent, or replacing a lock whose lease ran out."""
    body = json.dumps({"holder": f"{socket.gethostname()} pid {os.getpid()}", "expires_at": time.time() + seconds})
    try:
        return _etag(fs.pipe_file(path, body.encode(), mode="create"))
    except FileExistsError:
        pass
    try:
        etag = fs.info(path).get("ETag", "")  # the ETag first: if the lock changes after, the swap below fails
        held = json.loads(fs.cat_file(path))
    except FileNotFoundError:
        return None  # released meanwhile: try again
    if held.get("expires_at", 0) > time.time():
        return None
    log.warning("taking over %s: the lease of %s ran out", path, held.get("holder"))
    return _replace_if_unchanged(fs, path, body.encode(), etag)


def _replace_if_unchanged(fs: Any, path: str, body: bytes, etag: str) -> str | None:
    if isinstance(fs, S3FileSystem) and etag:
        bucket, key, _ = fs.split_path(path)
        try:
            return str(fs.call_s3("put_object", Bucket=bucket, Key=key, Body=body, IfMatch=etag)["ETag"])
        except OSError:  # 412: another writer took it first
            return None
    fs.rm_file(path)  # no conditional write on this file system: best effort (the single-writer rule)
    try:
        return _etag(fs.pipe_file(path, body, mode="create"))
    except FileExistsError:
        return None


def _release(fs: Any, path: str, etag: str) -> None:
    try:
        if fs.info(path).get("ETag", "") == etag:
            fs.rm_file(path)
            return
    except FileNotFoundError:
        pass
    log.warning("%s: the lease ran out before the work was done, and another writer holds it now", path)


def _holder(fs: Any, path: str) -> str | None:
    try:
        return str(json.loads(fs.cat_file(path)).get("holder"))
    except (FileNotFoundError, ValueError):
        return None


def _etag(response: object) -> str:
    """The ETag of a PUT's answer (S3), or "" where the file system gives none."""
    return str(response.get("ETag", "")) if isinstance(response, dict) else ""
