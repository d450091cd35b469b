"""ui.widgets: which widgets the registry gives the sidebar, in which order, and which parameters
each one draws (parameters that share a label share a widget)."""

from __future__ import annotations

from core.data.models import RelationType
from core.view.params import PARAMS, Members
from ui.widgets import KINDS, widgets


def test_the_sidebar_widgets_follow_the_registry() -> None:
    drawn = [(w.key, tuple(p.name for p in w.params), w.filters) for w in widgets()]
    assert drawn == [
        ("province", ("province",), True),
        ("years", ("from", "to"), True),
        ("undated", ("undated",), True),
        ("relation", ("relation",), True),
        ("stage", ("stage",), True),
        ("q", ("q",), True),
        ("asof", ("asof",), False),
        ("since", ("since",), False),
        ("color", ("color",), False),
        ("basemap", ("basemap",), False),
    ]


def test_every_widget_kind_of_the_registry_exists() -> None:
    assert {p.widget for p in PARAMS if p.widget} <= set(KINDS)


def test_neighbours_of_one_kind_with_their_own_labels_are_separate_widgets() -> None:
    a = Members(name="a", enum=RelationType, widget="multiselect", label="filter.relation")
    b = Members(name="b", enum=RelationType, widget="multiselect", label="filter.stage")
    assert [w.key for w in widgets((a, b))] == ["a", "b"]
