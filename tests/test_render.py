"""The renderers and the docutils writer, from rows built by hand, without Sphinx; and page
fingerprints of what the model shows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.testing.util import assert_node
from test_derive import RECORDS, query, traces

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.derive import releases, rows
from sphinxcontrib_enhspec.derive.traces import Traces
from sphinxcontrib_enhspec.derive.verification import TestOutcome as Run
from sphinxcontrib_enhspec.derive.verification import Verification
from sphinxcontrib_enhspec.freshness import fingerprint
from sphinxcontrib_enhspec.nodes import CHECKED_XREF, TextPart, status_box, text_key
from sphinxcontrib_enhspec.render import matrix, migration, risks, specs, to_nodes
from sphinxcontrib_enhspec.render import model as m
from sphinxcontrib_enhspec.render.context import Context, verified_by
from sphinxcontrib_enhspec.roles import ROLE_TYPES

pytestmark = pytest.mark.requirement("ENH-100.ER7")

Kept = dict[str, list[nodes.Node]]


def context(found: Traces, kept: Kept | None = None) -> Context:
    """The model's context over hand-made records, as the domain gives it."""
    kept = kept or {}

    def link(role: str, target: str) -> m.Link:
        record = found.catalog.get(target, ROLE_TYPES[role])
        if record is None:
            return m.Link(role, target)
        return m.Link(role, target, record.location.docname, record.anchor, record.title)

    return Context(lambda key: bool(kept.get(key)), link, lambda ident: "a")


def page(kept: Kept | None = None) -> to_nodes.Page:
    """A page whose links are references to ``<docname>.html#<anchor>``."""

    def link(target: m.Link) -> nodes.Node:
        if not target.known:
            return nodes.inline(target.target, target.target)
        return nodes.reference("", target.target, refuri=f"{target.docname}.html#{target.anchor}",
                               reftitle=target.title)

    return to_nodes.Page("page", lambda key: (kept or {}).get(key, []), link)


def kinds(shown: list[object]) -> list[type]:
    return [type(block) for block in shown]


def cells(table: m.Table) -> list[list[m.Cell]]:
    return [list(table.headers), *(list(row) for row in table.rows)]


def test_matrix_model():
    found = traces()
    shown = matrix.render(rows.matrix(found, query(q.MATRIX)), query(q.MATRIX), context(found))
    assert kinds(shown) == [m.Table, m.Paragraph]
    table = shown[0]
    assert table.classes == ("enhspec-table", "enhspec-matrix", "longtable")
    assert table.widths == (14, 30, 12, 12, 30, 14)
    header, first, second = cells(table)[:3]
    assert [c.items for c in header] == [(m.Text(h),) for h in
                                         ("ID", "Title", "Status", "Spec", "Verified by", "Risks")]
    assert first[0].items == (m.Link("req", "ENH-1.CR1", "a", "ENH-1.CR1", "Title ENH-1.CR1"),)
    assert first[2].items == (m.Box(False), m.Text(" "), m.Badge("status", "dropped"))
    assert second[4].items == (m.Test("test_two", "verified-by", "failed"),)
    assert [i.target for i in second[5].items if isinstance(i, m.Link)] == ["ENH-1.R1",
                                                                            "ENH-1.R2"]
    assert shown[1] == m.Paragraph((m.Text("4 requirements, 1 done, 1 verified (25%)"),
                                    m.Bar(25)), ("enhspec-summary",))


def test_the_docutils_writer():
    found = traces()
    shown = matrix.render(rows.matrix(found, query(q.MATRIX)), query(q.MATRIX), context(found))
    written = to_nodes.blocks(shown, page())
    assert [type(n) for n in written] == [nodes.table, nodes.paragraph]
    table = written[0]
    assert_node(table, nodes.table, classes=["enhspec-table", "enhspec-matrix", "longtable"])
    assert [c["colwidth"] for c in table.findall(nodes.colspec)] == [14, 30, 12, 12, 30, 14]
    body = table.next_node(nodes.tbody)
    assert_node(body.next_node(nodes.reference), refuri="a.html#ENH-1.CR1",
                reftitle="Title ENH-1.CR1")
    assert_node(body.next_node(status_box), classes=["enhspec-box", "enhspec-box-open"])
    assert [e.astext() for e in body[1]] == [
        "ENH-1.ER2", "Title ENH-1.ER2", "\u2610 open", "ENH-1", "test_two failed",
        "ENH-1.R1, ENH-1.R2"]
    assert written[1].astext() == "4 requirements, 1 done, 1 verified (25%)"
    assert_node(written[1][1], nodes.inline, classes=["enhspec-coverage", "enhspec-coverage-25"])


