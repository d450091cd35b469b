"""The overlay in the app: each session sees only its own upload, the start-up file is everyone's
until a session uploads its own, and the data folder is never touched.

AppTest cannot click a file uploader: sessions are seeded with `ui.overlay.upload_state`, the very
function the uploader's callback stores. Every file here is FICTIONAL."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from pathlib import Path

import openpyxl
import pytest
from apptest_kit import REPO, assert_no_exception, click, open_app

from common.i18n import t
from core.report.wording import markdown_text
from ui.overlay import upload_state
from ui.streamlit_private import MediaFileManager

CSV_A = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
         "Fictional-Minato,Japan,34.69,135.19,Fictional-Hai,China,39.13,117.2\n"
         "Fictional-Minato,Japan,34.69,135.19,Fictional-Yama,China,41.8,123.43\n"
         "Broken,Japan,95,135.19,Fictional-Hai,China,39.13,117.2\n").encode()


def xlsx_b() -> bytes:
    book = openpyxl.Workbook()
    for row in (["自治体", "緯度", "経度", "相手都市", "緯度2", "経度2", "備考"],
                ["架空町", 35.0, 139.0, "架空城", 31.2, 121.5, "=HYPERLINK(\"x\")"]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _counts(pairs: int, japan_china: int, failed: int) -> str:
    """The sidebar's count line in English, as the catalogue words it."""
    return t("overlay.counts", "en", pairs=f"{pairs:,}", japan_china=f"{japan_china:,}", failed=f"{failed:,}")


def folder_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def overlay_texts(at) -> str:
    titles = ("他の姉妹・友好都市（重ねて表示）", "Other partnerships (overlay)")
    section = [e for e in at.sidebar.expander if e.label in titles]
    assert len(section) == 1
    parts = [str(e.value) for kind in ("text", "caption", "code", "error") for e in getattr(section[0], kind)]
    parts += [e.value.to_csv() for e in section[0].dataframe]
    return "\n".join(parts)


@pytest.fixture
def no_start_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JCAIR_OVERLAY", raising=False)


def test_two_sessions_each_see_only_their_own_upload(no_start_file):
    before = folder_hash(REPO / "data")
    a = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    b = open_app(query={"lang": "en"}, state=upload_state("b.xlsx", xlsx_b()))
    nobody = open_app(query={"lang": "en"})
    for at in (a, b, nobody):
        assert_no_exception(at)
    shown_a, shown_b, shown_none = overlay_texts(a), overlay_texts(b), overlay_texts(nobody)
    assert _counts(2, 2, 1) in shown_a and "Fictional-Hai" in shown_a
    assert "line 4, column lat1: 95 is out of range" in shown_a  # the failed row, worded like a data file's
    assert _counts(1, 0, 0) in shown_b and "架空城" in shown_b
    assert '=HYPERLINK(""x"")' not in shown_b  # a formula in a workbook is its (absent) value, never run
    assert "Fictional" not in shown_b and "架空" not in shown_a and shown_none == ""
    # The column roles found, reassignable: the workbook's 備考 column is no role until chosen.
    assert [s.value for s in b.sidebar.selectbox if s.label == "name of place 2"] == ["相手都市"]
    assert folder_hash(REPO / "data") == before


def test_the_start_up_file_is_everyones_until_a_session_uploads_its_own(tmp_path, monkeypatch):
    start = tmp_path / "start.csv"
    start.write_bytes(CSV_A)
    monkeypatch.setenv("JCAIR_OVERLAY", str(start))
    everyone = open_app(query={"lang": "en"})
    own = open_app(query={"lang": "en"}, state=upload_state("b.xlsx", xlsx_b()))
    assert "Loaded at start: start.csv" in overlay_texts(everyone) and "Fictional-Hai" in overlay_texts(everyone)
    assert "Fictional" not in overlay_texts(own) and "架空城" in overlay_texts(own)
    # One session reassigns a column: only its own overlay changes.
    city2 = [s for s in everyone.sidebar.selectbox if s.label == "name of place 2"][0]
    city2.select_index(0).run()  # (none)
    assert _counts(0, 0, 0) in overlay_texts(everyone)
    assert "no column holds the name of place 2" in overlay_texts(everyone)
    assert _counts(2, 2, 0).split(";")[0] in overlay_texts(open_app(query={"lang": "en"}))
    presenting = open_app(query={"lang": "en", "present": "1"})  # the filter panel: the switch and the scope only
    assert [w.label for w in presenting.toggle if w.key == "_overlay_show"] == ["Show on the map"]
    assert [w.value for w in presenting.radio if w.key == "_overlay_scope"] == ["japan_china"]
    assert not presenting.sidebar.expander


