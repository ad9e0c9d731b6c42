"""Folders a file in them marks as no part of the project's own code, whatever they are named:
an Alembic environment's `script.py.mako`, a Frappe app's `patches.txt`, a folder named for the
version a migration brings the schema to, an npm package's `scripts/` its manifest runs, the PHP
files a composer.json's scripts run, stories, a .NET test project's file, a Sphinx `conf.py`, a
Docusaurus config, a manual test's page, shadcn's `components.json` beside a component registry,
JavaScript whose TypeScript source sits in a sibling folder, a tutorial's numbered steps holding
the same files, a code generator's templates (a .NET project template's too), Karma's entry beside
its configuration, the CPAN distributions a Perl tree copies, and a Maven module's pom.xml whose
own code drives a browser or an app under test. (What a code generator wrote, told by the tool's
own files, is generator_outputs.py's.)
excludes.py writes an exclude for each (layout.py npm_tooling's, composer_tooling's and
ui_test_suites'); the counts are the source files each keeps out (`held`)."""
from __future__ import annotations

import fnmatch
import posixpath
import re
from collections import Counter, defaultdict
from pathlib import Path

from radar.commands.tracked import file_head
from radar.stages.generated import COMPILED_FILES, COMPILED_SHARE
from radar.stages.manifests import json_of
from radar.stages.languages import language_for

MANUAL_PAGE = ".manual.html"  # a manual test's page, beside the script it runs (manual_tests)
MANUAL_SHARE = 0.8  # of the source files under folders of one name with such pages: manual tests
REGISTRY_STYLES = 2  # a registry's styles (`default/ui/`, `new-york/ui/`) that mark it, with no components.json
REGISTRY_CONFIG = "components.json"  # shadcn's configuration of an app whose `registry/` it serves


def compiled_mirrors(sources: list[str]) -> list[tuple[str, int]]:
    """Folders of JavaScript compiled from a sibling folder of TypeScript and committed beside it,
    whatever their names: COMPILED_SHARE of their `.js` files or more have a `.ts` of the same
    path in the sibling (ethers' `lib.commonjs/` and `lib.esm/`, 1,464 files, from `src.ts/`:
    each provider read three times, its `lib.commonjs` copy the first proposal)."""
    below: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"js": set(), "ts": set()})
    for f in sources:
        stem, _, suffix = f.rpartition(".")
        kind = "js" if suffix in ("js", "mjs", "cjs") else "ts" if suffix in ("ts", "mts", "cts") and \
            not stem.endswith(".d") else None
        if kind is None:
            continue
        parts = stem.split("/")
        for at in range(len(parts) - 1):  # each folder above the file: its path inside it
            below["/".join(parts[:at + 1])][kind].add("/".join(parts[at + 1:]))
    children: dict[str, list[str]] = defaultdict(list)
    for folder in below:
        children[folder.rpartition("/")[0]].append(folder)
    found = []
    for folder, held in sorted(below.items()):
        compiled = held["js"]
        if len(compiled) < COMPILED_FILES:
            continue
        siblings = (other for other in children[folder.rpartition("/")[0]] if other != folder)
        if any(len(compiled & below[other]["ts"]) >= COMPILED_SHARE * len(compiled) for other in siblings):
            found.append((folder, len(compiled)))
    return [(folder, n) for folder, n in found if not any(folder.startswith(f"{other}/") for other, _ in found)]


def copied_sources(sources: list[str]) -> list[tuple[str, int]]:
    """Folders beside a `src/` holding its source files again, path for path (COMPILED_SHARE of
    theirs or more, from COMPILED_FILES): its build's output, committed (mkdocs-material's
    `material/`, `src/` copied, its twelve plugins each read twice; Babel's `lib/` beside `src/`)."""
    parents = {f[:at] for f in sources for at in _src_at(f)}  # folders holding a `src/` ("" the top)
    held: dict[tuple[str, str], set[str]] = defaultdict(set)  # (parent, child folder) -> paths inside
    for f in sources:
        parts = f.split("/")
        for depth in range(len(parts) - 1):
            parent = "/".join(parts[:depth])
            if parent in parents:
                held[(parent, parts[depth])].add("/".join(parts[depth + 1:]))
    found = []
    for (parent, folder), paths in sorted(held.items()):
        n = len(paths & held.get((parent, "src"), set())) if folder != "src" else 0
        if n >= COMPILED_FILES and n >= COMPILED_SHARE * len(paths):
            found.append((f"{parent}/{folder}" if parent else folder, n))
    return found


