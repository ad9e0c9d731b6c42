"""The AHA gate: every criterion, in plain words; routing and decisions."""
from datetime import timedelta

from radar.stages.cluster import cluster
from radar.config import Decision, GateRules, Match, Route, Rules
from radar.stages.deps import Dependencies, Edge
from radar.stages.gate import gate
from stage_fixtures import HARNESS, fleet, shapes, subsystem

ROUTE = Route("conformance / test harness", "lib/guest", Match(names=("run_suite",)))


def judge(names, rules=Rules(routing=(ROUTE,)), deps=None, others=(), **subsystem_options):
    found = []
    for n, name in enumerate(names):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    clusters = cluster(found)
    assert len(clusters) == 1
    subs = [subsystem(name, [f"lib/{name}/harness.py"], **subsystem_options.get(name, {})) for name in names]
    subs += [subsystem(name, [f"lib/{name}/core.py"]) for name in others]
    if deps is None:
        return gate((("C-000001", clusters[0]),), fleet(*subs), rules)[0]
    return gate((("C-000001", clusters[0]),), fleet(*subs), rules, deps=deps)[0]


def graph(*uses: tuple[str, str], near: tuple[str, ...] = ()) -> Dependencies:
    """(source, target) edges, each with one referencing file; `near`: sources whose copy
    (lib/<source>/harness.py) is that file, else another file of theirs is."""
    names = sorted({n for edge in uses for n in edge})
    edges = tuple(Edge(a, b, 1, (f"lib/{a}/{'harness' if a in near else 'other'}.py:3",)) for a, b in sorted(uses))
    by_file = tuple((a, f"lib/{a}/{'harness' if a in near else 'other'}.py", ((b, 3),)) for a, b in sorted(uses))
    return Dependencies(tuple(names), edges, by_file=by_file)


def test_three_stable_identical_routed_consumers_are_proposed():
    candidate = judge(["acl", "feed", "mod"])
    assert candidate.verdict == "proposed" and candidate.missing == ()
    assert candidate.routing.home == "lib/guest" and candidate.routing.action == "extract"


def test_two_consumers_are_watching_and_need_a_third():
    assert judge(["acl", "feed"]).missing == ("2 consumers, needs 3",)


def test_a_copy_changed_hours_ago_is_not_stable():
    candidate = judge(["acl", "feed", "mod"], mod={"age": timedelta(hours=2)})
    assert candidate.verdict == "watching"
    assert candidate.missing == ("mod's copy changed 2 h ago (stable after 7 days)",)


def test_an_uncommitted_copy_and_an_active_subsystem_are_not_stable():
    dirty = judge(["acl", "feed", "mod"], feed={"dirty": True})
    assert dirty.missing == ("feed's copy has uncommitted changes",)
    active = judge(["acl", "feed", "mod"], acl={"active": True})
    assert active.missing == ("acl is active (committed 1 h ago)",)


def test_no_routing_rule_means_no_natural_home():
    candidate = judge(["acl", "feed", "mod"], rules=Rules())
    assert candidate.missing == ("no natural home (no routing rule matches)",)


def test_the_home_subsystem_among_the_consumers_adopts():
    route = Route("harness", "lib/acl", Match(names=("run_suite",)))
    routing = judge(["acl", "feed", "mod"], rules=Rules(routing=(route,))).routing
    assert routing.action == "adopt" and not routing.inferred
    assert (routing.helper.subsystem, routing.helper.path, routing.helper.name) == ("acl", "lib/acl/harness.py", "run_suite")


def test_a_thin_shape_says_how_thin():
    strict = Rules(routing=(ROUTE,), gate=GateRules(min_tokens=500))
    candidate = judge(["acl", "feed", "mod"], rules=strict)
    assert any(m.startswith("too thin:") and m.endswith("needs 500") for m in candidate.missing)


def test_a_rejected_decision_stays_rejected_with_its_reason():
    decision = Decision(Match(paths=("**/harness.py",)), "rejected", "divergent state contract")
    candidate = judge(["acl", "feed", "mod"], rules=Rules(routing=(ROUTE,), decisions=(decision,)))
    assert candidate.verdict == "rejected" and candidate.reason == "divergent state contract"


