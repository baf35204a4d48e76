"""``-j 2`` gives what a serial build gives: records, warnings, pages, inventory."""

from __future__ import annotations

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.PR1")


#: (duplicate, first definition, unknown role) per root.
LINES = {"parallel": ("spec-12.rst:40", "spec-01.rst:11", "spec-12.rst:42"),
         "parallel-myst": ("spec-12.md:46", "spec-01.md:11", "spec-12.md:49")}


def pages(project):
    return {path.relative_to(project.outdir).as_posix(): path.read_bytes()
            for path in sorted(project.outdir.rglob("*"))
            if path.is_file() and path.suffix in {".html", ".inv", ".js", ".svg"}}


@pytest.mark.parametrize("root", ["parallel", "parallel-myst"])
def test_parallel_build_equals_serial(build, root):
    serial = build(root)
    parallel = build(root, parallel=2)
    assert parallel.app.parallel == 2
    serial_index, parallel_index = serial.domain.catalog, parallel.domain.catalog
    assert len(serial_index.objects) == 12 * 6 + 1  # and a milestone
    assert serial_index.api_changes == parallel_index.api_changes
    assert serial_index.tasks == parallel_index.tasks and len(serial_index.tasks) == 3
    assert serial_index.objects == parallel_index.objects
    assert serial_index.config_changes == parallel_index.config_changes
    assert serial.domain.records == parallel.domain.records
    duplicate, first, role = LINES[root]
    expected = [
        f"{duplicate}: WARNING: duplicate ID 'ENH-101.ER1': also defined at {first} "
        "[enhspec.duplicate]",
        f"{role}: WARNING: unknown requirement 'ENH-999.ER1' [enhspec.unresolved]",
    ]
    assert serial.warnings() == expected
    assert sorted(parallel.warnings()) == sorted(expected)
    assert pages(serial) == pages(parallel)


@pytest.mark.parametrize("root", ["collections", "collections-myst", "graph", "graph-myst",
                                  "changes", "changes-myst"])
def test_parallel_collections_equal_serial(build, root):
    serial = build(root)
    parallel = build(root, parallel=2)
    assert serial.warnings() == parallel.warnings() == []
    assert pages(serial) == pages(parallel)
