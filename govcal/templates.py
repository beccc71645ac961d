"""The commented scenario template printed by ``govcal scenario new``.

Kept as text (not built from data) because its value is the comments: each field explained
in Chinese and English, so an office clerk can fill it in without the design document.
A test checks that it validates. It is written dated in 2024 and `scenario_template` dates it in
the year asked for.
"""

SCENARIO_TEMPLATE = """\
# govcal 场景文件（第 1 版）/ govcal scenario file (version 1)
# 编号（id）在整个文件中必须唯一。日期写作 YYYY-MM-DD，时间写作 "HH:MM"（加引号）。
# Ids are unique across the whole file. Dates are YYYY-MM-DD, times "HH:MM" (quoted).
# 检查：govcal scenario validate 本文件.yaml / Check: govcal scenario validate this-file.yaml
#
# 一个文件对应一个县，不只一年：来年继续用同一个文件和同一个台账。新的一年：在 agenda 和 meeting_requests
# 中加入新事项（已决定的旧议题可删可留），name 可改（改名后运行一次 govcal ledger relink --scenario 本文件.yaml）；
# 国务院放假通知公布后录入 calendar.notices；公布前该年按节日日期推算（调休上班日未知，每条命令都会提示），
# 可用 govcal calendar --year 年份 核对。
# One file per county, not per year: go on into the next year with the same file and the same ledger. For
# the new year add its items and requests (decided old items may stay or go), perhaps a new name (then run
# `govcal ledger relink --scenario this-file.yaml` once); enter the State Council's holiday notice in
# calendar.notices when it is published. Until then the year is projected from the festivals' dates
# (make-up working days unknown; every command says so); check with `govcal calendar --year YEAR`.
version: 1
name: 示例县人民政府 2024            # 名称，出现在计划和报表中 / shown on plans and reports

calendar:
  # CN：法定节假日与调休；none：weekdays 中的星期都上班
  # CN: statutory holidays and make-up days; none: every listed weekday works
  region: CN
  # weekdays: [1, 2, 3, 4, 5]        # 仅 region: none 时使用，1 = 周一 / only with region: none, 1 = Monday
  local_holidays:     # 地方节日（放假）/ local holidays (days off)
    - {date: 2024-04-10, name: 肉孜节}
  # 办公时段，会议须在同一时段内 / office hours; a meeting lies inside one block
  office_hours: [["10:00", "14:00"], ["16:00", "19:30"]]
  grain_minutes: 15   # 会议开始时刻的粒度（能整除 60）/ start-time grain in minutes (divides 60)
  # 国务院放假通知（仅 region: CN）：录入后该年以通知为准 / the State Council's holiday notice (region CN only):
  # once entered, it decides the year. holidays：放假时段（含首尾）/ spans off, inclusive; workdays：调休上班日
  # notices:
  #   - {year: 2024, holidays: [{from: 2024-10-01, to: 2024-10-07, name: 国庆节}], workdays: [2024-09-29, 2024-10-12]}

# 会议通知的发文机关、发文字号前缀、联系人和电话 / the office issuing notices: name, number prefix, contact, phone
office: {name: 示例县人民政府办公室, doc_prefix: 示政办, contact: 王明, phone: 0908-1234567}

rooms:                # 会议室 / meeting rooms
  # capacity：座位数；for：专供这些会议使用（其他会议不占用）/ seats; for: kept for these kinds of meeting only
  - {id: r1, name: 常务会议室, capacity: 40, for: [standing]}
  - {id: r2, name: 第一会议室, capacity: 30}

# role：county_head 县长（一人 / exactly one）| executive_deputy 常务副县长
#       | deputy 副县长 | office_director 政府办公室主任
leaders:
  - {id: head, title: 县长, role: county_head}   # email: head@example.gov.cn 可选，日历邀请用 / optional, for ICS
  - {id: exec, title: 常务副县长, role: executive_deputy}
  - {id: dep-agri, title: 副县长, role: deputy, domain: 农业农村}   # domain：分管领域 / portfolio
  # heads_unit：兼任某单位负责人，参加本单位会议不计第四十七条的代价 / heads a unit concurrently (Art. 47)
  - {id: office, title: 政府办公室主任, role: office_director}

units:                # kind：department 部门 | township 乡镇；supervisor：分管领导的编号 / the supervising leader's id
  # 司法局列席常务会议（第四十三条）/ the justice bureau attends standing meetings (Art. 43)
  - {id: justice, name: 县司法局, kind: department, supervisor: exec}
  - {id: finance, name: 县财政局, kind: department, supervisor: exec}
  - {id: agri, name: 县农业农村局, kind: department, supervisor: dep-agri}

# 请假、出差（第六十一条），含首尾两天；half: am | pm 仅限单日
# leave and trips (Art. 61), both ends inclusive; half: am | pm for one day only
absences:
  - {who: head, from: 2024-05-13, to: 2024-05-17, kind: trip, note: 赴州开会}
  # kind（第六十一条）：visit 出访 | trip 出差 | study 学习 | training 培训 | leave 休假 | sick 病假 | other 其他
  # 单位负责人请假不影响安排：由副职参加，通知和报表注明 / a unit head on leave: the deputy attends, and it says so
  # 临时请假可用 govcal scenario absence 登记 / enter a new leave with `govcal scenario absence`

commitments:          # 已定日程，占用参加者的时间 / fixed events that block their attendees
  # kind: npc_standing_committee | cppcc | superior | inspection | other
  # 县人大常委会会议由一名副县长出席，特殊情况下委托政府办公室主任（第四十九条）；attendees 可留空由规划指定
  # a deputy attends the congress standing committee, the office director if none is free (Art. 49);
  # leave attendees empty and the plan names one
  - {id: npc-5, title: 县人大常委会会议, date: 2024-05-28, start: "10:00", end: "13:00",
     kind: npc_standing_committee, attendees: [exec]}

history:              # 今年已发生的事项 / what already happened this year
  # 全县性会议，每单位每年至多一次（第四十七条）/ county-wide meetings, one a year per unit (Art. 47)
  - {kind: county_wide, unit: finance, date: 2024-02-20}
  - {kind: plenary, date: 2024-01-15}                      # 全体会议 / plenary meeting (Art. 41)
  # - {kind: decided, item: Y-001, date: 2024-03-12}       # 已决定的议题，不再待议 / an item already decided
  # - {kind: standing, date: 2024-04-09}                   # 已开的常务会议（计次、编号）/ a standing meeting held
  # - {kind: held, request: M-000, date: 2024-04-18}       # 已召开的申请会议，如会前专题研究（第四十三条）
  #                                                        # a requested meeting held, e.g. a pre-study (Art. 43)

policy:               # 不写则取工作规则本身的数值 / omitted: the rules' own numbers
  standing_per_month: [1, 2]          # 常务会议每月 1-2 次（第四十二条）/ standing meetings a month (Art. 42)
  plenary_per_year: [1, 2]            # 全体会议每年 1-2 次（第四十一条）/ plenary meetings a year (Art. 41)
  study_every_months: 2               # 每两个月一次学习会，0 为不安排（第五十条）/ every 2 months, 0: none (Art. 50)
  county_wide_per_unit_per_year: 1    # 第四十七条 / Art. 47
  standing_minutes: 180               # 常务会议时长（分钟）/ standing meeting length (minutes)
  plenary_minutes: 120
  study_minutes: 120
  # 本县自定：规则只要求“会前送达”（第四十三条）/ a local policy: the rules say only "before the meeting" (Art. 43)
  materials_lead_working_days: 2      # 会议材料提前送达的工作日数 / working days materials go out ahead
  issue_within_working_days: 7        # 会议决定 7 个工作日内印发（第四十五条）/ issue decisions within (Art. 45)
  cosign_reply_working_days: 7        # 会签 7 个工作日内答复（第五十四条）/ co-signing replies within (Art. 54)
  filing_within_days: 30              # 30 日内备案（第五十二条）/ filing within (Art. 52)
  # weights: {wait: 1, deadline_miss: 200}   # 软约束权重（非负整数）/ soft-rule weights (whole numbers >= 0)

agenda:               # 提请常务会议或全体会议的议题（第四十三条）/ agenda items (Art. 43)
  - id: Y-001
    title: 关于调整2024年县级财政预算的请示
    unit: finance               # 提请单位 / requesting unit
    supervisor: exec            # 分管领导，默认为单位的分管领导 / default: the unit's supervisor
    body: standing              # standing 常务会议 | plenary 全体会议
    minutes: 20                 # 汇报和讨论时长 / minutes needed
    submitted: 2024-04-25       # 书面提请日期 / date of the written request
    pre_studied: false          # false：须先开专题会议研究 / false: needs a thematic meeting first
    # 议题须先形成一致意见，否则不上会（第四十三条）/ an item without consensus waits (Art. 43)
    consensus: true
    matters: [funds]            # funds | projects | staffing | rewards | normative | other
    attending_units: [justice]  # 列席单位 / attending units
    deadline: 2024-05-31        # 可选 / optional
    priority: 1                 # 1 最高 .. 3 / 1 highest .. 3

meeting_requests:     # 其他需安排的会议（第四十六、四十七、五十条）/ other meetings (Art. 46, 47, 50)
  - id: M-001
    # thematic 专题会议（县长或副县长召集；会前研究须由议题的分管领导召集，第四十三、四十六条）
    #   / convened by the head or a deputy; a pre-study by the item's supervisor (Art. 43, 46)
    # | county_head_office 县长办公会议（县长召集主持，第四十六条）/ the head convenes and presides (Art. 46)
    # | study 学习会 | standing 临时常务会议（如有需要可临时召开，不占每月次数，第四十二条）
    #   / an ad hoc standing meeting beyond the monthly count (Art. 42)
    # | plenary 临时全体会议（县长召集，不占每年次数，第四十一条）/ an ad hoc plenary beyond the count (Art. 41)
    # 专题会议：副县长按分工召集（应到单位中有其分管单位），否则须县长委托（commissioned: true）；
    #   决策类（decision: true）须经县长同意（head_consent: true）（第四十六条）
    #   / a deputy convenes by portfolio, else commissioned: true; decision: true needs head_consent: true (Art. 46)
    # 全县性会议可用视频召开（video: true），不占会议室（第四十七条）/ video: true needs no room (Art. 47)
    # | county_wide 全县性会议（须填 unit，由该单位或其分管领导召集，县领导一般不出席，第四十七条）
    #   / needs unit; convened by that unit or its supervisor; leaders generally do not attend (Art. 47)
    kind: thematic
    title: 研究县级财政预算调整专题会议
    convener: exec              # 召集的领导 / convening leader
    required: [exec, finance]   # 必须参加的领导或单位 / leaders or units who must attend
    preferred: [justice]        # 最好参加 / should attend if possible
    minutes: 60
    earliest: 2024-05-06        # 可安排的时间窗口 / window to place it in
    latest: 2024-05-17
    for_items: [Y-001]          # 为这些议题做会前研究 / pre-study for these items
    # room: r1                  # 可选 / optional

# 公文流转仿真参数；留空用默认值。如：县长外出时哪些公文须等县长签发（第五十二条）
# document-flow simulation parameters, empty for the defaults; e.g. which kinds the head
# alone signs (Art. 52): head_signs_alone: {normative: true, decided: true, consent: false}
flow: {}
"""


TEMPLATE_YEAR = 2024


def scenario_template(year: int = TEMPLATE_YEAR) -> str:
    """The template dated in `year`: every date, the name and the titles. (Its dates avoid
    29 February and its notice example is commented out, so any year validates.)"""
    return SCENARIO_TEMPLATE.replace(str(TEMPLATE_YEAR), str(year))
