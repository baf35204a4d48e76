"""The pure parts of ``enhspec convert``: reading Markdown blocks, translating inline
markup, mapping metadata, reading design blocks and placing objects."""

from __future__ import annotations

import pytest

from sphinxcontrib_enhspec.convert import NoSpecIdError, convert
from sphinxcontrib_enhspec.convert.blocks import Block, read
from sphinxcontrib_enhspec.convert.design import action_of, python_changes, yaml_changes
from sphinxcontrib_enhspec.convert.inline import escape, to_rst
from sphinxcontrib_enhspec.convert.meta import option, split, title_parts
from sphinxcontrib_enhspec.convert.write import option_value

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER14")

PATTERN = r"^[A-Z][A-Z0-9]*-[0-9]+$"
STATUSES = ["draft", "proposed", "approved"]


def test_blocks_keep_their_lines():
    text = ("Title\n=====\n\npara one\nlazy two\n- item\n  more\n\n  second paragraph\n"
            "  - nested\n- [x] done\n\n````md\n```\ninner\n```\n````\n\n---\n"
            "| a |\n|---|\n> quote\n<!-- c\n-->\n### Deep ###\n")
    assert read(text) == [
        Block("heading", 1, ("Title",), text="Title", level=1),
        Block("para", 4, ("para one", "lazy two")),
        Block("item", 6, ("item", "more", "", "second paragraph"), marker="-"),
        Block("item", 10, ("nested",), indent=2, marker="-"),
        Block("item", 11, ("[x] done",), marker="-"),
        Block("code", 13, ("```", "inner", "```"), text="md"),
        Block("rule", 19, ("---",)),
        Block("table", 20, ("| a |", "|---|")),
        Block("quote", 22, ("> quote",)),
        Block("comment", 23, ("<!-- c", "-->")),
        Block("heading", 25, ("### Deep ###",), text="Deep", level=3),
    ]


def test_an_unclosed_fence_runs_to_the_end():
    assert read("```yaml\na: 1\n") == [Block("code", 1, ("a: 1",), text="yaml")]


@pytest.mark.parametrize(("markdown", "rst"), [
    ("plain text", "plain text"),
    ("the `code` here", "the ``code`` here"),
    ("a `` tick ` in `` code", "a ``tick ` in`` code"),
    ("see [the docs](https://x.org/a_b) now", "see `the docs <https://x.org/a_b>`__ now"),
    ("<https://x.org>", "`<https://x.org>`__"),
    ("**bold** and *em* and _em_", "**bold** and *em* and *em*"),
    ("in**side**word", "in\\ **side**\\ word"),
    ("snake_case stays, name_ and |sub| are escaped",
     "snake_case stays, name\\_ and \\|sub\\| are escaped"),
    ("a \\* literal star and 2 * 3", "a \\* literal star and 2 \\* 3"),
    (".. not a comment", "\\.. not a comment"),
    ("[ ] a task [x]", "[ ] a task [x]"),
])
def test_inline_markup_as_rst(markdown, rst):
    assert to_rst(markdown) == rst


def test_escape():
    assert escape("a*b`c|d\\e_f g_") == "a\\*b\\`c\\|d\\\\e_f g\\_"


@pytest.mark.parametrize(("line", "result"), [
    ("**Status**: Draft  ", ("Status", "Draft")),
    ("**Related Module:** exporter", ("Related Module", "exporter")),
    ("**not metadata** here", None),
    ("plain: text", None),
])
def test_metadata_lines(line, result):
    assert split(line) == result