def test_a_start_up_file_that_cannot_be_read_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("JCAIR_OVERLAY", str(tmp_path / "missing.csv"))
    at = open_app(query={"lang": "ja"})
    assert_no_exception(at)
    shown = overlay_texts(at)
    assert "このファイルは読み込めませんでした" in shown and "missing.csv" in shown


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("make", "words"), [
    # the page never came
    pytest.param(lambda p: os.mkfifo(p), "この名前はファイルではなく名前付きパイプです", id="fifo"),
    # memory ran out
    pytest.param(lambda p: p.symlink_to("/dev/zero"), "この名前はファイルではなくデバイスです", id="dev-zero"),
])
def test_a_start_up_file_that_is_a_pipe_or_a_device_is_refused_and_the_map_is_drawn(tmp_path, monkeypatch, make, words):
    path = tmp_path / "pairs.csv"
    make(path)
    monkeypatch.setenv("JCAIR_OVERLAY", str(path))
    at = open_app(query={"lang": "ja"})
    assert_no_exception(at)
    assert at.title and words in overlay_texts(at)


def _draws() -> None:
    """A page that shows what `ui.overlay.current()` gives the map (run by AppTest.from_function)."""
    import streamlit as st

    from core.map.overlay import overlay_map, overlay_options
    from ui import overlay

    view = overlay.current()
    st.text("none" if view is None else f"{sorted(view.excluded)} {overlay_options(overlay_map(view, (), None))}")


def test_current_is_what_the_map_page_draws(no_start_file):
    from streamlit.testing.v1 import AppTest

    from core.view.state import ViewState

    pairs = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
             "Kobe,Japan,34.69,135.19,Tianjin,China,39.13,117.2\n"  # the programme's 神戸市–天津市
             "Fictional-Minato,Japan,34.69,135.19,Fictional-Yama,China,41.8,123.43\n"
             "Fictional-Minato,Japan,34.69,135.19,Fictional-Town,United States,40.0,-75.0\n").encode()
    at = AppTest.from_function(_draws, default_timeout=60)
    at.session_state["_view"] = ViewState.of(lang="ja")
    for key, value in upload_state("fictional.csv", pairs).items():
        at.session_state[key] = value
    # the programme pair is never drawn twice; the browser filters the rest by these options
    assert at.run().text[0].value == "[0] {'show': True, 'scope': 'japan_china', 'regions': None, 'selected': None}"
    at.session_state["_overlay_scope"] = "all"
    at.session_state["_overlay_show"] = False
    assert at.run().text[0].value == "[0] {'show': False, 'scope': 'all', 'regions': None, 'selected': None}"
    assert AppTest.from_function(_draws).run().text[0].value == "none"


def test_a_header_under_a_title_is_found_and_the_sidebar_says_on_which_line(no_start_file):
    """A spreadsheet's export: a title line, a blank line, then the header, separated by semicolons."""
    titled = b"Fictional pairs, 2026\n\n" + CSV_A.replace(b",", b";")
    at = open_app(query={"lang": "en"}, state=upload_state("titled.csv", titled))
    assert_no_exception(at)
    shown = overlay_texts(at)
    assert t("overlay.header_line", "en", line=3) in shown and _counts(2, 2, 1) in shown
    assert "line 6, column lat1: 95 is out of range" in shown  # lines counted from the file's top


