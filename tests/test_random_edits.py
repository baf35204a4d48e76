"""Random edit sequences: after every edit an incremental build shows exactly what a clean
serial build of the same sources shows (collections, cards, blocks, export, inventory).

`make test` runs a few short sequences with a fixed seed; `make fuzz` runs many long ones.
"""

from __future__ import annotations

import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from built_output import differences, shown
from edit_project import LIST, Document, Item, write_project
from fuzzing import search
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.requirement("ENH-100.ER2")

SPECS = ["ENH-001", "ENH-002", "ENH-003"]
LOCALS = ["ER1", "ER2", "CR1", "PR1"]
RISKS = ["R1", "R2"]
TITLES = ["Alpha", "Beta *big*", "Beta **big**", "Gamma ``code``", "Tier 1²", "Delta"]
MITIGATIONS = ["Keep it *big*.", "Keep it **big**.", "Run ``-j 8``.", "Plain words."]
COLLECTIONS = [
    ("traceability-matrix", {"columns": "id, title, spec, depends, risks, tags",
                             "sort": "title"}),
    ("traceability-matrix", {}),
    ("traceability-matrix", {"spec": "ENH-001", "sort": "status"}),
    ("risk-register", {"matrix": ""}),
    ("spec-index", {}),
    ("spec-index", {"group-by": "release"}),
    ("migration-guide", {}),
    ("config-changes", {}),
    ("api-changes", {}),
    ("deprecation-timeline", {}),
    ("timeline", {}),
    ("spec-index", {"columns": "id, tasks"}),
]
TASKS = ["- [ ] Write it", "- [x] Test it", "- [X] Ship *it*", "- [ ] Tell ``users``"]


