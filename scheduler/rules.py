"""The rule catalogue: every rule govcal enforces or weighs, with the article that says so.

Article numbers are the numbered paragraphs of the Wuqia County People's Government Work
Rules (2024); see DESIGN §1. Hard rules are never broken by a plan; soft rules carry a
weight from `Policy.weights` (the field named by `weight`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scheduler.i18n import Lang, t


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    articles: tuple[str, ...]
    zh: str
    en: str
    hard: bool
    weight: str | None = None  # the `Weights` field, for soft rules

    def text(self, lang: Lang = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def cite(self, lang: Lang = "zh") -> str:
        """``第四十三条`` style citation in Chinese, ``Art. 43`` in English; '' with no article."""
        return cite_articles(self.articles, lang)


def cite_articles(articles: Iterable[str], lang: Lang = "zh") -> str:
    """``第六条、第四十二条`` / ``Art. 6, 42``; '' without articles. The one citation format of govcal."""
    numbers = [a for a in articles if a]
    if not numbers:
        return ""
    if lang == "zh":
        return "、".join(f"第{zh_numeral(int(a))}条" if a.isdigit() else a for a in numbers)
    return "Art. " + ", ".join(numbers)


def zh_numeral(n: int) -> str:
    """Chinese numerals for 1..99, as the rules number their paragraphs (四十二)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else digits[tens]
    return f"{head}十{digits[ones] if ones else ''}"


RULES: tuple[Rule, ...] = (
    # ----- hard rules ----------------------------------------------------------------------
    Rule("working_time", (), "会议安排在工作日的办公时间内，且不跨越时段",
         "meetings sit on working days inside one office-hours block", True),
    Rule("room", (), "会议室不重复占用，座位容纳应到和拟邀人员",
         "a room holds one meeting at a time and seats its attendees", True),
    Rule("no_double_booking", ("61",), "同一人同一时间只参加一个会议；请假、外出及已定活动期间不安排其参会",
         "nobody is in two meetings at once, nor booked while absent or at a commitment", True),
    Rule("standing_count", ("42",), "县政府常务会议原则上每月召开1至2次",
         "standing meetings: one or two a month", True),
    Rule("plenary_count", ("41",), "县政府全体会议一般每年召开1至2次",
         "plenary meetings: one or two a year", True),
    Rule("study_every", ("50",), "县政府学习会原则上每两个月举行一次",
         "a study session every two months", True),
    Rule("presider", ("6", "42"), "县长主持会议；县长不在时由常务副县长受委托主持常务会议",
         "the county head presides; the executive deputy presides a standing meeting when the head is away",
         True),
    Rule("item_supervisor", ("43",), "分管领导不能出席的，议题原则上不安排",
         "an item goes only to a meeting its supervising leader attends", True),
    Rule("item_ready", ("43",), "议题须经分管领导专题会议研究，会议材料提前送达参会人员",
         "an item must be studied first and its materials sent ahead", True),
    Rule("item_consensus", ("43",), "涉及项目、资金、人事、奖惩等事项意见不一致的，不提交会议",
         "items on projects, funds, staffing or rewards without consensus are not submitted", True),
    Rule("item_time", ("43",), "议题时长不超过会议时长", "the items' minutes fit the meeting", True),
    Rule("justice_attends", ("43",), "县司法局列席常务会议", "the justice bureau attends standing meetings",
         True),
    Rule("request_window", ("46",), "会议安排在申请的时间窗口内，应到人员均能出席",
         "a requested meeting sits inside its window with all required attendees", True),
    Rule("county_wide_limit", ("47",), "各单位每年召开全县性会议原则上不超过1次",
         "a unit holds at most one county-wide meeting a year", True),
    Rule("accounted", ("43", "46"), "每个待议议题和会议申请在计划中恰好出现一次：上会、推迟或驳回",
         "every pending item and meeting request appears exactly once: heard, deferred or rejected", True),
    Rule("deputy_free", ("49",), "县人大常委会会议期间至少一名副县长不被其他会议占用",
         "a deputy stays free on a congress standing committee meeting's date", True),
    # ----- soft rules ----------------------------------------------------------------------
    Rule("wait", ("43",), "议题准备就绪后等待上会的工作日（按优先级加权）",
         "priority-weighted working days an item waits once ready", False, "wait"),
    Rule("deadline_miss", ("43",), "议题未能在期限前上会", "an item not heard by its deadline", False,
         "deadline_miss"),
    Rule("defer_ready", ("43",), "已准备就绪的议题被推迟", "a ready item deferred", False, "defer_ready"),
    Rule("preferred_absent", ("44",), "拟邀人员不能出席", "a preferred attendee cannot come", False,
         "preferred_absent"),
    Rule("exec_presides", ("6", "42"), "由常务副县长代为主持常务会议",
         "the executive deputy presides instead of the head", False, "exec_presides"),
    Rule("standing_too_close", ("42",), "两次常务会议间隔过近", "two standing meetings too close together", False,
         "standing_too_close"),
    Rule("extra_meeting", ("47",), "会议多于议题需要（精简会议）", "more meetings than the load needs", False,
         "extra_meeting"),
    Rule("late_in_window", ("46",), "会议安排晚于申请的最早日期", "a requested meeting placed late in its window",
         False, "late_in_window"),
    Rule("reject_request", ("46",), "会议申请未能安排", "a meeting request left unplaced", False, "reject_request"),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]


def articles_of(rule_ids: Iterable[str]) -> tuple[str, ...]:
    """The article numbers of several rules, first-seen order, no repeats."""
    return tuple(dict.fromkeys(a for r in rule_ids for a in rule(r).articles))


def cite_suffix(articles: Iterable[str], lang: Lang) -> str:
    """``（第六条、第四十二条）`` / `` (Art. 6, 42)``, to follow a reason; empty without articles."""
    citation = cite_articles(articles, lang)
    if not citation:
        return ""
    return f"（{citation}）" if lang == "zh" else f" ({citation})"


def kind_name(kind: str, lang: Lang) -> str:
    """常务会议 / standing meeting."""
    return t(f"kind.{kind}", lang)
