"""The reviews file (``enhspec_reviews``) both ways: one JSON record per line, sorted.

A link record ``{"source": ..., "target": ..., "fingerprint": ...}`` holds the target's
fingerprint when the link was reviewed; a spec record ``{"spec": ..., "fingerprint": ...}``
the fingerprint of the spec with all its requirements. Reading never warns: it returns
the records and the lines it could not use.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any

from ..ids import natural_key
from ..model import Reviews

#: What ``enhspec review`` reads and writes when given no ``--file``.
DEFAULT_FILE = "enhspec-reviews.json"
LINK_KEYS = ("source", "target", "fingerprint")
SPEC_KEYS = ("spec", "fingerprint")
FINGERPRINT = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class LineProblem:
    """A line of the file that is not a record: its number (0 for the whole file), why."""

    lineno: int
    message: str


@dataclass(frozen=True)
class Loaded:
    """The file named by ``enhspec_reviews`` ('' when off), its records and its bad lines."""

    path: str
    reviews: Reviews
    problems: tuple[LineProblem, ...] = ()


def _key(data: Any) -> tuple[str, str]:
    """(source, target) of a link record, (spec, '') of a spec record; ValueError otherwise."""
    if (isinstance(data, dict) and sorted(data) in (sorted(LINK_KEYS), sorted(SPEC_KEYS))
            and all(isinstance(v, str) and v for v in data.values())):
        if not FINGERPRINT.fullmatch(data["fingerprint"]):
            raise ValueError(f"its fingerprint {data['fingerprint']!r} is not 16 hex digits")
        return (data["source"], data["target"]) if "source" in data else (data["spec"], "")
    raise ValueError('it is not {"source", "target", "fingerprint"} nor {"spec", '
                     '"fingerprint"} with text values')


def parse(text: str) -> tuple[Reviews, list[LineProblem]]:
    """The records of a file's text (the first of any two with one key), and its bad lines."""
    reviews = Reviews()
    seen: dict[tuple[str, str], int] = {}
    problems = []
    # Lines end at "\n" only: JSON strings may hold other line separators as they are.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as error:
            problems.append(LineProblem(lineno, f"not a JSON record ({error})"))
            continue
        try:
            key = _key(data)
        except ValueError as error:
            problems.append(LineProblem(lineno, f"not a review record: {error}"))
            continue
        if key in seen:
            what = f"{key[0]} -> {key[1]}" if key[1] else key[0]
            problems.append(LineProblem(lineno, f"a second record of {what} (the first is on "
                                                f"line {seen[key]})"))
            continue
        seen[key] = lineno
        if key[1]:
            reviews.links[key] = data["fingerprint"]
        else:
            reviews.specs[key[0]] = data["fingerprint"]
    return reviews, problems


def dumps(reviews: Reviews) -> str:
    """The file's text: spec records before their requirements' links, in natural ID order."""
    entries: list[tuple[str, str, dict[str, str]]] = [
        (spec, "", {"spec": spec, "fingerprint": fingerprint})
        for spec, fingerprint in reviews.specs.items()]
    entries += [(source, target, {"source": source, "target": target, "fingerprint": fp})
                for (source, target), fp in reviews.links.items()]
    entries.sort(key=lambda e: (natural_key(e[0]), e[0], natural_key(e[1]), e[1]))
    return "".join(json.dumps(data, ensure_ascii=False) + "\n" for _, _, data in entries)


def load(setting: str | None, confdir: str) -> Loaded:
    """The records of the file `setting` names (relative to `confdir`); a missing file
    records nothing yet."""
    if not setting:
        return Loaded("", Reviews())
    path = os.path.normpath(os.path.join(confdir, setting))
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        return Loaded(path, Reviews())
    except (OSError, ValueError) as error:
        return Loaded(path, Reviews(), (LineProblem(0, f"cannot be read: {error}"),))
    reviews, problems = parse(text)
    return Loaded(path, reviews, tuple(problems))
