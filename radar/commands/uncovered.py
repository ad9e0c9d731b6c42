"""The code no fleet holds, read once the fleets are found (layout.py): a monolith's top folders
beside its plugins, a top folder of Go code as its Go packages, a folder of C programs or plugins
as its programs (and the C files at the top of the tree), the library a fleet of modules is built
on, the packages beside a fleet, a top folder of another language as an app (parts.lone_app), a
lone JVM or C# library's packages or namespaces (or its folder of projects side by side); and the
globs left with nothing of their own (without_emptied). A project's or an app's own parts are
parts.py's."""
from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from collections.abc import Collection
from pathlib import PurePosixPath

from radar.commands.folders import (MIN_PACKAGES, MODULE_FLEET, VERSION_LAST, build_manifest, frozen,
                                    helper_folders, in_no_package, inside_tests, is_go_source, left_in, not_fleet,
                                    plugin_folder, within)
from radar.commands.parts import held_by, lone_app
from radar.config import FleetRules, GateRules
from radar.globs import any_glob, glob_match
from radar.stages.discover import names_files
from radar.stages.homes import FAMILIES
from radar.stages.manifests import C_FAMILY, C_SOURCES, HEADER_SUFFIXES
from radar.stages.languages import language_for

UNCOVERED_FILES = 10  # source files in a top folder no fleet holds that make it a package (uncovered_tops)
LARGE_TOP = 50  # ...beside fleets holding most of the code: a program's own, not a folder of tools (_large_tops)
LIBRARY_FILES = 5  # files in no package in the folder holding a fleet of modules' folder that make it their library
ENTRY_FILES = 10  # fewer sources of its own in the folder holding a fleet's: its entry scripts (packages_beside)
HINTED = 3  # folders init names as holding the most code when it finds no subsystem (code_folders)
LIBRARY_SHARE = 0.25  # C sources with a header of their name or one prefix beyond this: a library's (_c_programs)
JVM_SOURCES = ("java", "kotlin", "scala")
# a build at the top of the tree (Ant's too) and where it keeps its own sources (_build_packages)
_JVM_ROOT = ("src/main/java/", "src/main/kotlin/", "src/main/scala/", "src/java/")
ROOT_SOURCES = {"pom.xml": _JVM_ROOT, "build.gradle": _JVM_ROOT, "build.gradle.kts": _JVM_ROOT, "build.sbt": _JVM_ROOT,
                "build.xml": _JVM_ROOT, "Cargo.toml": ("src/",), "mix.exs": ("lib/",)}
# top folders named for the code a project's fleets share, packages beside them with no build of
# their own: SuiteCRM's `include/` (SugarObjects, MVC …) beside its 119 `modules/*`, which
# require it, and so had had no home
SHARED_TOPS = frozenset({"include", "includes", "lib", "libs", "core", "common", "shared"})
LONE_PACKAGES = 10  # with too few subsystems for the gate, a lone JVM or C# library's packages from this many


def jvm_library(sources: list[str]) -> tuple[tuple[str, int], ...]:
    """Where the subsystems found are fewer than the gate's consumers, so that nothing could ever
    be proposed (vert.x: its core and a logging module, beside a module of tests), a JVM
    library's packages, a folder each under its `src/main/`: `io/vertx/core/http`, `…/net`,
    `…/eventbus` …, the parts a team splits it by, as a lone Go module's (go_library); from
    LONE_PACKAGES of them, never in tests."""
    held = Counter(f.rpartition("/")[0] for f in sources
                   if language_for(f) in JVM_SOURCES and "/src/main/" in f"/{f}")
    found = tuple(sorted((folder, n) for folder, n in held.items() if not inside_tests(tuple(folder.split("/")))
                         and "/" in f"/{folder}".split("/src/main/", 1)[1]))  # a package: `module-info.java` is none
    return found if len(found) >= LONE_PACKAGES else ()


