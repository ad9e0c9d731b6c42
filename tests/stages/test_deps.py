"""Deps stage: references found by the real grammars in small real snippets, resolved to the
subsystems of a fleet written to disk (manifests included); what cannot be resolved is ignored."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.reuse.findings import references
from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork
from radar.infra.cache import ParseCache
from radar.stages.deps import dependencies, remembered_dependencies
from radar.stages.discover import Fleet, SourceFile, Subsystem
from radar.stages.languages import language_for
from radar.stages.parse import extract
from stage_fixtures import NOW


def scan(root: Path, layout: dict[str, dict[str, str]], manifests: dict[str, str] = None, memo=None):
    """Write `layout` ({subsystem namespace: {path: text}}) under root and resolve its references
    (through the cache `memo` when one is given)."""
    for rel, text in (manifests or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    subsystems, results = [], []
    for namespace, files in layout.items():
        name = namespace.rsplit("/", 1)[-1]
        sources = []
        for path, text in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
            sources.append(SourceFile(path, str(root / path), None, NOW, False))
            language = language_for(path, {".sx": "clojure"})
            if language:
                work = FileWork(name, path, str(root / path), language, None)
                results.append(_bind(work, analyse_bytes(text.encode(), language)))
        subsystems.append(Subsystem(name, "package", str(root), namespace, None, None, tuple(sources), NOW,
                                    (), False, "quiet"))
    fleet = Fleet(str(root), "folder", tuple(subsystems), 0, (), NOW)
    if memo is not None:
        return remembered_dependencies(fleet, references(results), memo)
    return dependencies(fleet, references(results))


def edges(deps) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in deps.edges}


def test_python_absolute_and_relative_imports_name_the_owning_package(tmp_path):
    deps = scan(tmp_path, {
        "moto/core": {"moto/core/__init__.py": "", "moto/core/utils.py": "def camel(x):\n    return x\n"},
        "moto/utilities": {"moto/utilities/__init__.py": "", "moto/utilities/ids.py": "import uuid\n"},
        "moto/ec2": {"moto/ec2/__init__.py": "",
                     "moto/ec2/models.py": "import os\nfrom moto.core.utils import camel\n"
                                           "from ..utilities import ids\nfrom . import responses\n",
                     "moto/ec2/responses.py": "import moto.core\n"},
    })
    assert edges(deps) == {("ec2", "core"), ("ec2", "utilities")}
    core = deps.depends_on("ec2")["core"]
    assert core.files == 2 and core.evidence == ("moto/ec2/models.py:2", "moto/ec2/responses.py:1")
    assert deps.depends_on("ec2")["utilities"].evidence == ("moto/ec2/models.py:3",)
    assert deps.dependents()["core"] == 1 and deps.dependencies()["ec2"] == 2
    assert deps.unresolved == 2  # `import os`, `import uuid`: outside every subsystem, ignored


def test_python_relative_imports_name_the_module_of_a_fleet_of_modules(tmp_path):
    """aiohttp's `aiohttp/*.py`, one subsystem per module: `from .helpers import …` in web_ws.py
    named no subsystem, so the copies web_ws and client_ws share had no home."""
    deps = scan(tmp_path, {
        "aiohttp/helpers.py": {"aiohttp/helpers.py": "def set_result(f, r):\n    f.set_result(r)\n"},
        "aiohttp/web_ws.py": {"aiohttp/web_ws.py": "from .helpers import set_result\nfrom . import hdrs\n"},
        "aiohttp/_websocket": {"aiohttp/_websocket/__init__.py": "", "aiohttp/_websocket/reader.py": "X = 1\n"},
        "aiohttp/client_ws.py": {"aiohttp/client_ws.py": "from .helpers import set_result\n"
                                                         "from ._websocket.reader import X\n"},
    })
    assert edges(deps) == {("web_ws.py", "helpers.py"), ("client_ws.py", "helpers.py"),
                           ("client_ws.py", "_websocket")}


def test_a_module_imported_from_its_package_names_that_module_not_the_package(tmp_path):
    """neutron's type drivers, one-module subsystems beside `type_tunnel.py`, each `from
    neutron.drivers import type_tunnel`: that named the package's `__init__.py`, a subsystem too,
    so their copies' home was it rather than the module they extend."""
    deps = scan(tmp_path, {
        "neutron/drivers/__init__.py": {"neutron/drivers/__init__.py": "def load(name):\n    return name\n"},
        "neutron/drivers/type_tunnel.py": {"neutron/drivers/type_tunnel.py": "class Tunnel:\n    pass\n"},
        "neutron/drivers/helpers.py": {"neutron/drivers/helpers.py": "def mtu(x):\n    return x\n"},
        "neutron/drivers/type_gre.py": {"neutron/drivers/type_gre.py":
                                        "from neutron.drivers import (type_tunnel,  # the base\n"
                                        "    helpers as h)\n"},
        "neutron/drivers/type_vxlan.py": {"neutron/drivers/type_vxlan.py": "from . import type_tunnel, load\n"},
        "neutron/drivers/type_flat.py": {"neutron/drivers/type_flat.py": "from neutron.drivers import load\n"},
    })
    assert edges(deps) == {("type_gre.py", "type_tunnel.py"), ("type_gre.py", "helpers.py"),
                           ("type_vxlan.py", "type_tunnel.py"), ("type_vxlan.py", "__init__.py"),
                           ("type_flat.py", "__init__.py")}
    assert deps.depends_on("type_gre.py")["helpers.py"].evidence == ("neutron/drivers/type_gre.py:1",)


def test_a_python_class_base_names_the_subsystem_its_import_binds(tmp_path):
    """gns3-server's nodes each extend `BaseNode` (`from ..base_node import BaseNode`) and import
    `nios` too: a method they all copy belongs in the class they extend, so the graph records
    which subsystem holds a file's base classes, by the names its imports bind."""
    deps = scan(tmp_path, {
        "compute/base_node.py": {"compute/base_node.py": "class BaseNode:\n    pass\n"},
        "compute/nios": {"compute/nios/__init__.py": "", "compute/nios/udp.py": "class UDP:\n    pass\n"},
        "compute/iou": {"compute/iou/vm.py": "from ..base_node import BaseNode as Node\nfrom ..nios.udp import UDP\n"
                                             "class IOUVM(Node):\n    pass\n"},
        "compute/qemu": {"compute/qemu/vm.py": "import compute.nios.udp\nfrom .. import base_node\n"
                                               "class QemuVM(base_node.BaseNode, compute.nios.udp.UDP, Other):\n"
                                               "    pass\n"},
        "compute/vpcs": {"compute/vpcs/vm.py": "from ..nios.udp import UDP\nclass Local:\n    pass\n"
                                               "class VPCS(Local, BaseNode):\n    pass\n"},
        "compute/docker": {"compute/docker/vm.py": "from ..nios.udp import UDP\nfrom ..base_node import BaseNode\n"
                                                   "class Meta(type):\n    pass\n"
                                                   "class DockerVM(\n    BaseNode,\n):\n    pass\n"
                                                   "class Port(UDP):\n    pass\n"},
    })
    parents = deps.file_parents()  # by the line of the class whose bases they are
    assert parents[("iou", "compute/iou/vm.py")] == ((3, ""), (3, "base_node.py"))
    assert parents[("qemu", "compute/qemu/vm.py")] == ((3, ""), (3, "base_node.py"), (3, "nios"))
    assert ("vpcs", "compute/vpcs/vm.py") not in parents  # BaseNode is not imported there: no guess
    assert parents[("docker", "compute/docker/vm.py")] == ((3, ""), (5, ""), (5, "base_node.py"), (9, ""),
                                                           (9, "nios"))


def test_a_python_base_a_package_takes_from_its_own_module_names_that_module(tmp_path):
    """spiderfoot's 208 modules each extend `SpiderFootPlugin`, imported `from spiderfoot import
    SpiderFootPlugin`, which `spiderfoot/__init__.py` takes `from .plugin`: the class they extend
    is in `spiderfoot/plugin.py`, where a method they all copy belongs, not in the package's
    `__init__.py`. A name the package defines itself stays the package's."""
    deps = scan(tmp_path, {
        "spiderfoot/__init__.py": {"spiderfoot/__init__.py": "from .plugin import SpiderFootPlugin\n"
                                                             "class Local:\n    pass\n"},
        "spiderfoot/plugin.py": {"spiderfoot/plugin.py": "class SpiderFootPlugin:\n    pass\n"},
        "modules/sfp_dns.py": {"modules/sfp_dns.py": "from spiderfoot import SpiderFootPlugin\n"
                                                     "class sfp_dns(SpiderFootPlugin):\n    pass\n"},
        "modules/sfp_whois.py": {"modules/sfp_whois.py": "from spiderfoot import Local\n"
                                                         "class sfp_whois(Local):\n    pass\n"},
    })
    parents = deps.file_parents()
    assert parents[("sfp_dns.py", "modules/sfp_dns.py")] == ((2, ""), (2, "plugin.py"))
    assert parents[("sfp_whois.py", "modules/sfp_whois.py")] == ((2, ""), (2, "__init__.py"))


def test_a_javascript_class_base_names_the_subsystem_its_import_binds(tmp_path):
    """typeorm's query runners each extend `BaseQueryRunner` (`src/query-runner`) beside their
    driver's own helpers: the class a copied method goes up to, by the names imports bind."""
    deps = scan(tmp_path, {
        "src/query-runner": {"src/query-runner/Base.ts": "export abstract class BaseQueryRunner {}\n"},
        "src/driver": {"src/driver/utils.ts": "export class DriverUtils {}\nexport class Mixin {}\n"},
        "src/driver/mysql": {"src/driver/mysql/Runner.ts":
                             'import { BaseQueryRunner as Base } from "../../query-runner/Base"\n'
                             'import * as utils from "../utils"\n'
                             "export class Local {}\nexport class MysqlRunner extends Base implements QueryRunner {}\n"
                             "class Helper extends utils.Mixin {}\nclass Outside extends Unknown {}\n"},
        "src/driver/sqlite": {"src/driver/sqlite/runner.js":
                              'const { BaseQueryRunner } = require("../../query-runner/Base")\n'
                              "class SqliteRunner extends BaseQueryRunner {}\n"},
    })
    parents = deps.file_parents()
    assert parents[("mysql", "src/driver/mysql/Runner.ts")] == ((3, ""), (4, ""), (4, "query-runner"), (5, ""),
                                                              (5, "driver"), (6, ""))
    assert parents[("sqlite", "src/driver/sqlite/runner.js")] == ((2, ""), (2, "query-runner"))


def test_a_javascript_constructor_inheriting_by_a_call_names_the_subsystem_its_require_binds(tmp_path):
    """ace's 415 modes: `var TextMode = require("./text").Mode; … oop.inherits(Mode, TextMode);`
    (Node's `util.inherits` alike): the copied indentation logic of 25 of them went to `src/lib`,
    which every mode requires for `oop`, not to `text.js`, the mode they all inherit."""
    deps = scan(tmp_path, {
        "src/lib": {"src/lib/oop.js": "exports.inherits = function (ctor, superCtor) {};\n"},
        "src/mode/text.js": {"src/mode/text.js": "var Mode = function () {};\nexports.Mode = Mode;\n"},
        "src/mode/ada.js": {"src/mode/ada.js": 'var oop = require("../lib/oop");\n'
                                               'var TextMode = require("./text").Mode;\n'
                                               "var Mode = function () {};\noop.inherits(Mode, TextMode);\n"},
        "src/mode/dot.js": {"src/mode/dot.js": 'const { inherits } = require("util");\n'
                                               'const Base = require("./text").Mode;\n'
                                               "function Mode() {}\ninherits(Mode, Base);\n"},
    })
    parents = deps.file_parents()
    assert parents[("ada.js", "src/mode/ada.js")] == ((0, "text.js"),)
    assert parents[("dot.js", "src/mode/dot.js")] == ((0, "text.js"),)


def test_lua_requires_name_the_module_file_or_its_folders_init(tmp_path):
    """kong: `require "kong.plugins.base_plugin"` is `kong/plugins/base_plugin.lua`; `require
    "resty.http"`, a library outside the tree, is nothing."""
    deps = scan(tmp_path, {
        "kong/tools": {"kong/tools/utils.lua": "local M = {}\nreturn M\n",
                       "kong/tools/http/init.lua": "return {}\n"},
        "kong/plugins/jwt": {"kong/plugins/jwt/handler.lua":
                             'local utils = require "kong.tools.utils"\nlocal http = require("resty.http")\n'},
        "kong/plugins/acl": {"kong/plugins/acl/handler.lua": 'local h = require("kong.tools.http")\n'},
    })
    assert edges(deps) == {("jwt", "tools"), ("acl", "tools")}
    assert deps.depends_on("jwt")["tools"].evidence == ("kong/plugins/jwt/handler.lua:1",)


def test_mediawiki_lua_modules_name_their_pages_whatever_loads_them(tmp_path):
    """Liquipedia's Lua-Modules: a wiki's module loads `Module:MatchSummary/Base`, the page of
    `commons/MatchSummary/Base.lua`, through `require`, `mw.loadData` or the wikis' own
    `Lua.import`; none had resolved, so 410 candidates had no home. A string naming no module
    page is nothing."""
    deps = scan(tmp_path, {
        "lua/wikis/commons": {"lua/wikis/commons/MatchSummary/Base.lua": "local M = {}\nreturn M\n",
                              "lua/wikis/commons/Lua.lua": "return {}\n"},
        "lua/wikis/apexlegends": {"lua/wikis/apexlegends/MatchSummary.lua":
                                  "local title = mw.title.new('MatchSummary/Base')\n"
                                  "local MatchSummary = Lua.import('Module:MatchSummary/Base')\n"},
        "lua/wikis/dota2": {"lua/wikis/dota2/Tier.lua": "local data = mw.loadData('Module:MatchSummary/Base')\n"},
        "lua/wikis/valorant": {"lua/wikis/valorant/Tier.lua": "local Lua = require('Module:Lua')\n"},
        "lua/wikis/smash": {"lua/wikis/smash/Tier.lua": "local title = mw.title.new('MatchSummary/Base')\n"},
    })
    assert edges(deps) == {("apexlegends", "commons"), ("dota2", "commons"), ("valorant", "commons")}
    assert deps.depends_on("apexlegends")["commons"].evidence == ("lua/wikis/apexlegends/MatchSummary.lua:2",)


def test_python_src_layout_and_namespace_packages_are_never_guessed(tmp_path):
    flask = "instrumentation/otel-flask/src/opentelemetry/instrumentation/flask/__init__.py"
    deps = scan(tmp_path, {
        "instrumentation/otel-flask": {flask: "import flask\n"},
        "instrumentation/otel-wsgi": {
            "instrumentation/otel-wsgi/src/opentelemetry/instrumentation/wsgi/__init__.py":
                "from opentelemetry.instrumentation.flask import x\nimport opentelemetry.trace\n"},
    })
    # the third-party `flask` is not the subsystem whose package is named flask
    assert edges(deps) == {("otel-wsgi", "otel-flask")}


def test_javascript_and_typescript_resolve_package_names_and_relative_paths(tmp_path):
    deps = scan(tmp_path, {
        "packages/helper-plugin-utils": {"packages/helper-plugin-utils/src/index.ts": "export const a = 1;\n"},
        "packages/types": {"packages/types/src/index.js": "module.exports = {};\n"},
        "packages/plugin-a": {"packages/plugin-a/src/index.ts":
                              'import { declare } from "@babel/helper-plugin-utils";\n'
                              'export { t } from "../../types/src/index.js";\n'
                              'import lodash from "lodash";\n'},
        "packages/plugin-b": {"packages/plugin-b/src/index.js":
                              'const utils = require("@babel/helper-plugin-utils/lib/x");\n'
                              'import("./local.js");\n'},
    }, manifests={
        "packages/helper-plugin-utils/package.json": json.dumps({"name": "@babel/helper-plugin-utils"}),
        "packages/types/package.json": json.dumps({"name": "@babel/types"}),
    })
    assert edges(deps) == {("plugin-a", "helper-plugin-utils"), ("plugin-a", "types"),
                           ("plugin-b", "helper-plugin-utils")}


def test_a_package_named_as_a_dependency_of_its_own_is_never_what_that_name_imports(tmp_path):
    """sqlmesh's VS Code webview is named `react` and depends on React: the web client's
    `import … from 'react'` imports React, not the webview (its #1 had gone to the webview as
    the home every consumer imports); a package named otherwise is still imported by its name."""
    deps = scan(tmp_path, {
        "vscode/react": {"vscode/react/src/index.tsx": "export const view = 1;\n"},
        "web/common": {"web/common/src/utils.ts": "export const truncate = 1;\n"},
        "web/client": {"web/client/src/App.tsx": 'import { useEffect } from "react";\n'
                                                 'import { truncate } from "@sqlmesh/common";\n'},
    }, manifests={
        "vscode/react/package.json": json.dumps({"name": "react", "dependencies": {"react": "^18.3.1"}}),
        "web/common/package.json": json.dumps({"name": "@sqlmesh/common", "dependencies": {"react": "18.3.1"}}),
    })
    assert edges(deps) == {("client", "common")}


def test_typescript_path_aliases_name_the_folders_the_nearest_tsconfig_maps_them_to(tmp_path):
    """outline: `@server/*`, `~/*` in the root tsconfig.json (with comments and a trailing
    comma); a Next.js app's own `@/*`; an alias into node_modules names a dependency."""
    deps = scan(tmp_path, {
        "server": {"server/env.ts": "export class Environment {}\n"},
        "app": {"app/stores/index.ts": "export const stores = 1;\n"},
        "plugins/slack": {"plugins/slack/server/env.ts":
                          'import { Environment } from "@server/env";\nimport stores from "~/stores";\n'
                          'import vite from "vite";\n'},
        "apps/web": {"apps/web/src/lib/util.ts": "export const u = 1;\n",
                     "apps/web/src/page.tsx": 'import { u } from "@/lib/util";\nimport { a } from "~/stores";\n',
                     "apps/web/tsconfig.json": json.dumps({"compilerOptions": {"baseUrl": ".",
                                                                               "paths": {"@/*": ["src/*"]}}})},
    }, manifests={
        "tsconfig.json": '{\n  // the app\'s aliases\n  "compilerOptions": {"paths": {"@server/*": ["./server/*"],\n'
                         '    "~/*": ["./app/*"], /* a dependency */ "vite": ["./node_modules/vite/index.d.ts"],},},\n}\n',
    })
    assert edges(deps) == {("slack", "server"), ("slack", "app")}  # apps/web's nearest config has no `~/*`