def _src_at(path: str) -> list[int]:
    """Where a folder holding a `src/` ends in `path`: the index of each `src/` in it, less its slash."""
    starts = [0] if path.startswith("src/") else []
    return starts + [at for at in range(len(path)) if path.startswith("/src/", at)]


def alembic_environments(files: list[str], sources: list[str]) -> list[tuple[str, int]]:
    """Alembic's migration environments, a folder each holding its `script.py.mako` template
    beside `env.py` and `versions/`, whatever the folder's name (ckan's extensions'
    `migration/<extension>/`: their `env.py` x 4 were its first proposal; optuna's `alembic/`)."""
    found = []
    for folder in sorted({f[:-len("/script.py.mako")] for f in files if f.endswith("/script.py.mako")}):
        n = held(folder, sources)
        if n:
            found.append((folder + "/**", n))
    return found


def frappe_patches(files: list[str], sources: list[str]) -> list[tuple[str, int]]:
    """A Frappe app's patches, the `patches/` folders inside the app whose `patches.txt` lists
    them, run once each on an upgrade (hrms' `patches/post_install/*.py`, helpdesk's 35
    `patches/*.py` and its doctypes' `hd_ticket/patches/`: one-module packages before)."""
    found = []
    for app in sorted({f[:-len("/patches.txt")] for f in files if f.endswith("/patches.txt")}):
        glob = f"{app}/**/patches/**"
        n = sum(f.startswith(app + "/") and "/patches/" in f[len(app):] for f in sources)
        if n:
            found.append((glob, n))
    return found


SCHEMA_VERSION = re.compile(r"v[0-9][^/]*_[0-9][^/]*")  # Doctrine's in Oro's bundles: `v1_6`, `v2_0_1`


def versioned_migrations(sources: list[str]) -> list[tuple[str, int]]:
    """A folder named for migrations holding a folder named for the version it brings the schema to,
    as Oro's bundles' `Migrations/` hold `Schema/v1_6/`: all of it, the versions, the installer
    beside them (the schema as of the last, run instead of them on a fresh install: crm's copied
    foreign keys x 9 had been its second proposal) and the data migrations `Data/ORM/`, each run
    once. Not an API's version (`migration/v1alpha1`)."""
    folders = set()
    for f in sources:
        parts = f.split("/")
        version = next((at for at, part in enumerate(parts[:-1]) if SCHEMA_VERSION.fullmatch(part)), 0)
        named = [at for at in range(version) if "igration" in parts[at]]
        if named:
            folders.add("/".join(parts[:named[-1] + 1]))
    return [(folder + "/**", n) for folder, n in sorted(held_outermost(folders, sources).items())]


# a package's own `scripts/` folder as its npm scripts run it (`node scripts/build.mjs`), not a
# folder above (`../../scripts/`) nor one inside (`src/scripts/`, a web app's code)
NPM_RUN_SCRIPTS = re.compile(r"(?<![\w./-])(?:\./)?scripts/")


# a Maven module's dependency, and what drives a browser or an app under test (Selenium, Appium's
# `java-client`, Selenide, Playwright) or runs the tests (TestNG, JUnit, Cucumber)
POM_DEPENDENCY = re.compile(rb"<dependency>(.*?)</dependency>", re.DOTALL)
POM_ARTIFACT = re.compile(rb"<artifactId>\s*([\w.-]+)\s*</artifactId>")
UI_DRIVERS = frozenset({b"selenium-java", b"java-client", b"selenide", b"playwright"})
TEST_RUNNERS = frozenset({b"testng", b"junit", b"junit-jupiter", b"junit-jupiter-api", b"cucumber-java"})


