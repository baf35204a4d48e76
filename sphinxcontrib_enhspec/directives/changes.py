"""``config-change`` and ``api-change``: what a release adds, changes, deprecates, removes
or renames."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from ..model import CONFIG_ACTIONS, DEPRECATING, ApiChange, Change, ConfigChange
from ..render import parts
from ..versions import parse_version
from ..warnings import Subtype
from .base import EnhspecDirective, option_spec

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class ChangeDirective(EnhspecDirective):
    """What both kinds of change share: one-word name, action, release, removal release."""

    missing_argument = Subtype.INVALID_VALUE
    #: The object type's name in messages and CSS, and the anchor's prefix.
    kind: ClassVar[str] = ""
    prefix: ClassVar[str] = ""
    #: The options shown as code, with their field labels, in the block's order.
    code_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    def run(self) -> list[Node]:
        """Render the change and record it as ``name@release``."""
        name = self.arguments[0].strip()
        spec = self.current_spec()
        action = self.choice("action", CONFIG_ACTIONS)
        release = self.options.get("release", "") or self.spec_release(spec)
        removed_in = self._removed_in(action)
        values = {option: self.options.get(option, "") for option, _ in self.code_fields}
        record = None
        anchor = ""
        if len(name.split()) == 1:
            anchor = self.anchor(self.prefix, f"{name}@{release}")
            record = self.record(name, anchor, spec, action, release, removed_in, values)
        elif name:  # a missing name has had its warning
            self.problem(Subtype.INVALID_ID, "%s: the %s %r must be one word", self.name,
                         self.argument_name.split()[-1], name)
        block = parts.container(self.kind)
        extra = [parts.badge("action", action)] if action else []
        block += parts.heading("", [nodes.literal(name, name)], *extra)
        block += parts.fields([
            ("Action", parts.text(action)),
            ("Release", parts.text(release)),
            *((label, parts.literals([values[option]] if values[option] else []))
              for option, label in self.code_fields),
            ("Removed in", parts.text(removed_in)),
        ])
        block += parts.body(self.content_nodes())
        return self.finish(record, anchor, block)

    def _removed_in(self, action: str) -> str:
        """The removal release: a PEP 440 version, for a deprecating action only."""
        value = str(self.options.get("removed-in", ""))
        if not value:
            return ""
        if parse_version(value) is None:
            self.problem(Subtype.INVALID_VALUE, "%s: :removed-in: %r is not a PEP 440 version; "
                         "ignored", self.name, value)
            return ""
        if action not in DEPRECATING:
            self.problem(Subtype.INVALID_VALUE, "%s: :removed-in: applies to the actions %s, "
                         "not %r; ignored", self.name, " and ".join(DEPRECATING),
                         action or "none")
            return ""
        return value

    def record(self, name: str, anchor: str, spec: str, action: str, release: str,
               removed_in: str, values: dict[str, str]) -> Change:
        """The change's record."""
        raise NotImplementedError


class ConfigChangeDirective(ChangeDirective):
    """``.. config-change:: section.key``."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "action", "default", "previous", "replaces", "release", "removed-in", "spec",
    )
    argument_name = "a key"
    kind = "config-change"
    prefix = "config"
    code_fields = (("default", "Default"), ("previous", "Previous"), ("replaces", "Replaces"))

    def record(self, name: str, anchor: str, spec: str, action: str, release: str,
               removed_in: str, values: dict[str, str]) -> Change:
        return ConfigChange(key=name, location=self.location, anchor=anchor, spec=spec,
                            action=action, release=release, removed_in=removed_in, **values)


class ApiChangeDirective(ChangeDirective):
    """``.. api-change:: package.module.name``."""

    option_spec: ClassVar[OptionSpec] = option_spec(
        "action", "signature", "previous", "replaces", "release", "removed-in", "spec",
    )
    argument_name = "a name"
    kind = "api-change"
    prefix = "api"
    code_fields = (("signature", "Signature"), ("previous", "Previous"),
                   ("replaces", "Replaces"))

    def record(self, name: str, anchor: str, spec: str, action: str, release: str,
               removed_in: str, values: dict[str, str]) -> Change:
        return ApiChange(name=name, location=self.location, anchor=anchor, spec=spec,
                         action=action, release=release, removed_in=removed_in, **values)
