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
