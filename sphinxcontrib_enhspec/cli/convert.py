"""``enhspec convert``: a spec in the template's plain Markdown, in the directive form."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from ..config import DEFAULTS
from ..convert import NoSpecIdError, convert

DESCRIPTION = """\
Turn a spec written in the template's plain Markdown into the directive form: its bold
metadata lines become the options of enhancement-spec, '- [ ] ER1: ...' items
requirements (a checked box is done), '[Risk]: [Mitigation]' bullets under the risk
headings risks, the numbered migration steps migration-step directives, the keys of the
configuration changes' YAML blocks config-change and the methods of the API changes'
Python blocks api-change directives. Every other line is kept as text; what could not be
placed is listed on standard error with its line. Exit 0 on success, 2 on unusable input.
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``enhspec convert SPEC.md [--format rst|md] [--id ID] [-o OUT]``."""
    command = commands.add_parser(
        "convert", help="turn a plain Markdown spec into the directive form",
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    command.add_argument("source", type=Path, metavar="SPEC.md",
                         help="the spec in the template's plain Markdown")
    command.add_argument("--format", choices=("rst", "md"), default="rst",
                         help="write reStructuredText (default) or MyST Markdown")
    command.add_argument("--id", dest="spec_id", metavar="ID",
                         help="the spec's ID (default: from the title, '# ENH-7: Title', "
                              "or an '**ID**:' line)")
    command.add_argument("-o", "--output", type=Path, metavar="OUT",
                         help="write here (atomically) instead of to standard output")
    command.add_argument("--id-pattern", default=DEFAULTS["enhspec_spec_id_pattern"],
                         help="the project's enhspec_spec_id_pattern")
    command.set_defaults(run=run)


def fail(reason: str) -> int:
    """Say why on one line of standard error; the exit status of unusable input."""
    print(f"enhspec convert: {reason}", file=sys.stderr)
    return 2


def read(path: Path) -> str:
    """The text of `path`; OSError or UnicodeDecodeError when it cannot be read."""
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder, not a file")
    return path.read_text(encoding="utf-8-sig")


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        # mkstemp makes the file private; give it the mode a plain write would have.
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.is_file() else
                 0o666 & ~current_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    """Convert; 0 on success, 2 when the input is unusable or the output unwritable."""
    try:
        pattern = re.compile(args.id_pattern)
    except re.error as error:
        return fail(f"--id-pattern {args.id_pattern!r} is not a regular expression ({error})")
    if args.spec_id is not None and not pattern.search(args.spec_id):
        return fail(f"--id {args.spec_id!r} does not match the spec ID pattern "
                    f"{args.id_pattern!r}")
    try:
        markdown = read(args.source)
    except UnicodeDecodeError:
        return fail(f"{args.source} is not UTF-8 text")
    except OSError as error:
        return fail(f"cannot read {args.source}: {error.strerror or error}")
    try:
        result = convert(markdown, args.format, args.spec_id, spec_pattern=args.id_pattern)
    except NoSpecIdError as error:
        return fail(f"{args.source}: {error}")
    if args.output is None:
        sys.stdout.write(result.text)
    else:
        try:
            write_atomically(args.output, result.text)
        except OSError as error:
            return fail(f"cannot write {args.output}: {error.strerror or error}")
    for note in result.notes:
        print(f"{args.source}:{note.line}: {note.message}", file=sys.stderr)
    return 0
