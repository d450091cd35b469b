"""`make run`'s entry: `streamlit run app.py` with the first session's work done ahead.

A fresh server spends its first session importing the pages' libraries and writing static files
(8-9 s from `make run` to the map painted on a 2-core laptop). Here a background thread does that
(ui/warmup.py) while Streamlit starts and the browser loads its page, so the first session finds
it done. Arguments are `streamlit run`'s, e.g. `python serve.py --server.port 8501 -- --data-dir DIR`.
"""

import sys
import threading
import time
from pathlib import Path

from streamlit.runtime import Runtime
from streamlit.web import cli


def _warm() -> None:
    # Once Streamlit's runtime exists: a component declared before it (streamlit_folium's map)
    # would be registered where the server never looks for it, and the map would be a 404.
    while not Runtime.exists():
        time.sleep(0.05)
    from ui.warmup import warm  # imported here: Streamlit's server starts without waiting for it

    warm()


if __name__ == "__main__":
    threading.Thread(target=_warm, name="warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(Path(__file__).with_name("app.py")), *sys.argv[1:]]
    sys.exit(cli.main())