def ui_test_suites(repo: Path, files: list[str]) -> tuple[tuple[tuple[str, str, int], ...], list[str]]:
    """An exclude for each Maven module whose own code, not its test scope, depends on a driver of
    a browser or an app under test and on a test runner: a suite of UI tests kept in `src/main`
    (inji-wallet's `injitest/`, Appium and Selenium run by TestNG, whose page objects' copied header
    checks had been its only proposal); and the pom.xml files read. A crawler driving a browser,
    with no test runner, is code."""
    poms = [f for f in files if f.rpartition("/")[2] == "pom.xml" and "/" in f]
    sources = [f for f in files if language_for(f)] if poms else []
    found = []
    for pom in poms:
        compiled = {artifact for block in POM_DEPENDENCY.findall(file_head(repo, pom))
                    if b"<scope>test</scope>" not in block for artifact in POM_ARTIFACT.findall(block)[:1]}
        if compiled & UI_DRIVERS and compiled & TEST_RUNNERS:
            folder = pom.rpartition("/")[0]
            found.append((f"{folder}/**", "tests", held(folder, sources)))
    return tuple(found), poms


def npm_tooling(repo: Path, manifests: list[str], files: list[str]) -> tuple[tuple[str, str, int], ...]:
    """An exclude per npm package's `scripts/` folder that its own npm scripts run: its build
    and release tooling, copied from package to package (CopilotKit's Angular, React and Vue
    packages' `scripts/scope-preflight.mjs`, 100 lines each, had been its first proposal once its
    showcase apps were kept out; langgraphjs' `libs/*/scripts/build.mjs`)."""
    sources = [f for f in files if language_for(f)]
    found = []
    for manifest in set(manifests).intersection(files):  # none in a folder kept out already
        fields = json_of(repo / manifest) if manifest.endswith("package.json") else None
        runs = fields.get("scripts") if isinstance(fields, dict) else None
        if not isinstance(runs, dict) or not any(isinstance(run, str) and NPM_RUN_SCRIPTS.search(run)
                                                 for run in runs.values()):
            continue
        folder = manifest.rpartition("/")[0]
        scripts = f"{folder}/scripts" if folder else "scripts"
        n = held(scripts, sources)
        if n:
            found.append((scripts + "/**", "the developers' own scripts", n))
    return tuple(sorted(found))


# a PHP file a Composer script runs: `php run.php -c phpunit.xml`, `@php bin/parserTests.php`
COMPOSER_RUNS = re.compile(r"(?:^|[\s;&|])@?php\s+(?:-\S+\s+)*([\w./-]+\.php)\b")


def composer_tooling(repo: Path, files: list[str]) -> tuple[tuple[str, str, int], ...]:
    """An exclude per PHP file a package's composer.json scripts run with `php`, beside it: its
    test runner or build tooling (swoft-component's components each run PHPUnit's runner copied
    as `run.php`: nine copies, its first proposal; mediawiki-services-parsoid's
    `bin/parserTests.php`). A script naming a file without running it leaves it code."""
    tracked = set(files)
    found = set()
    for manifest in (f for f in files if f.rpartition("/")[2] == "composer.json"):
        fields = json_of(repo / manifest)
        runs = fields.get("scripts") if isinstance(fields, dict) else None
        commands = [command for run in (runs.values() if isinstance(runs, dict) else ())
                    for command in (run if isinstance(run, list) else [run]) if isinstance(command, str)]
        folder = manifest.rpartition("/")[0]
        found.update(path for command in commands for script in COMPOSER_RUNS.findall(command)
                     if (path := posixpath.normpath(posixpath.join(folder, script))) in tracked)
    # a glob with no inner `/` names the file at any depth: `/run.php` is the one at the top
    return tuple((path if "/" in path else "/" + path, "the developers' own scripts", 1) for path in sorted(found))


# Storybook's stories and Histoire's (`Label.story.vue`): each a component shown in its states, set
# up by hand beside it (langfuse's 134, whose copied series factory, with two tests', had been its
# first proposal; reka-ui's 151)
STORIES = ("*.stories.*", "*.story.*")


