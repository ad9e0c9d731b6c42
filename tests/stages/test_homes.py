"""Home inference: where the copies' shared logic belongs when no routing rule says
(homes.HomeFinder), read from what the consumers and the copies' own files reference."""
import dataclasses
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.config import GateRules, Rules
from radar.reuse.findings import references
from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork
from radar.stages.cluster import cluster
from radar.stages.deps import Dependencies, Edge, dependencies
from radar.stages.discover import SourceFile, Subsystem
from radar.stages.gate import gate
from stage_fixtures import HARNESS, NOW, fleet, graph, judge, shapes, subsystem


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


def test_a_home_holds_code_the_copies_languages_can_call():
    """joern: nine frontends' launcher scripts, `c2cpg.sh` …, had gone to `semanticcpg`, a Scala
    module every frontend imports; a script calls none of it. Python copies so homed have no
    home, and say why; a package holding Python beside its Scala is one."""
    deps = graph(("acl", "persist"), ("feed", "persist"), ("mod", "persist"), near=("acl",))
    scala = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",),
                  other_files={"persist": ["lib/persist/Core.scala"]})
    assert scala.routing.home is None and scala.verdict == "watching"
    assert scala.missing == ("no natural home (no routing rule matches; the consumers share persist, "
                             "but it holds no python code)",)
    both = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",),
                 other_files={"persist": ["lib/persist/Core.scala", "lib/persist/core.py"]})
    assert both.routing.home == "lib/persist"


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


def test_among_homes_alike_the_one_named_for_shared_code_wins():
    """istio's three `readFile` (stdin or a file, read whole: istioctl's proxy-config,
    proxy-status and ztunnel-config commands) import `completion`, `cli` and `util` alike; the
    lowest, `completion` (shell completions), had been the home, where `util` is the place for
    a new helper."""
    consumers, homes = ("acl", "feed", "mod"), ("completion", "util")
    deps = Dependencies((*consumers, *homes), tuple(Edge(c, h, 1, (f"lib/{c}/harness.py:3",))
                                                    for c in consumers for h in homes)
                        + (Edge("util", "completion", 1, ("lib/util/x.py:1",)),),
                        by_file=tuple((c, f"lib/{c}/harness.py", tuple((h, 3) for h in homes)) for c in consumers))
    assert judge(list(consumers), rules=Rules(), deps=deps, others=homes, defined_by=()).routing.home == "lib/util"
    cored = Dependencies(tuple(n.replace("util", "core") for n in deps.subsystems),
                         tuple(dataclasses.replace(e, source=e.source.replace("util", "core"),
                                                   target=e.target.replace("util", "core")) for e in deps.edges),
                         by_file=tuple((c, f, tuple((h.replace("util", "core"), n) for h, n in refs))
                                       for c, f, refs in deps.by_file))
    assert judge(list(consumers), rules=Rules(), deps=cored, others=("completion", "core"), defined_by=()
                 ).routing.home == "lib/completion"  # huly's `core`, its data model, names no helpers' place
    # evcc's modbus chargers' constructors call `util/modbus`, which builds on `util`: not there
    homes = ("modbus", "util")
    built_on = Dependencies((*consumers, *homes, "a", "b"),
                            tuple(Edge(c, h, 1, (f"lib/{c}/harness.py:3",)) for c in consumers for h in homes)
                            + tuple(Edge(s, t, 1, (f"lib/{s}/x.py:1",)) for s, t in
                                    (("modbus", "util"), ("util", "a"), ("util", "b"))),
                            by_file=tuple((c, f"lib/{c}/harness.py", tuple((h, 3) for h in homes)) for c in consumers))
    assert judge(list(consumers), rules=Rules(), deps=built_on, others=(*homes, "a", "b"),
                 defined_by=(("modbus", 0.5), ("util", 0.5))).routing.home == "lib/modbus"


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


