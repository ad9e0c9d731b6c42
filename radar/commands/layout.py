"""A repository's layout, read for starter rules (`radar init`, starter.py) and for a scan with
no rules folder: its subsystem globs and excludes.

The layout is read from the files git tracks (or, for a plain folder, a walk that skips hidden
and dependency folders: tracked.py): a folder whose sub-folders are mostly packages (a manifest or an
`__init__.py` of their own) is a subsystem glob (`packages/*`, `moto/*`, `*` for the modules of a
Gradle or Maven build at the top, up to five folders down, `core/localstack/services/*`; from
three down it must hold ten packages or more, and a folder named for tests never is one); of
nested ones, the one holding more packages (`sentry_sdk/integrations/*`, not `sentry_sdk/*`;
`packages/*`, not `*`, beside a website and docs with manifests of their own); a folder of Go
packages (each folder of a Go module is one, with no manifest: go_layout.py) counts from ten of them
(prometheus' `discovery/*`, its service-discovery providers), or from five beside such a folder
(dapr's `pubsub/*` beside `bindings/*`); Go modules kept by owner, a go.mod each, are packages
a level further down (dd-trace-go's `contrib/*/*`: `contrib/IBM/sarama`, `contrib/Shopify/sarama`);
a Go folder of ten files or more named for the kind of plugin each is, one plugin per file,
is a fleet of one-file packages (keda's `pkg/scalers/*_scaler.go`);
the folders of a `packages/` folder are packages, manifest or not (dd-trace-js); a folder of
versions (`semconv/v1.20.0`, …) and what is inside them never make a fleet: each is a frozen
copy kept on purpose. When a folder of packages
also holds about as many modules of its own, they are packages of one module each
(`sentry_sdk/integrations/*.py`); with fewer than twenty packages in all, a folder of twenty
modules or more is a fleet of one-module packages too (eslint's `lib/rules/*.js`; not a C# or
JVM project's classes, one assembly: MonoGame's `Graphics/Vertices/*.cs`), and its
sub-folders holding code are subsystems (`lib/rules/utils`: the rules' helpers, their home);
so is one inside a package when it is named for what plugs in (libcloud's `compute/drivers`,
mitmproxy's `addons`; from ten modules), and the sub-folders of such a folder are packages,
manifest or not (vector's `src/sinks/*`), a fleet from five however deep, inside another
fleet's package too (sqlalchemy's `dialects/*`, cranelift's `isa/*` backends); so are, from ten,
the sub-folders of a folder beside the interface or base class its plugins implement, and twenty
modules or more just inside it (Sonarr's `Notifications/*` beside `INotification.cs`, Jackett's
`Indexers/Definitions/*.cs`: folders.declared_plugin_folders). A fleet of
packages published one by one (a manifest each) stays a fleet inside another fleet's package
from five (symfony's `Component/Messenger/Bridge/*`), and so is a package of a fleet whose
packages are named as most of the fleet's: a layer cut by its domains (saleor's `graphql/*`).
With nothing else found, a lone library's folders of ten modules or more are its parts
(requests' `src/requests/*.py`; libuv's `src/unix/*.c`, with the folder for its headers); beside
other fleets, so are a top folder's twenty C programs or plugins or more (collectd's `src/*.c`,
git's `builtin/*.c`), never a library's parts (sources with headers of their names, one prefix).
The folder a fleet of packages lives in is a subsystem too when it holds 8 KB of code of its
own or more (ibis' `ibis/backends/__init__.py`, the base every backend extends): their home;
and so are the other packages of the Python package it lives in (sentry-python's `sentry_sdk/ai`
beside `sentry_sdk/integrations/*`).
A module built for several platforms, `core/jvm`, `core/js`, `core/shared`, is one module (folders.py's
CROSS_PLATFORMS); beside a fleet in a folder, a package of that folder with a build's manifest is one
package (vuepress' `packages/vuepress` beside `packages/@vuepress/*`).
A sub-folder holding packages further down, none of its own
(`instrumentation/akka/{javaagent,library}`), is one package: its modules together. A build's
ten or more modules at the top stay `*` beside a larger fleet below (opentelemetry-java's
`instrumentation/*`): discovery gives each file to the innermost subsystem. With `*`, the top
folders holding code that are no package and no fleet (`tools/`, `.github/`) are excluded,
but a folder grouping five modules of the build or more is a fleet (kafka's `connect/*`).
Where the fleets hold less than half of the code kept, the top folders holding the rest are
packages too (outline's `app`, `server`, `shared` beside its `plugins/*`), and beside C or C++
fleets (a CMakeLists.txt, or from five side by side a Makefile beside the sources: micropython's
`ports/*`; one alone is any folder's build, vim's `src/`) so are the
top folders of C or C++ they build on, whatever their share (`py/`, `extmod/`), beside Go
fleets the Go packages they build on (lego's `challenge/dns01`, `internal/errutils`), and
beside any fleets the top folders that are packages of a build (Sentinel's `sentinel-core`). Type declarations
(`.d.ts`) and generated code make no package. What is kept out of the scan (tests, fixtures,
migrations, examples, benchmarks and generated code) is excludes.py's, dependencies kept in the
tree vendored.py's, third-party source drops drops.py's, translations translations.py's; the code no
fleet holds, read once the fleets are found, uncovered.py's; a project's or an app's parts,
parts.py's; what a folder's name says, folders.py's.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from radar.commands.attributes import attributes_files, linguist_excludes
from radar.commands.drops import without_drops
from radar.commands.excluded_names import NAMELESS_EXCLUDES, TEST_FILES
from radar.commands.excludes import (SCRIPT_LANGUAGES, build_outputs, described_examples, described_generated,
                                     folder_excludes, script_tooling, without_code, without_unbuilt)
from radar.commands.folders import (DEEP_PACKAGES, MANIFESTS, MIN_PACKAGES, MODULE_FLEET, PLUGIN_FLEET,
                                    PLUGIN_PACKAGES, build_manifest, c_plugins, covered, declared_plugin_folders,
                                    helper_folders, inside_tests, is_go_source, is_manifest, left_in, plugin_folder,
                                    plugins_of, project_classes, versions, within)
from radar.commands.go_layout import (go_file_fleets, go_library, go_modules_by_owner,
                                      go_registering_folders)
from radar.commands.generator_outputs import (asn1_outputs, goctl_handlers, openapi_outputs, telescope_outputs,
                                              wayfinder_outputs)
from radar.commands.marked_folders import composer_tooling, npm_tooling, ui_test_suites
from radar.commands.package_folders import package_folders
from radar.commands.plugin_modules import (cpp_plugin_folders, headers_folders, jvm_plugin_folders,
                                           python_plugin_folders, registered_folders)
from radar.commands.sibling_folders import scaffold_glob
from radar.commands.top import grouped_at_the_top, not_packages_at_the_top
from radar.commands.tracked import file_head, file_size, submodules, tracked_files, worktree_count
from radar.commands.translations import translation_folders
from radar.commands.parts import (dominant_parts, fleets_in_members, fleets_in_parts, lone_app, monolith_parts,
                                  without_modules_in_parts)
from radar.commands.uncovered import (JVM_SOURCES as JVM_LANGUAGES, code_folders, dotnet_library, fleets_library,
                                      jvm_library, lone_families, lone_packages, packages_beside, uncovered_folders,
                                      uncovered_tops, without_emptied)
from radar.commands.vendored import without_vendored
from radar.config import GateRules
from radar.globs import any_glob, glob_match
from radar.stages.toolfiles import configures_a_tool
from radar.stages.discover import names_files
from radar.stages.languages import language_for, unread_language
from radar.stages.manifests import C_FAMILY, HEADER_SUFFIXES  # HEADER_SUFFIXES: part of its source's module

FOLDER_PACKAGES = ("go", *C_FAMILY)  # languages whose package is a folder of files, never one file
# packages this deep at most: `providers/src/airflow/providers/*`, `src/Symfony/Component/Notifier/Bridge/*`
DEEP = 3  # a folder of packages this deep or deeper is a fleet only when it holds DEEP_PACKAGES or more
PUBLISHED_FLEET = 5  # packages with manifests of their own that make a fleet inside another fleet
MIRRORED = 5  # packages named as those of the fleet it is in that make a package a fleet (_mirrors)
GROUPED_AT_THE_TOP = 5  # modules in a top folder that groups them, beside the build's modules at the top
MODULE_PACKAGES = 0.5  # a folder of packages holding this many modules per package: one-module packages
OWN_PACKAGE_BYTES = 8192  # a fleet's folder holding this much code of its own is its package (_own_package)


@dataclass(frozen=True)
class Layout:
    globs: tuple[tuple[str, int], ...]  # (glob, packages it matches)
    excludes: tuple[tuple[str, str, int], ...]  # (glob, why, source files it keeps out)
    worktrees: int  # git worktrees beside the main checkout
    namespaces: int  # folders under lib/ (the default main_namespaces)
    source_files: int
    measured: tuple[str, ...] = ()  # files whose size decided a glob (_own_package), or found generated
    unread: tuple[tuple[str, int], ...] = ()  # (language, files) of languages the radar does not parse
    code_folders: tuple[tuple[str, int, bool], ...] = ()  # with no glob: (folder, source files, excluded)
    uncovered: tuple[tuple[str, int], ...] = ()  # with globs: (folder, source files) no glob holds, most first
    generated: int = 0  # source files found generated (a generator's banner near the top)
    submodules: tuple[str, ...] = ()  # the paths of the git submodules `.gitmodules` names


def read_layout(repo: Path) -> Layout:
    listed = tracked_files(repo)
    linked = tuple(submodules(repo, listed))
    files, dropped = without_drops(listed, linked)  # no fleet, no other exclude is read in them
    files, vendored, requirements = without_vendored(repo, files)
    files, unbuilt, manifests = without_unbuilt(repo, files)
    dropped += vendored + unbuilt
    sources = [f for f in files if language_for(f)]
    kept_out = folder_excludes(sources, files)
    kept_out += linguist_excludes(files, left_in(sources, kept_out), lambda path: file_head(repo, path))
    translations = translation_folders(left_in(sources, kept_out))
    examples, npm_manifests = described_examples(repo, left_in(files, kept_out + translations))
    kept_out += translations + examples
    kept_out += npm_tooling(repo, npm_manifests, left_in(files, kept_out))
    kept_out += composer_tooling(repo, left_in(files, kept_out))
    kept_out += script_tooling(left_in(sources, kept_out))
    written, openapi_lists = openapi_outputs(repo, files)
    described, readmes = described_generated(repo, left_in(files, kept_out))
    handlers, goctl_routes = goctl_handlers(repo, files)
    compiled, asn1_specs = asn1_outputs(repo, files)
    protobufs, telescope_manifests = telescope_outputs(repo, files)
    routes, composer_manifests = wayfinder_outputs(repo, files)
    written += described + handlers + compiled + protobufs + routes
    suites, poms = ui_test_suites(repo, files)
    kept_out += written + suites
    # the packages are made of the rest, but for folders no name of theirs tells from code (not_fleet)
    code, made = without_code(repo, left_in(files, translations + examples + written + suites + tuple(
        e for e in kept_out if e[0] in NAMELESS_EXCLUDES or scaffold_glob(e[0]))))
    # the files read to decide: edited by hand, one may be code again
    measured: dict[str, int] = dict.fromkeys(made + requirements + manifests + npm_manifests + openapi_lists
                                             + goctl_routes + asn1_specs + telescope_manifests + composer_manifests
                                             + poms + readmes
                                             + attributes_files(files), 0)

    def size(path: str) -> int:
        measured[path] = file_size(repo, path)
        return measured[path]

    def head(path: str) -> bytes:
        measured[path] = file_size(repo, path)
        return file_head(repo, path)

    code_sources = [f for f in code if language_for(f)]
    projects = _projects(files)
    globs = _globs(code, code_sources, size, head, projects)
    at_the_top = any(glob == "*" for glob, _ in globs)
    taken = {glob for glob, _ in globs}
    globs += tuple(g for g in grouped_at_the_top(code, code_sources) if g[0] not in taken) if at_the_top else ()
    fleets = {glob.split("/")[0] for glob, _ in globs if glob != "*"}
    excludes = (kept_out + dropped + (not_packages_at_the_top(files, sources, fleets, left_in(code_sources, kept_out))
                                      if at_the_top else ()) + build_outputs(repo, files))
    globs = globs if at_the_top else _uncovered_tops(globs, code_sources, excludes, files)
    globs += fleets_library(globs, code_sources, excludes)
    manifested = {f.rpartition("/")[0] for f in files if "/" in f and is_manifest(f.rpartition("/")[2])}
    globs += lone_families(globs, code_sources, excludes, manifested)
    globs += lone_packages(globs, code_sources, excludes, projects)
    tracked = left_in(files, excludes)
    # a glob whose every file an exclude keeps out holds nothing to scan (laravel-crm's 46 built
    # `public/admin/build/assets/*.js`, in `**/build/**`): no subsystem to list
    globs = tuple((glob, _matched(glob, tracked)) if "*" in glob else (glob, n) for glob, n in globs)
    globs = tuple((glob, n) for glob, n in globs if n)
    kept = left_in(code_sources, excludes)
    globs = without_emptied(globs, kept)
    if sum(n for _, n in globs) < GateRules.min_consumers:
        globs = jvm_library(kept) or dotnet_library(kept, projects) or globs
    parts = dominant_parts(globs, kept)
    parts += monolith_parts(globs + parts, kept)
    globs = without_modules_in_parts(globs, parts, kept) + parts
    globs += fleets_in_members(globs, kept)
    globs = globs or tuple((glob, _matched(glob, tracked)) for glob, _ in lone_app(kept))
    globs += tuple((glob, _matched(glob, tracked)) for glob, _ in fleets_in_parts(globs, kept))
    uncovered = uncovered_folders(globs, kept)
    globs = tuple((_as_folder(glob, kept), n) for glob, n in globs)
    return Layout(globs, excludes, worktree_count(repo),
                  len({PurePosixPath(f).parts[1] for f in sources if f.startswith("lib/") and f.count("/") >= 2}),
                  len(sources), tuple(sorted(measured)),
                  tuple(Counter(filter(None, map(unread_language, files))).most_common()),
                  () if globs else code_folders(sorted(set(sources) - set(made)), excludes), uncovered, len(made),
                  linked)


def _as_folder(glob: str, kept: list[str]) -> str:
    """A glob naming one folder whose name has a dot (ethers' `src.ts`, a monorepo's
    `packages/socket.io`) with a `/` after it: read bare, it names a file of that type
    (discover.names_files), and the package it holds had been read by no subsystem."""
    folder = glob.rstrip("/")
    return folder + "/" if names_files(folder) and "*" not in folder \
        and any(f.startswith(folder + "/") for f in kept) else glob


def _matched(glob: str, tracked: list[str]) -> int:
    """How many folders holding these files `glob` matches (files, for a glob naming files): the
    subsystems a scan with it lists, which the rules' comment and init's summary count."""
    depth = glob.count("/") + 1
    files = names_files(glob)
    tops = {"/".join(parts[:depth]) for parts in (path.split("/") for path in tracked)
            if (len(parts) == depth if files else len(parts) > depth)}
    return sum(glob_match(glob, top) and not top.rpartition("/")[2].startswith(".") for top in tops)


def _globs(files: list[str], sources: list[str], size: Callable[[str], int] | None = None,
           head: Callable[[str], bytes] | None = None, projects: set[str] | None = None) -> tuple[tuple[str, int], ...]:
    """`parent/*` for each folder (the top, "", up to package_folders.MAX_DEPTH levels down) whose sub-folders are
    mostly packages; of nested ones, the one holding more, and beside it a folder above holding
    many packages of its own (see _kept). Fewer packages than the gate's consumers in all are no
    fleet (aiohttp's `aiohttp/` beside a `requirements/` folder of pins): a lone library's
    modules, where it has them, are its parts. `projects`: the folders holding a build's
    manifest (_projects), read from `files` when not given."""
    declared = declared_plugin_folders(sources)
    declared |= registered_folders(sources, head) if head is not None else frozenset()
    registering = go_registering_folders(sources, head) if head is not None else {}
    plugged = {**python_plugin_folders(sources, head), **cpp_plugin_folders(sources, head),
               **jvm_plugin_folders(sources, head)} if head is not None else {}
    packages, modules, has_code = package_folders(files, sources, declared)
    frozen = [parent for parent, found in packages.items() if len(found) >= MIN_PACKAGES and versions(found)]
    published = _published(packages, files)
    chosen = [parent for parent, found in packages.items()
              if len(found & has_code.get(parent, set())) >= _fleet_size(parent, published, declared)
              and len(found) * 2 >= len(has_code.get(parent) or found)
              and not any(parent == f or within(f, parent) for f in frozen)]
    few = {parent for parent in chosen
           if len(packages[parent] & has_code.get(parent, set())) < _fleet_size(parent, declared=declared)}
    kept = _published_inside(few, _kept([p for p in chosen if p not in few], packages, modules, published, declared))
    globs = []
    held = set().union(*(packages[parent] for parent in kept))
    listed = frozenset(files)
    projects = _projects(files) if projects is None else projects
    for parent in sorted(kept, key=lambda p: (p.count("/"), p)):
        owned, modules_inside = go_modules_by_owner(parent, packages[parent], listed)
        globs.append((f"{parent}/*/*", owned) if owned else (f"{parent}/*" if parent else "*", len(packages[parent])))
        globs += [(module, sum(f.startswith(module + "/") for f in sources)) for module in modules_inside]
        # a declaring folder's own modules are what its plugins implement, the fleet's home, no plugins
        modules_too = _module_glob(parent, len(packages[parent]), sources, projects) \
            if parent and parent not in declared else []
        globs += modules_too
        # beside its modules, the folder's code in other languages is its package (PowerDNS' `pdns/`:
        # 197 `.cc` files beside three Python scripts, `pdns/*.py`, had been read by no glob)
        others = [f for f in sources if not glob_match(modules_too[0][0], f)] if modules_too else sources
        globs += _own_package(parent, others, size, registering) if parent and parent not in held else []
    globs += packages_beside(kept, held, files)
    found = tuple(globs) + _module_fleets_beside(globs, kept, sources, declared, projects)
    file_fleets = go_file_fleets(sources)
    found += file_fleets + _cut_go_packages(file_fleets, found, sources)
    found += tuple((f"{folder}/*.go", n) for folder, n in sorted(registering.items()) if not covered(folder, found))
    if sum(n for _, n in found) < GateRules.min_consumers:
        found = _lone_library(sources, projects) or found
    taken = {glob for glob, _ in found}  # a lone library's modules are its plugins' too
    found += tuple((glob, n) for glob, n in plugged.items() if glob not in taken)
    return found + headers_folders({glob: n for glob, n in plugged.items() if not glob.endswith(".py")}, found, sources)


def _cut_go_packages(fleets: tuple[tuple[str, int], ...], found: tuple[tuple[str, int], ...],
                     sources: list[str]) -> tuple[tuple[str, int], ...]:
    """The rest of each Go package a fleet of plugin files is cut from, where no glob reads it:
    one package, the plugins' home (terraform-provider-github's `github/provider.go`, `util.go` …
    beside its `resource_*.go`; keda's `pkg/scalers/scaler.go` is one of `pkg/*`), and each Go
    package below it, as a lone Go module's are (spacelift's `spacelift/internal/structs` …)."""
    taken = any_glob(tuple(glob for glob, _ in fleets))
    held = Counter(folder for f in sources for folder, _, name in [f.rpartition("/")]
                   if is_go_source(name) and not taken(f) and not inside_tests(tuple(folder.split("/"))))
    cut = [top for top in {glob.rpartition("/")[0] for glob, _ in fleets} - {""} if not covered(top, found)]
    return tuple((folder, held[folder]) for folder in sorted(held)
                 if any(folder == top or within(top, folder) for top in cut))


def _uncovered_tops(globs: tuple[tuple[str, int], ...], sources: list[str],
                    excludes: tuple[tuple[str, str, int], ...], files: list[str]) -> tuple[tuple[str, int], ...]:
    """uncovered.uncovered_tops, again on what is left once the packages it found are taken: beside
    woodpecker's Go fleets, its `web` app (161 files) had made the unheld code mostly TypeScript,
    so its Go packages beside them (`agent`, `rpc`, `cmd/server` …) were read by no glob."""
    found = uncovered_tops(globs, sources, excludes, files)
    while found:
        globs += found
        taken = {glob for glob, _ in globs}
        found = tuple(glob for glob in uncovered_tops(globs, sources, excludes, files) if glob[0] not in taken)
    return globs


def _projects(files: list[str]) -> set[str]:
    """The folders holding a build's manifest (a `.csproj`, a `pom.xml`, a `package.json` …)."""
    return {f.rpartition("/")[0] for f in files if build_manifest(f.rpartition("/")[2])}


