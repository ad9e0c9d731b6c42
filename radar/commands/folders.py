"""What a folder's name and place say when a layout is read (layout.py, uncovered.py, top.py):
never a fleet's (tests, examples, vendored code: NOT_SUBSYSTEMS), a suite of tests, a version
kept frozen beside others, a Go source, a package's manifest, a JVM module's sources or a C# or
JVM project's classes; and which files a glob holds, and which no glob holds; the helper folders
beside a folder of modules; the names of folders of what plugs in, and the folders that declare
what their plugins implement."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from radar.commands.excluded_names import EXCLUDABLE
from radar.globs import any_glob, glob_match
from radar.stages.discover import names_files
from radar.stages.languages import language_for

# named for the package: rails/activerecord/activerecord.gemspec, src/Orders/Orders.csproj, an F# project's
# `.fsproj` (FSharp.Data.GraphQL's `src/FSharp.Data.GraphQL.Server`, whose files had been one-module packages)
MANIFEST_SUFFIXES = (".gemspec", ".csproj", ".fsproj", ".cabal")
MANIFESTS = {"package.json", "pyproject.toml", "setup.py", "setup.cfg", "go.mod", "Cargo.toml", "pom.xml",
             "build.gradle", "build.gradle.kts", "Gemfile", "deps.edn", "project.clj", "__init__.py", "mix.exs",
             "pubspec.yaml",  # a Dart package
             "dune",  # an OCaml library's or executable's build (dune's `src/dune_rules/dune`)
             "composer.json", "Package.swift", "build.sbt", "conanfile.py",  # conanfile.py: a Conan recipe
             "CMakeLists.txt",  # a C or C++ component: fluent-bit's plugins/<name>
             "mrbgem.rake",  # an mruby gem: mruby's 68 `mrbgems/mruby-*`
             "project.json",  # an Nx project: lerna's `libs/commands/*`, which have no package.json
             "ivy.xml",  # an Apache Ivy module: nutch's 78 `src/plugin/*`, each built by Ant
             "Makefile.PL", "Build.PL", "dist.ini",  # a Perl distribution (Perl's own `dist/*`, `ext/*`)
             "action.yml", "action.yaml"}  # a GitHub Action (vscode-github-triage-actions' 30 `*/action.yml`)
# a Nextcloud or ownCloud app's manifest, in its `appinfo/` (ownCloud's twelve `apps/*`)
APP_MANIFEST = ["appinfo", "info.xml"]
# an OSGi bundle's, in its `META-INF/`, its folder named for it (Eclipse's plugins, built by Tycho with
# no pom.xml of their own: m2e-core's 28 `org.eclipse.m2e.*` had been read only beside its tests'
# fleets); not a jar unpacked, its folder named for its version (mina-sshd's `tomcat-apr-5.5.23-sources`)
BUNDLE_MANIFEST = ["META-INF", "MANIFEST.MF"]
BUNDLE_NAME = re.compile(r"[A-Za-z]\w*(?:\.[A-Za-z]\w*)+")
# a C or C++ component's build beside its sources, where no CMakeLists.txt is: micropython's
# twenty `ports/<port>` (esp32, stm32, rp2, unix …), each with its Makefile and its main.c
# and the fragment of a non-recursive automake build a folder keeps (FRR's `lib/subdir.am`); not
# `Makefile.am`, which any folder of a recursive build has: OpenSC's `src/*` would be ten packages,
# its 121 `src/libopensc/*.c` card drivers and emulators inside one, nothing compared
C_BUILDS = {"Makefile", "makefile", "GNUmakefile", "meson.build", "subdir.am"}
C_BUILT = 5  # folders of C sources with a Makefile of their own that make their folder a fleet (micropython's ports/*)
# a Python program's pins beside its modules, no package's manifest: PLUGIN_FLEET of them side by
# side are a fleet (Cortex-Analyzers' 156 `analyzers/*`, each a script and its requirements.txt),
# fewer a program's parts (capa's `web/rules` beside its `web/explorer`)
PROGRAM_PINS = "requirements.txt"
# a plugin's own manifest, no package's: PLUGIN_FLEET side by side are a fleet (Cockpit's 14
# `pkg/<page>/manifest.json`, a browser extension's); one is a web app's (`public/manifest.json`)
PLUGIN_MANIFEST = "manifest.json"
NOT_SUBSYSTEMS = {"test", "tests", "t", "__tests__", "spec", "specs", "fixtures", "__fixtures__", "docs", "doc",
                  "examples", "example", "samples", "sample", "docs_src", "playground", "playgrounds", "sandbox",
                  "sandboxes",
                  # project scaffolds, each copied whole on purpose (a "template" plugin is code)
                  "templates", "starters",
                  "scripts", "bench", "benchmark", "e2e", "typings", "demo", "demos", *EXCLUDABLE["benchmarks"],
                  "eng",  # .NET's Arcade SDK keeps a repository's build and CI tooling there
                  "hack",  # and Kubernetes' projects theirs (cluster-api's `hack/tools`, its verify scripts)
                  "step_definitions",  # Cucumber's steps (activeadmin's `features/step_definitions/*.rb`)
                  # always excluded: a fleet there would hold no file (pulumi's `testdata/policies/*`)
                  *EXCLUDABLE["vendored"], *EXCLUDABLE["migrations"], *EXCLUDABLE["fixtures"]}
FLUTTER_PLATFORMS = {"android", "ios", "linux", "macos", "windows", "web"}
MIN_PACKAGES = 2  # a folder with fewer package-like sub-folders is not a fleet of packages
MODULE_FLEET = 20  # with no folder of packages, a folder holding this many modules: one-module packages
# deep inside a package (layout.DEEP), a few sub-packages are its own parts, not a fleet: from
# this many they are one (and so are a folder's Go packages, at any depth: go_layout.py)
DEEP_PACKAGES = 10
PLUGIN_FLEET = 10  # as many, in a folder named for what plugs in (celery's 18 `backends/*.py`)
MIN_PLUGIN_NAME = 4  # a folder named for its plugins: so long in the singular at least (not `ids`, `ops`)
PLUGIN_FOLDERS = {"drivers", "plugins", "providers", "backends", "integrations", "adapters", "connectors",
                  "rules", "exporters", "receivers", "importers", "addons", "handlers", "modules", "sinks",
                  "sources", "transforms", "contrib", "transports", "dialects", "collectors", "extractor", "extractors",
                  "diagrams", "engines", "checkers",  # module fleets anywhere (searxng's 251 `searx/engines/*.py`,
                  "isa", "generators",  # pylint's `checkers/*.py`, cranelift's instruction set backends), in any case
                  "dscresources",  # PowerShell DSC's: Microsoft365DSC's 392 `DSCResources/MSFT_*`
                  "spiders",  # Scrapy's, one per site: city-scrapers' 58 `city_scrapers/spiders/*.py`
                  # (.NET's and PHP's `Plugins/`, phpstan's `src/Rules/*`), and named in the singular (typeorm's
                  # `src/driver/*`, chef's `provider/*.rb`, spring's WebSocket `adapter/*.java`), but for the
                  # names the singular of which names one thing or a plain folder: `engine/` (sqlalchemy's,
                  # nushell's), `backend/` (an app's), `integration/` (tests), `plugin/` (a plugin API),
                  # `transport/` (kratos' transport layer, beside its grpc and http)
                  "driver", "provider", "adapter", "connector", "importer", "addon", "dialect", "collector"}
# of those, the names whose sub-folders are plugins too, manifest or not (not React's context
# `providers/`, an app's request `handlers/`, a linter's `rules/` helpers, a bundler's `modules/`,
# rails' five groups of `generators/`, unless there are PLUGIN_FLEET of them: stylelint's 151
# `lib/rules/<rule>/`, generator-jhipster's 38 Yeoman `generators/<name>/`)
PLUGIN_PACKAGES = PLUGIN_FOLDERS - {"providers", "provider", "handlers", "rules", "modules", "generators"}
# whose sub-folders holding code are packages from PLUGIN_FLEET of them, manifest or not: those
# named for what plugs in, and an automation tool's integrations, automatisch's 92
# `backend/src/apps/<app>/` (never its modules: an API's routes for apps, `v1/apps/get-app.js`)
CROWDED_FOLDERS = PLUGIN_FOLDERS | {"apps"}
# and for Python modules, `hooks/`: an agent's instrumentation, a module per library (newrelic's
# 120 `newrelic/hooks/*.py`); a JavaScript app's `hooks/` holds its own React hooks, no plugins
PYTHON_PLUGIN_FOLDERS = {"hooks"}
# and for C sources, `p/` alone: radare2's and rizin's plugins, a file each (`libr/bin/p/bin_elf.c`:
# 185 of them in radare2's), which had been inside one package, their copies uncounted (a C folder
# is one package; nginx's `src/http/modules/*.c` are read as a lone library's parts already)
C_PLUGIN_FOLDERS = {"p"}
# in a folder name: suites, not a fleet
TEST_WORDS = {"test", "tests", "itest", "itests", "fuzz", "e2e", "spec", "specs", "testing", "regress"}
TEST_PREFIXES = ("testproject", "testapp", "testsuite", "testcase", "testutil", "testdir")  # one word: `testprojects`
# a folder named for a version (semconv/v1.20.0): a frozen copy, never part of a fleet (versions)
VERSION_NAME = re.compile(r"v?\d+(?:[._]\d+)*(?:(?:alpha|beta|rc)\d*)?", re.IGNORECASE)  # v1.20.0, 2_0, v1beta1
PREFIXED_VERSION = re.compile(r"(.+?)[-_]v?\d+(?:\.\d+)+")  # `adapter-1.21.4`, `jaxrs-2.0`
VERSION_LAST = re.compile(r"v\d+(?:(?:alpha|beta|rc)\d*)?$", re.IGNORECASE)  # a name ending so: `upstreamv1beta3`


def left_in(sources: list[str], excludes: tuple[tuple[str, str, int], ...]) -> list[str]:
    """The sources these excludes (and the dependency folders) leave."""
    excluded = any_glob(tuple(glob for glob, _, _ in excludes) + ("**/node_modules/**", "**/vendor/**"))
    return [f for f in sources if not excluded(f)]


def in_no_package(globs: tuple[tuple[str, int], ...], sources: list[str]) -> list[str]:
    inside = any_glob(tuple(beneath(glob) for glob, _ in globs))
    return [f for f in sources if not inside(f)]


def beneath(glob: str) -> str:
    """The files a subsystem glob holds: a module glob's, or everything below the folders it matches."""
    glob = anchored(glob)
    return glob if "." in glob.rpartition("/")[2].lstrip(".") else glob + "/**"


