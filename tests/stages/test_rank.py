"""Ranking: proposed first, then by value over risk; deterministic."""
from datetime import timedelta

from radar.stages.cluster import cluster
from radar.config import GateRules, Match, Route, Rules
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


# ---------------------------------------------------------------- every score term, pinned
# Pinned values: whoever changes the formula (README "Ranking") updates these on purpose.

NEAR = HARNESS.replace('    print("%s', '    if not tests:\n        return 0, []\n    print("%s')  # one guard more


def scored(names, rules=Rules(routing=(ROUTE,)), near=(), ages=None):
    found = []
    for n, name in enumerate(names):
        found += shapes(name, (NEAR if name in near else HARNESS).format(n=n), f"lib/{name}/h.py")
    clusters = cluster(found)
    assert len(clusters) == 1
    subs = [subsystem(name, [f"lib/{name}/h.py"], age=(ages or {}).get(name, timedelta(days=30))) for name in names]
    candidate = gate((("C-1", clusters[0]),), fleet(*subs), rules)[0]
    return candidate, rank((candidate,))[0].score


def test_a_clean_candidate_scores_consumers_times_effort():
    candidate, score = scored(["a", "b", "c"])
    assert candidate.verdict == "proposed"
    assert (score.consumers, score.effort, score.risk, score.value) == (3, 1.9, 1.0, 5.7)
    assert score.explanation == ("3 consumers × 1.9 effort (3 instances, 2 copies of 95 tokens × 1.00 shared content) ÷ 1 risk "
                                 "(1 + 0.00 near-miss + 0.00 unstable + 0 no home + 0 too thin) = 5.7")


def test_near_miss_copies_weigh_twenty_times_their_distance():
    candidate, score = scored(["a", "b", "c", "d"], near=("d",))
    assert candidate.verdict == "proposed" and round(candidate.cluster.similarity, 3) == 0.955
    assert (score.effort, score.risk, score.value) == (2.85, 1.9, 6.0)
    assert "÷ 1.9 risk (1 + 0.90 near-miss + 0.00 unstable" in score.explanation


def test_unstable_copies_add_twice_their_share():
    candidate, score = scored(["a", "b", "c", "d"], ages={"d": timedelta(hours=1)})
    assert candidate.verdict == "watching"
    assert (score.risk, score.value) == (1.5, 7.6)
    assert "+ 0.50 unstable +" in score.explanation


def test_no_home_and_too_thin_each_add_one():
    homeless = scored(["a", "b", "c"], rules=Rules())[1]
    assert (homeless.risk, homeless.value) == (2.0, 2.8)
    assert homeless.explanation.endswith("(1 + 0.00 near-miss + 0.00 unstable + 1 no home + 0 too thin) = 2.8")
    thin = scored(["a", "b", "c"], rules=Rules(routing=(ROUTE,), gate=GateRules(min_tokens=500)))[1]
    assert (thin.risk, thin.value) == (2.0, 2.8)
    assert thin.explanation.endswith("(1 + 0.00 near-miss + 0.00 unstable + 0 no home + 1 too thin) = 2.8")


def test_effort_is_rounded_to_hundredths_after_the_shared_content():
    import dataclasses
    candidate, _ = scored(["a", "b", "c"])
    saying_less = dataclasses.replace(candidate, cluster=dataclasses.replace(candidate.cluster,
                                                                             content=(0.4861, 0.4861, 0.4861)))
    score = rank((saying_less,))[0].score
    assert score.effort == 0.92  # 2 copies × 95 tokens / 100 × 0.4861 = 0.92359