def _lone_library(sources: list[str], projects: Collection[str] = ()) -> tuple[tuple[str, int], ...]:
    """One library and nothing else (libuv, requests): its modules are the only parts to compare,
    from PLUGIN_FLEET of them in a folder (requests' 18 `src/requests/*.py`), C's, C++'s and
    Objective-C's source files too (libuv's `src/unix/*.c`, the platform ports; SDWebImage's
    `Core/*.m`, a class each, as a JVM library's), and beside those their folder,
    for the headers they all include (`internal.h`): where the code they share belongs. Never a
    C# project's classes: its namespaces are its parts (uncovered.dotnet_library); nor a JVM
    project's, where it has ten packages or more (jvm_library: datasketches-java's `kll`, `theta` …
    had been 288 one-class consumers; a library of one package keeps its classes); a folder of its
    plugins, classes of one base, stays a fleet (checkstyle's checks: plugin_modules)."""
    found = []
    fleets = _module_fleets(sources, ("go",), PLUGIN_FLEET, at_the_root=C_FAMILY)
    packages = jvm_library(sources) if any(language_for(glob) in JVM_LANGUAGES for glob, _ in fleets) else ()
    classes = {glob.rpartition("/")[0] for glob, _ in fleets  # and their helpers
               if project_classes(glob, projects) and (packages or language_for(glob) == "csharp")}
    for glob, n in fleets:
        if glob.rpartition("/")[0] in classes:
            continue
        found.append((glob, n))
        folder = glob.rpartition("/")[0]
        headers = sum(f.rpartition("/")[0] == folder and f.endswith(HEADER_SUFFIXES) for f in sources)
        if language_for(glob) in C_FAMILY and headers and folder:  # the top's: no folder to name
            found.append((folder, headers))
    return tuple(found) + go_library(sources) + packages


