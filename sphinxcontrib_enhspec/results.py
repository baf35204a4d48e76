"""JUnit XML test results, read safely: no entity expansion, no DTDs, no network."""

from __future__ import annotations

import glob
import hashlib
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Literal

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

Outcome = Literal["passed", "failed", "skipped", "error", "missing"]
#: Worst first: the outcome of several runs of one test is the worst of them.
SEVERITY: tuple[Outcome, ...] = ("error", "failed", "passed", "skipped", "missing")
REQUIREMENT_PROPERTY = "requirement"


@dataclass(frozen=True)
class TestCase:
    """One ``<testcase>``: its names, outcome, and the requirements its marker names."""

    classname: str
    name: str
    outcome: Outcome
    requirements: tuple[str, ...] = ()
    #: The results file it was read from.
    path: str = ""

    @property
    def dotted(self) -> str:
        """``classname.name``, the form test identifiers are matched in."""
        return f"{self.classname}.{self.name}" if self.classname else self.name


@dataclass(frozen=True)
class ResultsProblem:
    """A results file that could not be used: its path, the parser's line, the reason."""

    path: str
    lineno: int
    message: str


@dataclass(frozen=True)
class Results:
    """Every test case of every results file, and the files that failed to load."""

    cases: tuple[TestCase, ...] = ()
    problems: tuple[ResultsProblem, ...] = ()
    #: Digest of the files read, so that a change of results is noticed.
    digest: str = ""
    files: tuple[str, ...] = field(default=())


def find_files(patterns: list[str], confdir: str) -> tuple[list[str], list[str]]:
    """The files the patterns name (relative to `confdir`), and the patterns that name none."""
    found: list[str] = []
    unmatched: list[str] = []
    for pattern in patterns:
        full = os.path.join(confdir, pattern)
        matches = sorted(glob.glob(full, recursive=True)) if glob.has_magic(full) else (
            [full] if os.path.isfile(full) else [])
        if not matches:
            unmatched.append(full)
        found.extend(m for m in matches if m not in found)
    return found, unmatched


def load(patterns: list[str], confdir: str) -> Results:
    """Read every results file; each one that is missing or malformed is a problem."""
    files, unmatched = find_files(patterns, confdir)
    problems = [ResultsProblem(path, 0, "no JUnit results file matches this path")
                for path in unmatched]
    cases: list[TestCase] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            with open(path, "rb") as stream:
                data = stream.read()
        except OSError as error:
            problems.append(ResultsProblem(path, 0, f"cannot be read: {error.strerror}"))
            continue
        digest.update(path.encode() + b"\0" + data)
        try:
            root = SafeET.fromstring(data, forbid_dtd=True)
        except ET.ParseError as error:
            problems.append(ResultsProblem(path, error.position[0], f"is not XML: {error}"))
            continue
        except DefusedXmlException as error:
            problems.append(ResultsProblem(path, 0, f"is refused: {error}"))
            continue
        if root.tag not in {"testsuites", "testsuite"}:
            problems.append(ResultsProblem(path, 0, f"is not JUnit XML (root element "
                                                    f"<{root.tag}>)"))
            continue
        cases.extend(_case(element, path) for element in root.iter("testcase"))
    return Results(tuple(cases), tuple(problems), digest.hexdigest(), tuple(files))


def _case(element: ET.Element, path: str) -> TestCase:
    tags = {child.tag for child in element}
    outcome: Outcome = "passed"
    if "failure" in tags:
        outcome = "failed"
    elif "error" in tags:
        outcome = "error"
    elif "skipped" in tags:
        outcome = "skipped"
    requirements = tuple(
        value.strip()
        for prop in element.iter("property")
        if prop.get("name") == REQUIREMENT_PROPERTY
        for value in (prop.get("value") or "").split(",")
        if value.strip()
    )
    return TestCase(element.get("classname", ""), element.get("name", ""), outcome,
                    requirements, path)


def worst(outcomes: list[Outcome]) -> Outcome:
    """The outcome of several runs of one test: the worst of them."""
    return min(outcomes, key=SEVERITY.index) if outcomes else "missing"
