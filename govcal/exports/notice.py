"""会议通知: the notice the general office sends before a standing, plenary or county head office meeting.

One Word document per meeting, written with python-docx (a maintained library that writes real
.docx files, which Word and WPS open). It gives the time, place and presider, the attending leaders
and units, the items in running order with their reporting units and minutes, the deadline for
materials (Art. 43: 议题和文件于会前送达, `policy.materials_lead_working_days` working days before
the meeting), the rule on deputies and staff (Art. 44), the issuing office and the date of issue. An
empty standing or plenary meeting, held only for the rules' count (Art. 42, 41), says so.

Layout after the national standard for official documents (GB/T 9704-2012): A4 with its margins,
the title in 2号 (22 pt) 小标宋, the body in 3号 (16 pt) 仿宋 on a fixed 28 pt line, first-level
headings in 黑体 and second-level ones in 楷体, page numbers in the footer. Fonts are named in each
run's East Asian slot (w:eastAsia) and declared in the font table with the font Word and WPS take
when the named one is missing (w:altName: 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体).

Same plan, same bytes: the document properties are dated from the plan, and the zip is rewritten
with fixed member dates and order (govcal.exports.package).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.font import CT_RPr
from docx.section import Section as PageSection
from docx.shared import Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.run import Run
from lxml import etree

from govcal.exports.package import repack
from govcal.view import (
    ItemRow,
    attendee_names,
    display_width,
    item_rows,
    join_names,
    party_name,
    party_names,
    plan_calendar,
    room_name,
    safe_id,
    time_span,
    weekday_name,
)
from scheduler.calendar import CN_YEARS, FREE_YEARS, WorkCalendar, calendar_for
from scheduler.domain import Office, Scenario
from scheduler.finish import notice_day
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, PlannedMeeting
from scheduler.rules import cite_articles, zh_numeral

# Meetings the office sends a written notice for (Art. 41, 42, 46, 50); a county-wide meeting is
# the holding unit's own, which sends its own notice.
NOTICE_KINDS = ("standing", "plenary", "study", "thematic", "county_head_office")
# Meetings whose agenda is a table of items (Art. 43); the others have a subject (their title).
AGENDA_KINDS = ("standing", "plenary")
# The article that has each kind of meeting held and says who presides (the notice's basis).
KIND_ARTICLE = {"study": "50", "thematic": "46", "county_head_office": "46"}
# The article that makes an empty meeting of this kind worth holding (its count).
COUNT_ARTICLE = {"standing": "42", "plenary": "41"}


@dataclass(frozen=True, slots=True)
class Font:
    """A Chinese font by name, the installed font to use without it, and the font for Latin text."""

    name: str
    fallback: str | None
    latin: str = "Times New Roman"


TITLE_FONT = Font("方正小标宋简体", "宋体")
BODY_FONT = Font("仿宋_GB2312", "仿宋")
HEADING_FONT = Font("黑体", None)  # ships with Windows and WPS
SUB_HEADING_FONT = Font("楷体_GB2312", "楷体")
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(14)
BODY_LINE, TITLE_LINE, TABLE_LINE = Pt(28), Pt(35), Pt(22)
INDENT = Pt(32)  # two characters of 3号 text
# GB/T 9704-2012: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 x 225 mm text block).
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Mm(156)
CELL_PADDING = Mm(4)  # both sides of a cell's text (Word's default 0.19 cm each, rounded up)
NUMBER_COLUMN = Mm(12)
ITEM_TITLE_MINIMUM = Mm(50)
FONT_TABLE = "word/fontTable.xml"


# ----- what the notice says -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """One numbered part of the notice (一、会议时间): text on the heading's line, sub-points (（一）…),
    or a table (header row first)."""

    heading: str
    text: str = ""
    points: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Notice:
    meeting_id: str
    number: str  # 〔2024〕　　号: the clerk fills in the prefix and the number
    title: str
    addressees: str
    opening: str
    sections: tuple[Section, ...]
    issuer: str
    issued_on: date
    contact: str = ""  # 联系人：王明　电话：0908-1234567


def notice_meetings(plan: Plan) -> list[PlannedMeeting]:
    return sorted((m for m in plan.meetings if m.kind in NOTICE_KINDS), key=lambda m: (m.date, m.start, m.id))


def notice_file_name(meeting: PlannedMeeting) -> str:
    return f"{safe_id(meeting.id)}.docx"


def notice_calendar(plan: Plan, scenario: Scenario) -> WorkCalendar:
    """The plan's calendar reaching back into the year before its period where data exist: a meeting
    early in January has its materials deadline, and its notice, in December."""
    calendar = plan_calendar(plan, scenario)
    known = CN_YEARS if scenario.calendar.region == "CN" else FREE_YEARS
    first = plan.period_from.year - 1
    if calendar.first.year <= first or first < known.start:
        return calendar
    return calendar_for(scenario.calendar, (first, calendar.last.year - 1))


def materials_deadline(meeting: PlannedMeeting, scenario: Scenario, calendar: WorkCalendar) -> date:
    """The working day `materials_lead_working_days` before the meeting: materials reach the
    participants before it (Art. 43); never before the notice asking for them."""
    due = calendar.add_working_days(meeting.date, -scenario.policy.materials_lead_working_days)
    return max(due, meeting.notice_date) if meeting.notice_date is not None else due


def issue_date(meeting: PlannedMeeting, plan: Plan, scenario: Scenario, calendar: WorkCalendar) -> date:
    """The day the notice bears: the plan's `notice_date` of the meeting (never before the day the plan
    was made as of); a plan without one (hand-made, or from an older govcal) gets the same rule's day
    (`scheduler.finish.notice_day`)."""
    if meeting.notice_date is not None:
        return meeting.notice_date
    return notice_day(calendar, scenario.policy.materials_lead_working_days, plan.period_from, meeting.date,
                      plan.today)


def full_date(day: date, lang: Lang) -> str:
    return t("ui.notice.full_date", lang, year=day.year, month=day.month, day=day.day,
             month_name=t(f"ui.month.{day.month}", lang))


def date_with_weekday(day: date, lang: Lang) -> str:
    return t("ui.notice.date_weekday", lang, date=full_date(day, lang), weekday=weekday_name(day, lang))


def numbered(number: int, section: Section, lang: Lang) -> Section:
    return replace(section, heading=t("ui.notice.heading", lang, label=section.heading,
                                      number=zh_numeral(number) if lang == "zh" else number))


def notice_title(meeting: PlannedMeeting, lang: Lang) -> str:
    """关于召开县政府第5次常务会议的通知. A title such as 县长办公会议：研究…问题 loses its colon,
    as a notice's subject reads (关于召开县长办公会议研究…问题的通知)."""
    title = meeting.title.replace("：", "") if lang == "zh" else meeting.title
    return t("ui.notice.title", lang, title=title)


