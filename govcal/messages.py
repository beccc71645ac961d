"""The govcal package's catalogue: every fixed word of the plan outputs (``ui.``: terminal view, Excel,
iCalendar, picture, notices), of the ledger (``ledger.``) and of the command line (``cli.``).

Leader, unit, room and meeting names come from the scenario or the plan, never from here; the names
of meeting kinds and the reasons for deferrals come from the planner's catalogue (scheduler.texts).
"""

from scheduler.i18n import register

register({
    # Absence kinds (Art. 61) and half days.
    "ui.absence.visit": ("出访", "Visit"),
    "ui.absence.trip": ("出差", "Trip"),
    "ui.absence.study": ("学习", "Study"),
    "ui.absence.training": ("培训", "Training"),
    "ui.absence.leave": ("休假", "Leave"),
    "ui.absence.sick": ("病假", "Sick leave"),
    "ui.absence.other": ("不在岗", "Away"),
    "ui.absence.row": ("{who}{kind}", "{who}: {kind}"),
    "ui.absence.row_note": ("{who}{kind}（{note}）", "{who}: {kind} ({note})"),
    "ui.half.am": ("上午", "Morning"),
    "ui.half.pm": ("下午", "Afternoon"),
    "ui.all_day": ("全天", "All day"),
    # Dates.
    "ui.weekday.1": ("星期一", "Monday"),
    "ui.weekday.2": ("星期二", "Tuesday"),
    "ui.weekday.3": ("星期三", "Wednesday"),
    "ui.weekday.4": ("星期四", "Thursday"),
    "ui.weekday.5": ("星期五", "Friday"),
    "ui.weekday.6": ("星期六", "Saturday"),
    "ui.weekday.7": ("星期日", "Sunday"),
    "ui.month.1": ("1月", "January"),
    "ui.month.2": ("2月", "February"),
    "ui.month.3": ("3月", "March"),
    "ui.month.4": ("4月", "April"),
    "ui.month.5": ("5月", "May"),
    "ui.month.6": ("6月", "June"),
    "ui.month.7": ("7月", "July"),
    "ui.month.8": ("8月", "August"),
    "ui.month.9": ("9月", "September"),
    "ui.month.10": ("10月", "October"),
    "ui.month.11": ("11月", "November"),
    "ui.month.12": ("12月", "December"),
    "ui.date": ("{month}月{day}日", "{day} {month_name}"),
    "ui.date_span": ("{first}—{last}", "{first} – {last}"),
    "ui.month_title": ("{year}年{month}月", "{month_name} {year}"),
    "ui.week": ("第{number}周（{first}—{last}）", "Week {number} ({first} – {last})"),
    # Kinds of day (calendar facts).
    "ui.day.working": ("工作日", "Working day"),
    "ui.day.rest": ("休息日", "Rest day"),
    "ui.day.makeup": ("调休上班", "Make-up working day"),
    # Titles and sections.
    "ui.title.plan": ("{scenario} 会议安排（{first} 至 {last}）", "{scenario}: meeting plan ({first} to {last})"),
    "ui.title.items_of": ("{title}（{date} {time}）", "{title} ({date} {time})"),
    "ui.title.calendar": ("{scenario} · {month}", "{scenario} · {month}"),
    "ui.projected_mark": ("（{years} 年节假日为推算，调休上班日未知）",
                          " ({years}: holidays projected, make-up working days unknown)"),
    "ui.section.meetings": ("会议安排", "Meetings"),
    "ui.section.items_of": ("{meeting}议题（按上会顺序）", "{meeting}: agenda items in running order"),
    "ui.section.deferred": ("暂缓议题", "Deferred items"),
    "ui.section.rejected": ("未安排会议", "Requests not scheduled"),
    "ui.solver": ("求解：状态 {status}，目标值 {objective}，下界 {bound}，差距 {gap}，用时 {seconds} 秒",
                  "Solver: status {status}, objective {objective}, bound {bound}, gap {gap}, {seconds} s"),
    "ui.none": ("无", "none"),
    "ui.not_available": ("—", "—"),
    # Column headers.
    "ui.col.date": ("日期", "Date"),
    "ui.col.weekday": ("星期", "Weekday"),
    "ui.col.time": ("时间", "Time"),
    "ui.col.meeting": ("会议/活动", "Meeting / activity"),
    "ui.col.kind": ("类型", "Kind"),
    "ui.col.room": ("地点", "Place"),
    "ui.col.presider": ("召集/主持领导", "Convener / presider"),
    "ui.col.attendees": ("出席人员", "Attendees"),
    "ui.col.host": ("承办单位", "Organising units"),
    "ui.col.number": ("序号", "No."),
    "ui.col.id": ("编号", "ID"),
    "ui.col.item": ("议题", "Agenda item"),
    "ui.col.reporting_unit": ("汇报单位", "Reporting unit"),
    "ui.col.supervisor": ("分管领导", "Supervising leader"),
    "ui.col.attending_units": ("列席单位", "Attending units"),
    "ui.col.minutes": ("时长(分钟)", "Minutes"),
    "ui.col.reason": ("原因", "Reason"),
    "ui.col.basis": ("依据", "Rule"),
    "ui.col.request": ("会议申请", "Meeting request"),
    "ui.col.day": ("日程", "Day"),
    "ui.col.role": ("身份", "Role"),
    # A leader's part in an entry of their month.
    "ui.role.presider": ("主持", "Presides"),
    "ui.role.attendee": ("出席", "Attends"),
    "ui.role.away": ("不在岗", "Away"),
    # Excel.
    "ui.sheet.schedule": ("领导活动安排表", "Leader schedule"),
    "ui.sheet.items": ("议题清单", "Agenda items"),
    "ui.sheet.deferred": ("暂缓议题", "Deferred items"),
    "ui.sheet.rejected": ("未安排会议", "Unscheduled requests"),
    "ui.sheet.leader": ("{leader}日程", "Calendar of {leader}"),
    "ui.sheet.title": ("{scenario} {subject}（{period}）", "{scenario}: {subject} ({period})"),
    "ui.print.footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
    # iCalendar.
    "ui.ics.calendar_name": ("{scenario} 会议安排", "{scenario} meetings"),
    "ui.ics.presider": ("主持：{name}", "Presider: {name}"),
    "ui.ics.items": ("议题（按上会顺序）：", "Agenda items in running order:"),
    "ui.ics.item_line": ("{number}. {title}（{unit}，{minutes}分钟）", "{number}. {title} ({unit}, {minutes} min)"),
    # Picture.
    "ui.legend.away": ("不在岗", "Away"),
    "ui.legend.holiday": ("节假日", "Holiday"),
    "ui.legend.makeup": ("调休上班", "Make-up working day"),
    "ui.more": ("另有{count}项", "+{count} more"),
})

