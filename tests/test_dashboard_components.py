"""The dashboard extension's component tests (Vitest, in jsdom) and its
type check, run from the suite so that one command runs every test."""

from .dashboard_helpers import run_npm


def test_component_tests_pass():
    result = run_npm("test", "--", "--reporter=verbose")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-4000:]
    assert " passed" in result.stdout


def test_typescript_type_checks():
    result = run_npm("run", "typecheck")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-4000:]
