"""What building a collection's model needs from the records: kept texts and link targets."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..derive.verification import Verification
from ..nodes import TextPart, text_key
from .model import Item, Link, Parsed, Test, Text

#: Separates the items of a list.
COMMA = Text(", ")
SPACE = Text(" ")


@dataclass(frozen=True)
class Context:
    """Where the model's parsed texts and links come from; the same for every page."""

    #: Whether nodes are kept under a text key.
    has_text: Callable[[str], bool]
    #: (role, full ID) -> a link to the object, or to nothing when no object has the ID.
    link: Callable[[str, str], Link]
    #: Object ID -> the document it is written in.
    source_of: Callable[[str], str]
    source_url: str | None = None

    def text(self, ident: str, part: TextPart, plain: str) -> tuple[Item, ...]:
        """A part of an object as its page shows it (markup, translation), else `plain`."""
        key = text_key(ident, part)
        if self.has_text(key):
            return (Parsed(key, self.source_of(ident)),)
        return (Text(plain),) if plain else ()

    def title(self, ident: str, plain: str) -> tuple[Item, ...]:
        """An object's title as its page shows it, else its plain text."""
        return self.text(ident, TextPart.TITLE, plain)

    def links(self, role: str, targets: Iterable[str]) -> tuple[Item, ...]:
        """Links to objects, separated by commas."""
        return joined((self.link(role, target),) for target in targets)


def text(value: str) -> tuple[Item, ...]:
    """Plain text, or nothing for an empty value."""
    return (Text(value),) if value else ()


def joined(groups: Iterable[tuple[Item, ...]]) -> tuple[Item, ...]:
    """Groups of items separated by commas."""
    out: list[Item] = []
    for group in groups:
        if out:
            out.append(COMMA)
        out.extend(group)
    return tuple(out)


def verified_by(verification: Verification) -> tuple[Item, ...]:
    """Each test, with its outcome when results were read, separated by commas."""
    return joined((Test(t.test, t.source, t.outcome if verification.known else ""),)
                  for t in verification.tests)
