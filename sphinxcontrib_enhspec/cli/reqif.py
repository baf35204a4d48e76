"""``enhspec reqif``: write an export as ReqIF 1.2 for requirement-management tools."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

from ..dates import epoch_time
from ..exchange import ExchangeError, parse

#: The time every element of the file was changed last when ``SOURCE_DATE_EPOCH`` is unset:
#: a fixed one, so that exporting the same export twice gives the same file.
FIXED_TIME = "1970-01-01T00:00:00Z"
INSTALL = "pip install 'sphinxcontrib-enhspec[reqif]'"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``enhspec reqif EXPORT.json -o OUT.reqif`` to the command line."""
    reqif = commands.add_parser(
        "reqif", help="write an enhspec.json export as ReqIF 1.2",
        description="Write an enhspec.json export as ReqIF 1.2 (DOORS, Polarion, ReqIF "
                    "Studio): a specification per spec, its requirements and risks as spec "
                    "objects with every field, relations for depends, affects and "
                    "supersedes. Needs the reqif package: " + INSTALL + ".")
    reqif.add_argument("export", type=Path, metavar="EXPORT.json",
                       help="the enhspec.json a build wrote")
    reqif.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.reqif",
                       help="the ReqIF file to write, e.g. specs.reqif")
    reqif.set_defaults(run=run)


def fail(reason: str) -> int:
    """Say why on one line of standard error; the exit status of unusable input."""
    print(f"enhspec reqif: {reason}", file=sys.stderr)
    return 2


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a file beside it, so that no half file is left."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def run(args: argparse.Namespace) -> int:
    """Read the export, write the ReqIF file; 0 on success, 2 on unusable input."""
    if importlib.util.find_spec("reqif") is None:
        return fail(f"needs the reqif package: {INSTALL}")
    from reqif.unparser import ReqIFUnparser

    from .reqif_mapping import PHRASES, MappingError, to_reqif

    try:
        raw = args.export.read_bytes()
    except OSError as error:
        return fail(f"{args.export} cannot be read: {error.strerror or error}")
    try:
        export = parse(raw)
        when = epoch_time(os.environ.get("SOURCE_DATE_EPOCH"))
        mapped = to_reqif(export, when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else FIXED_TIME)
    except (ExchangeError, MappingError) as error:
        return fail(f"{args.export} {error}")
    except ValueError as error:
        return fail(str(error))
    output: Path = args.output
    if output.is_dir() or not (output.parent if str(output.parent) else Path(".")).is_dir():
        return fail(f"{output} is not a file in an existing folder")
    try:
        write_atomically(output, ReqIFUnparser.unparse(mapped.bundle))
    except OSError as error:
        return fail(f"{output} cannot be written: {error.strerror or error}")
    for source, link, target in mapped.outside:
        print(f"enhspec reqif: {source} {PHRASES[link]} {target}, which is not in the export; "
              f"kept as text only", file=sys.stderr)
    print(f"wrote {output}: {mapped.specifications} specifications, {mapped.objects} spec "
          f"objects, {mapped.relations} relations")
    return 0
