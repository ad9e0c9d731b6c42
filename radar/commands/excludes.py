"""What `radar init` keeps out of the scan: folders of tests, fixtures, migrations, examples,
benchmarks, vendored and generated code found in the tree, folders of test suites named for them
(`e2e-tests`, `node-integration-tests`, `tests_js`, `test-suite-kotlin`: "tests" as the name's
last or first word, or a name starting `test-`; a `test_state` folder is code, moto's and
localstack's TestState API), test files and Storybook's stories, npm packages calling themselves
examples, the folders a Cargo workspace keeps out of its build, a code generator's templates, and
the files a bundler builds from a package's source. layout.py reads the subsystems; this module,
what is not theirs (vendored.py the dependencies kept in the tree, drops.py third-party drops)."""
from __future__ import annotations

import json
import os
import posixpath
import re
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

from radar.commands.marked_folders import (alembic_environments, compiled_mirrors, component_registries, copied_sources,
                                           cpan_distributions, docusaurus_sites, dotnet_suites, frappe_patches,
                                           generator_templates, held, jvm_benchmarks,
                                           manual_tests, sphinx_projects, story_folders, tutorial_steps,
                                           versioned_migrations, STORIES)
from radar.commands.sibling_folders import dev_apps, scaffolds, test_fixtures, test_source_sets, tests_of_a_folder
from radar.commands.tracked import file_head
from radar.globs import any_glob, glob_match
from radar.stages.analyse import DECLARATIONS
from radar.stages.generated import GENERATED_HEAD, generated, generated_name
from radar.stages.manifests import json_of, pubspec_fields, toml_of
from radar.stages.parse import language_for