def _module_fleets_beside(globs: list[tuple[str, int]], kept: list[str], sources: list[str],
                          declared: frozenset[str] = frozenset(), projects: Collection[str] = ()
                          ) -> tuple[tuple[str, int], ...]:
    """The folders of modules that are fleets beside these folders of packages: with fewer than
    MODULE_FLEET packages in all, any where no package glob holds them (eslint's two
    `packages/*` and its 300 `lib/rules/*.js`) but a C# or JVM project's classes (folders.
    project_classes: `projects` hold a build's manifest); inside a package, one named for what plugs in
    (libcloud's `compute/drivers/*.py`; celery's 18 `backends/*.py`: PLUGIN_FLEET; newrelic's
    `hooks/*.py`: folders.PYTHON_PLUGIN_FOLDERS), a module at
    the top's too (kafka's `connect/transforms/…/transforms/*.java`, ktor's client `plugins/*.kt`),
    and one just inside a folder that declares what its plugins implement (Jackett's 66
    `Indexers/Definitions/*.cs` beside `Indexers/IIndexer.cs`: folders.declared_plugin_folders).
    A project's classes beside its own folders of plugins are their framework, no fleet
    (Steeltoe's `Connectors/*.cs` beside `Connectors/*`): its own package (_own_package)."""
    # a glob naming one package counts one, whatever files it holds (koel's `app/Http/Controllers`,
    # 161 files beside its integrations: counted as files, they had hidden its 40 stores' fleet)
    few = sum(n if "*" in glob else 1 for glob, n in globs) < MODULE_FLEET
    taken = {glob for glob, _ in globs}
    fleets = _module_fleets(sources)
    classes = {glob.rpartition("/")[0] for glob, _ in fleets if project_classes(glob, projects)}  # and their helpers
    found = []
    for glob, n in fleets:
        folder = glob.rpartition("/")[0]
        if glob in taken or folder in classes and folder in kept:  # a project's framework beside its plugins
            continue
        if few and not any(within(parent, glob) for parent in kept) and folder not in classes \
                or plugin_folder(folder, glob.rpartition(".")[2]) and plugins_of(folder, glob, sources) \
                or _declared_above(folder, declared, kept):
            found.append((glob, n))
    return tuple(found)