# ----- the ledger (DESIGN §7): govcal ledger …, publish, record, followups, followup, replan ------------
register({
    # The file.
    "ledger.missing": ("台账文件不存在；请先用 govcal ledger init 建立",
                       "no ledger here; create one with govcal ledger init"),
    "ledger.not_sqlite": ("不是 govcal 台账（不是 SQLite 数据库），未作任何改动",
                          "not a govcal ledger (not an SQLite database); left untouched"),
    "ledger.not_ledger": ("是 SQLite 数据库但不是 govcal 台账，未作任何改动",
                          "an SQLite database but not a govcal ledger; left untouched"),
    "ledger.newer": ("台账由较新版本的 govcal 建立（结构版本 {found}，本版本只认识到 {known}），"
                     "未作任何改动；请升级 govcal",
                     "made by a newer govcal (schema {found}; this govcal knows up to {known}); left untouched: "
                     "upgrade govcal"),
    "ledger.exists": ("文件已存在，未覆盖", "a file is already there; not overwritten"),
    "ledger.no_folder": ("所在文件夹不存在", "its folder does not exist"),
    "ledger.backup_exists": ("备份目标已存在（或就是台账本身），未覆盖",
                             "the backup target exists (or is the ledger itself); not overwritten"),
    "ledger.busy": ("台账正忙：另一条命令正在写入，等待 {seconds} 秒后仍未结束；未作任何改动，请稍后再试",
                    "ledger busy: another command is writing and did not finish within {seconds} s; "
                    "nothing was changed, try again"),
    "ledger.unusable": ("台账无法打开（{reason}）；可用 govcal ledger backup 的备份恢复",
                        "the ledger cannot be opened ({reason}); restore it from a backup (govcal ledger backup)"),
    "ledger.migrated": ("台账结构已从版本 {found} 升级到 {version}；升级前的副本：{copy}",
                        "ledger schema migrated from {found} to {version}; the copy from before: {copy}"),
    "ledger.none": ("需要台账：请用 --ledger DB 指定，或设置环境变量 GOVCAL_LEDGER",
                    "a ledger is needed: give --ledger DB or set GOVCAL_LEDGER"),
    # The scenario and published plans.
    "ledger.other_scenario": ("这是“{found}”的场景文件，而台账 {ledger} 记录的是“{expected}”；"
                              "若这是同一县政府改了名称的文件（例如新一年的），请确认一次："
                              "govcal ledger relink --scenario {file}，台账的记录（待议议题、督办事项）会继续沿用",
                              "this is the scenario of '{found}', but the ledger {ledger} records '{expected}'; "
                              "if it is the same county's file renamed (for a new year, say), confirm it once: "
                              "govcal ledger relink --scenario {file}; the ledger's record (pending items, "
                              "follow-ups) carries on"),
    "ledger.out.relinked": ("台账 {ledger} 的场景由“{before}”改为“{after}”（{file}）；"
                            "已发布的计划、会议结果和督办事项均保留",
                            "the ledger {ledger} now records '{after}' ({file}) instead of '{before}'; published "
                            "plans, outcomes and follow-ups are kept"),
    "ledger.plan_without_hash": ("计划未注明所依据场景文件的 SHA-256（手工编写或旧版 govcal 生成），无法确认其场景；"
                                 "请用 govcal plan 重新生成",
                                 "the plan does not name its scenario file's SHA-256 (hand-made or from an older "
                                 "govcal), so its scenario cannot be confirmed; make it again with govcal plan"),
    "ledger.plan_other_scenario": ("计划属于场景“{plan}”，而台账记录的是“{ledger}”，不能发布",
                                   "the plan is of scenario '{plan}', but the ledger records '{ledger}'; "
                                   "not published"),
    "ledger.plan_other_version": ("计划依据的场景文件版本（SHA-256 {plan_sha}…）与 {file} 现在的内容（{file_sha}…）"
                                  "不同：场景在规划之后已修改，请重新规划",
                                  "the plan was made from another version of the scenario file (SHA-256 "
                                  "{plan_sha}…) than {file} holds now ({file_sha}…): the scenario changed after "
                                  "planning; plan again"),
    "ledger.period_overlaps": ("计划期间 {period} 与已发布的期间 {other} 重叠；每一天只能属于一个发布期间",
                               "the period {period} overlaps the published period {other}; a day belongs to one "
                               "published period only"),
    "ledger.stale_revision": ("计划是按 {period} 第{made}版制作的，但台账中该期间最新为第{latest}版；"
                              "请依据最新版重新规划",
                              "the plan was made as revision {made} of {period}, but the ledger's latest is "
                              "revision {latest}; plan again on the latest"),
    "ledger.no_revision": ("台账中没有已发布的计划", "the ledger holds no published plan"),
    "ledger.plan.published": ("{period} 已发布（第 {revision} 版），不再从头规划；请用 govcal replan --month {month} "
                              "在已发布的计划和已记录的结果上调整",
                              "{period} is published (revision {revision}) and is not planned afresh; use "
                              "govcal replan --month {month} to change it, keeping what was recorded"),
    "cli.plan.before_today": ("{period} 已全部在今天（{today}）或以前，没有可安排的日子；请规划今后的月份",
                              "{period} lies wholly on or before today ({today}): no day is left to plan; "
                              "plan a month to come"),
    "ledger.no_revision_of": ("台账中没有 {period} 的已发布计划", "the ledger holds no published plan of {period}"),
    # Recording outcomes.
    "ledger.unknown_meeting": ("已发布的计划中没有会议“{meeting}”", "no published plan has a meeting '{meeting}'"),
    "ledger.unknown_meeting_hint": ("已发布的计划中没有会议“{meeting}”；是否应为“{hint}”？",
                                    "no published plan has a meeting '{meeting}'; did you mean '{hint}'?"),
    "ledger.ambiguous_meeting": ("会议“{meeting}”出现在多个已发布期间（{periods}）；请用 --month 指明",
                                 "meeting '{meeting}' is in several published periods ({periods}); name one "
                                 "with --month"),
    "ledger.already_recorded": ("会议 {meeting} 的结果已于 {at} 记录，未重复记录",
                                "the outcome of {meeting} was recorded at {at}; not recorded again"),
    "ledger.nothing_to_record": ("{period} 没有 {today} 以前召开而未记录结果的已发布会议",
                                 "{period} has no published meeting up to {today} without an outcome"),
    "ledger.meeting_or_all": ("请给出会议编号，或用 --all-held 与 --month 记录当月其余会议（二者选一）",
                              "name a meeting, or record the rest of a month with --all-held and --month (one)"),
    "ledger.held_or_cancelled": ("请用 --held 或 --cancelled 说明会议召开或取消（二者选一）",
                                 "say whether the meeting was held or cancelled: --held or --cancelled (one)"),
    "ledger.cancelled_with": ("会议取消时不能使用 {flag}（取消的会议不作决定）",
                              "{flag} cannot go with --cancelled (a cancelled meeting decides nothing)"),
    "ledger.item_not_on_agenda": ("议题“{item}”不在会议 {meeting} 的议程中",
                                  "item '{item}' is not on the agenda of {meeting}"),
    "ledger.item_not_on_agenda_hint": ("议题“{item}”不在会议 {meeting} 的议程中；是否应为“{hint}”？",
                                       "item '{item}' is not on the agenda of {meeting}; did you mean '{hint}'?"),
    "ledger.item_both": ("议题“{item}”不能既已决定又未决定", "item '{item}' cannot be both decided and not decided"),
    "ledger.date_outside_period": ("日期 {day} 不在计划期间 {period} 内",
                                   "{day} is outside the plan's period {period}"),
    "ledger.not_yet_held": ("会议 {meeting} 定于 {day}，今天（{today}）尚未召开；召开后再记录",
                            "{meeting} is on {day}, after today ({today}); record it once held"),
    "ledger.followup_syntax": ("“{value}”格式应为 议题:责任单位:办结日期[:汇报间隔]，如 Y-017:finance:2024-06-28:5"
                               "（汇报间隔以工作日计）",
                               "'{value}' should be ITEM:UNIT:DUE[:EVERY], e.g. Y-017:finance:2024-06-28:5 "
                               "(EVERY: working days between progress reports)"),
    "ledger.followup_every": ("汇报间隔“{value}”应为正整数（工作日）",
                              "report interval '{value}' should be a positive whole number of working days"),
    "ledger.followup_not_decided": ("议题“{item}”不是会议 {meeting} 决定的事项，不能督办",
                                    "item '{item}' was not decided by {meeting}; only a decided item is followed up"),
    "ledger.followup_not_decided_hint": ("议题“{item}”不是会议 {meeting} 决定的事项，不能督办；是否应为“{hint}”？",
                                         "item '{item}' was not decided by {meeting}; only a decided item is "
                                         "followed up; did you mean '{hint}'?"),
    "ledger.unknown_unit": ("场景中没有单位“{unit}”", "the scenario has no unit '{unit}'"),
    "ledger.unknown_unit_hint": ("场景中没有单位“{unit}”；是否应为“{hint}”？",
                                 "the scenario has no unit '{unit}'; did you mean '{hint}'?"),
    "ledger.due_before_decision": ("办结日期 {due} 早于决定日期 {day}",
                                   "due date {due} is before the decision on {day}"),
    # Follow-ups.
    "ledger.window_outside_calendar": ("查看范围超出日历数据（至 {last}）",
                                       "the window runs past the calendar's data (to {last})"),
    "ledger.close_before_decision": ("日期 {day} 早于决定日期 {decided}", "{day} is before the decision on {decided}"),
    "ledger.unknown_followup": ("没有编号为 {id} 的督办事项", "no follow-up with id {id}"),
    "ledger.unknown_followup_hint": ("没有编号为 {id} 的督办事项；是否应为 {hint}？",
                                     "no follow-up with id {id}; did you mean {hint}?"),
    "ledger.followup_closed": ("督办事项 {id} 已于 {day} 办结", "follow-up {id} was closed on {day}"),
    # What the commands print.
    "ledger.out.created": ("已建立台账 {path}（场景“{scenario}”）", "ledger created: {path} (scenario '{scenario}')"),
    "ledger.out.published": ("已发布 {period} 第{revision}版：{meetings} 个会议（{at}）",
                             "published {period} revision {revision}: {meetings} meeting(s) ({at})"),
    "ledger.out.unchanged": ("与已发布的 {period} 第{revision}版相同，未新增版本",
                             "identical to the published revision {revision} of {period}; nothing added"),
    "ledger.out.recorded_held": ("已记录 {meeting}（{title}）：{day} {time} 召开，决定 {decided} 项，"
                                 "未决定 {not_decided} 项",
                                 "recorded {meeting} ({title}): held on {day} at {time}, {decided} item(s) "
                                 "decided, {not_decided} not decided"),
    "ledger.out.recorded_cancelled": ("已记录 {meeting}（{title}）：取消", "recorded {meeting} ({title}): cancelled"),
    "ledger.out.followup_created": ("已建立督办事项 {id}：{item} 由{unit}于 {due} 前办结",
                                    "follow-up {id}: {item} by {unit}, due {due}"),
    "ledger.out.closed": ("督办事项 {id} 已办结（{day}）", "follow-up {id} closed ({day})"),
    "ledger.out.reported": ("已记录督办事项 {id} 的进展汇报（{day}，累计 {reports} 次）",
                            "progress report on follow-up {id} recorded ({day}; {reports} so far)"),
    "ledger.out.backup": ("已备份到 {path}", "backed up to {path}"),
    "ledger.out.history_into": ("已在 {file} 的已办事项（history）中添加 {count} 条记录",
                                "{count} records added to the history of {file}"),
    "ledger.out.export_header": ("{scenario}：场景文件的 history 与台账记录合并，共 {count} 条（截至 {last}）。\n"
                                 "用以下内容替换场景文件中的 history: 段。",
                                 "{scenario}: the scenario file's history merged with the ledger's record, {count} "
                                 "event(s) (to {last}).\nReplace the scenario's history: block with what follows."),
    # ledger status.
    "ledger.status.title": ("{scenario} 台账 {path}（结构版本 {schema}），截至 {today}",
                            "{scenario}: ledger {path} (schema {schema}), as of {today}"),
    "ledger.status.periods": ("已发布计划：{periods} 个期间，{revisions} 个版本（下表为最近 {shown} 个期间）",
                              "Published plans: {periods} period(s), {revisions} revision(s) (the latest {shown} "
                              "below)"),
    "ledger.status.outcomes": ("会议结果：召开 {held} 次，取消 {cancelled} 次；议题决定 {decided} 项，"
                               "未决定 {not_decided} 项",
                               "Outcomes: {held} meeting(s) held, {cancelled} cancelled; {decided} item(s) decided, "
                               "{not_decided} not decided"),
    "ledger.status.unrecorded": ("已过会期但未记录结果的会议（请用 govcal record 记录）",
                                 "Meetings past their day with no outcome recorded (record them with govcal record)"),
    "ledger.status.followups": ("督办事项：未办结 {open} 项（其中逾期 {overdue} 项），已办结 {closed} 项",
                                "Follow-ups: {open} open ({overdue} overdue), {closed} closed"),
    "ledger.col.period": ("期间", "Period"),
    "ledger.col.revision": ("版本", "Revision"),
    "ledger.col.revisions": ("版本数", "Revisions"),
    "ledger.col.published_at": ("发布时间（UTC）", "Published (UTC)"),
    "ledger.col.meetings": ("会议数", "Meetings"),
    "ledger.col.recorded": ("已记录结果", "Recorded"),
    "ledger.col.meeting_id": ("会议编号", "Meeting ID"),
    # Follow-ups table.
    "ledger.followups.title": ("督办事项（截至 {today}；{days} 个工作日内到期为临近到期）",
                               "Follow-ups as of {today} (due soon: within {days} working days)"),
    "ledger.col.item": ("议题", "Item"),
    "ledger.col.unit": ("责任单位", "Owner unit"),
    "ledger.col.decided_on": ("决定日期", "Decided"),
    "ledger.col.due": ("办结时限", "Due"),
    "ledger.col.days_left": ("剩余工作日", "Working days left"),
    "ledger.col.state": ("状态", "State"),
    "ledger.col.next_report": ("下次汇报", "Next report"),
    "ledger.state.overdue": ("已逾期", "overdue"),
    "ledger.state.due_soon": ("临近到期", "due soon"),
    "ledger.state.open": ("办理中", "open"),
    "ledger.state.closed": ("已办结", "closed"),
    "ledger.report_late": ("{day}（未按时汇报）", "{day} (report late)"),
    # Planning with the ledger.
    "ledger.plan.unrecorded": ("注意：{meeting}（{title}，{day}）已发布但未记录结果，未视为已召开，其议题仍待审议；"
                               "请用 govcal record 记录",
                               "note: {meeting} ({title}, {day}) was published but has no outcome recorded; it is "
                               "not assumed held and its items stay pending; record it with govcal record"),
    "ledger.plan.on_record": ("依据台账：场景历史之外另有 {events} 条已记录的历史",
                              "with the ledger: {events} recorded history event(s) beyond the scenario's"),
    "ledger.plan.revision": ("{period} 已发布第{published}版；本计划将是第{revision}版，变更 {changes} 处",
                             "{period} has revision {published} published; this plan would be revision {revision}, "
                             "with {changes} change(s)"),
    # Changes of a re-plan.
    "ledger.changes.title": ("相对已发布第{revision}版的变更", "Changes against published revision {revision}"),
    "ledger.changes.none": ("与已发布版本相比没有变更", "no change against the published revision"),
    "ledger.col.change": ("变更", "Change"),
    "ledger.col.before": ("原安排", "Before"),
    "ledger.col.after": ("新安排", "After"),
    "ledger.col.notify": ("需通知", "Tell"),
    "ledger.change.moved": ("改期", "moved"),
    "ledger.change.room": ("更换会议室", "room changed"),
    "ledger.change.attendees": ("出席人员变化", "attendees changed"),
    "ledger.change.items": ("议题变化", "items changed"),
    "ledger.change.added": ("新增", "added"),
    "ledger.change.dropped": ("取消", "dropped"),
    "ledger.change.removed": ("减少：{names}", "removed: {names}"),
    "ledger.change.added_parties": ("增加：{names}", "added: {names}"),
    # check and its scenario.
    "ledger.check.not_default": ("计划是依据场景“{scenario}”（SHA-256 {sha}…）制作的，不是内置默认场景；"
                                 "请用 --scenario 指定该场景文件",
                                 "the plan was made from scenario '{scenario}' (SHA-256 {sha}…), not the embedded "
                                 "default; give that scenario's file with --scenario"),
    "ledger.check.mismatch": ("计划依据的是场景“{plan_scenario}”（SHA-256 {plan_sha}…），而 {file} 是“{scenario}”"
                              "（{file_sha}…）：场景不同，或场景文件在规划后已修改；未检查",
                              "the plan was made from scenario '{plan_scenario}' (SHA-256 {plan_sha}…), but {file} "
                              "is '{scenario}' ({file_sha}…): another scenario, or the file changed after planning; "
                              "not checked"),
    "ledger.check.no_hash": ("注意：计划未注明场景文件的 SHA-256（手工编写或旧版 govcal 生成），按 {file} 检查",
                             "note: the plan does not name its scenario file's SHA-256 (hand-made or from an older "
                             "govcal); checked against {file}"),
    "ledger.check.revision": ("检查台账中 {period} 第{revision}版（{at} 发布）",
                              "checking revision {revision} of {period} (published {at}) from the ledger"),
    # Exports of a ledger's plans.
    "ui.sheet.followups": ("督办清单", "Follow-ups"),
    "ui.sheet.changes": ("变更清单", "Changes"),
    "ui.followup.overdue": ("已逾期", "Overdue"),
    "ui.followup.this_period": ("本期到期", "Due this period"),
    "ui.followup.later": ("未到期", "Not yet due"),
    "ui.changed": ("【已变更：{what}】", "[changed: {what}]"),
})

