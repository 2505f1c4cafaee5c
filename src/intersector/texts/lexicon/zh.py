"""Chinese: the words of ITU texts as the Chinese versions print them (written without spaces
between words: `spaced=False`).

Sources of the wording: ITU's Chinese texts as published on itu.int — `ITU-R 第 34-2 号决议 …
国际电联无线电通信全会，认识到 a) … 考虑到 a) … 做出决议 1 … 请 1 …` (ITU-R Resolution 34-2,
Chinese); `第123号决议(2018年,迪拜,修订版)` and `第71号决议(2014年,釜山,修订版)` (WTISD-2019
page, Council 2018 Document C18/35-C); `ITU-T 建议书`, `国际电联电信标准化部门`,
`电信标准化局` (itu.int/zh, ITU-T about page); `世界电信标准化全会` (WTSA-20 reports).
`考虑到`, `认识到`, `做出决议`, `请` and the `a)` clause letters are from ITU-R Resolution 34-2;
the other headings (`注意到`, `顾及`, `责成`…) and names follow ITU's usual Chinese wording as
the author knows it, not checked against a published text in this work.
The identity line puts the number before the kind word (`第57号决议`, `ITU-T E.119建议书`),
a history puts the year before the place (`（2008年，约翰内斯堡；2012年，迪拜）`), and an
operative heading runs into its addressee (`责成电信标准化局主任`). Clauses are lettered
`a) b) c)` as in English; `(一)` `(二)` of Chinese typography are read too.
"""

from __future__ import annotations

from intersector.texts.lexicon import LATIN, Lexicon

_PAREN = r"\s*(?:[(（](?P<paren>[^()（）]*)[)）])?\s*(?:[-–:：]\s*(?P<title>.+))?$"
_NUMBER = r"(?P<number>(?:[A-Z]{1,3}\.)?\d{1,4}(?:\.\d{1,4})*(?:-\d{1,3})?(?:/\d{1,2}[A-Z]?)?)"

_BODIES = {
    "世界电信标准化全会": "wtsa",
    "世界电信发展大会": "wtdc",
    "国际电联全权代表大会": "pp",
    "全权代表大会": "pp",
    "国际电联无线电通信全会": "ra",
    "无线电通信全会": "ra",
    "世界无线电通信大会": "wrc",
    "理事会": "council",
}
_BODY = "|".join(sorted(_BODIES, key=len, reverse=True))
_REV = r"(?:\s*[(（](?P<rev>[^()（）]{0,40}?\d{4}[^()（）]{0,20})[)）])?"

