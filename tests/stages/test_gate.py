"""The AHA gate: every criterion, in plain words; routing and decisions."""
import dataclasses
from datetime import timedelta

import pytest

from radar.stages.cluster import cluster
from radar.config import Decision, GateRules, Match, Route, Rules
from radar.stages.deps import Dependencies, Edge
from radar.stages.discover import SourceFile, Subsystem
from radar.stages.gate import Routing, _against, gate
from stage_fixtures import HARNESS, NOW, fleet, shapes, subsystem

ROUTE = Route("conformance / test harness", "lib/guest", Match(names=("run_suite",)))


def judge(names, rules=Rules(routing=(ROUTE,)), deps=None, others=(), defined_by=None, kind=None,
          **subsystem_options):
    found = []
    for n, name in enumerate(names):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    clusters = cluster(found)
    assert len(clusters) == 1
    if kind is not None:  # the same copies as another unit (a block, part of its function)
        members = tuple(dataclasses.replace(m, kind=kind) for m in clusters[0].members)
        clusters = (dataclasses.replace(clusters[0], members=members),)
    if defined_by is not None:  # what cluster() finds defined elsewhere: test_cluster.py
        clusters = (dataclasses.replace(clusters[0], defined_by=defined_by),)
    subs = []
    for name in names:
        options = dict(subsystem_options.get(name, {}))
        listed = options.pop("listed", True)  # False: the fleet does not list the copy's file
        subs.append(subsystem(name, [f"lib/{name}/harness.py"] if listed else [], **options))
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
    # numbered 1, 2, 3: peers, not generations
    peers = {name: {"source": "package"} for name in ("worker1", "worker2", "worker3")}
    assert judge(["worker1", "worker2", "worker3"], **peers).verdict == "proposed"


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
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",),
                      defined_by=(("persist", 1.0),))
    assert candidate.routing.home == "lib/persist"
    assert candidate.routing.by.startswith("inferred: 2 of 3 consumers reference it")


def test_a_subsystem_the_consumers_import_for_other_code_only_is_no_natural_home():
    """redpanda connect: every enterprise plugin imports `internal/license` for its licence check;
    three batchers' copied loops neither import nor call it: no home, rather than the licence check."""
    deps = graph(("acl", "license"), ("feed", "license"), ("mod", "license"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("license",), defined_by=())
    assert candidate.routing.home is None and candidate.verdict == "watching"
    assert candidate.missing == ("no natural home (no routing rule matches; the consumers share license "
                                 "(3 of 3), but no copy uses it)",)
    used = graph(("acl", "license"), ("feed", "license"), ("mod", "license"), near=("acl",))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=used, others=("license",), defined_by=()
                 ).routing.home == "lib/license"  # one copy's own file imports it
    shared = graph(("acl", "esutils"), ("feed", "esutils"), ("mod", "esutils"))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=shared, others=("esutils",), defined_by=()
                 ).routing.home == "lib/esutils"  # a package named for shared code: where a new helper goes
    for project, home in (("Orleans.Core", "lib/Orleans.Core"), ("Orleans.Streaming", None)):  # a dot is no suffix
        dotted = graph(*((c, project) for c in ("acl", "feed", "mod")))
        assert judge(["acl", "feed", "mod"], rules=Rules(), deps=dotted, others=(project,), defined_by=()
                     ).routing.home == home


def test_many_homes_alike_are_no_natural_home():
    """polars' `deserialize` x 3 (DataFrame, LazyFrame, Expr): each file imports the same dozen
    modules, none defining what the copies call; the one with fewest dependencies of its own
    (`_dependencies.py`, its optional imports) had been the home, an arbitrary pick."""
    consumers = ("acl", "feed", "mod")

    def judged(homes: tuple[str, ...]):
        deps = Dependencies((*consumers, *homes), tuple(Edge(c, h, 1, (f"lib/{c}/harness.py:3",))
                                                        for c in consumers for h in homes),
                            by_file=tuple((c, f"lib/{c}/harness.py", tuple((h, 3) for h in homes)) for c in consumers))
        return judge(list(consumers), rules=Rules(), deps=deps, others=homes, defined_by=())

    four = judged(("plr", "reexport", "schema", "sql"))
    assert four.routing.home == "lib/plr"  # a few alike: the lowest, then by name
    five = judged(("dependencies", "plr", "reexport", "schema", "sql"))
    assert five.routing.home is None and five.verdict == "watching"
    assert five.missing == ("no natural home (no routing rule matches; the consumers share 5 subsystems alike "
                            "(dependencies, plr, reexport, …), none more theirs than the others)",)


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


