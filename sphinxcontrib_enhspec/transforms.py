"""Write time: placeholders become plain nodes; pages whose collections changed are rewritten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import collections
from .blocks import BODY_CLASS
from .collections.context import Context
from .collections.outcomes import outcome_nodes
from .collections.specs import render_card, spec_row
from .directives.risk import MITIGATION_CLASS
from .i18n import TEXT_CLASS
from .model import MigrationStep, Risk
from .nodes import collection, spec_summary, test_outcomes
from .roles import ROLE_TYPES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .domain import EnhspecDomain



def domain_of(env: BuildEnvironment) -> EnhspecDomain:
    """The ``enhspec`` domain of `env`."""
    return cast("EnhspecDomain", env.domains["enhspec"])


class FillPlaceholders(SphinxPostTransform):
    """Render collections and card summaries from the records of every document.

    Priority 5 runs before reference resolution (10): links that copied titles and bodies
    carry are resolved like any other, with each builder's URIs and warnings. The links
    to the objects themselves are made here, through the domain, in the builder's form.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        pending = [cast("nodes.Element", n) for n in self.document.findall(_is_placeholder)]
        if not pending:
            return
        domain = domain_of(self.env)
        while pending:
            node = pending.pop()
            if isinstance(node, collection):
                shown = self.collection(domain, node)
            elif isinstance(node, test_outcomes):
                shown = self.tests(domain, node)
            else:
                spec = domain.index.spec(node["spec"])
                ctx = self.context(domain, node["docname"])
                shown = render_card(spec_row(domain.views, spec), ctx) if spec else []
            # Copied bodies bring their own placeholders (a requirement or a list of
            # config changes in a migration step): fill them too, one level deep.
            for part in (n for n in shown if isinstance(n, nodes.Element)):
                for inner in (cast("nodes.Element", n) for n in part.findall(_is_placeholder)):
                    inner["enhspec_depth"] = node.get("enhspec_depth", 0) + 1
                    pending.append(inner)
            if node.parent is not None:
                node.replace_self(shown)

    def collection(self, domain: EnhspecDomain, node: collection) -> list[nodes.Node]:
        """The rendered collection; inside a copy of a copy, a pointer to where it is."""
        if node.get("enhspec_depth", 0) > 1:
            note = "This collection is shown on the page it is written in."
            return [nodes.paragraph("", "", nodes.emphasis(note, note))]
        query = node["query"]
        ctx = self.context(domain, node["docname"])
        rendered = collections.render(collections.derive(domain.views, query), query, ctx)
        for table in (t for n in rendered for t in n.findall(nodes.table)):
            if table.next_node(nodes.title) is not None and not table["ids"]:
                # Numbered (captioned) tables need an ID, as the writers expect.
                self.document.set_id(table)
        return rendered

    def tests(self, domain: EnhspecDomain, node: test_outcomes) -> list[nodes.Node]:
        """A requirement's tests after their label; none (and no label) without tests."""
        verification = domain.views.verification.get(node["req"])
        shown = outcome_nodes(verification) if verification else []
        if shown:
            return [nodes.Text(node["lead"]), *shown]
        line = node.parent
        if line is not None and len(line.children) == 1 and line.parent is not None:
            line.parent.remove(line)
        return []

    def context(self, domain: EnhspecDomain, docname: str) -> Context:
        """What rendering on page `docname` needs from the domain and the builder."""

        def bodies(ident: str) -> list[nodes.Node]:
            return domain.texts(f"{ident}#body")

        def mitigations(ident: str) -> list[nodes.Node]:
            return domain.texts(f"{ident}#mitigations")

        def source_of(ident: str) -> str:
            record = domain.index.get(ident)
            return record.location.docname if record is not None else ""

        def resolve(role: str, target: str) -> nodes.Node | None:
            record = domain.index.get(target, ROLE_TYPES[role])
            if record is None:
                return None
            text = nodes.inline(record.id, record.id,
                                classes=["xref", "enhspec", f"enhspec-{role}"])
            try:
                return domain.reference(_builder(self.env), docname, record, text)
            except NoUri:  # a page this output leaves out (LaTeX, Texinfo): text, unlinked
                return text

        return Context(docname, domain.texts, bodies, mitigations, source_of, resolve,
                       domain.cfg.source_url)


def _builder(env: BuildEnvironment) -> Builder:
    """The builder writing the page; post-transforms are given no handle on it."""
    # Sphinx's own post-transforms reach it the same way; ``env.app`` is Sphinx 7's name.
    app = getattr(env, "_app", None) or env.app
    return cast("Builder", app.builder)


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, (collection, test_outcomes, spec_summary))


def detached(node: nodes.Node) -> nodes.Node:
    """A copy of `node` that does not hold on to its document.

    Copies keep a reference to the whole page, which pickling the environment (and every
    parallel reader's result) would then carry along, once per page.
    """
    copy = node.deepcopy()
    for part in copy.findall():
        if getattr(part, "_document", None) is not None:
            setattr(part, "_document", None)  # noqa: B010 (docutils has no public way)
    return copy


def capture_texts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep what collections show again as the page shows it: each object's parsed title
    and mitigation text, a step's body and a risk's nested mitigations."""
    domain = domain_of(app.env)
    texts = {
        node["enhspec_key"]: [detached(child) for child in node.children]
        for node in doctree.findall(nodes.inline)
        if TEXT_CLASS in node["classes"] and node.get("enhspec_key")
    }
    for record in domain.records.get(app.env.docname, []):
        block = doctree.ids.get(record.anchor)
        if block is None or not isinstance(record, (MigrationStep, Risk)):
            continue
        parts = [c for c in block.findall(nodes.container)
                 if {BODY_CLASS, MITIGATION_CLASS} & set(c["classes"])]
        if isinstance(record, MigrationStep):
            body: list[nodes.Node] = [detached(p) for p in parts if BODY_CLASS in p["classes"]]
            texts[f"{record.id}#body"] = body[:1]
        else:
            texts[f"{record.id}#mitigations"] = [
                detached(child) for p in parts if MITIGATION_CLASS in p["classes"]
                for child in p.children if not isinstance(child, nodes.rubric)]
    domain.note_texts(app.env.docname, texts)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose collections or cards now show something else than last time."""
    domain = domain_of(env)
    domain.report_results()
    return domain.stale_pages()


def note_confdir(app: Sphinx) -> None:
    """Remember where conf.py is: results files are named relative to it."""
    domain_of(app.env).data["confdir"] = str(app.confdir)
