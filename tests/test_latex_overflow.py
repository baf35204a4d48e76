"""The CI check of the PDF: which overfull lines are the extension's, and when it fails."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / ".ci" / "latex_overflow.py"


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("latex_overflow", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["latex_overflow"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


TEX = r"""\begin{document}
\sphinxAtStartPar
Prose of the documentation.
\begin{sphinxuseclass}{enhspec}
\begin{sphinxuseclass}{enhspec-requirement}
\sphinxAtStartPar
Kind: enhancement · Verified by: \sphinxcode{\sphinxupquote{tests/test\_x.py}}
\end{sphinxuseclass}
\end{sphinxuseclass}\phantomsection\label{x}
\sphinxAtStartPar
More prose.
\begin{sphinxuseclass}{enhspec-table}
\begin{sphinxuseclass}{enhspec-matrix}
\begin{longtable}{\X{14}{44}\X{30}{44}}
\end{longtable}
\end{sphinxuseclass}
\end{sphinxuseclass}
\end{document}
"""

LOG = r"""This is pdfTeX, Version 3.141592653-2.6-1.40.24 (TeX Live 2022/Debian)
(./doc.tex
LaTeX2e <2022-11-01> patch level 1 (./sphinxmanual.cls
Document Class: sphinxmanual 2019/12/01 v2.3.0 Document class (Sphinx manual)
) (./doc.toc
Overfull \hbox (30.0pt too wide) in paragraph at lines 5--7
[]\T1/qtm/m/n/10 a line of the table of contents (with a parenthesis
 []

)
Overfull \hbox (20.5pt too wide) in paragraph at lines 2--3
[]\T1/qtm/m/n/10 prose) ((
 []

Overfull \hbox (12.25pt too wide) in paragraph at lines 6--7
\T1/txtt/m/n/10 py::test_x
 []

Overfull \hbox (9.5pt too wide) detected at line 14
 []

Package hyperref Warning: Token not allowed in a PDF string (Unicode):
(hyperref)                removing `math shift' on input line 9.

Overfull \hbox (60.0pt too wide) detected at line 15
 []

(./doc.ind) [12] )
"""


def test_the_files_and_lines_of_each_overfull_line(check):
    found = list(check.overfull_lines(LOG.splitlines()))
    assert [(o.points, o.file, o.first, o.last) for o in found] == [
        (30.0, "./doc.toc", 5, 7), (20.5, "./doc.tex", 2, 3), (12.25, "./doc.tex", 6, 7),
        (9.5, "./doc.tex", 14, 14), (60.0, "./doc.tex", 15, 15)]


def test_the_lines_of_the_extensions_environments(check):
    assert check.our_lines(TEX.splitlines()) == {4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17}


def test_fails_on_the_extensions_lines_only(check, tmp_path, capsys):
    (tmp_path / "doc.tex").write_text(TEX, encoding="utf-8")
    log = tmp_path / "doc.log"
    log.write_text(LOG, encoding="latin-1")
    assert check.main([str(log)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "5 overfull lines, 4 over 10 pt, 1 over 50 pt; "
        "2 of the extension's content over 10 pt",
        r"  12.2 pt too wide at doc.tex:6: \sphinxAtStartPar",
        r"  60.0 pt too wide at doc.tex:15: \end{longtable}",
    ]
    assert check.main([str(log), "--max-pt", "70"]) == 0
    # the prose and the table of contents are not the extension's
    log.write_text("\n".join(LOG.splitlines()[:13]) + "\n)\n", encoding="latin-1")
    assert check.main([str(log)]) == 0