def test_a_home_the_copies_use_nothing_of_gives_way_to_the_helpers_whose_code_they_call():
    """reva: every `parseConfig` copy's file imports `appctx`, the logging context, for its other
    functions; the copies call nothing of it, but what `utils` defines (its config decoder), which
    fewer consumers reference: their home is `utils`, not the package all of them import. Not so
    for a package not named for helpers (nuttx' board files call names many drivers define), nor
    where the copies use the home they import."""
    consumers = ("acl", "feed", "mod", "search")

    def home(called: str, defined_by: tuple) -> str:
        uses = [(c, "appctx", "harness") for c in consumers] + [
            (c, called, f) for c, f in (("acl", "harness"), ("feed", "harness"), ("mod", "other"))]
        deps = Dependencies(("acl", "appctx", called, "feed", "mod", "search"),
                            tuple(Edge(c, t, 1, (f"lib/{c}/{f}.py:3",)) for c, t, f in uses),
                            by_file=tuple((c, f"lib/{c}/{f}.py", ((t, 3),)) for c, t, f in uses))
        return judge(list(consumers), rules=Rules(), deps=deps, others=("appctx", called),
                     defined_by=defined_by).routing.home

    assert home("utils", (("utils", 1.0),)) == "lib/utils"
    assert home("sensors", (("sensors", 1.0),)) == "lib/appctx"
    assert home("utils", (("appctx", 1.0), ("utils", 1.0))) == "lib/appctx"


def test_a_module_of_translations_is_a_home_only_when_nothing_else_is():
    """orderly's `packages/i18n` and posixutils' `gettext-rs`, which every file showing a message
    imports for its words, had been the homes of their first proposals (a market's icon, for
    `packages/ui`; three daemons' signal set-up, for `plib`); the copies written against its code
    keep it."""
    consumers = ("acl", "feed", "mod")

    def home(translations: str) -> str | None:  # each copy's own file imports both; plib stands on it
        homes = (translations, "plib")
        deps = Dependencies((*consumers, *homes), tuple(Edge(c, h, 1, (f"lib/{c}/harness.py:3",))
                                                        for c in consumers for h in homes)
                            + (Edge("plib", translations, 1, ("lib/plib/x.py:1",)),),
                            by_file=tuple((c, f"lib/{c}/harness.py", tuple((h, 3) for h in homes)) for c in consumers))
        return judge(list(consumers), rules=Rules(), deps=deps, others=homes, defined_by=()).routing.home

    for words in ("i18n", "gettext-rs", "Translation"):
        assert home(words) == "lib/plib", words
    assert home("sensors") == "lib/sensors"  # any other package below: the lowest, as before
    alone = [(c, "i18n") for c in ("acl", "feed", "mod")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*alone), others=("i18n",),
                 defined_by=(("i18n", 1.0),)).routing.home == "lib/i18n"  # the copies call what it defines


def test_a_module_of_icons_is_a_home_only_when_nothing_else_is():
    """jellyfin-kmp: fifteen screens copy `ErrorContent` (a message and a retry button); each copy's
    file imports `ui/icons` (for its toolbar's icons) and `ui/material` (its theme). The icons had
    been the home, the lowest by name; a UI's pictures are no place for its logic."""
    consumers = ("home", "movies", "music")

    def home(*homes: str, called: tuple = ()) -> str | None:  # each copy's own file imports them all
        deps = Dependencies((*consumers, *homes), tuple(Edge(c, h, 1, (f"lib/{c}/harness.py:3",))
                                                        for c in consumers for h in homes),
                            by_file=tuple((c, f"lib/{c}/harness.py", tuple((h, 3) for h in homes)) for c in consumers))
        return judge(list(consumers), rules=Rules(), deps=deps, others=homes, defined_by=called).routing.home

    assert home("icons", "material") == "lib/material"
    assert home("glyphs", "material") == "lib/material"
    assert home("buttons", "material") == "lib/buttons"  # any other: the lowest, as before
    assert home("icons", called=(("icons", 1.0),)) == "lib/icons"  # the copies call what it defines


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
    annotated = [(c, "metadata") for c in ("acl", "feed", "mod")] + [("acl", "common"), ("feed", "common")]
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=graph(*annotated, ("common", "metadata")),
                 others=("metadata", "common")).routing.home == "lib/common"  # DataflowTemplates' annotations
    imported = tuple((c, f"lib/{c}/harness.py", (("config", 3), ("common", 4))) for c in ("acl", "feed", "mod"))
    loaders = dataclasses.replace(graph(*configured), by_file=imported,
                                  extended=tuple((c, f"lib/{c}/harness.py", ((0, "config"),))
                                                 for c in ("acl", "feed", "mod")))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=loaders, others=("config", "common"), kind="method"
                 ).routing.home == "lib/config"  # symfony's `Config` component: the loaders' base class