def build(srcdir: Path, outdir: Path, *, fresh: bool, parallel: int = 0) -> None:
    """An HTML build of `srcdir` into `outdir`: clean, or incremental on what is there."""
    app = SphinxTestApp("html", srcdir=srcdir, builddir=outdir, freshenv=fresh,
                        parallel=parallel, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()


class Edits(RuleBasedStateMachine):
    """A project edited one change at a time, built incrementally after each."""

    ext = "rst"

    def __init__(self) -> None:
        super().__init__()
        self.work = Path(tempfile.mkdtemp(prefix="enhspec-edits-"))
        self.docs: dict[str, Document] = {}
        self.serial = 0

    def teardown(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    # -- helpers ------------------------------------------------------------------------

    def items(self) -> list[tuple[str, Item]]:
        return [(name, item) for name, doc in sorted(self.docs.items()) for item in doc.items]

    def new_doc(self, data: st.DataObject) -> str:
        self.serial += 1
        name = f"d{self.serial}"
        self.docs[name] = Document(data.draw(st.sampled_from(["Alpha", "Beta", "Gamma"])))
        return name

    def pick_doc(self, data: st.DataObject) -> str:
        return data.draw(st.sampled_from(sorted(self.docs)))

    def some_ids(self, data: st.DataObject, kind: str) -> str:
        ids = sorted({item.full_id() for _, item in self.items() if item.name == kind})
        if not ids:
            return ""
        return ", ".join(data.draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))

    # -- rules --------------------------------------------------------------------------

    @initialize(data=st.data())
    def start(self, data: st.DataObject) -> None:
        first = self.new_doc(data)
        self.docs[first].spec = Item("enhancement-spec", "ENH-001 First spec",
                                     {"status": "approved", "release": "2.0"})
        self.docs[first].items.append(Item("requirement", "Alpha", spec="ENH-001", local="ER1"))
        second = self.new_doc(data)
        self.docs[second].items.append(Item("traceability-matrix"))

    @rule(data=st.data())
    def add_document(self, data: st.DataObject) -> None:
        self.new_doc(data)

    @rule(data=st.data())
    def delete_document(self, data: st.DataObject) -> None:
        if len(self.docs) > 1:
            del self.docs[self.pick_doc(data)]

    @rule(data=st.data())
    def rename_document(self, data: st.DataObject) -> None:
        old = self.pick_doc(data)
        self.serial += 1
        self.docs[f"d{self.serial}"] = self.docs.pop(old)

    @rule(data=st.data())
    def set_spec(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        ident = data.draw(st.sampled_from([*SPECS, ""]))
        if not ident:
            doc.spec = None
            return
        options = {"status": data.draw(st.sampled_from(["draft", "approved", "implemented"])),
                   "release": data.draw(st.sampled_from(["1.5", "2.0", "2.1"]))}
        if data.draw(st.booleans()):
            options["supersedes"] = data.draw(st.sampled_from(SPECS))
        doc.spec = Item("enhancement-spec", f"{ident} {data.draw(st.sampled_from(TITLES))}",
                        options)

    @rule(data=st.data())
    def add_requirement(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        options = {"status": data.draw(st.sampled_from(["open", "done", "dropped"]))}
        if depends := self.some_ids(data, "requirement"):
            options["depends"] = depends
        if data.draw(st.booleans()):
            options["tags"] = data.draw(st.sampled_from(["export", "①", "a, b"]))
        doc.items.insert(
            data.draw(st.integers(0, len(doc.items))),
            Item("requirement", data.draw(st.sampled_from(TITLES)), options,
                 spec=data.draw(st.sampled_from(SPECS)), local=data.draw(st.sampled_from(LOCALS))))

    @rule(data=st.data())
    def add_risk(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        options = {"likelihood": data.draw(st.sampled_from(["low", "high"])),
                   "impact": data.draw(st.sampled_from(["medium", "high"]))}
        if affects := self.some_ids(data, "requirement"):
            options["affects"] = affects
        risk = Item("risk", data.draw(st.sampled_from(TITLES)), options,
                    spec=data.draw(st.sampled_from(SPECS)), local=data.draw(st.sampled_from(RISKS)))
        if data.draw(st.booleans()):
            risk.nested = ("mitigation", [data.draw(st.sampled_from(MITIGATIONS))])
        else:
            risk.options["mitigation"] = data.draw(st.sampled_from(MITIGATIONS))
        doc.items.append(risk)

    @rule(data=st.data())
    def add_step_or_change(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        spec = data.draw(st.sampled_from(SPECS))
        if data.draw(st.booleans()):
            options = {"breaking": ""} if data.draw(st.booleans()) else {}
            doc.items.append(Item("migration-step", data.draw(st.sampled_from(TITLES)), options,
                                  ["Do *this* first."], spec=spec))
        else:
            name = data.draw(st.sampled_from(["config-change", "api-change"]))
            options = {"action": data.draw(st.sampled_from(["added", "removed", "deprecated"]))}
            if options["action"] == "deprecated":
                options["removed-in"] = data.draw(st.sampled_from(["2.1", "3.0"]))
            doc.items.append(Item(name, data.draw(st.sampled_from(["a.b", "a.c"])), options,
                                  spec=spec))

    @rule(data=st.data())
    def add_milestone_or_tasks(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        tasks = data.draw(st.lists(st.sampled_from(TASKS), min_size=1, max_size=3))
        if data.draw(st.booleans()):
            options = {"date": data.draw(st.sampled_from(["2026-01-10", "2027-06-01"])),
                       "status": data.draw(st.sampled_from(["planned", "done"]))}
            doc.items.append(Item("milestone", data.draw(st.sampled_from(TITLES)), options,
                                  tasks, spec=data.draw(st.sampled_from(SPECS))))
        else:
            doc.items.insert(data.draw(st.integers(0, len(doc.items))), Item(LIST, body=tasks))

    @rule(data=st.data())
    def tick_a_task(self, data: st.DataObject) -> None:
        bodies = [item for _, item in self.items() if any(line.startswith("- [") for line in
                                                           item.body)]
        if not bodies:
            return
        item = data.draw(st.sampled_from(bodies))
        index = data.draw(st.integers(0, len(item.body) - 1))
        line = item.body[index]
        if line.startswith("- [ ]"):
            item.body[index] = "- [x]" + line[5:]
        elif line.startswith("- ["):
            item.body[index] = "- [ ]" + line[5:]

    @rule(data=st.data())
    def add_collection(self, data: st.DataObject) -> None:
        doc = self.docs[self.pick_doc(data)]
        name, options = data.draw(st.sampled_from(COLLECTIONS))
        doc.items.append(Item(name, "", dict(options)))

    @rule(data=st.data())
    def edit_item(self, data: st.DataObject) -> None:
        items = [item for _, item in self.items() if item.local or item.argument]
        if not items:
            return
        item = data.draw(st.sampled_from(items))
        what = data.draw(st.sampled_from(["title", "status", "links", "mitigation", "spec"]))
        if what == "title":
            item.argument = data.draw(st.sampled_from(TITLES))
        elif what == "status" and item.name == "requirement":
            item.options["status"] = data.draw(st.sampled_from(["open", "done", "in-progress"]))
        elif what == "links" and item.name in ("requirement", "risk"):
            key = "depends" if item.name == "requirement" else "affects"
            item.options[key] = self.some_ids(data, "requirement")
        elif what == "mitigation" and item.nested:
            item.nested = ("mitigation", [data.draw(st.sampled_from(MITIGATIONS))])
        elif what == "spec" and item.spec:
            item.spec = data.draw(st.sampled_from(SPECS))

    @rule(data=st.data())
    def move_item(self, data: st.DataObject) -> None:
        if not (items := self.items()):
            return
        name, item = data.draw(st.sampled_from(items))
        self.docs[name].items.remove(item)
        target = self.docs[self.pick_doc(data)]
        target.items.insert(data.draw(st.integers(0, len(target.items))), item)

    @rule(data=st.data())
    def delete_item(self, data: st.DataObject) -> None:
        if items := self.items():
            name, item = data.draw(st.sampled_from(items))
            self.docs[name].items.remove(item)

    # -- the check ----------------------------------------------------------------------

    @invariant()
    def incremental_matches_clean(self) -> None:
        source = self.work / "src"
        write_project(source, self.docs, self.ext)
        build(source, self.work / "out", fresh=not (self.work / "out").exists())
        clean = self.work / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.copytree(source, clean / "src")
        build(clean / "src", clean / "out", fresh=True)
        pages = {"index", *self.docs}
        found = differences(shown(clean / "out" / "html", pages),
                            shown(self.work / "out" / "html", pages))
        assert not found, "\n".join(found)


class MystEdits(Edits):
    """The same edits, written in MyST."""

    ext = "md"


TestEdits = Edits.TestCase
TestEdits.settings = search(3, steps=8, fuzz_factor=2)
TestMystEdits = MystEdits.TestCase
TestMystEdits.settings = search(3, steps=8, fuzz_factor=2)