def story_folders(sources: list[str]) -> Counter:
    """A `story/` or `stories/` folder holding stories (`*.story.*`, `*.stories.*`): all of it, the
    components they render among them (reka-ui's 69 `story/_DummyDatePicker.vue` …: their copies
    had been its third proposal), with the source files it holds. A folder so named without
    stories is code (a news app's `stories/`)."""
    folders = {folder for folder in (f.rpartition("/")[0] for f in sources
                                     if any(fnmatch.fnmatchcase(f.rpartition("/")[2], named) for named in STORIES))
               if folder.rpartition("/")[2] in ("story", "stories")}
    return Counter({(folder + "/**", "examples"): n for folder, n in held_outermost(folders, sources).items()})


# a tutorial's step, numbered and named (`0-contracts`, `12_routing`) or named a step (`step-3`,
# `lesson02`); not a number alone, a test case's (babel's `fixtures/flow/iterator/1/`), nor a
# version (science-apis' `transforms/SBML/1.2/`, `2.4.1/`, `3.1/`)
TUTORIAL_STEP = re.compile(r"(?:step|lesson|chapter|ch|exercise|lab)[-_]?(\d+)(?:[-_.][^/]*)?|(\d+)[-_][a-z][^/]*",
                           re.IGNORECASE)
TUTORIAL_STEPS = 3  # numbered folders side by side, from this many, that make a tutorial


def tutorial_steps(sources: list[str]) -> list[tuple[str, int]]:
    """A folder whose sub-folders are a tutorial's steps, numbered one after the other from 0 or 1,
    holding the same files: each step the code as of that step, a copy of the one before with one
    change, kept so on purpose (neo-one's course, `0-contracts/` to `7-transfer/` each with its
    `one/contracts/Token.one.ts`: its first three proposals). Numbered folders holding different
    code (a pipeline's `1-ingest/`, `2-enrich/`) are code; so is the top of a repository."""
    steps: defaultdict = defaultdict(lambda: defaultdict(list))  # folder -> sub-folder -> its files
    for f in sources:
        parts = f.split("/")
        for at in range(1, len(parts) - 1):
            steps["/".join(parts[:at])][parts[at]].append("/".join(parts[at + 1:]))
    folders = {folder for folder, below in steps.items() if _numbered(list(below)) and _same_files(below)}
    return [(folder + "/**", n) for folder, n in sorted(held_outermost(folders, sources).items())] \
        + _earlier_steps_at_the_top(sources)


def _earlier_steps_at_the_top(sources: list[str]) -> list[tuple[str, int]]:
    """A repository whose top folders are a tutorial's or a book's steps, most of its code in them
    (eda-with-golang's chapters `ch3/` to `ch13/`, each the last one's code and one change: its
    first proposals had been each chapter's copy of the one before): every step but the last, the
    code as the tutorial ends."""
    below: defaultdict = defaultdict(list)  # a top folder named as a step -> its files
    for f in sources:
        top, _, rest = f.partition("/")
        if rest and TUTORIAL_STEP.fullmatch(top):
            below[top].append(rest)
    if 2 * sum(map(len, below.values())) <= len(sources) or not (_numbered(list(below)) and _same_files(below)):
        return []
    last = max(below, key=_step_number)
    return [(f"{step}/**", len(files)) for step, files in sorted(below.items()) if step != last]


def _step_number(name: str) -> int:
    match = TUTORIAL_STEP.fullmatch(name)
    return int(match.group(1) or match.group(2))


def _numbered(names: list[str]) -> bool:
    """Whether the names are steps numbered one after the other, from 0 or 1 where they are
    numbers alone (`3-…` to `7-…` are a pipeline's stages as often); a book's chapters with code
    may start anywhere (`ch3` to `ch13`)."""
    matches = [TUTORIAL_STEP.fullmatch(name) for name in names]
    if len(names) < TUTORIAL_STEPS or not all(matches):
        return False
    numbers = sorted(_step_number(name) for name in names)
    named = all(match.group(1) for match in matches)
    return (named or numbers[0] in (0, 1)) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _same_files(below: dict[str, list[str]]) -> bool:
    """Most of the steps' files have a path another step has too."""
    counts = Counter(path for paths in below.values() for path in paths)
    return 2 * sum(n for n in counts.values() if n > 1) >= sum(counts.values())


