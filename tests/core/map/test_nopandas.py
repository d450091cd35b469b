"""core.map.nopandas: folium is imported without pandas, and every other importer still gets pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _run(probe: str) -> str:
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_map_imports_folium_without_pandas() -> None:
    probe = ("import sys; import core.map.build, folium.utilities; "
             "print('pandas' in sys.modules, 'pyarrow' in sys.modules, folium.utilities.pd)")
    assert _run(probe) == "False False None"


def test_every_other_importer_gets_pandas_and_the_finder_is_there_once() -> None:
    probe = ("import sys; import core.map.build, ui.tables; import pandas; "
             "print(pandas.DataFrame({'a': [1]}).shape, "
             "sum(type(f).__name__ == 'RefusePandasToFolium' for f in sys.meta_path))")
    assert _run(probe) == "(1, 1) 1"


def test_folium_imported_after_pandas_keeps_it() -> None:
    """Nothing is taken from folium when pandas is there already (a test process, the export command)."""
    probe = "import pandas; import core.map.build, folium.utilities; print(folium.utilities.pd is pandas)"
    assert _run(probe) == "True"
