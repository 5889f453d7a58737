"""The JSON diff against its published schema (docs/diff-schema.json, version 3): every golden diff, a live run, and
the migration pair compared with every resource (--resources all) across two simulators, whose planted resource
drift (Fixtures/migration/planted.json `resources`) must show as records."""
import copy
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "diff-schema.json").read_text())
SCHEMA_VERSION = SCHEMA["properties"]["schema_version"]["const"]
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
GOLDEN = sorted(ROOT.glob("Fixtures/compare/*/expected.json")) + [
    ROOT / "Fixtures/golden/storefront-diff.json", ROOT / "Fixtures/migration/expected.json"]
BINARY = ROOT / os.environ.get("BIN_DIR", ".build/debug") / "casediff"
MIGRATION = ROOT / "Fixtures" / "migration"
PLANTED = json.loads((MIGRATION / "planted.json").read_text())
EVERY_RESOURCE = ["cases", "suites", "sections", "shared-steps", "fields", "templates"]


def test_the_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_golden_diffs_validate(path):
    document = json.loads(path.read_text())
    if document.get("schema_version", 0) < SCHEMA_VERSION:
        # The golden files are recorded by the Swift tests (RECORD_SNAPSHOTS=1); until they are, the live runs below
        # check what the renderer writes now.
        pytest.skip(f"golden file still at schema version {document.get('schema_version')}: re-record it")
    VALIDATOR.validate(document)


