"""The sdist and the wheel, built as ``make dist`` builds them: what they carry."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from email import message_from_string
from pathlib import Path

import pytest

from sphinxcontrib_enhspec.__about__ import __version__

ROOT = Path(__file__).parents[1]
PACKAGE = "sphinxcontrib_enhspec"
#: Files the extension reads at run time, besides its modules.
DATA = ["py.typed", "schema/enhspec.schema.json", "static/enhspec.css", "static/enhspec.js",
        "templates/spec.jinja"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel built from this checkout (the wheel from the sdist)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    sdist, = out.glob("*.tar.gz")
    wheel, = out.glob("*.whl")
    return sdist, wheel


def test_the_wheel_carries_the_license_and_the_data(dist):
    _, wheel = dist
    assert wheel.name == f"{PACKAGE}-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"{PACKAGE}-{__version__}.dist-info"
        assert f"{info}/licenses/LICENSE" in names
        assert {f"{PACKAGE}/{name}" for name in DATA} <= names
        assert f"{PACKAGE}/cli/reqif.py" in names
        assert not [n for n in names if n.startswith(("tests/", "docs/"))]
        metadata = message_from_string(archive.read(f"{info}/METADATA").decode())
        license_text = archive.read(f"{info}/licenses/LICENSE").decode()
    assert license_text.startswith("MIT License\n\nCopyright (c) 2026 The sphinxcontrib-enhspec "
                                   "developers\n")
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Version"] == __version__
    assert 'reqif>=0.1.0; extra == "reqif"' in metadata.get_all("Requires-Dist")
    # PyPI shows the README as the description: no image or link may be relative there.
    description = metadata.get_payload()
    assert "make docs" in description
    targets = re.findall(r"\]\(([^)]*)\)", description)
    assert all(t.startswith("https://") for t in targets), targets


def test_the_sdist_carries_the_license_changelog_tests_and_docs(dist):
    sdist, _ = dist
    top = f"{PACKAGE.replace('_', '-')}-{__version__}"
    assert sdist.name in (f"{top}.tar.gz", f"{PACKAGE}-{__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names
    assert {f"{PACKAGE}/{name}" for name in DATA} <= names
    assert {"tests/conftest.py", "tests/roots/test-basic/conf.py",
            "tests/exports/basic-v1.json", "docs/conf.py", "docs/requirement-tools.rst",
            "docs/releasing.rst"} <= names
    assert not [n for n in names if "__pycache__" in n or n.startswith("docs/_build")]
