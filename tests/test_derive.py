"""The pure derivations (catalog, traces, collection rows, the gate, page fingerprints) on
records built by hand, without Sphinx."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, fields, replace

import pytest
from test_ids import CFG

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.derive import releases, rows
from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.checks import find_problems, verification_problems
from sphinxcontrib_enhspec.derive.traces import SpecCounts, Traces
from sphinxcontrib_enhspec.derive.verification import Verifier
from sphinxcontrib_enhspec.model import (
    ConfigChange,
    Location,
    MigrationStep,
    Record,
    Requirement,
    Risk,
    Spec,
    Task,
)
from sphinxcontrib_enhspec.model import (
    TestCase as Case,
)
from sphinxcontrib_enhspec.warnings import Subtype

pytestmark = pytest.mark.requirement("ENH-100.ER7")


def at(line: int, doc: str = "a") -> Location:
    return Location(doc, line)


def spec(ident: str, line: int, **fields) -> Spec:
    return Spec(id=ident, title=f"Spec {ident}", location=at(line), anchor=ident, **fields)


def req(ident: str, line: int, **fields) -> Requirement:
    fields.setdefault("spec", ident.split(".")[0])
    return Requirement(id=ident, title=f"Title {ident}", location=at(line), anchor=ident,
                       **fields)


def risk(ident: str, line: int, **fields) -> Risk:
    return Risk(id=ident, title=f"Risk {ident}", location=at(line), anchor=ident,
                spec=ident.split(".")[0], **fields)


def step(ident: str, line: int, **fields) -> MigrationStep:
    return MigrationStep(id=ident, title=f"Step {ident}", location=at(line), anchor=ident,
                         spec=ident.split(".")[0], **fields)


def change(key: str, line: int, **fields) -> ConfigChange:
    fields.setdefault("spec", "ENH-1")
    return ConfigChange(key=key, location=at(line), anchor=key, **fields)


RECORDS = [
    spec("ENH-1", 1, status="approved", release="2.0"),
    req("ENH-1.ER10", 2, status="done", verified_by=("tests/test_a.py::test_ten",)),
    req("ENH-1.ER2", 3, depends=("ER10", "ER99"), verified_by=("test_two",)),
    req("ENH-1.CR1", 4, kind="compatibility", status="dropped"),
    risk("ENH-1.R1", 5, category="technical", likelihood="high", impact="low",
         affects=("ER2",)),
    risk("ENH-1.R2", 6, status="closed", affects=("ENH-1.ER2", "ER10")),
    step("ENH-1.M1", 7, order=1),
    step("ENH-1.M2", 8, order=2, breaking=True, release="2.0.0"),
    change("exporter.workers", 9, action="added"),
    spec("ENH-2", 10, status="draft", supersedes=("ENH-1",), release="10.0"),
    req("ENH-2.ER1", 11, kind="performance"),
]
CASES = [Case("tests.test_a", "test_ten", "passed"), Case("tests.test_b", "test_two", "failed")]


def traces(records=RECORDS, cases=CASES, cfg=CFG) -> Traces:
    catalog = build_catalog({"a": list(records)})
    return Traces(catalog, cfg, Verifier(cases, configured=True))


def query(kind: str, **options) -> q.Query:
    return q.Query(kind=kind, location=at(0), **options)


def test_the_catalog_gives_steps_and_changes_their_specs_release():
    catalog = build_catalog({"a": RECORDS})
    assert catalog.objects["ENH-1.M1"].release == "2.0"
    assert catalog.objects["ENH-1.M2"].release == "2.0.0"
    assert catalog.config_changes["exporter.workers@2.0"].release == "2.0"
    assert catalog.spec("ENH-1.ER2") is None
    assert catalog.lookup(["ENH-9", "ENH-2"], "spec").id == "ENH-2"


def test_traces_sort_naturally_and_resolve_links():
    found = traces()
    assert [r.id for r in found.requirements] == ["ENH-1.CR1", "ENH-1.ER2", "ENH-1.ER10",
                                                  "ENH-2.ER1"]
    assert found.depends_of(found.catalog.objects["ENH-1.ER2"]) == ["ENH-1.ER10", "ER99"]
    assert found.risks_affecting == {"ENH-1.ER2": ["ENH-1.R1", "ENH-1.R2"],
                                     "ENH-1.ER10": ["ENH-1.R2"]}
    assert found.superseded_by == {"ENH-1": ["ENH-2"]}
    assert found.release_of("ENH-2") == "10.0"
    assert found.release_of("ENH-404") == ""


def test_spec_counts():
    counts = traces().counts
    assert counts["ENH-1"] == SpecCounts(spec=RECORDS[0], done=1, total=3, open_risks=1,
                                         superseded_by=("ENH-2",))
    assert counts["ENH-2"].total == 1
    assert counts["ENH-2"].superseded_by == ()


def test_verification_matches_pytest_ids_and_bare_names():
    found = traces().verification
    assert [(t.test, t.outcome) for t in found["ENH-1.ER10"].tests] == [
        ("tests/test_a.py::test_ten", "passed")]
    assert found["ENH-1.ER10"].verified
    assert [(t.test, t.outcome) for t in found["ENH-1.ER2"].failing] == [("test_two", "failed")]
    assert not found["ENH-2.ER1"].tests


def test_matrix_rows_filters_sorting_and_counts():
    found = traces()
    matrix = rows.matrix(found, query(q.MATRIX))
    assert [r.req.id for r in matrix.rows] == ["ENH-1.CR1", "ENH-1.ER2", "ENH-1.ER10",
                                               "ENH-2.ER1"]
    assert (matrix.done, matrix.verified) == (1, 1)
    assert matrix.rows[1].depends == ("ENH-1.ER10", "ER99")
    assert matrix.rows[1].risks == ("ENH-1.R1", "ENH-1.R2")
    by_status = rows.matrix(found, query(q.MATRIX, sort="status"))
    assert [r.req.status for r in by_status.rows] == ["open", "open", "done", "dropped"]
    # A requirement's release is its spec's.
    released = rows.matrix(found, query(q.MATRIX, filters=(("release", ("10.0",)),)))
    assert [r.req.id for r in released.rows] == ["ENH-2.ER1"]
    kinds = rows.matrix(found, query(q.MATRIX, filters=(("kind", ("Performance",)),)))
    assert [r.req.id for r in kinds.rows] == ["ENH-2.ER1"]


def test_rows_of_a_matrix_without_since_are_the_plain_matrix():
    found = traces()
    plain = rows.matrix(found, query(q.MATRIX))
    assert rows.rows(found, query(q.MATRIX)) == plain
    assert {row.since for row in plain.rows} == {""}


def test_spec_index_groups():
    found = traces()
    by_status = rows.spec_index(found, query(q.SPEC_INDEX))
    assert [(label, [c.spec.id for c in group]) for label, group in by_status] == [
        ("draft", ["ENH-2"]), ("approved", ["ENH-1"])]
    by_release = rows.spec_index(found, query(q.SPEC_INDEX, group_by="release"))
    assert [label for label, _ in by_release] == ["2.0", "10.0"]
    flat = rows.spec_index(found, query(q.SPEC_INDEX, group_by="none"))
    assert [label for label, _ in flat] == [""]
    assert rows.spec_index(found, query(q.SPEC_INDEX, filters=(("spec", ("ENH-9",)),))) == ()


def test_risk_register_rows():
    register = rows.risk_register(traces(), query(q.RISK_REGISTER,
                                                  filters=(("status", ("open",)),)))
    assert [(r.risk.id, r.affects) for r in register.rows] == [("ENH-1.R1", ("ENH-1.ER2",))]
    assert register.levels == ("low", "medium", "high")


def test_migration_guide_parts():
    found = traces()
    guide = releases.migration_guide(found, query(q.MIGRATION_GUIDE, from_release="1.0",
                                              to_release="2.0"))
    # "2.0" and "2.0.0" are one release, named as first written; breaking steps first.
    assert [part.release for part in guide] == ["2.0"]
    assert [s.id for s in guide[0].steps] == ["ENH-1.M2", "ENH-1.M1"]
    assert [c.key for c in guide[0].changes] == ["exporter.workers"]
    assert [r.id for r in guide[0].compatibility] == ["ENH-1.CR1"]
    assert releases.migration_guide(found, query(q.MIGRATION_GUIDE, from_release="2.0")) == ()


def test_the_guide_lists_the_kind_the_settings_give_cr():
    cfg = replace(CFG, requirement_kinds={**CFG.requirement_kinds, "CR": "compat"})
    records = [*RECORDS[:3], replace(RECORDS[3], kind="compat"), *RECORDS[4:]]
    guide = releases.migration_guide(traces(records, cfg=cfg), query(q.MIGRATION_GUIDE))
    assert [r.id for r in guide[0].compatibility] == ["ENH-1.CR1"]


def test_config_changes_filter_by_action():
    found = traces()
    assert releases.config_changes(found, query(q.CONFIG_CHANGES, actions=("removed",))) == ()
    assert [c.id for c in rows.rows(found, query(q.CONFIG_CHANGES))] == ["exporter.workers@2.0"]


def test_the_gate_names_unverified_and_failing_requirements_of_gated_specs():
    problems = verification_problems(traces(), ["approved"])
    assert [(p.subtype, p.message) for p in problems] == [
        (Subtype.UNVERIFIED, "ENH-1.ER2 is not verified, and its spec ENH-1 is approved: "
                             "tests test_two failed"),
        (Subtype.FAILED, "ENH-1.ER2: test 'test_two' failed"),
    ]
    assert verification_problems(traces(), []) == []


def test_a_classname_may_hold_double_colons():
    cases = [Case("oxidized_navigation::parry3d", "test_failure", "failed"),
             Case("oxidized_navigation::parry3d", "test_simple_navigation", "passed"),
             Case("Foo::Bar", "test_baz[1]", "passed")]
    verifier = Verifier(cases, configured=True)
    failing = req("ENH-1.ER1", 1, verified_by=("oxidized_navigation::parry3d.test_failure",))
    passing = req("ENH-1.ER2", 2, verified_by=(
        "oxidized_navigation::parry3d.test_simple_navigation", "Foo::Bar.test_baz"))
    assert [(t.test, t.outcome) for t in verifier.verify(failing).tests] == [
        ("oxidized_navigation::parry3d.test_failure", "failed")]
    assert verifier.verify(passing).verified
    # A pytest node ID still matches its classname.name.
    pytest_case = Case("tests.test_x.TestX", "test_y", "passed")
    found = Verifier([pytest_case], configured=True).find("tests/test_x.py::TestX::test_y")
    assert found == [pytest_case]


GUIDE = [
    spec("ENH-1", 1, release="2.0"),
    step("ENH-1.M1", 2),
    req("ENH-1.CR1", 3, kind="compatibility"),
    spec("ENH-2", 4, release="3.0"),
    req("ENH-2.CR1", 5, kind="compatibility"),
    req("ENH-2.ER1", 6),
    req("ENH-2.AR1", 6, kind="architecture"),
    change("cache.size", 7, spec="ENH-2"),
    spec("ENH-3", 8),
    step("ENH-3.M1", 9),
    step("ENH-3.M2", 10, release="1.0"),
    step("ENH-3.M3", 11, release="next"),
    change("alpha", 12, spec="ENH-3", release="1.0"),
    change("legacy", 13, spec=""),
    change("later", 13, spec="ENH-3", release="soon"),
    req("CR9", 14, spec="", kind="compatibility"),
]


def guide_parts(records: list[Record], **options: str) -> list[tuple[str, ...]]:
    """Each part of the guide: its release, steps, changes and compatibility requirements."""
    guide = releases.migration_guide(traces(records), query(q.MIGRATION_GUIDE, **options))
    return [(part.release, " ".join(s.id for s in part.steps),
             " ".join(c.id for c in part.changes), " ".join(r.id for r in part.compatibility))
            for part in guide]


def test_the_guide_puts_releases_in_order_and_unreleased_steps_last() -> None:
    # A release that is no version ("next") is left out; checks warn about it.
    assert guide_parts(GUIDE) == [
        ("1.0", "ENH-3.M2", "alpha@1.0", ""),
        ("2.0", "ENH-1.M1", "", "ENH-1.CR1"),
        ("3.0", "", "cache.size@3.0", "ENH-2.CR1"),
        ("", "ENH-3.M1", "legacy@", ""),
    ]


@pytest.mark.parametrize(("options", "releases"), [
    ({"from_release": "1.0"}, ["2.0", "3.0"]),
    ({"to_release": "2.0"}, ["1.0", "2.0"]),
    ({"from_release": "1.0", "to_release": "2.0"}, ["2.0"]),
    ({"from_release": "0.9", "to_release": "1.0"}, ["1.0"]),
    ({"from_release": "3.0"}, []),
])
def test_a_guide_with_a_range_shows_the_releases_after_its_start_up_to_its_end(
        options: dict[str, str], releases: list[str]) -> None:
    assert [part[0] for part in guide_parts(GUIDE, **options)] == releases


def test_config_changes_come_by_release_with_the_unreleased_last() -> None:
    found = releases.config_changes(traces(GUIDE), query(q.CONFIG_CHANGES))
    assert [c.id for c in found] == ["alpha@1.0", "cache.size@3.0", "later@soon", "legacy@"]


SPECS = [
    spec("ENH-1", 1, status="approved", release="2.0", module="core"),
    spec("ENH-2", 2, status="draft", module="api"),
    spec("ENH-3", 3, status="withdrawn", release="10.0"),
    spec("ENH-4", 4, status="approved", release="2.0.0", module="Storage"),
    spec("ENH-5", 5, status="approved", release="next", module="core"),
]


@pytest.mark.parametrize(("group_by", "groups"), [
    ("status", [("draft", ["ENH-2"]), ("approved", ["ENH-1", "ENH-4", "ENH-5"]),
                ("withdrawn", ["ENH-3"])]),
    ("release", [("2.0", ["ENH-1"]), ("2.0.0", ["ENH-4"]), ("10.0", ["ENH-3"]),
                 ("next", ["ENH-5"]), ("", ["ENH-2"])]),
    ("module", [("api", ["ENH-2"]), ("core", ["ENH-1", "ENH-5"]), ("Storage", ["ENH-4"]),
                ("", ["ENH-3"])]),
])
def test_spec_index_groups_in_their_order_with_the_unnamed_group_last(
        group_by: str, groups: list[tuple[str, list[str]]]) -> None:
    index = rows.spec_index(traces(SPECS), query(q.SPEC_INDEX, group_by=group_by))
    assert [(label, [c.spec.id for c in group]) for label, group in index] == groups


def test_only_open_risks_count_as_open() -> None:
    records = [spec("ENH-1", 1), *(risk(f"ENH-1.R{i}", i + 1, status=status) for i, status
                                   in enumerate(["open", "mitigated", "accepted", "closed",
                                                 "open"], start=1))]
    assert traces(records).counts["ENH-1"].open_risks == 2


def test_records_read_back_from_a_pickle_derive_the_same() -> None:
    """Sphinx keeps the records pickled between builds and from parallel readers: equal
    strings that are not the constants' own objects must count the same."""
    records = [*RECORDS, risk("ENH-1.R3", 12, status="mitigated"),
               step("ENH-1.M3", 13, release="next")]
    again = pickle.loads(pickle.dumps(records))
    queries = pickle.loads(pickle.dumps([
        query(q.SPEC_INDEX), query(q.MIGRATION_GUIDE),
        query(q.MATRIX, filters=(("spec", ("ENH-1", "ENH-404")),)),
        query(q.SPEC_INDEX, group_by="release"), query(q.SPEC_INDEX, group_by="none")]))
    found = traces(again)
    assert found.counts["ENH-1"].open_risks == 1
    assert [[label for label, _ in rows.spec_index(found, queries[i])] for i in (0, 3, 4)] == [
        ["draft", "approved"], ["2.0", "10.0"], [""]]
    assert [r.req.id for r in rows.matrix(found, queries[2]).rows] == [
        "ENH-1.CR1", "ENH-1.ER2", "ENH-1.ER10"]
    [part] = releases.migration_guide(found, queries[1])
    assert [r.id for r in part.compatibility] == ["ENH-1.CR1"]
    problems = find_problems(found.catalog, CFG, str, queries)
    assert [p.message for p in problems] == [
        "traceability-matrix: :spec: names unknown spec 'ENH-404'",
        "ENH-1.ER2: :depends: names unknown requirement 'ER99'",
        "ENH-1.M3: release 'next' is not a PEP 440 version; migration guides leave it out"]


