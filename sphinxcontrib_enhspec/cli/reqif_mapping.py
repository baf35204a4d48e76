"""An enhspec export as a ReqIF 1.2 bundle of the ``reqif`` library's objects: a spec object
per spec, requirement and risk carrying every field, a relation per link, a specification
per spec."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from reqif.models.reqif_core_content import ReqIFCoreContent
from reqif.models.reqif_data_type import (
    ReqIFDataTypeDefinitionBoolean,
    ReqIFDataTypeDefinitionInteger,
    ReqIFDataTypeDefinitionString,
)
from reqif.models.reqif_namespace_info import ReqIFNamespaceInfo
from reqif.models.reqif_req_if_content import ReqIFReqIFContent
from reqif.models.reqif_reqif_header import ReqIFReqIFHeader
from reqif.models.reqif_spec_hierarchy import ReqIFSpecHierarchy
from reqif.models.reqif_spec_object import ReqIFSpecObject, SpecObjectAttribute
from reqif.models.reqif_spec_object_type import ReqIFSpecObjectType, SpecAttributeDefinition
from reqif.models.reqif_spec_relation import ReqIFSpecRelation
from reqif.models.reqif_spec_relation_type import ReqIFSpecRelationType
from reqif.models.reqif_specification import ReqIFSpecification
from reqif.models.reqif_specification_type import ReqIFSpecificationType
from reqif.models.reqif_types import SpecObjectAttributeType
from reqif.object_lookup import ReqIFObjectLookup
from reqif.reqif_bundle import ReqIFBundle

from ..__about__ import __version__

#: The export's lists that become spec objects, and the name of their spec object type.
KINDS = {"specs": "spec", "requirements": "requirement", "risks": "risk"}
#: The field of each list whose IDs become relations.
LINKS = {"specs": "supersedes", "requirements": "depends", "risks": "affects"}
PHRASES = {"supersedes": "supersedes", "depends": "depends on", "affects": "affects"}
#: Fields written under the names requirement tools map to their own columns.
STANDARD_NAMES = {"id": "ReqIF.ForeignID", "title": "ReqIF.Name", "text": "ReqIF.Text"}
SPEC_STANDARD_NAMES = {**STANDARD_NAMES, "title": "ReqIF.ChapterName"}
#: The range of ReqIF integers that tools read as 32-bit numbers.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
MIN_MAX_LENGTH = 32000
UNASSIGNED = "enhspec-unassigned"
_KEEP = re.compile(r"[A-Za-z0-9.-]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What an XML reader makes of them in an attribute value anyway: a space each.
_BREAKS = re.compile("[\t\n\r]")
_TOOL_NAME = re.compile(r"^[\w .+-]*$")
TYPES = {
    "string": SpecObjectAttributeType.STRING,
    "integer": SpecObjectAttributeType.INTEGER,
    "boolean": SpecObjectAttributeType.BOOLEAN,
}


class MappingError(Exception):
    """An export that has no ReqIF form: an object without an ID, or two with one ID."""


def escape(text: str) -> str:
    """`text` as part of an XML name: letters, digits, ``.`` and ``-`` kept, every other
    character (``_`` too, so that no two texts meet) written ``_<hex>_``."""
    return "".join(c if _KEEP.match(c) else f"_{ord(c):x}_" for c in text)


def object_ref(object_id: str) -> str:
    """The ReqIF identifier of the spec object of `object_id`."""
    return f"obj-{escape(object_id)}"


def specification_ref(spec_id: str) -> str:
    """The ReqIF identifier of the specification of spec `spec_id`."""
    return f"spc-{escape(spec_id)}"


def relation_ref(link: str, source: str, target: str) -> str:
    """The ReqIF identifier of the `link` relation from `source` to `target`."""
    both = f"{source}\n{target}".encode(errors="surrogatepass")
    digest = hashlib.sha256(both).hexdigest()[:16]
    return f"rel-{link}-{digest}"


def attribute_name(kind: str, name: str) -> str:
    """The long name of field `name` of a `kind` object in the ReqIF file."""
    names = SPEC_STANDARD_NAMES if kind == "spec" else STANDARD_NAMES
    return names.get(name, text(name))


def datatype(values: list[Any]) -> str:
    """The ReqIF datatype of a field with `values`: boolean, integer or string."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) and INT_MIN <= v <= INT_MAX
                       for v in present):
        return "integer"
    return "string"


