"""What resolving references reads from the checkout beside the subsystems' own files (resolve.py
keeps the rules, deps.py keys its memo on these reads): where Python's dotted names start
(ImportRoots: packages, pyproject.toml's source folders, a Django project's manage.py), an
Ansible collection's prefix (galaxy.yml), the tsconfig.json and jsconfig.json aliases, the C
headers of a top `include/` folder and a C module's own header, .NET project references, an Odoo
addon's `depends`, and the go.mod of a Go module. Nothing here follows a symbolic link out of the
tree or writes.
"""
from __future__ import annotations

import ast
import json
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from radar.stages.discover import Subsystem

if TYPE_CHECKING:  # the index a project's references are resolved by (resolve.py imports this module)
    from radar.stages.resolve import Index

C_SOURCES = (".c", ".cc", ".cpp", ".cxx", ".m")  # Objective-C's `.m` too: its headers are `.h`
C_FAMILY = ("c", "cpp", "objc")  # languages built from sources and headers, a package a folder of them
HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx")
PYTHON_BUILDS = ("pyproject.toml", "setup.py", "setup.cfg",  # where a distribution's names start,
                 "manage.py")  # and a Django project's: manage.py runs with its folder on sys.path (netbox)


_GALAXY = re.compile(rb"^(namespace|name):[ \t]*[\"']?(\w+)", re.MULTILINE)


def collection_prefix(root: str) -> str | None:
    """`ansible_collections.<namespace>.<name>.`, from the galaxy.yml at an Ansible collection's
    root: how its modules import its own `plugins.module_utils` (read as plain lines, no YAML
    parser for two keys; never through a link)."""
    path = os.path.join(root, "galaxy.yml")
    try:
        if os.path.islink(path):
            return None
        with open(path, "rb") as handle:
            fields = dict(_GALAXY.findall(handle.read()))
    except OSError:
        return None
    if b"namespace" not in fields or b"name" not in fields:
        return None
    return f"ansible_collections.{fields[b'namespace'].decode()}.{fields[b'name'].decode()}."


class ImportRoots:
    """Where a subsystem's Python dotted names may start above its folder, as counts of the
    path's parts: above the unbroken chain of packages holding it; at the nearest folder above
    holding a Python build file, or at its own when it holds one (_own); at the source folders a
    pyproject.toml above declares (localstack: `package-dir = {"" = "localstack-core"}`, so
    `localstack-core/localstack/utils` is `localstack.utils`). The files looked at are remembered
    for the pass: subsystems share their folders."""

    def __init__(self):
        self.files: dict[str, bool] = {}
        self.sources: dict[str, tuple[str, ...]] = {}

    def of(self, root: str, namespace: str) -> tuple[int, ...]:
        own = self._own(root, namespace)
        parents = namespace.split("/")[:-1]
        chain = len(parents)
        while parents and self._is_file(root, *parents, "__init__.py"):
            parents.pop()
        starts = {len(parents)} if len(parents) < chain else set()  # never the folder's own name alone
        while True:
            for source in self._declared(root, *parents):
                folder = "/".join([*parents, source]).strip("/")
                if source and namespace.startswith(folder + "/"):
                    starts.add(folder.count("/") + 1)
            if not parents or any(self._is_file(root, *parents, name) for name in PYTHON_BUILDS):
                return tuple(sorted(starts | {len(parents)} | own))
            parents.pop()

    def _own(self, root: str, namespace: str) -> set[int]:
        """The subsystem's own folder, where it holds a Python build file: a distribution whose
        modules' names start there, below a namespace package too (openllmetry's
        `packages/opentelemetry-semantic-conventions-ai/opentelemetry/semconv_ai`, no `src/`, is
        `opentelemetry.semconv_ai`)."""
        parts = namespace.split("/") if namespace else []
        return {len(parts)} if parts and any(self._is_file(root, *parts, name) for name in PYTHON_BUILDS) else set()

    def _is_file(self, *parts: str) -> bool:
        path = os.path.join(*parts)
        if path not in self.files:
            self.files[path] = os.path.isfile(path)
        return self.files[path]

    def _declared(self, *folder: str) -> tuple[str, ...]:
        """The source folders a pyproject.toml there names: setuptools' package-dir and
        packages.find, poetry's `from`."""
        path = os.path.join(*folder, "pyproject.toml")
        if path not in self.sources:
            readable = self._is_file(path) and not os.path.islink(path)  # a link may lead out of the tree
            self.sources[path] = _source_folders(toml_of(Path(path))) if readable else ()
        return self.sources[path]


