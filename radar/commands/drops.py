"""Third-party source drops `radar init` keeps out before reading the layout: a library's
release copied into the tree (`lib/zstd-1.5.7`), the folders beside such drops, the folders
where C and C++ projects keep the libraries they build with, and wrappers around git submodules.
No fleet and no other exclude is read inside them."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from radar.commands.excluded_names import EXCLUDABLE
from radar.commands.folders import build_manifest, inside_tests
from radar.stages.manifests import C_FAMILY
from radar.stages.languages import language_for

# A folder named for a release or a commit that holds its own license, `lib/zstd-1.5.7`,
# `lib/sqlite-amalgamation-3510100`, `lib/jansson-e23f558`: a third-party source drop. (A name
# alone is not enough: opentelemetry-java's `jaxrs-2.0` is its own code for JAX-RS 2.0, built by
# its manifest; a dotted release's folder with none is a drop, _lone_releases.)
VERSIONED = re.compile(r"[A-Za-z][\w.+-]*?-v?(?:\d+(?:\.\d+)+|\d{6,}|(?=[a-f]*\d)[0-9a-f]{7,12})")
# a name and a dotted release after `-` or `_`, with no license needed where nothing builds it and
# no folder beside it is named alike (_lone_releases): `bootstrap-3.3.7`, `MCSDK_v5.4.4`
RELEASE = re.compile(r"([A-Za-z][A-Za-z0-9_.]*?)[-_]v?\d+\.\d+(?:\.\d+)*")
LICENSES = ("LICENSE", "LICENCE", "COPYING")
DROPS_BESIDE = 2  # releases in one folder that make it a folder of libraries (_beside_drops)
# a test file named for what it tests: `AlaDownloadHandlerSpec.js`, `FooTest.java`, `foo.test.ts`, `test_foo.py`
TESTED_NAME = re.compile(r"(?:test_(\w+)|(\w+?)(?:[._-]?(?:spec|test)s?))\.\w+", re.IGNORECASE)
TESTED = 3  # files of a folder beside drops that tests elsewhere name: the project's own (_tested_elsewhere)
# releases side by side, licensed or not, that make a folder of libraries a web app serves
# (gogs' `public/plugins/codemirror-5.17.0`, `dropzone-5.5.0` …: one of its twelve has a license)
UNLICENSED_BESIDE = 3
# where C and C++ projects keep the libraries they build with, one sub-folder each: redis'
# `deps/jemalloc`, `deps/lua`, OpenRGB's `dependencies/hidapi-win`, `dependencies/mdns`, ADIOS2's
# `thirdparty/EVPath`, and so misspelt, DISTRHO-Ports' juced's `dependancies/angelscript` (not njs'
# `external/*.c`, its own modules, nor pnpm's TypeScript `deps/`, nor a JVM package `thirdparty`,
# which holds no C)
C_VENDORED = frozenset({"deps", "dependencies", "dependancies", "3rdparty", "thirdparty", "external", "extern"})
# where C projects keep contributed code, their own (PostgreSQL's extensions, git's helpers) or
# others' libraries (premake's `contrib/mbedtls`, `contrib/zlib` …): a library there holding its
# own license is a drop, as a release's folder is
CONTRIBUTED = "contrib"
# a CI configuration that runs only at a repository's top: below it, the file came with a
# repository copied in (Serial-Studio's `lib/hidapi/.github/workflows/builds.yml`, KissFFT's
# `.travis.yml`)
TOP_ONLY_CI = re.compile(r"(.+?)/(?:\.travis\.yml|\.?appveyor\.yml|\.cirrus\.yml|\.gitlab-ci\.yml|"
                         r"\.circleci/config\.yml|\.github/workflows/[^/]+\.ya?ml)")


def source_drops(files: list[str], submodules: Iterable[str] = ()) -> set[str]:
    """The folders holding a third-party source drop (VERSIONED, or a C library with its own
    license in CONTRIBUTED), and those where C and C++ projects keep the libraries they build
    with (C_VENDORED, holding C or C++ sources), a C library's repository copied in
    (_copied_repositories); a folder
    holding a git submodule (`submodules`: their paths) wraps a library checked out from
    elsewhere, as a release's folder holds its drop (osquery's `libraries/cmake/source/bzip2`,
    its build files and platform headers beside `src`, bzip2's own repository)."""
    licensed = {folder for folder, _, name in (f.rpartition("/") for f in files)
                if folder and name.upper().startswith(LICENSES)} | _licensed_beside(files)
    c_files = [f.split("/") for f in files if language_for(f) in C_FAMILY]
    named = {"/".join(parts[:i + 1]) for parts in c_files for i, name in enumerate(parts[:-1])
             if name.lower() in C_VENDORED}  # whatever the case: devilutionX's `3rdParty/*`, 24 libraries
    own = {"/".join(parts[:-1]) for parts in c_files}  # C files right in the folder: its own modules
    # but its folders are still libraries (raylib's `src/external/glfw` beside the single-header
    # libraries `src/external` holds, `stb_vorbis.c` among them; njs' `external/*.c` are all flat)
    inside = {"/".join(parts[:i + 2]) for parts in c_files for i in range(len(parts) - 2)
              if "/".join(parts[:i + 1]) in named & own}
    released = {folder for folder in licensed if VERSIONED.fullmatch(folder.rpartition("/")[2])}
    c_folders = {"/".join(parts[:i + 1]) for parts in c_files for i in range(len(parts) - 1)}
    released |= {folder for folder in licensed & c_folders
                 if folder.rpartition("/")[0].rpartition("/")[2] == CONTRIBUTED}
    released |= _served_releases(files) | _lone_releases(files) | _jar_folders(files)
    return released | _beside_drops(released, files) | _wrappers(submodules, files) | (named - own) | inside \
        | _copied_repositories(licensed, c_files, files)


