"""The JSON diff against its published schema (docs/diff-schema.json): every golden diff, and a live run."""
import copy
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "diff-schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
GOLDEN = sorted(ROOT.glob("Fixtures/compare/*/expected.json")) + [
    ROOT / "Fixtures/golden/storefront-diff.json", ROOT / "Fixtures/migration/expected.json"]


def test_the_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_golden_diffs_validate(path):
    VALIDATOR.validate(json.loads(path.read_text()))


def test_a_live_diff_with_its_run_block_validates():
    binary = ROOT / os.environ.get("BIN_DIR", ".build/debug") / "casediff"
    result = subprocess.run([str(binary), "compare", "1", "2", "--format", "json", "--quiet"],
                            capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert "run" in document["metadata"] and "generated_at" in document["metadata"]
    VALIDATOR.validate(document)


def test_the_schema_rejects_what_it_should():
    document = json.loads(GOLDEN[0].read_text())
    for mutate in (
        lambda d: d["suites"][0]["cases"][0].update(status="vanished"),
        lambda d: d["suites"][0].update(cases=None),
        lambda d: d["suites"][0]["cases"][0].update(left=None, right=None),
        lambda d: d.update(schema_version=1),
        lambda d: d["metadata"].update(complete=False),
    ):
        broken = copy.deepcopy(document)
        mutate(broken)
        assert not VALIDATOR.is_valid(broken)
