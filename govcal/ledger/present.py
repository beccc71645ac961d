"""How the ledger's records read: changes of a re-plan and follow-ups as table rows and JSON.

Shared by the terminal (``govcal publish``, ``plan --ledger``, ``followups``, ``replan``) and the
workbook (变更清单 and 督办清单 sheets), so both word them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import govcal.messages  # noqa: F401  (registers the ledger's messages)
from govcal.ledger.records import FollowUp
from govcal.view import format_date, join_names, party_names, room_name, time_span
from scheduler.domain import Scenario
from scheduler.i18n import Lang, t
from scheduler.plan import Change


def _when(side: Mapping[str, Any], lang: Lang) -> str:
    if "date" not in side:
        return ""
    day = date.fromisoformat(side["date"])
    start, end = (_minutes(side.get("start")), _minutes(side.get("end")))
    span = time_span(start, end) if start is not None and end is not None else ""
    return f"{format_date(day, lang)} {span}".strip()


def _minutes(text: str | None) -> int | None:
    if not text:
        return None
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def change_side(change: Change, side: Mapping[str, Any], scenario: Scenario, lang: Lang, *, before: bool) -> str:
    """One side (before or after) of a change, in words."""
    if change.what in ("moved", "dropped"):
        return _when(side, lang)
    if change.what == "added":
        return " ".join(part for part in (_when(side, lang), room_name(side.get("room"), scenario)) if part)
    if change.what == "room":
        return room_name(side.get("room"), scenario)
    if change.what == "attendees":
        names = party_names(side.get("attendees", ()), scenario, lang)
        key = "ledger.change.removed" if before else "ledger.change.added_parties"
        return t(key, lang, names=names) if names else ""
    if change.what == "items":
        return join_names(side.get("items", ()), lang)
    return ""


def change_rows(changes: tuple[Change, ...], scenario: Scenario, titles: Mapping[str, str], lang: Lang
                ) -> list[list[str]]:
    """Rows: meeting (title and id), what changed, before, after, who must be told."""
    rows = []
    for change in changes:
        title = titles.get(change.meeting, "")
        meeting = f"{title}\n{change.meeting}" if title else change.meeting
        rows.append([meeting, t(f"ledger.change.{change.what}", lang),
                     change_side(change, change.before, scenario, lang, before=True),
                     change_side(change, change.after, scenario, lang, before=False),
                     party_names(change.notify, scenario, lang)])
    return rows


def change_headers(lang: Lang) -> list[str]:
    return [t("ui.col.meeting", lang), *(t(f"ledger.col.{key}", lang) for key in ("change", "before", "after",
                                                                                   "notify"))]


def changes_json(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    return [{"meeting": c.meeting, "what": c.what, "before": dict(c.before), "after": dict(c.after),
             "notify": list(c.notify)} for c in changes]


def period_state(followup: FollowUp, first: date, last: date) -> str:
    """A follow-up against a plan's period (the workbook has no "today"): overdue before the period,
    due within it, or later."""
    if followup.due < first:
        return "overdue"
    return "this_period" if followup.due <= last else "later"


def followup_json(followup: FollowUp) -> dict[str, Any]:
    return {
        "id": followup.id, "item": followup.item, "unit": followup.unit, "meeting": followup.meeting,
        "decided_on": followup.decided_on.isoformat(), "due": followup.due.isoformat(),
        "report_every": followup.report_every, "reports": followup.reports,
        "last_report": followup.last_report.isoformat() if followup.last_report else None,
        "closed_on": followup.closed_on.isoformat() if followup.closed_on else None, "note": followup.note,
    }


def followup_cells(followup: FollowUp, item_title: Callable[[str], str], unit_name: Callable[[str], str],
                   lang: Lang) -> list[str]:
    """编号, 议题, 责任单位, 决定日期, 办结时限: the columns every follow-up table starts with."""
    title = item_title(followup.item)
    item = f"{followup.item} {title}" if title and title != followup.item else followup.item
    return [str(followup.id), item, unit_name(followup.unit), followup.decided_on.isoformat(),
            followup.due.isoformat()]


def followup_headers(lang: Lang) -> list[str]:
    return [t("ui.col.id", lang), *(t(f"ledger.col.{key}", lang) for key in ("item", "unit", "decided_on", "due"))]
