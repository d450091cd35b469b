"""`python -m export`: good options write the file; a bad option is one message in the reader's
language and exit code 2; a failing data folder, font or output file exit 1; never a traceback."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib import font_manager
from PIL import Image

from common.i18n import format_list, t
from export import fonts
from export.cli import main
from tests.core.edit.save_kill import interrupt

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("args", "check"), [
    (["--format", "png", "--size", "1600x1200"], lambda d: Image.open(io.BytesIO(d)).size == (1600, 1200)),
    (["--format", "svg", "--lang", "en", "--province", "河北省"], lambda d: b"Tangshan" in d and b"Tianjin" not in d),
    (["--format", "svg", "--lang", "zh", "--from", "1980", "--to", "1985", "--undated", "0"],
     lambda d: "沈阳市" in d.decode() and "北九州市" not in d.decode()),  # 5 pairs of 1980-84, none of 北九州市
    (["--format", "pdf", "--place", "Tianjin", "--color", "stage"], lambda d: d.startswith(b"%PDF")),
    (["--format", "html", "--lang", "en", "--stage", "nearly_agreed"], lambda d: b"<html" in d and b"Tianjin" in d),
])
def test_good_options_write_the_file(tmp_path, capsys, args, check):
    out = tmp_path / "map.out"
    assert main([*args, "--out", str(out)]) == 0
    assert check(out.read_bytes())
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(("args", "wanted"), [
    ([], "コマンドの指定が正しくありません"),  # --format and --out missing
    (["--format", "gif"], "コマンドの指定が正しくありません"),
    (["--format", "png", "--lang", "en", "--province", "Mars"], "--province: “Mars” cannot be used. Possible values: "),
    (["--format", "png", "--lang", "zh", "--stage", "done"], "--stage 的“done”无法使用"),
    (["--format", "png", "--from", "nineteen"], "--from の「nineteen」は使えません"),
    (["--format", "png", "--lang", "en", "--color", "relation", "--color", "stage"], "--color takes one value only"),
    (["--format", "png", "--lang", "fr"], "--lang の「fr」は使えません。使える値: 日本語"),
    (["--format", "png", "--size", "20x20", "--lang", "en"], "--size “20x20” cannot be used"),
    (["--format", "png", "--size", "big"], "`--size` の「big」は使えません"),
    (["--format", "png", "--unknown", "1"], "unrecognized arguments: --unknown"),
    (["--format", "png", "--tour"],
     "`--tour` は `--format pptx` か `--format pdf` と一緒に使ってください（「png」は使えません）"),
    (["--format", "pptx", "--lang", "ja,en"], "複数の言語（ja,en）は `--tour` と一緒にだけ指定できます"),
    (["--format", "pdf", "--tour", "--lang", "en,fr"], "--lang: “fr” cannot be used. Possible values: ja, en, zh"),
])
def test_a_bad_option_is_a_message_and_exit_2(tmp_path, capsys, args, wanted):
    out = tmp_path / "never.png"
    needs_out = [] if not args else ["--out", str(out)]
    with pytest.raises(SystemExit) as stop:
        code = main([*args, *needs_out])
        raise SystemExit(code)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert wanted in err and "Traceback" not in err
    assert not out.exists()


def test_a_year_outside_the_data_is_said_and_used(tmp_path, capsys):
    assert main(["--format", "svg", "--lang", "en", "--from", "1950", "--out", str(tmp_path / "m.svg")]) == 0
    assert "outside the years in the data: used 1973" in capsys.readouterr().err


def test_a_broken_data_folder_names_the_file_in_the_readers_language(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "places.csv").write_text("name_ja\n東京都\n", encoding="utf-8")
    assert main(["--format", "png", "--lang", "en", "--data-dir", str(tmp_path / "data"),
                 "--out", str(tmp_path / "m.png")]) == 1
    err = capsys.readouterr().err
    assert "The data folder" in err and "places.csv" in err and "Traceback" not in err


def test_an_unwritable_output_and_a_missing_font_exit_1(tmp_path, capsys, monkeypatch):
    assert main(["--format", "html", "--out", str(tmp_path / "no" / "such" / "m.html")]) == 1
    assert "に書き込めません" in capsys.readouterr().err
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    fonts.cjk_family.cache_clear()
    try:
        assert main(["--format", "pdf", "--lang", "en", "--out", str(tmp_path / "m.pdf")]) == 1
    finally:
        fonts.cjk_family.cache_clear()
    assert "fonts-noto-cjk" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()


def test_python_m_export_runs_as_a_program(tmp_path):
    done = subprocess.run([sys.executable, "-m", "export", "--format", "png", "--lang", "en", "--place", "天",
                           "--out", str(tmp_path / "m.png")], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--place: “天” cannot be used" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_save_killed_half_way_is_completed_before_the_export_reads_the_folder(tmp_path, capsys, data_copy,
                                                                                lang: str) -> None:
    """Without the journal the export refused the half-saved folder (activities.csv needs as_of)."""
    interrupt(data_copy, "replace:activities.csv")
    out = tmp_path / "m.svg"
    assert main(["--format", "svg", "--lang", lang, "--data-dir", str(data_copy), "--out", str(out)]) == 0
    [backup] = [p for p in (data_copy / "history").iterdir() if p.is_dir()]
    files = format_list(["statuses.csv", "activities.csv", "events.csv"], lang)
    assert t("save.recovered.completed", lang, files=files, backup=str(backup)) in capsys.readouterr().err
    assert out.exists()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_read_only_output_file_is_refused_and_left_as_it_was(tmp_path, lang: str) -> None:
    """`chmod 0444`: os.replace ignores the old file's mode, and root's override passes os.access,
    so the export used to replace it and exit 0."""
    out = tmp_path / "protected.png"
    out.write_bytes(b"the user's own picture")
    out.chmod(0o444)
    run = subprocess.run([sys.executable, "-m", "export", "--format", "png", "--lang", lang, "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True)
    assert (run.returncode, run.stderr, run.stdout) == (1, t("export.cli.protected", lang, file=str(out)) + "\n", "")
    assert out.read_bytes() == b"the user's own picture" and out.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protected.png"]


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_an_output_that_is_not_a_file_is_refused_and_left_as_it_was(tmp_path, capsys, kind: str) -> None:
    """A rename over a FIFO or a device node (root may) replaced it with the picture."""
    out = tmp_path / "out.png"
    {"fifo": os.mkfifo, "folder": os.mkdir,
     "device": lambda p: os.mknod(p, stat.S_IFCHR | 0o666, os.makedev(1, 3))}[kind](out)  # like /dev/null
    before = out.lstat()
    assert main(["--format", "png", "--lang", "en", "--out", str(out)]) == 1
    assert capsys.readouterr().err == t("export.cli.not_a_file", "en", file=str(out)) + "\n"
    after = out.lstat()
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of data/ (tour and geocache included)."""
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def _short_tour(folder: Path, steps: int) -> None:
    """Keep the first `steps` steps of the folder's tour (a deck of 14 maps is tests/export/test_deck.py's)."""
    with open(folder / "tour.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(folder / "tour.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows[:1 + steps])


