"""Conformance: the third-party `testrail-api` client (PyPI) against our simulator.

The expected counts come from the fixture file itself, not from our Swift code, so a simulator that only our own
client understands fails here. Run by scripts/conformance.sh (part of `make test`), which starts the simulator and
sets TESTRAIL_URL, TESTRAIL_USER, TESTRAIL_API_KEY and FIXTURE. The simulator runs with --paginated-suites (TestRail
9.3.1+): get_suites_bulk reads only the envelope, and the simulator's default is the older bare array.
"""
import collections
import json
import os

import pytest
# Imported as a module: a class named Test* in this module's namespace is one pytest tries to collect as tests.
import testrail_api
from testrail_api._exception import StatusCodeError

URL = os.environ["TESTRAIL_URL"]
USER = os.environ["TESTRAIL_USER"]
KEY = os.environ["TESTRAIL_API_KEY"]

with open(os.environ["FIXTURE"]) as handle:
    FIXTURE = json.load(handle)

CASES_PER_SUITE = collections.Counter(c["suite_id"] for c in FIXTURE["cases"])
SECTIONS_PER_SUITE = collections.Counter(s["suite_id"] for s in FIXTURE["sections"])
SUITES_PER_PROJECT = collections.defaultdict(list)
for s in FIXTURE["suites"]:
    SUITES_PER_PROJECT[s["project_id"]].append(s["id"])


@pytest.fixture(scope="module")
def api():
    return testrail_api.TestRailAPI(URL, USER, KEY, warn_ignore=True, raise_on_error=True)


def test_lists_every_project(api):
    response = api.projects.get_projects()
    assert response["size"] == len(FIXTURE["projects"])
    assert response["_links"]["next"] is None
    assert sorted(p["name"] for p in response["projects"]) == sorted(p["name"] for p in FIXTURE["projects"])


def test_bulk_fetches_every_case_and_section_of_every_suite(api):
    total = 0
    for project in FIXTURE["projects"]:
        suites = api.suites.get_suites_bulk(project["id"])
        assert sorted(s["id"] for s in suites) == sorted(SUITES_PER_PROJECT[project["id"]])
        for suite in suites:
            cases = api.cases.get_cases_bulk(project["id"], suite_id=suite["id"])
            assert len(cases) == CASES_PER_SUITE[suite["id"]], suite["name"]
            assert len({c["id"] for c in cases}) == len(cases), "a case was served twice"
            sections = api.sections.get_sections_bulk(project["id"], suite_id=suite["id"])
            assert len(sections) == SECTIONS_PER_SUITE[suite["id"]], suite["name"]
            total += len(cases)
    assert total == len(FIXTURE["cases"])


def test_single_suite_project_needs_no_suite_id(api):
    single = [p for p in FIXTURE["projects"] if p["suite_mode"] == 1][0]
    cases = api.cases.get_cases_bulk(single["id"])
    assert len(cases) == CASES_PER_SUITE[SUITES_PER_PROJECT[single["id"]][0]]


def test_multi_suite_project_requires_suite_id(api):
    multi = [p for p in FIXTURE["projects"] if p["suite_mode"] == 3][0]
    with pytest.raises(StatusCodeError) as error:
        api.cases.get_cases(multi["id"])
    assert error.value.status_code == 400
    assert b"Field :suite_id is a required field." in error.value.args[3]


def test_pages_follow_next_links(api):
    biggest = max(CASES_PER_SUITE, key=CASES_PER_SUITE.get)
    project_id = next(s["project_id"] for s in FIXTURE["suites"] if s["id"] == biggest)
    first = api.cases.get_cases(project_id, suite_id=biggest, limit=250, offset=0)
    assert first["size"] == 250 and first["offset"] == 0 and first["limit"] == 250
    assert first["_links"]["next"] == f"/api/v2/get_cases/{project_id}&suite_id={biggest}&limit=250&offset=250"
    second = api.cases.get_cases(project_id, suite_id=biggest, limit=250, offset=250)
    assert second["size"] == CASES_PER_SUITE[biggest] - 250
    assert second["_links"]["next"] is None


def test_unknown_project_is_400(api):
    with pytest.raises(StatusCodeError) as error:
        api.projects.get_project(9999)
    assert error.value.status_code == 400


def test_wrong_key_is_401():
    bad = testrail_api.TestRailAPI(URL, USER, "not-the-key", warn_ignore=True, raise_on_error=True)
    with pytest.raises(StatusCodeError) as error:
        bad.projects.get_projects()
    assert error.value.status_code == 401
    assert b"Authentication failed" in error.value.args[3]