def test_after_the_copies_own_imports_the_subsystem_defining_what_they_call_breaks_ties():
    """rubocop: the alignment cops include `Alignment` and extend `AutoCorrector`; their copied
    `base_column` calls what Alignment defines, so it goes there, not to the lower mixin."""
    both = (("acl", "core"), ("feed", "core"), ("mod", "core"), ("acl", "utils"), ("feed", "utils"),
            ("mod", "utils"), ("core", "utils"))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*both), others=("core", "utils"),
                 defined_by=(("core", 1.5), ("guest", 0.5))).routing.home == "lib/core"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*both), others=("core", "utils"),
                 defined_by=(("core", 0.5), ("utils", 1.0))).routing.home == "lib/utils"


def test_a_home_no_copy_imports_gives_way_to_the_one_they_are_written_against():
    """nocobase: every plugin's `locale.ts` binds `useT` and `tExpr` of `@nocobase/flow-engine`,
    which they import; every plugin also imports `@nocobase/server` elsewhere (its server side),
    and the home had been the server, which no copy imports: now the flow engine."""
    consumers = ("acl", "feed", "mod", "search")
    uses = [(c, "server", "other") for c in consumers] + [(c, "engine", "harness") for c in consumers[:3]]
    deps = Dependencies(("acl", "engine", "feed", "mod", "search", "server"),
                        tuple(Edge(c, t, 1, (f"lib/{c}/{f}.py:3",)) for c, t, f in uses),
                        by_file=tuple((c, f"lib/{c}/{f}.py", ((t, 3),)) for c, t, f in uses))
    home = judge(list(consumers), rules=Rules(), deps=deps, others=("engine", "server"),
                 defined_by=(("engine", 2.0),)).routing
    assert home.home == "lib/engine" and home.by.startswith("inferred: 3 of 4 consumers reference it")
    assert judge(list(consumers), rules=Rules(), deps=deps, others=("engine", "server"), defined_by=()
                 ).routing.home is None  # they import the engine but call nothing it defines; no copy uses the server


def test_a_module_of_constants_is_a_home_only_when_nothing_else_is():
    """sentry-python: every integration imports `consts.py` (SPANDATA) and `utils.py`; consts is
    the lowest, but logic goes to utils, not among the constants."""
    both = [(c, t) for c in ("acl", "feed", "mod") for t in ("consts", "utils")] + [("utils", "consts")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*both), others=("consts", "utils")
                 ).routing.home == "lib/utils"
    globals_too = [(c, t) for c in ("acl", "feed", "mod") for t in ("RuntimeGlobals", "utils")]  # webpack's
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*globals_too), others=("RuntimeGlobals", "utils")
                 ).routing.home == "lib/utils"
    thrown = [(c, t) for c in ("acl", "feed", "mod") for t in ("InvalidArgumentException", "BaseObject")
              ] + [("BaseObject", "InvalidArgumentException")]  # yii2's: the exception is the lowest
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*thrown),
                 others=("InvalidArgumentException", "BaseObject")).routing.home == "lib/BaseObject"
    promised = [(c, t) for c in ("acl", "feed", "mod") for t in ("Contracts", "Support")] + [("Support", "Contracts")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*promised), others=("Contracts", "Support")
                 ).routing.home == "lib/Support"  # laravel's `Contracts`: interfaces alone
    typed = [(c, t) for c in ("acl", "feed", "mod") for t in ("apis", "esutils")] + [("esutils", "apis")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*typed), others=("apis", "esutils")
                 ).routing.home == "lib/esutils"  # external-secrets: `apis/`, its API types by version
    alone = [(c, "consts") for c in ("acl", "feed", "mod")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*alone), others=("consts",),
                 defined_by=(("consts", 1.0),)).routing.home == "lib/consts"  # the copies read its constants
    configured = [(c, t) for c in ("acl", "feed", "mod") for t in ("config", "common")] + [("common", "config")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*configured), others=("config", "common")
                 ).routing.home == "lib/common"  # telegraf's `config`: what a program is configured with
    imported = tuple((c, f"lib/{c}/harness.py", (("config", 3), ("common", 4))) for c in ("acl", "feed", "mod"))
    loaders = dataclasses.replace(graph(*configured), by_file=imported,
                                  extended=tuple((c, f"lib/{c}/harness.py", ("config",)) for c in ("acl", "feed", "mod")))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=loaders, others=("config", "common")
                 ).routing.home == "lib/config"  # symfony's `Config` component: the loaders' base class


