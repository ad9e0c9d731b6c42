"""What each language's references name: the one subsystem owning the target, or none.

The deps stage (deps.py) hands every file's references here, language by language:
- Python: absolute imports by module name (the file's path, from the checkout root, below a
  `src/` or `lib/` folder, or from its topmost package; an Ansible collection's own
  `ansible_collections.<namespace>.<name>` from the root, an Odoo addon's `odoo.addons.<addon>`
  as `<addon>`; the standard library's names are
  nobody's), relative imports by path; `from a.b import c` by `a.b.c` when c is a module or
  package of its own;
- JS/TS: relative specifiers by path, aliased ones by the `paths` of the nearest tsconfig.json or
  jsconfig.json holding some (outline's `@server/*`, `~/*`; a Next.js app's `@/*`) or the subpath
  `imports` of a package.json there (formatjs' `#packages/*`), bare ones by the `name` in each
  subsystem's package.json;
- Go: import paths below the module path of a go.mod (in a subsystem's folder or any above it, the
  longest module path an import starts with: pulumi's `sdk/v3` module in `sdk/`);
- Rust: crate names (`use`, `extern crate`) from each subsystem's Cargo.toml, and `crate::`,
  `super::`, `self::` paths by the module folders they name in the file's own crate;
- Java, Kotlin and Scala: imports by the packages the subsystems' files declare (Scala's relative
  to an imported package written out); PHP `use` and C# `using` (and F#'s `open`, .NET's namespaces
  either's) by the namespaces they declare
  (a PHP, Java or Kotlin class also by its file: `Illuminate\\Support\\Str` is the Str.php of a
  subsystem declaring `Illuminate\\Support`, which several may declare; the .NET platform's, which
  libraries declare for extension methods, are nobody's); a Java or Kotlin superclass or interface
  named bare, by the file of its name in the file's own package, which needs no import
  (checkstyle's naming checks extending `AbstractNameCheck` beside them); a .NET project file's
  `<ProjectReference>`s; an Odoo addon's manifest's `depends` (deps.py);
- C/C++, Ruby, Lua, Elixir, Erlang, Haskell, OCaml, Perl, Dart and Solidity, and PHP's
  `require`/`include`: by the file a reference's path or name makes, the one subsystem holding
  it (pathnames.py);
- PowerShell: a command by the one subsystem whose files define a function of its name (a
  module's functions are commands any script runs once it is loaded);
- Lisp and `.sx`: a symbol's namespace (`persist/append!`, Common Lisp `persist:append`) by
  subsystem name or the last segment of its namespace; so are Swift imports (`import Vapor`:
  a module is its target's folder, Sources/Vapor);
- Swift: a type named bare (`AccountListDataSource`, `Theme.shared`), by the one subsystem declaring
  a type of that name: a module's files name each other's types with no import, and an app is
  often one module (pera-wallet's 2,500 files had no reference between their subsystems).
A reference that resolves to no subsystem, or to more than one, is ignored, never guessed:
code outside every subsystem (a repository-level `tests/` or `src/shared`) is no subsystem,
so never a home. Manifests (package.json, go.mod, Cargo.toml, .csproj) are read from the checkout.
"""
from __future__ import annotations

import posixpath
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from radar.stages.discover import Fleet, Subsystem
from radar.stages.manifests import (ADDON_IMPORTS, C_FAMILY, addon_manifest, alias_match, c_faces, collection_prefix,
                                    config_folders, go_mod_folders, go_module, js_configs, json_of, path_aliases,
                                    pubspec_name, shared_headers, toml_of)
from radar.stages.declared import (CLASS_A_FILE, DECLARING, JVM, borrowed_packages, dotted, jvm_owner,
                                   longest_dotted, own_roots, package_holders, package_root, platform_namespace,
                                   stray_namespaces)
from radar.stages.pathnames import BY_PATH, FOUND_BY_PATH, PathNames, unique

JS_SOURCES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")  # a specifier may leave these out
# a PHP class named as PEAR and Zend Framework 1 name them, for the file that holds it: `Kwf_Model_Select`
# in `Kwf/Model/Select.php` (koala-framework's 3,000 files, autoloaded so, had resolved no reference)
PEAR_CLASS = re.compile(r"[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")