def test_a_module_of_declarations_the_copies_files_import_is_no_home_for_their_logic():
    """fluentd's plugin helpers each require `config.rb`, the configuration DSL, for their
    options; their copied `*_operate` loops call nothing it defines: no natural home."""
    deps = graph(*((c, "config") for c in ("acl", "feed", "mod")), near=("acl", "feed", "mod"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("config",), defined_by=())
    assert candidate.routing.home is None and candidate.verdict == "watching"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("config",),
                 defined_by=(("config", 1.0),)).routing.home == "lib/config"  # they read its options
    for logging in ("log", "debug"):  # tyk's `log` and sqlc's `debug`, which every file imports
        logged = graph(*((c, logging) for c in ("acl", "feed", "mod")), near=("acl", "feed", "mod"))
        assert judge(["acl", "feed", "mod"], rules=Rules(), deps=logged, others=(logging,), defined_by=()
                     ).routing.home is None


@pytest.mark.parametrize("module, why", [("gerror", "raise its errors"), ("log", "log through it")])
def test_a_module_the_copies_only_raise_the_errors_of_or_log_through_is_no_home_for_their_logic(module, why):
    """goframe's four `EncryptFile`s (a file hashed, each with its own digest) wrap their errors
    with `gerror.Wrapf`, and polaris' context hooks throw `MissingAppProviderError`; kubevirt's
    three `shouldChangeRateLimiter` and istio's `parsePort` x 3 log through their fleet's `log`
    package, which defines the `Infof` and `Errorf` they call: the module had been their home. A
    utility their files import too wins; with none, there is no natural home."""
    consumers = ("acl", "feed", "mod")
    used = graph(*((c, module) for c in consumers), near=consumers)
    candidate = judge(list(consumers), rules=Rules(), deps=used, others=(module,), defined_by=((module, 1.0),))
    assert candidate.routing.home is None and candidate.missing == (
        f"no natural home (no routing rule matches; the consumers share {module} (3 of 3), but the copies only "
        f"{why})",)
    both = [(c, t) for c in consumers for t in (module, "gconv")] + [("gconv", module)]
    imported = tuple((c, f"lib/{c}/harness.py", ((module, 3), ("gconv", 4))) for c in consumers)
    also = dataclasses.replace(graph(*both), by_file=imported)
    assert judge(list(consumers), rules=Rules(), deps=also, others=(module, "gconv"),
                 defined_by=((module, 1.0),)).routing.home == "lib/gconv"


def test_copies_extending_the_classes_of_a_module_of_errors_keep_it_as_their_home():
    """Errors of their own: the module of errors is where they belong."""
    raised = graph(*((c, "gerror") for c in ("acl", "feed", "mod")), near=("acl", "feed", "mod"))
    subclassed = dataclasses.replace(raised, extended=tuple((c, f"lib/{c}/harness.py", ((0, "gerror"),))
                                                            for c in ("acl", "feed", "mod")))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=subclassed, others=("gerror",), kind="method"
                 ).routing.home == "lib/gerror"


def _package(name: str, namespace: str, paths: list[str]) -> Subsystem:
    """A package subsystem of these files, quiet for a month, in `/repo`."""
    files = tuple(SourceFile(p, f"/repo/{p}", None, NOW - timedelta(days=30), False) for p in paths)
    return Subsystem(name, "package", "/repo", namespace, None, None, files, NOW - timedelta(days=30),
                     (), False, "quiet")


def _home_beside_pipes(folder: str, other: str) -> str | None:
    """The home of one helper copied into `acl`, `feed` and `mod` in `folder/<name>`, each of
    which imports the package `pipes` (at `folder`) and `other` (at the namespace named so), as
    `pipes` imports `other`: `other` is the lower of the two."""
    found, subs = [], []
    for n, name in enumerate(["acl", "feed", "mod"]):
        found += shapes(name, HARNESS.format(n=n), f"{folder}/{name}/harness.py")
        subs.append(_package(name, f"{folder}/{name}", [f"{folder}/{name}/harness.py"]))
    subs += [_package("pipes", folder, [f"{folder}/base.py"]), _package(other, other, [f"{other}/s.py"])]
    uses = [(c, t) for c in ("acl", "feed", "mod") for t in ("pipes", other)] + [("pipes", other)]
    deps = Dependencies(("acl", "feed", "mod", "pipes", other),
                        tuple(Edge(a, b, 1, (f"{folder}/{a}/harness.py:1",)) for a, b in uses))
    return gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(), deps=deps)[0].routing.home


