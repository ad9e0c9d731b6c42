"""The AHA gate: every criterion, in plain words; routing and decisions."""
import dataclasses
from datetime import timedelta

import pytest

from radar.stages.cluster import cluster
from radar.config import Decision, GateRules, Match, Route, Rules
from radar.stages.gate import Routing, _against, gate
from stage_fixtures import HARNESS, NOW, ROUTE, fleet, judge, shapes, subsystem


def test_three_stable_identical_routed_consumers_are_proposed():
    candidate = judge(["acl", "feed", "mod"])
    assert candidate.verdict == "proposed" and candidate.missing == ()
    assert candidate.routing.home == "lib/guest" and candidate.routing.action == "extract"


def test_two_consumers_are_watching_and_need_a_third():
    assert judge(["acl", "feed"]).missing == ("2 consumers, needs 3",)


def test_packages_forking_another_for_a_major_version_are_its_consumer_but_worktrees_never():
    """sentry-java's `sentry-spring-7` and `sentry-spring-jakarta`, forks of `sentry-spring` for
    newer Springs: 34 of its 50 proposals were their copies of each other. Worktrees named so are
    each another agent's work, the fleet the radar is for."""
    packages = {name: {"source": "package"} for name in ("spring", "spring-7", "spring-jakarta", "kafka")}
    forked = judge(["spring", "spring-7", "spring-jakarta"], **packages)
    assert forked.verdict == "watching"
    assert forked.missing == ("1 consumer (spring-7 forks spring, spring-jakarta forks spring), needs 3",)
    assert judge(["kafka", "spring", "spring-7", "spring-jakarta"], **packages).verdict == "watching"
    assert judge(["agent", "agent-2", "agent-3"]).verdict == "proposed"
    # Sentinel's `zuul2-adapter` and `webmvc-v6x-adapter`: the version on a word inside the name
    inner = {name: {"source": "package"} for name in ("zuul-adapter", "zuul2-adapter", "zuul-v6x-adapter")}
    assert judge(["zuul-adapter", "zuul2-adapter", "zuul-v6x-adapter"], **inner).missing == (
        "1 consumer (zuul-v6x-adapter forks zuul-adapter, zuul2-adapter forks zuul-adapter), needs 3",)
    # kotlinx.coroutines' `rx2` and `rx3`, with no `rx`: the later forks the earlier; `reactor` is another
    siblings = {name: {"source": "package"} for name in ("coroutines-rx2", "coroutines-rx3", "coroutines-reactor")}
    assert judge(["coroutines-rx2", "coroutines-rx3", "coroutines-reactor"], **siblings).missing == (
        "2 consumers (coroutines-rx3 forks coroutines-rx2), needs 3",)
    # celeborn's columnar shuffle for Spark 3, 3.5 and 4: the version a word of its own inside the name
    spark = {name: {"source": "package"} for name in ("spark-3-shuffle", "spark-3.5-shuffle", "spark-4-shuffle")}
    assert judge(list(spark), **spark).missing == (
        "1 consumer (spark-3.5-shuffle forks spark-3-shuffle, spark-4-shuffle forks spark-3-shuffle), needs 3",)
    # kyuubi's Spark extensions, one per Spark version written with dashes (`-3-5`, `-4-0`): its
    # first 33 proposals were their copies of one another
    dashed = {name: {"source": "package"} for name in ("extension-spark-3-5", "extension-spark-4-0",
                                                        "extension-spark-4-1")}
    assert judge(list(dashed), **dashed).missing == ("1 consumer (extension-spark-4-0 forks extension-spark-3-5, "
                                                     "extension-spark-4-1 forks extension-spark-3-5), needs 3",)
    # spark-rapids' `delta-22x`, `delta-23x`: a release's any patch, `x`
    releases = {name: {"source": "package"} for name in ("delta-22x", "delta-23x", "delta-24x")}
    assert judge(list(releases), **releases).missing == (
        "1 consumer (delta-23x forks delta-22x, delta-24x forks delta-22x), needs 3",)
    # Timefold's collectors, written once per tuple size in `uni`, `bi`, `tri`, `quad`
    arities = {name: {"source": "package"} for name in ("uni", "bi", "tri", "quad")}
    assert judge(list(arities), **arities).missing == (
        "1 consumer (bi forks uni, quad forks uni, tri forks uni), needs 3",)
    # numbered 1, 2, 3: peers, not generations
    peers = {name: {"source": "package"} for name in ("worker1", "worker2", "worker3")}
    assert judge(["worker1", "worker2", "worker3"], **peers).verdict == "proposed"


