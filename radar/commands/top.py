"""With `*` for the packages at the top of a tree (a Gradle, Maven or sbt build's modules, a
Ruby repository's gems): which top folders are packages, which group a few packages a level
down (so hold packages too), and which hold code but are none (so are left out), read once
layout.py has found that glob."""
from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from radar.commands.folders import (C_BUILDS, C_BUILT, builds_sources, holds_manifest, inside_tests, is_go_source,
                                    is_manifest, not_fleet)
from radar.commands.package_folders import package_folders
from radar.commands.uncovered import ROOT_SOURCES, SHARED_TOPS, language_family
from radar.stages.manifests import C_SOURCES

SHARED_CODE = SHARED_TOPS - {"include", "includes"}  # a top folder of the code packages share


def not_packages_at_the_top(files: list[str], sources: list[str], fleets: set[str],
                             kept: list[str]) -> tuple[tuple[str, str, int], ...]:
    """With `*` for the packages at the top, the top folders holding code that are no package
    (rails' `guides/`, `tools/`, `.github/`): each would be a subsystem of its own. Those holding
    a fleet of their own (`instrumentation/`, for `instrumentation/*`) stay, and so does the one
    holding most of the code kept (phpstan's `src/`, the root package's own, beside five tools
    with a composer.json each: its 1,292 files were excluded). So do the folders that made `*`
    with no manifest (awesome-wm-widgets' 38 widgets, a README and a Lua module each: every one
    had been left out, and its first scan had no subsystem); and a folder named for the code the
    packages share, `common/`, `lib/`, `core/` … (vscode-github-triage-actions' `common/`, the base
    class of its GitHub Actions, each a folder of its own `action.yml`; CirrusLogic's mcu-drivers'
    `common/`, the platform its drivers' boards build on), never one of headers alone (FRR's
    `include/`, Linux's headers copied; nuttx-apps' `include/`, no place for a function)."""
    packages = _top_packages(files, sources) | package_folders(files, sources)[0].get("", set())
    counts = Counter(PurePosixPath(f).parts[0] for f in sources if f.count("/") >= 1)
    return tuple((f"{folder}/**", "not a package", n) for folder, n in sorted(counts.items())
                 if folder not in packages and folder not in fleets and folder != _main_code(kept, packages)
                 and folder not in SHARED_CODE)


def _top_packages(files: list[str], sources: list[str]) -> set[str]:
    """The top folders that are packages: a manifest, Go code or a JVM module's sources each,
    the one where the build at the top keeps its own sources (livebook's `lib/`, its Mix
    project's, beside its `proto/` and `iframe/` apps and its `assets/`), and, from C_BUILT of
    them, C sources beside a Makefile of their own (FRR's daemons, `bgpd/`, `ospfd/`, `zebra/`
    … and `lib/`, had all been left out as no package)."""
    built = frozenset(sources)
    own = {root.partition("/")[0] for build in ROOT_SOURCES.keys() & set(files) for root in ROOT_SOURCES[build]
           if any(f.startswith(root) for f in sources)}
    c_built = {parts[0] for parts in (f.split("/") for f in files) if len(parts) == 2 and parts[1] in C_BUILDS}
    c_built &= {f.partition("/")[0] for f in sources if f.count("/") == 1 and f.endswith(C_SOURCES)}
    return own | (c_built if len(c_built) >= C_BUILT else set()) | {
        parts[0] for parts in (f.split("/") for f in files)
        if holds_manifest(parts, 0) or len(parts) == 2 and is_go_source(parts[1]) or builds_sources(parts, 0, built)}


def grouped_at_the_top(files: list[str], sources: list[str]) -> tuple[tuple[str, int], ...]:
    """With `*` for the packages at the top, a top folder that is no package but groups a few
    (fewer than layout.py's GROUPED_AT_THE_TOP, which make a fleet of their own), a build file or a JVM
    module's sources each, and code beside it (not Odoo's `setup/<addon>/setup.py`, packaging
    shims): its folders are packages as the top's are, not code to leave out (spring-security's
    `kerberos/kerberos-core`, `kerberos/kerberos-web`; otel-java-contrib's
    `compressors/compressor-zstd`, all in the build's settings)."""
    built, top = frozenset(sources), _top_packages(files, sources)
    coded = {tuple(f.split("/")[:2]) for f in sources if f.count("/") >= 2 and not is_manifest(f.rpartition("/")[2])}
    grouped = {tuple(parts[:2]) for parts in (f.split("/") for f in files) if parts[0] not in top
               and (holds_manifest(parts, 1) or builds_sources(parts, 1, built))}
    found = Counter(folder for folder, package in grouped & coded
                    if not not_fleet(folder) and not inside_tests((folder, package)))
    return tuple((f"{folder}/*", n) for folder, n in sorted(found.items()))


def _main_code(kept: list[str], packages: set[str]) -> str | None:
    """The top folder holding most of the code kept, in the language (or its family) the packages
    are written in (phpstan's `src/`, PHP; echarts' `src/`, TypeScript beside JavaScript packages
    of locales and themes: its 596 files had been excluded; not helix's `runtime/`, 1,190
    tree-sitter queries beside Rust)."""
    tops = Counter(f.partition("/")[0] for f in kept if "/" in f)
    top, n = max(tops.items(), key=lambda item: item[1], default=(None, 0))
    if top is None or n * 2 <= len(kept):
        return None
    spoken = Counter(language_family(f) for f in kept if f.partition("/")[0] in packages)
    written = Counter(language_family(f) for f in kept if f.partition("/")[0] == top)
    return top if spoken and written.most_common(1)[0][0] == spoken.most_common(1)[0][0] else None
