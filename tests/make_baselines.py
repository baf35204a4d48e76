"""Write the baselines of the ``test-changes`` roots: each root is copied, taken back to its
earlier state by the edits below, built, and its ``enhspec.json`` kept as
``baselines/enhspec-1.0.json``.

Run from the repository: ``python tests/make_baselines.py``. Rerun it after changing what
the earlier state holds; the tests assert on the differences these edits make.

``python tests/make_baselines.py --docs BUILD/enhspec.json`` writes the documentation's
baseline, ``docs/examples/baseline.json``: the objects of the example specs
(``docs/examples/``) of a build of the docs. It was made once, from the examples as they
were before the edits that its ``changes`` page shows; do not rerun it, or the page shows
no changes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOTS = Path(__file__).parent / "roots"

#: (file stem, text now, text in the earlier state); the file's suffix is the root's.
EARLIER = [
    # ENH-1 was proposed, and ER1 was open under a shorter title.
    ("enh-1", ":status: approved", ":status: proposed"),
    ("enh-1", "ER1 Export runs in parallel workers\n", "ER1 Export runs in parallel\n"),
    ("enh-1", ":status: done", ":status: open"),
    # CR1's body said less.
    ("enh-1", "are still read.", "are read."),
]
#: PR1 was not written yet; a risk R2 was (added at the end of enh-1).
PR1 = {"rst": ".. requirement:: PR1", "md": "```{requirement} PR1"}
R2 = {
    "rst": "\n.. risk:: R2 Memory use grows with workers\n   :category: technical\n",
    "md": "\n```{risk} R2 Memory use grows with workers\n:category: technical\n```\n",
}


def earlier(text: str, suffix: str) -> str:
    """`text` of ``enh-1`` as it was: PR1 left out, R2 added."""
    start = text.index(PR1[suffix])
    end = text.index("\n\n", text.index("\n\n", start) + 2) + 2
    return text[:start] + text[end:] + R2[suffix]


def make(root: str) -> None:
    """Build `root` in its earlier state and keep the export as its baseline."""
    source = ROOTS / root
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(source, copy)
        suffix = "md" if root.endswith("myst") else "rst"
        page = copy / f"enh-1.{suffix}"
        text = page.read_text(encoding="utf-8")
        for stem, now, before in EARLIER:
            assert stem == "enh-1" and now in text, (root, now)
            text = text.replace(now, before, 1)
        page.write_text(earlier(text, suffix), encoding="utf-8")
        out = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(copy), str(out)],
                       check=True)
        shutil.copy(out / "enhspec.json", source / "baselines" / "enhspec-1.0.json")


def examples(export: Path) -> None:
    """Keep the example specs' objects of a build's export as the docs' baseline."""
    data = json.loads(export.read_text(encoding="utf-8"))
    for key, value in data.items():
        if isinstance(value, list):
            data[key] = [entry for entry in value
                         if str(entry.get("docname", "")).startswith("examples/")]
    target = Path(__file__).parent.parent / "docs" / "examples" / "baseline.json"
    target.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--docs"]:
        examples(Path(sys.argv[2]))
    else:
        for name in ("test-changes", "test-changes-myst"):
            make(name)