def _declared_above(folder: str, declared: frozenset[str], kept: list[str]) -> bool:
    """`folder` is where the plugins of a folder that declares what they implement are, as
    modules (Jackett's `Indexers/Definitions/`). Not a plugin itself, of such a folder's fleet
    (Sonarr's `Notifications/Webhook/`, its payload classes), nor the declarations' own folder."""
    above = folder.rpartition("/")[0]
    return above in declared and above not in kept


def _own_package(folder: str, sources: list[str], size: Callable[[str], int] | None,
                 registering: Collection[str] = ()) -> list[tuple[str, int]]:
    """`folder` itself when it holds code of its own beside its fleet, OWN_PACKAGE_BYTES or
    more: the package the fleet lives in, where its base classes and shared helpers are (ibis'
    `ibis/backends/__init__.py` and BaseBackend, prometheus' `discovery/*.go`), so their home.
    Less is a registry every package imports to register itself (telegraf's
    `plugins/inputs/registry.go`), no home for their logic. Tests and a tool's files aside;
    discovery gives every file below to the innermost subsystem, so it holds only these. Go files
    that are plugins each registering itself are a package each (go_layout.go_registering).
    A Go package's file named after it declares its API whatever its size: dex's
    `connector/connector.go`, the interfaces its sixteen connectors implement."""
    own = [f for f in sources if f.rpartition("/")[0] == folder and not configures_a_tool(f)
           and not f.endswith("/conftest.py") and not any(glob_match(pattern, f) for pattern in TEST_FILES)]
    named_go = f"{folder}/{folder.rpartition('/')[2]}.go" in own
    if not own or size is not None and sum(map(size, own)) < OWN_PACKAGE_BYTES and not named_go:
        return []
    if folder in registering:  # evcc's `charger/*.go`, a plugin per file
        return [(f"{folder}/*.go", sum(f.endswith(".go") for f in own))]
    return [(folder, len(own))]