def test_packages_in_folders_differing_by_a_version_only_are_one_consumer():
    """inlong's connectors, one tree per Flink version (`sort-flink-v1.13/sort-connectors/jdbc`,
    `…-v1.15/…/jdbc`, `…-v1.18/…/jdbc`): 24 of its 108 first proposals were one connector's copies
    across them. Connectors of one version are peers; so are folders numbered 1, 2, 3."""
    versions = ["flink-v1.13/jdbc", "flink-v1.15/jdbc", "flink-v1.18/jdbc"]
    peers = ["flink-v1.13/jdbc", "flink-v1.13/kafka", "flink-v1.13/hbase"]
    numbered = ["node1/jdbc", "node2/jdbc", "node3/jdbc"]
    packages = {name: {"source": "package"} for name in (*versions, *peers, *numbered)}
    assert judge(versions, **packages).missing == (
        "1 consumer (flink-v1.15/jdbc forks flink-v1.13/jdbc, flink-v1.18/jdbc forks flink-v1.13/jdbc), needs 3",)
    assert judge(peers, **packages).verdict == "proposed"
    assert judge(numbered, **packages).verdict == "proposed"


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



PROCESSOR = """
class {title}Processor:
    FEATURE = "camel-{name}"

    def feature(self):
        return FeatureBuildItem(self.FEATURE)

    def warn_jvm_in_native(self, recorder):
        if recorder.native_build():
            log.warning("%s supports JVM mode only", self.FEATURE)
        recorder.warn_jvm_in_native(self.FEATURE)
"""


def test_one_template_per_package_in_ten_packages_is_kept_on_purpose():
    """camel-quarkus' 57 JVM-only extensions' processors (`Asn1Processor`, `AsteriskProcessor` …),
    which its extension generator writes into each module, had been its first proposal."""
    def judged(names, title=str.title, level=lambda name: "warning", more=lambda name: ""):
        found = []
        for name in names:
            source = PROCESSOR.format(title=title(name), name=name).replace("log.warning", f"log.{level(name)}")
            source = source.replace("        recorder.warn_jvm", more(name) + "        recorder.warn_jvm")
            found += shapes(name, source, f"ext/{name}/processor.py")
        subs = [subsystem(name, [f"ext/{name}/processor.py"]) for name in names]
        routes = (Route("shared logic", "lib/guest", Match(paths=("**",))),)
        return gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(routing=routes))[0]

    names = ["asn1", "asterisk", "barcode", "bonita", "chunk", "cron", "consul", "dataset", "digitalocean", "docker"]
    template = judged(names)
    assert template.verdict == "watching" and template.missing == (
        "one template per package: the copies in 10 packages are identical but for the package's name, each "
        "named for it (Asn1Processor): a generator's scaffolding, which each keeps",)
    assert judged(names[:9]).verdict == "proposed"  # nine: copies by hand may stay alike so far
    assert judged(names, title=lambda name: "Shared").verdict == "proposed"  # not named for their packages
    assert judged(names, level=lambda name: "error" if name == "cron" else "warning").verdict == "proposed"
    assert judged(names, more=lambda name: "        tries = 3\n" if name == "cron" else "").verdict == "proposed"

