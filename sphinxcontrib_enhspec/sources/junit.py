"""JUnit XML test results, read safely: no entity expansion, no DTDs, no network."""

from __future__ import annotations

import glob
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..model import Outcome, TestCase

REQUIREMENT_PROPERTY = "requirement"


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


def find_files(pattern: str, confdir: str) -> list[str]:
    """The files a pattern names, relative to `confdir`, sorted."""
    full = os.path.normpath(os.path.join(confdir, pattern))
    if glob.has_magic(full):
        return sorted(glob.glob(full, recursive=True))
    return [full] if os.path.isfile(full) else []


def load(patterns: list[str], confdir: str) -> Results:
    """Read every results file; each one that is missing or malformed is a problem."""
    problems: list[ResultsProblem] = []
    cases: list[TestCase] = []
    files: list[str] = []
    for pattern in patterns:
        found = find_files(pattern, confdir)
        if not found:
            problems.append(ResultsProblem(os.path.normpath(os.path.join(confdir, pattern)), 0,
                                           "no JUnit results file matches this path"))
        for path in found:
            if path in files:
                continue
            files.append(path)
            try:
                with open(path, "rb") as stream:
                    data = stream.read()
            except OSError as error:
                problems.append(ResultsProblem(path, 0, f"cannot be read: {error.strerror}"))
                continue
            read, problem = _parse(path, data)
            cases.extend(read)
            problems.extend([problem] if problem else [])
    return Results(tuple(cases), tuple(problems))


def _parse(path: str, data: bytes) -> tuple[list[TestCase], ResultsProblem | None]:
    """The test cases of one file, or the reason it cannot be used."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except ET.ParseError as error:
        return [], ResultsProblem(path, error.position[0], f"is not XML: {error}")
    except LookupError as error:  # expat names an encoding Python does not know
        return [], ResultsProblem(path, 1, f"is not XML: {error}")
    except DefusedXmlException as error:
        return [], ResultsProblem(path, 0, f"is refused: {error}")
    if root.tag not in {"testsuites", "testsuite"}:
        return [], ResultsProblem(path, 0, f"is not JUnit XML (root element <{root.tag}>)")
    return [_case(element, path) for element in root.iter("testcase")], None


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

