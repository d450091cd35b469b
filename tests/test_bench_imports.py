"""Every benchmark module imports: CI never runs `make bench`, so a module that no longer imports
(a name moved to another module) would otherwise be found only by the next person measuring."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bench

MODULES = sorted(m.name for m in pkgutil.iter_modules(bench.__path__))


def test_the_benchmarks_are_all_found() -> None:
    assert {"run", "map_bench", "latency_bench", "readme", "reference"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_each_benchmark_module_imports(name: str) -> None:
    importlib.import_module(f"bench.{name}")


def test_the_server_side_map_benchmark_runs_on_a_few_links(monkeypatch) -> None:
    """Its Python side, on 40 links of a FICTIONAL overlay (a removed cache it still cleared broke
    `make bench` once while every module imported)."""
    from bench import map_bench
    from bench.reference import bundled as programme
    from core.overlay.model import Overlay, OverlayLink, OverlayPlace

    places = tuple(OverlayPlace(f"Fictional {i}", "JP" if i % 2 else "CN", 30 + i * 0.1, 120 + i * 0.2)
                   for i in range(20))
    fictional = Overlay("fictional.csv", places, tuple(OverlayLink(i % 20, (i + 1) % 20, i + 2) for i in range(40)))
    monkeypatch.setattr(map_bench, "SIZES", (40,))
    times, sizes = map_bench.server_side(programme(), fictional)
    assert [row[0] for row in times] == ["40"] and [row[0] for row in sizes] == ["40"]


def test_the_paint_timeline_names_streamlits_messages() -> None:
    """bench/paint_timeline.py reads the WebSocket's frames (and bench/server_probe.py the server's queue)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from bench import paint_timeline, server_probe

    msg = ForwardMsg()
    msg.delta.new_element.component_instance.component_name = "streamlit_folium.st_folium"
    the_map = "delta component_instance:streamlit_folium.st_folium"
    assert paint_timeline._message_kind(msg.SerializeToString()) == server_probe._kind(msg) == the_map
    msg = ForwardMsg()
    msg.script_finished = 0
    assert paint_timeline._message_kind(msg.SerializeToString()) == "script_finished 0"
