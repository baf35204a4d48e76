"""The checks after reading, on records built by hand."""

from __future__ import annotations

from test_ids import CFG

from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.checks import find_problems
from sphinxcontrib_enhspec.model import ConfigChange, Location, MigrationStep, Requirement, Spec
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
