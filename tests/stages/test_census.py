"""Census: recurring names told apart as shape-match, collision or decided."""
from radar.stages.analyse import FileResult
from radar.stages.census import census, recurrences
from radar.config import Decision, Match
from stage_fixtures import HARNESS, shapes

OTHER = '''
def run_suite(config):
    server = connect(config.host, config.port)
    return {"status": server.status(), "uptime": server.uptime()}
'''


def result(subsystem, source, path):
    return FileResult(subsystem, path, "python", tuple(shapes(subsystem, source, path)), None, False)


def rows(results, decisions=()):
    return {(r.kind, r.name): r for r in census(recurrences(results), (), decisions)}


def test_same_name_different_structure_is_a_collision():
    table = rows([result("acl", HARNESS.format(n=1), "lib/acl/api.py"),
                  result("feed", OTHER, "lib/feed/api.py")])
    assert table[("file", "api.py")].verdict == "collision"
    assert table[("definition", "run_suite")].verdict == "collision"
    assert table[("file", "api.py")].owners == ("acl", "feed")


def test_identical_units_are_a_shape_match_even_without_a_candidate():
    table = rows([result("acl", HARNESS.format(n=1), "lib/acl/api.py"),
                  result("feed", HARNESS.format(n=2), "lib/feed/api.py")])
    assert table[("definition", "run_suite")].verdict == "shape-match"


def test_a_decision_covering_the_files_makes_it_decided():
    decision = Decision(Match(paths=("**/api.py",)), "rejected", "name collision")
    table = rows([result("acl", HARNESS.format(n=1), "lib/acl/api.py"),
                  result("feed", OTHER, "lib/feed/api.py")], (decision,))
    assert table[("file", "api.py")].verdict == "decided"
    assert table[("file", "api.py")].reason == "rejected: name collision"


def test_names_in_one_subsystem_only_are_not_recurrences():
    table = rows([result("acl", HARNESS.format(n=1), "lib/acl/a.py"), result("acl", OTHER, "lib/acl/b.py")])
    assert ("definition", "run_suite") not in table


def test_a_decision_about_one_candidate_never_relabels_a_row_of_many():
    """A name shared by many files holds several candidates: rejecting one of them decides nothing for the name."""
    from radar.stages.census import _covers

    decision = Decision(Match(id="C-one"), "rejected", "not this one")
    paths = ["a/models.py", "b/models.py"]
    assert not _covers(decision, paths, "models.py", ("C-one", "C-two"), frozenset({"C-one"}))
    assert _covers(decision, paths, "models.py", ("C-one",), frozenset({"C-one"}))


def test_a_path_glob_must_cover_every_recurring_file():
    decision = Decision(Match(paths=("lib/acl/**",)), "rejected", "only acl's copy")
    table = rows([result("acl", HARNESS.format(n=1), "lib/acl/api.py"),
                  result("feed", OTHER, "lib/feed/api.py")], (decision,))
    assert table[("file", "api.py")].verdict == "collision"


def test_a_block_inside_a_recurring_function_is_not_one_more_place_of_its_name():
    results = [result("acl", HARNESS.format(n=1), "lib/acl/api.py"), result("feed", HARNESS.format(n=2), "lib/feed/api.py")]
    assert any(s.kind == "block" for r in results for s in r.shapes)  # HARNESS's loop body
    assert rows(results)[("definition", "run_suite")].count == 2
