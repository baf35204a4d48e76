"""The pure ID rules, without Sphinx."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError

import pytest

from sphinxcontrib_enhspec.config import DEFAULTS
from sphinxcontrib_enhspec.ids import (
    IdError,
    ObjectId,
    candidates,
    check_spec_id,
    kind_of,
    match_choice,
    natural_key,
    object_id,
    split_argument,
    split_list,
)
from sphinxcontrib_enhspec.settings import EnhspecConfig
from sphinxcontrib_enhspec.warnings import Subtype

CFG = EnhspecConfig(
    spec_statuses=tuple(DEFAULTS["enhspec_spec_statuses"]),
    requirement_statuses=tuple(DEFAULTS["enhspec_requirement_statuses"]),
    requirement_kinds=dict(DEFAULTS["enhspec_requirement_kinds"]),
    risk_categories=tuple(DEFAULTS["enhspec_risk_categories"]),
    levels=tuple(DEFAULTS["enhspec_levels"]),
    separator=".",
    spec_id_pattern=re.compile(DEFAULTS["enhspec_spec_id_pattern"]),
    local_id_pattern=re.compile(DEFAULTS["enhspec_local_id_pattern"]),
    source_url=None,
)


@pytest.mark.parametrize(("value", "items"), [
    (None, ()),
    ("", ()),
    ("a, b ,c", ("a", "b", "c")),
    ("test_x[a,b], test_y", ("test_x[a,b]", "test_y")),
    ("t[a,[b,c]],u", ("t[a,[b,c]]", "u")),
    (" , a,, ", ("a",)),
    ("needs review, ui", ("needs review", "ui")),
])
def test_split_list_keeps_brackets_whole(value, items):
    assert split_list(value) == items


def test_split_argument():
    assert split_argument("ER1  Export   runs in parallel ") == ("ER1", "Export runs in parallel")
    assert split_argument("ER1") == ("ER1", "")


def test_match_choice_is_case_insensitive_and_keeps_the_list_spelling():
    assert match_choice("Draft", ["draft", "approved"]) == "draft"
    assert match_choice("IN-PROGRESS", ["open", "in-progress"]) == "in-progress"
    assert match_choice("final", ["draft"]) is None


@pytest.mark.parametrize(("word", "spec", "expected"), [
    ("ER1", "ENH-042", ObjectId("ENH-042.ER1", "ENH-042")),
    ("ENH-017.ER2", "ENH-042", ObjectId("ENH-017.ER2", "ENH-017")),
    ("ENH-017.ER2", "", ObjectId("ENH-017.ER2", "ENH-017")),
    ("group.thing", "ENH-042", ObjectId("group.thing", "ENH-042")),
    ("SEC-1", "", ObjectId("SEC-1", "")),
    ("SEC-1", "ENH-042", ObjectId("SEC-1", "ENH-042")),
])
def test_object_id(word, spec, expected):
    assert object_id(word, spec, CFG) == expected


@pytest.mark.parametrize(("word", "spec", "subtype"), [
    ("ER1", "", Subtype.ORPHAN),
    ("9lives", "ENH-1", Subtype.INVALID_ID),
    ("a b", "ENH-1", Subtype.INVALID_ID),
    ("", "ENH-1", Subtype.INVALID_ID),
    ("<script>", "", Subtype.INVALID_ID),
])
def test_object_id_problems(word, spec, subtype):
    with pytest.raises(IdError) as error:
        object_id(word, spec, CFG)
    assert error.value.subtype is subtype
    # The problem travels from the parser to the warning as it was found.
    with pytest.raises(FrozenInstanceError):
        error.value.subtype = Subtype.CONFIG  # type: ignore[misc]


@pytest.mark.parametrize(("ident", "kind"), [
    ("ENH-1.ER1", "enhancement"),
    ("ENH-1.CR12", "compatibility"),
    ("ENH-1.PR3", "performance"),
    ("ENH-1.AC3", "acceptance"),
    ("SEC-1", "requirement"),
    ("ENH-1.9", "requirement"),
])
def test_kind_of(ident, kind):
    assert kind_of(ident, CFG) == kind


def test_candidates_prefer_the_current_spec():
    assert candidates("ER1", "ENH-1", CFG) == ("ENH-1.ER1", "ER1")
    assert candidates("ER1", "", CFG) == ("ER1",)
    assert candidates("ENH-2.ER1", "ENH-1", CFG) == ("ENH-2.ER1",)
    assert candidates("SEC-1", "ENH-1", CFG) == ("SEC-1",)


def test_natural_key_orders_numbers_by_value_and_other_digits_as_text():
    titles = ["ER10", "ER2", "Tier 1²", "Tier ①", "ER\u0663"]  # U+0663: Arabic-Indic three
    assert sorted(titles, key=natural_key) == ["ER2", "ER\u0663", "ER10", "Tier 1²", "Tier ①"]
    assert natural_key("Tier 1²") == ((0, "tier "), (1, 1), (0, "²"))


def test_a_spec_id_matches_the_pattern_or_is_an_invalid_id() -> None:
    assert check_spec_id("ENH-042", CFG) is None
    with pytest.raises(IdError) as error:
        check_spec_id("enh-42", CFG)
    assert error.value == IdError(
        Subtype.INVALID_ID,
        "spec ID 'enh-42' does not match enhspec_spec_id_pattern '^[A-Z][A-Z0-9]*-[0-9]+$'")


def test_only_the_part_before_the_last_separator_names_the_owner() -> None:
    # "ENH-017.ER9" is no spec ID: the object belongs to the spec it is written under.
    assert object_id("ENH-017.ER9.1", "ENH-042", CFG) == ObjectId("ENH-017.ER9.1", "ENH-042")
    assert kind_of("ENH-017.ER9.CR1", CFG) == "compatibility"


def test_ids_are_values() -> None:
    written = {object_id("ER1", "ENH-1", CFG), object_id("ENH-1.ER1", "", CFG)}
    assert written == {ObjectId("ENH-1.ER1", "ENH-1")}

