"""``enhspec review``: the reviews file updated from an export; bad input is exit 2 and
leaves the file as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.cli import main
from sphinxcontrib_enhspec.derive.suspect import spec_fingerprint

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER11")

EXPORTS = Path(__file__).parent / "exports"
FP = {"S-1": "1111111111111111", "S-1.ER1": "aaaaaaaaaaaaaaaa", "S-1.ER2": "bbbbbbbbbbbbbbbb",
      "S-1.R1": "cccccccccccccccc", "S-2": "2222222222222222", "S-2.ER1": "dddddddddddddddd",
      "S-2.ER2": "eeeeeeeeeeeeeeee"}


def export() -> dict[str, object]:
    def obj(ident, spec="", **links):
        return {"id": ident, "fingerprint": FP[ident], "spec": spec, "title": ident, **links}

    return {
        "schema_version": 2,
        "specs": [obj("S-1"), obj("S-2")],
        "requirements": [obj("S-1.ER1", "S-1", depends=["S-1.ER2", "core:X-1.ER1"]),
                         obj("S-1.ER2", "S-1", depends=[]),
                         obj("S-2.ER1", "S-2", depends=["S-1.ER1"]),
                         obj("S-2.ER2", "S-2", depends=["S-2.ER1", "S-1.ER2"])],
        "risks": [obj("S-1.R1", "S-1", affects=["S-1.ER1", "S-2.ER1"])],
    }


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with a build's export where ``enhspec review`` looks by default."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_build" / "html").mkdir(parents=True)
    (tmp_path / "_build" / "html" / "enhspec.json").write_text(json.dumps(export()))
    return tmp_path


def records(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def link(source: str, target: str) -> dict[str, str]:
    return {"source": source, "target": target, "fingerprint": FP[target]}


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["review", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: enhspec review [-h] [--all] [--export EXPORT] [--file FILE]")
    assert "default: _build/html/enhspec.json" in out and "default: enhspec-reviews.json" in out


def test_all_creates_the_file_with_every_link_and_spec(project, capsys):
    assert main(["review", "--all"]) == 0
    out, err = capsys.readouterr()
    assert out == "enhspec-reviews.json: 8 records written; 6 links and 2 specs recorded in all\n"
    assert err == ("enhspec: not recorded, the export has no 'core:X-1.ER1': "
                   "S-1.ER1 -> core:X-1.ER1\n")
    s1 = spec_fingerprint(FP["S-1"], [("S-1.ER1", FP["S-1.ER1"]), ("S-1.ER2", FP["S-1.ER2"])])
    s2 = spec_fingerprint(FP["S-2"], [("S-2.ER1", FP["S-2.ER1"]), ("S-2.ER2", FP["S-2.ER2"])])
    assert records(project / "enhspec-reviews.json") == [
        {"spec": "S-1", "fingerprint": s1},
        link("S-1.ER1", "S-1.ER2"),
        link("S-1.R1", "S-1.ER1"), link("S-1.R1", "S-2.ER1"),
        {"spec": "S-2", "fingerprint": s2},
        link("S-2.ER1", "S-1.ER1"),
        link("S-2.ER2", "S-1.ER2"), link("S-2.ER2", "S-2.ER1"),
    ]
    # Written at once, through a file that does not stay behind.
    assert sorted(p.name for p in project.iterdir()) == ["_build", "enhspec-reviews.json"]


def test_named_sources_and_specs_update_their_records_only(project, capsys):
    path = project / "enhspec-reviews.json"
    stale = "0" * 16
    path.write_text(
        '{"source": "S-1.ER1", "target": "S-1.ER2", "fingerprint": "%s"}\n'
        '{"source": "S-1.ER1", "target": "S-1.ER9", "fingerprint": "%s"}\n'
        '{"source": "S-2.ER1", "target": "S-1.ER1", "fingerprint": "%s"}\n' % ((stale,) * 3))
    # A local ID names the one object that has it; the stale record of S-1.ER1's removed
    # link goes with the review.
    assert main(["review", "R1", "S-1.ER1"]) == 0
    assert records(path) == [link("S-1.ER1", "S-1.ER2"), link("S-1.R1", "S-1.ER1"),
                             link("S-1.R1", "S-2.ER1"),
                             {"source": "S-2.ER1", "target": "S-1.ER1", "fingerprint": stale}]
    # A spec: its record, and the links of its requirements and risks.
    assert main(["review", "--file", str(path), "S-2"]) == 0
    assert [r.get("spec") or (r["source"], r["target"]) for r in records(path)] == [
        ("S-1.ER1", "S-1.ER2"), ("S-1.R1", "S-1.ER1"), ("S-1.R1", "S-2.ER1"), "S-2",
        ("S-2.ER1", "S-1.ER1"), ("S-2.ER2", "S-1.ER2"), ("S-2.ER2", "S-2.ER1")]
    assert records(path)[4] == link("S-2.ER1", "S-1.ER1")
    before = path.stat().st_mtime_ns
    capsys.readouterr()
    assert main(["review", "S-2"]) == 0
    assert capsys.readouterr().out.startswith("enhspec-reviews.json: 0 records written; ")
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(("argv", "message"), [
    (["review"], "name the specs, requirements or risks to review, or give --all (not both)"),
    (["review", "S-1", "--all"],
     "name the specs, requirements or risks to review, or give --all (not both)"),
    (["review", "ER1"], "ER1 names S-1.ER1, S-2.ER1; give the full ID"),
    (["review", "S-1.ER1", "S-9", "XR1"],
     "the export has no spec, requirement or risk 'S-9', 'XR1'"),
    (["review", "--all", "--export", "missing.json"],
     "cannot read the export missing.json: No such file or directory; build the "
     "documentation first, or give --export"),
])
def test_unusable_arguments(project, capsys, argv, message):
    path = project / "enhspec-reviews.json"
    path.write_bytes(b'{"spec": "S-1", "fingerprint": "0000000000000000"}\r\n')
    assert main(argv) == 2
    assert capsys.readouterr().err == f"enhspec: {message}\n"
    assert path.read_bytes() == b'{"spec": "S-1", "fingerprint": "0000000000000000"}\r\n'


@pytest.mark.parametrize(("content", "message"), [
    ("{", "the export _build/html/enhspec.json is not JSON: Expecting property name "
          "enclosed in double quotes: line 1 column 2 (char 1)"),
    ("[]", "_build/html/enhspec.json is not an enhspec export of schema version 1 or 2"),
    ('{"schema_version": 2, "specs": {}}', "_build/html/enhspec.json has no list of specs"),
    ('{"schema_version": 2, "specs": [{"title": "x"}]}',
     "_build/html/enhspec.json has an entry without an ID in 'specs'"),
    ('{"schema_version": 2, "requirements": [{"id": "A.ER1", "fingerprint": '
     '"aaaaaaaaaaaaaaaa", "depends": "A.ER2"}]}',
     "_build/html/enhspec.json: A.ER1 has no list of depends"),
])
def test_unusable_exports(project, capsys, content, message):
    (project / "_build" / "html" / "enhspec.json").write_text(content)
    assert main(["review", "--all"]) == 2
    assert capsys.readouterr().err == f"enhspec: {message}\n"
    assert not (project / "enhspec-reviews.json").exists()


def test_an_export_without_fingerprints(project, capsys):
    old = EXPORTS / "basic-v1.json"
    assert main(["review", "--all", "--export", str(old)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"enhspec: {old} has no fingerprints (")
    assert err.endswith("); build it again with this version of sphinxcontrib-enhspec\n")


@pytest.mark.parametrize("content", [
    b"not json\n",
    b'{"spec": "S-1", "fingerprint": "0000000000000000"}\n{"spec": "S-1"}\n',
    b'{"spec": "S-1", "fingerprint": "0000000000000000"}\n' * 2,
    b"\xff\xfe",
], ids=["not-json", "a-record-without-fingerprint", "a-record-twice", "not-utf8"])
def test_a_malformed_reviews_file_is_left_as_it_was(project, capsys, content):
    path = project / "enhspec-reviews.json"
    path.write_bytes(content)
    assert main(["review", "--all"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("enhspec: ") and err.count("\n") == 1
    assert path.read_bytes() == content
    assert sorted(p.name for p in project.iterdir()) == ["_build", "enhspec-reviews.json"]


def test_a_malformed_reviews_file_names_its_line(project, capsys):
    (project / "enhspec-reviews.json").write_text(
        '{"spec": "S-1", "fingerprint": "0000000000000000"}\n[1]\n')
    assert main(["review", "S-1"]) == 2
    assert capsys.readouterr().err == (
        'enhspec: enhspec-reviews.json:2: not a review record: it is not {"source", '
        '"target", "fingerprint"} nor {"spec", "fingerprint"} with text values; fix the '
        "line, the file is left as it was\n")


def test_the_command_never_shows_a_traceback(project):
    (project / "bad.json").write_bytes(b"\x00\xff{")
    for argv in (["review", "--all", "--export", "bad.json"],
                 ["review", "--all", "--file", "."],
                 ["review", "--all", "--export", "."]):
        done = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", *argv],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 2, argv
        assert done.stderr.startswith("enhspec: ") and done.stderr.count("\n") == 1, argv
        assert "Traceback" not in done.stderr
