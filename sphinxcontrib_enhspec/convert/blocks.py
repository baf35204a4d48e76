"""The block structure of a Markdown spec, read line by line: headings, paragraphs, list
items, fenced code, tables, quotes, comments and rules, each with its input line."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A fence at any indentation: one indented under a list item that an earlier nested item
#: ended still opens a code block (CommonMark would make it an indented code block).
FENCE = re.compile(r"^( *)(`{3,}|~{3,})\s*([^\s`{}]*)[^`]*$")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$")
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
QUOTE = re.compile(r"^ {0,3}>")
TABLE = re.compile(r"^ {0,3}\|")
COMMENT = re.compile(r"^ {0,3}<!--")


@dataclass(frozen=True)
class Block:
    """One block of the input.

    `kind` is heading, para, item, code, table, quote, comment or rule. `line` is the
    1-based input line of its first line. For a heading, `level` is its number of ``#``
    and `text` its text; for an item, `indent` is the marker's column, `marker` the
    marker and `lines` the item's text (first line, then its continuation lines with the
    item's indentation taken off); for code, `text` is the language and `lines` the code.
    """

    kind: str
    line: int
    lines: tuple[str, ...] = ()
    text: str = ""
    level: int = 0
    indent: int = 0
    marker: str = ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def starts_block(line: str) -> bool:
    """Whether `line` ends a paragraph by starting a block of its own."""
    return bool(FENCE.match(line) or HEADING.match(line) or RULE.match(line)
                or ITEM.match(line) or QUOTE.match(line) or COMMENT.match(line))


def _fence(lines: list[str], start: int, match: re.Match[str]) -> tuple[Block, int]:
    mark = match.group(2)
    closing = re.compile(rf"^ *{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
    strip = len(match.group(1))
    end = start + 1
    while end < len(lines) and not closing.match(lines[end]):
        end += 1
    body = tuple(line[min(strip, _indent(line)):].rstrip() for line in lines[start + 1:end])
    return Block("code", start + 1, body, text=match.group(3)), end + 1


def _item(lines: list[str], start: int, match: re.Match[str]) -> tuple[Block, int]:
    indent = len(match.group(1))
    column = indent + len(match.group(2)) + max(1, len(match.group(3)))
    body = [match.group(4).rstrip()]
    end = start + 1
    while end < len(lines):
        line = lines[end].rstrip()
        if not line.strip():
            ahead = end + 1
            while ahead < len(lines) and not lines[ahead].strip():
                ahead += 1
            if (ahead < len(lines) and _indent(lines[ahead]) >= column
                    and not ITEM.match(lines[ahead])):
                body += [""] * (ahead - end)
                end = ahead
                continue
            break
        if _indent(line) >= column and not ITEM.match(line):
            body.append(line[column:])
        elif starts_block(line) or _indent(line) >= column or body[-1] == "":
            break
        else:  # a lazy continuation line
            body.append(line.strip())
        end += 1
    return Block("item", start + 1, tuple(body), indent=indent, marker=match.group(2)), end


def _run(lines: list[str], start: int, pattern: re.Pattern[str], kind: str,
         until: str = "") -> tuple[Block, int]:
    """Consecutive lines of one kind (a table or a quote), or a comment up to `until`."""
    end = start + 1
    if until:
        end = start
        while end < len(lines) and until not in lines[end]:
            end += 1
        end = min(end + 1, len(lines))
    else:
        while end < len(lines) and pattern.match(lines[end]):
            end += 1
    body = tuple(line.rstrip() for line in lines[start:end])
    return Block(kind, start + 1, body), end


def _paragraph(lines: list[str], start: int) -> tuple[Block, int]:
    end = start + 1
    while end < len(lines) and lines[end].strip() and not starts_block(lines[end]):
        if SETEXT.match(lines[end]):
            break
        end += 1
    body = tuple(line.strip() for line in lines[start:end])
    if end < len(lines) and SETEXT.match(lines[end]):
        level = 1 if lines[end].strip().startswith("=") else 2
        return Block("heading", start + 1, body, text=" ".join(body), level=level), end + 1
    return Block("para", start + 1, body), end


def read(text: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        block: Block | None = None
        if not line.strip():
            i += 1
            continue
        if match := FENCE.match(line):
            block, i = _fence(lines, i, match)
        elif match := HEADING.match(line):
            block = Block("heading", i + 1, (line,), text=(match.group(2) or "").strip(),
                          level=len(match.group(1)))
            i += 1
        elif RULE.match(line):
            block, i = Block("rule", i + 1, (line,)), i + 1
        elif match := ITEM.match(line):
            block, i = _item(lines, i, match)
        elif TABLE.match(line):
            block, i = _run(lines, i, TABLE, "table")
        elif QUOTE.match(line):
            block, i = _run(lines, i, QUOTE, "quote")
        elif COMMENT.match(line):
            block, i = _run(lines, i, COMMENT, "comment", until="-->")
        else:
            block, i = _paragraph(lines, i)
        blocks.append(block)
    return blocks