EXCLUDABLE = {
    "tests": ("test", "tests", "__tests__", "__test__", "spec", "specs", "e2e", "testing", "t",  # Perl's, celery's
              "test_package", "test_v1_package",  # a Conan recipe's consumer test
              "regress",  # the OpenBSD way: tmux's 128 `regress/*.sh` were its only fleet
              "testdir",  # vim's: `runtime/syntax/testdir/input/*.java`, syntax tests' inputs, were fleets
              "step_definitions",  # Cucumber's steps (activeadmin's 21 `features/step_definitions/*.rb` were a fleet)
              # Behat's suites, their contexts, pages and elements (ezplatform-admin-ui's `src/lib/Behat/`
              # field components, their copied `getValue` its first proposal; Sylius' 652 files)
              "behat",
              # Bazel's tree of Java tests beside `java/`, Google's layout (device-infra's
              # `src/javatests/`, 780 files: four button builders' tests' `setUp` its first proposal)
              "javatests",
              "cypress",  # Cypress' end-to-end tests (react-admin's `cypress/`, a package of its first scan)
              "smoke",  # smoke tests (steep's `smoke/`, 123 files, had been 30 subsystems; unkey's `integration/smoke`)
              "tst",  # Pester's own tests (its `tst/*.ts.ps1`, whose custom assertions were its first proposal)
              "unittest",  # a program's unit tests beside its code (luanti's 52 `src/unittest/*.cpp`, 52 subsystems)
              "utest", "utests",  # so abbreviated (xo-umbrella2's libraries' `utest/`: copied test mains, its #1)
              # and named for their kind, singular, with an underscore (the `-test`, `_tests` forms are
              # SUITE_FOLDERS'): insightconnect-plugins' 255 `plugins/*/unit_test/`, 4,635 files whose mock
              # responses had led its watch list; heron's `integration_test/`, a package of 141 files
              "unit_test", "integration_test", "e2e_test", "functional_test", "acceptance_test", "system_test",
              "gtest",  # its Google Test tests (zcash's `src/gtest/`, whose test doubles had led its parts' scan)
              "testsuite", "testsuites",  # each library's (poco's `Net/testsuite/`: 9 of its 11 first proposals)
              "testassets",  # the apps ASP.NET Core's tests run against (yarp's six, which had been packages)
              "testtool",  # a module's test harness program (wazuh's 92 files in eleven `testtool/`: their copied
              # argument parsers had been its first proposal)
              # ESP-IDF's components' test apps (esp-eth-drivers' ten `*/test_apps/`, whose pytest
              # `conftest.py` x 12 had been its first proposal)
              "test_apps", "test_app"),
    "fixtures": ("fixtures", "__fixtures__", "fixture", "testdata", "test-data", "test_data", "__mocks__",
                 "__snapshots__",
                 "mocks"),  # test doubles (OpenZeppelin's `contracts/mocks/`, 119 contracts; mockery's Go mocks)
    "vendored": ("vendor", "vendored", "_vendor",  # Python's (pip's `src/pip/_vendor`, setuptools')
                 "third_party", "third-party", "node_modules", "bower_components",
                 # so written only (a JVM package `thirdparty` is code: seatunnel's resource managers):
                 # iTerm2's `ThirdParty/`, 412 files, whose copies had been its first proposal; CodeIgniter4's
                 "ThirdParty",
                 "external-deps", "external_deps",  # spyder's subtrees of the four projects it ships
                 "compiled",  # dependencies pre-bundled into a package (umi's 80 `packages/*/compiled/*`, Next.js')
                 "Pods",  # what CocoaPods installs, so named only (hammerspoon's `Pods/Sentry`, 1,312 files)
                 "pear",  # PHP's PEAR packages, copied in before Composer (osTicket's `include/pear`)
                 "extlib",  # the CPAN modules a Perl app ships (movabletype's 539 files, read as a package)
                 # and so OTRS' and Znuny's `Kernel/cpan-lib` (Perl's own `cpan/`: cpan_distributions)
                 "cpan-lib"),
    "generated": ("generated", "__generated__", "gen", "dist", "build",
                  # Python's bytecode cache, committed by mistake (glances' `plugins/__pycache__`, a package)
                  "__pycache__",
                  "_nuxt", "_next",  # a Nuxt or Next.js build's bundles (jesse's `static/_nuxt/`, 479 hashed files)
                  # Eclipse's generators' output folders, beside `src/` (Xtext's, EMF's, Sirius'; Xtend's Java):
                  # sirius-desktop's 251 property sections' listeners, its first proposal
                  "src-gen", "xtend-gen", "emf-gen"),
    # Django's, Alembic's, Laravel's `migrations`, Rails' `db/migrate`: frozen history, each
    # migration keeps its own copy of what it runs on purpose (it must not change with the code)
    "migrations": ("migrations", "migrate"),
    # scripts showing how to use a package: each repeats the same set-up on purpose, and what
    # it imports says nothing of where the package's own logic belongs
    "examples": ("examples", "example", "samples", "sample",
                 "demo", "demos",  # a component's demos (ant-design's 1,178 `components/*/demo/*.tsx`)
                 "docs_src",  # the code a documentation shows, snippet by snippet (fastapi's, typer's, sqlmodel's)
                 "cookbook",  # recipes, agno's 2,000 scripts
                 # and in the plural (equinor's fusion-framework: 20 `cookbooks/app-*` apps, whose copied
                 # `index.ts` had been its first proposal; not Chef's `cookbooks/<name>/recipes/`, code)
                 "cookbooks",
                 "codelabs", "codelab",  # guided tutorials' apps (litho's eleven: their copied clock was its #1)
                 # demo apps named in one word, in any case (GRDB's `Documentation/DemoApps/`, one package)
                 "demoapp", "demoapps", "sampleapp", "sampleapps", "exampleapp", "exampleapps",
                 # apps showing the package in use, one per integration (CopilotKit's 22
                 # `showcase/integrations/*`, each with its shadcn components: its first 40 proposals)
                 "showcase", "showcases",
                 # a folder of quickstart apps (jkube's 60 `quickstarts/kit/*` …: their copied
                 # `getProjectDir` had been its one proposal)
                 "quickstart", "quickstarts",
                 # Airflow providers' DAGs showing their operators, each its own copy of a helper
                 # (astronomer-providers' 17 `check_dag_status`, its one proposal)
                 "example_dags"),
    # code that measures the package: a JMH module or a `benches/` folder copies the code it
    # times (netty's microbench holds HPACK's constant-time `equals`, a consumer of nothing);
    # not `benchmark`, a feature's name too (rails' `generators/rails/benchmark`)
    "benchmarks": ("benchmarks", "benches", "microbench", "microbenchmarks", "jmh"),
    # code kept after it was retired, to be read, not run nor changed: a copy in it is no consumer
    # (ga-worldwind-suite's `Animator/obsolete/`, outside any source folder: its copies of Common's
    # tiles were among its first proposals'); not `old/`, `archive/`, `unused/`, features' names too
    "retired code": ("obsolete", "attic"),
}
# A top folder of the developers' own scripts and set-up (moleculer's 78 `dev/*.js` playgrounds,
# each reproducing an issue, had been its only fleet; Spark's and Arrow's release tooling;
# lago-api's own RuboCop cops). Only at the top: `dev` is a Java package's name too
# (`src/main/java/dev/…`) and a command's (rails' `commands/dev`).
DEVELOPERS = "dev"
# the engineering system's folder of Microsoft's repositories and .NET's Arcade, at the top or in a
# package: its build, CI and release scripts (typespec's `packages/*/eng/scripts`: three
# packages' copied end-to-end emitter scripts had been its first proposal)
ENGINEERING = "**/eng/**"
# names excluded only as written: `Migrations/` and `Demo/` name code as often (koel's demo mode's
# `app/Http/Controllers/Demo/`)
CASE_SAID = frozenset({*EXCLUDABLE["migrations"], "demo", "demos"})
# Jest's way of naming a test's folders, in double underscores (`__tests__`, `__mocks__`,
# `__fixtures__` above): so named with a test's word, a folder holds what the tests use (neo-one's
# `src/__data__/` in ten packages, whose copied `data.ts` had been its first proposal;
# `__test-utils__`, `__other_tests__`, jscodeshift's `__testfixtures__`). Not another word's
# (`__external__` translations, a command's `__template__`).
DUNDER_FOLDER = re.compile(r"__+([\w-]+?)__")
TEST_WORDS_DUNDER = frozenset({"test", "tests", "uitests", "jest", "testfixtures"})
SUPPORT_WORDS_DUNDER = frozenset({"mock", "mocks", "fixture", "fixtures", "data", "stub", "stubs"})
EXCLUDED_NAMES = frozenset(name for names in EXCLUDABLE.values() for name in names)
# a folder named as made by a tool, in snake case: skaffold's `fs/assets/credits_generated/`, the
# licenses and sources of its dependencies (hashicorp's hcl, 32 Go files, had been 13 subsystems),
# Convex's `convex/_generated/` (kebab case names code: automatisch's `triggers/documents-generated`)
GENERATED_FOLDERS = "**/*_generated/**"
BUILD_OUTPUTS = ("build", "dist")  # of the generated names, those a build writes its output to
NEVER_BUILT = (".go", ".pm")  # sources no build writes: Go's, Perl modules
# names of tests, migrations and examples elsewhere that name code in Go, whose tests are `_test.go` files:
# go-zero's `goctl/api/spec` (the API model) and `goctl/migrate` (a command), tilt's `cli/demo`
GO_CODE_NAMES = {"spec", "specs", "migrate", "demo"}
# a test runner's setup files too: vitest's `test-setup.ts`, create-react-app's `setupTests.js`;
# Rust's unit tests kept beside the code (`mod tests;` in `src/interface/tests.rs`); C's and C++'s
# test programs beside their sources (collectd's `src/redfish_test.c`, googletest's `_unittest.cc`);
# PHPUnit's test classes, a file each named `…Test.php`, and their bases, kept beside the code
# (flysystem's 34 `src/Ftp/FtpAdapterTest.php` …, whose copied test methods were a proposal)
TEST_FILES = ("**/test_*.py", "**/*_test.py", "**/*_test.go", "**/*.test.*", "**/*.spec.*", "**/test-setup.*",
              "**/test_setup.*", "**/setupTests.*", "**/setup-tests.*", "**/setup-test.*", "**/jest.setup.*",
              "**/vitest.setup.*", "**/vitestSetup.*", "**/jestSetup.*",  # BlockNote's seven `vitestSetup.ts`
              "**/jest-setup.*", "**/setup-jest.*", "**/vitest-setup.*",  # depmap-portal's four `jest-setup.ts`
              "**/tests.rs", "**/test.rs",
              "**/*_test.c", "**/*_test.cc", "**/*_test.cpp", "**/*_unittest.cc", "**/*_unittest.cpp",
              # and named before what they test: sil-kit's `Test_CanControllerConfig.cpp` x 4 (its first
              # proposal), Qt's `tst_qstring.cpp`
              "**/test_*.c", "**/test_*.cc", "**/test_*.cpp", "**/Test_*.cc", "**/Test_*.cpp", "**/tst_*.cpp",
              "**/*Test.php", "**/*TestCase.php",
              "**/*.Tests.ps1",  # Pester's tests, named so beside the code they test
              "**/*.clienttest.*", "**/*.servertest.*",  # langfuse's two jest projects' tests
              "**/*.vitest.*",  # vitest's, so named beside jest's `.test.ts` (continue's 107: its first proposal)
              "**/*.test-d.*", "**/*.spec-d.*",  # vitest's type tests (wagmi's 160: its first two proposals)
              "**/*_tests.js", "**/*-tests.js",  # a Meteor package's, which `Package.onTest` adds (meteor's 118)
              "**/*_test.js", "**/*_test.ts",  # so named beside the code (ace's 95, read by its own runner)
              # Cypress' tests beside the components they mount (Kong's public-ui-components: 152
              # `*.cy.ts`, whose copied request intercepts x 12 had been its second proposal)
              "**/*.cy.*",
              # and so named in the plural (apollos-apps' 159 `*.tests.js` beside their components, whose
              # copied feed tests had been its first proposal; ApplicationInsights-JS', teams-toolkit's)
              "**/*.tests.*",
              "**/*.eval.*",  # a model's evaluations, run as tests (gemini-cli's 37 `evals/*.eval.ts`, each a package)
              # RDKit's 97 Python test modules beside the code, run by its build (their regression data
              # readers x 3 had been its only proposal); in Java a class so named is code as often
              # (gocd's `UnitTestReportGenerator`)
              "**/UnitTest[A-Z_]*.py")