def text(value: Any) -> str:
    """A value as ReqIF text: a text as it is, a list of texts joined by ``, ``, anything
    else as JSON; tabs and line breaks become spaces, characters XML cannot hold U+FFFD."""
    if isinstance(value, str):
        out = value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        out = ", ".join(value)
    else:
        out = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return _NOT_XML.sub("\ufffd", _BREAKS.sub(" ", out))


def header_title(project: Any) -> str:
    """The project's name as the file's title; ``<`` and ``>`` become single angle
    quotation marks, as the reqif library writes the title escaping ``&`` only."""
    return text(project or "enhspec export").translate({ord("<"): "\u2039", ord(">"): "\u203a"})


def value_of(kind: str, value: Any) -> str:
    """`value` written as an attribute value of datatype `kind`."""
    if kind == "boolean":
        return "true" if value else "false"
    return str(value) if kind == "integer" else text(value)


@dataclass
class Mapped:
    """The bundle, and what went into it."""

    bundle: ReqIFBundle
    specifications: int = 0
    objects: int = 0
    relations: int = 0
    #: Links to objects that are not in the export: (source, field, target).
    outside: list[tuple[str, str, str]] = field(default_factory=list)


def _entries(export: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The objects of each list, each checked to have an ID no other object has."""
    seen: set[str] = set()
    out: dict[str, list[dict[str, Any]]] = {}
    for key in KINDS:
        out[key] = []
        for entry in export.get(key, []):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) \
                    or not entry["id"]:
                raise MappingError(f"has an object in {key} without an ID")
            if entry["id"] in seen:
                raise MappingError(f"has two objects with the ID {entry['id']}")
            seen.add(entry["id"])
            out[key].append(entry)
    return out


def _object_type(key: str, entries: list[dict[str, Any]], when: str
                 ) -> tuple[ReqIFSpecObjectType, dict[str, str]]:
    """The spec object type of one list and the datatype of each of its fields."""
    kind = KINDS[key]
    names = {name for entry in entries for name in entry}
    first = [n for n in ("id", "title", "text") if n in names]
    order = first + sorted(names - set(first))
    types = {name: datatype([e.get(name) for e in entries]) for name in order}
    definitions = [
        SpecAttributeDefinition(
            attribute_type=TYPES[types[name]], identifier=f"attr-{kind}-{escape(name)}",
            datatype_definition=f"dt-{types[name]}", long_name=attribute_name(kind, name),
            last_change=when)
        for name in order]
    spec_type = ReqIFSpecObjectType(identifier=f"type-{kind}", long_name=kind.capitalize(),
                                    last_change=when, attribute_definitions=definitions)
    return spec_type, types


def _spec_object(kind: str, entry: dict[str, Any], types: dict[str, str], when: str
                 ) -> ReqIFSpecObject:
    """One object with every field that has a value."""
    attributes = [
        SpecObjectAttribute(attribute_type=TYPES[types[name]],
                            definition_ref=f"attr-{kind}-{escape(name)}",
                            value=value_of(types[name], entry[name]))
        for name in types if entry.get(name) is not None]
    return ReqIFSpecObject(identifier=object_ref(entry["id"]), attributes=attributes,
                           spec_object_type=f"type-{kind}", last_change=when)


def _datatypes(texts: list[str], when: str) -> list[Any]:
    """The three datatypes; the texts' one is long enough for the longest of `texts`."""
    longest = max([MIN_MAX_LENGTH, *map(len, texts)])
    return [
        ReqIFDataTypeDefinitionString(identifier="dt-string", long_name="Text",
                                      last_change=when, max_length=str(longest)),
        ReqIFDataTypeDefinitionInteger(identifier="dt-integer", long_name="Integer",
                                       last_change=when, max_value=str(INT_MAX),
                                       min_value=str(INT_MIN)),
        ReqIFDataTypeDefinitionBoolean(identifier="dt-boolean", long_name="Boolean",
                                       last_change=when),
    ]


def _hierarchy(object_id: str, level: int, when: str,
               children: list[ReqIFSpecHierarchy] | None = None) -> ReqIFSpecHierarchy:
    """The place of `object_id` in a specification, at `level` (1 is the top)."""
    return ReqIFSpecHierarchy(identifier=f"sh-{escape(object_id)}",
                              spec_object=object_ref(object_id), level=level,
                              children=children or None, last_change=when)


def _specifications(entries: dict[str, list[dict[str, Any]]], when: str
                    ) -> list[ReqIFSpecification]:
    """A specification per spec: the spec, and under it its requirements and risks; the
    objects of no exported spec in one more."""
    specs = {s["id"]: s for s in entries["specs"]}
    members: dict[str, list[str]] = {spec_id: [] for spec_id in specs}
    unassigned: list[str] = []
    for key in ("requirements", "risks"):
        for entry in entries[key]:
            spec = entry.get("spec")
            members.get(spec if isinstance(spec, str) else "", unassigned).append(entry["id"])
    out = []
    for spec_id, spec in specs.items():
        children = [_hierarchy(m, 2, when) for m in members[spec_id]]
        out.append(ReqIFSpecification(
            identifier=specification_ref(spec_id), last_change=when,
            long_name=text(f"{spec_id} {text(spec.get('title') or '')}".strip()),
            specification_type="type-specification",
            children=[_hierarchy(spec_id, 1, when, children)]))
    if unassigned:
        out.append(ReqIFSpecification(
            identifier=UNASSIGNED, last_change=when, long_name="Objects of no spec",
            specification_type="type-specification",
            children=[_hierarchy(m, 1, when) for m in unassigned]))
    return out


def _relations(entries: dict[str, list[dict[str, Any]]], when: str,
               outside: list[tuple[str, str, str]]) -> list[ReqIFSpecRelation]:
    """A relation per link whose target is in the export; the others added to `outside`."""
    known = {e["id"] for objects in entries.values() for e in objects}
    out = []
    for key, link in LINKS.items():
        for entry in entries[key]:
            targets = entry.get(link)
            if not isinstance(targets, list):
                continue
            for target in dict.fromkeys(t for t in targets if isinstance(t, str)):
                if target not in known:
                    outside.append((entry["id"], link, target))
                    continue
                out.append(ReqIFSpecRelation(
                    identifier=relation_ref(link, entry["id"], target),
                    relation_type_ref=f"reltype-{link}", source=object_ref(entry["id"]),
                    target=object_ref(target), last_change=when,
                    long_name=text(f"{entry['id']} {PHRASES[link]} {target}")))
    return out


def to_reqif(export: dict[str, Any], when: str) -> Mapped:
    """The ReqIF bundle of `export`, every element changed last at `when` (an XML date)."""
    entries = _entries(export)
    spec_types: list[Any] = []
    objects: list[ReqIFSpecObject] = []
    texts: list[str] = []
    for key, kind in KINDS.items():
        spec_type, types = _object_type(key, entries[key], when)
        spec_types.append(spec_type)
        for entry in entries[key]:
            objects.append(_spec_object(kind, entry, types, when))
            texts += [a.value for a in objects[-1].attributes if isinstance(a.value, str)]
    spec_types.append(ReqIFSpecificationType(identifier="type-specification",
                                             long_name="Enhancement spec", last_change=when))
    spec_types += [ReqIFSpecRelationType(identifier=f"reltype-{link}", long_name=link,
                                         last_change=when) for link in LINKS.values()]
    generator = str(export.get("generator", ""))
    header = ReqIFReqIFHeader(
        identifier="enhspec-header", creation_time=when,
        req_if_tool_id=f"sphinxcontrib-enhspec {__version__}", req_if_version="1.0",
        source_tool_id=generator if generator.strip() and _TOOL_NAME.match(generator)
        else "sphinxcontrib-enhspec",
        title=header_title(export.get("project")))
    outside: list[tuple[str, str, str]] = []
    relations = _relations(entries, when, outside)
    specifications = _specifications(entries, when)
    content = ReqIFReqIFContent(
        data_types=_datatypes(texts, when), spec_types=spec_types, spec_objects=objects,
        spec_relations=relations, specifications=specifications)
    bundle = ReqIFBundle(
        namespace_info=ReqIFNamespaceInfo.create_default(), req_if_header=header,
        core_content=ReqIFCoreContent(req_if_content=content),
        tool_extensions_tag_exists=False, lookup=ReqIFObjectLookup.empty(), exceptions=[])
    return Mapped(bundle, len(specifications), len(objects), len(relations), outside)
