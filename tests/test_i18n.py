"""Titles and mitigations are translatable and stay in place when translated."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("root", ["i18n", "i18n-myst"])
def test_titles_are_translated_in_place(build, root):
    project = build(root)
    assert project.warnings() == []
    html = project.text("index.html")
    assert ('<strong class="enhspec-id">ENH-9</strong> <span class="enhspec-text enhspec-title">'
            'Paralleler Export</span> <span class="enhspec-badge enhspec-status-approved">'
            'approved</span>') in html
    assert ('<strong class="enhspec-id">ENH-9.ER1</strong> <span class="enhspec-text '
            'enhspec-title">Der Export läuft parallel</span> <span class="enhspec-badge '
            'enhspec-status-done">done</span></p>') in html
    assert "Die Tests unter <code" in html
    # the records keep the text as written, for sorting, filtering and the export
    assert project.domain.catalog.objects["ENH-9.ER1"].title == "Export runs in parallel"


@pytest.mark.parametrize("root", ["i18n", "i18n-myst"])
def test_message_catalog_lists_titles(build, root):
    pot = build(root, "gettext").text("index.pot")
    for msgid in ("Parallel export", "Export runs in parallel", "Races"):
        assert f'msgid "{msgid}"' in pot
    # the labels of blocks are not prose
    assert 'msgid "Kind' not in pot