def test_aliases_in_a_vue_apps_tsconfig_app_json_and_an_nx_workspaces_tsconfig_base_json(tmp_path):
    """tandoor: create-vue keeps `"@/*": ["./src/*"]` in `vue3/tsconfig.app.json`, its
    tsconfig.json only referencing it; amplication's Nx workspace keeps its libraries' names in
    the top `tsconfig.base.json`. Neither had been read: the pages' copies had no home."""
    deps = scan(tmp_path, {
        "vue3/src/openapi": {"vue3/src/openapi/index.ts": "export class ApiApi {}\n"},
        "vue3/src/pages": {"vue3/src/pages/Pantry.ts": 'import { ApiApi } from "@/openapi";\n'},
        "libs/util/nestjs": {"libs/util/nestjs/src/tracing.ts": "export const Tracing = 1;\n"},
        "packages/gateway": {"packages/gateway/src/main.ts": 'import { Tracing } from "@acme/util/nestjs/tracing";\n'},
    }, manifests={
        "vue3/tsconfig.json": json.dumps({"files": [], "references": [{"path": "./tsconfig.app.json"}]}),
        "vue3/tsconfig.app.json": json.dumps({"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"]}}}),
        "tsconfig.base.json": json.dumps({"compilerOptions": {"paths": {
            "@acme/util/nestjs/*": ["libs/util/nestjs/src/*"]}}}),
    })
    assert edges(deps) == {("pages", "openapi"), ("gateway", "nestjs")}


def test_a_base_url_from_the_config_a_tsconfig_extends_names_the_modules_under_it(tmp_path):
    """oncall: its web app's stores import `network/network` and `helpers/consts` through the
    `"baseUrl": "../src"` of `.config/tsconfig.json`, which its tsconfig.json extends: unread,
    the stores' copied `updateItems` x 12 had no home. A bare name naming no module there
    (`mobx`) stays a dependency's."""
    layout = {
        "app/src/network": {"app/src/network/network.ts": "export const makeRequest = 1;\n"},
        "app/src/models/cloud": {"app/src/models/cloud/cloud.ts":
                                 'import { makeRequest } from "network/network";\nimport { observable } from "mobx";\n'},
        "app/src/mobx": {"app/src/mobx/index.md.ts": "export const notMobx = 1;\n"},
    }
    manifests = {"app/tsconfig.json": json.dumps({"extends": "./.config/tsconfig.json", "compilerOptions": {}}),
                 "app/.config/tsconfig.json": json.dumps({"compilerOptions": {"baseUrl": "../src"}})}
    memo = ParseCache(tmp_path / "cache")
    try:
        assert edges(scan(tmp_path / "repo", layout, manifests, memo)) == {("cloud", "network")}
        moved = {**manifests, "app/.config/tsconfig.json": json.dumps({"compilerOptions": {"baseUrl": "../lib"}})}
        assert edges(scan(tmp_path / "repo", layout, moved, memo)) == set()  # the memo follows what it extends
    finally:
        memo.close()


def test_a_package_imported_through_an_alias_naming_no_module_is_that_package(tmp_path):
    """botpress: each integration's tsconfig maps "*" to "./*", and imports `@botpress/sdk`
    through it; no `./@botpress/sdk` exists, so TypeScript takes the workspace package, and so
    does the radar (the integrations had shared no dependency: no home for their copies). An
    alias naming a module the scan holds still names that module's subsystem."""
    alias = json.dumps({"compilerOptions": {"paths": {"*": ["./*"]}}})
    deps = scan(tmp_path, {
        "packages/sdk": {"packages/sdk/src/index.ts": "export const sdk = 1;\n"},
        "packages/util": {"packages/util/index.ts": "export const util = 1;\n"},
        "integrations/slack": {"integrations/slack/src/index.ts":
                               'import * as sdk from "@botpress/sdk";\nimport { util } from "util";\n',
                               "integrations/slack/util/index.ts": "export const util = 2;\n",
                               "integrations/slack/tsconfig.json": alias},
    }, manifests={"packages/sdk/package.json": json.dumps({"name": "@botpress/sdk"}),
                  "packages/util/package.json": json.dumps({"name": "util"})})
    assert edges(deps) == {("slack", "sdk")}


def test_node_subpath_imports_name_the_folders_the_nearest_package_json_maps_them_to(tmp_path):
    """formatjs: its eslint rules, one module each, import their plugin's helpers through the root
    package.json's `"imports": {"#packages/*": "./packages/*"}` (Node's subpath imports, a `.js`
    specifier naming the `.ts` source); unread, the copies of their `create` had gone to the
    parser most of them import. A subsystem's own map (`#src/*`, a conditional target) wins over
    the root's; a target outside the tree is a dependency."""
    deps = scan(tmp_path, {
        "packages/plugin": {"packages/plugin/util.ts": "export const getSettings = 1;\n"},
        "packages/plugin/rules/no-id.ts": {"packages/plugin/rules/no-id.ts":
                                           "import {getSettings} from '#packages/plugin/util.js'\n"
                                           "import {a} from '#dep'\n"},
        "packages/app": {"packages/app/src/x.ts": "export const x = 1;\n",
                         "packages/app/main.ts": "import {x} from '#src/x.js'\nimport {u} from '#packages/plugin/util.js'\n",
                         "packages/app/package.json": json.dumps({"name": "app", "imports": {
                             "#src/*": {"types": "./src/*", "default": "./src/*"}}})},
    }, manifests={"package.json": json.dumps({"name": "repo", "imports": {"#packages/*": "./packages/*",
                                                                          "#dep": "some-package"}})})
    assert edges(deps) == {("no-id.ts", "plugin")}  # app's own map has no `#packages/*`


def test_a_cpp_class_base_names_the_subsystem_defining_it_among_what_its_file_includes(tmp_path):
    """Ardour's audio backends: `class AlsaAudioBackend : public AudioBackend, public
    PortEngineSharedImpl` in each backend's header, `PortEngineSharedImpl` defined in
    `libs/ardour`, whose header it includes: a method they all copy belongs there. A class of
    that name the file does not include is none of its bases (openmm's platforms extend
    `Platform`, not the OpenCL bindings' `cl::Platform`), nor is a forward declaration one."""
    engine = ("namespace ARDOUR {\nclass PortEngineSharedImpl {\n public:\n  virtual ~PortEngineSharedImpl();\n};\n"
              "class Platform;\n}\n")
    deps = scan(tmp_path, {
        "libs/ardour": {"libs/ardour/port_engine_shared.h": engine},
        "libs/opencl": {"libs/opencl/opencl.hpp": "namespace cl {\nclass Platform {\n public:\n  int id;\n};\n}\n"},
        "libs/backends/alsa": {"libs/backends/alsa/alsa.h": (
            '#include "port_engine_shared.h"\nnamespace ARDOUR {\n'
            "class AlsaBackend : public AudioBackend, public ARDOUR::PortEngineSharedImpl {\n  int fd;\n};\n"
            "class AlsaPlatform : public Platform {\n  int n;\n};\n}\n")},
    })
    assert deps.file_parents()[("alsa", "libs/backends/alsa/alsa.h")] == ((3, ""), (3, "ardour"), (6, ""))


def test_a_c_modules_own_header_names_that_module(tmp_path):
    """tmux, each `*.c` at the top one subsystem: `#include "tmux.h"` names `tmux.c`, whose face
    it is; `<err.h>` is the system's, never tmux's `compat/err.c`."""
    deps = scan(tmp_path, {
        "tmux.c": {"tmux.c": "int main(void) { return 0; }\n"},
        "compat/err.c": {"compat/err.c": "void err(void) {}\n"},
        "window-tree.c": {"window-tree.c": '#include <err.h>\n#include "tmux.h"\nint tree(void) { return 1; }\n'},
    }, manifests={"tmux.h": "int main(void);\n", "compat/err.h": "void err(void);\n"})
    assert edges(deps) == {("window-tree.c", "tmux.c")}


def test_a_cpp_header_named_with_a_capital_h_is_found_by_its_include(tmp_path):
    """AMReX: its headers are `.H` (`#include <AMReX_MultiFab.H>`, Src/Base): not found by the
    tail of their path, its ten parts had resolved no include, so no copy had a home."""
    deps = scan(tmp_path, {
        "Src/Base": {"Src/Base/AMReX_MultiFab.H": "namespace amrex { class MultiFab {}; }\n"},
        "Src/Amr": {"Src/Amr/AMReX_Amr.cpp": "#include <AMReX_MultiFab.H>\nint level() { return 1; }\n"},
    })
    assert edges(deps) == {("Amr", "Base")}


