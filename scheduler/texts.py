"""Every fixed text the planning core shows users, Chinese first, English second (`scheduler.i18n`).

One catalogue for the package, in sections: input problems (scenario and plan files), periods,
meeting kinds and titles, deferral and rejection reasons, conflicts, penalty details and
violations. Reasons carry no citation: views append it from the reason's articles
(`scheduler.rules.cite_suffix`).
"""

from scheduler.i18n import register

register({
    # ----- input problems (scenario and plan files) -------------------------------------------
    "input.missing": ("缺少必填字段", "required field is missing"),
    "input.type": ("类型不正确，应为 {expected}", "wrong type, expected {expected}"),
    "input.type.bool": ("应为 true 或 false", "expected true or false"),
    "input.type.int": ("应为整数", "expected a whole number"),
    "input.type.number": ("应为数值", "expected a number"),
    "input.type.str": ("应为文本", "expected text"),
    "input.type.list": ("应为列表（[...] 或以“- ”开头的各行）", "expected a list ([...] or lines starting with '- ')"),
    "input.type.mapping": ("应为“字段: 值”形式的映射", "expected a mapping of 'field: value' pairs"),
    "input.bad_date": ("日期“{value}”无效，应为真实存在的 YYYY-MM-DD 日期",
                       "invalid date '{value}', expected a real YYYY-MM-DD date"),
    "input.bad_time": ("时间“{value}”无效，应为 HH:MM", "invalid time '{value}', expected HH:MM"),
    "input.bad_enum": ("取值“{value}”无效，可选：{allowed}", "invalid value '{value}', allowed: {allowed}"),
    "input.unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "input.not_found": ("文件不存在", "no such file"),
    "input.is_directory": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "input.no_permission": ("没有读取此文件的权限", "no permission to read this file"),
    "input.not_utf8": ("不是 UTF-8 编码的文本（第 {byte} 个字节无法解码），请以 UTF-8 编码保存",
                       "not UTF-8 text (byte {byte} cannot be decoded); save the file as UTF-8"),
    "input.empty_file": ("文件是空的，没有任何字段", "the file is empty: it holds no fields"),
    "input.bad_json": ("JSON 格式错误：{reason}", "malformed JSON: {reason}"),
    "input.bad_yaml": ("YAML 格式错误：{reason}", "malformed YAML: {reason}"),
    # YAML syntax mistakes (scheduler.scenario._yaml_problem), on the line the parser stopped at.
    # They take no parameters, so braces stay literal (`t` formats only when given some).
    "yaml.flow_list": ("YAML 格式错误：[...] 列表中缺少逗号“,”或右方括号“]”",
                       "malformed YAML: a [...] list lacks a ',' or its closing ']'"),
    "yaml.flow_mapping": ("YAML 格式错误：{...} 映射中缺少逗号“,”或右花括号“}”",
                          "malformed YAML: a {...} mapping lacks a ',' or its closing '}'"),
    "yaml.mapping_values": ("YAML 格式错误：此处不能出现“字段: 值”；值中含有“: ”时请加引号，或检查缩进",
                            "malformed YAML: a 'field: value' is not allowed here; quote a value "
                            "containing ': ', or check the indentation"),
    "yaml.tab": ("YAML 格式错误：含有制表符（Tab），YAML 只能用空格缩进",
                 "malformed YAML: a tab character; YAML indents with spaces only"),
    "yaml.bad_character": ("YAML 格式错误：字符“{character}”不能出现在此处（可加引号）",
                           "malformed YAML: the character '{character}' cannot start a value here (quote it)"),
    "yaml.unclosed_quote": ("YAML 格式错误：第 {start} 行开始的引号没有闭合",
                            "malformed YAML: the quote opened on line {start} is never closed"),
    "yaml.indentation": ("YAML 格式错误：缩进不一致，此行与同级字段没有对齐",
                         "malformed YAML: inconsistent indentation; this line does not line up with its siblings"),
    "yaml.missing_colon": ("YAML 格式错误：缺少冒号，应为“字段: 值”", "malformed YAML: a ':' is missing, "
                           "expected 'field: value'"),
    "yaml.undefined_alias": ("YAML 格式错误：引用（*名称）没有对应的锚点（&名称）",
                             "malformed YAML: an alias (*name) refers to no anchor (&name)"),
    "yaml.several_documents": ("YAML 格式错误：文件中有多个文档（“---”），应只有一个",
                               "malformed YAML: the file holds several documents ('---'); expected one"),
    "input.duplicate_key": ("字段“{key}”重复出现（首次在第 {first} 行）",
                            "field '{key}' appears twice (first on line {first})"),
    "input.unknown_field": ("未知字段“{field}”，已忽略", "unknown field '{field}', ignored"),
    "input.unknown_field_hint": ("未知字段“{field}”，已忽略；是否应为“{hint}”？",
                                 "unknown field '{field}', ignored; did you mean '{hint}'?"),
    "input.unknown_field_strict": ("未知字段“{field}”（--strict 不允许未知字段）",
                                   "unknown field '{field}' (--strict allows none)"),
    "input.unknown_field_hint_strict": ("未知字段“{field}”（--strict 不允许未知字段）；是否应为“{hint}”？",
                                        "unknown field '{field}' (--strict allows none); did you mean '{hint}'?"),
    "input.not_positive": ("应为正整数，实为 {value}", "expected a positive whole number, found {value}"),
    "input.too_small": ("应不小于 {low}，实为 {value}", "expected at least {low}, found {value}"),
    "input.out_of_range": ("应在 {low} 到 {high} 之间，实为 {value}", "expected {low} to {high}, found {value}"),
    "plan.bad_format": ("format 应为“{expected}”，实为“{value}”", "format should be '{expected}', found '{value}'"),
    # ----- scenario workbooks (scheduler.workbook): what a spreadsheet adds to a scenario file ---
    "workbook.not_workbook": ("不是 Excel 工作簿（.xlsx），或文件已损坏；请在 Excel 或 WPS 中另存为 .xlsx",
                              "not an Excel workbook (.xlsx), or a damaged one; save it as .xlsx in Excel or WPS"),
    "workbook.old_xls": ("这是旧版 Excel 文件（.xls）；请在 Excel 或 WPS 中另存为 .xlsx",
                         "an old Excel file (.xls); save it as .xlsx in Excel or WPS"),
    "workbook.too_many_rows": ("工作簿超过 {limit} 行，未读取；请删去多余的行（含只有格式的空行）",
                               "the workbook has more than {limit} rows and was not read; delete the extra rows "
                               "(blank but formatted ones too)"),
    "workbook.sheet_missing": ("缺少工作表“{sheet}”", "the sheet '{sheet}' is missing"),
    "workbook.sheet_missing_hint": ("缺少工作表“{sheet}”；工作表“{hint}”是否由它改名而来？请改回“{sheet}”",
                                    "the sheet '{sheet}' is missing; was '{hint}' renamed from it? "
                                    "Name it '{sheet}' again"),
    "workbook.sheet_renamed": ("工作表“{found}”应名为“{expected}”（表名被改动），请改回",
                               "the sheet '{found}' should be named '{expected}' (renamed by hand); name it back"),
    "workbook.merged": ("合并单元格无法读取，请取消合并，每格填一个值",
                        "merged cells cannot be read; unmerge them, one value per cell"),
    "workbook.formula_no_value": ("公式“{formula}”没有保存计算结果；请在 Excel 或 WPS 中打开并保存，或直接填写数值",
                                  "the formula '{formula}' has no saved value; open and save the workbook in Excel "
                                  "or WPS, or type the value"),
    "workbook.unknown_column": ("列“{field}”不是本表的列（第 2 行是字段名，请勿改动）",
                                "'{field}' is not a column of this sheet (row 2 holds the field names; keep them)"),
    "workbook.unknown_column_hint": ("列“{field}”不是本表的列；是否应为“{hint}”？（第 2 行是字段名，请勿改动）",
                                     "'{field}' is not a column of this sheet; did you mean '{hint}'? "
                                     "(row 2 holds the field names; keep them)"),
    "workbook.column_twice": ("列“{field}”重复出现", "the column '{field}' appears twice"),
    "workbook.header_changed": ("表头“{found}”被改动，字段 {field} 的表头应为“{expected}”",
                                "the header '{found}' was changed; the header of {field} is '{expected}'"),
    "workbook.outside_columns": ("此格在各列之外，不会被读取；请移入相应的列或删除",
                                 "this cell lies outside the sheet's columns and would not be read; move it into "
                                 "a column or delete it"),
    "workbook.control_character": ("含有控制字符，工作簿单元格无法保存；请删去后再导出",
                                   "holds a control character, which a workbook cell cannot keep; remove it and "
                                   "export again"),
    "workbook.settings_columns": ("工作表“{sheet}”缺少“字段”或“值”列", "the sheet '{sheet}' lacks its field or value "
                                  "column"),
    "workbook.bad_field_path": ("字段名“{value}”无效，应如 calendar.grain_minutes",
                                "invalid field name '{value}', expected e.g. calendar.grain_minutes"),
    "workbook.field_elsewhere": ("字段 {field} 不属于本表（它有自己的工作表或在其他设置表中）",
                                 "the field {field} does not belong on this sheet (it has a sheet of its own, "
                                 "or another settings sheet holds it)"),
    # ----- scenario files (scheduler.scenario) -----------------------------------------------
    "scenario.version": ("不支持的版本“{value}”，本程序读取 version: 1",
                         "unsupported version '{value}'; this program reads version: 1"),
    "scenario.empty_id": ("编号不能为空", "an id may not be empty"),
    "scenario.duplicate_id": ("编号“{id}”重复，已在 {first} 使用（全文件编号须唯一）",
                              "id '{id}' is already used at {first} (ids are unique across the file)"),
    "scenario.unknown_leader": ("没有编号为“{id}”的领导（leaders）", "no leader with id '{id}' (leaders)"),
    "scenario.unknown_unit": ("没有编号为“{id}”的单位（units）", "no unit with id '{id}' (units)"),
    "scenario.unknown_party": ("没有编号为“{id}”的领导或单位", "no leader or unit with id '{id}'"),
    "scenario.unknown_item": ("没有编号为“{id}”的议题（agenda）", "no agenda item with id '{id}' (agenda)"),
    "scenario.unknown_room": ("没有编号为“{id}”的会议室（rooms）", "no room with id '{id}' (rooms)"),
    # The same with the nearest known id (`scheduler.reader.nearest`), as for misspelt field names.
    "scenario.unknown_leader_hint": ("没有编号为“{id}”的领导（leaders）；是否应为“{hint}”？",
                                     "no leader with id '{id}' (leaders); did you mean '{hint}'?"),
    "scenario.unknown_unit_hint": ("没有编号为“{id}”的单位（units）；是否应为“{hint}”？",
                                   "no unit with id '{id}' (units); did you mean '{hint}'?"),
    "scenario.unknown_party_hint": ("没有编号为“{id}”的领导或单位；是否应为“{hint}”？",
                                    "no leader or unit with id '{id}'; did you mean '{hint}'?"),
    "scenario.unknown_item_hint": ("没有编号为“{id}”的议题（agenda）；是否应为“{hint}”？",
                                   "no agenda item with id '{id}' (agenda); did you mean '{hint}'?"),
    "scenario.unknown_room_hint": ("没有编号为“{id}”的会议室（rooms）；是否应为“{hint}”？",
                                   "no room with id '{id}' (rooms); did you mean '{hint}'?"),
    "scenario.unknown_request_hint": ("没有编号为“{id}”的会议申请（meeting_requests）；是否应为“{hint}”？",
                                      "no meeting request with id '{id}' (meeting_requests); did you mean '{hint}'?"),
    "scenario.dates_reversed": ("{start_field}（{start}）晚于 {end_field}（{end}）",
                                "{start_field} ({start}) is after {end_field} ({end})"),
    "scenario.times_reversed": ("开始时间 {start} 不早于结束时间 {end}", "start {start} is not before end {end}"),
    "scenario.year_unsupported": ("日期 {value} 超出日历所能推算的年份（{first}–{last} 年，region: {region}）",
                                  "date {value} is beyond the years the calendar can reach "
                                  "({first}-{last}, region: {region})"),
    "input.unknown_field_refused": ("未知字段“{field}”：此处不能忽略，请删除或改正",
                                    "unknown field '{field}': it cannot be ignored here; remove or correct it"),
    "input.unknown_field_hint_refused": ("未知字段“{field}”：此处不能忽略；是否应为“{hint}”？",
                                         "unknown field '{field}': it cannot be ignored here; did you mean '{hint}'?"),
    # calendar.notices: the State Council's holiday notice as the office enters it
    "notice.region": ("放假通知只适用于 region: CN", "holiday notices apply only to region: CN"),
    "notice.year_unreachable": ("年份 {year} 超出日历所能推算的范围（{first}–{last} 年）",
                                "year {year} is beyond what the calendar can reach ({first}-{last})"),
    "notice.year_twice": ("{year} 年的放假通知已在 {first} 录入，每年只能录入一份",
                          "a notice for {year} is already entered at {first}; one notice a year"),
    "notice.other_year": ("日期 {value} 不在通知所属的 {year} 年内", "date {value} is not in the notice's year {year}"),
    "notice.overlap": ("放假时段 {start} 至 {end} 与 {other} 重叠", "holiday span {start} .. {end} overlaps {other}"),
    "notice.both": ("{value} 既在放假时段 {span} 内，又被列为调休上班日",
                    "{value} is both a holiday (in {span}) and a workday"),
    "notice.weekday_workday": ("{value} 本是工作日（周一至周五），列为调休上班日不起作用",
                               "{value} is already a weekday (Monday to Friday): as a workday it changes nothing"),
    "scenario.too_long": ("{minutes} 分钟的会议放不进任何一个办公时段（最长的时段 {longest} 分钟）",
                          "a {minutes}-minute meeting fits in no office-hours block (the longest: {longest} minutes)"),
    "scenario.block_shape": ("办公时段应为 [\"HH:MM\", \"HH:MM\"] 两个时间",
                             "an office-hours block is [\"HH:MM\", \"HH:MM\"]"),
    "scenario.blocks_overlap": ("办公时段 {block} 与前一时段 {previous} 重叠或顺序颠倒",
                                "office-hours block {block} overlaps or precedes the block before it, {previous}"),
    "scenario.grain": ("时间粒度须为能整除 60 的正整数分钟（如 5、10、15、30、60），实为 {value}",
                       "the grain must be a whole number of minutes dividing 60 (5, 10, 15, 30, 60), found {value}"),
    "scenario.off_grain": ("时刻 {time} 不在 {grain} 分钟的时间粒度上",
                           "time {time} is not on the {grain}-minute grain"),
    "scenario.weekdays_region": ("weekdays 仅用于 region: none；CN 日历按法定节假日和调休确定工作日",
                                 "weekdays applies only to region: none; "
                                 "a CN calendar follows statutory holidays and make-up days"),
    "scenario.weekday": ("星期应为 1（周一）到 7（周日），实为 {value}",
                         "a weekday is 1 (Monday) to 7 (Sunday), found {value}"),
    "scenario.duplicate_value": ("“{value}”重复出现", "'{value}' appears twice"),
    "scenario.pair": ("应为 [下限, 上限]：两个非负整数，且下限不大于上限",
                      "expected [low, high]: two whole numbers >= 0, low <= high"),
    "scenario.no_county_head": ("须有一名县长（role: county_head），"
                                 "由其主持常务会议和全体会议（第六、四十一、四十二条）",
                                "a county head (role: county_head) is required to preside (Art. 6, 41, 42)"),
    "scenario.role_twice": ("角色 {role} 只能有一人，现有 {count} 人：{ids}",
                            "role {role} may be held by one leader only; found {count}: {ids}"),
    "scenario.needs_for_kind": ("kind 为 {kind} 时必须填写", "required when kind is {kind}"),
    "scenario.half_one_day": ("half（半天）只适用于单日请假，from 与 to 应相同",
                              "half applies to a one-day absence only; from and to must be equal"),
    "scenario.deadline_before_submitted": ("截止日期 {deadline} 早于提交日期 {submitted}",
                                           "deadline {deadline} is before the submission date {submitted}"),
    "scenario.unit_not_leader": ("此处须为领导，“{id}”是单位", "a leader is required here; '{id}' is a unit"),
    "scenario.item_too_long": ("议题时长 {minutes} 分钟超过会议时长 policy.{field}（{limit} 分钟），无法上会",
                               "the item's {minutes} minutes exceed the meeting's policy.{field} ({limit} minutes)"),
    # ----- the scenario's new checks -------------------------------------------------------
    "scenario.unknown_request": ("没有编号为“{id}”的会议申请（meeting_requests）",
                                 "no meeting request with id '{id}' (meeting_requests)"),
    "scenario.convener_thematic": ("专题会议由县长或副县长召集（第四十六条），“{id}”不是",
                                   "a thematic meeting is convened by the head or a deputy (Art. 46); "
                                   "'{id}' is neither"),
    "scenario.convener_county_head_office": ("县长办公会议由县长召集和主持（第四十六条），“{id}”不是县长",
                                             "a county head office meeting is convened and presided by the county head "
                                             "(Art. 46); '{id}' is not the head"),
    "scenario.convener_standing": ("常务会议由县长或受委托的常务副县长召集（第四十二条），“{id}”不是",
                                   "a standing meeting is convened by the head or, by commission, the executive deputy "
                                   "(Art. 42); '{id}' is neither"),
    "scenario.convener_plenary": ("全体会议由县长召集和主持（第四十一条），“{id}”不是县长",
                                  "the county head convenes and presides a plenary meeting (Art. 41); '{id}' is not "
                                  "the head"),
    "scenario.convener_study": ("学习会由县长主持（第五十条），“{id}”不是县长",
                                "a study session is presided by the county head (Art. 50); '{id}' is not the head"),
    "scenario.convener_county_wide": ("全县性会议由举办单位{unit}或其分管领导召集（第四十七条），“{id}”不是",
                                      "a county-wide meeting is convened by its holding unit {unit} or that unit's "
                                      "supervising leader (Art. 47); '{id}' is neither"),
    "scenario.commissioned_head": ("县长召开专题会议无需委托（第四十六条）：“{id}”是县长，commissioned 应去掉",
                                   "the county head needs no commission to convene a thematic meeting (Art. 46): "
                                   "'{id}' is the head; drop commissioned"),
    "scenario.convener_portfolio": ("副县长按照分工召开专题会议（第四十六条）：“{id}”不分管所列应到单位，"
                                    "须由县长委托（commissioned: true）",
                                    "a deputy convenes thematic meetings by portfolio (Art. 46): '{id}' supervises "
                                    "none of the required units; mark it commissioned: true if the head commissioned "
                                    "it"),
    "scenario.decision_consent": ("决策类专题会议要报请县长同意后方可召开（第四十六条）：须 head_consent: true",
                                  "a decision-making thematic meeting needs the county head's consent (Art. 46): "
                                  "head_consent: true"),
    "scenario.prestudy_convener": ("议题{item}的专题研究应由其分管领导{supervisor}召集（第四十三条），不是“{id}”",
                                   "item {item} must be studied at a meeting its supervising leader {supervisor} "
                                   "convenes (Art. 43), not '{id}'"),
    # ----- periods -------------------------------------------------------------------------
    "fmt.month": ("{year}年{month}月", "{year}-{month:0>2}"),
    "period.bad_month": ("月份“{value}”无效，应为 YYYY-MM", "invalid month '{value}', expected YYYY-MM"),
    "period.reversed": ("起始日期 {start} 晚于结束日期 {end}", "start date {start} is after end date {end}"),
    "period.half_open": ("--from 与 --to 须同时给出", "--from and --to must be given together"),
    "period.both": ("--month 不能与 --from/--to 同时使用", "--month cannot be combined with --from/--to"),
    "period.outside_calendar": ("{day} 超出日历所能推算的范围（{first} 至 {last}）",
                                "{day} is beyond what the calendar can reach ({first} .. {last})"),
    "period.no_pending": ("情景中没有待安排的议题或会议申请，请用 --month 指定月份",
                          "the scenario has no pending items or meeting requests; give --month"),
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
    "defer.thematic_later": ("须先经分管领导召集专题会议研究，其专题会议{request}安排在本期之后",
                             "it must first be studied at its supervising leader's thematic meeting {request}, "
                             "which is requested after this period"),
    "defer.prestudy_missing": ("须先经分管领导召集专题会议研究，其专题会议{request}未召开",
                               "it must first be studied at its supervising leader's thematic meeting {request}, "
                               "which was not held"),
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
    "reject.no_room": ("没有能容纳{seats}人（应到和拟邀人员）的会议室：可用的最大会议室{room}只有{capacity}个座位",
                       "no room seats its {seats} required and preferred attendees: the largest it may use, {room}, "
                       "has {capacity}"),
    "reject.busy": ("申请时段内的可用时间均已被其他会议占用",
                    "every free time inside the window is taken by other meetings"),
    "reject.time_limit": ("在求解时限内未能安排（申请时段内尚有可用时间，可延长求解时限后重新规划）",
                          "not placed within the time limit (the window still has a free time; "
                          "plan again with a longer time limit)"),
    "reject.outside": ("申请时段内没有工作日", "the window holds no working day"),
    "reject.head_away": ("县长办公会议由县长主持，申请时段内县长均不能出席",
                         "a county head office meeting is the head's, and the head cannot attend inside the window"),
    # ----- infeasibility -----------------------------------------------------------------------
    "conflict.presider": ("{month}县长与常务副县长均无可主持常务会议的时间，须召开{need}次常务会议",
                          "in {month} neither the county head nor the executive deputy can preside, "
                          "yet {need} standing meeting(s) are required"),
    "conflict.standing_count": ("{month}须召开至少{need}次常务会议，但可安排的时间不足",
                                "{month} needs at least {need} standing meeting(s) but lacks the time"),
    "conflict.plenary_count": ("{year}年须召开至少{need}次全体会议（县长主持），但可安排的时间不足",
                               "{year} needs at least {need} plenary meeting(s) presided by the head, "
                               "but lacks the time"),
    "conflict.standing_seats": ("{month}的常务会议需要{seats}个座位（组成人员、司法局、议题汇报单位负责人"
                                "及其一名工作人员），可用的最大会议室{room}只有{capacity}个座位",
                                "{month}'s standing meeting needs {seats} seats (its members, the justice bureau, a "
                                "reporting unit's head and one staff member); the largest room it may use, {room}, "
                                "has {capacity}"),
    "conflict.plenary_seats": ("{year}年的全体会议需要{seats}个座位（县政府领导和各部门负责人），可用的最大会议室{room}"
                               "只有{capacity}个座位",
                               "{year}'s plenary meeting needs {seats} seats (the leaders and every department head); "
                               "the largest room it may use, {room}, has {capacity}"),
    "conflict.study_seats": ("{first}至{last}的学习会需要{seats}个座位（县政府领导和各部门、单位负责人），"
                             "可用的最大会议室{room}只有{capacity}个座位",
                             "the study session due between {first} and {last} needs {seats} seats (the leaders and "
                             "the head of every unit); the largest room it may use, {room}, has {capacity}"),
    "conflict.study_head_away": ("{first}至{last}须举行一次学习会，由县长主持，但县长在此期间均不能出席",
                                 "a study session is due between {first} and {last}, presided by the county head, "
                                 "but the head cannot attend on any day of it"),
    "note.plenary_due": ("{year}年已召开全体会议{count}次，每年至少{low}次（第四十一条），须在12月底前召开",
                         "{year} has held {count} plenary meeting(s) of at least {low} a year (Art. 41): one is due "
                         "by the end of December"),
    "conflict.study": ("{first}至{last}须举行一次学习会（县长主持），但无法安排",
                       "a study session presided by the head is due between {first} and {last} "
                       "but cannot be placed"),
    "conflict.congress": ("{date}县人大常委会会议（{commitment}）期间没有副县长能够出席，政府办公室主任也不能受托参加",
                          "on {date} no deputy is free for the congress standing committee meeting ({commitment}), "
                          "and the office director cannot stand in either"),
    "conflict.congress_busy": ("{date}县人大常委会会议（{commitment}）须有副县长或受托的政府办公室主任参加，"
                               "但其他须召开的会议占用了他们",
                               "the congress standing committee meeting on {date} ({commitment}) needs a deputy or "
                               "the office director, but meetings that must be held take them all"),
    "conflict.justice": ("情景中没有司法局，常务会议须有司法局列席", "the scenario has no justice bureau, "
                         "which must attend standing meetings"),
    "conflict.rule": ("{rule}", "{rule}"),
    # ----- penalty details ---------------------------------------------------------------------
    "pen.room_fit": ("{meeting}使用{room}，有更合适的会议室（专用或更小）未用",
                     "{meeting} sits in {room} while a better room (its own, or smaller) exists"),
    "pen.wait": ("{item}就绪后等待{days}个工作日（优先级权重{weight}）",
                 "{item} waited {days} working day(s) once ready (priority weight {weight})"),
    "pen.deadline_heard": ("{item}在期限{deadline}之后才上会", "{item} heard after its deadline {deadline}"),
    "pen.deadline_deferred": ("{item}未能在期限{deadline}前上会", "{item} not heard by its deadline {deadline}"),
    "pen.wait_deferred": ("{item}推迟上会，至少等待{days}个工作日（优先级权重{weight}）",
                          "{item} is deferred: it waits at least {days} working day(s) (priority weight {weight})"),
    "pen.defer_ready": ("{item}可上会但被推迟", "{item} could be heard but is deferred"),
    "pen.preferred_absent": ("拟邀人员{who}不能出席{meeting}", "preferred attendee {who} cannot come to {meeting}"),
    "pen.exec_presides": ("{meeting}受委托由常务副县长主持", "{meeting} is presided by the executive deputy "
                          "by commission"),
    "pen.standing_too_close": ("{first}与{second}仅相隔{days}个工作日",
                               "{first} and {second} are only {days} working day(s) apart"),
    "pen.extra_meeting": ("{meeting}超出最低需要", "{meeting} is more than the minimum needs"),
    "pen.late_in_window": ("{meeting}比申请的最早日期晚{days}个工作日",
                           "{meeting} is {days} working day(s) after its earliest date"),
    "pen.reject_request": ("会议申请{request}未能安排", "meeting request {request} is not placed"),
    "pen.stand_in": ("县人大常委会会议{commitment}由政府办公室主任受托参加",
                     "the office director stands in for the deputies at congress meeting {commitment}"),
    "pen.study_spacing": ("{first}与{second}相隔{days}个工作日，偏离两个月一次",
                          "{first} and {second} are {days} working day(s) apart, not about two months"),
    "pen.study_spacing_history": ("{meeting}距上次学习{days}个工作日，偏离两个月一次",
                                  "{meeting} comes {days} working day(s) after the last study session, "
                                  "not about two months"),
    "pen.leader_at_county_wide": ("{who}出席部门召开的{meeting}", "{who} attends the unit's {meeting}"),
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
    "check.unavailable": ("{who}在{date}请假外出，却被安排参加{meeting}",
                          "{who} is on leave on {date} but is booked for {meeting}"),
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
    "check.room_kept": ("{room}专供{kinds}使用，{meeting}不应安排在此", "{room} is kept for {kinds}; {meeting} "
                        "may not sit there"),
    "check.member_missing": ("{meeting}缺少应出席的{who}", "{meeting} lacks {who}, who must attend"),
    "check.at_commitment": ("{who}在{date}另有已定活动，却被安排参加{meeting}",
                            "{who} is at a fixed commitment on {date} but booked for {meeting}"),
    "check.justice_absent": ("{meeting}没有司法局列席", "the justice bureau is not at {meeting}"),
    "check.county_wide_limit": ("{unit}{year}年召开全县性会议{count}次（含已召开），上限{limit}次",
                                "{unit} holds {count} county-wide meeting(s) in {year} (history included), "
                                "limit {limit}"),
    "check.congress_attendee": ("{who}不能代表县政府参加县人大常委会会议{commitment}"
                                "（须为有空的副县长，或特殊情况下受托的政府办公室主任）",
                                "{who} cannot attend congress meeting {commitment} for the government (a free deputy, "
                                "or in a special case the office director, must)"),
    "check.congress_missing": ("{date}县人大常委会会议{commitment}应有1名县政府人员参加，计划中为{count}名",
                               "congress meeting {commitment} on {date} needs one attendee for the government; "
                               "the plan has {count}"),
    "check.at_congress": ("{who}参加县人大常委会会议{commitment}期间又被安排参加{meeting}",
                          "{who} attends congress meeting {commitment} and is also booked into {meeting}"),
    "check.too_long": ("{meeting}时长{minutes}分钟，超过{expected}分钟", "{meeting} lasts {minutes} minutes, more "
                       "than {expected}"),
    "check.request_window": ("{meeting}不在申请的时间窗口{earliest}至{latest}内",
                             "{meeting} lies outside its window {earliest} .. {latest}"),
    "check.request_required": ("{meeting}缺少应到人员{who}", "{meeting} lacks required attendee {who}"),
    "check.unknown_item": ("{item}不是本期待议议题", "{item} is not a pending item of this period"),
    "check.unknown_request": ("{request}不是本期的会议申请", "{request} is not a meeting request of this period"),
    "check.unaccounted": ("{what}未出现在计划中（须上会、推迟或驳回）",
                          "{what} is missing from the plan (it must be heard, deferred or rejected)"),
    "check.twice": ("{what}在计划中出现了{count}次", "{what} appears {count} times in the plan"),
    # Progress of a solve (plan()'s `log`): one line per month, window and stage.
    "progress.alone": ("{period}：{variables} 个变量、{constraints} 个约束，{status} {objective}（下界 {bound}），"
                       "用时 {seconds} 秒", "{period}: {variables} variables, {constraints} constraints, {status} "
                       "{objective} (bound {bound}) in {seconds} s"),
    "progress.month": ("{period} [{index}/{count}]：{status} {objective}，用时 {seconds} 秒",
                       "{period} [{index}/{count}]: {status} {objective} in {seconds} s"),
    "progress.skipped": ("跳过整段搜索：只剩 {seconds} 秒", "whole-period search skipped: {seconds} s left"),
    "progress.window": ("窗口 {first} 至 {last}：{status} {objective}（目前最好 {best}）",
                        "window {first} .. {last}: {status} {objective} (best {best})"),
    "progress.whole": ("整段：{variables} 个变量，{status} {objective}（下界 {bound}）",
                       "whole period: {variables} variables, {status} {objective} (bound {bound})"),
})
