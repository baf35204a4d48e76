"""The template's design changes: the keys of a YAML block and the names of a Python
block, as config and API changes. Read without a YAML library: the template's shape is
nested ``key: value`` lines, with comments saying which keys are new."""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass

KEY = re.compile(r"^(?P<indent> *)(?P<key>\"[^\"]+\"|'[^']+'|[^\s#:'\"-][^:#]*?)\s*:"
                 r"(?:\s+(?P<value>.*?))?\s*$")
NAME = re.compile(r"^[A-Za-z_\[][\w.\[\]-]*$")
#: A word in a comment or docstring -> the action it announces, in order of precedence.
ACTION_WORDS = (
    (re.compile(r"\bexisting\b|\bunchanged\b|\bcurrent\b", re.I), "existing"),
    (re.compile(r"\bdeprecat", re.I), "deprecated"),
    (re.compile(r"\bremov", re.I), "removed"),
    (re.compile(r"\brenam", re.I), "renamed"),
)
CHANGED = re.compile(r"\bmodif|\bchang|\benhanc|\bupdat", re.I)
NEW = re.compile(r"\bnew\b|\badded\b|\badds\b", re.I)


@dataclass(frozen=True)
class Change:
    """A config key or an API name, the action its comment or docstring names ("" when
    it names none, or both "new" and "modified"), and its default or signature."""

    name: str
    action: str
    value: str
    offset: int  # the line within the block, from 0


def action_of(text: str) -> str:
    """The action a comment or a docstring announces ("existing": none, it is unchanged)."""
    for pattern, action in ACTION_WORDS:
        if pattern.search(text):
            return action
    changed, new = CHANGED.search(text), NEW.search(text)
    if new and changed:
        return "changed" if changed.start() < new.start() else ""
    return "added" if new else "changed" if changed else ""


def _unquote(text: str) -> str:
    """A YAML scalar's value: without its quotes, its quotes' escapes resolved."""
    if len(text) < 2 or text[0] not in "'\"" or text[-1] != text[0]:
        return text
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    return re.sub(r'\\(["\\])', r"\1", text[1:-1])


def yaml_changes(lines: tuple[str, ...]) -> tuple[list[Change], list[tuple[int, str]]]:
    """Each leaf key of a YAML block under its dotted path; the problems by line."""
    entries: list[tuple[int, str, str, str, int]] = []  # indent, key, value, action, offset
    action = ""
    for offset, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            action = action_of(stripped)
            continue
        match = KEY.match(line)
        if match and not stripped.startswith("- "):
            value = re.sub(r"\s+#.*$", "", match.group("value") or "")
            entries.append((len(match.group("indent")), _unquote(match.group("key")),
                            "" if value in ("|", ">", "|-", ">-") else _unquote(value),
                            action, offset))
    changes: list[Change] = []
    problems: list[tuple[int, str]] = []
    path: list[tuple[int, str]] = []
    for i, (indent, key, value, entry_action, offset) in enumerate(entries):
        while path and path[-1][0] >= indent:
            path.pop()
        path.append((indent, key))
        has_children = i + 1 < len(entries) and entries[i + 1][0] > indent
        if has_children or entry_action == "existing":
            continue
        name = ".".join(k for _, k in path)
        if not NAME.match(name):
            problems.append((offset, f"the key {name!r} is not one word; kept in the code "
                                     "block only"))
            continue
        changes.append(Change(name, entry_action, value, offset))
    return changes, problems


def _comment_above(lines: list[str], lineno: int) -> str:
    above = lines[lineno - 2].strip() if lineno >= 2 else ""
    return above if above.startswith("#") else ""


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    return f"{node.name}({ast.unparse(node.args)}){returns}"


def python_changes(lines: tuple[str, ...],
                   prefix: str) -> tuple[list[Change], list[tuple[int, str]]]:
    """Each function and method of a Python block, named ``prefix.Class.method``; the
    problems by line (a block that is not Python has one and gives no change)."""
    code = textwrap.dedent("\n".join(lines))
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        return [], [((error.lineno or 1) - 1, f"the Python block does not parse "
                                              f"({error.msg}); kept as code")]
    source = code.splitlines()
    found: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            methods = [n for n in node.body
                       if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
            found += [(f"{node.name}.{m.name}", m) for m in methods] or [(node.name, node)]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append((node.name, node))
    changes = []
    for name, node in found:
        said = f"{_comment_above(source, node.lineno)} {ast.get_docstring(node) or ''}"
        action = action_of(said)
        signature = "" if isinstance(node, ast.ClassDef) else _signature(node)
        full = f"{prefix}.{name}" if prefix else name
        changes.append(Change(full, "" if action == "existing" else action, signature,
                              node.lineno - 1))
    return changes, []
