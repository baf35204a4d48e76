"""Random arguments, options and option values for every directive, in reST and MyST: the
build never crashes, every warning has a location, the directive either shows its block or
says why with an ``enhspec`` warning (never docutils' or MyST's directive errors), and no
value becomes markup in HTML or LaTeX."""

from __future__ import annotations

import json
import re
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from built_output import enhspec_parts
from fuzzing import search
from hypothesis import given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_enhspec.directives import DIRECTIVES

pytestmark = pytest.mark.requirement("ENH-100.ER3")

#: Characters that end a line for docutils (``str.splitlines``): a value holds none.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Markup that must reach the output as text: raw HTML and a LaTeX command.
HTML_SENTINEL = "<x-fuzz>"
LATEX_SENTINEL = "\\fuzzmacro"
SPECIAL = [
    "", " ", HTML_SENTINEL, f"{LATEX_SENTINEL}{{}}", "</div><script>x</script>", "]]>",
    "*emph*", "``lit``", "`role`", ":req:`ER1`", "{req}`ER1`", "|sub|", "[a, b]", "{a: 1}",
    "a: b", "- x", "&anchor", "*alias", "'quoted", '"quoted', "# comment", "a,,b", ",",
    "x[a,b", "ER1, ER1", "ENH-1", "ENH-1.ER1", "1.0", "2.0rc1", "not-a-version", "yes", "no",
    "Must", "DONE", "\x00", "\x1b[31m", "\u202e", "\ufeff", "💥", "²①",
]
VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters=LINE_BREAKS),
            max_size=30),
    st.text(alphabet="aZ09 ,.[]{}:`*_|\\<>&\"'-", max_size=30),
    st.integers(300, 3000).map(lambda n: "ab, [c] " * (n // 8)),
)
ARGUMENTS = st.one_of(
    VALUES,
    st.tuples(st.sampled_from(["ER2", "ENH-1.CR9", "ENH-7", "R5", "x.y", "ER2 ER3"]), VALUES)
    .map(" ".join),
)
#: Docutils' and MyST's own errors for a directive's shape, which enhspec reports instead.
FOREIGN = re.compile(r"Error in \"|argument\(s\) required|no content permitted|none permitted"
                     r"|Unknown directive|unknown option|invalid option")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LOCATED = re.compile(r"^(index|fuzz)\.(rst|md):\d+: (WARNING|ERROR|CRITICAL): ")
HOST = {
    "rst": "Fuzz\n====\n\n.. enhancement-spec:: ENH-1 Host\n   :release: 1.0\n\n"
           ".. requirement:: ER1 Host requirement\n\n",
    "md": "# Fuzz\n\n~~~{enhancement-spec} ENH-1 Host\n:release: 1.0\n~~~\n\n"
          "~~~{requirement} ER1 Host requirement\n~~~\n\n",
}
INDEX = {
    "rst": "Index\n=====\n\n.. toctree::\n\n   fuzz\n\n" + "".join(
        f".. {name}::\n\n" for name in ("traceability-matrix", "spec-index", "migration-guide",
                                         "config-changes")) + ".. risk-register::\n   :matrix:\n",
    "md": "# Index\n\n```{toctree}\nfuzz\n```\n\n" + "".join(
        f"```{{{name}}}\n```\n\n" for name in ("traceability-matrix", "spec-index",
                                               "migration-guide", "config-changes"))
          + "```{risk-register}\n:matrix:\n```\n",
}


@st.composite
def directives(draw: st.DrawFn) -> tuple[str, str, dict[str, str], bool]:
    """A directive name, its argument, options (known names and others) and whether it
    has a body."""
    name = draw(st.sampled_from(sorted(DIRECTIVES)))
    known = sorted(DIRECTIVES[name].option_spec.keys())
    names = draw(st.lists(st.sampled_from([*known, "class", "x-y"]), max_size=5, unique=True))
    options = {key: draw(VALUES) for key in names}
    return name, draw(ARGUMENTS), options, draw(st.booleans())


def write(name: str, argument: str, options: dict[str, str], body: bool, ext: str) -> str:
    """The fuzzed directive in its language; a mitigation stands inside a risk."""
    if ext == "md":
        lines = [f"~~~{{{name}}} {argument}", *(f":{k}: {v}" for k, v in options.items())]
        lines += ["", "A body."] if body else []
        text = "\n".join([*lines, "~~~", ""])
        return f"~~~~{{risk}} R9 Host risk\n{text}~~~~\n" if name == "mitigation" else text
    lines = [f".. {name}:: {argument}", *(f"   :{k}: {v}" for k, v in options.items())]
    lines += ["", "   A body."] if body else []
    text = "\n".join([*lines, ""])
    if name == "mitigation":
        text = ".. risk:: R9 Host risk\n\n" + "".join(f"   {line}\n" for line in text.split("\n"))
    return text


def check(ext: str, builder: str, directive: tuple[str, str, dict[str, str], bool]) -> None:
    name, argument, options, body = directive
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        extensions = '"sphinxcontrib_enhspec", "myst_parser"' if ext == "md" else \
            '"sphinxcontrib_enhspec"'
        (src / "conf.py").write_text(f"extensions = [{extensions}]\n", encoding="utf-8")
        (src / f"index.{ext}").write_text(INDEX[ext], encoding="utf-8")
        (src / f"fuzz.{ext}").write_text(HOST[ext] + write(name, argument, options, body, ext),
                                         encoding="utf-8")
        warnings = StringIO()
        # Sphinx 7 leaves the "[enhspec.subtype]" suffix out unless asked.
        app = SphinxTestApp(builder, srcdir=src, builddir=Path(tmp) / "out", status=StringIO(),
                            warning=warnings, confoverrides={"show_warning_types": True})
        try:
            app.build()
        finally:
            app.cleanup()
        text = ANSI.sub("", warnings.getvalue()).replace(str(src) + "/", "")
        lines = [line for line in text.splitlines() if line.strip()]
        # MyST-Parser 4.0 names the file of its own option warnings wrongly ("fuzz.md.rst").
        assert not [line for line in lines
                    if not LOCATED.match(line) and "[myst." not in line], lines
        assert not [line for line in lines
                    if FOREIGN.search(line) and "[enhspec." not in line], lines
        out = Path(app.outdir)
        if builder == "html":
            page = (out / "fuzz.html").read_text(encoding="utf-8")
            assert HTML_SENTINEL not in page
            assert HTML_SENTINEL not in (out / "index.html").read_text(encoding="utf-8")
            json.loads((out / "enhspec.json").read_text(encoding="utf-8"))
            # The host spec and requirement, and the fuzzed block or an enhspec warning.
            fuzzed = [line for line in lines if line.startswith("fuzz.") and "[enhspec." in line]
            assert fuzzed or len(enhspec_parts(page)) > 2, lines
        else:
            tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
            assert LATEX_SENTINEL not in tex


@given(directive=directives(), builder=st.sampled_from(["html", "latex"]))
@search(25)
def test_random_options_rst(directive: tuple[str, str, dict[str, str], bool], builder: str
                            ) -> None:
    check("rst", builder, directive)


@given(directive=directives(), builder=st.sampled_from(["html", "latex"]))
@search(25)
def test_random_options_myst(directive: tuple[str, str, dict[str, str], bool], builder: str
                             ) -> None:
    check("md", builder, directive)