def _source_folders(project: dict) -> tuple[str, ...]:
    tool = project.get("tool") if isinstance(project.get("tool"), dict) else {}
    setuptools, poetry = tool.get("setuptools") or {}, tool.get("poetry") or {}
    found = []
    if isinstance(setuptools, dict):
        package_dir = setuptools.get("package-dir")
        found += [package_dir.get("")] if isinstance(package_dir, dict) else []
        where = (setuptools.get("packages") or {}).get("find", {}) if isinstance(setuptools.get("packages"), dict) else {}
        found += where.get("where", []) if isinstance(where, dict) and isinstance(where.get("where"), list) else []
    if isinstance(poetry, dict) and isinstance(poetry.get("packages"), list):
        found += [p.get("from") for p in poetry["packages"] if isinstance(p, dict)]
    return tuple(sorted({f.strip("./") for f in found if isinstance(f, str) and f.strip("./")}))


# where a folder's `compilerOptions.paths` are, in this order: create-vue puts them in
# `tsconfig.app.json` (tandoor's `@/*`, read by none of these before), Nx in `tsconfig.base.json`
JS_CONFIGS = ("tsconfig.json", "jsconfig.json", "tsconfig.app.json", "tsconfig.base.json")
ALIAS_FILES = (*JS_CONFIGS, "package.json")  # and its subpath imports (`#src/*`)
CHAIN = 5  # configs read through `extends` at most
_JSONC = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*.*?\*/', re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def js_configs(subsystems: Iterable[Subsystem], root: str) -> dict[str, str | None]:
    """The tsconfig.json, jsconfig.json and package.json among the subsystems' own files at their
    folders' tops, with their blob ids (None: changed since committed): known without touching the disk."""
    found = {}
    for subsystem in subsystems:
        namespace = subsystem.namespace.strip("/")
        if subsystem.root == root and namespace:
            configs = {f"{namespace}/{name}" for name in ALIAS_FILES}
            found.update((f.path, f.blob) for f in subsystem.files if f.path in configs)
    return found


def shared_headers(subsystems: Iterable[Subsystem]) -> frozenset[str]:
    """The headers under the `include/` folder at the top of each scanned tree, as an include
    names them (`fluent-bit/flb_output.h`): a C project's declarations, kept apart from the
    sources that define them. A walk that follows no symbolic link."""
    found = set()
    for root in sorted({s.root for s in subsystems}):
        top = os.path.join(root, "include")
        for folder, folders, files in os.walk(top):
            folders.sort()
            below = os.path.relpath(folder, top).replace(os.sep, "/")
            found.update(name if below == "." else f"{below}/{name}" for name in files
                         if name.endswith(HEADER_SUFFIXES))
    return frozenset(found)


def c_faces(subsystems: Iterable[Subsystem]) -> list[tuple[str, str]]:
    """(subsystem, header) for each C or C++ module that is a subsystem of its own and has a
    header of the same name beside it (`tmux.c`, `tmux.h`): one listing per folder of them."""
    listed: dict[str, set[str]] = {}
    found = []
    for subsystem in subsystems:
        namespace = subsystem.namespace.strip("/")
        if not namespace.endswith(C_SOURCES):
            continue
        folder, _, module = namespace.rpartition("/")
        where = os.path.join(subsystem.root, folder)
        if where not in listed:
            try:
                listed[where] = set(os.listdir(where))
            except OSError:
                listed[where] = set()
        stem = module.rpartition(".")[0]
        found += [(subsystem.name, posixpath.join(folder, stem + suffix)) for suffix in HEADER_SUFFIXES
                  if stem + suffix in listed[where]]
    return found


def config_folders(subsystems: Iterable[Subsystem], root: str, configs: dict[str, str | None]) -> list[str]:
    """Where a tsconfig.json may hold the aliases a subsystem's files use: a subsystem's folder
    when it holds one (`configs`: a pass asks on every run, so not the disk), and each folder
    above one, up to the checkout's root."""
    folders = {""} | {posixpath.dirname(path) for path in configs}
    for subsystem in subsystems:
        namespace = subsystem.namespace.strip("/")
        if subsystem.root == root:
            while namespace := posixpath.dirname(namespace):
                folders.add(namespace)
    return sorted(folders)