# a code generator's templates (blitz's `packages/generator/templates/`, feathers' `generators/src/app/templates/`,
# crewAI's `crewai_cli/templates/`): code written into a user's project, copies of an app's on purpose
GENERATOR_FOLDERS = re.compile(r"generators?|scaffolds?|.*[-_]cli|cli|create-.*")  # npm's `create-quasar`


def generator_templates(sources: list[str], files: list[str] = ()) -> Counter:
    """`…/templates/**` below a folder named for a code generator (GENERATOR_FOLDERS) or beside
    a command line tool's `bin/` (quasar's `app-vite/templates`, what `quasar` writes into an
    app), with the source files each holds (caddy's `caddyhttp/templates`, an HTTP module, is
    code); and a Symfony bundle's generator skeletons, a `skeleton/` in its `Resources/`, PHP
    with Twig's placeholders (Kunstmaan's `Resources/SensioGeneratorBundle/skeleton/`: 128 files
    that did not parse; a UI's `skeleton/` loaders are code), and a Maven archetype's project,
    its `archetype-resources/` (infinispan's five archetypes: its custom module's `Attribute.java`
    had been among its first proposal's copies); and .NET's project templates, a folder holding
    `dotnet new`'s `.template.config/template.json` or a Visual Studio `*.vstemplate`
    (aws-lambda-dotnet's 95 blueprint templates, one per Visual Studio version, whose `Function.cs` x 4 had
    been its first proposal; botbuilder-dotnet's bot templates, its `Startup.Configure` x 4)."""
    found: Counter = Counter()
    for root in _dotnet_templates(files):
        held = sum(f.startswith(root + "/") for f in sources)
        if held:
            found[(root + "/**", "a generator's templates")] += held
    commands = {"/".join(parts[:at]) for parts in (f.split("/")[:-1] for f in files)
                for at, name in enumerate(parts) if name == "bin"}
    for parts in (f.split("/")[:-1] for f in sources):
        at = parts.index("templates") if "templates" in parts else -1
        if at >= 0 and "/".join(parts[:at]) in commands \
                or at > 0 and any(GENERATOR_FOLDERS.fullmatch(name.lower()) for name in parts[:at]):
            found[("/".join(parts[:at + 1]) + "/**", "a generator's templates")] += 1
        at = next((i for i in range(1, len(parts)) if parts[i] == "skeleton" and "Resources" in parts[:i]), -1)
        if at > 0:
            found[("/".join(parts[:at + 1]) + "/**", "a generator's templates")] += 1
        if "archetype-resources" in parts:
            found[("**/archetype-resources/**", "a generator's templates")] += 1
    return found


DOTNET_TEMPLATE = "/.template.config/template.json"


def _dotnet_templates(files: list[str]) -> list[str]:
    """The outermost folders below the top holding a .NET project template; none where the top
    holds one, a repository of templates, whose templates are its code (ardalis' CleanArchitecture
    and its `MinimalClean/`)."""
    rooted = ["/" + f for f in files]  # a template at the top of the tree ends as one below it does
    roots = sorted({(path[:-len(DOTNET_TEMPLATE)] if path.endswith(DOTNET_TEMPLATE) else path.rpartition("/")[0])
                    .removeprefix("/") for path in rooted if path.endswith((DOTNET_TEMPLATE, ".vstemplate"))})
    if "" in roots:
        return []
    return [root for root in roots if not any(root.startswith(other + "/") for other in roots)]


def cpan_distributions(sources: list[str]) -> Counter:
    """`cpan/**` where a `cpan/` folder holds CPAN distributions, `cpan/<Dist-Name>/lib/…`: Perl's
    own 74 whose upstream is CPAN, changed there first (MakeMaker's platform ports' copies had been
    its first proposals). Not a module of an app named so (webmin's `cpan/`, its page for Perl
    modules), nor a Perl namespace (`lib/CPAN/Meta.pm`)."""
    folders = {"/".join(parts[:at + 1]) for parts in (f.split("/") for f in sources)
               for at, name in enumerate(parts[:-3]) if name == "cpan" and parts[at + 2] == "lib"}
    return Counter({(f"{folder}/**", "vendored"): held(folder, sources) for folder in folders})