EXAMPLE_FILES = tuple(f"**/{stories}" for stories in STORIES)  # marked_folders.STORIES
# named in camel case: Xcode's test targets (`AppTests`), spotbugs' 1,910 `spotbugsTestCases`; Gradle's
# test source sets (okhttp's `src/jvmTest`, `src/androidTest`; opentelemetry-java-instrumentation's
# `src/testJava17`, `src/testNoReceiveTelemetry`, whose Kafka tests were proposed; Kotlin
# Multiplatform's `core/commonTest/src`, kotlinx.serialization's 307 test files) and test
# fixtures (spring's 295 files, in `src/testFixtures`)
CAMEL_SUITES = ("**/*[a-z0-9]Tests/**", "**/*[a-z0-9]TestCases/**", "**/src/*[a-z0-9]Test/**",
                "**/src/test[A-Z0-9]*/**", "**/*[a-z0-9]Test/src/**")
# .NET's test projects, named for the project they test with a dot: Sonarr's `src/NzbDrone.Core.Test`
# (491 files, read as code), osu's `osu.Game.Rulesets.Osu.Tests` and `….Tests.Android`, whose
# rulesets' copies of one test were its first proposal; BDD's `*.Specs`; and Eclipse's test bundles,
# in lower case (eclipse.jdt.ls' `org.eclipse.jdt.ls.tests`, whose test classes were its first proposal)
DOTTED_SUITES = ("**/*.Tests/**", "**/*.Test/**", "**/*.Tests.*/**", "**/*.Test.*/**", "**/*.Specs/**",
                 "**/*.tests/**", "**/*.test/**", "**/*.tests.*/**", "**/*.test.*/**")
