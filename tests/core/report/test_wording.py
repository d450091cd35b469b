"""core.report.wording: display strings built from the data, and the Markdown escaping that keeps data text."""

from __future__ import annotations

import re

import pytest

from core.data.models import Event, EventStatus, Names, Timing
from core.report.wording import (
    activity_text,
    as_of_text,
    event_date,
    markdown_text,
    partnership_columns,
    partnership_row,
    place_list,
    source_text,
    status_sources,
    status_summary,
    translation,
    year_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("天津市", "天津市"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("${alert(1)}", r"\$\{alert\(1\)\}"),
        (":red[x] **b**", r"\:red\[x\] \*\*b\*\*"),
        ("![i](http://e.invalid/i.png)", r"\!\[i\]\(http\:\/\/e\.invalid\/i\.png\)"),
        ("C:\\users\\x", r"C\:\\users\\x"),
        ("`code` _em_ # h", r"\`code\` \_em\_ \# h"),
        ("a\nb", "a  \nb"),
        ("&amp; 100%", r"\&amp; 100\%"),
    ],
)
def test_markdown_text_escapes_every_markup_character(text, expected):
    assert markdown_text(text) == expected


@pytest.mark.parametrize(("year", "lang", "expected"), [(1979, "ja", "1979"), (None, "en", "—"), (None, "zh", "—")])
def test_year_text(year, lang, expected):
    assert year_text(year, lang) == expected


@pytest.mark.parametrize(
    ("month", "timing", "lang", "expected"),
    [
        (5, Timing.LATE, "ja", "2014年5月下旬"),
        (5, Timing.LATE, "en", "late May 2014"),
        (5, Timing.MID, "zh", "2014年5月中旬"),
        (7, Timing.AROUND, "en", "around July 2014"),
        (7, Timing.AROUND, "ja", "2014年7月頃"),
        (4, Timing.MONTH, "en", "April 2014"),
    ],
)
def test_event_date(month, timing, lang, expected):
    event = Event("x", 2014, month, timing, EventStatus.DONE, Names({"ja": "", "en": "", "zh": ""}), "", "2014-05-31")
    assert event_date(event, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", ["専門家派遣1回以上 — 2014年度 · 四日市市", "訪日研修2回 — 2014年度 · 四日市市"]),
        ("en",
         ["At least one expert dispatch — FY2014 · Yokkaichi", "Two training visits to Japan — FY2014 · Yokkaichi"]),
    ],
)
def test_activity_text_adds_to_the_words_what_they_do_not_say(bundled_dataset, lang, expected):
    tianjin = bundled_dataset.status_of("天津市")
    assert [activity_text(a, bundled_dataset, lang) for a in tianjin.activities] == expected


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_no_activity_line_repeats_itself(bundled_dataset, lang):
    """「専門家派遣1回以上 — 専門家派遣 · 1回以上 · …」 said the kind and the count twice."""
    for status in bundled_dataset.statuses.values():
        for activity in status.activities:
            words, _, facts = activity_text(activity, bundled_dataset, lang).partition(" — ")
            assert words == activity.text.get(lang)
            parts = facts.split(" · ") if facts else []
            assert len(parts) == len(set(parts))
            assert not [p for p in parts if p.casefold() in words.casefold()], (activity.entity, parts)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("北京市", ["IGES 2014-05 表2; en/zh: translation by the project team",
                   "IGES 2014-05 表2 (year: the report's date, 2014-05-31); en/zh: translation by the project team"]),
        ("瀋陽市", ["IGES 2014-05 表2; en/zh: translation by the project team"]),
    ],
)
def test_status_sources_name_each_source_once(bundled_dataset, entity, expected):
    assert status_sources(bundled_dataset.status_of(entity)) == expected


def test_status_summary_keeps_the_original_beside_the_translation(bundled_dataset):
    status = bundled_dataset.status_of("広東省")
    ja, en = status_summary(status, bundled_dataset, "ja"), status_summary(status, bundled_dataset, "en")
    assert ja["text"] == en["text"] == status.text.ja
    assert ja["translation"] == "" and "Hyogo" in en["translation"]
    assert en["stage"] == "Consultation planned" and en["themes"] == "PM2.5 component analysis"
    assert translation(status.text, "zh") == status.text["zh"]