def dotnet_library(sources: list[str], projects: Collection[str]) -> tuple[tuple[str, int], ...]:
    """As jvm_library, a lone C# library's namespaces, the folders just inside its project (a
    `.csproj` in `projects`): Rebus' `Rebus/Sagas`, `Rebus/Transport`, `Rebus/Retry` … (its
    classes, a fleet of one-module packages each, had been the consumers); from
    LONE_PACKAGES of them in a project, as `<project>/*`, never in tests. A library beside a
    folder of its own projects side by side is not lone (_project_groups)."""
    groups = _project_groups(sources, projects)
    if groups:
        return groups
    found = []
    for project in sorted(projects):
        prefix = project + "/" if project else ""
        namespaces = {f[len(prefix):].partition("/")[0] for f in sources
                      if f.startswith(prefix) and "/" in f[len(prefix):] and language_for(f) == "csharp"}
        namespaces = {n for n in namespaces if not inside_tests((n,)) and f"{prefix}{n}" not in projects}
        if len(namespaces) >= LONE_PACKAGES and not inside_tests(tuple(project.split("/"))):
            found.append((f"{prefix}*", len(namespaces)))
    return tuple(found)


def _project_groups(sources: list[str], projects: Collection[str]) -> tuple[tuple[str, int], ...]:
    """A folder holding GateRules.min_consumers C# projects or more side by side, each one
    package, and beside it every other C# project, one package each: ScottPlot's eight `ScottPlot5
    Controls/*` (Avalonia, WPF, WinForms …), the library in each UI toolkit, beside the library
    itself, `ScottPlot5/ScottPlot5` (its 36 namespaces had been the subsystems, the controls unread)."""
    held = {project: sum(f.startswith(project + "/") and language_for(f) == "csharp" for f in sources)
            for project in projects if not inside_tests(tuple(project.split("/")))}
    held = {project: n for project, n in held.items() if n}
    parents = Counter(project.rpartition("/")[0] for project in held if "/" in project)
    groups = {folder for folder, n in parents.items() if n >= GateRules.min_consumers}
    if not groups:
        return ()
    others = [(project, n) for project, n in sorted(held.items()) if project
              and project.rpartition("/")[0] not in groups and not any(within(other, project) for other in held)]
    return tuple((f"{folder}/*", parents[folder]) for folder in sorted(groups)) + tuple(others)


def uncovered_tops(globs: tuple[tuple[str, int], ...], sources: list[str],
                   excludes: tuple[tuple[str, str, int], ...], files: list[str]) -> tuple[tuple[str, int], ...]:
    """With the fleets found holding less than half of the code kept, each top folder holding
    UNCOVERED_FILES or more of the rest, as one package: a monolith's parts beside its plugins
    (outline: `plugins/*` held 181 of its 1,858 files; `app/`, `server/`, `shared/` the rest),
    a Go workspace's modules beside its `pkg/*` (etcd's `server/`, `client/`, `etcdctl/`); a top
    folder of Go code as its Go packages (_go_packages_in), one of C's or C++'s programs as
    its programs (_c_programs: a folder of twenty or more, no library's parts), and so
    the top's own C files, which no folder names (openssh's 158 `*.c` beside its `contrib/*`).
    Beside C, C++ or Go fleets, the code of theirs they build on whatever its share (_built_on),
    every top folder of Go however small (_go_tops); beside others, the top folders that are
    packages of a build (_build_packages)."""
    if not globs:
        return ()
    kept = left_in(sources, excludes)
    fleets_in = {glob.rpartition("/")[0] for glob, _ in globs if "*" in glob}  # their own files: _own_package's
    uncovered = [f for f in in_no_package(globs, kept) if f.rpartition("/")[0] not in fleets_in]
    counted = uncovered
    if len(uncovered) * 2 <= len(kept):
        family = _built_on(uncovered, kept)
        if family is None:
            built = _build_packages(uncovered, files)
            holding = {glob.partition("/")[0] for glob, _ in globs + built}
            return built + _large_tops(uncovered, kept, holding)
        counted = [f for f in uncovered if _SOURCES[family](f)]  # headers alone are no package (`include/`),
        built = {f.partition("/")[0] for f in counted}  # but go with their sources (domoticz' `push/`: 7 and 7)
        counted += [f for f in uncovered if f.endswith(HEADER_SUFFIXES) and f.partition("/")[0] in built]
    rest = Counter(f.partition("/")[0] for f in uncovered if "/" in f)  # the top's own files: no folder to name
    enough = {top for top, n in Counter(f.partition("/")[0] for f in counted if "/" in f).items()
              if n >= UNCOVERED_FILES} | _go_tops(counted)
    children = defaultdict(set)  # a top folder of versions side by side holds frozen copies: no package
    for f in kept:
        parts = f.split("/")
        if len(parts) > 2:
            children[parts[0]].add(f"{parts[0]}/{parts[1]}")
    return tuple(glob for top, n in sorted(rest.items())
                 if top in enough and not not_fleet(top) and not frozen(children[top])
                 for glob in _go_packages_in(top, uncovered, files) or _c_programs(top, uncovered, kept) or ((top, n),)
                 ) + _c_programs("", uncovered, kept)


