"""The built pages in a real browser (headless Chromium): styles, sorting, filtering."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: The requirements of the project's own spec (docs/project/enh-100.rst) these tests verify.
pytestmark = pytest.mark.requirement("ENH-100.ER7")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).parent.parent / "reports" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("ENHSPEC_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM}")
        pytest.skip("Chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def tables(build, browser):
    project = build("collections")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto((project.outdir / "tables.html").as_uri())
    yield page
    page.close()


def ids(page, nth=0):
    table = page.locator("table.enhspec-matrix").nth(nth)
    return [t.strip() for t in table.locator("tbody tr:not(.enhspec-hidden) td:first-child")
            .all_inner_texts()]


def test_badges_and_grid_are_styled(tables):
    colour = tables.eval_on_selector(
        ".enhspec-badge.enhspec-status-approved", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(21, 128, 61)"
    high = tables.eval_on_selector("td.enhspec-severity-4",
                                   "e => getComputedStyle(e).backgroundColor")
    low = tables.eval_on_selector("td.enhspec-severity-0",
                                  "e => getComputedStyle(e).backgroundColor")
    assert (high, low) == ("rgb(252, 165, 165)", "rgb(220, 252, 231)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tables.locator("table.enhspec-risk-grid").screenshot(path=str(SCREENSHOTS / "grid.png"))
    tables.locator("table.enhspec-matrix").first.screenshot(
        path=str(SCREENSHOTS / "matrix.png"))
    assert (SCREENSHOTS / "grid.png").stat().st_size > 1000


def test_filtering_and_sorting_the_matrix(tables):
    assert ids(tables) == ["ENH-1.CR1", "ENH-1.ER1", "ENH-1.ER2", "ENH-1.PR10", "ENH-2.CR1",
                           "ENH-2.ER1", "ENH-3.ER1"]
    tables.locator(".enhspec-filter input").first.fill("ENH-2")
    assert ids(tables) == ["ENH-2.CR1", "ENH-2.ER1"]
    tables.locator(".enhspec-filter input").first.fill("")
    header = tables.locator("table.enhspec-matrix").first.locator("thead th").nth(0)
    header.click()
    assert ids(tables)[:2] == ["ENH-1.CR1", "ENH-1.ER1"]
    header.click()
    assert ids(tables)[:2] == ["ENH-3.ER1", "ENH-2.ER1"]
    assert header.get_attribute("aria-sort") == "descending"


def test_pages_work_without_the_script(build, browser):
    project = build("collections")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((project.outdir / "tables.html").as_uri())
    assert page.locator(".enhspec-filter").count() == 0
    assert len(ids(page)) == 7
    context.close()


@pytest.mark.parametrize("theme", ["alabaster", "furo", "sphinx_rtd_theme",
                                   "pydata_sphinx_theme"])
def test_styles_hold_in_each_theme_light_and_dark(build, browser, theme):
    pytest.importorskip(theme)
    project = build("collections", confoverrides={"html_theme": theme})
    for scheme, grid in (("light", "rgb(252, 165, 165)"), ("dark", "rgb(153, 27, 27)")):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto((project.outdir / "tables.html").as_uri())
        badge = page.eval_on_selector(".enhspec-badge.enhspec-status-approved",
                                      "e => [getComputedStyle(e).backgroundColor, "
                                      "getComputedStyle(e).color]")
        assert badge == ["rgb(21, 128, 61)", "rgb(255, 255, 255)"], (theme, scheme)
        cell = page.eval_on_selector("td.enhspec-severity-4",
                                     "e => getComputedStyle(e).backgroundColor")
        if theme != "pydata_sphinx_theme" or scheme == "light":
            # pydata chooses light unless its own switch says dark
            assert cell == grid, (theme, scheme)
        page.screenshot(path=str(SCREENSHOTS / f"tables-{theme}-{scheme}.png"), full_page=False)
        context.close()


@pytest.mark.requirement("ENH-100.ER8")
def test_timeline_bars_are_drawn_light_and_dark(build, browser, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773964800")  # 2026-03-20
    project = build("milestones")
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1200,
                                                                     "height": 900})
        page = context.new_page()
        page.goto((project.outdir / "plan.html").as_uri())
        chart = page.locator("div.enhspec-chart").first
        track = chart.locator("span.enhspec-chart-track").first.bounding_box()
        bars = chart.locator("span.enhspec-bar")
        assert bars.count() == 7
        first, second = bars.nth(0).bounding_box(), bars.nth(1).bounding_box()
        # 15.81% of the track wide, and the second starts where the first ends
        assert abs(first["width"] / track["width"] - 0.1581) < 0.01
        assert abs(second["x"] - (first["x"] + first["width"])) < 2
        colours = [bars.nth(i).evaluate("e => getComputedStyle(e).backgroundColor")
                   for i in (0, 1, 2)]
        assert colours == ["rgb(21, 128, 61)", "rgb(185, 28, 28)", "rgb(37, 99, 235)"], scheme
        tiny = bars.nth(2).bounding_box()
        assert tiny["width"] >= 4  # a one-day bar is still seen
        overdue = page.eval_on_selector("table.enhspec-timeline .enhspec-state-overdue",
                                        "e => getComputedStyle(e).backgroundColor")
        assert overdue == "rgb(185, 28, 28)"
        chart.screenshot(path=str(SCREENSHOTS / f"timeline-{scheme}.png"))
        context.close()


@pytest.fixture
def served(build):
    """The graph root built and served over HTTP, so that the page may look into its SVG
    pictures (a file:// page may not)."""
    import functools
    import http.server
    import threading

    project = build("graph")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(project.outdir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_trace_graph_nodes_link_to_the_objects(served, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{served}/graphs.html")
    graph = page.locator("object.enhspec-graph").first
    graph.wait_for()
    page.wait_for_function("() => { const o = document.querySelector('object.enhspec-graph');"
                           " return o.contentDocument && o.contentDocument.querySelector('a'); }")
    [frame] = [f for f in page.frames if f.url.endswith(graph.get_attribute("data"))]
    hrefs = frame.eval_on_selector_all("a", "links => links.map(a => a.getAttributeNS("
                                       "'http://www.w3.org/1999/xlink', 'href'))")
    assert sorted({href for href in hrefs if href}) == [
        "../enh-1.html#req-ENH-1.ER1", "../enh-1.html#req-ENH-1.ER2",
        "../enh-1.html#risk-ENH-1.R1", "../enh-1.html#spec-ENH-1",
        "../sub/enh-2.html#req-ENH-2.CR1", "../sub/enh-2.html#risk-ENH-2.R1",
        "../sub/enh-2.html#spec-ENH-2"]
    # Nodes are filled with the badges' colours: ENH-1 is approved, green.
    fill = frame.eval_on_selector("g.node:has(title) polygon[fill='#15803d']",
                                  "e => e.getAttribute('fill')")
    assert fill == "#15803d"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    graph.screenshot(path=str(SCREENSHOTS / "trace-graph.png"))
    # A click on a node opens its object's page at its anchor, in the whole window.
    frame.locator("a[*|href='../sub/enh-2.html#req-ENH-2.CR1']").first.click()
    page.wait_for_url(f"{served}/sub/enh-2.html#req-ENH-2.CR1")
    assert page.locator("#req-ENH-2\\.CR1").count() == 1
    page.close()