def _copied_repositories(licensed: set[str], c_files: list[list[str]], files: list[str]) -> set[str]:
    """The folders holding C or C++ code, a license of their own and a CI configuration that runs
    only at a repository's top (TOP_ONLY_CI): a library's repository copied in (Serial-Studio's
    `lib/hidapi`, whose four platforms' `hid_free_enumeration` had been its first proposal;
    fujinet-firmware's `components/expat/expat`). Ardour's own `libs/pbd` holds a license and no
    CI; PHP monorepos' modules split into read-only repositories (spryker's `Bundles/*`) hold both
    and no C: the project's own. A folder holding most of the tree's C and C++ is the project
    itself, kept in a folder with what it had at the top (a `.travis.yml` from before a move)."""
    with_ci = {found[1] for f in files if (found := TOP_ONLY_CI.fullmatch(f))
               and set(EXCLUDABLE["vendored"]).isdisjoint(found[1].split("/"))}  # left out already: `vendor/`
    held = Counter("/".join(parts[:depth]) for parts in c_files for depth in range(1, len(parts)))
    return {folder for folder in with_ci & licensed if 0 < held[folder] * 2 <= len(c_files)}


def _licensed_beside(files: list[str]) -> set[str]:
    """The folders named for a release whose license lies beside them, named for what they hold:
    mapnik's `scons/scons-local-4.10.1`, SCons shipped to build with, beside `scons/scons-LICENSE`."""
    named: set[tuple[str, str]] = set()  # (folder, what a license there is named for)
    folders: set[str] = set()
    for path in files:
        folder, _, name = path.rpartition("/")
        what, dash, rest = name.partition("-")
        if dash and rest.upper().startswith(LICENSES):
            named.add((folder, what.lower()))
        folders.update("/".join(path.split("/")[:depth]) for depth in range(1, path.count("/") + 1))
    return {folder for folder in folders if VERSIONED.fullmatch(folder.rpartition("/")[2])
            and (folder.rpartition("/")[0], folder.rpartition("/")[2].partition("-")[0].lower()) in named}


