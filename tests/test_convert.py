"""``enhspec convert``: specs in the template's plain Markdown, turned into reST and MyST,
build without warnings and export what the Markdown said; every word of prose survives."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOTS

from sphinxcontrib_enhspec.cli import convert as command
from sphinxcontrib_enhspec.cli import main

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER14")

FIXTURES = Path(__file__).parent / "convert"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_f60f97a7c79479f4.txt"
#: Each fixture and the ``--id`` it is converted with (None: the document names its ID).
SPECS = {"template": "ENH-99", "filled": None, "missing-sections": None,
         "extra-sections": None, "no-checkboxes": None, "several-yaml": None}
PLACEHOLDER_RISK = "[Mitigation strategy]"

#: What each spec's export must hold: requirements (status, kind), risks (category,
#: mitigation), migration steps, config changes (action, default), API changes (action).
EXPECTED = {
    "template": {
        "spec": ("ENH-99", "draft"),
        "requirements": {f"ENH-99.{p}{n}": ("open", kind) for p, kind in
                         (("ER", "enhancement"), ("CR", "compatibility"),
                          ("PR", "performance")) for n in (1, 2, 3)},
        "risks": {f"ENH-99.R{n}": (category, PLACEHOLDER_RISK) for n, category in
                  enumerate(["technical"] * 2 + ["user-adoption"] * 2
                            + ["compatibility"] * 2, 1)},
        "steps": ["[Step 1]", "[Step 2]", "[Step 3]"],
        "config": {"[module_name].new_feature.option1@": ("added", "value1"),
                   "[module_name].new_feature.option2@": ("added", "value2")},
        "api": {"ExistingClass.enhanced_method@": "changed",
                "ExistingClass.new_method@": "added"},
    },
    "filled": {
        "spec": ("ENH-12", "approved"),
        "requirements": {
            "ENH-12.ER1": ("done", "enhancement"), "ENH-12.ER2": ("done", "enhancement"),
            "ENH-12.ER3": ("open", "enhancement"), "ENH-12.CR1": ("done", "compatibility"),
            "ENH-12.CR2": ("open", "compatibility"), "ENH-12.CR3": ("open", "compatibility"),
            "ENH-12.PR1": ("open", "performance"), "ENH-12.PR2": ("open", "performance"),
            "ENH-12.PR3": ("open", "performance")},
        "risks": {
            "ENH-12.R1": ("technical", "Run the export suite under 8 workers in CI."),
            "ENH-12.R2": ("technical", "Merge the pages by their index, not by completion."),
            "ENH-12.R3": ("user-adoption", "Warn on every build that reads threads."),
            "ENH-12.R4": ("user-adoption", "Default to half the cores on machines under 8 GB."),
            "ENH-12.R5": ("compatibility", "Keep run() callable without arguments."),
            "ENH-12.R6": ("compatibility", "Read them with the old reader.")},
        "steps": ["Rename threads", "Check the log", "Tune the pool"],
        "config": {"exporter.workers@": ("added", "8"),
                   "exporter.progress.interval@": ("added", "2s"),
                   "exporter.progress.style@": ("added", "bar")},
        "api": {"exporter.Exporter.run@": "changed", "exporter.Exporter.cancel@": "added"},
    },
    "missing-sections": {
        "spec": ("ENH-21", "draft"),
        "requirements": {"ENH-21.ER1": ("open", "enhancement"),
                         "ENH-21.ER2": ("done", "enhancement")},
        "risks": {"ENH-21.R1": ("technical", "Keep every warning on standard error.")},
        "steps": [], "config": {}, "api": {},
    },
    "extra-sections": {
        "spec": ("KEP-314", "proposed"),
        "requirements": {"KEP-314.ER1": ("open", "enhancement"),
                         "KEP-314.ER2": ("open", "enhancement")},
        "risks": {"KEP-314.R1": ("", "Ship it behind a flag."),
                  "KEP-314.R2": ("technical", "")},
        "steps": [], "config": {}, "api": {},
    },
    "no-checkboxes": {
        "spec": ("ENH-33", "draft"),
        "requirements": {f"ENH-33.ER{n}": ("open", "enhancement") for n in (1, 2, 3, 4)}
        | {"ENH-33.CR1": ("open", "compatibility"), "ENH-33.CR2": ("open", "compatibility"),
           "ENH-33.PR1": ("open", "performance")},
        "risks": {},
        "steps": ["Delete the old export folder once", "Run a full export"],
        "config": {}, "api": {},
    },
    "several-yaml": {
        "spec": ("ADR-7", "implemented"),
        "requirements": {}, "risks": {}, "steps": [],
        "config": {"export.workers@2.0": ("added", "4"), "export.retry@2.0": ("added", "3"),
                   "export.format@2.0": ("changed", "html"),
                   "export.threads@2.0": ("deprecated", "4"),
                   "legacy.compress@2.0": ("", "")},
        "api": {"export_parallel@2.0": "deprecated"},
    },
}


def converted(tmp_path, name, fmt, capsys):
    """A copy of the scaffold project with the fixture converted into it; the stderr."""
    src = tmp_path / f"{name}-{fmt}"
    shutil.copytree(ROOTS / "test-scaffold", src)
    (src / "specs").mkdir()
    spec_id = SPECS[name]
    argv = ["convert", str(FIXTURES / f"{name}.md"), "--format", fmt,
            "-o", str(src / "specs" / f"{name}.{fmt}")]
    assert main(argv + (["--id", spec_id] if spec_id else [])) == 0
    out, err = capsys.readouterr()
    assert out == ""
    return src, err


def found(export, spec_id):
    """The export's objects of one spec, in the shape of EXPECTED."""
    mine = {key: [r for r in export[key] if r.get("spec") == spec_id]
            for key in ("requirements", "risks", "migration_steps", "config_changes",
                        "api_changes")}
    [spec] = [s for s in export["specs"] if s["id"] == spec_id]
    return {
        "spec": (spec["id"], spec["status"]),
        "requirements": {r["id"]: (r["status"], r["kind"]) for r in mine["requirements"]},
        "risks": {r["id"]: (r["category"], r["mitigation"]) for r in mine["risks"]},
        "steps": [s["title"] for s in mine["migration_steps"]],
        "config": {c["id"]: (c["action"], c["default"]) for c in mine["config_changes"]},
        "api": {c["id"]: c["action"] for c in mine["api_changes"]},
    }