BENCHMARK_FOLDERS = ("**/*.Benchmarks/**", "**/*.Benchmark/**",  # osu's `osu.Game.Benchmarks`
                     "**/* Benchmarks/**")
# named as one lower-case word: OpenStack's `heat_integrationtests` (three packages of a first scan),
# newrelic's `tests/agent_unittests`, kratos' `watcherx/integrationtest`, babel's `test/unittests`
JOINED_SUITES = ("**/*integrationtest/**", "**/*integrationtests/**", "**/*functionaltests/**",
                 "**/*unittests/**", "**/*smoketests/**",
                 # GDAL's `autotest/`, MapServer's `msautotest/` (pytest suites: its 14 folders had been
                 # its only fleet), KDE's `autotests/`
                 "**/*autotest/**", "**/*autotests/**")
# at the top of a tree, `integration/` holds the integration tests (containerd's, react-router's, and
# dd-trace-rb's nine test apps); deeper it is code as often (dubbo's `registry/integration`)
TOP_SUITES = ("integration/**",)
# named in words, as a .NET solution's folders are: ScottPlot's `src/ScottPlot5/ScottPlot5 Demos`,
# `… Cookbook` and `… Sandbox` (486 files of apps and recipes showing the library, 53 subsystems)
SPACED_SUITES = ("**/* Tests/**", "**/* Test/**")
SPACED_EXAMPLES = ("**/* Demos/**", "**/* Demo/**", "**/* Examples/**", "**/* Samples/**", "**/* Cookbook/**",
                   "**/* Sandbox/**")