def test_a_header_of_the_top_include_folder_names_the_subsystem_defining_it(tmp_path):
    """fluent-bit: plugins include `<fluent-bit/flb_output.h>`, kept in `include/` apart from
    `src/flb_output.c`, which it declares; `<stdio.h>` is the system's, never a `src/stdio.c`;
    a header named for sources in two subsystems names neither."""
    deps = scan(tmp_path, {
        "src": {"src/flb_output.c": "int flb_output(void) { return 0; }\n", "src/stdio.c": "int io(void) { return 1; }\n",
                "src/flb_two.c": "int two(void) { return 2; }\n"},
        "lib/other": {"lib/other/flb_two.c": "int other(void) { return 3; }\n"},
        "plugins/out_http": {"plugins/out_http/http.c": "#include <stdio.h>\n#include <fluent-bit/flb_output.h>\n"
                                                        "#include <fluent-bit/flb_two.h>\nint http(void) { return 4; }\n"},
    }, manifests={"include/fluent-bit/flb_output.h": "int flb_output(void);\n",
                  "include/fluent-bit/flb_two.h": "int two(void);\n"})
    assert edges(deps) == {("out_http", "src")}
    assert deps.depends_on("out_http")["src"].evidence == ("plugins/out_http/http.c:2",)


def test_remembered_dependencies_follow_the_headers_of_the_include_folder(tmp_path):
    layout = {"src": {"src/flb_output.c": "int flb_output(void) { return 0; }\n"},
              "plugins/out_http": {"plugins/out_http/http.c": "#include <fluent-bit/flb_output.h>\n"}}
    memo = ParseCache(tmp_path / "cache")
    try:
        assert edges(scan(tmp_path / "repo", layout, {}, memo)) == set()
        headers = {"include/fluent-bit/flb_output.h": "int flb_output(void);\n"}
        assert edges(scan(tmp_path / "repo", layout, headers, memo)) == {("out_http", "src")}
    finally:
        memo.close()


def test_a_module_that_is_a_subsystem_is_imported_without_its_extension(tmp_path):
    """redash's hooks are one module each, imported as `./useUpdate`."""
    deps = scan(tmp_path, {
        "client/app/hooks/useUpdate.js": {"client/app/hooks/useUpdate.js": "export default () => 2;\n"},
        "client/app/hooks/usePublish.js": {"client/app/hooks/usePublish.js": 'import useUpdate from "./useUpdate";\n'},
    })
    assert edges(deps) == {("usePublish.js", "useUpdate.js")}


def test_go_imports_below_the_module_path(tmp_path):
    deps = scan(tmp_path, {
        "pkg/store": {"pkg/store/store.go": "package store\n\nfunc Get() int { return 1 }\n"},
        "pkg/api": {"pkg/api/api.go": 'package api\n\nimport (\n\t"fmt"\n\t"example.com/fleet/pkg/store"\n)\n'},
    }, manifests={"go.mod": "module example.com/fleet\n\ngo 1.22\n"})
    assert edges(deps) == {("api", "store")}


def test_a_go_file_read_as_a_package_of_its_own_depends_on_the_rest_of_its_go_package(tmp_path):
    """terraform-provider-github: each `github/resource_*.go` a package of its own, calling the
    provider's helpers in `github/util.go` with no import (one Go package): its resources' copied
    secret handling had no home, and so no proposal. The package's own files need none of them."""
    util = "package github\n\nfunc checkOrganization(m any) error { return nil }\n"
    resource = "package github\n\nfunc resource{n}Read(m any) error {{ return checkOrganization(m) }}\n"
    deps = scan(tmp_path, {
        "github": {"github/util.go": util},
        "github/resource_github_team.go": {"github/resource_github_team.go": resource.format(n="Team")},
        "github/resource_github_repo.go": {"github/resource_github_repo.go": resource.format(n="Repo")},
    }, manifests={"go.mod": "module example.com/provider\n\ngo 1.22\n"})
    assert edges(deps) == {("resource_github_team.go", "github"), ("resource_github_repo.go", "github")}


def test_go_imports_of_a_module_nested_above_the_package_and_named_for_a_major_version(tmp_path):
    """pulumi: `sdk/go.mod` is `github.com/pulumi/pulumi/sdk/v3`, three folders above its
    packages, beside a top go.mod whose path it extends: an import of `…/sdk/v3/go/common/util`
    is `sdk/go/common/util`, by the longest module path it starts with."""
    deps = scan(tmp_path, {
        "sdk/go/common/util": {"sdk/go/common/util/util.go": "package util\n\nfunc Get() int { return 1 }\n"},
        "pkg/engine": {"pkg/engine/engine.go": 'package engine\n\nimport "github.com/pulumi/pulumi/sdk/v3/go/common/util"\n'},
    }, manifests={"go.mod": "module github.com/pulumi/pulumi\n", "sdk/go.mod": "module github.com/pulumi/pulumi/sdk/v3\n"})
    assert edges(deps) == {("engine", "util")}


def test_an_import_of_the_standard_library_never_names_a_module_of_the_same_name(tmp_path):
    """An Ansible collection: `plugins/filter/` (no `__init__.py`) holds `time.py`, a filter; a
    module's `import time` is the standard library's, not a dependency on the filters."""
    deps = scan(tmp_path, {
        "plugins/filter": {"plugins/filter/time.py": "def to_seconds(text):\n    return 1\n",
                           "plugins/filter/counter.py": "def counter(items):\n    return 2\n"},
        "plugins/module_utils": {"plugins/module_utils/scaleway.py": "import time\nimport counter\n"},
    })
    assert edges(deps) == {("module_utils", "filter")}
    assert deps.depends_on("module_utils")["filter"].evidence == ("plugins/module_utils/scaleway.py:2",)


def test_a_script_importing_a_module_beside_it_names_its_own_not_another_packages(tmp_path):
    """python-docs-samples: `cloud-sql/mysql/sqlalchemy/main.py` runs with its folder first on
    Python's path, so its `from app import save_vote` is its own `app.py`; `run/service-auth`, the
    one package whose top holds an `app.py`, had been taken for it, and so for the home of the three
    samples' copies. In a package (`__init__.py` beside) the same import is an absolute one."""
    deps = scan(tmp_path, {
        "run/service-auth": {"run/service-auth/app.py": "def save_vote(vote):\n    return 1\n"},
        "cloud-sql/mysql": {"cloud-sql/mysql/sqlalchemy/app.py": "def save_vote(vote):\n    return 2\n",
                            "cloud-sql/mysql/sqlalchemy/main.py": "from app import save_vote\nimport app.x\n"},
        "lib/votes": {"lib/votes/__init__.py": "", "lib/votes/app.py": "X = 1\n",
                      "lib/votes/tally.py": "from app import save_vote\n"},
    })
    assert edges(deps) == {("votes", "service-auth")}


def test_an_ansible_collection_imports_its_own_plugins_under_its_galaxy_name(tmp_path):
    deps = scan(tmp_path, {
        "plugins/module_utils": {"plugins/module_utils/_scaleway.py": "def fetch_state(api):\n    return 1\n"},
        "plugins/modules/scaleway_lb.py": {"plugins/modules/scaleway_lb.py":
                                           "from ansible_collections.community.general.plugins.module_utils._scaleway "
                                           "import fetch_state\nfrom ansible_collections.other.thing.plugins import x\n"},
    }, manifests={"galaxy.yml": "# a comment\nnamespace: community\nname: general\nversion: 13.4.0\n"})
    assert edges(deps) == {("scaleway_lb.py", "module_utils")}
    assert deps.unresolved == 1  # another collection's: not in this repository


def test_rust_use_and_extern_crate_by_crate_name(tmp_path):
    deps = scan(tmp_path, {
        "crates/persist-core": {"crates/persist-core/src/lib.rs": "pub fn get() {}\n"},
        "crates/cli": {"crates/cli/src/main.rs": "use persist_core::{get};\nuse std::io;\nuse crate::x;\n"},
        "crates/web": {"crates/web/src/main.rs": "extern crate persist_core;\n"},
    }, manifests={"crates/persist-core/Cargo.toml": '[package]\nname = "persist-core"\nversion = "0.1.0"\n'})
    assert edges(deps) == {("cli", "persist-core"), ("web", "persist-core")}


def test_rust_paths_inside_a_crate_name_the_module_folders_that_are_subsystems(tmp_path):
    """vector: one crate whose `src/sinks/*` are subsystems; a sink's `use crate::sinks::util`,
    `super::util` from a sink's mod.rs and `super::super::util` from a file below it name the
    sinks' helpers; `crate::config`, a module no subsystem holds, names nothing."""
    deps = scan(tmp_path, {
        "src/sinks/util": {"src/sinks/util/mod.rs": "pub fn encode() {}\n"},
        "src/sinks/kafka": {"src/sinks/kafka/mod.rs": "use super::util::encode;\nuse self::sink::Sink;\n",
                  "src/sinks/kafka/sink.rs": "use crate::config::SinkConfig;\n"},
        "src/sinks/http": {"src/sinks/http/request_builder.rs": "use crate::sinks::util::{encode, Compression};\n"},
        "src/sinks/nats": {"src/sinks/nats/sink/batch.rs": "use super::super::super::util::encode;\n"},
    })
    assert edges(deps) == {("kafka", "util"), ("http", "util"), ("nats", "util")}


def test_java_imports_by_declared_package(tmp_path):
    deps = scan(tmp_path, {
        "modules/util": {"modules/util/src/main/java/com/acme/util/Strings.java":
                         "package com.acme.util;\npublic class Strings {}\n"},
        "modules/app": {"modules/app/src/main/java/com/acme/app/Main.java":
                        "package com.acme.app;\nimport com.acme.util.Strings;\nimport java.util.List;\n"
                        "class Main {}\n"},
    })
    assert edges(deps) == {("app", "util")}


def test_a_java_import_names_its_own_package_or_class_never_one_further_up(tmp_path):
    """thingsboard: `org.thingsboard.server.gen.transport.TransportProtos` is generated at build
    time; the application, which declares `org.thingsboard.server`, had been named the owner
    of every such import, and so the home of code only the modules below it hold."""
    java = "{0}/src/main/java/{1}.java"
    deps = scan(tmp_path, {
        "application": {java.format("application", "org/acme/server/ServerApplication"):
                        "package org.acme.server;\npublic class ServerApplication {}\n"},
        "cache": {java.format("cache", "org/acme/server/cache/Caches"):
                  "package org.acme.server.cache;\npublic class Caches { public static class Spec {} }\n"},
        "dao": {java.format("dao", "org/acme/server/dao/DeviceDao"):
                "package org.acme.server.dao;\nimport org.acme.server.gen.transport.TransportProtos;\n"
                "import org.acme.server.cache.Caches.Spec;\nimport org.acme.server.cache.*;\nclass DeviceDao {}\n"},
    })
    assert edges(deps) == {("dao", "cache")}


def test_a_librarys_package_a_module_puts_a_shim_in_names_only_that_shims_classes(tmp_path):
    """canal: its es6x adapter puts two classes in Elasticsearch's `org.elasticsearch.client` (to
    reach what the client keeps package-private), and its common module one in Guava's
    `com.google.common`; every other adapter's `import org.elasticsearch.client.RestClient` had
    named es6x, and the admin's `import com.google.common.collect.Lists` common."""
    java = "modules/{0}/src/main/java/{1}.java"
    deps = scan(tmp_path, {
        "modules/es6x": {java.format("es6x", "com/acme/es6x/Adapter"): "package com.acme.es6x;\nclass Adapter {}\n",
                         java.format("es6x", "com/acme/es6x/Template"): "package com.acme.es6x;\nclass Template {}\n",
                         java.format("es6x", "org/lib/client/Shim"): "package org.lib.client;\npublic class Shim {}\n"},
        "modules/es7x": {java.format("es7x", "com/acme/es7x/Adapter"):
                         "package com.acme.es7x;\nimport org.lib.client.RestClient;\nclass Adapter {}\n"},
        "modules/es8x": {java.format("es8x", "com/acme/es8x/Adapter"):
                         "package com.acme.es8x;\nimport org.lib.client.Shim;\nclass Adapter {}\n"},
    })
    assert edges(deps) == {("es8x", "es6x")}  # the shim itself is es6x's; the library's own classes nobody's


