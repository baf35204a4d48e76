"""The checks after reading, on records built by hand."""

from __future__ import annotations

from test_ids import CFG

from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.checks import CYCLE_NAMED, find_problems, unknown_markers
from sphinxcontrib_enhspec.model import (
    ConfigChange,
    Location,
    MigrationStep,
    Requirement,
    Risk,
    Spec,
)
from sphinxcontrib_enhspec.model import TestCase as Case
from sphinxcontrib_enhspec.query import (
    CONFIG_CHANGES,
    MATRIX,
    MIGRATION_GUIDE,
    RISK_REGISTER,
    SPEC_INDEX,
    Query,
)
from sphinxcontrib_enhspec.warnings import Subtype


def req(ident, doc="a", line=1, depends=(), spec="S-1"):
    return Requirement(id=ident, title="", location=Location(doc, line), anchor=ident,
                       spec=spec, depends=depends)


def where(location):
    return f"{location.docname}.rst:{location.lineno}"


def problems(records):
    by_doc = {}
    for record in records:
        by_doc.setdefault(record.location.docname, []).append(record)
    return [(p.subtype, p.message, p.location)
            for p in find_problems(build_catalog(by_doc), CFG, where)]


SPEC = Spec(id="S-1", title="", location=Location("a", 1), anchor="s")


def test_first_definition_in_document_order_stands():
    later = req("S-1.ER1", doc="b", line=3)
    first = req("S-1.ER1", doc="a", line=9)
    index = build_catalog({"b": [later], "a": [SPEC, first]})
    assert index.objects["S-1.ER1"] is first
    assert problems([SPEC, later, first]) == [
        (Subtype.DUPLICATE, "duplicate ID 'S-1.ER1': also defined at a.rst:9", Location("b", 3)),
    ]


def test_a_long_chain_has_no_cycle_and_a_ring_has_one():
    chain = [req(f"S-1.ER{i}", line=i, depends=(f"ER{i + 1}",)) for i in range(1, 3000)]
    chain.append(req("S-1.ER3000", line=3000))
    assert problems([SPEC, *chain]) == []
    ring = [req("S-1.ER1", line=2, depends=("ER2",)), req("S-1.ER2", line=3, depends=("ER3",)),
            req("S-1.ER3", line=4, depends=("ER1",))]
    assert problems([SPEC, *ring]) == [
        (Subtype.CYCLE, "requirements depend on each other in a cycle: "
         "S-1.ER1 -> S-1.ER2 -> S-1.ER3 -> S-1.ER1", Location("a", 2)),
    ]


def test_two_separate_cycles_are_each_reported_once():
    records = [SPEC, req("S-1.ER1", line=2, depends=("ER2",)),
               req("S-1.ER2", line=3, depends=("ER1",)),
               req("S-1.ER3", line=4, depends=("ER3", "ER1"))]
    assert [p[:2] for p in problems(records)] == [
        (Subtype.CYCLE, "requirements depend on each other in a cycle: "
         "S-1.ER1 -> S-1.ER2 -> S-1.ER1"),
        (Subtype.CYCLE, "requirements depend on each other in a cycle: S-1.ER3 -> S-1.ER3"),
    ]


def test_steps_and_changes_take_their_spec_release():
    spec = Spec(id="S-1", title="", location=Location("a", 1), anchor="s", release="2.0")
    step = MigrationStep(id="S-1.M1", title="", location=Location("b", 1), anchor="m",
                         spec="S-1")
    change = ConfigChange(key="k", location=Location("b", 2), anchor="c", spec="S-1")
    index = build_catalog({"a": [spec], "b": [step, change]})
    assert index.objects["S-1.M1"].release == "2.0"
    assert list(index.config_changes) == ["k@2.0"]