def test_a_module_of_helpers_the_copies_only_import_leaves_the_home_to_a_new_module_in_its_folder():
    """DefiLlama's adapters each import `helpers/chains.ts`, one enum of chains, a package of one
    module among `helpers/*.ts`: their copied subgraph fetch had gone into the enum's module. It
    goes to `helpers/`, a new module there; the module itself stays the home when the copies call
    what it defines, and so does a module in a folder not named for helpers."""
    def home(folder: str, defined_by: tuple = ()):
        found, subs = [], []
        for n, name in enumerate(["acl", "feed", "mod"]):
            found += shapes(name, HARNESS.format(n=n), f"dexs/{name}.py")
            subs.append(_package(name, f"dexs/{name}.py", [f"dexs/{name}.py"]))
        subs.append(_package("chains", f"{folder}/chains.py", [f"{folder}/chains.py"]))
        deps = Dependencies(("acl", "chains", "feed", "mod"),
                            tuple(Edge(c, "chains", 1, (f"dexs/{c}.py:2",)) for c in ("acl", "feed", "mod")),
                            by_file=tuple((c, f"dexs/{c}.py", (("chains", 2),)) for c in ("acl", "feed", "mod")))
        found = dataclasses.replace(cluster(found)[0], defined_by=defined_by)
        return gate((("C-000001", found),), fleet(*subs), Rules(), deps=deps)[0].routing

    routing = home("helpers")
    assert routing.home == "helpers" and routing.by == (
        "inferred: 3 of 3 consumers reference helpers/chains.py (dexs/acl.py:2, dexs/feed.py:2, dexs/mod.py:2); "
        "the copies use nothing of it: a new module beside it in helpers/")
    assert home("helpers", (("chains", 1.0),)).home == "helpers/chains.py"  # they call what it defines
    assert home("networks").home == "networks/chains.py"


def test_among_homes_as_referenced_the_package_the_consumers_live_in_is_preferred():
    """diffusers' pipelines/<name>: they import `schedulers` and `pipelines` (their base class)
    alike; the copied method goes up to the package they live in, not to the lowest one."""
    assert _home_beside_pipes("pipes", "schedulers") == "pipes"  # schedulers is lower, but not theirs


def test_of_two_packages_enclosing_the_consumers_the_inner_one_is_their_home():
    """renovate's platforms (`lib/modules/platform/<name>`) import `lib/modules/platform`, where
    their shared code is, and `lib`, the rest of the program's library, lower than it: a helper
    six of them copy goes to the platforms' package, not to the whole library's."""
    assert _home_beside_pipes("lib/pipes", "lib") == "lib/pipes"  # lib is lower, and encloses them too


def test_a_module_beside_the_consumers_inside_the_package_enclosing_them_is_their_home():
    """kong's LLM drivers (`kong/llm/drivers/openai.lua`, `azure.lua` …, a subsystem each) all
    require `kong/llm/drivers/shared.lua`, their shared code, and the `kong` package around them:
    six copied `configure_request` went to the whole program's package, not to the module beside
    them that holds what they share. Not so for one beside them named for no shared code:
    Flowise's request tools import `OpenAPIToolkit`, another tool, for its class."""
    for module, home in (("shared", "app/drivers/shared.py"), ("search", "app")):
        found, subs = [], []
        for n, name in enumerate(["acl", "feed", "mod"]):
            found += shapes(name, HARNESS.format(n=n), f"app/drivers/{name}.py")
            subs.append(_package(name, f"app/drivers/{name}.py", [f"app/drivers/{name}.py"]))
        subs += [_package(module, f"app/drivers/{module}.py", [f"app/drivers/{module}.py"]),
                 _package("app", "app", ["app/init.py"])]
        uses = [(c, t) for c in ("acl", "feed", "mod") for t in (module, "app")] + [(module, "app")]
        deps = Dependencies(("acl", "feed", "mod", module, "app"),
                            tuple(Edge(a, b, 1, (f"app/drivers/{a}.py:1",)) for a, b in uses))
        assert gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(), deps=deps)[0].routing.home == home