def path_aliases(root: str, folder: str) -> list[tuple[str, str, bool]]:
    """(alias, target from the root, whether it names a module only) for each
    `compilerOptions.paths` entry of the folder's tsconfig.json or jsconfig.json (or of the config
    it extends), each of its package.json's `imports` (Node's subpath imports: formatjs'
    `"#packages/*": "./packages/*"`), most specific first: `"~/*": ["./app/*"]` gives ("~/*",
    "app/*"), angular-cli's `"@angular-devkit/*": ["./packages/angular_devkit/*/index"]` keeps
    its `*` inside; and last, where a `baseUrl` is set, ("*", that folder's `*`), which names a
    module only where one is there (a bare `lodash` stays the package's: oncall's
    `network/network` is its `src/network/network.ts`, by the `"baseUrl": "../src"` of the
    `.config/tsconfig.json` its tsconfig extends). An alias into node_modules, or to a package,
    names a dependency: its target is ""."""
    paths, base = _ts_paths(root, folder)
    found = [(alias, _inside(folder, target), False) for alias, target in (*paths, *_imports(root, folder))
             if alias.count("*") <= 1 and target.count("*") == alias.count("*")]
    found.sort(key=lambda entry: (-len(entry[0].partition("*")[0]), entry[0]))
    return found + ([("*", _inside(folder, posixpath.join(base, "*")), True)] if base is not None else [])


def config_chain(root: str, path: str) -> list[str]:
    """The config at `path` (from the root) and each it extends by a relative path, nearest
    first, inside the tree: what a tsconfig's options are read from."""
    chain = []
    while path not in chain and len(chain) < CHAIN and not path.startswith(".."):
        chain.append(path)
        extends = _jsonc(os.path.join(root, path)).get("extends")
        if not (isinstance(extends, str) and extends.startswith(".")):
            break
        path = posixpath.normpath(posixpath.join(posixpath.dirname(path), extends))
        path = path if path.endswith(".json") else path + ".json"
    return chain


def _ts_paths(root: str, folder: str) -> tuple[list[tuple[str, str]], str | None]:
    """(alias, its first target from the folder) in the first of JS_CONFIGS holding `paths` or a
    `baseUrl`, itself or through what it extends, and that `baseUrl` from the folder (None: none)."""
    for name in JS_CONFIGS:
        paths = base = None
        beside = "."  # where `paths` are read from without a `baseUrl`: the config naming them
        for config in config_chain(root, posixpath.join(folder, name)):
            options = _jsonc(os.path.join(root, config)).get("compilerOptions")
            if not isinstance(options, dict):
                continue
            here = posixpath.relpath(posixpath.dirname(config) or ".", folder or ".")
            if base is None and isinstance(options.get("baseUrl"), str):  # from the config naming it
                base = posixpath.normpath(posixpath.join(here, options["baseUrl"]))
            if paths is None and isinstance(options.get("paths"), dict):
                paths, beside = options["paths"], here
        if paths is None and base is None:
            continue
        return [(alias, posixpath.join(base or beside, targets[0])) for alias, targets in (paths or {}).items()
                if isinstance(targets, list) and targets and isinstance(targets[0], str)], base
    return [], None


def _imports(root: str, folder: str) -> list[tuple[str, str]]:
    """(specifier, its target from the folder) for each `#` entry of the package.json's
    `imports`; a conditional target by its first condition's (`{"types": "./src/*", …}`). A
    target not starting `./` is a package's, so in node_modules."""
    imports = _jsonc(os.path.join(root, folder, "package.json")).get("imports")
    found = []
    for alias, target in imports.items() if isinstance(imports, dict) else ():
        while isinstance(target, (dict, list)) and target:
            target = next(iter(target.values())) if isinstance(target, dict) else target[0]
        if alias.startswith("#") and isinstance(target, str):
            found.append((alias, target if target.startswith("./") else "node_modules/" + target))
    return found


def _inside(folder: str, target: str) -> str:
    """A target from the root, "" when it leaves the tree or goes into node_modules."""
    where = posixpath.normpath(posixpath.join(folder, target))
    inside = not where.startswith("..") and "node_modules" not in where.split("/")
    return where if inside else ""


def alias_match(alias: str, target: str, text: str) -> str | None:
    """The path `text` names through one alias, "" for a dependency, None when it does not match."""
    prefix, star, suffix = alias.partition("*")
    if not star:
        return target if text == alias else None
    if not (text.startswith(prefix) and text.endswith(suffix) and len(text) >= len(prefix) + len(suffix)):
        return None
    return target.replace("*", text[len(prefix):len(text) - len(suffix)]) if target else ""


