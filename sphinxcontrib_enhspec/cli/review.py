"""``enhspec review``: record what was reviewed in the reviews file, from a build's export."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..derive.suspect import spec_fingerprint
from ..exchange import FILENAME, READABLE_VERSIONS
from ..model import Reviews
from ..sources.reviews import DEFAULT_FILE, dumps, parse

#: Where ``sphinx-build -b html docs docs/_build/html`` run in ``docs`` writes the export.
DEFAULT_EXPORT = f"_build/html/{FILENAME}"
#: The export's lists that hold link sources, and the field that holds their targets.
LINKS = {"requirements": "depends", "risks": "affects"}


class ReviewError(Exception):
    """Input that cannot be used; the message is the one line the user sees."""


@dataclass
class Exported:
    """What a review needs of an export: fingerprints, links and each spec's members."""

    #: Object ID -> its kind (``spec``, ``requirement``, ``risk``) and spec ('' for none).
    objects: dict[str, tuple[str, str]] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    #: Source ID -> the full IDs its ``:depends:`` or ``:affects:`` names.
    links: dict[str, list[str]] = field(default_factory=dict)
    #: Spec ID -> its requirements and risks.
    members: dict[str, list[str]] = field(default_factory=dict)

    def spec_fingerprint(self, spec: str) -> str:
        """The fingerprint of `spec` with all its requirements, as the build computes it."""
        reqs = [(i, self.fingerprints[i]) for i in self.members.get(spec, [])
                if self.objects[i][0] == "requirement"]
        return spec_fingerprint(self.fingerprints[spec], reqs)


def _entry(entry: Any, key: str, path: str) -> tuple[str, str, str]:
    """(ID, fingerprint, spec) of an export entry, or why it cannot be used."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise ReviewError(f"{path} has an entry without an ID in {key!r}")
    if not isinstance(entry.get("fingerprint"), str):
        raise ReviewError(f"{path} has no fingerprints ({entry['id']}); build it again with "
                          "this version of sphinxcontrib-enhspec")
    return entry["id"], entry["fingerprint"], str(entry.get("spec") or "")


def read_export(path: str) -> Exported:
    """The specs, requirements and risks of the export at `path`."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as error:
        raise ReviewError(f"cannot read the export {path}: {error.strerror or error}; build "
                          "the documentation first, or give --export") from error
    except ValueError as error:
        raise ReviewError(f"the export {path} is not JSON: {error}") from error
    if not isinstance(data, dict) or data.get("schema_version") not in READABLE_VERSIONS:
        raise ReviewError(f"{path} is not an enhspec export of schema version "
                          + " or ".join(map(str, READABLE_VERSIONS)))
    out = Exported()
    for key, kind in (("specs", "spec"), ("requirements", "requirement"), ("risks", "risk")):
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise ReviewError(f"{path} has no list of {key}")
        for entry in entries:
            ident, fingerprint, spec = _entry(entry, key, path)
            out.objects[ident] = (kind, "" if kind == "spec" else spec)
            out.fingerprints[ident] = fingerprint
            if key in LINKS:
                out.members.setdefault(spec, []).append(ident)
                targets = entry.get(LINKS[key]) or []
                if not isinstance(targets, list):
                    raise ReviewError(f"{path}: {ident} has no list of {LINKS[key]}")
                out.links[ident] = [str(target) for target in targets]
    return out


def _is_local(ident: str, spec: str, name: str) -> bool:
    """Whether `name` is the local ID of `ident`, the full ID of an object of `spec`."""
    if not spec or not ident.startswith(spec) or not ident.endswith(name):
        return False
    separator = ident[len(spec):len(ident) - len(name)]
    return bool(separator) and not any(c.isalnum() for c in separator)