def test_a_forks_copies_go_where_the_originals_go():
    """machinery: `GroupCompleted` in four `v1/backends/*` and again in their `v2/` forks, each
    half importing its own version's packages: no subsystem was referenced by most of the eight,
    so no home. The originals' home is the forks' too."""
    found, subs, uses = [], [], []
    for version in ("v1", "v2"):
        for n, name in enumerate(["acl", "feed", "mod"]):
            path = f"{version}/pipes/{name}/{name}.py"
            found += shapes(f"{version}/pipes/{name}", HARNESS.format(n=n), path)
            subs.append(_package(f"{version}/pipes/{name}", f"{version}/pipes/{name}", [path]))
            uses.append((f"{version}/pipes/{name}", f"{version}/common"))
        subs.append(_package(f"{version}/common", f"{version}/common", [f"{version}/common/base.py"]))
    deps = Dependencies(tuple(s.name for s in subs), tuple(Edge(a, b, 1, (f"{a}/x.py:1",)) for a, b in uses))
    candidate = gate((("C-000001", cluster(found)[0]),), fleet(*subs), Rules(), deps=deps)[0]
    assert candidate.routing.home == "v1/common" and len(candidate.instances) == 6


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
    `AbstractNameCheck`: a method they all repeat is pulled up into the class they extend. A
    module's function beside such a class is not in it (newrelic's `instrument_mysql_connector`
    beside a proxy class extending `ObjectProxy`): what its file's classes extend is no home; nor
    is a base most of the fleet extends, and many more than the copies' subsystems."""
    consumers = ("acl", "feed", "mod")
    plain = Dependencies(("acl", "ast", "base", "feed", "mod"),
                         tuple(Edge(c, t, 1, (f"lib/{c}/harness.py:3",)) for c in consumers for t in ("ast", "base")),
                         by_file=tuple((c, f"lib/{c}/harness.py", (("ast", 3), ("base", 4))) for c in consumers))
    deps = dataclasses.replace(plain, extended=tuple((c, f"lib/{c}/harness.py", ((0, "base"),)) for c in consumers))
    defines_ast = (("ast", 3.0),)
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("ast", "base"), defined_by=defines_ast,
                 kind="method").routing.home == "lib/base"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("ast", "base"), defined_by=defines_ast
                 ).routing.home == "lib/ast"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("ast", "base"), defined_by=defines_ast,
                 kind="block").routing.home == "lib/ast"  # in a Python function or in a method: not known
    one = dataclasses.replace(deps, extended=deps.extended[:1])  # the base of one copy's class, not of most
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=one, others=("ast", "base"), defined_by=defines_ast,
                 kind="method").routing.home == "lib/ast"
    services = tuple(f"svc{n}" for n in range(7))  # moto's `BaseBackend`: every service extends it
    everyones = dataclasses.replace(deps, subsystems=deps.subsystems + services, extended=deps.extended + tuple(
        (name, f"lib/{name}/core.py", ((0, "base"),)) for name in services))
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=everyones, others=("ast", "base", *services),
                 defined_by=defines_ast, kind="method").routing.home == "lib/ast"
    assert judge(["acl", "feed", "mod"], rules=Rules(), deps=plain, others=("ast", "base"), defined_by=defines_ast
                 ).routing.home == "lib/ast"


def test_the_class_most_copies_classes_extend_wins_over_a_home_more_consumers_reference():
    """wallabag's importers' `import()` x 8: seven import `src`, six extend `AbstractImport`
    (beside them, no `use` needed): the method goes up to the class, not to the rest of the app."""
    consumers = ("acl", "feed", "mod")
    uses = [(c, "app") for c in consumers] + [("acl", "base"), ("feed", "base")]
    deps = Dependencies(("acl", "app", "base", "feed", "mod"),
                        tuple(Edge(c, t, 1, (f"lib/{c}/harness.py:3",)) for c, t in uses),
                        by_file=tuple((c, f"lib/{c}/harness.py", tuple((t, 3) for s, t in uses if s == c))
                                      for c in consumers),
                        extended=tuple((c, f"lib/{c}/harness.py", ((0, "base"),)) for c in ("acl", "feed")))
    assert judge(list(consumers), rules=Rules(), deps=deps, others=("app", "base"), kind="method"
                 ).routing.home == "lib/base"
    assert judge(list(consumers), rules=Rules(), deps=deps, others=("app", "base")
                 ).routing.home == "lib/app"  # functions: in no class
    # sqlmap's 24 `takeover.py`, each one `Takeover(GenericTakeover)`: a module copied whole
    # goes where the classes it holds extend, not to `lib/core`, whose errors they raise
    assert judge(list(consumers), rules=Rules(), deps=deps, others=("app", "base"), kind="module"
                 ).routing.home == "lib/base"


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


def _cpp_copies(source: str, consumers: tuple[str, ...], others: dict[str, str]) -> tuple:
    """The cluster of `source`'s copies in `consumers`, each a `.cpp` beside its header, what
    they call defined in `ble`; and the subsystems, with `others` (name -> its one header)."""
    found, subs = [], []
    for n, name in enumerate(consumers):
        found += shapes(name, source.format(name=name, n=n), f"lib/{name}/{name}.cpp", "cpp")
        subs.append(subsystem(name, [f"lib/{name}/{name}.cpp", f"lib/{name}/{name}.h"]))
    subs += [subsystem(name, [header]) for name, header in others.items()]
    return dataclasses.replace(cluster(found)[0], defined_by=(("ble", 3.0),)), subs


