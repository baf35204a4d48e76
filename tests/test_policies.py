"""Lifecycle policies: each breach of ``enhspec_policies`` is one located ``policy`` warning
(a stale spec an ``overdue`` one), in reST and MyST, in every build mode."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOTS, twins
from sources import edit, write

from sphinxcontrib_enhspec.config import check_policies, policies
from sphinxcontrib_enhspec.derive.policies import given
from sphinxcontrib_enhspec.model import SPEC_OPTIONS, Location, Spec
from sphinxcontrib_enhspec.settings import Policy

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER12")

#: 2026-12-01, midnight UTC: the build's date of every test here.
EPOCH = "1796083200"

#: (spec, ER2, ER3, task, other task, ENH-8, ENH-9, notes' ER9) lines per format.
LINES = {"rst": dict(spec=4, er2=10, er3=13, task=20, task2=26, enh8=7, enh9=11, er9=6),
         "md": dict(spec=3, er2=11, er3=15, task=22, task2=27, enh8=7, enh9=12, er9=5)}

ASKS_DONE = "the policy asks for every requirement done or dropped (requirements_done)"
ASKS_DATE = ("the policy asks for a :date: at most 90 days before the build's date "
             "(stale_after_days)")


@pytest.fixture(autouse=True)
def build_date(monkeypatch):
    """Every build here is dated 2026-12-01."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def ext_of(root: str) -> str:
    return "md" if root.endswith("myst") else "rst"


def expected(root: str) -> list[str]:
    """The warnings of a clean build of the policies root, in the order Sphinx prints them."""
    ext = ext_of(root)
    line = LINES[ext]
    spec = line["spec"]
    return [
        f"drafts.{ext}:{line['enh8']}: WARNING: ENH-8 is draft: {ASKS_DATE}, and it is dated "
        "2026-08-01, 122 days before 2026-12-01 [enhspec.overdue]",
        f"drafts.{ext}:{line['enh9']}: WARNING: ENH-9 is draft: {ASKS_DATE}, and it has none "
        "[enhspec.policy]",
        f"enh-2.{ext}:{spec}: WARNING: ENH-2 is proposed: the policy asks for field 'author' "
        "[enhspec.policy]",
        f"enh-2.{ext}:{spec}: WARNING: ENH-2 is proposed: the policy asks for section "
        "'Requirements' [enhspec.policy]",
        f"enh-4.{ext}:{spec}: WARNING: ENH-4 is approved: the policy asks for field 'approvers' "
        "[enhspec.policy]",
        f"enh-4.{ext}:{spec}: WARNING: ENH-4 is approved: the policy asks for field 'release' "
        "[enhspec.policy]",
        f"enh-4.{ext}:{spec}: WARNING: ENH-4 is approved: the policy asks for section "
        "'Risks and Mitigation' [enhspec.policy]",
        f"enh-6.{ext}:{line['er2']}: WARNING: ENH-6 is implemented: {ASKS_DONE}, and ENH-6.ER2 "
        "is open [enhspec.policy]",
        f"enh-6.{ext}:{line['er3']}: WARNING: ENH-6 is implemented: {ASKS_DONE}, and ENH-6.ER3 "
        "is in-progress [enhspec.policy]",
        f"enh-6.{ext}:{line['task']}: WARNING: ENH-6 is implemented: the policy asks for every "
        "task done (tasks_done), and task 'Read the journal on start' is open [enhspec.policy]",
        f"enh-6.{ext}:{line['task2']}: WARNING: ENH-6 is implemented: the policy asks for every "
        "task done (tasks_done), and task 'A stopped 1 GB export resumes in a second' is open "
        "[enhspec.policy]",
        f"notes.{ext}:{line['er9']}: WARNING: ENH-6 is implemented: {ASKS_DONE}, and ENH-6.ER9 "
        "is open [enhspec.policy]",
    ]


@twins("policies")
def test_each_breach_is_one_located_warning(build, root):
    project = build(root)
    assert project.warnings() == expected(root)


