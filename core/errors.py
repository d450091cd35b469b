"""Problems found in a data file, with everything a coordinator needs to fix them.

A `DataError` is structured (file, line, column, value, problem code, parameters) so that the UI can
show it in the user's language; `message(lang)` renders it. The loader collects every problem it
finds and raises them together as `DataLoadError`, so one fix-and-reload round shows them all.
Most of its length is the template table, which is moving to the gettext catalogues.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# problem code -> (ja, en, zh) templates for "what is wrong" and "how to fix it".
# Parameters: {value}, {column}, {expected}: DataError's fields; {other_line}, {country}, {lo}, {hi},
# {today}, {suffixes}, {char}, {before}: its params. Every {expected} is language-neutral (codes,
# numbers, examples): prose belongs in the templates, so that no message mixes languages.
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
    # --- added on branch checks
    "missing_text": (
        ("「{column}」が空です", "'{column}' is empty", "“{column}”为空"),
        ("値を入れてください", "fill it in", "请填写"),
    ),
    "missing_place": (
        ("「{column}」が空です", "'{column}' is empty", "“{column}”为空"),
        (
            "places.csv の name_ja にある場所の名前を入れてください",
            "write the name_ja of a place in places.csv",
            "请填写 places.csv 中 name_ja 列的地点名称",
        ),
    ),
    "missing_source": (
        ("「{column}」が空です", "'{column}' is empty", "“{column}”为空"),
        (
            "この行の出典を入れてください（例: IGES 2014-05 表2）",
            "cite where the row comes from (e.g. IGES 2014-05 表2)",
            "请填写该行的出处（如 IGES 2014-05 表2）",
        ),
    ),
    "not_a_number": (
        ("「{value}」は数として読めません", "'{value}' is not a number", "“{value}”不是数字"),
        ("{lo} から {hi} までの数を入れてください", "enter a number from {lo} to {hi}", "请输入 {lo} 到 {hi} 之间的数"),
    ),
    "not_a_whole_number": (
        ("「{value}」は整数として読めません", "'{value}' is not a whole number", "“{value}”不是整数"),
        (
            "{lo} から {hi} までの整数を数字（0–9、全角の０–９も可）だけで書いてください（符号・区切り・小数点は使えません）",
            "write a whole number from {lo} to {hi} in digits only (0–9, or full-width ０–９), "
            "without sign, separators or decimal point",
            "请只用数字（0–9 或全角 ０–９）写 {lo} 到 {hi} 之间的整数，不要符号、分隔符或小数点",
        ),
    ),
    "number_out_of_range": (
        ("{value} は範囲外です（{lo}～{hi}）", "{value} is out of range ({lo} to {hi})", "{value} 超出范围（{lo} 到 {hi}）"),
        ("{lo} から {hi} までの数にしてください", "use a number from {lo} to {hi}", "请使用 {lo} 到 {hi} 之间的数"),
    ),
    "future_date": (
        ("{value} は未来の日付です", "{value} is in the future", "{value} 是未来的日期"),
        (
            "報告の日付を書いてください（今日 {today} まで）",
            "write the date of the report (today, {today}, at the latest)",
            "请写报告的日期（最晚为今天 {today}）",
        ),
    ),
    "qualifier_count": (
        ("「{value}」は count の値と合いません", "'{value}' does not fit the count", "“{value}”与 count 不符"),
        (
            "count が空なら unspecified、数があれば exactly か at_least にしてください",
            "write unspecified when count is empty, else exactly or at_least",
            "count 为空时写 unspecified，否则写 exactly 或 at_least",
        ),
    ),
    "counterpart_not_japanese": (
        ("「{value}」は日本の場所ではありません", "'{value}' is not a place in Japan", "“{value}”不是日本的地点"),
        (
            "counterparts には日本側の場所（places.csv で country が JP）だけを書いてください",
            "name only Japanese places (country JP in places.csv) in counterparts",
            "counterparts 只填日本的地点（places.csv 中 country 为 JP）",
        ),
    ),
    "region_country": (
        (
            "地域「{value}」は{country}の地域ではありません",
            "the region '{value}' is not a region of {country}",
            "地区“{value}”不是{country}的地区",
        ),
        (
            "この場所がある{country}の地域を書いてください（名前の終わりは {suffixes}）",
            "write the region of {country} the place lies in (its name ends in {suffixes})",
            "请填写该地点所在的{country}地区（名称以 {suffixes} 结尾）",
        ),
    ),
    "no_status_row": (
        (
            "「{value}」は statuses.csv に行がないため、この行はどこにも表示されません",
            "'{value}' has no row in statuses.csv, so this row would be shown nowhere",
            "“{value}”在 statuses.csv 中没有对应行，因此该行不会显示在任何地方",
        ),
        (
            "statuses.csv に「{value}」の行を加えるか、この行を消してください",
            "add a row for '{value}' to statuses.csv, or delete this row",
            "请在 statuses.csv 中加入“{value}”的行，或删除此行",
        ),
    ),
    "no_rows": (
        (
            "見出し行だけで、データ行がありません",
            "the file has only its header row and no data rows",
            "文件只有表头行，没有数据行",
        ),
        ("見出しの下に1行以上加えてください", "add at least one row under the header", "请在表头下至少加入一行"),
    ),
    "hidden_character": (
        (
            "「{value}」の「{before}」の後に見えない文字 {char} があります",
            "'{value}' contains a hidden character {char} after '{before}'",
            "“{value}”中“{before}”之后有一个不可见字符 {char}",
        ),
        (
            "その文字を消してください（セルを打ち直すのが確実です）",
            "delete it (retyping the cell is the surest way)",
            "请删除该字符（重新输入该单元格最可靠）",
        ),
    ),
    "hidden_character_first": (
        (
            "「{value}」の先頭に見えない文字 {char} があります",
            "'{value}' starts with a hidden character {char}",
            "“{value}”开头有一个不可见字符 {char}",
        ),
        (
            "その文字を消してください（セルを打ち直すのが確実です）",
            "delete it (retyping the cell is the surest way)",
            "请删除该字符（重新输入该单元格最可靠）",
        ),
    ),
}

_LABELS = {
    "ja": ("ファイル", "行", "列", "対処"),
    "en": ("file", "line", "column", "fix"),
    "zh": ("文件", "行", "列", "解决办法"),
}


@dataclass(frozen=True)
class DataError:
    """One problem in one cell (or row, or file) of a data file."""

    file: str
    problem: str
    line: int | None = None
    column: str | None = None
    value: str = ""
    expected: str = ""
    params: dict[str, str | tuple[str, str, str]] = field(default_factory=dict)  # a triple is (ja, en, zh)

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

    def shown(self, limit: int = 50) -> list[tuple[DataError, int]]:
        """At most `limit` problems, in order, each with how many later ones of its kind are left out.

        50,000 bad rows must not bury the one problem of another kind: every problem code keeps
        at least its first occurrence, the rest of the budget goes to the earliest problems, and the
        last shown problem of a code carries the count of those left out (shown as "and N more")."""
        first_of_code: dict[str, int] = {}
        for i, error in enumerate(self.errors):
            first_of_code.setdefault(error.problem, i)
        keep = set(first_of_code.values())
        for i in range(len(self.errors)):
            if len(keep) >= limit:
                break
            keep.add(i)
        kept = sorted(keep)
        hidden = Counter(e.problem for i, e in enumerate(self.errors) if i not in keep)
        last_kept = {self.errors[i].problem: i for i in kept}
        return [(self.errors[i], hidden[self.errors[i].problem] if last_kept[self.errors[i].problem] == i else 0)
                for i in kept]
