"""What ``--help`` says, Chinese first, English second (DESIGN §5: Chinese is the default language).

Texts are keyed by command path (``"govcal plan"``, ``"govcal whatif agenda"``) and, for options,
by the option's long name (``"--month"``). An option a command does not describe itself takes the
shared description in `SHARED_OPTIONS`. `govcal.help_format` renders them; the test walks the whole
command tree and asserts every command and option has both languages here.

This module is data only: it imports nothing, so ``govcal --version`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Pair = tuple[str, str]  # (Chinese, English)

ROOT = "govcal"


@dataclass(frozen=True)
class CommandHelp:
    short: Pair  # one line in the parent's list of commands
    long: Pair  # the paragraph(s) under the usage line; paragraphs separated by a blank line
    options: dict[str, Pair] = field(default_factory=dict)  # long option name -> description


SHARED_OPTIONS: dict[str, Pair] = {
    "--help": ("显示本帮助并退出。", "Show this message and exit."),
    "--version": ("显示版本号并退出。", "Show the version and exit."),
    "--lang": ("显示语言：zh 中文（默认）或 en 英文。", "Language of what users read: zh (default) or en."),
    "--scenario": ("场景文件：Excel 工作簿（.xlsx）或 YAML；省略时用内置的乌恰县 2024 场景。",
                   "Scenario file, an Excel workbook (.xlsx) or YAML (default: the embedded wuqia-2024 scenario)."),
    "--ledger": ("台账文件（SQLite）；省略时读环境变量 GOVCAL_LEDGER。",
                 "The ledger file (SQLite); default: $GOVCAL_LEDGER."),
    "--today": ("以哪一天为准，格式 YYYY-MM-DD；省略时为系统当天日期。",
                "As of this day, YYYY-MM-DD (default: the system date)."),
    "--format": ("输出格式：table 表格，或 json（标准输出只有 JSON，便于其他程序读取）。",
                 "Output format: table, or json (standard output then carries the JSON alone)."),
    "--time-limit": ("求解器最多搜索的秒数。", "Seconds the solver may search."),
    "--ics-per-leader": ("与 --out 同用：另为每位领导各写一个 .ics 日历文件。",
                         "With --out, also one .ics calendar per leader."),
    "--strict": ("把场景文件的警告（未知字段，可能拼错）当作错误：退出码 2，不再继续。",
                 "Treat the scenario's warnings (unknown fields, perhaps misspelt) as errors: exit 2."),
}

# Options several commands describe alike; named once so the wording cannot drift apart.
_LANG_FOR_WHAT_FOLLOWS: Pair = ("显示语言：zh 中文（默认）或 en 英文；写在命令名之前，对后面的命令同样有效。",
                                "Language of what users read: zh (default) or en; also for the command that follows.")
_SOLVER_SEED: Pair = ("求解器随机种子：输入和种子相同，得到的计划就相同。",
                      "Solver seed: same input and seed, same plan.")
_RANDOM_SEED: Pair = ("各随机数流的种子：选项和种子相同，结果就相同。",
                      "Seed of every random stream: same options and seed, same results.")
_REPS_PER_LOAD: Pair = ("每个负荷倍数重复模拟的次数。", "Replications per load.")
_FIGURES_OUT: Pair = ("把 JSON 结果和图表写入此文件夹。", "Folder for the JSON and the plots.")
_SIMULATION_OPTIONS: dict[str, Pair] = {
    "--plan": ("规划器生成的 plan.json：已决定议题的公文按其中会议的日期到达。",
               "Planner's plan.json: decided documents arrive on its meetings' dates."),
    "--seed": _RANDOM_SEED,
    "--jobs": ("并行进程数（省略时取 2 与 CPU 核数中较小的一个）。", "Worker processes (default: min(2, CPUs))."),
    "--target": ("各项时限应达到的按时办结比例。", "On-time share deadlines must keep."),
    "--out": _FIGURES_OUT,
}
_FOLLOWUP_OPTIONS: dict[str, Pair] = {
    "--note": ("办理或汇报情况的说明。", "What was done or reported."),
    "--date": ("日期，格式 YYYY-MM-DD（省略时为 --today 的日期）。", "The day, YYYY-MM-DD (default: --today)."),
}
_SCENARIO_OUT: Pair = ("把结果写入此文件（省略时输出到屏幕）。", "Write it to this file (default: standard output).")

COMMANDS: dict[str, CommandHelp] = {
    ROOT: CommandHelp(
        short=("县政府会议与领导日程编排。", "County government meeting planner."),
        long=("govcal：按县政府工作规则编排常务会议、议题和领导日程，并模拟公文流转能否守住规则规定的时限。\n\n"
              "在任一命令后加 --help 查看其用法；加 --lang en 显示英文。",
              "govcal: plan a county government's standing meetings and leaders' calendars under its work "
              "rules, and simulate how its document flow keeps the rules' deadlines.\n\n"
              "Add --help after any command to see how to use it; --lang en for English, --lang zh for Chinese."),
        options={"--lang": _LANG_FOR_WHAT_FOLLOWS},
    ),
    f"{ROOT} plan": CommandHelp(
        short=("编排会议、议题和领导日程（CP-SAT 求解）。",
               "Plan meetings, agendas and leaders' calendars with CP-SAT."),
        long=("编排一个月或一段时间内的常务会议、全体会议、学习会和申请召开的会议，安排待议议题，排出各位领导的日程。\n\n"
              "不给 --month，也不给 --from/--to 时：编排场景中第一个有待办事项的月份（最早有未决定议题提交、"
              "或有会议申请可以开始召开的月份）；加 --ledger 时，编排台账中最后一个已发布月份的下一个月"
              "（台账还没有发布过计划时，仍按台账记录后第一个有待办事项的月份）。",
              "Plan standing meetings, plenary meetings, study sessions and requested meetings for a month or a "
              "period, place the pending agenda items and fill in every leader's calendar.\n\n"
              "Without --month or --from/--to it plans the scenario's first month with pending work (the earliest "
              "month in which an undecided agenda item was submitted or a meeting request opens); with --ledger, "
              "the month after the last one published (before anything is published, the first month with "
              "pending work on what the ledger recorded)."),
        options={
            "--month": ("计划月份，格式 YYYY-MM；省略时为场景中第一个有待办事项的月份，"
                        "加 --ledger 时为最后一个已发布月份的下一个月。",
                        "Month to plan, YYYY-MM; if left out, the scenario's first month with pending work, or with "
                        "--ledger the month after the last one published."),
            "--from": ("计划起始日，格式 YYYY-MM-DD，与 --to 同用。",
                       "First day of the period, YYYY-MM-DD (with --to)."),
            "--to": ("计划截止日，格式 YYYY-MM-DD，与 --from 同用。",
                     "Last day of the period, YYYY-MM-DD (with --from)."),
            "--out": ("把 plan.json 和各种导出文件（Excel 表、日历、月历图、会议通知）写入此文件夹。",
                      "Write plan.json and the exports (workbook, calendars, month picture, meeting notices) into "
                      "this folder."),
            "--seed": _SOLVER_SEED,
            "--ledger": ("台账文件（SQLite）：按台账记录的实际情况（已开会议、已决定议题、已发布版本）编排；"
                         "省略时读环境变量 GOVCAL_LEDGER。",
                         "Plan on what this ledger (SQLite) recorded: meetings held, items decided, revisions "
                         "published; default: $GOVCAL_LEDGER."),
        },
    ),
    f"{ROOT} calendar": CommandHelp(
        short=("某年的节假日和调休上班日，注明来源。", "A year's holidays and make-up working days, with sources."),
        long=("列出某年的法定节假日、调休上班日和地方节假日，每一天注明来源：录入的放假通知（notice）、"
              "节假日数据包（data）、推算（projected，尚无通知时）或场景的地方节假日（local）。"
              "办公室用它核对录入的通知。",
              "A year's statutory holidays, make-up working days (调休) and local holidays, each with where it "
              "came from: the notice entered in the scenario, the calendar package's data, a projection (no "
              "notice yet) or the scenario's local holidays. This is how an office checks what it entered."),
        options={"--year": ("要列出的年份，YYYY。", "The year to show, YYYY.")},
    ),
    f"{ROOT} check": CommandHelp(
        short=("不用求解器，逐条规则检查一份计划。", "Check a plan against every rule, without a solver."),
        long=("检查一份计划（无论是否手工改过）是否符合每一条规则，并重新计算其目标值。\n\n"
              "计划按生成它的场景检查（以 scenario_sha256 核对）：只有哈希一致时才采用内置场景或 --scenario "
              "指定的场景。加 --ledger 而不给计划文件 PLAN_FILE 时，检查台账中最近发布的版本（可用 --month "
              "指定月份），场景取自台账。",
              "Check a plan, hand-edited or not, against every rule; recompute its objective.\n\n"
              "The plan is checked against the scenario it was made from (its scenario_sha256): the embedded "
              "default or --scenario only when the hashes match. With --ledger and no PLAN_FILE, the latest "
              "published revision (of --month) against the ledger's scenario."),
        options={"--month": ("与 --ledger 同用：检查该月（YYYY-MM）最近发布的版本。",
                             "With --ledger: the month whose latest revision to check, YYYY-MM.")},
    ),
    f"{ROOT} scenario": CommandHelp(
        short=("检查、概览、新建或生成场景文件。", "Validate, summarise, create or generate scenario files."),
        long=("检查、概览、新建、导出、导入或随机生成场景文件（Excel 工作簿或 YAML）。",
              "Validate, summarise, create, export, import or generate scenario files (Excel workbooks or YAML)."),
        options={"--lang": _LANG_FOR_WHAT_FOLLOWS},
    ),
    f"{ROOT} scenario validate": CommandHelp(
        short=("按场景文件规范检查文件。", "Check a file against the scenario contract."),
        long=("按场景文件规范检查 FILE：列出发现的全部问题；没有问题时只输出一行确认（退出码 0）。",
              "Check FILE against the scenario contract: every problem, or one OK line (exit 0)."),
    ),
    f"{ROOT} scenario show": CommandHelp(
        short=("概览场景文件的内容。", "Summarise a scenario file."),
        long=("概览 FILE 的内容（省略时为内置场景）：日历、领导、单位、请假外出、议题、会议申请和规则参数。",
              "Summarise FILE (default: the embedded scenario) for a reader: calendar, leaders, units, absences, "
              "agenda items, meeting requests and policy."),
    ),
    f"{ROOT} scenario new": CommandHelp(
        short=("输出一份带注释的场景模板。", "Print a commented scenario template."),
        long=("输出一份带中英文注释的场景模板（日期在 --year 年），照着填写即可；"
              "加 --xlsx 则写出同样内容的 Excel 工作簿。模板也说明来年如何继续使用同一个文件和台账。",
              "Print a commented scenario template (Chinese and English comments), dated in --year, to start "
              "from; with --xlsx, write the same as an Excel workbook. It also says how an office goes on into "
              "the next year with the same file and ledger."),
        options={"--out": _SCENARIO_OUT,
                 "--xlsx": ("写出 Excel 工作簿模板（须与 --out 同用）：每表一类内容，表头有说明，"
                            "编号和类别可下拉选择。",
                            "Write the template as an Excel workbook (needs --out): a sheet per part, headers "
                            "explained, ids and kinds chosen from drop-down lists."),
                 "--force": ("与 --out 同用：文件已存在时覆盖它（否则拒绝并退出）。",
                             "With --out, overwrite an existing file (otherwise refuse)."),
                 "--year": ("模板中日期所在的年份（省略时为今年）。",
                            "Date the template in this year (default: this year)."),
                 },
    ),
    f"{ROOT} scenario export": CommandHelp(
        short=("把场景写成 Excel 工作簿，供办公室维护。", "Write a scenario as an Excel workbook for the office."),
        long=("把 FILE（省略时为内置场景）写成 Excel 工作簿：每部分一张工作表（基本信息、节假日、会议室、领导、单位、"
              "请假外出、固定活动、已办事项、政策、议题、会议申请、流程参数），中文表头下一行是字段名，日期和时间是真正的"
              "Excel 日期，编号和类别可下拉选择。工作簿可直接用作 --scenario，内容与 FILE 完全相同。",
              "Write FILE (default: the embedded scenario) as an Excel workbook: a sheet per part, Chinese headers "
              "with the field name below, real Excel dates and times, ids and kinds in drop-down lists. The "
              "workbook works as --scenario and holds exactly what FILE holds."),
        options={"--out": ("要写入的工作簿（.xlsx）。", "The workbook to write (.xlsx)."),
                 "--force": ("文件已存在时覆盖它（否则拒绝并退出）。",
                             "Overwrite an existing file (otherwise refuse).")},
    ),
    f"{ROOT} scenario import": CommandHelp(
        short=("把 Excel 工作簿转换为场景 YAML 文件。", "Convert an Excel workbook to a scenario YAML file."),
        long=("把 FILE（Excel 工作簿，或 YAML）转换为内容相同的场景 YAML 文件；先按场景文件规范检查，"
              "有问题时逐一指出工作表和单元格，不写任何文件。",
              "Convert FILE (an Excel workbook, or YAML) to a scenario YAML file holding the same scenario; it is "
              "checked first, and every problem is named by its sheet and cell, with nothing written."),
        options={"--out": ("把 YAML 写入此文件（省略时输出到屏幕）。",
                           "Write the YAML to this file (default: print it)."),
                 "--force": ("与 --out 同用：文件已存在时覆盖它。", "With --out, overwrite an existing file.")},
    ),
    f"{ROOT} scenario absence": CommandHelp(
        short=("在场景文件中登记请假外出。", "Enter an absence into a scenario file."),
        long=("在 FILE 的 absences 中登记一条请假外出（领导生病、临时出差等），保留文件原有的注释和格式；"
              "登记后用 replan 按最少改动重排已发布的月份。",
              "Enter an absence into FILE's absences (a leader falls ill, a trip comes up), keeping the file's "
              "comments and layout; then `replan` re-plans the published month with the fewest changes."),
        options={
            "--who": ("请假外出的领导或单位编号。", "The leader's or unit's id."),
            "--from": ("第一天，格式 YYYY-MM-DD。", "First day away, YYYY-MM-DD."),
            "--to": ("最后一天，格式 YYYY-MM-DD。", "Last day away, YYYY-MM-DD."),
            "--kind": ("类别（第六十一条）：visit 出访、trip 出差、study 学习、training 培训、leave 休假、other 其他。",
                       "Kind (Art. 61): visit, trip, study, training, leave or other."),
            "--half": ("只有某一天的上午（am）或下午（pm）不在岗。",
                       "Only the morning (am) or afternoon (pm) of one day."),
            "--note": ("备注，例如“住院”。", "A note, e.g. 住院 (in hospital)."),
            "--out": ("把修改后的场景写入此文件，而不是改写 FILE。",
                      "Write the edited scenario here instead of into FILE."),
            "--force": ("与 --out 同用：文件已存在时覆盖它。", "With --out, overwrite an existing file."),
        },
    ),
    f"{ROOT} scenario generate": CommandHelp(
        short=("按给定规模随机生成有效的场景。", "Generate a random valid scenario of a given size."),
        long=("按给定规模随机生成一个有效的场景（用于压力测试和性能测试）。",
              "Generate a random but valid scenario of the given size (for load tests and benchmarks)."),
        options={
            "--leaders": ("领导人数（加 --meeting-week 时默认 20）。", "Number of leaders (with --meeting-week: 20 "
                                                                       "by default)."),
            "--units": ("单位个数（不加 --meeting-week 时必填）。",
                        "Number of units (required without --meeting-week)."),
            "--items-per-month": ("每月议题数（不加 --meeting-week 时必填）。",
                                  "Agenda items a month (required without --meeting-week)."),
            "--months": ("生成几个月的议题（不加 --meeting-week 时必填）。",
                         "Months of agenda items (required without --meeting-week)."),
            "--meeting-week": ("改为生成一个会议密集周：只有会议申请、时间窗口紧、会议室少，没有议题。",
                               "A meeting-heavy week instead: requested meetings only, tight windows, few rooms, "
                               "no agenda items."),
            "--rooms": ("与 --meeting-week 同用：会议室个数。", "With --meeting-week: number of rooms."),
            "--requests": ("与 --meeting-week 同用：会议申请数。", "With --meeting-week: requested meetings."),
            "--week": ("与 --meeting-week 同用：一年中的第几周（ISO 周次）。",
                       "With --meeting-week: ISO week of the year."),
            "--seed": ("随机种子：选项和种子相同，生成的文件就相同。",
                       "Random seed: same options and seed, same file."),
            "--year": ("场景年份（省略时为生成器默认的 2024 年）。",
                       "Year of the scenario (default: the generator's, 2024)."),
            "--out": _SCENARIO_OUT,
        },
    ),
    f"{ROOT} simulate": CommandHelp(
        short=("公文流转指标（第45、52、54条时限），含95%置信区间。",
               "Document-flow KPIs (Art. 45, 52, 54 deadlines) with 95% intervals."),
        long=("模拟公文流转：第45、52、54条规定时限的按时办结比例，并给出95%置信区间。",
              "Simulate the document flow: on-time shares of Art. 45, 52 and 54 deadlines with 95% intervals."),
        options={
            **_SIMULATION_OPTIONS,
            "--load": ("所有来文速率乘以的倍数。", "Factor on every arrival rate."),
            "--reps": ("独立重复模拟的次数。", "Independent replications."),
            "--validate": ("改为运行简化的 M/M/c 排队模型，并把其等待时间与 Erlang C 公式对照。",
                           "Run the reduced M/M/c model instead and compare its waiting time with Erlang C."),
            "--arrival-rate": ("M/M/c 到达率（与 --validate mmc 同用）。", "M/M/c arrival rate (with --validate mmc)."),
            "--service-rate": ("M/M/c 每个服务台的服务率（与 --validate mmc 同用）。",
                               "M/M/c service rate per server (with --validate mmc)."),
            "--servers": ("M/M/c 服务台个数（与 --validate mmc 同用）。",
                          "M/M/c number of servers (with --validate mmc)."),
        },
    ),
    f"{ROOT} whatif": CommandHelp(
        short=("逐级加大负荷，找出临界点。", "Sweep the load and name the breaking point."),
        long=("逐级加大公文负荷：给出各项时限的按时办结比例随负荷的变化，并指出临界点。\n\n"
              "whatif agenda 则在规划器参与下逐级加大议题负荷。",
              "Sweep the load: on-time share per deadline against load, and the breaking point.\n\n"
              "whatif agenda sweeps the agenda load with the planner in the loop instead."),
        options={
            **_SIMULATION_OPTIONS,
            "--load": ("要逐一模拟的负荷倍数，用英文逗号分隔。", "Comma-separated load factors to sweep."),
            "--reps": _REPS_PER_LOAD,
        },
    ),
    f"{ROOT} whatif agenda": CommandHelp(
        short=("议题负荷推演：每次模拟的每个月都由规划器编排。",
               "Agenda-load what-if: the planner plans every month of every replication."),
        long=("议题负荷增加会怎样：用真实的规划器逐月编排，报告各负荷倍数下议题的等待时间、积压、会议次数、"
              "领导用时、按条款统计的暂缓议题和第45条的执行情况。",
              "What if the agenda load grows: plan every month with the real planner, month after month, and "
              "report waits, backlog, meetings, leaders' hours, deferrals by article and Art. 45 per load."),
        options={
            "--load": ("议题负荷倍数（每月议题数和全县性会议申请数），用英文逗号分隔。",
                       "Comma-separated factors on the agenda load (items and county-wide requests a month)."),
            "--months": ("每次模拟的月数，从 flow.agenda.start 起算。", "Months each replication runs, from "
                         "flow.agenda.start."),
            "--reps": _REPS_PER_LOAD,
            "--seed": _RANDOM_SEED,
            "--jobs": ("并行进程数，与 --dask local 同用时为 Dask 工作进程数（省略时取 2 与 CPU 核数中较小的一个）。",
                       "Worker processes, or Dask workers with --dask local (default: min(2, CPUs))."),
            "--dask": ("在地址为 ADDRESS 的 Dask 调度器（tcp://主机:端口）上运行；写 local 则在本机启动集群。",
                       "Run replications on the Dask scheduler at ADDRESS (tcp://HOST:PORT), or on a local cluster."),
            "--keep-plans": ("把每个月的场景（YAML）和计划（JSON）保存到此文件夹：load-X/rep-R/YYYY-MM.*",
                             "Folder for every month's scenario (YAML) and plan (JSON): load-X/rep-R/YYYY-MM.*"),
            "--month-time-limit": ("规划器编排每个月可用的秒数。", "Planner seconds per month."),
            "--target-days": ("议题应在多少个工作日内上会。", "Working days within which an item should be heard."),
            "--target": ("应在 --target-days 个工作日内上会的议题比例。",
                         "Share of items that should be heard within --target-days."),
            "--out": _FIGURES_OUT,
        },
    ),
    f"{ROOT} ledger": CommandHelp(
        short=("办公室的运行台账：建立、状态、导出、备份。",
               "The office's running record: init, status, export, backup."),
        long=("办公室的运行台账（SQLite 文件）：记录已发布的计划、会议结果和督办事项。",
              "The office's running record (SQLite): published plans, meeting outcomes, follow-ups."),
        options={"--lang": _LANG_FOR_WHAT_FOLLOWS},
    ),
    f"{ROOT} ledger init": CommandHelp(
        short=("为场景新建台账。", "Create a ledger for a scenario."),
        long=("为场景新建台账文件（只有本人可读写，权限 0600）；以后的命令从台账读取场景。",
              "Create a new ledger (mode 0600) for the scenario; later commands read the scenario from there."),
    ),
    f"{ROOT} ledger status": CommandHelp(
        short=("截至某日：已发布什么、记录了什么、什么到期。", "What is published, recorded and due, as of a day."),
        long=("已发布的版本、会议结果、已过日期但还没有记录结果的会议、未办结和已逾期的督办事项。",
              "Published revisions, outcomes, past meetings with no outcome, open and overdue follow-ups."),
    ),
    f"{ROOT} ledger export": CommandHelp(
        short=("把台账记录导出为场景的 history: 部分。", "The recorded history as a scenario history: block."),
        long=("把场景原有的历史与台账记录的每一项会议结果合并，输出为 YAML，可直接替换场景文件的 history: 部分"
              "（也可输出 JSON）。场景中已不再有的议题或会议申请，其结果不输出：它们不影响编排，场景也不能引用。",
              "The scenario's history merged with every recorded outcome, as YAML to paste over the scenario's "
              "history: block (or JSON). Outcomes of items or requests the scenario no longer names are left "
              "out: they change nothing, and a scenario may not name them."),
        options={"--format": ("输出格式：yaml（可直接替换场景文件的 history: 部分）或 json。",
                              "Output format: yaml (to paste over the scenario's history: block) or json."),
                 "--into": ("把场景文件（YAML 或 Excel 工作簿）缺少的历史记录直接添加进去："
                            "工作簿添加在“已办事项”表末尾，"
                            "其余内容保持原样。",
                            "Add the history this scenario file (YAML or an Excel workbook) lacks to it, in place: "
                            "rows at the end of a workbook's 已办事项 sheet, the rest left as it was.")},
    ),
    f"{ROOT} ledger relink": CommandHelp(
        short=("确认改了名称的场景文件（如新一年的）仍是本台账的场景。",
               "Confirm a renamed scenario file (a new year's) as the ledger's scenario."),
        long=("同一个县的场景文件为新一年修改后（新议题，也许改了 name），确认一次即可继续使用原台账："
              "已发布的计划、会议结果和督办事项全部保留，以后的命令读取这个文件。",
              "Carry the ledger on with the county's file for a new year, whose name changed: every published "
              "plan, outcome and follow-up stays, and later commands read this file."),
        options={"--scenario": ("本县为新一年修改（可能改了名称）的场景文件。",
                                "The county's scenario file, edited (and perhaps renamed) for the new year.")},
    ),
    f"{ROOT} ledger backup": CommandHelp(
        short=("用 SQLite 的备份接口复制台账。", "Copy the ledger with SQLite's backup API."),
        long=("把台账完整一致地复制到 DESTINATION（权限 0600）；复制时其他命令照常可用。",
              "A consistent copy of the ledger to DESTINATION (mode 0600), taken while other commands may run."),
    ),
    f"{ROOT} publish": CommandHelp(
        short=("把计划登记为所属期间的下一个版本。", "Record a plan as the next revision of its period."),
        long=("发布计划文件 PLAN_FILE：登记为所属期间的下一个版本（与最新版本完全相同时不再新增）。",
              "Publish PLAN_FILE: the next revision of its period (identical to the latest: nothing added)."),
        options={"--out": ("把所发布版本的 plan.json 和导出文件（ICS 日历带版本号 SEQUENCE）写入此文件夹。",
                           "Write the published revision's plan.json and exports (ICS with SEQUENCE) into this "
                           "folder.")},
    ),
    f"{ROOT} record": CommandHelp(
        short=("记录已发布会议的实际情况。", "Record what a published meeting did."),
        long=("记录会议 MEETING 的结果：已召开（按原定时间，或用 --date/--start 记录改期）或已取消；"
              "或用 --all-held --month M 把当月其余尚未记录的会议一并记为按发布的安排召开。",
              "Record MEETING's outcome: held (on its day, or moved with --date/--start) or cancelled; or, with "
              "--all-held --month M, every other meeting of M not yet recorded as held as published."),
        options={
            "--all-held": ("与 --month 同用：当月到 --today 为止尚未记录结果的其余会议，"
                           "均按发布的安排召开，议题全部决定。",
                           "With --month: every other meeting of the month up to --today was held as published, "
                           "every item decided."),
            "--held": ("会议已召开（除 --not-decided 列出的以外，全部议题视为已作出决定）。",
                       "The meeting was held (every item decided unless --not-decided)."),
            "--cancelled": ("会议已取消（没有议题作出决定）。", "The meeting was cancelled (nothing decided)."),
            "--decided": ("已作出决定的议题编号，用英文逗号分隔；其余议题视为未作决定。",
                          "Items decided (ids, comma-separated); the others were not."),
            "--not-decided": ("已上会但未作出决定的议题编号，用英文逗号分隔。",
                              "Items heard but not decided (ids, comma-separated)."),
            "--date": ("实际召开日期与计划不同时填写，格式 YYYY-MM-DD。",
                       "Held on another day than planned, YYYY-MM-DD."),
            "--start": ("实际开始时间与计划不同时填写，格式 HH:MM。", "Held at another hour than planned, HH:MM."),
            "--follow-up": ("对已决定的议题立项督办：议题编号:承办单位:办结期限[:每隔几个工作日汇报一次]。",
                            "Follow up a decided item (督办): owner unit, due date, optional working days between "
                            "reports."),
            "--month": ("会议所在的月份，格式 YYYY-MM（只在会议编号出现在多个月份时需要）。",
                        "The period the meeting is in, YYYY-MM (only if its id is in several)."),
        },
    ),
    f"{ROOT} replan": CommandHelp(
        short=("按当前场景对已发布月份作最小改动的重新编排。",
               "Least-change re-plan of a published month under today's scenario."),
        long=("按场景现在的情况，为已发布的月份重新编排一份符合每一条规则、且对已发布版本改动最少的计划；"
              "列出每一处改动和需要通知的人。",
              "The plan of a published month that keeps every rule under the scenario as it is now and changes "
              "the published revision least; lists every change and whom to tell."),
        options={
            "--month": ("要重新编排的已发布月份，格式 YYYY-MM。", "The published month to re-plan, YYYY-MM."),
            "--since": ("从这一天起重新编排，此前的会议保持发布时的安排（省略时为该月最后一条已记录结果的次日）。",
                        "Re-plan from this day; meetings before it stay as published (default: the day after the "
                        "month's last recorded outcome)."),
            "--out": ("把 plan.json 和导出文件（ICS 日历的 SEQUENCE 为新版本号）写入此文件夹。",
                      "Write plan.json and the exports (ICS with SEQUENCE = the new revision) into this folder."),
            "--seed": _SOLVER_SEED,
        },
    ),
    f"{ROOT} followups": CommandHelp(
        short=("未办结的督办事项：即将到期或已逾期。", "Open follow-ups (督办): due soon or overdue."),
        long=("已决定议题的未办结督办事项（第28、57条），标出已逾期和即将到期的。",
              "Open follow-ups of decided items (Art. 28, 57), marked overdue or due soon."),
        options={
            "--due-within": ("今后多少个工作日内到期的算作即将到期。", "Working days ahead that count as due soon."),
            "--overdue": ("只列已逾期的督办事项。", "Only follow-ups past their due date."),
        },
    ),
    f"{ROOT} followup": CommandHelp(
        short=("办结一项督办事项，或登记进展汇报。", "Close a follow-up or record a progress report."),
        long=("处理单项督办事项：办结，或登记一次进展汇报。",
              "One follow-up (督办): close it, or record a progress report on it."),
        options={"--lang": _LANG_FOR_WHAT_FOLLOWS},
    ),
    f"{ROOT} followup close": CommandHelp(
        short=("办结督办事项，并附说明。", "Close a follow-up, with a note."),
        long=("办结编号为 ID 的督办事项，并附说明。", "Close follow-up ID, with a note."),
        options=_FOLLOWUP_OPTIONS,
    ),
    f"{ROOT} followup report": CommandHelp(
        short=("登记督办事项的进展汇报。", "Record a progress report on a follow-up."),
        long=("为编号为 ID 的督办事项登记一次进展汇报。", "Record a progress report on follow-up ID."),
        options=_FOLLOWUP_OPTIONS,
    ),
}

# Click's own words in a help page, and its names for value types (the metavar after an option).
WORDS: dict[str, Pair] = {
    "usage": ("用法：", "Usage: "),
    "options": ("选项", "Options"),
    "commands": ("命令", "Commands"),
    "heading_end": ("：", ":"),
    "default": ("默认：{}", "default: {}"),
    "required": ("必填", "required"),
    "envvar": ("环境变量：{}", "env var: {}"),
    "extra_separator": ("；", "; "),
    "[OPTIONS]": ("[选项]", "[OPTIONS]"),
    "COMMAND [ARGS]...": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "[COMMAND] [ARGS]...": ("[命令] [参数]...", "[COMMAND] [ARGS]..."),
}
# Click's usage errors in Chinese (English keeps click's own wording). Keys name the error; the
# values fill in what click knows (option names, the value typed, the choices).
USAGE_ERRORS_ZH: dict[str, str] = {
    "error": "错误：{}",
    "try_help": "请运行“{}”查看说明。",
    "no_such_option": "没有选项“{name}”。",
    "no_such_command": "没有命令“{name}”。",
    "did_you_mean": "是否应为：{names}？",
    "missing_argument": "缺少参数 {name}。",
    "missing_option": "缺少选项 {name}。",
    "missing": "缺少 {name}。",
    "invalid_value": "{name} 的值无效：{reason}",
    "not_one_of": "“{value}”不在可选值之中（{choices}）",
    "not_a_number": "“{value}”不是有效的数",
    "not_in_range": "{value} 不在允许的范围 {range} 之内",
    "requires_value": "选项 {name} 后面需要一个值。",
    "extra_arguments": "多余的参数：{args}",
}
METAVARS_ZH: dict[str, str] = {
    "INTEGER RANGE": "整数", "FLOAT RANGE": "数值", "INTEGER": "整数", "FLOAT": "数值", "TEXT": "文本",
    "FILE": "文件", "DIRECTORY": "文件夹", "PATH": "路径",
}
