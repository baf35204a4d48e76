"""Markdown inline markup written as reStructuredText: code spans, links, strong and
emphasis become their reST forms; every other character that reST reads as markup is
escaped, so the text renders as it did in Markdown and raises no warning."""

from __future__ import annotations

import re

TOKEN = re.compile(
    r"(?P<escape>\\(?P<char>[!-/:-@\[-`{-~]))"
    r"|(?P<code>(?P<ticks>`+)(?P<codetext>.+?)(?P=ticks))"
    r"|(?P<link>!?\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<auto><(?P<autourl>https?://[^>\s]+)>)"
    r"|(?P<strong>(?P<s>\*\*|__)(?P<strongtext>[^\s*_](?:.*?[^\s\\])?)(?P=s))"
    r"|(?P<em>(?<![\w*])(?P<e>[*_])(?P<emtext>[^\s*_](?:[^*_]*?[^\s\\*_])?)(?P=e)(?![\w*]))"
)
FIELD = re.compile(r"^:[^:\s][^:]*:(\s|$)")
#: What reST allows right before an inline markup start-string and right after its end.
BEFORE = set(" \t'\"([{<-/:")
AFTER = set(" \t'\")]}>-/:.,;!?")


def escape(text: str) -> str:
    """Plain text with reST's markup characters escaped."""
    out = []
    for i, char in enumerate(text):
        if char in "\\*`|":
            out.append("\\" + char)
        elif char == "_" and not (0 < i < len(text) - 1 and text[i - 1].isalnum()
                                  and text[i + 1].isalnum()):
            out.append("\\_")
        else:
            out.append(char)
    return "".join(out)


def plain(text: str) -> str:
    """Markdown text inside strong, emphasis or a link label, its backslash escapes
    resolved and reST's markup characters escaped."""
    return escape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


def _markup(match: re.Match[str]) -> str | None:
    """The reST form of one token that is inline markup; None for an escaped character."""
    if match.group("escape"):
        return None
    if match.group("code"):
        code = match.group("codetext").strip()
        return f"``{code}``" if code and "``" not in code else escape(code)
    if match.group("link") or match.group("auto"):
        url = match.group("url") or match.group("autourl")
        label = match.group("label") or ""
        if not label.strip():
            return f"`<{url}>`__"
        text = plain(label).replace("<", "\\<")
        return f"`{text} <{url}>`__"
    if match.group("strong"):
        return f"**{plain(match.group('strongtext'))}**"
    return f"*{plain(match.group('emtext'))}*"


def to_rst(text: str) -> str:
    """One line of Markdown inline text as reST."""
    out: list[str] = []
    position = 0
    for match in TOKEN.finditer(text):
        out.append(escape(text[position:match.start()]))
        markup = _markup(match)
        if markup is None:
            out.append(escape(match.group("char")))
        else:
            before = "".join(out)[-1:]
            after = text[match.end():match.end() + 1]
            prefix = "\\ " if before and before not in BEFORE else ""
            suffix = "\\ " if after and after not in AFTER else ""
            out.append(f"{prefix}{markup}{suffix}")
        position = match.end()
    out.append(escape(text[position:]))
    line = "".join(out)
    # A line starting so would be a comment or a field list in reST.
    if line.startswith(".. ") or line == ".." or FIELD.match(line):
        return "\\" + line
    return line