# a package or source set of tests named for what it tests, the singular too: Racket's
# `typed-racket-test` beside `typed-racket-lib` (1,279 files, read as code), Gradle's `samza-test`;
# spring-security's 87 `src/integration-test` files, whose LDAP configurations clustered
SUITE_FOLDERS = ("**/*-tests/**", "**/*_tests/**", "**/tests-*/**", "**/tests_*/**", "**/test-*/**", "**/*-test/**",
                 "**/*-tests.*/**",  # and for what, after a dot: PowerDNS' `regression-tests.dnsdist/` …
                 "**/*_test_app/**", "**/*_test_apps/**",  # a shared test app (esp-eth-drivers' `eth_test_app/`)
                 *CAMEL_SUITES,
                 *DOTTED_SUITES, *JOINED_SUITES, *TOP_SUITES, *SPACED_SUITES)
# folders of a test suite's fixtures named for what they hold: pdf.js' builder's `fixtures_babel/`
# (20 inputs, read as one-module packages), babel's `babel-helper-fixtures`, marko's `fixtures-interop`
FIXTURE_FOLDERS = ("**/*-fixtures/**", "**/*_fixtures/**", "**/fixtures-*/**", "**/fixtures_*/**")
# Go's test doubles written by hand beside the code they stand in for, named for it: not `_test.go`,
# so that other packages' tests import them (united-manufacturing-hub's 39 `mock.go` …, whose
# copied `GetServiceState` x 6 had been its first proposal; atmos' 81 `mock_*.go`)
GO_TEST_DOUBLES = ("**/mock.go", "**/mocks.go", "**/*_mock.go", "**/*_mocks.go", "**/mock_*.go")
# folders of examples named for what they show: checkstyle's `src/xdocs-examples` (158 copies of
# its checks' documented cases), sentry-java's `sentry-samples` (27 sample apps, whose controllers
# were 60 of its 75 proposals); the plural only: `example-generators` is hoppscotch's own code
EXAMPLE_FOLDERS = ("**/*-examples/**", "**/*_examples/**", "**/*-samples/**", "**/*_samples/**",
                   # and demos, singular too, a demo app being named so (Sentinel's 30 `sentinel-demo/*` apps,
                   # three of its thirteen proposals; dubbo's `dubbo-demo`, prisma's `prisma-8-demo`)
                   "**/*-demo/**", "**/*-demos/**", "**/*_demo/**", "**/*_demos/**",
                   # and sample, example and demo apps (chroma's `sample_apps/*`, two packages of its first
                   # scan; logto's and blueprint's `packages/demo-app`)
                   "**/sample[-_]app/**", "**/sample[-_]apps/**", "**/example[-_]app/**", "**/example[-_]apps/**",
                   "**/demo[-_]app/**", "**/demo[-_]apps/**",
                   # and quickstarts, a sample app each (quarkus-quickstarts' 107 `*-quickstart` apps, whose
                   # 22 near-gate entries were copies made on purpose), and a getting-started guide's code
                   # (diesel's `getting_started_step_1`…`_3`, each step a copy of the one before)
                   "**/*-quickstart/**", "**/*-quickstarts/**", "**/*_quickstart/**", "**/*_quickstarts/**",
                   "**/getting-started*/**", "**/getting_started*/**",
                   # and examples by dimension or version (rapier's `examples2d/`, `examples3d/`,
                   # `examples3d-f64/` and its testbed's `examples3/`: 124 one-module packages, its #1)
                   "**/examples[0-9]*/**",
                   # at the top, a documentation's code (playframework's `documentation/manual`, 358
                   # files; Exposed's `documentation-website` snippets, 17 packages); deeper it is a
                   # feature's code as often (fastlane's `lib/fastlane/documentation`)
                   "documentation/**", "documentation-*/**",
                   # at the top, an app named for what it shows, as a React Native library keeps its
                   # example apps beside its `src/`, `ios/`, `android/` (react-native-screens'
                   # `FabricExample`, `TVOSExample`, two of its ten packages); deeper it is a component's
                   # name as often (VictoriaMetrics' `components/Main/CodeExample`)
                   "*?Example/**", "*?Examples/**",
                   # a Swift DocC catalog: the tutorials' code, step by step (swift-composable-architecture's
                   # 475 files in `Documentation.docc/Tutorials`, each step a copy of the one before)
                   "**/*.docc/**", *SPACED_EXAMPLES,
                   # a .NET project named for its samples (NSwag's `NSwag.Sample.NET80` … and their
                   # `NSwag.Sample.Common`: seven web apps, read as packages, whose copied `Startup` led
                   # its near-gate list)
                   "**/*.Sample/**", "**/*.Samples/**", "**/*.Sample.*/**", "**/*.Samples.*/**",
                   "**/*.Example/**", "**/*.Examples/**", "**/*.Example.*/**", "**/*.Examples.*/**")
