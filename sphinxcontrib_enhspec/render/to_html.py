"""The model's tables straight to HTML, for HTML builders.

A collection table becomes one `html_table` node. Its children are the parsed titles and
mitigations it shows (copied from their pages), so that Sphinx resolves their links like
any other; everything else is written here as text, escaped with markupsafe. Writing
thousands of rows this way spares the builder a docutils tree per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from docutils import nodes
from markupsafe import Markup, escape
from sphinx.locale import _

from ..nodes import CHECKED, UNCHECKED
from . import model as m
from .parts import css

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from .to_nodes import Page

#: (link) -> its URI from the page being written, or None when it leads nowhere here.
UriOf = Callable[[m.Link], "str | None"]


class html_table(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A collection table written by `visit_html_table`; ``node["table"]`` is its model."""


class kept_part(nodes.General, nodes.Element):  # noqa: N801
    """The copied nodes of one parsed item of an `html_table`, in the order of the items."""


def table_node(model: m.Table, page: Page, uri_of: UriOf) -> html_table:
    """The node that writes `model` as HTML; its children are the parsed texts it shows."""
    node = html_table("", table=model, uris=_uris(model, uri_of))
    for cells in (model.headers, *model.rows):
        for cell in cells:
            for item in cell.items:
                if isinstance(item, m.Parsed):
                    node += kept_part("", *page.kept(item.key, item.source))
    return node


def _uris(model: m.Table, uri_of: UriOf) -> dict[m.Link, str | None]:
    """Each link's URI from the page, made once per link."""
    uris: dict[m.Link, str | None] = {}
    for cells in model.rows:
        for cell in cells:
            for item in cell.items:
                if isinstance(item, m.Link) and item not in uris:
                    uris[item] = uri_of(item)
    return uris


def visit_html_table(translator: HTML5Translator, node: html_table) -> None:
    """Write the table, and each kept part with the translator itself."""
    model: m.Table = node["table"]
    parts = iter(node.children)
    body = translator.body
    body.append('<div class="enhspec-scroll">\n')
    ident = f' id="{escape(node["ids"][0])}"' if node["ids"] else ""
    body.append(f'<table class="{_classes([*model.classes, "docutils", "align-default"])}"'
                f"{ident}>\n")
    if model.caption:
        body.append(f'<caption><span class="caption-text">{escape(model.caption)}</span>')
        translator.add_permalink_ref(node, _("Link to this table"))
        body.append("</caption>\n")
    write = _Cells(translator, node["uris"], parts)
    body.append('<thead>\n<tr class="row-odd">')
    for cell in model.headers:
        write.cell(cell, "th", ["head"])
    body.append("</tr>\n</thead>\n<tbody>\n")
    for number, cells in enumerate(model.rows):
        body.append(f'<tr class="row-{"odd" if number % 2 else "even"}">')
        for cell in cells:
            write.cell(cell, "td", [])
        body.append("</tr>\n")
    body.append("</tbody>\n</table>\n</div>\n")
    raise nodes.SkipNode