def test_a_cpp_source_references_what_its_own_header_includes():
    """esphome's xiaomi sensors: each `.cpp` includes its header and `core/log.h`; the header
    includes `ble`, whose functions the copies call. Both homes are as near to the copies,
    so the one defining what they call wins, not `core`, named in the `.cpp` alone."""
    consumers = ("acl", "feed", "mod")
    found_cluster, subs = _cpp_copies(SENSOR_CPP, consumers, {"ble": "lib/ble/ble.h", "core": "lib/core/log.h"})
    deps = Dependencies(("acl", "ble", "core", "feed", "mod"),
                        tuple(Edge(c, t, 1, (f"lib/{c}/{c}.h:3",)) for c in consumers for t in ("ble", "core")),
                        by_file=tuple(row for c in consumers for row in (
                            (c, f"lib/{c}/{c}.cpp", (("core", 2),)), (c, f"lib/{c}/{c}.h", (("ble", 4), ("core", 3))))))
    candidate = gate((("C-000001", found_cluster),), fleet(*subs), Rules(), deps=deps)[0]
    assert candidate.routing.home == "lib/ble"
    assert candidate.routing.evidence[0] == "lib/acl/acl.h:4"


def test_a_cpp_method_defined_outside_its_class_goes_up_to_the_base_its_header_declares():
    """Ardour's audio backends' `port_factory` x 5, each `AlsaAudioBackend::port_factory` in its
    `.cc`, its class in the header beside it extending `PortEngineSharedImpl` of `libs/ardour`:
    its home had been `libs/pbd`, whose logger they call. Without the header's classes known,
    what they call wins still, and so it does for a free function beside them (mfem's miniapps'
    exact solutions)."""
    assert _home_of_cpp_copies(SENSOR_CPP) == ["lib/engine", "lib/ble"]
    assert _home_of_cpp_copies(SENSOR_CPP.replace("Sensor{n}::", "")) == ["lib/ble", "lib/ble"]


def _home_of_cpp_copies(source: str) -> list[str]:
    """The homes of `source`'s copies in three consumers whose headers' classes extend one of
    `engine`'s, and, with no class extending, the home of the same copies."""
    consumers = ("acl", "feed", "mod")
    found_cluster, subs = _cpp_copies(source, consumers, {"ble": "lib/ble/ble.h", "engine": "lib/engine/engine.h"})
    plain = Dependencies(("acl", "ble", "engine", "feed", "mod"),
                         tuple(Edge(c, t, 1, (f"lib/{c}/{c}.h:3",)) for c in consumers for t in ("ble", "engine")),
                         by_file=tuple((c, f"lib/{c}/{c}.h", (("ble", 4), ("engine", 3))) for c in consumers))
    extending = dataclasses.replace(plain, extended=tuple((c, f"lib/{c}/{c}.h", ((6, "engine"),)) for c in consumers))
    assert found_cluster.representative.kind == "function"
    return [gate((("C-000001", found_cluster),), fleet(*subs), Rules(), deps=deps)[0].routing.home
            for deps in (extending, plain)]


def test_a_consumer_the_others_depend_on_already_holds_the_unit_to_adopt():
    deps = graph(("feed", "acl"), ("mod", "acl"), ("feed", "persist"), ("mod", "persist"), ("acl", "persist"))
    candidate = judge(["acl", "feed", "mod"], rules=Rules(), deps=deps, others=("persist",))
    routing = candidate.routing
    assert (routing.home, routing.action) == ("lib/acl", "adopt")
    assert routing.helper.subsystem == "acl" and routing.helper.name == "run_suite"
    assert routing.by.startswith("inferred: 2 of 2 other consumers reference it")
    assert routing.by.endswith("; acl already defines run_suite (lib/acl/harness.py:2)")


def test_a_consumer_the_others_reference_for_its_audit_trail_is_no_home_for_their_logic():
    """KVAutoERP: every module's entities use `Audit`'s trait, and `Audit`'s service holds one of
    twelve services' copied `parseSort`; the others adopting it would have imported the audit trail
    to sort. `Core`, which every module references too, is the home; with nothing else, `Audit` is."""
    edges = [("feed", "audit"), ("mod", "audit"), ("feed", "core"), ("mod", "core"), ("audit", "core")]
    candidate = judge(["audit", "feed", "mod"], rules=Rules(), deps=graph(*edges), others=("core",))
    assert (candidate.routing.home, candidate.routing.action) == ("lib/core", "extract")
    alone = judge(["audit", "feed", "mod"], rules=Rules(), deps=graph(("feed", "audit"), ("mod", "audit")))
    assert (alone.routing.home, alone.routing.action) == ("lib/audit", "adopt")