def items_section(meeting: PlannedMeeting, scenario: Scenario, lang: Lang) -> Section:
    """The agenda: the items in running order as a table, or why there are none (an empty meeting held
    for the rules' count, Art. 42 / 41)."""
    rows = item_rows(meeting, scenario, lang)
    if not rows:
        basis = cite_articles((COUNT_ARTICLE.get(meeting.kind, "42"),), lang)
        return Section(t("ui.notice.items", lang), points=(t(f"ui.notice.no_items.{meeting.kind}", lang, basis=basis),))
    header = tuple(t(f"ui.notice.col.{key}", lang) for key in ("item", "unit", "minutes"))
    separator = join_names(("", ""), lang)

    def item_cell(row: ItemRow) -> str:
        """The title, then the units attending for the item one a line, so no name breaks (Art. 44)."""
        attending = [t("ui.notice.attending", lang, unit=unit) for unit in row.attending_units.split(separator)
                     if unit]
        return "\n".join((row.title, *attending))

    return Section(t("ui.notice.items", lang), table=(
        (t("ui.col.number", lang), *header),
        *((str(row.number), item_cell(row), row.unit, "" if row.minutes is None else str(row.minutes))
          for row in rows),
    ))


def office_name(scenario: Scenario, lang: Lang) -> str:
    """The issuing office: the scenario's `office.name`, else the county's general office named after the
    county government (乌恰县人民政府 2024 -> 乌恰县人民政府办公室)."""
    if scenario.office.name != Office().name:
        return scenario.office.name
    county, found, _ = scenario.name.partition("人民政府")
    if lang == "zh" and found and county:
        return f"{county}人民政府办公室"
    return t("ui.notice.issuer", lang)