def _fleet_size(parent: str, published: Callable[[str], bool] = lambda folder: False,
                declared: frozenset[str] = frozenset()) -> int:
    """How many packages make a folder a fleet: a few near the top, more deep inside a package
    but for packages published one by one (symfony's five `Component/Messenger/Bridge/*`)."""
    if parent.count("/") + 1 < DEEP:
        return MIN_PACKAGES
    return PUBLISHED_FLEET if published(parent) or _plugs_in(parent, declared) else DEEP_PACKAGES


def _module_fleets(sources: list[str], whole: tuple[str, ...] = FOLDER_PACKAGES,
                   least: int = MODULE_FLEET, at_the_root: tuple[str, ...] = ()) -> tuple[tuple[str, int], ...]:
    """With no folder of packages anywhere, or fewer than MODULE_FLEET packages in all: each
    folder holding MODULE_FLEET modules of its own or more, one integration per module (an
    Ansible collection's 577 `plugins/modules/*.py`, eslint's `lib/rules/*.js`), or a single
    package's modules (rich's `rich/*.py`), as `folder/*.py`, with its helpers (folders.helper_folders).
    Never a private folder's (rich's generated `_unicode_data/`), nor one of the languages
    `whole`, whose folder is one package (Go's; C's and C++'s but where nothing else is found, or
    in radare2's plugin folders, `p/`: folders.c_plugins).
    At the top of the tree, only the languages `at_the_root` (tmux's 150 `*.c`)."""
    counts: Counter = Counter()
    plugged = set()  # (folder, suffix) of C plugins: a fleet from PLUGIN_FLEET of them
    main = max(Counter(map(language_for, sources)).items(), key=lambda item: item[1], default=(None, 0))[0]
    for f in sources:
        folder, _, name = f.rpartition("/")
        language = language_for(f)
        key, last = (folder, PurePosixPath(name).suffix), folder.rpartition("/")[2]
        # standalone scripts, in a language the project is not written in: its tooling, or payloads it
        # ships one by one (Empire's 43 PowerShell modules, `data/module_source/*/*.ps1`, sent to its
        # agents: their copies of one UAC bypass had been its first proposal), no fleet of its modules
        if language in SCRIPT_LANGUAGES and language != main:
            continue
        if (folder or language in at_the_root) and not name.startswith("_") and not last.startswith("_") \
                and (language not in whole or language in C_FAMILY and c_plugins(folder)) \
                and not inside_tests(tuple(folder.split("/"))):
            counts[key] += 1
            if language in whole:
                plugged.add(key)
    fleets = [(folder, suffix, n) for (folder, suffix), n in sorted(counts.items()) if suffix not in HEADER_SUFFIXES
              and (n >= least or n >= PLUGIN_FLEET and (folder.rpartition("/")[2].lower() in PLUGIN_PACKAGES
                                                         or (folder, suffix) in plugged))]
    return tuple(glob for folder, suffix, n in fleets
                 for glob in ((f"{folder}/*{suffix}" if folder else f"*{suffix}", n),
                              *(helper_folders(folder, sources) if folder else ())))


