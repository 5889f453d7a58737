"""The HTML report in a real browser (headless Chromium over the DevTools protocol, cdp.py).

scripts/browser-test.sh runs the demo comparison against the simulator, writing the HTML report and the JSON diff of
the same run; every count expected here is read from that JSON diff, never written down. The screenshots go to OUT.
"""

import json
import os
import pathlib
import subprocess
import tempfile
import time

import pytest

import cdp

REPORT = pathlib.Path(os.environ["REPORT"]).resolve()
DIFF = json.loads(pathlib.Path(os.environ["DIFF"]).read_text())
OUT = pathlib.Path(os.environ.get("OUT", tempfile.gettempdir()))
BIN_DIR = pathlib.Path(os.environ.get("BIN_DIR", ".build/debug"))
KINDS = ["added", "removed", "changed", "moved", "renamed", "unchanged"]


@pytest.fixture(scope="module")
def browser():
    if not cdp.chromium_binary():
        pytest.fail("Chromium is missing: `make browser-test` installs Debian's chromium package")
    browser = cdp.Browser()
    yield browser
    browser.close()


def records():
    return [(suite["name"], record) for suite in DIFF["suites"] for record in suite["cases"]]




def open_view(browser, fragment="", report=REPORT):
    browser.open(report.as_uri() + fragment)
    wait(browser, "document.documentElement.dataset.ready === 'true'")
    assert browser.errors() == []


def wait(browser, condition, seconds=5):
    deadline = time.monotonic() + seconds
    while not browser.evaluate(condition):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {condition}"
        time.sleep(0.05)


def count(browser, selector):
    return browser.evaluate(f"document.querySelectorAll({json.dumps(selector)}).length")


def shown(browser):
    """The cases the view shows (the other resources' rows are counted apart)."""
    return int(browser.evaluate("document.getElementById('shown').dataset.cases"))


CASES = ".case[data-resource=cases]"


def test_the_report_opens_on_what_drifted(browser):
    open_view(browser)
    drifted = [record for _, record in records() if record["drift"]]
    assert len(drifted) == DIFF["totals"]["drift"] > 0
    assert shown(browser) == len(drifted)
    assert count(browser, CASES) == len(drifted)
    for kind in KINDS:
        expected = sum(1 for record in drifted if record["status"] == kind)
        assert count(browser, f"{CASES}.k-{kind}") == expected, kind
    # Every resource's drift is drawn and counted in the verdict, the cases' first.
    verdict = browser.evaluate("document.getElementById('verdict').textContent")
    assert verdict.startswith(f"Drift: {DIFF['totals']['drift']} cases")
    assert " (exit code 1)" in verdict
    for name, totals in DIFF["resource_totals"].items():
        if name != "cases":
            assert count(browser, f".case[data-resource={name}]") == totals["drift"], name
    browser.screenshot(str(OUT / "html-report.png"))


def test_the_header_names_both_sides_and_each_case_links_to_its_instance(browser):
    open_view(browser)
    sides = browser.evaluate("document.querySelector('table.sides').textContent")
    for side in ("left", "right"):
        assert DIFF["metadata"][side]["project_name"] in sides
    options = browser.evaluate("document.querySelector('dl.options').textContent")
    assert "title within suites of the same name" in options
    pair = next(record for _, record in records() if record["drift"] and record["left"] and record["right"])
    links = browser.evaluate(
        "Array.from(document.querySelectorAll('.case a.id')).map(a => [a.textContent, a.href])")
    for side in ("left", "right"):
        root = DIFF["metadata"][side]["instance"]
        assert [f"C{pair[side]['id']}", f"{root}index.php?/cases/view/{pair[side]['id']}"] in links


def test_a_view_in_the_url_fragment_filters_by_kind_and_suite(browser):
    # A kind is a case's status, as the chart and the counts count it.
    suite, _ = next((name, r) for name, r in records() if r["drift"] and r["status"] == "changed")
    expected = [r for name, r in records() if name == suite and r["drift"] and r["status"] == "changed"]
    open_view(browser, "#kind=changed&suite=" + suite.replace(" ", "%20"))
    assert shown(browser) == len(expected) > 0
    assert count(browser, CASES) == len(expected)
    titles = browser.evaluate(
        "Array.from(document.querySelectorAll('.case[data-resource=cases] .title')).map(e => e.textContent)")
    assert sorted(titles) == sorted(r["right"]["title"] for r in expected)
    visible = browser.evaluate(
        "Array.from(document.querySelectorAll('section.suite:not([hidden]) .suite-name')).map(e => e.textContent)")
    assert visible == [suite]
    checked = browser.evaluate("Array.from(document.querySelectorAll('input[name=kind]:checked')).map(e => e.value)")
    assert checked == ["changed"]
    assert browser.evaluate("document.getElementById('suite-filter').value") == suite
    # The skip link (focused and followed from the keyboard, as it is meant to be) names no view: the view stays.
    browser.evaluate("document.querySelector('a.skip').focus()")
    browser.key("Enter", text="\r")
    wait(browser, "location.hash === '#cases'")
    assert shown(browser) == len(expected)


