"""Ranking: proposed first, then by value over risk; deterministic."""
from datetime import timedelta

from radar.stages.cluster import cluster
from radar.config import Match, Route, Rules
from radar.stages.gate import gate
from radar.stages.rank import rank
from stage_fixtures import HARNESS, fleet, shapes, subsystem

ROUTE = Route("harness", "lib/guest", Match(names=("run_suite",)))


def candidates(groups):
    """groups: {id: (subsystems, {subsystem: age})}"""
    identified, subs = [], {}
    for index, (candidate_id, (names, ages)) in enumerate(sorted(groups.items())):
        found = []
        for n, name in enumerate(names):
            found += shapes(name, HARNESS.format(n=n), f"lib/{name}/h{index}.py")
            sub = subs.setdefault(name, subsystem(name, []))
            subs[name] = subsystem(name, [f.path for f in sub.files] + [f"lib/{name}/h{index}.py"],
                                   age=ages.get(name, timedelta(days=30)))
        identified.append((candidate_id, cluster(found)[0]))
    return gate(tuple(identified), fleet(*subs.values()), Rules(routing=(ROUTE,)))


def test_more_consumers_rank_higher_and_proposed_come_first():
    ranked = rank(candidates({"C-small": (["a", "b", "c"], {}), "C-big": (["d", "e", "f", "g", "h"], {}),
                              "C-two": (["i", "j"], {})}))
    assert [r.candidate.id for r in ranked] == ["C-big", "C-small", "C-two"]
    assert [r.rank for r in ranked] == [1, 2, 1]  # rank within its verdict
    assert ranked[0].score.value > ranked[1].score.value


def test_unstable_copies_raise_the_risk():
    calm, moving = rank(candidates({"C-calm": (["a", "b", "c"], {}),
                                    "C-moving": (["d", "e", "f"], {"f": timedelta(hours=1)})}))
    assert moving.candidate.verdict == "watching"
    assert moving.score.risk > calm.score.risk
    assert "unstable" in moving.score.explanation


def test_order_does_not_depend_on_input_order():
    made = candidates({"C-1": (["a", "b", "c"], {}), "C-2": (["d", "e", "f"], {})})
    assert [r.candidate.id for r in rank(made)] == [r.candidate.id for r in rank(tuple(reversed(made)))]