def anchored(glob: str) -> str:
    """A subsystem glob as discovery reads it, from the top of the tree: `*.cpp` names the files
    at the top (OpenRGB's 14), not every `.cpp` below, as a glob of no folder would match (its
    721 `Controllers/` files had been taken as held, and so left unread)."""
    return glob if "/" in glob.rstrip("/") or glob.startswith("/") else "/" + glob


def within(folder: str, other: str) -> bool:
    """`other` is below `folder` ("" is the top: everything is below it)."""
    return not folder or other.startswith(folder + "/")


def not_fleet(folder: str) -> bool:
    """A folder whose contents are never the fleet's packages: tests, examples, vendored code."""
    return folder.lower() in NOT_SUBSYSTEMS or folder.startswith(".")


def flutter_runner(parts: list[str], depth: int, listed: Collection[str]) -> bool:
    """`parts[depth]` is a Flutter app's platform runner, the `android/`, `ios/`, `windows/` …
    `flutter create` writes beside the app's pubspec.yaml (a Gradle build, a CMakeLists.txt):
    the shell its Dart code runs in, no package of it (fluffychat's three had been its only
    packages, its `lib/`, 228 files, none)."""
    return parts[depth] in FLUTTER_PLATFORMS and "/".join((*parts[:depth], "pubspec.yaml")) in listed