def _kept(chosen: list[str], packages: dict[str, set[str]], modules: dict[str, set[str]],
          published: Callable[[str], bool], declared: frozenset[str] = frozenset()) -> list[str]:
    """Of nested folders of packages, the one holding more, and a big group of packages just
    inside it; then, beside it, each folder above holding modules of its own (DEEP_PACKAGES or
    more, but for a folder that only groups packages): a build's modules at the top, pants'
    `src/python/pants/{core,engine,util}` beside `backend/*`, astro's `packages/{astro,…}`
    beside `packages/integrations/*`. Those are the libraries the fleet below uses, so its
    homes; discovery gives each file to the innermost subsystem. A smaller fleet inside one of
    those modules is the module's own parts, unless its packages are published one by one or it
    is named for what plugs in (Radarr's `NzbDrone.Core/Download/Clients/*`: 16 beside 24 projects)."""
    kept: list[str] = []
    for parent in sorted(chosen, key=lambda p: (-len(packages[p]), not p, p.count("/"), p)):  # the top: on a tie, last
        if not any(within(parent, k) or within(k, parent) for k in kept) \
                or _fleet_of_its_own(parent, kept, packages, modules, published, declared):
            kept.append(parent)
    for above in sorted(set(chosen) - set(kept), key=lambda p: p.count("/") if p else -1):
        # A folder that only groups packages (astro's `packages/`, holding the core beside
        # `packages/integrations/*`) needs a few; the top, or a package itself, many: else they
        # are a few tools, or the package's own parts (sentry_sdk/{ai,crons}).
        grouping = above and _grouping(above, modules)
        least = _fleet_size(above) if grouping else DEEP_PACKAGES
        if len(modules.get(above, ())) < least or not any(within(above, k) for k in kept):
            continue
        kept = [k for k in kept if not within(above, k) or len(packages[k]) >= len(packages[above])
                or _child_holding(above, k) not in modules[above] or published(k)
                or len(packages[k]) >= PUBLISHED_FLEET and _plugs_in(k, declared)] + [above]
    return kept


