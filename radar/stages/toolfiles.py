"""Which files a build, test or release tool reads: its configuration (`vite.config.ts`,
`setup.py`, `Package.swift`), a package's release stamp (`version.rb`), or any file in a folder
of one (`.storybook/`, `config/jest/`). Copies of them are no shared logic (cluster.py gives them
the nature "configuration"), and what they import is build-time, no dependency (deps.py). And
which files a framework asks of every package, its own start-up (OTP's `_app.erl`, `_sup.erl`,
Elixir's `application.ex` and Phoenix's `endpoint.ex`, create-react-app's `reportWebVitals.ts`,
i18next's `i18n.ts`, Django's `apps.py` and `urls.py`, a JVM app's `di` package, a Go program's
`main.go` read whole: the nature "wiring")."""
from __future__ import annotations

import fnmatch
import re

# Files a build, test or release tool reads (webpack.config.js, karma.conf.js, .eslintrc.cjs,
# setup.py, docs/conf.py; a gem's version.rb, which its gemspec reads; any hidden file holding
# code, opentelemetry-php-contrib's 47 `.php-cs-fixer.php`): copies across packages are a preset
# for the tool to share, or each package's own release stamp (rails' twelve `gem_version.rb`),
# not shared logic.
TOOL_CONFIGURATION = ("*.config.*", "*.conf.*", ".*", "conf.py", "setup.py", "noxfile.py",
                      "gruntfile.*", "gulpfile.*", "build.rs",  # build.rs: Cargo's build script
                      # build manifests written as code: SwiftPM's (IceCubesApp's ten `Package.swift` had
                      # been its first proposal), Conan's recipes, Leiningen's projects, Meteor's packages
                      "package.swift", "conanfile.py", "project.clj", "package.js",
                      "version.*", "_version.*", "__version__.*", "gem_version.*",
                      # create-react-app's development proxy, which its dev server reads from `src/`
                      # (VEuPathDB's web-monorepo: three apps' `setupProxy.js`, its second proposal)
                      "setupproxy.*",
                      # Ember CLI's build (nw-ueba-saas' 25 Ember apps' and addons': its first proposal)
                      "ember-cli-build.js")
# Folders whose files a tool reads: a hidden one (`.storybook/main.js`, `.github/actions/…`) and
# a tool's folder of a package's configuration (create-react-app's ejected `config/jest/`, which
# buildbot's three web packages copy: `babelTransform.cjs`, `fileTransform.cjs`). A folder named
# for a tool elsewhere is that tool's own code (vite's `packages/vite/`), not its configuration.
CONFIGURATION_FOLDERS = ("config", "configs")
CONFIGURED_TOOLS = ("jest", "webpack", "babel", "storybook", "karma", "rollup", "vite", "eslint", "cypress",
                    "playwright")
# and a file a tool reads beside its configuration, named for it then its part: `jest.setup.ts`,
# `jest.resolver.cjs` (open-ux-tools' five had been its first proposal), `webpack.common.js`
TOOL_CONFIGURATION += tuple(f"{tool}.*.*" for tool in (*CONFIGURED_TOOLS, "vitest"))


def configures_a_tool(path: str) -> bool:
    """A build, test or release tool's configuration file (`vite.config.ts`, `setup.py`, `version.rb`:
    TOOL_CONFIGURATION), or a file in a folder of one (`.storybook/`, `config/jest/`)."""
    path = path.lower()
    return _TOOL_FOLDER.search(path) is not None or _TOOL_FILE.match(path.rpartition("/")[2]) is not None


# Compiled once: a pass asks it of every file's references and every cluster's members.
_TOOL_FILE = re.compile("|".join(map(fnmatch.translate, TOOL_CONFIGURATION)))
_TOOL_FOLDER = re.compile(r"(?:^|/)(?:\.(?!\.?/)[^/]*"  # a hidden folder (not `./`, `../`)
                          rf"|(?:{'|'.join(CONFIGURATION_FOLDERS)})/(?:{'|'.join(CONFIGURED_TOOLS)}))/")