class _Cells:
    """Writes cells into the translator's body."""

    def __init__(self, translator: HTML5Translator, uris: dict[m.Link, str | None],
                 parts: Iterable[nodes.Node]) -> None:
        self.translator = translator
        self.uris = uris
        self.parts = iter(parts)

    def cell(self, cell: m.Cell, tag: str, classes: list[str]) -> None:
        body = self.translator.body
        names = [*classes, *cell.classes]
        body.append(f'<{tag} class="{_classes(names)}">' if names else f"<{tag}>")
        open_paragraph = False
        for item in cell.items:
            if isinstance(item, m.Parsed):
                # Inline nodes are written as if in the cell's paragraph: Sphinx's writer
                # wants a reference (a role in a title) to stand in a text element.
                paragraph = nodes.paragraph()
                for child in next(self.parts).children:
                    inline = isinstance(child, (nodes.Text, nodes.Inline))
                    if inline and not open_paragraph:
                        body.append("<p>")
                        open_paragraph = True
                    elif not inline and open_paragraph:
                        body.append("</p>\n")
                        open_paragraph = False
                    if inline:
                        child.parent = paragraph
                    child.walkabout(self.translator)
                continue
            if not open_paragraph:
                body.append("<p>")
                open_paragraph = True
            body.append(self.item(item))
        if open_paragraph:
            body.append("</p>")
        body.append(f"</{tag}>\n")

    def item(self, item: m.Item) -> str:
        if isinstance(item, m.Text):
            return str(escape(item.text))
        if isinstance(item, m.Emphasis):
            return f"<em>{escape(item.text)}</em>"
        if isinstance(item, m.Code):
            code = _code(item.text)
            return f'<a class="reference external" href="{escape(item.url)}">{code}</a>' \
                if item.url else code
        if isinstance(item, m.Badge):
            return _badge(item.kind, item.value)
        if isinstance(item, m.Box):
            state = "done" if item.done else "open"
            char = CHECKED if item.done else UNCHECKED
            return f'<span class="enhspec-box enhspec-box-{state}">{char}</span>'
        if isinstance(item, m.Link):
            return self.link(item)
        if isinstance(item, m.Test):
            outcome = f" {_badge('outcome', item.outcome)}" if item.outcome else ""
            return (f'<span class="enhspec-test enhspec-test-{escape(item.source)}">'
                    f"{_code(item.name)}{outcome}</span>")
        assert isinstance(item, m.Bar)
        return f'<span class="enhspec-coverage enhspec-coverage-{item.share}"></span>'

    def link(self, link: m.Link) -> str:
        return _link(link, self.uris.get(link))


def _link(link: m.Link, uri: str | None) -> str:
    """A link to an object, or its ID alone when it leads nowhere from here."""
    text = (f'<span class="xref enhspec enhspec-{escape(link.role)}">'
            f"{escape(link.target)}</span>")
    if uri is None:
        return text
    kind = "external enhspec-external" if link.uri else "internal"
    return (f'<a class="reference {kind}" href="{escape(uri)}" '
            f'title="{escape(link.title)}">{text}</a>')


def chart(model: m.Chart, uri_of: UriOf) -> str:
    """The bars of a chart in plain HTML and CSS: a row per span, its label and its track,
    the bar placed by its offset and width in percent of the track."""
    out = [f'<div class="{_classes(model.classes)}" role="group" '
           f'aria-label="{escape(f"From {model.first} to {model.last}")}">\n'
           '<div class="enhspec-chart-axis"><span class="enhspec-chart-first">'
           f'{escape(model.first)}</span><span class="enhspec-chart-last">'
           f"{escape(model.last)}</span></div>\n"]
    for span in model.spans:
        dates = span.end if span.start == span.end else f"{span.start} to {span.end}"
        tip = f"{span.link.target}: {dates}"
        out.append(
            '<div class="enhspec-chart-row"><span class="enhspec-chart-label">'
            f"{_link(span.link, uri_of(span.link))}</span>"
            '<span class="enhspec-chart-track">'
            f'<span class="{_classes(["enhspec-bar", *span.classes])}" '
            f'style="margin-left: {_percent(span.offset)}; width: {_percent(span.width)}" '
            f'title="{escape(tip)}"></span></span></div>\n')
    out.append("</div>\n")
    return "".join(out)


def _percent(hundredths: int) -> str:
    return f"{hundredths // 100}.{hundredths % 100:02d}%"


def _classes(names: Iterable[str]) -> Markup:
    return escape(" ".join(names))


def _code(text: str) -> str:
    return (f'<code class="docutils literal notranslate"><span class="pre">{escape(text)}'
            "</span></code>")


def _badge(kind: str, value: str) -> str:
    return f'<span class="enhspec-badge {escape(css(kind, value))}">{escape(value)}</span>'