def test_a_changed_step_is_shown_side_by_side_with_its_words_highlighted(browser):
    _, record, change = next(
        (name, r, c) for name, r in records() for c in r["changes"]
        if c["path"].startswith("/custom_steps_separated/") and c["path"].endswith("/expected"))
    step = int(change["path"].split("/")[2]) + 1
    open_view(browser)
    row = ("Array.from(document.querySelectorAll('.case')).find(c => c.querySelector('.title').textContent === %s)"
           ".querySelector('tr.step[data-step=\"%d\"]')" % (json.dumps(record["right"]["title"]), step))
    cells = browser.evaluate(
        "(() => { const row = " + row + "; return { what: row.querySelector('th').textContent,"
        " old: row.querySelector('td.old').textContent, new: row.querySelector('td.new').textContent,"
        " removed: Array.from(row.querySelectorAll('td.old del')).map(e => e.textContent),"
        " inserted: Array.from(row.querySelectorAll('td.new ins')).map(e => e.textContent),"
        " kept: row.querySelector('td.new').firstChild.nodeType === Node.TEXT_NODE }; })()")
    assert cells["what"] == f"Step {step} \u00b7 expected"
    assert cells["old"] == change["old"] and cells["new"] == change["new"]
    assert cells["inserted"], "the inserted words are highlighted"
    old_words = set(change["old"].split())
    for words in cells["inserted"]:
        assert any(word not in old_words for word in words.split())
    for words in cells["removed"]:
        assert all(word in change["old"].split() for word in words.split())
    assert cells["kept"], "the words both sides share are not highlighted"


def test_clicking_a_bar_of_the_chart_filters_to_it(browser):
    open_view(browser)
    assert browser.evaluate("document.getElementById('cases').getBoundingClientRect().top > innerHeight")
    browser.click("svg.chart a.segment.k-removed")
    # The chart counts cases: its links name them when other resources are compared too.
    wait(browser, "location.hash.startsWith('#kind=removed')")
    assert browser.evaluate("location.hash") in ("#kind=removed", "#kind=removed&res=cases")
    # The list comes into view under the filters.
    wait(browser, "document.getElementById('cases').getBoundingClientRect().top < innerHeight")
    wait(browser, "document.getElementById('shown').dataset.count === %s"
         % json.dumps(str(sum(1 for _, r in records() if r["drift"] and r["status"] == "removed"))))
    assert count(browser, ".case") == count(browser, ".case.k-removed") > 0


def test_search_only_drift_and_keys(browser):
    open_view(browser)
    browser.key("/")
    wait(browser, "document.activeElement.id === 'search'")
    word = "coupon"
    browser.type(word)

    def matches(record):
        text = [record["key"]]
        for side in ("left", "right"):
            if record[side]:
                text += [record[side]["title"], record[side]["section"], f"c{record[side]['id']}"]
        text += [change["field"] for change in record["changes"]]
        return word in "\n".join(text).lower()

    expected = sum(1 for _, r in records() if r["drift"] and matches(r))
    wait(browser, f"document.getElementById('shown').dataset.count === '{expected}'")
    assert browser.evaluate("location.hash") == f"#q={word}"
    browser.key("Escape")
    browser.click("#reset")
    wait(browser, "location.hash === ''")
    browser.click("#drift-only")
    wait(browser, "location.hash === '#all=1'")
    total = sum(DIFF["totals"][kind] for kind in KINDS)
    assert shown(browser) == total
    assert 0 < count(browser, ".case") <= total
    browser.evaluate("document.activeElement.blur()")
    browser.key("j")
    assert browser.evaluate("document.activeElement.closest('.case') !== null")
    first = browser.evaluate("document.activeElement.closest('.case').querySelector('.title').textContent")
    browser.key("j")
    second = browser.evaluate("document.activeElement.closest('.case').querySelector('.title').textContent")
    assert first != second


