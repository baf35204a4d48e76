"""Objects that move, change their title or go away: after an incremental build every page
links where a clean build links, with the same titles; one definition of an ID wins
everywhere; any title sorts."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sources import edit, write

pytestmark = pytest.mark.requirement("ENH-100.ER2")

ROOTS = ["moves", "moves-myst"]
EXT = {"moves": "rst", "moves-myst": "md"}

ER1 = {"rst": "\n.. requirement:: ER1 Alpha requirement\n",
       "md": "\n```{requirement} ER1 Alpha requirement\n```\n"}
R1 = {"rst": "\n.. risk:: R1 Risky thing\n   :affects: ER2\n\n   .. mitigation::\n\n"
             "      Keep it *big*.\n",
      "md": "\n::::{risk} R1 Risky thing\n:affects: ER2\n\n:::{mitigation}\nKeep it *big*.\n"
            ":::\n::::\n"}


def moved(text: dict[str, str], ext: str, old: str, new: str) -> str:
    """A block of `text` with its ID written in full and its links too."""
    return text[ext].replace(old, new).replace(":affects: ER2", ":affects: ENH-001.ER2")


#: The fields of a spec's card that other records decide.
CARD = re.compile(r"<dt[^>]*>(?:Superseded by|Requirements|Open risks)<.*?</dd>", re.DOTALL)


def pages(project) -> dict[str, str]:
    """What other pages decide: the collections' page and the export whole, and the
    derived fields of every card. (Links written in an object's options, like roles,
    refresh when their own page is next written.)"""
    out = {name: project.text(name)
           for name in ("matrix.html", "register.html", "specs.html", "enhspec.json")}
    for path in project.outdir.glob("*.html"):
        cards = CARD.findall(path.read_text(encoding="utf-8"))
        if cards:
            out[f"{path.name} cards"] = "\n".join(cards)
    return out


def append(path: Path, text: str) -> None:
    write(path, path.read_text(encoding="utf-8") + text)


def remove(path: Path, text: str) -> None:
    edit(path, text, "")


def rename_b(src: Path, ext: str) -> None:
    (src / f"b.{ext}").rename(src / f"c.{ext}")
    edit(src / f"index.{ext}", "b\n", "c\n")


SCENARIOS: dict[str, Callable[[Path, str], None]] = {
    "the superseding spec's page is renamed": rename_b,
    "a spec is retitled": lambda src, ext: edit(src / f"a.{ext}", "Old title", "Renamed"),
    "a requirement moves to another page": lambda src, ext: (
        remove(src / f"a.{ext}", ER1[ext]),
        append(src / f"b.{ext}", moved(ER1, ext, "ER1 Alpha", "ENH-001.ER1 Alpha"))),
    "a risk moves to another page": lambda src, ext: (
        remove(src / f"a.{ext}", R1[ext]),
        append(src / f"b.{ext}", moved(R1, ext, "R1 Risky", "ENH-001.R1 Risky"))),
    "the requirement a risk affects is deleted": lambda src, ext: remove(src / f"a.{ext}",
                                                                         ER1[ext]),
    "a nested mitigation changes its markup only": lambda src, ext: edit(
        src / f"a.{ext}", "*big*", "**big**"),
}


def clean_build(build, root: str, src: Path, tmp_path: Path, name: str, parallel: int = 0):
    copy = tmp_path / name
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    return build(root, srcdir=copy, freshenv=True, parallel=parallel)


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_an_incremental_build_links_as_a_clean_one(build, tmp_path, root, scenario):
    project = build(root)
    assert project.warnings() == []
    SCENARIOS[scenario](project.srcdir, EXT[root])
    incremental = build(root, srcdir=project.srcdir, freshenv=False)
    clean = clean_build(build, root, project.srcdir, tmp_path, "clean")
    assert sorted(incremental.warnings()) == sorted(clean.warnings())
    expected = pages(clean)
    shown = pages(incremental)
    # Sphinx leaves the page of a renamed document in place; every other page matches.
    assert {k: v for k, v in shown.items() if k in expected} == expected
    assert "a.html cards" in expected


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_the_scenarios_change_what_the_collections_show(build, scenario):
    """What the test above compares does change with each edit."""
    project = build("moves")
    before = pages(project)
    for change in (SCENARIOS[scenario],):
        change(project.srcdir, "rst")
        again = build("moves", srcdir=project.srcdir, freshenv=False)
        after = pages(again)
        assert after != before, scenario
        before = after


@pytest.mark.parametrize("root", ROOTS)
def test_a_duplicate_shows_the_definition_that_stands_everywhere(build, tmp_path, root):
    ext = EXT[root]
    project = build(root)
    append(project.srcdir / f"b.{ext}",
           moved(ER1, ext, "ER1 Alpha requirement", "ENH-001.ER1 Beta requirement"))
    incremental = build(root, srcdir=project.srcdir, freshenv=False)
    serial = clean_build(build, root, project.srcdir, tmp_path, "serial")
    parallel = clean_build(build, root, project.srcdir, tmp_path, "parallel", parallel=2)
    for built in (incremental, serial, parallel):
        assert any("duplicate ID 'ENH-001.ER1'" in w for w in built.warnings())
        [matrix, _] = built.tables("matrix", "matrix")
        assert ["ENH-001.ER1", "Alpha requirement", "ENH-001", "ENH-002.R2", ""] in matrix
    assert pages(incremental) | pages(parallel) == pages(serial) | pages(parallel)
    assert pages(parallel) == pages(serial)


@pytest.mark.parametrize("root", ROOTS)
def test_titles_and_tags_with_any_digits_sort(build, root):
    project = build(root)
    [by_title, by_tags] = project.tables("matrix", "matrix")
    assert [row[1] for row in by_title[1:]] == ["Alpha requirement", "Tier 1²"]
    assert by_tags[1][0] == "ENH-001.ER1"