def test_copies_in_versions_of_one_file_are_kept_on_purpose():
    """citus: PostgreSQL's ruleutils.c copied once for each major version it builds against,
    `deparser/ruleutils_16.c`, `_17.c`, `_18.c` (one-module packages each): its functions had been
    73 of its 76 proposals. Files of other names, or in other folders, are copies to share."""
    def judged(paths):
        found, subs = [], []
        for path in paths:
            name = path.rpartition("/")[2].partition(".")[0]
            found += shapes(name, HARNESS, path)
            subs.append(subsystem(name, [path]))
        routes = (Route("shared logic", "lib/guest", Match(paths=("**",))),)
        return gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(routing=routes))[0]

    versions = judged([f"src/deparser/ruleutils_{n}.py" for n in (16, 17, 18)])
    assert versions.verdict == "watching" and versions.missing == (
        "versions of one file: the copies are in 3 versions of `ruleutils.py` (ruleutils_16.py, ruleutils_17.py, "
        "ruleutils_18.py), one for each version it is built for, kept apart on purpose (a frozen copy each)",)
    assert judged(["src/deparser/ruleutils_16.py", "src/deparser/ruleutils_17.py",
                   "src/deparser/citus_ruleutils.py"]).verdict == "proposed"
    assert judged(["src/a/ruleutils_16.py", "src/b/ruleutils_17.py", "src/c/ruleutils_18.py"]).verdict == "proposed"
    assert judged(["src/net/ipv4.py", "src/net/ipv6.py", "src/net/ip.py"]).verdict == "proposed"
    # morphir-scala's JSON codecs, the current and each earlier format's, a version after the name:
    # its first proposal (5.4k tokens)
    json = judged([f"ir/json/MorphirJsonEncodingSupport{version}.py" for version in ("", "V1", "V2")])
    assert json.verdict == "watching" and "versions of one file" in json.missing[0]
    assert judged(["ir/json/Encoding.py", "ir/json/EncodingV1.py", "ir/json/Decoding.py"]).verdict == "proposed"


def test_a_family_of_one_names_variants_in_each_consumers_file_is_no_copy_of_the_others():
    """kotlin-wrappers' `async` for one to twelve parameters in kotlin-web, again in kotlin-vscode
    and kotlin-js (`unsafeAsync`): each module's family of one name's overloads by arity had been
    its #1. ServiceStack's auth repositories' `TryAuthenticate` pair (password, digest), copied
    whole into four, stays a proposal, as do copies of one another written three times in one
    file (two of the three `resolveObject` in each of dbeaver's HANA and Vertica structure
    assistants are identical)."""
    own = {"acl": "\n\nclass Grant{k}:\n    def __init__(self, who):\n        self.who = who\n\n"
                  "    def allows(self, what):\n        return what in self.who.roles or self.who.admin\n",
           "feed": "\n\ndef entries{k}(rows):\n"
                   "    return {{row['id']: [c for c in row['children'] if c.get('on')] for row in rows if row}}\n",
           "mod": "\n\ndef drain{k}(queue):\n    while queue:\n        item = queue.pop()\n"
                  "        if item is None:\n            break\n        yield item\n"}

    def variant(k: int, arity: bool) -> str:  # one more parameter each: overloads by arity
        return HARNESS.replace("timeout={n})", "timeout={n}" + ", opt=None" * k + ")") if arity else HARNESS

    def judged(per_file: int, arity: bool = True):
        found, subs = [], []
        for n, name in enumerate(["acl", "feed", "mod"]):  # each file its own besides: no module's copies
            source = "".join(variant(k, arity).format(n=n + 10 * k) for k in range(per_file))
            source += "".join(own[name].format(k=k) for k in range(10))
            found += shapes(name, source, f"lib/{name}/harness.py")
            subs.append(subsystem(name, [f"lib/{name}/harness.py"]))
        copies = next(found for found in cluster(found) if found.name == "run_suite")
        assert len(copies.members) == 3 * per_file
        return gate((("C-000001", copies),), fleet(*subs), Rules(routing=(ROUTE,)))[0]

    family = judged(3)
    assert family.verdict == "watching" and family.missing == (
        "a family of variants: in 3 of 3 consumers the copies are one name, run_suite, written 3 times or "
        "more in one file, each unlike the others (overloads by arity), each consumer's own",)
    assert judged(2).verdict == "proposed"
    assert judged(3, arity=False).verdict == "proposed"  # three copies of one another in each file: copied whole


def test_copies_that_say_they_are_copied_from_another_are_kept_on_purpose_and_not_proposed():
    found = []
    for n, name in enumerate(["acl", "feed", "mod"]):
        marked = "# Copied from lib.acl.harness.run_suite" if name != "acl" else ""
        found += shapes(name, marked + HARNESS.format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"]) for name in ("acl", "feed", "mod")]
    candidate = gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(routing=(ROUTE,)))[0]
    assert candidate.verdict == "watching"
    assert candidate.missing == ("copied on purpose: 2 of 3 copies say they are `Copied from` another or silence "
                                 "a duplicate detector (kept in step by a tool or by choice, not shared)",)