# Commitments and who attends them (Art. 49), the stacked terminal view, the month picture's legend,
# and the meeting notice (会议通知, govcal.exports.notice).
register({
    "ui.deputy_attends": ("{name}（负责人请假，副职参加）", "{name} (head on leave: the deputy attends)"),
    "ui.commitment.stand_in": ("委托{name}参加（{basis}）", "{name} (commissioned to attend, {basis})"),
    "ui.role.stand_in": ("受委托出席（{basis}）", "Stands in ({basis})"),
    "ui.section.commitments": ("固定活动", "Fixed commitments"),
    "ui.col.activity": ("活动", "Activity"),
    "ui.field": ("{label}：", "{label}: "),
    "ui.items_in_order": ("议题（按上会顺序）", "Agenda items in running order"),
    "ui.ics.attendees": ("出席：{names}", "Attending: {names}"),
    "ui.legend.commitment": ("固定活动", "Fixed commitment"),
    "ui.legend.rest": ("休息日", "Rest day"),
    # The notice. Layout words first, then the body in reading order.
    "ui.notice.number": ("{prefix}〔{year}〕　　号", "Ref. {prefix}[{year}] No.     "),
    "ui.notice.moved_title": ("关于{title}改期的通知", "Notice of a new time: {title}"),
    "ui.notice.moved": ("原定于{before}召开的{title}，改于{now}在{place}召开。特此通知。",
                        "{title}, set for {before}, will now be held on {now} in {place}."),
    "ui.notice.cancelled_title": ("关于取消{title}的通知", "Notice of cancellation: {title}"),
    "ui.notice.cancelled": ("原定于{before}召开的{title}取消，另行安排时间另行通知。特此通知。",
                            "{title}, set for {before}, is cancelled; a new time will be notified."),
    "ui.notice.contact": ("联系人：{contact}　　联系电话：{phone}", "Contact: {contact}, telephone {phone}"),
    "ui.notice.title": ("关于召开{title}的通知", "Notice of the meeting: {title}"),
    "ui.notice.addressees": ("县人民政府各位领导，各有关单位：",
                             "To the leaders of the county government and the units concerned:"),
    "ui.notice.opening": ("定于{date}召开{title}。现将有关事项通知如下：",
                          "{title} will be held on {date}. The arrangements are as follows:"),
    "ui.notice.heading": ("{number}、{label}", "{number}. {label}"),
    "ui.notice.sub_heading": ("（{number}）", "({number}) "),
    "ui.notice.full_date": ("{year}年{month}月{day}日", "{day} {month_name} {year}"),
    "ui.notice.date_weekday": ("{date}（{weekday}）", "{weekday}, {date}"),
    "ui.notice.when": ("{date}{time}", "{date}, {time}"),
    "ui.notice.time": ("会议时间", "Time"),
    "ui.notice.place": ("会议地点", "Place"),
    "ui.notice.presider": ("主持人", "Presiding"),
    "ui.notice.leaders": ("出席人员", "Attending leaders"),
    "ui.notice.units": ("列席单位", "Units asked to attend"),
    "ui.notice.units.plenary": ("参会单位", "Member units attending"),
    "ui.notice.items": ("会议议题", "Agenda"),
    "ui.notice.subject": ("会议内容", "Subject"),
    "ui.notice.requirements": ("有关要求", "Requirements"),
    "ui.notice.col.item": ("议题", "Item"),
    "ui.notice.col.unit": ("汇报单位", "Reporting unit"),
    "ui.notice.col.minutes": ("时长\n（分钟）", "Minutes"),
    "ui.notice.attending": ("列席：{unit}", "With: {unit}"),
    "ui.notice.no_items.standing": (
        "本次会议依照{basis}关于常务会议每月召开一至两次的规定召开，暂无上会议题。",
        "This meeting is held because standing meetings take place at least once a month ({basis}); "
        "no agenda items are scheduled for it."),
    "ui.notice.no_items.plenary": (
        "本次会议依照{basis}关于全体会议每年召开一至两次的规定召开，暂无上会议题。",
        "This meeting is held because plenary meetings take place at least once a year ({basis}); "
        "no agenda items are scheduled for it."),
    "ui.notice.materials": (
        "请各议题汇报单位于{deadline}前将议题材料报送县人民政府办公室，由县人民政府办公室于会前送达与会人员（{basis}）。",
        "Reporting units send their materials to the General Office by {deadline}, so that the office can "
        "deliver them to the participants before the meeting ({basis})."),
    "ui.notice.materials.thematic": (
        "请有关单位会前做好研究准备，于{deadline}前将有关材料报送召集会议的县政府领导同志和县人民政府办公室（{basis}）。",
        "The units concerned prepare beforehand and send their materials to the convening leader and the "
        "General Office by {deadline} ({basis})."),
    "ui.notice.materials.study": (
        "学习主题由县长确定，请各部门、单位负责人准时参加，需交流发言的于{deadline}前将材料报送县人民政府办公室（{basis}）。",
        "The county head sets the subject; the head of every unit attends, and those speaking send their "
        "materials to the General Office by {deadline} ({basis})."),
    "ui.notice.materials.county_head_office": (
        "请有关单位会前研究提出明确可行的方案或建议，于{deadline}前将材料报送县人民政府办公室（{basis}）。",
        "The units concerned prepare clear and workable proposals before the meeting and send their "
        "materials to the General Office by {deadline} ({basis})."),
    "ui.notice.leave": (
        "各单位行政主要负责同志须亲自出席；因故不能出席的，须向会议主持人或县人民政府办公室书面请假，"
        "经批准同意，可指定副职参加。县人民政府领导同志不能出席的，向县长请假（{basis}）。",
        "The head of each unit attends in person. A head who cannot attend asks the presiding leader or the "
        "General Office for leave in writing and, once it is granted, may send a deputy. A county government "
        "leader who cannot attend asks the county head for leave ({basis})."),
    "ui.notice.staff": (
        "除议题主要汇报单位负责人可带一名工作人员外，其他单位与会人员不得带工作人员（{basis}）。",
        "Only the head of an item's main reporting unit may bring one staff member; other participants "
        "bring no staff ({basis})."),
    "ui.notice.issuer": ("县人民政府办公室", "General Office of the County People's Government"),
    "ui.notice.none": ("无", "None"),
})

