"""The comparison of two states by full ID, as a pure function of export data."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from fuzzing import search
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_enhspec.derive import diff

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER10")

EXPORTS = Path(__file__).parent / "exports"


def export(*entries: tuple[str, dict[str, object]], version: int = 2) -> dict[str, object]:
    """Export data holding `entries` (list name, entry) and every list of its version."""
    lists = ["specs", "requirements", "risks", "migration_steps"]
    data: dict[str, object] = {"schema_version": version,
                               **{name: [] for name in lists + ["milestones"][:version - 1]}}
    for name, entry in entries:
        data[name].append(entry)  # type: ignore[attr-defined]
    return data


def req(ident: str, **fields: object) -> tuple[str, dict[str, object]]:
    entry = {"type": "requirement", "id": ident, "title": "T", "status": "open",
             "docname": "a", "line": 1, "spec": ident.split(".")[0], **fields}
    return "requirements", entry


def compare(old: dict[str, object], new: dict[str, object]) -> diff.Diff:
    return diff.compare(diff.snapshot(old), diff.snapshot(new))


def test_added_removed_changed_and_transitions():
    old = export(("specs", {"id": "ENH-1", "title": "S", "status": "proposed", "docname": "a"}),
                 req("ENH-1.ER1"), req("ENH-1.ER2"), req("ENH-1.ER3"), req("ENH-1.CR1"))
    new = export(("specs", {"id": "ENH-1", "title": "S", "status": "approved", "docname": "a"}),
                 req("ENH-1.ER1", status="done", line=40, depends=["ENH-1.CR1"]),
                 req("ENH-1.ER2", status="done"), req("ENH-1.CR1", status="done"),
                 req("ENH-1.ER4", title="New"))
    found = compare(old, new)
    assert [o.id for o in found.added] == ["ENH-1.ER4"]
    assert [o.id for o in found.removed] == ["ENH-1.ER3"]
    assert [(c.new.id, [(f.name, f.old, f.new) for f in c.fields]) for c in found.changed] == [
        ("ENH-1", [("status", "proposed", "approved")]),
        ("ENH-1.CR1", [("status", "open", "done")]),
        ("ENH-1.ER1", [("status", "open", "done")]),  # depends is new: only one side has it
        ("ENH-1.ER2", [("status", "open", "done")]),
    ]
    assert [str(t) for t in found.transitions] == [
        "1 spec proposed \u2192 approved", "3 requirements open \u2192 done"]
    assert found.found == {"added": 1, "removed": 1, "changed": 4, "conflict": 0}


def test_place_and_derived_fields_are_not_changes():
    old = export(req("ENH-1.ER1", line=3, uri="a.html#x", anchor="x", risks=[], verified=None,
                     fingerprint="0", tests=[]))
    new = export(req("ENH-1.ER1", line=9, uri="b.html#y", anchor="y", risks=["ENH-1.R1"],
                     verified=True, fingerprint="1", tests=[{"test": "t"}]))
    assert compare(old, new).empty


def test_links_text_and_every_other_field_compare():
    old = export(req("ENH-1.ER1", depends=["ENH-1.CR1"], text="Old body", priority="may"))
    new = export(req("ENH-1.ER1", depends=["ENH-1.CR2"], text="New body", priority="must"))
    [change] = compare(old, new).changed
    assert [(f.name, f.old, f.new) for f in change.fields] == [
        ("depends", ("ENH-1.CR1",), ("ENH-1.CR2",)), ("priority", "may", "must"),
        ("text", "Old body", "New body")]
    assert diff.shown(change.fields[0].new) == "ENH-1.CR2"


def test_conflict_is_another_document_and_another_title():
    old = export(req("ENH-1.ER5", title="Cache results", docname="a"))
    new = export(req("ENH-1.ER5", title="Stream output", docname="b"))
    found = compare(old, new)
    assert [(o.docname, n.docname) for o, n in found.conflicts] == [("a", "b")]
    assert found.changed == () and found.found["conflict"] == 1
    moved = export(req("ENH-1.ER5", title="Cache results", docname="b"))
    assert compare(old, moved).empty  # moved, same title: the same object


def test_an_older_file_without_milestones_reports_none_added():
    ms = ("milestones", {"type": "milestone", "id": "ENH-1.MS1", "title": "M", "docname": "a"})
    found = compare(export(req("ENH-1.ER1"), version=1), export(req("ENH-1.ER1"), ms))
    assert found.empty


def test_the_schema_1_fixture_compares_with_itself_and_without_text():
    data = json.loads((EXPORTS / "basic-v1.json").read_text(encoding="utf-8"))
    newer = json.loads(json.dumps(data))
    for entry in newer["requirements"]:
        entry.update(text="a body written later", fingerprint="abc")
    newer["milestones"] = []
    assert compare(data, newer).empty


def test_select_keeps_the_objects_of_named_specs():
    old = export(req("ENH-1.ER1"), req("ENH-2.ER1"))
    new = export(req("ENH-1.ER1", status="done"), req("ENH-2.ER1", status="done"),
                 req("ENH-2.ER2"))
    found = diff.select(compare(old, new), diff.of_specs({"ENH-2"}))
    assert [c.new.id for c in found.changed] == ["ENH-2.ER1"]
    assert [o.id for o in found.added] == ["ENH-2.ER2"]
    assert [str(t) for t in found.transitions] == ["1 requirement open \u2192 done"]


IDS = st.sampled_from([f"ENH-{s}.ER{n}" for s in (1, 2) for n in range(1, 5)])
ENTRIES = st.lists(st.tuples(IDS, st.sampled_from(["T", "U"]), st.sampled_from(["open", "done"]),
                             st.sampled_from(["a", "b"]), st.sampled_from(["", "x", "y"])),
                   max_size=8)


def state(rows: list[tuple[str, str, str, str, str]]) -> dict[str, object]:
    return export(*(req(i, title=t, status=s, docname=d, text=x) for i, t, s, d, x in rows))


@search(200)
@given(ENTRIES)
def test_a_state_compared_with_itself_is_empty(rows):
    assert compare(state(rows), state(rows)).empty


@search(200)
@given(ENTRIES, ENTRIES)
def test_swapping_the_states_swaps_added_and_removed(first, second):
    forth, back = compare(state(first), state(second)), compare(state(second), state(first))
    assert forth.added == back.removed and forth.removed == back.added
    assert [(c.old, c.new) for c in forth.changed] == [(c.new, c.old) for c in back.changed]
    assert [[(f.name, f.old, f.new) for f in c.fields] for c in forth.changed] == [
        [(f.name, f.new, f.old) for f in c.fields] for c in back.changed]
    assert [(o, n) for o, n in forth.conflicts] == [(n, o) for o, n in back.conflicts]


def fresh(text: str) -> str:
    """An equal string that is another object, as two files read apart give."""
    return json.loads(json.dumps(text))


def test_an_equal_title_read_from_another_file_is_no_conflict():
    old = export(req("ENH-1.ER1", title=fresh("Same title"), docname="a"))
    new = export(req("ENH-1.ER1", title=fresh("Same title"), docname="b"))
    found = compare(old, new)
    assert found.conflicts == ()
    assert found.empty  # where an object is written is no change


def test_a_changed_type_is_the_first_changed_field():
    old = export(req("ENH-1.X1", title="Was a requirement"))
    new = export(("risks", {"type": "risk", "id": "ENH-1.X1", "title": "Now a risk",
                            "status": "open", "docname": "a", "spec": "ENH-1"}))
    (changed,) = compare(old, new).changed
    assert [(f.name, f.old, f.new) for f in changed.fields] == [
        ("type", "requirement", "risk"), ("title", "Was a requirement", "Now a risk")]


def test_transitions_count_status_changes_only_and_the_most_frequent_first():
    old = export(req("ENH-1.ER1"), req("ENH-1.ER2"), req("ENH-1.ER3"), req("ENH-1.ER4"))
    new = export(req("ENH-1.ER1", status="done"), req("ENH-1.ER2", status="dropped"),
                 req("ENH-1.ER3", status="dropped"), req("ENH-1.ER4", title="Retitled"))
    assert [str(t) for t in compare(old, new).transitions] == [
        "2 requirements open \u2192 dropped", "1 requirement open \u2192 done"]


def test_a_missing_or_broken_list_leaves_the_others_read():
    data = {"schema_version": 2, "specs": "not a list", "requirements": ["junk", {"title": "x"}],
            "migration_steps": [{"id": "ENH-1.M1", "title": "Step", "docname": "a"}]}
    snap = diff.snapshot(data)
    assert list(snap.objects) == ["ENH-1.M1"]
    assert snap.types == frozenset({"requirement", "migration-step"})


def test_select_keeps_a_change_or_conflict_when_either_side_is_of_the_spec():
    old = export(req("ENH-1.ER1", spec="ENH-1"), req("ENH-1.ER2", spec="ENH-1", docname="a"))
    new = export(req("ENH-1.ER1", spec="ENH-2"),
                 req("ENH-1.ER2", spec="ENH-3", docname="b", title="Another"))
    found = compare(old, new)
    assert [c.new.id for c in found.changed] == ["ENH-1.ER1"]
    assert [p[0].id for p in found.conflicts] == ["ENH-1.ER2"]
    for side in ("ENH-1", "ENH-2"):
        kept = diff.select(found, diff.of_specs({side}))
        assert [c.new.id for c in kept.changed] == ["ENH-1.ER1"], side
    for side in ("ENH-1", "ENH-3"):
        kept = diff.select(found, diff.of_specs({side}))
        assert [p[1].id for p in kept.conflicts] == ["ENH-1.ER2"], side
    assert diff.select(found, diff.of_specs({"ENH-9"})).empty


def test_select_works_on_states_read_from_json():
    old = json.loads(json.dumps(export(req("ENH-1.ER1"), req("ENH-2.ER1"))))
    new = json.loads(json.dumps(export(req("ENH-1.ER1", status="done"),
                                       req("ENH-2.ER1", status="done"))))
    found = diff.select(compare(old, new), diff.of_specs({"ENH-2"}))
    assert [c.new.id for c in found.changed] == ["ENH-2.ER1"]


def test_a_diff_is_shared_and_so_frozen():
    found = compare(export(req("ENH-1.ER1")), export())
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.added = ()  # type: ignore[misc]
