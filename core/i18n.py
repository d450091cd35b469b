"""Every UI string in 日本語 (default), English and 中文（简体）.

One catalogue so that a test can prove no string is missing in any language. Enum members
(kinds, relations, stages, themes, …) are labelled through `label()`.
"""

from __future__ import annotations

from enum import StrEnum

LANGS = ("ja", "en", "zh")
DEFAULT_LANG = "ja"
LANG_NAMES = {"ja": "日本語", "en": "English", "zh": "中文（简体）"}

# key -> (ja, en, zh)
STRINGS: dict[str, tuple[str, str, str]] = {
    "app.title": ("日中都市間連携 大気環境改善協力マップ", "Japan–China Inter-City Air Quality Cooperation Map", "中日城市间大气环境改善合作地图"),
    "app.subtitle": (
        "地球環境戦略研究機関（IGES）「日中都市間連携の調整状況」平成26年5月末現在",
        "From IGES, “Coordination status of Japan–China inter-city cooperation”, as of the end of May 2014",
        "依据地球环境战略研究所（IGES）《中日城市间合作协调状况》，截至2014年5月底",
    ),
    "page.map": ("地図", "Map", "地图"),
    "page.status": ("調整状況", "Status", "协调状况"),
    "page.partnerships": ("連携一覧", "Partnerships", "合作关系"),
    "page.about": ("このアプリについて", "About", "关于"),
    "sidebar.language": ("言語 / Language / 语言", "言語 / Language / 语言", "言語 / Language / 语言"),
    "sidebar.filters": ("絞り込み", "Filters", "筛选"),
    "filter.region": ("都道府県・省・直轄市", "Prefecture / province", "都道府县／省／直辖市"),
    "filter.region_help": (
        "その地域自身と、その中の市を含む連携を表示します",
        "Shows links of the region itself and of every place inside it",
        "显示该地区本身及其辖内地点的合作关系",
    ),
    "filter.years": ("友好都市協定締結年", "Agreement year", "友好城市协定缔结年份"),
    "filter.undated": ("締結年のない関係も含める", "Include relations without an agreement year", "包括没有缔结年份的关系"),
    "filter.relation": ("関係の種類", "Relation type", "关系类型"),
    "filter.stage": ("調整段階", "Coordination stage", "协调阶段"),
    "filter.search": ("地名で検索", "Search a place", "按地名搜索"),
    "filter.search_help": ("日本語・英語・中国語のどの名前でも", "Any of its Japanese, English or Chinese names", "日文、英文或中文名称均可"),
    "filter.all": ("すべて", "All", "全部"),
    "filter.reset": ("絞り込みを解除", "Clear filters", "清除筛选"),
    "map.color_by": ("線の色分け", "Colour links by", "连线着色依据"),
    "map.color_by.relation": ("関係の種類", "Relation type", "关系类型"),
    "map.color_by.stage": ("調整段階", "Coordination stage", "协调阶段"),
    "map.basemap": ("背景地図", "Basemap", "底图"),
    "map.online_note": (
        "オンラインの背景地図はインターネット接続が必要です",
        "Online basemaps need an internet connection",
        "在线底图需要互联网连接",
    ),
    "map.shown": ("表示中の連携: {links} 件 / 場所: {places} か所", "Shown: {links} links, {places} places", "显示：{links} 条合作关系，{places} 个地点"),
    "map.empty": (
        "条件に合う連携はありません。絞り込みを変えてください。",
        "No partnership matches these filters. Change or clear them.",
        "没有符合条件的合作关系。请更改或清除筛选。",
    ),
    "map.click_hint": (
        "地図上の都市または線をクリックすると詳細を表示します",
        "Click a city or a link on the map to see its details",
        "点击地图上的城市或连线可查看详情",
    ),
    "map.legend.places": ("場所", "Places", "地点"),
    "map.legend": ("凡例", "Legend", "图例"),
    "map.legend.relation": ("関係の種類", "Relation type", "关系类型"),
    "map.legend.stage": ("調整段階（中国側）", "Coordination stage (Chinese side)", "协调阶段（中方）"),
    "map.shape.jp_city": ("日本の市", "Japanese city", "日本城市"),
    "map.shape.jp_region": ("日本の都道府県", "Japanese prefecture", "日本都道府县"),
    "map.shape.cn_city": ("中国の市", "Chinese city", "中国城市"),
    "map.shape.cn_region": ("中国の省・直轄市", "Chinese province / municipality", "中国省／直辖市"),
    "map.shape.cn_body": ("中国の国の機関", "Chinese national body", "中国国家机构"),
    "map.shape.jp_body": ("日本の国の機関", "Japanese national body", "日本国家机构"),
    "map.tip.year": ("{year}年", "since {year}", "{year}年"),
    "map.tip.stage": ("調整段階: {stage}", "Stage: {stage}", "协调阶段：{stage}"),
    "map.unplaced": (
        "座標がないため地図に表示できない場所: {names}",
        "Not on the map because they have no coordinates: {names}",
        "因缺少坐标而未在地图上显示：{names}",
    ),
    "details.names": ("名称", "Names", "名称"),
    "details.kind": ("種別", "Kind", "类别"),
    "details.region": ("所在地域", "Prefecture / province", "所在地区"),
    "details.partners": ("パートナー", "Partners", "合作伙伴"),
    "details.partner": ("相手", "Partner", "对方"),
    "details.relation": ("関係", "Relation", "关系"),
    "details.wording": ("原文の表記", "Document's wording", "原文表述"),
    "details.year": ("締結年", "Agreement year", "缔结年份"),
    "details.no_year": ("—", "—", "—"),
    "details.status": ("調整状況（表2）", "Coordination status (Table 2)", "协调状况（表2）"),
    "details.stage": ("段階", "Stage", "阶段"),
    "details.as_of": ("時点", "As of", "截至"),
    "details.original": ("原文（日本語）", "Original (Japanese)", "原文（日文）"),
    "details.translation": ("訳", "Translation", "译文"),
    "details.activities": ("予定されている活動", "Planned activities", "计划活动"),
    "details.themes": ("テーマ", "Themes", "主题"),
    "details.events": ("日程", "Dates", "日程"),
    "details.counterparts": ("日本側の相手", "Japanese counterparts", "日方对口"),
    "details.no_status": ("状況の報告なし（表2に記載なし）", "No status reported (not in Table 2)", "无状况报告（表2未列出）"),
    "details.partner_statuses": ("パートナーの調整状況", "Partners' coordination status", "合作伙伴的协调状况"),
    "details.note": ("備考", "Note", "备注"),
    "details.source": ("出典", "Source", "出处"),
    "details.clear": ("選択を解除", "Clear selection", "取消选择"),
    "details.fiscal_year": ("{year}年度", "FY{year}", "{year}财年"),
    "count.exactly": ("{n}回", "{n}×", "{n}次"),
    "count.at_least": ("{n}回以上", "at least {n}×", "{n}次以上"),
    "count.unspecified": ("回数の記載なし", "count not stated", "未注明次数"),
    "event.planned": ("予定", "planned", "计划"),
    "event.done": ("実施", "done", "已实施"),
    "status.title": ("中国側各都市等の参加意向（表2）", "Chinese side's participation status (Table 2)", "中方各城市等的参与意向（表2）"),
    "status.no_status_title": ("状況の報告がない場所", "Places with no status reported", "无状况报告的地点"),
    "partnerships.title": ("日中の連携（表1）", "Japan–China partnerships (Table 1)", "中日合作关系（表1）"),
    "partnerships.download": ("CSVでダウンロード", "Download as CSV", "下载 CSV"),
    "col.japan": ("日本側", "Japan", "日方"),
    "col.china": ("中国側", "China", "中方"),
    "col.relation": ("関係", "Relation", "关系"),
    "col.wording": ("原文の表記", "Document's wording", "原文表述"),
    "col.year": ("締結年", "Year", "年份"),
    "col.stage": ("調整段階", "Stage", "协调阶段"),
    "col.entity": ("都市等", "City / body", "城市等"),
    "col.kind": ("種別", "Kind", "类别"),
    "col.text": ("原文", "Original text", "原文"),
    "col.translation": ("訳", "Translation", "译文"),
    "col.activities": ("活動", "Activities", "活动"),
    "col.themes": ("テーマ", "Themes", "主题"),
    "col.events": ("日程", "Dates", "日程"),
    "col.counterparts": ("日本側の相手", "Japanese counterparts", "日方对口"),
    "col.source": ("出典", "Source", "出处"),
    "warn.unknown_param": (
        "URLの「{param}={value}」は認識できないため無視しました",
        "Ignored the URL parameter “{param}={value}”: unknown value",
        "已忽略无法识别的 URL 参数“{param}={value}”",
    ),
    "error.data_title": (
        "データファイルに問題があるため読み込めませんでした。次の点を直して再読み込みしてください。",
        "The data files could not be loaded. Fix these problems and reload the page.",
        "数据文件有问题，无法加载。请修正以下问题后重新加载页面。",
    ),
    "error.data_folder": ("データフォルダー: {folder}", "Data folder: {folder}", "数据文件夹：{folder}"),
    "about.body": (
        "このアプリは、地球環境戦略研究機関（IGES）が取りまとめた「日中都市間連携の調整状況」（平成26年5月末現在）の表1（参加意向を表明している日本の地方自治体と中国側パートナー都市）と表2（中国側各都市等の参加意向）を、絞り込みやクリックで確認できる地図にしたものです。",
        "This app turns the tables of “Coordination status of Japan–China inter-city cooperation” (IGES, as of the end of May 2014) into a map you can filter and click: Table 1 lists the Japanese local governments that want to take part and their Chinese partner cities; Table 2 the Chinese side's status.",
        "本应用将地球环境战略研究所（IGES）整理的《中日城市间合作协调状况》（截至2014年5月底）中的表1（表示参与意向的日本地方政府及中方伙伴城市）和表2（中方各城市等的参与意向）制作成可筛选、可点击的地图。",
    ),
    "about.source": ("出典資料", "Source document", "原始资料"),
    "about.date": ("資料の時点", "Date of the document", "资料时点"),
    "about.date_value": ("平成26年（2014年）5月末", "End of May 2014 (平成26年5月末)", "2014年5月底（平成26年5月末）"),
    "about.derivation": ("データの作り方", "How the data was derived", "数据的整理方法"),
    "about.derivation_body": (
        "表1の各行を1件の連携とし、北九州市のセルは4つのパートナーと4つの注記を順に対応させました。表2の本文はHTMLのリスト記号を除いたうえでそのまま収め、段階・相手・活動（回数）・テーマ・日程を構造化しました。英語・中国語訳はプロジェクトによるものです。各行の出典は data/ のCSVの source 列にあります。",
        "Each row of Table 1 is one partnership; Kitakyushu's cell pairs its four partners with its four notes in order. Table 2's text is kept as written, without the HTML list markup, and its stage, counterparts, activities (with counts), themes and dates are structured. English and Chinese translations are the project's. Every row's source is in the source column of the CSV files in data/.",
        "表1的每一行为一条合作关系；北九州市一格中的4个伙伴与4条注释按顺序对应。表2的正文去除HTML列表标记后原样保留，并将阶段、对口方、活动（次数）、主题和日程结构化。英文和中文译文由本项目提供。每行的出处见 data/ 中 CSV 文件的 source 列。",
    ),
    "about.data_folder": ("読み込んでいるデータフォルダー", "Data folder in use", "当前数据文件夹"),
    "about.col.name": ("名称", "Name", "名称"),
    "about.col.licence": ("ライセンス・帰属表示", "Licence / attribution", "许可／署名"),
    "about.col.use": ("用途", "Used for", "用途"),
    "about.use.cities": ("都市の座標", "City coordinates", "城市坐标"),
    "about.use.prefectures": ("都道府県の形", "Prefecture outlines", "都道府县轮廓"),
    "about.use.provinces": ("中国の省と周辺国の形", "Chinese province and neighbouring country outlines", "中国省级及周边国家轮廓"),
    "about.use.leaflet": ("地図ライブラリ", "Map library", "地图库"),
    "about.use.folium": ("地図の描画", "Map rendering", "地图绘制"),
    "about.use.geo": ("ジオコーディング・大圏弧", "Geocoding, great-circle arcs", "地理编码、大圆弧线"),
    "about.use.streamlit": ("アプリの基盤", "App framework", "应用框架"),
    "about.use.tiles": ("オンライン背景地図（選んだときだけ）", "Online basemap (only when chosen)", "在线底图（仅在选择时）"),
    "about.licences": ("ライセンスと帰属", "Licences and attribution", "许可与署名"),
    "about.update": ("データの更新と座標の再取得", "Updating the data and refreshing coordinates", "更新数据与重新获取坐标"),
    "about.update_body": (
        "data/ の CSV を Excel で編集し（UTF-8 でも Shift_JIS でも可）、ページを再読み込みします。座標は「make geocode」（オンライン検索を許可する場合は「make geocode ONLINE=1」）で data/geocache.csv に保存されます。places.csv の lat・lon に書いた座標が常に優先されます。",
        "Edit the CSV files in data/ in Excel (UTF-8 or Shift_JIS both work) and reload the page. Coordinates are stored in data/geocache.csv by `make geocode` (`make geocode ONLINE=1` allows online lookup). Coordinates written in the lat and lon columns of places.csv always win.",
        "用 Excel 编辑 data/ 中的 CSV 文件（UTF-8 或 Shift_JIS 均可），然后重新加载页面。坐标由 `make geocode`（允许在线查询时用 `make geocode ONLINE=1`）保存到 data/geocache.csv。places.csv 中 lat、lon 列填写的坐标始终优先。",
    ),
    "about.boundaries": (
        "境界線は位置の目安として表示しており、いかなる領土・境界に関する立場を示すものでもありません。",
        "Boundaries are drawn for orientation only and imply no position on any territory or border.",
        "边界线仅用于方位参考，不代表对任何领土或边界的立场。",
    ),
    # --- added on branch params
    "warn.url.title": (
        "URLの次の指定はそのままでは使えませんでした:",
        "Some of the URL could not be used as written:",
        "URL 中的以下内容无法按原样使用：",
    ),
    "warn.url.dismiss": ("この警告を閉じる", "Dismiss this warning", "关闭此警告"),
    "warn.url.repeated": (
        "「{param}={value}」: {param} は1つしか指定できないため無視しました",
        "Ignored “{param}={value}”: {param} takes one value only",
        "已忽略“{param}={value}”：{param} 只能指定一个值",
    ),
    "warn.url.unknown_name": (
        "「{param}={value}」: {param} というパラメーターはないため無視しました",
        "Ignored “{param}={value}”: there is no parameter called {param}",
        "已忽略“{param}={value}”：不存在名为 {param} 的参数",
    ),
    "warn.url.clamped": (
        "「{param}={value}」はデータの年の範囲外のため {used} にしました",
        "“{param}={value}” is outside the years in the data: used {used}",
        "“{param}={value}”超出数据中的年份范围，已改为 {used}",
    ),
    "warn.url.no_years": (
        "「{param}={value}」: データに締結年がないため無視しました",
        "Ignored “{param}={value}”: the data has no agreement years",
        "已忽略“{param}={value}”：数据中没有缔结年份",
    ),
    "warn.url.swapped": (
        "「{param}={value}」が「{used}」より後だったため、入れ替えました",
        "“{param}={value}” came after “{used}”: swapped them",
        "“{param}={value}”晚于“{used}”，已互换",
    ),
    "filter.years_one": (
        "友好都市協定締結年: データには {year}年 だけです",
        "Agreement year: the data has {year} only",
        "友好城市协定缔结年份：数据中只有 {year} 年",
    ),
    "filter.years_none": (
        "友好都市協定締結年: データには締結年がありません",
        "Agreement year: the data has no agreement years",
        "友好城市协定缔结年份：数据中没有缔结年份",
    ),
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The UI string `key` in `lang` (falling back to Japanese), with {placeholders} filled."""
    idx = LANGS.index(lang) if lang in LANGS else 0
    text = STRINGS[key][idx]
    return text.format(**fmt) if fmt else text


# Enum value -> (ja, en, zh)
LABELS: dict[str, tuple[str, str, str]] = {
    # Country
    "JP": ("日本", "Japan", "日本"),
    "CN": ("中国", "China", "中国"),
    # PlaceKind
    "prefecture": ("都道府県", "Prefecture", "都道府县"),
    "province": ("省", "Province", "省"),
    "municipality": ("直轄市", "Municipality", "直辖市"),
    "city": ("市", "City", "市"),
    "national_body": ("国の機関", "National body", "国家机构"),
    # RelationType
    "friendship": ("友好都市", "Friendship city", "友好城市"),
    "local_office": ("現地事務所設置", "Local office", "设有当地事务所"),
    "environmental_exchange": ("環境交流都市（覚書あり）", "Environmental exchange (MoU)", "环境交流城市（有备忘录）"),
    "cooperation_request": ("協力要請あり", "Cooperation requested", "提出合作请求"),
    # Stage
    "nearly_agreed": ("ほぼ合意", "Nearly agreed", "基本达成一致"),
    "platform_agreed": ("プラットフォーム了解", "Platform agreed", "平台已商定"),
    "in_coordination": ("調整中", "In coordination", "协调中"),
    "consultation_planned": ("協議予定", "Consultation planned", "计划协商"),
    "mission_planned": ("ミッション派遣計画", "Mission planned", "计划派遣考察团"),
    "no_status": ("状況報告なし", "No status reported", "无状况报告"),
    # Theme
    "forecasting": ("予報", "Forecasting", "预报"),
    "source_apportionment": ("発生源解析", "Source apportionment", "污染源解析"),
    "pm25_component_analysis": ("PM2.5成分分析", "PM2.5 component analysis", "PM2.5成分分析"),
    "administrative_management": ("行政管理", "Administrative management", "行政管理"),
    "monitoring": ("モニタリング", "Monitoring", "监测"),
    "air_pollution_control": ("大気汚染対策", "Air pollution control", "大气污染防治"),
    "control_technology": ("対策技術の紹介", "Control technologies", "污染防治技术介绍"),
    "experience_exchange": ("経験交流", "Experience exchange", "经验交流"),
    # ActivityKind
    "expert_dispatch": ("専門家派遣", "Expert dispatch", "专家派遣"),
    "training_in_japan": ("訪日研修", "Training visit to Japan", "赴日研修"),
    "mission_to_japan": ("訪日ミッション", "Mission to Japan", "赴日考察团"),
    "consultation_visit": ("協議のための訪問", "Consultation visit", "协商访问"),
    "seminar": ("セミナー／合同研修", "Seminar / joint training", "研讨会／联合培训"),
    "project_link": ("他プロジェクトとの連携", "Link with another project", "与其他项目联动"),
    # Timing
    "month": ("{m}月", "{month_en}", "{m}月"),
    "early": ("{m}月上旬", "early {month_en}", "{m}月上旬"),
    "mid": ("{m}月中旬", "mid-{month_en}", "{m}月中旬"),
    "late": ("{m}月下旬", "late {month_en}", "{m}月下旬"),
    "around": ("{m}月頃", "around {month_en}", "{m}月前后"),
}


def label(member: StrEnum | str, lang: str) -> str:
    """The display name of an enum member (a kind, relation, stage, theme, …) in `lang`."""
    idx = LANGS.index(lang) if lang in LANGS else 0
    return LABELS[str(member)][idx]
