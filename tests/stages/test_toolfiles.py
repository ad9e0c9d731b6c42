"""Tests for radar/stages/toolfiles.py: which files a build, test or release tool reads."""
from __future__ import annotations

import fnmatch

from hypothesis import given
from hypothesis import strategies as st

from radar.stages.toolfiles import (CONFIGURATION_FOLDERS, CONFIGURED_TOOLS, TOOL_CONFIGURATION, configures_a_tool,
                                   wires_a_framework)

SEGMENTS = st.sampled_from(["src", "lib", ".", "..", ".storybook", "config", "Configs", "jest", "vite", "setup.py",
                            "conf.py", "x.config.ts", "version.rb", ".eslintrc.cjs", "main.js", "a.b", "jest.conf.js"])


@given(st.lists(SEGMENTS, min_size=1, max_size=5))
def test_the_compiled_tool_test_says_what_the_globs_and_folders_say(segments):
    *folders, name = [segment.lower() for segment in segments]
    expected = (any(folder.startswith(".") and folder not in (".", "..") for folder in folders)
                or any(outer in CONFIGURATION_FOLDERS and inner in CONFIGURED_TOOLS
                       for outer, inner in zip(folders, folders[1:]))
                or any(fnmatch.fnmatchcase(name, pattern) for pattern in TOOL_CONFIGURATION))
    assert configures_a_tool("/".join(segments)) == expected


def test_a_build_manifest_written_as_code_is_a_tools_configuration():
    """SwiftPM's `Package.swift` (IceCubesApp's ten had been its first proposal), Conan's
    recipes, Leiningen's projects, Meteor's packages' `package.js` (`Package.describe`,
    `Package.onUse`: justdo-packages' 161 packages, three of whose were its nearest candidate);
    a Swift source named otherwise is code."""
    assert all(configures_a_tool(path) for path in ("Packages/Env/Package.swift", "recipes/zlib/conanfile.py",
                                                   "project.clj", "justdo-tasks/package.js",
                                                   # Ember CLI's build (nw-ueba-saas' 25: its first proposal)
                                                   "sa-ui/packages/investigate/ember-cli-build.js"))
    assert not configures_a_tool("Packages/Env/Sources/Env/Package.swiftinterface.swift")


def test_a_file_named_for_a_tool_then_its_part_is_the_tools_configuration():
    """open-ux-tools: five packages' `jest.resolver.cjs` had been its first proposal; `jest.setup.ts`,
    `webpack.common.js` likewise. A module named for the tool alone is code (a plugin's `vite.ts`)."""
    assert all(configures_a_tool(path) for path in ("packages/a/jest.resolver.cjs", "packages/a/jest.setup.ts",
                                                   "app/webpack.common.js", "web/vitest.setup.mjs"))
    assert not any(configures_a_tool(path) for path in ("src/plugins/vite.ts", "src/jest-utils.ts"))


def test_an_otp_applications_callback_and_supervisors_wire_a_framework():
    """OTP's names for an application's callback module and its supervisors (rebar3's templates);
    a module merely ending so in another language, or in a longer word, is none."""
    assert all(wires_a_framework(path) for path in ("apps/emqx_auth/src/emqx_auth_app.erl", "src/vmq_server_sup.erl"))
    assert not any(wires_a_framework(path) for path in ("src/emqx_auth.erl", "lib/x_sup.ex", "src/x_supervisor.erl",
                                                         "src/x_application.erl"))


def test_an_elixir_applications_callback_and_a_phoenix_endpoint_wire_a_framework():
    """phoenix-umbrella: eleven apps' `application.ex`, each `use Application` starting its own
    supervision tree, as Mix's template writes it, had been its first proposal, then ten web apps'
    `endpoint.ex`, each `use Phoenix.Endpoint` and its plugs."""
    assert wires_a_framework("apps/artour/lib/artour/application.ex")
    assert wires_a_framework("apps/blockquote/lib/blockquote_web/endpoint.ex")
    assert not wires_a_framework("apps/artour/lib/artour/applications.ex")