def inside_tests(parts: tuple[str, ...]) -> bool:
    """Folders below a package's group that make what they hold no part of the fleet."""
    return suites(parts) or any(map(not_fleet, parts))


def suites(parts: tuple[str, ...]) -> bool:
    """A folder of test suites (`e2e-tests/test-applications`, pants' `testprojects`): its
    sub-folders are no fleet."""
    return any(word in TEST_WORDS or word.startswith(TEST_PREFIXES)
               for part in parts for word in part.lower().replace("-", "_").split("_"))


def is_go_source(name: str) -> bool:
    return name.endswith(".go") and not name.endswith("_test.go")


def go_ignored(parts: list[str]) -> bool:
    """A Go file the go command never builds: in a folder starting with `_` (dd-trace-go's
    `internal/orchestrion/_integration`, its test programs; `_examples`)."""
    return parts[-1].endswith(".go") and any(part.startswith("_") for part in parts[:-1])


def versions(packages: set[str]) -> bool:
    """Packages mostly named for versions (opentelemetry-go's `semconv/v1.20.0` … `v1.43.0`,
    `apis/v1beta1`; WorldEdit's Bukkit adapters `adapter-1.21.4` … `adapter-26.2`, each built
    against its Minecraft version): each version is a frozen copy, kept on purpose as a
    migration is, so neither its folder nor any folder inside a version is a fleet."""
    return len(_versions(packages)) * 2 >= len(packages)