JVM_SOURCE_ROOTS = frozenset({"java", "kotlin", "scala", "groovy"})  # src/main/<language>/<package path>
TOP_DOMAINS = frozenset({"com", "org", "net", "io", "dev", "app", "edu", "gov", "co", "me", "ai", "info", "biz",
                         "us", "uk", "eu", "de", "fr", "nl", "ch", "at", "se", "no", "fi", "dk", "pl", "cz", "ru",
                         "cn", "jp", "kr", "in", "br", "au", "ca", "es", "it", "be", "tech", "cloud"})
MAVEN_TESTS = "**/src/it/**"  # Maven's integration tests, beside `src/main` (folder_excludes)
# Android's debug build's sources, beside `src/main`: fakes and previews for the developers
# (thunderbird-android's 151 files; its fake view models x 3 had been its first proposal)
DEBUG_SOURCES = "**/src/debug/**"
# .NET's `Migrations/` is a framework's code as often as history (laravel's `Database/Migrations`), as
# are `diesel_migrations` and wagtail's `streamfield_migrations`, libraries; but in a folder named for
# migrations a file named for the day it was made or its number is one (EF Core's, jellyfin's 148
# routines and snapshots, uptime-kuma's 55 `knex_migrations/2023-08-16-0000-create-uptime.js`,
# prefect's `_migrations/versions/…/2021_01_20_…_initial_migration.py`), or numbered as Rails once
# did, three digits and a separator (beef's `ar-migrations/002_create_hooked_browsers.rb`)
MIGRATION_FILES = ("**/*igration*/**/" + "[0-9]" * 4 + "*", "**/*igration*/**/" + "[0-9]" * 3 + "[_-]*",
                   # or, in a folder named for upgrades, a script named for the versions it upgrades
                   # from and to (invenio-app-rdm's 16 `upgrade_scripts/migrate_8_0_to_9_0.py` …, each a
                   # one-module package before)
                   "**/*pgrade*/**/*[0-9]*_to_[0-9]*",
                   # and wherever it is, a file named for its number, then the day and time it was made
                   # (superdesk's 32 `data_updates/00001_20160722-111630_users.py`: one-module packages before)
                   "**/[0-9]*_[12][0-9][0-9][0-9][01][0-9][0-3][0-9][-_][0-9][0-9][0-9][0-9]*")
# patterns whose files inside a folder excluded by name are counted there only (jellyfin's
# `tests/Jellyfin.Api.Tests`): an exclude of its own would repeat it
SAID_BY_NAME = (*MIGRATION_FILES, *DOTTED_SUITES, *JOINED_SUITES)
# scripts: the tooling of a project written in another language (script_tooling), or its payloads
SCRIPT_LANGUAGES = frozenset({"bash", "powershell"})
TOOLING_SHARE = 0.25  # of the code kept, scripts fewer than this are a project's tooling
# excludes no folder name says (layout.py)
NAMELESS_EXCLUDES = (MAVEN_TESTS, DEBUG_SOURCES, *EXAMPLE_FOLDERS, *CAMEL_SUITES, *DOTTED_SUITES, *BENCHMARK_FOLDERS,
                     *JOINED_SUITES, *TOP_SUITES, *SPACED_SUITES, *MIGRATION_FILES)
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
    counts.update(test_fixtures(sources))
    counts.update(test_source_sets(sources))
    counts.update(story_folders(sources))
    counts.update(manual_tests(files, sources))
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
