"""The map itself (core/map/map.py): the element every other builds on."""

from __future__ import annotations

import folium
from folium.template import Template

from core.map.map import JcmElement


def test_an_elements_output_is_put_in_the_page_as_it_is_never_rendered_again_as_a_template():
    """branca compiles each macro's output again as a Jinja template and renders it: ours are not
    (that second pass cost ~10 ms of every rerun). The text below would come out as 49 after it."""
    class Probe(JcmElement):
        _template = Template("{% macro script(this, kwargs) %}var probe = {{ this.text|tojson }};{% endmacro %}")

        def __init__(self) -> None:
            super().__init__()
            self.text = "{{ 7*7 }}"

    m = folium.Map(tiles=None)
    m.add_child(Probe())
    page = m.get_root().render()
    assert 'var probe = "{{ 7*7 }}";' in page
    assert page.count("var probe") == 1
