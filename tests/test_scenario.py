"""Scenario loading and validation: every kind of bad input, named by field path, through the CLI too."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import TINY_SCENARIO
from hypothesis import given, settings
from hypothesis import strategies as st

import scheduler.scenario as scenario_module
from govcal.cli import cli
from scheduler.calendar import CN_YEARS
from scheduler.errors import InputError
from scheduler.holidays import DATA_YEARS
from scheduler.reader import scenario_resolvers
from scheduler.scenario import (
    default_scenario_path,
    load_scenario,
    load_scenario_checked,
    parse_scenario,
    scenario_calendar,
    scenario_from_mapping,
    scenario_to_mapping,
    scenario_years,
)

Mutation = Callable[[dict[str, Any]], None]


def problems_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(field path, message key) of every problem `data` has; [] when it loads."""
    try:
        scenario_from_mapping(data, "test.yaml")
    except InputError as error:
        return [(problem.path, problem.key) for problem in error.problems]
    return []


def setter(path: str, value: Any) -> Mutation:
    """A mutation setting a dotted path (``agenda.0.minutes``) to `value`."""
    *parents, last = path.split(".")

    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        node[int(last) if last.isdigit() else last] = value

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(data)

    return mutate


def deleter(path: str) -> Mutation:
    *parents, last = path.split(".")

    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


COMMITMENT = {"id": "npc-5", "title": "县人大常委会会议", "date": date(2024, 5, 28), "start": "10:00", "end": "13:00",
              "kind": "npc_standing_committee", "attendees": ["exec"]}

