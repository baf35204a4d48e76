"""Pure rules for IDs and option values: full IDs, kinds, lists and fixed choices."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .settings import DEFAULT_KIND, EnhspecConfig
from .warnings import Subtype

WELL_FORMED_ID = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")
_KIND_PREFIX = re.compile(r"^[A-Za-z]+")
_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts ``ER2`` before ``ER10``; other digits (``²``, ``①``) sort as text."""
    return tuple((1, int(part)) if part.isdecimal() else (0, part.casefold())
                 for part in _DIGITS.split(text) if part)


@dataclass(frozen=True)
class IdError(Exception):
    """An ID that cannot be used, with the warning it deserves."""

    subtype: Subtype
    message: str


@dataclass(frozen=True)
class ObjectId:
    """A full ID and the spec it belongs to ('' for none)."""

    full: str
    spec: str


def split_list(value: str | None) -> tuple[str, ...]:
    """Split on commas outside square brackets, so ``test_x[a,b]`` stays whole."""
    if not value:
        return ()
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for char in value:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        if char == "," and not depth:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return tuple(item.strip() for item in items if item.strip())


def split_argument(argument: str) -> tuple[str, str]:
    """The first word of a directive argument and the rest (the title)."""
    word, _, rest = argument.strip().partition(" ")
    return word, " ".join(rest.split())


def match_choice(value: str, allowed: Iterable[str]) -> str | None:
    """`value` in the allowed list's own spelling, matched case-insensitively."""
    folded = value.strip().casefold()
    for choice in allowed:
        if choice.casefold() == folded:
            return choice
    return None


def check_spec_id(word: str, cfg: EnhspecConfig) -> None:
    """Raise `IdError` unless `word` is a spec ID."""
    if not cfg.spec_id_pattern.search(word):
        raise IdError(
            Subtype.INVALID_ID,
            f"spec ID {word!r} does not match enhspec_spec_id_pattern "
            f"{cfg.spec_id_pattern.pattern!r}",
        )


def object_id(word: str, current_spec: str, cfg: EnhspecConfig) -> ObjectId:
    """The full ID of a requirement, risk or step written as `word` under `current_spec`."""
    if not word or not WELL_FORMED_ID.match(word.replace(cfg.separator, ".")):
        raise IdError(
            Subtype.INVALID_ID,
            f"{word!r} is not an ID: an ID starts with a letter and holds only letters, "
            f"digits, '.', '_', '-' and the separator {cfg.separator!r}",
        )
    if cfg.separator in word:
        prefix = word.rsplit(cfg.separator, 1)[0]
        owner = prefix if cfg.spec_id_pattern.search(prefix) else current_spec
        return ObjectId(word, owner)
    if cfg.local_id_pattern.search(word):
        if not current_spec:
            raise IdError(
                Subtype.ORPHAN,
                f"local ID {word!r} has no spec to belong to: put it after an "
                "enhancement-spec, give :spec:, or write a full ID",
            )
        return ObjectId(f"{current_spec}{cfg.separator}{word}", current_spec)
    return ObjectId(word, current_spec)


def kind_of(full_id: str, cfg: EnhspecConfig) -> str:
    """The kind named by the prefix of the ID's local part, else ``requirement``."""
    local = full_id.rsplit(cfg.separator, 1)[-1]
    prefix = _KIND_PREFIX.match(local)
    if prefix is None:
        return DEFAULT_KIND
    return cfg.requirement_kinds.get(prefix.group(0), DEFAULT_KIND)


def candidates(target: str, current_spec: str, cfg: EnhspecConfig) -> tuple[str, ...]:
    """The full IDs a reference may mean, the current spec's first."""
    if current_spec and cfg.separator not in target and cfg.local_id_pattern.search(target):
        return (f"{current_spec}{cfg.separator}{target}", target)
    return (target,)
