"""One test per private Streamlit API (ui/streamlit_private.py): after a Streamlit upgrade, a moved or
dropped one fails here by name, before the launcher, the overlay's media file or a page test does."""

from __future__ import annotations

import asyncio
import inspect
import socket
import threading
from types import SimpleNamespace

import pytest
import streamlit.testing.v1.app_test as app_test_module
import streamlit.testing.v1.local_script_runner as runner_module

from ui import streamlit_private as private


def test_runtime_says_whether_a_server_runs() -> None:
    """ui/launch.py waits for it before warming the first session's imports."""
    assert private.Runtime.exists() is False


def test_the_legacy_pages_router_can_be_switched_off() -> None:
    """ui/launch.py sets it before the server starts; test_app_shell sets it through AppTest's module."""
    assert hasattr(private.PagesManager, "uses_pages_directory")
    assert app_test_module.PagesManager is private.PagesManager


def test_the_launcher_runs_streamlits_own_command_line() -> None:
    assert callable(private.cli.main) and private.cli.main.name == "main"


def test_a_session_media_file_is_served_from_memory(monkeypatch) -> None:
    """The overlay's data reaches the map as one (ui/mapclick.publish_overlay); the page tests record them."""
    manager = private.MediaFileManager(private.MemoryMediaFileStorage("/media"))
    monkeypatch.setattr(private.runtime, "get_instance", lambda: SimpleNamespace(media_file_mgr=manager))
    url = private.add_media_file(b"{}", "application/json", "overlay")
    assert url.startswith("/media/") and url.endswith(".json")
    assert app_test_module.MediaFileManager is private.MediaFileManager
    assert app_test_module.MemoryMediaFileStorage is private.MemoryMediaFileStorage


def test_what_a_run_sends_can_be_recorded() -> None:
    """test_app_shell replaces the script runner's queue to read the navigation message it sends."""
    assert runner_module.ForwardMsgQueue is private.ForwardMsgQueue
    assert "msg" in inspect.signature(private.ForwardMsgQueue.enqueue).parameters
    assert {"app_pages", "position"} <= set(private.Navigation.DESCRIPTOR.fields_by_name)
    assert "HIDDEN" in private.Navigation.Position.keys()


def test_a_run_knows_the_page_its_address_asks_for() -> None:
    """ui/pagepath.py reads the page a deep link asks for, and sends a mistyped one to the map."""
    assert private.get_script_run_ctx() is None  # outside a run
    assert {"intended_page_name", "intended_page_script_hash", "set_script_intent"} <= set(dir(private.PagesManager))


def test_a_run_knows_its_session_s_id() -> None:
    """ui/follow.py notes which sessions follow the presenter, to wake them."""
    assert private.session_id() is None  # outside a run
    assert "session_id" in private.ScriptRunContext.__dataclass_fields__


def test_another_session_is_rerun_as_its_browser_would_ask(monkeypatch) -> None:
    """ui/follow.py wakes each follower when the presenter's view changes: the session's latest page,
    address and browser context, no widget states, handed to the server's event loop."""
    asked: list = []
    seen = private.ClientState(query_string="lang=zh", page_script_hash="abc", page_name="map")
    seen.widget_states.widgets.add(id="jcm_following", bool_value=True)
    seen.context_info.timezone = "Asia/Shanghai"
    session = SimpleNamespace(_client_state=seen, request_rerun=asked.append)
    sessions = {"s1": SimpleNamespace(session=session)}
    later: list[float] = []
    loop = SimpleNamespace(call_soon_threadsafe=lambda call, *args: call(*args),
                           call_later=lambda delay, call, *args: later.append(delay) or call(*args))
    server = SimpleNamespace(_session_mgr=SimpleNamespace(get_active_session_info=sessions.get),
                             _get_async_objs=lambda: SimpleNamespace(eventloop=loop))
    monkeypatch.setattr(private.Runtime, "exists", staticmethod(lambda: True))
    monkeypatch.setattr(private.Runtime, "instance", staticmethod(lambda: server))
    assert private.rerun_session("s1", 0.3) is True and later == [0.3]  # on the loop, 0.3 s from now
    assert private.rerun_session("gone") is False
    (state,) = asked
    assert (state.query_string, state.page_script_hash, state.page_name) == ("lang=zh", "abc", "map")
    assert state.context_info.timezone == "Asia/Shanghai" and not state.widget_states.widgets
    # and what the fakes stand for is there in Streamlit:
    assert {"get_active_session_info"} <= set(dir(private.SessionManager))
    assert "_session_mgr" in inspect.getsource(private.Runtime.__init__)
    assert {"_get_async_objs"} <= set(dir(private.Runtime))
    assert "client_state" in inspect.signature(private.AppSession.request_rerun).parameters
    assert "self._client_state = ClientState()" in inspect.getsource(private.AppSession.__init__)


