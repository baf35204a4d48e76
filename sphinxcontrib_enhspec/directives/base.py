"""What every enhspec directive shares: options, validation, the current spec, recording."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from ..ids import (
    IdError,
    ObjectId,
    check_spec_id,
    match_choice,
    object_id,
    split_argument,
    split_list,
)
from ..model import Linked, Location, fold
from ..nodes import CURRENT_SPEC, OBJECT_ID, TEXT_CLASS, TEXT_KEY, TextPart, text_key
from ..warnings import Subtype, warn

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

    from ..domain import EnhspecDomain
    from ..model import Record
    from ..settings import EnhspecConfig

#: ``ref_context`` key of the current spec's release, the default of its steps and changes.
CURRENT_RELEASE = "enhspec:release"

#: ``temp_data`` key: the anchors given out in the document being read.
ANCHORS = "enhspec:anchors"

TRUE_WORDS = ("", "yes", "true", "on", "1")
FALSE_WORDS = ("no", "false", "off", "0")


def text_option(argument: str | None) -> str:
    """Any text; MyST gives None for an empty value."""
    return (argument or "").strip()


class Options(dict[str, Callable[[str], Any]]):
    """A directive's text options. It takes any other name too, so that an unknown option
    is reported by the directive (an ``enhspec`` warning) instead of docutils or MyST."""

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return text_option

    def __contains__(self, key: object) -> bool:
        return True


def option_spec(*names: str) -> OptionSpec:
    """An option spec of text options; values are validated in ``run``, not by docutils."""
    return Options(dict.fromkeys(names, text_option))


class EnhspecDirective(SphinxDirective):
    """Base of the object directives."""

    # docutils and MyST would reject a missing argument or unwanted content with errors of
    # their own; the directive takes anything and warns as enhspec does.
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = option_spec()
    #: What the argument holds, named in the warning when it is missing; "" when none.
    argument_name: ClassVar[str] = "an ID and a title"
    #: The subtype of that warning.
    missing_argument: ClassVar[Subtype] = Subtype.INVALID_ID
    #: Whether the directive has a body.
    accepts_content: ClassVar[bool] = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._check_shape()
        known = self.option_spec.keys()
        for name in [name for name in self.options if name not in known]:
            self.problem(Subtype.INVALID_VALUE, "%s: unknown option :%s: (options here: %s); "
                         "ignored", self.name, name, ", ".join(known) or "none")
            del self.options[name]

    def _check_shape(self) -> None:
        """Warn of a missing or unwanted argument and of unwanted content."""
        if self.argument_name and not self.arguments:
            self.problem(self.missing_argument, "%s: needs %s; none given", self.name,
                         self.argument_name)
            self.arguments = [""]
        elif not self.argument_name and self.arguments:
            self.problem(Subtype.INVALID_VALUE, "%s: takes no argument; %r ignored", self.name,
                         self.arguments[0])
            self.arguments = []
        if not self.accepts_content and self.content:
            self.problem(Subtype.INVALID_VALUE, "%s: takes no content; %d line(s) ignored",
                         self.name, len(self.content))
            self.content = StringList()

    @property
    def cfg(self) -> EnhspecConfig:
        """The project's validated settings."""
        return self.domain.cfg

    @property
    def domain(self) -> EnhspecDomain:
        """The ``enhspec`` domain that keeps the records."""
        return cast("EnhspecDomain", self.env.domains["enhspec"])

    @property
    def location(self) -> Location:
        """Where this directive stands, as records keep it."""
        source, line = self.get_source_info()
        own = str(self.env.doc2path(self.env.docname))
        # docutils names included files relative to the working directory
        included = os.path.abspath(source) if source and source != own else ""
        return Location(self.env.docname, line or self.lineno, included)

    def problem(self, subtype: Subtype, message: str, *args: object) -> None:
        """Warn at this directive."""
        warn(message, subtype, self.get_location(), *args)

    def choice(self, option: str, allowed: Sequence[str], default: str = "") -> str:
        """An option from a fixed list, case-insensitive; a bad value warns and falls back."""
        value = self.options.get(option, "")
        if not value:
            return default
        matched = match_choice(value, allowed)
        if matched is None:
            self.problem(Subtype.INVALID_VALUE, "%s: :%s: %r is not one of %s; using %r",
                         self.name, option, value, ", ".join(allowed), default)
            return default
        return matched

    def flag(self, option: str) -> bool:
        """A flag: present (or yes/true) is on, no/false is off, anything else warns."""
        if option not in self.options:
            return False
        value = self.options[option].casefold()
        if value in TRUE_WORDS or value in FALSE_WORDS:
            return value in TRUE_WORDS
        self.problem(Subtype.INVALID_VALUE, "%s: :%s: is a flag and takes no value (or one of "
                     "%s); got %r", self.name, option, ", ".join(TRUE_WORDS[1:] + FALSE_WORDS),
                     self.options[option])
        return True

    def items(self, option: str) -> tuple[str, ...]:
        """A comma-separated option."""
        return split_list(self.options.get(option))

    def current_spec(self) -> str:
        """The spec named by ``:spec:``, else the one current in the document."""
        explicit = self.options.get("spec", "")
        if explicit:
            try:
                check_spec_id(explicit, self.cfg)
            except IdError as problem:
                self.problem(problem.subtype, "%s: :spec: %s; using the current spec",
                             self.name, problem.message)
            else:
                return str(explicit)
        return str(self.env.ref_context.get(CURRENT_SPEC, ""))

    def spec_release(self, spec: str) -> str:
        """The release of `spec` when it is the document's current spec."""
        if spec and spec == self.env.ref_context.get(CURRENT_SPEC):
            return cast("str", self.env.ref_context.get(CURRENT_RELEASE, ""))
        return ""

    def identify(self) -> tuple[str, str, ObjectId | None, list[Node]]:
        """The ID as written, the current spec, the full ID (None if unusable), the title."""
        word, title_text = split_argument(self.arguments[0])
        spec = self.current_spec()
        ident = self.full_id(word, spec) if word else None  # missing: warned already
        return word, spec, ident, self.title(title_text, ident=ident.full if ident else "")

    def full_id(self, word: str, spec: str) -> ObjectId | None:
        """The object's full ID, or None (with a warning) when it has none."""
        try:
            return object_id(word, spec, self.cfg)
        except IdError as problem:
            self.problem(problem.subtype, "%s: %s", self.name, problem.message)
            return None

    def anchor(self, prefix: str, ident: str) -> str:
        """A node ID for the object's link target, unique in the document."""
        # MyST's eval-rst parses into a document of its own: its IDs are not in ours.
        used = cast("set[str]", self.env.temp_data.setdefault(ANCHORS, set()))
        anchor = make_id(self.env, self.state.document, prefix, ident)
        while anchor in used:
            anchor = f"{prefix}-{self.env.new_serialno(prefix)}"
        used.add(anchor)
        return anchor

    def title(self, title: str, part: TextPart = TextPart.TITLE, ident: str = "") -> list[Node]:
        """Inline markup in the document's own language, wrapped as one translatable text.

        With `ident` (the object's ID), collections show the text as this page does.
        """
        if not title:
            return []
        inline, messages = self.parse_inline(title, lineno=self.lineno)
        css = "enhspec-title" if part is TextPart.TITLE else f"enhspec-{part.value}-text"
        wrapper = nodes.inline(title, "", *inline, classes=[TEXT_CLASS, css], translatable=True)
        if ident:
            wrapper[TEXT_KEY] = text_key(ident, part)
        # A title is shown again in tables and exports: markup such as Markdown's inline
        # HTML shows as the text it is, never as markup.
        for raw in list(wrapper.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))
        _merge_texts(wrapper)
        self.set_source_info(wrapper)
        return [wrapper, *messages]

    def content_nodes(self) -> list[Node]:
        """The directive's body, parsed as reST or MyST."""
        if not self.content:
            return []
        return list(self.parse_content_to_nodes(allow_section_headings=False))

    def finish(self, record: Record | None, anchor: str, block: nodes.Element) -> list[Node]:
        """Record the object and return its target and block."""
        self.set_source_info(block)
        if record is None:
            return [block]
        block[OBJECT_ID] = record.id
        if isinstance(record, Linked):
            record = replace(record, text=fold("\n".join(self.content)))
        self.domain.note_record(record)
        # A target, not IDs on the block: LaTeX and Texinfo write labels for targets only.
        target = nodes.target("", "", ids=[anchor])
        self.set_source_info(target)
        # Registered now, so that the next object's anchor cannot take the same ID.
        self.state.document.note_explicit_target(target)
        return [target, block]

    def default_status(self, statuses: Sequence[str], preferred: str) -> str:
        """`preferred` when the project's list has it, else the list's first status."""
        return match_choice(preferred, statuses) or statuses[0]




def plain(nodes_: Iterable[Node]) -> str:
    """The plain text of parsed inline nodes."""
    return "".join(node.astext() for node in nodes_ if not isinstance(node, nodes.system_message))


def _merge_texts(element: nodes.Element) -> None:
    """Join neighbouring text nodes, as the reST parser would have produced them."""
    for child in list(element.findall(nodes.Element)):
        merged: list[Node] = []
        for node in child.children:
            if merged and isinstance(node, nodes.Text) and isinstance(merged[-1], nodes.Text):
                merged[-1] = nodes.Text(merged[-1] + node)
            else:
                merged.append(node)
        if len(merged) != len(child.children):
            child.children = []
            child.extend(merged)