def test_a_home_never_stands_on_a_consumer_that_does_not_reach_it():
    """fyrox: 34 property editors' `translate_message`, 30 in `fyrox-ui` and one in each of three
    editor plugins, had gone to `editor`, the crate the plugins live in, built on `fyrox-ui`
    through the `fyrox` facade: `fyrox-ui` could not use it. The plugins reach `fyrox-ui` through
    what they reference: it holds the unit they adopt. A consumer that reaches nothing it
    could adopt from leaves no home, and says why."""
    plugins = [("acl", "editor"), ("feed", "editor"), ("mod", "editor"), ("acl", "facade"), ("feed", "facade"),
               ("mod", "facade"), ("editor", "facade"), ("facade", "ui")]
    candidate = judge(["ui", "acl", "feed", "mod"], rules=Rules(), deps=graph(*plugins), others=("editor", "facade"))
    routing = candidate.routing
    assert (routing.home, routing.action, candidate.verdict) == ("lib/ui", "adopt", "proposed")
    assert routing.by.startswith("inferred: 3 of 3 other consumers reference it (lib/acl/other.py:3 through "
                                 "facade, lib/feed/other.py:3 through facade, lib/mod/other.py:3 through facade)")
    assert routing.evidence == ("lib/acl/other.py:3", "lib/feed/other.py:3", "lib/mod/other.py:3")  # path:line
    homeless = judge(["ui", "acl", "feed", "mod", "solo"], rules=Rules(), deps=graph(*plugins, ("solo", "other")),
                     others=("editor", "facade", "other"))
    assert homeless.routing.home is None
    assert homeless.missing == ("no natural home (no routing rule matches; the consumers share editor, "
                                "but it depends on ui, which does not reach it)",)


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


NODE = '''from ..base_node import BaseNode
from ..nios import Port


class Registry(dict):
    pass


class {name}VM(BaseNode):
    pass

{copy}
'''
SETTER = '''
def set_console_type(self, new_console_type):
    if self.is_running() and self.console_type != new_console_type:
        raise NodeError("{} must be stopped to change the console type to {}".format(self.name, new_console_type))
    self.console = Port.open(new_console_type, self.project.host, self.project.ports)
    self.project.emit("node.updated", self.console)
    return self.console
'''


def _homes_of_copies(copy: str) -> dict[str, str]:
    """The home of each cluster of units other than modules, by unit kind, where three nodes'
    files hold `copy` and each extends `BaseNode` (base_node.py, which imports nios) and imports
    nios, the lower of the two."""
    consumers = ("iou", "qemu", "vpcs")
    own = {"iou": "", "qemu": "    def binary(self):\n        return self.path + '/qemu'\n",  # classes unlike
           "vpcs": "    def startup(self, script):\n        with open(script) as f:\n"
                   "            return [x for x in f]\n"}
    files = {f"compute/{name}/vm.py": NODE.format(name=name.title(), copy=copy.replace("OWN", own[name]))
             for name in consumers}
    files["compute/base_node.py"] = "from .nios import Port\n\n\nclass BaseNode:\n    port = Port\n"
    files["compute/nios/__init__.py"] = "class Port:\n    pass\n"
    subs = [_package(name, f"compute/{name}", [f"compute/{name}/vm.py"]) for name in consumers]
    subs += [_package("base_node", "compute/base_node.py", ["compute/base_node.py"]),
             _package("nios", "compute/nios", ["compute/nios/__init__.py"])]
    results = [_bind(FileWork(path.split("/")[1].removesuffix(".py"), path, f"/repo/{path}", "python", None),
                     analyse_bytes(text.encode(), "python")) for path, text in files.items()]
    deps = dependencies(fleet(*subs), references(results))
    assert {(e.source, e.target) for e in deps.edges} >= {("iou", "base_node"), ("iou", "nios"), ("base_node", "nios")}
    found = cluster([shape for result in results for shape in result.shapes
                     if shape.subsystem in consumers and shape.kind != "module"])
    return {one.members[0].kind: gate((("C-000001", one),), fleet(*subs), Rules(), deps=deps)[0].routing.home
            for one in found}


