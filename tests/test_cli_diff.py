"""``enhspec diff OLD.json NEW.json``: formats, filters, exit statuses, unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.cli import main

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER10")

ROOT = "changes"
TEXT = """\
{old} \u2192 {new}: 1 added, 1 removed, 3 changed, 0 conflicts
Status: 1 spec proposed \u2192 approved, 1 requirement open \u2192 done
Added:
  requirement ENH-1.PR1: Export of 1000 specs takes under a second [in-progress]
Removed:
  risk ENH-1.R2: Memory use grows with workers [open]
Changed:
  spec ENH-1: Parallel export
    status: proposed \u2192 approved
  requirement ENH-1.CR1: Old settings still work
    text: Old settings are read. \u2192 Old settings are still read.
  requirement ENH-1.ER1: Export runs in parallel workers
    title: Export runs in parallel \u2192 Export runs in parallel workers
    status: open \u2192 done
"""


@pytest.fixture
def exports(build):
    """The root's baseline and the export of a build of it."""
    project = build(ROOT)
    return (str(project.srcdir / "baselines" / "enhspec-1.0.json"),
            str(project.outdir / "enhspec.json"))


def test_text(exports, capsys):
    old, new = exports
    assert main(["diff", old, new]) == 0
    assert capsys.readouterr().out == TEXT.format(old=old, new=new)


def test_markdown_for_a_pull_request(exports, capsys):
    old, new = exports
    assert main(["diff", old, new, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Specification changes\n\n")
    assert "**Status:** 1 spec proposed \u2192 approved, 1 requirement open \u2192 done.\n" in out
    assert ("### Added\n\n| ID | Type | Title | Status |\n| --- | --- | --- | --- |\n"
            "| `ENH-1.PR1` | requirement | Export of 1000 specs takes under a second "
            "| in-progress |\n") in out
    assert ("### Changed\n\n| ID | Field | Old | New |\n| --- | --- | --- | --- |\n"
            "| `ENH-1` | status | proposed | approved |\n") in out
    assert out.index("### Added") < out.index("### Removed") < out.index("### Changed")


def test_json_has_a_stable_shape(exports, capsys):
    old, new = exports
    assert main(["diff", old, new, "--format", "json", "--spec", "ENH-1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["format", "old", "new", "counts", "transitions", "added", "removed",
                          "changed", "conflicts"]
    assert data["counts"] == {"added": 1, "removed": 1, "changed": 3, "conflict": 0}
    assert data["transitions"] == [
        {"type": "spec", "from": "proposed", "to": "approved", "count": 1},
        {"type": "requirement", "from": "open", "to": "done", "count": 1}]
    assert data["added"] == [{"type": "requirement", "id": "ENH-1.PR1", "docname": "enh-1",
                              "title": "Export of 1000 specs takes under a second",
                              "status": "in-progress"}]
    assert data["changed"][2]["fields"] == [
        {"field": "title", "old": "Export runs in parallel",
         "new": "Export runs in parallel workers"},
        {"field": "status", "old": "open", "new": "done"}]


def test_spec_filter_and_fail_on(exports, capsys):
    old, new = exports
    assert main(["diff", old, new, "--spec", "ENH-2", "--fail-on", "added,removed,changed"]) == 0
    assert capsys.readouterr().out == f"{old} \u2192 {new}: 0 added, 0 removed, 0 changed, " \
                                      "0 conflicts\n"
    assert main(["diff", old, new, "--fail-on", "conflict"]) == 0
    assert main(["diff", old, new, "--fail-on", "removed"]) == 1
    assert main(["diff", new, new, "--fail-on", "added,removed,changed,conflict"]) == 0


def test_fails_on_a_conflict(exports, tmp_path, capsys):
    _, new = exports
    data = json.loads(Path(new).read_text(encoding="utf-8"))
    other = next(r for r in data["requirements"] if r["id"] == "ENH-1.PR1")
    other.update(docname="enh-3", title="Export streams to stdout")
    branch = tmp_path / "branch.json"
    branch.write_text(json.dumps(data), encoding="utf-8")
    assert main(["diff", new, str(branch), "--fail-on", "conflict"]) == 1
    assert capsys.readouterr().out.endswith(
        "Conflicts:\n  ENH-1.PR1: enh-1 (Export of 1000 specs takes under a second) / "
        "enh-3 (Export streams to stdout)\n")


@pytest.mark.parametrize(("content", "reason"), [
    (None, "cannot be read: No such file or directory"),
    ("dir", "cannot be read: Is a directory"),
    ("{not json", "is not JSON: Expecting property name enclosed in double quotes"),
    ('[1, 2]', "is not an enhspec export of schema version 1 or 2"),
    ('{"schema_version": 2, "specs": {}}', "has no list of specs"),
])
def test_unusable_input_is_one_line_and_exit_2(exports, tmp_path, content, reason):
    old, _ = exports
    path = tmp_path / "bad.json"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", "diff", old,
                           str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"enhspec diff: {path} {reason}")


def test_bad_fail_on_is_exit_2(exports, capsys):
    old, new = exports
    assert main(["diff", old, new, "--fail-on", "added,moved"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("enhspec diff: --fail-on: 'moved' is not one of added, removed, "
                            "changed, conflict\n")