LEXICON = Lexicon(
    code="zh",
    common_words=frozenset(
        ["的", "和", "在", "国际电联", "部门", "与", "为", "是", "对", "以及", "电信", "有关"]
    ),
    kinds={
        "决议": "resolution",
        "建议书": "recommendation",
        "课题": "question",
        "意见": "opinion",
        "决定": "decision",
    },
    revision_words=("修订版",),
    preamble_headings={
        "考虑到": "considering",
        "进一步考虑到": "further-considering",
        "认识到": "recognizing",
        "进一步认识到": "further-recognizing",
        "顾及": "taking-into-account",
        "注意到": "noting",
        "进一步注意到": "further-noting",
        "铭记": "bearing-in-mind",
        "意识到": "aware",
        "忆及": "recalling",
        "强调": "emphasizing",
        "深信": "convinced",
        "关切地注意到": "concerned",
        "欢迎": "welcoming",
        "重申": "reaffirming",
        "鉴于": "in-view-of",
    },
    operative_headings={
        "决定研究以下课题": "decides-question",
        "做出决议": "resolves",
        "作出决议": "resolves",
        "进一步做出决议": "further-resolves",
        "决定": "resolves",
        "责成": "instructs",
        "请": "invites",
        "鼓励": "encourages",
        "要求": "requests",
        "请求": "requests",
        "呼吁": "calls-upon",
        "敦促": "urges",
        "建议": "recommends",
        "进一步建议": "further-recommends",
        "批准": "approves",
        "通过": "adopts",
        "支持": "supports",
    },
    bodies=_BODIES,
    this_body=("本届全会", "本全会", "本届大会"),
    sectors={
        "itu-t": "itu-t",
        "itu-r": "itu-r",
        "itu-d": "itu-d",
        "电信标准化部门": "itu-t",
        "无线电通信部门": "itu-r",
        "电信发展部门": "itu-d",
    },
    places={
        "迪拜": "Dubai",
        "日内瓦": "Geneva",
        "约翰内斯堡": "Johannesburg",
        "弗洛里亚诺波利斯": "Florianópolis",
        "哈马马特": "Hammamet",
        "蒙特利尔": "Montreal",
        "新德里": "New Delhi",
        "海得拉巴": "Hyderabad",
        "布宜诺斯艾利斯": "Buenos Aires",
        "釜山": "Busan",
        "瓜达拉哈拉": "Guadalajara",
        "安塔利亚": "Antalya",
        "马拉喀什": "Marrakesh",
        "沙姆沙伊赫": "Sharm el-Sheikh",
        "伊斯坦布尔": "Istanbul",
        "布加勒斯特": "Bucharest",
        "基加利": "Kigali",
    },
    verbs={
        "请": "invite",
        "鼓励": "encourage",
        "责成": "instruct",
        "继续": "continue",
        "确保": "ensure",
    },
    infinitive=r"^(请|鼓励|责成|继续|确保)",  # the verb opening a clause (verbs do not inflect)
    purpose=r"(?!)",
    addressees={
        "无线电通信顾问组": ("rag",),
        "电信标准化顾问组": ("tsag",),
        "电信发展顾问组": ("tdag",),
        "三个局的主任": ("br-director", "tsb-director", "bdt-director"),
        "三局主任": ("br-director", "tsb-director", "bdt-director"),
        "无线电通信局主任": ("br-director",),
        "电信标准化局主任": ("tsb-director",),
        "电信发展局主任": ("bdt-director",),
        "秘书长": ("secretary-general",),
        "成员国": ("member-states",),
        "部门成员": ("sector-members",),
        "理事会": ("council",),
        "电信标准化部门": ("itu-t",),
        "无线电通信部门": ("itu-r",),
        "电信发展部门": ("itu-d",),
        "无线电通信局": ("br",),
        "电信标准化局": ("tsb",),
        "电信发展局": ("bdt",),
        "研究组": ("study-groups",),
        # ITU's Chinese texts keep the English acronyms: `（TSAG）`, `（BR）`
        "rag": ("rag",),
        "tsag": ("tsag",),
        "tdag": ("tdag",),
        "br": ("br",),
        "tsb": ("tsb",),
        "bdt": ("bdt",),
    },
    director_words=frozenset({"主任"}),
    bureaux={"br": "br", "tsb": "tsb", "bdt": "bdt"},
    boilerplate_headings={
        "前言": "foreword",
        "注": "note",
        "知识产权": "ipr",
        "目录": "contents",
    },
    reference_words={"决议": "resolution", "建议书": "recommendation", "报告": "report"},
    of_words=("的",),
    and_words=("和", "及"),
    anchor_stops=frozenset(["的", "和", "在", "与", "及"]),
    group_words={"研究组": "sg", "工作组": "wp"},
    annex_words={"附件": "annex", "附录": "appendix"},
    recommendation_headings={
        "范围": "scope",
        "摘要": "summary",
        "关键词": "keywords",
        "参考书目": "bibliography",
        "历史沿革": "history",
        "引言": "introduction",
    },
    question_headings={
        "动机": "motivation",
        "课题": "question",
        "任务": "tasks",
        "关系": "relationships",
    },
    liaison_fields={
        "供采取行动": "for_action",
        "供评论": "for_comment",
        "供参考": "for_information",
        "来源": "source",
        "标题": "title",
        "截止日期": "deadline",
        "联系人": "contact",
        "课题": "questions",
        "关键词": "keywords",
        "摘要": "abstract",
    },
    liaison_markers=("联络声明",),
    copyright=("版权所有",),
    series_words=("系列",),
    label_alphabets=(LATIN, "一二三四五六七八九十"),
    spaced=False,
    identity=(
        rf"^(?:(?P<sector>ITU-[RTD])\s*)?第\s*{_NUMBER}\s*号\s*(?P<word>决议|意见|决定|课题)"
        + _PAREN,
        rf"^(?P<sector>ITU-[RTD])\s*{_NUMBER}\s*(?P<word>建议书)" + _PAREN,
    ),
    identity_prefixes=("第", "itu-r", "itu-t", "itu-d"),
    group_pattern=r"(?:第\s*)?(?P<number>\d{1,2}[A-Z]?)\s*(?P<word>研究组|工作组)",
    reference_patterns=(
        # `世界电信发展大会第5号决议（2010年，海得拉巴，修订版）`, `全权代表大会关于…的第123号决议`,
        # `ITU-R第34-2号决议`, `第57号决议` (the issuing body's)
        rf"(?:(?P<body>{_BODY})(?:关于[^第。；]{{0,80}}的)?)?(?:(?P<sector>ITU-[RTD])\s*)?"
        rf"第\s*(?P<nums>\d{{1,4}}(?:-\d{{1,3}})?)\s*号\s*(?P<word>决议)" + _REV,
        # `ITU-T E.164建议书`
        r"(?P<sector>ITU-[RTD])\s*(?P<nums>[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,4})*(?:-\d{1,3})?)"
        r"\s*(?P<word>建议书)" + _REV,
    ),
    event_pattern=r"(?P<year>(?:19|20)\d{2})\s*年\s*[，,、]?\s*(?P<place>[^\W\d_][^，,；;、（）()\d]*)",
)