def test_nothing_matches():
    none = query(q.MATRIX, filters=(("spec", ("ENH-9",)),))
    shown = matrix.render(rows.matrix(traces(), none), none, context(traces()))
    assert shown == [m.Paragraph((m.Emphasis("No requirements match."),),
                                 ("enhspec-empty", "enhspec-matrix"))]
    [written] = to_nodes.blocks(shown, page())
    assert_node(written, nodes.paragraph, classes=["enhspec-empty", "enhspec-matrix"])
    assert_node(written[0], nodes.emphasis, "No requirements match.")


def test_titles_are_shown_as_their_page_parsed_them():
    key = text_key("ENH-1.ER2", TextPart.TITLE)
    kept: Kept = {key: [nodes.literal("threads", "threads")]}
    found = traces()
    columns = query(q.MATRIX, columns=("id", "title"))
    table = matrix.render(rows.matrix(found, columns), columns, context(found, kept))[0]
    assert table.rows[1][1].items == (m.Parsed(key, "a"),)
    written = to_nodes.blocks([table], page(kept))[0]
    assert_node(next(iter(written.findall(nodes.literal))), nodes.literal, "threads")
    # The kept node is copied: it stays where it was.
    assert kept[key][0].parent is None


def test_spec_index_a_table_per_group():
    found = traces()
    shown = specs.render(rows.spec_index(found, query(q.SPEC_INDEX)), query(q.SPEC_INDEX),
                         context(found))
    assert kinds(shown) == [m.Rubric, m.Table, m.Rubric, m.Table]
    assert [shown[0].text, shown[2].text] == ["draft", "approved"]
    written = to_nodes.blocks(shown, page())
    assert [e.astext() for e in written[3].next_node(nodes.tbody)[0]] == [
        "ENH-1", "Spec ENH-1", "approved", "", "", "", "", "2.0", "1/3", "1", "0/0"]


def test_card_counts():
    found = traces()
    fields = specs.card_counts(found.counts["ENH-1"], context(found))
    written = to_nodes.blocks([fields], page())
    assert [type(n) for n in written] == [nodes.field, nodes.field, nodes.field]
    assert [(field[0].astext(), field[1].astext()) for field in written] == [
        ("Superseded by", "ENH-2"), ("Requirements", "1/3 done"), ("Open risks", "1")]


def test_risk_register_and_grid():
    found = traces()
    register_query = query(q.RISK_REGISTER, matrix=True)
    shown = risks.render(rows.risk_register(found, register_query), register_query,
                         context(found))
    assert kinds(shown) == [m.Table, m.Table, m.Paragraph]
    grid = shown[1]
    assert grid.classes == ("enhspec-table", "enhspec-risk-grid")
    assert grid.caption == "Likelihood x impact"
    assert [c.classes for c in grid.headers] == [
        (), ("enhspec-impact-low",), ("enhspec-impact-medium",), ("enhspec-impact-high",)]
    high_low = grid.rows[0][1]
    assert high_low.classes == ("enhspec-cell", "enhspec-severity-2")
    assert [i.target for i in high_low.items] == ["ENH-1.R1"]
    written = to_nodes.blocks(shown, page())
    assert written[2].astext() == "Not rated: ENH-1.R2"
    assert list(written[1].findall(nodes.entry))[5]["classes"] == ["enhspec-cell",
                                                                   "enhspec-severity-2"]


def test_nested_mitigations_follow_the_option_text():
    key = text_key("ENH-1.R1", TextPart.NESTED_MITIGATIONS)
    kept: Kept = {key: [nodes.paragraph("", "Pin the pool size.")]}
    found = traces()
    shown = risks.render(rows.risk_register(found, query(q.RISK_REGISTER)),
                         query(q.RISK_REGISTER), context(found, kept))
    assert kinds(shown) == [m.Table]  # no grid without :matrix:
    assert shown[0].rows[0][6].items == (m.Parsed(key, "a"),)
    mitigation = to_nodes.blocks(shown, page(kept))[0].next_node(nodes.tbody)[0][6]
    assert_node(mitigation, [nodes.entry, nodes.paragraph, "Pin the pool size."])