# (mutation, field path, message key): each change of the tiny scenario causes exactly this problem.
BAD_INPUTS: dict[str, tuple[Mutation, str, str]] = {
    "wrong type": (setter("leaders.0.title", 5), "leaders[0].title", "input.type.str"),
    "list expected": (setter("units", {"id": "x"}), "units", "input.type.list"),
    "number expected": (setter("rooms.0.capacity", "forty"), "rooms[0].capacity", "input.type.int"),
    "bool is no number": (setter("agenda.0.minutes", True), "agenda[0].minutes", "input.type.int"),
    "missing field": (deleter("agenda.0.submitted"), "agenda[0].submitted", "input.missing"),
    "missing name": (deleter("name"), "name", "input.missing"),
    "duplicate id in a section": (setter("leaders.3.id", "head"), "leaders[3].id", "scenario.duplicate_id"),
    "duplicate id across sections": (setter("agenda.0.id", "r1"), "agenda[0].id", "scenario.duplicate_id"),
    "empty id": (setter("rooms.0.id", " "), "rooms[0].id", "scenario.empty_id"),
    "unit supervisor unknown": (setter("units.0.supervisor", "nobody"), "units[0].supervisor",
                                "scenario.unknown_leader"),
    "unit supervisor is a unit": (setter("units.0.supervisor", "finance"), "units[0].supervisor",
                                  "scenario.unit_not_leader"),
    "agenda unit unknown": (setter("agenda.0.unit", "nope"), "agenda[0].unit", "scenario.unknown_unit"),
    "agenda supervisor unknown": (setter("agenda.0.supervisor", "ghost"), "agenda[0].supervisor",
                                  "scenario.unknown_leader"),
    "attending unit unknown": (setter("agenda.0.attending_units", ["justice", "ghost"]),
                               "agenda[0].attending_units[1]", "scenario.unknown_unit"),
    "convener unknown": (setter("meeting_requests.0.convener", "ghost"), "meeting_requests[0].convener",
                         "scenario.unknown_leader"),
    "required unknown": (setter("meeting_requests.0.required", ["ghost"]), "meeting_requests[0].required[0]",
                         "scenario.unknown_party"),
    "preferred unknown": (setter("meeting_requests.0.preferred", ["ghost"]), "meeting_requests[0].preferred[0]",
                          "scenario.unknown_party"),
    "request unit unknown": (setter("meeting_requests.0.unit", "ghost"), "meeting_requests[0].unit",
                             "scenario.unknown_unit"),
    "for_items unknown": (setter("meeting_requests.0.for_items", ["Y-9"]), "meeting_requests[0].for_items[0]",
                          "scenario.unknown_item_hint"),
    "room unknown": (setter("meeting_requests.0.room", "r9"), "meeting_requests[0].room", "scenario.unknown_room"),
    "absence who unknown": (setter("absences.0.who", "ghost"), "absences[0].who", "scenario.unknown_party"),
    "commitment attendee unknown": (setter("commitments", [{**COMMITMENT, "attendees": ["ghost"]}]),
                                    "commitments[0].attendees[0]", "scenario.unknown_party"),
    "history unit unknown": (setter("history.0.unit", "ghost"), "history[0].unit", "scenario.unknown_unit"),
    "history item unknown": (setter("history", [{"kind": "decided", "item": "Y-9", "date": date(2024, 3, 1)}]),
                             "history[0].item", "scenario.unknown_item_hint"),
    "impossible date": (setter("agenda.0.submitted", "2024-02-30"), "agenda[0].submitted", "input.bad_date"),
    "date not ISO": (setter("agenda.0.submitted", "2024/04/25"), "agenda[0].submitted", "input.bad_date"),
    "from after to": (setter("absences.0.to", date(2024, 5, 10)), "absences[0].from", "scenario.dates_reversed"),
    "earliest after latest": (setter("meeting_requests.0.latest", date(2024, 5, 1)),
                              "meeting_requests[0].earliest", "scenario.dates_reversed"),
    "commitment ends before it starts": (setter("commitments", [{**COMMITMENT, "end": "09:00"}]),
                                         "commitments[0].end", "scenario.times_reversed"),
    "bad time": (setter("commitments", [{**COMMITMENT, "start": "25:00"}]), "commitments[0].start",
                 "input.bad_time"),
    "zero minutes": (setter("agenda.0.minutes", 0), "agenda[0].minutes", "input.not_positive"),
    "negative minutes": (setter("meeting_requests.0.minutes", -30), "meeting_requests[0].minutes",
                         "input.not_positive"),
    "request longer than any block": (setter("meeting_requests.0.minutes", 300), "meeting_requests[0].minutes",
                                      "scenario.too_long"),
    "standing meeting longer than any block": (setter("policy.standing_minutes", 300), "policy.standing_minutes",
                                               "scenario.too_long"),
    "study session longer than any block": (setter("policy.study_minutes", 241), "policy.study_minutes",
                                            "scenario.too_long"),
    "item longer than its meeting": (both(setter("policy.standing_minutes", 60), setter("agenda.0.minutes", 90)),
                                     "agenda[0].minutes", "scenario.item_too_long"),
    "office hours block malformed": (setter("calendar.office_hours", [["10:00"]]), "calendar.office_hours[0]",
                                     "scenario.block_shape"),
    "office hours empty": (setter("calendar.office_hours", []), "calendar.office_hours", "input.missing"),
    "office hours reversed": (setter("calendar.office_hours", [["14:00", "10:00"]]), "calendar.office_hours[0]",
                              "scenario.times_reversed"),
    "office hours overlap": (setter("calendar.office_hours", [["10:00", "14:00"], ["13:00", "18:00"]]),
                             "calendar.office_hours[1]", "scenario.blocks_overlap"),
    "office hours off the grain": (setter("calendar.office_hours", [["10:05", "14:00"]]),
                                   "calendar.office_hours[0][0]", "scenario.off_grain"),
    "grain not dividing an hour": (setter("calendar.grain_minutes", 25), "calendar.grain_minutes", "scenario.grain"),
    "role unknown": (setter("leaders.2.role", "vice"), "leaders[2].role", "input.bad_enum"),
    "unit kind unknown": (setter("units.0.kind", "bureau"), "units[0].kind", "input.bad_enum"),
    "body unknown": (setter("agenda.0.body", "party"), "agenda[0].body", "input.bad_enum"),
    "matter unknown": (setter("agenda.0.matters", ["funds", "cash"]), "agenda[0].matters[1]", "input.bad_enum"),
    "request kind unknown": (setter("meeting_requests.0.kind", "dinner"), "meeting_requests[0].kind",
                             "input.bad_enum"),
    "history kind unknown": (setter("history.0.kind", "party"), "history[0].kind", "input.bad_enum"),
    "absence kind unknown": (setter("absences.0.kind", "holiday"), "absences[0].kind", "input.bad_enum"),
    "half unknown": (setter("absences.0.half", "noon"), "absences[0].half", "input.bad_enum"),
    "region unknown": (setter("calendar.region", "HK"), "calendar.region", "input.bad_enum"),
    "commitment kind unknown": (setter("commitments", [{**COMMITMENT, "kind": "banquet"}]), "commitments[0].kind",
                                "input.bad_enum"),
    "no county head": (setter("leaders.0.role", "deputy"), "leaders", "scenario.no_county_head"),
    "two county heads": (setter("leaders.2.role", "county_head"), "leaders", "scenario.role_twice"),
    "two executive deputies": (setter("leaders.2.role", "executive_deputy"), "leaders", "scenario.role_twice"),
    "priority too high": (setter("agenda.0.priority", 4), "agenda[0].priority", "input.out_of_range"),
    "priority zero": (setter("agenda.0.priority", 0), "agenda[0].priority", "input.out_of_range"),
    "date beyond the projection's reach": (setter("agenda.0.submitted", date(CN_YEARS.stop, 1, 5)),
                                           "agenda[0].submitted", "scenario.year_unsupported"),
    "date before the projection's reach": (setter("absences.0.from", date(CN_YEARS.start - 1, 5, 13)),
                                           "absences[0].from", "scenario.year_unsupported"),
    "policy pair reversed": (setter("policy.standing_per_month", [3, 1]), "policy.standing_per_month",
                             "scenario.pair"),
    "policy pair negative": (setter("policy.plenary_per_year", [-1, 2]), "policy.plenary_per_year",
                             "scenario.pair"),
    "policy pair too short": (setter("policy.plenary_per_year", [1]), "policy.plenary_per_year", "scenario.pair"),
    "policy count negative": (setter("policy.materials_lead_working_days", -1),
                              "policy.materials_lead_working_days", "input.too_small"),
    "policy deadline zero": (setter("policy.issue_within_working_days", 0), "policy.issue_within_working_days",
                             "input.not_positive"),
    "weight negative": (setter("policy.weights", {"wait": -1}), "policy.weights.wait", "input.too_small"),
    "weight not whole": (setter("policy.weights", {"wait": 1.5}), "policy.weights.wait", "input.type.int"),
    "weekdays with region CN": (setter("calendar.weekdays", [1, 2, 3]), "calendar.weekdays",
                                "scenario.weekdays_region"),
    "history county_wide without unit": (deleter("history.0.unit"), "history[0].unit", "scenario.needs_for_kind"),
    "history decided without item": (setter("history", [{"kind": "decided", "date": date(2024, 3, 1)}]),
                                     "history[0].item", "scenario.needs_for_kind"),
    "county-wide request without unit": (setter("meeting_requests.0.kind", "county_wide"),
                                         "meeting_requests[0].unit", "scenario.needs_for_kind"),
    "half day over several days": (setter("absences.0.half", "am"), "absences[0].half", "scenario.half_one_day"),
    "deadline before submission": (setter("agenda.0.deadline", date(2024, 4, 1)), "agenda[0].deadline",
                                   "scenario.deadline_before_submitted"),
    "unsupported version": (setter("version", 2), "version", "scenario.version"),
    "record not a mapping": (setter("rooms", ["r1"]), "rooms[0]", "input.type.mapping"),
}


