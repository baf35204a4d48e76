"""Write the baselines of the ``test-changes`` roots: each root is copied, taken back to its
earlier state by the edits below, built, and its ``enhspec.json`` kept as
``baselines/enhspec-1.0.json``.

Run from the repository: ``python tests/make_baselines.py``. Rerun it after changing what
the earlier state holds; the tests assert on the differences these edits make.
"""

from __future__ import annotations

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
    ("enh-1", "is still read.", "is read."),
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


if __name__ == "__main__":
    for name in ("test-changes", "test-changes-myst"):
        make(name)