def _fleet_of_its_own(parent: str, kept: list[str], packages: dict[str, set[str]], modules: dict[str, set[str]],
                      published: Callable[[str], bool], declared: frozenset[str] = frozenset()) -> bool:
    """`parent`, beside or inside a fleet kept, is a fleet of its own: a group of DEEP_PACKAGES or
    more just inside one (aspire's `src/Components/*` beside `src/*`), packages published one by
    one inside one (symfony's `Component/Mailer/Bridge/*`), a top folder grouping modules of the
    build at the top (kafka's `connect/*`: as no module of theirs, its 627 files were excluded), a
    layer cut by the fleet's domains (saleor's `graphql/*`), or a folder named for what plugs in
    inside one (cranelift's `isa/*`)."""
    found = len(packages[parent])
    inside = any(within(k, parent) for k in kept)
    return (found >= DEEP_PACKAGES and _grouping(parent, modules) and parent.rpartition("/")[0] in kept
            or found >= PUBLISHED_FLEET and published(parent) and inside
            or found >= GROUPED_AT_THE_TOP and "/" not in parent and "" in kept and _grouping(parent, modules)
            or _mirrors(parent, kept, packages)
            or found >= PUBLISHED_FLEET and _plugs_in(parent, declared) and inside)


def _plugs_in(folder: str, declared: frozenset[str] = frozenset()) -> bool:
    """`folder` is named for what plugs in: a fleet from PUBLISHED_FLEET packages however deep,
    inside another fleet's package too (sqlalchemy's five `dialects/*`, cranelift's `isa/*`
    backends in its codegen crate, wagtail's twelve `contrib/*` apps). Fewer, or in a folder of
    another name, are the package's own parts, but for a folder that declares what its plugins
    implement (Sonarr's `Notifications/`: folders.declared_plugin_folders)."""
    return folder.rpartition("/")[2].lower() in PLUGIN_PACKAGES or folder in declared