def test_no_session_is_rerun_without_a_server() -> None:
    """In an AppTest no server runs: a follower cannot be woken, and nothing fails."""
    assert private.rerun_session("any") is False


def test_a_run_says_whose_elements_it_draws() -> None:
    """ui/pagepath.as_main_script gives app.py's elements the main script's identity under any router."""
    assert {"update", "get", "scoped"} <= set(dir(private.ThreadState))
    state = inspect.getmodule(private.ThreadState).FragmentThreadState
    assert "active_script_hash" in state.__dataclass_fields__


def test_a_components_json_arguments_import_no_pandas() -> None:
    """ui/mapclick.py: st_folium's lists and dicts are not asked of pandas; a dict of Series still is."""
    import subprocess
    import sys

    probe = ("import sys; from ui import streamlit_private as p; "
             "from streamlit.components.v1 import custom_component as c; "
             "p.json_args_without_pandas(); p.json_args_without_pandas(); ask = c.is_dataframe_like; "
             "plain = (ask(['a.js']), ask({'a': 1}), ask(None)); print(plain, 'pandas' in sys.modules); "
             "import pandas as pd; print(ask({'a': pd.Series([1])}), ask(pd.DataFrame()), ask([1, 2]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["(False, False, False) False", "True True False"]


def test_the_servers_connections_send_at_once() -> None:
    """ui/launch.py has the listening socket say TCP: asyncio then turns Nagle off on each connection."""
    from streamlit.web.server.starlette import starlette_server

    original = starlette_server._bind_socket
    try:
        private.no_delayed_responses()
        wrapped = starlette_server._bind_socket
        private.no_delayed_responses()  # once is enough: not wrapped twice
        assert starlette_server._bind_socket is wrapped is not original
        listening = starlette_server._bind_socket("127.0.0.1", 0, 8)
        with listening, socket.create_connection(listening.getsockname()):
            listening.setblocking(True)
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP

                async def served() -> int:  # as uvicorn's loop takes a connection
                    transport, _ = await asyncio.get_running_loop().connect_accepted_socket(asyncio.Protocol, accepted)
                    said = accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                    transport.abort()
                    return said

                nodelay: list[int] = []  # in a thread of its own: a browser test's loop may run in this one
                worker = threading.Thread(target=lambda: nodelay.append(asyncio.run(served())))
                worker.start()
                worker.join(10)
                assert nodelay and nodelay[0]
    finally:
        starlette_server._bind_socket = original


def test_streamlits_icon_names_are_read_from_the_catalogues_the_warm_up_imports() -> None:
    """ui/warmup.py imports them ahead: st.set_page_config's icon check would read them in the first run."""
    import importlib

    from streamlit import string_util

    emojis, material = (importlib.import_module(name) for name in private.ICON_CATALOGS)
    assert "🗺" in emojis.ALL_EMOJIS and "map" in material.ALL_MATERIAL_ICONS
    source = inspect.getsource(string_util)
    assert "from streamlit.emojis import ALL_EMOJIS" in source
    assert "from streamlit.material_icon_names import ALL_MATERIAL_ICONS" in source


def test_the_direct_run_warning_is_not_asked_for(monkeypatch) -> None:
    """ui/launch.py: the first element of a process no longer walks the stack (inspect.stack) to warn."""
    from streamlit import delta_generator, env_util

    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    private.no_direct_run_warning()
    monkeypatch.setattr(env_util, "is_repl", lambda: pytest.fail("the stack was walked"))
    delta_generator._maybe_print_use_warning()


def test_no_installed_package_holds_a_v2_component() -> None:
    """What makes ui/launch.py's no_component_scan change nothing: Streamlit's scan finds none here."""
    from streamlit.components.v2.manifest_scanner import scan_component_manifests

    assert scan_component_manifests() == []


def test_the_server_starts_without_the_component_scan(monkeypatch) -> None:
    from streamlit.components.v2 import component_manager, manifest_scanner

    manager = component_manager.BidiComponentManager
    monkeypatch.setattr(manager, "discover_and_register_components", manager.discover_and_register_components)
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", lambda: pytest.fail("scanned"))
    private.no_component_scan()
    manager().discover_and_register_components()
    assert "discover_and_register_components" in inspect.getsource(private.Runtime.__init__)
