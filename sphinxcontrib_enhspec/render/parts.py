"""Pieces of the visible blocks: headings, meta lines, field lists, badges and links."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes

from ..nodes import (
    BODY_CLASS,
    CHECKED_XREF,
    CURRENT_SPEC,
    FIELDS_CLASS,
    HEADING_CLASS,
    LEAD,
    META_CLASS,
)

Inline = nodes.Node


def css(prefix: str, value: str) -> str:
    """A CSS class such as ``enhspec-status-in-progress`` for any user value."""
    return f"enhspec-{prefix}-{nodes.make_id(value) or 'none'}"


def container(kind: str, *classes: str) -> nodes.container:
    """The outer block of an object."""
    return nodes.container(classes=["enhspec", f"enhspec-{kind}", *classes])


def heading(
    ident: str, title: Sequence[Inline], *extra: Inline, lead: Inline | None = None
) -> nodes.paragraph:
    """The first line of a block: `lead` (a box), its ID in bold, its title, then badges."""
    para = nodes.paragraph(classes=[HEADING_CLASS])
    if lead is not None:
        para += lead
        para += nodes.Text(" ")
    if ident:
        para += nodes.strong(ident, ident, classes=["enhspec-id"])
    if title:
        if ident:
            para += nodes.Text(" ")
        para.extend(title)
    for node in extra:
        para += nodes.Text(" ")
        para += node
    return para


def badge(kind: str, value: str) -> nodes.inline:
    """A labelled value styled by its kind and value (status, level, action)."""
    return nodes.inline(value, value, classes=["enhspec-badge", css(kind, value)])


def text(value: str) -> list[Inline]:
    """Plain text as a field body."""
    return [nodes.Text(value)] if value else []


def url(value: str) -> list[Inline]:
    """A link to an address outside the project, shown as the address."""
    return [nodes.reference(value, value, refuri=value)] if value else []


def literals(values: Iterable[str]) -> list[Inline]:
    """Comma-separated code literals."""
    return joined(nodes.literal(v, v) for v in values)


def joined(items: Iterable[Inline]) -> list[Inline]:
    """Inline nodes separated by commas."""
    out: list[Inline] = []
    for item in items:
        if out:
            out.append(nodes.Text(", "))
        out.append(item)
    return out


def link_text(role: str, target: str) -> nodes.inline:
    """The text of a link to an object, styled as Sphinx styles cross-references."""
    return nodes.inline(target, target, classes=["xref", "enhspec", f"enhspec-{role}"])


def xref(role: str, target: str, spec: str, docname: str) -> addnodes.pending_xref:
    """A link from an option, already checked for existence after reading."""
    ref = addnodes.pending_xref(
        "", link_text(role, target),
        refdomain="enhspec", reftype=role, reftarget=target, refexplicit=False,
        refwarn=True, refdoc=docname,
    )
    ref[CHECKED_XREF] = True
    ref[CURRENT_SPEC] = spec
    return ref


def xrefs(role: str, targets: Iterable[str], spec: str, docname: str) -> list[Inline]:
    """Links from a list option."""
    return joined(xref(role, t, spec, docname) for t in targets)


def source_links(paths: Iterable[str], source_url: str | None) -> list[Inline]:
    """``:implemented-by:`` paths, linked through ``enhspec_source_url`` when set."""
    items: list[Inline] = []
    for path in paths:
        code = nodes.literal(path, path)
        if source_url:
            items.append(nodes.reference("", "", code, refuri=source_url.format(path=path)))
        else:
            items.append(code)
    return joined(items)


def fields(rows: Iterable[tuple[str, Sequence[Inline]]]) -> list[nodes.field_list]:
    """A field list of the rows that have a value; none when all are empty."""
    field_list = nodes.field_list(classes=[FIELDS_CLASS])
    for name, body in rows:
        if body:
            # Labels and values are data, not prose: keep them out of message catalogs.
            label = nodes.field_name(name, name, translatable=False)
            value = nodes.field_body("", nodes.paragraph("", "", *body, translatable=False))
            field_list += nodes.field("", label, value)
    return [field_list] if field_list.children else []


#: Between the items of a meta line.
SEPARATOR = " \u00b7 "


def meta(
    rows: Iterable[tuple[str, Sequence[Inline]]],
    *,
    pending: tuple[str, nodes.Element] | None = None,
) -> list[nodes.paragraph]:
    """One line of ``Label: value`` items, for blocks that appear many times on a page.

    Lighter than a field list: a requirement's line is usually a single text node.
    `pending` is a last item filled in at write time; its label and separator go into its
    ``lead`` attribute, shown only when it ends up with a value.
    """
    para = nodes.paragraph(classes=[META_CLASS], translatable=False)
    for name, value in rows:
        if not value:
            continue
        _append_text(para, f"{SEPARATOR if para.children else ''}{name}: ")
        for node in value:
            if isinstance(node, nodes.Text):
                _append_text(para, node)
            else:
                para += node
    if pending is not None:
        name, node = pending
        node[LEAD] = f"{SEPARATOR if para.children else ''}{name}: "
        para += node
    return [para] if para.children else []


def _append_text(para: nodes.Element, value: str) -> None:
    if para.children and isinstance(para[-1], nodes.Text):
        para[-1] = nodes.Text(para[-1] + value)
    else:
        para += nodes.Text(value)


def body(content: Sequence[nodes.Node]) -> list[nodes.container]:
    """The directive's content, wrapped so that collections can find and copy it."""
    return [nodes.container("", *content, classes=[BODY_CLASS])] if content else []

