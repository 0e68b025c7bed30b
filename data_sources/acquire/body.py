"""Reading a response body within bounds: a byte cap, an overall deadline, a completeness check.

Kept apart from `fetch` (which decides what to request) because these are the guards against a
hostile or broken server: too many bytes, bytes too slowly, or fewer bytes than announced.
"""

from __future__ import annotations

import hashlib
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import requests

CHUNK_BYTES = 64 * 1024
Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes if known)


class BodyError(RuntimeError):
    """The body broke a bound; the message is one plain sentence."""


def _socket_of(response: requests.Response) -> socket.socket | None:
    """The socket a streamed body is read from: the connection's, or (when http.client handed it to
    the response, as it does for bodies without a length) the one under the response's file."""
    sock = getattr(getattr(response.raw, "connection", None), "sock", None)
    if sock is None:
        reader = getattr(getattr(response.raw, "_fp", None), "fp", None)
        sock = getattr(getattr(reader, "raw", None), "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


def check_declared_size(response: requests.Response, max_bytes: int) -> None:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise BodyError(f"the file is {int(declared):,} bytes, over the {max_bytes:,}-byte limit")


class Deadline:
    """An overall time limit for one body: a server trickling bytes cannot hold a refresh for hours.

    Socket timeouts only bound the wait for each packet; when the deadline passes, the connection
    is shut down from a timer thread, which ends the blocked read.
    """

    def __init__(self, response: requests.Response, seconds: float):
        self.response, self.seconds, self.expired = response, seconds, False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        sock = _socket_of(self.response)
        try:
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.response.close()


def _wire_bytes(response: requests.Response, decoded_size: int) -> int:
    """Bytes that came over the wire, which is what Content-Length counts.

    With `Content-Encoding: gzip` or `deflate` (most CDNs), Content-Length is the compressed size
    while `iter_content` yields decoded bytes, so the completeness check must use the raw count.
    """
    return int(response.raw.tell()) if _is_encoded(response) else decoded_size


def _is_encoded(response: requests.Response) -> bool:
    return response.headers.get("Content-Encoding", "").strip().lower() not in ("", "identity")


def stream_to_file(
    response: requests.Response, dest_dir: Path, max_bytes: int, progress: Progress | None, deadline: Deadline
) -> tuple[Path, str, int]:
    """Write the body to a temporary file, hashing as it goes; delete it on any failure."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    total = response.headers.get("Content-Length")
    expected = int(total) if total and total.isdigit() else None
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(dir=dest_dir, prefix="download-", suffix=".part", delete=False) as handle:
        path = Path(handle.name)
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise BodyError(f"the download passed the {max_bytes:,}-byte limit; stopped")
                digest.update(chunk)
                handle.write(chunk)
                if progress:
                    progress(size, None if _is_encoded(response) else expected)
            if deadline.expired:  # the timer ended the read, which may look like a normal end of body
                raise BodyError(f"the download took longer than {deadline.seconds:.0f} s; stopped")
            received = _wire_bytes(response, size)
            if expected is not None and received != expected:
                raise BodyError(f"the download stopped early ({received:,} of {expected:,} bytes)")
        except BaseException as error:
            path.unlink(missing_ok=True)
            if deadline.expired:
                raise BodyError(f"the download took longer than {deadline.seconds:.0f} s; stopped") from error
            raise
    return path, digest.hexdigest(), size