@pytest.mark.parametrize("value", [
    rows.matrix(traces(), query(q.MATRIX)),
    rows.matrix(traces(), query(q.MATRIX)).rows[0],
    rows.risk_register(traces(), query(q.RISK_REGISTER)),
    rows.risk_register(traces(), query(q.RISK_REGISTER)).rows[0],
    releases.migration_guide(traces(), query(q.MIGRATION_GUIDE))[0],
    traces().counts["ENH-1"],
    traces().verification["ENH-1.ER10"],
    traces().verification["ENH-1.ER10"].tests[0],
    query(q.MATRIX),
    verification_problems(traces(), ["approved"])[0],
], ids=lambda value: type(value).__name__)
def test_derived_values_cannot_change(value: object) -> None:
    """A collection's rows are made once per build and shared by every page that shows
    them: no page may change what another shows."""
    name = fields(value)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(value, name, None)


def test_the_gate_passes_over_other_projects_and_ungated_specs_to_the_rest() -> None:
    theirs = Requirement(id="A-1.ER1", title="", location=Location("a", 0, uri="x.html"),
                         anchor="x", spec="ENH-1")
    records = [spec("ENH-0", 20, status="draft"), req("ENH-0.ER1", 21), *RECORDS,
               req("ENH-1.ER3", 22, status="done")]
    found = Traces(build_catalog({"a": records}, [theirs]), CFG,
                   Verifier(CASES, configured=True))
    assert [r.id for r in found.requirements][:2] == ["A-1.ER1", "ENH-0.ER1"]
    assert [(p.subtype, p.location.lineno) for p in verification_problems(found, ["Approved"])
            ] == [(Subtype.UNVERIFIED, 3), (Subtype.FAILED, 3), (Subtype.UNVERIFIED, 22)]