def test_a_module_of_declarations_the_copies_files_import_is_no_home_for_their_logic():
    """fluentd's plugin helpers each require `config.rb`, the configuration DSL, for their
    options; their copied `*_operate` loops call nothing it defines: no natural home."""
    deps = graph(*((c, "config") for c in ("acl", "feed", "mod")), near=("acl", "feed", "mod"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("config",), defined_by=())
    assert candidate.routing.home is None and candidate.verdict == "watching"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("config",),
                 defined_by=(("config", 1.0),)).routing.home == "lib/config"  # they read its options


def test_copies_that_say_they_are_copied_from_another_are_kept_on_purpose_and_not_proposed():
    found = []
    for n, name in enumerate(["acl", "feed", "mod"]):
        marked = "# Copied from lib.acl.harness.run_suite" if name != "acl" else ""
        found += shapes(name, marked + HARNESS.format(n=n), f"lib/{name}/harness.py")
    subs = [subsystem(name, [f"lib/{name}/harness.py"]) for name in ("acl", "feed", "mod")]
    candidate = gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(routing=(ROUTE,)))[0]
    assert candidate.verdict == "watching"
    assert candidate.missing == ("copied on purpose: 2 of 3 copies say they are `Copied from` another "
                                 "(kept in step by a tool, not shared)",)


def _package(name: str, namespace: str, paths: list[str]) -> Subsystem:
    """A package subsystem of these files, quiet for a month, in `/repo`."""
    files = tuple(SourceFile(p, f"/repo/{p}", None, NOW - timedelta(days=30), False) for p in paths)
    return Subsystem(name, "package", "/repo", namespace, None, None, files, NOW - timedelta(days=30),
                     (), False, "quiet")


def test_among_homes_as_referenced_the_package_the_consumers_live_in_is_preferred():
    """diffusers' pipelines/<name>: they import `schedulers` and `pipelines` (their base class)
    alike; the copied method goes up to the package they live in, not to the lowest one."""
    found, subs = [], []
    for n, name in enumerate(["acl", "feed", "mod"]):
        found += shapes(name, HARNESS.format(n=n), f"pipes/{name}/harness.py")
        subs.append(_package(name, f"pipes/{name}", [f"pipes/{name}/harness.py"]))
    subs += [_package("pipes", "pipes", ["pipes/base.py"]), _package("schedulers", "schedulers", ["schedulers/s.py"])]
    uses = [(c, t) for c in ("acl", "feed", "mod") for t in ("pipes", "schedulers")] + [("pipes", "schedulers")]
    deps = Dependencies(("acl", "feed", "mod", "pipes", "schedulers"),
                        tuple(Edge(a, b, 1, (f"pipes/{a}/harness.py:1",)) for a, b in uses))
    candidate = gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(), deps=deps)[0]
    assert candidate.routing.home == "pipes"  # schedulers is lower (pipes depends on it), but not theirs


def test_among_homes_the_copies_own_files_reference_their_familys_base_beside_them_is_preferred():
    """seatunnel's CDC connectors (`connector-cdc/connector-cdc-mysql`, `-oracle` …) import their
    `connector-cdc/connector-cdc-base` and the project's `seatunnel-api` alike; `readTableSplitDataStatement`,
    copied in four, went to the API, which defines more of what it calls, not to their own base."""
    found, subs = [], []
    for n, name in enumerate(["cdc-mysql", "cdc-oracle", "cdc-postgres"]):
        found += shapes(name, HARNESS.format(n=n), f"connectors/cdc/{name}/harness.py")
        subs.append(_package(name, f"connectors/cdc/{name}", [f"connectors/cdc/{name}/harness.py"]))
    subs += [_package("cdc-base", "connectors/cdc/cdc-base", ["connectors/cdc/cdc-base/base.py"]),
             _package("api", "api", ["api/api.py"])]
    consumers = ("cdc-mysql", "cdc-oracle", "cdc-postgres")
    uses = [(c, t) for c in consumers for t in ("cdc-base", "api")] + [("cdc-base", "api")]
    deps = Dependencies((*consumers, "cdc-base", "api"),
                        tuple(Edge(a, b, 1, (f"connectors/cdc/{a}/harness.py:1",)) for a, b in uses))
    found = dataclasses.replace(cluster(found)[0], defined_by=(("api", 2.0),))
    candidate = gate((("C-000001", found),), fleet(*subs), Rules(), deps=deps)[0]
    assert candidate.routing.home == "connectors/cdc/cdc-base"