class Index(PathNames):
    """What references can name, per language, mapped to the one subsystem that owns it."""

    def __init__(self, fleet: Fleet, roots: dict[str, tuple[int, ...]]):
        subsystems = fleet.subsystems
        self.roots = roots
        self.namespaces = {s.namespace.strip("/"): s.name for s in subsystems if s.namespace.strip("/")}
        self.namespace_of = {name: namespace for namespace, name in self.namespaces.items()}  # the other way round
        self.python: dict[str, set[str]] = defaultdict(set)
        self.python_inits: dict[str, set[str]] = defaultdict(set)  # a package's dotted name -> its __init__.py
        self.python_files: set[str] = set()
        self.reexported: dict[str, dict[str, set[str]]] = {}  # an __init__.py -> what its imports bind (declare)
        # declared packages / namespaces, per family of languages that can import each other
        self.declared: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.by_basename: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.namespace_folders: dict[str, dict[str, dict[str, set[str]]]] = {}  # made on demand (pathnames.py)
        self.c_source_folders: frozenset[str] | None = None  # made on demand (pathnames.py)
        self.faces: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # header -> its .c
        self.packages: dict[str, set[str]] = defaultdict(set)  # package.json names
        self.dart_packages: dict[str, set[str]] = defaultdict(set)  # pubspec.yaml names
        self.dart_roots: dict[str, set[str]] = defaultdict(set)  # those of the folders above subsystems
        self._pubspecs: dict[tuple[str, str], str | None] = {}  # (root, folder) -> its pubspec.yaml's name
        self.js_modules: set[str] = set()  # what a JS/TS specifier names a scanned module by (_js_specifiers)
        self.crates: dict[str, set[str]] = defaultdict(set)
        self.go_modules: list[tuple[str, str]] = []  # (module path, its folder relative to the root)
        self.lisp: dict[str, set[str]] = defaultdict(set)
        self.functions: dict[str, set[str]] = defaultdict(set)  # a command's name -> the subsystems defining it
        self.cpp_classes: dict[str, set[str]] = defaultdict(set)  # a C++ class's name -> the subsystems defining it
        self.php_classes: dict[str, set[str]] = defaultdict(set)  # a PHP class of no namespace -> its declarers
        self.types: dict[tuple[str, str], set[str]] = defaultdict(set)  # (language, a type's name) -> its declarers
        self.package_of: dict[tuple[str, str], str] = {}  # (subsystem, path) -> the package its file declares
        self.java_files = tuple(f.path for s in subsystems for f in s.files if f.path.endswith(".java"))  # read or not
        self.collections = [found for found in map(collection_prefix, sorted({s.root for s in subsystems})) if found]
        if any(addon_manifest(s) for s in subsystems):  # an Odoo addon imports another as `odoo.addons.<name>`
            self.collections += ADDON_IMPORTS
        self.aliases: dict[str, list[tuple[str, str, bool]]] = {}  # folder -> path_aliases()
        for root in sorted({s.root for s in subsystems}):
            for folder in config_folders(subsystems, root, js_configs(subsystems, root)):
                self.aliases.setdefault(folder, path_aliases(root, folder))
        for subsystem in subsystems:
            self._add(subsystem)
        for name, header in c_faces(subsystems):  # a C module of its own (tmux's `tmux.c`): its header
            self.faces[posixpath.basename(header)][header].add(name)
        self.shared_headers = shared_headers(subsystems)

    def _add(self, subsystem: Subsystem) -> None:
        name, namespace = subsystem.name, subsystem.namespace.strip("/")
        self.lisp[name].add(name)
        if namespace:
            self.lisp[namespace.rsplit("/", 1)[-1]].add(name)
        paths = {f.path for f in subsystem.files}
        for path in paths:
            if path.endswith((".py", ".pyi")):
                self.python_files.add(path)
                for module in _python_modules(path, namespace, paths, self.roots.get(name, ())):
                    self.python[module].add(name)
                    if path.endswith("/__init__.py"):
                        self.python_inits[module].add(path)
            elif path.lower().endswith(FOUND_BY_PATH):  # AMReX's `.H` headers too
                self.by_basename[posixpath.basename(path)][path].add(name)
            elif path.endswith(JS_SOURCES):
                self.js_modules.update(_js_specifiers(path))

        folder = Path(subsystem.root, namespace)
        manifest = json_of(folder / "package.json")
        if isinstance(manifest, dict) and isinstance(manifest.get("name"), str) and not _depends_on_itself(manifest):
            self.packages[manifest["name"]].add(name)
        dart = pubspec_name(folder / "pubspec.yaml")
        if dart:
            self.dart_packages[dart].add(name)
        cargo = toml_of(folder / "Cargo.toml")
        crate = (cargo.get("lib") or {}).get("name") or (cargo.get("package") or {}).get("name")
        if isinstance(crate, str):
            self.crates[crate.replace("-", "_")].add(name)
        above = go_mod_folders(namespace)[1:] if any(p.endswith(".dart") for p in paths) else []
        for where in above:  # an app's pubspec.yaml above its parts, each read once
            key = (subsystem.root, where)
            if key not in self._pubspecs:
                self._pubspecs[key] = pubspec_name(Path(subsystem.root, where, "pubspec.yaml"))
            if self._pubspecs[key]:
                self.dart_roots[self._pubspecs[key]].add(where)
        for where in go_mod_folders(namespace):
            module = go_module(Path(subsystem.root, where, "go.mod"))
            if module and (module, where) not in self.go_modules:
                self.go_modules.append((module, where))

    def declare(self, references: Iterable[tuple[str, str, str, tuple]]) -> None:
        """What the files say they are (Java packages, PHP namespaces …), the C++ classes they
        define, and what each Python package's `__init__.py` imports, which `from package import
        Name` names (python_bound)."""
        references = tuple(references)
        self.reexported = {path: self.python_bound(path, refs) for _, path, language, refs in references
                           if language == "python" and path.endswith("__init__.py")}
        declared = [(subsystem, path, language, dotted(language, text))
                    for subsystem, path, language, refs in references for capture, text, _ in refs
                    if capture == "package" and not platform_namespace(language, dotted(language, text))]
        for subsystem, _, language, refs in references:
            global_scope = language == "php" and not any(capture == "package" for capture, _, _ in refs)
            for capture, text, _ in refs:
                if capture == "defines":  # PowerShell's, case-blind as its commands are
                    self.functions[text.lower()].add(subsystem)
                elif capture == "class" and language in C_FAMILY:  # a `.h` is C's by its name
                    self.cpp_classes[text].add(subsystem)
                elif capture == "class" and global_scope:
                    self.php_classes[text].add(subsystem)
                elif capture == "class" and language in NAMED_BARE:
                    self.types[(language, text)].add(subsystem)
        own, strays = own_roots(declared), stray_namespaces(declared)
        for subsystem, path, language, package in declared:
            table = self.declared[DECLARING.get(language, language)]
            # a library's package a shim is put in names only its classes
            if package_root(language, package) in own[subsystem] and (subsystem, package) not in strays:
                table[package].add(subsystem)
            if language in CLASS_A_FILE:  # PSR-4, Java's public class: one a file, named after it
                name = posixpath.basename(path)  # a C# partial class's other files, `JContainer.Async.cs`, aside
                name = name.rpartition(".")[0] if language == "csharp" else name.partition(".")[0]
                table[f"{package}.{name}"].add(subsystem)
                self.package_of[(subsystem, path)] = package

        for package, holder in package_holders(declared).items():
            if holder in self.declared["jvm"].get(package, ()):
                self.declared["jvm"][package] = {holder}
        self.borrowed = borrowed_packages(declared, references, self.declared["jvm"], self.java_files)

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, subsystem: str, path: str, language: str, capture: str, text: str) -> str | None:
        if language in BY_PATH:  # before Lisp's: a Racket module path names a file, not a head
            return self.by_path(path, language, capture, text)
        if capture == "namespace":
            return unique(self.lisp.get(text.split(".")[0]))
        if capture == "qualified":
            head = text.split("/", 1)[0]
            return unique(self.lisp.get(head)) if head and head != text else None
        if capture == "command":
            return unique(self.functions.get(text.lower()))
        if capture == "typename" or capture == "supertype" and language in NAMED_BARE:
            return unique(self.types.get((language, text)))  # Swift's: no import names a module's own types
        if capture == "included":  # PHP's `require_once 'include/x.php'`
            return self.php_include(path, text)
        unspaced = language == "php" and (subsystem, path) not in self.package_of  # a file of no namespace
        if capture == "classname" or capture == "supertype" and unspaced:
            # PEAR's names, or there a class of no namespace one subsystem declares (a WordPress
            # plugin's `SiteOrigin_Widget`)
            return self._pear_class(path, text) or (unique(self.php_classes.get(text)) if unspaced else None)
        if capture == "supertype":  # a class of the file's own package, which no import names
            package = self.package_of.get((subsystem, path))
            return unique(self.declared[DECLARING[language]].get(f"{package}.{text}")) if package else None
        if capture != "module":
            return None
        if language == "python":
            return self._python(path, text)
        if language in ("javascript", "typescript", "tsx", "vue"):
            return self._javascript(path, text)
        if language == "go":
            return self._go(text.strip("\"`"))
        if language == "rust":
            return self._rust(path, text)
        if language in JVM:
            return jvm_owner(self.declared["jvm"], dotted(language, text), self.borrowed)
        if language in DECLARING:
            return longest_dotted(self.declared[DECLARING[language]], dotted(language, text))
        return None

    def _pear_class(self, path: str, text: str) -> str | None:
        """A PHP class named as PEAR names them, by the one subsystem holding its file:
        `Kwf_Model_Select` is `…/Kwf/Model/Select.php` (PEAR_CLASS)."""
        return self._include(path, text.replace("_", "/") + ".php") if PEAR_CLASS.fullmatch(text) else None

    def owner(self, path: str) -> str | None:
        """The subsystem whose namespace holds `path` (relative to a checkout root)."""
        path = path.strip("/")
        while path and path not in self.namespaces:  # the deepest namespace holding it
            path = path.rpartition("/")[0]
        return self.namespaces.get(path)

    def resolve_all(self, subsystem: str, path: str, language: str, capture: str, text: str,
                    bound: dict[str, set[str]] | None = None) -> tuple[str, ...]:
        """Every subsystem one reference names: a Python `from a.b import c, d` can name several.
        A Python or JavaScript class's base is named by what the file's imports bind (`bound`:
        name -> subsystems); a Java, Kotlin, PHP or C# class's through what the file imports (`bound`'s
        keys, the imported names: see bound())."""
        if capture == "from_import" and language == "python":
            return self._python_from(path, text)
        if capture == "supertype" and language in BINDING:  # `BaseNode`, `base_node.BaseNode`
            found = longest_dotted(bound or {}, text)
            return (found,) if found else ()
        if capture == "supertype" and language in IMPORTING_BASES and bound:
            found = self._imported_base(subsystem, path, language, text, bound)
            return (found,) if found else ()
        if capture == "supertype" and language in INCLUDING_BASES:  # `ARDOUR::AudioBackend`
            found = self._included_class(subsystem, text, bound or {})
            return (found,) if found else ()
        found = self.resolve(subsystem, path, language, capture, text)
        return (found,) if found else ()

    def _python_from(self, path: str, text: str) -> tuple[str, ...]:
        """`from a.b import c, d`: a name that is a module or package of its own (`a/b/c.py`,
        `a/b/d/`) names its owner, any other name `a.b`'s. neutron's type drivers, one-module
        subsystems beside `type_tunnel.py`, each `from neutron.plugins.ml2.drivers import
        type_tunnel`: that named the package's `__init__.py`, so their copies' home was it."""
        found = _FROM_IMPORT.match(text)
        if not found:
            return ()
        module, names = found.groups()
        targets = {self._python_submodule(path, module, name) or self._python(path, module)
                   for name in _imported_names(names)} or {self._python(path, module)}
        return tuple(sorted(target for target in targets if target))

    def bound(self, path: str, language: str, refs: tuple) -> dict[str, set[str]]:
        """The names a file's imports bind, each to the subsystem it comes from (BINDING's
        languages); for IMPORTING_BASES', what it imports, each to nothing (_imported_base); for
        C++, what it includes, each to the subsystem holding it (_included_class)."""
        if language in IMPORTING_BASES:
            return {dotted(language, text): set() for capture, text, _ in refs if capture == "module"}
        if language in INCLUDING_BASES:
            return {text: {found} for capture, text, _ in refs
                    if capture == "module" and (found := self.by_path(path, language, capture, text))}
        return self.python_bound(path, refs) if language == "python" else self.js_bound(path, refs)

    def _imported_base(self, subsystem: str, path: str, language: str, text: str, imports: dict) -> str | None:
        """A Java, Kotlin, PHP or C# class's base, in the order the language looks: a class the
        file imports by name (`import a.b.Base;`, `use A\\B\\Base;`), one of its own package, one
        of a namespace it imports (`using Wabbajack.Downloaders.Interfaces;`, `import a.b.*;`).
        wabbajack's downloaders each extend `ADownloader<T>` of that namespace; only a base of
        the file's own package had been found, so the home of a method they copy was not it
        (nor, for Kotlin, that of a module komikku's Madara sites copy)."""
        table, name = self.declared[DECLARING[language]], dotted(language, text)
        head, rest = name.partition(".")[0], name[len(name.partition(".")[0]):]
        package = self.package_of.get((subsystem, path))
        tried = [imported + rest for imported in imports if imported.rpartition(".")[2] == head]
        tried += [f"{package}.{name}"] if package else []
        tried += [f"{imported}.{name}" for imported in imports if imported.rpartition(".")[2] != head]
        return next((owner for owner in (unique(table.get(key)) for key in tried) if owner), None)

    def _included_class(self, subsystem: str, text: str, includes: dict[str, set[str]]) -> str | None:
        """A C++ class's base, by the one subsystem defining a class of its name among the file's
        own and those holding what it includes: Ardour's audio backends' `PortEngineSharedImpl`,
        from `ardour/port_engine_shared.h`; never a class of that name the file does not include
        (openmm's platforms' `Platform` is not the OpenCL bindings' `cl::Platform`)."""
        near = {subsystem}.union(*includes.values())
        return unique(self.cpp_classes.get(text.rpartition("::")[2], set()) & near)

    def js_bound(self, path: str, refs: tuple) -> dict[str, set[str]]:
        """The names a JavaScript or TypeScript file's imports bind: `import Def, { A as B } from
        "x"` binds Def and B, `import * as ns` ns, `const { A, B: C } = require("x")` A and C
        (typeorm's query runners each extend `BaseQueryRunner`)."""
        bound: dict[str, set[str]] = {}
        for capture, text, _ in refs:
            found = _JS_IMPORT.match(text) or _JS_REQUIRE.match(text) if capture == "js_import" else None
            target = self._javascript(path, found["source"]) if found else None
            if target:
                bound.update((name, {target}) for name in _js_names(found["names"]))
        return bound

    def python_bound(self, path: str, refs: tuple) -> dict[str, set[str]]:
        """The names a Python file's imports bind, each to the subsystem it comes from: `from
        ..base_node import BaseNode` binds `BaseNode` (gns3-server's nodes all extend it, so a
        method they copy is pulled up there), `from x import mod as m` binds `m`, `import a.b`
        binds `a.b`. A name a package's `__init__.py` imports from elsewhere is bound where that
        import binds it: spiderfoot's 208 modules each extend `SpiderFootPlugin`, imported `from
        spiderfoot import SpiderFootPlugin`, which `spiderfoot/__init__.py` takes `from .plugin`."""
        bound: dict[str, set[str]] = {}
        for capture, text, _ in refs:
            found = _FROM_IMPORT.match(text) if capture == "from_import" else None
            if found:
                module, names = found.groups()
                for name, alias in _imported_aliases(names):
                    target = self._python_submodule(path, module, name) or self._reexport(path, module, name) \
                        or self._python(path, module)
                    if target:
                        bound[alias] = {target}
            elif capture == "module":
                target = self._python(path, text)
                if target:
                    bound[text] = {target}
        return bound

    def _python_submodule(self, path: str, module: str, name: str) -> str | None:
        """The owner of `module.name` when that is a module or package of its own, else None."""
        if not module.startswith("."):
            if module.partition(".")[0] in sys.stdlib_module_names:
                return None
            prefix = next((p for p in self.collections if module.startswith(p)), "")
            return unique(self.python.get(f"{module[len(prefix):]}.{name}"))
        base = self._relative_folder(path, module)
        return (self.namespaces.get(f"{base}/{name}.py") or self.namespaces.get(f"{base}/{name}")) if base else None

    def _reexport(self, path: str, module: str, name: str) -> str | None:
        """The owner of the module `module`'s `__init__.py` takes `name` from, when it imports it."""
        if module.startswith("."):
            folder = self._relative_folder(path, module)
            init = f"{folder}/__init__.py" if folder else None
        else:
            prefix = next((p for p in self.collections if module.startswith(p)), "")
            inits = self.python_inits.get(module[len(prefix):])
            init = next(iter(inits)) if inits and len(inits) == 1 else None
        taken = self.reexported.get(init, {}).get(name) if init and init != path else None
        return next(iter(taken)) if taken else None

    def _relative_folder(self, path: str, text: str) -> str:
        """The folder a relative import names (`..a.b` from `x/y/f.py`: `x/a/b`); "" above the root."""
        dots = len(text) - len(text.lstrip("."))
        base = posixpath.dirname(path)
        for _ in range(dots - 1):
            base = posixpath.dirname(base)
        return (posixpath.join(base, text[dots:].replace(".", "/")) if text[dots:] else base) if base else ""

    def _python(self, path: str, text: str) -> str | None:
        if text.startswith("."):
            target = self._relative_folder(path, text)
            # a module of a fleet of modules (aiohttp's `aiohttp/*.py`) is a subsystem named by its file,
            # and so is the package's own `__init__.py` among them
            return (self.namespaces.get(target + ".py") or self.namespaces.get(target + "/__init__.py")
                    or self.owner(target)) if target else None
        if text.partition(".")[0] in sys.stdlib_module_names:  # `import time` beside a folder's
            return None  # time.py (an Ansible collection's filter plugin) is the standard library's
        if self._beside_the_script(path, text):
            return self.owner(path)
        prefix = next((p for p in self.collections if text.startswith(p)), "")
        return longest_dotted(self.python, text[len(prefix):])

    def _beside_the_script(self, path: str, text: str) -> bool:
        """Whether a module in a folder of scripts (no `__init__.py`) imports one beside it, as Python
        puts a script's folder first on its path: python-docs-samples' `from app import …` in
        `cloud-sql/mysql/sqlalchemy/main.py` is its own `app.py`, not `run/service-auth`'s, the one
        subsystem whose top holds an `app.py`."""
        folder = posixpath.dirname(path)
        beside = f"{folder}/" if folder else ""
        if f"{beside}__init__.py" in self.python_files:
            return False
        head = text.partition(".")[0]
        return f"{beside}{head}.py" in self.python_files or f"{beside}{head}/__init__.py" in self.python_files

    def _javascript(self, path: str, text: str) -> str | None:
        if text.startswith("."):
            return self._module_owner(posixpath.normpath(posixpath.join(posixpath.dirname(path), text)))
        parts = text.split("/")
        package = "/".join(parts[:2]) if text.startswith("@") else parts[0]
        aliased, strict = self._aliased(path, text)
        # As TypeScript does, an alias naming no module falls back to the package of that name:
        # botpress' 83 integrations alias "*" to "./*", and import `@botpress/sdk` through it;
        # a `baseUrl` names a module only where one is (`strict`): `mobx` is the dependency's.
        if aliased is not None and (aliased in self.js_modules or package not in self.packages and not strict):
            owner = self._module_owner(aliased)
            if owner is not None:
                return owner
        return unique(self.packages.get(package))

    def _aliased(self, path: str, text: str) -> tuple[str | None, bool]:
        """The path an alias of the nearest config holding some makes of `text`, if one does, and
        whether that alias names a module only (a `baseUrl`'s)."""
        folder = posixpath.dirname(path)
        while True:
            aliases = self.aliases.get(folder)
            if aliases:
                for alias, target, strict in aliases:  # most specific first
                    found = alias_match(alias, target, text)
                    if found is not None and (not strict or not found or posixpath.normpath(found) in self.js_modules):
                        return (posixpath.normpath(found) if found else None), strict
                return None, False
            if not folder:
                return None, False
            folder = posixpath.dirname(folder)

    def _module_owner(self, path: str) -> str | None:
        """owner(), where a specifier leaves the extension out: a subsystem that is one module
        (`client/app/services/*.js`) is named with it."""
        for suffix in JS_SOURCES:
            if path + suffix in self.namespaces:
                return self.namespaces[path + suffix]
        return self.owner(path)

    def _go(self, text: str) -> str | None:
        """By the module whose path is the longest the import starts with: a module nested in
        another (pulumi's `github.com/pulumi/pulumi/sdk/v3` in `sdk/`) is its own."""
        found = max(((module, folder) for module, folder in self.go_modules
                     if text == module or text.startswith(module + "/")), key=lambda m: len(m[0]), default=None)
        if found is None:
            return None
        module, folder = found
        return self.owner(posixpath.join(folder, text[len(module):].strip("/")))

    def _rust(self, path: str, text: str) -> str | None:
        """`use foo::…`: the subsystem of the crate named foo; `use crate::a::b`, `super::`,
        `self::`: the subsystem holding module a/b of this file's own crate (its `src/` folder,
        where files and folders name modules), as vector's sinks `use crate::sinks::util`."""
        names = [name for name in re.split(r"\s|\{", text.lstrip(":"), maxsplit=1)[0].split("::") if name]
        if not names or names[0] not in ("crate", "super", "self"):
            return unique(self.crates.get(names[0])) if names else None
        head, rest, parts = names[0], names[1:], path.split("/")
        if head == "crate":
            if "src" not in parts:
                return None
            base = "/".join(parts[:len(parts) - parts[::-1].index("src")])
        else:  # this file's module: `a/b.rs` is a/b, and so is `a/b/mod.rs`
            base = posixpath.dirname(path) if parts[-1] in ("mod.rs", "lib.rs", "main.rs") else path[:-3]
            if head == "super":
                base = posixpath.dirname(base)
            while rest and rest[0] == "super":
                base, rest = posixpath.dirname(base), rest[1:]
        return self.owner(posixpath.join(base, *rest)) if base else None



