"""``enhspec new``: write a new spec with every section of the template, in reST or MyST."""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import jinja2

from ..config import DEFAULTS
from .numbering import next_id, spec_ids

API_EXAMPLE = '''class ExistingClass:
    def enhanced_method(self, new_param: Type) -> EnhancedReturnType:
        """Enhanced method with new functionality."""

    def new_method(self) -> NewReturnType:
        """Completely new method."""'''

RISKS = (("technical", 1, "Technical Risks"), ("user-adoption", 2, "User Adoption Risks"),
         ("compatibility", 3, "Compatibility Risks"))
UNDERLINES = {1: "=", 2: "-", 3: "~"}


class Format:
    """How headings, directives and code blocks are written in one markup language."""

    def __init__(self, name: str) -> None:
        self.name = name

    def heading(self, text: str, level: int) -> str:
        """A section heading of `level` (1 is the page title)."""
        if self.name == "md":
            return f"{'#' * level} {text}"
        return f"{text}\n{UNDERLINES[level] * len(text)}"

    def directive(self, name: str, argument: str, options: Mapping[str, str] | None = None,
                  body: str = "") -> str:
        """A directive with its options and body."""
        options = options or {}
        if self.name == "md":
            lines = [f"```{{{name}}} {argument}", *(f":{k}: {v}" for k, v in options.items())]
            if body:
                lines += ["", body]
            return "\n".join([*lines, "```"])
        lines = [f".. {name}:: {argument}", *(f"   :{k}: {v}" for k, v in options.items())]
        if body:
            lines += ["", *(f"   {line}" if line else "" for line in body.splitlines())]
        return "\n".join(lines)

    def code(self, language: str, text: str) -> str:
        """A code block."""
        if self.name == "md":
            return f"```{language}\n{text}\n```"
        indented = "\n".join(f"   {line}" if line else "" for line in text.splitlines())
        return f".. code-block:: {language}\n\n{indented}"


def render(spec_id: str, title: str, fmt: str, *, author: str, module: str,
           date: str) -> str:
    """The text of a new spec; its three phases are milestones four, eight and twelve weeks
    after `date`."""
    day = datetime.date.fromisoformat(date)
    template = resources.files("sphinxcontrib_enhspec").joinpath("templates/spec.jinja")
    template_text = template.read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    writer = Format(fmt)
    text = env.from_string(template_text).render(
        id=spec_id, title=title, author=author, module=module, date=date, risks=RISKS,
        due=[(day + datetime.timedelta(weeks=4 * n)).isoformat() for n in (1, 2, 3)],
        key=re.sub(r"\W", "_", spec_id.lower()),
        api=API_EXAMPLE, heading=writer.heading, directive=writer.directive, code=writer.code,
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


USAGE = "enhspec new (ID TITLE | --next TITLE) [--format rst|md] [--dir DIR] [options]"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``enhspec new (ID | --next) TITLE [--format rst|md] [--dir DIR]`` to the command
    line."""
    new = commands.add_parser("new", help="write a new enhancement spec from the template",
                              usage=USAGE)
    new.add_argument("id", nargs="?", help="the spec's ID, e.g. ENH-043")
    new.add_argument("title", nargs="?", help="the spec's title")
    new.add_argument("--next", action="store_true",
                     help="take the next free ID after the highest of the specs under --dir")
    new.add_argument("--format", choices=("rst", "md"), default="rst",
                     help="reStructuredText (default) or MyST Markdown")
    new.add_argument("--dir", type=Path, default=Path("."),
                     help="where to write the file (and, with --next, the sources to read)")
    new.add_argument("--author", default="[Name]", help="the spec's author")
    new.add_argument("--module", default="module", help="the module the spec changes")
    new.add_argument("--id-pattern", default=DEFAULTS["enhspec_spec_id_pattern"],
                     help="the project's enhspec_spec_id_pattern")
    new.set_defaults(run=run)


def chosen_id(args: argparse.Namespace) -> tuple[str, str] | str:
    """The spec's ID and title as given, or with ``--next`` the next free ID; else the
    reason they cannot be had."""
    if not args.next:
        if args.title is None:
            return "new needs an ID and a title, or --next and a title"
        return args.id, args.title
    if args.title is not None:
        return f"--next chooses the ID itself; give a title only, not {args.id!r} as well"
    if args.id is None:
        return "new --next needs a title"
    if args.dir.exists() and not args.dir.is_dir():
        return f"--dir {args.dir} is not a folder"
    try:
        return next_id(spec_ids(args.dir)), args.id
    except OSError as error:
        return f"cannot read the sources under {args.dir}: {error}"


def run(args: argparse.Namespace) -> int:
    """Write the spec; 0 on success, 2 (and nothing written) on unusable input."""
    chosen = chosen_id(args)
    if isinstance(chosen, str):
        print(f"enhspec: {chosen}", file=sys.stderr)
        return 2
    args.id, args.title = chosen
    if not re.search(args.id_pattern, args.id):
        print(f"enhspec: {args.id!r} does not match the spec ID pattern {args.id_pattern!r}",
              file=sys.stderr)
        return 2
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", args.module):
        print(f"enhspec: the module {args.module!r} must be one word", file=sys.stderr)
        return 2
    path = args.dir / f"{args.id.lower()}.{args.format}"
    text = render(args.id, " ".join(args.title.split()), args.format, author=args.author,
                  module=args.module, date=datetime.date.today().isoformat())
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        print(f"enhspec: {path} exists; not overwriting it", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"enhspec: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {path}; add it to a toctree to build it")
    return 0