def _mirrors(parent: str, kept: list[str], packages: dict[str, set[str]]) -> bool:
    """`parent`, a package of a fleet kept, holds MIRRORED packages or more named as the fleet's
    own, most of its packages and of the fleet's: a layer cut by the fleet's domains (saleor's
    `saleor/graphql/{account,checkout,order,…}`: 22 of its 27 packages, of saleor's 29). As one
    package, the copies its domains share were one consumer's and never proposed. Not a plugin
    that serves a few of them (esphome's `components/template/{sensor,switch,…}`: 16 of 600)."""
    above = parent.rpartition("/")[0]
    if above not in kept:
        return False
    shared = {p.rpartition("/")[2] for p in packages[parent]} & {p.rpartition("/")[2] for p in packages[above]}
    return len(shared) >= MIRRORED and len(shared) * 2 >= max(len(packages[parent]), len(packages[above]))


def _published_inside(few: set[str], kept: list[str]) -> list[str]:
    """Beside these fleets, the folders of fewer packages published one by one that lie inside
    one of them (symfony's five `Component/Messenger/Bridge/*`), never taking a fleet's place: a
    folder grouping several stays whole (prisma's `1-framework/*` beside `1-framework/1-core/*`).
    Not beside one: symfony's `Contracts/*`, interfaces every bridge names, took the homes of the
    bridges' copies from the components that hold their base classes."""
    return kept + [parent for parent in sorted(few) if any(within(k, parent) for k in kept)
                   and not any(parent == k or within(parent, k) for k in kept)]


def _published(packages: dict[str, set[str]], files: list[str]) -> Callable[[str], bool]:
    """Whether most packages of a folder have a manifest of their own, a language's sub-module
    marker aside: packages published one by one (symfony's `Mailer/Bridge/*`, each with its
    composer.json), so a fleet of their own even inside a module, not its parts."""
    listed = frozenset(files)
    own = MANIFESTS - {"__init__.py"}

    def published(folder: str) -> bool:
        found = packages.get(folder, ())
        return sum(any(f"{p}/{m}" in listed for m in own) for p in found) * 2 > len(found)
    return published


def _grouping(folder: str, modules: dict[str, set[str]]) -> bool:
    """`folder` only groups packages: it is no package (module) itself."""
    return not any(folder in found for found in modules.values())


def _child_holding(folder: str, below: str) -> str:
    """The sub-folder of `folder` that `below` is in."""
    rest = below[len(folder) + 1:] if folder else below
    return (folder + "/" if folder else "") + rest.split("/")[0]


def _module_glob(parent: str, packages: int, sources: list[str], projects: Collection[str] = ()
                 ) -> list[tuple[str, int]]:
    """`parent/*.py` when the folder of packages holds about as many modules of its own: each
    of them is a package too (one integration per module). Never Go's, C's or C++'s: their
    folder's files are one package, one library; nor a C# or JVM project's classes (Steeltoe's
    connectors framework beside its `Connectors/*`: folders.project_classes), its own package."""
    prefix = parent + "/"
    suffixes = Counter(PurePosixPath(f).suffix for f in sources  # a module right in the folder
                       if f.startswith(prefix) and "/" not in f[len(prefix):] and not f[len(prefix):].startswith("_")
                       and language_for(f) not in FOLDER_PACKAGES)
    if not suffixes:
        return []
    suffix, modules = suffixes.most_common(1)[0]
    glob = f"{parent}/*{suffix}"
    return [(glob, modules)] if modules >= max(MIN_PACKAGES, MODULE_PACKAGES * packages) \
        and not project_classes(glob, projects) else []
