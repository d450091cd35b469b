"""Problems found in a data file, with everything a coordinator needs to fix them.

A `DataError` is structured (file, line, column, value, problem code, parameters) so that the UI can
show it in the user's language; `message(lang)` renders it. The loader collects every problem it
finds and raises them together as `DataLoadError`, so one fix-and-reload round shows them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from common.problems import Problem

# problem code -> (ja, en, zh) templates for "what is wrong" and "how to fix it".
# Parameters: {value}, {column}, {expected}, {other_line}, {country}: DataError's fields and params.
_PROBLEMS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "missing_file": (
        ("ファイルがありません", "the file does not exist", "文件不存在"),
        (
            "データフォルダーにこのファイルを置いてください",
            "put this file in the data folder",
            "请将此文件放入数据文件夹",
        ),
    ),
    "empty_file": (
        ("ファイルが空です", "the file is empty", "文件为空"),
        (
            "見出し行（1行目）とデータ行を入れて保存し直してください",
            "save it again with its header row (line 1) and data rows",
            "请加入表头行（第1行）和数据行后重新保存",
        ),
    ),
    "xlsx": (
        (
            "Excelブック（.xlsx）に .csv の名前が付いています",
            "this is an Excel workbook (.xlsx) with a .csv name",
            "这是一个以 .csv 命名的 Excel 工作簿（.xlsx）",
        ),
        (
            "Excelで「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」で保存してください",
            "in Excel use Save As → 'CSV UTF-8 (Comma delimited)'",
            "请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）”",
        ),
    ),
    "utf16": (
        (
            "UTF-16（Unicodeテキスト）で保存されています",
            "the file is saved as UTF-16 (Unicode text)",
            "文件以 UTF-16（Unicode 文本）保存",
        ),
        (
            "「CSV UTF-8（コンマ区切り）」で保存し直してください",
            "save it again as 'CSV UTF-8 (Comma delimited)'",
            "请以“CSV UTF-8（逗号分隔）”重新保存",
        ),
    ),
    "encoding": (
        (
            "文字コードが UTF-8 でも Shift_JIS（CP932）でもありません（{value}）",
            "the text is neither UTF-8 nor Shift_JIS (CP932) ({value})",
            "文本编码既不是 UTF-8 也不是 Shift_JIS（CP932）（{value}）",
        ),
        (
            "「CSV UTF-8（コンマ区切り）」で保存し直してください",
            "save it again as 'CSV UTF-8 (Comma delimited)'",
            "请以“CSV UTF-8（逗号分隔）”重新保存",
        ),
    ),
    "parse": (
        ("CSVとして読めません: {value}", "not readable as CSV: {value}", "无法按 CSV 读取：{value}"),
        (
            "引用符（\"）の対応と列の数を確かめてください",
            "check that quotes (\") are paired and that the row has one value per column",
            "请检查引号（\"）是否成对以及每行的列数",
        ),
    ),
    "field_count": (
        (
            "値が {value} 個あります（見出しは {expected} 列）",
            "the row has {value} values but the header has {expected} columns",
            "该行有 {value} 个值，但表头有 {expected} 列",
        ),
        (
            "余分なコンマを消すか、値にコンマを含むときは \" で囲んでください",
            "remove the extra comma, or quote a value that contains a comma with \"",
            "请删除多余的逗号，或用 \" 括起含逗号的值",
        ),
    ),
    "missing_column": (
        ("必須の列「{column}」がありません", "the required column '{column}' is missing", "缺少必需的列“{column}”"),
        (
            "1行目に「{column}」という見出しの列を加えてください",
            "add a column headed '{column}' to line 1",
            "请在第1行加入表头为“{column}”的列",
        ),
    ),
    "duplicate_column": (
        ("列「{column}」が2回あります", "the column '{column}' appears twice", "列“{column}”出现了两次"),
        ("どちらかの列を消してください", "delete one of the two columns", "请删除其中一列"),
    ),
    "missing_value": (
        ("「{column}」が空です", "'{column}' is empty", "“{column}”为空"),
        ("値を入れてください（{expected}）", "fill it in ({expected})", "请填写（{expected}）"),
    ),
    "bad_choice": (
        ("「{value}」は使えない値です", "'{value}' is not an allowed value", "“{value}”不是允许的值"),
        ("次のどれかにしてください: {expected}", "use one of: {expected}", "请使用以下之一：{expected}"),
    ),
    "bad_year": (
        ("「{value}」は年として読めません", "'{value}' is not a year", "“{value}”不是年份"),
        (
            "西暦（1981）か和暦（昭和56年）で書いてください",
            "write it as 1981 or in a Japanese era (昭和56年)",
            "请写成公历（1981）或日本年号（昭和56年）",
        ),
    ),
    "impossible_year": (
        ("{value} はありえない年です", "{value} is not a possible year", "{value} 不是可能的年份"),
        ("{expected} の年にしてください", "use a year {expected}", "请使用{expected}的年份"),
    ),
    "bad_number": (
        ("「{value}」は数として読めません", "'{value}' is not a number", "“{value}”不是数字"),
        ("{expected} を入れてください", "enter {expected}", "请输入{expected}"),
    ),
    "out_of_range": (
        ("{value} は範囲外です", "{value} is out of range", "{value} 超出范围"),
        ("{expected} にしてください", "use {expected}", "请使用{expected}"),
    ),
    "half_coordinates": (
        ("緯度と経度の片方だけが入っています", "only one of lat and lon is given", "只填写了纬度或经度之一"),
        (
            "両方入れるか、両方空にしてください（空なら自動で位置を求めます）",
            "give both, or leave both empty to have the place geocoded",
            "请两者都填，或都留空（留空则自动定位）",
        ),
    ),
    "unknown_place": (
        (
            "「{value}」は places.csv にない場所です",
            "'{value}' is not a place in places.csv",
            "“{value}”不在 places.csv 中",
        ),
        (
            "places.csv の name_ja と同じ書き方にするか、places.csv に行を加えてください",
            "spell it as in the name_ja column of places.csv, or add a row for it there",
            "请与 places.csv 的 name_ja 写法一致，或在 places.csv 中加入该地点",
        ),
    ),
    "wrong_country": (
        (
            "「{value}」は{country}の場所ではありません",
            "'{value}' is not a place in {country}",
            "“{value}”不是{country}的地点",
        ),
        (
            "japan 列には日本の、china 列には中国の場所を入れてください",
            "put the Japanese place in 'japan' and the Chinese one in 'china'",
            "japan 列填日本地点，china 列填中国地点",
        ),
    ),
    "duplicate": (
        (
            "「{value}」は {other_line} 行目と重複しています",
            "'{value}' duplicates line {other_line}",
            "“{value}”与第 {other_line} 行重复",
        ),
        ("どちらかの行を消すかまとめてください", "delete or merge one of the two rows", "请删除或合并其中一行"),
    ),
    "conflicting_region": (
        (
            "地域「{value}」の訳が {other_line} 行目と違います",
            "region '{value}' is translated differently on line {other_line}",
            "地区“{value}”的译名与第 {other_line} 行不同",
        ),
        (
            "同じ地域には同じ英語名・中国語名を書いてください",
            "give the same region the same English and Chinese names",
            "同一地区请使用相同的英文名和中文名",
        ),
    ),
    "bad_date": (
        ("「{value}」は日付として読めません", "'{value}' is not a date", "“{value}”不是日期"),
        ("YYYY-MM-DD（例 2014-05-31）で書いてください", "write it as YYYY-MM-DD (e.g. 2014-05-31)", "请写成 YYYY-MM-DD（如 2014-05-31）"),
    ),
    # --- added on branch bounds
    "not_a_file": (
        ("この名前はファイルではなくフォルダーです", "this name is a folder, not a file", "此名称是文件夹而不是文件"),
        (
            "フォルダーの名前を変えて、CSVファイルをこの名前で置いてください",
            "rename the folder and put the CSV file under this name",
            "请重命名该文件夹，并以此名称放入 CSV 文件",
        ),
    ),
    "dangling_link": (
        (
            "リンク（ショートカット）の先のファイルがありません",
            "the link (shortcut) points at a file that does not exist",
            "链接（快捷方式）指向的文件不存在",
        ),
        (
            "リンクを消して、ファイルそのものをデータフォルダーに置いてください",
            "delete the link and put the file itself in the data folder",
            "请删除该链接，并将文件本身放入数据文件夹",
        ),
    ),
    "link_loop": (
        (
            "リンク（ショートカット）が自分自身を指していて、たどれません",
            "the link (shortcut) points back at itself and leads to no file",
            "链接（快捷方式）指向自身，无法找到文件",
        ),
        (
            "リンクを消して、ファイルそのものをデータフォルダーに置いてください",
            "delete the link and put the file itself in the data folder",
            "请删除该链接，并将文件本身放入数据文件夹",
        ),
    ),
    "no_permission": (
        ("このファイルを読む権限がありません", "the app is not allowed to read this file", "应用无权读取此文件"),
        (
            "ファイルのアクセス許可を変えて、読み取りを許してください",
            "change the file's permissions so that it may be read",
            "请修改文件权限，允许读取",
        ),
    ),
    "unreadable_file": (
        ("ファイルを読めません（{value}）", "the file cannot be read ({value})", "无法读取文件（{value}）"),
        (
            "ファイルを開いているほかのプログラムを閉じて、もう一度読み込んでください",
            "close any program that holds the file open and reload",
            "请关闭打开该文件的其他程序后重新加载",
        ),
    ),
}

_LABELS = {
    "ja": ("ファイル", "行", "列", "対処"),
    "en": ("file", "line", "column", "fix"),
    "zh": ("文件", "行", "列", "解决办法"),
}


@dataclass(frozen=True)
class DataError(Problem):
    """One problem in one cell (or row, or file) of a data file, worded in the reader's language."""

    @classmethod
    def of(cls, problem: Problem) -> DataError:
        """The core's rendering of a problem found by `common` or `geo` (which cannot word it)."""
        return problem if isinstance(problem, cls) else cls(**vars(problem))

    def message(self, lang: str = "en") -> str:
        """One line a coordinator can act on: where, what is wrong, how to fix it."""
        idx = {"ja": 0, "en": 1, "zh": 2}.get(lang, 1)
        what, fix = _PROBLEMS[self.problem]
        params = {k: (v[idx] if isinstance(v, tuple) else v) for k, v in self.params.items()}
        fmt = {"value": self.value, "column": self.column or "", "expected": self.expected, **params}
        f_label, l_label, c_label, fix_label = _LABELS[("ja", "en", "zh")[idx]]
        where = [f"{f_label} {Path(self.file).name}"]
        if self.line is not None:
            where.append(f"{l_label} {self.line}")
        if self.column:
            where.append(f"{c_label} {self.column}")
        sep = "、" if idx != 1 else ", "
        return f"{sep.join(where)}: {what[idx].format(**fmt)} — {fix_label}: {fix[idx].format(**fmt)}"

    def __str__(self) -> str:
        return self.message("en")


class DataLoadError(Exception):
    """Every problem found while loading a data folder; nothing is loaded while any remains."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def messages(self, lang: str = "en") -> list[str]:
        return [e.message(lang) for e in self.errors]
