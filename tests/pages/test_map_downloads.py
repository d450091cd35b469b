"""The map page's export buttons (ui/downloads.py): five formats of the view shown and the tour as
slides or a handout, made only when a button is clicked (never on a rerun), cached by view."""

from __future__ import annotations

import io

import pytest
import streamlit.testing.v1.app_test as app_test_module
from apptest_kit import assert_no_exception, open_app
from PIL import Image

import ui.downloads
from ui.streamlit_private import MediaFileManager


class _RecordingManager(MediaFileManager):
    instances: list[MediaFileManager] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _RecordingManager.instances.append(self)


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """Every format ui.downloads renders, in order (the real render still runs)."""
    done: list[str] = []
    real = ui.downloads.render

    def counting(view, fmt, size):
        done.append(fmt)
        return real(view, fmt, size)

    monkeypatch.setattr(ui.downloads, "render", counting)
    monkeypatch.setattr(app_test_module, "MediaFileManager", _RecordingManager)
    _RecordingManager.instances.clear()
    ui.downloads._file.clear()
    return done


def _download(button) -> bytes:
    """What the browser gets when the button is clicked: Streamlit runs its callable then."""
    manager = _RecordingManager.instances[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    return manager._storage.get_file(url.rsplit("/", 1)[-1].split(".")[0]).content


def test_five_formats_of_the_view_made_only_on_click(renders):
    at = open_app(query={"lang": "en", "province": "河北省"})
    assert_no_exception(at)
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert list(buttons) == ["Save PNG", "Save SVG", "Save PDF", "Save HTML", "Save PPTX",
                             "The tour as slides (PPTX)", "The tour as a handout (PDF)"]
    assert renders == []  # a rerun draws nothing
    png = _download(buttons["Save PNG"])
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    page = _download(buttons["Save HTML"]).decode("utf-8")
    assert '"t":"Tangshan"' in page and '"t":"Tianjin"' not in page  # labels of the filtered view, in English
    assert renders == ["png", "html"]
    at.run()
    assert renders == ["png", "html"]
    assert _download(at.get("download_button")[0]) == png  # same view: from the cache
    assert renders == ["png", "html"]


def test_the_tour_as_slides_and_handout_made_on_click_in_the_pages_language(monkeypatch, renders):
    """The whole tour (not the filtered view) in the reader's language; the deck itself is checked
    in tests/export/test_deck.py."""
    made: list[tuple] = []
    monkeypatch.setattr(ui.downloads, "render_tour",
                        lambda base, fmt, steps: made.append((base.lang, fmt, len(steps))) or b"PK")
    ui.downloads._tour_file.clear()
    at = open_app(query={"lang": "zh", "province": "河北省"})
    assert_no_exception(at)
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert made == []
    assert _download(buttons["导览幻灯片（PPTX）"]) == b"PK"
    assert _download(buttons["导览讲义（PDF）"]) == b"PK"
    assert made == [("zh", "pptx", 14), ("zh", "pdf", 14)]