def _large_tops(uncovered: list[str], kept: list[str], taken: set[str]) -> tuple[tuple[str, int], ...]:
    """Beside fleets holding most of the code, the top folders holding LARGE_TOP of the rest or
    more, in the language most of the code kept is written in, and no package found (`taken`):
    the program the fleets plug into (meteor's `tools/`, its command line and build tool, 134
    files beside its `packages/*`; MyBB's `admin/`; ServiceStack's `ServiceStack.Text/`), which
    no build names a package; or most of the code in another language, read as an app of its
    own (kpi's `jsapp/`, its web app's 638 files of TypeScript beside its Django apps' scripts,
    had gone unread). A top folder holding a fleet leaves the rest of it to the fleet's library
    (fleets_library: vitepress' `src/client/theme-default` beside its components, not `src`).
    Never a folder that is no package by its name (scripts, docs), nor tests'."""
    families = Counter(language_family(f) for f in kept)
    main = families.most_common(1)[0][0] if kept else None
    held = Counter((f.partition("/")[0], language_family(f)) for f in uncovered if "/" in f)
    found: list[tuple[str, int]] = []
    for (top, family), n in sorted(held.items()):
        if n < LARGE_TOP or top in taken or not_fleet(top) or inside_tests((top,)):
            continue
        if family == main:
            found.append((top, n))
        elif 2 * n > families[family]:  # an app of its own: its parts and fleets, as lone_app reads one
            found += lone_app([f for f in kept if f.startswith(top + "/")])
    return tuple(found)


def language_family(path: str) -> str | None:
    """A source's language, or the family it belongs to (TypeScript's is JavaScript's)."""
    language = language_for(path)
    return FAMILIES.get(language, language)


def _go_tops(uncovered: list[str]) -> set[str]:
    """Where most of the code no fleet holds is Go, every top folder holding Go sources: a folder of
    Go is a package however small, and what the fleets build on (tyk's `storage/`, `config/`,
    `log/` beside its `internal/*`, nine files or fewer each, had been unread)."""
    if _mostly(uncovered) != "go":
        return set()
    return {f.partition("/")[0] for f in uncovered if "/" in f and is_go_source(f.rpartition("/")[2])}


def _build_packages(uncovered: list[str], files: list[str]) -> tuple[tuple[str, int], ...]:
    """Beside fleets holding most of the code, the top folders that are packages of their own (a
    build's manifest in them: a pom.xml, build.gradle, pyproject.toml, package.json …) holding
    UNCOVERED_FILES sources or more that no fleet holds, each one package: the core the fleets
    build on, their home (Sentinel's `sentinel-core` beside its `sentinel-adapter/*` and
    `sentinel-extension/*`, which a build of fewer than ten modules at the top leaves to the
    larger fleets; pydantic-ai's `pydantic_graph` beside the fleets inside `pydantic_ai_slim`);
    so is `src` where the build at the top keeps its own sources (nutch's `src/java`; qdrant's
    server, the crate at the top, beside its `lib/*`), `lib` for a Mix project's (livebook's,
    beside its `proto/` and `iframe/` apps), and a package in the top `packages/`
    folder (_workspace_package). A .NET solution (`.sln`) is a build's too: rocketmq-clients'
    `csharp/`, its client beside the other languages' clients, whose project is further down."""
    builds = {f.rpartition("/")[0] for f in files if (f.count("/") == 1 or _workspace_package(f) and f.count("/") == 2)
              and (build_manifest(f.rpartition("/")[2]) or f.endswith(".sln"))}
    held = Counter("/".join(f.split("/")[:2 if _workspace_package(f) else 1]) for f in uncovered if "/" in f)
    built_inside = {f.partition("/")[0] for f in files if f.count("/") > 1 and build_manifest(f.rpartition("/")[2])}
    sourced = {f.partition("/")[0] for f in uncovered if not f.endswith(HEADER_SUFFIXES)}  # headers alone: none
    builds.update(top for top in held if top in SHARED_TOPS and top in sourced and top not in built_inside)
    for build in ROOT_SOURCES.keys() & set(files):  # the build at the top's own sources: nutch's
        roots = ROOT_SOURCES[build]  # core, beside its `src/plugin/*`; livebook's `lib/` beside `proto/`
        if sum(f.startswith(roots) for f in uncovered) >= UNCOVERED_FILES:
            builds.update(root.partition("/")[0] for root in roots)
    return tuple((top, n) for top, n in sorted(held.items())
                 if top in builds and n >= UNCOVERED_FILES and not inside_tests(tuple(top.split("/"))))


