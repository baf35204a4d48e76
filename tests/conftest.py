"""Builds of the test roots in fresh temporary copies, and what users see of them."""

from __future__ import annotations

import inspect
import os
import pickle
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest
from docutils import nodes
from html_tables import Table, read_tables
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_enhspec.domain import EnhspecDomain

pytest_plugins = ["sphinx.testing.fixtures"]
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the ``test-*`` roots live."""
    return ROOTS


@dataclass
class Project:
    """One build of a copied test root."""

    app: SphinxTestApp
    srcdir: Path

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def warnings(self) -> list[str]:
        """The warning lines, with the source folder taken off the paths."""
        text = ANSI.sub("", self.app.warning.getvalue())
        text = text.replace(str(self.srcdir) + os.sep, "")
        return [line for line in text.splitlines() if line.strip()]

    @property
    def domain(self) -> EnhspecDomain:
        return cast("EnhspecDomain", self.app.env.domains["enhspec"])

    def doctree(self, docname: str) -> nodes.document:
        """The pickled doctree of `docname`, as read (before post-transforms)."""
        path = Path(self.app.doctreedir) / f"{docname}.doctree"
        with path.open("rb") as f:
            return cast("nodes.document", pickle.load(f))

    def resolved(self, docname: str) -> nodes.document:
        """The doctree of `docname` as written: collections filled, links resolved."""
        env = self.app.env
        extra = {}
        if "tags" in inspect.signature(env.get_and_resolve_doctree).parameters:
            extra["tags"] = self.app.tags  # required from Sphinx 11
        return env.get_and_resolve_doctree(docname, self.app.builder, **extra)

    def tables(self, docname: str, kind: str) -> list[list[list[str]]]:
        """The text of each cell of each ``enhspec-<kind>`` table, header row first: as the
        HTML page shows it for HTML builders, else as the resolved doctree holds it."""
        if self.app.builder.format == "html":
            return [table.texts() for table in self.html_tables(docname)
                    if f"enhspec-{kind}" in table.classes]
        return [
            [[entry.astext() for entry in row.findall(nodes.entry)]
             for row in table.findall(nodes.row)]
            for table in self.resolved(docname).findall(nodes.table)
            if f"enhspec-{kind}" in table["classes"]
        ]

    def html_tables(self, docname: str) -> list[Table]:
        """The tables of a written HTML page."""
        target = self.app.builder.get_target_uri(docname)
        if target.startswith("#"):  # singlehtml: one page holds every document
            target = f"{self.app.config.root_doc}.html"
        path = self.outdir / target
        if path.is_dir() or not path.suffix:  # dirhtml
            path = path / "index.html"
        return read_tables(path.read_text(encoding="utf-8"))

    def text(self, name: str) -> str:
        """A file of the output folder."""
        return (self.outdir / name).read_text(encoding="utf-8")

    def blocks(self, docname: str) -> str:
        """The enhspec blocks of a document's doctree, pretty-printed."""
        return "\n".join(
            node.pformat()
            for node in self.doctree(docname).findall(nodes.container)
            if "enhspec" in node["classes"]
        )


Build = Callable[..., Project]


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Build:
    """Copy a root to a fresh folder and build it; call again with ``srcdir=`` to rebuild."""

    def _build(
        root: str,
        builder: str = "html",
        *,
        srcdir: Path | None = None,
        parallel: int = 0,
        confoverrides: dict[str, Any] | None = None,
        freshenv: bool = True,
        **kwargs: Any,
    ) -> Project:
        if srcdir is None:
            srcdir = tmp_path / root
            serial = 1
            while srcdir.exists():
                serial += 1
                srcdir = tmp_path / f"{root}-{serial}"
            shutil.copytree(ROOTS / f"test-{root}", srcdir)
        app = make_app(
            builder, srcdir=srcdir, parallel=parallel, freshenv=freshenv,
            # Sphinx 7 leaves the "[enhspec.subtype]" suffix out unless asked.
            confoverrides={"show_warning_types": True, **(confoverrides or {})}, **kwargs,
        )
        app.build()
        # Release docutils' global registries now, so that a second build in the same
        # test starts as clean as the first.
        app.cleanup()
        return Project(app, srcdir)

    return _build


def twins(root: str) -> Any:
    """Parametrize a test over a reST root and its MyST twin."""
    return pytest.mark.parametrize("root", [root, f"{root}-myst"])
