"""A spec in the template's plain Markdown turned into the directive form: read its
blocks, place the spec's metadata and objects, write reST or MyST."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..config import DEFAULTS
from . import header, meta, write
from .blocks import read
from .header import NoSpecIdError
from .parts import Heading, Kept, Note, Part
from .place import Placer, Vocabulary

__all__ = ["Converted", "NoSpecIdError", "convert"]


@dataclass(frozen=True)
class Converted:
    """The converted text and the notes on what was kept as text or changed, by line."""

    text: str
    notes: list[Note]


def convert(markdown: str, fmt: str = "rst", spec_id: str | None = None, *,
            spec_pattern: str = DEFAULTS["enhspec_spec_id_pattern"],
            local_pattern: str = DEFAULTS["enhspec_local_id_pattern"],
            statuses: Sequence[str] = DEFAULTS["enhspec_spec_statuses"],
            kinds: Mapping[str, str] = DEFAULTS["enhspec_requirement_kinds"],
            categories: Sequence[str] = DEFAULTS["enhspec_risk_categories"]) -> Converted:
    """`markdown` in the directive form, as reST (`fmt` "rst") or MyST ("md").

    Raises NoSpecIdError when neither `spec_id` nor the document gives the spec's ID.
    """
    blocks = read(markdown)
    ident, title = header.find_id(blocks, spec_id, spec_pattern)
    title_block, zone = header.head_zone(blocks)
    head = header.head(zone, ident, title, statuses, spec_pattern)
    notes = list(head.notes)
    named, _ = meta.title_parts(title_block.text if title_block else "", spec_pattern)
    if named and named != ident:
        notes.append(Note(title_block.line if title_block else 1,
                          f"the title names {named}; the spec is {ident}, as given"))
    parts: list[Part] = []
    if title_block is not None and title_block.text:
        parts.append(Heading(1, title_block.text))
    else:
        parts.append(Heading(1, title or ident))
        notes.append(Note(1, "the document has no title heading; the spec's title is "
                             "written as one"))
        if title_block is not None:
            parts.append(Kept(title_block))
    parts += head.parts
    module = dict(head.spec.options).get("module", "")
    placer = Placer(Vocabulary(kinds, categories, local_pattern), module=module)
    body = blocks[(1 if title_block is not None else 0) + head.taken:]
    placer.count(body)
    for block in body:
        placer.block(block)
    parts += placer.parts
    notes += placer.notes
    return Converted(write.write(parts, fmt), sorted(notes, key=lambda n: n.line))