def _workspace_package(path: str) -> bool:
    """A file in a package of the top `packages/` folder, a workspace's, however few they are
    (lerna's one, `packages/lerna`, its command-line tool, beside its `libs/*`)."""
    return path.startswith("packages/") and path.count("/") >= 2


# the languages whose fleets build on the code beside them (_built_on), and their sources
_SOURCES = {"c": lambda f: f.endswith(C_SOURCES), "go": lambda f: is_go_source(f.rpartition("/")[2])}
_FAMILY = {"c": "c", "cpp": "c", "objc": "c", "go": "go"}


def _built_on(uncovered: list[str], kept: list[str]) -> str | None:
    """C, C++ or Go fleets and sources of theirs beside them: what the components build on
    (micropython's `py/`, `extmod/`, `shared/` beside its twenty `ports/*`; lego's `challenge/`
    and `internal/` beside its 219 DNS providers), their homes, however much of the code the
    fleets hold: the family. Of other languages, a fleet holding most of the code is the
    project; headers alone (an `include/` folder) are no package: they go with their sources.
    Fleets of several languages build on theirs too: where a quarter of the code the fleets hold
    is of the family (unkey's Go services beside its TypeScript apps: `internal/`, `svc/vault/` …,
    278 Go files, had been unread)."""
    unheld = set(uncovered)
    family = _mostly(uncovered)
    fleets = [_FAMILY.get(language_for(f)) for f in kept if f not in unheld]
    return family if family is not None and fleets.count(family) * 4 >= len(fleets) else None


def _mostly(files: list[str]) -> str | None:
    """The family of most of `files`' languages, if one holds most."""
    counts = Counter(_FAMILY.get(language_for(f)) for f in files)
    return next((family for family, n in counts.items() if family is not None and n * 2 > len(files)), None)


def _go_packages_in(top: str, uncovered: list[str], files: list[str]) -> tuple[tuple[str, int], ...]:
    """A top folder of Go code holding no Go module: its packages, a folder each (caddy's
    `modules/caddytls`, `modules/logging` … beside its `modules/caddyhttp/*`), not one package of
    them all. Where modules are (etcd's `server/`, `client/v3/`, each with its go.mod), the
    folder stays one package: a module is released whole; so it does where versions of an API
    lie side by side (cluster-api's `bootstrap/kubeadm/pkg/types/upstreamv1beta3` and
    `upstreamv1beta4`: frozen copies, which as packages would be each other's consumers)."""
    inside = [f for f in uncovered if f.startswith(top + "/")]
    held = Counter(f.rpartition("/")[0] for f in inside if is_go_source(f.rpartition("/")[2]))
    siblings = defaultdict(set)
    for folder in held:
        siblings[folder.rpartition("/")[0]].add(folder)
    modules = any(f.startswith(top + "/") and f.endswith("/go.mod") for f in files)
    versions = any(sum(bool(VERSION_LAST.search(f.rpartition("/")[2])) for f in found) >= MIN_PACKAGES
                   for found in siblings.values())
    if sum(held.values()) * 2 <= len(inside) or modules or versions:
        return ()
    return tuple((folder, n) for folder, n in sorted(held.items()) if not inside_tests(tuple(folder.split("/"))))


