"""Task lists: the checklist items of a spec's document, shown with a box and recorded."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .model import Location, Task
from .nodes import OBJECT_ID, TASK_CLASS, box

if TYPE_CHECKING:
    from .domain import EnhspecDomain

#: The text that makes a list item a task: ``[ ]``, ``[x]`` or ``[X]`` and a space.
MARK = re.compile(r"^\[( |x|X)\] ")
#: MyST's ``tasklist`` extension writes the box as raw HTML; checked when it says so.
MYST_BOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"")


def marked(item: nodes.list_item) -> tuple[bool, nodes.paragraph] | None:
    """Whether a list item is a done or an open task, and its first paragraph; None when
    it is no task. The mark is taken off the paragraph."""
    if not item.children or not isinstance(item[0], nodes.paragraph) or not item[0].children:
        return None
    para = item[0]
    first = para[0]
    if isinstance(first, nodes.raw) and MYST_BOX.search(first.astext()):
        para.remove(first)
        # MyST-Parser before 4.1 keeps the space after the box.
        if para.children and isinstance(para[0], nodes.Text) and para[0].startswith(" "):
            para.replace(para[0], nodes.Text(para[0].lstrip()))
        return "checked" in first.astext(), para
    if not isinstance(first, nodes.Text):
        return None
    match = MARK.match(str(first))
    if match is None:
        return None
    rest = str(first)[match.end():]
    if rest:
        para.replace(first, nodes.Text(rest))
    else:
        para.remove(first)
    return match.group(1) != " ", para


class FindTasks(SphinxTransform):
    """Mark the task list items of each spec in the document and record them; a checklist
    before the document's first spec is left as it is."""

    # Before smart quotes (750), so that the export has the text as written, and before
    # the texts are kept (881), so that copied bodies show the boxes too.
    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        domain = cast("EnhspecDomain", self.env.domains["enhspec"])
        spec = ""
        for node in list(self.document.findall(
                lambda n: isinstance(n, (nodes.container, nodes.bullet_list)))):
            if isinstance(node, nodes.container):
                if "enhspec-spec" in node["classes"] and node.get(OBJECT_ID):
                    spec = node[OBJECT_ID]
                continue
            if not spec:
                continue
            for item in node.children:
                if isinstance(item, nodes.list_item):
                    self._task(domain, spec, item)

    def _task(self, domain: EnhspecDomain, spec: str, item: nodes.list_item) -> None:
        found = marked(item)
        if found is None:
            return
        done, para = found
        para.insert(0, box(done))
        para.insert(1, nodes.Text(" "))
        item["classes"] += [TASK_CLASS, f"{TASK_CLASS}-{'done' if done else 'open'}"]
        ancestors = _ancestors(item)
        titles = [_title(s) for s in ancestors if isinstance(s, nodes.section)]  # innermost first
        milestone = next((a.get(OBJECT_ID, "") for a in ancestors
                          if isinstance(a, nodes.container)
                          and "enhspec-milestone" in a["classes"]), "")
        text = para.astext()[2:].strip()
        domain.note_record(Task(
            location=self._location(item), spec=spec, done=done, text=text,
            section=titles[0] if titles else "",
            part=titles[-2] if len(titles) > 1 else (titles[0] if titles else ""),
            milestone=milestone))

    def _location(self, item: nodes.list_item) -> Location:
        """Where the item is written; docutils often places only its paragraph."""
        first = item[0]
        source, line = item.source or first.source, item.line or first.line
        own = str(self.env.doc2path(self.env.docname))
        included = os.path.abspath(source) if source and source != own else ""
        return Location(self.env.docname, line or 0, included)


def _ancestors(node: nodes.Node) -> list[nodes.Element]:
    """The node's parents, innermost first."""
    out = []
    parent = node.parent
    while parent is not None:
        out.append(parent)
        parent = parent.parent
    return out


def _title(section: nodes.section) -> str:
    """A section's title as text."""
    return next((child.astext() for child in section.children
                 if isinstance(child, nodes.title)), "")
