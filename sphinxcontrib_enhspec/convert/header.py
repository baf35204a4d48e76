"""The head of a spec: its title and metadata lines become the ``enhancement-spec``
directive; metadata it cannot place stays as a line of text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import meta
from .blocks import Block
from .parts import Directive, Kept, Note, Part


class NoSpecIdError(ValueError):
    """Neither the command line nor the document gives the spec's ID."""


@dataclass(frozen=True)
class Head:
    """The spec's directive, the parts that stand in its place, and how many blocks of
    the input (after the title) it took."""

    spec: Directive
    parts: list[Part]
    taken: int
    notes: list[Note]


def head_zone(blocks: Sequence[Block]) -> tuple[Block | None, list[Block]]:
    """The title heading (if the document starts with one) and the blocks between it and
    the next heading."""
    title = blocks[0] if blocks and blocks[0].kind == "heading" else None
    zone = []
    for block in blocks[1 if title else 0:]:
        if block.kind == "heading":
            break
        zone.append(block)
    return title, zone


def find_id(blocks: Sequence[Block], given: str | None, pattern: str) -> tuple[str, str]:
    """The spec's ID (from `given`, a metadata line, or the title) and its title."""
    title, zone = head_zone(blocks)
    from_title, title_text = meta.title_parts(title.text if title else "", pattern)
    if given:
        return given, title_text
    for block in zone:
        for line in block.lines if block.kind == "para" else ():
            found = meta.split(line)
            spec_id = found and meta.spec_id_of(*found, pattern)
            if spec_id:
                return spec_id, title_text
    if from_title:
        return from_title, title_text
    raise NoSpecIdError("no spec ID: give --id, or start the title with one (# ENH-7: Title)")


def _has_metadata(block: Block) -> bool:
    return block.kind == "para" and any(meta.split(line) for line in block.lines)


def head(zone: Sequence[Block], spec_id: str, title: str, statuses: Sequence[str],
         pattern: str) -> Head:
    """The spec's directive built from the metadata lines of `zone`, placed where the
    first of them stood, with the zone's other lines kept around it."""
    options: dict[str, str] = {}
    parts: list[Part] = []
    notes: list[Note] = []
    spec = Directive("enhancement-spec", f"{spec_id} {title}".strip())
    first = next((i for i, block in enumerate(zone) if _has_metadata(block)), None)
    if first is None:
        return Head(spec, [spec], 0, [])
    parts += [Kept(block) for block in zone[:first]]
    placed = False
    for block in zone[first:]:
        if not _has_metadata(block):
            parts.append(Kept(block))
            continue
        prose: list[str] = []
        for offset, line in enumerate(block.lines):
            found = meta.split(line)
            if found is None:
                prose.append(line)
                continue
            if prose:
                parts.append(Kept(Block("para", block.line + offset - len(prose),
                                        tuple(prose))))
                prose = []
            if not placed:
                parts.append(spec)
                placed = True
            if meta.spec_id_of(*found, pattern):
                if found[1].strip() != spec_id:
                    parts.append(Kept(Block("para", block.line + offset, (line,))))
                    notes.append(Note(block.line + offset, f"kept as text: the ID "
                                      f"{found[1].strip()!r} is not the spec's ({spec_id})"))
                continue
            result = meta.option(*found, statuses, pattern)
            if isinstance(result, str) or result[0] in options:
                why = result if isinstance(result, str) else f"a second {found[0]!r} line"
                parts.append(Kept(Block("para", block.line + offset, (line,))))
                notes.append(Note(block.line + offset, f"kept as text: {why}"))
            else:
                options[result[0]] = result[1]
        if prose:
            parts.append(Kept(Block("para", block.line + len(block.lines) - len(prose),
                                    tuple(prose))))
    order = list(meta.LABELS.values())
    spec.options = sorted(options.items(), key=lambda item: order.index(item[0]))
    return Head(spec, parts, len(zone), notes)