# The command line's own words (cmd_plan).
register({
    "cli.plan.infeasible": ("没有满足全部规则的计划。冲突的规则：",
                            "No plan satisfies every rule. The rules in conflict:"),
    "cli.plan.timeout": ("在 {seconds} 秒内未找到计划，请加大 --time-limit", "no plan found within {seconds} s; "
                         "raise --time-limit"),
    "cli.plan.summary": ("{status}：目标值 {objective}，下界 {bound}，用时 {seconds} 秒",
                         "{status}: objective {objective}, bound {bound}, {seconds} s"),
    "cli.plan.written": ("已写入 {path}", "written: {path}"),
    "cli.check.clean": ("计划符合全部规则。重新计算的目标值：{objective}",
                        "The plan keeps every rule. Recomputed objective: {objective}"),
    "cli.check.violations": ("计划有 {count} 处违反规则：", "The plan breaks {count} rule(s):"),
    "cli.check.objective_differs": ("注意：计划中记载的目标值 {stated} 与重新计算的 {objective} 不同",
                                    "note: the plan states objective {stated}, recomputed {objective}"),
    "cli.plan.progress": ("规划中：{message}", "planning: {message}"),
})

# The command line's own words (cmd_scenario).
register({
    "cli.generate.missing": ("缺少选项 {options}（不加 --meeting-week 时必须给出）",
                             "missing option(s) {options} (required without --meeting-week)"),
    "cli.scenario.ok": ("{file}：有效。领导 {leaders} 名，单位 {units} 个，议题 {items} 项，会议申请 {requests} 项，"
                        "请假外出 {absences} 条",
                        "{file}: valid. {leaders} leaders, {units} units, {items} agenda items, {requests} meeting "
                        "requests, {absences} absences"),
    "cli.scenario.written": ("已写入 {file}", "written to {file}"),
    "cli.scenario.xlsx_needs_out": ("--xlsx 需要 --out 指定要写入的工作簿文件",
                                    "--xlsx needs --out, the workbook to write"),
    "cli.scenario.absence_added": ("已在 {file} 中登记：{who} {span} {kind}",
                                   "{file}: {kind} of {who} entered, {span}"),
    "cli.scenario.flow_list": ("{key} 写成了一行的列表，无法自动添加，请手工编辑",
                               "{key} is a one-line list; add the record by hand"),
    "cli.scenario.exists": ("文件已存在，未作改动；如要覆盖，请加 --force",
                            "the file already exists and is left as it is; add --force to overwrite it"),
    "cli.scenario.title": ("场景：{name}（{file}）", "Scenario: {name} ({file})"),
    "cli.scenario.calendar": ("日历：{region}，{years} 年；办公时段 {hours}；时间粒度 {grain} 分钟",
                              "Calendar: {region}, {years}; office hours {hours}; grain {grain} minutes"),
    "cli.scenario.region.CN": ("中国大陆法定节假日与调休", "mainland China statutory holidays and make-up days"),
    "cli.scenario.region.none": ("每周 {weekdays} 上班", "working weekdays {weekdays}"),
    "cli.scenario.local_holidays": ("地方节日：{holidays}", "Local holidays: {holidays}"),
    "cli.scenario.section.leaders": ("领导（{count} 名）", "Leaders ({count})"),
    "cli.scenario.section.units": ("单位（{count} 个）", "Units ({count})"),
    "cli.scenario.section.absences": ("请假与外出（{count} 条）", "Absences ({count})"),
    "cli.scenario.section.items": ("议题（{count} 项，按提交月份）", "Agenda items ({count}, by month submitted)"),
    "cli.scenario.section.requests": ("会议申请（{count} 项）", "Meeting requests ({count})"),
    "cli.scenario.section.policy": ("规则参数（policy）", "Policy"),
    "cli.scenario.col.title": ("职务", "Title"),
    "cli.scenario.col.role": ("角色", "Role"),
    "cli.scenario.col.domain": ("分管领域", "Portfolio"),
    "cli.scenario.col.units": ("分管单位", "Units supervised"),
    "cli.scenario.col.supervisor": ("分管领导", "Supervisor"),
    "cli.scenario.col.who": ("人员", "Who"),
    "cli.scenario.col.dates": ("日期", "Dates"),
    "cli.scenario.col.kind": ("类别", "Kind"),
    "cli.scenario.col.note": ("说明", "Note"),
    "cli.scenario.col.month": ("月份", "Month"),
    "cli.scenario.col.total": ("合计", "Total"),
    "cli.scenario.col.count": ("数量", "Count"),
    "cli.scenario.role.county_head": ("县长", "County head"),
    "cli.scenario.role.executive_deputy": ("常务副县长", "Executive deputy"),
    "cli.scenario.role.deputy": ("副县长", "Deputy"),
    "cli.scenario.role.office_director": ("政府办公室主任", "Office director"),
    "cli.scenario.unit_kind.department": ("部门", "Departments"),
    "cli.scenario.unit_kind.township": ("乡镇", "Townships"),
    "cli.scenario.none": ("无", "none"),
    "cli.scenario.half_day": ("{kind}（{half}）", "{kind} ({half})"),
})

