"""The ``enhspec`` domain: the one owner of every document's records and what derives from them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import _

from . import config
from .derive.catalog import Catalog, build_catalog
from .derive.checks import find_problems, verification_problems
from .derive.rows import rows
from .derive.since import against
from .derive.traces import Traces
from .derive.verification import Verifier
from .ids import candidates
from .nodes import CURRENT_SPEC
from .roles import ROLE_TYPES, EnhspecXRefRole, object_reference
from .sources import baseline, junit
from .sources import reviews as review_file
from .sources.external import External, read_all
from .warnings import Subtype, warn

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Set

    from docutils.nodes import Element, Node
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .model import LinkedRecord, Location, Recorded
    from .query import Query
    from .settings import EnhspecConfig

#: Domain data kept per document.
PER_DOC = ("records", "collections", "fills", "texts", "external_uses", "sections")

TYPE_ROLES = {objtype: role for role, objtype in ROLE_TYPES.items()}


@dataclass
class _Derived:
    """What the domain derives from the records, until they change."""

    catalog: Catalog | None = None
    traces: Traces | None = None
    texts: dict[str, list[Node]] | None = None
    #: Values made from the records by `EnhspecDomain.derived` (rows, models, comparisons).
    made: dict[Hashable, Any] = field(default_factory=dict)


class EnhspecDomain(Domain):
    """Specs, requirements, risks, migration steps, milestones and changes of the project."""

    name = "enhspec"
    label = "Enhancement specifications"
    object_types: ClassVar[dict[str, ObjType]] = {
        "spec": ObjType(_("spec"), "spec"),
        "requirement": ObjType(_("requirement"), "req"),
        "risk": ObjType(_("risk"), "risk"),
        "migration-step": ObjType(_("migration step"), "mig"),
        "milestone": ObjType(_("milestone"), "ms"),
    }
    roles: ClassVar[dict[str, EnhspecXRefRole]] = {  # type: ignore[assignment]
        role: EnhspecXRefRole() for role in ROLE_TYPES}
    #: Per document (`PER_DOC`): records in document order, collections, blocks filled at
    #: write time, parsed texts, projects linked to, section titles; what each page showed.
    initial_data: ClassVar[dict[str, Any]] = {
        **{key: {} for key in PER_DOC}, "fingerprints": {}, "external_digests": {}}
    data_version = 6

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._derived = _Derived()

    @cached_property
    def cfg(self) -> EnhspecConfig:
        """The validated settings, read once per build."""
        return config.read(self.env.config)

    @property
    def app(self) -> Sphinx:
        """The application; ``env.app`` is Sphinx 7's name, ``env._app`` later ones'."""
        return cast("Sphinx", getattr(self.env, "_app", None) or self.env.app)

    @property
    def records(self) -> dict[str, list[Recorded]]:
        """The records of each document."""
        return cast("dict[str, list[Recorded]]", self.data["records"])

    @property
    def collections(self) -> dict[str, list[Query]]:
        """The collections of each document."""
        return cast("dict[str, list[Query]]", self.data["collections"])

    @property
    def fills(self) -> dict[str, list[tuple[str, str]]]:
        """(object type, ID) of each document's blocks filled at write time (cards, tests)."""
        return cast("dict[str, list[tuple[str, str]]]", self.data["fills"])

    @cached_property
    def results(self) -> junit.Results:
        """The JUnit results named by ``enhspec_test_results``, read once per build."""
        return junit.load(list(self.env.config.enhspec_test_results), str(self.app.confdir))

    @cached_property
    def externals(self) -> list[External]:
        """The projects of ``enhspec_external`` that could be read, read once per build."""
        found, problems = read_all(self.env.config.enhspec_external, str(self.app.confdir))
        for problem in problems:
            warn("export of %s (%s) %s", Subtype.EXTERNAL, f"{problem.where}:", problem.name,
                 problem.where, problem.message)
        return found

    @cached_property
    def reviews(self) -> review_file.Loaded:
        """The records of ``enhspec_reviews``, read once per build."""
        return review_file.load(self.env.config.enhspec_reviews, str(self.app.confdir))

    @property
    def catalog(self) -> Catalog:
        """Every record by ID, with other projects' objects."""
        if self._derived.catalog is None:
            external = [r for project in self.externals for r in project.records]
            self._derived.catalog = build_catalog(self.records, external)
        return self._derived.catalog

    @property
    def traces(self) -> Traces:
        """The records sorted, their links resolved and their tests matched."""
        if self._derived.traces is None:
            tests = Verifier(self.results.cases, bool(self.env.config.enhspec_test_results))
            self._derived.traces = Traces(self.catalog, self.cfg, tests,
                                          reviews=self.reviews.reviews)
        return self._derived.traces

    def rows(self, query: Query) -> object:
        """What a collection shows, derived once (and its ``:since:`` comparison once)."""
        since = self.derived(("since", query.since),
                             lambda: against(query.since, self.baselines[0], self.traces))
        return self.derived(("rows", query), lambda: rows(self.traces, query, since))

    @cached_property
    def baselines(self) -> tuple[dict[str, baseline.Read], list[baseline.BaselineProblem]]:
        """Each baseline's data or why it is unusable, and the problems; read once a build."""
        return baseline.read_all(self.env.config.enhspec_baselines, str(self.app.confdir))

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """A value made from the records by `make`, once until they change."""
        if key not in self._derived.made:
            self._derived.made[key] = make()
        return cast("T", self._derived.made[key])

    def texts(self, key: str) -> list[Node]:
        """Parsed nodes of an object's part (see `nodes.text_key`) as its page shows them."""
        if self._derived.texts is None:
            # The first definition in document order stands, as in the catalog.
            merged: dict[str, list[Node]] = {}
            for docname in sorted(self.data["texts"]):
                for text, kept in self.data["texts"][docname].items():
                    merged.setdefault(text, kept)
            self._derived.texts = merged
        return self._derived.texts.get(key, [])

    def note_record(self, record: Recorded) -> None:
        """Record an object defined in the document being read."""
        self.records.setdefault(record.location.docname, []).append(record)
        self._derived = _Derived()

    def note_collection(self, query: Query) -> None:
        """Record a collection placed in the document being read."""
        self.collections.setdefault(query.location.docname, []).append(query)

    def note_fill(self, docname: str, objtype: str, ident: str) -> None:
        """Record that `docname` shows a block of object `ident` filled at write time."""
        self.fills.setdefault(docname, []).append((objtype, ident))

    def note_external_use(self, docname: str, project: str) -> None:
        """Record that `docname` links to an object of another project."""
        uses = self.data["external_uses"].setdefault(docname, [])
        if project not in uses:
            uses.append(project)

    def note_texts(self, docname: str, texts: dict[str, list[Node]]) -> None:
        """Keep the parsed texts of `docname`, taken after Sphinx's own transforms."""
        self.data["texts"][docname] = texts
        self._derived = _Derived()

    def note_sections(self, docname: str, titles: list[str]) -> None:
        """Keep the section titles of `docname`, a spec's document, for the policies."""
        self.data["sections"][docname] = titles

    def remember_shown(self, digests: dict[str, str]) -> list[str]:
        """Keep what each page now shows (page -> digest); the pages whose digest changed."""
        kept: dict[str, str] = self.data["fingerprints"]
        changed = sorted(page for page, digest in digests.items() if kept.get(page) != digest)
        self.data["fingerprints"] = dict(digests)
        return changed

    def remember_externals(self) -> list[str]:
        """The pages that link to a project whose export changed since the last build."""
        current = {project.name: project.digest for project in self.externals}
        kept: dict[str, str] = self.data["external_digests"]
        changed = {name for name in current.keys() | kept.keys()
                   if current.get(name) != kept.get(name)}
        self.data["external_digests"] = current
        return [docname for docname, names in self.data["external_uses"].items()
                if changed & set(names)]

    def clear_doc(self, docname: str) -> None:
        """Forget what `docname` defined."""
        for key in PER_DOC:
            self.data[key].pop(docname, None)
        self.data["fingerprints"].pop(docname, None)
        self._derived = _Derived()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take what a parallel process read of `docnames`."""
        for key in PER_DOC:
            for docname in docnames & otherdata[key].keys():
                self.data[key][docname] = otherdata[key][docname]
        self._derived = _Derived()

    def check_consistency(self) -> None:
        """Warn about what the checks over the whole project find (policies included)."""
        placed = [query for queries in self.collections.values() for query in queries]
        problems = find_problems(self.catalog, self.cfg, self._where, placed, self.data["sections"])
        statuses = self.env.config.enhspec_require_verification
        for problem in [*problems, *verification_problems(self.traces, statuses)]:
            warn(problem.message, problem.subtype, problem.location.warning_location)

    def _where(self, location: Location) -> str:
        """``path:line`` relative to the source folder, for messages."""
        path = (os.path.relpath(location.source, self.env.srcdir) if location.source
                else str(self.env.doc2path(location.docname, False)))
        return f"{path}:{location.lineno}"

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every object, for ``objects.inv``, intersphinx and the search index."""
        # The display name is the full ID: intersphinx shows it as the link text, as our
        # roles do, and search splits it into spec and local ID.
        for record in self.catalog.objects.values():
            if not record.location.external:
                yield (record.id, record.id, record.objtype, record.location.docname,
                       record.anchor, 1)

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
                     target: str, node: pending_xref, contnode: Element
                     ) -> nodes.reference | None:
        """Resolve a role to the object of its type, the current spec's first."""
        record = self.catalog.lookup(candidates(target, node.get(CURRENT_SPEC, ""), self.cfg),
                                     ROLE_TYPES.get(typ))
        if record is None:
            return None
        return self._refnode(builder, fromdocname, record, node, contnode)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                         target: str, node: pending_xref, contnode: Element
                         ) -> list[tuple[str, nodes.reference]]:
        """Resolve ``:any:`` to whatever object has the ID."""
        record = self.catalog.lookup(candidates(target, node.get(CURRENT_SPEC, ""), self.cfg))
        if record is None:
            return []
        role = f"{self.name}:{TYPE_ROLES[record.objtype]}"
        return [(role, self._refnode(builder, fromdocname, record, node, contnode))]

    def _refnode(self, builder: Builder, fromdocname: str, record: LinkedRecord,
                 node: pending_xref, contnode: Element) -> nodes.reference:
        if not node.get("refexplicit"):
            contnode = nodes.inline(record.id, record.id, classes=contnode["classes"])
        return self.reference(builder, fromdocname, record, contnode)

    def reference(self, builder: Builder, fromdocname: str, record: LinkedRecord,
                  contnode: Element) -> nodes.reference:
        """A link from page `fromdocname` to `record`, in the builder's own form of URI."""
        return object_reference(builder, fromdocname, record.location.docname, record.anchor,
                                record.title or record.id, record.location.uri, contnode)

