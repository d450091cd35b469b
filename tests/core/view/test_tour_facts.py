"""The bundled guided tour says what data/ (and the seed's Table 1 and Table 2) say: every stage,
date and summary is filled from the data, every other fact in the words is checked here against it,
and each step's view shows what its words speak of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from common.i18n import LANGS, format_date, label, t
from core.data.models import Country, Dataset, RelationType, Stage
from core.view.state import ViewState
from core.view.tour import FIELDS, TourStep, load_tour
from geocode.places import load_folder
from tests.needs import SEED_DIR, missing

BUNDLED = Path(__file__).resolve().parents[3] / "data"
TWO_SNAPSHOTS = Path(__file__).resolve().parents[2] / "fixtures" / "two_snapshots"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")

# How each language words a relation of Table 1 (its label is longer than what a sentence says).
RELATION_WORDS = {
    RelationType.FRIENDSHIP: {"ja": "友好都市", "en": "riendship", "zh": "友好"},
    RelationType.ENVIRONMENTAL_EXCHANGE: {"ja": "環境交流都市", "en": "environmental exchange", "zh": "环境交流"},
    RelationType.LOCAL_OFFICE: {"ja": "現地事務所", "en": "local office", "zh": "事务所"},
    RelationType.COOPERATION_REQUEST: {"ja": "協力を要請", "en": "for cooperation", "zh": "合作请求"},
}

# A word the notes may use about a Table 2 entry only when the entry's own text (ja) has it:
# (ja, en, zh) of the notes -> the word in the seed's Japanese.
TABLE2_WORDS = {
    ("日程", "schedule", "日程"): "日程",
    ("専門家", "expert", "专家"): "専門家",
    ("訪日研修", "training", "研修"): "訪日研修",
    ("ミッション", "mission", "考察团"): "ミッション",
    ("予報", "forecasting", "预报"): "予報",
    ("発生源解析", "source apportionment", "污染源解析"): "発生源解析",
    ("行政管理", "administrative", "行政管理"): "行政管理",
    ("モニタリング", "monitoring", "监测"): "モニタリング",
    ("PM2.5", "PM2.5", "PM2.5"): "PM2.5",
    ("舛添", "Masuzoe", "舛添"): "舛添",
    ("第4回", "4th", "第4次"): "第4回",
    ("プラットフォーム", "platform", "平台"): "プラットフォーム",
    ("TEMM", "TEMM", "TEMM"): "TEMM",
    ("中国環境科学研究院", "Chinese Research Academy", "中国环境科学研究院"): "中国環境科学研究院",
}

# Counts the words state, each computed from the data: step -> [(fact, {lang: how the words say it})]
COUNTS = {
    1: [("japan", {"ja": "{n}団体", "en": "{n} Japanese", "zh": "{n}个日本"}),
        ("china", {"ja": "{n}か所", "en": "{n} Chinese", "zh": "中方{n}个"}),
        ("pairs", {"ja": "{n}の組み合わせ", "en": "{n} pairs", "zh": "{n}组"})],
    **{n: [("into_tianjin", {"ja": "天津市への{n}本", "en": "{n} links into Tianjin", "zh": "{n}条连线"})]
       for n in (10, 11, 12)},
}


@pytest.fixture(scope="module")
def data() -> tuple[Dataset, tuple[TourStep, ...]]:
    dataset, _ = load_folder(BUNDLED)
    return dataset, load_tour(BUNDLED, dataset)


def _ids(values):
    return [f"step{s}-{lang}" for s, lang in values]


STEPS_LANGS = [(s, lang) for s in range(1, 15) for lang in LANGS]


def _step(data, number: int) -> TourStep:
    return next(s for s in data[1] if s.number == number)


def subjects(step: TourStep, dataset: Dataset) -> list[str]:
    """The Chinese places the step speaks of: its place, its link's Chinese end, or its stage's places."""
    if "place" in step.query:
        return step.query["place"]
    if "link" in step.query:
        return [step.query["link"][0].split("–")[-1]]
    if "stage" in step.query:
        stages = set(step.query["stage"][0].split(","))
        return [k for k, p in dataset.places.items() if p.country is Country.CN and dataset.stage_of(k) in stages]
    return []


def words(step: TourStep, dataset: Dataset, lang: str) -> str:
    return "\n".join(step.words(dataset, lang))


def test_fourteen_steps(data):
    assert [s.number for s in data[1]] == list(range(1, 15))


@pytest.mark.parametrize(("number", "lang"), STEPS_LANGS, ids=_ids(STEPS_LANGS))
def test_every_field_is_filled(data, number, lang):
    title, notes = _step(data, number).words(data[0], lang)
    assert title and notes
    assert not re.search(r"\{\w*\}", title + notes)


@pytest.mark.parametrize("number", range(1, 15))
def test_a_title_never_words_a_stage_itself(data, number):
    """A stage is one message everywhere: a title names it as {stage}, the label the details and legend use."""
    step = _step(data, number)
    for lang in LANGS:
        for stage in Stage:
            assert label(stage, lang) not in step.title[lang], (lang, stage)
    if "place" in step.query:  # a place's step is titled with its stage
        assert all("{stage}" in step.title[lang] for lang in LANGS)


@pytest.mark.parametrize(("number", "lang"), STEPS_LANGS, ids=_ids(STEPS_LANGS))
def test_each_relation_of_the_subject_is_named_with_its_partner_year_and_kind(data, number, lang):
    dataset, step = data[0], _step(data, number)
    text = words(step, dataset, lang)
    names = {k: p.names[lang] for k, p in dataset.places.items()}
    keys = subjects(step, dataset)
    pairs = [p for p in dataset.partnerships if p.china in keys]
    if "link" in step.query:
        pairs = [p for p in pairs if p.key == step.query["link"][0]]
    for p in pairs:
        assert names[p.japan] in text, p.key
        if p.year:
            assert str(p.year) in text, p.key
        if "place" in step.query or "link" in step.query:
            assert RELATION_WORDS[p.relation][lang] in text, p.key


@pytest.mark.parametrize(("number", "lang"), STEPS_LANGS, ids=_ids(STEPS_LANGS))
def test_every_year_and_month_in_the_notes_is_the_datas(data, number, lang):
    """A year before 2000 is the agreement year of a pair named in the step; a later one, or a
    month, is one of the dates of the step's subject in Table 2."""
    dataset, step = data[0], _step(data, number)
    text = words(step, dataset, lang)
    notes = step.words(dataset, lang)[1]
    names = {k: p.names[lang] for k, p in dataset.places.items()}
    keys = subjects(step, dataset)
    events = [e for k in keys if k in dataset.statuses for e in dataset.statuses[k].events]
    for year in map(int, re.findall(r"(?<!\d)(\d{4})(?!\d)", notes)):
        if year < 2000:
            assert any(p.year == year and names[p.japan] in text and names[p.china] in text
                       for p in dataset.partnerships), year
        else:
            assert year in {e.year for e in events}, year
    months = (re.findall(r"(?<![\d第])(\d{1,2})月", notes) if lang != "en"
              else [str(MONTHS_EN.index(m) + 1) for m in re.findall(r"\b(" + "|".join(MONTHS_EN) + r")\b", notes)])
    for month in map(int, months):
        assert month in {e.month for e in events}, month