@pytest.mark.parametrize(("column", "order"), [
    ("depends", ["ENH-1.CR1", "ENH-1.ER10", "ENH-2.ER1", "ENH-1.ER2"]),
    ("verified-by", ["ENH-1.CR1", "ENH-2.ER1", "ENH-1.ER2", "ENH-1.ER10"]),
    ("kind", ["ENH-1.CR1", "ENH-2.ER1", "ENH-1.ER2", "ENH-1.ER10"]),
])
def test_the_matrix_sorts_by_a_columns_text_then_by_id(column: str, order: list[str]) -> None:
    matrix = rows.matrix(traces(), query(q.MATRIX, sort=column))
    assert [r.req.id for r in matrix.rows] == order


def test_a_risk_affecting_no_known_requirement_affects_none() -> None:
    found = traces([spec("ENH-1", 1), req("ENH-1.ER1", 2),
                    risk("ENH-1.R1", 3, affects=("ER404", "ER1", "ENH-1.ER1"))])
    assert found.risks_affecting == {"ENH-1.ER1": ["ENH-1.R1"]}
    assert found.affects_of(found.risks[0]) == ["ER404", "ENH-1.ER1", "ENH-1.ER1"]


def test_a_specs_tasks_count_per_top_level_section_in_the_order_first_met() -> None:
    def task(line: int, spec_id: str, part: str, done: bool) -> Task:
        return Task(at(line), spec_id, done, f"task {line}", section=f"{part} {line}",
                    part=part)

    records = [spec("ENH-1", 1), spec("ENH-2", 2), spec("ENH-3", 3),
               task(4, "ENH-1", "Plan", True), task(5, "ENH-1", "Tests", False),
               task(6, "ENH-1", "Plan", False), task(7, "ENH-2", "Plan", True),
               task(8, "ENH-1", "Plan", True)]
    counts = traces(records).counts
    assert counts["ENH-1"].tasks == (("Plan", 2, 3), ("Tests", 0, 1))
    assert (counts["ENH-1"].tasks_done, counts["ENH-1"].tasks_total) == (2, 4)
    assert counts["ENH-2"].tasks == (("Plan", 1, 1),)
    assert (counts["ENH-3"].tasks, counts["ENH-3"].tasks_done, counts["ENH-3"].tasks_total) == (
        (), 0, 0)
