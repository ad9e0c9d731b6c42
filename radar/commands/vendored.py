"""Dependencies kept in the tree that `radar init` keeps out before reading the layout: a folder
holding the distributions the top requirements pin, or installed there (`pip install --target`),
a top folder a script at the top puts on Python's import path, the packages Composer installs
where a composer.json says and patched copies of those it requires, a folder its README says
holds third-party code, a folder of libraries holding their minified builds, a web app's folder
of the libraries it serves, the forks a go.mod replaces another owner's modules with, a library's
JVM classes copied into a module under their own package (a few beside many of the repository's,
or many beside a few, importing none of the repository's).
Third-party source drops are drops.py's; the rest of what is kept out, excludes.py's."""
from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections import defaultdict
from pathlib import Path

from radar.commands.excluded_names import EXCLUDABLE
from radar.commands.excludes import README_NAME, without_folders
from radar.commands.folders import build_manifest
from radar.commands.tracked import file_head
from radar.stages.manifests import json_of
from radar.stages.languages import language_for

# a folder holding this share of what the top requirements pin, and this many at least, vendors them
VENDORED_SHARE = 1 / 3
VENDORED_MIN = 5


def without_vendored(repo: Path, files: list[str]
                     ) -> tuple[list[str], tuple[tuple[str, str, int], ...], list[str]]:
    """The files outside a folder holding, as Python packages or modules, the distributions the
    repository's top `requirements*.txt` pins (Tautulli's `lib/`: 27 of its 35, beside what they
    need; its own code, `plexpy/`, had been left out while `lib/*` made 64 subsystems), or
    installed there, `pip install --target` leaving a `.dist-info` folder for each (bazarr's
    `libs/`, 221 packages of subsystems, its own code beside), or one of the others the module
    names; an exclude for each such folder; and the files read to tell (requirement files,
    composer.json files, the scripts at the top). A child with a manifest of its own is the
    repository's package, never a vendored one."""
    read = [f for f in files if "/" not in f and fnmatch.fnmatch(f, "requirements*.txt")
            and not os.path.islink(repo / f)]  # never read out of the tree
    composers = [f for f in files if f.rpartition("/")[2] == "composer.json" and not os.path.islink(repo / f)]
    scripts = [f for f in files if "/" not in f and f.endswith(".py") and not os.path.islink(repo / f)]
    composed = {manifest: fields for manifest in composers
                if isinstance(fields := json_of(repo / manifest), dict)}  # each read once
    vendored = _pinned_folders(repo, files, read) | _installed_folders(files) | _composer_folders(files, composed)
    vendored |= _import_roots(repo, files, scripts) | _composer_copies(files, composed)
    vendored |= _described_vendored(repo, files) | _minified_libraries(files) | _served_libraries(files)
    vendored |= _foreign_packages(files)
    copied, sources_read = _copied_libraries(repo, files)
    vendored |= copied
    go_mods = [f for f in files if f.rpartition("/")[2] == "go.mod" and not os.path.islink(repo / f)]
    vendored |= _go_forks(repo, go_mods)
    outermost = [folder for folder in sorted(vendored) if not any(folder.startswith(other + "/") for other in vendored)]
    return (*without_folders(files, outermost, "vendored"), read + composers + scripts + go_mods + sources_read)


# a call putting a folder on Python's import path, and the names a line of it spells
PUTS_ON_PATH = re.compile(r"\b(?:sys\.path\.(?:insert|append)|site\.addsitedir)\(")
QUOTED_NAME = re.compile(r"""['"]([\w.-]+)/?['"]""")  # Headphones' `'lib/'`
SCRIPT_BYTES = 64 * 1024  # of each script at the top: where an app sets its path up


