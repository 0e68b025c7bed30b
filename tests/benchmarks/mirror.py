"""A local mirror on 127.0.0.1 serving the real snapshot files the way the publishers do:
landing pages linking to the files, the files with ETag (and 304 on If-None-Match), the files
downloaded from a fixed address, and a SODA endpoint over the real BTS rows."""

from __future__ import annotations

import csv
import hashlib
import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from werkzeug import Request, Response
from werkzeug.serving import WSGIRequestHandler, make_server

from data_sources.acquire.snapshots import SnapshotStore
from data_sources.sources.registry import SOURCES

FILES = {
    "cbp_sbo": (
        "/document/stats/southwest-land-border-encounters",
        "/sites/default/files/2025-09/sbo-encounters-fy22-fy25-aug.csv",
    ),
    "ohss_usbp": ("/khsm/cbp-encounters", "/sites/default/files/2025-01/khsm-cbp-encounters-usbp-fy25m11.xlsx"),
    "cbp_nationwide": (
        "/document/stats/nationwide-encounters",
        "/sites/default/files/assets/documents/2024-Jan/nationwide-encounters-fy21-fy24-dec-aor.csv",
    ),
}
# Sources downloaded from a fixed address (no landing page): the path of their download URL.
DIRECT = ("iom_darien", "iom_mexico")


def soda_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "port_name": r["Port Name"],
            "state": r["State"],
            "port_code": r["Port Code"],
            "border": r["Border"],
            "date": pd.to_datetime(r["Date"], format="%b-%y").strftime("%Y-%m-%dT00:00:00.000"),
            "measure": r["Measure"],
            "value": r["Value"],
            "latitude": r["Latitude"],
            "longitude": r["Longitude"],
        }
        for r in rows
    ]


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: object, **kwargs: object) -> None:
        """No access log: the benchmark prints only its table."""


class Mirror:
    def __init__(self, store: SnapshotStore):
        self.routes: dict[str, bytes] = {}
        for key, (landing, file_path) in FILES.items():
            snapshot = store.current(key)
            assert snapshot is not None
            self.routes[file_path] = store.file_path(snapshot).read_bytes()
            self.routes[landing] = f'<html><body><a href="{file_path}">download</a></body></html>'.encode()
        for key in DIRECT:
            snapshot = store.current(key)
            assert snapshot is not None
            self.routes[urlsplit(SOURCES[key].download_url or "").path] = store.file_path(snapshot).read_bytes()
        bts = store.current("bts_crossings")
        assert bts is not None
        self.rows = soda_rows(store.file_path(bts))
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True, request_handler=QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.requests = 0

    def app(self, environ, start_response):  # type: ignore[no-untyped-def]
        request = Request(environ)
        self.requests += 1
        if request.path == "/resource/keg4-3bc2.json":
            return self.soda(request)(environ, start_response)
        body = self.routes.get(request.path)
        if body is None:
            return Response("not found", status=404)(environ, start_response)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})(environ, start_response)
        return Response(body, headers={"ETag": etag})(environ, start_response)

    def soda(self, request: Request) -> Response:
        if "count(" in request.args.get("$select", ""):
            latest = max(r["date"] for r in self.rows)
            return Response(json.dumps([{"n": str(len(self.rows)), "latest": latest}]))
        offset, limit = int(request.args["$offset"]), int(request.args["$limit"])
        return Response(json.dumps(self.rows[offset : offset + limit]))

    def __enter__(self) -> Mirror:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