def frozen(folders: set[str]) -> bool:
    """Versions side by side, two or more (`semconv/v1.20.0`, `v1.21.0`); one is a Go module's
    major version beside other code (etcd's `client/v3` beside `client/pkg`)."""
    return len(_versions(folders)) >= MIN_PACKAGES and versions(folders)


def _versions(folders: set[str]) -> list[str]:
    """The names of `folders` that are versions: bare (`v1.20.0`), or a dotted one after a name
    another of them has too (`adapter-1.21.4` beside `adapter-1.21.5`)."""
    names = [f.rpartition("/")[2] for f in folders]
    prefixed = Counter(found.group(1) for found in map(PREFIXED_VERSION.fullmatch, names) if found)
    return [name for name in names if VERSION_NAME.fullmatch(name)
            or (found := PREFIXED_VERSION.fullmatch(name)) and prefixed[found.group(1)] >= MIN_PACKAGES]


def helper_folders(folder: str, sources: list[str]) -> tuple[tuple[str, int], ...]:
    """`folder/*` beside a fleet of `folder`'s modules when sub-folders of it hold code: the
    helpers those modules share (eslint's `lib/rules/utils/`, which every rule requires), so
    their home; never a private, test or fixture folder."""
    prefix = folder + "/"
    helpers = {f[len(prefix):].partition("/")[0] for f in sources if f.startswith(prefix) and "/" in f[len(prefix):]}
    helpers = {h for h in helpers if not h.startswith("_") and not inside_tests((h,))}
    return ((f"{folder}/*", len(helpers)),) if helpers else ()


def declared_plugin_folders(sources: list[str]) -> frozenset[str]:
    """Folders named in the plural for their plugins, beside the interface or base class each
    plugs in as: `I<one>`, `<one>Base`, `Base<one>` or `Abstract<one>`, in the folder or the one
    above, `<one>` its name in the singular, alone or after the folder above's (Sonarr's
    `Notifications/` with `INotification.cs`, `Download/Clients/` under
    `Download/IDownloadClient.cs`, Jackett's `Indexers/` with `IIndexer.cs`, a `handlers/` with
    `base_handler.py`). An application's folders are no packages by name; these say they are."""
    stems: dict[str, set[str]] = {}
    for f in sources:
        folder, _, name = f.rpartition("/")
        stems.setdefault(folder, set()).add(_plain(name.partition(".")[0]))
    folders = {"/".join(parts[:end]) for parts in (f.split("/") for f in sources) for end in range(1, len(parts))}
    return frozenset(folder for folder in folders if _declares(folder, stems))


def _declares(folder: str, stems: dict[str, set[str]]) -> bool:
    above, _, name = folder.rpartition("/")
    one = _singular(_plain(name))
    if len(one) < MIN_PLUGIN_NAME:
        return False
    ones = {one, _plain(above.rpartition("/")[2]) + one} if above else {one}
    declaring = {f"i{o}" for o in ones} | {f"{o}base" for o in ones} | {f"base{o}" for o in ones} \
        | {f"abstract{o}" for o in ones}
    return not declaring.isdisjoint(stems.get(folder, set()) | stems.get(above, set()))