def _c_programs(top: str, uncovered: list[str], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """A top folder of C or C++ no fleet holds, holding MODULE_FLEET source files of its own or
    more that are programs or plugins, each declaring nothing the others include (collectd's 205
    `src/*.c`, git's 130 `builtin/*.c`): its parts, as a lone library's are, beside the fleets
    found elsewhere; its sub-folders and its own other files (`src/daemon`, `src/utils`, its
    headers) are what they build on, their home. Not one package of them all, inside which
    nothing could be compared. A library's parts stay one package: sources many of which have a
    header of their name beside them or in an `include/` folder (obs' `libobs/obs-*.c`,
    fluent-bit's `src/flb_*.c` and `include/fluent-bit/flb_*.h`; not git's `builtin/commit.c` and
    the top's `commit.h`, the library a command calls) or share a prefix (`flb_`). At the top of
    the tree (`top` ""), no folder could name their library: the files are the parts whatever they
    declare (openssh's `*.c`, as tmux's)."""
    own = [f for f in uncovered if f.rpartition("/")[0] == top and language_for(f) in C_FAMILY]
    suffixes = Counter(PurePosixPath(f).suffix for f in own if not f.endswith(HEADER_SUFFIXES))
    suffix, count = suffixes.most_common(1)[0] if suffixes else ("", 0)
    if not top:  # no folder names the top's library: its files are the parts (tmux's, openssh's `*.c`)
        return ((f"*{suffix}", count),) if count >= MODULE_FLEET else ()
    programs = [PurePosixPath(f).stem for f in own if f.endswith(suffix)]
    declared = {PurePosixPath(f).stem for f in kept if f.endswith(HEADER_SUFFIXES)
                and (f.rpartition("/")[0] == top or "include" in f.split("/")[:-1])}
    prefixes = Counter(stem.split("_")[0].split("-")[0] for stem in programs if "_" in stem or "-" in stem)
    if count < MODULE_FLEET or sum(stem in declared for stem in programs) > count * LIBRARY_SHARE \
            or max(prefixes.values(), default=0) > count * LIBRARY_SHARE:
        return ()
    glob, inside = f"{top}/*{suffix}", [f for f in uncovered if f.startswith(top + "/")]
    rest = sum(f.rpartition("/")[0] == top and not glob_match(glob, f) for f in inside)
    return ((glob, count), *(((top, rest),) if rest else ()), *helper_folders(top, inside))


def lone_families(globs: tuple[tuple[str, int], ...], sources: list[str], excludes: tuple[tuple[str, str, int], ...],
                  packages: set[str]) -> tuple[tuple[str, int], ...]:
    """Beside two or more fleets in one folder (an Nx workspace's `libs/products/*` and
    `libs/shared/*`), each other folder of it holding `packages` (folders with a manifest) whose
    code no fleet holds, as a fleet too, even of one package: `libs/cart/*` for its lone
    `cart-page`, nx-console's `libs/nx-mcp/*` for `nx-mcp-server`. Elsewhere one package makes
    no fleet (MIN_PACKAGES); here its siblings say what its folder is."""
    fleets = Counter(glob[:-2].rpartition("/")[0] for glob, _ in globs if glob.endswith("/*") and glob.count("/") >= 2)
    uncovered = {f.rpartition("/")[0] for f in in_no_package(globs, left_in(sources, excludes))}
    found: Counter = Counter()
    for package in packages:
        family = package.rpartition("/")[0]
        parent = family.rpartition("/")[0]
        if parent and fleets[parent] >= MIN_PACKAGES and not inside_tests(tuple(package.split("/"))) \
                and any(folder == package or within(package, folder) for folder in uncovered):
            found[f"{family}/*"] += 1
    return tuple(sorted(found.items()))


def lone_packages(globs: tuple[tuple[str, int], ...], sources: list[str], excludes: tuple[tuple[str, str, int], ...],
                  packages: set[str]) -> tuple[tuple[str, int], ...]:
    """Beside a fleet a folder down (vuepress' `packages/@vuepress/*` in `packages/`), each package
    of that folder (a manifest of its own) whose code no glob holds, as one package: vuepress'
    CLI, `packages/vuepress`, had been unread (one package makes no fleet of `packages/*`). A
    package by its build's manifest: a Python package's `__init__.py` is the sub-package's own
    rule's (fleets_library, layout._own_package)."""
    fleets = {glob[:-2] for glob, _ in globs if glob.endswith("/*") and glob.count("/") >= 2}
    folders = {fleet.rpartition("/")[0] for fleet in fleets}
    uncovered = Counter(f.rpartition("/")[0] for f in in_no_package(globs, left_in(sources, excludes)))
    found = {}
    for package in sorted(packages):
        parent = package.rpartition("/")[0]
        if parent in folders and package not in fleets and not inside_tests(tuple(package.split("/"))) \
                and not not_fleet(package.rpartition("/")[2]):
            n = sum(count for folder, count in uncovered.items() if folder == package or within(package, folder))
            if n:
                found[package] = n
    return tuple(found.items())


def without_emptied(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """The globs but a folder every file of which a fleet's glob inside it holds: a scan gives
    those files to the fleet's packages, nested in it, and would list the folder with none
    (sqlfluff's `src/sqlfluff/dialects`, a package beside its `rules/*`, and its 54 dialects
    `dialects/*.py`); nor a folder every file of which an exclude keeps out (ethers' compiled
    `lib.commonjs`, whose entry requires each of its folders); nor a fleet none of whose packages
    holds code kept (aws-lambda-dotnet's 94 blueprints, their templates kept out, each a manifest
    beside them: 94 empty subsystems)."""
    holding = _holding(kept)
    globs = tuple((glob, n) for glob, n in globs if "*" not in glob or holding(glob))
    fleets = [glob for glob, _ in globs if "*" in glob]

    def held(path: str, folder: str) -> bool:
        return held_by(path, [glob for glob in fleets if glob.startswith(folder + "/")])

    def emptied(folder: str) -> bool:
        inside = [f for f in kept if f.startswith(folder + "/")]
        if not any(glob.startswith(folder + "/") for glob in fleets):
            return not inside
        return bool(inside) and all(held(f, folder) for f in inside)

    return tuple((glob, n) for glob, n in globs if "*" in glob or not emptied(glob))


def _holding(kept: list[str]):
    """Whether a glob holds a file of `kept`, as held_by reads it, each glob matched against the
    folders (or files) at its depth, not against every file."""
    at_depth: dict[tuple[int, bool], set[str]] = defaultdict(set)
    for f in kept:
        parts = f.split("/")
        for depth in range(1, len(parts) + 1):
            at_depth[(depth, depth == len(parts))].add("/".join(parts[:depth]))

    def holds(glob: str) -> bool:
        depth = glob.count("/") + 1
        return any(glob_match(glob, path) for path in at_depth[(depth, names_files(glob))])

    return holds


def uncovered_folders(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """The code kept that no glob holds, by folder, most first: what init tells a user is left
    unread (go-zero's `zrpc/`, 42 Go files, beside its `core/*` and `rest/*`), each the
    shallowest folder of it that holds no glob's packages (`tools/goctl` for its own files
    beside `tools/goctl/*`). Not the top's own files (a setup script, a config), nor folders
    that are never packages (scripts, docs, `.github`)."""
    if not globs:
        return ()
    bases = {glob.rpartition("/")[0] if "*" in glob else glob for glob, _ in globs}
    counts: Counter = Counter()
    for f in in_no_package(globs, kept):
        folder = ""
        for part in f.split("/")[:-1]:
            folder = f"{folder}/{part}" if folder else part
            if not any(base == folder or within(folder, base) for base in bases):
                break
        if folder and not any(map(not_fleet, folder.split("/"))):  # scripts, docs, `.github`: never packages
            counts[folder] += 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def fleets_library(globs: tuple[tuple[str, int], ...], sources: list[str],
                    excludes: tuple[tuple[str, str, int], ...]) -> tuple[tuple[str, int], ...]:
    """The folder holding a fleet of modules' folder, as one package, when LIBRARY_FILES or more
    of its files are in no package and none of its folders is one: the library the modules are
    built on, so their home (starship's `src/`, its context, formatter and utils, beside
    `src/modules/*.rs`; shrine's `lib/shrine`, nine files beside its 51 plugins). Where some are
    (sentry-python's `sentry_sdk/ai` beside its integrations), those are the homes, and the
    library whole would enclose them all. For a fleet of packages below the top, the nearest
    folder above it holding UNCOVERED_FILES or more in no package (renovate's `lib`, its util,
    workers and config, 431 files beside `lib/modules/manager/*` and three more fleets, which had
    been read by no glob)."""
    uncovered = in_no_package(globs, left_in(sources, excludes))
    taken = {glob for glob, _ in globs}
    fleets = {glob.rpartition("/")[0] for glob in taken if "*" in glob}
    homes = [glob for glob in taken if "*" not in glob and glob not in fleets]  # a fleet's own files are no home
    found = {}
    for glob, _ in globs:
        folder, _, pattern = glob.rpartition("/")
        for library in _libraries(folder, pattern):
            if library in taken or library in found or any(within(library, home) for home in homes):
                break
            n = sum(1 for f in uncovered if f.startswith(library + "/"))
            if n >= (LIBRARY_FILES if pattern.startswith("*.") else UNCOVERED_FILES):
                found[library] = n
                break
    return tuple(sorted(found.items()))


def _libraries(folder: str, pattern: str) -> list[str]:
    """Where the library of a fleet in `folder` may be, nearest first, never the top: a fleet of
    modules' (`*.rs`) the folder above; a fleet of packages' (`*`), any folder above."""
    above = folder.split("/")[:-1]
    if pattern.startswith("*."):
        return ["/".join(above)] if above else []
    return ["/".join(above[:end]) for end in range(len(above), 0, -1)] if pattern == "*" else []


def code_folders(sources: list[str], excludes: tuple[tuple[str, str, int], ...]) -> tuple[tuple[str, int, bool], ...]:
    """With no subsystem found: the folders holding the most source files, three levels down at
    most, tests and the like aside, for init's hint of where to name subsystems (node_exporter's
    `collector`, its ~100 collectors as 190 files of one Go package; node-red's
    `packages/node_modules/@node-red`, its own packages where dependencies usually are), not a
    hidden tool's folder (`.github`). Each with whether an exclude for dependencies or vendored
    code keeps it out. The top of the tree counts as a folder ("" then): bubbletea's 33 files
    there, one Go package, had gone unsaid while two tutorials' one file each were named."""
    vendored = any_glob(tuple(glob for glob, why, _ in excludes if why == "vendored") + FleetRules().exclude)
    other = any_glob(tuple(glob for glob, why, _ in excludes if why != "vendored"))
    held = Counter("/".join(f.split("/")[:-1][:3]) for f in sources  # never a tool's `.github`, `.circleci`
                   if not other(f) and not f.startswith(".") and "/." not in f)
    return tuple((folder, n, vendored(folder + "/")) for folder, n in held.most_common(HINTED))


def packages_beside(kept: list[str], held: set[str], files: list[str]) -> list[tuple[str, int]]:
    """The other sub-packages of the Python package a fleet lives in (Flexget's `flexget/api`
    and `flexget/utils` beside `flexget/components/*`, sentry-python's `sentry_sdk/ai` beside
    `sentry_sdk/integrations/*`): the library the fleet is built on, so its homes. So are the
    folders of LIBRARY_FILES sources or more beside a fleet of plugins in a folder holding no code
    of its own but a few entry scripts (Microsoft365DSC's `Modules/Microsoft365DSC/Modules`, the
    helpers its 391 `DSCResources/*` call, had been read by no glob, and their first proposal's
    home was one of the resources; FOSSBilling's `src/library` beside `src/modules/*` and seven
    `src/*.php`). Never tests, private folders or another fleet."""
    listed = set(files)
    coded = {f for f in files if language_for(f)}
    own = Counter(f.rpartition("/")[0] for f in coded)  # per folder, the sources right in it
    # per folder, the files under it, found once (openobserve's 5,420 files had been walked for
    # each fleet folder and each candidate beside it: 3 s of a first init)
    below: dict[str, list[str]] = defaultdict(list)
    for f in files:
        parts = f.split("/")
        for at in range(1, len(parts)):
            below["/".join(parts[:at])].append(f)
    found: dict[str, int] = {}
    for parent in kept:
        package = posixpath.dirname(parent) if parent else ""
        python = f"{package}/__init__.py" in listed
        if not package or not python and (not plugin_folder(parent, "") or own[package] >= ENTRY_FILES):
            continue
        looked = set()
        for f in below[package]:
            folder, _, rest = f[len(package) + 1:].partition("/")
            beside = f"{package}/{folder}"
            if not (rest == "__init__.py" if python else rest and f in coded) or beside in looked:
                continue
            looked.add(beside)
            if beside != parent and beside not in held and beside not in kept \
                    and not folder.startswith("_") and not inside_tests((folder,)) \
                    and not any(within(k, beside) for k in kept if k):
                found[beside] = sum(1 for g in below[beside] if g in coded)
    least = {True: 2, False: LIBRARY_FILES}
    return sorted((folder, n) for folder, n in found.items()
                  if n >= least[f"{posixpath.dirname(folder)}/__init__.py" in listed])
