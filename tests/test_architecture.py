"""The rules of the house that import-linter's contracts do not state: levels, sizes, handlers.

Layers, "nothing below the domain imports it" and "no circles" are contracts in
pyproject.toml, checked by ``lint-imports`` in ``make lint``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

import grimp
import pytest

PACKAGE = "sphinxcontrib_enhspec"
ROOT = Path(__file__).parent.parent / PACKAGE
MAX_LEVELS = 6
MAX_LINES = 300
MAX_HANDLERS = 4


def _room(module: str) -> str:
    """A module's top-level place in the package: the module itself, or its folder."""
    parts = module.split(".")
    return ".".join(parts[:2])


@cache
def _rooms() -> dict[str, set[str]]:
    """Each top-level module or folder -> the ones it imports (type-only imports included)."""
    graph = grimp.build_graph(PACKAGE)
    edges: dict[str, set[str]] = defaultdict(set)
    for module in graph.modules:
        edges[_room(module)]
        for imported in graph.find_modules_directly_imported_by(module):
            if _room(imported) != _room(module):
                edges[_room(module)].add(_room(imported))
    return dict(edges)


def levels(edges: dict[str, set[str]]) -> dict[str, int]:
    """The level of each node of an acyclic graph: 1 for one that imports nothing."""
    level: dict[str, int] = {}

    def of(node: str, path: tuple[str, ...]) -> int:
        if node in path:
            raise ValueError(f"circle: {' -> '.join((*path, node))}")
        if node not in level:
            level[node] = 1 + max((of(n, (*path, node)) for n in edges.get(node, ())),
                                  default=0)
        return level[node]

    for node in edges:
        of(node, ())
    return level


def test_levels_of_a_small_graph() -> None:
    assert levels({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == {"a": 3, "b": 2, "c": 1}
    with pytest.raises(ValueError, match="circle: a -> b -> a"):
        levels({"a": {"b"}, "b": {"a"}})


def test_at_most_six_levels() -> None:
    found = levels(_rooms())
    assert max(found.values()) <= MAX_LEVELS, sorted(found.items(), key=lambda i: -i[1])
    # The vocabulary imports nothing of the package.
    for name in ("model", "settings", "warnings", "versions", "nodes"):
        assert found[f"{PACKAGE}.{name}"] == 1, name


def test_no_module_over_300_lines_and_no_folder_over_a_quarter() -> None:
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines())
             for path in ROOT.rglob("*.py")}
    too_long = {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > MAX_LINES}
    assert not too_long
    total = sum(sizes.values())
    for folder in (p for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        share = sum(n for p, n in sizes.items() if folder in p.parents) / total
        assert share <= 0.25, (folder.name, share)


def test_at_most_four_event_handlers(make_app, tmp_path) -> None:
    """Besides the post-transforms; Sphinx before 9.1 needs one more to copy the assets."""
    (tmp_path / "conf.py").write_text('extensions = ["sphinxcontrib_enhspec"]\n')
    (tmp_path / "index.rst").write_text("Index\n=====\n")
    app = make_app("html", srcdir=tmp_path)
    ours = [listener.handler for listeners in app.events.listeners.values()
            for listener in listeners
            if listener.handler.__module__.startswith(PACKAGE)]
    allowed = MAX_HANDLERS + (0 if hasattr(app, "add_static_dir") else 1)
    assert len(ours) <= allowed, [f"{h.__module__}.{h.__name__}" for h in ours]
