"""Declared packages and namespaces: which languages declare them (DECLARING: Java's, Kotlin's and
Scala's packages, PHP's and .NET's namespaces), a dotted name written the same in each (dotted),
who publishes a package (package_root) and the packages a subsystem's files mostly declare, its
own (own_roots), and those a .NET subsystem declares apart from its own
(stray_namespaces); the platform's namespaces .NET libraries declare too (platform_namespace) and the
JVM packages the tree only adds a few classes to (borrowed_packages); and which one subsystem owns
a dotted name (longest_dotted, jvm_owner). resolve.py's Index reads them."""
from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from radar.stages.pathnames import unique


# Languages whose files declare their package or namespace, by the family whose files can
# import each other's (Java, Kotlin and Scala share the JVM's packages).
DECLARING = {"java": "jvm", "kotlin": "jvm", "scala": "jvm", "php": "php", "csharp": "csharp",
              "fsharp": "csharp"}  # .NET's: F# opens C#'s namespaces, and C# F#'s
JVM = frozenset(language for language, table in DECLARING.items() if table == "jvm")
CLASS_A_FILE = ("php", "java", "kotlin", "csharp")  # whose files each hold a class named after the file
STRAY_FILES = 10  # a subsystem's package declarations from which one outside the rest's is a stray
STRAY_SHARE = 0.1  # ...of them at most, in .NET
JVM_OWN_SHARE = 0.6  # of a JVM subsystem's package declarations: those in or under one package are its own
HOLDER_SHARE = 0.75  # of the files declaring a JVM package, those of one subsystem that make it the package's
# The platform's namespaces that .NET libraries declare too: to hang extension methods on, as
# the guidelines ask (`namespace Microsoft.Extensions.DependencyInjection` in a Keycloak client),
# or for polyfills (`System.Diagnostics.CodeAnalysis`). No subsystem owns them.
PLATFORM_NAMESPACES = {"csharp": ("System", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting")}


def own_roots(declared: list[tuple[str, str, str, str]]) -> dict[str, set[str]]:
    """Per subsystem, the roots (package_root) most of its files' packages share: its own.
    Another root is a library's, its package borrowed by a few files to reach what the library
    keeps package-private (canal's es6x puts two classes in `org.elasticsearch.client`): that
    package is the library's, and an import of the library's other classes names no subsystem."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for subsystem, _, language, package in declared:
        counts[subsystem][package_root(language, package)] += 1
    return {subsystem: {root for root, n in roots.items() if n == max(roots.values())}
            for subsystem, roots in counts.items()}


def package_holders(declared: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """JVM packages several subsystems declare -> the one holding HOLDER_SHARE of the files
    declaring it: the package is its, the others adding a few classes or a package object (circe's
    core holds 37 of the 47 files in `io.circe`; six small modules put one or two there, `package
    io.circe` then `package object parser`, so `import io.circe.{ Decoder }` had named no one)."""
    files: dict[str, Counter] = defaultdict(Counter)
    for subsystem, _, language, package in declared:
        if DECLARING.get(language) == "jvm":
            files[package][subsystem] += 1
    holders = {}
    for package, held in files.items():
        (holder, n), total = held.most_common(1)[0], sum(held.values())
        if len(held) > 1 and n >= HOLDER_SHARE * total:
            holders[package] = holder
    return holders


def stray_namespaces(declared: list[tuple[str, str, str, str]]) -> frozenset[tuple[str, str]]:
    """Per .NET subsystem of STRAY_FILES declarations or more, the namespaces it declares outside
    the one (of two parts or more) that 1 - STRAY_SHARE of them are in or under: another project's,
    which it adds a class to. YetaWF-Modules' Identity puts `OwinConfigHelper` in the framework's
    `YetaWF.Core.Support` beside its 200 files of `YetaWF.Modules.Identity`; every module's 625
    files `using YetaWF.Core.Support;` had pointed at Identity, the home of eight of its nine
    proposals. Its own classes are still declared; only an import of the namespace names no one.
    A namespace named for the file's folders is the project's own, however few declare it."""
    by_subsystem: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for subsystem, path, language, package in declared:
        if DECLARING.get(language) == "csharp":
            by_subsystem[subsystem].append((path, package))
    stray = set()
    for subsystem, held in by_subsystem.items():
        apart = _apart([package for _, package in held], 1 - STRAY_SHARE, 2)
        stray.update((subsystem, package) for path, package in held
                     if package in apart and not _named_by_folders(package, path))
    return frozenset(stray)


def _apart(packages: list[str], share: float, parts_at_least: int) -> set[str]:
    """The packages of a subsystem's declarations (STRAY_FILES or more) outside the longest one of
    `parts_at_least` parts or more that `share` of them are in or under; none when no such one."""
    prefix = _mostly_under(packages, share, parts_at_least) if len(packages) >= STRAY_FILES else None
    return {p for p in packages if p != prefix and not p.startswith(prefix + ".")} if prefix else set()


def _named_by_folders(namespace: str, path: str) -> bool:
    """Whether a part of the namespace past its vendor's names a folder the file is in: the
    project's own newer namespace (Intersect-Engine's `Intersect.Framework.Core.Network.Packets`
    in `Framework/Intersect.Framework.Core/Network/Packets/`, beside its `Intersect.Network`)."""
    folders = {part for folder in path.lower().split("/")[:-1] for part in folder.split(".")}
    return any(part in folders for part in namespace.lower().split(".")[1:])


def _mostly_under(packages: list[str], share: float, parts_at_least: int) -> str | None:
    """The longest namespace of `parts_at_least` parts or more that `share` of `packages` are or are under."""
    counts = Counter(".".join(parts[:at]) for parts in (p.split(".") for p in packages)
                     for at in range(parts_at_least, len(parts) + 1))
    shared = [prefix for prefix, n in counts.items() if n >= share * len(packages)]
    return max(shared, key=len, default=None)


def package_root(language: str, package: str) -> str:
    """Who publishes the package: a JVM package's reversed domain (`com.alibaba`), a PHP or .NET
    namespace's vendor (`Flarum`, `Duplicati`: their second part is a component of the vendor's)."""
    return ".".join(package.split(".")[:2 if DECLARING.get(language) == "jvm" else 1])


def platform_namespace(language: str, namespace: str) -> bool:
    """A namespace of the .NET platform's (PLATFORM_NAMESPACES), which no subsystem owns."""
    return any(namespace == name or namespace.startswith(name + ".") for name in PLATFORM_NAMESPACES.get(language, ()))


