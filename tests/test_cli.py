"""``enhspec new``: a new spec with every section of the template, which builds with -W."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.cli import main

SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_f60f97a7c79479f4.txt"
SECTIONS = [
    "Overview", "Current State", "Proposed Enhancement", "Motivation", "Requirements",
    "Enhancement Requirements", "Compatibility Requirements", "Performance Requirements",
    "Design Changes", "Configuration Changes", "API Changes", "Data Structure Changes",
    "Implementation Plan", "Phase 1: Core Enhancement", "Phase 2: Integration",
    "Phase 3: Documentation and Testing", "Impact Analysis", "Code Impact", "User Impact",
    "Performance Impact", "Migration Strategy", "Backward Compatibility", "Migration Steps",
    "Migration Tools", "Testing Requirements", "Enhanced Testing", "Migration Testing",
    "User Acceptance Testing", "Documentation Updates", "Code Documentation",
    "User Documentation", "Migration Documentation", "Acceptance Criteria",
    "Technical Criteria", "Functional Criteria", "User Criteria", "Risks and Mitigation",
    "Technical Risks", "User Adoption Risks", "Compatibility Risks", "Timeline",
    "Development Timeline", "Rollout Timeline",
]


def headings(text: str, fmt: str) -> list[str]:
    if fmt == "md":
        return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("##")]
    lines = text.splitlines()
    return [lines[i] for i in range(1, len(lines) - 1)
            if lines[i + 1] and set(lines[i + 1]) <= {"-", "~"} and len(lines[i + 1]) >= 3]


@pytest.mark.skipif(not SEED.is_file(), reason="the template is outside this checkout")
def test_sections_are_the_templates():
    seed = [line.lstrip("#").strip() for line in SEED.read_text().splitlines()
            if line.startswith("##")]
    assert seed == SECTIONS


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_new_spec_has_every_section(tmp_path, fmt, capsys):
    assert main(["new", "ENH-043", "Streaming  export", "--format", fmt,
                 "--dir", str(tmp_path)]) == 0
    path = tmp_path / f"enh-043.{fmt}"
    assert capsys.readouterr().out == f"wrote {path}; add it to a toctree to build it\n"
    text = path.read_text()
    assert headings(text, fmt) == SECTIONS
    for ident in ("ER1", "ER2", "ER3", "CR1", "CR2", "CR3", "PR1", "PR2", "PR3", "R1", "R2",
                  "R3"):
        assert re.search(rf"(requirement|risk)(::|\}}) {ident} ", text), ident
    assert text.count("migration-step") == 3
    assert text.count("api-change") == 1
    assert text.count("milestone") == 3


def test_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    assert main(["new", "ENH-043", "First", "--dir", str(tmp_path)]) == 0
    before = (tmp_path / "enh-043.rst").read_text()
    assert main(["new", "ENH-043", "Second", "--dir", str(tmp_path)]) == 2
    assert (tmp_path / "enh-043.rst").read_text() == before
    assert main(["new", "enh-43", "Lower case", "--dir", str(tmp_path)]) == 2
    assert main(["new", "RFC7", "Custom", "--dir", str(tmp_path), "--id-pattern",
                 r"^RFC[0-9]+$"]) == 0
    err = capsys.readouterr().err
    assert f"enhspec: {tmp_path / 'enh-043.rst'} exists; not overwriting it" in err
    assert "enhspec: 'enh-43' does not match the spec ID pattern" in err


def test_a_folder_that_cannot_be_made_is_unusable_input(tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    assert main(["new", "ENH-1", "Title", "--dir", str(tmp_path / "a-file" / "specs")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"enhspec: cannot write {tmp_path / 'a-file' / 'specs' / 'enh-1.rst'}: ")
    assert err.count("\n") == 1


def test_new_specs_build_without_warnings(build, tmp_path):
    project = build("scaffold")
    src = project.srcdir
    assert main(["new", "ENH-043", "A reST spec", "--dir", str(src / "specs")]) == 0
    assert main(["new", "ENH-044", "A MyST spec", "--format", "md",
                 "--dir", str(src / "specs")]) == 0
    again = build("scaffold", srcdir=src, freshenv=True)
    assert again.warnings() == []
    index = again.domain.catalog
    assert {"ENH-043.ER1", "ENH-044.PR3", "ENH-043.R3", "ENH-044.M3"} <= index.objects.keys()
    assert sorted(index.config_changes) == ["module.enh_043.option1@",
                                            "module.enh_044.option1@"]
    assert sorted(index.api_changes) == ["module.enh_043.Enhanced.enhanced_method@",
                                         "module.enh_044.Enhanced.enhanced_method@"]
    assert [m.id for m in again.domain.traces.milestones] == [
        "ENH-043.MS1", "ENH-043.MS2", "ENH-043.MS3", "ENH-044.MS1", "ENH-044.MS2", "ENH-044.MS3"]
    assert [t.milestone for t in index.tasks][:4] == ["ENH-043.MS1"] * 3 + ["ENH-043.MS2"]
    [matrix] = again.tables("index", "matrix")
    assert len(matrix) == 1 + 18


def test_console_script():
    run = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", "--version"],
                         capture_output=True, text=True, check=True)
    assert run.stdout.startswith("enhspec ")
