"""The body of a spec: requirement, risk and migration-step list items and the design
changes' code blocks become directives; every other block is kept as it was."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from pygments.filters import ErrorToken
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from . import design
from .blocks import Block, read
from .parts import Directive, Heading, Kept, Note, Part

ID_ITEM = re.compile(r"^(?:\[(?P<box>[ xX])\][ \t]+)?(?P<b>\*\*)?(?P<id>[A-Za-z]+[0-9]+)"
                     r"(?(b)\*\*):(?:[ \t]+(?P<title>.*))?$")
BOX = re.compile(r"^\[(?P<box>[ xX])\][ \t]+")
RISKS = re.compile(r"^(?P<category>.*?)\s*risks(?:\s+and\s+mitigations?)?$", re.I)
MODULE = re.compile(r"^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$")


@dataclass(frozen=True)
class Vocabulary:
    """The project's settings the converter follows."""

    kinds: Mapping[str, str]
    categories: Sequence[str]
    local_pattern: str


@dataclass
class Placer:
    """Walks the body's blocks in order, keeping the current section in mind."""

    words: Vocabulary
    module: str = ""
    parts: list[Part] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    path: list[tuple[int, str]] = field(default_factory=list)  # (markdown level, text)
    highest: dict[str, int] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    last_item: Directive | None = None
    nested: bool = False  # whether nested items have joined the last item's body

    @property
    def section(self) -> str:
        return self.path[-1][1].strip().lower() if self.path else ""

    def note(self, line: int, message: str) -> None:
        self.notes.append(Note(line, message))

    def count(self, blocks: Sequence[Block]) -> None:
        """Remember the highest number of each ID prefix, so new IDs come after it."""
        for block in blocks:
            match = ID_ITEM.match(block.lines[0]) if block.kind == "item" else None
            if match and re.search(self.words.local_pattern, match.group("id")):
                prefix = re.sub(r"[0-9]+$", "", match.group("id"))
                number = int(match.group("id")[len(prefix):])
                self.highest[prefix] = max(self.highest.get(prefix, 0), number)

    def next_id(self, prefix: str) -> str:
        self.highest[prefix] = self.highest.get(prefix, 0) + 1
        return f"{prefix}{self.highest[prefix]}"

    def heading(self, block: Block) -> None:
        if not block.text:
            self.note(block.line, "an empty heading; left out")
            return
        while self.path and self.path[-1][0] >= block.level:
            self.path.pop()
        self.path.append((block.level, block.text))
        self.parts.append(Heading(len(self.path) + 1, block.text))

    def block(self, block: Block) -> None:
        """Place one block of the body."""
        if block.kind == "heading":
            self.last_item = None
            self.heading(block)
        elif block.kind == "item":
            self.item(self.fenced(block))
        elif block.kind == "code":
            self.last_item = None
            self.code(block)
        elif block.kind == "rule":
            self.note(block.line, "a horizontal rule; left out")
        else:
            self.last_item = None
            self.parts.append(Kept(self.fenced(block) if block.kind == "quote" else block))

    def fenced(self, block: Block) -> Block:
        """`block` with the code blocks inside it that Sphinx could not highlight marked
        as text."""
        lines, problems = fix_fences(block.lines)
        for offset, problem in problems:
            self.note(block.line + offset, f"{problem}; the block is highlighted as text")
        return replace(block, lines=lines)

    def item(self, block: Block) -> None:
        if block.indent and self.last_item is not None:
            # One blank line between the item's own text and its nested list.
            gap = [] if self.nested else [""]
            self.last_item.body += [*gap, *nested(block)]
            self.nested = True
            return
        self.nested = False
        made = self.requirement(block) or self.risk(block) or self.step(block)
        self.last_item = made
        self.parts.append(made or Kept(block))

    def requirement(self, block: Block) -> Directive | None:
        match = ID_ITEM.match(block.lines[0])
        kind_section = next((p for p, k in self.words.kinds.items()
                             if self.section == f"{k.lower()} requirements"), "")
        in_section = self.section.endswith("requirements")
        if match and re.search(self.words.local_pattern, match.group("id")):
            ident, box, title = match.group("id"), match.group("box"), match.group("title")
            prefix = re.sub(r"[0-9]+$", "", ident)
            if prefix not in self.words.kinds and not in_section:
                return None
            if ident in self.seen:
                new = self.next_id(prefix)
                self.note(block.line, f"{ident} is taken; written as {new}")
                ident = new
        elif kind_section:
            box_match = BOX.match(block.lines[0])
            box = box_match.group("box") if box_match else None
            title = block.lines[0][box_match.end() if box_match else 0:]
            ident = self.next_id(kind_section)
            self.note(block.line, f"a requirement without an ID; numbered {ident}")
        else:
            if in_section and block.indent == 0:
                self.note(block.line, f"kept as text: no requirement ID, and the section "
                                      f"{self.path[-1][1]!r} names no requirement kind")
            return None
        self.seen.add(ident)
        options = [("status", "done")] if box in ("x", "X") else []
        return Directive("requirement", f"{ident} {title or ''}".strip(), options,
                         list(block.lines[1:]))

    def risk(self, block: Block) -> Directive | None:
        match = RISKS.match(self.section)
        if not match or block.indent:
            return None
        category = match.group("category").strip().replace(" ", "-")
        options: list[tuple[str, str]] = []
        if category in self.words.categories:
            options.append(("category", category))
        elif category:
            self.note(block.line, f"{category!r} is not a risk category "
                                  f"({', '.join(self.words.categories)}); the risk has none")
        text = block.lines[0]
        box = BOX.match(text)
        if box:
            text = text[box.end():]
            options += [("status", "mitigated")] if box.group("box") in "xX" else []
        pieces = [p.strip() for p in text.split(": ")]
        ident = ""
        if len(pieces) > 2 and re.fullmatch(r"R[0-9]+", pieces[0]) and pieces[0] not in self.seen:
            ident = pieces.pop(0)
        ident = ident or self.next_id("R")
        self.seen.add(ident)
        title = strip_bold(pieces[0])
        if len(pieces) > 1:
            options.append(("mitigation", ": ".join(pieces[1:])))
        else:
            self.note(block.line, f"the risk {ident} has no mitigation (no 'Risk: Mitigation')")
        return Directive("risk", f"{ident} {title}".strip(), options, list(block.lines[1:]),
                         inline=("mitigation",))

    def step(self, block: Block) -> Directive | None:
        if "migration steps" not in self.section or not block.marker[0].isdigit():
            return None
        if block.indent:
            return None
        title, _, rest = block.lines[0].partition(": ")
        body = [rest] if rest else []
        return Directive("migration-step", strip_bold(title), [], [*body, *block.lines[1:]])

    def code(self, block: Block) -> None:
        language = block.text.lower()
        problem = highlighting_problem(language, "\n".join(block.lines)) if language else ""
        if problem:
            self.note(block.line, f"{problem}; the block is highlighted as text")
            block = replace(block, text="text")
        self.parts.append(Kept(block))
        path = " ".join(text.lower() for _, text in self.path)
        if language in ("yaml", "yml") and "configuration" in path:
            changes, problems = design.yaml_changes(block.lines)
            self.changes("config-change", "default", changes, problems, block.line)
        elif language in ("python", "py", "python3") and re.search(r"\bapi\b", path):
            prefix = self.module if MODULE.match(self.module) else ""
            changes, problems = design.python_changes(block.lines, prefix)
            self.changes("api-change", "signature", changes, problems, block.line)

    def changes(self, name: str, value: str, changes: list[design.Change],
                problems: list[tuple[int, str]], line: int) -> None:
        for offset, message in problems:
            self.note(line + 1 + offset, message)
        for change in changes:
            if f"{name} {change.name}" in self.seen:
                self.note(line + 1 + change.offset, f"{change.name} is already a {name}; "
                                                    "kept in the code block only")
                continue
            self.seen.add(f"{name} {change.name}")
            action = change.action
            if action == "removed":
                # A removal is checked against the deprecations of earlier releases,
                # which the Markdown does not record: written as is, it would warn.
                self.note(line + 1 + change.offset, f"{change.name} is marked removed; "
                          "written without :action: (add it once the project records "
                          "the deprecation)")
                action = ""
            options = [("action", action)] if action else []
            options += [(value, change.value)] if change.value else []
            self.parts.append(Directive(name, change.name, options))


