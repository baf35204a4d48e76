"""The records: plain, frozen, picklable values with no Sphinx imports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

ObjectType = Literal["spec", "requirement", "risk", "migration-step", "milestone"]

RISK_STATUSES = ("open", "mitigated", "accepted", "closed")
PRIORITIES = ("must", "should", "may")
CONFIG_ACTIONS = ("added", "changed", "deprecated", "removed", "renamed")
#: The actions that announce a removal, which ``:removed-in:`` dates.
DEPRECATING = ("deprecated", "renamed")
#: The action that carries a removal out.
REMOVED = "removed"
#: The requirement status shown as a checked box.
DONE = "done"
#: The requirement status that needs no verification.
DROPPED = "dropped"
#: The risk status that counts as open on cards and in the spec index.
OPEN = "open"
#: The options of ``enhancement-spec``.
SPEC_OPTIONS = ("version", "date", "status", "author", "module", "release", "supersedes",
                "tags", "reviewers", "approvers", "discussion", "resolution")
MILESTONE_STATUSES = ("planned", "done", "cancelled")
#: The milestone status that can fall overdue.
PLANNED = "planned"


def fold(text: str) -> str:
    """`text` with every run of white space made one space."""
    return " ".join(text.split())


def fingerprint(title: str, text: str) -> str:
    """The fingerprint of an object of this title and body (16 hex digits)."""
    folded = f"{fold(title)}\n{fold(text)}"
    # A lone surrogate (from a lossy decoding) must not stop the build.
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def is_done(status: str) -> bool:
    """Whether a requirement status counts as done (a checked box)."""
    return status.casefold() == DONE



@dataclass(frozen=True, order=True)
class Location:
    """Where a record was written: its document, and the line in the file that holds it.

    `source` is that file when it is not the document's own (text pulled in by ``include``).
    """

    docname: str
    lineno: int
    source: str = ""
    #: The address of an object of another project (``enhspec_external``).
    uri: str = ""

    @property
    def external(self) -> bool:
        """Whether the object belongs to another project."""
        return bool(self.uri)

    @property
    def warning_location(self) -> str | tuple[str, int]:
        """Where a warning about the object points: the included file itself if any."""
        if self.source:
            return f"{self.source}:{self.lineno}"
        return (self.docname, self.lineno)


@dataclass(frozen=True)
class Linked:
    """What every object that roles link to has: its ID, title, place and link target."""

    id: str
    title: str
    location: Location
    anchor: str
    #: The body as written in the source, white space folded ('' for other projects'
    #: objects from exports that predate it).
    text: str = field(default="", kw_only=True)

    @property
    def fingerprint(self) -> str:
        """A digest of the title and body with white space folded: what a review saw."""
        return fingerprint(self.title, self.text)


@dataclass(frozen=True)
class Spec(Linked):
    """An enhancement specification."""

    status: str = "draft"
    version: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    module: str = ""
    release: str = ""
    supersedes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    approvers: tuple[str, ...] = ()
    discussion: str = ""
    resolution: str = ""

    objtype: ObjectType = field(default="spec", init=False)


@dataclass(frozen=True)
class Requirement(Linked):
    """A requirement, of a spec or global."""

    spec: str = ""
    kind: str = "requirement"
    status: str = "open"
    priority: str = ""
    depends: tuple[str, ...] = ()
    verified_by: tuple[str, ...] = ()
    implemented_by: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    objtype: ObjectType = field(default="requirement", init=False)


@dataclass(frozen=True)
class Risk(Linked):
    """A risk with its levels and mitigation."""

    spec: str = ""
    category: str = ""
    likelihood: str = ""
    impact: str = ""
    status: str = "open"
    affects: tuple[str, ...] = ()
    mitigation: str = ""
    tags: tuple[str, ...] = ()

    objtype: ObjectType = field(default="risk", init=False)


@dataclass(frozen=True)
class MigrationStep(Linked):
    """An ordered migration step; its body is copied from the source doctree by `anchor`."""

    spec: str = ""
    release: str = ""
    order: int = 0
    breaking: bool = False
    #: Changes whenever the body changes: the guide that copies it must be rewritten.
    body_digest: str = ""

    objtype: ObjectType = field(default="migration-step", init=False)


@dataclass(frozen=True)
class Milestone(Linked):
    """A dated milestone of a spec; `date` and `start` are ISO dates, '' when not valid."""

    spec: str = ""
    start: str = ""
    date: str = ""
    status: str = PLANNED
    release: str = ""
    #: Its place among its spec's milestones, in document order.
    order: int = 0

    objtype: ObjectType = field(default="milestone", init=False)


@dataclass(frozen=True)
class BaseChange:
    """What a config change and an API change share: where, which spec, what and when."""

    location: Location
    anchor: str
    spec: str = ""
    action: str = ""
    previous: str = ""
    replaces: str = ""
    release: str = ""
    #: The release that removes a deprecated (or renamed) key or name.
    removed_in: str = ""

    @property
    def subject(self) -> str:
        """What changes: the key or the name."""
        raise NotImplementedError

    @property
    def id(self) -> str:
        """The exported ID, ``<subject>@<release>``."""
        return f"{self.subject}@{self.release}"


@dataclass(frozen=True)
class ConfigChange(BaseChange):
    """A configuration key added, changed, deprecated, removed or renamed in a release."""

    key: str = field(default="", kw_only=True)
    default: str = field(default="", kw_only=True)

    @property
    def subject(self) -> str:
        """What changes: the key."""
        return self.key


@dataclass(frozen=True)
class ApiChange(BaseChange):
    """A public name (function, class, method) added, changed, deprecated, removed or
    renamed in a release."""

    name: str = field(default="", kw_only=True)
    signature: str = field(default="", kw_only=True)

    @property
    def subject(self) -> str:
        """What changes: the name."""
        return self.name


#: A change of a config key or of an API.
Change = ConfigChange | ApiChange


@dataclass(frozen=True)
class Task:
    """A checklist item of a spec's document: open or done."""

    location: Location
    spec: str
    done: bool
    text: str
    #: The title of the section it stands in.
    section: str = ""
    #: The title of the top-level section of the document that holds it.
    part: str = ""
    #: The milestone whose body holds it ('' for none).
    milestone: str = ""


@dataclass(frozen=True)
class Reviews:
    """What the reviews file records: (source, target) of each reviewed link -> the target's
    fingerprint then; each reviewed spec -> the fingerprint of it with its requirements then."""

    links: dict[tuple[str, str], str] = field(default_factory=dict)
    specs: dict[str, str] = field(default_factory=dict)


#: Objects that share the one ID namespace and are reachable through roles.
LinkedRecord = Spec | Requirement | Risk | MigrationStep | Milestone
Record = Spec | Requirement | Risk | MigrationStep | Milestone | ConfigChange | ApiChange
#: What a document's reading leaves in the domain: its objects and its tasks.
Recorded = Record | Task


Outcome = Literal["passed", "failed", "skipped", "error", "missing"]
#: Worst first: the outcome of several runs of one test is the worst of them.
SEVERITY: tuple[Outcome, ...] = ("error", "failed", "passed", "skipped", "missing")


def worst(outcomes: list[Outcome]) -> Outcome:
    """The outcome of several runs of one test: the worst of them."""
    return min(outcomes, key=SEVERITY.index) if outcomes else "missing"


@dataclass(frozen=True)
class TestCase:
    """One JUnit ``<testcase>``: its names, outcome, and the requirements its marker names."""

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
