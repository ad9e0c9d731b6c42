"""What the references of languages that name a file by its path resolve to, for resolve.py's
Index: the one subsystem holding a file whose path ends as the reference says, never a guess.

- C/C++: includes relative to the including file, else by a unique path suffix (a quoted
  header of a C module that is a subsystem of its own names that module: `"tmux.h"`, `tmux.c`;
  a header of the top `include/` folder, which no subsystem holds, the one holding the source of
  its name: fluent-bit's `<fluent-bit/flb_output.h>`, `src/flb_output.c`); Erlang's `-include`s
  likewise, and its modules (`brod:stop(C)`, `-behaviour(gen_server)`) by the file of their name;
- Ruby's `require` likewise (a gem's `lib/a/b.rb` for `require "a/b"`), `require_relative` by
  path (`require File.expand_path("../base", __FILE__)` by the path from the file itself), and
  the constants autoloading resolves (a superclass, a mixin, `A::B`) by the file their names
  make (`a/b.rb`), as Zeitwerk does; Elixir's modules (`alias A.B`, `use A.B`, `A.B.f()`)
  likewise (`a/b.ex`), as Mix lays them out; Perl's `use A::B` (and the class a `use base`
  names) by `A/B.pm`; Haskell's `import Data.Text` by `Data/Text.hs` under a source folder (not a module's);
  Lua's `require "a.b"` by `a/b.lua` or `a/b/init.lua`, a MediaWiki module's page
  (`Module:A/B`, whatever loads it) by `A/B.lua`;
- OCaml's `Dune_util.Log.info` by `dune_util/log.ml`, a wrapped library's folder named for it,
  else by the first name's file (`OpamFilename`: `opamFilename.ml`);
- PHP's `require`/`include` by path (php_include), from the file's folder or by the path's tail;
- Dart's `package:a/b.dart` by the subsystem whose pubspec.yaml names `a`, else by `a/lib/b.dart`;
  Solidity's imports by path, a remapped package's by the rest of its path; either's relative
  imports by their path from the file;
- Racket's module paths (`scribble/core`) by `scribble/core.rkt` or `scribble/core/main.rkt`.
"""
from __future__ import annotations

import posixpath
import re

from radar.stages.manifests import C_FAMILY, C_SOURCES

# The languages whose references this module resolves, by reference capture (languages.yaml)
BY_PATH = frozenset({*C_FAMILY, "ruby", "lua", "elixir", "erlang", "haskell", "ocaml", "perl", "dart", "solidity",
                     "racket"})

# the folders a C or C++ build puts on the include path, whatever subsystem holds them
INCLUDE_ROOTS = frozenset({"include", "includes", "inc", "src", "source", "sources", "lib", "libs", "public",
                           "api", "export", "exports", "headers", "interface", "interfaces"})

# The files a reference finds by their path's tail (`_include`): C's and C++'s headers and
# sources, and the modules that Ruby, Lua, Elixir, Dart, Erlang, Haskell, OCaml, Perl, Solidity and Racket
# name by a path
FOUND_BY_PATH = (".h", ".hh", ".hpp", ".hxx", ".c", ".cc", ".cpp", ".cxx", ".rb", ".lua", ".ex", ".dart", ".erl",
                 ".hrl", ".hs", ".ml", ".pm", ".sol", ".php", ".rkt")
# the path a PHP include names: its expression's last string (`CACTI_PATH_LIBRARY . '/poller.php'`)
_PHP_INCLUDED = re.compile(r"""['"]([^'"$]+\.php)['"]\s*\)?\s*;?\s*$""")
_PHP_BESIDE = ("__DIR__", "dirname(__FILE__)")  # an include relative to the file itself


