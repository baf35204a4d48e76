"""``enhspec reqif``: an export as ReqIF 1.2, read back with the reqif library and checked
against the export object by object, and against the ReqIF 1.2 XSD."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from fuzzing import search
from hypothesis import given
from hypothesis import strategies as st
from reqif.parser import ReqIFParser
from reqif.unparser import ReqIFUnparser

from sphinxcontrib_enhspec.cli import main
from sphinxcontrib_enhspec.cli.reqif_mapping import datatype, escape, text, to_reqif

pytestmark = pytest.mark.requirement("ENH-100.ER9")

EXPORTS = Path(__file__).parent / "exports"
KINDS = {"specs": "spec", "requirements": "requirement", "risks": "risk"}
LINKS = {"specs": "supersedes", "requirements": "depends", "risks": "affects"}
STANDARD = {"id": "ReqIF.ForeignID", "title": "ReqIF.Name", "text": "ReqIF.Text"}


def schema() -> xmlschema.XMLSchema:
    """The ReqIF 1.2 XSD that the reqif package ships, with the XHTML schemas it imports."""
    import reqif

    root = Path(reqif.__file__).parent / "reqif_schema"
    # The XSD names its imports relative to the working directory.
    here = os.getcwd()
    os.chdir(root)
    try:
        return xmlschema.XMLSchema(str(root / "reqif.xsd"))
    finally:
        os.chdir(here)


@pytest.fixture(autouse=True)
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixed date unless a test sets ``SOURCE_DATE_EPOCH`` itself."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def reqif_schema() -> xmlschema.XMLSchema:
    return schema()


def convert(export: Path, out: Path, capsys: pytest.CaptureFixture[str]
            ) -> tuple[int, str, str]:
    status = main(["reqif", str(export), "-o", str(out)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def as_xml_text(value: str) -> str:
    """What the docs say XML keeps of a text: tabs and line breaks as spaces, and U+FFFD
    for what XML 1.0 cannot hold."""
    value = re.sub("[\t\n\r]", " ", value)
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\ufffd",
                  value)


def expected_value(value: Any, kind: str = "") -> str:
    """How the docs say each kind of JSON value is written."""
    if kind == "boolean" or (not kind and isinstance(value, bool)):
        return "true" if value else "false"
    if kind == "integer" or (not kind and isinstance(value, int)):
        return str(value)
    if isinstance(value, str):
        return as_xml_text(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return as_xml_text(", ".join(value))
    return as_xml_text(json.dumps(value, sort_keys=True, ensure_ascii=False))


def read_back(path: Path) -> dict[str, Any]:
    """The objects, relations and specifications of a ReqIF file, by the names users see."""
    bundle = ReqIFParser.parse(str(path))
    content = bundle.core_content.req_if_content
    names = {}
    for spec_type in content.spec_types:
        for definition in getattr(spec_type, "attribute_definitions", None) or ():
            names[definition.identifier] = definition.long_name
    types = {t.identifier: t.long_name for t in content.spec_types}
    objects = {}
    for spec_object in content.spec_objects:
        fields = {names[a.definition_ref]: a.value for a in spec_object.attributes}
        objects[fields["ReqIF.ForeignID"]] = (types[spec_object.spec_object_type], fields)
    ids = {o.identifier: fields["ReqIF.ForeignID"] for o, (_, fields)
           in zip(content.spec_objects, objects.values(), strict=True)}
    relations = {(types[r.relation_type_ref], ids[r.source], ids[r.target])
                 for r in content.spec_relations}

    def tree(hierarchy: Any) -> Any:
        below = [tree(child) for child in hierarchy.children or ()]
        return (ids[hierarchy.spec_object], below) if below else ids[hierarchy.spec_object]

    specifications = {s.long_name: [tree(h) for h in s.children]
                      for s in content.specifications}
    return {"header": bundle.req_if_header, "objects": objects, "relations": relations,
            "specifications": specifications, "bundle": bundle}


def assert_matches_export(data: dict[str, Any], found: dict[str, Any]) -> None:
    """Every object with every field that has a value, and every link between them."""
    expected = {}
    for key, kind in KINDS.items():
        entries = data.get(key, [])
        fields = {name for entry in entries for name in entry}
        # a field is boolean or integer only when every value it has is one
        types = {name: next((t for t, test in (("boolean", is_bool), ("integer", is_int))
                             if all(test(e[name]) for e in entries
                                    if e.get(name) is not None)), "")
                 for name in fields}
        for entry in entries:
            names = {**STANDARD, "title": "ReqIF.ChapterName"} if kind == "spec" else STANDARD
            expected[as_xml_text(entry["id"])] = (kind.capitalize(), {
                names.get(name, name): expected_value(value, types[name])
                for name, value in entry.items() if value is not None})
    assert found["objects"] == expected
    known = {entry["id"] for key in KINDS for entry in data.get(key, [])}
    links = {(link, as_xml_text(entry["id"]), as_xml_text(target))
             for key, link in LINKS.items() for entry in data.get(key, [])
             for target in entry.get(link, []) if target in known}
    assert found["relations"] == links


def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -2**31 <= value < 2**31


@pytest.mark.parametrize("root", ["basic", "basic-myst"])
def test_a_built_export_as_reqif(build, tmp_path, root, capsys, reqif_schema):
    project = build(root)
    export = project.outdir / "enhspec.json"
    out = tmp_path / "specs.reqif"
    status, stdout, stderr = convert(export, out, capsys)
    assert (status, stderr) == (0, "")
    assert stdout == f"wrote {out}: 3 specifications, 9 spec objects, 5 relations\n"
    reqif_schema.validate(str(out))
    data = json.loads(export.read_text())
    found = read_back(out)
    assert_matches_export(data, found)
    assert found["relations"] == {
        ("supersedes", "ENH-042", "ENH-017"),
        ("depends", "ENH-042.ER1", "ENH-042.CR1"), ("depends", "ENH-042.ER1", "ENH-017.ER2"),
        ("affects", "ENH-042.R1", "ENH-042.ER1"), ("affects", "ENH-042.R1", "ENH-042.PR1"),
    }
    assert found["specifications"] == {
        "ENH-017 Serial export": [("ENH-017", ["ENH-017.ER2"])],
        "ENH-042 Parallel export": [("ENH-042", ["ENH-042.CR1", "ENH-042.ER1", "ENH-042.PR1",
                                                 "ENH-042.R1", "ENH-042.R2"])],
        "Objects of no spec": ["SEC-1"],
    }
    er1 = found["objects"]["ENH-042.ER1"][1]
    assert er1["ReqIF.Name"] == "Export runs in parallel"
    assert er1["ReqIF.Text"] == next(r["text"] for r in json.loads(export.read_text())[
        "requirements"] if r["id"] == "ENH-042.ER1")
    assert er1["ReqIF.Text"].startswith("Each worker writes one file; see ")
    assert er1["verified_by"] == ("tests/test_export.py::test_parallel_export, "
                                  "tests/test_export.py::test_x[a,b]")
    assert er1["line"] == "16"
    assert json.loads(er1["tests"])[0]["test"] == "tests/test_export.py::test_parallel_export"
    header = found["header"]
    assert (header.title, header.req_if_version) == ("Project name not set", "1.0")
    assert header.creation_time == "1970-01-01T00:00:00Z"


def test_datatypes_follow_the_values(build, tmp_path, capsys):
    export = build("basic").outdir / "enhspec.json"
    out = tmp_path / "specs.reqif"
    assert convert(export, out, capsys)[0] == 0
    content = ReqIFParser.parse(str(out)).core_content.req_if_content
    requirement = next(t for t in content.spec_types if t.identifier == "type-requirement")
    kinds = {d.long_name: d.attribute_type.name for d in requirement.attribute_definitions}
    assert kinds["line"] == "INTEGER"
    assert kinds["ReqIF.Name"] == kinds["ReqIF.Text"] == kinds["depends"] == "STRING"
    assert kinds["tests"] == kinds["fingerprint"] == "STRING"
    # no requirement of this project has test results: the field has no value to type
    assert kinds["verified"] == "STRING"
    assert {d.identifier for d in content.data_types} == {"dt-string", "dt-integer",
                                                          "dt-boolean"}


def test_schema_1_export(tmp_path, capsys, reqif_schema):
    out = tmp_path / "v1.reqif"
    export = EXPORTS / "basic-v1.json"
    status, stdout, _ = convert(export, out, capsys)
    assert (status, stdout) == (0, f"wrote {out}: 3 specifications, 9 spec objects, "
                                   "5 relations\n")
    reqif_schema.validate(str(out))
    assert_matches_export(json.loads(export.read_text()), read_back(out))


def test_a_reexport_is_identical_and_dated_by_source_date_epoch(build, tmp_path, capsys,
                                                                 monkeypatch):
    export = build("basic").outdir / "enhspec.json"
    first, second, dated = (tmp_path / f"{n}.reqif" for n in ("first", "second", "dated"))
    assert convert(export, first, capsys)[0] == 0
    assert convert(export, second, capsys)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    assert convert(export, dated, capsys)[0] == 0
    text = dated.read_text()
    assert "<CREATION-TIME>2025-12-01T00:00:00Z</CREATION-TIME>" in text
    assert "1970" not in text
    assert text.replace("2025-12-01", "1970-01-01") == first.read_text()


def test_hostile_texts_survive(build, tmp_path, capsys, reqif_schema):
    export = build("escaping").outdir / "enhspec.json"
    out = tmp_path / "escaping.reqif"
    assert convert(export, out, capsys)[0] == 0
    reqif_schema.validate(str(out))
    data = json.loads(export.read_text())
    found = read_back(out)
    assert_matches_export(data, found)
    titles = [entry["title"] for key in KINDS for entry in data[key]]
    assert any("<" in title for title in titles)
    assert sorted(f"{s['id']} {s['title']}" for s in data["specs"]) == sorted(
        name for name in found["specifications"] if name != "Objects of no spec")


def test_links_outside_the_export_stay_text(build, tmp_path, capsys):
    data = json.loads((EXPORTS / "basic-v1.json").read_text())
    er1 = next(r for r in data["requirements"] if r["id"] == "ENH-042.ER1")
    er1["depends"] = [*er1["depends"], "core:ENH-1.ER1"]
    er1["verified"] = True
    er1["line"] = 2**40
    export = tmp_path / "enhspec.json"
    export.write_text(json.dumps(data))
    out = tmp_path / "specs.reqif"
    status, _, stderr = convert(export, out, capsys)
    assert status == 0
    assert stderr == ("enhspec reqif: ENH-042.ER1 depends on core:ENH-1.ER1, which is not "
                      "in the export; kept as text only\n")
    found = read_back(out)
    assert found["objects"]["ENH-042.ER1"][1]["depends"].endswith(", core:ENH-1.ER1")
    assert found["objects"]["ENH-042.ER1"][1]["verified"] == "true"
    assert found["objects"]["ENH-042.ER1"][1]["line"] == str(2**40)
    assert_matches_export(data, found)


BAD = [
    (None, "{export} cannot be read: No such file or directory"),
    ("{not json", "{export} is not JSON: Expecting property name enclosed in double quotes"),
    ("[1, 2]", "{export} is not an enhspec export of schema version 1 or 2"),
    ('{"specs": []}', "{export} is not an enhspec export of schema version 1 or 2"),
    ('{"schema_version": 99}', "{export} is not an enhspec export of schema version 1 or 2 "
                               "(its schema_version is 99)"),
    ('{"schema_version": 2, "risks": {}}', "{export} has no list of risks"),
    ('{"schema_version": 2, "requirements": [{"title": "x"}]}',
     "{export} has an object in requirements without an ID"),
    ('{"schema_version": 2, "specs": [{"id": "A-1"}], "risks": [{"id": "A-1"}]}',
     "{export} has two objects with the ID A-1"),
]


@pytest.mark.parametrize(("content", "reason"), BAD)
def test_unusable_exports_exit_2(tmp_path, capsys, content, reason):
    export = tmp_path / "enhspec.json"
    if content is not None:
        export.write_text(content)
    out = tmp_path / "specs.reqif"
    out.write_text("kept")
    status, stdout, stderr = convert(export, out, capsys)
    assert status == 2
    assert stdout == ""
    assert stderr.startswith(f"enhspec reqif: {reason.format(export=export)}")
    assert stderr.count("\n") == 1
    assert out.read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["specs.reqif", *(["enhspec.json"] if content is not None else [])])


def test_bad_epoch_and_bad_output_exit_2(tmp_path, capsys, monkeypatch):
    export = EXPORTS / "basic-v1.json"
    status, _, stderr = convert(export, tmp_path / "missing" / "specs.reqif", capsys)
    assert (status, stderr) == (
        2, f"enhspec reqif: {tmp_path / 'missing' / 'specs.reqif'} is not a file in an "
           "existing folder\n")
    assert convert(export, tmp_path, capsys)[:1] == (2,)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    status, _, stderr = convert(export, tmp_path / "specs.reqif", capsys)
    assert (status, stderr) == (
        2, "enhspec reqif: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds\n")
    assert list(tmp_path.iterdir()) == []


def test_without_the_reqif_package(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "reqif", None)
    status, _, stderr = convert(EXPORTS / "basic-v1.json", tmp_path / "out.reqif", capsys)
    assert (status, stderr) == (2, "enhspec reqif: needs the reqif package: pip install "
                                   "'sphinxcontrib-enhspec[reqif]'\n")
    assert list(tmp_path.iterdir()) == []


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", *args],
                          capture_output=True, text=True, check=False)


def test_help_and_the_real_command_line(tmp_path):
    shown = run_cli("reqif", "--help")
    assert shown.returncode == 0
    assert shown.stdout.startswith("usage: enhspec reqif [-h] -o OUT.reqif EXPORT.json")
    assert "ReqIF 1.2" in shown.stdout
    assert "reqif" in run_cli("--help").stdout
    missing = run_cli("reqif", str(tmp_path / "nothing.json"), "-o", str(tmp_path / "x.reqif"))
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert missing.stderr.count("\n") == 1
    no_output = run_cli("reqif", str(EXPORTS / "basic-v1.json"))
    assert no_output.returncode == 2
    assert "the following arguments are required: -o/--output" in no_output.stderr


def test_identifiers_are_xml_names_and_never_meet():
    assert escape("ENH-042.ER1") == "ENH-042.ER1"
    assert escape("core:ENH-1") == "core_3a_ENH-1"
    assert escape("a_b") == "a_5f_b"
    assert escape("a:b") != escape("a_3a_b")


def test_values_and_their_datatypes():
    assert datatype([True, None, False]) == "boolean"
    assert datatype([1, 2, None]) == "integer"
    assert datatype([1, True]) == "string"
    assert datatype([2**31]) == "string"
    assert datatype([None]) == datatype([]) == "string"
    assert text(["a", "b[c,d]"]) == "a, b[c,d]"
    assert text([{"b": 1, "a": None}]) == '[{"a": null, "b": 1}]'
    assert text("bell\x07 and tab\t") == "bell\ufffd and tab "
    assert text("two\nlines\r\n") == "two lines  "


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, capsys,
                                                                 monkeypatch):
    out = tmp_path / "specs.reqif"
    out.write_text("the last export")

    def full_disk(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    status, stdout, stderr = convert(EXPORTS / "basic-v1.json", out, capsys)
    assert (status, stdout) == (2, "")
    assert stderr == f"enhspec reqif: {out} cannot be written: No space left on device\n"
    assert [p.name for p in tmp_path.iterdir()] == ["specs.reqif"]
    assert out.read_text() == "the last export"


#: Texts of every kind: markup, quotes, controls, line breaks, lone surrogates.
TEXTS = st.text(st.characters(codec=None), max_size=12) | st.sampled_from(
    ["<b>&amp;</b>", '"\'', "a\tb\nc\r\n", "\x00\x1b", "\ud800", "]]>", "ENH-1.ER1"])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXTS | st.lists(TEXTS, max_size=3),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(TEXTS, inner, max_size=2),
    max_leaves=5)
FIELDS = st.text("abcdefghij_", min_size=1, max_size=6).filter(lambda f: f not in STANDARD)


@st.composite
def exports(draw: st.DrawFn) -> dict[str, Any]:
    """An export of random objects with random fields, links and IDs."""
    ids = draw(st.lists(TEXTS.filter(bool), min_size=1, max_size=8, unique=True))
    data: dict[str, Any] = {"schema_version": 2, "project": draw(TEXTS),
                            "generator": draw(TEXTS)}
    lists: dict[str, list[dict[str, Any]]] = {key: [] for key in KINDS}
    for object_id in ids:
        key = draw(st.sampled_from(sorted(KINDS)))
        entry = {"id": object_id, **draw(st.dictionaries(FIELDS, VALUES, max_size=4))}
        entry[LINKS[key]] = draw(st.lists(st.sampled_from(ids) | TEXTS, max_size=3))
        if key != "specs" and draw(st.booleans()):
            entry["spec"] = draw(st.sampled_from(ids))
        lists[key].append(entry)
    return {**data, **lists}


REQIF_SCHEMA = None


@given(data=exports())
@search(25)
def test_any_export_gives_a_valid_file_that_reads_back(data):
    global REQIF_SCHEMA  # loaded once: it takes a second
    REQIF_SCHEMA = REQIF_SCHEMA or schema()
    xml = ReqIFUnparser.unparse(to_reqif(data, "1970-01-01T00:00:00Z").bundle)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "specs.reqif"
        path.write_text(xml, encoding="utf-8")
        REQIF_SCHEMA.validate(str(path))
        found = read_back(path)
    assert_matches_export(data, found)
    # the reqif library escapes only "&" in the title: "<" and ">" are written as quotes
    title = as_xml_text(data["project"] or "enhspec export")
    assert found["header"].title == title.replace("<", "\u2039").replace(">", "\u203a")