def test_migration_guide_parts():
    found = traces()
    guide_query = query(q.MIGRATION_GUIDE)
    body = text_key("ENH-1.M2", TextPart.BODY)
    kept: Kept = {body: [nodes.paragraph("", "Rename it.")]}
    shown = migration.render_guide(releases.migration_guide(found, guide_query), guide_query,
                                   context(found, kept))
    assert shown[0] == m.Rubric("Release 2.0", ("enhspec-release",))
    assert shown[2] == m.Body(body, "a")
    written = to_nodes.blocks(shown, page(kept))
    assert written[1].astext() == "ENH-1.M2 Step ENH-1.M2 breaking"
    assert_node(written[2], nodes.paragraph, "Rename it.")
    assert written[3].astext() == "ENH-1.M1 Step ENH-1.M1"
    # M1 has no body kept: nothing is written for it.
    assert_node(written[4], nodes.rubric, "Configuration changes")
    assert [e.astext() for e in written[5].next_node(nodes.thead)[0]] == [
        "Key", "Action", "Default", "Previous", "Replaces", "Spec"]
    assert_node(written[7], nodes.bullet_list, classes=["enhspec-compatibility"])
    assert written[7].astext() == "ENH-1.CR1 Title ENH-1.CR1"


def test_outcomes_show_badges_only_when_results_were_read():
    runs = (Run("test_a", "passed"), Run("test_b", "missing", "marker"))
    known = to_nodes.items(verified_by(Verification(runs, known=True)), page())
    assert [n.astext() for n in known] == ["test_a passed", ", ", "test_b missing"]
    assert_node(known[2], nodes.inline, classes=["enhspec-test", "enhspec-test-marker"])
    assert [n.astext() for n in to_nodes.items(verified_by(Verification(runs)), page())] == [
        "test_a", ", ", "test_b"]


def test_a_link_to_nothing_is_left_to_reference_resolution():
    from sphinxcontrib_enhspec.render.parts import xref

    link = context(traces()).link("req", "ENH-9.ER1")
    assert link == m.Link("req", "ENH-9.ER1") and not link.known
    node = xref(link.role, link.target, "", "page")
    assert_node(node, addnodes.pending_xref, reftype="req", reftarget="ENH-9.ER1",
                refdoc="page")
    assert node[CHECKED_XREF] is True


def shown_by(records, kept: Kept | None = None) -> list[m.Block]:
    found = traces(records)
    return matrix.render(rows.matrix(found, query(q.MATRIX)), query(q.MATRIX),
                         context(found, kept))


def test_a_page_fingerprint_follows_what_it_shows():
    def texts(key: str) -> str:
        return ""

    before = fingerprint(shown_by(RECORDS), texts)
    moved_lines = [replace(r, location=replace(r.location, lineno=r.location.lineno + 5))
                   for r in RECORDS]
    assert fingerprint(shown_by(moved_lines), texts) == before
    # Not shown by the default columns: no rewrite.
    tagged = [replace(r, tags=("new",)) if r.id == "ENH-1.ER2" else r for r in RECORDS]
    assert fingerprint(shown_by(tagged), texts) == before
    retitled = [replace(r, title="New") if r.id == "ENH-1.ER2" else r for r in RECORDS]
    assert fingerprint(shown_by(retitled), texts) != before
    # A link's target moved to another page, or its title (the tooltip) changed.
    risk_moved = [replace(r, location=replace(r.location, docname="b"))
                  if r.id == "ENH-1.R1" else r for r in RECORDS]
    assert fingerprint(shown_by(risk_moved), texts) != before
    spec_retitled = [replace(r, title="Renamed") if r.id == "ENH-1" else r for r in RECORDS]
    assert fingerprint(shown_by(spec_retitled), texts) != before
    # A kept title's parsed nodes count too.
    key = text_key("ENH-1.ER2", TextPart.TITLE)
    kept: Kept = {key: [nodes.Text("x")]}
    assert fingerprint(shown_by(RECORDS, kept), texts) != fingerprint(
        shown_by(RECORDS, kept), lambda k: "other" if k == key else "")