SCALA_IMPORT = re.compile(r"import\s+([\w.]+)")  # `import a.b.{C, D => E}`, `import a.b._`: a.b


def dotted(language: str, name: str) -> str:
    """A package or namespace name as a dotted one: PHP's `\\Illuminate\\Support` and C#'s
    `global::System.IO` written as `Illuminate.Support` and `System.IO`."""
    if language == "php":
        return name.strip("\\").replace("\\", ".")
    if language == "csharp":
        return name.removeprefix("global::")
    if language == "scala" and name.startswith("import"):  # the whole declaration
        found = SCALA_IMPORT.match(name)
        return found.group(1).rstrip("._") if found else ""
    return name


def longest_dotted(table: dict[str, set[str]], text: str) -> str | None:
    """The owner of the longest dotted prefix of `text` that `table` knows (`a.b.C` → `a.b`),
    when exactly one subsystem owns it: `from moto.core.utils import camel` names moto.core.utils."""
    parts = text.split(".")
    for end in range(len(parts), 0, -1):
        owners = table.get(".".join(parts[:end]))
        if owners:
            return unique(owners)
    return None


def jvm_owner(table: dict[str, set[str]], text: str, borrowed: frozenset[str] = frozenset()) -> str | None:
    """longest_dotted for a JVM import: `a.b.c.D` is class D of package `a.b.c`, or a member of
    a class `a.b.C` (capitalised, as classes are named); a package further up holds none of it:
    thingsboard's `org.thingsboard.server.gen.transport.TransportProtos`, generated at build
    time, is not the application's, though the application declares `org.thingsboard.server`.
    A class no file of a `borrowed` package is named for is the outsider's (borrowed_packages)."""
    parts = text.split(".")
    for end in range(len(parts), 0, -1):
        owners = table.get(".".join(parts[:end]))
        if owners and (end >= len(parts) - 1 or parts[end - 1][:1].isupper()):
            outsiders = end == len(parts) - 1 and parts[-1][:1].isupper() and ".".join(parts[:end]) in borrowed
            return None if outsiders else unique(owners)
    return None