def _import_roots(repo: Path, files: list[str], scripts: list[str]) -> set[str]:
    """The top folders a script at the top of the tree puts on Python's import path, holding
    VENDORED_MIN Python packages or modules or more: the libraries an app ships and imports by
    their own names (SickGear's and mylar3's `lib/`, `sys.path.insert(1, os.path.join(…,
    'lib'))`: SickGear's 62 packages had been subsystems and apprise's plugins its first
    proposal). A setup script's `src`, one package, is the repository's own."""
    children = _python_children(files)
    found = set()
    for script in scripts:
        try:
            with open(repo / script, "rb") as file:
                text = file.read(SCRIPT_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
        found |= {name for line in text.splitlines() if PUTS_ON_PATH.search(line)
                  for name in QUOTED_NAME.findall(line) if len(children.get(name, ())) >= VENDORED_MIN}
    return found


# a folder's README opening by saying so: "This directory contains external library code."
# (klipper's `lib/`, chip vendors' SDKs), "… contains code vendored from …"
SAYS_VENDORED = re.compile(r"(?:this|the) (?:directory|folder|dir) (?:contains|holds) (?:only )?(?:(?:external|"
                           r"third[- ]party|3rd[- ]party|vendored) (?:library |libraries )?code|code vendored from)"
                           # ChibiOS-Contrib's `ext/readme.txt`: "All the code contained under ./ext is not
                           # part of the ChibiOS/ChibiOS-Contrib project" (NXP's USB stack, its #1 proposal)
                           r"|(?:all )?(?:the )?code (?:contained )?(?:under|in) \S+ is not part of")
README_BYTES = 1024


def _described_vendored(repo: Path, files: list[str]) -> set[str]:
    """The folders below the top whose README's first words say they hold third-party code."""
    found = set()
    for f in files:
        folder, _, name = f.rpartition("/")
        if folder and README_NAME.fullmatch(name) \
                and set(EXCLUDABLE["vendored"]).isdisjoint(folder.split("/")):  # left out already: `third_party/`
            text = file_head(repo, f, README_BYTES).decode("utf-8", errors="replace")  # never through a link
            prose = " ".join(line.strip() for line in text.splitlines() if line.strip()
                             and not line.lstrip().startswith(("#", ">", "!", "[", "<", "=", "-")))
            found |= {folder} if SAYS_VENDORED.match(prose.lower()) else set()
    return found


# a go.mod's module, and each replacement of another module by a folder in the tree
GO_MODULE = re.compile(r"^module\s+(\S+)", re.MULTILINE)
GO_LOCAL_REPLACE = re.compile(r"^\s*(?:replace\s+)?(\S+)(?:\s+\S+)?\s+=>\s+(\.\.?/\S*)\s*$", re.MULTILINE)
FORKS_BESIDE = 2  # forks in one folder of libraries that make the whole folder the libraries' (_go_forks)
# hosts whose module paths name an owner after the host; elsewhere the host is the owner
# (Kubernetes' `k8s.io/api => ./staging/src/k8s.io/api` is its own code)
CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org"})


def _go_owner(module: str) -> str:
    parts = module.split("/")
    return "/".join(parts[:2]) if parts[0] in CODE_HOSTS else parts[0]


def _go_forks(repo: Path, go_mods: list[str]) -> set[str]:
    """The folders a go.mod replaces another owner's module with (`github.com/jacobsa/fuse =>
    ./depends/jacobsa/fuse`): forks kept in the tree; and where FORKS_BESIDE of them or more lie
    in one folder of libraries, below the top (`depends/`, one owner's folder a library each),
    that whole folder: cubefs' `depends/` holds `tiglabs/raft` and `xtaci/smux` beside its two
    forks, and had been a package, the home of its first proposals. A module's own sub-modules
    (`github.com/cubefs/cubefs/api => ./api`) are its code, and so is the top module's code as an
    example's go.mod replaces it (sentinel-golang's `pkg/adapters/kratos`)."""
    texts = {go_mod: file_head(repo, go_mod).decode("utf-8", "replace") for go_mod in go_mods}
    top = GO_MODULE.search(texts.get("go.mod", ""))
    forks: set[str] = set()
    for go_mod, text in texts.items():
        own = GO_MODULE.search(text)
        owners = {_go_owner(module[1]) for module in (own, top) if module}
        forks |= {posixpath.normpath(posixpath.join(go_mod.rpartition("/")[0], path))
                  for replaced, path in GO_LOCAL_REPLACE.findall(text) if own and _go_owner(replaced) not in owners}
    forks = {fork for fork in forks if not fork.startswith("..") and fork != "."}
    libraries = defaultdict(set)  # a folder of libraries below the top: its owners' forks
    for fork in forks:
        owner_folder = fork.rpartition("/")[0]
        if "/" in owner_folder:
            libraries[owner_folder.rpartition("/")[0]].add(owner_folder)
    return forks | {folder for folder, owners in libraries.items() if len(owners) >= FORKS_BESIDE}


# a web app's folder of the libraries it serves, named so, holding MINIFIED of their minified
# builds or more, in it or one folder down: trilium's `libraries/` (jquery, bootstrap, and
# CodeMirror's 121 modes, which had been its fleet), calibre-web's `cps/static/js/libs/`;
# gitbucket's `assets/vendors/` (jquery, bootstrap, and Ace's 482 built modes and snippets, each
# a subsystem, its 48 proposals copies of Ace's own rules)
LIBRARY_FOLDERS = {"lib", "libs", "libraries", "vendors"}
MINIFIED = 2


def _minified_libraries(files: list[str]) -> set[str]:
    """The folders named for libraries (LIBRARY_FOLDERS) holding MINIFIED `.min.js` files or more
    in them or in a folder just inside: third-party builds, and the libraries' sources beside them."""
    minified: dict[str, int] = defaultdict(int)
    for f in files:
        if f.endswith((".min.js", ".min.css")):
            parts = f.split("/")
            for at in (len(parts) - 2, len(parts) - 3):
                if at >= 0 and parts[at] in LIBRARY_FOLDERS:
                    minified["/".join(parts[:at + 1])] += 1
    return {folder for folder, n in minified.items() if n >= MINIFIED}


# a JVM source folder, `…/src/main/java`, its packages' roots (`org/zaproxy`) after it
JVM_PACKAGE_ROOT = re.compile(r"^(?P<source>(?:.*/)?src/main/(?:java|kotlin|scala))/(?P<root>[a-z]{2,6}/\w+)/")
OWN_ROOT_SHARE = 0.8  # of a repository's JVM files, under one root: its own...
FOREIGN_ROOT_SHARE = 0.05  # ...and another root holding less, beside it in one source folder: a library's
OWN_ROOT_MIN = 50  # JVM files, from which the repository's own root is told


def _foreign_packages(files: list[str]) -> set[str]:
    """The folders of a library's classes copied into a module under their own package, beside
    the module's own in one source folder, where the repository keeps OWN_ROOT_SHARE of its JVM
    files under one package root and the library's holds FOREIGN_ROOT_SHARE of them at most:
    zap-extensions' token generator's `com/fasteasytrade/` (JRandTest's 66 classes, whose identical
    `main` methods had been its first proposals) beside `org/zaproxy/`; Jahia's patched copies of
    Spring's and Apache's classes. A module alone in its source folder is the repository's own,
    whatever its package."""
    held: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # source folder -> root -> files
    for f in files:
        found = JVM_PACKAGE_ROOT.match(f)
        if found and language_for(f) in ("java", "kotlin", "scala"):
            held[found["source"]][found["root"]] += 1
    roots: dict[str, int] = defaultdict(int)
    for counts in held.values():
        for root, n in counts.items():
            roots[root] += n
    total = sum(roots.values())
    own = max(roots, key=roots.__getitem__, default="")
    if total < OWN_ROOT_MIN or roots[own] < OWN_ROOT_SHARE * total:
        return set()
    return {f"{source}/{root}" for source, counts in held.items() if own in counts
            for root in counts if root != own and roots[root] <= FOREIGN_ROOT_SHARE * total}


def _copied_libraries(repo: Path, files: list[str]) -> tuple[set[str], list[str]]:
    """The folders of a library copied into a module, under its own package root, beside the
    repository's own root (the one holding most of its JVM files) in one source folder, when
    the library's files there outnumber the module's own and none of them imports the
    repository's root: a library knows nothing of the project it is copied into (osh-addons'
    video service keeps mp4parser's 393 classes, `org/mp4parser/`, beside its 6 of
    `org/sensorhub/`, and its MAVLink driver the 476 generated `com/MAVLink/`: the boxes' copies
    of one another had been its first proposal). With the files read to tell."""
    held: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # source folder -> root -> files
    for f in files:
        found = JVM_PACKAGE_ROOT.match(f)
        if found and language_for(f) in ("java", "kotlin", "scala"):
            held[found["source"]][found["root"]].append(f)
    roots: dict[str, int] = defaultdict(int)
    for counts in held.values():
        for root, listed in counts.items():
            roots[root] += len(listed)
    own = max(roots, key=roots.__getitem__, default="")
    if sum(roots.values()) < OWN_ROOT_MIN:
        return set(), []
    importing = re.compile(rb"^\s*import\s+(?:static\s+)?" + re.escape(own.replace("/", ".").encode()) + rb"\.", re.M)
    copied, read = set(), []
    for source, counts in held.items():
        for root, listed in counts.items():
            if own in counts and _publisher(root) != _publisher(own) and len(listed) > len(counts[own]):
                read += listed
                if not any(importing.search(file_head(repo, f)) for f in listed):
                    copied.add(f"{source}/{root}")
    return copied, read


def _publisher(root: str) -> str:
    """Who publishes a package root: its reversed domain (`org/mp4parser`), or a name of its own
    longer than a top-level domain's (`akka/actor` and `akka/persistence`: akka's, both)."""
    first = root.partition("/")[0]
    return first if len(first) > 3 else root


# a web app's static folder, whatever its name, most of whose folders holding code hold a
# library's minified build, SERVED of them or more: movabletype's `mt-static/` (jquery, jqueryui,
# chartjs, popper, riot … and CodeMirror's 121 modes, which had been its fleet and first proposals)
SERVED = 5


def _served_libraries(files: list[str]) -> set[str]:
    """The folders most of whose folders holding code, SERVED of them or more, hold a `.min.js`
    in them or in a folder just inside, none with a build manifest (a package of the repository's
    own committing its build): the libraries a web app serves, and whatever sits among them."""
    minified: dict[str, set[str]] = defaultdict(set)
    for f in files:
        if f.endswith(".min.js"):
            parts = f.split("/")
            for at in range(max(1, len(parts) - 3), len(parts) - 1):
                minified["/".join(parts[:at])].add(parts[at])
    candidates = {folder for folder, children in minified.items() if len(children) >= SERVED}
    if not candidates:
        return set()
    coded: dict[str, set[str]] = defaultdict(set)
    built: set[str] = set()
    for f in files:
        folder, _, name = f.rpartition("/")
        for parent in candidates:
            if folder.startswith(parent + "/"):
                child = folder[len(parent) + 1:].partition("/")[0]
                if build_manifest(name):
                    built.add(f"{parent}/{child}")
                elif language_for(f):
                    coded[parent].add(child)
    return {folder for folder in candidates if not any(f"{folder}/{child}" in built for child in coded[folder])
            and len(minified[folder] & coded[folder]) * 2 > len(coded[folder])}


def _required(fields: dict) -> list[str]:
    """The `<vendor>/<package>` names a composer.json's `require` and `require-dev` list."""
    return [name for key in ("require", "require-dev") if isinstance(fields.get(key), dict)
            for name in fields[key] if isinstance(name, str) and name.count("/") == 1]


def _composer_folders(files: list[str], composed: dict[str, dict]) -> set[str]:
    """The folders where Composer installs the packages a composer.json requires, when its
    `config.vendor-dir` is not the `vendor/` every scan leaves out: FreshRSS' `lib/`, `./` to
    its `lib/composer.json`, holding SimplePie, PHPMailer … as `lib/<vendor>/<package>` (its
    first proposal had been in SimplePie)."""
    folders = set()
    for manifest, fields in composed.items():
        config = fields.get("config")
        where = config.get("vendor-dir") if isinstance(config, dict) else None
        if not isinstance(where, str):
            continue
        base = posixpath.normpath(posixpath.join(manifest.rpartition("/")[0], where))
        folders |= {posixpath.normpath(posixpath.join(base, name)) for name in _required(fields)}
    held = {f.rpartition("/")[0] for f in files}
    return {folder for folder in folders if not folder.startswith("..")
            and any(h == folder or h.startswith(folder + "/") for h in held)}


def _composer_copies(files: list[str], composed: dict[str, dict]) -> set[str]:
    """The folders most of whose `<vendor>/<package>` folders, VENDORED_MIN or more, are packages a
    composer.json requires: copies of them, patched and loaded first (freescout's `overrides/`,
    32 of its 36 required, had been a package of 162 files)."""
    required = {name for fields in composed.values() for name in _required(fields)}
    if len(required) < VENDORED_MIN:
        return set()
    held: dict[str, set[str]] = defaultdict(set)
    for f in files:
        parts = f.split("/")
        for at in range(len(parts) - 3):
            held["/".join(parts[:at])].add("/".join(parts[at:at + 2]))
    return {folder for folder, packages in held.items() if folder and len(packages & required) >= VENDORED_MIN
            and len(packages & required) * 2 > len(packages)
            and folder.rpartition("/")[2] not in EXCLUDABLE["vendored"]}  # `vendor/`: left out already


def _pinned_folders(repo: Path, files: list[str], read: list[str]) -> set[str]:
    """The folders holding VENDORED_MIN or more, and a VENDORED_SHARE, of the distributions the
    requirement files `read` pin, as Python packages or modules."""
    wanted = {name for f in read for name in _pinned(repo / f)}
    if len(wanted) < VENDORED_MIN:
        return set()
    tracked, children = set(files), _python_children(files)

    def pinned_here(folder: str) -> int:
        return sum(_distribution(name) in wanted and not {f"{folder}/{name}/setup.py",
                                                           f"{folder}/{name}/pyproject.toml"} & tracked
                   for name in children[folder])

    return {folder for folder in children if pinned_here(folder) >= max(VENDORED_MIN, VENDORED_SHARE * len(wanted))}


def _installed_folders(files: list[str]) -> set[str]:
    """The folders holding VENDORED_MIN installed distributions or more, a `.dist-info` or
    `.egg-info` folder each: what `pip install --target` writes, third-party code."""
    installed: dict[str, set[str]] = defaultdict(set)
    for f in files:
        folder, _, rest = f.rpartition("/")
        parent, _, name = folder.rpartition("/")
        if name.endswith((".dist-info", ".egg-info")) and rest:
            installed[parent].add(name)
    return {folder for folder, found in installed.items() if folder and len(found) >= VENDORED_MIN}


def _python_children(files: list[str]) -> dict[str, set[str]]:
    """Per folder, the names of what it holds of Python: modules (without `.py`) and folders."""
    children: dict[str, set[str]] = defaultdict(set)
    for f in files:
        parts = f.split("/")
        if f.endswith(".py") and len(parts) > 1:
            for at in range(1, len(parts)):
                children["/".join(parts[:at])].add(parts[at].removesuffix(".py") if at == len(parts) - 1
                                                   else parts[at])
    return children


def _pinned(path: Path) -> set[str]:
    """The distributions a requirements file names, as Python imports spell them (`cherrypy-cors`:
    cherrypy_cors), but for options, paths and URLs."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return set()
    names = (re.match(r"[A-Za-z0-9][\w.-]*", line.strip()) for line in lines
             if line.strip() and not line.strip().startswith(("#", "-")) and "/" not in line.split("#")[0])
    return {_distribution(found.group(0)) for found in names if found}


def _distribution(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()
