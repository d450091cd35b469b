"""Every private Streamlit API the app and its tests use, named once: a Streamlit upgrade that moves or
drops one fails tests/ui/test_streamlit_private.py by name instead of somewhere in a page or a test.

Public Streamlit (`st.*`, `streamlit.testing.v1.AppTest`) is imported where it is used, not here.
"""

from __future__ import annotations

from types import ModuleType

from streamlit import runtime
from streamlit.proto.Navigation_pb2 import Navigation  # the sidebar's page list as sent (tests)
from streamlit.runtime import Runtime  # Runtime.exists(): the server is up (ui/launch.py)
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue  # what a run sends (tests)
from streamlit.runtime.media_file_manager import MediaFileManager  # the session's media files (tests)
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage  # where they are kept (tests)
from streamlit.runtime.pages_manager import PagesManager  # uses_pages_directory: no legacy pages/ router
from streamlit.runtime.scriptrunner import get_script_run_ctx  # the run's page intent (ui/pagepath.py)
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState  # whose elements (ui/pagepath.py)

__all__ = ["ForwardMsgQueue", "MediaFileManager", "MemoryMediaFileStorage", "Navigation", "PagesManager",
           "Runtime", "ThreadState", "add_media_file", "get_script_run_ctx"]  # and cli, below


def add_media_file(data: bytes, mimetype: str, name: str) -> str:
    """Serve `data` as one of this session's media files (kept in memory while its runs use it): its URL."""
    return runtime.get_instance().media_file_mgr.add(data, mimetype, name)


def __getattr__(name: str) -> ModuleType:
    """`cli` (streamlit.web.cli, whose main() is `streamlit run`) only when asked for: only the launcher
    needs it, and importing it costs ~40 ms that pages and AppTests need not pay."""
    if name == "cli":
        from streamlit.web import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