BORROWED_NAMES = 3  # classes of a package imported, from which what the tree holds of them tells whose it is


def borrowed_packages(declared: list[tuple[str, str, str, str]], references: tuple, table: dict[str, set[str]],
                      java_files: Iterable[str] = ()) -> frozenset[str]:
    """JVM packages, declared by Java files only, of whose classes the tree's imports name
    BORROWED_NAMES or more, most of them with no file of their name in the tree: another
    project's package the tree adds a few classes to (osh-addons' digital I/O module keeps
    `I2CConfig` in the core's `org.sensorhub.impl.comm`, whose `RobustHTTPConnection` every camera
    driver imports; maven-plugins' compiler plugin four classes in Maven's `org.apache.maven.plugin`,
    whose `AbstractMojo` every plugin extends). Their other classes are the outsider's, no
    subsystem's. A package whose imported classes are mostly the tree's is its own, the few
    others an older version's (egov's services import tracer classes the tree's tracer no longer
    has). And a package a subsystem declares apart from the one most of its files are in
    (_jvm_strays): Plan's Fabric module adds `FabricListeners` and `FabricPluginLogger` to its
    platform layer's `net.playeranalytics.plugin.server` beside its `net.playeranalytics.plan`,
    and every platform's module imports that package's `PluginLogger` and `Listeners` (half the
    classes imported are the tree's). A class's file skipped as generated is still the
    tree's (`java_files`: Liferay's Service Builder writes the services its packages' other
    classes sit beside). Kotlin and Scala files may hold classes of any name: their packages are
    left as they are."""
    jvm = [(language, package) for _, _, language, package in declared if DECLARING.get(language) == "jvm"]
    java_only = {package for _, package in jvm} - {package for language, package in jvm if language != "java"}
    imported: dict[str, set[str]] = defaultdict(set)
    for _, _, language, refs in references:
        if language not in JVM:
            continue
        for capture, text, _ in refs:
            parts = dotted(language, text).split(".") if capture == "module" else []
            at = next((i for i, part in enumerate(parts) if part[:1].isupper()), 0)
            if at and ".".join(parts[:at]) in java_only:
                imported[".".join(parts[:at])].add(parts[at])
    files_named: dict[str, list[str]] = defaultdict(list)
    for path in java_files:
        files_named[posixpath.basename(path)[:-len(".java")]].append("/" + path)

    def in_tree(package: str, name: str) -> bool:
        where = "/" + package.replace(".", "/") + f"/{name}.java"
        return f"{package}.{name}" in table or any(path.endswith(where) for path in files_named.get(name, ()))

    borrowed = {package for package, names in imported.items()
                if len(names) >= BORROWED_NAMES and 2 * sum(in_tree(package, name) for name in names) < len(names)}
    return frozenset(borrowed | (_jvm_strays(declared) & java_only))


def _jvm_strays(declared: list[tuple[str, str, str, str]]) -> set[str]:
    """The JVM packages a subsystem of STRAY_FILES declarations or more declares outside the
    package (of three parts or more, below the publisher's domain) JVM_OWN_SHARE of them are in
    or under."""
    by_subsystem: dict[str, list[str]] = defaultdict(list)
    for subsystem, _, language, package in declared:
        if DECLARING.get(language) == "jvm":
            by_subsystem[subsystem].append(package)
    return set().union(*(_apart(packages, JVM_OWN_SHARE, 3) for packages in by_subsystem.values()))
