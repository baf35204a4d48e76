"""Suspect links and specs, and the reviews file's format, as pure functions."""

from __future__ import annotations

import dataclasses
import json

import pytest
from fuzzing import search
from hypothesis import given
from hypothesis import strategies as st
from test_ids import CFG

from sphinxcontrib_enhspec.derive.catalog import build_catalog
from sphinxcontrib_enhspec.derive.checks import suspect_problems
from sphinxcontrib_enhspec.derive.suspect import (
    Suspects,
    find,
    spec_fingerprint,
    suspect_links,
    suspect_specs,
)
from sphinxcontrib_enhspec.derive.traces import Traces
from sphinxcontrib_enhspec.derive.verification import Verifier
from sphinxcontrib_enhspec.model import Location, Requirement, Reviews, Risk, Spec, fingerprint
from sphinxcontrib_enhspec.sources.reviews import dumps, load, parse
from sphinxcontrib_enhspec.warnings import Subtype

#: The requirement of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER11")

A, B, C = "0123456789abcdef", "fedcba9876543210", "00000000ffffffff"
#: Spec IDs and full IDs of requirements and risks, and fingerprints.
IDS = st.builds(lambda spec, n, local: f"{spec}-{n}{local}", st.sampled_from(["ENH", "S", "X"]),
                st.integers(1, 120), st.sampled_from(["", ".ER1", ".ER2", ".ER10", ".R1"]))
PRINTS = st.integers(0, 2**64 - 1).map(lambda n: f"{n:016x}")


def test_a_link_is_suspect_when_its_targets_fingerprint_changed():
    links = [("S.ER1", "S.ER2"), ("S.ER1", "S.ER3"), ("S.ER4", "S.ER2"), ("S.R1", "S.ER9")]
    current = {"S.ER2": A, "S.ER3": B}
    recorded = {("S.ER1", "S.ER2"): B,     # changed since: suspect
                ("S.ER1", "S.ER3"): B,     # unchanged
                ("S.R1", "S.ER9"): A,      # target unknown now: not suspect
                ("S.ER5", "S.ER2"): B}     # the link no longer exists: ignored
    # S.ER4 -> S.ER2 has no record: written against the current text
    assert suspect_links(links, current, recorded) == [("S.ER1", "S.ER2")]


def test_a_link_written_twice_is_reported_once():
    assert suspect_links([("X", "Y"), ("X", "Y")], {"Y": A}, {("X", "Y"): B}) == [("X", "Y")]


def test_a_spec_is_suspect_only_in_a_reviewed_status():
    specs = [("S-1", "approved", A), ("S-2", "Implemented", A), ("S-3", "draft", A),
             ("S-4", "approved", A), ("S-5", "approved", A)]
    recorded = {"S-1": B, "S-2": B, "S-3": B, "S-4": A}
    assert suspect_specs(specs, ["approved", "implemented"], recorded) == ["S-1", "S-2"]
    assert suspect_specs(specs, [], recorded) == []


def test_find_groups_the_changed_targets_by_source():
    reviews = Reviews({("S.ER1", "S.ER2"): B, ("S.ER1", "S.ER3"): B, ("S.R1", "S.ER2"): B},
                      {"S-1": B})
    found = find([("S.ER1", "S.ER2"), ("S.ER1", "S.ER3"), ("S.R1", "S.ER2")],
                 {"S.ER2": A, "S.ER3": C}, reviews, [("S-1", "approved", A)], ["approved"])
    assert found == Suspects({"S.ER1": ("S.ER2", "S.ER3"), "S.R1": ("S.ER2",)},
                             frozenset({"S-1"}))
    assert find([], {}, Reviews(), [], ["approved"]) == Suspects()


@search(50)
@given(st.dictionaries(IDS, PRINTS), st.dictionaries(IDS, PRINTS))
def test_links_to_unchanged_targets_are_never_suspect(current, extra):
    links = [("SRC", target) for target in current]
    recorded = {("SRC", target): fp for target, fp in current.items()}
    recorded.update({("OTHER", target): fp for target, fp in extra.items()})
    assert suspect_links(links, current, recorded) == []


@search(50)
@given(st.dictionaries(IDS, PRINTS, min_size=1), st.data())
def test_every_changed_recorded_link_is_suspect(current, data):
    links = [("SRC", target) for target in current]
    recorded = {link: data.draw(PRINTS) for link in links}
    expected = [link for link in links if recorded[link] != current[link[1]]]
    assert suspect_links(links, current, recorded) == expected


def test_spec_fingerprint_covers_the_requirements_in_any_order():
    own = fingerprint("Streaming export", "Write the export as the build goes.")
    reqs = [("S.ER1", A), ("S.ER2", B)]
    assert spec_fingerprint(own, reqs) == spec_fingerprint(own, reversed(reqs))
    assert len(spec_fingerprint(own, reqs)) == 16
    different = {spec_fingerprint(own, reqs), spec_fingerprint(own, [("S.ER1", A)]),
                 spec_fingerprint(own, [("S.ER1", A), ("S.ER2", C)]),
                 spec_fingerprint(own, [("S.ER1", A), ("S.ER3", B)]),
                 spec_fingerprint(fingerprint("Streaming export", "Other."), reqs)}
    assert len(different) == 5