def _served_releases(files: list[str]) -> set[str]:
    """The folders named for a release in a folder holding UNLICENSED_BESIDE of them or more, most
    of its folders, none built as a package of the repository's own (a build's manifest in it or
    below, but a web library's package.json): the libraries a web app serves, copied in. opentelemetry-java-
    instrumentation's `jaxrs-2.0`, `jaxrs-3.0` … are its modules, a build.gradle.kts each."""
    folders: dict[str, set[str]] = defaultdict(set)
    built = set()
    for f in files:
        parts = f.split("/")
        for at in range(1, len(parts) - 1):
            folders["/".join(parts[:at])].add(parts[at])
        if parts[-1] != "package.json" and build_manifest(parts[-1]):  # in it or below
            built.update("/".join(parts[:at]) for at in range(1, len(parts)))
    found = set()
    for parent, names in folders.items():
        releases = {f"{parent}/{name}" for name in names if VERSIONED.fullmatch(name)}
        if len(releases) >= UNLICENSED_BESIDE and len(releases) * 2 > len(names) and not releases & built:
            found |= releases
    return found


def _lone_releases(files: list[str]) -> set[str]:
    """The folders named for a release (RELEASE) holding code and no build manifest, licensed or
    not, none beside them named alike: a library's release dropped in (integration-studio's 13
    copies of `bootstrap-3.3.7/`, whose `bootstrap.js` had been its second proposal;
    tcommon-studio-se's `jfreechart-1.0.12/`, 959 Java files; opentrons-modules' `MCSDK_v5.4.4/`).
    Folders named alike side by side are versions of the project's own (WorldEdit's
    `adapter-1.21.4` … `adapter-26.2`), and one holding a manifest is built as its own
    (opentelemetry-java-instrumentation's `jaxrs-2.0`); one among tests is a case's (babel's
    `fixtures/…/node-v0.10`)."""
    named: dict[str, str] = {}
    built = set()
    for f in files:
        parts = f.split("/")
        for at, part in enumerate(parts[:-1]):
            if (found := RELEASE.fullmatch(part)) and not inside_tests(tuple(parts[:at])):
                folder = "/".join(parts[:at + 1])
                if build_manifest(parts[-1]):
                    built.add(folder)
                elif language_for(f):
                    named[folder] = found.group(1).lower()
                break
    alike = Counter((folder.rpartition("/")[0], name) for folder, name in named.items())
    return {folder for folder, name in named.items()
            if folder not in built and alike[folder.rpartition("/")[0], name] == 1}


def _jar_folders(files: list[str]) -> set[str]:
    """The folders holding a jar of their own name and a release (`pdfbox/pdfbox-3.0.3.jar`,
    `commons-logging-1.3.4-sources.jar`): a library's folder, whatever else it holds (Utopia-Scala's
    `Manuscript/lib/pdfbox/` keeps PDFBox's source release in `src/`, 1,054 Java files)."""
    found = set()
    for f in files:
        folder, _, name = f.rpartition("/")
        library = folder.rpartition("/")[2]
        if name.endswith(".jar") and library and re.match(re.escape(library) + r"[-_]v?\d+(?:\.\d+)+", name, re.I):
            found.add(folder)
    return found


def _beside_drops(released: set[str], files: list[str]) -> set[str]:
    """Every folder in a folder holding DROPS_BESIDE releases or more: a folder of the libraries
    a project builds with, as C_VENDORED's are, the rest of them kept at a commit with no number
    in their name (fluent-bit's `lib/cmetrics`, `lib/ctraces`, `lib/msgpack-c` beside
    `lib/zstd-1.5.7` and `lib/jansson-e23f558`: 110 of its 137 proposals were their copies of
    each other, and msgpack-c the home of the rest). Never at the top, where a repository's own
    packages are, nor a folder the repository's tests test (_tested_elsewhere)."""
    holding = Counter(folder.rpartition("/")[0] for folder in released)
    libraries = {parent + "/" for parent, n in holding.items() if parent and n >= DROPS_BESIDE}
    if not libraries:
        return set()
    beside = {parent + f[len(parent):].partition("/")[0] for f in files for parent in libraries
              if f.startswith(parent) and "/" in f[len(parent):]}
    return beside - _tested_elsewhere(beside - released, files)


