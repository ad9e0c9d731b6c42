"""Which folders are packages, folder by folder (package_folders): a manifest or a build's
sources, ten Go packages, a group of packages further down, a folder of `packages/` or of one
named for what plugs in, and, many side by side, C components by their Makefile, modules named
after their folders or holding one entry point's name, Python programs by their requirements,
plugins by their manifest.json.
layout.py picks the fleets among them."""
from __future__ import annotations

from collections import defaultdict

from radar.commands.folders import (C_BUILDS, C_BUILT, CROWDED_FOLDERS, PLUGIN_FLEET, PLUGIN_MANIFEST, PLUGIN_PACKAGES,
                                    PROGRAM_PINS, builds_sources, entry_module, flutter_runner, go_ignored,
                                    holds_manifest, inside_tests, is_go_source, is_manifest, named_module, not_fleet,
                                    suites)
from radar.commands.go_layout import go_fleets
from radar.stages.manifests import C_SOURCES
from radar.stages.toolfiles import configures_a_tool

MAX_DEPTH = 5  # folders of packages are looked for so deep at most
DOCUMENTATION = ".md"  # a page documenting the folder it is in, read by a documentation site


def package_folders(files: list[str], sources: list[str], declared: frozenset[str] = frozenset()
                     ) -> tuple[dict, dict, dict]:
    """Per folder: its sub-folders that are packages (a manifest or a `src/main/` of sources, ten
    Go packages or more, or a group of packages further down), those that are so by themselves
    (modules), and those holding code."""
    built, listed = frozenset(sources), frozenset(files)
    packages: dict[str, set[str]] = defaultdict(set)
    go_packages: dict[str, set[str]] = defaultdict(set)  # Go's package is its folder: no manifest
    groups: dict[str, set[str]] = defaultdict(set)  # sub-folders holding packages further down
    bare: dict[str, set[str]] = defaultdict(set)  # sub-folders of `packages/` holding code
    crowded: dict[str, set[str]] = defaultdict(set)  # those of `rules/` and the like: packages when many
    children: dict[str, set[str]] = defaultdict(set)
    c_folders = {f.rpartition("/")[0] for f in sources if f.endswith(C_SOURCES)}
    c_built: dict[str, set[str]] = defaultdict(set)  # C components by their Makefile: packages when many
    named: dict[str, set[str]] = defaultdict(set)  # folders of a module named after them: packages when many
    entries: dict[tuple[str, str], set[str]] = defaultdict(set)  # folders holding a module of one name
    documented: dict[str, set[str]] = defaultdict(set)  # folders holding their own documentation page
    direct: dict[str, set[str]] = defaultdict(set)  # folders holding a source file (not only below)
    py_folders = {f.rpartition("/")[0] for f in sources if f.endswith(".py")}
    pinned: dict[str, set[str]] = defaultdict(set)  # Python programs by their requirements: packages when many
    declared_plugins: dict[str, set[str]] = defaultdict(set)  # folders of a plugin's manifest.json: likewise
    for f in files:
        parts = f.split("/")  # git's paths: "/"-separated, relative, never empty parts
        for depth in range(min(MAX_DEPTH + 1, len(parts) - 1)):
            # below a folder of tests, examples or suites, no folder is a fleet's: none deeper either
            if not_fleet(parts[depth]) or depth and suites((parts[depth - 1],)) \
                    or flutter_runner(parts, depth, listed):
                break
            parent, child = "/".join(parts[:depth]), "/".join(parts[:depth + 1])
            children[parent].add(child)
            if holds_manifest(parts, depth) or builds_sources(parts, depth, built) \
                    or _swift_target(parts, depth, listed):
                packages[parent].add(child)
            elif len(parts) == depth + 2 and parts[-1] in C_BUILDS and child in c_folders:
                c_built[parent].add(child)
            elif len(parts) == depth + 2 and named_module(parts[-1], parts[depth]):
                named[parent].add(child)
            elif len(parts) == depth + 2 and entry_module(parts[-1]):
                entries[parent, parts[-1].partition(".")[0]].add(child)
            elif len(parts) == depth + 2 and parts[-1] == PROGRAM_PINS and child in py_folders:
                pinned[parent].add(child)
            elif len(parts) == depth + 2 and parts[-1] == PLUGIN_MANIFEST:
                declared_plugins[parent].add(child)
            elif len(parts) == depth + 2 and is_go_source(parts[-1]) and not go_ignored(parts):
                go_packages[parent].add(child)
            elif depth and is_manifest(parts[-1]) and not inside_tests(parts[depth + 1:-1]):
                groups[parent].add(child)
            if len(parts) == depth + 2 and parts[-1].endswith(DOCUMENTATION):
                documented[parent].add(child)
            elif len(parts) == depth + 2 and f in built:
                direct[parent].add(child)
            if _in_packages_folder(parts, depth, built):
                bare[parent].add(child)
            elif _in_packages_folder(parts, depth, built, CROWDED_FOLDERS, declared):
                crowded[parent].add(child)
    bare.update((parent, found) for parent, found in crowded.items() if len(found) >= PLUGIN_FLEET)
    # a Makefile is any folder's build (vim's src/), a module named after its folder any folder's
    # main one (`engine/pool/pool.ts`), requirements any script's, a manifest.json any web app's:
    # many side by side make a fleet
    when_many = [*named.items(), *pinned.items(), *declared_plugins.items()]
    for parent, found in [*((p, f) for p, f in c_built.items() if len(f) >= C_BUILT),
                          *((p, f) for p, f in when_many if len(f) >= PLUGIN_FLEET)]:
        packages[parent] |= found
    modules = {parent: set(found) for parent, found in packages.items()}
    fleets = go_fleets(go_packages, listed)
    for parent, found in go_packages.items():  # every folder of a Go module is a package: only
        if parent in fleets:  # a folder of many is a fleet (prometheus' discovery/*)
            packages[parent] |= found
            if parent:  # and, below the top, its own modules: camel-k's `pkg/*` beside `pkg/util/*`
                modules.setdefault(parent, set()).update(found)
    for parent, found in groups.items():  # `instrumentation/akka/{javaagent,library}`: akka is
        packages[parent] |= found  # one subsystem of `instrumentation/*`, its modules together
    for parent, found in bare.items():  # but a folder grouping packages (prisma's `packages/2-sql`) is none
        packages[parent] |= found - groups.get(parent, set())
    holding_code = set()  # every folder with a source file in it or below, a tool's own aside
    for f in sources:  # OCA's `setup/<addon>/setup.py` shims: packaging, not a package of code
        if configures_a_tool(f):
            continue
        parts = f.split("/")
        holding_code.update("/".join(parts[:end]) for end in range(1, len(parts)))
    has_code = {p: kids & holding_code for p, kids in children.items()}
    # folders side by side each holding a module of one name (echarts' 22 `src/chart/<type>/install.ts`)
    # or their own documentation page beside their code (ant-design's `components/<name>/index.en-US.md`)
    side_by_side = [(parent, found) for (parent, _), found in entries.items()]
    side_by_side += [(parent, found & direct[parent]) for parent, found in documented.items()]
    for parent, found in side_by_side:
        if len(found) >= PLUGIN_FLEET and len(found) * 2 >= len(has_code.get(parent, ())):
            packages[parent] |= found
            modules.setdefault(parent, set()).update(found)
    return packages, modules, has_code