@pytest.mark.parametrize("number", range(1, 15))
def test_every_count_in_the_japanese_notes_is_an_activitys(data, number):
    dataset, step = data[0], _step(data, number)
    counts = {a.count for k in subjects(step, dataset) if k in dataset.statuses for a in dataset.statuses[k].activities}
    for n in map(int, re.findall(r"(\d+)回(?!目)", step.words(dataset, "ja")[1])):
        assert n in counts, n


@pytest.mark.parametrize(("number", "lang"), STEPS_LANGS, ids=_ids(STEPS_LANGS))
def test_table2_words_are_the_entrys(data, number, lang):
    """A step about a Table 2 entry says "schedule", "expert", ... only when the entry does."""
    dataset, step = data[0], _step(data, number)
    keys = [k for k in subjects(step, dataset) if k in dataset.statuses]
    if not keys or "link" in step.query:
        return
    entry = "\n".join(dataset.statuses[k].text.ja for k in keys)
    notes = step.words(dataset, lang)[1]
    for said, seed_word in TABLE2_WORDS.items():
        if said[LANGS.index(lang)] in notes:
            assert seed_word in entry, (said, keys)


@pytest.mark.parametrize(("number", "lang"), [(n, lang) for n in COUNTS for lang in LANGS])
def test_counts_are_the_datas(data, number, lang):
    dataset = data[0]
    facts = {
        "japan": sum(p.country is Country.JP for p in dataset.places.values()),
        "china": sum(p.country is Country.CN for p in dataset.places.values()),
        "pairs": len(dataset.partnerships),
        "into_tianjin": sum(p.china == "天津市" for p in dataset.partnerships),
    }
    text = words(_step(data, number), dataset, lang)
    for fact, said in COUNTS[number]:
        assert said[lang].format(n=facts[fact]) in text, fact


