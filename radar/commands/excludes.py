"""What `radar init` keeps out of the scan: folders of tests, fixtures, migrations, examples,
benchmarks, vendored and generated code found in the tree, folders of test suites named for them
(`e2e-tests`, `node-integration-tests`, `tests_js`, `test-suite-kotlin`: "tests" as the name's
last or first word, or a name starting `test-`; a `test_state` folder is code, moto's and
localstack's TestState API), test files and Storybook's stories, npm packages calling themselves
examples, the folders a Cargo workspace keeps out of its build, a code generator's templates, and
the files a bundler builds from a package's source. layout.py reads the subsystems; this module,
what is not theirs (excluded_names.py the names that say so, vendored.py the dependencies kept in
the tree, drops.py third-party drops)."""
from __future__ import annotations

import json
import os
import posixpath
import re
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

from radar.commands.excluded_names import (EXCLUDABLE, DEVELOPERS, ENGINEERING, CASE_SAID, DUNDER_FOLDER,
                                           TEST_WORDS_DUNDER, SUPPORT_WORDS_DUNDER, EXCLUDED_NAMES, GENERATED_FOLDERS,
                                           BUILD_OUTPUTS, NEVER_BUILT, GO_CODE_NAMES, TEST_FILES, EXAMPLE_FILES,
                                           BENCHMARK_FOLDERS, SUITE_FOLDERS, FIXTURE_FOLDERS, GO_TEST_DOUBLES,
                                           EXAMPLE_FOLDERS, MAVEN_TESTS, DEBUG_SOURCES, MIGRATION_FILES, SAID_BY_NAME)
from radar.commands.marked_folders import (alembic_environments, compiled_mirrors, component_registries, copied_sources,
                                           cpan_distributions, docusaurus_sites, dotnet_suites, frappe_patches,
                                           generator_templates, held, jvm_benchmarks, karma_entries,
                                           manual_tests, sphinx_projects, story_folders, tutorial_steps,
                                           versioned_migrations)
from radar.commands.sibling_folders import (dev_apps, integration_suites, retired_copies, scaffolds, test_fixtures,
                                           test_source_sets, tests_of_a_folder)
from radar.commands.tracked import file_head
from radar.globs import any_glob, glob_match
from radar.stages.reading import DECLARATIONS
from radar.stages.generated import GENERATED_HEAD, generated, generated_name
from radar.stages.manifests import json_of, pubspec_fields, toml_of
from radar.stages.languages import language_for

JVM_SOURCE_ROOTS = frozenset({"java", "kotlin", "scala", "groovy"})  # src/main/<language>/<package path>
TOP_DOMAINS = frozenset({"com", "org", "net", "io", "dev", "app", "edu", "gov", "co", "me", "ai", "info", "biz",
                         "us", "uk", "eu", "de", "fr", "nl", "ch", "at", "se", "no", "fi", "dk", "pl", "cz", "ru",
                         "cn", "jp", "kr", "in", "br", "au", "ca", "es", "it", "be", "tech", "cloud"})
# scripts: the tooling of a project written in another language (script_tooling), or its payloads
SCRIPT_LANGUAGES = frozenset({"bash", "powershell"})
TOOLING_SHARE = 0.25  # of the code kept, scripts fewer than this are a project's tooling
BUNDLERS = ("rollup.config.", "webpack.config.", "vite.config.", "tsup.config.", "esbuild.config.", "rspack.config.")
SHIPPED_FIELDS = ("main", "module", "browser", "unpkg", "jsdelivr")  # package.json: what a package ships


