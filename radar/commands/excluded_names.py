"""The names that say what a folder or a file of a tree holds, for `radar init` to keep it out of
the scan: folders of tests, fixtures, vendored and generated code, migrations, examples, benchmarks
and retired code (EXCLUDABLE), and the globs of test files, suites, fixtures, examples and
migrations named for what they hold. excludes.py and layout.py apply them to a tree."""
from __future__ import annotations

import re

from radar.commands.marked_folders import STORIES

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
              "test_apps", "test_app",
              # ChibiOS' test programs of its HAL drivers, one folder a board and a driver
              # (mayhem-firmware's copy of ChibiOS: 39 `testhal/STM32F4xx/*` apps, its first proposals)
              "testhal"),
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
                 "cpan-lib",
                 # a chip vendor's library copied beside each chip's own code, so written only: Silicon
                 # Labs' peripheral library and Arm's CMSIS (Sub-IoT-Stack's three EFM32 chips' copies:
                 # 101 of its 130 proposals, the first `em_ebi.c`, 3,876 tokens)
                 "emlib", "CMSIS"),
    "generated": ("generated", "__generated__", "gen", "dist", "build",
                  # Python's bytecode cache, committed by mistake (glances' `plugins/__pycache__`, a package)
                  "__pycache__",
                  "_nuxt", "_next",  # a Nuxt or Next.js build's bundles (jesse's `static/_nuxt/`, 479 hashed files)
                  # Eclipse's generators' output folders, beside `src/` (Xtext's, EMF's, Sirius'; Xtend's Java):
                  # sirius-desktop's 251 property sections' listeners, its first proposal
                  "src-gen", "xtend-gen", "emf-gen",
                  # and nop-entropy's, beside each model's hand-written class (1,304 `_gen/_*.java`, written
                  # from their schemas: their `freeze` x 28 had been its first proposal)
                  "_gen"),
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
              # a custom Jest test environment (daohaus' three `jest-environment-jsdom-fix.js`, its #1)
              "**/jest-environment*.*",
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
              # NestJS' integration and end-to-end tests (dbildungs-iam-server's 54 `*.integration-spec.ts`
              # beside the code, whose copied `createPerson` x 4 had been its second proposal)
              "**/*.integration-spec.*", "**/*.e2e-spec.*",
              "**/*.eval.*",  # a model's evaluations, run as tests (gemini-cli's 37 `evals/*.eval.ts`, each a package)
              # RDKit's 97 Python test modules beside the code, run by its build (their regression data
              # readers x 3 had been its only proposal); in Java a class so named is code as often
              # (gocd's `UnitTestReportGenerator`)
              "**/UnitTest[A-Z_]*.py")
EXAMPLE_FILES = (*(f"**/{stories}" for stories in STORIES),  # marked_folders.STORIES
                 # Figma's Code Connect: each component's snippet as its design tool shows it, read by
                 # that tool, never built (spirit-design-system's 51: four form fields' its one proposal)
                 "**/*.figma.*")
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
FIXTURE_FOLDERS = ("**/*-fixtures/**", "**/*_fixtures/**", "**/fixtures-*/**", "**/fixtures_*/**",
                   # and test doubles named for what they stand in for, the word set off by a hyphen or an
                   # underscore (IBC-Integration's `cw-mock-ibc-dapp`, two of its first proposal's three
                   # consumers; cadence-web's `msw-mock-handlers`, keplr's `provider-mock`), not a word
                   # holding it (`mockserver-core`)
                   "**/*-mock/**", "**/*-mocks/**", "**/*_mock/**", "**/*_mocks/**", "**/mock-*/**",
                   "**/mocks-*/**", "**/mock_*/**", "**/mocks_*/**", "**/*-mock-*/**", "**/*_mock_*/**")
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
                   "**/[0-9]*_[12][0-9][0-9][0-9][01][0-9][0-3][0-9][-_][0-9][0-9][0-9][0-9]*",
                   # or, in a `data/` folder, named for the second it was made, as the data-migrate gem
                   # names its data migrations in `db/data/` (simple-server's 32, their copied `up` x 8 its
                   # first proposal; so named in a folder named for migrations, one is said already)
                   "**/data/[12][0-9][0-9][0-9][01][0-9][0-3][0-9][0-2][0-9][0-5][0-9][0-5][0-9][-_]*")
# patterns whose files inside a folder excluded by name are counted there only (jellyfin's
# `tests/Jellyfin.Api.Tests`): an exclude of its own would repeat it
SAID_BY_NAME = (*MIGRATION_FILES, *DOTTED_SUITES, *JOINED_SUITES)
# excludes no folder name says (layout.py)
NAMELESS_EXCLUDES = (MAVEN_TESTS, DEBUG_SOURCES, *EXAMPLE_FOLDERS, *CAMEL_SUITES, *DOTTED_SUITES, *BENCHMARK_FOLDERS,
                     *JOINED_SUITES, *TOP_SUITES, *SPACED_SUITES, *MIGRATION_FILES)