def test_status_summary_bullets_each_activity_and_event(bundled_dataset):
    summary = status_summary(bundled_dataset.status_of("上海市"), bundled_dataset, "en")
    assert summary["activities"].count("• ") == 2 and "\n" not in summary["activities"]
    assert summary["events"].startswith("• mid-May 2014 (done)")


@pytest.mark.parametrize(
    ("names", "lang", "shown", "translated"),
    [
        (Names({"ja": "原文", "en": "Original", "zh": "原文zh"}), "en", "Original", "Original"),
        (Names({"ja": "原文", "en": "", "zh": ""}), "en", "原文", ""),  # no translation: show the original, offer none
        (Names({"ja": "原文", "en": "", "zh": ""}), "zh", "原文", ""),
        (Names({"ja": "原文", "en": "Original", "zh": ""}), "ja", "原文", ""),
        (Names({"ja": "原文", "en": "Original", "zh": ""}), "fr", "原文", ""),
    ],
)
def test_names_fall_back_to_japanese_but_translations_do_not(names, lang, shown, translated):
    assert names.get(lang) == shown
    assert translation(names, lang) == translated


@pytest.mark.parametrize(
    ("key", "lang", "expected"),
    [
        ("神戸市–天津市", "en", ["Kobe", "Tianjin", "Friendship city", "友好都市", "1973", "Nearly agreed"]),
        ("北九州市–唐山市", "ja",
         ["北九州市", "唐山市", "協力要請あり", "唐山市から協力要請あり", "—", "状況報告なし"]),
    ],
)
def test_partnership_row(bundled_dataset, key, lang, expected):
    (p,) = [p for p in bundled_dataset.partnerships if p.key == key]
    row = partnership_row(p, bundled_dataset, lang)
    assert list(row) == partnership_columns(lang) and list(row.values()) == expected


@pytest.mark.parametrize(
    ("keys", "lang", "expected"),
    [
        (["川崎市", "神戸市"], "en", "Kawasaki and Kobe"),
        (["川崎市", "神戸市"], "ja", "川崎市、神戸市"),
        (["川崎市", "神戸市", "北九州市"], "zh", "川崎市、神户市和北九州市"),
        (["川崎市"], "en", "Kawasaki"),
        (["川崎市", "未知の場所"], "en", "Kawasaki and 未知の場所"),  # an unknown key is shown as written
    ],
)
def test_place_list_reads_as_a_list_of_the_language(bundled_dataset, keys, lang, expected):
    assert place_list(bundled_dataset, keys, lang) == expected


@pytest.mark.parametrize(("lang", "expected"),
                         [("ja", "2014年5月31日"), ("en", "May 31, 2014"), ("zh", "2014年5月31日")])
def test_as_of_is_a_date_of_the_language(bundled_dataset, lang, expected):
    assert as_of_text(bundled_dataset.status_of("天津市"), lang) == expected


def _bundled_sources(ds) -> set[str]:
    return ({p.source for p in ds.places.values()} | {p.source for p in ds.partnerships}
            | {s for status in ds.statuses.values() for s in status_sources(status)})


# Latin letters a Japanese or Chinese source may keep: the publisher's acronym.
SOURCE_LATIN = {"IGES"}


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_every_bundled_source_is_shown_in_the_readers_language(bundled_dataset, lang):
    """'names en/zh and region: Wikipedia', "北九州市's cell: 2nd partner ↔ 2nd note" were English
    on Japanese and Chinese pages."""
    for source in _bundled_sources(bundled_dataset):
        shown = source_text(source, lang)
        assert set(re.findall(r"[A-Za-z]+", shown)) <= SOURCE_LATIN, (source, shown)
        assert re.findall(r"\d{4}-\d{2}-\d{2}|表\d", shown) == re.findall(r"\d{4}-\d{2}-\d{2}|表\d", source)


@pytest.mark.parametrize(("source", "shown"), [
    ("IGES 2014-05 表1 (北九州市's cell: 2nd partner ↔ 2nd note)",
     "IGES 2014-05 Table 1 (北九州市's cell: partner 2 ↔ note 2)"),
    ("IGES 2014-05 表2; en/zh: translation by the project team",
     "IGES 2014-05 Table 2; en/zh: translation by the project team"),
    ("a coordinator's note; minutes of 2015-03", "a coordinator's note; minutes of 2015-03"),  # not known: as written
])
def test_source_text_in_english(source, shown):
    assert source_text(source, "en") == shown