def test_j_past_the_last_row_drawn_draws_the_next_page(browser):
    suite, size = max(((s["name"], len(s["cases"])) for s in DIFF["suites"]), key=lambda pair: pair[1])
    assert size > 100, "the demo has a suite longer than one page of rows"
    open_view(browser, "#all=1&res=cases&suite=" + suite.replace(" ", "%20"))
    assert count(browser, ".case") == 100
    browser.evaluate("Array.from(document.querySelectorAll('.case > summary, .case > .head')).pop().focus()")
    browser.key("j")
    assert count(browser, ".case") == min(size, 200)
    assert browser.evaluate("Array.from(document.querySelectorAll('.case')).indexOf("
                            "document.activeElement.closest('.case'))") == 100


def test_dark_scheme_and_print(browser):
    open_view(browser)
    browser.color_scheme("dark")
    background = browser.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"
    browser.screenshot(str(OUT / "html-report-dark.png"), full_page=False)
    browser.color_scheme("light")
    browser.media("print")
    assert browser.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"
    browser.media("")
    assert browser.pdf().startswith(b"%PDF")


def test_markup_in_the_data_stays_text(browser, tmp_path):
    # The demo's baseline snapshot against a copy whose first case has a title made of markup.
    hostile = '</script><img src=x onerror="window.pwned=1"><!--'
    baseline = pathlib.Path(os.environ["SNAPSHOT"])
    copy = json.loads(baseline.read_text())
    suite = next(suite for suite in copy["suites"] if suite["cases"])
    suite["cases"][0]["title"] = hostile
    (tmp_path / "copy.json").write_text(json.dumps(copy))
    report = tmp_path / "hostile.html"
    run = subprocess.run([str(BIN_DIR / "casediff"), "compare", str(baseline), str(tmp_path / "copy.json"),
                          "--html", str(report), "--quiet", "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    open_view(browser, "#all=1", report=report)
    assert browser.evaluate("window.pwned === undefined")
    assert count(browser, "img") == 0
    titles = browser.evaluate("Array.from(document.querySelectorAll('.case .title')).map(e => e.textContent)")
    assert hostile in titles


def test_a_step_removed_whole_is_numbered_as_the_left_case_has_it(browser, tmp_path):
    # The demo's baseline snapshot against a copy whose first case with steps lost its first step.
    baseline = pathlib.Path(os.environ["SNAPSHOT"])
    copy = json.loads(baseline.read_text())
    case = next(case for suite in copy["suites"] for case in suite["cases"]
                if len(case.get("custom_steps_separated") or []) >= 2)
    removed = case["custom_steps_separated"].pop(0)
    (tmp_path / "copy.json").write_text(json.dumps(copy))
    report = tmp_path / "steps.html"
    run = subprocess.run([str(BIN_DIR / "casediff"), "compare", str(baseline), str(tmp_path / "copy.json"),
                          "--html", str(report), "--quiet", "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    open_view(browser, report=report)
    row = browser.evaluate(
        "(() => { const row = document.querySelector('tr[data-left-step]'); return row && {"
        " step: row.dataset.leftStep, what: row.querySelector('th').textContent,"
        " old: row.querySelector('td.old').textContent, new: row.querySelector('td.new').textContent}; })()")
    assert row is not None
    assert (row["step"], row["what"], row["new"]) == ("1", "Left step 1 removed", "(no such step)")
    assert row["old"].startswith(removed["content"])


def resource_snapshots(directory):
    """Two snapshots of one project whose sections, a suite, a shared step set, a field and a template differ."""
    fixture = pathlib.Path(__file__).resolve().parents[2] / "Fixtures/compare/renames-and-moves/left.json"
    left = json.loads(fixture.read_text())
    left.update({"format": "casediff-snapshot", "schema_version": 2, "casediff_version": "test",
                 "taken_at": "2026-11-23T10:00:00Z"})
    right = json.loads(json.dumps(left))
    right["project"]["id"] = 2

    def field(label, options):
        return [{"id": 1, "system_name": "custom_area", "name": "area", "label": label, "type_id": 6,
                 "is_active": True, "include_all": True, "template_ids": [], "display_order": 1,
                 "configs": [{"context": {"is_global": True, "project_ids": None}, "id": "1",
                              "options": {"is_required": False,
                                          "items": "\n".join(f"{n}, {o}" for n, o in enumerate(options, 1))}}]}]

    def steps(expected):
        return [{"content": "Open the shop", "expected": expected, "additional_info": None, "refs": None}]

    left["case_fields"] = field("Area", ["Web", "Mobile"])
    right["case_fields"] = field("Product area", ["Web", "Mobile", "Desktop"])
    left["templates"] = [{"id": 1, "name": "Test Case (Text)", "is_default": True},
                         {"id": 2, "name": "Exploratory", "is_default": False}]
    right["templates"] = [{"id": 1, "name": "Test Case (Text)", "is_default": True},
                          {"id": 5, "name": "Behaviour", "is_default": False}]
    left["shared_steps"] = [{"id": 12, "title": "Open the shop", "project_id": 1, "case_ids": [],
                             "custom_steps_separated": steps("The home page is shown")}]
    right["shared_steps"] = [{"id": 40, "title": "Open the shop", "project_id": 2, "case_ids": [],
                              "custom_steps_separated": steps("The home page and the banner are shown")}]
    suite = right["suites"][0]
    suite["suite"]["description"] = "The checkout flow"
    suite["sections"].append({"depth": 0, "display_order": 9, "id": 1009, "name": "Wishlist", "parent_id": None,
                              "suite_id": suite["suite"]["id"]})
    paths = []
    for name, data in (("left", left), ("right", right)):
        path = directory / f"{name}.json"
        path.write_text(json.dumps(data))
        paths.append(str(path))
    return paths


def test_resources_are_drawn_beside_the_cases_and_filtered(browser, tmp_path):
    left, right = resource_snapshots(tmp_path)
    report = tmp_path / "resources.html"
    diff = tmp_path / "resources.json"
    run = subprocess.run([str(BIN_DIR / "casediff"), "compare", left, right, "--resources", "all", "--html",
                          str(report), "--json", str(diff), "--reproducible", "--quiet"],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    data = json.loads(diff.read_text())
    drift = {name: totals["drift"] for name, totals in data["resource_totals"].items()}
    assert all(drift[name] > 0 for name in ("sections", "suites", "shared-steps", "fields", "templates")), drift

    def rows(resource):
        return count(browser, f".case[data-resource={resource}]")

    open_view(browser, report=report)
    for name, expected in drift.items():
        assert rows(name) == expected, name
    # A suite's sections are drawn in its block; each project-wide resource in a block of its own.
    assert count(browser, "section.suite[data-suite] .group[data-resource=sections] .case") == drift["sections"]
    # A suite whose cases are all the same still shows for its sections, its heading counting no cases.
    heading = browser.evaluate("Array.from(document.querySelectorAll('section.suite[data-suite]:not([hidden]) h3'))"
                               ".map(h => h.textContent.trim())")
    assert heading == ["Checkout"]
    assert browser.evaluate("document.querySelector('.group[data-resource=sections]:not([hidden]) .shown')"
                            ".textContent") == "1 of 4 sections"
    blocks = browser.evaluate("Array.from(document.querySelectorAll('section.resource:not([hidden]) .suite-name'))"
                              ".map(e => e.textContent)")
    assert blocks == ["Suites", "Shared step sets", "Fields", "Templates"]
    # A section's ids are plain; a suite's link to its page; a field's change is side by side.
    assert browser.evaluate("document.querySelector('.case[data-resource=sections] .ids').textContent").startswith("#")
    assert count(browser, ".case[data-resource=sections] a") == 0
    suite_link = browser.evaluate("document.querySelector('.case[data-resource=suites] a.id').href")
    assert "index.php?/suites/view/" in suite_link
    label = browser.evaluate("(() => { const row = Array.from(document.querySelectorAll("
                             "'.case[data-resource=fields] tr')).find(r => r.querySelector('th').textContent"
                             " === 'label'); return [row.querySelector('td.old').textContent,"
                             " row.querySelector('td.new').textContent]; })()")
    assert label == ["Area", "Product area"]
    browser.screenshot(str(OUT / "html-report-resources.png"))

    # From the fragment: only the sections and the fields.
    open_view(browser, "#res=sections,fields", report=report)
    assert rows("sections") == drift["sections"] and rows("fields") == drift["fields"]
    assert rows("cases") == rows("templates") == rows("suites") == 0
    checked = browser.evaluate("Array.from(document.querySelectorAll('input[name=res]:checked')).map(e => e.value)")
    assert checked == ["sections", "fields"]
    assert int(browser.evaluate("document.getElementById('shown').dataset.count")) == drift["sections"] + drift["fields"]

    # From the control: unticking the fields leaves the sections, and the fragment says so.
    browser.click("input[name=res][value=fields]")
    wait(browser, "location.hash === '#res=sections'")
    assert rows("fields") == 0 and rows("sections") == drift["sections"]
    # The kind filter and the search apply to resource rows too.
    open_view(browser, "#kind=added&res=templates", report=report)
    assert rows("templates") == 1
    assert browser.evaluate("document.querySelector('.case[data-resource=templates] .title').textContent") == "Behaviour"
    open_view(browser, "#q=wishlist", report=report)
    assert rows("sections") == 1 and int(browser.evaluate("document.getElementById('shown').dataset.count")) == 1
