"""What a build shows that the extension is answerable for, in a form two builds can be
compared by: the enhspec parts of every HTML page, the export and the inventory."""

from __future__ import annotations

import json
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

#: The blocks of objects. Their links resolve as role links do, and like those they refresh
#: on the page's next rewrite, not when only their target changes (SPEC, "Builds").
OBJECT_BLOCKS = ("enhspec-requirement", "enhspec-risk", "enhspec-migration-step",
                 "enhspec-config-change")
LINK_TAG = re.compile(r"</?a\b[^>]*>")

#: Elements without an end tag.
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Parts(HTMLParser):
    """Collects the outer HTML of each outermost element with an ``enhspec`` class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.depth = 0  # open elements inside the current part; 0 when outside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if not self.depth and not any(c.startswith("enhspec") for c in classes.split()):
            return
        if not self.depth:
            self.parts.append("")
        self.parts[-1] += self.get_starttag_text() or ""
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.parts[-1] += self.get_starttag_text() or ""

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.parts[-1] += f"</{tag}>"
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts[-1] += data

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def enhspec_parts(html: str) -> list[str]:
    """The outer HTML of each outermost element of a page that carries an enhspec class."""
    parser = _Parts()
    parser.feed(html)
    parser.close()
    return parser.parts


def comparable(part: str) -> str:
    """A part as two builds must agree on it: an object block without its links' targets."""
    first = part.split(">", 1)[0]
    if any(f"{name} " in first for name in OBJECT_BLOCKS):
        return LINK_TAG.sub("", part)
    return part


def inventory(path: Path) -> list[str]:
    """The sorted lines of an ``objects.inv``, decompressed."""
    header, _, body = path.read_bytes().partition(b"zlib.\n")
    del header
    return sorted(zlib.decompress(body).decode("utf-8").splitlines())


def shown(outdir: Path, docnames: set[str]) -> dict[str, Any]:
    """Everything the extension shows in an HTML output folder, by file: the pages of
    `docnames` (Sphinx leaves the pages of deleted documents behind), the export and the
    inventory."""
    result: dict[str, Any] = {}
    for page in sorted(outdir.rglob("*.html")):
        name = page.relative_to(outdir).as_posix()
        if name.removesuffix(".html") not in docnames:
            continue
        result[name] = [comparable(part) for part in enhspec_parts(page.read_text("utf-8"))]
    export = outdir / "enhspec.json"
    if export.exists():
        result["enhspec.json"] = json.loads(export.read_text(encoding="utf-8"))
    result["objects.inv"] = inventory(outdir / "objects.inv")
    return result


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """A line per file whose shown content differs, with the first differing part."""
    lines = []
    for name in sorted(set(expected) | set(actual)):
        want, got = expected.get(name), actual.get(name)
        if want == got:
            continue
        if isinstance(want, list) and isinstance(got, list):
            for index, (a, b) in enumerate(zip(want, got, strict=False)):
                if a != b:
                    lines.append(f"{name} part {index}:\n  clean:       {a}\n"
                                 f"  incremental: {b}")
                    break
            else:
                lines.append(f"{name}: {len(want)} parts clean, {len(got)} incremental")
        else:
            lines.append(f"{name}: clean {str(want)[:300]!r}\n  incremental {str(got)[:300]!r}")
    return lines