def _tested_elsewhere(folders: set[str], files: list[str]) -> set[str]:
    """The folders whose code the repository's tests test by name, TESTED of their files or more,
    from a tests folder outside them named after them too: the project's own code among the
    libraries it serves (aodn-portal's `web-app/js/portal`, beside `ext-3.3.1` and
    `OpenLayers-2.13.1`, tested by `src/test/javascript/portal/cart/AlaDownloadHandlerSpec.js` …;
    its 175 files had been left out, and its first scan found no subsystem). A library copied in
    keeps its tests inside its own folder, if any."""
    tested: dict[str, list[tuple[str, str]]] = defaultdict(list)  # a folder's name -> (stem, test) under one
    named: dict[str, set[str]] = {folder: set() for folder in folders}  # a folder -> its code files' stems
    depths = sorted({folder.count("/") + 1 for folder in folders})
    for f in files:
        parts = f.split("/")
        if (stem := TESTED_NAME.fullmatch(parts[-1])) and inside_tests(tuple(parts[:-1])):
            for name in set(parts[:-1]):
                tested[name].append(((stem.group(1) or stem.group(2)).lower(), f))
        prefixes = ("/".join(parts[:depth]) for depth in depths if depth < len(parts))
        holder = next((named[prefix] for prefix in prefixes if prefix in named), None)
        if holder is not None and language_for(f):
            holder.add(parts[-1].partition(".")[0].lower())
    found = set()
    for folder in folders:
        stems = {stem for stem, test in tested.get(folder.rpartition("/")[2], ()) if not test.startswith(folder + "/")}
        if len(named[folder] & stems) >= TESTED:
            found.add(folder)
    return found


def _wrappers(submodules: Iterable[str], files: list[str]) -> set[str]:
    """The folders of a folder most of whose folders hold a git submodule, from DROPS_BESIDE of
    them: the libraries a project builds with, each a wrapper (osquery's 35
    `libraries/cmake/source/*`). One alone is a package's own (netdata's `h2o` server beside
    `libh2o`, its submodule)."""
    wrapping = {path.rpartition("/")[0] for path in submodules}
    holding = Counter(folder.rpartition("/")[0] for folder in wrapping if "/" in folder)
    folders: dict[str, set[str]] = defaultdict(set)
    for f in files:
        for parent in holding:
            if f.startswith(parent + "/") and "/" in f[len(parent) + 1:]:
                folders[parent].add(parent + "/" + f[len(parent) + 1:].partition("/")[0])
    return {folder for parent, n in holding.items() if n >= DROPS_BESIDE and n * 2 > len(folders[parent])
            for folder in folders[parent]}


def without_drops(files: list[str], submodules: Iterable[str] = ()
                  ) -> tuple[list[str], tuple[tuple[str, str, int], ...]]:
    """The files outside every source drop, and an exclude for each drop (with its source files)."""
    drops = source_drops(files, submodules)
    if not drops:
        return files, ()
    kept, counts = [], Counter()
    for f in files:
        drop = next((f[:end] for end, char in enumerate(f) if char == "/" and f[:end] in drops), None)
        if drop is None:
            kept.append(f)
        elif language_for(f):  # a release's name anywhere; `deps` only there (hugo's own Go `deps/` is code)
            name = drop.rpartition("/")[2]
            counts[f"**/{name}/**" if VERSIONED.fullmatch(name) else f"{drop}/**"] += 1
    return kept, tuple((glob, "vendored", n) for glob, n in counts.most_common())
