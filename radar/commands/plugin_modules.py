"""Folders of plugins told by their modules' text (layout.py reads the rest), one plugin a module,
whatever the folder is called: Python modules each defining one entry point, a class extending
one base of the folder's own, or a class of no base with one method's name
(python_plugin_folders); C++ sources whose classes extend one base of the folder's own
(cpp_plugin_folders), their folder a package for their headers (headers_folders); Java or
Scala classes, many, extending one class of the repository's (jvm_plugin_folders); and the
folders whose sub-folders a JavaScript or TypeScript module beside them imports one by one, a
registry of plugins (registered_folders). As one package, their copies of one another had been
inside one subsystem, where nothing is compared."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from radar.commands.folders import MODULE_FLEET, PLUGIN_FLEET, covered, inside_tests
from radar.stages.discover import names_files
from radar.stages.manifests import HEADER_SUFFIXES
from radar.stages.languages import language_for

# a definition at a module's top level: `def load_config(`, `async def setup(`, `class SearchClass`
_TOP_DEFINITION = re.compile(rb"^(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z]\w*)", re.M)
# a class at a module's top level and its bases: `class X(Mixin, classes.FileAnalyzer):`
_CLASS_BASES = re.compile(rb"^class[ \t]+\w+[ \t]*\(([^)]*)\)", re.M)
_BASE = re.compile(rb"(?:^|,)\s*(?:\w+\.)*(\w+)\s*(?=,|\[|$)")  # a base's last name; no `metaclass=X`
_CLASS = re.compile(rb"^class[ \t]+(\w+)", re.M)
# a class of no base at a module's top level (`class SearchZoomEye:`), and a method's name
_BASELESS = re.compile(rb"^class[ \t]+\w+[ \t]*(?:\([ \t]*(?:object)?[ \t]*\))?[ \t]*:", re.M)
_METHOD = re.compile(rb"^    (?:async[ \t]+)?def[ \t]+([A-Za-z]\w*)", re.M)
# a script's entry point, which any folder of scripts repeats, and a Django app's commands', each
# its own script (tendenci's 25 `management/commands/*.py`): no plugin's
NO_ENTRY_POINTS = {b"main", b"Command"}
# a C++ class and its bases, an export macro between (`class API_EXPORT CFoo : public Base<T> {`)
_CPP_CLASS_BASES = re.compile(rb"\b(?:class|struct)[ \t]+(?:[A-Z][A-Z0-9_]*[ \t]+)?\w+[ \t]*(?:final[ \t]*)?"
                              rb":(?!:)([^{;]*)\{")
_CPP_BASE = re.compile(rb"(?:^|,)\s*(?:(?:public|protected|private|virtual)\s+)*(?:\w+::)*(\w+)")
_CPP_CLASS = re.compile(rb"\b(?:class|struct)[ \t]+(?:[A-Z][A-Z0-9_]*[ \t]+)?(\w+)\s*(?:final\s*)?[:{]")
# a Java or Scala class at a file's top level extending another (`public final class Foo extends
# BugChecker implements …`): the base's last name. Not a nested class: ditto's exceptions each
# nest a `Builder` of one base, milo's data types a `Codec`, which the files are not
_JVM_CLASS_BASE = re.compile(rb"^(?:(?:public|protected|private|final|abstract|static|sealed)[ \t]+)*"
                             rb"class[ \t]+\w+(?:<(?:[^<>{]|<[^<>{]*>)*>)?(?:\([^){]*\))?"
                             rb"[ \t\r\n]+extends[ \t\r\n]+(?:[\w.]+\.)?(\w+)", re.M)
JVM_SOURCES = (".java", ".scala")
# the roots of families of data, never plugins: what Java and Scala throw, and events
FAMILY_ROOTS = (b"Exception", b"Error", b"Throwable", b"Event")
# a JavaScript or TypeScript module's import of a sub-folder beside it (`import * as ansible from
# './ansible/index.ts'`, `const x = require("./x")`): the sub-folder and the path inside it. Never
# a type's import, nor `export … from`, a barrel's re-export of a package's parts
_SUB_FOLDER_IMPORT = re.compile(rb"""^[ \t]*(?:import(?![ \t]+type\b)\b[^;'"`]*?\bfrom[ \t]*|"""
                                rb"""(?:const|let|var)[ \t]+[^=;]+=[ \t]*require\([ \t]*)"""
                                rb"""['"]\./([^/'"]+)/?([^'"]*)['"]""", re.M)
JS_MODULES = (".ts", ".js", ".mjs", ".cjs", ".mts", ".cts", ".tsx", ".jsx")

Read = Callable[[str], bytes]


def python_plugin_folders(sources: list[str], read: Read) -> dict[str, int]:
    """The folders of PLUGIN_FLEET Python modules or more, half of them at least each defining
    one name at its top level, the entry point a host looks up in each (klipper's 136
    `klippy/extras/*.py`, each a `load_config(config)`; borgmatic's monitoring hooks, each a
    `ping_monitor`), or a class extending one base the folder or the one above defines (IntelOwl's
    109 observable analyzers, each an `ObservableAnalyzer` of `analyzers_manager/classes.py`;
    camel's 74 `BaseToolkit`s; never a library's base, as torch's `nn.Module` of a model's layers),
    or a class of no base with a method named as theirs (theHarvester's 64 search classes, each a
    `process`: plugins by their duck's type), as `folder/*.py` globs, with how many modules each
    holds. Never tests', nor a private module (`_helpers.py`) counted. `read`: a file's first bytes."""
    every = _by_folder(f for f in sources if f.endswith(".py"))  # where bases are defined
    texts = _Texts(read)
    candidates = _plugin_candidates(sources, lambda name: name.endswith(".py"))
    found = {}
    for folder, files in candidates:
        modules = [[f] for f in files]  # a module read alone (a C++ source is read with its headers)
        if _most(_names(modules, texts, _top_definitions), len(files)) \
                or _one_own_base(folder, modules, every, texts, _python_bases, _CLASS) \
                or _most(_names(modules, texts, _duck_methods), len(files)):
            found[f"{folder}/*.py"] = len(files)
    return found


def cpp_plugin_folders(sources: list[str], read: Read) -> dict[str, int]:
    """The folders of PLUGIN_FLEET C++ sources or more, half of them at least holding a class, in
    the source or its own header, that extends one base the folder's headers or the ones above
    declare (domoticz's 145 `hardware/*.cpp`, 89 of them a `CDomoticzHardwareBase`: its
    first scan went from one proposal to seventeen, the first a `ReadFile` debug helper copied
    into 22 drivers), as `folder/*.cpp` globs (or their sources' suffix), with how many each
    holds. Never tests'."""
    headers = {f for f in sources if f.endswith(HEADER_SUFFIXES)}
    every = _by_folder(headers)
    texts = _Texts(read)
    found = {}
    for folder, files in _plugin_candidates(sources, lambda name: language_for(name) == "cpp"
                                            and not name.endswith(HEADER_SUFFIXES)):
        with_headers = [[f, *(f"{stem}{h}" for stem in {f.rpartition('.')[0], _mirrored(f.rpartition('.')[0])}
                              for h in HEADER_SUFFIXES if f"{stem}{h}" in headers)] for f in files]
        if _one_own_base(folder, with_headers, every, texts, _cpp_bases, _CPP_CLASS, _mirrored(folder)):
            suffix = Counter(f.rpartition(".")[2] for f in files).most_common(1)[0][0]
            found[f"{folder}/*.{suffix}"] = sum(f.endswith(f".{suffix}") for f in files)
    return found


def jvm_plugin_folders(sources: list[str], read: Read) -> dict[str, int]:
    """The folders of Java or Scala sources where MODULE_FLEET or more, half of them at least,
    each hold a class that extends one class the repository declares, a file of its name
    (error-prone's 450 `bugpatterns/*.java` of 516, each a `BugChecker` of its `check_api`
    module), as `folder/*.java` globs, with how many each holds: plugins of a host, not one
    project's classes, which a JVM build compiles together and init reads as one package
    (folders.PROJECT_LANGUAGES); fewer are a family of its classes (storm's 18 stream
    processors, each a `BaseProcessor` wrapping a function: their one template had been a
    proposal). Never a library's base, nor a class beside them extending another beside them,
    unless abstract (a host's template, besu's `AbstractFixedCostOperation` of its 116 EVM
    operations; candlepin's 21 exception mappers' `CandlepinExceptionMapper`, extending nothing):
    one of a family's own (milo's 37 generated variable nodes, 20 of them a
    `BaseDataVariableTypeNode`, a `BaseVariableTypeNode` beside them). Never a folder of abstract
    classes, half of them or more, bases for others to implement (milo's 39 generated
    `model/methods/*.java`, each an abstract `AbstractMethodInvocationHandler` declaring one
    method's arguments). Never an exception's nor an event's: a family of data (ditto's 48
    `exceptions/*.java`, each a `DittoRuntimeException`; Forge's living entities' events) is no
    host's plugins. Never tests'."""
    declared = defaultdict(set)  # a class the repository declares, a file of its name -> its folders
    for path in sources:
        folder, _, name = path.rpartition("/")
        if name.endswith((*JVM_SOURCES, ".kt")):
            declared[name.rpartition(".")[0].encode()].add(folder)
    texts = _Texts(read)
    found = {}
    for folder, files in _plugin_candidates(sources, lambda name: name.endswith(JVM_SOURCES)):
        direct = {_stem(f): set(_JVM_CLASS_BASE.findall(texts(f))) for f in files}
        abstract = {_stem(f) for f in files if _abstract(_stem(f), texts(f))}
        hosts = abstract | {name for name, bases in direct.items() if not bases & direct.keys()}
        most = max((n for base, n in _extended(direct).items() if base in declared
                    and not base.endswith(FAMILY_ROOTS) and (folder not in declared[base] or base in hosts)), default=0)
        if most >= MODULE_FLEET and most * 2 >= len(files) and len(abstract) * 2 < len(files) \
                and not _one_per_arity(files, texts):
            suffix = Counter(f.rpartition(".")[2] for f in files).most_common(1)[0][0]
            found[f"{folder}/*.{suffix}"] = sum(f.endswith(f".{suffix}") for f in files)
    return found


def _one_per_arity(files: list[str], texts: Read) -> bool:
    """Whether most of a folder's Java or Scala classes differ in how many type parameters each
    declares: one class written again for each arity (redis-om-spring's 21 tuple mappers,
    `SingleMapperImpl<T, T0>` … `VigintupleMapperImpl<T, T0, …, T19>`), which the language cannot
    write once: a family of the project's classes, no host's plugins."""
    arities = {_type_parameters(_stem(f), texts(f)) for f in files} - {None}
    return len(arities) * 2 > len(files)


def _type_parameters(name: bytes, text: bytes) -> int | None:
    """How many type parameters the class `name` declares in `text` (`class Pair<A, B extends
    C<A>>`: 2), 0 for a class of none, None where `text` declares no class of that name."""
    declared = re.search(rb"\bclass[ \t]+" + re.escape(name) + rb"\b[ \t]*(<|\[)?", text)
    if declared is None:
        return None
    if declared.group(1) is None:
        return 0
    depth, count = 0, 1
    for byte in text[declared.start(1):declared.start(1) + 4096]:
        if byte in b"<[":
            depth += 1
        elif byte in b">]":
            depth -= 1
            if depth == 0:
                return count
        elif byte == ord(",") and depth == 1:  # between two of this class's own parameters
            count += 1
    return None


def _stem(path: str) -> bytes:
    """A Java or Scala file's name without its suffix: the class it declares."""
    return path.rpartition("/")[2].rpartition(".")[0].encode()


def _abstract(name: bytes, text: bytes) -> bool:
    """Whether `text` declares the class `name` abstract."""
    return re.search(rb"\babstract[ \t]+(?:\w+[ \t]+)*class[ \t]+" + re.escape(name) + rb"\b", text) is not None


def _extended(direct: dict[bytes, set[bytes]]) -> Counter:
    """How many of a folder's Java or Scala classes (`direct`: each one's bases) extend each base,
    directly or through an abstract base of the folder named so: checkstyle's naming checks extend
    `AbstractNameCheck` beside them, itself an `AbstractCheck`, as the other checks are. Not
    through any class beside them: a family's own hierarchy (exceptions, events, messages
    extending one another) is no plugins of a host."""

    def through(bases: set[bytes], seen: frozenset[bytes]) -> set[bytes]:
        found = set(bases)
        for base in bases - seen:
            if base.startswith(b"Abstract"):
                found |= through(direct.get(base, set()), seen | {base})
        return found

    return Counter(base for bases in direct.values() for base in through(bases, frozenset()))


def registered_folders(sources: list[str], read: Read) -> frozenset[str]:
    """The folders of PLUGIN_FLEET sub-folders holding code or more, half of them at least
    imported one by one, each by the same path inside it, by a JavaScript or TypeScript module of
    the folder: a registry of its plugins (renovate's `lib/modules/manager/api.ts`, importing its
    117 package managers, `./ansible/index.ts` …, as `datasource/api.ts` its 82 datasources), whose
    sub-folders are packages then, as those of a folder declaring what they implement are
    (layout's `declared`). Its 1,196 files had been one package. Not the main module of a package
    importing its parts, each its own way (continue's `core/core.ts`: `./config/ConfigHandler`,
    `./llm/index` …), nor a folder's index, its entry, which gathers its parts as a package's
    (ethers' `index.js`, a router's routes, a schema's parts). Never tests'."""
    held: dict[str, set[str]] = {}
    for f in sources:
        parts = f.split("/")
        for end in range(1, len(parts) - 1):
            held.setdefault("/".join(parts[:end]), set()).add(parts[end])
    crowded = {folder: names for folder, names in held.items()
               if len(names) >= PLUGIN_FLEET and not inside_tests(tuple(folder.split("/")))}
    found = set()
    for f in sources:
        folder, _, name = f.rpartition("/")
        if folder in crowded and folder not in found and name.endswith(JS_MODULES) and not name.startswith("index."):
            by_path: dict[str, set[str]] = {}
            for sub, inside in _SUB_FOLDER_IMPORT.findall(read(f)):
                sub = sub.decode(errors="replace")
                if sub in crowded[folder]:
                    by_path.setdefault(_entry(inside.decode(errors="replace"), sub), set()).add(sub)
            registered = max(map(len, by_path.values()), default=0)
            if registered >= PLUGIN_FLEET and registered * 2 >= len(crowded[folder]):
                found.add(folder)
    return frozenset(found)


def _entry(inside: str, folder: str) -> str:
    """The module a sub-folder's import names, as its plugins share it: `index.ts`, `index` and
    the folder itself all name its index; a module named after the folder, `<own>`."""
    stem = inside.rpartition(".")[0] if "." in inside.rpartition("/")[2] else inside
    return {"": "index", folder: "<own>"}.get(stem, stem)


def _mirrored(path: str) -> str:
    """Where a C++ source's headers are when not beside it: `src/modules/alsa` -> `include/modules/alsa`
    (polybar's, Waybar's), the last `src` of the path read `include`; "" where it has none."""
    parts = path.split("/")
    if "src" not in parts:
        return ""
    at = len(parts) - 1 - parts[::-1].index("src")
    return "/".join([*parts[:at], "include", *parts[at + 1:]])


def _plugin_candidates(sources: list[str], kind: Callable[[str], bool]) -> list[tuple[str, list[str]]]:
    """The folders holding PLUGIN_FLEET modules of this kind or more, tests' and private ones aside."""
    modules = _by_folder(f for f in sources if kind(f.rpartition("/")[2]) and not f.rpartition("/")[2].startswith("_")
                         and not inside_tests(tuple(f.rpartition("/")[0].split("/"))))
    return [(folder, files) for folder, files in sorted(modules.items()) if folder and len(files) >= PLUGIN_FLEET]


def _by_folder(paths) -> dict[str, list[str]]:
    folders: dict[str, list[str]] = {}
    for f in paths:
        folders.setdefault(f.rpartition("/")[0], []).append(f)
    return folders


class _Texts:
    """Each file's first bytes, read once: a folder's headers are read again as the one below's."""

    def __init__(self, read: Read):
        self.read, self.known = read, {}

    def __call__(self, path: str) -> bytes:
        if path not in self.known:
            self.known[path] = self.read(path)
        return self.known[path]


def _names(modules: list[list[str]], text: Read, names: Callable[[bytes], set[bytes]]) -> Counter:
    """How many of `modules` (each its files: a source and its headers) say each name."""
    return Counter(name for paths in modules for name in set().union(*(names(text(p)) for p in paths)))


def _top_definitions(text: bytes) -> set[bytes]:
    return set(_TOP_DEFINITION.findall(text)) - NO_ENTRY_POINTS


def _duck_methods(text: bytes) -> set[bytes]:
    """The methods of a module holding a class of no base: what a host calls on each plugin where
    no base declares it (theHarvester's 64 search classes, each a `process`)."""
    return set(_METHOD.findall(text)) if _BASELESS.search(text) else set()


def _python_bases(text: bytes) -> set[bytes]:
    return {base for bases in _CLASS_BASES.findall(text) for base in _BASE.findall(bases)}


def _cpp_bases(text: bytes) -> set[bytes]:
    return {base for bases in _CPP_CLASS_BASES.findall(text) for base in _CPP_BASE.findall(bases)}


def _one_own_base(folder: str, files: list[list[str]], every: dict[str, list[str]], text: Read,
                  bases: Callable[[bytes], set[bytes]], declaring: re.Pattern, mirror: str = "") -> bool:
    """Whether one base that the folder or the one above declares (or their `mirror`'s, a C++
    `include/` beside `src/`) is extended in enough of `files`."""
    extending = _names(files, text, bases)
    if not _most(extending, len(files)):
        return False
    declared = {name for where in {folder, mirror} if where for above in (where, where.rpartition("/")[0])
                for f in every.get(above, []) for name in declaring.findall(text(f))}
    return _most(Counter({base: n for base, n in extending.items() if base in declared}), len(files))


def _most(counts: Counter, modules: int) -> bool:
    """Whether one name is in PLUGIN_FLEET modules or more, and half of them at least."""
    most = max(counts.values(), default=0)
    return most >= PLUGIN_FLEET and most * 2 >= modules


def headers_folders(plugins: dict[str, int], found: tuple[tuple[str, int], ...], sources: list[str]
                     ) -> tuple[tuple[str, int], ...]:
    """Beside a folder's C++ plugins (`plugins`: their globs, with how many each holds), the
    folder itself where no glob lists it: their headers (domoticz' `notifications/*.h` beside
    `notifications/*.cpp`)."""
    listing = tuple((glob, n) for glob, n in found if not names_files(glob))
    return tuple((folder, sum(f.rpartition("/")[0] == folder for f in sources) - n)
                 for folder, n in ((glob.rpartition("/")[0], n) for glob, n in plugins.items())
                 if not covered(folder, listing))
