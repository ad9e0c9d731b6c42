"""The skip gate of tests/conftest.py (`--strict-skips`, what scripts/test.sh runs): a skip not on
tests/skips-allowed.txt fails an otherwise green run; a listed one, or a run without the flag, does not."""
from pathlib import Path

import pytest

from conftest import allowed_skips

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")
TESTS = '''
import pytest

def test_passes():
    pass

def test_skips():
    pytest.skip("no oven here")
'''


@pytest.fixture
def suite(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=TESTS)
    return pytester


def test_an_unlisted_skip_fails_the_strict_run_and_says_which(suite) -> None:
    suite.path.joinpath("skips-allowed.txt").write_text("# nothing may skip\n")
    result = suite.runpytest("--strict-skips")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*skips not on tests/skips-allowed.txt*", "test_suite.py::test_skips: *no oven here"])


def test_a_listed_skip_or_a_run_without_the_flag_stays_green(suite) -> None:
    suite.path.joinpath("skips-allowed.txt").write_text("test_suite.py::test_skips  # the oven is elsewhere\n")
    assert suite.runpytest("--strict-skips").ret == pytest.ExitCode.OK
    suite.path.joinpath("skips-allowed.txt").write_text("")
    assert suite.runpytest().ret == pytest.ExitCode.OK


def test_a_failure_keeps_its_own_exit_code(suite) -> None:
    suite.path.joinpath("skips-allowed.txt").write_text("")
    suite.makepyfile(test_more="def test_fails():\n    assert False\n")
    assert suite.runpytest("--strict-skips").ret == pytest.ExitCode.TESTS_FAILED


def test_every_allowed_skip_has_a_reason(tmp_path) -> None:
    listed = allowed_skips()
    assert listed and all(reason for reason in listed.values())
    (tmp_path / "list.txt").write_text("tests/x.py::test_y\n")
    with pytest.raises(pytest.UsageError, match="list.txt:1: `tests/x.py::test_y` has no reason"):
        allowed_skips(tmp_path / "list.txt")