def test_the_map_message_names_where_the_overlays_data_is_not_the_data(no_start_file, monkeypatch):
    """The map's message is sent again on every rerun: the overlay's data is one of the session's
    media files, fetched once by the map, and the message only names its URL."""
    stored: list[tuple[bytes, str]] = []
    add = MediaFileManager.add
    monkeypatch.setattr(MediaFileManager, "add", lambda self, data, mimetype, *a, **k: (
        stored.append((data, mimetype)), add(self, data, mimetype, *a, **k))[1])
    at = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    assert_no_exception(at)
    args = at.get("component_instance")[0].proto.json_args
    url = re.search(r"\.\./\.\./(?:mock/)?media/[0-9a-f]+\.json", args)  # AppTest's endpoint is /mock/media
    assert url and "Fictional-Hai" not in args and len(args) < 40_000
    assert [(m, b"Fictional-Hai" in data) for data, m in stored] == [("application/json", True)]


def test_the_finder_lists_the_pairs_with_a_place_and_the_one_picked_is_selected(no_start_file):
    """"Who else already works with …?": typed in the overlay's section, answered as a list; the
    pair picked is shown as a click on its line shows it."""
    at = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    at.text_input(key="_overlay_find").set_value("ｈａｉ").run()  # any case or width
    assert_no_exception(at)
    found = [r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found")]
    pair = markdown_text("Fictional-Minato (Japan) – Fictional-Hai (China)")  # names are text, never Markdown
    listed = t("overlay.found", "en", count="1", shown="1")
    assert [(r.label, r.options, r.value) for r in found] == [(listed, [pair], None)]
    found[0].set_value(0).run()
    assert_no_exception(at)
    assert [h.value for h in at.main.subheader] == [pair]
    clear = [b for b in at.main.button if b.label == t("details.clear", "en")]
    clear[0].click().run()  # cleared: the list shows no pair picked, and the same pair can be picked again
    found = [r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found")]
    assert found[0].value is None and not at.main.subheader
    found[0].set_value(0).run()
    assert [h.value for h in at.main.subheader] == [pair]
    at.text_input(key="_overlay_find").set_value("Fictional-Minato").run()
    assert [r.label for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found")] == [
        t("overlay.found", "en", count="2", shown="2")]


def test_a_column_choice_on_a_replaced_file_does_not_bring_it_back(no_start_file):
    """After a new upload the browser can still send a value of the earlier file's column
    selectboxes (widgets the last run no longer drew): the new file stays, the choice is dropped."""
    at = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    earlier = next(s for s in at.sidebar.selectbox if s.key and s.key.startswith("_overlay_role_city1_"))
    for key, value in upload_state("b.xlsx", xlsx_b()).items():  # what the uploader's callback stores
        at.session_state[key] = value
    earlier.set_value("city2").run()
    assert_no_exception(at)
    assert _counts(1, 0, 0) in overlay_texts(at) and "a.csv" not in overlay_texts(at)
    current = next(s for s in at.sidebar.selectbox if s.key and s.key.startswith("_overlay_role_city1_"))
    assert current.key != earlier.key and current.value == "自治体"
    current.set_value("備考").run()  # a choice on the file shown is taken: its only row has no 備考
    assert_no_exception(at)
    assert _counts(0, 0, 1) in overlay_texts(at)


def test_a_click_on_the_map_after_a_pick_in_the_finder_unpicks_it(no_start_file):
    """The click is taken after the sidebar drew the finder's list, which cannot be changed in that
    run any more: it used to stop the page with a StreamlitAPIException."""
    at = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    at.text_input(key="_overlay_find").set_value("Fictional-Hai").run()
    next(r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found")).set_value(0).run()
    click(at, "place:天津市")
    assert_no_exception(at)
    assert next(r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found")).value is None
    assert [h.value for h in at.main.subheader] == ["Tianjin"]


def _framed(at) -> list[list[float]]:
    """The bounds the map frames (the dynamic part's jcm.frame options)."""
    script = json.loads(at.get("component_instance")[0].proto.json_args)["feature_group"]
    return json.loads(re.search(r'jcm\.frame\([^,]+, (\{.*?\})\);', script).group(1))["bounds"]


def test_a_pair_picked_in_the_finder_is_framed_and_a_click_on_the_map_leaves_the_view(no_start_file):
    """A pair found in the list may be out of sight: the map flies to it. A line clicked on the map
    is in sight already: the map stays where it is (the programme's frame)."""
    at = open_app(query={"lang": "en"}, state=upload_state("a.csv", CSV_A))
    programme = _framed(at)
    at.text_input(key="_overlay_find").set_value("Fictional-Yama").run()
    found = next(r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found"))
    found.set_value(1).run()  # the second pair of the file (its index in Overlay.links)
    assert_no_exception(at)
    assert _framed(at) == [[34.69, 123.43], [41.8, 135.19]]
    click(at, "overlay:0")
    assert_no_exception(at)
    assert _framed(at) == programme
    at.text_input(key="_overlay_find").set_value("Fictional-Hai").run()
    found = next(r for r in at.sidebar.radio if r.key and r.key.startswith("_overlay_found"))
    found.set_value(0).run()
    assert _framed(at) == [[34.69, 117.2], [39.13, 135.19]]
    next(b for b in at.main.button if b.label == t("details.clear", "en")).click().run()
    assert _framed(at) == programme


def test_an_upload_that_reads_as_japanese_and_chinese_alike_shows_both_and_the_pick_reads_it(no_start_file):
    at = open_app(query={"lang": "en"}, state=upload_state("short.csv", "city1,city2\n北京,东京\n".encode("gbk")))
    assert_no_exception(at)
    shown = overlay_texts(at)
    assert "ｱｱｾｩ,ｶｫｾｩ" in shown and "北京,东京" in shown  # the first rows, both ways
    pick = [r for r in at.sidebar.radio if r.label == t("overlay.encoding.pick", "en")]
    assert len(pick) == 1 and pick[0].value is None  # nothing guessed
    pick[0].set_value("gb18030").run()
    assert_no_exception(at)
    assert "北京" in overlay_texts(at)
    assert not [r for r in at.sidebar.radio if r.label == t("overlay.encoding.pick", "en")]


def test_countries_nobody_knows_are_listed_with_what_was_done(no_start_file):
    typos = CSV_A.replace(b"Japan", b"Japn", 1).replace(b"China", b"Chnia", 1)
    at = open_app(query={"lang": "en"}, state=upload_state("typos.csv", typos))
    assert_no_exception(at)
    shown = overlay_texts(at)
    assert t("overlay.unknown_countries", "en") in shown
    assert "line 2, column country1: 'Japn' is not a country the app knows (rows: 1)" in shown
    assert "line 2, column country2: 'Chnia' is not a country the app knows (rows: 1)" in shown


def _uploader_types(at) -> list[str]:
    uploaders = [e for e in at.sidebar.get("file_uploader")]
    assert len(uploaders) == 1
    return list(uploaders[0].proto.type)


def test_the_uploader_takes_any_file_and_the_reader_refuses_in_the_readers_language(no_start_file):
    """Streamlit's own refusal of a type ("application/vnd.ms-excel.sheet.macroenabled.12 files are not
    allowed.") is English only: the uploader takes any file; .xlsm is read as a workbook (its macros
    never run) and a file no reader knows is refused with the fix, in Japanese."""
    at = open_app(query={"lang": "ja"})
    assert _uploader_types(at) == []
    macro = open_app(query={"lang": "en"}, state=upload_state("book.xlsm", xlsx_b()))
    assert_no_exception(macro)
    assert _counts(1, 0, 0) in overlay_texts(macro)
    pdf = open_app(query={"lang": "ja"}, state=upload_state("pairs.pdf", b"%PDF-1.7\n"))
    assert_no_exception(pdf)
    assert ("ファイル pairs.pdf: 「.pdf」のファイルは読めません — "
            "対処: Excel で .xlsx か「CSV UTF-8（コンマ区切り）」として保存してください" in overlay_texts(pdf))