def strip_bold(text: str) -> str:
    """`text` without the ``**`` around all of it."""
    match = re.fullmatch(r"\*\*(.+)\*\*", text.strip())
    return match.group(1) if match else text.strip()


def nested(block: Block) -> list[str]:
    """A nested list item as Markdown lines, at its own indentation."""
    pad = " " * (len(block.marker) + 1)
    return [f"{block.marker} {block.lines[0]}", *(pad + line if line else ""
                                                  for line in block.lines[1:])]


def highlighting_problem(name: str, code: str) -> str:
    """Why Sphinx would warn when highlighting `code` as `name` (it does for a language
    Pygments does not know and for a token the lexer cannot read); "" when it would not."""
    if name in ("text", "none", "default"):
        return ""
    try:
        lexer = get_lexer_by_name(name)
    except ClassNotFound:
        return f"{name!r} is not a language Pygments knows"
    lexer.add_filter("raiseonerror")
    try:
        for _ in lexer.get_tokens(code):
            pass
    except ErrorToken:
        return f"the code is not {name!r} as Pygments reads it"
    return ""


def fix_fences(lines: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[int, str]]]:
    """`lines` (of a list item or a quote) with each fence whose code Sphinx could not
    highlight in its language opened as ``text``; the problems by line offset."""
    out = list(lines)
    problems: list[tuple[int, str]] = []
    for block in read("\n".join(re.sub(r"^ {0,3}> ?", "", line) for line in lines)):
        if block.kind == "code" and block.text:
            problem = highlighting_problem(block.text.lower(), "\n".join(block.lines))
            found = [(block.line - 1, problem)] if problem else []
        elif block.kind in ("item", "quote"):
            found = [(block.line - 1 + k, p) for k, p in fix_fences(block.lines)[1]]
        else:
            continue
        for offset, problem in found:
            out[offset] = re.sub(r"((?:`{3,}|~{3,})\s*)[^\s`{}]+", r"\1text", out[offset], count=1)
            problems.append((offset, problem))
    return tuple(out), problems
