"""Every builder renders the objects and their links, without warnings."""

from __future__ import annotations

import json
import re

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.CR2")


EPUB = {"version": "1.0", "copyright": "2026, the authors", "project": "Specs"}


@pytest.mark.parametrize("root", ["basic", "basic-myst", "collections", "collections-myst", "tasks",
                                  "tasks-myst", "graph", "graph-myst", "changes",
                                  "changes-myst"])
@pytest.mark.parametrize("builder", [
    "html", "dirhtml", "singlehtml", "latex", "text", "man", "texinfo", "epub", "gettext",
    "json", "xml", "linkcheck", "dummy",
])
def test_builder_without_warnings(build, root, builder):
    project = build(root, builder, confoverrides={**EPUB})
    assert project.warnings() == []


def test_html_family_links(build):
    dirhtml = build("basic", "dirhtml").text("index.html")
    assert 'href="export/#req-ENH-042.ER1"' in dirhtml
    single = build("basic", "singlehtml", confoverrides=EPUB).text("index.html")
    hrefs = set(re.findall(r'href="(#[^"]*ENH-0[^"]*)"', single))
    assert "#req-ENH-042.ER1" in hrefs
    assert all(href.count("#") == 1 for href in hrefs), hrefs
    assert 'id="req-ENH-042.ER1"' in single
    epub = build("basic", "epub", confoverrides=EPUB).text("index.xhtml")
    assert 'href="export.xhtml#req-ENH-042.ER1"' in epub
    fjson = json.loads(build("basic", "json").text("index.fjson"))
    assert 'href="export/#req-ENH-042.ER1"' in fjson["body"]


def test_latex_labels_links_and_boxes(build):
    tex = build("basic", "latex", confoverrides=EPUB).text("specs.tex")
    assert r"\phantomsection\label{\detokenize{export:req-ENH-042.ER1}}" in tex
    assert r"\hyperref[\detokenize{export:req-ENH-042.ER1}]" in tex
    assert r"\(\boxtimes\) \sphinxstylestrong{ENH\sphinxhyphen{}042.ER1}" in tex
    assert r"\(\square\) \sphinxstylestrong{ENH\sphinxhyphen{}042.CR1}" in tex
    assert "\u2610" not in tex and "\u2611" not in tex


def test_text_man_texinfo_show_the_objects(build):
    text = build("basic", "text").text("export.txt")
    assert "\u2611 **ENH-042.ER1** Export runs in parallel done\n" in text
    words = " ".join(text.split())
    assert ("Kind: enhancement \u00b7 Priority: must \u00b7 Depends on: *ENH-042.CR1*, "
            "*ENH-017.ER2* \u00b7 Implemented by: \"src/exporter/parallel.py\" \u00b7 Tags: "
            "export \u00b7 Verified by: \"tests/test_export.py::test_parallel_export\"") in words
    assert "Mitigation:\n   Run the export suite under \"-j 8\" in CI." in text
    man = build("basic", "man", confoverrides=EPUB).text("specs.1")
    assert "ENH\\-042.ER1" in man
    texinfo = build("basic", "texinfo", confoverrides=EPUB).text("specs.texi")
    assert "@anchor{export req-ENH-042 ER1}" in texinfo or "req-ENH-042.ER1" in texinfo


def test_gettext_extracts_titles_and_bodies(build):
    pot = build("basic", "gettext").text("export.pot")
    assert 'msgid "Export runs in parallel"' in pot
    assert 'msgid "Each worker writes one file; see :req:`CR1`."' in pot


def test_xml_keeps_the_structure(build):
    xml = build("basic", "xml").text("export.xml")
    assert '<container classes="enhspec enhspec-requirement enhspec-kind-enhancement' in xml


def test_collections_in_latex_break_across_pages_and_link(build):
    tex = build("collections", "latex", confoverrides=EPUB).text("specs.tex")
    assert r"\begin{longtable}" in tex
    assert r"\hyperref[\detokenize{enh-1:req-ENH-1.ER1}]" in tex
    assert "Likelihood x impact" in tex


def test_collections_in_singlehtml_link_within_the_page(build):
    single = build("collections", "singlehtml", confoverrides=EPUB).text("index.html")
    hrefs = set(re.findall(r'href="(#[^"]*ENH-[^"]*)"', single))
    assert {"#req-ENH-1.ER1", "#risk-ENH-1.R1", "#mig-ENH-1.M1", "#spec-ENH-3"} <= hrefs
    assert all(href.count("#") == 1 for href in hrefs), hrefs


def test_collections_in_text(build):
    text = build("collections", "text").text("tables.txt")
    assert "7 requirements, 3 done, 0 verified (0%)" in text
    assert "| *ENH-1.ER1*    | Export runs in parallel" in text


def test_stylesheet_and_script_only_for_html(build):
    html = build("collections")
    page = html.text("tables.html")
    # linked with a checksum in every build, clean or incremental
    assert re.search(r'<link rel="stylesheet" type="text/css" href="_static/enhspec.css\?v=\w+" />',
                     page)
    assert re.search(r'<script defer="defer" src="_static/enhspec.js\?v=\w+"></script>', page)
    assert ".enhspec-status-approved" in html.text("_static/enhspec.css")
    assert "enhspec-coverage enhspec-coverage-0" in page
    latex = build("collections", "latex", confoverrides=EPUB)
    assert not list(latex.outdir.rglob("enhspec.css"))
    assert "enhspec.css" not in latex.text("specs.tex")
