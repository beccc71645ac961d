"""The shared plan view: names, citations, weeks, months, calendar facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from plan_fixtures import small_plan, small_scenario

from govcal.view import (
    day_kind,
    display_width,
    holiday_label,
    hosting_units,
    kind_name,
    months,
    party_name,
    plan_calendar,
    weeks,
)
from scheduler.domain import ABSENCE_KINDS, HALVES, MEETING_KINDS, Leader
from scheduler.i18n import t
from scheduler.rules import cite_articles


def test_display_width_counts_cjk_double() -> None:
    assert display_width("县长 ab") == 7
    assert display_width("（）、") == 6


@pytest.mark.parametrize(("articles", "lang", "text"), [
    (("43",), "zh", "第四十三条"), (("6", "42"), "zh", "第六条、第四十二条"), (("47",), "en", "Art. 47"),
    (("6", "42"), "en", "Art. 6, 42"), ((), "zh", ""),
])
def test_citations(articles: tuple[str, ...], lang: str, text: str) -> None:
    assert cite_articles(articles, lang) == text


def test_leaders_sharing_a_title_get_their_domain() -> None:
    scenario = small_scenario()
    assert party_name(scenario, "dep-agri") == "副县长（农业农村）"
    assert party_name(scenario, "head") == "县长"
    assert party_name(scenario, "finance") == "县财政局"
    assert party_name(scenario, "nobody") == "nobody"
    # Without a portfolio to tell them apart, the id does.
    twins = replace(scenario, leaders=(*scenario.leaders, Leader("dep-x", "副县长", "deputy")))
    assert party_name(twins, "dep-x") == "副县长（dep-x）"
    assert party_name(twins, "dep-edu") == "副县长（教育）"


def test_hosting_units() -> None:
    plan, scenario = small_plan(), small_scenario()
    assert hosting_units(plan.meeting("M-07"), scenario) == ("agri", "finance")  # the request's required units
    assert hosting_units(plan.meeting("standing-2024-05-1"), scenario) == ("finance", "agri")  # items' units


def test_weeks_and_months_cut_to_the_period() -> None:
    plan = replace(small_plan(), period_from=date(2024, 4, 24), period_to=date(2024, 6, 2))
    found = weeks(plan)
    assert (found[0].first, found[0].last) == (date(2024, 4, 24), date(2024, 4, 28))
    assert (found[-1].first, found[-1].last) == (date(2024, 5, 27), date(2024, 6, 2))
    assert months(plan) == [(2024, 4), (2024, 5), (2024, 6)]
    assert months(replace(plan, period_from=date(2024, 12, 1), period_to=date(2025, 1, 31))) == [(2024, 12), (2025, 1)]


def test_calendar_facts_in_both_languages() -> None:
    calendar = plan_calendar(small_plan(), small_scenario())
    assert holiday_label(date(2024, 5, 1), calendar, "zh") == "劳动节"
    assert holiday_label(date(2024, 5, 1), calendar, "en") == "Labour Day"
    assert holiday_label(date(2024, 5, 20), calendar, "en") == "测试节"  # a local holiday keeps its scenario name
    assert day_kind(date(2024, 5, 11), calendar, "zh") == "调休上班"
    assert day_kind(date(2024, 5, 12), calendar, "en") == "Rest day"
    assert day_kind(date(2024, 5, 13), calendar, "zh") == "工作日"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kind_of_meeting_absence_and_half_day_has_words(lang: str) -> None:
    for kind in MEETING_KINDS:
        assert kind_name(kind, lang)
    for kind in ABSENCE_KINDS:
        assert t(f"ui.absence.{kind}", lang)
    for half in HALVES:
        assert t(f"ui.half.{half}", lang)
