"""The renderers, from rows built by hand to docutils nodes, without Sphinx."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.testing.util import assert_node
from test_derive import RECORDS, query, traces

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.derive import rows
from sphinxcontrib_enhspec.derive.verification import TestOutcome as Run
from sphinxcontrib_enhspec.derive.verification import Verification
from sphinxcontrib_enhspec.nodes import CHECKED_XREF, TextPart, status_box, text_key
from sphinxcontrib_enhspec.render import matrix, migration, parts, risks, specs
from sphinxcontrib_enhspec.render.context import Context

pytestmark = pytest.mark.requirement("ENH-100.ER1")


def link(role: str, target: str) -> nodes.Node:
    """Links as a builder would make them: a reference to the target's anchor."""
    return nodes.reference("", target, refuri=f"#{target}", classes=[f"link-{role}"])


def context(texts: dict[str, list[nodes.Node]] | None = None) -> Context:
    return Context("page", lambda key: (texts or {}).get(key, []), lambda ident: "a", link)


def kinds(shown: list[nodes.Node]) -> list[type]:
    return [type(node) for node in shown]


def cells(table: nodes.table) -> list[list[str]]:
    return [[entry.astext() for entry in row.findall(nodes.entry)]
            for row in table.findall(nodes.row)]


def test_matrix_table_and_summary():
    shown = matrix.render(rows.matrix(traces(), query(q.MATRIX)), query(q.MATRIX), context())
    assert kinds(shown) == [nodes.table, nodes.paragraph]
    assert_node(shown[0], nodes.table, classes=["enhspec-table", "enhspec-matrix", "longtable"])
    assert cells(shown[0])[:3] == [
        ["ID", "Title", "Status", "Spec", "Verified by", "Risks"],
        ["ENH-1.CR1", "Title ENH-1.CR1", "\u2610 dropped", "ENH-1", "", ""],
        ["ENH-1.ER2", "Title ENH-1.ER2", "\u2610 open", "ENH-1", "test_two failed",
         "ENH-1.R1, ENH-1.R2"],
    ]
    first = shown[0].next_node(nodes.tbody)
    assert_node(first.next_node(nodes.reference), refuri="#ENH-1.CR1", classes=["link-req"])
    assert_node(first.next_node(status_box), classes=["enhspec-box", "enhspec-box-open"])
    assert_node(shown[1], nodes.paragraph, classes=["enhspec-summary"])
    assert shown[1].astext() == "4 requirements, 1 done, 1 verified (25%)"
    assert_node(shown[1][1], nodes.inline, classes=["enhspec-coverage", "enhspec-coverage-25"])


def test_nothing_matches():
    none = query(q.MATRIX, filters=(("spec", ("ENH-9",)),))
    shown = matrix.render(rows.matrix(traces(), none), none, context())
    assert kinds(shown) == [nodes.paragraph]
    assert_node(shown[0], ([nodes.emphasis, "No requirements match."],))
    assert shown[0]["classes"] == ["enhspec-empty", "enhspec-matrix"]


def test_titles_are_shown_as_their_page_parsed_them():
    title = [nodes.literal("threads", "threads")]
    ctx = context({text_key("ENH-1.ER2", TextPart.TITLE): title})
    columns = query(q.MATRIX, columns=("id", "title"))
    table = matrix.render(rows.matrix(traces(), columns), columns, ctx)[0]
    assert_node(table.findall(nodes.literal).__next__(), nodes.literal, "threads")
    # The title node is a copy: the kept one stays where it was.
    assert title[0].parent is None


def test_spec_index_a_table_per_group():
    shown = specs.render(rows.spec_index(traces(), query(q.SPEC_INDEX)), query(q.SPEC_INDEX),
                         context())
    assert kinds(shown) == [nodes.rubric, nodes.table, nodes.rubric, nodes.table]
    assert [shown[0].astext(), shown[2].astext()] == ["draft", "approved"]
    assert cells(shown[3])[1] == ["ENH-1", "Spec ENH-1", "approved", "", "", "", "", "2.0",
                                  "1/3", "1"]