def test_a_plain_folder_counts_every_instance_stable():
    found = []
    for n, name in enumerate(["a", "b", "c"]):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"], age=timedelta(0), source="folder") for name in "abc"]
    candidate = gate((("C-1", cluster(found)[0]),), fleet(*subs, kind="folder"), Rules(routing=(ROUTE,)))[0]
    assert candidate.verdict == "proposed"


def test_with_no_rule_the_home_is_what_the_consumers_already_depend_on():
    deps = graph(("acl", "persist"), ("feed", "persist"), ("mod", "persist"), ("acl", "guest"), near=("acl",))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist", "guest"))
    assert candidate.verdict == "proposed" and candidate.missing == ()
    routing = candidate.routing
    assert (routing.home, routing.action, routing.inferred) == ("lib/persist", "extract", True)
    assert routing.by == ("inferred: 3 of 3 consumers reference it "
                          "(lib/acl/harness.py:3, lib/feed/other.py:3, lib/mod/other.py:3)")
    assert routing.evidence == ("lib/acl/harness.py:3", "lib/feed/other.py:3", "lib/mod/other.py:3")


def test_most_consumers_suffice_and_the_count_is_said():
    deps = graph(("acl", "persist"), ("feed", "persist"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",))
    assert candidate.routing.home == "lib/persist"
    assert candidate.routing.by.startswith("inferred: 2 of 3 consumers reference it")


def test_consumers_sharing_no_dependency_keep_no_home():
    deps = graph(("acl", "persist"), ("feed", "guest"), ("mod", "host"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist", "guest", "host"))
    assert candidate.routing.home is None and candidate.verdict == "watching"
    assert candidate.missing == ("no natural home (no routing rule matches; the consumers share no dependency)",)
    half = judge(["acl", "feed", "mod", "search"], rules=Rules(), deps=graph(("acl", "persist"), ("feed", "persist")),
                 others=("persist",))
    assert half.missing == ("no natural home (no routing rule matches; no subsystem is referenced by most "
                            "consumers (at most 2 of 4))",)


def test_the_copies_own_imports_then_the_lowest_subsystem_break_ties():
    both = (("acl", "core"), ("feed", "core"), ("mod", "core"), ("acl", "utils"), ("feed", "utils"),
            ("mod", "utils"), ("core", "utils"))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*both), others=("core", "utils")
                 ).routing.home == "lib/utils"  # core depends on utils: utils is lower
    near = Dependencies(("acl", "core", "feed", "mod", "utils"), graph(*both).edges,
                        by_file=tuple((s, f"lib/{s}/harness.py", (("core", 1),)) for s in ("acl", "feed")))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=near, others=("core", "utils")
                 ).routing.home == "lib/core"  # the copies themselves import core


def test_a_consumer_the_others_depend_on_already_holds_the_unit_to_adopt():
    deps = graph(("feed", "acl"), ("mod", "acl"), ("feed", "persist"), ("mod", "persist"), ("acl", "persist"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",))
    routing = candidate.routing
    assert (routing.home, routing.action) == ("lib/acl", "adopt")
    assert routing.helper.subsystem == "acl" and routing.helper.name == "run_suite"
    assert routing.by.startswith("inferred: 2 of 2 other consumers reference it")
    assert routing.by.endswith("; acl already defines run_suite (lib/acl/harness.py:2)")


def test_routing_rules_win_and_inference_can_be_turned_off():
    deps = graph(("acl", "persist"), ("feed", "persist"), ("mod", "persist"))
    routed = judge(["acl", "feed", "mod"], deps=deps, others=("persist",))
    assert routed.routing.home == "lib/guest" and not routed.routing.inferred
    off = judge(["acl", "feed", "mod"], rules=Rules(gate=GateRules(infer_homes=False)), deps=deps,
                others=("persist",))
    assert off.routing.home is None
    assert off.missing == ("no natural home (no routing rule matches)",)
