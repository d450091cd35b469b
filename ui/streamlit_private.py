"""Every private Streamlit API the app and its tests use, named once: a Streamlit upgrade that moves or
drops one fails tests/ui/test_streamlit_private.py by name instead of somewhere in a page or a test.

Public Streamlit (`st.*`, `streamlit.testing.v1.AppTest`) is imported where it is used, not here.
"""

from __future__ import annotations

import socket
import sys
from types import ModuleType

from streamlit import runtime
from streamlit.components.v1 import custom_component  # is_dataframe_like: see json_args_without_pandas
from streamlit.proto.ClientState_pb2 import ClientState  # how a browser asks for a run (rerun_session)
from streamlit.proto.Navigation_pb2 import Navigation  # the sidebar's page list as sent (tests)
from streamlit.runtime import Runtime  # Runtime.exists(): the server is up (ui/launch.py)
from streamlit.runtime.app_session import AppSession  # what rerun_session asks (tests)
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue  # what a run sends (tests)
from streamlit.runtime.media_file_manager import MediaFileManager  # the session's media files (tests)
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage  # where they are kept (tests)
from streamlit.runtime.pages_manager import PagesManager  # uses_pages_directory: no legacy pages/ router
from streamlit.runtime.scriptrunner import get_script_run_ctx  # the run's page intent (ui/pagepath.py)
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    ScriptRunContext,  # its session_id (tests)
    ThreadState,  # whose elements (ui/pagepath.py)
)
from streamlit.runtime.session_manager import SessionManager  # where rerun_session finds a session (tests)

__all__ = ["AppSession", "ClientState", "ForwardMsgQueue", "MediaFileManager", "MemoryMediaFileStorage",
           "Navigation", "PagesManager", "Runtime", "ScriptRunContext", "SessionManager", "ThreadState",
           "ICON_CATALOGS", "add_media_file", "get_script_run_ctx", "json_args_without_pandas",
           "no_component_scan", "no_delayed_responses", "no_direct_run_warning", "rerun_session",
           "session_id"]  # and cli, below

# Streamlit's lists of the emoji and Material icon names, which it reads on the first icon a process checks:
# the emoji list took 50-100 ms of the first run's st.set_page_config (the page icon), before anything was
# sent. The warm-up imports them (ui/warmup.py).
ICON_CATALOGS = ("streamlit.emojis", "streamlit.material_icon_names")


def add_media_file(data: bytes, mimetype: str, name: str) -> str:
    """Serve `data` as one of this session's media files (kept in memory while its runs use it): its URL."""
    return runtime.get_instance().media_file_mgr.add(data, mimetype, name)


def session_id() -> str | None:
    """The id of the session whose run this is (None outside a run): what `rerun_session` is given."""
    ctx = get_script_run_ctx()
    return None if ctx is None else ctx.session_id


def rerun_session(session_id: str, delay: float = 0.0) -> bool:
    """Run another session's script again, as its browser would ask: the same page, address and
    browser context, its widgets' values as the server holds them (no widget states sent: none
    changed, no callback fires; the browser's latest ones may be older than what the session's last
    run set). Called from any thread; the request is handed to the server's event loop, where
    Streamlit handles a browser's. False when the session has gone (closed or disconnected), or when
    no server runs (an AppTest)."""
    if not Runtime.exists():
        return False
    server = Runtime.instance()
    info = server._session_mgr.get_active_session_info(session_id)
    if info is None:
        return False
    session = info.session
    seen = session._client_state  # what its browser sent with its latest request
    asked = ClientState(query_string=seen.query_string, page_script_hash=seen.page_script_hash,
                        page_name=seen.page_name)
    if seen.HasField("context_info"):
        asked.context_info.CopyFrom(seen.context_info)
    loop = server._get_async_objs().eventloop  # asked `delay` seconds later on the loop: no thread of ours
    loop.call_soon_threadsafe(loop.call_later, delay, session.request_rerun, asked)
    return True


def json_args_without_pandas() -> None:
    """A component's plain list and dict arguments (st_folium's are JSON) pass without importing pandas.

    Streamlit asks `dataframe_util.is_dataframe_like` of every argument of a component call, and
    that imports pandas (47 MB, 0.2 s on a cold process) to compare types. A plain list or dict is
    never dataframe-like but for a dict of pandas Series, which cannot exist before pandas is
    imported: then the answer is False without asking; anything else is asked as before."""
    if getattr(custom_component.is_dataframe_like, "asks_pandas", True):
        custom_component.is_dataframe_like = _dataframe_like(custom_component.is_dataframe_like)


def _dataframe_like(asked):
    def is_dataframe_like(obj: object) -> bool:
        return False if type(obj) in (list, dict) and "pandas" not in sys.modules else asked(obj)

    is_dataframe_like.asks_pandas = False
    return is_dataframe_like


def no_delayed_responses() -> None:
    """Every connection the server accepts sends at once (TCP_NODELAY), as Tornado's did.

    Streamlit 1.67 binds its listening socket itself, as `socket.socket(family)`: protocol 0, which its
    accepted connections inherit, and asyncio turns Nagle's algorithm off only for a socket whose
    protocol says TCP. With Nagle on, uvicorn's response in two writes (head, then body) waits for the
    browser's delayed acknowledgement: 40 ms for every request after the first on a kept-alive
    connection. st_folium loads the map's scripts one after another: 12 of them, ~0.5 s of a fresh
    tab's first map (bench/paint_timeline.py). The same socket, said to be TCP, before uvicorn sees it."""
    from streamlit.web.server.starlette import starlette_server

    bind = starlette_server._bind_socket
    if getattr(bind, "says_tcp", False):
        return

    def bind_socket(address: str, port: int, backlog: int) -> socket.socket:
        sock = bind(address, port, backlog)
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        tcp.setblocking(False)
        tcp.set_inheritable(True)
        return tcp

    bind_socket.says_tcp = True
    starlette_server._bind_socket = bind_socket


def no_component_scan() -> None:
    """The server starts without looking for Streamlit "v2" components among the installed packages.

    Streamlit reads the metadata of every installed distribution for their manifests before the server
    listens: 60 ms on an idle laptop, 150-300 ms while the warm-up imports beside it. The app uses none
    (st_folium is a v1 component, declared when its module is imported); a test holds the installed
    packages to that."""
    from streamlit.components.v2.component_manager import BidiComponentManager

    BidiComponentManager.discover_and_register_components = _no_scan


def _no_scan(self, *, start_file_watching: bool = True) -> None:
    """No installed v2 component to register (see no_component_scan), no folder of theirs to watch."""


def no_direct_run_warning() -> None:
    """Skip Streamlit's check, on the first element a process sends, for a script run without `streamlit run`.

    It asks `inspect.stack()`, which reads the source of every frame and resolves the file of every loaded
    module: 70-110 ms of the first session's run, before the page's first element is sent. The launcher
    runs `streamlit run`: the warning can never apply."""
    from streamlit import delta_generator

    delta_generator._use_warning_has_been_displayed = True


def __getattr__(name: str) -> ModuleType:
    """`cli` (streamlit.web.cli, whose main() is `streamlit run`) only when asked for: only the launcher
    needs it, and importing it costs ~40 ms that pages and AppTests need not pay."""
    if name == "cli":
        from streamlit.web import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
