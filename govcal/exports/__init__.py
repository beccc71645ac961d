"""Plan exports written beside plan.json: plan.xlsx, plan.ics (and ics/<leader>.ics), calendar.png, and
notices/<meeting-id>.docx, the notice (会议通知) of every standing, plenary and county head office meeting.

The caller (``govcal plan --out``) passes a staged scratch folder and moves the files into place
only when everything succeeded, so these functions simply write plain files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from scheduler.domain import Scenario
from scheduler.i18n import Lang
from scheduler.plan import Plan

if TYPE_CHECKING:
    from govcal.ledger.records import FollowUp

WORKBOOK_NAME = "plan.xlsx"
ICS_NAME = "plan.ics"
LEADER_ICS_FOLDER = "ics"
PICTURE_NAME = "calendar.png"
NOTICES_FOLDER = "notices"


def write_exports(plan: Plan, scenario: Scenario, directory: Path, *, lang: Lang = "zh",
                  ics_per_leader: bool = False, followups: Sequence[FollowUp] | None = None) -> list[Path]:
    """Write every export of `plan` into `directory`; return the paths written, in writing order.

    `followups`: the ledger's open follow-ups (a 督办清单 sheet in the workbook), when planning with one.
    """
    # Imported here: matplotlib, openpyxl and python-docx cost most of a second, and commands that
    # only need the shared view helpers (govcal.view) should not pay for them.
    from govcal.exports.ics import leader_file_name, leader_ics, plan_ics
    from govcal.exports.notice import plan_notices
    from govcal.exports.picture import month_picture
    from govcal.exports.xlsx import plan_workbook

    directory = Path(directory)
    contents: dict[Path, bytes] = {
        directory / WORKBOOK_NAME: plan_workbook(plan, scenario, lang, followups=followups),
        directory / ICS_NAME: plan_ics(plan, scenario, lang),
    }
    if ics_per_leader:
        for leader in scenario.leaders:
            contents[directory / LEADER_ICS_FOLDER / leader_file_name(leader.id)] = leader_ics(
                plan, scenario, leader.id, lang)
    contents[directory / PICTURE_NAME] = month_picture(plan, scenario, lang)
    for name, data in plan_notices(plan, scenario, lang).items():
        contents[directory / NOTICES_FOLDER / name] = data
    # Everything is rendered before the first byte is written: a failure leaves the folder untouched.
    for path, data in contents.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(contents)
