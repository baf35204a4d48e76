"""Milestones: the directive, the :ms: role, the timeline and its bars, overdue work on the
build's date (SOURCE_DATE_EPOCH), the export, and builds on a later date."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from importlib import resources

import jsonschema
import pytest
from conftest import twins
from docutils import nodes
from test_basic import read_inventory

from sphinxcontrib_enhspec import query as q
from sphinxcontrib_enhspec.dates import build_date, epoch_time
from sphinxcontrib_enhspec.derive.milestones import is_overdue, timeline_rows
from sphinxcontrib_enhspec.model import Location, Milestone, fingerprint
from sphinxcontrib_enhspec.render import model as m
from sphinxcontrib_enhspec.render.context import Context
from sphinxcontrib_enhspec.render.timeline import chart

pytestmark = pytest.mark.requirement("ENH-100.ER8")

SCHEMA = json.loads(resources.files("sphinxcontrib_enhspec")
                    .joinpath("schema/enhspec.schema.json").read_text())


def epoch(day: str) -> str:
    """``SOURCE_DATE_EPOCH`` of midnight UTC on `day`."""
    return str(int(datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp()))


@pytest.fixture(autouse=True)
def march_20(monkeypatch):
    """Every build here is on 2026-03-20 unless a test says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-03-20"))


#: (document, reST line, MyST line, message), in the order the build gives them.
WARNINGS = [
    ("enh-1", 29, 32, "milestone: :start: 2026-07-01 is after its :date: 2026-06-30; ignored "
     "[enhspec.invalid_value]"),
    ("enh-2", 11, 12, "milestone: :status: 'someday' is not one of planned, done, cancelled; "
     "using 'planned' [enhspec.invalid_value]"),
    ("enh-2", 11, 12, "milestone: :start: '2026-13-01' is not an ISO 8601 date (YYYY-MM-DD); "
     "ignored [enhspec.invalid_value]"),
    ("enh-2", 16, 18, "milestone: needs a :date: (YYYY-MM-DD); left out of timelines "
     "[enhspec.invalid_value]"),
    ("enh-2", 18, 21, "milestone: :date: '2026-02-30' is not an ISO 8601 date (YYYY-MM-DD); "
     "left out of timelines [enhspec.invalid_value]"),
    ("enh-2", 21, 25, "milestone: needs a title; none given [enhspec.invalid_value]"),
    ("plan", 15, 17, "timeline: :from: 'March' is not an ISO 8601 date (YYYY-MM-DD); ignored "
     "[enhspec.invalid_value]"),
]
OVERDUE = ("enh-1", 15, 16, "ENH-1.MS2: milestone 'Feature complete' was due on 2026-03-15 "
           "and is still planned on 2026-03-20 [enhspec.overdue]")
HEAD = ["Date", "Start", "Milestone", "Spec", "Release", "Status", "Tasks"]
ROWS = {
    "MS1": ["2026-02-01", "2026-01-05", "ENH-1.MS1 Design approved", "ENH-1", "2.0", "done",
            ""],
    "MS2": ["2026-03-15", "2026-02-02", "ENH-1.MS2 Feature complete", "ENH-1", "2.0",
            "planned overdue", "1/2"],  # the tasks in its body
    "MS9": ["2026-04-10", "", "ENH-2.MS9 Launch <b>day</b> & party", "ENH-2", "3.0",
            "planned", ""],
    "DOC": ["2026-04-20", "", "ENH-2.MS1 Documentation", "ENH-2", "3.0", "planned", ""],
    "MS3": ["2026-05-01", "", "ENH-1.MS3 Beta --fast mode", "ENH-1", "2.1", "cancelled", ""],
    "UNTITLED": ["2026-06-01", "", "ENH-2.MS4", "ENH-2", "3.0", "done", ""],
    "MS4": ["2026-06-30", "", "ENH-1.MS4 Stable", "ENH-1", "2.0", "planned", ""],
}


def expected_warnings(ext, *extra):
    return [f"{doc}.{ext}:{rst if ext == 'rst' else md}: WARNING: {message}"
            for doc, rst, md, message in (*WARNINGS, *extra)]


