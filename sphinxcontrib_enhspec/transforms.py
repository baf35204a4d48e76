"""Write time: every placeholder becomes what the model of its collection or card shows."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from . import render
from .nodes import COPY_DEPTH, LEAD, PLACEHOLDERS, collection, milestone_state, test_outcomes
from .render import model as m
from .render import to_dot, to_graphviz, to_html, to_nodes
from .render.parts import link_text, xref
from .roles import object_reference, object_uri

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from .domain import EnhspecDomain


class FillPlaceholders(SphinxPostTransform):
    """Fill collections, card counts and test outcomes from the records of every document.

    Priority 5 runs before reference resolution (10): links that copied titles and bodies
    carry are resolved like any other, with each builder's URIs and warnings. The links
    to the objects themselves are made here, in the builder's form.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        pending = [cast("nodes.Element", n) for n in self.document.findall(_is_placeholder)]
        if not pending:
            return
        domain = cast("EnhspecDomain", self.env.domains["enhspec"])
        while pending:
            node = pending.pop()
            page = self.page(domain, node["docname"])
            if isinstance(node, collection):
                shown = self.collection(domain, node, page)
            elif isinstance(node, test_outcomes):
                shown = self.tests(domain, node, page)
            elif isinstance(node, milestone_state):
                shown = to_nodes.items(render.milestone_state(domain, node["ms"]), page)
            else:
                fields = render.card_counts(domain, node["spec"])
                shown = to_nodes.blocks([fields], page) if fields else []
            # Copied bodies bring their own placeholders (a requirement or a list of
            # config changes in a migration step): fill them too, one level deep.
            for part in (n for n in shown if isinstance(n, nodes.Element)):
                for inner in (cast("nodes.Element", n) for n in part.findall(_is_placeholder)):
                    inner[COPY_DEPTH] = node.get(COPY_DEPTH, 0) + 1
                    pending.append(inner)
            if node.parent is not None:
                node.replace_self(shown)

    def collection(self, domain: EnhspecDomain, node: collection,
                   page: to_nodes.Page) -> list[nodes.Node]:
        """The collection on this page; inside a copy of a copy, a pointer to where it is."""
        if node.get(COPY_DEPTH, 0) > 1:
            note = "This collection is shown on the page it is written in."
            return [nodes.paragraph("", "", nodes.emphasis(note, note))]
        html = writes_html(domain.app.builder)
        out: list[nodes.Node] = []
        for block in render.collection(domain, node["query"]):
            if html and isinstance(block, m.Table):
                out.append(to_html.table_node(block, page, self.uri_maker(domain, page)))
            elif html and isinstance(block, m.Chart):
                chart = to_html.chart(block, self.uri_maker(domain, page))
                out.append(nodes.raw("", chart, format="html"))
            elif isinstance(block, m.Diagram):
                out.append(self.diagram(domain, block, page, html))
            else:
                out.extend(to_nodes.blocks([block], page))
        for table in (cast("nodes.Element", t) for n in out for t in n.findall(_is_numbered)):
            if not table["ids"] and _has_caption(table):
                # Numbered (captioned) tables and figures need an ID, as the writers expect.
                self.document.set_id(table)
        return out

    def diagram(self, domain: EnhspecDomain, block: m.Diagram, page: to_nodes.Page,
                html: bool) -> nodes.Node:
        """A trace graph for Graphviz, its nodes linked in HTML; its source without ``dot``."""
        if not domain.cfg.graphviz:
            return to_graphviz.source(block, to_dot.dot_source(block, to_dot.no_links))
        uri_of = self.svg_uri_maker(domain) if html else to_dot.no_links
        return to_graphviz.drawn(block, to_dot.dot_source(block, uri_of), page.docname)

    def svg_uri_maker(self, domain: EnhspecDomain) -> to_dot.UriOf:
        """A link's URI in an SVG picture, relative to the output's image folder once
        ``sphinx.ext.graphviz`` has rewritten it.

        That rewrite takes the page to be in the folder of its document's name and the
        images to be ``imgpath`` from there, which is not where they are for dirhtml's
        pages; each URI is written so that the rewrite yields the right one.
        """
        builder = domain.app.builder
        # The document the rewrite takes the page to be (singlehtml: the root's).
        here = self.env.path2doc(self.document.get("source", "")) or self.env.docname
        folder = posixpath.dirname(here) or "."
        images = getattr(builder, "imagedir", "_images")
        seen = posixpath.normpath(posixpath.join(
            folder, relative_uri(builder.get_target_uri(here), images)))

        def uri_of(target: m.Link) -> str | None:
            if target.uri or not target.docname:
                return target.uri or None
            try:
                path = builder.get_target_uri(target.docname).partition("#")[0]
            except NoUri:
                return None
            if not path or path.endswith("/"):  # dirhtml's folders: their index page
                path += "index.html"
            wanted = posixpath.relpath(path, images)
            given = posixpath.join(seen, wanted)
            return f"{posixpath.relpath(posixpath.normpath(given), folder)}#{target.anchor}"

        return uri_of

    def tests(self, domain: EnhspecDomain, node: test_outcomes,
              page: to_nodes.Page) -> list[nodes.Node]:
        """A requirement's tests after their label; none (and no label) without tests."""
        shown = to_nodes.items(render.test_outcomes(domain, node["req"]), page)
        if shown:
            return [nodes.Text(node[LEAD]), *shown]
        line = node.parent
        if line is not None and len(line.children) == 1 and line.parent is not None:
            line.parent.remove(line)
        return []

    def page(self, domain: EnhspecDomain, docname: str) -> to_nodes.Page:
        """How the model is written on page `docname` by this builder."""
        builder = domain.app.builder

        def link(target: m.Link) -> nodes.Node:
            text = link_text(target.role, target.target)
            if not target.known:
                return xref(target.role, target.target, "", docname)
            try:
                return object_reference(builder, docname, target.docname, target.anchor,
                                        target.title, target.uri, text)
            except NoUri:  # a page this output leaves out (LaTeX, Texinfo): text, unlinked
                return text

        return to_nodes.Page(docname, domain.texts, link)

    def uri_maker(self, domain: EnhspecDomain, page: to_nodes.Page) -> to_html.UriOf:
        """A link's URI from the page, or None where it leads nowhere."""
        builder = domain.app.builder

        def uri_of(target: m.Link) -> str | None:
            if target.uri or not target.docname:
                return target.uri or None
            try:
                return object_uri(builder, page.docname, target.docname, target.anchor)
            except NoUri:
                return None

        return uri_of


def writes_html(builder: Builder) -> bool:
    """Whether collection tables go straight to HTML: for every HTML builder."""
    return builder.format == "html"


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, PLACEHOLDERS)


def _is_numbered(node: nodes.Node) -> bool:
    """A table, figure or code block: what a caption numbers."""
    if isinstance(node, nodes.container):
        return bool(node.get("literal_block"))
    return isinstance(node, (nodes.table, to_html.html_table, nodes.figure))


def _has_caption(table: nodes.Element) -> bool:
    if isinstance(table, to_html.html_table):
        return bool(table["table"].caption)
    return table.next_node(lambda n: isinstance(n, (nodes.title, nodes.caption))) is not None