# Step 9, as Table 2 has it: the Ministry, through the Centre, proposed that the Centre (with the
# Chinese Research Academy of Environmental Sciences and others) act as the platform organisation.
PLATFORM = {
    "ja": (["同センターを通じ了解する旨を提案", "日中友好環境保全センターを中心に中国環境科学研究院等が協力して"],
           ["環境保護部はプラットフォーム機関をつとめる"]),
    "en": (["proposed, through the Sino-Japan Friendship Centre",
            "that the Centre, working with the Chinese Research Academy of Environmental Sciences and others, "
            "serve as"],
           ["accepted to act", "Ministry of Environmental Protection has accepted"]),
    "zh": (["通过中日友好环境保护中心提出", "以该中心为核心、由中国环境科学研究院等协作担任平台机构"],
           ["环境保护部同意担任平台机构"]),
}


@pytest.mark.parametrize("lang", LANGS)
def test_step_9_says_who_proposed_what(data, lang):
    notes = _step(data, 9).words(data[0], lang)[1]
    said, never = PLATFORM[lang]
    assert all(s in notes for s in said)
    assert not any(s in notes for s in never)


def test_step_9s_japanese_is_the_seeds(data):
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        missing(f"the seed document ({SEED_DIR}/*.txt)", "check out the project with ../shared beside it")
    seed = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "同センターを通じ了解する旨、提案" in seed
    assert "日中友好環境保全センターを中心に中国環境科学研究院等が協力して" in seed


@pytest.mark.parametrize("number", range(1, 15))
def test_each_step_colours_by_what_its_words_speak_of(data, number):
    """Stages (a place's, a stage filter's, the summary's) colour by stage; Table 1's pairs by relation."""
    step = _step(data, number)
    speaks_of_stages = "stage" in step.query or any(
        f"{{{f}}}" in step.title[lang] + step.notes[lang] for f in ("stage", "stages") for lang in LANGS)
    assert step.query.get("color") == ["stage" if speaks_of_stages and "link" not in step.query else "relation"]


def by_stage(notes: str) -> dict[str, str]:
    """The summary's lines by the stage they start with."""
    return dict(re.split(r"：|: ", line, maxsplit=1) for line in notes.split("\n"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_is_every_chinese_place_under_its_stage(data, lang):
    dataset = data[0]
    title, notes = _step(data, 14).words(dataset, lang)
    lines = by_stage(notes)
    for p in dataset.places.values():
        if p.country is Country.CN:
            assert p.names[lang] in lines[label(dataset.stage_of(p.key), lang)], p.key
    assert sum(len(line) for line in lines.values()) < len(notes)  # nothing but those lines
    assert format_date(dataset.viewed, lang) in title


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_and_stages_follow_the_date_shown(lang):
    """With a later snapshot, the summary, the date and a step's stage are the later ones."""
    dataset, _ = load_folder(TWO_SNAPSHOTS)
    steps = load_tour(BUNDLED, dataset)
    summary, beijing = steps[-1], next(s for s in steps if s.query.get("place") == ["北京市"])
    for viewed, stage in (("2015-03-31", Stage.NEARLY_AGREED), ("2014-05-31", Stage.IN_COORDINATION)):
        at = dataset.at(viewed)
        title, notes = summary.words(at, lang)
        assert format_date(viewed, lang) in title
        assert beijing.words(at, lang)[0].endswith(label(stage, lang))
        assert at.places["北京市"].names[lang] in by_stage(notes)[label(stage, lang)]


def test_fields_are_documented():
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    assert all(f"`{{{f}}}`" in readme for f in FIELDS)


@pytest.mark.parametrize("number", range(2, 14))
def test_a_step_telling_the_reports_facts_shows_the_reports_date(data, number):
    """Steps 2–13 tell Table 2's facts in their own words: they show the snapshot those words are
    about, so a later snapshot never puts a newer stage over them (the caption names that date)."""
    dataset, step = data[0], _step(data, number)
    [asof] = step.query["asof"]
    assert all(dataset.status_of(k).as_of == asof for k in subjects(step, dataset) if dataset.status_of(k))
    later, _ = load_folder(TWO_SNAPSHOTS)
    view = load_tour(BUNDLED, later)[number - 1].view(ViewState.of(), later)
    assert later.at(view.asof).viewed == asof != later.viewed


@pytest.mark.parametrize("number", [1, 14])
def test_the_overview_and_summary_keep_the_date_the_presenter_shows(data, number):
    later, _ = load_folder(TWO_SNAPSHOTS)
    step = load_tour(BUNDLED, later)[number - 1]
    assert "asof" not in step.query
    assert step.view(ViewState.of(asof="2014-05-31"), later).asof == "2014-05-31"
    assert step.view(ViewState.of(), later).asof is None  # the latest


@pytest.mark.parametrize("lang", LANGS)
def test_the_details_word_a_missing_status_as_its_stage(lang):
    """「状況の報告なし」 in the details and 「状況報告なし」 in the legend, table and tour were two words
    for one stage."""
    assert t("details.no_status", lang).startswith(label(Stage.NO_STATUS, lang))