DOTNET_PROJECTS = (".csproj", ".fsproj", ".vbproj")
DOTNET_SUITES = ("Tests", "Test", "Specs", "Acceptance")  # a project name's last dotted part ending so
DOTNET_BENCHMARKS = ("Benchmarks", "Benchmark")


def dotnet_suites(files: list[str], sources: list[str]) -> list[tuple[str, str, int]]:
    """.NET test and benchmark projects by their project file's name, whatever their folder's:
    Ocelot's `unit/Ocelot.UnitTests.csproj`, `acceptance/Ocelot.Acceptance.csproj`,
    `manual/Ocelot.ManualTest.csproj` and `benchmark/Ocelot.Benchmarks.csproj` had been four of
    its six packages, beside `src`, the library."""
    found = []
    for project in sorted(f for f in files if f.endswith(DOTNET_PROJECTS) and "/" in f):
        folder, _, name = project.rpartition("/")
        last = name.rpartition(".")[0].rpartition(".")[2]
        why = "tests" if last.endswith(DOTNET_SUITES) else "benchmarks" if last.endswith(DOTNET_BENCHMARKS) else None
        n = held(folder, sources) if why else 0
        if n:
            found.append((folder + "/**", why, n))
    return found


JVM_BUILDS = ("pom.xml", "build.gradle", "build.gradle.kts")
BENCHMARK_MODULES = ("-benchmark", "-benchmarks")


def jvm_benchmarks(files: list[str], sources: list[str]) -> list[tuple[str, int]]:
    """A Maven or Gradle module named for benchmarks (liteflow's eight `liteflow-benchmark/*` JMH
    modules, read as code, PowerJob's `powerjob-remote-benchmark`): by its build file, so that a
    crate named so stays read (fluvio's `fluvio-benchmark`, its command line's `benchmark`)."""
    found = []
    for build in sorted(f for f in files if f.rpartition("/")[2] in JVM_BUILDS and "/" in f):
        folder = build.rpartition("/")[0]
        n = held(folder, sources) if folder.rpartition("/")[2].endswith(BENCHMARK_MODULES) else 0
        if n:
            found.append((folder + "/**", n))
    return found


def sphinx_projects(files: list[str], sources: list[str]) -> list[tuple[str, int]]:
    """A top folder holding a Sphinx documentation, its `conf.py` beside an `index.rst` in it or in
    its `source/`, whatever it is named: CodeIgniter4's `user_guide_src`, 1,573 PHP snippets the
    guide shows, had been one package (a `docs/` or `doc/` folder is none already)."""
    found = []
    for conf in sorted(f for f in files if f.endswith("/conf.py") and f.count("/") in (1, 2)):
        folder = conf.rpartition("/")[0]
        top = folder.partition("/")[0]
        if folder not in (top, f"{top}/source") or f"{folder}/index.rst" not in files or top in ("docs", "doc"):
            continue
        n = held(top, sources)
        if n:
            found.append((top + "/**", n))
    return found


DOCUSAURUS_CONFIGS = tuple(f"docusaurus.config.{suffix}" for suffix in ("js", "ts", "mjs", "cjs"))


def docusaurus_sites(files: list[str], sources: list[str]) -> list[tuple[str, int]]:
    """A top folder holding a Docusaurus site, its `docusaurus.config.js` (or `.ts` …) in it,
    whatever it is named: riverpod's `website/`, 619 Dart snippets its pages show, a copy for
    each translation, had been a package and three more."""
    found = []
    for config in sorted(f for f in files if f.count("/") == 1 and f.rpartition("/")[2] in DOCUSAURUS_CONFIGS):
        top = config.partition("/")[0]
        n = held(top, sources)
        if n and top not in ("docs", "doc"):
            found.append((top + "/**", n))
    return found


def held(folder: str, sources: list[str]) -> int:
    """How many of the source files are inside `folder`: what an exclude of it keeps out."""
    return sum(f.startswith(folder + "/") for f in sources)


def held_outermost(folders: set[str], sources: list[str]) -> Counter:
    """held for many folders at once, in one pass: each source file counted in the outermost of
    `folders` holding it."""
    counts: Counter = Counter()
    for f in sources:
        parts = f.split("/")
        counts.update(next(([folder] for folder in ("/".join(parts[:depth]) for depth in range(1, len(parts)))
                            if folder in folders), []))
    return counts