def test_a_package_the_tree_only_adds_a_class_to_names_no_subsystem_for_the_others(tmp_path):
    """osh-addons: its digital I/O module keeps `I2CConfig` in the core's
    `org.sensorhub.impl.comm` (the core is no part of the tree), whose `RobustHTTPConnection`,
    `TCPConfig` and `UDPConfig` the camera drivers import: every driver's copies had gone home
    to the I/O module. Most classes imported from that package have no file of their name in
    the tree: it is another project's, its other classes nobody's; its own class is still
    the module's. A package whose imported classes are mostly the tree's stays its own."""
    java = "{0}/src/main/java/{1}.java"

    def edges_with(imported: tuple[str, ...]):
        drivers = {name: {java.format(name, f"org/sensorhub/impl/sensor/{name}/Driver"):
                          f"package org.sensorhub.impl.sensor.{name};\nimport org.sensorhub.impl.comm.{cls};\n"
                          "class Driver {}\n"} for name, cls in zip(("axis", "dahua", "foscam"), imported)}
        return edges(scan(tmp_path / "-".join(imported), {
            "comm-dio": {java.format("comm-dio", "org/sensorhub/impl/comm/I2CConfig"):
                         "package org.sensorhub.impl.comm;\npublic class I2CConfig {}\n",
                         java.format("comm-dio", "org/sensorhub/impl/comm/dio/Provider"):
                         "package org.sensorhub.impl.comm.dio;\nclass Provider {}\n"},
            "comm-ble": {java.format("comm-ble", "org/sensorhub/impl/comm/ble/Ble"):
                         "package org.sensorhub.impl.comm.ble;\nimport org.sensorhub.impl.comm.I2CConfig;\nclass Ble {}\n"},
            **drivers}))

    assert edges_with(("RobustHTTPConnection", "TCPConfig", "UDPConfig")) == {("comm-ble", "comm-dio")}
    assert edges_with(("I2CConfig", "I2CConfig", "TCPConfig")) == {
        ("comm-ble", "comm-dio"), ("axis", "comm-dio"), ("dahua", "comm-dio"), ("foscam", "comm-dio")}


def test_a_package_a_module_declares_apart_from_its_own_names_it_only_for_its_classes(tmp_path):
    """Plan: its Fabric module adds `FabricListeners` and `FabricPluginLogger` to its platform
    layer's `net.playeranalytics.plugin.server` (no part of the tree) beside its own
    `net.playeranalytics.plan`, and every platform's module imports that package's
    `PluginLogger` and `Listeners`: half the classes imported are the tree's, and every
    platform's copies had gone home to Fabric. Its own classes still name it."""
    java = "{0}/src/main/java/{1}.java"
    server = "net/playeranalytics/plugin/server"
    platforms = {name: {java.format(name, f"com/djrapitops/plan/{name}/PingCounter"):
                        f"package com.djrapitops.plan.{name};\nimport net.playeranalytics.plugin.server.Listeners;\n"
                        "import net.playeranalytics.plugin.server.PluginLogger;\nclass PingCounter {}\n"}
                 for name in ("bukkit", "nukkit", "sponge")}
    platforms["sponge"][java.format("sponge", "com/djrapitops/plan/sponge/Logs")] = (
        "package com.djrapitops.plan.sponge;\nimport net.playeranalytics.plugin.server.FabricPluginLogger;\nclass Logs {}\n")
    fabric = {java.format("fabric", f"net/playeranalytics/plan/gathering/Part{n}"):
              f"package net.playeranalytics.plan.gathering;\nclass Part{n} {{}}\n" for n in range(10)}
    fabric[java.format("fabric", "net/playeranalytics/plan/PlanFabric")] = (
        "package net.playeranalytics.plan;\nimport net.playeranalytics.plugin.server.FabricListeners;\nclass PlanFabric {}\n")
    fabric[java.format("fabric", f"{server}/FabricListeners")] = \
        "package net.playeranalytics.plugin.server;\npublic class FabricListeners {}\n"
    fabric[java.format("fabric", f"{server}/FabricPluginLogger")] = \
        "package net.playeranalytics.plugin.server;\npublic class FabricPluginLogger {}\n"
    deps = scan(tmp_path, {"fabric": fabric, **platforms})
    assert edges(deps) == {("sponge", "fabric")}


def test_a_class_whose_file_is_skipped_as_generated_is_still_the_trees(tmp_path):
    """com-liferay-commerce: Service Builder writes each module's services (`@generated`, skipped
    unread), beside the few classes written by hand in their package; the modules importing the
    services name the module holding them, as its package is its own."""
    java = "{0}/src/main/java/com/liferay/commerce/currency/service/{1}.java"
    generated = "package com.liferay.commerce.currency.service;\n/**\n * @generated\n */\npublic interface {0} {{}}\n"
    api = {java.format("currency-api", name): generated.format(name)
           for name in ("CommerceCurrencyLocalService", "CommerceCurrencyService", "CommerceCurrencyLocalServiceUtil")}
    api[java.format("currency-api", "RoundingType")] = "package com.liferay.commerce.currency.service;\nclass RoundingType {}\n"
    imports = "".join(f"import com.liferay.commerce.currency.service.{name};\n"
                      for name in ("CommerceCurrencyLocalService", "CommerceCurrencyService", "CommerceCurrencyLocalServiceUtil"))
    users = {name: {f"{name}/src/main/java/com/liferay/commerce/{name}/Display.java":
                    f"package com.liferay.commerce.{name};\n{imports}class Display {{}}\n"} for name in ("cart", "order")}
    deps = scan(tmp_path, {"currency-api": api, **users})
    assert edges(deps) == {("cart", "currency-api"), ("order", "currency-api")}


def test_a_php_class_named_as_pear_names_them_names_the_subsystem_holding_its_file(tmp_path):
    """koala-framework: 3,000 PHP files of no namespace, autoloaded by PEAR's names
    (`Kwf_Model_Select` in `Kwf/Model/Select.php`), made, called and extended bare: no reference
    had resolved, so its first scan had proposed nothing of 525 candidates. A class named bare
    with no underscore, or in a file declaring a namespace, is left as before."""
    deps = scan(tmp_path, {
        "Kwf/Model": {"Kwf/Model/Select.php": "<?php\nclass Kwf_Model_Select {}\n"},
        "Kwf/Component": {"Kwf/Component/Abstract.php": "<?php\nclass Kwf_Component_Abstract {}\n"},
        "Kwf/Registry": {"Kwf/Registry/Registry.php": "<?php\nclass Registry {}\n"},
        "Kwc/List": {"Kwc/List/Component.php": "<?php\nclass Kwc_List_Component extends Kwf_Component_Abstract {\n"
                     "    public function select() { Kwf_Model_Select::MAX; return new Registry(); }\n}\n"},
        "Kwc/Menu": {"Kwc/Menu/Model.php": "<?php\nclass Kwc_Menu_Model {\n"
                     "    public function rows() { return Kwf_Model_Select::fromArray(array()); }\n}\n"},
    })
    assert edges(deps) == {("List", "Component"), ("List", "Model"), ("Menu", "Model")}


def test_a_php_class_of_no_namespace_names_the_one_subsystem_declaring_it(tmp_path):
    """so-widgets-bundle, a WordPress plugin: its 28 widgets each extend `SiteOrigin_Widget`,
    declared in `base/siteorigin-widget.class.php`, a name no path follows and no file imports:
    the widgets shared no dependency, so a method three of them copy had no home. A class two
    subsystems declare names neither; a class of a namespace is found by its `use` as before."""
    deps = scan(tmp_path, {
        "base": {"base/siteorigin-widget.class.php": "<?php\nabstract class SiteOrigin_Widget extends WP_Widget {}\n"
                                                     "class SiteOrigin_Widget_Field {}\n"},
        "widgets/image": {"widgets/image/image.php": "<?php\nclass SO_Image_Widget extends SiteOrigin_Widget {\n"
                                                     "    function f() { return new Twice_Declared(); }\n}\n"},
        "widgets/grid": {"widgets/grid/grid.php": "<?php\nclass SO_Grid_Widget {\n"
                                                  "    function f() { return new SiteOrigin_Widget_Field(); }\n}\n"},
        "compat/a": {"compat/a/a.php": "<?php\nclass Twice_Declared {}\n"},
        "compat/b": {"compat/b/b.php": "<?php\nclass Twice_Declared {}\n"},
        "spaced": {"spaced/Widget.php": "<?php\nnamespace App;\nclass SiteOrigin_Widget {}\n"},
    })
    assert edges(deps) == {("image", "base"), ("grid", "base")}
    assert deps.file_parents()[("image", "widgets/image/image.php")] == ((2, ""), (2, "base"))


def test_kotlin_imports_by_declared_package_java_ones_too(tmp_path):
    deps = scan(tmp_path, {
        "ktor-utils": {"ktor-utils/common/src/io/ktor/util/Attributes.kt":
                       "package io.ktor.util\n\nclass Attributes\n"},
        "ktor-io": {"ktor-io/jvm/src/io/ktor/utils/io/Channel.java": "package io.ktor.utils.io;\nclass Channel {}\n"},
        "ktor-http": {"ktor-http/common/src/io/ktor/http/Headers.kt":
                      "package io.ktor.http\n\nimport io.ktor.util.*\nimport io.ktor.utils.io.Channel\n"
                      "import kotlinx.coroutines.launch\n\nclass Headers\n"},
    })
    assert edges(deps) == {("ktor-http", "ktor-utils"), ("ktor-http", "ktor-io")}


def test_a_java_or_kotlin_superclass_of_the_own_package_names_the_file_declaring_it(tmp_path):
    """checkstyle: each naming check is a one-module package extending `AbstractNameCheck`, a
    class of its own package, which needs no import; the checks shared no dependency, so no home."""
    package = "package org.x.checks.naming;\n"
    deps = scan(tmp_path, {
        "naming/AbstractNameCheck.java": {"naming/AbstractNameCheck.java":
                                          package + "public abstract class AbstractNameCheck {}\n"},
        "naming/Nameable.java": {"naming/Nameable.java": package + "public interface Nameable<T> {}\n"},
        "naming/CatchCheck.java": {"naming/CatchCheck.java":
                                   package + "public class CatchCheck extends AbstractNameCheck implements Nameable<String>,"
                                   " Runnable {}\n"},
        "naming/LambdaCheck.java": {"naming/LambdaCheck.java": package + "class LambdaCheck extends Missing {}\n"},
        "other/Base.kt": {"other/Base.kt": "package org.x.other\n\nopen class Base\n"},
        "other/KCheck.kt": {"other/KCheck.kt": "package org.x.other\n\nclass KCheck : Base(), Nameable<Int>\n"},
    })
    assert edges(deps) == {("CatchCheck.java", "AbstractNameCheck.java"), ("CatchCheck.java", "Nameable.java"),
                           ("KCheck.kt", "Base.kt")}
    assert deps.file_parents()[("CatchCheck.java", "naming/CatchCheck.java")] == ((0, "AbstractNameCheck.java"),
                                                                                 (0, "Nameable.java"))


def test_php_use_by_declared_namespace_and_by_class_file_when_components_share_one(tmp_path):
    """laravel: Collections and Support both declare `Illuminate\\Support`; Str.php is Support's."""
    deps = scan(tmp_path, {
        "src/Illuminate/Support": {"src/Illuminate/Support/Str.php": "<?php\nnamespace Illuminate\\Support;\nclass Str {}\n",
                                   "src/Illuminate/Support/Facades/Route.php":
                                   "<?php\nnamespace Illuminate\\Support\\Facades;\nclass Route {}\n"},
        "src/Illuminate/Collections": {"src/Illuminate/Collections/Arr.php":
                                       "<?php\nnamespace Illuminate\\Support;\nclass Arr {}\n"},
        "src/Illuminate/Routing": {"src/Illuminate/Routing/Router.php":
                                   "<?php\nnamespace Illuminate\\Routing;\n\nuse Illuminate\\Support\\Arr;\n"
                                   "use Illuminate\\Support\\Facades\\{Route, View};\nuse Psr\\Log\\Logger;\n"},
        "src/Illuminate/Mail": {"src/Illuminate/Mail/Mailer.php":
                                "<?php\nnamespace Illuminate\\Mail;\n\nuse function Illuminate\\Support\\Str;\n"
                                "use Illuminate\\Support\\Missing;\n"},
    })
    assert edges(deps) == {("Routing", "Collections"), ("Routing", "Support"), ("Mail", "Support")}
    assert deps.unresolved == 2  # Psr\Log (no subsystem), Illuminate\Support\Missing (two declare the namespace)


def test_php_require_and_include_by_the_path_they_name(tmp_path):
    """cacti's and SuiteCRM's PHP predates namespaces: `require_once(CACTI_PATH_LIBRARY .
    '/poller.php')` names `lib/poller.php` by the path's tail, `require_once('include/MVC/x.php')`
    by its path, `require __DIR__ . '/../lib/rrd.php'` from the file's own folder; their copies had
    had no home ("the consumers share no dependency"), cacti's and phpipam's first scans nothing
    to propose. A path the fleet does not hold, or two files end as, names nothing."""
    deps = scan(tmp_path, {
        "lib/poller.php": {"lib/poller.php": "<?php\nfunction poll() { return 1; }\n"},
        "lib/rrd.php": {"lib/rrd.php": "<?php\nfunction rrd() { return 1; }\n"},
        "include/MVC": {"include/MVC/x.php": "<?php\nfunction view() { return 1; }\n",
                        "include/MVC/util.php": "<?php\nfunction util() { return 1; }\n"},
        "modules/Calls": {"modules/Calls/Call.php": "<?php\nrequire_once(CACTI_PATH_LIBRARY . '/poller.php');\n"
                                                    "require_once('include/MVC/x.php');\n"
                                                    "require_once('vendor/autoload.php');\n"},
        "cli/boost.php": {"cli/boost.php": "<?php\nrequire __DIR__ . '/../lib/rrd.php';\ninclude 'util.php';\n"},
        "cli/util.php": {"cli/util.php": "<?php\nfunction cli_util() { return 1; }\n"},
    })
    assert edges(deps) == {("Calls", "poller.php"), ("Calls", "MVC"), ("boost.php", "rrd.php")}