# The command line's own words (common).
register({
    "cli.warning": ("警告：{text}", "warning: {text}"),
})

# The statutory calendar: projected years and `govcal calendar`.
register({
    "calendar.projected_note": (
        "注意：{year} 年的法定节假日尚无放假通知，系按节日日期推算（元旦、除夕与春节、清明、劳动节、端午、中秋、国庆，"
        "按法定天数放假、逢周末顺延补假，周末休息）；调休上班日和通知确定的实际放假时段目前未知。"
        "国务院放假通知公布后，请录入情景文件的 calendar.notices，例如："
        "notices: [{{year: {year}, holidays: [{{from: {year}-01-01, to: {year}-01-01, name: 元旦}}], "
        "workdays: []}}]；核对：govcal calendar --year {year}",
        "note: {year} has no holiday notice yet; its statutory days are projected from the festivals' dates "
        "(New Year, Spring Festival Eve and days, Qingming, Labour Day, Dragon Boat, Mid-autumn, National Day, "
        "each its statutory days, weekend festival days given back on the next weekday; weekends off). "
        "Make-up working days and the spans the notice will set are unknown. When the State Council's notice "
        "is published, enter it in the scenario's calendar.notices, e.g. notices: [{{year: {year}, holidays: "
        "[{{from: {year}-01-01, to: {year}-01-01, name: New Year}}], workdays: []}}]; "
        "check with: govcal calendar --year {year}"),
    "calendar.projected_strict": (
        "{years} 年的法定节假日为推算（尚无放假通知），--strict 不接受推算的日历；请在 calendar.notices 录入放假通知",
        "the statutory days of {years} are projected (no holiday notice yet), which --strict refuses; "
        "enter the notice in calendar.notices"),
})

# govcal calendar
register({
    "cli.calendar.title": ("{year} 年法定节假日、调休上班日和地方节假日（来源：{basis}）",
                           "{year}: statutory holidays, make-up working days and local holidays (basis: {basis})"),
    "cli.calendar.basis.data": ("节假日数据包", "the calendar package's data"),
    "cli.calendar.basis.notice": ("录入的放假通知", "the notice entered"),
    "cli.calendar.basis.projected": ("推算（尚无放假通知）", "projected (no notice yet)"),
    "cli.calendar.basis.none": ("按 weekdays 工作（region: none）", "listed weekdays work (region: none)"),
    "cli.calendar.header.date": ("日期", "Date"),
    "cli.calendar.header.weekday": ("星期", "Weekday"),
    "cli.calendar.header.day": ("上班/休息", "Works"),
    "cli.calendar.header.name": ("名称", "Name"),
    "cli.calendar.header.source": ("来源", "Source"),
    "cli.calendar.source.data": ("数据包", "data"),
    "cli.calendar.source.notice": ("通知", "notice"),
    "cli.calendar.source.projected": ("推算", "projected"),
    "cli.calendar.source.local": ("地方", "local"),
})