def _depends_on_itself(manifest: dict) -> bool:
    """A package.json naming a package it depends on: its name is the registry's, which its
    imports mean (sqlmesh's VS Code webview, named `react`, depends on React; every `from 'react'`
    in the repository had been an import of it)."""
    return any(isinstance(listed, dict) and manifest["name"] in listed
               for listed in (manifest.get(key) for key in ("dependencies", "devDependencies", "peerDependencies")))


_FROM_IMPORT = re.compile(r"from\s+([.\w]+)\s+import\b(.*)", re.S)


def _imported_names(names: str) -> list[str]:
    """The names a `from … import` list brings (`(a, b as c,  # why\n)`: a, b), not `*`."""
    return [name for name, _ in _imported_aliases(names)]


def _imported_aliases(names: str) -> list[tuple[str, str]]:
    """Each name a `from … import` list brings, with the name it is bound to (`b as c`: b, c)."""
    listed = re.sub(r"#[^\n]*", "", names).replace("\\", " ").strip().strip("()")
    items = [item.split() for item in listed.split(",") if item.strip() and item.split()[0] != "*"]
    return [(words[0], words[2] if len(words) == 3 and words[1] == "as" else words[0]) for words in items]


BINDING = frozenset({"python", "javascript", "typescript", "tsx", "vue"})  # bases named by what imports bind
IMPORTING_BASES = frozenset({"java", "kotlin", "php", "csharp"})  # bases named through what a file imports
NAMED_BARE = frozenset({"swift"})  # types, bases too, named bare by the files of their module
INCLUDING_BASES = frozenset(C_FAMILY)  # bases defined in what a file includes (_included_class)
_JS_IMPORT = re.compile(r"import\s+(?:type\s+)?(?P<names>[^'\"]*?)\s+from\s*['\"](?P<source>[^'\"]+)['\"]", re.S)
_JS_REQUIRE = re.compile(r"(?P<names>[^=]+?)\s*=\s*require\s*\(\s*['\"](?P<source>[^'\"]+)['\"]", re.S)