@pytest.mark.parametrize(("label", "value", "result"), [
    ("Status", "Approved", ("status", "approved")),
    ("Status", "Draft | Approved", "'Draft | Approved' is not one of the spec statuses "
                                   "(draft, proposed, approved)"),
    ("Date", "2026-02-30", "'2026-02-30' is not an ISO 8601 date (YYYY-MM-DD)"),
    ("Date", "20261123", "'20261123' is not an ISO 8601 date (YYYY-MM-DD)"),
    ("Date", "2026-11-23", ("date", "2026-11-23")),
    ("Authors", "Ada, Grace", ("author", "Ada, Grace")),
    ("Related Module", "[Module Name]", ("module", "[Module Name]")),
    ("Discussion", "forum", "'forum' is not an http or https URL"),
    ("Supersedes", "ENH-1, ENH-2", ("supersedes", "ENH-1, ENH-2")),
    ("Supersedes", "the old one", "'the old one' is not a list of spec IDs"),
    ("Priority", "High", "'Priority' is not a metadata field of enhancement-spec"),
    ("Version", " ", "'Version' has no value"),
])
def test_metadata_options(label, value, result):
    assert option(label, value, STATUSES, PATTERN) == result


@pytest.mark.parametrize(("heading", "result"), [
    ("ENH-7: Parallel export", ("ENH-7", "Parallel export")),
    ("Enhancement Specification: ENH-7 \u2014 Parallel", ("ENH-7", "Parallel")),
    ("Enhancement Specification: [Enhancement Name]", (None, "[Enhancement Name]")),
    ("Export ENH-7 later", (None, "Export ENH-7 later")),
])
def test_title_parts(heading, result):
    assert title_parts(heading, PATTERN) == result


@pytest.mark.parametrize(("text", "action"), [
    ("# New configuration options", "added"),
    ("# Modified configuration options", "changed"),
    ("# New or modified configuration options", ""),
    ("Enhanced method with new functionality.", "changed"),
    ("Completely new method.", "added"),
    ("# Existing configuration", "existing"),
    ("Deprecated: use run()", "deprecated"),
    ("# Removed keys", "removed"),
    ("# Keys", ""),
])
def test_actions_from_comments(text, action):
    assert action_of(text) == action


def test_yaml_keys():
    changes, problems = yaml_changes((
        "# New or modified", "app:", "  # Existing configuration", "  old: 1",
        "  # New configuration options", "  'quoted': yes  # a comment", "  nested:",
        "    deep: |", "      text", "  list:", "    - a", "  bad key: 2"))
    assert [(c.name, c.action, c.value, c.offset) for c in changes] == [
        ("app.quoted", "added", "yes", 5), ("app.nested.deep", "added", "", 7),
        ("app.list", "added", "", 9)]
    assert problems == [(11, "the key 'app.bad key' is not one word; kept in the code "
                             "block only")]


def test_python_names_and_signatures():
    changes, problems = python_changes((
        "class Exporter:", "    # Deprecated", "    def run(self, n: int = 1) -> None: ...",
        "    async def go(self):", '        """New."""', "class Empty:", "    pass",
        "def helper(*args, **kw) -> int:", '    """Changed."""'), "pkg")
    assert problems == []
    assert [(c.name, c.action, c.value) for c in changes] == [
        ("pkg.Exporter.run", "deprecated", "run(self, n: int=1) -> None"),
        ("pkg.Exporter.go", "added", "go(self)"),
        ("pkg.Empty", "", ""),
        ("pkg.helper", "changed", "helper(*args, **kw) -> int")]
    assert python_changes(("def broken(",), "")[0] == []


def test_the_id_is_required():
    with pytest.raises(NoSpecIdError):
        convert("# No ID here\n")
    assert convert("**ID**: ENH-3\n\n# Later title\n").text.startswith(
        "ENH-3\n=====\n\n.. enhancement-spec:: ENH-3")


def test_ids_are_numbered_after_the_existing_ones_and_duplicates_renumbered():
    result = convert("# ENH-1: T\n\n## Enhancement Requirements\n- [ ] no ID\n"
                     "- [x] ER4: four\n- [ ] ER4: again\n- ZZ9: unknown prefix\n"
                     "1. numbered\n", "md")
    assert [(n.line, n.message) for n in result.notes] == [
        (4, "a requirement without an ID; numbered ER5"),
        (6, "ER4 is taken; written as ER6"), (8, "a requirement without an ID; numbered ER7")]
    assert result.text == (
        "# ENH-1: T\n\n```{enhancement-spec} ENH-1 T\n```\n\n## Enhancement Requirements\n\n"
        "```{requirement} ER5 no ID\n```\n\n```{requirement} ER4 four\n:status: done\n```\n\n"
        "```{requirement} ER6 again\n```\n\n```{requirement} ZZ9 unknown prefix\n```\n\n"
        "```{requirement} ER7 numbered\n```\n")