def test_a_long_cycle_names_its_first_members_and_the_count():
    ring = [req(f"S-1.ER{i}", line=i, depends=(f"ER{i % 600 + 1}",)) for i in range(1, 601)]
    [(subtype, message, location)] = problems([SPEC, *ring])
    assert subtype is Subtype.CYCLE
    assert message == ("requirements depend on each other in a cycle: "
                       + " -> ".join(f"S-1.ER{i}" for i in range(1, 9))
                       + " -> ... (600 requirements)")
    assert location == Location("a", 1)


def test_a_cycle_through_a_later_dependency_is_found() -> None:
    records = [SPEC, req("S-1.ER1", line=2, depends=("ER2", "ER3")), req("S-1.ER2", line=3),
               req("S-1.ER3", line=4, depends=("ER1",))]
    assert problems(records) == [
        (Subtype.CYCLE, "requirements depend on each other in a cycle: "
         "S-1.ER1 -> S-1.ER3 -> S-1.ER1", Location("a", 2)),
    ]


def test_unknown_links_and_specs_are_named_at_the_record() -> None:
    records = [SPEC, req("S-1.ER1", line=2, depends=("ER2", "ER9", "S-1")),
               req("S-1.ER2", line=3),
               req("S-2.ER1", line=4, spec="S-2"),
               Risk(id="S-1.R1", title="", location=Location("a", 5), anchor="r", spec="S-1",
                    affects=("ER1", "R1")),
               Spec(id="S-3", title="", location=Location("a", 6), anchor="s3",
                    supersedes=("S-1", "S-0", "S-1.ER1"))]
    assert problems(records) == [
        (Subtype.UNRESOLVED, "S-1.ER1: :depends: names unknown requirement 'ER9'",
         Location("a", 2)),
        (Subtype.UNRESOLVED, "S-1.ER1: :depends: names unknown requirement 'S-1'",
         Location("a", 2)),
        (Subtype.UNRESOLVED, "S-2.ER1: unknown spec 'S-2'", Location("a", 4)),
        (Subtype.UNRESOLVED, "S-1.R1: :affects: names unknown requirement 'R1'",
         Location("a", 5)),
        (Subtype.UNRESOLVED, "S-3: :supersedes: names unknown spec 'S-0'", Location("a", 6)),
        (Subtype.UNRESOLVED, "S-3: :supersedes: names unknown spec 'S-1.ER1'",
         Location("a", 6)),
    ]


def test_another_projects_objects_are_not_checked() -> None:
    theirs = Requirement(id="core:S-9.ER1", title="", location=Location("a", 0, uri="x.html"),
                         anchor="x", spec="S-9", depends=("ER2", "ER1"))
    ring = req("S-1.ER1", line=2, depends=("core:S-9.ER1",))
    assert find_problems(build_catalog({"a": [SPEC, ring]}, [theirs]), CFG, where) == []


def test_a_lookup_by_type_finds_only_that_type() -> None:
    catalog = build_catalog({"a": [SPEC, req("S-1.ER1")]})
    assert catalog.get("S-1", "spec") is SPEC
    assert catalog.get("S-1", "requirement") is None
    assert catalog.get("S-1.ER1", "spec") is None
    assert catalog.get("S-1.ER1") is catalog.get("S-1.ER1", "requirement")
    step = MigrationStep(id="S-1.M1", title="", location=Location("a", 3), anchor="m",
                         spec="S-1")
    # An equal type name, not the model's own string, as a role's target type gives it.
    wanted = "-".join(["migration", "step"])
    assert build_catalog({"a": [SPEC, step]}).get("S-1.M1", wanted) is step


def test_a_step_of_an_unknown_spec_keeps_no_release() -> None:
    step = MigrationStep(id="S-9.M1", title="", location=Location("a", 3), anchor="m",
                         spec="S-9")
    index = build_catalog({"a": [SPEC, step]})
    assert index.objects["S-9.M1"].release == ""
    assert problems([SPEC, step]) == [
        (Subtype.UNRESOLVED, "S-9.M1: unknown spec 'S-9'", Location("a", 3))]


def query(kind: str, line: int, **filters: tuple[str, ...]) -> Query:
    return Query(kind=kind, location=Location("c", line), filters=tuple(filters.items()))


