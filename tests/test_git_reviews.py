"""Reviews over a real git history: review, edit the target, see the link suspect, review
again; each review is one line of the file's diff."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.cli import main

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
              pytest.mark.requirement("ENH-100.ER11")]

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SPEC = """\
Streaming export
================

.. enhancement-spec:: ENH-1 Streaming export
   :status: proposed

.. requirement:: ER1 Stream the records
   :depends: ER2

   Each record is written when it is read.

.. requirement:: ER2 Keep the order

   The records keep the order of the documents.
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def build(make_app, repo: Path) -> list[str]:
    """Build the project's HTML into ``_build/html``; its warnings, paths made relative."""
    app = make_app("html", srcdir=repo, freshenv=True,
                   confoverrides={"show_warning_types": True})
    app.build()
    app.cleanup()
    text = ANSI.sub("", app.warning.getvalue()).replace(str(repo) + os.sep, "")
    return [line for line in text.splitlines() if line.strip()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_a_review_cycle_in_git(make_app, tmp_path, monkeypatch, capsys):
    repo = tmp_path / "project"
    repo.mkdir()
    monkeypatch.chdir(repo)
    (repo / "conf.py").write_text('extensions = ["sphinxcontrib_enhspec"]\n'
                                  'enhspec_reviews = "enhspec-reviews.json"\n'
                                  'exclude_patterns = ["_build"]\n')
    (repo / "index.rst").write_text(SPEC)
    (repo / ".gitignore").write_text("_build/\n")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "A spec")

    # Review everything the first build exports, with the command's default paths.
    assert build(make_app, repo) == []
    assert main(["review", "--all"]) == 0
    git(repo, "add", "enhspec-reviews.json")
    git(repo, "commit", "-q", "-m", "Reviewed")
    reviewed = (repo / "enhspec-reviews.json").read_text().splitlines()
    assert len(reviewed) == 2 and '"source": "ENH-1.ER1", "target": "ENH-1.ER2"' in reviewed[1]

    # ER2's text changes: ER1's link to it is suspect, at ER1's line.
    edit(repo / "index.rst", "keep the order of the documents.",
         "keep the order of the documents, even in parallel builds.")
    git(repo, "commit", "-q", "-am", "ER2 says more")
    assert build(make_app, repo) == [
        "index.rst:7: WARNING: ENH-1.ER1 depends on ENH-1.ER2, which changed since the link "
        "was reviewed; check the link, then run 'enhspec review ENH-1.ER1' [enhspec.suspect]"]

    # Reviewing ER1 changes the one line of its link, and the build is clean.
    capsys.readouterr()
    assert main(["review", "ER1"]) == 0
    assert capsys.readouterr().out == ("enhspec-reviews.json: 1 records written; 1 links "
                                       "and 1 specs recorded in all\n")
    diff = git(repo, "diff", "--unified=0", "--", "enhspec-reviews.json").splitlines()
    assert [line[0] for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")
            ] == ["-", "+"]
    git(repo, "commit", "-q", "-am", "Reviewed ER1")
    assert build(make_app, repo) == []

    # ER1's own text changes: the link is from ER1, its target did not change.
    edit(repo / "index.rst", "Each record is written when it is read.",
         "Each record is written as soon as it is read.")
    git(repo, "commit", "-q", "-am", "ER1 says it differently")
    assert build(make_app, repo) == []
    assert git(repo, "status", "--porcelain") == ""