def _apply(data: dict[str, Any], mutation: Mutation) -> dict[str, Any]:
    mutation(data)
    return data


def test_the_tiny_scenario_is_valid(tiny_scenario_data: dict[str, Any]) -> None:
    assert problems_of(tiny_scenario_data) == []


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_names_its_field(case: str, tiny_scenario_data: dict[str, Any]) -> None:
    mutation, path, key = BAD_INPUTS[case]
    assert problems_of(_apply(tiny_scenario_data, mutation)) == [(path, key)]


@pytest.mark.parametrize("case", ["impossible date", "agenda unit unknown", "office hours overlap", "no county head",
                                  "date beyond the projection's reach", "policy pair reversed"])
def test_bad_input_through_the_cli_exits_2_naming_file_line_and_path(
        case: str, tiny_scenario_data: dict[str, Any], write_scenario: Callable[..., Path]) -> None:
    mutation, path, _ = BAD_INPUTS[case]
    file = write_scenario(_apply(tiny_scenario_data, mutation))
    result = CliRunner().invoke(cli, ["scenario", "validate", str(file)])
    assert result.exit_code == 2
    assert f"{file}:" in result.stderr
    assert f" {path}: " in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_weekdays_are_checked_with_region_none(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["calendar"].update(region="none", weekdays=[1, 2, 8, 2])
    assert problems_of(tiny_scenario_data) == [("calendar.weekdays[2]", "scenario.weekday"),
                                               ("calendar.weekdays[3]", "scenario.duplicate_value")]
    tiny_scenario_data["calendar"]["weekdays"] = [1, 2, 3, 4, 5, 6]
    scenario = scenario_from_mapping(tiny_scenario_data)
    assert scenario.calendar.weekdays == (1, 2, 3, 4, 5, 6)
    assert scenario_calendar(scenario).is_working_day(date(2024, 5, 18))


def test_region_none_accepts_years_without_holiday_data(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["calendar"]["region"] = "none"
    year = DATA_YEARS.stop + 3
    tiny_scenario_data["agenda"][0]["deadline"] = date(year, 1, 5)
    assert scenario_years(scenario_from_mapping(tiny_scenario_data)) == (2024, year)
    tiny_scenario_data["agenda"][0]["deadline"] = date(2200, 1, 5)
    assert problems_of(tiny_scenario_data) == [("agenda[0].deadline", "scenario.year_unsupported")]


def test_every_problem_is_reported_at_once(tiny_scenario_data: dict[str, Any]) -> None:
    for case in ("impossible date", "convener unknown", "grain not dividing an hour", "two county heads",
                 "weight negative"):
        BAD_INPUTS[case][0](tiny_scenario_data)
    assert sorted(problems_of(tiny_scenario_data)) == sorted([
        ("agenda[0].submitted", "input.bad_date"),
        ("meeting_requests[0].convener", "scenario.unknown_leader"),
        ("calendar.grain_minutes", "scenario.grain"),
        ("leaders", "scenario.role_twice"),
        ("policy.weights.wait", "input.too_small"),
    ])


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a test with libyaml's parser and with PyYAML's pure-Python one, the fallback."""
    if request.param == "libyaml" and not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    base = yaml.CSafeLoader if request.param == "libyaml" else yaml.SafeLoader
    monkeypatch.setattr(scenario_module, "_ScenarioLoader", scenario_resolvers(base, "ScenarioLoader"))


@pytest.mark.usefixtures("yaml_parser")
def test_problems_carry_the_source_line(write_scenario: Callable[..., Path]) -> None:
    text = """\
version: 1
name: 行号
leaders:
  - {id: head, title: 县长, role: county_head}
units:
  - id: finance
    name: 县财政局
    kind: department
    supervisor: nobody
agenda:
  - {id: Y-1, title: t, unit: finance, submitted: 2024-02-30}
"""
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    assert [(p.path, p.line) for p in caught.value.problems] == [("units[0].supervisor", 9),
                                                                 ("agenda[0].submitted", 11)]


@pytest.mark.usefixtures("yaml_parser")
def test_yaml_syntax_error_names_the_line(write_scenario: Callable[..., Path]) -> None:
    file = write_scenario("version: 1\nname: x\nleaders: [\n  {id: head\n")
    with pytest.raises(InputError) as caught:
        load_scenario(file)
    (problem,) = caught.value.problems
    assert problem.key == "yaml.flow_mapping"
    assert problem.line == 5  # the end of the file, where the bracket is still open
    result = CliRunner().invoke(cli, ["scenario", "validate", str(file), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{file}:5: malformed YAML:")


@pytest.mark.usefixtures("yaml_parser")
def test_duplicate_keys_are_problems(write_scenario: Callable[..., Path], tiny_scenario_data: dict[str, Any]) -> None:
    text = yaml.safe_dump(tiny_scenario_data, allow_unicode=True, sort_keys=False) + "name: 又一个名字\n"
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    (problem,) = caught.value.problems
    assert (problem.path, problem.key, problem.params["first"]) == ("name", "input.duplicate_key", 2)


@pytest.mark.usefixtures("yaml_parser")
def test_unquoted_times_and_impossible_dates_in_yaml(write_scenario: Callable[..., Path],
                                                     tiny_scenario_data: dict[str, Any]) -> None:
    """YAML 1.1 reads 10:00 as 600 and crashes on 2024-02-30; the loader reads both as text."""
    text = yaml.safe_dump(tiny_scenario_data, allow_unicode=True, sort_keys=False)
    text = text.replace("'10:00'", "10:00").replace("2024-04-25", "2024-02-30")
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    assert [(p.path, p.key) for p in caught.value.problems] == [("agenda[0].submitted", "input.bad_date")]
    assert load_scenario(write_scenario(text.replace("2024-02-30", "2024-04-25"))).calendar.office_hours[0] == (
        600, 840)


@pytest.mark.usefixtures("yaml_parser")
def test_octal_looking_numbers_are_not_octal(write_scenario: Callable[..., Path],
                                             tiny_scenario_data: dict[str, Any]) -> None:
    text = yaml.safe_dump(tiny_scenario_data, allow_unicode=True, sort_keys=False)
    text = text.replace("minutes: 20", "minutes: 020")
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    assert [(p.path, p.key) for p in caught.value.problems] == [("agenda[0].minutes", "input.type.int")]


def test_messages_in_chinese_by_default_and_english_on_request(tiny_scenario_data: dict[str, Any]) -> None:
    BAD_INPUTS["agenda unit unknown"][0](tiny_scenario_data)
    with pytest.raises(InputError) as caught:
        scenario_from_mapping(tiny_scenario_data, "s.yaml")
    assert caught.value.render() == "s.yaml: agenda[0].unit: 没有编号为“nope”的单位（units）"
    assert caught.value.render("en") == "s.yaml: agenda[0].unit: no unit with id 'nope' (units)"


def test_unknown_fields_are_warnings_with_a_suggestion(tiny_scenario_data: dict[str, Any],
                                                       write_scenario: Callable[..., Path]) -> None:
    tiny_scenario_data["agenda"][0]["supervsor"] = "exec"
    tiny_scenario_data["colour"] = "red"
    scenario, warnings = load_scenario_checked(write_scenario(tiny_scenario_data))
    assert scenario.agenda[0].supervisor == "exec"
    assert [(w.path, w.key) for w in warnings] == [("colour", "input.unknown_field"),
                                                   ("agenda[0].supervsor", "input.unknown_field_hint")]
    assert warnings[1].params["hint"] == "supervisor"


def test_unknown_fields_accompany_problems(tiny_scenario_data: dict[str, Any]) -> None:
    """A misspelt required field shows up as missing; the warning next to it says why."""
    tiny_scenario_data["agenda"][0]["submited"] = tiny_scenario_data["agenda"][0].pop("submitted")
    assert problems_of(tiny_scenario_data) == [("agenda[0].submitted", "input.missing"),
                                               ("agenda[0].submited", "input.unknown_field_hint")]


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_scenario(tmp_path / "missing.yaml")
    assert caught.value.problems[0].key == "input.not_found"
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"name: \xff\xfe")
    with pytest.raises(InputError) as caught:
        load_scenario(binary)
    assert caught.value.problems[0].key == "input.not_utf8"
    with pytest.raises(InputError) as caught:
        parse_scenario("- just\n- a list\n", "list.yaml")
    assert caught.value.problems[0].key == "input.type.mapping"


def test_defaults_and_derived_values(tiny_scenario_data: dict[str, Any]) -> None:
    scenario = scenario_from_mapping(tiny_scenario_data, "tiny.yaml")
    first, second = scenario.agenda
    assert (first.supervisor, second.supervisor) == ("exec", "dep-agri")  # the unit's supervisor (Art. 43)
    assert (second.minutes, second.priority, second.matters, second.body) == (20, 2, ("other",), "standing")
    assert scenario.meeting_requests[0].room is None
    assert scenario.policy.standing_minutes == 180 and scenario.policy.weights.wait == 1
    assert scenario.source == "tiny.yaml"
    assert scenario_years(scenario) == (2024, 2024)


def test_policy_and_weights_can_be_set(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["policy"] = {"standing_per_month": [2, 2], "standing_minutes": 150, "weights": {"wait": 3}}
    policy = scenario_from_mapping(tiny_scenario_data).policy
    assert (policy.standing_per_month, policy.standing_minutes, policy.weights.wait) == ((2, 2), 150, 3)
    assert policy.weights.deadline_miss == 200


def test_flow_is_kept_raw(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["flow"] = {"arrivals": {"request": 1.5}, "anything": [1, 2]}
    assert dict(scenario_from_mapping(tiny_scenario_data).flow) == tiny_scenario_data["flow"]


def test_round_trip_mapping_scenario_mapping(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["commitments"] = [COMMITMENT]
    tiny_scenario_data["calendar"]["local_holidays"] = [{"date": date(2024, 4, 10), "name": "肉孜节"}]
    tiny_scenario_data["policy"] = {"weights": {"wait": 2}}
    tiny_scenario_data["flow"] = {"arrivals": {"request": 1.5}}
    scenario = scenario_from_mapping(tiny_scenario_data, "tiny.yaml")
    mapping = scenario_to_mapping(scenario)
    again = scenario_from_mapping(mapping, "tiny.yaml")
    assert again == scenario
    assert scenario_to_mapping(again) == mapping
    # Through YAML text as well: what the generator writes, the loader reads back unchanged.
    assert parse_scenario(yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False), "tiny.yaml") == scenario


def test_round_trip_region_none(tiny_scenario_data: dict[str, Any]) -> None:
    tiny_scenario_data["calendar"].update(region="none", weekdays=[1, 2, 3, 4, 5, 6])
    scenario = scenario_from_mapping(tiny_scenario_data)
    assert scenario_from_mapping(scenario_to_mapping(scenario)) == scenario


def test_scenario_calendar_is_built_once_per_calendar_and_years(tiny_scenario_data: dict[str, Any]) -> None:
    first = scenario_from_mapping(tiny_scenario_data)
    second = scenario_from_mapping(tiny_scenario_data, "other.yaml")
    assert scenario_calendar(first) is scenario_calendar(second)
    assert scenario_calendar(first).covers(date(2025, 6, 30))  # the year after, for deadlines


def test_embedded_default_scenario_validates() -> None:
    assert default_scenario_path().name == "wuqia-2024.yaml" and default_scenario_path().is_file()
    scenario, _ = load_scenario_checked()
    assert scenario.source == "wuqia-2024.yaml"
    assert scenario.county_head.role == "county_head"
    assert load_scenario() == scenario


def _slots(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a nested mapping/list where a value could be replaced, as key trails."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    found = []
    for key, child in children:
        found.append((*trail, key))
        found.extend(_slots(child, (*trail, key)))
    return found


ODD_VALUES = st.sampled_from([None, -1, 0, 10**9, "", "x", "25:61", "2024-13-01", "2024-02-30", 3.5, True, [], ["x"],
                              [[1, 2]], {}, {"a": 1}, date(2099, 1, 1)])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_odd_value_anywhere_is_input_error_never_a_crash(data: st.DataObject) -> None:
    scenario = copy.deepcopy(TINY_SCENARIO)
    *parents, last = data.draw(st.sampled_from(_slots(scenario)))
    node: Any = scenario
    for key in parents:
        node = node[key]
    node[last] = data.draw(ODD_VALUES)
    try:
        scenario_from_mapping(scenario, "odd.yaml")
    except InputError as error:
        assert error.problems
        assert all(problem.render("zh") and problem.render("en") for problem in error.problems)


@settings(max_examples=60, deadline=None)
@given(cut=st.tuples(st.integers(min_value=0, max_value=2000), st.integers(min_value=1, max_value=40)),
       insert=st.sampled_from(["", ":", "- ", "[", "{", "&a ", "*a", "\t", "'", "\n  x: 1\n", "？"]))
def test_any_damaged_yaml_text_is_input_error_never_a_crash(cut: tuple[int, int], insert: str) -> None:
    text = yaml.safe_dump(TINY_SCENARIO, allow_unicode=True, sort_keys=False)
    start = cut[0] % len(text)
    damaged = text[:start] + insert + text[start + cut[1]:]
    try:
        parse_scenario(damaged, "damaged.yaml")
    except InputError as error:
        assert all(problem.file == "damaged.yaml" for problem in error.problems)


def test_unknown_ids_suggest_the_nearest_known_one(tiny_scenario_data: dict[str, Any]) -> None:
    """A misspelt id gets the same did-you-mean as a misspelt field name, in both languages."""
    tiny_scenario_data["leaders"].append({"id": "dep-traffic", "title": "副县长", "role": "deputy"})
    tiny_scenario_data["units"][1]["supervisor"] = "dep-trafic"
    tiny_scenario_data["agenda"][0]["unit"] = "finanse"
    tiny_scenario_data["meeting_requests"][0]["required"] = ["dep-agri", "argi"]
    tiny_scenario_data["meeting_requests"][0]["room"] = "zzz"  # nothing close: no suggestion
    with pytest.raises(InputError) as caught:
        scenario_from_mapping(tiny_scenario_data, "typo.yaml")
    found = {(p.path, p.key, p.params.get("hint")) for p in caught.value.problems}
    assert found == {("units[1].supervisor", "scenario.unknown_leader_hint", "dep-traffic"),
                     ("agenda[0].unit", "scenario.unknown_unit_hint", "finance"),
                     ("meeting_requests[0].required[1]", "scenario.unknown_party_hint", "agri"),
                     ("meeting_requests[0].room", "scenario.unknown_room", None)}
    text = {p.path: (p.render("zh"), p.render("en")) for p in caught.value.problems}
    assert text["units[1].supervisor"][0].endswith("没有编号为“dep-trafic”的领导（leaders）；是否应为“dep-traffic”？")
    assert text["units[1].supervisor"][1].endswith("no leader with id 'dep-trafic' (leaders); "
                                                   "did you mean 'dep-traffic'?")


# Each common YAML mistake, and the message key it gets with either parser.
YAML_MISTAKES = {
    "list not closed": ("version: 1\nname: x\nrooms: [r1, r2\nleaders: []\n", "yaml.flow_list", 4),
    "mapping not closed": ("version: 1\nname: x\ncalendar: {region: CN\nrooms: []\n", "yaml.flow_mapping", 4),
    "colon in a value": ("version: 1\nname: 会议: 常务\n", "yaml.mapping_values", 2),
    "tab indent": ("version: 1\nleaders:\n\t- {id: head}\n", "yaml.tab", 3),
    "unclosed quote": ('version: 1\nname: "乌恰县\nrooms: []\n', "yaml.unclosed_quote", 4),
    "bad indentation": ("leaders:\n  - id: head\n    title: 县长\n   role: county_head\n", "yaml.indentation", 4),
}


@pytest.mark.usefixtures("yaml_parser")
@pytest.mark.parametrize("case", YAML_MISTAKES, ids=list(YAML_MISTAKES))
def test_common_yaml_mistakes_read_in_the_users_language(case: str, write_scenario: Callable[..., Path]) -> None:
    text, key, line = YAML_MISTAKES[case]
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    (problem,) = caught.value.problems
    assert (problem.key, problem.line) == (key, line)
    assert problem.render("zh").split(": ", 1)[1].startswith("YAML 格式错误：")
    assert "expected" not in problem.render("zh") and "found" not in problem.render("zh")
    assert problem.render("en").split(": ", 1)[1].startswith("malformed YAML: ")


def test_an_unclosed_quote_names_the_line_it_opened_on(write_scenario: Callable[..., Path]) -> None:
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario('version: 1\nname: "乌恰县\nrooms: []\n'))
    assert caught.value.problems[0].render("en").endswith("the quote opened on line 2 is never closed")


def test_an_unknown_yaml_problem_keeps_the_parsers_words(write_scenario: Callable[..., Path]) -> None:
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario("version: 1\nname: &\n"))
    (problem,) = caught.value.problems
    assert problem.key == "input.bad_yaml" and "alphabetic or numeric" in problem.render("zh")


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n"])
def test_an_empty_file_is_called_empty(text: str, write_scenario: Callable[..., Path]) -> None:
    with pytest.raises(InputError) as caught:
        load_scenario(write_scenario(text))
    (problem,) = caught.value.problems
    assert problem.key == "input.empty_file"
    assert problem.render("zh").endswith("文件是空的，没有任何字段")
    assert problem.render("en").endswith("the file is empty: it holds no fields")
