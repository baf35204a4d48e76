"""A small project as data, written out as reST or MyST sources: the state that the random
edit sequences change one step at a time."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

#: The name of an item that is a bullet list of the page, not a directive.
LIST = "list"

#: What the page of an empty project holds besides its documents.
CONF = 'extensions = ["sphinxcontrib_enhspec"]\nproject = "Edits"\n'


@dataclass
class Item:
    """One directive: its name, argument, options and body lines."""

    name: str
    argument: str = ""
    options: dict[str, str] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    #: A nested directive (a risk's ``mitigation``): its name and body lines.
    nested: tuple[str, list[str]] | None = None
    #: The spec the item belongs to, for items that are written with a local ID.
    spec: str = ""
    #: The local ID, for requirements and risks.
    local: str = ""

    def full_id(self) -> str:
        return f"{self.spec}.{self.local}" if self.local else ""


@dataclass
class Document:
    """A page: its heading, the spec it opens (if any) and its items."""

    title: str
    spec: Item | None = None
    items: list[Item] = field(default_factory=list)


def argument_of(item: Item, doc: Document) -> str:
    """An item's argument as written in `doc`: a local ID under its own spec, else full."""
    if not item.local:
        return item.argument
    own = doc.spec is not None and doc.spec.argument.split()[0] == item.spec
    ident = item.local if own else item.full_id()
    return f"{ident} {item.argument}".strip()


def options_of(item: Item, doc: Document) -> dict[str, str]:
    """An item's options, with ``:spec:`` where an ID-less item stands outside its spec."""
    options = dict(item.options)
    own = doc.spec is not None and doc.spec.argument.split()[0] == item.spec
    if item.spec and not item.local and not own:
        options["spec"] = item.spec
    return options


def rst(doc: Document) -> str:
    """The document in reStructuredText."""
    lines = [doc.title, "=" * max(len(doc.title), 3), ""]
    for item in [doc.spec, *doc.items] if doc.spec else doc.items:
        if item.name == LIST:
            lines += [*item.body, ""]
            continue
        lines.append(f".. {item.name}:: {argument_of(item, doc)}".rstrip())
        lines += [f"   :{k}: {v}".rstrip() for k, v in options_of(item, doc).items()]
        if item.body or item.nested:
            lines.append("")
        lines += [f"   {line}" for line in item.body]
        if item.nested:
            lines += ["", f"   .. {item.nested[0]}::", ""]
            lines += [f"      {line}" for line in item.nested[1]]
        lines.append("")
    return "\n".join(lines) + "\n"


def myst(doc: Document) -> str:
    """The document in MyST Markdown, with tilde fences (titles may hold backticks)."""
    lines = [f"# {doc.title}", ""]
    for item in [doc.spec, *doc.items] if doc.spec else doc.items:
        if item.name == LIST:
            lines += [*item.body, ""]
            continue
        fence = "~~~~" if item.nested else "~~~"
        lines.append(f"{fence}{{{item.name}}} {argument_of(item, doc)}".rstrip())
        lines += [f":{k}: {v}".rstrip() for k, v in options_of(item, doc).items()]
        if item.body or item.nested:
            lines.append("")
        lines += item.body
        if item.nested:
            lines += ["", f"~~~{{{item.nested[0]}}}", *item.nested[1], "~~~"]
        lines += [fence, ""]
    return "\n".join(lines) + "\n"


def index(ext: str) -> str:
    """The root document: a glob toctree of every page, as a growing project has."""
    if ext == "md":
        return "# Edits\n\n```{toctree}\n:glob:\n\nd*\n```\n"
    return "Edits\n=====\n\n.. toctree::\n   :glob:\n\n   d*\n"


def write_project(folder: Path, docs: dict[str, Document], ext: str) -> None:
    """Write every source that differs from what `folder` holds, and delete the others;
    each written file gets a fresh modification time."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {"conf.py": CONF, f"index.{ext}": index(ext)}
    if ext == "md":
        wanted["conf.py"] = CONF.replace(
            '"sphinxcontrib_enhspec"]', '"sphinxcontrib_enhspec", "myst_parser"]')
    render = myst if ext == "md" else rst
    wanted |= {f"{name}.{ext}": render(doc) for name, doc in docs.items()}
    for path in folder.glob(f"d*.{ext}"):
        if path.name not in wanted:
            path.unlink()
    for name, text in wanted.items():
        path = folder / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.write_text(text, encoding="utf-8")
        now = time.time_ns()
        os.utime(path, ns=(now, now))
