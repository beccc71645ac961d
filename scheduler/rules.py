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
    Rule("room", (), "会议室不重复占用，座位容纳与会人员", "a room holds one meeting at a time and seats its attendees",
         True),
    Rule("staff_seat", ("44",), "议题主要汇报单位负责人可带一名工作人员，会议室须为其留座",
         "the main reporting unit may bring one staff member, who needs a seat", True),
    Rule("no_double_booking", (), "同一人（县政府领导同志或部门、单位负责人）同一时间只在一处：不同时参加两个会议，"
         "也不在已定活动期间参会", "nobody (a county leader or a unit head) is in two places at once: not in two "
         "meetings, nor in a meeting while at a fixed commitment", True),
    Rule("on_leave", ("61",), "请假（出访、出差、学习、培训、休假、病假等）期间不安排其参会",
         "nobody is booked while on reported leave (visit, trip, study, training, leave, sick)", True),
    Rule("standing_count", ("42",), "县政府常务会议一般每月召开1至2次（临时召开的不计）",
         "standing meetings: one or two a month (ad hoc ones beyond the count)", True),
    Rule("plenary_count", ("41",), "县政府全体会议一般每年召开1至2次",
         "plenary meetings: one or two a year", True),
    Rule("study_every", ("50",), "县政府一般两个月安排一次专题学习", "a study session every two months", True),
    Rule("presider", ("6", "42"), "常务会议由县长或委托分管常务工作的副县长召集和主持",
         "the county head presides a standing meeting, or commissions the executive deputy to", True),
    Rule("presider_plenary", ("41",), "全体会议由县长召集和主持", "the county head convenes and presides plenary "
         "meetings", True),
    Rule("presider_study", ("50",), "学习活动由县长主持", "the county head presides study sessions", True),
    Rule("presider_thematic", ("46",), "县长或县长委托副县长按照分工召开专题会议",
         "the county head, or a deputy the head commissions by portfolio, convenes and presides a thematic meeting",
         True),
    Rule("presider_county_wide", ("47",), "部门召开的全县性会议由该部门（或其分管领导同志）召集",
         "a unit's county-wide meeting is convened by that unit (or its supervising leader)", True),
    Rule("standing_members", ("42",), "常务会议由县长、副县长、政府办公室主任组成：未请假的组成人员均应出席",
         "every member of the standing meeting (head, deputies, office director) not on leave attends", True),
    Rule("plenary_members", ("41",), "全体会议由县长、副县长和政府组成部门各局长、主任组成：均应出席（请假的除外）",
         "the head, the deputies and every department head attend the plenary meeting (unless on leave)", True),
    Rule("study_members", ("50",), "学习活动由县政府领导同志及各部门、单位负责人参加",
         "the government's leaders and the heads of every department and unit attend a study session", True),
    Rule("reporting_unit", ("44",), "议题汇报单位及相关单位行政主要领导出席（因故请假的，由副职参加）",
         "an item's reporting unit and the units it names attend its meeting (a deputy head if the head is "
         "on leave)", True),
    Rule("request_units", ("46",), "与议题相关的有关部门和单位负责人参加县长办公会议、专题会议",
         "the units a county head office or thematic meeting requires attend it", True),
    Rule("item_supervisor", ("43",), "分管领导因故不能参加会议的，原则上不安排其分管领域的议题上会",
         "an item goes only to a meeting its supervising leader attends", True),
    Rule("item_ready", ("43",), "议题须先由分管领导召集专题研究，议题和文件于会前送达与会人员",
         "an item must be studied first at a meeting its supervising leader convenes, and its materials "
         "sent ahead", True),
    Rule("item_consensus", ("43",), "拟提交会议研究的议题，应先形成一致意见；尚未协调一致的不提交会议",
         "an item goes to a meeting only once it is agreed (consensus)", True),
    Rule("item_time", (), "议题时长不超过会议时长", "the items' minutes fit the meeting", True),
    Rule("justice_attends", ("43",), "县司法局列席常务会议", "the justice bureau attends standing meetings",
         True),
    Rule("request_window", (), "会议安排在申请的时间窗口内，应到人员均能出席",
         "a requested meeting sits inside its window with all required attendees", True),
    Rule("head_office", ("46",), "县长主持召开县长办公会议", "the county head convenes and presides county head "
         "office meetings", True),
    Rule("county_wide_limit", ("47",), "原则上一个部门召开全县性会议每年不超过1次",
         "a unit holds at most one county-wide meeting a year", True),
    Rule("accounted", (), "每个待议议题和会议申请在计划中恰好出现一次：上会、推迟或驳回",
         "every pending item and meeting request appears exactly once: heard, deferred or rejected", True),
    Rule("congress_attendance", ("49",), "县人大常委会召开的会议，一般由副县长参加，特殊情况下可委托政府办公室主任参加",
         "each congress standing committee meeting is attended by a deputy, or in a special case the office "
         "director", True),
    # ----- soft rules: the office's preferences, citing no article, but for the three an article states ----
    Rule("wait", (), "议题准备就绪后等待上会的工作日（按优先级加权）",
         "priority-weighted working days an item waits once ready", False, "wait"),
    Rule("deadline_miss", (), "议题未能在期限前上会", "an item not heard by its deadline", False, "deadline_miss"),
    Rule("defer_ready", (), "已准备就绪的议题被推迟", "a ready item deferred", False, "defer_ready"),
    Rule("preferred_absent", (), "拟邀人员不能出席", "a preferred attendee cannot come", False, "preferred_absent"),
    Rule("exec_presides", (), "受委托由常务副县长主持常务会议（办公室倾向于县长主持）",
         "the executive deputy presides by commission (the office prefers the head)", False, "exec_presides"),
    Rule("standing_too_close", (), "两次常务会议间隔过近", "two standing meetings too close together", False,
         "standing_too_close"),
    Rule("extra_meeting", (), "会议多于最低需要", "more meetings than the minimum", False, "extra_meeting"),
    Rule("late_in_window", (), "会议安排晚于申请的最早日期", "a requested meeting placed late in its window",
         False, "late_in_window"),
    Rule("reject_request", (), "会议申请未能安排", "a meeting request left unplaced", False, "reject_request"),
    Rule("stand_in", ("49",), "特殊情况下委托政府办公室主任参加县人大常委会会议",
         "the office director attends a congress meeting in a special case", False, "stand_in"),
    Rule("study_spacing", ("50",), "两次专题学习间隔偏离两个月", "study sessions not about two months apart", False,
         "study_spacing"),
    Rule("room_fit", (), "会议室按用途安排：专用会议室优先，小型会议不占用大会议室",
         "rooms by purpose: a meeting's own room first, and a small meeting not in a large room", False, "room_fit"),
    Rule("leader_at_county_wide", ("47",), "县政府领导同志一般不出席部门的工作会议",
         "county leaders generally do not attend a unit's county-wide meeting", False, "leader_at_county_wide"),
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