def ext_of(root):
    return "md" if root.endswith("myst") else "rst"


@twins("milestones")
def test_warnings_name_file_and_line(build, root):
    project = build(root)
    assert project.warnings() == expected_warnings(ext_of(root), OVERDUE)


@twins("milestones")
def test_overdue_shows_whatever_the_setting_says(build, root):
    project = build(root, confoverrides={"enhspec_warn_overdue": False})
    assert project.warnings() == expected_warnings(ext_of(root))
    assert ROWS["MS2"] in project.tables("plan", "timeline")[0]
    heading = block_heading(project.text("enh-1.html"), "ENH-1.MS2")
    assert heading.endswith('<span class="enhspec-badge enhspec-status-planned">planned</span> '
                            '<span class="enhspec-badge enhspec-state-overdue">overdue</span>')


def block_heading(html, ident):
    """The heading line of the block of `ident` on a page."""
    block = html.split(f'id="ms-{ident}"', 1)[1]
    return block.split('<p class="enhspec-heading">', 1)[1].split("</p>", 1)[0]


@twins("milestones")
def test_the_timeline_tables(build, root):
    tables = build(root).tables("plan", "timeline")
    r = ROWS
    assert tables == [
        [HEAD, r["MS1"], r["MS2"], r["MS9"], r["DOC"], r["MS3"], r["UNTITLED"], r["MS4"]],
        [HEAD, r["MS9"], r["DOC"]],  # :spec: ENH-2, :status: planned
        [HEAD, r["MS2"], r["MS9"]],  # 2026-03-01 to 2026-04-10, both ends included
        [HEAD, r["MS1"], r["MS2"], r["MS4"]],  # :release: 2.0; the bad :from: is ignored
    ]


BAR = re.compile(r'<a class="reference internal" href="([^"]+)"[^>]*><span class="xref enhspec '
                 r'enhspec-ms">([^<]+)</span></a></span><span class="enhspec-chart-track">'
                 r'<span class="([^"]+)" style="margin-left: ([0-9.]+%); width: ([0-9.]+%)" '
                 r'title="([^"]+)"></span>')


def bars(html):
    """(href, ID, classes, offset, width, tooltip) of each bar of each chart on a page."""
    return [[BAR.search(row).groups() for row in chart.split('<div class="enhspec-chart-row">')[1:]]
            for chart in html.split('<div class="enhspec-chart"')[1:]]


@twins("milestones")
def test_the_bars_in_html(build, root):
    html = build(root).text("plan.html")
    charts = bars(html)
    assert len(charts) == 4
    # 2026-01-05 to 2026-06-30: 177 days, each bar from its start (or date) to its date
    assert charts[0] == [
        ("enh-1.html#ms-ENH-1.MS1", "ENH-1.MS1", "enhspec-bar enhspec-bar-done", "0.00%",
         "15.81%", "ENH-1.MS1: 2026-01-05 to 2026-02-01"),
        ("enh-1.html#ms-ENH-1.MS2", "ENH-1.MS2",
         "enhspec-bar enhspec-bar-planned enhspec-bar-overdue", "15.81%", "23.72%",
         "ENH-1.MS2: 2026-02-02 to 2026-03-15"),
        ("enh-2.html#ms-ENH-2.MS9", "ENH-2.MS9", "enhspec-bar enhspec-bar-planned", "53.67%",
         "0.56%", "ENH-2.MS9: 2026-04-10"),
        ("enh-2.html#ms-ENH-2.MS1", "ENH-2.MS1", "enhspec-bar enhspec-bar-planned", "59.32%",
         "0.56%", "ENH-2.MS1: 2026-04-20"),
        ("enh-1.html#ms-ENH-1.MS3", "ENH-1.MS3", "enhspec-bar enhspec-bar-cancelled", "65.53%",
         "0.56%", "ENH-1.MS3: 2026-05-01"),
        ("enh-2.html#ms-ENH-2.MS4", "ENH-2.MS4", "enhspec-bar enhspec-bar-done", "83.05%",
         "0.56%", "ENH-2.MS4: 2026-06-01"),
        ("enh-1.html#ms-ENH-1.MS4", "ENH-1.MS4", "enhspec-bar enhspec-bar-planned", "99.43%",
         "0.56%", "ENH-1.MS4: 2026-06-30"),
    ]
    # each chart spans its own rows: 2026-02-02 to 2026-04-10 here
    assert [bar[3:5] for bar in charts[2]] == [("0.00%", "61.76%"), ("98.52%", "1.47%")]
    assert '<span class="enhspec-chart-first">2026-01-05</span>' in html
    assert "Launch <b>" not in html  # user text is escaped in every output


