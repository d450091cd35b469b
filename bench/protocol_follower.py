"""A follower that speaks Streamlit's own WebSocket protocol instead of running a browser: for the
seats beyond what Chromium can drive on a 2-core laptop (bench/follow_bench.py).

It sends what the page would send (the first run with `?lang=…`, then the "follow" switch turned on)
from another device's address (127.0.0.2, bench/devices.py), and notes when a text first arrives in
the server's messages: the runs the server starts itself when the presenter moves (ui/follow.py). The
server does for it all it does for a browser; only the drawing (the browser's share) is left out.
"""

from __future__ import annotations

import threading
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from bench.devices import DEVICE, connect_as_device

SWITCH = "jcm_following"  # ui/follow.py's switch key (a part of the widget's id)


class ProtocolFollower:
    def __init__(self, port: int, lang: str = "zh") -> None:
        self.query = f"lang={lang}"
        self.switch_id: str | None = None
        self.following = False
        self.watched: bytes | None = None
        self.shown_ms: float | None = None
        self.ready = threading.Event()  # the switch is known
        self._stop = threading.Event()
        self.socket = connect(f"ws://{DEVICE}:{port}/_stcore/stream", sock=connect_as_device(port),
                              subprotocols=["streamlit"], max_size=None, open_timeout=30)
        threading.Thread(target=self._receive, daemon=True).start()
        self._rerun()

    def _widgets(self) -> WidgetStates:
        states = WidgetStates()
        if self.following and self.switch_id:
            states.widgets.append(WidgetState(id=self.switch_id, bool_value=True))
        return states

    def _rerun(self) -> None:
        message = BackMsg(rerun_script=ClientState(query_string=self.query, widget_states=self._widgets()))
        try:
            self.socket.send(message.SerializeToString())
        except ConnectionClosed:
            self._stop.set()

    def _receive(self) -> None:
        try:
            for data in self.socket:
                if self.watched is not None and self.shown_ms is None and self.watched in data:
                    self.shown_ms = time.time() * 1000
                message = ForwardMsg.FromString(data)
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.new_element.WhichOneof("type") == "checkbox":
                    widget = message.delta.new_element.checkbox.id
                    if SWITCH in widget:
                        self.switch_id = widget
                        self.ready.set()
        except ConnectionClosed:
            pass
        finally:
            self._stop.set()

    def follow(self) -> None:
        """Turn the switch on, as a tap would; from then on the server sends each new view unasked."""
        if not self.ready.wait(120):
            raise RuntimeError("the follow switch never arrived: is the server shared (--share)?")
        self.following = True
        self._rerun()

    def watch(self, text: str) -> None:
        """Note the time `text` first arrives from now on (shown_ms)."""
        self.shown_ms = None
        self.watched = text.encode("utf-8")

    def shown_at(self, timeout: float = 30.0) -> float | None:
        """When the watched text arrived (ms, this machine's clock); None if not within `timeout` s."""
        deadline = time.monotonic() + timeout
        while self.shown_ms is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.shown_ms

    def close(self) -> None:
        self._stop.set()
        self.socket.close()