def _styled_registries(sources: list[str]) -> set[str]:
    """The `registry/` folders holding a `<style>/ui/` folder for REGISTRY_STYLES styles or more."""
    styles: dict[str, set[str]] = defaultdict(set)
    for f in sources:
        parts = f.split("/")
        for at in range(len(parts) - 3):
            if parts[at] == "registry" and parts[at + 2] == "ui":
                styles["/".join(parts[:at + 1])].add(parts[at + 1])
    return {registry for registry, found in styles.items() if len(found) >= REGISTRY_STYLES}


# Karma's configuration, and the entry it loads, as Angular's CLI writes them for each project
KARMA_CONFIGS = ("karma.conf.js", "karma.conf.ts", "karma.conf.cjs", "karma.conf.mjs")
KARMA_ENTRY = "src/test.ts"


def karma_entries(files: list[str], sources: list[str]) -> Counter:
    """`**/src/test.ts` where a project's Karma configuration has its entry beside it, the file
    that sets the Angular test environment up and loads the specs: the test runner's (ddp-angular's
    23 projects' `src/test.ts`, its second proposal). A repository running no Karma keeps its
    `test.ts`, a `test` command's as often."""
    entries = {f for f in sources if f == KARMA_ENTRY or f.endswith("/" + KARMA_ENTRY)}
    projects = {f.rpartition("/")[0] for f in files if f.rpartition("/")[2] in KARMA_CONFIGS}
    if not any(f"{project}/{KARMA_ENTRY}".lstrip("/") in entries for project in projects):
        return Counter()
    return Counter({("**/" + KARMA_ENTRY, "tests"): len(entries)})


def manual_tests(files: list[str], sources: list[str]) -> Counter:
    """Folders named alike whose source files (MANUAL_SHARE or more) each come with a page of
    the same name to open in a browser, `image.ts` beside `image.manual.html`: manual tests
    (CKEditor 5's 377 in `packages/*/manual/`, whose copied editor set-ups had been its first
    proposal); the outermost such name, never a package's. A folder so named without such
    pages is code (grpc's `resolver/manual`)."""
    paged = {f[:-len(MANUAL_PAGE)] for f in files if f.endswith(MANUAL_PAGE)}
    if not paged:
        return Counter()
    packages = {f.split("/")[-2] for f in files if f.endswith("/package.json")}
    names = {name for f in paged for name in f.split("/")[:-1]} - packages
    held, with_page = Counter(), Counter()
    for f in sources:
        for name in names.intersection(f.split("/")[:-1]):
            held[name] += 1
            with_page[name] += f.rpartition(".")[0] in paged
    manual = {name for name, n in held.items() if with_page[name] >= MANUAL_SHARE * n}
    outermost = Counter(next(name for name in f.split("/")[:-1] if name in manual)
                        for f in sources if manual.intersection(f.split("/")[:-1]))
    return Counter({(f"**/{name}/**", "tests"): n for name, n in outermost.items()})


def component_registries(files: list[str], sources: list[str]) -> Counter:
    """A `registry/` folder in an app configured by shadcn's `components.json` (in it or in its
    `src/`), or holding its components in two styles or more, `registry/<style>/ui/` (shadcn-vue's
    `src/lib/registry/default/ui/` and `new-york/ui/`: its 250 wrappers had been its first
    proposal): the items a component registry serves, each copied whole into a user's project on
    purpose (shadcn/ui's 1,597 files, its 28 sidebar blocks' copies of one app sidebar had been
    its first proposal; magicui's, plate's)."""
    apps = {f.rpartition("/")[0] for f in files if f.rpartition("/")[2] == REGISTRY_CONFIG}
    registries = {f"{app}/{inside}registry".lstrip("/") for app in apps for inside in ("", "src/")}
    registries |= _styled_registries(sources)
    found: Counter = Counter()
    for f in sources:
        for registry in registries:
            if f.startswith(registry + "/"):
                found[(f"{registry}/**", "a component registry's items")] += 1
    return found