# An OTP application's callback module and its supervisors, named as rebar3's templates and OTP's
# own apps name them: each application starts its own supervision tree, the framework's code is
# what they share (emqx's 32 `*_sup.erl`, child specs around `supervisor:start_link`, had been
# its first proposal).
FRAMEWORK_WIRING = re.compile(r"[a-z0-9_]+_(?:app|sup)\.erl"
                              # and Elixir's, as Mix's and Phoenix's templates write them (phoenix-umbrella's
                              # eleven `lib/<app>/application.ex`, each `use Application`, its first proposal,
                              # then its ten web apps' `endpoint.ex`, each `use Phoenix.Endpoint` and its plugs)
                              r"|application\.ex|endpoint\.ex"
                              # and the web vitals reporter create-react-app's template writes into every
                              # app, which its index calls at start-up (web-monorepo's six, its first proposal)
                              r"|reportWebVitals\.[jt]sx?"
                              # and a package's translation set-up, an i18next instance of its own namespace
                              # and resources (open-ux-tools' 26 `i18n.ts` had been its first proposal)
                              r"|i18n\.[cm]?[jt]sx?"
                              # and what O3DE's Gem template writes into every Gem, its system component and
                              # its module's interface (o3de-extras' ROS 2 and georeferencing Gems' system
                              # components, their services provided and reflected, its first proposal)
                              r"|[A-Za-z0-9]+SystemComponent\.(?:cpp|h)|[A-Za-z0-9]+ModuleInterface\.(?:cpp|h)"
                              # and a Django app's configuration, the `AppConfig` its `ready()` wires
                              # (devilry-django's five apps registering with the admin, its first proposal)
                              r"|apps\.py"
                              # and its URL configuration, which the root one includes (bk-monitor's 37
                              # `urls.py`, each registering its views with a router, its first proposal)
                              r"|urls\.py"
                              # and a .NET app's entry point, the host it builds (das-apim-endpoints' 32 APIs'
                              # `Program.cs`, each running its `Startup`, its second proposal)
                              r"|Program\.cs")
# And what a JVM app declares its dependency injection in, its `di` package (Dagger's components,
# modules and the holders building them, Hilt's, Koin's): each feature builds its own graph, from
# code generated for it, and the framework is what they share (nova-wallet-android's 20
# `di/*FeatureHolder.kt`, each building its feature's Dagger components, had been its first proposal).
DI_PACKAGE = re.compile(r"(?:.*/)?di/(?:.*/)?[^/]+\.(?:kt|java)")


def wires_a_framework(path: str, kind: str = "") -> bool:
    """A file a framework asks of every package, its own start-up: OTP's `x_app.erl`, `x_sup.erl`,
    Elixir's `application.ex`, Phoenix's `endpoint.ex`, create-react-app's `reportWebVitals.ts`,
    a package's translation set-up, `i18n.ts`, an O3DE Gem's `XSystemComponent.cpp`, a Django
    app's `apps.py` and `urls.py`, a .NET app's `Program.cs`, a JVM app's `di` package; and read
    whole (`kind` "module"), not the functions it may define: a PowerShell module's root script,
    its loader (CIPP-API's eight `.psm1`, each dot-sourcing its `Public/*.ps1`, had been its only
    proposal), and a Go program's `main.go`, its entry point, as a .NET app's `Program.cs` is
    (oci-service-operator's 112 `cmd/manager/*/main.go`, each registering its API group and
    calling the shared `manager.Run`, had been its first proposal)."""
    name = path.rpartition("/")[2]
    return (FRAMEWORK_WIRING.fullmatch(name) is not None or DI_PACKAGE.fullmatch(path) is not None
            or kind == "module" and (name.endswith(".psm1") or name == "main.go"))
