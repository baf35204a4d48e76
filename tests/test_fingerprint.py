"""Fingerprints: a digest of an object's title and body, blind to white space alone."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_enhspec.model import Location, Requirement, fingerprint, fold

WORDS = st.lists(st.text(alphabet=st.characters(blacklist_categories=["Zs", "Cc"]),
                         min_size=1, max_size=8), max_size=6)
SPACES = st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\n   "]), min_size=7, max_size=7)


def test_fold_makes_every_run_of_white_space_one_space():
    assert fold("  one\n\ttwo   three \n") == "one two three"
    assert fold("") == ""


def test_a_fingerprint_is_sixteen_hex_digits():
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint("Title", "Body"))


def test_title_and_body_are_kept_apart():
    assert fingerprint("a b", "c") != fingerprint("a", "b c")


@given(WORDS, SPACES, SPACES)
def test_white_space_alone_leaves_the_fingerprint(words, left, right):
    one = "".join(w + s for w, s in zip(words, left, strict=False))
    two = "".join(s + w for w, s in zip(words, right, strict=False))
    assert fingerprint("T", one) == fingerprint("T", two)


def test_a_record_fingerprints_its_title_and_text_not_its_options():
    where = Location("doc", 3)
    open_ = Requirement(id="E-1.ER1", title="Fast", location=where, anchor="a", text="x y")
    done = Requirement(id="E-1.ER1", title="Fast", location=where, anchor="b", status="done",
                       depends=("E-1.ER2",), text="x   y")
    assert open_.fingerprint == done.fingerprint == fingerprint("Fast", "x y")
    assert Requirement(id="E-1.ER1", title="Fast", location=where, anchor="a",
                       text="x z").fingerprint != open_.fingerprint