def _js_names(clause: str) -> list[str]:
    """The names an import clause or a destructuring binds: `Def, { A as B, type C }`: Def, B, C;
    `* as ns`: ns; `{ A, B: C }`: A, C."""
    names = []
    for item in re.sub(r"[{}]", ",", clause).split(","):
        words = re.findall(r"[\w$]+", item.split(":")[-1])
        if words and words[-1] not in ("type", "as"):
            names.append(words[-1])
    return names


def scala_relative(refs: tuple) -> list:
    """Scala's imports with the packages they are relative to written out: after `import
    org.apache.pekko`, `import pekko.actor.Address` is `org.apache.pekko.actor.Address` (Akka's
    and Pekko's style, which keeps their own `pekko` apart from other `pekko`s)."""
    imported: dict[str, str] = {}  # a package's last name -> the package, as imported so far
    found = []
    for capture, text, line in refs:
        name = dotted("scala", text) if capture == "module" else ""
        head, _, rest = name.partition(".")
        if head in imported:
            name = imported[head] + ("." + rest if rest else "")
            text = f"import {name}"  # what resolve() reads of it
        if name:
            imported.setdefault(name.rpartition(".")[2], name)
        found.append((capture, text, line))
    return found


def _js_specifiers(path: str) -> tuple[str, ...]:
    """The paths an import may name a JS/TS module by: with or without its extension, and a
    folder by its index."""
    bare = path.rpartition(".")[0]
    return (path, bare, bare.rpartition("/")[0]) if bare.endswith("/index") else (path, bare)




