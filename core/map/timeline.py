"""The timeline control: a play button on the map that grows it year by year (assets/jcm-timeline.js).

Everything runs in the browser: a frame is one call that hides the links not yet born and dims
the places left without a link, so playing, pausing and stepping never reach the server. The
`year` URL parameter (core/view/params.py) only picks the frame the map opens at, so a tour step can
be "the programme in 1980".
"""

from __future__ import annotations

from collections.abc import Sequence

from folium.template import Template

from common.i18n import t
from core.map.encoding import js_value
from core.map.map import MAP_CSS, MAP_JS, JcmElement
from core.map.style import TIMELINE_FRAME_MS


class Timeline(JcmElement):
    """The timeline over the links of the layers named `link_layers` (their features' `y`, the
    agreement year) and the places of `place_layers` (dimmed when none of their links shows).
    `years` is (first, last) of the dated links shown, None when none has a year (no control);
    `start` the year the map opens at (None: the whole map, the timeline closed)."""

    scripts = (*MAP_JS, "jcm-links.js", "jcm-timeline.js")  # a link's ends: jcm.linkEnds
    styles = (*MAP_CSS, "jcm-timeline.css")

    _template = Template("""{% macro script(this, kwargs) %}
jcm.timeline({{ this._parent.get_name() }},
  [{% for n in this.link_layers %}{{ this._parent._children[n].get_name() }}{{ "," if not loop.last }}{% endfor %}],
  [{% for n in this.place_layers %}{{ this._parent._children[n].get_name() }}{{ "," if not loop.last }}{% endfor %}],
  {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, link_layers: Sequence[str], place_layers: Sequence[str], years: tuple[int, int] | None,
                 start: int | None, lang: str) -> None:
        super().__init__()
        self._name = "Timeline"
        self.link_layers, self.place_layers = list(link_layers), list(place_layers)
        texts = {"title": t("timeline.title", lang), "play": t("timeline.play", lang),
                 "pause": t("timeline.pause", lang), "back": t("timeline.back", lang),
                 "forward": t("timeline.forward", lang), "close": t("timeline.close", lang),
                 "undated": t("timeline.undated", lang)}
        self.options = js_value({"years": list(years) if years else None, "start": start,
                                 "frameMs": TIMELINE_FRAME_MS, "texts": texts})