def _plain(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _singular(name: str) -> str:
    """`strategies` → `strategy`, `indexers` → `indexer`; a name not in the plural, none."""
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else ""


def is_manifest(name: str, folder: str = "") -> bool:
    """A package's manifest; in `folder`, also the PHP plugin's file named after it (Matomo's
    `plugins/Goals/Goals.php`, as WordPress's and PrestaShop's plugins have)."""
    return name in MANIFESTS or name.endswith(MANIFEST_SUFFIXES) or name == f"{folder}.php"


def holds_manifest(parts: list[str], depth: int) -> bool:
    """Whether a file (its path's `parts`) is the manifest of the folder `parts[:depth + 1]`, beside
    its code or in a folder of its own (an app's, a bundle's)."""
    if len(parts) == depth + 2:
        return is_manifest(parts[-1], parts[depth])
    return len(parts) == depth + 3 and (parts[-2:] == APP_MANIFEST or parts[-2:] == BUNDLE_MANIFEST
                                        and BUNDLE_NAME.fullmatch(parts[depth]) is not None)


def named_module(name: str, folder: str) -> bool:
    """A TypeScript or JavaScript module named after its folder, as a plugin's main module is
    (Flowise's nodes, `chatmodels/ChatOpenAI/ChatOpenAI.ts`), or a NestJS or Angular module
    declaring the feature its folder holds (teable's `features/auth/auth.module.ts`); many side
    by side make a fleet."""
    return name in (f"{folder}.ts", f"{folder}.js", f"{folder}.module.ts")


# modules any folder of an app may hold: their being side by side says nothing of what the
# folders are
COMMON_MODULES = {"index", "types", "type", "constants", "const", "styles", "style", "utils", "util", "helpers",
                  "config", "README"}


def entry_module(name: str) -> bool:
    """A JavaScript, TypeScript or Python module that folders side by side each hold under one
    name, the entry point their host calls (echarts' 22 `src/chart/<type>/install.ts`, 22 of its
    25 `src/component/<name>/install.ts`; text-generation-webui's 13 `extensions/*/script.py`),
    or a PHP controller so (concrete's 60
    `blocks/<block>/controller.php`; a PHP app's pages, phpipam's 22 `app/admin/*/edit.php`,
    are no plugins): from PLUGIN_FLEET of them, half of their folder's at least, those folders
    are plugins. Not a module any folder of an app holds (COMMON_MODULES), nor a test or a
    declaration."""
    stem, _, suffix = name.partition(".")
    return suffix in ("ts", "js", "mjs", "tsx", "jsx", "py") and stem not in COMMON_MODULES or name == "controller.php"


def build_manifest(name: str) -> bool:
    """A package's manifest that a build reads (package.json, pom.xml, a .csproj …), not Python's
    `__init__.py`, which any folder of modules has."""
    return name != "__init__.py" and is_manifest(name)


# languages whose files a project's build compiles together, the project one assembly or module:
# a folder of them inside a project is the project's classes, no fleet of one-module packages
# (MonoGame's `MonoGame.Framework/Graphics/Vertices/*.cs`, six vertex structs as six consumers)
PROJECT_LANGUAGES = ("csharp", "fsharp", "java", "kotlin", "scala")


def project_classes(glob: str, projects: Collection[str]) -> bool:
    """`glob` names files of a PROJECT_LANGUAGES inside a project: `folder/*.cs` at or below a
    folder holding a `.csproj`."""
    folder = glob.rpartition("/")[0]
    return language_for(glob) in PROJECT_LANGUAGES and any(p == folder or within(p, folder) for p in projects)


def builds_sources(parts: list[str], depth: int, sources: frozenset[str]) -> bool:
    """A source file in `<module>/src/main/`, the JVM builds' layout, makes <module> (parts up to
    `depth`) a module: sbt and Gradle declare theirs in one build file at the top (pekko's
    `actor`, `stream`, `cluster`), so no manifest of their own marks them. A module built for
    several platforms keeps each one's sources in a folder named for it, `<module>/jvm/src/main/`,
    `<module>/shared/…` (sbt-crossproject: http4s' `core/jvm`, `core/js`, `core/native`): those
    are the module's, never modules of their own, whose platform copies would be consumers."""
    if len(parts) > depth + 1 and parts[depth + 1] in CROSS_PLATFORMS:
        return parts[depth + 2:depth + 4] == ["src", "main"] and "/".join(parts) in sources
    return parts[depth + 1:depth + 3] == ["src", "main"] and parts[depth] not in CROSS_PLATFORMS \
        and "/".join(parts) in sources


# the folders of a cross-built module's platforms (sbt-crossproject, Mill): `shared`, `jvm`, `js`,
# `native`, and those shared by two, `js-jvm`, `jvm-native`
CROSS_PLATFORMS = frozenset({"shared", "jvm", "js", "native", "js-jvm", "jvm-js", "jvm-native", "native-jvm",
                             "js-native", "native-js"})


def plugin_folder(folder: str, suffix: str) -> bool:
    """Whether `folder` is named for what plugs in, for modules of this suffix (`py`, `ts` …)."""
    name = folder.rpartition("/")[2].lower()
    return (name in PLUGIN_FOLDERS or suffix == "py" and name in PYTHON_PLUGIN_FOLDERS
            or suffix == "c" and c_plugins(folder))


def c_plugins(folder: str) -> bool:
    """A folder of C plugins, a file each: radare2's `libr/bin/p/`, or, inside one, a kind's
    folder (rizin's `librz/arch/p/asm/`) or one plugin's (radare2's `libr/arch/p/arm/`), which
    plugins_of tells apart."""
    above, _, name = folder.rpartition("/")
    return name in C_PLUGIN_FOLDERS or above.rpartition("/")[2] in C_PLUGIN_FOLDERS


def plugins_of(folder: str, glob: str, sources: Collection[str]) -> bool:
    """Whether a fleet of modules in a folder named for what plugs in is its plugins, one a
    module: not the framework of their kind, which names it first (nifi's `connector/`,
    ConnectorNode, ConnectorRepository …: names_its_kind_first); but inside radare's `p/`, a
    kind's folder is plugins when they name it first (rizin's `p/asm/asm_arm.c`), one plugin's
    parts when not (radare2's `p/arm/armass.c` …)."""
    if not c_plugins(folder):
        return not names_its_kind_first(glob, sources)
    return folder.rpartition("/")[2] in C_PLUGIN_FOLDERS or names_its_kind_first(glob, sources)


def names_its_kind_first(glob: str, sources: Collection[str]) -> bool:
    """Most modules `glob` matches name the kind their folder is named for, then more words:
    the framework of that kind, its interfaces and their standard implementations, not plugins
    (nifi's `components/connector/`: ConnectorNode, ConnectorRepository, StandardConnectorNode;
    its plugins' names end with the kind, if they carry it at all: MapInboundAdapter)."""
    folder = glob.rpartition("/")[0]  # of its modules, `folder/*.java`, or of their helpers, `folder/*`
    name = _plain(folder.rpartition("/")[2])
    kind = _singular(name) or name
    stems = [_plain(name.partition(".")[0]) for f in sources
             for parent, _, name in (f.rpartition("/"),) if parent == folder]
    naming = sum(1 for stem in stems if kind in stem and any(
        c.isalpha() for c in stem[stem.find(kind) + len(kind):]))
    return naming * 2 > len(stems)


def covered(folder: str, globs: tuple[tuple[str, int], ...]) -> bool:
    """Whether a glob lists `folder` or a folder above it, or names files in it: node_exporter's
    `collector/`, no package of any fleet, is not; juicefs' `pkg/object`, one of `pkg/*`, is."""
    parts = folder.split("/")
    return any(glob_match(anchored(glob), f"{folder}/x.go") if names_files(glob)
               else any(glob_match(anchored(glob), "/".join(parts[:depth])) for depth in range(1, len(parts) + 1))
               for glob, _ in globs)