def without_unbuilt(repo: Path, files: list[str]
                    ) -> tuple[list[str], tuple[tuple[str, str, int], ...], list[str]]:
    """The files outside the folders the top Cargo.toml's workspace excludes from its build
    (leptos' `examples`, `benchmarks` and `projects`, twelve example apps whose copies of one
    file server and one error page were its first proposals); an exclude for each holding
    source files; and the manifests read."""
    if "Cargo.toml" not in files or os.path.islink(repo / "Cargo.toml"):  # never read out of the tree
        return files, (), []
    workspace = toml_of(repo / "Cargo.toml").get("workspace")
    listed = workspace.get("exclude") if isinstance(workspace, dict) else None
    folders = sorted({entry.strip("/").removeprefix("./") for entry in listed or ()
                      if isinstance(entry, str) and entry.strip("/.") and not set(entry) & set("*?[")})
    return (*without_folders(files, folders, "not in the Cargo workspace"), ["Cargo.toml"])


def without_folders(files: list[str], folders: list[str], why: str
                     ) -> tuple[list[str], tuple[tuple[str, str, int], ...]]:
    """The files outside `folders`, and an exclude for each folder holding source files (one
    holding none, conda's test data, keeps nothing out), with how many it keeps out."""
    counts = Counter(folder for f in files if language_for(f) for folder in folders if f.startswith(folder + "/"))
    folders = [folder for folder in folders if counts[folder]]
    if not folders:
        return files, ()
    inside = any_glob(tuple(f"{folder}/**" for folder in folders))
    return [f for f in files if not inside(f)], tuple((f"{folder}/**", why, counts[folder]) for folder in folders)


def script_tooling(sources: list[str]) -> tuple[tuple[str, str, int], ...]:
    """`**/*.ps1`, `**/*.sh` …: the shell and PowerShell scripts of a project written in another
    language, fewer than TOOLING_SHARE of its code, are its tooling, whose copies across packages
    are no logic of the product (pip-services4-node's 35 TypeScript packages' identical
    `build.ps1`, `test.ps1` and `docgen.ps1` had been its first three proposals; con-services' C#
    services' database images' `wait-for-it.sh`). A project written in them keeps them."""
    languages = Counter(map(language_for, sources))
    main = max(languages, key=languages.__getitem__, default=None)
    suffixes = Counter(PurePosixPath(f).suffix for f in sources if language_for(f) in SCRIPT_LANGUAGES)
    if main in SCRIPT_LANGUAGES or sum(suffixes.values()) >= TOOLING_SHARE * len(sources):
        return ()
    return tuple((f"**/*{suffix}", "tooling", n) for suffix, n in sorted(suffixes.items()))


def without_code(repo: Path, files: list[str]) -> tuple[list[str], list[str]]:
    """The files but type declarations (`.d.ts`) and generated code (a generator's banner near
    the top, as a scan tells them: `stages/generated.generated`), and the generated ones: no
    package is made of those (webpack's `declarations/plugins/*` and `schemas/plugins/*`, built
    from its JSON schemas, were its only fleets, and its `lib/` unread)."""
    kept, made = [], []
    for f in files:
        if f.endswith(DECLARATIONS):
            continue
        if language_for(f) and (generated_name(f) or generated_head(repo / f)):
            made.append(f)
        else:
            kept.append(f)
    return kept, made


def generated_head(path: Path) -> bool:
    try:
        if os.path.islink(path):  # never read out of the tree
            return False
        with open(path, "rb") as file:
            return generated(file.read(GENERATED_HEAD))
    except OSError:
        return False


def build_outputs(repo: Path, files: list[str]) -> tuple[tuple[str, str, int], ...]:
    """The files a package's manifest names as what it ships (`main`, `module`, …) when a
    bundler builds the package: output committed beside its source (rails' actiontext.js and
    actiontext.esm.js, both rollup's), copies of that source with none of its own. A file
    under `src/` is shipped as written (the bundler config may be a test runner's, vitest's)."""
    tracked = set(files)
    found = []
    for folder in sorted({str(PurePosixPath(f).parent) for f in files if f.rpartition("/")[2].startswith(BUNDLERS)}):
        manifest = "package.json" if folder == "." else f"{folder}/package.json"
        try:
            readable = manifest in tracked and not os.path.islink(repo / manifest)  # never read out of the tree
            fields = json.loads((repo / manifest).read_text(encoding="utf-8")) if readable else {}
        except (OSError, ValueError):
            continue
        for field in SHIPPED_FIELDS:
            value = fields.get(field) if isinstance(fields, dict) else None
            path = posixpath.normpath(posixpath.join(folder, value)) if isinstance(value, str) else None
            if (path in tracked and language_for(path) and "src" not in PurePosixPath(path).parts  # shipped as written
                    and all(path != glob for glob, _, _ in found)):
                found.append((path, f"build output ({manifest}'s {field})", 1))
    return tuple(found)