def notice_content(meeting: PlannedMeeting, plan: Plan, scenario: Scenario, lang: Lang,
                   calendar: WorkCalendar | None = None) -> Notice:
    """What the notice of `meeting` says, in `lang`."""
    calendar = calendar or notice_calendar(plan, scenario)
    leaders = [meeting.presider] if meeting.presider not in meeting.attendees else []
    leaders += [party for party in meeting.attendees if party in scenario.leader_ids]
    units = [party for party in meeting.attendees if party not in scenario.leader_ids]
    deadline = date_with_weekday(materials_deadline(meeting, scenario, calendar), lang)
    none = t("ui.notice.none", lang)
    sections = [
        Section(t("ui.notice.time", lang), t("ui.notice.when", lang, date=date_with_weekday(meeting.date, lang),
                                             time=time_span(meeting.start, meeting.end))),
        Section(t("ui.notice.place", lang), room_name(meeting.room, scenario) or none),
        Section(t("ui.notice.presider", lang), party_name(scenario, meeting.presider)),
        Section(t("ui.notice.leaders", lang), party_names(leaders, scenario, lang)),
        Section(t("ui.notice.units.plenary" if meeting.kind == "plenary" else "ui.notice.units", lang),
                attendee_names(meeting, units, scenario, lang) or none),
    ]
    if meeting.kind not in AGENDA_KINDS:
        # A county head office, thematic or study meeting (Art. 46, 50): its subject is its title, it has
        # no agenda items, and the units prepare beforehand; Art. 44 speaks of plenary and standing
        # meetings only.
        sections.append(Section(t("ui.notice.subject", lang), meeting.title))
        requirements = (t(f"ui.notice.materials.{meeting.kind}", lang, deadline=deadline,
                          basis=cite_articles((KIND_ARTICLE[meeting.kind],), lang)),)
    else:
        sections.append(items_section(meeting, scenario, lang))
        requirements = (t("ui.notice.materials", lang, deadline=deadline, basis=cite_articles(("43",), lang)),
                        t("ui.notice.leave", lang, basis=cite_articles(("44",), lang)))
        if meeting.kind == "standing":  # 参加常务会议，除议题主要汇报单位负责人可带一名工作人员外 (Art. 44)
            requirements += (t("ui.notice.staff", lang, basis=cite_articles(("44",), lang)),)
    sections.append(Section(t("ui.notice.requirements", lang), points=requirements))
    issued_on = issue_date(meeting, plan, scenario, calendar)
    return Notice(
        meeting_id=meeting.id,
        number=t("ui.notice.number", lang, prefix=scenario.office.doc_prefix, year=issued_on.year),
        title=notice_title(meeting, lang),
        addressees=t("ui.notice.addressees", lang),
        opening=t("ui.notice.opening", lang, date=date_with_weekday(meeting.date, lang), title=meeting.title),
        sections=tuple(numbered(number, section, lang) for number, section in enumerate(sections, start=1)),
        issuer=office_name(scenario, lang),
        issued_on=issued_on,
        contact=t("ui.notice.contact", lang, contact=scenario.office.contact, phone=scenario.office.phone)
        if scenario.office.contact or scenario.office.phone else "",
    )


# ----- how it is laid out -------------------------------------------------------------------


def set_fonts(properties: CT_RPr, font: Font) -> None:
    """Name `font` for Latin and East Asian text on a run or style's w:rPr.

    python-docx's ``font.name`` sets only the Latin slots; Chinese text is drawn with the
    w:eastAsia font, which has to be set on the XML.
    """
    fonts = properties.get_or_add_rFonts()
    for theme_slot in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_slot), None)  # a theme font would win over the named one
    for slot, name in (("w:ascii", font.latin), ("w:hAnsi", font.latin), ("w:cs", font.latin),
                       ("w:eastAsia", font.name)):
        fonts.set(qn(slot), name)
    fonts.set(qn("w:hint"), "eastAsia")


def paragraph_style(document: WordDocument, name: str, font: Font, size: Pt, line: Pt, *,
                    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY, first_indent: Pt | None = None,
                    space_after: Pt | None = None) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = size
    set_fonts(style.element.get_or_add_rPr(), font)
    layout = style.paragraph_format
    layout.alignment = align
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = line
    layout.space_before, layout.space_after = Pt(0), space_after or Pt(0)
    layout.first_line_indent = first_indent
    return style


