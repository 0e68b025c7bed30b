"""HTTP downloads done properly: one session, timeouts, retries, a size cap, conditional requests.

Every request goes through `Fetcher`: an honest User-Agent, connect/read timeouts, retries with
exponential backoff on 429 and 5xx (honouring Retry-After), streaming to a temporary file with a
byte cap, and ETag / Last-Modified validators so an unchanged file costs one small request.
Only the hosts a source declares (or the mirror) are contacted.

`BORDER_DATA_MIRROR` (e.g. `http://127.0.0.1:8080`) replaces the scheme and host of every URL, for
mirrors and for tests; the path is kept, after any path the mirror URL itself carries.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from data_sources.acquire.body import BodyError, Deadline, Progress, check_declared_size, stream_to_file

MIRROR_ENV = "BORDER_DATA_MIRROR"
USER_AGENT = (
    "BorderNumbersInContext/0.1 (open-source dashboard of public border statistics; "
    "python-requests; refreshes at most daily)"
)
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_REDIRECTS = 5


class FetchError(RuntimeError):
    """A download failed; the message is one plain sentence a person can act on."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class FetchSettings:
    """Network knobs; tests shrink the timeouts and backoff, production keeps the defaults."""

    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 3
    backoff_factor: float = 1.0
    backoff_max: float = 60.0
    total_seconds: float = 900.0  # one download, start to end, however slowly the bytes come


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators remembered from the last successful download."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """Conditional request headers, so the server can answer 304 Not Modified."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Downloaded:
    """A finished download (`path` is None when the server said 304 Not Modified)."""

    url: str
    path: Path | None
    sha256: str | None
    size_bytes: int
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.path is None


def mirrored(url: str, mirror: str | None = None) -> str:
    """The URL to fetch: `url` itself, or the same path on the mirror when one is configured."""
    mirror = mirror if mirror is not None else os.environ.get(MIRROR_ENV, "")
    if not mirror:
        return url
    base = urlsplit(mirror.rstrip("/"))
    parts = urlsplit(url)
    return urlunsplit((base.scheme, base.netloc, base.path + parts.path, parts.query, ""))


class Fetcher:
    """One `requests.Session` shared by every download of a refresh."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        retry = Retry(
            total=self.settings.retries,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET", "HEAD"}),
            backoff_factor=self.settings.backoff_factor,
            backoff_max=self.settings.backoff_max,
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def close(self) -> None:
        self.session.close()

    def get_text(
        self, url: str, allowed_hosts: frozenset[str], max_bytes: int, validators: Validators | None = None
    ) -> tuple[str | None, Downloaded]:
        """Fetch a small page (a landing page) into memory; text is None on 304."""
        with tempfile.TemporaryDirectory() as scratch:
            result = self.download(url, allowed_hosts, Path(scratch), max_bytes, validators)
            text = None if result.path is None else result.path.read_text("utf-8", errors="replace")
        return text, result

    def download(
        self,
        url: str,
        allowed_hosts: frozenset[str],
        dest_dir: Path,
        max_bytes: int,
        validators: Validators | None = None,
        progress: Progress | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Downloaded:
        """Stream `url` (or its mirror) into a new file in `dest_dir`, or report 304."""
        _check_host(url, allowed_hosts)
        target = mirrored(url)
        headers = (headers or {}) | (validators.headers() if validators else {})
        try:
            with self._get(target, allowed_hosts, params, headers) as response:
                if response.status_code == 304:
                    return Downloaded(url, None, None, 0, validators or Validators())
                _raise_for_status(response, target, self.settings.retries)
                check_declared_size(response, max_bytes)
                with Deadline(response, self.settings.total_seconds) as deadline:
                    path, digest, size = stream_to_file(response, dest_dir, max_bytes, progress, deadline)
                got = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
                return Downloaded(url, path, digest, size, got)
        except BodyError as error:
            raise FetchError(str(error)) from error
        except requests.Timeout as error:
            raise FetchError(f"{_host(target)} did not answer in time ({error.__class__.__name__})") from error
        except requests.exceptions.RetryError as error:
            raise FetchError(f"{_host(target)} kept failing after {self.settings.retries} retries") from error
        except requests.exceptions.ChunkedEncodingError as error:
            raise FetchError(f"the connection to {_host(target)} broke off mid-download") from error
        except requests.ConnectionError as error:
            if _timed_out(error):
                raise FetchError(f"{_host(target)} did not answer in time (read timeout)") from error
            raise FetchError(f"could not connect to {_host(target)} (offline, or the host is down)") from error
        except requests.RequestException as error:  # invalid URL or schema, too many redirects …
            raise FetchError(f"the request to {_host(target)} failed ({error.__class__.__name__})") from error

    def _get(
        self, target: str, allowed_hosts: frozenset[str], params: dict[str, str] | None, headers: dict[str, str]
    ) -> requests.Response:
        """GET, following redirects by hand: each hop's scheme and host are checked *before* it is contacted."""
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        for _ in range(MAX_REDIRECTS + 1):
            response = self.session.get(
                target, params=params, headers=headers, stream=True, timeout=timeout, allow_redirects=False
            )
            if not response.is_redirect:
                return response
            location = urljoin(target, response.headers.get("Location", ""))
            response.close()
            if urlsplit(location).scheme not in ("http", "https"):
                raise FetchError(f"{_host(target)} redirected to a non-web address; refused")
            _check_host(location, allowed_hosts)
            target, params = mirrored(location), None
        raise FetchError(f"{_host(target)} redirected more than {MAX_REDIRECTS} times; refused")


def _timed_out(error: requests.ConnectionError) -> bool:
    """requests reports read timeouts that exhausted the retries as a ConnectionError."""
    reason = getattr(error.args[0] if error.args else None, "reason", None)
    return isinstance(reason, ReadTimeoutError)


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _check_host(url: str, allowed_hosts: frozenset[str]) -> None:
    """Refuse any host the registry did not declare; the configured mirror stands in for them all."""
    host = urlsplit(url).hostname or ""
    mirror_host = urlsplit(os.environ.get(MIRROR_ENV, "")).hostname
    if host not in allowed_hosts and host != mirror_host:
        raise FetchError(f"refusing to fetch from {host!r}: not a registered host ({sorted(allowed_hosts)})")


def _raise_for_status(response: requests.Response, url: str, retries: int) -> None:
    status = response.status_code
    if status < 400:
        return
    host = _host(url)
    if status == 403:
        message = f"{host} refused the download (HTTP 403 Forbidden)"
    elif status == 404:
        message = f"{host} has no file at {urlsplit(url).path} (HTTP 404 Not Found); it may have moved"
    elif status in RETRY_STATUSES:
        message = f"{host} kept failing (HTTP {status}) after {retries} retries"
    else:
        message = f"{host} answered HTTP {status} {response.reason}"
    raise FetchError(message, status)
