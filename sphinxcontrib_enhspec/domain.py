"""The ``enhspec`` domain: the one owner of the records of every document."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import _
from sphinx.util.nodes import make_refnode

from .config import EnhspecConfig, get_config
from .consistency import find_problems
from .external import External, ExternalError
from .external import read as read_external
from .external import source_of as external_source
from .freshness import stale_pages
from .gate import gate_problems
from .ids import candidates
from .index import Index, build_index
from .model import LinkedRecord, Location, Record
from .query import Query
from .results import Results
from .results import load as load_results
from .roles import CURRENT_SPEC, ROLE_TYPES, EnhspecXRefRole
from .verification import TestIndex
from .views import Views
from .warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils.nodes import Element, Node
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Domain data kept per document.
PER_DOC = ("records", "collections", "cards", "texts", "external_uses")

#: Object type to its role.
TYPE_ROLES = {objtype: role for role, objtype in ROLE_TYPES.items()}


class EnhspecDomain(Domain):
    """Specs, requirements, risks, migration steps and config changes of the project."""

    name = "enhspec"
    label = "Enhancement specifications"
    object_types: ClassVar[dict[str, ObjType]] = {
        "spec": ObjType(_("spec"), "spec"),
        "requirement": ObjType(_("requirement"), "req"),
        "risk": ObjType(_("risk"), "risk"),
        "migration-step": ObjType(_("migration step"), "mig"),
    }
    roles: ClassVar[dict[str, EnhspecXRefRole]] = {  # type: ignore[assignment]
        role: EnhspecXRefRole() for role in ROLE_TYPES
    }
    #: Per document: its records (in document order), collections, spec cards and parsed
    #: texts; and the fingerprint of what each page with a collection or card last showed.
    initial_data: ClassVar[dict[str, Any]] = {
        **{key: {} for key in PER_DOC}, "fingerprints": {}, "external_digests": {},
    }
    data_version = 3

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._index: Index | None = None
        self._views: Views | None = None
        self._texts: dict[str, list[Node]] | None = None
        self._results: Results | None = None
        self._externals: list[External] | None = None

    @cached_property
    def cfg(self) -> EnhspecConfig:
        """The validated settings, read once per environment."""
        return get_config(self.env)

    @property
    def records(self) -> dict[str, list[Record]]:
        """The records of each document."""
        return cast("dict[str, list[Record]]", self.data["records"])

    @property
    def collections(self) -> dict[str, list[Query]]:
        """The collections of each document."""
        return cast("dict[str, list[Query]]", self.data["collections"])

    @property
    def cards(self) -> dict[str, list[tuple[str, str]]]:
        """(object type, ID) of what each document shows that other records decide: spec
        cards, and the test outcomes of requirements."""
        return cast("dict[str, list[tuple[str, str]]]", self.data["cards"])

    @property
    def results(self) -> Results:
        """The JUnit results named by ``enhspec_test_results``, read once per build."""
        if self._results is None:
            patterns = list(self.env.config.enhspec_test_results)
            confdir = self.data.get("confdir") or str(self.env.srcdir)
            self._results = load_results(patterns, confdir) if patterns else Results()
        return self._results

    @property
    def index(self) -> Index:
        """The records indexed by ID, rebuilt after any change to them."""
        if self._index is None:
            external = [r for project in self.externals for r in project.records]
            self._index = build_index(self.records, external)
        return self._index

    @property
    def externals(self) -> list[External]:
        """The projects of ``enhspec_external`` that could be read, read once per build."""
        if self._externals is None:
            self._externals = []
            confdir = self.data.get("confdir") or str(self.env.srcdir)
            for name, (base_url, path) in sorted(self.env.config.enhspec_external.items()):
                try:
                    self._externals.append(read_external(name, base_url, path, confdir))
                except ExternalError as error:
                    where = external_source(base_url, path, confdir)
                    warn("export of %s (%s) %s", Subtype.EXTERNAL, f"{where}:", name, where,
                         error)
        return self._externals

    @property
    def views(self) -> Views:
        """The derived indexes every collection reads, built once per change of records."""
        if self._views is None:
            configured = bool(self.env.config.enhspec_test_results)
            self._views = Views(self.index, self.cfg, TestIndex(self.results, configured))
        return self._views

    def texts(self, key: str) -> list[Node]:
        """Parsed inline text (``<id>#title``, ``<id>#mitigation``) as its page shows it."""
        if self._texts is None:
            self._texts = {k: v for texts in self.data["texts"].values() for k, v in texts.items()}
        return self._texts.get(key, [])

    def note_record(self, record: Record) -> None:
        """Record an object defined in the document being read."""
        self.records.setdefault(record.location.docname, []).append(record)
        self._changed()

    def note_collection(self, query: Query) -> None:
        """Record a collection placed in the document being read."""
        self.collections.setdefault(query.location.docname, []).append(query)

    def note_card(self, docname: str, objtype: str, ident: str) -> None:
        """Record that `docname` shows derived data of an object (a spec's card, a
        requirement's test outcomes)."""
        self.cards.setdefault(docname, []).append((objtype, ident))

    def note_external_use(self, docname: str, project: str) -> None:
        """Record that `docname` links to an object of another project."""
        uses = self.data["external_uses"].setdefault(docname, [])
        if project not in uses:
            uses.append(project)

    def note_texts(self, docname: str, texts: dict[str, list[Node]]) -> None:
        """Keep the parsed titles of `docname`, taken after Sphinx's own transforms."""
        self.data["texts"][docname] = texts
        self._changed()

    def clear_doc(self, docname: str) -> None:
        """Forget what `docname` defined."""
        for key in PER_DOC:
            self.data[key].pop(docname, None)
        self.data["fingerprints"].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take what a parallel process read of `docnames`."""
        for key in PER_DOC:
            for docname in docnames & otherdata[key].keys():
                self.data[key][docname] = otherdata[key][docname]
        self._changed()

    def stale_pages(self) -> list[str]:
        """Pages whose collections or cards show other data than when last written."""
        return stale_pages(self)

    def report_results(self) -> None:
        """Warn once per build about unusable results files and markers naming no requirement."""
        for problem in self.results.problems:
            warn("test results %s %s", Subtype.RESULTS, f"{problem.path}:{problem.lineno or ''}",
                 os.path.relpath(problem.path, self.env.srcdir), problem.message)
        unknown = sorted({(case.path, case.dotted, req) for case in self.results.cases
                          for req in case.requirements
                          if self.index.get(req, "requirement") is None})
        for path, test, req in unknown:
            warn("test %r names unknown requirement %r", Subtype.UNRESOLVED, f"{path}:",
                 test, req)

    def _changed(self) -> None:
        self._index = None
        self._views = None
        self._texts = None

    def check_consistency(self) -> None:
        """Warn about duplicates, unknown IDs in options and dependency cycles."""
        queries = [query for queries in self.collections.values() for query in queries]
        problems = find_problems(self.index, self.cfg, self._where, queries)
        statuses = self.env.config.enhspec_require_verification
        for problem in [*problems, *gate_problems(self.views, statuses)]:
            warn(problem.message, problem.subtype, self._location(problem.location))

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every object, for ``objects.inv``, intersphinx and the search index."""
        # The display name is the full ID: intersphinx shows it as the link text, as our
        # roles do, and search splits it into spec and local ID.
        for record in self.index.objects.values():
            if not record.location.external:
                yield (record.id, record.id, record.objtype, record.location.docname,
                       record.anchor, 1)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """Resolve a role to the object of its type, the current spec's first."""
        record = self.index.lookup(
            candidates(target, node.get(CURRENT_SPEC, ""), self.cfg), ROLE_TYPES.get(typ)
        )
        if record is None:
            return None
        return self._refnode(builder, fromdocname, record, node, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Resolve ``:any:`` to whatever object has the ID."""
        record = self.index.lookup(candidates(target, node.get(CURRENT_SPEC, ""), self.cfg))
        if record is None:
            return []
        role = f"{self.name}:{TYPE_ROLES[record.objtype]}"
        return [(role, self._refnode(builder, fromdocname, record, node, contnode))]

    def _refnode(
        self,
        builder: Builder,
        fromdocname: str,
        record: LinkedRecord,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference:
        if not node.get("refexplicit"):
            contnode = nodes.inline(record.id, record.id, classes=contnode["classes"])
        return self.reference(builder, fromdocname, record, contnode)

    def reference(
        self, builder: Builder, fromdocname: str, record: LinkedRecord, contnode: Element
    ) -> nodes.reference:
        """A link from page `fromdocname` to `record`, in the builder's own form of URI."""
        if record.location.external:
            return nodes.reference("", "", contnode, internal=False, refuri=record.location.uri,
                                   reftitle=record.title or record.id,
                                   classes=["enhspec-external"])
        ref = make_refnode(builder, fromdocname, record.location.docname, record.anchor,
                           contnode, record.title or record.id)
        # singlehtml's page URIs are fragments already ('#document-x'); one page holds all.
        uri = ref.get("refuri", "")
        if uri.count("#") > 1:
            ref["refuri"] = uri[uri.rindex("#"):]
        return ref

    def _where(self, location: Location) -> str:
        """``path:line`` relative to the source folder, for messages."""
        if location.source:
            path = os.path.relpath(location.source, self.env.srcdir)
        else:
            path = str(self.env.doc2path(location.docname, False))
        return f"{path}:{location.lineno}"

    @staticmethod
    def _location(location: Location) -> str | tuple[str, int]:
        """A warning's location: the included file itself when there is one."""
        if location.source:
            return f"{location.source}:{location.lineno}"
        return (location.docname, location.lineno)


def on_missing_reference(
    app: object, domain: Domain | None, node: pending_xref
) -> bool | None:
    """Report an unknown ID as ``enhspec.unresolved``; option links were checked already."""
    if domain is None or domain.name != EnhspecDomain.name:
        return None
    if node.get("enhspec_checked"):
        return True
    target = node["reftarget"]
    objtype = ROLE_TYPES.get(node["reftype"], "object")
    ours = cast("EnhspecDomain", domain)
    other = ours.index.lookup(candidates(target, node.get(CURRENT_SPEC, ""), ours.cfg))
    hint = f" ({other.id} is a {other.objtype})" if other is not None else ""
    warn("unknown %s %r%s", Subtype.UNRESOLVED, node, objtype, target, hint)
    return True