def test_the_file_is_one_sorted_record_per_line():
    reviews = Reviews({("S-1.ER10", "S-1.ER2"): A, ("S-1.ER2", "S-2.ER1"): B,
                       ("S-1.ER2", "S-1.ER10"): C}, {"S-2": A, "S-1": B})
    assert dumps(reviews).splitlines() == [
        '{"spec": "S-1", "fingerprint": "fedcba9876543210"}',
        '{"source": "S-1.ER2", "target": "S-1.ER10", "fingerprint": "00000000ffffffff"}',
        '{"source": "S-1.ER2", "target": "S-2.ER1", "fingerprint": "fedcba9876543210"}',
        '{"source": "S-1.ER10", "target": "S-1.ER2", "fingerprint": "0123456789abcdef"}',
        '{"spec": "S-2", "fingerprint": "0123456789abcdef"}',
    ]
    assert dumps(Reviews()) == ""


@search(50)
@given(st.dictionaries(st.tuples(IDS, IDS), PRINTS), st.dictionaries(IDS, PRINTS))
def test_the_file_reads_back_what_was_written(links, specs):
    text = dumps(Reviews(links, specs))
    assert parse(text) == (Reviews(links, specs), [])
    assert dumps(parse(text)[0]) == text


@search(50)
@given(st.dictionaries(st.tuples(st.text(min_size=1), st.text(min_size=1)), PRINTS),
       st.dictionaries(st.text(min_size=1), PRINTS))
def test_any_id_reads_back_from_one_line(links, specs):
    text = dumps(Reviews(links, specs))
    assert text.count("\n") == len(links) + len(specs)
    assert parse(text) == (Reviews(links, specs), [])


def test_bad_lines_are_reported_and_the_rest_is_read():
    text = "\n".join([
        '{"source": "S.ER1", "target": "S.ER2", "fingerprint": "0123456789abcdef"}',
        "",
        "not json",
        '{"spec": "S-1"}',
        '{"spec": "S-1", "fingerprint": "xyz"}',
        '{"source": "S.ER1", "target": "S.ER2", "fingerprint": "fedcba9876543210"}',
        '["S-1", "0123456789abcdef"]',
        '{"spec": "S-1", "fingerprint": "0123456789abcdef", "by": "me"}',
        '{"spec": "S-1", "fingerprint": "fedcba9876543210"}',
    ])
    reviews, problems = parse(text)
    assert reviews == Reviews({("S.ER1", "S.ER2"): A}, {"S-1": B})
    assert [(p.lineno, p.message.split(":")[0].split(" (")[0]) for p in problems] == [
        (3, "not a JSON record"), (4, "not a review record"), (5, "not a review record"),
        (6, "a second record of S.ER1 -> S.ER2"), (7, "not a review record"),
        (8, "not a review record")]
    assert problems[2].message == ("not a review record: its fingerprint 'xyz' is not 16 "
                                   "hex digits")
    assert problems[3].message == "a second record of S.ER1 -> S.ER2 (the first is on line 1)"


def test_load_is_off_without_a_setting_and_empty_without_a_file(tmp_path):
    assert load(None, str(tmp_path)).reviews == Reviews()
    missing = load("reviews.json", str(tmp_path))
    assert (missing.path, missing.reviews, missing.problems) == (
        str(tmp_path / "reviews.json"), Reviews(), ())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.json").write_text(json.dumps({"spec": "S-1", "fingerprint": A}))
    assert load("sub/r.json", str(tmp_path)).reviews == Reviews({}, {"S-1": A})
    unreadable = load("sub", str(tmp_path))
    assert [p.lineno for p in unreadable.problems] == [0]
    assert unreadable.problems[0].message.startswith("cannot be read: ")


def test_an_equal_fingerprint_read_apart_is_not_suspect():
    """Fingerprints read from the file and computed by the build are equal, not the same
    object."""
    again = json.loads(json.dumps(A))
    assert suspect_specs([("S-1", "approved", A)], ["approved"], {"S-1": again}) == []
    assert suspect_links([("X", "Y")], {"Y": A}, {("X", "Y"): again}) == []


def test_suspect_problems_stand_at_the_source_and_name_the_changed_target():
    spec = Spec(id="S-1", title="Spec", location=Location("a", 1), anchor="s",
                status="approved")
    er1 = Requirement(id="S-1.ER1", title="One", location=Location("a", 3), anchor="r1",
                      spec="S-1", depends=("ER2",))
    er2 = Requirement(id="S-1.ER2", title="Two", location=Location("a", 9), anchor="r2",
                      spec="S-1", text="rewritten since the review")
    risk = Risk(id="S-1.R1", title="Risk", location=Location("a", 12), anchor="k",
                spec="S-1", affects=("ER2",))
    old = "0" * 16
    reviews = Reviews({("S-1.ER1", "S-1.ER2"): old, ("S-1.R1", "S-1.ER2"): old}, {"S-1": old})
    traces = Traces(build_catalog({"a": [spec, er1, er2, risk]}, []), CFG,
                    Verifier([], configured=False), reviews=reviews)
    assert [(p.subtype, p.location.lineno, p.message) for p in suspect_problems(traces)] == [
        (Subtype.SUSPECT, 1, "S-1 is approved, and its text or its requirements changed since "
         "it was reviewed; review it, then run 'enhspec review S-1'"),
        (Subtype.SUSPECT, 3, "S-1.ER1 depends on S-1.ER2, which changed since the link was "
         "reviewed; check the link, then run 'enhspec review S-1.ER1'"),
        (Subtype.SUSPECT, 12, "S-1.R1 affects S-1.ER2, which changed since the link was "
         "reviewed; check the link, then run 'enhspec review S-1.R1'"),
    ]


def test_suspects_are_shared_and_so_frozen():
    found = find([], {}, Reviews({}, {}), [], [])
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.specs = frozenset()  # type: ignore[misc]