def test_heading_levels_never_skip():
    text = convert("# ENH-1: T\n\n### Deep\n\ntext\n\n## Back\n\n#### Deeper\n").text
    assert text == ("ENH-1: T\n========\n\n.. enhancement-spec:: ENH-1 T\n\nDeep\n----\n\n"
                    "text\n\nBack\n----\n\nDeeper\n~~~~~~\n")


def test_myst_titles_with_literals_use_tilde_fences_and_bodies_longer_fences():
    text = convert("# ENH-1: T\n\n## Migration Steps\n1. Rename `a`: run\n\n   ```sh\n"
                   "   mv a b\n   ```\n", "md").text
    assert text.endswith("~~~{migration-step} Rename `a`\n\nrun\n\n```sh\nmv a b\n```\n~~~\n")
    rst = convert("# ENH-1: T\n\n## Migration Steps\n1. Rename `a`: run\n").text
    assert rst.endswith(".. migration-step:: Rename ``a``\n\n   run\n")


def test_risks_take_ids_mitigations_and_checked_boxes():
    text = convert("# ENH-1: T\n\n## Technical Risks\n- R7: **Slow**: Cache it: twice\n"
                   "- [x] Leaks: Close files\n", "md").text
    assert text.endswith(
        "```{risk} R7 Slow\n:category: technical\n:mitigation: Cache it: twice\n```\n\n"
        "```{risk} R8 Leaks\n:category: technical\n:status: mitigated\n"
        ":mitigation: Close files\n```\n")


def test_code_sphinx_cannot_highlight_is_marked_text_wherever_it_stands():
    result = convert("# ENH-1: T\n\n```mermaid\ngraph\n```\n\n- item\n\n  ```mjs\n  x\n  ```\n\n"
                     "> ```python\n> cost = $5\n> ```\n", "md")
    assert [(n.line, n.message) for n in result.notes] == [
        (3, "'mermaid' is not a language Pygments knows; the block is highlighted as text"),
        (9, "'mjs' is not a language Pygments knows; the block is highlighted as text"),
        (13, "the code is not 'python' as Pygments reads it; the block is highlighted "
             "as text")]
    assert result.text.endswith("```text\ngraph\n```\n\n- item\n\n  ```text\n  x\n  ```\n\n"
                                "> ```text\n> cost = $5\n> ```\n")


def test_rst_keeps_quotes_and_item_bodies_apart_from_what_precedes_them():
    text = convert("# ENH-1: T\n\n```sh\nls\n```\n> :warning: careful\n\n- a\n\n"
                   "  ```sh\n  ls\n  ```\n  - b\n").text
    assert text.endswith(".. code-block:: sh\n\n   ls\n\n..\n\n   \\:warning: careful\n\n"
                         "- a\n\n  .. code-block:: sh\n\n     ls\n\n  - b\n")


def test_yaml_values_lose_their_quotes_and_myst_quotes_what_it_would_misread():
    changes, _ = yaml_changes(("a:", "  q: \"x: \\\"y\\\"\"", "  s: 'it''s'", "  h: '#5'",
                               "  plain: [1, 2]"))
    assert [c.value for c in changes] == ['x: "y"', "it's", "#5", "[1, 2]"]
    assert [option_value(v) for v in ("#5", "it's", "'q'", "a #b", "|", "[1, 2]", "a: b")] == [
        "'#5'", "it's", "'''q'''", "'a #b'", "'|'", "[1, 2]", "a: b"]


def test_an_id_given_over_the_titles_is_noted():
    result = convert("# ENH-12: Title\n", "rst", "ENH-1")
    assert result.text == "ENH-12: Title\n=============\n\n.. enhancement-spec:: ENH-1 Title\n"
    assert [(n.line, n.message) for n in result.notes] == [
        (1, "the title names ENH-12; the spec is ENH-1, as given")]