def _near_misses(near_in: tuple[str, ...]):
    near = HARNESS.replace('    print("%s', '    if not tests:\n        return 0, []\n    print("%s')
    found = []
    for n, name in enumerate(["acl", "feed", "mod", "geo"]):
        found += shapes(name, (near if name in near_in else HARNESS).format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"]) for name in ["acl", "feed", "mod", "geo"]]
    return cluster(found)[0], fleet(*subs)


def _judged(found, subs, min_similarity: float):
    rules = Rules(routing=(ROUTE,), gate=GateRules(min_similarity=min_similarity))
    return gate((("C-1", found),), subs, rules)[0]


def test_near_miss_copies_are_similar_not_identical_below_min_similarity():
    found, subs = _near_misses(("mod", "geo"))
    for min_similarity, verdict, missing in ((0.9, "proposed", ()),
                                             (0.96, "watching", ("similar, not identical: similarity 0.95 < 0.96",))):
        candidate = _judged(found, subs, min_similarity)
        assert (candidate.verdict, candidate.missing) == (verdict, missing)


def test_identical_copies_in_enough_consumers_clear_the_gate_beside_their_near_variants():
    found, subs = _near_misses(("geo",))
    candidate = _judged(found, subs, 0.96)
    assert candidate.verdict == "proposed" and len(candidate.consumers) == 4
    [identical] = [c for c in candidate.checks if c.criterion == "identical"]
    assert identical.detail.startswith("identical in 3 of 4 consumers (similarity >= 0.96, shared content 1.00 >= 0.50)")
    assert identical.detail.endswith("the others are near variants, down to 0.95")


def test_an_identical_core_saying_different_things_does_not_clear_the_gate_alone():
    found, subs = _near_misses(("geo",))
    saying_less = dataclasses.replace(found, content=tuple(0.45 for _ in found.members))
    candidate = _judged(saying_less, subs, 0.96)
    assert candidate.verdict == "watching"
    assert candidate.missing == ("similar, not identical: similarity 0.95 < 0.96 "
                                 "(3 consumers are identical, sharing content 0.45 < 0.50)",)


def test_a_decision_matches_by_id_or_by_unit_name():
    for match in (Match(id="C-000001"), Match(names=("run_*",))):
        decision = Decision(match, "done", "extracted to lib/guest")
        candidate = judge(["acl", "feed", "mod"], rules=Rules(routing=(ROUTE,), decisions=(decision,)))
        assert (candidate.verdict, candidate.reason) == ("done", "extracted to lib/guest"), match
        assert candidate.decision == decision  # the snapshot's `decision` and the review flag come from it
    other = Decision(Match(id="C-999999", names=("other_*",)), "rejected", "not this one")
    assert judge(["acl", "feed", "mod"], rules=Rules(routing=(ROUTE,), decisions=(other,))).verdict == "proposed"


def test_a_home_with_or_without_a_trailing_slash_is_the_consumer_that_adopts():
    """Home `lib/MUX/` is the namespace `lib/MUX` of consumer MUX, and `lib/MUX` is `lib/MUX/`."""
    names = ["MUX", "feed", "mod"]
    found = []
    for n, name in enumerate(names):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"]) for name in names]
    for home, namespace in (("lib/MUX/", "lib/MUX"), ("lib/MUX", "lib/MUX/")):
        rules = Rules(routing=(Route("harness", home, Match(names=("run_suite",))),))
        fleet_subs = [dataclasses.replace(subs[0], namespace=namespace), *subs[1:]]
        candidate = gate((("C-1", cluster(found)[0]),), fleet(*fleet_subs), rules)[0]
        assert candidate.routing.action == "adopt", (home, namespace)


def test_a_copy_exactly_stable_days_old_is_stable():
    assert judge(["acl", "feed", "mod"], mod={"age": timedelta(days=7)}).verdict == "proposed"
    assert judge(["acl", "feed", "mod"], mod={"age": timedelta(days=7) - timedelta(seconds=1)}).missing == (
        "mod's copy changed 6 days ago (stable after 7 days)",)


# ---------------------------------------------------------------- the checklist `radar explain` prints

def checklist(candidate):
    return [(c.criterion, c.met, c.detail) for c in candidate.checks]


def test_the_checklist_of_a_proposed_candidate_names_each_criterion_and_the_rule_that_routed_it():
    unrelated = Route("other", "lib/other", Match(names=("nothing_*",)))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(routing=(unrelated, ROUTE)))
    assert checklist(candidate) == [
        ("consumers", True, "3 consumers (acl, feed, mod), needs 3"),
        ("stable", True, "every instance committed and quiet for 7+ days"),
        ("identical", True, "structurally identical: similarity 1.00 >= 0.90"),
        ("size", True, "95 tokens >= 50"),
        ("content", True, "shared logic: shared vocabulary 1.00 >= 0.30"),
        ("intent", True, "no copy marked `Copied from`"),
        ("home", True, "home lib/guest (routing.yaml rule 2 (conformance / test harness))"),
    ]
    assert candidate.routing == Routing("conformance / test harness", "lib/guest", "extract",
                                        "routing.yaml rule 2 (conformance / test harness)", 2)
    assert candidate.reason is None
    first = candidate.instances[0]
    assert (first.subsystem, first.path, first.name, first.unit, first.language, first.similarity, first.dirty,
            first.stable, first.unstable_because) == ("acl", "lib/acl/harness.py", "run_suite", "function", "python",
                                                      1.0, False, True, None)
    assert first.last_change == NOW - timedelta(days=30)