def _swift_target(parts: list[str], depth: int, files: frozenset[str]) -> bool:
    """SwiftPM's layout: each folder of `Sources/` beside a Package.swift is a target (a module),
    with no manifest of its own (vapor's `Sources/Vapor`, `Sources/VaporTesting`)."""
    return depth > 0 and parts[depth - 1] == "Sources" and "/".join([*parts[:depth - 1], "Package.swift"]) in files


def _in_packages_folder(parts: list[str], depth: int, sources: frozenset[str],
                        plugging: frozenset[str] | set[str] = PLUGIN_PACKAGES, declared: frozenset[str] = frozenset()
                        ) -> bool:
    """A folder of `packages/` holding code (tests aside) is a package, manifest or not, unless
    it groups packages further down: dd-trace-js keeps its 115 plugins and libraries in
    `packages/<name>/src/` under the one package.json at the top. So is one of a folder named
    for what plugs in: vector's `src/sinks/<sink>/`, Rust modules of its one crate. The folder's
    name says what its sub-folders are; a private one (`_tables/`) is none."""
    return depth > 0 and (parts[depth - 1] == "packages" or parts[depth - 1].lower() in plugging
                          or "/".join(parts[:depth]) in declared) \
        and not parts[depth].startswith("_") and "/".join(parts) in sources \
        and not configures_a_tool("/".join(parts)) and not inside_tests(tuple(parts[depth + 1:-1]))