def test_a_php_base_class_names_the_file_declaring_it_in_its_namespace(tmp_path):
    """wallabag's importers extend `AbstractImport` beside them (no `use` needed): their copied
    `parseEntries` goes up to it. A base `use`d from another namespace is the one it names."""
    deps = scan(tmp_path, {
        "src/Import/AbstractImport.php": {"src/Import/AbstractImport.php":
                                          "<?php\nnamespace Wallabag\\Import;\nabstract class AbstractImport {}\n"},
        "src/Import/PinboardImport.php": {"src/Import/PinboardImport.php":
                                          "<?php\nnamespace Wallabag\\Import;\n"
                                          "class PinboardImport extends AbstractImport {}\n"},
        "src/Helper": {"src/Helper/Base.php": "<?php\nnamespace Wallabag\\Helper;\nclass Base {}\n"},
        "src/Import/HtmlImport.php": {"src/Import/HtmlImport.php":
                                      "<?php\nnamespace Wallabag\\Import;\nuse Wallabag\\Helper\\Base;\n"
                                      "class HtmlImport extends Base {}\n"},
    })
    parents = deps.file_parents()
    assert parents[("PinboardImport.php", "src/Import/PinboardImport.php")] == ((3, ""), (3, "AbstractImport.php"))
    assert parents[("HtmlImport.php", "src/Import/HtmlImport.php")] == ((4, ""), (4, "Helper"))


def test_csharp_using_by_declared_namespace(tmp_path):
    deps = scan(tmp_path, {
        "src/Orders.Core": {"src/Orders.Core/Order.cs": "namespace Orders.Core;\npublic class Order { }\n"},
        "src/Orders.Data": {"src/Orders.Data/Store.cs":
                            "namespace Orders.Data\n{\n    public class Store { }\n}\n"},
        "src/Orders.Api": {"src/Orders.Api/Controller.cs":
                           "using System;\nusing Orders.Core;\nusing Db = Orders.Data;\n"
                           "namespace Orders.Api { class Controller { } }\n"},
    })
    assert edges(deps) == {("Orders.Api", "Orders.Core"), ("Orders.Api", "Orders.Data")}


def test_a_csharp_base_class_of_the_own_namespace_names_the_file_declaring_it(tmp_path):
    """Newtonsoft.Json's `JArray` and `JObject` extend `JContainer`, a class of their own
    namespace, which needs no `using`: their copied `Parse` had gone to a polyfill of LINQ that
    two of their files import, never to the class they extend. `JContainer.Async.cs` holds
    more of the partial class: the file named for it is where it is declared."""
    namespace = "namespace Json.Linq\n{\n"
    deps = scan(tmp_path, {
        "Linq/JContainer.cs": {"Linq/JContainer.cs": namespace + "public abstract class JContainer { }\n}\n"},
        "Linq/JContainer.Async.cs": {"Linq/JContainer.Async.cs": namespace + "partial class JContainer { }\n}\n"},
        "Linq/JArray.cs": {"Linq/JArray.cs": namespace + "public class JArray : JContainer, IList<JToken> { }\n}\n"},
        "Linq/JObject.cs": {"Linq/JObject.cs": "namespace Json.Linq;\npublic class JObject : JContainer { }\n"},
        "Linq/JBag.cs": {"Linq/JBag.cs": namespace + "class JBag : Collection<JContainer> { }\n}\n"},
    })
    assert edges(deps) == {("JArray.cs", "JContainer.cs"), ("JObject.cs", "JContainer.cs")}
    assert deps.file_parents()[("JArray.cs", "Linq/JArray.cs")] == ((0, "JContainer.cs"),)


def test_a_base_class_of_an_imported_namespace_or_package_is_the_class_extended(tmp_path):
    """wabbajack: each downloader extends `ADownloader<T>`, declared in the namespace it imports
    with `using`; a Java class extends one it imports by name or with its package's `*`; a PHP
    class one it `use`s. Only a base of the file's own namespace had been found, so the home of
    a method the downloaders copy was any package they all import."""
    deps = scan(tmp_path, {
        "Downloaders.Interfaces": {"Downloaders.Interfaces/ADownloader.cs":
                                   "namespace Downloaders.Interfaces;\npublic abstract class ADownloader<T> { }\n"},
        "Paths": {"Paths/AbsolutePath.cs": "namespace Paths;\npublic class AbsolutePath { }\n"},
        "Downloaders.Http": {"Downloaders.Http/HttpDownloader.cs":
                             "using Paths;\nusing Downloaders.Interfaces;\nnamespace Downloaders.Http;\n"
                             "public class HttpDownloader : ADownloader<Http>, IUrlDownloader { }\n"},
        "core": {"core/src/org/app/core/AbstractCheck.java": "package org.app.core;\npublic class AbstractCheck { }\n",
                 "core/src/org/app/core/Base.java": "package org.app.core;\npublic class Base { }\n"},
        "naming": {"naming/src/org/app/naming/NameCheck.java":
                   "package org.app.naming;\nimport org.app.core.AbstractCheck;\n"
                   "public class NameCheck extends AbstractCheck { }\n"},
        "sizes": {"sizes/src/org/app/sizes/SizeCheck.java":
                  "package org.app.sizes;\nimport org.app.core.*;\npublic class SizeCheck extends Base { }\n"},
        "Framework": {"Framework/Controller.php": "<?php\nnamespace App\\Framework;\nclass Controller { }\n"},
        "Blog": {"Blog/PostController.php": "<?php\nnamespace App\\Blog;\nuse App\\Framework\\Controller;\n"
                                            "class PostController extends Controller { }\n"},
    })
    parents = deps.file_parents()
    assert parents[("Downloaders.Http", "Downloaders.Http/HttpDownloader.cs")] == ((0, "Downloaders.Interfaces"),)
    assert parents[("naming", "naming/src/org/app/naming/NameCheck.java")] == ((0, "core"),)
    assert parents[("sizes", "sizes/src/org/app/sizes/SizeCheck.java")] == ((0, "core"),)
    assert [target for _, target in parents[("Blog", "Blog/PostController.php")] if target] == ["Framework"]


def test_a_kotlin_class_extends_a_class_it_imports(tmp_path):
    """komikku-extensions: each Madara site's class extends `Madara`, imported from the theme's
    package (`lib-multisrc/madara`); only a base of the file's own package had been found, so a
    module five sites copy went to `lib/unpacker`, a helper each imports, not to the theme."""
    deps = scan(tmp_path, {
        "madara": {"madara/src/org/app/multisrc/madara/Madara.kt": "package org.app.multisrc.madara\n"
                                                                   "open class Madara(val name: String)\n"},
        "unpacker": {"unpacker/src/org/app/lib/unpacker/Unpacker.kt": "package org.app.lib.unpacker\n"
                                                                      "object Unpacker\n"},
        "mangaisekai": {"mangaisekai/src/org/app/ext/mangaisekai/MangaIsekai.kt":
                        "package org.app.ext.mangaisekai\nimport org.app.lib.unpacker.Unpacker\n"
                        "import org.app.multisrc.madara.Madara\nclass MangaIsekai : Madara(\"MangaIsekai\")\n"},
        "manhuakey": {"manhuakey/src/org/app/ext/manhuakey/ManhuaKey.kt":
                      "package org.app.ext.manhuakey\nimport org.app.multisrc.madara.*\n"
                      "class ManhuaKey : Madara(\"ManhuaKey\"), Comparable<ManhuaKey>\n"},
    })
    parents = deps.file_parents()
    assert parents[("mangaisekai", "mangaisekai/src/org/app/ext/mangaisekai/MangaIsekai.kt")] == ((0, "madara"),)
    assert parents[("manhuakey", "manhuakey/src/org/app/ext/manhuakey/ManhuaKey.kt")] == ((0, "madara"),)


def test_dotnet_project_references_and_the_platform_namespaces_no_project_owns(tmp_path):
    """aspire: each hosting package's .csproj references `..\\Aspire.Hosting\\Aspire.Hosting.csproj`;
    a Keycloak client declares `namespace Microsoft.Extensions.DependencyInjection` for its
    extension methods, which every package imports from the platform, not from it."""
    project = ('<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n'
               '    <ProjectReference Include="..\\Aspire.Hosting\\Aspire.Hosting.csproj" />\n'
               '    <ProjectReference Include="$(RepoRoot)src\\Tools\\Tools.csproj" />\n  </ItemGroup>\n</Project>\n')
    using = "using Microsoft.Extensions.DependencyInjection;\n"
    deps = scan(tmp_path, {
        "src/Aspire.Hosting": {"src/Aspire.Hosting/Resource.cs": "namespace Aspire.Hosting.Model;\nclass Resource { }\n"},
        "src/Aspire.Hosting.Redis": {"src/Aspire.Hosting.Redis/Redis.cs": using + "namespace Aspire.Hosting;\nclass R { }\n"},
        "src/Aspire.Keycloak": {"src/Aspire.Keycloak/Ext.cs":
                                "namespace Microsoft.Extensions.DependencyInjection;\nstatic class KeycloakExtensions { }\n"},
        "src/Tools": {"src/Tools/Tool.cs": "namespace Tools;\nclass Tool { }\n"},
    }, manifests={"src/Aspire.Hosting.Redis/Aspire.Hosting.Redis.csproj": project,
                  "src/Aspire.Hosting/Aspire.Hosting.csproj": '<Project Sdk="Microsoft.NET.Sdk" />\n'})
    assert edges(deps) == {("Aspire.Hosting.Redis", "Aspire.Hosting")}
    (edge,) = deps.edges
    assert edge.evidence == ("src/Aspire.Hosting.Redis/Aspire.Hosting.Redis.csproj:3",)


def test_a_namespace_a_dotnet_project_adds_one_class_to_names_no_one_but_its_own_newer_one_does(tmp_path):
    """YetaWF-Modules' Identity puts one helper in the framework's `YetaWF.Core.Support`, beside
    its own files of `YetaWF.Modules.Identity`: every module's `using YetaWF.Core.Support;` had
    named Identity, the home of eight of its nine proposals. Intersect-Engine's network project
    declares `Intersect.Network` mostly and a few newer `Intersect.Framework.Core.Network…`,
    named for its folders: its own."""
    identity = {f"Identity/Controllers/C{n}.cs": f"namespace YetaWF.Modules.Identity.Controllers;\nclass C{n} {{ }}\n"
                for n in range(10)}
    identity["Identity/Startup/OwinConfig.cs"] = "namespace YetaWF.Core.Support;\nstatic class OwinConfigHelper { }\n"
    network = {f"Framework/Intersect.Framework.Core/Network/P{n}.cs": f"namespace Intersect.Network;\nclass P{n} {{ }}\n"
               for n in range(10)}
    network["Framework/Intersect.Framework.Core/Network/Packets/Security/Hello.cs"] = \
        "namespace Intersect.Framework.Core.Network.Packets.Security;\nclass Hello { }\n"
    deps = scan(tmp_path, {
        "Identity": identity, "Network": network,
        "Blog": {"Blog/Models/Config.cs": "using YetaWF.Core.Support;\nusing YetaWF.Modules.Identity.Controllers;\n"
                                          "namespace YetaWF.Modules.Blog;\nclass Config { }\n"},
        "Basics": {"Basics/Models/Alert.cs": "using YetaWF.Core.Support;\nnamespace YetaWF.Modules.Basics;\nclass Alert { }\n"},
        "Client": {"Client/Login.cs": "using Intersect.Framework.Core.Network.Packets.Security;\n"
                                      "namespace Intersect.Client;\nclass Login { }\n"},
    })
    assert edges(deps) == {("Blog", "Identity"), ("Client", "Network")}
    (blog,) = [edge for edge in deps.edges if edge.source == "Blog"]
    assert blog.evidence == ("Blog/Models/Config.cs:2",)


def test_scala_imports_by_declared_package_and_swift_imports_by_target_folder(tmp_path):
    deps = scan(tmp_path, {
        "modules/core": {"modules/core/src/main/scala/demo/core/Clock.scala": "package demo.core\n\nclass Clock\n"},
        "modules/web": {"modules/web/src/main/scala/demo/web/Routes.scala":
                        "package demo.web\n\nimport demo.core.{Clock, Timer => T}\nimport scala.util._\n\nclass Routes\n"},
        "modules/api": {"modules/api/src/main/scala/demo/api/Api.scala":
                        "package demo.api\n\nimport demo.core._\n\nclass Api\n"},
        "Sources/NIOCore": {"Sources/NIOCore/Channel.swift": "public protocol Channel {}\n"},
        "Sources/NIOHTTP1": {"Sources/NIOHTTP1/Codec.swift": "import Foundation\nimport NIOCore\n\nstruct Codec {}\n"},
    })
    assert edges(deps) == {("web", "core"), ("api", "core"), ("NIOHTTP1", "NIOCore")}


def test_swift_types_named_bare_by_the_files_of_one_module(tmp_path):
    """An iOS app is one module, its files naming each other's types with no import: pera-wallet's
    2,500 files had no reference between their subsystems, so none of its copies had a home."""
    deps = scan(tmp_path, {
        "App/Shared": {"App/Shared/ListLayout.swift": "class ListLayout {}\nprotocol Themed {}\n",
                       "App/Shared/Theme.swift": "struct Theme {\n    static let shared = Theme()\n}\n"},
        "App/Swap": {"App/Swap/SwapLayout.swift": "import UIKit\n\nfinal class SwapLayout: ListLayout, Themed {\n"
                                                  "    let size: CGSize = .zero\n}\n"},
        "App/Backup": {"App/Backup/BackupScreen.swift": "struct Row {}\n\nfunc paint() {\n"
                                                        "    let color = Theme.shared.color\n    let row = Row()\n}\n"},
        "App/Buy": {"App/Buy/Row.swift": "struct Row {}\nfunc make() -> Row { Row() }\n"},
    })
    # `UIKit`, `CGSize`: the platform's; `Row`: two subsystems declare one, so it names neither
    assert edges(deps) == {("Swap", "Shared"), ("Backup", "Shared")}
    assert deps.depends_on("Backup")["Shared"].evidence == ("App/Backup/BackupScreen.swift:4",)
    assert deps.extended == (("Swap", "App/Swap/SwapLayout.swift", ((3, ""), (3, "Shared"))),)