def test_the_checklist_of_a_watching_candidate_says_what_is_missing_and_what_holds():
    candidate = judge(["acl", "feed"], rules=Rules(), acl={"dirty": True})
    assert checklist(candidate) == [
        ("consumers", False, "2 consumers, needs 3"),
        ("stable", False, "acl's copy has uncommitted changes"),
        ("identical", True, "structurally identical: similarity 1.00 >= 0.90"),
        ("size", True, "95 tokens >= 50"),
        ("content", True, "shared logic: shared vocabulary 1.00 >= 0.30"),
        ("intent", True, "no copy marked `Copied from`"),
        ("home", False, "no natural home (no routing rule matches)"),
    ]
    assert candidate.routing == Routing(None, None, None, "no routing rule matches")
    assert candidate.instances[0].dirty is True


def test_a_plain_folder_says_it_has_no_history():
    found = []
    for n, name in enumerate(["a", "b", "c"]):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"], source="folder") for name in "abc"]
    candidate = gate((("C-1", cluster(found)[0]),), fleet(*subs, kind="folder"), Rules(routing=(ROUTE,)))[0]
    assert checklist(candidate)[1] == ("stable", True, "every instance stable (plain folder: no history, counted stable)")


def test_routes_match_by_candidate_id_or_by_instance_path():
    for match in (Match(id="C-000001"), Match(paths=("lib/*/harness.py",))):
        route = Route("by " + ("id" if match.id else "path"), "lib/guest", match)
        assert judge(["acl", "feed", "mod"], rules=Rules(routing=(route,))).routing.home == "lib/guest", match


def test_a_copy_the_fleet_does_not_list_is_not_committed():
    candidate = judge(["acl", "feed", "mod"], mod={"listed": False})
    assert candidate.missing == ("mod's copy is not committed",)


def test_a_shape_exactly_at_the_thresholds_passes_them():
    exact = Rules(routing=(ROUTE,), gate=GateRules(min_similarity=1.0, min_tokens=95))
    candidate = judge(["acl", "feed", "mod"], rules=exact)
    assert candidate.verdict == "proposed"
    assert checklist(candidate)[2:4] == [("identical", True, "structurally identical: similarity 1.00 >= 1.00"),
                                         ("size", True, "95 tokens >= 95")]
    thin = judge(["acl", "feed", "mod"], rules=Rules(routing=(ROUTE,), gate=GateRules(min_tokens=96)))
    assert thin.missing == ("too thin: 95 tokens, needs 96",)


@pytest.mark.parametrize(("value", "threshold", "shown"), [
    (0.84, 0.9, "0.84 < 0.90"), (0.95, 0.9, "0.95 >= 0.90"), (0.95, 0.95, "0.95 >= 0.95"),
    (0.899, 0.9, "0.899 < 0.900"), (0.8999, 0.9, "0.8999 < 0.9000"), (0.89999, 0.9, "0.89999 < 0.90000"),
    (0.899999, 0.9, "0.899999 < 0.900000"), (0.8999999, 0.9, "0.900000 < 0.900000"),
])
def test_similarity_is_shown_with_as_many_decimals_as_the_comparison_needs(value, threshold, shown):
    """Up to 6 decimals: past that the figures read alike, the sign still tells."""
    assert _against(value, threshold) == shown


