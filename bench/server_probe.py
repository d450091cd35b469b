"""The server's side of bench/paint_timeline.py: when its script runs start and end, when each kind of
message is handed to the browser's queue (every message with `JCM_PROBE_ALL` set), and when the warm-up
has imported the map page's modules (its first date formatted), as `time.perf_counter()` lines
(CLOCK_MONOTONIC: the bench's and Chromium's clock) in the file `JCM_PROBE` names.

Loaded by a `sitecustomize` the bench puts on the server's PYTHONPATH: nothing in the product changes,
and this module imports only the standard library until the server has imported what it wraps."""

from __future__ import annotations

import os
import sys
import threading
import time

WRAPPED = {  # module -> (class or None, attribute): wrapped once the server has imported the module
    "streamlit.runtime.scriptrunner.script_runner": ("ScriptRunner", "_run_script"),
    "streamlit.runtime.forward_msg_queue": ("ForwardMsgQueue", "enqueue"),
    "streamlit.components.v2.component_manager": ("BidiComponentManager", "discover_and_register_components"),
    "streamlit.web.server.server": ("Server", "start"),
    "common.i18n": (None, "format_date"),  # the warm-up's first call, once its imports are done
}


SEEN = ("ui.warmup",)  # modules whose first import is logged: the launcher imports this one as the warm-up begins


def _log(out, what: str) -> None:
    out.write(f"{time.perf_counter():.6f} {what}\n")
    out.flush()


def _kind(msg) -> str:
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        name = element.WhichOneof("type")
        if name == "component_instance":
            name += ":" + element.component_instance.component_name
        return f"delta {name}"
    return kind or "?"


def _wrap(module, owner: str | None, attribute: str, out) -> None:
    target = getattr(module, owner) if owner else module
    inner = getattr(target, attribute)
    seen: set[str] = set()

    if attribute == "enqueue":
        def wrapper(self, msg, *args, **kwargs):
            kind = _kind(msg)
            if kind not in seen or os.environ.get("JCM_PROBE_ALL"):  # the first of each kind: when it was ready
                seen.add(kind)
                _log(out, f"server queued {kind}")
            return inner(self, msg, *args, **kwargs)
    else:
        def wrapper(*args, **kwargs):
            first = attribute not in seen or attribute == "_run_script"  # a script run: each one
            seen.add(attribute)
            if first:
                _log(out, f"server {attribute} start ({threading.current_thread().name})")
            try:
                return inner(*args, **kwargs)
            finally:
                if first:
                    _log(out, f"server {attribute} end")
    setattr(target, attribute, wrapper)


def _watch(path: str) -> None:
    pending = dict(WRAPPED)
    with open(path, "a", encoding="utf-8") as out:
        _log(out, "server python started")
        unseen = list(SEEN)
        while pending or unseen:
            for name in [n for n in unseen if n in sys.modules]:
                _log(out, f"server imports {name}")
                unseen.remove(name)
            for name, (owner, attribute) in list(pending.items()):
                if name in sys.modules and hasattr(sys.modules[name], owner or attribute):
                    _wrap(sys.modules[name], owner, attribute, out)
                    del pending[name]
            time.sleep(0.002)
        threading.Event().wait()  # keeps `out` open while the server writes to it


def install() -> None:
    """Start watching for the modules to wrap, if `JCM_PROBE` names a file (sitecustomize calls this)."""
    if path := os.environ.get("JCM_PROBE"):
        threading.Thread(target=_watch, args=(path,), name="bench-probe", daemon=True).start()