def test_scala_imports_relative_to_an_imported_package(tmp_path):
    """Pekko's style: `import org.apache.pekko`, then `import pekko.actor.Address`."""
    deps = scan(tmp_path, {
        "actor": {"actor/src/main/scala/org/apache/pekko/actor/Address.scala":
                  "package org.apache.pekko.actor\n\nclass Address\n"},
        "cluster": {"cluster/src/main/scala/org/apache/pekko/cluster/Member.scala":
                    "package org.apache.pekko.cluster\n\nimport org.apache.pekko\n"
                    "import pekko.actor.{ Address, ActorSystem }\n\nclass Member\n"},
        "remote": {"remote/src/main/scala/org/apache/pekko/remote/Codec.scala":
                   "package org.apache.pekko.remote\n\nimport pekko.actor.Address\n\nclass Codec\n"},
    })
    assert edges(deps) == {("cluster", "actor")}  # remote never imported `pekko`: nothing to be relative to


def test_a_jvm_package_most_of_whose_files_one_subsystem_holds_is_its(tmp_path):
    """circe: core's 37 files are in `io.circe`, and six small modules put a file or two there too
    (a package object, `package io.circe` then `package object parser`): `import io.circe.{
    Decoder, HCursor }` had named no one, so no module of it reached core. Three in four of a
    package's files make it one subsystem's; a package split evenly names no one still."""
    core = {f"core/src/io/circe/{name}.scala": f"package io.circe\n\nclass {name}\n"
            for name in ("Decoder", "Encoder", "HCursor", "Json", "Codec", "Error")}
    deps = scan(tmp_path, {
        "core": core,
        "parser": {"parser/src/io/circe/parser/package.scala":
                   "package io.circe\n\npackage object parser extends Parser\n"},
        "generic": {"generic/src/io/circe/generic/Derived.scala":
                    "package io.circe.generic\n\nimport io.circe.{ Decoder, HCursor }\n\nclass Derived\n"},
        "even": {f"even/src/io/circe/even/{name}.scala": f"package io.circe.even\n\nclass {name}\n"
                 for name in ("A", "B")},
        "odd": {f"odd/src/io/circe/even/{name}.scala": f"package io.circe.even\n\nclass {name}\n"
                for name in ("C", "D")},
        "user": {"user/src/io/circe/user/Use.scala": "package io.circe.user\n\nimport io.circe.even._\n\nclass Use\n"},
    })
    assert edges(deps) == {("generic", "core")}


def test_ruby_require_by_the_gem_file_it_names_and_require_relative_by_path(tmp_path):
    """sentry-ruby's gems: `require "sentry/integrable"` is sentry-ruby's lib/sentry/integrable.rb."""
    deps = scan(tmp_path, {
        "sentry-ruby": {"sentry-ruby/lib/sentry/integrable.rb": "module Sentry\n  module Integrable\n  end\nend\n"},
        "sentry-resque": {"sentry-resque/lib/sentry-resque.rb":
                          'require "resque"\nrequire "sentry/integrable"\n\nmodule Sentry\nend\n'},
        "sentry-rails": {"sentry-rails/lib/sentry/rails.rb":
                         'require_relative "../../../sentry-ruby/lib/sentry/integrable"\nmodule Sentry\nend\n'},
    })
    assert edges(deps) == {("sentry-resque", "sentry-ruby"), ("sentry-rails", "sentry-ruby")}


def test_ruby_require_of_a_path_expanded_from_the_file_itself(tmp_path):
    """vagrant's VirtualBox drivers: `require File.expand_path("../base", __FILE__)` is
    `driver/base.rb`, beside the file (the path is taken from the file, so `..` is its folder);
    what it defines need not be named as a constant (four of the versions' copied methods went to
    `lib/vagrant/patches`, not to the base their file requires)."""
    deps = scan(tmp_path, {  # one subsystem a module, as init reads `driver/*.rb`
        "driver/setup.rb": {"driver/setup.rb": "def configure\n  1\nend\n"},
        "driver/version_5_0.rb": {"driver/version_5_0.rb":
                                  'require File.expand_path("../setup", __FILE__)\n\nconfigure\n'},
    })
    assert edges(deps) == {("version_5_0.rb", "setup.rb")}


def test_ruby_constants_autoloading_finds_name_the_file_they_live_in(tmp_path):
    """rubocop's cops require nothing: `include RangeHelp` is lib/rubocop/cop/mixin/range_help.rb,
    `RuboCop::Cop::Util` lib/rubocop/cop/util.rb (RuboCop is rubocop); a Rails engine's
    `Spree::Order` is core's app/models/spree/order.rb; `String` is nobody's."""
    deps = scan(tmp_path, {
        "mixin": {"lib/rubocop/cop/mixin/range_help.rb": "module RuboCop\n  module Cop\n    module RangeHelp\n    end\n  end\nend\n"},
        "util": {"lib/rubocop/cop/util.rb": "module RuboCop\n  module Cop\n    module Util\n    end\n  end\nend\n"},
        "layout": {"lib/rubocop/cop/layout/indent.rb":
                   "module RuboCop\n  module Cop\n    class Indent < Base\n      include RangeHelp\n"
                   "      def x = RuboCop::Cop::Util.y(String.new)\n    end\n  end\nend\n"},
        "core": {"core/app/models/spree/order.rb": "module Spree\n  class Order < Spree::Base\n  end\nend\n"},
        "api": {"api/app/controllers/spree/api/orders_controller.rb":
                "module Spree\n  module Api\n    class OrdersController\n      def show = Spree::Order.find(1)\n"
                "    end\n  end\nend\n"},
    })
    assert edges(deps) == {("layout", "mixin"), ("layout", "util"), ("api", "core")}


def test_a_ruby_namespace_on_the_way_to_a_constant_names_only_its_own_file(tmp_path):
    """dataCycle-CORE's models build `DataCycleCore::Filter::SelectOption`, whose namespace
    `DataCycleCore::Filter` has no file but a folder: it had been taken for the one `filter.rb`
    of the tree, the export's `generic/filter.rb`, the home of their copied `to_select_option`;
    dependabot-core's `Dependabot::Package::PackageRelease` had named uv's `package.rb`. A
    namespace with a file of its own (`Spree::Order::LIMIT`, order.rb) still names it, and one
    named alone names the folder its files make."""
    deps = scan(tmp_path, {
        "filter": {"app/models/data_cycle_core/filter/select_option.rb":
                   "module DataCycleCore\n  module Filter\n    SelectOption = Struct.new(:id)\n  end\nend\n"},
        "export": {"app/models/data_cycle_core/export/generic/filter.rb":
                   "module DataCycleCore\n  module Export\n    module Generic\n      module Filter\n      end\n"
                   "    end\n  end\nend\n"},
        "label": {"app/models/data_cycle_core/label.rb":
                  "module DataCycleCore\n  class Label\n    def option = DataCycleCore::Filter::SelectOption.new(id)\n"
                  "  end\nend\n"},
        "scheme": {"app/models/data_cycle_core/scheme.rb":
                   "module DataCycleCore\n  class Scheme\n    include DataCycleCore::Filter\n  end\nend\n"},
        "core": {"core/app/models/spree/order.rb": "module Spree\n  class Order\n    LIMIT = 5\n  end\nend\n"},
        "api": {"api/app/models/spree/cart.rb": "module Spree\n  class Cart\n    def max = Spree::Order::LIMIT\n  end\nend\n"},
    })
    assert edges(deps) == {("label", "filter"), ("scheme", "filter"), ("api", "core")}


def test_elixir_modules_name_the_file_mix_lays_them_out_in(tmp_path):
    """blockscout's umbrella apps: `alias Explorer.Chain` is apps/explorer/lib/explorer/chain.ex,
    `use EthereumJSONRPC.Transport` and a call through `Utils.Helper.run()` likewise; the
    platform's `Ecto.Query` and `GenServer` are nobody's."""
    deps = scan(tmp_path, {
        "apps/explorer": {"apps/explorer/lib/explorer/chain.ex": "defmodule Explorer.Chain do\nend\n"},
        "apps/rpc": {"apps/rpc/lib/ethereum_jsonrpc/transport.ex": "defmodule EthereumJSONRPC.Transport do\nend\n"},
        "apps/utils": {"apps/utils/lib/utils/helper.ex": "defmodule Utils.Helper do\n  def run, do: :ok\nend\n"},
        "apps/web": {"apps/web/lib/web/blocks.ex":
                     "defmodule Web.Blocks do\n  use EthereumJSONRPC.Transport\n  import Ecto.Query\n"
                     "  alias Explorer.Chain\n  def show(id), do: Utils.Helper.run() && GenServer.call(id, :x)\nend\n"},
    })
    assert edges(deps) == {("web", "explorer"), ("web", "rpc"), ("web", "utils")}


def test_dart_package_imports_name_the_package_folder_they_live_in(tmp_path):
    """flutterfire: `package:firebase_core_platform_interface/src/app.dart` is the `lib/src/app.dart`
    of the folder named as the package; a relative `../util/retry.dart` is a path from the file;
    `dart:async` and `package:flutter/…`, not in the tree, are nobody's."""
    deps = scan(tmp_path, {
        "packages/core": {"packages/core/firebase_core_platform_interface/lib/src/app.dart": "class App {}\n"},
        "packages/util": {"packages/util/lib/util/retry.dart": "int retry() => 1;\n"},
        "packages/auth": {"packages/auth/firebase_auth/lib/auth.dart":
                          "import 'dart:async';\nimport 'package:flutter/widgets.dart';\n"
                          "import 'package:firebase_core_platform_interface/src/app.dart';\n"
                          "import '../../../util/lib/util/retry.dart';\nclass Auth {}\n"},
    })
    assert edges(deps) == {("auth", "core"), ("auth", "util")}


def test_dart_package_imports_name_the_subsystem_whose_pubspec_names_the_package(tmp_path):
    """ente: `package:ente_ui/components/button.dart` is `mobile/packages/ui`, whose pubspec.yaml
    names it `ente_ui`; its apps' copies of the package's widgets had gone home elsewhere."""
    deps = scan(tmp_path, {
        "mobile/packages/ui": {"mobile/packages/ui/lib/components/button.dart": "class Button {}\n"},
        "mobile/apps/photos": {"mobile/apps/photos/lib/main.dart":
                               "import 'package:ente_ui/components/button.dart';\nvoid main() {}\n"},
    }, manifests={"mobile/packages/ui/pubspec.yaml": "name: ente_ui\ndescription: widgets\n"})
    assert edges(deps) == {("photos", "ui")}


def test_dart_package_imports_of_the_app_above_name_its_parts_by_its_lib(tmp_path):
    """hiddify-app: `package:hiddify/hiddifycore/core_interface.dart` is `lib/hiddifycore/`, a part
    of the app whose top pubspec.yaml names it `hiddify`: its parts had resolved none of their
    imports, so no copy had a home."""
    deps = scan(tmp_path, {
        "lib/hiddifycore": {"lib/hiddifycore/core_interface.dart": "class CoreInterface {}\n"},
        "lib/features": {"lib/features/profile/profile.dart":
                         "import 'package:hiddify/hiddifycore/core_interface.dart';\nclass Profile {}\n"},
    }, manifests={"pubspec.yaml": "name: hiddify\ndescription: an app\n"})
    assert edges(deps) == {("features", "hiddifycore")}


def test_erlang_modules_name_the_file_of_their_name_and_includes_their_path(tmp_path):
    """emqx: `emqx_resource:allocate(…)` and `-behaviour(emqx_resource)` are apps/emqx_resource's
    `emqx_resource.erl` (a module's name is its file's, unique in a release); `-include_lib(
    "emqx/include/logger.hrl")` is apps/emqx's header; OTP's `gen_server`, not in the tree, nobody's."""
    deps = scan(tmp_path, {
        "apps/emqx_resource": {"apps/emqx_resource/src/emqx_resource.erl": "-module(emqx_resource).\n"},
        "apps/emqx": {"apps/emqx/include/logger.hrl": "-define(SLOG(L, M), ok).\n",
                      "apps/emqx/src/emqx.erl": "-module(emqx).\n"},
        "apps/emqx_bridge": {"apps/emqx_bridge/src/emqx_bridge_kafka.erl":
                             "-module(emqx_bridge_kafka).\n-behaviour(gen_server).\n"
                             "-include_lib(\"emqx/include/logger.hrl\").\n"
                             "start(Id) -> emqx_resource:allocate(Id).\n"},
    })
    assert edges(deps) == {("emqx_bridge", "emqx"), ("emqx_bridge", "emqx_resource")}