def test_a_copied_method_goes_up_to_the_class_its_class_extends_a_copied_function_does_not():
    """gns3-server's nodes each extend `BaseNode` and import `nios` too: their copied
    `console_type` setter had gone to `nios`, the lowest of the two. What the class holding a
    copy extends is where it is pulled up to; a module's function beside it is in no class, and
    a class's own bases are its (`Registry(dict)` extends nothing of the fleet's)."""
    method = "\n".join("    " + line if line else line for line in SETTER.splitlines())
    assert _homes_of_copies("class Helper(Registry):\n    pass\n\n\nclass Node(BaseNode):\nOWN" + method
                            )["method"] == "compute/base_node.py"
    assert _homes_of_copies("class Helper(BaseNode):\n    pass\n\n\nclass Node(Registry):\nOWN" + method
                            )["method"] == "compute/nios"
    assert _homes_of_copies(SETTER.replace("self", "node"))["function"] == "compute/nios"


SERVICE_WRAPPER = """function {verb}-IcingaService()
{{
    param($Service);

    if (Get-Service "$Service" -ErrorAction SilentlyContinue) {{
        Write-IcingaConsoleNotice -Message '{verb} service "{{0}}"' -Objects $Service;
        try {{
            {verb}-Service "$Service" -ErrorAction Stop;
            Start-Sleep -Seconds 2;
            Optimize-IcingaMemory;
        }} catch {{
            Write-IcingaConsoleError -Message 'Failed: {{0}}' -Objects $_.Exception.Message;
        }}
    }} else {{
        Write-IcingaConsoleWarning -Message 'The service "{{0}}" is not installed' -Objects $Service;
    }}
    Optimize-IcingaMemory;
}}
"""


def test_a_powershell_function_s_own_file_is_no_home_but_its_folder_is():
    """icinga-powershell-framework: `Start-`, `Stop-` and `Restart-IcingaService`, a module each,
    all call `Optimize-IcingaForWindowsMemory`, one function in its own file; their shared wrapper
    had gone into that file. A PowerShell module keeps a function a file: a new one beside it."""
    verbs, helper = ("Start", "Stop", "Restart"), "lib/tools/Optimize-IcingaMemory.ps1"
    paths = {verb: f"lib/framework/{verb}-IcingaService.ps1" for verb in verbs}
    found = [s for verb in verbs for s in shapes(verb, SERVICE_WRAPPER.format(verb=verb), paths[verb], "powershell")]
    subs = [dataclasses.replace(subsystem(verb, [paths[verb]]), namespace=paths[verb]) for verb in verbs]
    subs.append(dataclasses.replace(subsystem("Optimize", [helper]), namespace=helper))
    deps = Dependencies((*verbs, "Optimize"), tuple(Edge(v, "Optimize", 1, (f"{paths[v]}:9",)) for v in verbs),
                        by_file=tuple((v, paths[v], (("Optimize", 9),)) for v in verbs))
    clusters = cluster(found)
    [candidate] = gate((("C-000001", dataclasses.replace(clusters[0], defined_by=(("Optimize", 1.0),))),),
                       fleet(*subs), Rules(), deps=deps)
    assert candidate.routing.home == "lib/tools"
    assert candidate.routing.by.endswith("it is one function's file: a new module beside it in lib/tools/")


@given(st.integers(min_value=2, max_value=7), st.sets(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20))
def test_a_consumer_every_other_reaches_is_found_as_by_looking_at_every_pair(n, pairs):
    """_reaching leaves a target at the first consumer that does not reach it (react-native-icons'
    47k icon components, each a one-module package, had cost one look per pair: 15 minutes): the
    consumers it finds every other reaches are those a look at every pair finds."""
    from radar.stages.homes import HomeFinder
    names = [f"s{i}" for i in range(8)]
    edges = tuple(Edge(names[a], names[b], 1, (f"lib/{names[a]}/x.py:1",)) for a, b in sorted(pairs) if a != b)
    finder = HomeFinder(Dependencies(tuple(names), edges), {name: subsystem(name, [f"lib/{name}/x.py"]) for name in names})
    consumers = tuple(names[:n])

    def direct() -> dict[str, list[str]]:
        return {t: [c for c in consumers if t in finder.uses.get(c, {})] for t in consumers}

    found, every_pair = direct(), direct()
    finder._reaching(consumers, found)
    for target in consumers:  # the look at every pair it replaced
        for consumer in consumers:
            if consumer != target and consumer not in every_pair[target] and target in finder._reaches(consumer) \
                    and consumer not in finder._reaches(target):
                every_pair[target].append(consumer)

    def homes(users):
        return {t: sorted(u) for t, u in users.items() if len(u) == n - 1}
    assert homes(found) == homes(every_pair)