@twins("policies")
def test_specs_that_meet_their_policy_warn_nothing(build, root):
    project = build(root)
    text = "\n".join(project.warnings())
    # ENH-1 and ENH-3 have every field and section (in another case, at another level);
    # ENH-5 has every requirement done or dropped and every task done; ENH-7 is exactly 90
    # days old; ENH-10 is rejected, a status with no policy.
    for spec in ("ENH-1 ", "ENH-3 ", "ENH-5 ", "ENH-7 ", "ENH-10 "):
        assert spec not in text
    assert "no task" not in text


@twins("policies")
def test_section_titles_are_kept_per_spec_document(build, root):
    project = build(root)
    sections = project.domain.data["sections"]
    assert sorted(sections) == ["drafts", "enh-1", "enh-2", "enh-3", "enh-4", "enh-5", "enh-6"]
    assert sections["enh-1"] == ["ENH-1: Streaming export", "Overview", "REQUIREMENTS"]
    assert sections["enh-3"] == ["ENH-3: Parallel export", "Overview", "Design", "Requirements",
                                 "Risks and   mitigation"]


@twins("policies")
def test_stale_specs_can_be_suppressed(build, root):
    project = build(root, confoverrides={"suppress_warnings": ["enhspec.overdue"]})
    assert project.warnings() == expected(root)[1:]


@twins("policies")
def test_a_later_build_date_makes_more_specs_stale(build, root, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))  # 2026-12-02
    project = build(root)
    stale = [w for w in project.warnings() if w.endswith("[enhspec.overdue]")]
    assert [w.split(": WARNING: ")[1].split(" is draft")[0] for w in stale] == ["ENH-7", "ENH-8"]
    assert "and it is dated 2026-09-02, 91 days before 2026-12-02" in stale[0]


@twins("policies")
def test_parallel_build_gives_the_same_warnings(build, root):
    parallel = build(root, parallel=2)
    assert parallel.app.parallel == 2
    assert sorted(parallel.warnings()) == sorted(expected(root))
    assert parallel.domain.data["sections"] == build(root).domain.data["sections"]


@pytest.mark.parametrize("builder", ["dummy", "text", "latex"])
def test_every_builder_gives_the_same_warnings(build, builder):
    assert build("policies", builder).warnings() == expected("policies")


@twins("policies")
def test_incremental_builds_report_unchanged_documents_again(build, root):
    ext = ext_of(root)
    first = build(root)
    src = first.srcdir
    assert first.warnings() == expected(root)

    # an edit elsewhere: the breaches of the documents not read again are reported again
    edit(src / f"enh-1.{ext}", "Rows are written", "Rows are sent")
    again = build(root, srcdir=src, freshenv=False)
    assert again.warnings() == expected(root)

    # the missing section is added, the open task done: those warnings go
    heading = ("## Risks and Mitigation\n" if ext == "md"
               else "Risks and Mitigation\n--------------------\n")
    write(src / f"enh-4.{ext}", (src / f"enh-4.{ext}").read_text() + "\n" + heading)
    edit(src / f"enh-6.{ext}", "- [ ] Read the journal", "- [x] Read the journal")
    fixed = build(root, srcdir=src, freshenv=False)
    gone = ("'Risks and Mitigation'", "'Read the journal on start'")
    assert fixed.warnings() == [w for w in expected(root) if not any(g in w for g in gone)]

    # the requirement written apart is deleted: its warning goes, and clean builds agree
    (src / f"notes.{ext}").unlink()
    edit(src / f"index.{ext}", "   notes\n" if ext == "rst" else "notes\n", "")
    deleted = build(root, srcdir=src, freshenv=False)
    fresh = build(root, srcdir=src, freshenv=True)
    assert deleted.warnings() == fresh.warnings() == [
        w for w in expected(root) if not any(g in w for g in (*gone, "ENH-6.ER9"))]
    assert deleted.domain.data["sections"] == fresh.domain.data["sections"]


