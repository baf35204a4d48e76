"""Write time: every placeholder becomes plain nodes, from what the domain derived."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import COPY_DEPTH, LEAD, PLACEHOLDERS, collection, test_outcomes
from .render import render
from .render import specs as spec_blocks
from .render.context import Context
from .render.parts import link_text, outcome_nodes
from .roles import ROLE_TYPES

if TYPE_CHECKING:
    from .domain import EnhspecDomain


class FillPlaceholders(SphinxPostTransform):
    """Render collections, card counts and test outcomes from the records of every document.

    Priority 5 runs before reference resolution (10): links that copied titles and bodies
    carry are resolved like any other, with each builder's URIs and warnings. The links
    to the objects themselves are made here, through the domain, in the builder's form.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        pending = [cast("nodes.Element", n) for n in self.document.findall(_is_placeholder)]
        if not pending:
            return
        domain = cast("EnhspecDomain", self.env.domains["enhspec"])
        while pending:
            node = pending.pop()
            if isinstance(node, collection):
                shown = self.collection(domain, node)
            elif isinstance(node, test_outcomes):
                shown = self.tests(domain, node)
            else:
                counts = domain.traces.counts.get(node["spec"])
                ctx = self.context(domain, node["docname"])
                shown = spec_blocks.card_counts(counts, ctx) if counts else []
            # Copied bodies bring their own placeholders (a requirement or a list of
            # config changes in a migration step): fill them too, one level deep.
            for part in (n for n in shown if isinstance(n, nodes.Element)):
                for inner in (cast("nodes.Element", n) for n in part.findall(_is_placeholder)):
                    inner[COPY_DEPTH] = node.get(COPY_DEPTH, 0) + 1
                    pending.append(inner)
            if node.parent is not None:
                node.replace_self(shown)

    def collection(self, domain: EnhspecDomain, node: collection) -> list[nodes.Node]:
        """The rendered collection; inside a copy of a copy, a pointer to where it is."""
        if node.get(COPY_DEPTH, 0) > 1:
            note = "This collection is shown on the page it is written in."
            return [nodes.paragraph("", "", nodes.emphasis(note, note))]
        query = node["query"]
        rendered = render(domain.rows(query), query, self.context(domain, node["docname"]))
        for table in (t for n in rendered for t in n.findall(nodes.table)):
            if table.next_node(nodes.title) is not None and not table["ids"]:
                # Numbered (captioned) tables need an ID, as the writers expect.
                self.document.set_id(table)
        return rendered

    def tests(self, domain: EnhspecDomain, node: test_outcomes) -> list[nodes.Node]:
        """A requirement's tests after their label; none (and no label) without tests."""
        verification = domain.traces.verification.get(node["req"])
        shown = outcome_nodes(verification) if verification else []
        if shown:
            return [nodes.Text(node[LEAD]), *shown]
        line = node.parent
        if line is not None and len(line.children) == 1 and line.parent is not None:
            line.parent.remove(line)
        return []

    def context(self, domain: EnhspecDomain, docname: str) -> Context:
        """What rendering on page `docname` needs from the domain and the builder."""
        builder = domain.app.builder

        def source_of(ident: str) -> str:
            record = domain.catalog.get(ident)
            return record.location.docname if record is not None else ""

        def resolve(role: str, target: str) -> nodes.Node | None:
            record = domain.catalog.get(target, ROLE_TYPES[role])
            if record is None:
                return None
            text = link_text(role, record.id)
            try:
                return domain.reference(builder, docname, record, text)
            except NoUri:  # a page this output leaves out (LaTeX, Texinfo): text, unlinked
                return text

        return Context(docname, domain.texts, source_of, resolve, domain.cfg.source_url)


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, PLACEHOLDERS)
