"""Catalogue entries of the planner and checker: meeting names and titles, deferral and rejection
reasons, conflicts, penalty details and violations, Chinese first (see `scheduler.i18n`).

Every reason names its rule; the article citation is appended by `with_articles`.
"""

from __future__ import annotations

from scheduler.i18n import Lang, register, t
from scheduler.rules import cite_articles, rule

register({
    # ----- meeting kinds and titles ----------------------------------------------------------
    "kind.standing": ("常务会议", "standing meeting"),
    "kind.plenary": ("全体会议", "plenary meeting"),
    "kind.study": ("学习会", "study session"),
    "kind.thematic": ("专题会议", "thematic meeting"),
    "kind.county_head_office": ("县长办公会议", "county head office meeting"),
    "kind.county_wide": ("全县性会议", "county-wide meeting"),
    "title.standing": ("县政府第{n}次常务会议", "County government standing meeting No. {n}"),
    "title.plenary": ("县政府第{n}次全体会议", "County government plenary meeting No. {n}"),
    "title.study": ("县政府第{n}次学习会", "County government study session No. {n}"),
    # ----- deferrals (Art. 43 unless noted) ----------------------------------------------------
    "defer.consensus": ("涉及资金、项目、人事或奖惩事项，尚未形成一致意见，暂不提交会议",
                        "concerns funds, projects, staffing or rewards without consensus yet; not submitted"),
    "defer.no_thematic": ("尚未经分管领导专题会议研究，且没有相应的专题会议申请",
                          "not yet studied at a thematic meeting of its supervising leader, and none is requested"),
    "defer.thematic_later": ("其专题会议申请在本期之后，须先专题研究再上会",
                             "its thematic meeting is requested after this period; it must be studied first"),
    "defer.not_ready": ("材料须提前{lead}个工作日送达与会人员，本期内来不及上会",
                        "materials must reach attendees {lead} working days ahead; too late for this period"),
    "defer.supervisor_away": ("分管领导{leader}在本期可上会的会议时间均不能出席",
                              "its supervising leader ({leader}) cannot attend any meeting it could go to"),
    "defer.thematic_unplaced": ("其专题会议{request}未能在会前安排（含材料送达时间）",
                                "its thematic meeting {request} could not be held early enough before a meeting"),
    "defer.after_last_meeting": ("本期最后一次{body}在其材料送达与会人员之前召开，顺延至下次会议",
                                 "this period's last {body} is held before its materials can reach "
                                 "attendees; moved to the next"),
    "defer.no_meeting": ("本期没有可安排的{body}", "no {body} can be held in this period"),
    "defer.full": ("本期{body}议程已满，顺延至下次会议", "this period's {body} agendas are full; moved to the next"),
    # ----- rejections --------------------------------------------------------------------------
    "reject.county_wide_limit": ("{unit}{year}年的全县性会议已达{limit}次上限",
                                 "{unit} has reached its limit of {limit} county-wide meeting(s) in {year}"),
    "reject.unavailable": ("申请时段内应到人员无法同时出席（请假、外出或已有安排）",
                           "the required attendees are never free together inside the window "
                           "(leave, trips or other engagements)"),
    "reject.no_room": ("没有能容纳全部应到和拟邀人员的会议室", "no room seats all required and preferred attendees"),
    "reject.busy": ("申请时段内的可用时间均已被其他会议占用",
                    "every free time inside the window is taken by other meetings"),
    "reject.outside": ("申请时段内没有工作日", "the window holds no working day"),
    # ----- infeasibility -----------------------------------------------------------------------
    "conflict.presider": ("{month}县长与常务副县长均无可主持常务会议的时间，须召开{need}次常务会议",
                          "in {month} neither the county head nor the executive deputy can preside, "
                          "yet {need} standing meeting(s) are required"),
    "conflict.standing_count": ("{month}须召开至少{need}次常务会议，但可安排的时间不足",
                                "{month} needs at least {need} standing meeting(s) but lacks the time"),
    "conflict.plenary_count": ("{year}年须召开至少{need}次全体会议（县长主持），但可安排的时间不足",
                               "{year} needs at least {need} plenary meeting(s) presided by the head, "
                               "but lacks the time"),
    "conflict.study": ("{first}至{last}须举行一次学习会（县长主持），但无法安排",
                       "a study session presided by the head is due between {first} and {last} "
                       "but cannot be placed"),
    "conflict.deputy_free": ("{date}县人大常委会会议（{commitment}）期间没有副县长能够出席",
                             "on {date} no deputy is free for the congress standing committee meeting "
                             "({commitment})"),
    "conflict.justice": ("情景中没有司法局，常务会议须有司法局列席", "the scenario has no justice bureau, "
                         "which must attend standing meetings"),
    "conflict.rule": ("{rule}", "{rule}"),
    # ----- penalty details ---------------------------------------------------------------------
    "pen.wait": ("{item}就绪后等待{days}个工作日（优先级权重{weight}）",
                 "{item} waited {days} working day(s) once ready (priority weight {weight})"),
    "pen.deadline_heard": ("{item}在期限{deadline}之后才上会", "{item} heard after its deadline {deadline}"),
    "pen.deadline_deferred": ("{item}未能在期限{deadline}前上会", "{item} not heard by its deadline {deadline}"),
    "pen.wait_deferred": ("{item}推迟上会，至少等待{days}个工作日（优先级权重{weight}）",
                          "{item} is deferred: it waits at least {days} working day(s) (priority weight {weight})"),
    "pen.defer_ready": ("{item}可上会但被推迟", "{item} could be heard but is deferred"),
    "pen.preferred_absent": ("拟邀人员{who}不能出席{meeting}", "preferred attendee {who} cannot come to {meeting}"),
    "pen.exec_presides": ("{meeting}由常务副县长代为主持", "{meeting} is presided by the executive deputy"),
    "pen.standing_too_close": ("{first}与{second}仅相隔{days}个工作日",
                               "{first} and {second} are only {days} working day(s) apart"),
    "pen.extra_meeting": ("{meeting}超出最低需要", "{meeting} is more than the minimum needs"),
    "pen.late_in_window": ("{meeting}比申请的最早日期晚{days}个工作日",
                           "{meeting} is {days} working day(s) after its earliest date"),
    "pen.reject_request": ("会议申请{request}未能安排", "meeting request {request} is not placed"),
    # ----- checker violations ------------------------------------------------------------------
    "check.not_working_day": ("{meeting}安排在非工作日{date}", "{meeting} is on {date}, not a working day"),
    "check.outside_hours": ("{meeting}（{start}-{end}）不在同一办公时段内",
                            "{meeting} ({start}-{end}) is not inside one office-hours block"),
    "check.off_grain": ("{meeting}的开始时间{start}未对齐{grain}分钟", "{meeting} starts at {start}, off the "
                        "{grain}-minute grain"),
    "check.bad_length": ("{meeting}时长{minutes}分钟，应为{expected}分钟",
                         "{meeting} lasts {minutes} minutes, expected {expected}"),
    "check.outside_period": ("{meeting}的日期{date}不在计划期内", "{meeting} on {date} lies outside the period"),
    "check.room_unknown": ("{meeting}的会议室{room}不存在", "{meeting} uses unknown room {room}"),
    "check.room_double": ("{room}在{date}同时安排了{first}和{second}", "{room} holds {first} and {second} "
                          "at once on {date}"),
    "check.room_small": ("{room}可容纳{capacity}人，{meeting}需要{seats}个座位",
                         "{room} seats {capacity} but {meeting} needs {seats}"),
    "check.double_booked": ("{who}在{date}同时参加{first}和{second}", "{who} is in {first} and {second} at once "
                            "on {date}"),
    "check.unavailable": ("{who}在{date}请假、外出或另有安排，却被安排参加{meeting}",
                          "{who} is away or engaged on {date} but is booked for {meeting}"),
    "check.standing_count": ("{month}常务会议{count}次（含已召开），应为{low}至{high}次",
                             "{month} has {count} standing meeting(s) (history included), expected {low} to {high}"),
    "check.plenary_count": ("{year}年全体会议{count}次（含已召开），应为{low}至{high}次",
                            "{year} has {count} plenary meeting(s) (history included), expected {low} to {high}"),
    "check.study_missing": ("{first}至{last}没有学习会", "no study session between {first} and {last}"),
    "check.presider": ("{meeting}应由{expected}主持，实为{actual}", "{meeting} should be presided by {expected}, "
                       "not {actual}"),
    "check.item_supervisor": ("{item}的分管领导{leader}未出席{meeting}",
                              "{item}'s supervising leader {leader} does not attend {meeting}"),
    "check.item_not_ready": ("{item}在{meeting}时尚未就绪（{ready}起方可上会）",
                             "{item} is not ready for {meeting} (ready from {ready})"),
    "check.item_thematic": ("{item}须先经专题会议研究并预留材料时间，才能列入{meeting}",
                            "{item} needs its thematic meeting, and the materials lead, before {meeting}"),
    "check.item_consensus": ("{item}尚未形成一致意见，不应列入{meeting}", "{item} lacks consensus but is in {meeting}"),
    "check.item_body": ("{item}应提交{body}，却列入{meeting}", "{item} belongs to a {body}, not to {meeting}"),
    "check.item_time": ("{meeting}议题共{minutes}分钟，超过会议时长{length}分钟",
                        "{meeting}'s items take {minutes} minutes, more than its {length}"),
    "check.justice_absent": ("{meeting}没有司法局列席", "the justice bureau is not at {meeting}"),
    "check.county_wide_limit": ("{unit}{year}年召开全县性会议{count}次（含已召开），上限{limit}次",
                                "{unit} holds {count} county-wide meeting(s) in {year} (history included), "
                                "limit {limit}"),
    "check.deputy_free": ("{date}县人大常委会会议期间没有空闲的副县长",
                          "no deputy is free during the congress standing committee meeting on {date}"),
    "check.request_window": ("{meeting}不在申请的时间窗口{earliest}至{latest}内",
                             "{meeting} lies outside its window {earliest} .. {latest}"),
    "check.request_required": ("{meeting}缺少应到人员{who}", "{meeting} lacks required attendee {who}"),
    "check.unknown_item": ("{item}不是本期待议议题", "{item} is not a pending item of this period"),
    "check.unknown_request": ("{request}不是本期的会议申请", "{request} is not a meeting request of this period"),
    "check.unaccounted": ("{what}未出现在计划中（须上会、推迟或驳回）",
                          "{what} is missing from the plan (it must be heard, deferred or rejected)"),
    "check.twice": ("{what}在计划中出现了{count}次", "{what} appears {count} times in the plan"),
})


def kind_name(kind: str, lang: Lang) -> str:
    return t(f"kind.{kind}", lang)


def cite_suffix(articles: tuple[str, ...], lang: Lang) -> str:
    """``（第六条、第四十二条）`` / `` (Art. 6, 42)``; empty without articles."""
    citation = cite_articles(articles, lang)
    if not citation:
        return ""
    return f"（{citation}）" if lang == "zh" else f" ({citation})"


def with_articles(text: str, rule_ids: tuple[str, ...], lang: Lang) -> str:
    """A reason followed by its rules' citation: ``……（第四十三条）`` / ``… (Art. 43)``."""
    return text + cite_suffix(articles_of(rule_ids), lang)


def articles_of(rule_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The article numbers of several rules, first-seen order, no repeats."""
    return tuple(dict.fromkeys(a for r in rule_ids for a in rule(r).articles))