@twins("policies")
def test_a_spec_removed_from_a_document_takes_its_sections_along(build, root):
    ext = ext_of(root)
    first = build(root)
    src = first.srcdir
    write(src / f"enh-2.{ext}", "# Parquet\n\nNo spec here.\n" if ext == "md"
          else "Parquet\n=======\n\nNo spec here.\n")
    again = build(root, srcdir=src, freshenv=False)
    assert "enh-2" not in again.domain.data["sections"]
    assert [w for w in again.warnings() if "ENH-2" in w] == []


@twins("policies")
def test_bad_policies_warn_once_at_conf_py_and_are_ignored(build, root, tmp_path):
    src = tmp_path / "bad"
    shutil.copytree(ROOTS / f"test-{root}", src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text().split("enhspec_policies")[0] + (
        "enhspec_policies = {\n"
        '    "proposed": {"fields": ["author", "owner"], "sections": ["Overview"]},\n'
        '    "golden": {"fields": ["author"]},\n'
        '    "approved": ["author"],\n'
        '    "implemented": {"requirements_done": "yes", "tasks_done": True},\n'
        '    "draft": {"stale_after_days": -1, "reviewed": True},\n'
        "}\n"))
    project = build(root, srcdir=src)
    ext = ext_of(root)
    line = LINES[ext]
    where = "conf.py:2: WARNING: enhspec_policies"
    assert project.warnings() == [
        f"{where}['proposed']['fields'] names unknown options 'owner' (allowed: version, date, "
        "status, author, module, release, supersedes, tags, reviewers, approvers, discussion, "
        "resolution); the rule is ignored [enhspec.config]",
        f"{where} names unknown spec status 'golden' (allowed: draft, proposed, approved, "
        "implemented, rejected, withdrawn, superseded); its rules are ignored [enhspec.config]",
        f"{where}['approved'] must be a dict of rule name to value, not ['author']; its rules "
        "are ignored [enhspec.config]",
        f"{where}['implemented']['requirements_done'] must be True or False, not 'yes'; the "
        "rule is ignored [enhspec.config]",
        f"{where}['draft']['stale_after_days'] must be a whole number of days, 0 or more, not "
        "-1; the rule is ignored [enhspec.config]",
        f"{where}['draft'] has unknown rule 'reviewed' (allowed: fields, sections, "
        "requirements_done, tasks_done, stale_after_days); it is ignored [enhspec.config]",
        # the well-formed rules are in force: ENH-2 has its Overview, not ENH-6's last task
        f"enh-6.{ext}:{line['task']}: WARNING: ENH-6 is implemented: the policy asks for every "
        "task done (tasks_done), and task 'Read the journal on start' is open [enhspec.policy]",
        f"enh-6.{ext}:{line['task2']}: WARNING: ENH-6 is implemented: the policy asks for every "
        "task done (tasks_done), and task 'A stopped 1 GB export resumes in a second' is open "
        "[enhspec.policy]",
    ]


def test_a_policies_setting_of_the_wrong_type_is_replaced(build, tmp_path):
    src = tmp_path / "bad"
    shutil.copytree(ROOTS / "test-policies", src)
    conf = src / "conf.py"
    conf.write_text('extensions = ["sphinxcontrib_enhspec"]\n'
                    'enhspec_policies = [("draft", 90)]\n')
    project = build("policies", srcdir=src)
    assert project.warnings() == [
        "conf.py:2: WARNING: enhspec_policies must be a dict of spec status to rules, not "
        "[('draft', 90)]; using the default [enhspec.config]"]


STATUSES = ["draft", "proposed", "approved"]


def test_the_validator_keeps_well_formed_rules_as_written():
    rules = {"Approved": {"fields": ("author", "date"), "sections": ["Overview"],
                          "requirements_done": True, "tasks_done": False,
                          "stale_after_days": 0}}
    assert check_policies(rules, STATUSES) == ({"Approved": {
        "fields": ["author", "date"], "sections": ["Overview"], "requirements_done": True,
        "tasks_done": False, "stale_after_days": 0}}, [])
    assert check_policies({}, STATUSES) == ({}, [])