def test_the_tour_as_a_deck_and_a_handout(folder, tmp_path, capsys):
    from pptx import Presentation

    _short_tour(folder, 2)
    deck, handout = tmp_path / "tour-zh.pptx", tmp_path / "tour.pdf"
    assert main(["--format", "pptx", "--tour", "--lang", "zh", "--data-dir", str(folder), "--out", str(deck)]) == 0
    assert "已写入" in capsys.readouterr().out
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides if s.has_notes_slide]
    assert notes[:2] and notes[1].startswith("东京都的友好城市")
    assert main(["--format", "pdf", "--tour", "--lang", "ja,zh", "--data-dir", str(folder), "--out", str(handout)]) == 0
    assert handout.read_bytes().startswith(b"%PDF")


def test_the_current_view_as_a_one_slide_deck(tmp_path):
    from pptx import Presentation

    out = tmp_path / "view.pptx"
    assert main(["--format", "pptx", "--lang", "en", "--place", "Tianjin", "--out", str(out)]) == 0
    (slide,) = Presentation(str(out)).slides
    assert "Shown: 12 links, 21 places" in slide.notes_slide.notes_text_frame.text


def test_a_folder_without_a_tour_has_no_tour_to_export(folder, tmp_path, capsys):
    (folder / "tour.csv").unlink()
    assert main(["--format", "pptx", "--tour", "--lang", "en", "--data-dir", str(folder),
                 "--out", str(tmp_path / "t.pptx")]) == 1
    assert "has no tour (tour.csv)" in capsys.readouterr().err