def _jsonc(path: str) -> dict:
    """A JSON file that may hold comments and trailing commas (tsconfig.json); {} when none is
    readable (never through a link)."""
    try:
        if os.path.islink(path):
            return {}
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        found = json.loads(_TRAILING_COMMA.sub(r"\1", _JSONC.sub(lambda m: m.group(1) or "", text)))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def json_of(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


_PUBSPEC_NAME = re.compile(r"^name:\s*([A-Za-z_]\w*)", re.MULTILINE)


def pubspec_name(path: Path) -> str | None:
    """A Dart package's name, its pubspec.yaml's top `name:` (read as text: the only key read)."""
    try:
        found = _PUBSPEC_NAME.search(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found.group(1) if found else None


_PUBSPEC_FIELD = re.compile(r"""^(name|description|publish_to):[ \t]*['"]?([^'"#\n]*)""", re.MULTILINE)


def pubspec_fields(path: Path) -> dict[str, str]:
    """A Dart package's top `name`, `description` and `publish_to`, its pubspec.yaml read as
    text, as pubspec_name reads it ({} where it cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8") if not os.path.islink(path) else ""
    except (OSError, ValueError):
        return {}
    fields: dict[str, str] = {}
    for key, value in _PUBSPEC_FIELD.findall(text):
        fields.setdefault(key, value.strip())
    return fields


def toml_of(path: Path) -> dict:
    import tomllib  # only where a Cargo.toml or a pyproject.toml is read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


PROJECT_FILES = (".csproj", ".fsproj", ".vbproj")
_PROJECT_REFERENCE = re.compile(rb'<ProjectReference\s+Include\s*=\s*"([^"]+)"')


def project_files(subsystem: Subsystem) -> list[str]:
    """The .NET project files at the top of the subsystem's folder, relative to its checkout;
    never one reached through a symlink."""
    namespace = subsystem.namespace.strip("/")
    try:
        with os.scandir(os.path.join(subsystem.root, namespace)) as entries:
            return sorted(posixpath.join(namespace, entry.name) for entry in entries
                          if entry.name.endswith(PROJECT_FILES) and entry.is_file(follow_symlinks=False))
    except OSError:
        return []


def project_references(index: Index, subsystem: Subsystem) -> list[tuple[str, str, int]]:
    """(subsystem, project file, line) for each <ProjectReference> naming a project of another
    subsystem by a relative path (one built from MSBuild properties, `$(RepoRoot)…`, is skipped)."""
    found = []
    for project in project_files(subsystem):
        try:
            with open(os.path.join(subsystem.root, project), "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        for match in _PROJECT_REFERENCE.finditer(data):
            include = match.group(1).decode("utf-8", "replace").replace("\\", "/")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(project), include))
            if "$(" in include or target.startswith("../"):
                continue
            owner = index.owner(posixpath.dirname(target))
            if owner is not None and owner != subsystem.name:
                found.append((owner, project, data.count(b"\n", 0, match.start()) + 1))
    return found


# an Odoo addon's manifest (`__openerp__.py` before Odoo 10): a dict literal naming the addons it
# is installed on top of, its dependencies, which its Python need not import (OCA's repositories)
ADDON_MANIFESTS = ("__manifest__.py", "__openerp__.py")
ADDON_IMPORTS = ("odoo.addons.", "openerp.addons.")  # how an addon's Python imports another addon


def addon_manifest(subsystem: Subsystem) -> str | None:
    """The Odoo manifest in the subsystem's folder, relative to its checkout; never one reached
    through a symlink."""
    namespace = subsystem.namespace.strip("/")
    for name in ADDON_MANIFESTS:
        path = posixpath.join(namespace, name)
        full = os.path.join(subsystem.root, path)
        if os.path.isfile(full) and not os.path.islink(full):
            return path
    return None


def addon_depends(root: str, manifest: str) -> list[tuple[str, str, int]]:
    """(addon, manifest, line) for each addon an Odoo manifest (addon_manifest: its path in the
    checkout at `root`) lists under `depends`, read as a literal (parsed, never run); none from a
    manifest that does not parse."""
    try:
        with open(os.path.join(root, manifest), "rb") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return []
    fields = next((node.value for node in tree.body if isinstance(node, ast.Expr) and isinstance(node.value, ast.Dict)),
                  None)
    for key, value in zip(fields.keys, fields.values) if fields else ():
        if isinstance(key, ast.Constant) and key.value == "depends" and isinstance(value, (ast.List, ast.Tuple)):
            return [(item.value, manifest, item.lineno) for item in value.elts
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)]
    return []


_GO_MODULE = re.compile(r"^\s*module\s+(\S+)", re.MULTILINE)


def go_mod_folders(namespace: str) -> list[str]:
    """Where the go.mod of a subsystem's Go module may be: its folder or any above it, up to
    the top (pulumi's `sdk/go/common/util/rpcutil` is in the module of `sdk/go.mod`)."""
    parts = namespace.split("/") if namespace else []
    return ["/".join(parts[:end]) for end in range(len(parts), -1, -1)]


def go_module(path: Path) -> str | None:
    try:
        found = _GO_MODULE.search(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found.group(1).strip('"') if found else None
