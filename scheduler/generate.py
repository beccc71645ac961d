"""Seeded scenario generator for tests, benchmarks and what-if studies.

`generate_scenario_mapping` builds a v1 scenario (DESIGN §3) as a plain, YAML-ready mapping
with ISO date strings; `generate_scenario_yaml` prints it with a header naming the arguments;
`generate_scenario` loads it through `scheduler.scenario` like any file. The county it
describes is shaped on Wuqia's (roles, departments, townships, office hours) but every
number comes from `random.Random(seed)`, so the same arguments give byte-identical YAML.

What the generator promises, so that plans of its scenarios are meaningful:
- roles: one county head, one executive deputy, ``leaders - 3`` deputies, one office director;
- units always include the justice bureau (``justice``), which attends standing meetings (Art. 43);
- the county head and the executive deputy are never away on the same day, so every month
  has a presider for its standing meeting (Art. 6, 42);
- every agenda item not yet pre-studied is named by exactly one thematic request convened by
  its supervising leader, whose window opens after the item was submitted (Art. 43);
- each two-month window has a study request (Art. 50); the first county-wide request comes
  from the unit that already held one this year (history), so Art. 47 has one to reject;
- every date but the January history record is a working day inside the generated months,
  which must lie in `CN_YEARS`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

import yaml

from scheduler.calendar import CN_YEARS, WorkCalendar
from scheduler.domain import CONSENSUS_MATTERS, CalendarSpec, Policy, Scenario, fmt_minutes

# Xinjiang office hours (Beijing time): a meeting sits inside one block.
OFFICE_HOURS = ((10 * 60, 14 * 60), (16 * 60, 19 * 60 + 30))
GRAIN_MINUTES = 15

# Deputies' portfolios (分管领域), most common first: a small government fills the first ones.
DEPUTY_DOMAINS: tuple[tuple[str, str], ...] = (
    ("agri", "农业农村"),
    ("edu", "教育卫健"),
    ("law", "公安政法"),
    ("ind", "工业交通"),
    ("cult", "文化旅游"),
    ("land", "自然资源"),
    ("trade", "商务口岸"),
    ("eco", "生态环境"),
    ("civil", "民政社保"),
    ("city", "住建城管"),
    ("sci", "科技信息"),
    ("ethnic", "民族宗教"),
)


@dataclass(frozen=True, slots=True)
class UnitTemplate:
    """A department or township the generator can use; `area` is a domain slug, "exec" or "head"."""

    id: str
    name: str
    area: str
    topics: tuple[str, ...]


# The justice bureau comes first so that even the smallest county has it (Art. 43).
DEPARTMENTS: tuple[UnitTemplate, ...] = (
    UnitTemplate("justice", "县司法局", "law", ("法治政府建设", "行政执法协调监督", "公共法律服务体系建设")),
    UnitTemplate("finance", "县财政局", "exec", ("县级财政预算调整", "政府债务风险化解", "存量资金盘活")),
    UnitTemplate("drc", "县发展和改革委员会", "exec", ("重点项目储备", "以工代赈", "粮食应急储备")),
    # Audit answers to the county head under the Audit Law.
    UnitTemplate("audit", "县审计局", "head", ("审计发现问题整改", "政府投资项目审计", "经济责任审计")),
    UnitTemplate("edu", "县教育局", "edu", ("义务教育薄弱环节改善", "寄宿制学校建设", "学前教育普及")),
    UnitTemplate("health", "县卫生健康委员会", "edu", ("县域医共体建设", "家庭医生签约服务", "基层卫生院改造")),
    UnitTemplate("police", "县公安局", "law", ("道路交通安全整治", "社会治安防控体系建设", "智慧安防小区建设")),
    UnitTemplate("natres", "县自然资源局", "land", ("国土空间规划", "地质灾害防治", "矿产资源整合")),
    UnitTemplate("housing", "县住房和城乡建设局", "city", ("老旧小区改造", "城镇供热管网改造", "保障性住房建设")),
    UnitTemplate("transport", "县交通运输局", "ind", ("农村公路养护", "国省道沿线安全隐患整治", "客运站改造")),
    UnitTemplate("agri", "县农业农村局", "agri", ("高标准农田建设", "牲畜良种补贴", "动物疫病防控")),
    UnitTemplate("water", "县水利局", "agri", ("农村供水保障", "防汛抗旱", "河湖长制")),
    UnitTemplate("forest", "县林业和草原局", "agri", ("草原生态保护补助奖励", "森林草原防灭火", "国土绿化")),
    UnitTemplate("culture", "县文化体育广播电视和旅游局", "cult", ("旅游景区提升", "公共文化服务", "全民健身设施建设")),
    UnitTemplate("market", "县市场监督管理局", "ind", ("食品安全", "特种设备安全监管", "质量强县")),
    UnitTemplate("emergency", "县应急管理局", "ind", ("安全生产", "应急物资储备", "防震减灾")),
    UnitTemplate("hrss", "县人力资源和社会保障局", "civil", ("高校毕业生就业", "根治欠薪", "城乡居民养老保险")),
    UnitTemplate("civil", "县民政局", "civil", ("城乡低保提标", "养老服务体系建设", "殡葬改革")),
    UnitTemplate("ecology", "克州生态环境局乌恰县分局", "eco",
                 ("大气污染防治", "中央生态环保督察问题整改", "土壤污染防治")),
    UnitTemplate("stats", "县统计局", "exec", ("经济普查", "统计数据质量提升", "统计执法检查")),
    UnitTemplate("medins", "县医疗保障局", "edu", ("医保基金监管", "城乡居民医保参保扩面", "定点医药机构管理")),
    UnitTemplate("commerce", "县商务和工业信息化局", "trade", ("外贸转型升级", "口岸物流园区建设", "电子商务进农村")),
    UnitTemplate("revital", "县乡村振兴局", "agri", ("防止返贫动态监测", "衔接推进乡村振兴补助资金", "庭院经济")),
    UnitTemplate("veterans", "县退役军人事务局", "law", ("退役军人就业创业", "优抚对象抚恤补助", "烈士纪念设施维护")),
    UnitTemplate("petition", "县信访局", "law", ("信访积案化解", "信访工作法治化", "矛盾纠纷排查化解")),
    UnitTemplate("ports", "县口岸管理办公室", "trade", ("口岸通关便利化", "边民互市贸易", "口岸基础设施维护")),
)

# Wuqia's two towns and nine townships; supervisors are assigned by area at generation.
TOWNSHIPS: tuple[UnitTemplate, ...] = tuple(
    UnitTemplate(uid, name, "", ())
    for uid, name in (
        ("t-wuqia", "乌恰镇"),
        ("t-kangsu", "康苏镇"),
        ("t-heiziwei", "黑孜苇乡"),
        ("t-jigen", "吉根乡"),
        ("t-tuoyun", "托云乡"),
        ("t-bayinkuluti", "巴音库鲁提乡"),
        ("t-biaoertuokuoyi", "膘尔托阔依乡"),
        ("t-bositantieleike", "波斯坦铁列克乡"),
        ("t-wulukeqiati", "乌鲁克恰提乡"),
        ("t-wuheshalu", "吾合沙鲁乡"),
        ("t-tieleike", "铁列克乡"),
    )
)
TOWNSHIP_TOPICS = ("人居环境整治", "牧民定居点配套设施建设", "安全饮水巩固提升", "边境小康村建设", "村级活动场所改造",
                   "冬季供暖保障")
GENERIC_TOPICS = ("业务用房维修改造", "信息化系统建设", "年度重点工作")

# Title templates by matter (Art. 43 lists the matters that need consensus).
TITLE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "funds": ("关于申请{topic}工作经费的请示", "关于{topic}资金安排的请示"),
    "projects": ("关于{topic}项目实施方案的请示", "关于{topic}项目立项的请示"),
    "staffing": ("关于{unit}调整内设机构和人员编制的请示", "关于{unit}招聘编制外聘用人员的请示"),
    "rewards": ("关于表彰{year}年度{topic}工作先进集体和先进个人的请示",),
    "normative": ("关于审议《{topic}工作实施方案》的议题", "关于审议《关于加强{topic}工作的意见》的议题"),
    "other": ("关于{topic}工作进展情况的汇报", "关于{topic}有关问题的请示"),
}
MATTER_WEIGHTS = {"funds": 30, "projects": 20, "staffing": 8, "rewards": 7, "normative": 15, "other": 20}
MINUTE_WEIGHTS = {10: 10, 15: 30, 20: 40, 25: 20, 30: 15, 40: 5}
PLENARY_TITLES = ("关于《县人民政府工作报告》重点任务分解的议题", "关于上半年经济运行情况和下半年重点工作的议题")
STUDY_THEMES = ("习近平新时代中国特色社会主义思想", "铸牢中华民族共同体意识", "法治政府建设", "安全生产和应急管理",
                "优化营商环境", "保密知识")

# Each leader's chance of one absence in a month; the office director travels least.
ABSENCE_RATE = {"county_head": 0.45, "executive_deputy": 0.4, "deputy": 0.5, "office_director": 0.25}
ABSENCE_NOTES = {
    "visit": ("随团出访",),
    "trip": ("赴州开会", "赴自治区汇报工作", "赴援疆省市对接"),
    "study": ("参加州委党校学习", "参加自治区专题研修班"),
    "training": ("参加干部网络培训", "参加自治区专题培训"),
    "leave": ("休年假", "事假"),
    "other": ("下乡调研", "陪同上级检查"),
}
UNIT_ABSENCE_RATE = 0.08  # a unit head's chance of one absence in a month
SHARE_NOT_PRE_STUDIED = 0.15
SHARE_NO_CONSENSUS = 0.12  # among items whose matters need consensus: ~8% of all items
SHARE_DEADLINE = 0.06
SHARE_ATTENDING = 0.3
# After an item arrives, the last share of a month's working days is too late for a thematic meeting.
EARLY_SHARE_OF_MONTH = 0.6
REQUEST_CYCLE = ("thematic", "county_wide", "thematic", "county_head_office")
SHARE_AD_HOC_STANDING = 0.15  # a month's chance of an ad hoc standing meeting (Art. 42 如有需要可临时召开)
SHARE_UNIT_CONVENES = 0.8  # a county-wide meeting convened by its unit, not its supervising leader (Art. 47)
SHARE_PRESTUDY_HELD = 0.5  # the first pre-study meeting recorded as already held (history kind held)
SHARE_CONGRESS_STAND_IN = 0.3  # a congress meeting on a day every deputy is away: the office director stands in


@dataclass(frozen=True, slots=True)
class GeneratorParams:
    """The generator's arguments; `validate` explains any that cannot describe a county."""

    leaders: int = 12
    units: int = 30
    items_per_month: int = 15
    months: int = 1
    seed: int = 0
    year: int = 2024
    start_month: int = 1
    requests_per_month: int | None = None

    def validate(self) -> None:
        if self.leaders < 4:
            raise ValueError(f"leaders must be at least 4 (head, executive deputy, a deputy, office director), "
                             f"got {self.leaders}")
        if self.units < 2:
            raise ValueError(f"units must be at least 2 (the justice bureau and one more), got {self.units}")
        if self.items_per_month < 0:
            raise ValueError(f"items_per_month must be 0 or more, got {self.items_per_month}")
        if self.months < 1:
            raise ValueError(f"months must be at least 1, got {self.months}")
        if not 1 <= self.start_month <= 12:
            raise ValueError(f"start_month must be 1..12, got {self.start_month}")
        if self.requests_per_month is not None and self.requests_per_month < 0:
            raise ValueError(f"requests_per_month must be 0 or more, got {self.requests_per_month}")
        last_year, _ = self.month_list()[-1]
        if self.year not in CN_YEARS or last_year not in CN_YEARS:
            raise ValueError(f"the months {self.year}-{self.start_month:02d} .. {last_year} must lie in the years "
                             f"the holiday calendar knows ({CN_YEARS.start}..{CN_YEARS.stop - 1})")

    def month_list(self) -> list[tuple[int, int]]:
        """(year, month) of every generated month, in order."""
        first = self.year * 12 + self.start_month - 1
        return [(index // 12, index % 12 + 1) for index in range(first, first + self.months)]

    @property
    def requests_each_month(self) -> int:
        """Requests per month; by default a few more as the agenda grows."""
        if self.requests_per_month is not None:
            return self.requests_per_month
        return 3 + self.items_per_month // 10


@dataclass(slots=True)
class _Month:
    """One generated month: its working days and the items it received."""

    year: int
    month: int
    days: list[date]
    items: list[dict[str, Any]] = field(default_factory=list)


def _iso(day: date) -> str:
    return day.isoformat()


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Builder:
    """Builds one scenario mapping; every random draw goes through `self.rng` in a fixed order."""

    def __init__(self, params: GeneratorParams) -> None:
        self.params = params
        self.rng = random.Random(params.seed)
        self.spec = CalendarSpec(region="CN", office_hours=OFFICE_HOURS, grain_minutes=GRAIN_MINUTES)
        months = params.month_list()
        self.calendar = WorkCalendar(self.spec, months[0][0], months[-1][0])
        self.months = [_Month(y, m, self._working_days_of(y, m)) for y, m in months]
        self.span_days = [day for month in self.months for day in month.days]
        self.leaders: list[dict[str, Any]] = []
        self.units: list[dict[str, Any]] = []
        self.units_by_id: dict[str, dict[str, Any]] = {}
        self.topics: dict[str, tuple[str, ...]] = {}
        self.topic_of_item: dict[str, str] = {}
        self.item_count = 0
        self.request_count = 0
        self.item_width = max(3, len(str(params.items_per_month * params.months)))
        self.request_width = max(3, len(str(params.requests_each_month * params.months)))

    def _working_days_of(self, year: int, month: int) -> list[date]:
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        return self.calendar.working_days(first, date.fromordinal(last))

    # ----- people and places -------------------------------------------------------------
    def build_leaders(self) -> None:
        self.leaders.append({"id": "head", "title": "县长", "role": "county_head"})
        self.leaders.append({"id": "exec", "title": "常务副县长", "role": "executive_deputy"})
        for index in range(self.params.leaders - 3):
            slug, domain = DEPUTY_DOMAINS[index % len(DEPUTY_DOMAINS)]
            round_ = index // len(DEPUTY_DOMAINS)
            leader_id = f"dep-{slug}" if round_ == 0 else f"dep-{slug}-{round_ + 1}"
            label = domain if round_ == 0 else f"{domain}（协管{round_}）"
            self.leaders.append({"id": leader_id, "title": "副县长", "role": "deputy", "domain": label})
        self.leaders.append({"id": "office", "title": "政府办公室主任", "role": "office_director"})

    @property
    def deputies(self) -> list[str]:
        return [x["id"] for x in self.leaders if x["role"] == "deputy"]

    def _supervisor_for(self, area: str, index: int) -> str:
        """The leader whose portfolio covers `area`; otherwise spread over exec and deputies."""
        if area in ("head", "exec"):
            return area
        for leader in self.leaders:
            if leader["id"] == f"dep-{area}":
                return leader["id"]
        candidates = ["exec", *self.deputies]
        return candidates[index % len(candidates)]

    def build_units(self) -> None:
        townships = min(len(TOWNSHIPS), self.params.units // 3)
        departments = self.params.units - townships
        for index in range(departments):
            if index < len(DEPARTMENTS):
                template = DEPARTMENTS[index]
            else:
                number = index + 1
                template = UnitTemplate(f"unit-{number:03d}", f"县直属单位{number}", "", GENERIC_TOPICS)
            supervisor = self._supervisor_for(template.area, index)
            self.units.append({"id": template.id, "name": template.name, "kind": "department",
                               "supervisor": supervisor})
            self.topics[template.id] = template.topics
        # Townships are linked to the executive deputy and deputies in turn (联系乡镇).
        linkers = ["exec", *self.deputies]
        for index, template in enumerate(TOWNSHIPS[:townships]):
            self.units.append({"id": template.id, "name": template.name, "kind": "township",
                               "supervisor": linkers[index % len(linkers)]})
            self.topics[template.id] = tuple(f"{template.name}{topic}" for topic in TOWNSHIP_TOPICS)
        self.units_by_id = {u["id"]: u for u in self.units}

    def unit(self, unit_id: str) -> dict[str, Any]:
        return self.units_by_id[unit_id]

    def ids_of_kind(self, kind: str) -> list[str]:
        return [u["id"] for u in self.units if u["kind"] == kind]

    def build_rooms(self) -> list[dict[str, Any]]:
        """Rooms that seat a standing meeting and a plenary/county-wide gathering at any size."""
        leaders, units = self.params.leaders, self.params.units
        standing_seats = max(40, -(-(leaders + 20) // 10) * 10)  # leaders, justice, reporting units
        hall_seats = max(300, -(-(leaders + units + 50) // 50) * 50)
        return [
            {"id": "r-standing", "name": "常务会议室", "capacity": standing_seats},
            {"id": "r-first", "name": "第一会议室", "capacity": 30},
            {"id": "r-second", "name": "第二会议室", "capacity": 16},
            {"id": "r-hall", "name": "大礼堂", "capacity": hall_seats},
        ]

    # ----- calendars -----------------------------------------------------------------------
    def _absence(self, who: str, month: _Month, taken: set[date]) -> dict[str, Any] | None:
        """One absence of 1-5 working days or half a day in `month`, avoiding the days in `taken`."""
        rng = self.rng
        kind = _weighted(rng, {"visit": 3, "trip": 45, "study": 12, "training": 10, "leave": 20, "other": 10})
        half = rng.random() < 0.25 and kind in ("leave", "other")
        length = 1 if half else rng.randint(1, 5)
        for _attempt in range(4):
            first = rng.randrange(max(1, len(month.days) - length + 1))
            span = month.days[first:first + length]
            if not taken.intersection(span):
                break
        else:
            return None
        taken.update(span)
        record: dict[str, Any] = {"who": who, "from": _iso(span[0]), "to": _iso(span[-1]), "kind": kind,
                                  "note": rng.choice(ABSENCE_NOTES[kind])}
        if half:
            record["half"] = rng.choice(("am", "pm"))
        return record

    def build_absences(self) -> list[dict[str, Any]]:
        """Leaders' and unit heads' absences (Art. 61); head and exec never away together (Art. 6, 42)."""
        absences: list[dict[str, Any]] = []
        for month in self.months:
            presider_days: set[date] = set()  # days the head or the exec is away
            for leader in self.leaders:
                if self.rng.random() >= ABSENCE_RATE[leader["role"]]:
                    continue
                guards_presider = leader["role"] in ("county_head", "executive_deputy")
                taken = presider_days if guards_presider else set()
                record = self._absence(leader["id"], month, taken)
                if record is not None:
                    absences.append(record)
            for unit in self.units:
                if self.rng.random() < UNIT_ABSENCE_RATE:
                    record = self._absence(unit["id"], month, set())
                    if record is not None:
                        absences.append(record)
        return absences

    def build_commitments(self) -> list[dict[str, Any]]:
        """Congress standing committee sessions every other month (Art. 49) and superior inspections."""
        commitments: list[dict[str, Any]] = []
        for month in self.months:
            late_days = month.days[-8:]
            if month.month % 2 == 0:
                day = self.rng.choice(late_days)
                commitments.append({"id": f"npc-{month.year}-{month.month:02d}", "title": "县人大常委会会议",
                                    "date": _iso(day), "start": "10:00", "end": "13:00",
                                    "kind": "npc_standing_committee", "attendees": []})
            if month.month % 3 == 1:
                day = self.rng.choice(month.days)
                attendees = ["head", self.rng.choice(["exec", *self.deputies])]
                commitments.append({"id": f"insp-{month.year}-{month.month:02d}", "title": "迎接自治州督查组检查",
                                    "date": _iso(day), "start": "16:00", "end": "18:00", "kind": "inspection",
                                    "attendees": attendees})
        return commitments

    def history_unit(self) -> str:
        """The unit that held its county-wide meeting in early January (Art. 47 counts it)."""
        ids = [u["id"] for u in self.units]
        return "emergency" if "emergency" in ids else ids[-1]

    def build_history(self) -> list[dict[str, Any]]:
        # The generated months start in `year`, so the calendar covers its January.
        january = self.calendar.working_days(date(self.params.year, 1, 1), date(self.params.year, 1, 31))
        return [{"kind": "county_wide", "unit": self.history_unit(), "date": _iso(january[2])}]

    def held_prestudy(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Now and then the first pre-study meeting is recorded as already held (Art. 43: its items are
        then ready without it being planned)."""
        first = next((r for r in requests if r["kind"] == "thematic" and r.get("for_items")), None)
        if first is None or self.rng.random() >= SHARE_PRESTUDY_HELD:
            return []
        return [{"kind": "held", "request": first["id"], "date": first["earliest"]}]

    def congress_stand_ins(self, commitments: list[dict[str, Any]],
                           absences_so_far: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Now and then every deputy is away on a congress meeting's day, so the office director stands
        in (Art. 49: 特殊情况下，可委托政府办公室主任参加). Never on a day the director is away too: a
        generated county must have a plan."""
        def director_away(day: str) -> bool:  # ISO dates, which compare as strings
            return any(a["who"] == "office" and a["from"] <= day <= a["to"] for a in absences_so_far)

        absences = []
        for commitment in commitments:
            # The draw comes first so that skipping a day leaves the random stream as it was.
            if (commitment["kind"] == "npc_standing_committee" and self.rng.random() < SHARE_CONGRESS_STAND_IN
                    and not director_away(commitment["date"])):
                absences += [{"who": who, "from": commitment["date"], "to": commitment["date"], "kind": "trip",
                              "note": "赴州参加会议"} for who in ["exec", *self.deputies]]
        return absences

    # ----- agenda ----------------------------------------------------------------------------
    def _next_item_id(self) -> str:
        self.item_count += 1
        return f"Y-{self.item_count:0{self.item_width}d}"

    def _title(self, matter: str, unit_id: str, topic: str, year: int) -> str:
        template = self.rng.choice(TITLE_TEMPLATES[matter])
        return template.format(topic=topic, unit=self.unit(unit_id)["name"], year=year - 1)

    def _item(self, month: _Month, departments: list[str], townships: list[str]) -> tuple[dict[str, Any], str]:
        """A standing-meeting item drawn for `month`, with its topic; its id is given once sorted."""
        rng = self.rng
        # Departments submit most requests; townships now and then.
        unit_id = rng.choice(townships) if townships and rng.random() < 0.2 else rng.choice(departments)
        topic = rng.choice(self.topics[unit_id])
        matters = [_weighted(rng, MATTER_WEIGHTS)]
        if matters[0] == "projects" and rng.random() < 0.4:
            matters.append("funds")
        submitted_index = rng.randrange(len(month.days))
        item: dict[str, Any] = {
            "id": "",
            "title": self._title(matters[0], unit_id, topic, month.year),
            "unit": unit_id,
            "supervisor": self.unit(unit_id)["supervisor"],
            "body": "standing",
            "minutes": _weighted(rng, MINUTE_WEIGHTS),
            "submitted": _iso(month.days[submitted_index]),
            "pre_studied": True,
            "consensus": not (CONSENSUS_MATTERS.intersection(matters) and rng.random() < SHARE_NO_CONSENSUS),
            "matters": matters,
            "priority": _weighted(rng, {1: 20, 2: 55, 3: 25}),
        }
        if rng.random() < SHARE_ATTENDING:
            others = [u for u in departments if u != unit_id]
            item["attending_units"] = rng.sample(others, min(len(others), rng.randint(1, 2)))
        if rng.random() < SHARE_DEADLINE:
            position = self.span_days.index(month.days[submitted_index]) + rng.randint(10, 25)
            item["deadline"] = _iso(self.span_days[min(position, len(self.span_days) - 1)])
        return item, topic

    def _plenary_item(self, month: _Month, title: str) -> tuple[dict[str, Any], str]:
        """An item for the year's plenary meeting (Art. 41), reported by development and reform."""
        unit_id = "drc" if "drc" in self.units_by_id else "justice"
        return {"id": "", "title": title, "unit": unit_id, "supervisor": "head", "body": "plenary",
                "minutes": 30, "submitted": _iso(month.days[min(2, len(month.days) - 1)]), "pre_studied": True,
                "consensus": True, "matters": ["other"], "priority": 1}, "政府工作报告"

    def build_agenda(self) -> list[dict[str, Any]]:
        agenda: list[dict[str, Any]] = []
        departments, townships = self.ids_of_kind("department"), self.ids_of_kind("township")
        for month in self.months:
            # January and July bring items for the year's one or two plenary meetings.
            plenary_titles = {1: PLENARY_TITLES[:1], 7: PLENARY_TITLES[1:]}.get(month.month, ())
            plenary = [self._plenary_item(month, t) for t in plenary_titles[: self.params.items_per_month]]
            standing_count = self.params.items_per_month - len(plenary)
            standing = [self._item(month, departments, townships) for _ in range(standing_count)]
            # Ids follow the order of submission, as an office registers requests; ties keep draw order.
            for item, topic in sorted([*plenary, *standing], key=lambda pair: pair[0]["submitted"]):
                item["id"] = self._next_item_id()
                self.topic_of_item[item["id"]] = topic
                month.items.append(item)
            agenda.extend(month.items)
        return agenda

    # ----- meeting requests ----------------------------------------------------------------
    def _next_request_id(self) -> str:
        self.request_count += 1
        return f"M-{self.request_count:0{self.request_width}d}"

    def _window(self, earliest: date, min_days: int, max_days: int) -> tuple[str, str]:
        """A window from `earliest` lasting a random number of working days, clipped to the span."""
        start = self.span_days.index(earliest)
        end = min(len(self.span_days) - 1, start + self.rng.randint(min_days, max_days))
        return _iso(earliest), _iso(self.span_days[end])

    def _thematic(self, month: _Month, quota: int) -> dict[str, Any]:
        """A thematic meeting (Art. 43, 46) that pre-studies up to `quota` items of one supervisor."""
        rng = self.rng
        early = set(month.days[: max(1, int(len(month.days) * EARLY_SHARE_OF_MONTH))])
        candidates = [i for i in month.items
                      if i["body"] == "standing" and i["pre_studied"] and date.fromisoformat(i["submitted"]) in early]
        if quota > 0 and candidates:
            convener = rng.choice(candidates)["supervisor"]
            chosen = [i for i in candidates if i["supervisor"] == convener][:quota]
        else:
            convener = rng.choice(["exec", *self.deputies])
            chosen = []
        for item in chosen:
            item["pre_studied"] = False
        if chosen:
            last_submitted = self.span_days.index(max(date.fromisoformat(i["submitted"]) for i in chosen))
            opens = self.span_days[min(last_submitted + 1, len(self.span_days) - 1)]
            topic = self.topic_of_item[chosen[0]["id"]]
            units = list(dict.fromkeys(i["unit"] for i in chosen))
        else:
            opens = rng.choice(month.days)
            own = [u["id"] for u in self.units if u["supervisor"] == convener] or [self.units[0]["id"]]
            units = rng.sample(own, min(len(own), 2))
            topic = rng.choice(self.topics[units[0]])
        earliest, latest = self._window(opens, 5, 15)
        request: dict[str, Any] = {"id": self._next_request_id(), "kind": "thematic",
                                   "title": f"研究{topic}等事项专题会议", "convener": convener,
                                   "required": [convener, *units], "minutes": rng.choice((60, 90)),
                                   "earliest": earliest, "latest": latest}
        if chosen:
            request["for_items"] = [i["id"] for i in chosen]
        elif not any(u["supervisor"] == convener for u in self.units if u["id"] in units):
            request["commissioned"] = True  # not the convener's portfolio: the head commissioned it (Art. 46)
        return request

    def _study(self, month: _Month) -> dict[str, Any]:
        """The study session of the two-month window `month` opens (Art. 50): the head presides."""
        every = Policy().study_every_months
        window_end_month = (month.month - 1) // every * every + every
        end_key = (month.year, min(window_end_month, 12))
        window_days = [d for m in self.months if (m.year, m.month) >= (month.year, month.month)
                       and (m.year, m.month) <= end_key for d in m.days]
        theme = self.rng.choice(STUDY_THEMES)
        others = [x["id"] for x in self.leaders if x["id"] != "head"]
        return {"id": self._next_request_id(), "kind": "study", "title": f"县人民政府专题学习会（{theme}）",
                "convener": "head", "required": ["head"], "preferred": others, "minutes": Policy().study_minutes,
                "earliest": _iso(window_days[0]), "latest": _iso(window_days[-1])}

    def _county_wide(self, month: _Month, requested: list[str]) -> dict[str, Any]:
        """A unit's county-wide meeting (Art. 47); the first repeats the unit already in history."""
        rng = self.rng
        departments = self.ids_of_kind("department")
        if not requested:
            unit_id = self.history_unit()
        elif rng.random() < 0.2:
            unit_id = rng.choice(requested)  # a second request this year: Art. 47 rejects one
        else:
            unit_id = rng.choice(departments)
        requested.append(unit_id)
        supervisor = self.unit(unit_id)["supervisor"]
        others = [u["id"] for u in self.units if u["id"] != unit_id]
        invited = rng.sample(others, min(len(others), rng.randint(10, 15)))
        earliest, latest = self._window(rng.choice(month.days[: max(1, len(month.days) // 2)]), 5, 20)
        # Mostly the unit's own meeting; now and then its supervising leader convenes and attends it.
        convener = unit_id if rng.random() < SHARE_UNIT_CONVENES else supervisor
        required = [unit_id, *invited] if convener == unit_id else [supervisor, unit_id, *invited]
        return {"id": self._next_request_id(), "kind": "county_wide",
                "title": f"全县{rng.choice(self.topics[unit_id])}工作会议", "convener": convener,
                "unit": unit_id, "required": required, "minutes": rng.choice((90, 120)),
                "earliest": earliest, "latest": latest}

    def _ad_hoc_standing(self, month: _Month) -> dict[str, Any]:
        """An ad hoc standing meeting the head calls (Art. 42), beyond the month's count."""
        earliest, latest = self._window(self.rng.choice(month.days), 2, 5)
        return {"id": self._next_request_id(), "kind": "standing", "title": "县政府临时常务会议",
                "convener": "head", "required": ["head"], "minutes": 90, "earliest": earliest, "latest": latest}

    def _head_office(self, month: _Month) -> dict[str, Any]:
        """A county head office meeting (Art. 46) on one unit's matters."""
        rng = self.rng
        unit_id = rng.choice([u["id"] for u in self.units])
        supervisor = self.unit(unit_id)["supervisor"]
        required = list(dict.fromkeys(["head", supervisor, unit_id]))
        partners = [u["id"] for u in self.units if u["id"] not in required]
        preferred = rng.sample(partners, min(len(partners), rng.randint(1, 3)))
        earliest, latest = self._window(rng.choice(month.days), 5, 15)
        return {"id": self._next_request_id(), "kind": "county_head_office",
                "title": f"县长办公会议研究{rng.choice(self.topics[unit_id])}有关事项", "convener": "head",
                "required": required, "preferred": preferred, "minutes": rng.choice((90, 120)),
                "earliest": earliest, "latest": latest}

    def build_requests(self) -> list[dict[str, Any]]:
        requests: list[dict[str, Any]] = []
        requested_county_wide: list[str] = []
        every = Policy().study_every_months
        per_month = self.params.requests_each_month
        for position, month in enumerate(self.months):
            kinds: list[str] = []
            if per_month and (position == 0 or (month.month - 1) % every == 0):
                kinds.append("study")
            kinds.extend(REQUEST_CYCLE[i % len(REQUEST_CYCLE)] for i in range(per_month - len(kinds)))
            if kinds and kinds[-1] != "study" and self.rng.random() < SHARE_AD_HOC_STANDING:
                kinds[-1] = "standing"
            thematic_slots = kinds.count("thematic")
            to_study = round(SHARE_NOT_PRE_STUDIED * len(month.items))
            quota = -(-to_study // thematic_slots) if thematic_slots else 0
            for kind in kinds:
                if kind == "study":
                    requests.append(self._study(month))
                elif kind == "thematic":
                    requests.append(self._thematic(month, quota))
                elif kind == "county_wide":
                    requests.append(self._county_wide(month, requested_county_wide))
                elif kind == "standing":
                    requests.append(self._ad_hoc_standing(month))
                else:
                    requests.append(self._head_office(month))
        return requests

    def build(self) -> dict[str, Any]:
        self.build_leaders()
        self.build_units()
        rooms = self.build_rooms()
        absences = self.build_absences()
        commitments = self.build_commitments()
        history = self.build_history()
        agenda = self.build_agenda()
        requests = self.build_requests()
        history += self.held_prestudy(requests)
        absences += self.congress_stand_ins(commitments, absences)
        return {
            "version": 1,
            "name": f"生成场景 seed={self.params.seed}",
            "calendar": {"region": "CN", "local_holidays": [],
                         "office_hours": [[fmt_minutes(a), fmt_minutes(b)] for a, b in OFFICE_HOURS],
                         "grain_minutes": GRAIN_MINUTES},
            "rooms": rooms,
            "leaders": self.leaders,
            "units": self.units,
            "absences": absences,
            "commitments": commitments,
            "history": history,
            "policy": policy_mapping(Policy()),
            "agenda": agenda,
            "meeting_requests": requests,
            "flow": {},
        }


def policy_mapping(policy: Policy) -> dict[str, Any]:
    """The policy's numbers as a scenario file writes them (weights are left to their defaults)."""
    values = asdict(policy)
    return {f.name: list(values[f.name]) if isinstance(values[f.name], tuple) else values[f.name]
            for f in fields(policy) if f.name != "weights"}


def generate_scenario_mapping(*, leaders: int = 12, units: int = 30, items_per_month: int = 15, months: int = 1,
                              seed: int = 0, year: int = 2024, start_month: int = 1,
                              requests_per_month: int | None = None) -> dict[str, Any]:
    """A v1 scenario mapping (ISO date strings) ready for YAML or `scenario_from_mapping`.

    Raises ValueError naming the argument when the arguments cannot describe a county.
    """
    params = GeneratorParams(leaders, units, items_per_month, months, seed, year, start_month, requests_per_month)
    params.validate()
    return _Builder(params).build()


def _header(what: tuple[str, str], arguments: Mapping[str, object]) -> str:
    """The comment a generated file opens with: what it is (English, Chinese) and the arguments that
    make it again."""
    named = " ".join(f"{name}={value}" for name, value in arguments.items())
    return (f"# govcal generated {what[0]} (scheduler.generate): {named}\n"
            f"# Same arguments, same file. 由 govcal 按随机种子生成的{what[1]}，参数同上。\n")


def generate_scenario_yaml(*, leaders: int = 12, units: int = 30, items_per_month: int = 15, months: int = 1,
                           seed: int = 0, year: int = 2024, start_month: int = 1,
                           requests_per_month: int | None = None) -> str:
    """The generated scenario as YAML text with a header comment naming its arguments."""
    params = GeneratorParams(leaders, units, items_per_month, months, seed, year, start_month, requests_per_month)
    return _header(("scenario", "场景"), asdict(params)) + _dump(generate_scenario_mapping(**asdict(params)))


def _dump(mapping: dict[str, Any]) -> str:
    # libyaml's emitter when present: the large benchmark scenarios dump ten times faster.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(mapping, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=4096)


def generate_scenario(*, leaders: int = 12, units: int = 30, items_per_month: int = 15, months: int = 1,
                      seed: int = 0, year: int = 2024, start_month: int = 1,
                      requests_per_month: int | None = None) -> Scenario:
    """The generated scenario, validated by `scheduler.scenario` exactly as a file would be."""
    from scheduler.scenario import scenario_from_mapping  # lazy: scenario imports heavier parsing code

    params = GeneratorParams(leaders, units, items_per_month, months, seed, year, start_month, requests_per_month)
    return scenario_from_mapping(generate_scenario_mapping(**asdict(params)), f"<generated seed={seed}>")


# ----- a meeting-heavy week ---------------------------------------------------------------------------


# The week of the public meeting-scheduling benchmark: the demo data of Timefold's meeting-scheduling
# quickstart (Python edition, github.com/TimefoldAI/timefold-quickstarts, Apache-2.0), reimplemented:
# the same distributions, drawn in the same order from `random.Random(seed)` (two name choices per
# person, a duration per meeting, then a required count and sample per meeting, then a preferred count
# and sample of those not required), so that 20 people, 3 rooms, 24 requests and seed 0 give exactly
# its meetings. (count, weight) pairs:
WEEK_QUARTERS = ((8, 1), (12, 1), (16, 1))
WEEK_REQUIRED = ((2, 0.45), (3, 0.15), (4, 0.10), (5, 0.10), (6, 0.08), (7, 0.05), (8, 0.04), (10, 0.03))
WEEK_PREFERRED = ((1, 0.25), (2, 0.30), (3, 0.20), (4, 0.10), (5, 0.06), (6, 0.04), (7, 0.02), (8, 0.02),
                  (9, 0.01), (10, 0.00))
WEEK_NAME_CHOICES = (27, 20)  # the sizes of the quickstart's first- and last-name lists
WEEK_ROOMS = (30, 20, 16)
WEEK_DAYS = 4
WEEK_HOURS = ((8 * 60, 18 * 60),)  # 40 quarter-hours a day


def _draw(rng: random.Random, distribution: tuple[tuple[int, float], ...]) -> int:
    counts, weights = zip(*distribution, strict=True)
    (count,) = rng.choices(population=counts, weights=weights)
    return count


def week_meetings(people: int, requests: int, seed: int) -> list[tuple[int, list[int], list[int]]]:
    """(quarter-hours, required people, preferred people) of each meeting, people by index, drawn as
    the public benchmark's generator draws them."""
    rng = random.Random(seed)
    for _ in range(people):
        for choices in WEEK_NAME_CHOICES:
            rng.choice(range(choices))
    everyone = list(range(people))
    quarters = [_draw(rng, WEEK_QUARTERS) for _ in range(requests)]
    required = [rng.sample(everyone, min(people, _draw(rng, WEEK_REQUIRED))) for _ in range(requests)]
    preferred: list[list[int]] = []
    for needed in required:
        count = _draw(rng, WEEK_PREFERRED)
        available = [p for p in everyone if p not in needed]
        preferred.append(rng.sample(available, count) if len(available) >= count else [])
    return list(zip(quarters, required, preferred, strict=True))


def generate_meeting_week_mapping(*, people: int = 20, rooms: int = 3, requests: int = 24, seed: int = 0,
                                  year: int = 2024, week: int = 20) -> dict[str, Any]:
    """A week of requested meetings of the public meeting-scheduling benchmark's shape: `requests`
    meetings of 2, 3 or 4 hours among `people` leaders, each with 2-10 required and 1-9 preferred
    attendees, in `rooms` rooms of 30, 20 and 16 seats (16 beyond), over the first four working days of
    ISO week `week`, 08:00-18:00 on the quarter-hour; no agenda items. The defaults with seed 0 are the
    benchmark's own week (see the comment above).

    Person 0 is the county head, 1 the executive deputy, the last the office director and the others
    deputies; each meeting is a thematic meeting (Art. 46) convened by its first required attendee who
    may convene one (a deputy by the head's commission). No standing, plenary or study meeting is due in
    a week.
    """
    if people < 4:
        raise ValueError(f"people must be at least 4 (head, executive deputy, a deputy, office director), got {people}")
    if rooms < 1 or requests < 0:
        raise ValueError(f"rooms must be at least 1 and requests 0 or more, got {rooms} and {requests}")
    spec = CalendarSpec(region="CN", office_hours=WEEK_HOURS, grain_minutes=GRAIN_MINUTES)
    calendar = WorkCalendar(spec, year, year)
    monday = date.fromisocalendar(year, week, 1)
    days = calendar.working_days(monday, date.fromordinal(monday.toordinal() + 6))[:WEEK_DAYS]
    if not days:
        raise ValueError(f"ISO week {week} of {year} has no working day")
    leaders = [{"id": "head", "title": "县长", "role": "county_head"},
               {"id": "exec", "title": "常务副县长", "role": "executive_deputy"}]
    for index in range(people - 3):
        slug, domain = DEPUTY_DOMAINS[index % len(DEPUTY_DOMAINS)]
        round_ = index // len(DEPUTY_DOMAINS)
        leaders.append({"id": f"dep-{slug}" + (f"-{round_ + 1}" if round_ else ""), "title": "副县长",
                        "role": "deputy", "domain": domain + (f"（协管{round_}）" if round_ else "")})
    leaders.append({"id": "office", "title": "政府办公室主任", "role": "office_director"})
    ids = [x["id"] for x in leaders]
    capacities = [*WEEK_ROOMS[:rooms], *[WEEK_ROOMS[-1]] * max(0, rooms - len(WEEK_ROOMS))]
    meeting_requests = []
    for number, (quarters, required, preferred) in enumerate(week_meetings(people, requests, seed), start=1):
        convener = next(ids[p] for p in required if ids[p] != "office")
        meeting_requests.append({
            "id": f"W-{number:03d}", "kind": "thematic", "title": f"专题会议（第{number}项）", "convener": convener,
            "required": [ids[p] for p in required],
            "preferred": [ids[p] for p in preferred], "minutes": quarters * GRAIN_MINUTES,
            "earliest": days[0].isoformat(), "latest": days[-1].isoformat(),
            # A deputy convenes a thematic meeting outside any portfolio by the head's commission (Art. 46).
            **({"commissioned": True} if convener != "head" else {})})
    return {
        "version": 1, "name": f"会议密集周 seed={seed}",
        "calendar": {"region": "CN", "local_holidays": [],
                     "office_hours": [[fmt_minutes(a), fmt_minutes(b)] for a, b in WEEK_HOURS],
                     "grain_minutes": GRAIN_MINUTES},
        "rooms": [{"id": f"r{k + 1}", "name": f"第{k + 1}会议室", "capacity": c} for k, c in enumerate(capacities)],
        "leaders": leaders,
        "units": [{"id": "justice", "name": "县司法局", "kind": "department", "supervisor": "exec"}],
        "policy": {**policy_mapping(Policy()), "study_every_months": 0},
        "meeting_requests": meeting_requests,
        "flow": {},
    }


def generate_meeting_week_yaml(*, people: int = 20, rooms: int = 3, requests: int = 24, seed: int = 0,
                               year: int = 2024, week: int = 20) -> str:
    """`generate_meeting_week_mapping` as YAML text with a header comment naming its arguments."""
    arguments = dict(people=people, rooms=rooms, requests=requests, seed=seed, year=year, week=week)
    return _header(("meeting-heavy week", "会议密集周"), arguments) + _dump(generate_meeting_week_mapping(**arguments))


def generate_meeting_week(**arguments: Any) -> Scenario:
    """`generate_meeting_week_mapping`, loaded through `scheduler.scenario` like any file."""
    from scheduler.scenario import scenario_from_mapping

    return scenario_from_mapping(generate_meeting_week_mapping(**arguments), "<meeting week>")