def resolve(exported: Exported, names: Sequence[str]) -> list[str]:
    """The full IDs of the named specs, requirements and risks (a local ID when unique)."""
    found, unknown = [], []
    for name in names:
        if name in exported.objects:
            found.append(name)
            continue
        hits = [i for i, (_, spec) in exported.objects.items() if _is_local(i, spec, name)]
        if len(hits) > 1:
            raise ReviewError(f"{name} names {', '.join(sorted(hits))}; give the full ID")
        if hits:
            found.extend(hits)
        else:
            unknown.append(name)
    if unknown:
        raise ReviewError("the export has no spec, requirement or risk "
                          + ", ".join(repr(name) for name in unknown))
    return found


def review(old: Reviews, exported: Exported, named: Sequence[str], everything: bool
           ) -> tuple[Reviews, list[str]]:
    """The records after reviewing `named` (or everything), and the links left out because
    their target is not in the export (another project's object, or an unknown ID)."""
    specs = [i for i in exported.objects if exported.objects[i][0] == "spec"] if everything \
        else [i for i in named if exported.objects[i][0] == "spec"]
    sources = list(exported.links) if everything else list(dict.fromkeys(
        [*(i for i in named if i in exported.links),
         *(member for spec in specs for member in exported.members.get(spec, []))]))
    new = Reviews() if everything else Reviews(
        {link: fp for link, fp in old.links.items() if link[0] not in sources},
        dict(old.specs))
    skipped = []
    for source in sources:
        for target in exported.links[source]:
            if target in exported.fingerprints:
                new.links[(source, target)] = exported.fingerprints[target]
            else:
                skipped.append(f"{source} -> {target}")
    for spec in specs:
        new.specs[spec] = exported.spec_fingerprint(spec)
    return new, skipped


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` by `text` at once: readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     prefix=f".{path.name}.", suffix=".tmp") as stream:
        stream.write(text)
    try:
        os.replace(stream.name, path)
    except OSError:
        os.unlink(stream.name)
        raise


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``enhspec review [ID ...] [--all] [--export PATH] [--file PATH]``."""
    cmd = commands.add_parser(
        "review", help="record links and specs as reviewed, from a build's export",
        description="Record in the reviews file the fingerprints of the named requirements' "
                    "and risks' link targets, or of the named specs with all their "
                    "requirements and risks, as a build's export has them.")
    cmd.add_argument("ids", nargs="*", metavar="ID",
                     help="a spec, requirement or risk (full ID, or local ID when unique)")
    cmd.add_argument("--all", action="store_true", help="review every link and every spec")
    cmd.add_argument("--export", default=DEFAULT_EXPORT,
                     help=f"the build's export (default: {DEFAULT_EXPORT})")
    cmd.add_argument("--file", default=DEFAULT_FILE,
                     help=f"the reviews file to update (default: {DEFAULT_FILE})")
    cmd.set_defaults(run=run)


def _update(args: argparse.Namespace) -> str:
    """Update the file; what was done, in one line."""
    if bool(args.ids) == args.all:
        raise ReviewError("name the specs, requirements or risks to review, or give --all "
                          "(not both)")
    path = Path(args.file)
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, ValueError) as error:
        raise ReviewError(f"cannot read {path}: {error}") from error
    old, problems = parse(before)
    if problems:
        raise ReviewError(f"{path}:{problems[0].lineno}: {problems[0].message}; fix the "
                          "line, the file is left as it was")
    exported = read_export(args.export)
    new, skipped = review(old, exported, resolve(exported, args.ids), args.all)
    for link in skipped:
        print(f"enhspec: not recorded, the export has no {link.split(' -> ')[1]!r}: {link}",
              file=sys.stderr)
    after = dumps(new)
    if after != before:
        try:
            write_atomically(path, after)
        except OSError as error:
            raise ReviewError(f"cannot write {path}: {error}") from error
    written = len(set(after.splitlines()) - set(before.splitlines()))
    return (f"{path}: {written} records written; {len(new.links)} links and "
            f"{len(new.specs)} specs recorded in all")


def run(args: argparse.Namespace) -> int:
    """0 when the file was updated, 2 on input that cannot be used."""
    try:
        print(_update(args))
    except ReviewError as error:
        print(f"enhspec: {error}", file=sys.stderr)
        return 2
    return 0
