"""A project's history in git: the export of its first commit kept as a baseline, then two
commits of edits; the ``changes`` page and ``enhspec diff`` show exactly those edits."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from html_tables import read_tables

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
              pytest.mark.requirement("ENH-100.ER10")]

CONF = 'extensions = ["sphinxcontrib_enhspec"]\nproject = "History"\n'
INDEX = "History\n=======\n\n.. toctree::\n\n   enh-7\n"
SPEC = """\
ENH-7 Streaming export
======================

.. enhancement-spec:: ENH-7 Streaming export
   :status: proposed
   :release: 3.0

.. requirement:: ER1 Export streams objects
   :status: open

   Objects are written as they are read.

.. requirement:: ER2 Memory stays flat
   :status: open

.. requirement:: CR1 The file format is unchanged
   :status: open

   The export has the same schema.

.. risk:: R1 Slow consumers block the build
   :category: technical

.. risk:: R2 Partial files on failure
   :category: technical
"""
REVIEW = "Review\n======\n\n.. changes::\n   :since: 1.0\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


def build(repo: Path) -> Path:
    """Build the project with ``-W``; its output folder."""
    out = repo / "_build"
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(repo),
                    str(out)], check=True, capture_output=True)
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changes_across_commits(tmp_path):
    repo = tmp_path / "project"
    repo.mkdir()
    (repo / ".gitignore").write_text("_build/\n", encoding="utf-8")
    (repo / "conf.py").write_text(CONF, encoding="utf-8")
    (repo / "index.rst").write_text(INDEX, encoding="utf-8")
    (repo / "enh-7.rst").write_text(SPEC, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ENH-7 proposed")
    first = build(repo)

    # the release's export is kept as the baseline, and a page shows what changed since
    (repo / "baselines").mkdir()
    shutil.copy(first / "enhspec.json", repo / "baselines" / "enhspec-1.0.json")
    with (repo / "conf.py").open("a", encoding="utf-8") as stream:
        stream.write('enhspec_baselines = {"1.0": "baselines/enhspec-1.0.json"}\n')
    edit(repo / "index.rst", "   enh-7\n", "   enh-7\n   review\n")
    (repo / "review.rst").write_text(REVIEW, encoding="utf-8")
    spec = repo / "enh-7.rst"
    edit(spec, "ER1 Export streams objects", "ER1 Export streams every object")
    edit(spec, ":status: open\n\n.. requirement:: CR1", ":status: done\n\n.. requirement:: CR1")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ER1 renamed, ER2 done")
    build(repo)

    edit(spec, "The export has the same schema.", "The export keeps schema version 2.")
    edit(spec, ".. risk:: R1", ".. requirement:: ER3 Consumers can stop early\n\n.. risk:: R1")
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text[:text.index(".. risk:: R2")].rstrip() + "\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "CR1 reworded, ER3 added, R2 removed")
    out = build(repo)

    tables = {c: t.texts() for t in read_tables((out / "review.html").read_text(encoding="utf-8"))
              for c in t.classes if c.startswith("enhspec-changes-")}
    assert tables == {
        "enhspec-changes-added": [["ID", "Type", "Title", "Status"],
                                  ["ENH-7.ER3", "requirement", "Consumers can stop early",
                                   "open"]],
        "enhspec-changes-removed": [["ID", "Type", "Title", "Status"],
                                    ["ENH-7.R2", "risk", "Partial files on failure", "open"]],
        "enhspec-changes-changed": [
            ["ID", "Field", "Old", "New"],
            ["ENH-7.CR1", "text", "The export has the same schema.",
             "The export keeps schema version 2."],
            ["ENH-7.ER1", "title", "Export streams objects", "Export streams every object"],
            ["ENH-7.ER2", "status", "open", "done"]],
    }
    done = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_enhspec.cli", "diff",
         "baselines/enhspec-1.0.json", "_build/enhspec.json", "--fail-on", "removed"],
        cwd=repo, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout == (
        "baselines/enhspec-1.0.json \u2192 _build/enhspec.json: 1 added, 1 removed, "
        "3 changed, 0 conflicts\n"
        "Status: 1 requirement open \u2192 done\n"
        "Added:\n  requirement ENH-7.ER3: Consumers can stop early [open]\n"
        "Removed:\n  risk ENH-7.R2: Partial files on failure [open]\n"
        "Changed:\n"
        "  requirement ENH-7.CR1: The file format is unchanged\n"
        "    text: The export has the same schema. \u2192 The export keeps schema version 2.\n"
        "  requirement ENH-7.ER1: Export streams every object\n"
        "    title: Export streams objects \u2192 Export streams every object\n"
        "  requirement ENH-7.ER2: Memory stays flat\n"
        "    status: open \u2192 done\n")
