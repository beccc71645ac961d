"""Catalogue entries (``ui.``) for every fixed word of the plan outputs: terminal view, Excel, iCalendar, picture.

Leader, unit, room and meeting names come from the scenario or the plan, never from here; the names
of meeting kinds and the reasons for deferrals come from the planner's catalogue (scheduler.reasons).
"""

from scheduler.i18n import register

register({
    # Absence kinds (Art. 61) and half days.
    "ui.absence.visit": ("出访", "Visit"),
    "ui.absence.trip": ("出差", "Trip"),
    "ui.absence.study": ("学习", "Study"),
    "ui.absence.training": ("培训", "Training"),
    "ui.absence.leave": ("休假", "Leave"),
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

# Commitments and who attends them (Art. 49), the stacked terminal view, the month picture's legend,
# and the meeting notice (会议通知, govcal.exports.notice).
register({
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
    "ui.notice.number": ("〔{year}〕　　号", "Ref. [{year}] No.     "),
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
    "ui.notice.col.attending": ("列席单位", "Units attending the item"),
    "ui.notice.col.minutes": ("时长（分钟）", "Minutes"),
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
    "ui.notice.materials.head_office": (
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
