"""What a converted spec is made of: kept Markdown blocks and the enhspec objects found in
the others, in document order, with the notes on what could not be placed."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block


@dataclass(frozen=True)
class Note:
    """A line of the input the converter kept as text, or changed, and why."""

    line: int
    message: str


@dataclass(frozen=True)
class Heading:
    """A section heading; `level` 1 is the page title, levels never skip."""

    level: int
    text: str


@dataclass(frozen=True)
class Kept:
    """A block of the input kept as it was (prose, a task, a code block...)."""

    block: Block


@dataclass
class Directive:
    """One enhspec directive: its name, argument, options (in order) and Markdown body.

    The body is mutable because nested list items that follow the converted item join it.
    """

    name: str
    argument: str
    options: list[tuple[str, str]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    #: Option names whose values are inline markup (converted like a title in reST).
    inline: tuple[str, ...] = ()


Part = Heading | Kept | Directive