# OCaml's standard library: `String.length` is its String's, even where a library of the fleet
# has a `string.ml` of its own (dune's stdune extends it, for the code that opens Stdune, which
# that `open` names): dune's configurator, which depends on unix and csexp alone, had read as a
# user of stdune.
OCAML_STDLIB = frozenset({
    "Stdlib", "List", "Array", "String", "Bytes", "Char", "Hashtbl", "Map", "Set", "Option", "Result", "Printf",
    "Format", "Buffer", "Filename", "Sys", "Unix", "Lazy", "Seq", "Int", "Float", "Bool", "Fun", "Stack", "Queue",
    "Lexing", "Parsing", "Printexc", "Gc", "Random", "Obj", "Marshal", "In_channel", "Out_channel", "Either",
    "Uchar", "Int32", "Int64", "Nativeint", "Complex", "Scanf", "Arg", "Digest", "Weak", "Ephemeron", "Atomic",
    "Domain", "Mutex", "Condition", "Semaphore", "Effect", "Dynarray", "Type", "StdLabels", "ListLabels",
    "ArrayLabels", "StringLabels", "MoreLabels", "BytesLabels", "Oo", "Callback", "Bigarray", "Str", "Thread",
    "Event", "Unit"})


def _snake(name: str) -> str:
    """A Ruby constant's file name, as Rails' and Zeitwerk's inflection makes it: `RangeHelp`
    is range_help, `HTTPClient` http_client."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _at_source_folder(found: str, target: str) -> bool:
    """Whether `found` is `target` under a folder no module name makes (Haskell's modules are
    capitalised, their source folders not)."""
    if found == target:
        return True
    if not found.endswith("/" + target):
        return False
    folder = found[:-len(target) - 1].rpartition("/")[2]
    return not folder[:1].isupper()


def unique(owners: set[str] | None) -> str | None:
    return next(iter(owners)) if owners and len(owners) == 1 else None


class PathNames:
    """Index's resolution of the languages naming files by path (BY_PATH), from its tables: the
    files found by the tail of their path (`by_basename`), C modules' own headers (`faces`), the
    headers no subsystem holds (`shared_headers`), pubspec.yaml names (`dart_packages`; those
    of the folders above subsystems, `dart_roots`), and Index's `owner`, the subsystem whose
    namespace holds a path."""

    by_basename: dict[str, dict[str, set[str]]]
    namespace_of: dict[str, str]  # a subsystem's name -> its folder
    faces: dict[str, dict[str, set[str]]]
    shared_headers: set[str]
    dart_packages: dict[str, set[str]]
    dart_roots: dict[str, set[str]]
    namespace_folders: dict[str, dict[str, dict[str, set[str]]]]  # per suffix, a folder's name -> its paths' owners
    c_source_folders: frozenset[str] | None  # the folders holding C or C++ sources

    def by_path(self, path: str, language: str, capture: str, text: str) -> str | None:
        """The one subsystem a reference of a BY_PATH language names, or None."""
        if capture == "constant":
            if language == "ruby":
                return self._constant(path, text.split("::"), ".rb")
            if language == "elixir":
                return self._constant(path, text.split("."), ".ex")
            if language == "ocaml":
                return self._ocaml(path, [name.strip() for name in text.split(".") if name.strip()])
            if language == "erlang":
                return self._include(path, text.strip("'") + ".erl")
            return None
        if capture == "constant_scope" and language == "ruby":  # a namespace on the way: its own file or nothing
            return self._constant_file(path, text.split("::"), ".rb")
        if language == "ruby" and capture in ("module", "relative", "beside_file"):
            return self._ruby(path, capture, text)
        if language == "racket" and capture == "qualified":
            return self._racket(path, text)
        if capture != "module":
            return None
        if language in (*C_FAMILY, "erlang"):  # Objective-C's `#import "X.h"` is an include
            return self._include(path, text)
        if language == "lua":
            return self._lua(path, text)
        if language == "dart":
            return self._dart(path, text.strip("'\""))
        if language == "haskell":
            return self._haskell(text.strip())
        if language == "solidity":
            return self._solidity(path, text.strip("'\""))
        if language == "perl":  # `qw(RT::Record Foo)`: its first
            name = text.split()[0] if text.split() else ""
            # `use base`, `use strict`: pragmas, one lower-case word; centreon's `centreon::plugins::…` are modules
            pragma = name.islower() and "::" not in name
            return self._include(path, name.replace("::", "/") + ".pm") if name and not pragma else None
        return None

    def php_include(self, path: str, text: str) -> str | None:
        """A PHP `require`/`include` of a path: from the file's own folder when written so
        (`__DIR__ . '/lib.php'`, `'../lib.php'`), else the one subsystem holding a file whose
        path ends as the string says (`'include/MVC/View/views/view.list.php'`; a constant's
        folder, `CACTI_PATH_LIBRARY . '/poller.php'`, as the path's tail)."""
        found = _PHP_INCLUDED.search(text)
        if found is None:
            return None
        target = found.group(1)
        if any(anchor in text for anchor in _PHP_BESIDE) or target.startswith(("../", "./")):
            return self._beside(path, target.lstrip("/"))
        return self._include(path, target.lstrip("/"))

    def _beside(self, path: str, target: str) -> str | None:
        """The subsystem holding `target`, a path relative to the file's folder."""
        return self.owner(posixpath.normpath(posixpath.join(posixpath.dirname(path), target)))

    def _ruby(self, path: str, capture: str, text: str) -> str | None:
        """`require "a/b"`: the one subsystem holding a file `…/a/b.rb` (a gem's lib/a/b.rb);
        `require_relative "x"`: the subsystem holding x.rb beside this file; `File.expand_path`'s
        from `__FILE__` (`beside_file`): the same path taken from the file itself (`../base`)."""
        target = text.strip() if text.strip().endswith(".rb") else text.strip() + ".rb"
        if capture in ("relative", "beside_file"):
            start = path if capture == "beside_file" else posixpath.dirname(path)
            return self.owner(posixpath.normpath(posixpath.join(start, target)))
        return self._include(path, target)

    def _dart(self, path: str, uri: str) -> str | None:
        """`package:ente_ui/…`: the subsystem whose own pubspec.yaml names `ente_ui` (ente's
        `mobile/packages/ui`); else `package:firebase_core/src/app.dart`: the one subsystem holding
        `…/firebase_core/lib/src/app.dart`, a package's folder named as the package (flutterfire's
        subsystem `packages/firebase_core` holds three, `firebase_core/` among them); the package
        of a pubspec.yaml above the subsystems, `package:hiddify/features/…`, by its `lib/`
        (hiddify-app's parts had resolved none of their imports); a relative
        `src/app.dart` by its path from the file; the platform's `dart:async` is nobody's."""
        if uri.startswith("package:"):
            package, _, rest = uri[len("package:"):].partition("/")
            if package in self.dart_packages:  # a subsystem's own pubspec.yaml names it
                return unique(self.dart_packages[package])
            root = unique(self.dart_roots.get(package))  # an app whose parts are subsystems
            if root is not None and rest:
                return self.owner(posixpath.join(root, "lib", rest))
            return self._include(path, f"{package}/lib/{rest}") if package and rest else None
        return None if ":" in uri else self._beside(path, uri)

    def _solidity(self, path: str, source: str) -> str | None:
        """`import "./IERC20.sol"`: by its path from the file; `import "@openzeppelin/contracts/
        token/ERC20/IERC20.sol"`, a package a remapping names: the one subsystem holding the rest
        of its path (`contracts/token/ERC20/IERC20.sol`), as the remapping would find it."""
        if source.startswith("."):
            return self._beside(path, source)
        parts = source.split("/")
        rest = "/".join(parts[2 if source.startswith("@") else 1:])
        return self._include(path, source) or (self._include(path, rest) if rest else None)

    def _haskell(self, module: str) -> str | None:
        """`import Data.Text`: the one subsystem holding `…/Data/Text.hs` under a source folder,
        one not named as a module is (`src/`, `lib/`): `src/PlanMill/Internal/Prelude.hs` is the
        module `PlanMill.Internal.Prelude`, never the `Prelude` every file of haskell-mega-repo
        imports."""
        target = module.replace(".", "/") + ".hs"
        owners = set().union(*(names for found, names in self.by_basename.get(posixpath.basename(target), {}).items()
                               if _at_source_folder(found, target)))
        return unique(owners)

    def _ocaml(self, path: str, names: list[str]) -> str | None:
        """`Dune_util.Log`: a wrapped library's module, the one subsystem holding
        `…/dune_util/log.ml`; else the first name's own file, as an unwrapped library's modules
        are named (`OpamFilename.to_string`: `opamFilename.ml`; `open Stdune`: `stdune.ml`), never
        a tail of the path (`Ocaml_config.Vars` is not any `vars.ml`) nor a module of OCaml's
        standard library (`String`). A submodule of the file's own library, declared inside one
        of its files (dune's `Exn` in `import.ml`), reads as the fleet's file of its name if one
        is: a cost of not reading the library's declarations."""
        if not names or names[0] in OCAML_STDLIB:
            return None
        files = [name[:1].lower() + name[1:] for name in names[:2]]
        wrapped = self._include(path, "/".join(files) + ".ml") if len(files) == 2 else None
        return wrapped or self._include(path, files[0] + ".ml")

    def _lua(self, path: str, text: str) -> str | None:
        """`require "kong.tools.utils"`: the one subsystem holding `…/kong/tools/utils.lua`, or
        `…/kong/tools/utils/init.lua` (Lua's own search path: `?.lua`, `?/init.lua`); a MediaWiki
        module's page, `Module:MatchSummary/Base`, the one holding `…/MatchSummary/Base.lua`."""
        text = text.strip()
        if text.startswith("Module:"):
            page = text.removeprefix("Module:")
            return self._include(path, page + ".lua") if page else None
        module = text.replace(".", "/")
        return self._include(path, module + ".lua") or self._include(path, module + "/init.lua") if module else None

    def _racket(self, path: str, text: str) -> str | None:
        """`scribble/core`: the one subsystem holding `…/scribble/core.rkt`, or `…/scribble/core/main.rkt`
        (a collection's path, as Racket finds it); Racket's own `racket/base`, and a symbol with a
        slash that is no module's (`call/cc`), no file of the fleet's, nobody's."""
        return self._include(path, text + ".rkt") or self._include(path, text + "/main.rkt")

    def _constant(self, path: str, names: list[str], suffix: str) -> str | None:
        """Ruby's `RuboCop::Cop::RangeHelp`: the one subsystem holding `…/rubocop/cop/range_help.rb`
        (each name snake_cased, or just lowered, as `RuboCop` is `rubocop`), else the one holding
        the folder of that path, a namespace its files make (`DataCycleCore::Filter`, whose
        `data_cycle_core/filter/` holds `select_option.rb` …), else the longest tail of the path
        that names one file (`cop/range_help.rb`, then `range_help.rb`); Elixir's
        `Plausible.Stats.Query` likewise, `…/plausible/stats/query.ex`, as Mix lays modules out.
        (dataCycle-CORE's `DataCycleCore::Filter` had been `export/generic/filter.rb`'s, the
        tail's, and that subsystem the home of its models' copies.)"""
        names = [name for name in map(str.strip, names) if name]
        for start in range(len(names)):
            found = self._constant_file(path, names[start:], suffix)
            if found is not None:
                return found
            if start == 0:
                held = [self._namespace_folder("/".join(map(form, names)), suffix) for form in (_snake, str.lower)]
                if any(owners is not None for owners in held):
                    return unique(set().union(*(owners for owners in held if owners is not None)))
        return None

    def _constant_file(self, path: str, names: list[str], suffix: str) -> str | None:
        """The one subsystem holding the file the names make, snake_cased or lowered."""
        names = [name for name in map(str.strip, names) if name]
        for form in (_snake, str.lower):
            found = self._include(path, "/".join(map(form, names)) + suffix) if names else None
            if found is not None:
                return found
        return None

    def _namespace_folder(self, folder: str, suffix: str) -> set[str] | None:
        """The subsystems holding files of `suffix` in a folder whose path ends as `folder` does,
        or None when there is no such folder."""
        if suffix not in self.namespace_folders:
            folders: dict[str, dict[str, set[str]]] = {}
            for name, held in self.by_basename.items():
                if name.endswith(suffix):
                    for found, owners in held.items():
                        parent = posixpath.dirname(found)
                        folders.setdefault(posixpath.basename(parent), {}).setdefault(parent, set()).update(owners)
            self.namespace_folders[suffix] = folders
        found = [owners for parent, owners in self.namespace_folders[suffix].get(posixpath.basename(folder), {}).items()
                 if parent == folder or parent.endswith("/" + folder)]
        return set().union(*found) if found else None

    def _include(self, path: str, text: str) -> str | None:
        target = text.strip("\"<> ")
        if not target:
            return None
        candidates = self.by_basename.get(posixpath.basename(target), {})
        if text.startswith('"') and not candidates:  # a module's own header, "strbuf.h": that module
            candidates = self.faces.get(posixpath.basename(target), {})
        if text.startswith('"'):
            beside = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if beside in candidates:
                return unique(candidates[beside])
        owners = set().union(*(names for found, names in candidates.items()
                               if (found == target or found.endswith("/" + target))
                               and self._on_include_path(found, target, text, names)))
        return unique(owners) if candidates or target not in self.shared_headers else self._declared(target)

    def _on_include_path(self, found: str, target: str, text: str, owners: set[str]) -> bool:
        """Whether a `<dir/name.h>` or `<name.h>` include can name `found`: a build puts a
        subsystem's headers on the include path at the top of the tree, at a folder named for
        headers or sources (`include/`, `src/`), or at the subsystem's folder or one above it;
        never deeper inside one, where a shim stands in for the system's or another project's
        header. nuttx-apps' zmodem keeps `host/nuttx/config.h` to build on the host, and microros
        an `include_override/assert.h`: every app's `<nuttx/config.h>`, the OS's own, had made
        zmodem the home of all its copies, and `<assert.h>` then microros. A library's folder,
        its sources beside the header, is no shim: saga-gis' tools include
        `<saga_api/saga_api.h>`, `src/saga_core/saga_api/` holding the API's 150 sources (its
        tools had shared no dependency, so its copies had no home)."""
        if not text.startswith("<"):
            return True
        prefix = found[:len(found) - len(target)].rstrip("/")
        if not prefix or prefix.rpartition("/")[2].lower() in INCLUDE_ROOTS:
            return True
        if "/" in target and posixpath.dirname(found) in self._c_source_folders():
            return True
        return any((self.namespace_of.get(owner, "") + "/").startswith(prefix + "/") for owner in owners)

    def _c_source_folders(self) -> frozenset[str]:
        if self.c_source_folders is None:
            self.c_source_folders = frozenset(posixpath.dirname(found) for name, held in self.by_basename.items()
                                              if name.endswith(C_SOURCES) for found in held)
        return self.c_source_folders

    def _declared(self, header: str) -> str | None:
        """The one subsystem holding the source file a header of the top `include/` folder is
        named for: fluent-bit's plugins include `<fluent-bit/flb_output.h>`, which declares
        `src/flb_output.c`."""
        stem = posixpath.basename(header).rpartition(".")[0]
        return unique(set().union(*(names for suffix in C_SOURCES
                                     for names in self.by_basename.get(stem + suffix, {}).values())))