def test_a_package_beside_the_consumers_that_no_copy_uses_is_no_natural_home():
    """symfony's null transport factories in `Mailer`, `Notifier` and `Translation`: every one of
    the 54 components sits beside them, and their other files import `Mime`; sitting beside them
    makes no home of it, nor defining one name of what they call among three definers (their own
    `getScheme`); one name it shares with one other does."""
    found, subs = [], []
    consumers = ("mailer", "notifier", "translation")
    for n, name in enumerate(consumers):
        found += shapes(name, HARNESS.format(n=n), f"components/{name}/harness.py")
        subs.append(_package(name, f"components/{name}", [f"components/{name}/harness.py"]))
    subs.append(_package("mime", "components/mime", ["components/mime/mime.py"]))
    deps = Dependencies((*consumers, "mime"),
                        tuple(Edge(c, "mime", 1, (f"components/{c}/collector.py:14",)) for c in consumers))
    for defined_by, home in (((), None), ((("mime", 0.33),), None), ((("mime", 0.5),), "components/mime")):
        candidate = gate((("C-000001", dataclasses.replace(cluster(found)[0], defined_by=defined_by)),),
                         fleet(*subs), Rules(), deps=deps)[0]
        assert candidate.routing.home == home
    assert candidate.missing == ()
    assert gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(), deps=deps)[0].missing == (
        "no natural home (no routing rule matches; the consumers share mime (3 of 3), but no copy uses it)",)


def test_among_homes_as_referenced_the_class_the_copies_extend_is_preferred():
    """checkstyle: the naming checks import `DetailAST`, whose methods they call, and extend
    `AbstractNameCheck`: a method they all repeat is pulled up into the class they extend."""
    consumers = ("acl", "feed", "mod")
    plain = Dependencies(("acl", "ast", "base", "feed", "mod"),
                         tuple(Edge(c, t, 1, (f"lib/{c}/harness.py:3",)) for c in consumers for t in ("ast", "base")),
                         by_file=tuple((c, f"lib/{c}/harness.py", (("ast", 3), ("base", 4))) for c in consumers))
    deps = dataclasses.replace(plain, extended=tuple((c, f"lib/{c}/harness.py", ("base",)) for c in consumers))
    defines_ast = (("ast", 3.0),)
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("ast", "base"), defined_by=defines_ast
                 ).routing.home == "lib/base"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=plain, others=("ast", "base"), defined_by=defines_ast
                 ).routing.home == "lib/ast"


def test_among_homes_alike_the_one_the_copies_name_is_preferred():
    """rclone: every backend imports `fs` and `fs/hash`, and its `newObjectWithInfo` calls only
    its own methods; it says `fs.Object`, so `fs` it is, not the lowest, `fs/hash`."""
    consumers = ("acl", "feed", "mod")
    def deps(*homes):
        return Dependencies(tuple(sorted({*consumers, *homes})),
                            tuple(Edge(c, t, 1, (f"lib/{c}/harness.py:3",)) for c in consumers for t in homes),
                            by_file=tuple((c, f"lib/{c}/harness.py", tuple((t, 3) for t in homes)) for c in consumers))
    # the copies say `result` (a variable, as a qualifier would be) and nothing of `aaa`
    assert judge(list(consumers), rules=Rules(), deps=deps("aaa", "result"), others=("aaa", "result")
                 ).routing.home == "lib/result"
    assert judge(list(consumers), rules=Rules(), deps=deps("aaa", "zzz"), others=("aaa", "zzz")
                 ).routing.home == "lib/aaa"  # named by none: the lowest, then by name


SENSOR_CPP = '''#include "{name}.h"
#include "core/log.h"

bool Sensor{n}::parse_device(const Device &device) {{
  if (device.address() != this->address_) {{
    return false;
  }}
  bool success = false;
  for (auto &data : device.service_datas()) {{
    auto res = ble::parse_header(data);
    if (!res.has_value() || !ble::parse_message(data.data, *res)) {{
      continue;
    }}
    if (res->temperature.has_value() && this->temperature_ != nullptr)
      this->temperature_->publish_state(*res->temperature);
    success = true;
  }}
  return success;
}}
'''


def test_a_cpp_source_references_what_its_own_header_includes():
    """esphome's xiaomi sensors: each `.cpp` includes its header and `core/log.h`; the header
    includes `ble`, whose functions the copies call. Both homes are as near to the copies,
    so the one defining what they call wins, not `core`, named in the `.cpp` alone."""
    consumers = ("acl", "feed", "mod")
    found, subs = [], []
    for n, name in enumerate(consumers):
        found += shapes(name, SENSOR_CPP.format(name=name, n=n), f"lib/{name}/{name}.cpp", "cpp")
        subs.append(subsystem(name, [f"lib/{name}/{name}.cpp", f"lib/{name}/{name}.h"]))
    subs += [subsystem("ble", ["lib/ble/ble.h"]), subsystem("core", ["lib/core/log.h"])]
    deps = Dependencies(("acl", "ble", "core", "feed", "mod"),
                        tuple(Edge(c, t, 1, (f"lib/{c}/{c}.h:3",)) for c in consumers for t in ("ble", "core")),
                        by_file=tuple(row for c in consumers for row in (
                            (c, f"lib/{c}/{c}.cpp", (("core", 2),)), (c, f"lib/{c}/{c}.h", (("ble", 4), ("core", 3))))))
    found_cluster = dataclasses.replace(cluster(found)[0], defined_by=(("ble", 3.0),))
    candidate = gate((("C-000001", found_cluster),), fleet(*subs), Rules(), deps=deps)[0]
    assert candidate.routing.home == "lib/ble"
    assert candidate.routing.evidence[0] == "lib/acl/acl.h:4"