# what a package that is someone's example calls itself, in its name or its description's first words
EXAMPLE_WORDS = frozenset({"example", "examples", "demo", "demos", "sample", "samples"})
# and one that is a suite of tests, in its name's words (viem's `environments/*`, `test-bun`,
# `test-vite` …: the library run in each runtime, whose copied client set-up was its proposal)
TEST_WORDS = frozenset({"test", "tests", "e2e"})
DESCRIBING_WORDS = 3


def described_examples(repo: Path, files: list[str]) -> tuple[tuple[tuple[str, str, int], ...], list[str]]:
    """An exclude per private npm package that calls itself an example, a demo or a sample in
    its name's words or its description's first ones ("Federation example for 3000-home": module
    federation's 23 example apps in `apps/`, whose copied Next.js `_document.js` had been its
    first proposal), or a test in its name's (`test-bun`), with its source files; and so per Dart
    package never published (`publish_to: none`: dio's `example_dart/`, `dio_example`, 21 of its
    28 subsystems), and per Go folder of demo programs (_go_demos); and the files read."""
    manifests = sorted(f for f in files if f.endswith(("/package.json", "/pubspec.yaml"))
                       and not os.path.islink(repo / f))
    found, programs = _go_demos(repo, [f for f in files if f.endswith(".go")])
    for manifest in manifests:
        fields = _unpublished(repo / manifest)
        if fields is None:
            continue
        name, description = fields.get("name"), fields.get("description")
        words = re.split(r"[^a-z]+", name.lower()) if isinstance(name, str) else []
        words += description.lower().split()[:DESCRIBING_WORDS] if isinstance(description, str) else []
        folder = manifest.rpartition("/")[0]
        named = re.split(r"[^a-z0-9]+", name.lower()) if isinstance(name, str) else []
        why = "examples" if EXAMPLE_WORDS.intersection(words) else "tests" if TEST_WORDS.intersection(named) else None
        n = held(folder, [f for f in files if language_for(f)]) if why else 0
        if n:
            found.append((folder + "/**", why, n))
    return tuple(found), manifests + programs


# what a README says of a package a generator wrote whole, none of its files saying so (rh's FHIR
# crates: "This crate was automatically generated using the RH codegen CLI tool", 2,400 modules);
# never a scaffolder's words ("This library was generated with Nx": its code is people's since)
SAYS_GENERATED = re.compile(r"\bthis (?:crate|package|library|module|sdk|client|folder|directory)"
                            r"(?: was| is| has been) (?:automatically |auto-?)generated\b"
                            r"|\b(?:code|files?) in this (?:crate|package|folder|directory) (?:is|are|was|were)"
                            r" (?:automatically |auto-?)generated\b")
README_NAME = re.compile(r"readme(?:\.md|\.txt|\.rst)?", re.IGNORECASE)
README_HEAD = 2048


def described_generated(repo: Path, files: list[str]) -> tuple[tuple[tuple[str, str, int], ...], list[str]]:
    """An exclude per folder below the top holding source files whose README's first words say
    a generator wrote it (SAYS_GENERATED), with its source files; and those READMEs. (The others
    are not remembered as read: a README changed in a commit reads the layout again anyway.)"""
    readmes = [f for f in files if "/" in f and README_NAME.fullmatch(f.rpartition("/")[2])]
    sources = [f for f in files if language_for(f)]
    found, saying = [], []
    for readme in readmes:
        folder = readme.rpartition("/")[0]
        prose = file_head(repo, readme, README_HEAD).decode("utf-8", errors="replace").lower().replace("*", "")
        n = held(folder, sources) if SAYS_GENERATED.search(" ".join(prose.split())) else 0
        if n:
            found.append((folder + "/**", "generated", n))
            saying.append(readme)
    return tuple(found), saying


