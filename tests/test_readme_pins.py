"""The README's table of rules names, for each, the test that pins it: every one named exists."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_test_the_readme_names_for_a_rule_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| rule | pinned by"):]
    table = table[:table.index("\n\n")]
    named = 0
    for row in table.splitlines()[2:]:
        previous = None
        for reference in re.findall(r"`([^`]+::[^`]+)`", row.rsplit("|", 2)[1]):
            file, _, name = reference.partition("::")
            file = previous if file == "…" else file
            previous = file
            assert f"def {name}(" in (ROOT / "tests" / file).read_text(encoding="utf-8"), reference
            named += 1
    assert named >= 20