@twins("milestones")
def test_other_builders_show_the_table_only(build, root):
    project = build(root, "text")
    assert project.tables("plan", "timeline")[2] == [HEAD, ROWS["MS2"], ROWS["MS9"]]
    doctree = project.resolved("plan")
    assert not list(doctree.findall(nodes.raw))  # no bars
    # MS1's start, in the two tables that show it, and not on a chart's axis
    assert project.text("plan.txt").count("2026-01-05") == 2
    assert "Feature complete planned overdue" in project.text("enh-1.txt")


@twins("milestones")
def test_the_ms_role_and_the_inventory(build, root):
    project = build(root)
    plan = project.text("plan.html")
    assert ('<a class="reference internal" href="enh-1.html#ms-ENH-1.MS2" '
            'title="Feature complete"><span class="xref enhspec enhspec-ms">ENH-1.MS2</span>'
            "</a>") in plan
    enh1 = project.text("enh-1.html")
    assert 'href="#ms-ENH-1.MS1" title="Design approved"' in enh1  # MS1 of the current spec
    assert ('href="enh-2.html#ms-ENH-2.MS9" title="Launch &lt;b&gt;day&lt;/b&gt; &amp; party">'
            '<span class="xref enhspec enhspec-ms">the launch</span>') in enh1
    inventory = read_inventory(project.outdir / "objects.inv")
    assert inventory["ENH-1.MS2"] == ("enhspec:milestone", "enh-1.html#ms-ENH-1.MS2",
                                      "ENH-1.MS2")
    # a milestone without a valid date is still an object that links work to
    assert inventory["ENH-2.MS2"][0] == "enhspec:milestone"
    assert "ENH-2.MS3" in inventory