def _python_modules(path: str, namespace: str, paths: set[str], roots: tuple[int, ...] = ()) -> set[str]:
    """The dotted names `path` may be imported by: from the checkout root, from below a `src/`
    or `lib/` folder, and from the topmost package of its unbroken chain of packages when that
    package sits right in the subsystem's folder (deeper, it is likely the tail of a namespace
    package: `opentelemetry/instrumentation/flask` must not claim `import flask`), or is the
    subsystem's folder itself: then from the folders above it where names start (`roots`, see
    ImportRoots: localstack's `localstack-core/localstack/utils` is `localstack.utils`), and from
    the subsystem's own folder where it is a distribution's, holding its build file (ImportRoots:
    openllmetry's `…/opentelemetry/semconv_ai`). Folders without `__init__.py` (namespace
    packages, shared by many subsystems) are not named."""
    parts = path.rsplit(".", 1)[0].split("/")
    folders = len(parts) - 1
    if parts[-1] == "__init__":
        parts = parts[:-1]
    starts = {0} | {position + 1 for position, part in enumerate(parts[:-1]) if part in ("src", "lib")}
    own = namespace.count("/") + 1 if namespace else 0  # a distribution's own folder (ImportRoots._own)
    starts |= {own} if own in roots and "/".join(parts[:own]) == namespace else set()
    top = folders  # parts[:top] is the folder holding the topmost package
    while top > 0 and "/".join(parts[:top]) + "/__init__.py" in paths:
        top -= 1
    if "/".join(parts[:top]) == namespace:
        starts.add(top)
    elif "/".join(parts[:top + 1]) == namespace.rsplit(".", 1)[0] and top == namespace.count("/"):
        starts.update(start for start in roots if start < own)
    return {".".join(parts[start:]) for start in starts if start < len(parts)}
