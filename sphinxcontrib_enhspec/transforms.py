"""Write time: placeholders become plain nodes; pages whose collections changed are rewritten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import collections
from .collections.context import Context
from .collections.outcomes import outcome_nodes
from .collections.specs import render_card, spec_row
from .i18n import TEXT_CLASS
from .nodes import collection, spec_summary, test_outcomes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import EnhspecDomain

BODY_CLASS = "enhspec-body"
MITIGATION_CLASS = "enhspec-mitigation"


def domain_of(env: BuildEnvironment) -> EnhspecDomain:
    """The ``enhspec`` domain of `env`."""
    return cast("EnhspecDomain", env.domains["enhspec"])


class FillPlaceholders(SphinxPostTransform):
    """Render collections and card summaries from the records of every document.

    Priority 5 runs before reference resolution (10), so the links it emits are resolved
    by the domain like any other, with each builder's URIs and warnings.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = domain_of(self.env)
        bodies = Bodies(self.env)

        def source_of(ident: str) -> str:
            record = domain.index.get(ident)
            return record.location.docname if record is not None else ""

        for node in list(self.document.findall(collection)):
            query = node["query"]
            ctx = Context(node["docname"], domain.texts, bodies, bodies.mitigations, source_of,
                          domain.cfg.source_url)
            derived = collections.derive(domain.views, query)
            rendered = collections.render(derived, query, ctx)
            for table in (t for n in rendered for t in n.findall(nodes.table)):
                if table.next_node(nodes.title) is not None and not table["ids"]:
                    # Numbered (captioned) tables need an ID, as the writers expect.
                    self.document.set_id(table)
            node.replace_self(rendered)
        for tests in list(self.document.findall(test_outcomes)):
            verification = domain.views.verification.get(tests["req"])
            tests.replace_self(outcome_nodes(verification) if verification else [])
        for card in list(self.document.findall(spec_summary)):
            spec = domain.index.spec(card["spec"])
            ctx = Context(card["docname"], domain.texts, bodies, bodies.mitigations, source_of,
                          domain.cfg.source_url)
            card.replace_self(render_card(spec_row(domain.views, spec), ctx) if spec else [])


class Bodies:
    """Parts of objects copied from their source doctrees, each doctree loaded once."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.env = env
        self.doctrees: dict[str, nodes.document] = {}

    def __call__(self, ident: str) -> list[nodes.Node]:
        """A step's body."""
        body: list[nodes.Node] = [*self._parts(ident, BODY_CLASS)[:1]]
        return body

    def mitigations(self, ident: str) -> list[nodes.Node]:
        """The content of a risk's nested mitigations, without their headings."""
        return [child for part in self._parts(ident, MITIGATION_CLASS)
                for child in part.children if not isinstance(child, nodes.rubric)]

    def _parts(self, ident: str, cls: str) -> list[nodes.Element]:
        record = domain_of(self.env).index.get(ident)
        if record is None or record.location.external:
            return []
        docname = record.location.docname
        if docname not in self.doctrees:
            self.doctrees[docname] = self.env.get_doctree(docname)
        for element in self.doctrees[docname].findall(nodes.Element):
            if record.anchor in element["ids"]:
                return [c for c in element.findall(nodes.container) if cls in c["classes"]]
        return []


def capture_texts(app: Sphinx, doctree: nodes.document) -> None:
    """Keep each object's parsed title as the page shows it, for collections to reuse."""
    texts = {
        node["enhspec_key"]: [child.deepcopy() for child in node.children]
        for node in doctree.findall(nodes.inline)
        if TEXT_CLASS in node["classes"] and node.get("enhspec_key")
    }
    domain_of(app.env).note_texts(app.env.docname, texts)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose collections or cards now show something else than last time."""
    domain = domain_of(env)
    domain.report_results()
    return domain.stale_pages()


def note_confdir(app: Sphinx) -> None:
    """Remember where conf.py is: results files are named relative to it."""
    domain_of(app.env).data["confdir"] = str(app.confdir)