GO_PROGRAM = re.compile(rb"^package main\b", re.MULTILINE)


def _go_demos(repo: Path, go_files: list[str]) -> tuple[list[tuple[str, str, int]], list[str]]:
    """A Go folder named for demos whose every Go file is a program (`package main`): demos to
    run, as examples are (sentinel-golang's data sources' `pkg/datasource/*/demo/`, copies of one
    another, had been its second proposal); where it is a package of its own, the code's (tilt's
    `cli/demo`, `package demo`). And the Go files read."""
    demos: dict[str, list[str]] = defaultdict(list)
    for f in go_files:
        parts = f.split("/")
        at = next((at for at, part in enumerate(parts[:-1]) if part in ("demo", "demos")), None)
        if at is not None:
            demos["/".join(parts[:at + 1])].append(f)
    found = [(folder + "/**", "examples", len(programs)) for folder, programs in sorted(demos.items())
             if all(GO_PROGRAM.search(file_head(repo, f)) for f in programs)]
    return found, sorted(f for programs in demos.values() for f in programs)


def _unpublished(manifest: Path) -> dict | None:
    """A package manifest's fields when it says the package is never published: npm's
    `"private": true`, Dart's `publish_to: none`; None otherwise."""
    if manifest.name == "pubspec.yaml":
        fields = pubspec_fields(manifest)
        return fields if fields.get("publish_to") == "none" else None
    fields = json_of(manifest)
    return fields if isinstance(fields, dict) and fields.get("private") is True else None


