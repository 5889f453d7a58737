"""Times an HTML report in headless Chromium (cdp.py) against floors measured in the same browser: benchmark H1.

    python3 Tests/Browser/measure_report.py REPORT FLOOR [--query TEXT] [--suite NAME] [--runs N]

REPORT is the report; FLOOR the same document without its page script, so the browser reads and tokenizes every
byte and runs nothing. Prints one JSON object to stdout (seconds throughout):

- open: REPORT from navigation start (performance's origin) to `dataset.ready`, measured in the page, and to the
  first frame after it with layout done; the wall time around the navigation too; the JS heap after opening. The
  median of --runs opens, after one untimed open of each file, alternating with the floor's.
- floor_open: FLOOR from navigation start to its load event (nothing runs, so that is every byte read and parsed).
- filters: each view set through the URL fragment from the opening view, timed in the page from setting
  `location.hash` to the first animation frame after the page's hashchange handler ran, layout forced in that
  frame (the rows are laid out, as before a paint). The median of --runs (default 5).
- filter_floor: the least any filter must do once the data is parsed: one loop over every record of every suite
  comparing one field.
- ratios: open ÷ floor_open, each filter ÷ filter_floor.

Standard library only (with cdp.py beside it); run with PYTHONPATH=Tests/Browser.
"""

import argparse
import json
import pathlib
import statistics
import sys
import urllib.parse

import cdp

# Installed before any of the page's own script runs: notes when the page says it is ready, then the first frame
# after that with layout done. Observing attributes only (one name), so the page's own drawing costs it nothing.
MARKS = """
(() => {
  const marks = window.__benchMarks = {};
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.ready !== 'true' || marks.ready !== undefined) { return; }
    marks.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      void document.documentElement.scrollHeight;
      marks.frame = performance.now();
    });
  });
  observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
})();
"""

# Sets the fragment and resolves in the first animation frame after the page's hashchange handler (registered before
# this one, so it has run), with layout forced there; performance.now() at both ends, in milliseconds.
FILTER = """
new Promise((resolve) => {
  const shown = document.getElementById('shown');
  const started = performance.now();
  if (location.hash.replace(/^#/, '') === %s.replace(/^#/, '')) { resolve(null); return; }  // no hashchange to come
  window.addEventListener('hashchange', () => {
    const handled = performance.now();
    requestAnimationFrame(() => {
      void document.documentElement.scrollHeight;
      resolve({ handled: handled - started, frame: performance.now() - started, count: Number(shown.dataset.count),
        rows: document.querySelectorAll('.case').length });
    });
  }, { once: true });
  location.hash = %s;
})
"""

# The filter floor: every suite's data parsed first (untimed), then one loop comparing one field of every record.
FILTER_FLOOR = """
(() => {
  const suites = Array.prototype.map.call(document.querySelectorAll('script[type="application/json"][id^="data-"]'),
    (element) => JSON.parse(element.textContent));
  const times = [];
  let records = 0;
  let matched = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    records = 0;
    matched = 0;
    for (let s = 0; s < suites.length; s++) {
      const list = suites[s][1];
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === 2) { matched++; }
      }
      records += list.length;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { milliseconds: times[3], records: records, matched: matched };
})()
"""

NAVIGATION = """
(() => {
  const entry = performance.getEntriesByType('navigation')[0];
  return { load: entry.loadEventStart, interactive: entry.domInteractive, responseEnd: entry.responseEnd,
    marks: window.__benchMarks || {} };
})()
"""


def wait_for(browser, condition):
    browser.evaluate(
        "new Promise((resolve) => { const check = () => (%s) ? resolve(true) : setTimeout(check, 10); check(); })"
        % condition)


def open_page(browser, url, ready):
    """One navigation: the wall time around it and the page's own timings, in seconds."""
    wall = browser.open(url)
    if ready:
        wait_for(browser, "window.__benchMarks && window.__benchMarks.frame !== undefined")
    else:
        wait_for(browser, "performance.getEntriesByType('navigation')[0].loadEventStart > 0")
    timing = browser.evaluate(NAVIGATION)
    result = {"wall": wall, "load": timing["load"] / 1000, "interactive": timing["interactive"] / 1000,
              "response_end": timing["responseEnd"] / 1000}
    if ready:
        result["ready"] = timing["marks"]["ready"] / 1000
        result["frame"] = timing["marks"]["frame"] / 1000
    return result


def median_of(runs):
    """Each key's median over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def set_view(browser, fragment):
    return browser.evaluate(FILTER % (json.dumps(fragment), json.dumps(fragment)))


def measure(report, floor, query, suite, runs):
    browser = cdp.Browser(timeout=120)
    try:
        browser.send("Page.addScriptToEvaluateOnNewDocument", source=MARKS)
        floor_url = pathlib.Path(floor).resolve().as_uri()
        report_url = pathlib.Path(report).resolve().as_uri()
        # One untimed open of each first (a fresh browser's first navigation pays for its own start-up), then the
        # two alternately, so a slow moment of the machine falls on both.
        open_page(browser, floor_url, ready=False)
        open_page(browser, report_url, ready=True)
        floor_opens = []
        opens = []
        for _ in range(runs):
            floor_opens.append(open_page(browser, floor_url, ready=False))
            opens.append(open_page(browser, report_url, ready=True))
        heap = browser.send("Runtime.getHeapUsage")["usedSize"] / 1e6
        opening = browser.evaluate("Number(document.getElementById('shown').dataset.count)")
        views = {
            "kind": "#kind=changed",
            "search": "#q=" + urllib.parse.quote(query),
            "all": "#all=1",
            "suite": "#suite=" + urllib.parse.quote(suite),
            "search_all": "#q=" + urllib.parse.quote(query) + "&all=1",
        }
        filters = {}
        for name, fragment in views.items():
            measured = []
            for _ in range(runs):
                set_view(browser, "")  # back to the opening view: each run is the same change
                measured.append(set_view(browser, fragment))
            filters[name] = {"fragment": fragment, "seconds": statistics.median(m["frame"] for m in measured) / 1000,
                             "handler_seconds": statistics.median(m["handled"] for m in measured) / 1000,
                             "count": measured[-1]["count"], "rows": measured[-1]["rows"]}
        filter_floor = browser.evaluate(FILTER_FLOOR)
        errors = browser.errors()
    finally:
        browser.close()
    open_median = median_of(opens)
    floor_median = median_of(floor_opens)
    floor_seconds = filter_floor["milliseconds"] / 1000
    return {
        "open": open_median,
        "open_runs": [run["ready"] for run in opens],
        "floor_open": floor_median,
        "opening_count": opening,
        "heap_mb": heap,
        "filters": filters,
        "filter_floor": {"seconds": floor_seconds, "records": filter_floor["records"]},
        "ratios": dict(
            {"open": open_median["ready"] / floor_median["load"]},
            **{name: value["seconds"] / floor_seconds for name, value in filters.items()}),
        "errors": [str(error.get("params", {}).get("exceptionDetails", {}).get("text")) for error in errors],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("floor")
    parser.add_argument("--query", default="coupon", help="the text searched for (a fragment of titles)")
    parser.add_argument("--suite", default="Suite 7", help="the suite the suite filter shows")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    if not cdp.chromium_binary():
        print(json.dumps({"error": "Chromium is missing (Debian's chromium package, or CHROMIUM)"}))
        return 3
    print(json.dumps(measure(arguments.report, arguments.floor, arguments.query, arguments.suite, arguments.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