@twins("milestones")
def test_the_export(build, root):
    data = json.loads(build(root).text("enhspec.json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    milestones = {ms["id"]: ms for ms in data["milestones"]}
    assert list(milestones) == ["ENH-1.MS1", "ENH-1.MS2", "ENH-1.MS3", "ENH-1.MS4",
                                "ENH-2.MS1", "ENH-2.MS2", "ENH-2.MS3", "ENH-2.MS4",
                                "ENH-2.MS9"]
    role = "{ms}`%s`" if root.endswith("-myst") else ":ms:`%s`"
    text = (f"Follows {role % 'MS1'}; the launch is {role % 'the launch <ENH-2.MS9>'}. "
            "- [x] Core merged - [ ] Scheduler integration")
    assert milestones["ENH-1.MS2"] | {"line": 0} == {
        "type": "milestone", "id": "ENH-1.MS2", "title": "Feature complete", "spec": "ENH-1",
        "text": text, "fingerprint": fingerprint("Feature complete", text),
        "start": "2026-02-02", "date": "2026-03-15", "status": "planned", "release": "2.0",
        "order": 2, "overdue": True, "docname": "enh-1", "line": 0, "anchor": "ms-ENH-1.MS2",
        "uri": "enh-1.html#ms-ENH-1.MS2",
    }
    assert [ms["id"] for ms in milestones.values() if ms["overdue"]] == ["ENH-1.MS2"]
    assert milestones["ENH-2.MS9"]["order"] == 1 and milestones["ENH-2.MS1"]["order"] == 2
    assert (milestones["ENH-2.MS3"]["date"], milestones["ENH-2.MS2"]["date"]) == ("", "")
    assert milestones["ENH-1.MS3"]["status"] == "cancelled"  # as the list spells it
    assert milestones["ENH-2.MS4"]["title"] == ""


def test_a_bad_epoch_warns_once_and_uses_today(build, monkeypatch):
    # Sphinx itself fails on a value that is no integer at all (its copyright year).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "-86400")
    project = build("milestones", confoverrides={"enhspec_warn_overdue": False})
    assert project.warnings() == [
        "conf.py:1: WARNING: SOURCE_DATE_EPOCH must be a whole number of seconds since "
        "1970-01-01 UTC, not '-86400'; using today's date [enhspec.config]",
        *expected_warnings("rst"),
    ]
    assert project.domain.cfg.build_date == datetime.now(timezone.utc).date()


def mtimes(project):
    """When each page was written; Sphinx writes the index and search pages every time."""
    return {p.name: p.stat().st_mtime_ns for p in project.outdir.glob("*.html")
            if p.name not in {"genindex.html", "search.html"}}


@twins("milestones")
def test_a_later_date_rewrites_the_pages_whose_overdue_state_changed(build, root,
                                                                     monkeypatch):
    first = build(root)
    before = mtimes(first)
    same = build(root, srcdir=first.srcdir, freshenv=False)
    assert mtimes(same) == before  # the same date: nothing to write
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-04-15"))
    later = build(root, srcdir=first.srcdir, freshenv=False)
    after = mtimes(later)
    rewritten = sorted(name for name in after if after[name] != before[name])
    # ENH-2.MS9 (due 2026-04-10) fell overdue: its page and the timelines show it; Sphinx
    # rewrites their toctree parent by itself
    assert rewritten == ["enh-2.html", "index.html", "plan.html"]
    # the checks run again, since pages changed, over every document
    assert [w.split(": ")[2] for w in later.warnings() if "[enhspec.overdue]" in w] == [
        "ENH-1.MS2", "ENH-2.MS9"]
    assert "enhspec-state-overdue" in block_heading(later.text("enh-2.html"), "ENH-2.MS9")
    assert later.tables("plan", "timeline")[1][1][-2] == "planned overdue"
    clean = build(root, srcdir=first.srcdir, freshenv=True)
    for page in ("enh-1.html", "enh-2.html", "plan.html"):
        assert clean.text(page) == later.text(page), page


@pytest.mark.parametrize("builder", [
    "html", "dirhtml", "singlehtml", "latex", "text", "man", "texinfo", "epub", "gettext",
    "json", "xml", "linkcheck", "dummy",
])
def test_every_builder_gives_the_same_warnings(build, builder):
    epub = {"version": "1.0", "copyright": "2026, the authors", "project": "Milestones"}
    project = build("milestones", builder, confoverrides=epub)
    assert project.warnings() == expected_warnings("rst", OVERDUE)


@twins("milestones")
def test_parallel_build_equals_serial(build, root):
    serial = build(root)
    parallel = build(root, parallel=2)
    assert serial.domain.records == parallel.domain.records
    assert sorted(serial.warnings()) == sorted(parallel.warnings())
    for page in ("enh-1.html", "enh-2.html", "plan.html", "enhspec.json"):
        assert serial.text(page) == parallel.text(page), page


# The pure functions.

def milestone(ident, day, status="planned", start="", spec="ENH-1", release="", order=1):
    return Milestone(id=ident, title=ident, location=Location("a", 1), anchor="", spec=spec,
                     start=start, date=day, status=status, release=release, order=order)


def test_the_build_date():
    today = date(2026, 1, 2)
    assert build_date(None, today) == (today, False)
    assert build_date("", today) == (today, False)
    assert build_date("0", today) == (date(1970, 1, 1), False)
    assert build_date(epoch("2026-03-20"), today) == (date(2026, 3, 20), False)
    assert build_date(str(int(epoch("2026-03-20")) + 86399), today) == (date(2026, 3, 20),
                                                                         False)
    for bad in ("-1", "1.5", "soon", "9" * 30):
        assert build_date(bad, today) == (today, True), bad


def test_the_epoch_as_a_time():
    assert epoch_time(None) is None
    assert epoch_time(" ") is None
    assert epoch_time("86400") == datetime(1970, 1, 2, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="is not a whole number of seconds"):
        epoch_time("1.5")
    with pytest.raises(ValueError, match="is out of range"):
        epoch_time("9" * 30)


def test_the_overdue_rule():
    day = date(2026, 3, 20)
    assert is_overdue(milestone("A", "2026-03-19"), day)
    assert not is_overdue(milestone("A", "2026-03-20"), day)  # due today is not late yet
    assert not is_overdue(milestone("A", "2026-03-19", status="done"), day)
    assert not is_overdue(milestone("A", "2026-03-19", status="cancelled"), day)
    assert not is_overdue(milestone("A", ""), day)


def test_the_timeline_rows_order_and_filters():
    found = [milestone("ENH-10.MS1", "2026-05-01", order=1, spec="ENH-10"),
             milestone("ENH-2.MS2", "2026-05-01", order=2, spec="ENH-2", status="done"),
             milestone("ENH-2.MS1", "2026-05-01", order=1, spec="ENH-2", start="2026-04-01"),
             milestone("ENH-1.MS1", "2026-04-30", release="2.0"),
             milestone("ENH-1.MS2", "")]
    day = date(2026, 5, 1)

    def ids(**options):
        query = q.Query(kind=q.TIMELINE, location=Location("a", 1), **options)
        return [row.milestone.id for row in timeline_rows(found, query, day)]

    assert ids() == ["ENH-1.MS1", "ENH-2.MS1", "ENH-2.MS2", "ENH-10.MS1"]
    assert ids(from_date="2026-05-01") == ["ENH-2.MS1", "ENH-2.MS2", "ENH-10.MS1"]
    assert ids(to_date="2026-04-30") == ["ENH-1.MS1"]
    assert ids(filters=(("status", ("done",)),)) == ["ENH-2.MS2"]
    assert ids(filters=(("spec", ("ENH-2",)), ("release", ("",)))) == ["ENH-2.MS1",
                                                                       "ENH-2.MS2"]
    rows = timeline_rows(found, q.Query(kind=q.TIMELINE, location=Location("a", 1)), day)
    assert [(r.start, r.end, r.overdue) for r in rows[:2]] == [
        (date(2026, 4, 30), date(2026, 4, 30), True), (date(2026, 4, 1), date(2026, 5, 1),
                                                      False)]


def test_the_chart_places_each_bar():
    found = [milestone("ENH-1.MS1", "2026-01-10", start="2026-01-01"),
             milestone("ENH-1.MS2", "2026-01-20", start="2026-01-11")]
    query = q.Query(kind=q.TIMELINE, location=Location("a", 1))
    rows = timeline_rows(found, query, date(2026, 1, 1))
    ctx = Context(lambda key: False, lambda role, target: m.Link(role, target), lambda i: "")
    shown = chart(rows, ctx)
    assert (shown.first, shown.last) == ("2026-01-01", "2026-01-20")
    assert [(s.offset, s.width, s.classes) for s in shown.spans] == [
        (0, 5000, ("enhspec-bar-planned",)), (5000, 5000, ("enhspec-bar-planned",))]


def test_the_block_shows_its_fields(build):
    doctree = build("milestones").resolved("enh-1")
    blocks = [n for n in doctree.findall(nodes.container) if "enhspec-milestone" in n["classes"]]
    fields = {f[0].astext(): f[1].astext() for f in blocks[1].findall(nodes.field)}
    assert fields == {"Start": "2026-02-02", "Date": "2026-03-15", "Status": "planned",
                      "Release": "2.0"}
    assert "enhspec-status-cancelled" in blocks[2]["classes"]


@twins("milestones")
def test_tasks_in_a_milestone_body_count_for_it(build, root):
    project = build(root)
    data = json.loads(project.text("enhspec.json"))
    assert [(t["text"], t["done"], t["milestone"], t["spec"]) for t in data["tasks"]] == [
        ("Core merged", True, "ENH-1.MS2", "ENH-1"),
        ("Scheduler integration", False, "ENH-1.MS2", "ENH-1"),
    ]
    assert project.tables("plan", "timeline")[0][2][-1] == "1/2"
