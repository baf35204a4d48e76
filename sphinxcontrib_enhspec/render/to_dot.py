"""A diagram of the model as DOT source for Graphviz, every user text escaped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import quote

from . import model as m

#: Characters that DOT or Graphviz give a meaning to inside a quoted string: the quote ends
#: it, ``&`` starts an HTML character entity (which Graphviz reads in every string, before
#: its own escapes), and ``<>{}|`` shape record labels. Each is written as an entity.
ENTITIES = {"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;",
            "{": "&#123;", "}": "&#125;", "|": "&#124;"}
#: A backslash starts an escape (``\N`` the node's name, ``\l`` a line break). Graphviz
#: reads a label's escapes once and a tooltip's twice, so a backslash is written as two
#: or four of them.
LABEL_BACKSLASH = "\\\\"
TOOLTIP_BACKSLASH = LABEL_BACKSLASH * 2
#: Characters kept as they are in a URL: the reserved ones and ``%`` of escapes already made.
URL_SAFE = "/:?#[]@!$&'()*+,;=%~"
#: The graph-wide defaults.
PREAMBLE = (
    'fontname="sans-serif"',
    "ranksep=0.35",
    "nodesep=0.12",
    'node [fontname="sans-serif", fontsize=8, margin="0.1,0.04"]',
    'edge [arrowsize=0.7]',
)

#: A link's URL from the page the graph is on, or None where it leads nowhere.
UriOf = Callable[[m.Link], "str | None"]


def quoted(text: str, backslash: str = LABEL_BACKSLASH) -> str:
    """`text` as a DOT string that Graphviz shows as written, on one line."""
    table = {**ENTITIES, "\\": backslash}
    return '"' + "".join(table.get(char, char) for char in " ".join(text.split())) + '"'


def url(uri: str) -> str:
    """A URI as a DOT string: characters that could end or escape the string are
    percent-encoded, as a browser would send them, and ``&`` is an entity."""
    return '"' + quote(uri, safe=URL_SAFE).replace("&", "&amp;") + '"'


def _attributes(pairs: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{name}={value}" for name, value in pairs)


def _plain(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, quoted(value, TOOLTIP_BACKSLASH if name == "tooltip" else LABEL_BACKSLASH))
            for name, value in pairs]


def vertex(model: m.Vertex, uri_of: UriOf) -> str:
    """A node statement: label lines, tooltip, drawing attributes and link."""
    label = '"' + r"\n".join(quoted(line)[1:-1] for line in model.lines) + '"'
    pairs = [("label", label), *_plain(model.attributes),
             ("tooltip", quoted(model.tooltip, TOOLTIP_BACKSLASH))]
    uri = uri_of(model.link) if model.link is not None else None
    if uri:
        # "_top": a click in an SVG shown through <object> opens the page, not the image.
        pairs += [("URL", url(uri)), ("target", '"_top"')]
    return f"  {quoted(model.name)} [{_attributes(pairs)}];"


def arrow(model: m.Arrow) -> str:
    """An edge statement."""
    return (f"  {quoted(model.source)} -> {quoted(model.target)} "
            f"[{_attributes(_plain(model.attributes))}];")


def dot_source(diagram: m.Diagram, uri_of: UriOf) -> str:
    """The DOT source of `diagram`, its nodes linked to the URLs `uri_of` gives."""
    lines = ["digraph trace {", f"  rankdir={diagram.direction};",
             *(f"  {line};" for line in PREAMBLE)]
    lines.extend(vertex(v, uri_of) for v in diagram.vertices)
    lines.extend(arrow(a) for a in diagram.arrows)
    lines.append("}")
    return "\n".join(lines) + "\n"


def no_links(link: m.Link) -> str | None:
    """A `UriOf` for outputs whose pictures cannot link (LaTeX, the source as text)."""
    return None