def test_a_consumer_the_others_depend_on_already_holds_the_unit_to_adopt():
    deps = graph(("feed", "acl"), ("mod", "acl"), ("feed", "persist"), ("mod", "persist"), ("acl", "persist"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",))
    routing = candidate.routing
    assert (routing.home, routing.action) == ("lib/acl", "adopt")
    assert routing.helper.subsystem == "acl" and routing.helper.name == "run_suite"
    assert routing.by.startswith("inferred: 2 of 2 other consumers reference it")
    assert routing.by.endswith("; acl already defines run_suite (lib/acl/harness.py:2)")


def test_a_consumer_the_others_depend_on_holding_the_block_is_said_to_hold_a_copy():
    deps = graph(("feed", "acl"), ("mod", "acl"), ("feed", "persist"), ("mod", "persist"), ("acl", "persist"))
    routing = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",), kind="block").routing
    assert (routing.home, routing.action, routing.helper.unit) == ("lib/acl", "adopt", "block")
    assert routing.by.endswith("; acl already holds a copy in run_suite (lib/acl/harness.py:2)")


def test_routing_rules_win_and_inference_can_be_turned_off():
    deps = graph(("acl", "persist"), ("feed", "persist"), ("mod", "persist"))
    routed = judge(["acl", "feed", "mod"], deps=deps, others=("persist",))
    assert routed.routing.home == "lib/guest" and not routed.routing.inferred
    off = judge(["acl", "feed", "mod"], rules=Rules(gate=GateRules(infer_homes=False)), deps=deps,
                others=("persist",))
    assert off.routing.home is None
    assert off.missing == ("no natural home (no routing rule matches)",)
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


# ---------------------------------------------------------------- an inferred home's ties, exactly

def _home(uses, others, names=("acl", "feed", "mod")):  # the copies call what each of `others` defines
    return judge(list(names), rules=Rules(), deps=graph(*uses), others=others,
                 defined_by=tuple((other, 1.0) for other in others)).routing


def test_the_target_more_consumers_reference_wins():
    uses = (("acl", "persist"), ("feed", "persist"), ("mod", "persist"), ("acl", "guest"), ("feed", "guest"))
    assert _home(uses, ("persist", "guest")).home == "lib/persist"


def test_of_two_targets_all_consumers_reference_the_one_depending_on_less_wins():
    every = [(c, t) for c in ("acl", "feed", "mod") for t in ("core", "utils")]
    assert _home((*every, ("core", "xtra")), ("core", "utils", "xtra")).home == "lib/utils"


def test_then_the_one_more_subsystems_depend_on_wins():
    every = [(c, t) for c in ("acl", "feed", "mod") for t in ("core", "utils")]
    assert _home((*every, ("xtra", "utils")), ("core", "utils", "xtra")).home == "lib/utils"


def test_an_inferred_home_shows_three_references_then_an_ellipsis():
    names = ("acl", "feed", "mod", "geo")
    four = _home(tuple((c, "persist") for c in names), ("persist",), names)
    assert four.by == ("inferred: 4 of 4 consumers reference it "
                       "(lib/acl/other.py:3, lib/feed/other.py:3, lib/geo/other.py:3, …)")
    three = _home(tuple((c, "persist") for c in names[:3]), ("persist",), names[:3])
    assert three.by.endswith("(lib/acl/other.py:3, lib/feed/other.py:3, lib/mod/other.py:3)")


def test_the_reference_shown_is_the_copys_own_when_it_makes_one():
    uses = graph(*((c, "persist") for c in ("acl", "feed", "mod")))
    own = (("acl", "lib/acl/harness.py", (("persist", 7),)),)  # besides lib/acl/other.py:3
    deps = Dependencies(uses.subsystems, uses.edges, by_file=uses.by_file + own)
    routing = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",)).routing
    assert routing.evidence[0] == "lib/acl/harness.py:7"


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
