"""Load test: Streamlit websocket sessions of the article page and explorer filter changes.

Not part of the test suite. Run against one or more running servers (one per replica):

    .venv/bin/locust -f tests/benchmarks/locustfile.py --headless -u 20 -r 5 -t 60s \
        --host http://127.0.0.1:8501 --csv /tmp/load

or `python -m tests.benchmarks.load` (starts a server, runs this, prints sessions/s and p95).

Each simulated reader speaks Streamlit's own protocol (protobuf `BackMsg`/`ForwardMsg` over
`/_stcore/stream`), as a browser tab does, without drawing anything: the numbers are the server's
share of the work. Reported request types:

- `article: first chart`: connect, ask for the landing page, until the first Plotly chart arrives;
- `article: whole page`: the same until the script has finished;
- `explorer: filter change`: on the explorer page, switch the unit radio and wait for the rerun to
  finish with a new chart.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

import websocket
from locust import User, between, events, task
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

TIMEOUT_S = 120
UNIT_KEY = "explorer_unit"  # the explorer's unit radio (see dashboard/explorer_controls.py)


class StreamlitSession:
    """One websocket session: rerun a page, read messages until a condition holds."""

    def __init__(self, host: str) -> None:
        parts = urlsplit(host)
        self.ws = websocket.create_connection(
            f"ws://{parts.netloc}/_stcore/stream", timeout=TIMEOUT_S, subprotocols=["streamlit"]
        )
        self.pages: dict[str, str] = {}  # url path name → page script hash
        self.radio_ids: dict[str, tuple[str, list[str]]] = {}  # key suffix → (widget id, options)

    def rerun(self, page_hash: str = "", widgets: list[tuple[str, int]] = ()) -> None:  # type: ignore[assignment]
        message = BackMsg()
        state = message.rerun_script
        state.query_string = ""
        state.page_script_hash = page_hash
        for widget_id, index in widgets:
            widget = state.widget_states.widgets.add()
            widget.id, widget.int_value = widget_id, index
        self.ws.send_binary(message.SerializeToString())

    def read_until(self, done: Callable[[ForwardMsg], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            message = ForwardMsg()
            message.ParseFromString(self.ws.recv())
            self._note(message)
            if done(message):
                return
        raise TimeoutError("no answer in time")

    def _note(self, message: ForwardMsg) -> None:
        """Remember the pages and the radio widgets' ids, as the browser would."""
        if message.HasField("navigation"):
            for page in message.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
        if message.HasField("delta") and message.delta.HasField("new_element"):
            element = message.delta.new_element
            if element.WhichOneof("type") == "radio":
                self.radio_ids[element.radio.id.rsplit("-", 1)[-1]] = (element.radio.id, list(element.radio.options))

    def close(self) -> None:
        self.ws.close()


def is_chart(message: ForwardMsg) -> bool:
    return (
        message.HasField("delta")
        and message.delta.HasField("new_element")
        and message.delta.new_element.WhichOneof("type") == "plotly_chart"
    )


def is_finished(message: ForwardMsg) -> bool:
    return message.HasField("script_finished")


def record(name: str, started: float, error: Exception | None = None) -> None:
    events.request.fire(
        request_type="WS",
        name=name,
        response_time=(time.perf_counter() - started) * 1000,
        response_length=0,
        exception=error,
        context={},
    )


class Reader(User):
    """A reader who opens the article page, then sometimes changes an explorer filter."""

    wait_time = between(1, 3)

    @task(3)
    def article_page(self) -> None:
        started = time.perf_counter()
        try:
            session = StreamlitSession(self.host or "")
            session.rerun()
            session.read_until(is_chart)
            record("article: first chart", started)
            session.read_until(is_finished)
            record("article: whole page", started)
            session.close()
        except Exception as error:
            record("article: first chart", started, error)

    @task(1)
    def explorer_change(self) -> None:
        session = StreamlitSession(self.host or "")
        try:
            session.rerun()
            session.read_until(is_finished)
            session.rerun(session.pages.get("explorer", ""))
            session.read_until(is_finished)
            widget_id, options = session.radio_ids[UNIT_KEY]
            started = time.perf_counter()
            session.rerun(session.pages.get("explorer", ""), [(widget_id, 1 if len(options) > 1 else 0)])
            seen_chart = False

            def done(message: ForwardMsg) -> bool:
                nonlocal seen_chart
                seen_chart = seen_chart or is_chart(message)
                return is_finished(message) and seen_chart

            session.read_until(done)
            record("explorer: filter change", started)
        except Exception as error:
            record("explorer: filter change", time.perf_counter(), error)
        finally:
            session.close()