def test_an_identical_core_at_its_thresholds():
    from radar.stages.gate import Check
    found, subs = _near_misses(("mod", "geo"))
    at = {m.subsystem: s for m, s in zip(found.members, found.similarities)}
    further = dataclasses.replace(found, similarities=tuple(round(s - 0.01, 4) if m.subsystem == "geo" else s
                                                            for m, s in zip(found.members, found.similarities)))
    candidate = _judged(further, subs, at["mod"])  # mod exactly at min_similarity: in the core
    assert candidate.verdict == "proposed"
    halfway = dataclasses.replace(further, content=tuple(0.5 for _ in found.members))
    assert _judged(halfway, subs, at["mod"]).verdict == "proposed"  # content exactly 0.5
    below = dataclasses.replace(further, content=tuple(0.4999 for _ in found.members))
    [check] = [c for c in _judged(below, subs, at["mod"]).checks if c.criterion == "identical"]
    assert check == Check("identical", False, f"similar, not identical: similarity {min(further.similarities):.2f} "
                                              f"< {at['mod']:.2f} (3 consumers are identical, sharing content "
                                              "0.4999 < 0.5000)")


def test_each_instance_carries_its_own_shared_content_and_a_cluster_never_weighed_counts_as_one():
    found, subs = _near_misses(("geo",))
    weighed = dataclasses.replace(found, content=tuple(0.5 + i / 10 for i in range(len(found.members))))
    assert tuple(i.shared_content for i in _judged(weighed, subs, 0.9).instances) == weighed.content
    unweighed = dataclasses.replace(found, content=())  # a memo from before content was weighed
    assert {i.shared_content for i in _judged(unweighed, subs, 0.9).instances} == {1.0}


ADVICE = '''
@framework.advice(on_throwable=Throwable, suppress=Throwable, inline=False, order=1, name="exit")
def run_suite(scope, error):
    if scope is not None:
        scope.end(error)
'''


def test_annotations_do_not_count_towards_the_size_a_unit_needs():
    """A framework's entry point (ByteBuddy's `@Advice.OnMethodExit(…)` methods in every
    instrumentation) is mostly what the framework reads: its few tokens of code are too thin."""
    found = [s for n, name in enumerate(("acl", "feed", "mod"))
             for s in shapes(name, ADVICE, f"lib/{name}/harness.py") if s.kind == "function"]
    subs = [subsystem(name, [f"lib/{name}/harness.py"]) for name in ("acl", "feed", "mod")]
    rules = Rules(routing=(ROUTE,), gate=GateRules(min_tokens=30))
    candidate = gate((("C-000001", cluster(found, floor=10)[0]),), fleet(*subs), rules)[0]
    assert found[0].size >= 30 and candidate.verdict == "watching"
    assert candidate.missing == ("too thin: 20 tokens of code (and 25 of annotations), needs 30",)


GETTER = """<?php
class Field {
    public function getDataForSearchIndex(DataObject\\Localizedfield|DataObject\\Fieldcollection\\Data\\AbstractData|DataObject\\Concrete $object, array $params = []): string
    {
        return $this->getDataFromObjectParam($object, $params) ?? '';
    }
}
"""


def test_a_union_types_other_alternatives_do_not_count_towards_the_size_a_unit_needs():
    """pimcore's field types' one-line getters, each taking a union of four model classes, had
    been its first proposal: past its head's types, each is a call and a default."""
    found = [s for name in ("acl", "feed", "mod")
             for s in shapes(name, GETTER, f"lib/{name}/Field.php", "php") if s.kind == "method"]
    subs = [subsystem(name, [f"lib/{name}/Field.php"]) for name in ("acl", "feed", "mod")]
    rules = Rules(routing=(ROUTE,), gate=GateRules(min_tokens=40))
    candidate = gate((("C-000001", cluster(found, floor=10)[0]),), fleet(*subs), rules)[0]
    assert found[0].size >= 40 and candidate.verdict == "watching"
    assert "too thin: 31 tokens of code (and 12 of union types' other alternatives), needs 40" in candidate.missing