def test_collections_name_unknown_specs_in_their_filters() -> None:
    step = MigrationStep(id="S-1.M1", title="", location=Location("a", 3), anchor="m",
                         spec="S-1")
    queries = [query(MATRIX, 1, spec=("s-1", "S-2", "S-1.ER1", "S-1.M1")),
               query(SPEC_INDEX, 2)]
    found = find_problems(build_catalog({"a": [SPEC, req("S-1.ER1", line=2), step]}), CFG,
                          where, queries)
    assert [(p.subtype, p.message, p.location) for p in found] == [
        (Subtype.UNRESOLVED, "traceability-matrix: :spec: names unknown spec 'S-1.ER1'",
         Location("c", 1)),
        (Subtype.UNRESOLVED, "traceability-matrix: :spec: names unknown spec 'S-1.M1'",
         Location("c", 1)),
        (Subtype.UNRESOLVED, "traceability-matrix: :spec: names unknown spec 'S-2'",
         Location("c", 1)),
    ]


def test_releases_that_are_no_version_matter_only_to_a_migration_guide() -> None:
    step = MigrationStep(id="S-1.M1", title="", location=Location("a", 3), anchor="m",
                         spec="S-1", release="next")
    fine = MigrationStep(id="S-1.M2", title="", location=Location("a", 4), anchor="m2",
                         spec="S-1", release="2.0")
    change = ConfigChange(key="k", location=Location("a", 5), anchor="c", spec="S-1",
                          release="soon")
    catalog = build_catalog({"a": [SPEC, step, fine, change]})
    others = [query(kind, 1) for kind in (CONFIG_CHANGES, MATRIX, RISK_REGISTER, SPEC_INDEX)]
    assert find_problems(catalog, CFG, where, others) == []
    found = find_problems(catalog, CFG, where, [*others, query(MIGRATION_GUIDE, 2)])
    assert [(p.subtype, p.message, p.location) for p in found] == [
        (Subtype.INVALID_VALUE, "S-1.M1: release 'next' is not a PEP 440 version; "
         "migration guides leave it out", Location("a", 3)),
        (Subtype.INVALID_VALUE, "k@soon: release 'soon' is not a PEP 440 version; "
         "migration guides leave it out", Location("a", 5)),
    ]


def test_a_cycle_entered_from_outside_is_found_whole() -> None:
    records = [SPEC, req("S-1.ER1", line=2, depends=("ER3",)),
               req("S-1.ER2", line=3, depends=("ER3",)), req("S-1.ER3", line=4, depends=("ER2",))]
    assert problems(records) == [
        (Subtype.CYCLE, "requirements depend on each other in a cycle: "
         "S-1.ER2 -> S-1.ER3 -> S-1.ER2", Location("a", 3)),
    ]


def test_a_cycle_of_as_many_as_are_named_names_them_all() -> None:
    ring = [req(f"S-1.ER{i}", line=i, depends=(f"ER{i % CYCLE_NAMED + 1}",))
            for i in range(1, CYCLE_NAMED + 1)]
    [(_, message, _)] = problems([SPEC, *ring])
    assert message == ("requirements depend on each other in a cycle: "
                       + " -> ".join(f"S-1.ER{i}" for i in [*range(1, CYCLE_NAMED + 1), 1]))


def test_markers_that_name_no_requirement() -> None:
    cases = [Case("tests.test_a", "test_x", "passed", ("S-1.ER1", "S-1.ER9"), "b.xml"),
             Case("tests.test_a", "test_y", "failed", ("S-1", "S-1.ER9"), "a.xml")]
    catalog = build_catalog({"a": [SPEC, req("S-1.ER1")]})
    assert unknown_markers(cases, catalog) == [
        ("a.xml", "tests.test_a.test_y", "S-1"), ("a.xml", "tests.test_a.test_y", "S-1.ER9"),
        ("b.xml", "tests.test_a.test_x", "S-1.ER9")]