def test_haskell_imports_name_the_file_their_module_makes_under_any_source_folder(tmp_path):
    """haskell-language-server: `import Development.IDE.Core.Shake` is ghcide's
    `src/Development/IDE/Core/Shake.hs`; `Data.Text`, a library's, is nobody's."""
    deps = scan(tmp_path, {
        "ghcide": {"ghcide/src/Development/IDE/Core/Shake.hs": "module Development.IDE.Core.Shake where\n"},
        "plugins/hls-eval-plugin": {"plugins/hls-eval-plugin/src/Ide/Plugin/Eval.hs":
                                    "module Ide.Plugin.Eval where\nimport qualified Data.Text as T\n"
                                    "import Development.IDE.Core.Shake (use)\n"},
    })
    assert edges(deps) == {("hls-eval-plugin", "ghcide")}


def test_haskell_imports_name_a_file_at_a_source_folder_never_a_deeper_module(tmp_path):
    """haskell-mega-repo: every app's `import Prelude ()` had named planmill-client, whose
    `src/PlanMill/Internal/Prelude.hs` is the module `PlanMill.Internal.Prelude`, and made it the
    home of the apps' copied sign-in check; `Futurice.Integrations` is the integrations'."""
    deps = scan(tmp_path, {
        "planmill-client": {"planmill-client/src/PlanMill/Internal/Prelude.hs":
                            "module PlanMill.Internal.Prelude where\n"},
        "futurice-integrations": {"futurice-integrations/src/Futurice/Integrations.hs":
                                  "module Futurice.Integrations where\n"},
        "hc-app": {"hc-app/src/Futurice/App/HC/Main.hs":
                   "module Futurice.App.HC.Main where\nimport Futurice.Integrations\nimport Prelude ()\n"},
    })
    assert edges(deps) == {("hc-app", "futurice-integrations")}


def test_ocaml_modules_name_a_wrapped_librarys_file_or_their_own(tmp_path):
    """dune: `Dune_util.Log.info` is `src/dune_util/log.ml`; opam, unwrapped: `OpamFilename.x` is
    `opamFilename.ml`. Dune's configurator, which depends on unix and csexp alone, calls
    `String.length` (OCaml's own) and `Ocaml_config.Vars.find`, its own module: neither is
    stdune's `string.ml` nor dune_findlib's `vars.ml`."""
    deps = scan(tmp_path, {
        "src/dune_util": {"src/dune_util/log.ml": "let info x = x\n"},
        "otherlibs/stdune": {"otherlibs/stdune/src/stdune.ml": "module String = String\n",
                             "otherlibs/stdune/src/string.ml": "let length = String.length\n"},
        "src/dune_findlib": {"src/dune_findlib/vars.ml": "let find _ _ = None\n"},
        "src/dune_rules": {"src/dune_rules/rule.ml": "open Stdune\nlet run x = Dune_util.Log.info x\n"},
        "otherlibs/configurator": {"otherlibs/configurator/src/ocaml_config.ml": "module Vars = struct end\n",
                                   "otherlibs/configurator/src/v1.ml":
                                   "let n s = String.length s\nlet v t = Ocaml_config.Vars.find t \"x\"\n"},
        "src/format": {"src/format/opamFilename.ml": "let to_string f = f\n"},
        "src/client": {"src/client/opamClient.ml": "let show f = OpamFilename.to_string f\n"},
    })
    assert edges(deps) == {("dune_rules", "stdune"), ("dune_rules", "dune_util"), ("client", "format")}


def test_a_powershell_command_names_the_subsystem_defining_a_function_of_its_name(tmp_path):
    """Microsoft365DSC: each resource runs `New-M365DSCConnection`, which the helpers module
    defines (PowerShell's commands are case-blind); `Write-Verbose` is PowerShell's own, and
    `Get-TargetResource`, which every resource defines, is none's in particular."""
    deps = scan(tmp_path, {
        "Modules": {"Modules/M365DSCUtil.psm1": "function New-M365DSCConnection { param($Workload) }\n"},
        "MSFT_AADGroup": {"DSCResources/MSFT_AADGroup/MSFT_AADGroup.psm1":
                          "function Get-TargetResource {\n  new-m365dscconnection -Workload 'Graph'\n"
                          "  Write-Verbose 'x'\n}\n"},
        "MSFT_AADUser": {"DSCResources/MSFT_AADUser/MSFT_AADUser.psm1":
                         "function Get-TargetResource {\n  Get-TargetResource\n}\n"},
    })
    assert edges(deps) == {("MSFT_AADGroup", "Modules")}


def test_fsharp_opens_name_the_namespaces_dotnet_files_declare_csharps_too(tmp_path):
    """FAKE: `open Fake.Core.Trace` is the project declaring that module; a C# project's
    namespace opened from F# is that project; `open System` is the platform's."""
    deps = scan(tmp_path, {
        "src/app/Fake.Core.Trace": {"src/app/Fake.Core.Trace/Trace.fs": "module Fake.Core.Trace\nlet log m = m\n"},
        "src/app/Native": {"src/app/Native/Interop.cs": "namespace Fake.Native.Interop { class X {} }\n"},
        "src/app/Fake.DotNet.Cli": {"src/app/Fake.DotNet.Cli/DotNet.fs":
                                    "module Fake.DotNet.Cli\nopen System\nopen Fake.Core.Trace\n"
                                    "open Fake.Native.Interop\nlet run x = log x\n"},
    })
    assert edges(deps) == {("Fake.DotNet.Cli", "Fake.Core.Trace"), ("Fake.DotNet.Cli", "Native")}


def test_perl_uses_name_the_module_file_and_the_class_a_use_base_extends(tmp_path):
    """Request Tracker: `use base 'RT::SearchBuilder'` is lib/RT/SearchBuilder.pm (the collections'
    base, their copies' home) and `use RT::Asset` lib/RT/Asset.pm; the pragmas `use base` and
    `use strict` are none, though lib/RT/URI/base.pm bears the pragma's name."""
    deps = scan(tmp_path, {
        "lib/RT/SearchBuilder": {"lib/RT/SearchBuilder.pm": "package RT::SearchBuilder;\n1;\n"},
        "lib/RT/Asset": {"lib/RT/Asset.pm": "package RT::Asset;\n1;\n"},
        "lib/RT/URI": {"lib/RT/URI/base.pm": "package RT::URI::base;\n1;\n"},
        "lib/RT/Assets": {"lib/RT/Assets.pm": "package RT::Assets;\nuse strict;\nuse base 'RT::SearchBuilder';\n"
                                              "use RT::Asset;\nsub Table { 'x' }\n1;\n"},
    })
    assert edges(deps) == {("Assets", "SearchBuilder"), ("Assets", "Asset")}


def test_a_perl_module_named_in_lower_case_is_no_pragma(tmp_path):
    """centreon-plugins: every module's name is lower case, `use base
    qw(centreon::plugins::script_snmp)` (src/centreon/plugins/script_snmp.pm): read as pragmas,
    they had named nothing, and its 311 plugins' copies of one option check (x 44) no home. A
    pragma is one word (`use strict`, `use base`)."""
    deps = scan(tmp_path, {
        "src/centreon/plugins": {"src/centreon/plugins/script_snmp.pm":
                                 "package centreon::plugins::script_snmp;\n1;\n"},
        "src/network/fortinet": {"src/network/fortinet/plugin.pm":
                                 "package network::fortinet::plugin;\nuse strict;\n"
                                 "use base qw(centreon::plugins::script_snmp);\nsub new { 1 }\n1;\n"},
    })
    assert edges(deps) == {("fortinet", "plugins")}


def test_solidity_imports_by_path_and_a_remapped_packages_by_the_rest_of_it(tmp_path):
    """OpenZeppelin: `import "../utils/Context.sol"` by its path from the file;
    `import "@openzeppelin/contracts/access/Ownable.sol"`, a remapping's, by `contracts/access/Ownable.sol`."""
    deps = scan(tmp_path, {
        "contracts/utils": {"contracts/utils/Context.sol": "abstract contract Context {}\n"},
        "contracts/access": {"contracts/access/Ownable.sol": "abstract contract Ownable {}\n"},
        "contracts/token": {"contracts/token/ERC20.sol":
                            "import \"../utils/Context.sol\";\n"
                            "import {Ownable} from \"@openzeppelin/contracts/access/Ownable.sol\";\n"
                            "contract ERC20 is Context, Ownable {}\n"},
    })
    assert edges(deps) == {("token", "utils"), ("token", "access")}


def test_a_build_tools_configuration_file_depends_on_nothing(tmp_path):
    """prisma: every package's `tsdown.config.ts` imports the shared build preset; the preset is
    no home for their code, and what their sources import still counts."""
    deps = scan(tmp_path, {
        "packages/tsdown": {"packages/tsdown/index.ts": "export const preset = {};\n"},
        "packages/utils": {"packages/utils/index.ts": "export const same = 1;\n"},
        "packages/sql": {"packages/sql/tsdown.config.ts": "import { preset } from '../tsdown/index';\n",
                         "packages/sql/src/run.ts": "import { same } from '../../utils/index';\n"},
    })
    assert edges(deps) == {("sql", "utils")}


def test_c_and_cpp_includes_beside_the_file_or_by_unique_suffix(tmp_path):
    deps = scan(tmp_path, {
        "lib/strings": {"lib/strings/include/strings/trim.h": "int trim(char *s);\n"},
        "lib/net": {"lib/net/socket.c": '#include "../strings/include/strings/trim.h"\n#include <stdio.h>\n'},
        "lib/http": {"lib/http/server.cpp": "#include <strings/trim.h>\n#include <vector>\n"},
        "lib/ui": {"lib/ui/View.m": '#import "../strings/include/strings/trim.h"\n#import <UIKit/UIKit.h>\n'},
    })
    assert edges(deps) == {("net", "strings"), ("http", "strings"), ("ui", "strings")}  # Objective-C's #import


def test_an_include_names_no_header_deep_inside_another_subsystem(tmp_path):
    """nuttx-apps: every app includes `<nuttx/config.h>`, the OS's own, outside the tree; zmodem
    keeps a shim of it to build on the host, `system/zmodem/host/nuttx/config.h`, which had made
    zmodem every app's dependency, so the home of all its copies. A header on the include path,
    at the top, in an `include/` folder or at a subsystem's folder or above it, is still found."""
    deps = scan(tmp_path, {
        "system/zmodem": {"system/zmodem/host/nuttx/config.h": "#define CONFIG_X 1\n",
                          "system/zmodem/zm.h": "int zm(void);\n", "system/zmodem/zm.c": "int zm(void) { return 0; }\n"},
        "system/readline": {"system/readline/readline.c": "int readline(void) { return 1; }\n"},
        "system/nxplayer": {"system/nxplayer/main.c": "#include <nuttx/config.h>\n#include <system/readline.h>\n"
                                                      "#include <zmodem/zm.h>\nint play(void) { return 2; }\n"},
        "system/nxcamera": {"system/nxcamera/main.c": "#include <nuttx/config.h>\n#include <readline/readline.c>\n"},
    }, manifests={"include/system/readline.h": "int readline(void);\n"})
    assert edges(deps) == {("nxplayer", "readline"), ("nxplayer", "zmodem"), ("nxcamera", "readline")}


def test_an_include_names_a_library_folder_deep_inside_another_subsystem(tmp_path):
    """saga-gis: its tools include `<saga_api/saga_api.h>`, a build putting `src/saga_core/` on the
    include path, deep inside the core's package; its folder holds the API's sources, so it is
    no shim: the tools had shared no dependency, and their copies had no home."""
    deps = scan(tmp_path, {
        "saga": {"saga/src/saga_core/saga_api/saga_api.h": "int api(void);\n",
                 "saga/src/saga_core/saga_api/api.cpp": "int api(void) { return 0; }\n"},
        "saga/src/tools/grid": {"saga/src/tools/grid/grid.cpp": "#include <saga_api/saga_api.h>\nint g() { return 1; }\n"},
        "saga/src/tools/table": {"saga/src/tools/table/t.cpp": "#include <saga_api/saga_api.h>\nint t() { return 2; }\n"},
    })
    assert edges(deps) == {("grid", "saga"), ("table", "saga")}


def test_lisp_and_sx_namespaced_symbols_name_the_subsystem(tmp_path):
    deps = scan(tmp_path, {
        "lib/persist": {"lib/persist/kv.sx": "(define (persist/kv-get b k) (get b k))\n"},
        "lib/acl": {"lib/acl/audit.sx": "(define (acl/audit b e)\n  (persist/kv-get b e)\n  (other/x e))\n"},
        "lib/feed": {"lib/feed/log.scm": "(define (feed-log b) (persist/kv-get b 1) (/ 1 2))\n"},
        "lib/mod": {"lib/mod/rules.lisp": "(defun mod-check (b) (persist:kv-get b 1) (:keyword 2))\n"},
    })
    assert edges(deps) == {("acl", "persist"), ("feed", "persist"), ("mod", "persist")}
    assert deps.depends_on("acl")["persist"].evidence == ("lib/acl/audit.sx:2",)