def test_card_counts():
    shown = specs.card_counts(traces().counts["ENH-1"], context())
    assert kinds(shown) == [nodes.field, nodes.field, nodes.field]
    assert [(field[0].astext(), field[1].astext()) for field in shown] == [
        ("Superseded by", "ENH-2"), ("Requirements", "1/3 done"), ("Open risks", "1")]


def test_risk_register_and_grid():
    register_query = query(q.RISK_REGISTER, matrix=True)
    shown = risks.render(rows.risk_register(traces(), register_query), register_query,
                         context())
    assert kinds(shown) == [nodes.table, nodes.table, nodes.paragraph]
    assert cells(shown[0])[1] == ["ENH-1.R1", "Risk ENH-1.R1", "technical", "high", "low",
                                  "open", "", "ENH-1.ER2"]
    grid = shown[1]
    assert grid["classes"] == ["enhspec-table", "enhspec-risk-grid"]
    assert cells(grid)[1] == ["high", "ENH-1.R1", "", ""]
    high_low = list(grid.findall(nodes.entry))[5]
    assert high_low["classes"] == ["enhspec-cell", "enhspec-severity-2"]
    assert shown[2].astext() == "Not rated: ENH-1.R2"


def test_nested_mitigations_follow_the_option_text():
    nested = [nodes.paragraph("", "Pin the pool size.")]
    ctx = context({text_key("ENH-1.R1", TextPart.NESTED_MITIGATIONS): nested})
    with_nested = [r if r.id != "ENH-1.R1" else r.__class__(**{
        **{f: getattr(r, f) for f in r.__dataclass_fields__ if f != "objtype"},
        "mitigation": "Pin the pool size."}) for r in RECORDS]
    shown = risks.render(rows.risk_register(traces(with_nested), query(q.RISK_REGISTER)),
                         query(q.RISK_REGISTER), ctx)
    mitigation = shown[0].next_node(nodes.tbody)[0][6]
    assert_node(mitigation, [nodes.entry, nodes.paragraph, "Pin the pool size."])


def test_migration_guide_parts():
    guide_query = query(q.MIGRATION_GUIDE)
    body = [nodes.paragraph("", "Rename it.")]
    ctx = context({text_key("ENH-1.M2", TextPart.BODY): body})
    shown = migration.render_guide(rows.migration_guide(traces(), guide_query), guide_query,
                                   ctx)
    assert_node(shown[0], nodes.rubric, "Release 2.0", classes=["enhspec-release"])
    assert shown[1].astext() == "ENH-1.M2 Step ENH-1.M2 breaking"
    assert_node(shown[2], nodes.paragraph, "Rename it.")
    assert shown[3].astext() == "ENH-1.M1 Step ENH-1.M1"
    assert_node(shown[4], nodes.rubric, "Configuration changes")
    assert cells(shown[5])[0] == ["Key", "Action", "Default", "Previous", "Replaces", "Spec"]
    assert_node(shown[7], nodes.bullet_list, classes=["enhspec-compatibility"])
    assert shown[7].astext() == "ENH-1.CR1 Title ENH-1.CR1"


def test_outcomes_show_badges_only_when_results_were_read():
    tests = (Run("test_a", "passed"), Run("test_b", "missing", "marker"))
    known = parts.outcome_nodes(Verification(tests, known=True))
    assert [n.astext() for n in known] == ["test_a passed", ", ", "test_b missing"]
    assert_node(known[2], nodes.inline, classes=["enhspec-test", "enhspec-test-marker"])
    assert [n.astext() for n in parts.outcome_nodes(Verification(tests))] == [
        "test_a", ", ", "test_b"]


def test_a_link_the_builder_cannot_make_is_left_to_reference_resolution():
    ctx = Context("page", lambda key: [], lambda ident: "", lambda role, target: None)
    node = ctx.link("req", "ENH-1.ER2")
    assert_node(node, addnodes.pending_xref, reftype="req", reftarget="ENH-1.ER2",
                refdoc="page")
    assert node[CHECKED_XREF] is True