def folder_excludes(sources: list[str], files: list[str] = ()) -> tuple[tuple[str, str, int], ...]:
    """An exclude per folder name of EXCLUDABLE found, per folder of a Go package's test helpers
    (`x/xtest`: opentelemetry-collector's six `NewNopSettings` copies, in `exportertest`,
    `receivertest`…, were its second proposal), per folder of Go code the go command skips (a
    name starting with `_`: dd-trace-go's `_integration` test programs), Maven's integration
    tests (`src/it` beside `src/main`: checkstyle's 580 files), Android's debug sources
    (`src/debug` beside `src/main`), per Alembic environment among `files` (_alembic), per suite
    or example folder and per test file pattern matched, with how many source files each keeps out."""
    counts: Counter = Counter()
    maven = {root for root in (_source_set_root(f, "main") for f in sources) if root is not None}
    split = [(f, parts, _domain_names(parts)) for f in sources for parts in (f.split("/")[:-1],)]
    named = {parts[at] for _, parts, domain in split for at in domain}  # organisations' names
    # `build/` and `dist/` folders of code, whole (Perl's `dist/` holds its XS modules' C beside them)
    built_code = {"/".join(parts[:at + 1]) for f, parts, _ in split for at, name in enumerate(parts)
                  if _built_from("generated", name, parts[:at], f)}
    named |= {folder.rpartition("/")[2] for folder in built_code}  # excluded where they are output
    # a Django app named as examples are is code: Tandoor's `cookbook/`, its whole back end (398 files)
    apps = {f.rpartition("/")[0] for f in sources if f.endswith("/apps.py")}
    # and so are Chef's cookbooks, a `recipes/` folder or a `metadata.rb` in each
    apps |= {"/".join(parts[:at + 1]) for f, parts, _ in split for at, name in enumerate(parts)
             if name == "cookbooks" and (parts[at + 2:at + 3] == ["recipes"] or f.endswith("/metadata.rb"))}
    for f, parts, domain in split:
        if "src/it/" in f and any(f.startswith(f"{root}src/it/") for root in maven):
            counts[(MAVEN_TESTS, "tests")] += 1
        skipped = [at for at, name in enumerate(parts) if name.startswith("_")] if f.endswith(".go") else []
        if skipped:  # a folder the go command skips: test programs, staging, `_examples`
            counts[("/".join(parts[:skipped[0] + 1]) + "/**", "ignored by Go")] += 1
        for parent, name in zip(parts, parts[1:]):  # Go's test helpers of package x: x/xtest
            if name == parent + "test" and f.endswith(".go"):  # (net/http/httptest, exporter/exportertest)
                counts[(f"**/{name}/**", "tests")] += 1
        for name in parts:
            why = None if name in EXCLUDED_NAMES else _tests_support(name)
            if why:
                counts[(f"**/{name}/**", why)] += 1
        go_code = f.endswith(".go")  # its tests are `_test.go` files, excluded by name
        for why, names in EXCLUDABLE.items():
            for at, name in enumerate(parts):  # Symfony's and .NET's `Tests`, `Fixtures` too; but `Migrations`
                if (name in names or name.lower() in names and name.lower() not in CASE_SAID) \
                        and not (go_code and name in GO_CODE_NAMES) \
                        and not (why == "generated" and "/".join(parts[:at + 1]) in built_code) \
                        and not (why == "examples" and "/".join(parts[:at + 1]) in apps) \
                        and at not in domain and parts.index(name) == at:  # is their code; once a file
                    # a name an organisation's also is (com/google/samples), or a folder of code's
                    # (`src/core/build`), is excluded where it is a folder's
                    glob = "/".join(parts[:at + 1]) + "/**" if name in named else f"**/{name}/**"
                    counts[(glob, why)] += 1
    counts.update(generator_templates(sources, files))
    counts.update(scaffolds(sources))
    counts.update(dev_apps(sources))
    counts.update(cpan_distributions(sources))
    counts.update(tests_of_a_folder(sources))
    counts.update(integration_suites(sources))
    counts.update(retired_copies(sources))
    counts.update(test_fixtures(sources))
    counts.update(test_source_sets(sources))
    counts.update(story_folders(sources))
    counts.update(manual_tests(files, sources))
    counts.update(karma_entries(files, sources))
    counts.update(component_registries(files, sources))
    counts.update(_debug_sources(sources, maven))
    excludes = [(glob, why, n) for (glob, why), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    by_name = any_glob(tuple(glob for glob, _, _ in excludes))  # Django's `migrations/0001_initial.py`
    patterns = [(pattern, "tests") for pattern in (*SUITE_FOLDERS, *TEST_FILES)]
    patterns += [(pattern, "fixtures") for pattern in (*FIXTURE_FOLDERS, *GO_TEST_DOUBLES)]
    patterns += [(pattern, "examples") for pattern in (*EXAMPLE_FOLDERS, *EXAMPLE_FILES)]
    patterns += [(pattern, "migrations") for pattern in MIGRATION_FILES]
    patterns += [(pattern, "benchmarks") for pattern in BENCHMARK_FOLDERS]
    patterns += [(GENERATED_FOLDERS, "generated")]
    # most files match none of them: those that match any are counted pattern by pattern
    matches_any = any_glob(tuple(pattern for pattern, _ in patterns))
    matching = [f for f in sources if matches_any(f)]
    for pattern, why in patterns:  # a migration, a .NET test project inside a folder excluded by name: said once
        n = sum(glob_match(pattern, f) and not (pattern in SAID_BY_NAME and by_name(f)) for f in matching)
        if n:
            excludes.append((pattern, why, n))
    excludes += [(glob, "migrations", n) for glob, n in alembic_environments(files, sources)
                 if not by_name(glob[:-2] + "env.py")]
    excludes += [(glob, "migrations", n) for glob, n in frappe_patches(files, sources)]
    excludes += [(glob, "migrations", n) for glob, n in versioned_migrations(sources) if not by_name(glob[:-2] + "x")]
    said = any_glob(tuple(glob for glob, _, _ in excludes))  # a project in a folder excluded by name: said once
    excludes += [(glob, why, n) for glob, why, n in dotnet_suites(files, sources) if not said(glob[:-2] + "x.cs")]
    excludes += [(glob, "benchmarks", n) for glob, n in jvm_benchmarks(files, sources)
                 if not said(glob[:-2] + "X.java")]
    excludes += [(glob, "a tutorial's steps", n) for glob, n in tutorial_steps(sources) if not said(glob[:-2] + "x")]
    excludes += [(glob, "a documentation's code", n) for glob, n in sphinx_projects(files, sources)]
    excludes += [(glob, "a documentation's code", n) for glob, n in docusaurus_sites(files, sources)]
    developers = sum(f.startswith(DEVELOPERS + "/") for f in sources)
    excludes += [(f"{DEVELOPERS}/**", "the developers' own scripts", developers)] if developers else []
    engineering = sum(glob_match(ENGINEERING, f) for f in sources)
    excludes += [(ENGINEERING, "the developers' own scripts", engineering)] if engineering else []
    said = any_glob(tuple(glob for glob, _, _ in excludes))  # tests named as the modules they test: not a build
    unsaid = [f for f in sources if not said(f)]
    built = compiled_mirrors(unsaid) + copied_sources([f for f in unsaid if not generated_name(f)])
    excludes += [(f"{folder}/**", "generated", n) for folder, n in built]
    return tuple(excludes)


def _built_from(why: str, name: str, above: list[str], path: str) -> bool:
    """A `build/` or `dist/` folder of source code, not a build's output: inside a `src/` folder
    (astro's `packages/astro/src/core/build/`, the build command's 58 files; next.js'
    `packages/next/src/build/`), or of Go or Perl, which no build outputs (flux2's `internal/build`;
    Perl's own `dist/`, the 42 distributions it maintains, which had been kept out as generated)."""
    return why == "generated" and name.lower() in BUILD_OUTPUTS and (path.endswith(NEVER_BUILT) or "src" in above)


def _tests_support(name: str) -> str | None:
    """"tests" or "fixtures" for a folder named in double underscores with a test's word (DUNDER_FOLDER)."""
    match = DUNDER_FOLDER.fullmatch(name)
    words = set(re.split(r"[-_]", match.group(1))) if match else set()
    return "tests" if words & TEST_WORDS_DUNDER else "fixtures" if words & SUPPORT_WORDS_DUNDER else None


def _source_set_root(path: str, source_set: str) -> str | None:
    """The module a Gradle or Maven source set's file is in (`feature/edit/` for
    `feature/edit/src/debug/kotlin/…`, "" at the top), or None outside that source set."""
    marker = f"src/{source_set}/"
    if path.startswith(marker):
        return ""
    at = path.find("/" + marker)
    return None if at < 0 else path[:at + 1]


def _debug_sources(sources: list[str], modules: set[str]) -> Counter:
    """Android's debug sources, `src/debug` beside a module's `src/main`: DEBUG_SOURCES, or each by
    its path where another `src/debug` is code (nushell's debug commands, no `src/main` beside)."""
    roots = [root for root in (_source_set_root(f, "debug") for f in sources) if root is not None]
    by_path = any(root not in modules for root in roots)
    return Counter((f"{root}src/debug/**" if by_path else DEBUG_SOURCES, "fixtures") for root in roots
                   if root in modules)


def _domain_names(parts: list[str]) -> set[int]:
    """Where a JVM source file's package names its organisation's domain `example.com` or
    `samples.google.com` (`src/main/java/com/example/…`, `src/main/kotlin/com/google/samples/…`):
    a domain's name, not a folder of examples (nowinandroid's app, 291 files, had been excluded
    as examples). Any other name in a package may say its role (kafka's `kafka/examples`, spring's
    `org/springframework/test`), as the source set's does (`src/test`)."""
    for i in range(2, len(parts) - 1):
        if parts[i] in JVM_SOURCE_ROOTS and parts[i - 2] == "src" and parts[i + 1] in TOP_DOMAINS:
            return {at for at in range(i + 2, min(i + 4, len(parts))) if parts[at] in EXCLUDABLE["examples"]}
    return set()


# ---------------------------------------------------------------- what it writes
