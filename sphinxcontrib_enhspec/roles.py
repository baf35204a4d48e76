"""The linking roles ``:req:``, ``:spec:``, ``:risk:``, ``:mig:`` and ``:ms:``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .nodes import CURRENT_SPEC

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Element, Node, system_message
    from docutils.parsers.rst.states import Inliner
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Role name to the object type it links to.
ROLE_TYPES = {"req": "requirement", "spec": "spec", "risk": "risk", "mig": "migration-step",
              "ms": "milestone"}


class EnhspecXRefRole(XRefRole):
    """A link to an enhspec object; remembers the spec current where it stands."""

    innernodeclass = nodes.inline

    def __init__(self) -> None:
        super().__init__(warn_dangling=True)

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        refnode[CURRENT_SPEC] = env.ref_context.get(CURRENT_SPEC, "")
        target = target.strip()
        project, sep, _ = target.partition(":")
        if sep and project in env.config.enhspec_external:
            # The page must be rewritten when that project's export changes.
            env.domains["enhspec"].note_external_use(env.docname, project)  # type: ignore[attr-defined]
        return title, target


class BareRole(EnhspecXRefRole):
    """The same role under its bare name (``:req:``), linking in the ``enhspec`` domain."""

    def __init__(self, reftype: str) -> None:
        super().__init__()
        self.reftype_name = reftype

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[Node], list[system_message]]:
        return super().__call__(
            f"enhspec:{self.reftype_name}", rawtext, text, lineno, inliner, options or {}, content
        )


def object_uri(builder: Builder, fromdocname: str, docname: str, anchor: str) -> str:
    """The URI of an object's anchor from page `fromdocname`, as `object_reference` makes it.

    Raises ``NoUri`` for a page the output leaves out (LaTeX, Texinfo).
    """
    if fromdocname == docname:
        return f"#{anchor}"
    return _one_fragment(f"{builder.get_relative_uri(fromdocname, docname)}#{anchor}")


def object_reference(builder: Builder, fromdocname: str, docname: str, anchor: str,
                     title: str, uri: str, contnode: Element) -> nodes.reference:
    """A link from page `fromdocname` to an object: to its anchor, or to another project's
    URI (`uri`). Raises ``NoUri`` as `object_uri` does."""
    if uri:
        return nodes.reference("", "", contnode, internal=False, refuri=uri, reftitle=title,
                               classes=["enhspec-external"])
    ref = make_refnode(builder, fromdocname, docname, anchor, contnode, title)
    if "refuri" in ref:
        ref["refuri"] = _one_fragment(ref["refuri"])
    return ref


def _one_fragment(uri: str) -> str:
    # singlehtml's page URIs are fragments already ('#document-x'); one page holds all.
    return uri[uri.rindex("#"):] if uri.count("#") > 1 else uri
