"""Home inference: where the logic a cluster's copies share belongs, read from the dependency
graph when no routing rule names a home (HomeFinder), and the Routing the gate reports.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter, deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from radar.stages.cluster import Cluster
from radar.stages.deps import Dependencies
from radar.stages.discover import Subsystem
from radar.stages.manifests import C_FAMILY, C_SOURCES, HEADER_SUFFIXES
from radar.stages.languages import language_for
from radar.stages.declared import DECLARING
from radar.stages.shape import blind_code, name_code

if TYPE_CHECKING:  # the gate's instances: the gate imports this module
    from radar.stages.gate import Instance

@dataclass(frozen=True)
class Routing:
    kind: str | None
    home: str | None
    action: str | None  # extract | adopt
    by: str  # which rule chose the home, in words
    rule: int | None = None  # 1-based position in routing.yaml, when a rule chose it
    inferred: bool = False  # chosen from the dependency graph (deps.py), not by a rule
    evidence: tuple[str, ...] = ()  # "path:line": one reference to an inferred home per consumer
    helper: Instance | None = None  # the existing unit to adopt, when the home already holds it


_SCOPE, _CALL = blind_code("kw", "::"), blind_code("kw", "(")


def _defined_outside_its_class(blind: str) -> bool:
    """A C++ function named `Class::name` before its parameters (`BackendPort*
    AlsaAudioBackend::port_factory (…)`): a method defined outside its class."""
    opening = blind.find(_CALL)
    return opening >= 2 and blind[opening - 2] == _SCOPE


def _own_headers(path: str) -> tuple[str, ...]:
    """A C or C++ source's own headers (`foo.h` beside `foo.cpp`): esphome's
    sensors include the library they use, `xiaomi_ble.h`, in their header, not in the source."""
    stem, dot, suffix = path.rpartition(".")
    return tuple(f"{stem}{header}" for header in HEADER_SUFFIXES) if dot and f".{suffix}" in C_SOURCES else ()


# Module names (suffix and leading underscores aside), or their last word (`HttpConstants`,
# `error_types`, webpack's `RuntimeGlobals`), of constants, types, errors, configuration, logging and
# pictures.
DECLARATIONS = frozenset({"const", "consts", "constants", "types", "typing", "typings", "enums", "version", "globals",
                          "apis",  # a Kubernetes operator's API types by version (external-secrets' `apis/`)
                          "contracts", "interfaces",  # interfaces alone (laravel's `Contracts`)
                          # what a program is configured with, which every plugin's file imports for its
                          # options (telegraf's `config`, fluentd's `config.rb`)
                          "config", "configs", "configuration", "settings",
                          # what code is annotated with (DataflowTemplates' `metadata`: its `@Template` and
                          # `@TemplateParameter`, which every template's options import)
                          "metadata",
                          # a UI's pictures, which every screen imports for its icons (jellyfin-kmp's `ui/icons`,
                          # an `ImageVector` a file, had been the home of its fifteen screens' copied
                          # `ErrorContent`, a message and a retry button)
                          "icon", "icons", "iconography", "drawables", "glyphs", "illustrations", "pictograms"})
# and what every file imports to log or dump (tyk's `log`, sqlc's `debug`): no place for a schema
# loader or a name parser whose files log too, nor for copies that call it only to log (_logs)
LOGGING = frozenset({"log", "logs", "logger", "loggers", "logging", "debug",
                     "audit", "audits", "auditing"})  # an audit trail every entity records to (KVAutoERP's `Audit`)
# what the name of a module of translations ends with: every file that shows a message imports it,
# for its words, as one logs through a logger (orderly's `packages/i18n` and posixutils' `gettext-rs`
# had been the homes of their first proposals; KCloud-Platform-IoT's `laokou-common-i18n`, its
# utilities under that name, stays the home of the copies that call it)
TRANSLATIONS = frozenset({"i18n", "l10n", "gettext", "translation", "translations", "i18next"})
# a package named for the language it is written in after its own name (`gettext-rs`, `i18n-js`)
LANGUAGE_SUFFIXES = frozenset({"rs", "js", "ts", "py", "go", "rb"})

# what the name of a module of errors ends with (declarations too): `errors.py`, goframe's `gerror`,
# a module of one error class (yii2's `InvalidArgumentException.php`)
ERRORS = ("error", "errors", "exception", "exceptions")

# a PowerShell function's name, Verb-Noun: what a module's file holding one function is named for
POWERSHELL_FUNCTION = re.compile(r"[A-Z][A-Za-z]+-[A-Za-z0-9]+")

# the words naming a package as the place for shared code (and any `*util`, `*utils`): a home
# for a new helper even where no copy uses it yet (HomeFinder._used)
SHARED_PLACES = frozenset({"utility", "utilities", "common", "commons", "shared", "core", "helper", "helpers",
                           "support", "base", "lib", "libs", "toolkit"})

# of those, the words naming nothing but a place for helpers: `core`, `base`, `lib` also name a
# project's main library or its model (huly's `core`), no better a home than any other alike
HELPER_PLACES = frozenset({"utility", "utilities", "common", "commons", "shared", "helper", "helpers"})


# languages whose every function is a method: a block copied there is inside a class
METHODS_ONLY = frozenset({"java", "csharp"})

# languages whose code can call each other's: a home holds code in the copies' family (joern's
# launcher scripts, `c2cpg.sh` x 9, had gone to a Scala module every frontend imports): the JVM's
# and .NET's as resolving reads their imports, C's, and JavaScript's
FAMILIES = {**DECLARING, **dict.fromkeys(C_FAMILY, "c"), **dict.fromkeys(("typescript", "tsx", "vue"), "javascript")}


USED_DEFINES = 0.5  # what the copies call from a home: one name it shares with one other definer, or more
# homes as good as each other but for the lowest subsystem's tie-break: the choice would be arbitrary
# (polars' 14 modules every `deserialize`'s file imports, none defining what it calls)
TIED_HOMES = 5


class HomeFinder:
    """A home from the dependency graph when no rule gives one: a subsystem that most of the
    consumers (more than half) already reference, holding code the copies' languages can call
    (FAMILIES). Among those: not a module of constants, types, errors, configuration or
    interfaces if another fits (_declarations); the one holding the class
    the classes holding most copies extend, where a copied method is pulled up to (checkstyle's
    naming checks: `AbstractNameCheck`, not `DetailAST`, whose methods they call; wallabag's
    importers: `AbstractImport`, not `src`, which more of them import: _extends); the one most
    consumers reference; the package enclosing them; the one the copies' own files reference most
    (a C or C++ source's own header too); one in the folder the consumers live in, their family's
    own base (_beside); the one defining most of what the copies call and read (cluster.defined_by: rubocop's alignment
    cops' `base_column` goes to the `Alignment` mixin that defines what it calls, not to
    `AutoCorrector`, which every cop extends too); the one whose own name the copies say most
    (_named); the one named for helpers (_shared_alike); the lowest (fewest dependencies of
    its own, most dependents), unless TIED_HOMES or
    more are alike but for that last choice: then there is no natural home. When no copy's own
    file references the one so chosen (most consumers import it for other code: nocobase's
    plugins and `@nocobase/server`), the best of those the copies are written against wins: a
    class they extend, or a subsystem most copies' files import that defines what they call. A
    consumer is the home only when every other one references it: it already holds the shape,
    they adopt its unit; with no other home, when every other one reaches it through what it
    references (fyrox's editor plugins reach `fyrox-ui` through the `fyrox` crate: _reaching;
    not before: Flowise's nodes reach one another through `packages/components`, their
    package, their home). No shared dependency, no home; nor one the copies have nothing to do
    with (_used), nor one standing on a consumer that does not reach it (_stands_on)."""

    def __init__(self, deps: Dependencies, subsystems: dict[str, Subsystem]):
        self.subsystems = subsystems
        self.uses = {name: deps.depends_on(name) for name in deps.subsystems}
        self.files = deps.file_targets()
        self.parents = deps.file_parents()
        # per subsystem, how many others hold a class extending one of its classes
        self.extenders = Counter(target for target, _ in {(target, subsystem) for subsystem, _, parents in deps.extended
                                                          for _, target in parents if target})
        self.below = deps.dependencies()
        self.above = deps.dependents()
        # asked of every home for every candidate: each subsystem's once
        self.folders = {name: posixpath.dirname(s.namespace.rstrip("/")) for name, s in subsystems.items()}
        self.names: dict[str, list[str]] = {}  # _words
        self.reached: dict[str, frozenset[str]] = {}  # _reaches
        self.families: dict[str, frozenset[str]] = {}  # _speaks

    def infer(self, found: Cluster, instances: tuple[Instance, ...]) -> Routing | None:
        consumers = found.subsystems
        spoken = frozenset(FAMILIES.get(i.language, i.language) for i in instances)
        near = self._near(instances)
        # raising a module's errors is no logic written against it (goframe's `gerror.Wrapf`,
        # polaris' `MissingAppProviderError`), nor is logging through one (kubevirt's rate
        # limiter reloads' `log.Log.V(2).Infof`): only extending its classes is (_errors, _logs)
        defines = {name: weight for name, weight in found.defined_by
                   if not self._errors(name) and not self._logs(name)}
        held: dict[str, set[str]] = {}  # consumer -> what the classes holding its copies extend
        for member, instance in zip(found.members, instances):
            held.setdefault(instance.subsystem, set()).update(
                parent for parent in self._extends(instance, _defined_outside_its_class(member.blind))
                if not self._everyones(parent, len(consumers)))
        extended = Counter(parent for parents in held.values() for parent in parents)  # class -> consumers
        # the base of most consumers' copies, not of one: moto's `to_json` x 7, one of them in a
        # class extending a `TaggingService`, goes where the others' logic is
        extended = Counter({parent: n for parent, n in extended.items() if 2 * n > len(consumers)})
        holder = self._best(consumers, near, defines, spoken, holders=True)
        if holder is not None and self._recorder(holder[0], defines, extended, found.members):
            holder = None  # every other references it for its logs or words: their logic goes elsewhere, if any fits
        shared = None if holder else self._best(consumers, near, defines, spoken, holders=False, extended=extended,
                                                members=found.members)
        if holder is None and shared is None:  # then one the others reach through what they reference
            holder = self._best(consumers, near, defines, spoken, holders=True, reaching=True)
        if holder is not None:
            name, users, _ = holder
            helper = next(i for i in instances if i.subsystem == name)
            where = f"{helper.name} ({helper.path}:{helper.start_line})"
            holds = f"holds a copy in {where}" if helper.unit == "block" else f"defines {where}"
            return self._routing(name, "adopt", users, len(consumers) - 1, near, f"; {name} already {holds}", helper)
        if shared is not None and len(shared[2]) >= TIED_HOMES:
            alike = shared[2]
            return Routing(None, None, None, f"no routing rule matches; the consumers share {len(alike)} subsystems "
                                             f"alike ({', '.join(alike[:3])}, …), none more theirs than the others")
        if shared is not None and not self._used(shared[:2], near, defines, extended):
            name, users, _ = shared
            how = ("the copies only raise its errors" if self._errors(name) else
                   "the copies only log through it" if self._logs(name) and name in dict(found.defined_by)
                   else "no copy uses it")
            return Routing(None, None, None, f"no routing rule matches; the consumers share {name} "
                                             f"({len(users)} of {len(consumers)}), but {how}")
        if shared is None:
            referenced = Counter(t for c in consumers for t in self.uses.get(c, {}) if t in self.subsystems)
            most = max(referenced.values(), default=0)
            # what most reference but stands on a consumer, or the copies' languages cannot call
            shared_by_most = sorted(t for t, n in referenced.items() if 2 * n > len(consumers) and t not in consumers)
            above = [(t, c) for t in shared_by_most if (c := self._stands_on(t, consumers))]
            why = ("the consumers share no dependency" if most < 2 else
                   f"the consumers share {above[0][0]}, but it depends on {above[0][1]}, which does not reach it"
                   if above else
                   f"the consumers share {shared_by_most[0]}, but it holds no {'/'.join(sorted(spoken))} code"
                   if shared_by_most else
                   f"no subsystem is referenced by most consumers (at most {most} of {len(consumers)})")
            return Routing(None, None, None, f"no routing rule matches; {why}")
        name, users, _ = shared
        folder = self._helpers_folder(name, users, defines, extended)
        why = "the copies use nothing of it"
        if folder is None and self._one_function_file(name):
            folder, why = self.folders[name], "it is one function's file"
        if folder is not None:  # a new module of that folder's, beside the one every file imports
            routing = self._routing(name, "extract", users, len(consumers), near, "", None)
            by = routing.by.replace("reference it", f"reference {routing.home}", 1)
            by += f"; {why}: a new module beside it in {folder}/"
            return replace(routing, home=folder, by=by)
        return self._routing(name, "extract", users, len(consumers), near, "", None)

    def _extends(self, instance: Instance, qualified: bool = False) -> set[str]:
        """The subsystems holding the classes that the class holding the copy extends, where a
        copied method is pulled up to: a method's class is the nearest above it, a class is its
        own (cloud-custodian's `QueryMeta(type)` extends nothing of the fleet's, whatever its file's
        other classes do), a module's are all its classes'; a module's function is in none
        (newrelic's `instrument_mysql_connector` beside a proxy class extending `ObjectProxy`), nor
        is a Python block, which may be either. Where a file's classes are not told apart (line 0:
        Java, Kotlin, C#, one class a file), its classes'; a C++ function `qualified` by its
        class's name, its own header's classes'.
        A base everyone extends is left out by the caller (_everyones)."""
        parents = self.parents.get((instance.subsystem, instance.path), ())
        if instance.unit == "method":
            lines = [line for line, _ in parents if line <= instance.start_line]
        elif instance.unit == "class":
            lines = [line for line, _ in parents if instance.start_line <= line <= instance.end_line][:1]
        elif instance.unit == "block" and instance.language in METHODS_ONLY:
            lines = [0]
        elif instance.unit == "module":  # its classes: sqlmap's 24 `takeover.py`, a `Takeover(GenericTakeover)` each
            return {target for _, target in parents if target}
        elif instance.unit == "function" and qualified:
            # a C++ method defined outside its class (`AlsaAudioBackend::port_factory` in its `.cc`):
            # the classes its own header declares (Ardour's audio backends' `PortEngineSharedImpl`);
            # a free function beside them is in none (mfem's miniapps' exact solutions)
            return {target for header in _own_headers(instance.path)
                    for _, target in self.parents.get((instance.subsystem, header), ()) if target}
        else:
            return set()
        holder = max(lines, default=0)
        return {target for line, target in parents if target and line in (holder, 0)}

    def _everyones(self, parent: str, consumers: int) -> bool:
        """A base most of the fleet's subsystems extend, and many more than the copies' (moto's
        `BaseBackend` and `BaseModel`, every service's): no family's, so no more the copies' than
        any import; their methods are no place for the logic three services share."""
        return self.extenders[parent] > max(len(self.subsystems) / 2, 2 * consumers)

    def _near(self, instances: tuple[Instance, ...]) -> dict[tuple[str, str], str]:
        """(consumer, target) -> "path:line" where a file holding a copy references the target,
        or, for a C or C++ source, its own header, where its class and the includes it needs are."""
        near: dict[tuple[str, str], str] = {}
        for instance in instances:
            for path in (instance.path, *_own_headers(instance.path)):
                for target, line in self.files.get((instance.subsystem, path), {}).items():
                    near.setdefault((instance.subsystem, target), f"{path}:{line}")
        return near

    def _best(self, consumers: tuple[str, ...], near: dict, defines: dict[str, float], spoken: frozenset[str],
              holders: bool, extended: Counter | None = None, members: tuple = (),
              reaching: bool = False) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
        """(home, the consumers that reference it, the homes alike: as good but for the lowest
        subsystem's tie-break) for the best such subsystem holding code the copies' languages can
        call (`spoken`), if any."""
        users: dict[str, list[str]] = {}
        for consumer in consumers:
            for target in self.uses.get(consumer, {}):
                if (target in consumers) == holders and target in self.subsystems and self._speaks(target, spoken):
                    users.setdefault(target, []).append(consumer)
        if holders:  # a consumer is the home only when every other one already references it
            if reaching:
                self._reaching(consumers, users)
            fit = [(t, u) for t, u in users.items() if len(u) == len(consumers) - 1]
        else:  # any other home: most consumers reference it, and none it stands on
            fit = [(t, u) for t, u in users.items()
                   if 2 * len(u) > len(consumers) and not self._stands_on(t, consumers)]
        if not fit:
            return None
        fit = self._innermost(fit)

        def close(pair) -> int:
            return sum((user, pair[0]) in near for user in pair[1])

        def preference(pair):
            target, who = pair
            return (self._aside(target, defines, extended or Counter()), -(extended or {}).get(target, 0), -len(who),
                    not self._encloses(target, who), -close(pair), not self._beside(target, who),
                    -defines.get(target, 0.0), -self._named(target, members), self.below.get(target, 0),
                    -self.above.get(target, 0), target)

        ranked = {pair[0]: preference(pair) for pair in fit}  # once each: the steps below read them again
        best = min(fit, key=lambda pair: ranked[pair[0]])
        if not close(best):  # no copy's file imports it: the one most consumers import, for other code
            written_against = [pair for pair in fit if (extended or {}).get(pair[0], 0)
                               or defines.get(pair[0], 0.0) > 0 and 2 * close(pair) > len(consumers)]
            best = min(written_against, key=lambda pair: ranked[pair[0]], default=best)
        elif self._imported_only(best, defines, extended):
            # the copies use nothing of it, only their files import it: a place for helpers whose
            # code they call is theirs (reva's `parseConfig` x 9: `utils`, whose config decoder
            # they copy, not `appctx`, the logging context every file imports)
            called = [pair for pair in fit
                      if defines.get(pair[0], 0.0) >= USED_DEFINES and self._helpers_place(pair[0])]
            best = min(called, key=lambda pair: ranked[pair[0]], default=best)
        rank = ranked[best[0]][:-3]  # before the tie-break by the lowest subsystem
        alike = tuple(sorted(target for target, order in ranked.items() if order[:-3] == rank))
        shared = self._shared_alike(sorted(alike, key=ranked.__getitem__), defines)
        if shared is not None:
            return shared, tuple(dict(fit)[shared]), (shared,)
        return best[0], tuple(best[1]), alike

    def _imported_only(self, home: tuple[str, list[str]], defines: dict[str, float], extended: Counter | None) -> bool:
        """The copies have nothing to do with `home` but that their files import it (_used): no
        class of theirs extends one of its classes, they call nothing it defines, it neither
        encloses them nor sits beside them, nor is it named for shared code."""
        target, who = home
        return (not (extended or {}).get(target, 0) and defines.get(target, 0.0) < USED_DEFINES
                and not self._encloses(target, who) and not self._beside(target, who)
                and not self._shared_place(target))

    def _shared_alike(self, alike: list[str], defines: dict[str, float]) -> str | None:
        """Of homes alike but for the lowest's tie-break (`alike`, the best first), the first named
        for helpers (_helpers_place: istio's `readFile` x 3 in istioctl's commands: its
        `util`, not `completion`, which all three import too), unless the copies call what another
        of them defines that builds on it, which a helper there could not call (evcc's modbus
        chargers' constructors: `util/modbus`, which imports `util`)."""
        for target in alike:
            built_on = any(defines.get(other, 0.0) > 0 and target in self._reaches(other)
                           for other in alike if other != target)
            if self._helpers_place(target) and not built_on:
                return target
        return None

    def _innermost(self, fit: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
        """The homes that fit, but a package enclosing the consumers around another that does,
        or around a module beside them named for shared code, referenced as widely: renovate's
        eight platforms' `getBranchPr` goes to `lib/modules/platform`, where their shared code is,
        not to `lib`, the library of the whole program, which all eight import too; kong's LLM
        drivers' `configure_request` to `kong/llm/drivers/shared.lua`, not to `kong` (but Flowise's
        request tools' schema builders not to `OpenAPIToolkit`, another tool beside them)."""
        enclosing = {target: self.subsystems[target].namespace.rstrip("/") + "/" for target, who in fit
                     if self._encloses(target, who)}
        inner = {target: self.subsystems[target].namespace for target, who in fit if target not in enclosing
                 and self._beside(target, who) and self._shared_place(target)}
        widest = {target: len(who) for target, who in fit}

        def around(outer: str, others: dict[str, str], by_as_many: bool) -> bool:
            return any(other != outer and self.subsystems[other].root == self.subsystems[outer].root
                       and namespace.startswith(enclosing[outer])
                       and (not by_as_many or widest[other] >= widest[outer]) for other, namespace in others.items())

        return [(target, who) for target, who in fit if target not in enclosing
                or not (around(target, enclosing, False) or around(target, inner, True))]

    def _reaching(self, consumers: tuple[str, ...], users: dict[str, list[str]]) -> None:
        """Add to `users` the consumers that reference another only through what they reference,
        one it does not reach back: fyrox's editor plugins reach `fyrox-ui` through the `fyrox`
        crate, which re-exports it as `fyrox::gui`. Only a target every other consumer reaches is
        a home (_best), so a target is left at the first that does not: thousands of consumers
        that reference nothing of each other (react-native-icons' 47k icon components, each a
        one-module package) cost one look each, not one per pair."""
        for target in consumers:
            if target not in self.subsystems:
                continue
            direct, reaching = set(users.get(target, ())), []
            for consumer in consumers:
                if consumer == target or consumer in direct:
                    continue
                if target not in self._reaches(consumer) or consumer in self._reaches(target):
                    break
                reaching.append(consumer)
            else:
                users.setdefault(target, []).extend(reaching)

    def _reference(self, user: str, name: str) -> tuple[str, str]:
        """("path:line" where `user` references `name`, ""), or, when it reaches it only through
        others, where it references the first of the shortest way there, and that first one
        (fyrox's editor plugins: `fyrox`)."""
        if name in self.uses[user]:
            return self.uses[user][name].evidence[0], ""
        first = {target: target for target in sorted(self.uses[user])}  # subsystem -> the first step to it
        todo = deque(first)
        while name not in first:
            step = todo.popleft()
            for target in sorted(self.uses.get(step, {})):
                if target not in first:
                    first[target] = first[step]
                    todo.append(target)
        return self.uses[user][first[name]].evidence[0], first[name]

    def _stands_on(self, name: str, consumers: tuple[str, ...]) -> str | None:
        """A consumer the home depends on, through what it references, that does not reach it:
        that copy could not use the helper without a cycle (fyrox's editor, built on `fyrox-ui`,
        for 34 property editors' `translate_message`, 30 of them in `fyrox-ui`)."""
        return next((c for c in consumers if c in self._reaches(name) and name not in self._reaches(c)), None)

    def _reaches(self, name: str) -> frozenset[str]:
        """Every subsystem `name` references, directly or through the ones it references."""
        reached = self.reached.get(name)
        if reached is None:
            seen, todo = set(), [name]
            while todo:
                for target in self.uses.get(todo.pop(), {}):
                    if target not in seen:
                        seen.add(target)
                        todo.append(target)
            reached = self.reached[name] = frozenset(seen)
        return reached

    def _speaks(self, name: str, spoken: frozenset[str]) -> bool:
        """Whether the subsystem holds code in one of the language families `spoken`."""
        families = self.families.get(name)
        if families is None:
            languages = {language_for(f.path) for f in self.subsystems[name].files}
            families = self.families[name] = frozenset(FAMILIES.get(language, language)
                                                       for language in languages if language)
        return not families.isdisjoint(spoken)

    def _used(self, shared: tuple[str, tuple[str, ...]], near: dict, defines: dict[str, float],
              extended: Counter) -> bool:
        """Whether the copies have anything to do with the home found: a copy's own file imports
        it (not a module of declarations, which every file imports for its constants, types or
        options), a copy's class extends one of its classes, the copies call what it defines (a name
        it and at most one other subsystem define, USED_DEFINES), or it is the package they live
        in or named for shared code. Else it is only what most consumers import for other code
        (connect's license check, imported by every enterprise plugin, for three batchers'
        loops; symfony's `HttpFoundation` for the null transport factories of `Mailer` and
        `Notifier`, whose `getScheme` its `Request` defines too, among others), or a package that
        merely sits beside them (`Mime`, among 54 components): no natural home."""
        name, users = shared
        imported = not self._declarations(name) and any((user, name) in near for user in users)
        return (imported or extended.get(name, 0) > 0
                or defines.get(name, 0.0) >= USED_DEFINES or self._encloses(name, users)
                or self._shared_place(name))

    def _shared_place(self, name: str) -> bool:
        """A package named as the place for shared code (`utils`, `common`, `shared`, `core`,
        external-secrets' `esutils`): a natural home for a new helper, whether or not the copies use it yet."""
        return any(word in SHARED_PLACES or word.endswith(("util", "utils")) for word in self._words(name))

    def _helpers_folder(self, name: str, users: tuple[str, ...], defines: dict[str, float],
                        extended: Counter) -> str | None:
        """The folder of helper modules `name` is one module of, when the copies have nothing to do
        with that module but that their files import it (_imported_only): DefiLlama's adapters all
        import `helpers/chains.ts`, one enum of chains, and their copied subgraph volume fetch
        belongs in a module of `helpers/` of its own, not in the enum's."""
        home = self.subsystems[name]
        folder = posixpath.dirname(home.namespace.rstrip("/"))
        module = [f.path for f in home.files] == [home.namespace]  # a package of one module
        helpers = _names_helpers(_name_words(folder.rpartition("/")[2]))
        return folder if module and helpers and self._imported_only((name, list(users)), defines, extended) else None

    def _one_function_file(self, name: str) -> bool:
        """A package of one PowerShell module named for the one function it holds, `Verb-Noun.ps1`:
        a module's functions are one a file, so a new one goes beside it, not into it (icinga's
        service wrappers, lm-powershell-module's eight `New-LM…SDT`, akamaipowershell's fifteen
        EdgeWorker lookups had gone into `Optimize-IcingaForWindowsMemory.psm1`,
        `ConvertTo-LMSDTEpochMillis.ps1`, `List-EdgeWorkers.ps1`, the function each copy calls)."""
        home = self.subsystems[name]
        stem = posixpath.basename(home.namespace.rstrip("/")).partition(".")[0]
        return ([f.path for f in home.files] == [home.namespace] and language_for(home.namespace) == "powershell"
                and POWERSHELL_FUNCTION.fullmatch(stem) is not None)

    def _helpers_place(self, name: str) -> bool:
        """A package named for helpers by its name's last word, `util`, `common`, `shared`
        (istio's `istioctl/pkg/util`; not gns3's `base_node.py`, its `BaseNode` class, nor huly's
        `core`, its data model)."""
        return _names_helpers(self._words(name))

    def _declarations(self, name: str) -> bool:
        """A module of constants, types, errors, configuration, logging, pictures or translations
        (`consts.py`, `types.ts`, telegraf's `config`, tyk's `log`, `ui/icons`, `i18n`): every consumer
        references it, and it is no place for logic; a home only when nothing else fits, or when the
        copies are written against it (extend its classes, call what it defines: symfony's `Config`
        component, its loaders' base)."""
        words = self._words(name)
        return (bool(words) and words[-1] in DECLARATIONS or self._errors(name) or self._logs(name)
                or self._translates(name))

    def _aside(self, name: str, defines: dict[str, float], extended: Counter | dict) -> bool:
        """A module of declarations (_declarations) the copies are not written against: no class of
        it extended, nothing it defines called."""
        return self._declarations(name) and not self._written_in(name, defines, extended)

    def _recorder(self, name: str, defines: dict[str, float], extended: Counter | dict, members: tuple) -> bool:
        """A consumer every other one references to log, audit or translate through (_logs,
        _translates), the copies not written against it, nor most of them saying its name: no place
        to adopt their logic from (KVAutoERP's `Audit` module, whose trait every module's entities
        use, holds one of twelve services' copied `parseSort`: the others adopting it would have
        imported the audit trail to sort; blend-go-sdk's seven typed event listeners, each
        `logger.Listener` over a `logger.Event`, are its logger's). A module of settings or types
        holding a copy is still adopted from."""
        return ((self._logs(name) or self._translates(name)) and not self._written_in(name, defines, extended)
                and 2 * self._named(name, members) <= len(members))

    @staticmethod
    def _written_in(name: str, defines: dict[str, float], extended: Counter | dict) -> bool:
        """Whether the copies extend a class of `name` or call what it defines."""
        return bool(extended.get(name, 0)) or defines.get(name, 0.0) >= USED_DEFINES

    def _logs(self, name: str) -> bool:
        """A module to log or dump through, by its name's last word (tyk's `log`, sqlc's `debug`)."""
        words = self._words(name) if name in self.subsystems else []
        return bool(words) and words[-1] in LOGGING

    def _translates(self, name: str) -> bool:
        """A module of translations, by its name's last word, a language's suffix aside (TRANSLATIONS)."""
        words = self._words(name) if name in self.subsystems else []
        if len(words) > 1 and words[-1] in LANGUAGE_SUFFIXES:
            words = words[:-1]
        return bool(words) and words[-1] in TRANSLATIONS

    def _errors(self, name: str) -> bool:
        """A module of errors by its name's last word, a prefix aside (goframe's `gerror`)."""
        words = self._words(name) if name in self.subsystems else []
        return bool(words) and words[-1].endswith(ERRORS)

    def _words(self, name: str) -> list[str]:
        """The words of a subsystem's own name, its folder's or its module's: `HttpConstants.java` ->
        http, constants; orleans' `Orleans.Core` -> orleans, core (a dot in a folder's name is no suffix)."""
        words = self.names.get(name)
        if words is None:
            module = self.subsystems[name].namespace.rstrip("/").rpartition("/")[2]
            module = module.partition(".")[0] if language_for(module) else module  # `types.d.ts` -> types
            words = self.names[name] = _name_words(module)
        return words

    def _named(self, name: str, members: tuple) -> int:
        """How many copies say the home's own name, the qualifier of what they use from it
        (rclone's `fs.Object` in a backend's `newObjectWithInfo`: `fs`, not `fs/hash`)."""
        stem = self.subsystems[name].namespace.rstrip("/").rpartition("/")[2].partition(".")[0]
        code = name_code("id", stem) if stem else ""
        return sum(code in member.names for member in members) if code else 0

    def _beside(self, name: str, consumers: list[str]) -> bool:
        """A package in the folder the consumers live in: their family's own base (seatunnel's
        `connector-cdc/connector-cdc-base` beside `connector-cdc/connector-cdc-mysql`, `-oracle` …),
        nearer to them than a package of the whole project that defines some of what they call."""
        root, folder = self.subsystems[name].root, self.folders[name]
        return all(self.subsystems[c].root == root and self.folders[c] == folder for c in consumers)

    def _encloses(self, name: str, consumers: list[str]) -> bool:
        """The package the consumers live in (`pipelines` for `pipelines/*`): where their base
        classes and shared helpers already are, so the place to pull a copied method up to."""
        home = self.subsystems[name]
        folder = home.namespace.rstrip("/") + "/"
        return all(self.subsystems[c].root == home.root and self.subsystems[c].namespace.startswith(folder)
                   for c in consumers)

    def _routing(self, name: str, action: str, users: tuple[str, ...], out_of: int, near: dict,
                 more: str, helper: Instance | None) -> Routing:
        references = [(near[(u, name)], "") if (u, name) in near else self._reference(u, name) for u in users]
        evidence = tuple(where for where, _ in references)
        said = [f"{where} through {through}" if through else where for where, through in references]
        shown = ", ".join(said[:3]) + (", …" if len(said) > 3 else "")
        who = "other consumers" if action == "adopt" else "consumers"
        by = f"inferred: {len(users)} of {out_of} {who} reference it ({shown}){more}"
        return Routing(None, self.subsystems[name].namespace, action, by, inferred=True,
                       evidence=evidence, helper=helper)


def _name_words(name: str) -> list[str]:
    """The words of a folder's or a module's name, lower-cased: `HttpConstants` -> http, constants."""
    return re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower())


def _names_helpers(words: list[str]) -> bool:
    """A name whose last word names a place for helpers: `util`, `common`, `helpers`, any `*utils`."""
    return any(word in HELPER_PLACES or word.endswith(("util", "utils")) for word in words[-1:])
