"""The parts of a project or an app, read once the fleets are found (layout.py): the sub-folders
of a package holding most of the code kept (dominant_parts), or a thousand files or more, named
by a glob of its own or one of a fleet's members (monolith_parts), or of the project itself when
nothing else is found (lone_app); inside them, the folders of ten folders of code or more as
fleets of them, but for a part's layers, folder names its siblings share (_folder_fleets); and,
once parts are found, no fleet of a layer's modules (without_modules_in_parts)."""
from __future__ import annotations

from collections import Counter, defaultdict

from radar.commands.folders import MODULE_FLEET, PLUGIN_FLEET, inside_tests, not_fleet, plugin_folder
from radar.globs import glob_match
from radar.stages.discover import names_files

DOMINANT_SHARE = 0.75  # a package holding this share of the code kept or more is the project (dominant_parts)
DOMINANT_PARTS = 3  # ...and its sub-folders holding code are its parts, from this many
FEW_MEMBERS = 3  # a fleet of this many packages or fewer may be a few groups of the real fleet (fleets_in_members)
LAYERED = 3  # children of a folder holding a folder of one name: that name is a layer's (_folder_fleets)
MONOLITH_FILES = 1000  # a package holding this many files no fleet inside it holds is an app's whole (monolith_parts)


def dominant_parts(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """Where one package found holds DOMINANT_SHARE of the code kept or more, the project itself
    beside its tooling (apollo-client's `src`, 267 of 308 files, beside `codegen`, `config`,
    `eslint-local-rules` …: a first scan with nothing to say, not even a watching candidate),
    its sub-folders holding code, as a lone library's parts: `src/*` (`cache`, `core`, `link`,
    `react` …), DOMINANT_PARTS of them or more, where no glob reads packages inside it already
    holding half its files or more (developer-portal's `web/app/api/*`, 21 routes of a file each
    in a 998-file Next.js app, had left the rest of it one subsystem: no candidate at all);
    those of the folder in it holding its code alone, where one does (candlepin's `src`, 906 of
    912 files: `src/main/java/org/candlepin/*`, its 33 packages); and a part holding PLUGIN_FLEET
    folders of code or more as a fleet of them, as monolith_parts reads an app's.
    A fleet of modules inside it stays beside them (pixijs' `src/advanced-blend-modes/*.ts`, 23
    blend modes, had left the other 648 files of `src` one subsystem: nothing to compare)."""
    folders = [glob for glob, _ in globs if "." not in glob.rpartition("/")[2]]  # not a glob of modules
    holders: Counter = Counter()
    for f in kept:
        parts = f.split("/")[:-1]
        held = [len(g.split("/")) for g in folders if len(parts) >= len(g.split("/"))
                and glob_match(g, "/".join(parts[:len(g.split("/"))]))]
        if held:
            holders["/".join(parts[:max(held)])] += 1
    if not holders:
        return ()
    top, n = holders.most_common(1)[0]
    own = [f for f in kept if f.startswith(top + "/")]
    inner = [glob + "/**" for glob, _ in globs if glob.startswith(top + "/") and not names_files(glob)]
    read_inside = sum(any(glob_match(glob, f) for glob in inner) for f in own)  # by a fleet of folders in it
    if n < DOMINANT_SHARE * len(kept) or 2 * read_inside >= len(own):
        return ()
    top, inside = _down_to_parts(top, own)
    parts = [name for name in inside if not not_fleet(name) and not inside_tests((name,))]
    return ((f"{top}/*", len(parts)), *_folder_fleets(top, own)) if len(parts) >= DOMINANT_PARTS else ()


def _down_to_parts(top: str, own: list[str]) -> tuple[str, Counter]:
    """The folder below `top` holding its parts, down while one sub-folder holds DOMINANT_SHARE
    of its files (a JVM project's `src/main/java/org/candlepin`), and how many each part holds."""
    while True:
        inside = Counter(f[len(top) + 1:].partition("/")[0] for f in own if f[len(top) + 1:].count("/"))
        name, n = inside.most_common(1)[0] if inside else ("", 0)
        if n < DOMINANT_SHARE * len(own) or not_fleet(name):
            return top, inside
        top = f"{top}/{name}"


def monolith_parts(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """For a glob naming one package that holds MONOLITH_FILES files or more no glob inside it
    holds, an app's whole, its parts as dominant_parts reads a project's (down while one
    sub-folder holds DOMINANT_SHARE of them), and a part holding PLUGIN_FLEET folders of code or
    more as a fleet of them (_folder_fleets): dub's `apps/web`, 3,121 files beside its 34 API
    routes' and 12 integrations' packages, had been one package: its partner platforms'
    importers (`lib/firstpromoter`, `lib/partnerstack` …) and their copied customer imports
    unseen. The package stays, for its own files."""
    found: list[tuple[str, int]] = []
    for package in _packages(globs, kept):
        inner = [other for other, _ in globs if other.startswith(package + "/")]
        own = [f for f in kept if f.startswith(package + "/") and not held_by(f, inner)]
        if len(own) < MONOLITH_FILES:
            continue
        top, inside = _down_to_parts(package, own)
        parts = [name for name in inside if not not_fleet(name) and not inside_tests((name,))]
        if len(parts) >= DOMINANT_PARTS:
            found += [(f"{top}/*", len(parts)), *_folder_fleets(top, own)]
    taken = {glob for glob, _ in globs}
    return tuple((glob, n) for glob, n in found if glob not in taken)


def without_modules_in_parts(globs: tuple[tuple[str, int], ...], parts: tuple[tuple[str, int], ...],
                             kept: list[str]) -> tuple[tuple[str, int], ...]:
    """The globs but the fleets of modules in a layer of the parts found of a project or an app,
    MODULE_FLEET of them or more (a folder named as LAYERED parts' are: _children), and those
    fleets' helpers: read as packages while the packages found were few
    (layout._module_fleets_beside), they are their part's own modules, each part holding its own
    of them (phabricator's 26 `almanac/controller/*.php` …: 2,397 subsystems beside its 89
    applications). A fleet of its part alone stays (winget's `AppInstallerCLICore/Commands/*.cpp`),
    as does a folder named for what plugs in (`auth/adapter/*.php`)."""
    layered = set()
    for top in (glob[:-2] for glob, n in parts if glob.endswith("/*") and n >= MODULE_FLEET):
        children = _children(top, kept)
        layers = _layers(children)
        layered |= {glob.rpartition("/")[0] for glob, _ in globs if names_files(glob) and glob.startswith(top + "/")
                    and glob.count("/") >= top.count("/") + 3 and glob.split("/")[top.count("/") + 2] in layers
                    and not plugin_folder(glob.rpartition("/")[0], glob.rpartition(".")[2])}
    return tuple((glob, n) for glob, n in globs if glob.rpartition("/")[0] not in layered)


def _packages(globs: tuple[tuple[str, int], ...], kept: list[str]) -> list[str]:
    """The packages the globs name: a glob naming one, and each folder a glob of folders matches
    (`packages/*`: `packages/sanity`, `packages/groq` …); never a glob of modules."""
    named = [glob for glob, _ in globs if "*" not in glob and not names_files(glob)]
    for glob in (glob for glob, _ in globs if "*" in glob and not names_files(glob)):
        depth = glob.count("/") + 1
        named += sorted({folder for f in kept if f.count("/") >= depth
                         for folder in ("/".join(f.split("/")[:depth]),) if glob_match(glob, folder)})
    return named


def fleets_in_members(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """For a fleet of FEW_MEMBERS packages or fewer, each member's folder holding PLUGIN_FLEET
    folders of code or more as a fleet of them (_folder_fleets): passbolt's `plugins/*` is its
    editions, `PassboltCe`, `PassboltEe`, `PassboltDev`, and `plugins/PassboltCe/*` its 27
    CakePHP plugins, which had been read as one package. The members stay, for their own files."""
    found: list[tuple[str, int]] = []
    for glob, n in globs:
        if glob.endswith("/*") and n <= FEW_MEMBERS:
            found += _folder_fleets(glob[:-2], kept)
    taken = {glob for glob, _ in globs}
    return tuple(dict.fromkeys((glob, n) for glob, n in found if glob not in taken))


def held_by(path: str, globs: list[str]) -> bool:
    """Whether one of `globs` holds the file, as layout._matched reads a glob: a file's, or a folder's."""
    parts = path.split("/")
    return any((len(parts) == depth if names_files(glob) else len(parts) > depth)
               and glob_match(glob, "/".join(parts[:depth])) for glob in globs for depth in (glob.count("/") + 1,))


def lone_app(kept: list[str]) -> tuple[tuple[str, int], ...]:
    """With nothing found, the project as one package: the folder holding DOMINANT_SHARE of the
    code kept (down while one sub-folder does), its sub-folders holding code as its parts, from
    DOMINANT_PARTS of them, and a part holding PLUGIN_FLEET folders of code or more as a fleet
    of them (_folder_fleets): checkmate's React app, `src/Pages/*` (13 pages) and
    `src/Components/*` (39) beside `src/Utils`, `src/Hooks` …, whose first scan had ended "no
    subsystem found"; and PLUGIN_FLEET parts or more are a fleet themselves (consta-widgets' 21
    charts and widgets, `src/BarChart`, `src/DatePicker` …, beside `src/_private`). Without such
    a fleet, nothing: a library's few folders are its own parts (five generators, a Go module's
    packages), nothing to compare."""
    top = ""
    while True:
        prefix = f"{top}/" if top else ""
        inside = Counter(f[len(prefix):].partition("/")[0] for f in kept
                         if f.startswith(prefix) and "/" in f[len(prefix):])
        if not inside:
            return ()
        name, n = inside.most_common(1)[0]
        if n < DOMINANT_SHARE * len(kept) or not_fleet(name):
            break
        top = prefix + name
    parts = [name for name in inside if not not_fleet(name) and not inside_tests((name,))]
    fleets = _folder_fleets(top, kept) if len(parts) >= DOMINANT_PARTS else ()
    return ((f"{prefix}*", len(parts)), *fleets) if fleets or len(parts) >= PLUGIN_FLEET else ()


def fleets_in_parts(globs: tuple[tuple[str, int], ...], kept: list[str]) -> tuple[tuple[str, int], ...]:
    """With packages found but no fleet among them (a monolith's parts, overseerr's `server` and
    `src`: nothing to compare, not even a watching candidate), a folder of one of them holding
    PLUGIN_FLEET folders of code or more as a fleet of them (`src/components/*`, 53 React
    components), as lone_app reads an app with no package at all."""
    if not globs or any("*" in glob for glob, _ in globs):
        return ()
    parts = sorted(glob.rstrip("/") for glob, _ in globs)
    return tuple(fleet for part in parts for fleet in _folder_fleets(part, kept))


def _folder_fleets(folder: str, kept: list[str]) -> tuple[tuple[str, int], ...]:
    """`folder/<child>/*` for each sub-folder of `folder` ("" the top) holding PLUGIN_FLEET
    folders of code or more, with how many, but for a child's layers: folders most of which are
    named as LAYERED children's are (phabricator's 89 applications each hold `controller`,
    `query`, `storage` …: 76 of them had been read as fleets of their layers, no application a
    consumer); never tests' or examples' folders."""
    prefix = f"{folder}/" if folder else ""
    children = _children(folder, kept)
    layers = _layers(children)
    return tuple((f"{prefix}{child}/*", len(folders)) for child, folders in sorted(children.items())
                 if len(folders) >= PLUGIN_FLEET and len(folders & layers) * 2 < len(folders))


def _children(folder: str, kept: list[str]) -> dict[str, set[str]]:
    """Each sub-folder of `folder` ("" the top) and the folders of code it holds; never tests'
    or examples' folders."""
    prefix = f"{folder}/" if folder else ""
    inside: dict[str, set[str]] = defaultdict(set)
    for f in kept:
        rest = f[len(prefix):].split("/") if f.startswith(prefix) else []
        if len(rest) > 2 and not any(not_fleet(name) or inside_tests((name,)) for name in rest[:2]):
            inside[rest[0]].add(rest[1])
    return inside


def _layers(children: dict[str, set[str]]) -> set[str]:
    """The names of folders LAYERED children or more hold each one of: their layers."""
    held = Counter(name for folders in children.values() for name in folders)
    return {name for name, n in held.items() if n >= LAYERED}