def font_table_entries() -> bytes:
    """w:font elements for the fonts the notice names, each with its fallback (w:altName) and the
    GB2312 character set, so that Word and WPS substitute a Chinese font of the same family."""
    entries = []
    for font in (TITLE_FONT, BODY_FONT, HEADING_FONT, SUB_HEADING_FONT):
        alternative = f'<w:altName w:val="{font.fallback}"/>' if font.fallback else ""
        entries.append(f'<w:font w:name="{font.name}">{alternative}<w:charset w:val="86"/>'
                       f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>')
    return "".join(entries).encode("utf-8")


def with_notice_fonts(font_table: bytes) -> bytes:
    table = parse_xml(font_table)
    for entry in parse_xml(f"<w:fonts {nsdecls('w')}>".encode() + font_table_entries() + b"</w:fonts>"):
        table.append(entry)
    return etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_page_number(page: PageSection) -> None:
    """``— 1 —`` centred in the footer, from a PAGE field."""
    paragraph = page.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    number.append(text)
    field.append(number)
    paragraph._p.append(field)
    paragraph._p.append(paragraph.add_run(" —")._r)


def run_in(run: Run, font: Font) -> Run:
    set_fonts(run._r.get_or_add_rPr(), font)
    return run


def notice_docx(notice: Notice, lang: Lang) -> bytes:
    """The .docx bytes of `notice`; the same notice gives the same bytes."""
    document = Document()
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # the template's preview of an empty English page
            del package.rels[rel_id]

    page = document.sections[0]
    page.orientation = WD_ORIENT.PORTRAIT
    page.page_width, page.page_height = PAGE
    page.top_margin, page.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    page.left_margin, page.right_margin = MARGINS["left"], MARGINS["right"]
    add_page_number(page)

    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    rpr = normal.element.get_or_add_rPr()
    set_fonts(rpr, BODY_FONT)
    language = OxmlElement("w:lang")  # the template's default marks East Asian text as en-US
    language.set(qn("w:val"), "en-US" if lang == "en" else "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")
    rpr.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    title = paragraph_style(document, "govcal Notice Title", TITLE_FONT, TITLE_SIZE, TITLE_LINE,
                            align=WD_ALIGN_PARAGRAPH.CENTER, space_after=BODY_LINE)
    centred = paragraph_style(document, "govcal Notice Number", BODY_FONT, BODY_SIZE, BODY_LINE,
                              align=WD_ALIGN_PARAGRAPH.CENTER, space_after=BODY_LINE)
    plain = paragraph_style(document, "govcal Notice Plain", BODY_FONT, BODY_SIZE, BODY_LINE)
    body = paragraph_style(document, "govcal Notice Body", BODY_FONT, BODY_SIZE, BODY_LINE, first_indent=INDENT)
    cell = paragraph_style(document, "govcal Notice Table", BODY_FONT, TABLE_SIZE, TABLE_LINE,
                           align=WD_ALIGN_PARAGRAPH.LEFT)
    signature = paragraph_style(document, "govcal Notice Signature", BODY_FONT, BODY_SIZE, BODY_LINE,
                                align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.right_indent = INDENT * 2  # 右空四字

    document.add_paragraph(notice.number, centred)
    document.add_paragraph(notice.title, title)
    document.add_paragraph(notice.addressees, plain)
    document.add_paragraph(notice.opening, body)
    for part in notice.sections:
        paragraph = document.add_paragraph(style=body)
        run_in(paragraph.add_run(part.heading + (t("ui.field", lang, label="") if part.text else "")), HEADING_FONT)
        if part.text:
            paragraph.add_run(part.text)
        for number, point in enumerate(part.points, start=1):
            paragraph = document.add_paragraph(style=body)
            if len(part.points) > 1:
                label = t("ui.notice.sub_heading", lang, number=zh_numeral(number) if lang == "zh" else number)
                run_in(paragraph.add_run(label), SUB_HEADING_FONT)
            paragraph.add_run(point)
        if part.table:
            add_table(document, part.table, cell)
    if notice.contact:
        document.add_paragraph(notice.contact, body)
    document.add_paragraph("", body)
    document.add_paragraph(notice.issuer, signature)
    document.add_paragraph(full_date(notice.issued_on, lang), signature)

    stamp = datetime.combine(notice.issued_on, time(9, 0))
    properties = document.core_properties
    properties.title = notice.title
    properties.author = properties.last_modified_by = "govcal"
    properties.comments = ""
    properties.created = properties.modified = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    original = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read(FONT_TABLE)
    return repack(buffer.getvalue(), stamp, {FONT_TABLE: with_notice_fonts(original)})


def text_length(text: str) -> Length:
    """The width of a line of table text at `TABLE_SIZE`: a CJK character is one em, Latin half."""
    return Length(int(TABLE_SIZE * display_width(text) / 2))


def unbroken(cell: str) -> Length:
    """The narrowest a cell may be with no name or word broken: its longest line (a line of Latin text may
    wrap between words)."""
    pieces = [piece for line in cell.split("\n") for piece in (line.split(" ") if line.isascii() else [line])]
    return max((text_length(piece) for piece in pieces), default=Length(0))


def column_widths(rows: tuple[tuple[str, ...], ...]) -> list[Length]:
    """The items table's columns: the number, the reporting unit and the minutes as wide as their longest
    unbroken line (unit names whole, each line of the minutes header whole), the item (its title and the
    units attending for it, one a line) the rest of the text block, at least `ITEM_TITLE_MINIMUM`."""
    widths = [Length(max(unbroken(row[column]) for row in rows) + CELL_PADDING) for column in range(len(rows[0]))]
    widths[0] = max(widths[0], NUMBER_COLUMN)
    widths[1] = Length(max(ITEM_TITLE_MINIMUM, TEXT_WIDTH - widths[0] - sum(widths[2:])))
    return widths


def add_table(document: WordDocument, rows: tuple[tuple[str, ...], ...], style: ParagraphStyle) -> None:
    """The items table: a header row in 黑体, then one row per item, all cells in the table style."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = column_widths(rows)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # w:gridCol, which WPS reads
    for row_index, values in enumerate(rows):
        for column, value in enumerate(values):
            target = table.cell(row_index, column)
            target.width = widths[column]  # w:tcW, which Word reads
            paragraph = target.paragraphs[0]
            paragraph.style = style
            run = paragraph.add_run(value)
            if row_index == 0:
                run_in(run, HEADING_FONT)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def meeting_notice(meeting: PlannedMeeting, plan: Plan, scenario: Scenario, lang: Lang = "zh") -> bytes:
    """The notice of one meeting as .docx bytes."""
    return notice_docx(notice_content(meeting, plan, scenario, lang), lang)


def plan_notices(plan: Plan, scenario: Scenario, lang: Lang = "zh") -> dict[str, bytes]:
    """File name (``<meeting-id>.docx``) -> bytes, for every meeting the office sends a notice for; a re-plan
    adds a 改期通知 (``<meeting-id>-moved.docx``) for each such meeting it moved and a 取消通知
    (``<meeting-id>-cancelled.docx``) for each it dropped."""
    calendar = notice_calendar(plan, scenario)
    notices = {notice_file_name(meeting): notice_docx(notice_content(meeting, plan, scenario, lang, calendar), lang)
               for meeting in notice_meetings(plan)}
    for name, notice in change_notices(plan, scenario, lang):
        notices[name] = notice_docx(notice, lang)
    return notices


def change_notices(plan: Plan, scenario: Scenario, lang: Lang) -> list[tuple[str, Notice]]:
    """改期通知 and 取消通知: a meeting of a noticed kind that a re-plan moved or dropped. A moved meeting's
    notice gives its new time and place and bears its new notice date; a cancelled one bears the plan's
    `today` (else the period's first day)."""
    requests = {r.id: r for r in scenario.meeting_requests}
    found = []
    for change in plan.changes:
        if change.what not in ("moved", "dropped"):
            continue
        meeting = next((m for m in plan.meetings if m.id == change.meeting), None)
        request = requests.get(change.meeting)
        kind = meeting.kind if meeting is not None else request.kind if request is not None else \
            change.meeting.split("-")[0]
        if kind not in NOTICE_KINDS:
            continue
        title = meeting.title if meeting is not None else request.title if request is not None else \
            t(f"kind.{kind}", lang)
        before = _when_text(change.before, lang)
        issued_on = (meeting.notice_date if meeting is not None else None) or plan.today or plan.period_from
        common = dict(meeting_id=change.meeting, number=t("ui.notice.number", lang, prefix=scenario.office.doc_prefix,
                                                            year=issued_on.year),
                      addressees=t("ui.notice.addressees", lang), issuer=office_name(scenario, lang),
                      issued_on=issued_on)
        if meeting is not None:
            now = t("ui.notice.when", lang, date=date_with_weekday(meeting.date, lang),
                    time=time_span(meeting.start, meeting.end))
            place = room_name(meeting.room, scenario) or t("ui.notice.none", lang)
            found.append((f"{safe_id(change.meeting)}-moved.docx", Notice(
                title=t("ui.notice.moved_title", lang, title=title),
                opening=t("ui.notice.moved", lang, before=before, title=title, now=now, place=place),
                sections=(Section(t("ui.notice.time", lang), now), Section(t("ui.notice.place", lang), place)),
                **common)))
        else:
            found.append((f"{safe_id(change.meeting)}-cancelled.docx", Notice(
                title=t("ui.notice.cancelled_title", lang, title=title),
                opening=t("ui.notice.cancelled", lang, before=before, title=title), sections=(), **common)))
    return found


def _when_text(when: Mapping[str, object], lang: Lang) -> str:
    day = date.fromisoformat(str(when.get("date")))
    return t("ui.notice.when", lang, date=date_with_weekday(day, lang), time=f"{when.get('start')}-{when.get('end')}")