@pytest.mark.parametrize(("rules", "kept", "problem"), [
    ({"draft": {"fields": "author"}}, {"draft": {}},
     "enhspec_policies['draft']['fields'] must be a list of enhancement-spec options "
     "(strings), not 'author'; the rule is ignored"),
    ({"draft": {"fields": ["authors"], "tasks_done": True}}, {"draft": {"tasks_done": True}},
     "enhspec_policies['draft']['fields'] names unknown options 'authors' (allowed: version, "
     "date, status, author, module, release, supersedes, tags, reviewers, approvers, "
     "discussion, resolution); the rule is ignored"),
    ({"draft": {"sections": ["Overview", ""]}}, {"draft": {}},
     "enhspec_policies['draft']['sections'] must be a list of section titles (strings), not "
     "['Overview', '']; the rule is ignored"),
    ({"draft": {"tasks_done": 1}}, {"draft": {}},
     "enhspec_policies['draft']['tasks_done'] must be True or False, not 1; the rule is "
     "ignored"),
    ({"draft": {"stale_after_days": True}}, {"draft": {}},
     "enhspec_policies['draft']['stale_after_days'] must be a whole number of days, 0 or more, "
     "not True; the rule is ignored"),
    ({"draft": {"stale_after_days": 1.5}}, {"draft": {}},
     "enhspec_policies['draft']['stale_after_days'] must be a whole number of days, 0 or more, "
     "not 1.5; the rule is ignored"),
    ({"draft": {3: True}}, {"draft": {}},
     "enhspec_policies['draft'] has unknown rule 3 (allowed: fields, sections, "
     "requirements_done, tasks_done, stale_after_days); it is ignored"),
    ({"draft": None}, {},
     "enhspec_policies['draft'] must be a dict of rule name to value, not None; its rules "
     "are ignored"),
    ({("draft",): {}}, {},
     "enhspec_policies names unknown spec status ('draft',) (allowed: draft, proposed, "
     "approved); its rules are ignored"),
    ({"draft": {"tasks_done": True}, "DRAFT": {}}, {"draft": {"tasks_done": True}},
     "enhspec_policies names spec status 'DRAFT' twice; the second one's rules are ignored"),
])
def test_the_validator_leaves_out_each_bad_rule(rules, kept, problem):
    assert check_policies(rules, STATUSES) == (kept, [problem])


def test_checked_policies_become_typed_values_by_folded_status():
    assert policies({"Approved": {"fields": ["author"], "stale_after_days": 30}}) == {
        "approved": Policy(fields=("author",), stale_after_days=30)}


def test_a_field_is_given_when_its_value_was_kept():
    spec = Spec(id="ENH-1", title="T", location=Location("a", 1), anchor="spec-ENH-1",
                authors=("Ada",), date="")
    assert given(spec, "author") and given(spec, "status")
    assert not given(spec, "date") and not given(spec, "approvers")
    # every option of the directive names a field of the record
    assert all(isinstance(given(spec, option), bool) for option in SPEC_OPTIONS)


@pytest.mark.parametrize("root", ["i18n", "i18n-myst"])
def test_a_translated_build_matches_the_sections_as_written(build, root):
    ext = ext_of(root)
    policy = {"approved": {"sections": ["Translated", "Übersetzt"]}}
    project = build(root, confoverrides={"enhspec_policies": policy})
    assert "<h1>Übersetzt" in project.text("index.html")
    assert project.warnings() == [
        f"index.{ext}:{3 if ext == 'md' else 4}: WARNING: ENH-9 is approved: the policy asks "
        "for section 'Übersetzt' [enhspec.policy]"]


@twins("policies")
def test_a_changed_policy_applies_to_the_next_build(build, root):
    first = build(root)
    src = first.srcdir
    edit(src / "conf.py", '    "draft": {"stale_after_days": 90},\n', "")
    again = build(root, srcdir=src, freshenv=False)
    assert again.warnings() == [w for w in expected(root) if "ENH-8 " not in w
                                and "ENH-9 " not in w]