def test_racket_module_paths_name_the_file_they_spell(tmp_path):
    """scribble's paper styles `(require racket/base scribble/core)`: `racket/base` is Racket's
    own, not the fleet's `scribble/racket.rkt`, which had been the home of their copies."""
    deps = scan(tmp_path, {
        "scribble/racket": {"scribble/racket/main.rkt": "#lang racket/base\n(define (to-element x) x)\n"},
        "scribble/core.rkt": {"scribble/core.rkt": "#lang racket/base\n(define (part? p) #t)\n"},
        "scribble/lncs": {"scribble/lncs/lang.rkt": "#lang racket/base\n(require racket/base racket/list"
                                                    " scribble/core)\n(define (f p) (call/cc p))\n"},
        "scribble/jfp.rkt": {"scribble/jfp.rkt": "#lang racket/base\n(require (for-syntax racket/base)"
                                                 " scribble/racket)\n"},
    })
    assert edges(deps) == {("lncs", "core.rkt"), ("jfp.rkt", "racket")}  # `scribble/racket`: its main.rkt
    assert deps.depends_on("lncs")["core.rkt"].evidence == ("scribble/lncs/lang.rkt:2",)


def test_reference_queries_on_the_snippet_files():
    found = {}
    for name in ("sample.py", "sample.js", "sample.ts", "sample.go", "sample.rs", "Sample.java",
                 "Sample.kt", "sample.php", "Sample.cs", "Sample.swift", "Sample.scala", "sample.c", "sample.cpp",
                 "sample.sx"):
        path = Path(__file__).resolve().parent.parent / "snippets" / name
        found[name] = extract(path.read_bytes(), language_for(name, {".sx": "clojure"})).references
    assert ("module", "functools", 2) in found["sample.py"]
    assert ("supertype", "Exception", 6) in found["sample.py"]  # `class RetryError(Exception)`
    assert found["Sample.kt"] == (("package", "demo.scores", 1), ("module", "kotlin.math.max", 3),
                                  ("module", "demo.util", 4))
    assert found["sample.php"] == (("package", "Demo\\Scores", 3), ("module", "Demo\\Util\\Clock", 5),
                                   ("module", "Demo\\Util", 6), ("class", "Board", 14), ("class", "ScoreBoard", 20),
                                   ("supertype", "Board", 20))
    assert found["Sample.swift"] == (
        ("namespace", "Foundation", 1), ("namespace", "DemoUtil", 2), ("class", "Listener", 5), ("typename", "Int", 6),
        ("class", "ScoreBoard", 10), ("supertype", "Listener", 10), ("typename", "Listener", 10),
        ("supertype", "CustomStringConvertible", 29), ("typename", "CustomStringConvertible", 29),
        ("typename", "ScoreBoard", 29), ("typename", "String", 30), ("typename", "Bool", 32), ("class", "Score", 38),
        ("class", "Level", 42))  # `@available` is an attribute, no type
    assert found["Sample.scala"][0] == ("package", "demo.scores", 1)
    assert found["Sample.cs"] == (("module", "System.Collections.Generic", 1), ("module", "Demo.Util", 2),
                                  ("package", "Demo.Scores", 4), ("supertype", "IListener", 13))
    assert all(capture in ("module", "from_import", "js_import", "package", "namespace", "supertype", "class",
                           "typename")
               for refs in found.values() for capture, _, _ in refs)


NESTED_IMPORTS = b"""
import os, sys as system
from . import sibling
def late():
    try:
        import json
    except ImportError:
        from .vendored import json
    if system.version:
        from a.b import (c, d as e)
    class Inner:
        import decimal
    return [__import__("x") for _ in ()]
"""


def test_references_found_from_the_import_nodes_are_those_of_the_whole_tree():
    from radar.stages import parse

    sources = {name: (Path(__file__).resolve().parent.parent / "snippets" / name).read_bytes()
               for name in ("sample.py", "sample.go", "sample.rs", "Sample.java", "Sample.kt", "sample.php",
                            "Sample.cs", "Sample.scala", "sample.c", "sample.cpp")}
    sources["nested.py"] = NESTED_IMPORTS
    for name, data in sources.items():
        language = language_for(name)
        assert parse._grammar(language).reference_roots, name  # the query starts at those nodes
        tree = parse._parser(parse._grammar(language).grammar).parse(data)
        whole_tree = parse._references(parse._reference_query(language), [tree.root_node])
        assert extract(data, language).references == whole_tree, name
    assert [text for _, text, _ in extract(NESTED_IMPORTS, "python").references] == [
        "os", "sys", "from . import sibling", "json", "from .vendored import json", "from a.b import (c, d as e)",
        "Inner", "decimal"]


def test_the_graph_is_a_networkx_digraph(tmp_path):
    deps = scan(tmp_path, {
        "lib/persist": {"lib/persist/kv.sx": "(define (persist/kv-get b k) (get b k))\n"},
        "lib/acl": {"lib/acl/audit.sx": "(define (acl/audit b e) (persist/kv-get b e))\n"},
    })
    graph = deps.graph()
    assert set(graph.nodes) == {"persist", "acl"} and list(graph.edges) == [("acl", "persist")]
    assert graph["acl"]["persist"]["files"] == 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["python", "javascript", "typescript", "go", "rust", "java", "c",
                                           "cpp", "clojure", "scheme", "ruby", "kotlin", "php", "csharp", "swift",
                                           "scala"]),
                          st.sampled_from(["module", "from_import", "package", "namespace", "qualified",
                                           "supertype", "typename", "class"]),
                          st.text(min_size=0, max_size=40)), max_size=30))
def test_any_reference_text_resolves_to_a_subsystem_of_the_fleet_or_to_nothing(tmp_path, refs):
    subsystems = tuple(Subsystem(name, "package", str(tmp_path), f"pkgs/{name}", None, None,
                                 (SourceFile(f"pkgs/{name}/__init__.py", "", None, NOW, False),), NOW, (), False, "quiet")
                       for name in ("core", "web"))
    fleet = Fleet(str(tmp_path), "folder", subsystems, 0, (), NOW)
    files = [("web", f"pkgs/web/f{i}", language, ((capture, text, 1),))
             for i, (language, capture, text) in enumerate(refs)]
    deps = dependencies(fleet, files)
    assert all(e.source == "web" and e.target == "core" for e in deps.edges)
    assert deps.resolved + deps.unresolved <= len(refs)


PLUGINS = {
    "packages/helper": {"packages/helper/src/index.js": "export function declare(x) {\n  return x;\n}\n"},
    "packages/types": {"packages/types/src/index.js": "export const t = 1;\n"},
    "packages/plugin": {"packages/plugin/src/index.js": 'import { declare } from "@babel/helper";\n'},
}


def test_remembered_dependencies_follow_their_manifests_and_references(tmp_path):
    memo = ParseCache(tmp_path / "cache")
    manifests = {"packages/helper/package.json": json.dumps({"name": "@babel/helper"}),
                 "packages/types/package.json": json.dumps({"name": "@babel/types"})}
    try:
        first = scan(tmp_path / "repo", PLUGINS, manifests, memo)
        assert first == scan(tmp_path / "repo", PLUGINS, manifests) and edges(first) == {("plugin", "helper")}
        assert scan(tmp_path / "repo", PLUGINS, manifests, memo) == first  # remembered
        renamed = {**manifests, "packages/helper/package.json": json.dumps({"name": "@babel/other"}),
                   "packages/types/package.json": json.dumps({"name": "@babel/helper"})}
        moved = scan(tmp_path / "repo", PLUGINS, renamed, memo)
        assert edges(moved) == {("plugin", "types")} and moved == scan(tmp_path / "repo", PLUGINS, renamed)
        edited = {**PLUGINS, "packages/plugin": {"packages/plugin/src/index.js": 'import t from "@babel/other";\n'}}
        assert edges(scan(tmp_path / "repo", edited, renamed, memo)) == {("plugin", "helper")}
    finally:
        memo.close()


@pytest.mark.parametrize("marker, text", [
    ("core/app/__init__.py", ""), ("core/pyproject.toml", ""),
    ("pyproject.toml", '[tool.setuptools]\npackage-dir = { "" = "core" }\n'),
    ("pyproject.toml", '[tool.setuptools.packages.find]\nwhere = ["core/"]\n'),
    ("pyproject.toml", '[tool.poetry]\npackages = [{ include = "app", from = "core" }]\n')])
def test_python_packages_named_from_a_package_above_the_subsystems_folder(tmp_path, marker, text):
    """`core/app/{utils,services/…}` are subsystems imported as `app.utils.strings`: the chain
    of packages goes on above the subsystem's folder; or `app` is a namespace package of the
    distribution built in `core/`, or from `core/` as the repository's pyproject.toml says
    (localstack's `package-dir = {"" = "localstack-core"}`)."""
    (tmp_path / "core/app").mkdir(parents=True)
    (tmp_path / marker).write_text(text)
    deps = scan(tmp_path, {
        "core/app/utils": {"core/app/utils/__init__.py": "", "core/app/utils/strings.py": "def short(x):\n    return x\n"},
        "core/app/services/sqs": {"core/app/services/sqs/__init__.py": "",
                                  "core/app/services/sqs/provider.py": "from app.utils.strings import short\n"},
        "core/app/services/sns": {"core/app/services/sns/__init__.py": "",
                                  "core/app/services/sns/provider.py": "import app.utils\nimport utils\n"},
    })
    assert edges(deps) == {("sqs", "utils"), ("sns", "utils")}
    assert deps.depends_on("sns")["utils"].evidence == ("core/app/services/sns/provider.py:1",)


def test_django_apps_named_from_the_folder_of_manage_py(tmp_path):
    """netbox: `netbox/{dcim,ipam,utilities}` are Django apps imported as `utilities.forms`,
    since manage.py runs from `netbox/`; no package chain or build file says so."""
    (tmp_path / "netbox").mkdir()
    (tmp_path / "netbox/manage.py").write_text("import os\n")
    deps = scan(tmp_path, {
        "netbox/utilities": {"netbox/utilities/__init__.py": "", "netbox/utilities/forms.py": "class Form:\n    pass\n"},
        "netbox/dcim": {"netbox/dcim/__init__.py": "", "netbox/dcim/forms.py": "from utilities.forms import Form\n"},
        "netbox/ipam": {"netbox/ipam/__init__.py": "", "netbox/ipam/forms.py": "import utilities.forms\n"},
    })
    assert edges(deps) == {("dcim", "utilities"), ("ipam", "utilities")}


def test_a_pyproject_linked_from_out_of_the_tree_is_never_read(tmp_path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('[tool.setuptools]\npackage-dir = { "" = "core" }\n')
    root = tmp_path / "repo"
    root.mkdir()
    (root / "pyproject.toml").symlink_to(outside)
    deps = scan(root, {
        "core/app/utils": {"core/app/utils/__init__.py": "", "core/app/utils/strings.py": "X = 1\n"},
        "core/app/services/sqs": {"core/app/services/sqs/__init__.py": "",
                                  "core/app/services/sqs/provider.py": "from app.utils.strings import X\n"},
    })
    assert edges(deps) == set()


def test_odoo_addons_depend_on_what_their_manifests_list_and_import_as_odoo_addons(tmp_path):
    """OCA's l10n-italy: `l10n_it_delivery_note_batch` extends `l10n_it_delivery_note` through its
    manifest's `depends`, importing none of its Python; another addon imports one as
    `odoo.addons.<addon>`. Addons outside the fleet (`stock`) and a manifest that does not parse
    give no edge."""
    manifest = '{\n    "name": "Batch",\n    "depends": [\n        "stock",\n        "delivery_note",\n    ],\n}\n'
    deps = scan(tmp_path, {
        "delivery_note": {"delivery_note/__init__.py": "", "delivery_note/tools.py": "def encode(): pass\n"},
        "delivery_note_batch": {"delivery_note_batch/__init__.py": ""},
        "fatturapa": {"fatturapa/__init__.py": "",
                      "fatturapa/wizard.py": "from odoo.addons.delivery_note.tools import encode\n"},
        "broken": {"broken/__init__.py": ""},
    }, manifests={"delivery_note/__manifest__.py": '{"name": "Notes", "depends": ["stock"]}\n',
                  "delivery_note_batch/__manifest__.py": manifest,
                  "fatturapa/__openerp__.py": '{"name": "FatturaPA"}\n',
                  "broken/__manifest__.py": '{"depends": ["delivery_note",\n'})
    assert edges(deps) == {("delivery_note_batch", "delivery_note"), ("fatturapa", "delivery_note")}
    batch = next(edge for edge in deps.edges if edge.source == "delivery_note_batch")
    assert batch.evidence == ("delivery_note_batch/__manifest__.py:5",)


def test_a_distributions_modules_are_named_from_its_folder_below_a_namespace_package(tmp_path):
    """openllmetry: each `packages/<dist>/` holds its pyproject.toml and, with no `src/`, its
    modules in the `opentelemetry` namespace package: `…-semantic-conventions-ai/opentelemetry/
    semconv_ai` is `opentelemetry.semconv_ai`, which every instrumentation imports (their copies
    had had no home, 0 proposed). A module deep in a namespace package still never claims the
    name of its own folder alone (`import flask` is Flask's, not the Flask instrumentation's)."""
    for dist in ("semconv", "openai", "flask"):
        (tmp_path / "packages" / dist).mkdir(parents=True)
        (tmp_path / "packages" / dist / "pyproject.toml").write_text(f'[project]\nname = "{dist}"\n')
    deps = scan(tmp_path, {
        "packages/semconv": {"packages/semconv/opentelemetry/semconv_ai/__init__.py": "class SpanAttributes:\n    pass\n"},
        "packages/openai": {"packages/openai/opentelemetry/instrumentation/openai/__init__.py":
                            "from opentelemetry.semconv_ai import SpanAttributes\n"},
        "packages/flask": {"packages/flask/opentelemetry/instrumentation/flask/__init__.py": "import flask\n"},
    })
    assert edges(deps) == {("openai", "semconv")}