def test_a_live_diff_with_its_run_block_validates():
    result = subprocess.run([str(BINARY), "compare", "1", "2", "--format", "json", "--quiet"],
                            capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert "run" in document["metadata"] and "generated_at" in document["metadata"]
    VALIDATOR.validate(document)
    # The defaults: cases and sections, every kind counting for both.
    assert document["metadata"]["resources"] == ["cases", "sections"]
    assert sorted(document["metadata"]["fail_on"]) == ["cases", "sections"]
    assert document["resources"] == []
    assert sorted(document["resource_totals"]) == ["cases", "sections"]
    assert all(suite["sections"] is not None for suite in document["suites"])


# The migration pair: Fixtures/migration/server.json (left) and cloud.json (right), each on its own simulator, which
# scripts/conformance.sh starts and names in MIGRATION_SERVER_URL / MIGRATION_CLOUD_URL.

@pytest.fixture(scope="module")
def migration_config(tmp_path_factory):
    server, cloud = os.environ.get("MIGRATION_SERVER_URL"), os.environ.get("MIGRATION_CLOUD_URL")
    if not server or not cloud:
        pytest.skip("MIGRATION_SERVER_URL and MIGRATION_CLOUD_URL not set (scripts/conformance.sh sets them)")
    path = tmp_path_factory.mktemp("migration") / "config.toml"
    path.write_text(
        f'[profiles.server]\nurl = "{server}"\nuser = "{os.environ.get("MIGRATION_USER", "qa@x.test")}"\n'
        f'api_key = "{os.environ.get("MIGRATION_SERVER_KEY", "k1")}"\nrate = "server"\n\n'
        f'[profiles.cloud]\nurl = "{cloud}"\nuser = "{os.environ.get("MIGRATION_USER", "qa@x.test")}"\n'
        f'api_key = "{os.environ.get("MIGRATION_CLOUD_KEY", "k2")}"\nrate = 6000\n')
    path.chmod(0o600)
    return path


def compare_migration(config, *flags, expected_exit=1):
    """The migration pair's JSON diff with these flags, validated against the schema."""
    result = subprocess.run(
        [str(BINARY), "compare", "server:12", "cloud:3", "--config", str(config), "--no-store", "--format", "json",
         "--reproducible", "--quiet", *flags],
        capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == expected_exit, result.stderr
    document = json.loads(result.stdout)
    VALIDATOR.validate(document)
    return document


def resource_records(document):
    """Every record that is not a case's: the sections of each suite, then the project-wide resources."""
    for suite in document["suites"]:
        if suite["sections"] is not None:
            yield from suite["sections"]["records"]
    for group in document["resources"]:
        yield from group["records"]


def planted_shape(record, suite_names):
    """A record as planted.json writes a resource's: resource, suite (sections only), name, status, fields."""
    side = record["left"] or record["right"]
    if record["resource"] == "sections":
        name = f'{side["section"]} > {side["title"]}' if side["section"] else side["title"]
        suite = suite_names[id(record)]
    else:
        name, suite = side["title"], None
    fields = sorted({change["field"] for change in record["changes"]})
    return (record["resource"], suite, name, record["status"], tuple(fields))


def drifted_resources(document):
    suite_names = {}
    for suite in document["suites"]:
        for record in (suite["sections"] or {}).get("records", []):
            suite_names[id(record)] = suite["name"]
    return sorted(planted_shape(r, suite_names) for r in resource_records(document) if r["status"] != "unchanged")


def planted_resources(with_order):
    return sorted(
        (p["resource"], p["suite"], p["name"], p["status"], tuple(sorted(p["fields"])))
        for p in PLANTED["resources"] if with_order or not p.get("only_with_fields"))


def test_every_resource_of_the_migration_validates_and_shows_the_planted_drift(migration_config):
    document = compare_migration(migration_config, "--resources", "all")
    metadata = document["metadata"]
    assert metadata["resources"] == EVERY_RESOURCE
    assert sorted(metadata["fail_on"]) == sorted(EVERY_RESOURCE)
    assert all(kinds == ["added", "removed", "changed", "moved", "renamed"] for kinds in metadata["fail_on"].values())
    assert [group["resource"] for group in document["resources"]] == ["suites", "shared-steps", "fields", "templates"]
    assert sorted(document["resource_totals"]) == sorted(EVERY_RESOURCE)
    assert document["resource_totals"]["cases"] == document["totals"]
    for group in document["resources"]:
        assert all(record["resource"] == group["resource"] for record in group["records"])
        assert document["resource_totals"][group["resource"]] == group["counts"]
        # A project-wide resource's sides name no section; only a suite names a suite.
        for record in group["records"]:
            for side in (record["left"], record["right"]):
                if side:
                    assert side["section"] == ""
                    assert side["suite"] == (side["title"] if group["resource"] == "suites" else "")
    for suite in document["suites"]:
        assert suite["sections"]["resource"] == "sections"
        assert all(record["resource"] == "cases" for record in suite["cases"])
    assert drifted_resources(document) == planted_resources(with_order=False)
    # Every planted resource record counts as drift by default.
    assert all(r["drift"] for r in resource_records(document) if r["status"] != "unchanged")


def test_the_sections_order_is_compared_only_when_fields_names_display_order(migration_config):
    document = compare_migration(migration_config, "--resources", "sections", "--fields", "title,display_order")
    assert document["metadata"]["resources"] == ["sections"]
    assert [suite["cases"] for suite in document["suites"]] == [[] for _ in document["suites"]]
    assert drifted_resources(document) == sorted(
        p for p in planted_resources(with_order=True) if p[0] == "sections")


def test_fail_on_is_an_object_of_the_compared_resources(migration_config):
    document = compare_migration(
        migration_config, "--resources", "cases,sections,fields", "--fail-on", "cases:added,removed,sections")
    assert document["metadata"]["fail_on"] == {
        "cases": ["added", "removed"], "fields": [], "sections": ["added", "removed", "changed", "moved", "renamed"]}
    assert [group["resource"] for group in document["resources"]] == ["fields"]
    assert not any(record["drift"] for group in document["resources"] for record in group["records"])
    # A changed case no longer counts; an added one does.
    cases = [record for suite in document["suites"] for record in suite["cases"]]
    assert all(record["drift"] == (record["status"] in ("added", "removed")) for record in cases)
    nothing = compare_migration(migration_config, "--resources", "all", "--fail-on", "none", expected_exit=0)
    assert nothing["metadata"]["fail_on"] == {resource: [] for resource in EVERY_RESOURCE}
    assert nothing["drift"] is False


def test_resources_without_cases_list_no_case(migration_config):
    document = compare_migration(migration_config, "--resources", "templates")
    assert document["metadata"]["resources"] == ["templates"]
    assert list(document["resource_totals"]) == ["templates"]
    assert all(suite["cases"] == [] and suite["sections"] is None for suite in document["suites"])
    assert [(r["status"], r["left"]["title"]) for r in document["resources"][0]["records"] if r["status"] != "unchanged"] \
        == [("removed", "Test Case (Legacy)")]


def a_template_group(document):
    """A project-wide group as the renderer writes one: one template on both sides, unchanged."""
    counts = {kind: 0 for kind in ("added", "removed", "changed", "moved", "renamed", "drift")}
    side = {"id": 1, "section": "", "suite": "", "title": "Test Case (Steps)"}
    return {
        "counts": dict(counts, unchanged=1), "left": 1, "right": 1, "resource": "templates",
        "records": [{"changes": [], "drift": False, "duplicate": False, "key": "Test Case (Steps)", "left": side,
                     "resource": "templates", "right": dict(side, id=2), "status": "unchanged"}]}


def test_the_schema_rejects_what_it_should():
    # A version 3 golden diff when one is recorded, else a live one; a template group added to it (with the
    # metadata to match) so the mutations of the project-wide resources have one to break.
    document = next((json.loads(p.read_text()) for p in GOLDEN
                     if json.loads(p.read_text()).get("schema_version") == SCHEMA_VERSION), None)
    if document is None:
        result = subprocess.run([str(BINARY), "compare", "1", "2", "--format", "json", "--quiet", "--reproducible"],
                                capture_output=True, text=True, env=os.environ.copy())
        document = json.loads(result.stdout)
    if not document["resources"]:
        group = a_template_group(document)
        document["resources"].append(group)
        document["resource_totals"]["templates"] = group["counts"]
        document["metadata"]["resources"].append("templates")
        document["metadata"]["fail_on"]["templates"] = []
    VALIDATOR.validate(document)
    mutations = [
        lambda d: d["suites"][0]["cases"][0].update(status="vanished"),
        lambda d: d["suites"][0].update(cases=None),
        lambda d: d["suites"][0]["cases"][0].update(left=None, right=None),
        lambda d: d["suites"][0]["cases"][0].pop("resource"),
        lambda d: d["suites"][0]["cases"][0].update(resource="milestones"),
        lambda d: d["suites"][0].pop("sections"),
        lambda d: d.update(schema_version=2),
        lambda d: d["metadata"].update(complete=False),
        lambda d: d["metadata"].update(fail_on=["added", "removed"]),   # version 2's shape
        lambda d: d["metadata"]["fail_on"].update(milestones=["added"]),
        lambda d: d["metadata"]["fail_on"].update(cases=["unchanged"]),
        lambda d: d["metadata"].pop("resources"),
        lambda d: d["metadata"].update(resources=[]),
        lambda d: d.pop("resources"),
        lambda d: d.pop("resource_totals"),
        lambda d: d["resource_totals"].update(milestones=d["totals"]),
        lambda d: d["resources"].append(dict(d["resources"][0], resource="cases")),
        lambda d: d["resources"].append(dict(d["resources"][0], resource="sections")),
        lambda d: d["resources"][0].update(extra=1),
        lambda d: d["resources"][0].pop("records"),
        lambda d: d["resources"][0]["records"][0].update(resource="fields"),   # not the group's resource
        lambda d: d["resources"][0]["records"][0]["left"].update(path="x"),
    ]
    if document["suites"][0]["sections"] and document["suites"][0]["sections"]["records"]:
        mutations += [
            lambda d: d["suites"][0]["sections"].update(resource="suites"),
            lambda d: d["suites"][0]["sections"]["records"][0].update(resource="cases"),
        ]
    for mutate in mutations:
        broken = copy.deepcopy(document)
        mutate(broken)
        assert not VALIDATOR.is_valid(broken), mutate