def test_an_o3de_gems_system_component_and_module_interface_wire_the_engine():
    """o3de-extras: each Gem's `<Name>SystemComponent.cpp`, as the engine's Gem template writes it
    (its services provided and reflected), had been its first proposal; its `ModuleInterface`
    likewise. A component of another name is the Gem's own work."""
    assert wires_a_framework("Gems/ROS2Sensors/Code/Source/Clients/ROS2SensorsSystemComponent.cpp")
    assert wires_a_framework("Gems/ROS2Sensors/Code/Source/ROS2SensorsModuleInterface.h")
    assert not wires_a_framework("Gems/ROS2Sensors/Code/Source/Lidar/LidarRaycasterComponent.cpp")
    assert not wires_a_framework("src/SystemComponent.py")


def test_a_django_apps_configuration_wires_the_framework():
    """devilry-django: five apps' `apps.py`, each an `AppConfig` whose `ready()` registers the app
    with the admin, had been its first proposal: Django asks each app for its own. A module of
    another name is the app's work."""
    assert wires_a_framework("devilry/devilry_account/apps.py")
    assert not wires_a_framework("devilry/devilry_account/appsettings.py")
    assert not wires_a_framework("src/apps.ts")


def test_a_django_apps_url_configuration_wires_the_framework():
    """bk-monitor: 37 apps' `urls.py`, each registering its views with a router and including its
    URLs, had been its first proposal: Django's root URL configuration includes each app's own.
    A module of another name, or another language's `urls`, is the app's work."""
    assert wires_a_framework("bkmonitor/packages/apm_web/db/urls.py")
    assert not wires_a_framework("bkmonitor/packages/apm_web/db/url_builder.py")
    assert not wires_a_framework("src/urls.ts")


def test_a_dotnet_apps_program_wires_its_host():
    """das-apim-endpoints: 32 APIs' `Program.cs`, each building the host of its `Startup`, as .NET's
    template writes it, had been its second proposal: every app has its own. A class of another
    name is the app's work."""
    assert wires_a_framework("src/Admin/SFA.DAS.Admin.Api/Program.cs")
    assert not wires_a_framework("src/Admin/SFA.DAS.Admin.Api/ProgramService.cs")
    assert not wires_a_framework("src/program.py")


def test_a_jvm_apps_dependency_injection_package_wires_its_framework():
    """nova-wallet-android: 20 features' `di/*FeatureHolder.kt`, each building its own Dagger
    components from their generated builders, had been its first proposal. A `di` folder holds
    a JVM app's injection; a file elsewhere, or another language's `di/`, is the app's work."""
    assert wires_a_framework("feature-buy-impl/src/main/java/io/nova/feature_buy_impl/di/BuyFeatureHolder.kt")
    assert wires_a_framework("app/src/main/java/com/x/di/modules/NetworkModule.java")
    assert not wires_a_framework("feature-buy-impl/src/main/java/io/nova/feature_buy_impl/BuyFeatureHolder.kt")
    assert not wires_a_framework("src/di/container.ts")
    assert not wires_a_framework("src/main/java/com/x/audi/Engine.kt")


def test_a_powershell_modules_root_script_read_whole_loads_it():
    """CIPP-API: eight modules' `.psm1`, each dot-sourcing its `Public/*.ps1` and exporting them,
    had been its only proposal; a function the root script defines is the module's work."""
    assert wires_a_framework("Modules/CIPPAlerts/CIPPAlerts.psm1", "module")
    assert not wires_a_framework("Modules/CIPPAlerts/CIPPAlerts.psm1", "function")
    assert not wires_a_framework("Modules/CIPPAlerts/Public/Get-Alert.ps1", "module")


def test_a_go_programs_main_file_read_whole_is_its_entry_point():
    """oci-service-operator: 112 services' `cmd/manager/*/main.go`, each registering its API group
    and calling the shared `manager.Run`, had been its first proposal; a function in it, or another
    file of the program, is the program's work."""
    assert wires_a_framework("cmd/manager/adm/main.go", "module")
    assert not wires_a_framework("cmd/manager/adm/main.go", "function")
    assert not wires_a_framework("cmd/manager/adm/options.go", "module")


def test_create_react_apps_own_files_are_its_configuration_and_wiring():
    """VEuPathDB's web-monorepo: six apps keep the web vitals reporter create-react-app's
    template writes (its first proposal) and three its dev server's `setupProxy.js` (its second)."""
    assert configures_a_tool("packages/libs/eda/src/setupProxy.js")
    assert wires_a_framework("packages/libs/eda/src/reportWebVitals.ts")
    assert not wires_a_framework("packages/libs/eda/src/reportErrors.ts")
