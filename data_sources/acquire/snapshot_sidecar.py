"""One snapshot's record (the sidecar, `snapshot.json`) and the checksums that prove its file intact.

Kept apart from the store (`snapshots`) and from where its bytes live (`store_files`, `objectstore`):
every kind of storage writes and checks the same record, and readers of provenance need nothing else.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["SIDECAR", "Snapshot", "checked_sha256", "sha256_of"]

SIDECAR = "snapshot.json"


@dataclass(frozen=True)
class Snapshot:
    """Provenance of one raw file as published (the sidecar's fields)."""

    source_key: str
    file_name: str
    url: str
    retrieved_at: str
    sha256: str
    size_bytes: int
    coverage_start: str
    coverage_end: str
    vintage: str  # release month, YYYY-MM
    method: str  # "download", "import" (one file) or "local-folder" (import-dir, fill)
    etag: str | None = None
    last_modified: str | None = None
    note: str = ""
    folder: str = ""  # set when read from the store; not stored

    def to_json(self) -> str:
        fields = asdict(self)
        fields.pop("folder")
        return json.dumps(fields, indent=2, sort_keys=True) + "\n"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_verified: dict[tuple[str, int, int, int, int], str] = {}


def checked_sha256(path: Path) -> str:
    """`sha256_of`, remembered while the file's inode, size, modification and change times stay the
    same: pages check every snapshot on every visit, and rehashing a 100 MB file each time would cost
    more than the page. Any write to the file changes its change time (which no program can set back),
    so a file altered in place is hashed again."""
    stat = path.stat()
    signature = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    if signature not in _verified:
        if len(_verified) > 256:
            _verified.clear()
        _verified[signature] = sha256_of(path)
    return _verified[signature]
