"""``enhspec new --next``: the next free number after the highest spec ID of the sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.cli import main
from sphinxcontrib_enhspec.cli.numbering import myst_ids, next_id, rest_ids, spec_ids

DOCS = Path(__file__).parent.parent / "docs"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def rest_spec(ident: str) -> str:
    return f"Title\n=====\n\n.. enhancement-spec:: {ident} A spec\n   :status: draft\n"


def myst_spec(ident: str, fence: str = "```") -> str:
    return f"# Title\n\n{fence}{{enhancement-spec}} {ident} A spec\n:status: draft\n{fence}\n"


@pytest.mark.parametrize(("ids", "expected"), [
    ([], "ENH-001"),
    (["ENH-1"], "ENH-2"),
    (["ENH-9"], "ENH-10"),
    (["ENH-042", "ENH-7"], "ENH-043"),
    (["ENH-099"], "ENH-100"),
    (["ENH-1", "ENH-5", "ENH-3"], "ENH-6"),  # gaps are not filled
    (["KEP-12", "KEP-3", "ENH-40"], "KEP-13"),  # the most common prefix
    (["KEP-1", "ENH-40"], "ENH-41"),  # a tie: the first prefix in alphabetical order
    (["RFC7", "enh-4", "ENH-2.ER1"], "ENH-001"),  # not of the default pattern
])
def test_next_id(ids, expected):
    assert next_id(ids) == expected


def test_rest_ids_skip_literal_blocks():
    text = "\n".join([
        ".. enhancement-spec:: ENH-3 Real",
        "",
        "An example::",
        "",
        "   .. enhancement-spec:: ENH-90 In a literal block",
        "",
        ".. code-block:: rst",
        "",
        "   .. enhancement-spec:: ENH-91 In a code block",
        "",
        ".. note::",
        "",
        "   .. enhancement-spec:: ENH-4 Nested in a note",
        "",
        "..  enhancement-spec::  ENH-5   Spaced",
    ])
    assert list(rest_ids(text)) == ["ENH-3", "ENH-4", "ENH-5"]


def test_myst_ids_skip_code_blocks():
    text = "\n".join([
        "```{enhancement-spec} ENH-3 Real", "```",
        "````md", "```{enhancement-spec} ENH-90 In a code block", "```", "````",
        "~~~rst", ".. enhancement-spec:: ENH-91 In a code block", "~~~",
        ":::{enhancement-spec} ENH-4 With a colon fence", ":::",
        "````{note}", "```{enhancement-spec} ENH-5 Nested in a note", "```", "````",
        "```{eval-rst}", ".. enhancement-spec:: ENH-6 In eval-rst", "```",
        "```", "```{enhancement-spec} ENH-92 In a plain code block", "```",
        "~~~{enhancement-spec} ENH-7 With tildes", "~~~",
    ])
    assert list(myst_ids(text)) == ["ENH-3", "ENH-4", "ENH-5", "ENH-6", "ENH-7"]


def test_spec_ids_read_subfolders_and_skip_build_and_hidden_folders(tmp_path):
    write(tmp_path / "index.rst", rest_spec("ENH-2"))
    write(tmp_path / "specs" / "deep" / "enh-7.md", myst_spec("ENH-7"))
    write(tmp_path / "specs" / "notes.txt", rest_spec("ENH-50"))
    write(tmp_path / "_build" / "html" / "_sources" / "enh-60.rst", rest_spec("ENH-60"))
    write(tmp_path / ".git" / "enh-61.rst", rest_spec("ENH-61"))
    assert spec_ids(tmp_path) == ["ENH-2", "ENH-7"]


@pytest.mark.parametrize("fmt", ["rst", "md"])
def test_next_takes_the_number_after_the_highest(tmp_path, capsys, fmt):
    write(tmp_path / "enh-001.rst", rest_spec("ENH-001"))
    write(tmp_path / "specs" / "enh-012.md", myst_spec("ENH-012", ":::"))
    write(tmp_path / "specs" / "enh-004.rst", rest_spec("ENH-004"))
    write(tmp_path / "_build" / "enh-099.rst", rest_spec("ENH-099"))
    assert main(["new", "--next", "Streaming  export", "--format", fmt,
                 "--dir", str(tmp_path)]) == 0
    path = tmp_path / f"enh-013.{fmt}"
    assert capsys.readouterr().out == f"wrote {path}; add it to a toctree to build it\n"
    text = path.read_text()
    assert ("```{enhancement-spec} ENH-013 Streaming export" if fmt == "md"
            else ".. enhancement-spec:: ENH-013 Streaming export") in text
    # the new spec counts for the one after it
    assert main(["new", "--next", "Another", "--dir", str(tmp_path)]) == 0
    assert (tmp_path / "enh-014.rst").is_file()


def test_next_in_an_empty_folder_starts_at_one(tmp_path):
    assert main(["new", "--next", "First", "--dir", str(tmp_path / "specs")]) == 0
    assert ".. enhancement-spec:: ENH-001 First" in (tmp_path / "specs" / "enh-001.rst").read_text()


def test_next_on_the_projects_own_docs():
    """The docs show ENH-042 in code blocks; their own specs go up to ENH-100."""
    assert next_id(spec_ids(DOCS)) == "ENH-101"


@pytest.mark.parametrize(("argv", "reason"), [
    (["new", "ENH-5", "Title", "--next"],
     "enhspec: --next chooses the ID itself; give a title only, not 'ENH-5' as well\n"),
    (["new", "--next"], "enhspec: new --next needs a title\n"),
    (["new", "Title only"], "enhspec: new needs an ID and a title, or --next and a title\n"),
])
def test_unusable_arguments_exit_2_with_one_line(tmp_path, capsys, argv, reason):
    assert main([*argv, "--dir", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", reason)
    assert list(tmp_path.iterdir()) == []


def test_a_file_as_dir_exits_2(tmp_path, capsys):
    (tmp_path / "index.rst").write_text(rest_spec("ENH-1"))
    assert main(["new", "--next", "T", "--dir", str(tmp_path / "index.rst")]) == 2
    assert capsys.readouterr().err == f"enhspec: --dir {tmp_path / 'index.rst'} is not a folder\n"


def test_unreadable_sources_exit_2(tmp_path, capsys, monkeypatch):
    write(tmp_path / "index.rst", rest_spec("ENH-1"))

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", refuse)
    assert main(["new", "--next", "T", "--dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"enhspec: cannot read the sources under {tmp_path}: [Errno 13] Permission denied: "
        f"'{tmp_path / 'index.rst'}'\n")


def test_the_console_script_says_why_in_one_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sphinxcontrib_enhspec.cli", "new", "ENH-5",
                          "Title", "--next", "--dir", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.splitlines() == [
        "enhspec: --next chooses the ID itself; give a title only, not 'ENH-5' as well"]