@pytest.mark.skipif(not SEED.is_file(), reason="the template is outside this checkout")
def test_the_template_fixture_is_the_seed():
    assert (FIXTURES / "template.md").read_text() == SEED.read_text()


@pytest.mark.parametrize("fmt", ["rst", "md"])
@pytest.mark.parametrize("name", sorted(SPECS))
def test_converted_specs_build_without_warnings_and_export_the_markdown(
        build, tmp_path, capsys, name, fmt):
    src, _ = converted(tmp_path, name, fmt, capsys)
    project = build("scaffold", srcdir=src)
    assert project.warnings() == []
    export = json.loads(project.text("enhspec.json"))
    expected = EXPECTED[name]
    assert found(export, expected["spec"][0]) == expected
    html = project.text(f"specs/{name}.html")
    assert "Traceback" not in html


def prose_words(markdown: str) -> Counter[str]:
    """The words a reader of the Markdown sees: without list markers, checkbox marks,
    metadata labels and code fences' language names."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", line)
        line = re.sub(r"^\*\*[^*]+\*\*:", "", line)
        line = re.sub(r"^\s*(```|~~~)\S*", "", line)
        lines.append(line)
    return words("\n".join(lines))


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in re.findall(r"[^\W_]+", text))


@pytest.mark.parametrize("fmt", ["rst", "md"])
@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_word_of_prose_survives(tmp_path, capsys, name, fmt):
    out = tmp_path / f"out.{fmt}"
    argv = ["convert", str(FIXTURES / f"{name}.md"), "--format", fmt, "-o", str(out)]
    spec_id = SPECS[name]
    assert main([*argv, *(["--id", spec_id] if spec_id else [])]) == 0
    source = (FIXTURES / f"{name}.md").read_text()
    missing = prose_words(source) - words(out.read_text())
    assert not missing
    # The check is not vacuous: a spec that lost a paragraph fails it.
    assert prose_words(source + "\nA sentence about zanzibar.\n") - words(out.read_text())


def test_unplaced_lines_are_listed_on_stderr_with_their_line(capsys):
    path = FIXTURES / "extra-sections.md"
    assert main(["convert", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("KEP-314: Release notes from specs\n=====")
    assert err.splitlines() == [
        f"{path}:5: kept as text: 'Priority' is not a metadata field of enhancement-spec",
        f"{path}:6: kept as text: 'Ticket' is not a metadata field of enhancement-spec",
        f"{path}:27: kept as text: no requirement ID, and the section 'Security "
        "Requirements' names no requirement kind",
        f"{path}:42: 'mermaid' is not a language Pygments knows; the block is "
        "highlighted as text",
        f"{path}:46: a horizontal rule; left out",
        f"{path}:51: 'schedule' is not a risk category (technical, user-adoption, "
        "compatibility); the risk has none",
        f"{path}:54: the risk R2 has no mitigation (no 'Risk: Mitigation')",
    ]
    assert "**Priority**: High" in out
    assert "- [ ] Only published specs are listed" in out


def test_the_template_lists_its_placeholders(capsys):
    path = FIXTURES / "template.md"
    assert main(["convert", str(path), "--id", "ENH-99", "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{path}:4: kept as text: '[YYYY-MM-DD]' is not an ISO 8601 date (YYYY-MM-DD)",
        f"{path}:5: kept as text: 'Draft | Approved | Implemented' is not one of the spec "
        "statuses (draft, proposed, approved, implemented, rejected, withdrawn, superseded)",
    ]
    assert out.startswith("# Enhancement Specification: [Enhancement Name]\n\n"
                          "```{enhancement-spec} ENH-99 [Enhancement Name]\n:version: 1.0\n"
                          ":author: [Name]\n:module: [Module Name]\n```\n\n"
                          "**Date**: [YYYY-MM-DD]\n\n"
                          "**Status**: Draft | Approved | Implemented\n\n## Overview\n")


def test_output_is_replaced_atomically(tmp_path, capsys):
    out = tmp_path / "spec.rst"
    out.write_text("the previous version\n")
    assert main(["convert", str(FIXTURES / "filled.md"), "-o", str(out)]) == 0
    assert out.read_text().startswith("Enhancement Specification: ENH-12 Parallel export\n")
    assert [p.name for p in tmp_path.iterdir()] == ["spec.rst"]
    assert capsys.readouterr().out == ""
    out.chmod(0o640)
    assert main(["convert", str(FIXTURES / "filled.md"), "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.rst"
    mask = os.umask(0o027)
    try:
        assert main(["convert", str(FIXTURES / "filled.md"), "-o", str(fresh)]) == 0
    finally:
        os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, capsys, monkeypatch):
    out = tmp_path / "spec.rst"
    out.write_text("the previous version\n")

    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(command.os, "replace", refuse)
    assert main(["convert", str(FIXTURES / "filled.md"), "-o", str(out)]) == 2
    assert out.read_text() == "the previous version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["spec.rst"]
    assert capsys.readouterr().err == f"enhspec convert: cannot write {out}: Permission denied\n"


def test_unusable_input(tmp_path, capsys):
    latin = tmp_path / "latin.md"
    latin.write_bytes("# ENH-1: Caf\xe9\n".encode("latin-1"))
    untitled = tmp_path / "untitled.md"
    untitled.write_text("# A spec without an ID\n\nSome text.\n")
    cases = [
        (["convert", str(tmp_path / "missing.md")],
         f"cannot read {tmp_path / 'missing.md'}: No such file or directory"),
        (["convert", str(tmp_path)], f"cannot read {tmp_path}: {tmp_path} is a folder, "
                                     "not a file"),
        (["convert", str(latin)], f"{latin} is not UTF-8 text"),
        (["convert", str(untitled)], f"{untitled}: no spec ID: give --id, or start the "
                                     "title with one (# ENH-7: Title)"),
        (["convert", str(untitled), "--id", "enh-1"],
         "--id 'enh-1' does not match the spec ID pattern '^[A-Z][A-Z0-9]*-[0-9]+$'"),
        (["convert", str(untitled), "--id", "ENH-1", "-o", str(tmp_path / "no" / "x.rst")],
         f"cannot write {tmp_path / 'no' / 'x.rst'}: No such file or directory"),
    ]
    for argv, reason in cases:
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert (out, err) == ("", f"enhspec convert: {reason}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latin.md", "untitled.md"]


def test_the_id_can_come_from_the_command_line(capsys, tmp_path):
    untitled = tmp_path / "untitled.md"
    untitled.write_text("Some text before any heading.\n")
    assert main(["convert", str(untitled), "--id", "RFC7", "--id-pattern",
                 r"^RFC[0-9]+$"]) == 0
    out, err = capsys.readouterr()
    assert out == "RFC7\n====\n\n.. enhancement-spec:: RFC7\n\nSome text before any heading.\n"
    assert err == (f"{untitled}:1: the document has no title heading; the spec's title is "
                   "written as one\n")


def test_the_command_line_runs_without_a_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", "convert",
                          str(tmp_path / "missing.md")], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert "Traceback" not in run.stderr
    helped = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", "convert",
                             "--help"], capture_output=True, text=True, check=True)
    for option in ("--format {rst,md}", "--id ID", "[-o OUT]", "--output OUT", "SPEC.md"):
        assert option in helped.stdout, option


def test_the_documented_example_is_what_the_command_writes(capsys):
    example = Path(__file__).parents[1] / "docs" / "examples" / "convert"
    source = example / "quiet-mode.md.txt"
    assert main(["convert", str(source)]) == 0
    out, err = capsys.readouterr()
    assert out == (example / "quiet-mode.rst.txt").read_text()
    assert err.splitlines() == [
        f"{source}:5: kept as text: 'Priority' is not a metadata field of enhancement-spec",
        f"{source}:11: a requirement without an ID; numbered ER2"]
    page = (Path(__file__).parents[1] / "docs" / "moving-to-enhspec.rst").read_text()
    for line in err.splitlines():
        assert line.replace(str(source), "quiet-mode.md") in page


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_a_converted_spec_builds_alike_with_every_builder_and_in_parallel(
        build, tmp_path, capsys, fmt):
    src, _ = converted(tmp_path, "filled", fmt, capsys)
    for builder in ("latex", "text", "man"):
        assert build("scaffold", builder, srcdir=src).warnings() == [], builder
    serial = build("scaffold", srcdir=src).text("enhspec.json")
    (src / "_build" / "html" / "enhspec.json").unlink()
    parallel = build("scaffold", srcdir=src, parallel=2)
    assert parallel.warnings() == []
    assert parallel.text("enhspec.json") == serial
