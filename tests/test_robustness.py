"""Hostile input: a fleet salted with every kind of bad file still passes, counts each skip by
reason, never reads outside its tree, and finds exactly the candidates of the clean fleet.
Also: configuration errors through the real CLI, and a fuzz run of the parser front end."""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitfleet import (RADAR, candidate_view, commit_all, git, latest, make_fleet, radar, scan_args,
                      shared_retry, unique_module, write)
from radar.stages.analyse import MAX_FILE_BYTES, SKIP_REASONS, analyse_bytes, read_source
from radar.cli import main

SECRET = "TOPSECRET-ZQ91"  # only ever written outside the fleet


def _outside(base: Path) -> Path:
    """Files the radar must never read: clones of the real candidate, so following them would
    also change the candidates."""
    outside = base / "outside"
    write(outside, {
        "secret_zq91.py": shared_retry("zq91") + f"\nKEY = '{SECRET}'\n",
        "dir/more_zq91.py": shared_retry("zq92") + f"\nKEY = '{SECRET}'\n",
        "ns/retry.py": shared_retry("zq93") + f"\nKEY = '{SECRET}'\n",
    })
    return outside


def huge_form() -> bytes:
    """One Clojure form nested a third of a million deep, just under the size limit: a
    recursive walk would blow the stack, a quadratic one would never end. (One opening paren
    per line: a single 1 MiB line would be skipped as a minified bundle before parsing.)"""
    depth = (MAX_FILE_BYTES - 64) // 3
    return b"(def huge " + b"(\n" * depth + b"x" + b")" * depth + b")\n"


BROKEN = unique_module("kept", 0) + "\n\ndef broken(:\n    return ((]\n"


def build(base: Path, salt: bool) -> Path:
    fleet = make_fleet(base / "fleet", worktrees=("acl", "feed", "mod"))
    junk = base / "fleet" / "wt" / "junk"  # a subsystem that takes part in no candidate
    git(fleet.repo, "worktree", "add", "-q", "-b", "loops/junk", str(junk))
    write(junk, {"lib/junk/pipe.py": "x = 1\n"})
    commit_all(junk, "junk")
    if not salt:
        return fleet.repo
    outside = _outside(base)
    acl = fleet.worktrees["acl"]
    ns = acl / "lib" / "acl"
    write(acl, {
        "lib/acl/binary.py": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16,
        "lib/acl/latin1.py": "def caf\xe9():\n    return '\xe9t\xe9'\n".encode("latin-1"),
        "lib/acl/too_large.py": b"x = 1\n" * (MAX_FILE_BYTES // 6 + 1),
        "lib/acl/huge_form.clj": huge_form(),
        "lib/acl/broken.py": BROKEN,
        "lib/acl/retry.generated.py": shared_retry("acl"),  # a generator's name: a copy never read
        # a vendor's file copied in, its author the vendor's team (STM32's CMSIS system file)
        "lib/acl/system_stm32.py": '"""\n@file    system_stm32.py\n@author  MCD Application Team\n"""\nclock = 1\n',
        "lib/acl/acl_de.ts": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
                             + "<context><name>Acl</name></context>\n" * 50 + "</TS>\n",  # Qt's translations
        # a TypeScript declaration file, as tsc emits it, whose `import('x').T<any>` the grammar cannot read
        "lib/acl/types/index.d.ts": "export type Creator = import('postcss').PluginCreator<any>;\n",
    })
    os.symlink(outside / "secret_zq91.py", ns / "link_out.py")
    os.symlink(outside / "dir", ns / "dir_out")
    os.symlink("loop_b.py", ns / "loop_a.py")
    os.symlink("loop_a.py", ns / "loop_b.py")
    os.symlink(".", ns / "self")  # a folder loop that stays inside
    os.symlink("/nonexistent-zq91/gone.py", ns / "dangling.py")
    commit_all(acl, "salt", )
    os.symlink(outside / "ns", fleet.repo / "lib" / "zq91")  # a main namespace leaving the tree
    # A FIFO where a tracked file was: opening it for reading would block for ever.
    pipe = junk / "lib" / "junk" / "pipe.py"
    pipe.unlink()
    os.mkfifo(pipe)
    return fleet.repo


@pytest.fixture(scope="module")
def passes(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("salted")
    rules = base / "rules"
    rules.mkdir()
    out = {}
    for name, salt in (("clean", False), ("salted", True)):
        repo = build(base / name, salt)
        started = time.monotonic()
        assert main(scan_args(repo, base / name / "out", "--rules", str(rules))) == 0
        out[name] = {"snapshot": latest(base / name / "out"), "out": base / name / "out",
                     "seconds": time.monotonic() - started, "base": base / name}
    return out


def test_salted_pass_counts_every_reason(passes) -> None:
    skipped = passes["salted"]["snapshot"]["scan"]["skipped"]
    assert set(skipped) == set(SKIP_REASONS)
    assert skipped == {"binary": 1, "too_large": 1, "undecodable": 1, "parse_error": 1,
                       # link_out.py, dir_out, dangling.py, the lib/zq91 namespace
                       "symlink_outside": 4, "unreadable": 1, "symlink_loop": 2, "generated": 1, "vendored": 1,
                       "markup": 1, "declarations": 1}
    assert set(passes["clean"]["snapshot"]["scan"]["skipped"].values()) == {0}


def test_salted_pass_finds_the_same_candidates(passes) -> None:
    clean, salted = passes["clean"]["snapshot"], passes["salted"]["snapshot"]
    assert candidate_view(salted) == candidate_view(clean)
    assert [c["id"] for c in salted["candidates"]] == [c["id"] for c in clean["candidates"]]
    assert any(c["verdict"] == "proposed" for c in clean["candidates"])
    assert [s["name"] for s in salted["subsystems"]] == [s["name"] for s in clean["subsystems"]]


def test_salted_pass_stays_bounded(passes) -> None:
    assert passes["salted"]["seconds"] < 60


def test_nothing_outside_the_tree_reaches_any_output(passes) -> None:
    outside = passes["salted"]["base"] / "outside"
    needles = [SECRET.encode(), b"zq91", b"zq92", b"zq93", str(outside).encode()]
    for path in passes["salted"]["out"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n in data], path


def test_unparsable_code_keeps_the_units_that_parse() -> None:
    skipped, parse_error, units = analyse_bytes(BROKEN.encode(), "python")[:3]
    assert skipped is None and parse_error
    names = [unit[1] for unit in units]
    assert "kept_part_0_0" in names and "kept_part_0_1" in names and "broken" not in names


def test_huge_form_parsed_whole(passes) -> None:
    """The half-million-deep form in the salted fleet parsed without error: the only parse
    error counted is broken.py's (see above), and the pass stayed bounded."""
    assert len(huge_form()) <= MAX_FILE_BYTES
    acl = next(s for s in passes["salted"]["snapshot"]["subsystems"] if s["name"] == "acl")
    clean_acl = next(s for s in passes["clean"]["snapshot"]["subsystems"] if s["name"] == "acl")
    # + the huge form's module and its def, + broken.py's two kept functions
    assert acl["units"] == clean_acl["units"] + 4


def test_plain_folder_with_hostile_entries(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    folder = tmp_path / "plain"
    for sub in ("acl", "feed", "mod"):
        write(folder, {f"lib/{sub}/retry.py": shared_retry(sub)})
    ns = folder / "lib" / "acl"
    os.mkfifo(ns / "pipe.py")
    os.symlink("loop_b.py", ns / "loop_a.py")
    os.symlink("loop_a.py", ns / "loop_b.py")
    os.symlink(outside / "secret_zq91.py", ns / "link_out.py")
    os.symlink(outside / "dir", ns / "dir_out")
    os.symlink(outside / "ns", folder / "lib" / "zq91")
    rules = tmp_path / "rules"
    rules.mkdir()
    assert main(scan_args(folder, tmp_path / "out", "--rules", str(rules))) == 0
    snapshot = latest(tmp_path / "out")
    assert snapshot["scan"]["skipped"]["unreadable"] == 1
    assert snapshot["scan"]["skipped"]["symlink_loop"] == 2
    assert snapshot["scan"]["skipped"]["symlink_outside"] == 3
    assert [s["name"] for s in snapshot["subsystems"]] == ["acl", "feed", "mod"]
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or SECRET.encode() not in path.read_bytes()


def test_read_source_never_follows_or_blocks(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text("x = 1\n")
    os.symlink(tmp_path / "real.py", tmp_path / "link.py")
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    os.mkfifo(tmp_path / "fifo.py")
    assert read_source(str(tmp_path / "real.py")) == (b"x = 1\n", None)
    assert read_source(str(tmp_path / "link.py")) == (None, "unreadable")
    assert read_source(str(tmp_path / "a")) == (None, "symlink_loop")
    assert read_source(str(tmp_path / "fifo.py")) == (None, "unreadable")
    assert read_source(str(tmp_path)) == (None, "unreadable")
    assert read_source(str(tmp_path / "gone.py")) == (None, "unreadable")


def _as_unprivileged(base: Path) -> list[str]:
    """Root reads files whatever their mode, so as root the scan runs as `nobody` (setpriv drops
    the privileges of that one subprocess), over a tree `nobody` owns in a folder it can reach."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: setpriv (util-linux) is needed to drop privileges for this test"
    nobody = pwd.getpwnam("nobody")
    for path in [base, *base.rglob("*")]:
        os.lchown(path, nobody.pw_uid, nobody.pw_gid)
    return [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", "--"]


def test_chmod_000_file_is_unreadable(tmp_path: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="radar-chmod-"))  # tmp_path's parents are root-only (0700)
    try:
        base.chmod(0o755)
        fleet = make_fleet(base / "fleet", worktrees=("acl",), merged=())
        secret = fleet.worktrees["acl"] / "lib" / "acl" / "closed.py"
        secret.write_text("def closed():\n    return 1\n")
        (base / "rules").mkdir()
        (base / "home").mkdir()
        drop = _as_unprivileged(base)
        secret.chmod(0)
        done = subprocess.run([*drop, str(RADAR), *scan_args(fleet.repo, base / "out", "--rules", str(base / "rules"))],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "HOME": str(base / "home")})
        assert done.returncode == 0, done.stderr
        assert latest(base / "out")["scan"]["skipped"]["unreadable"] == 1
    finally:
        shutil.rmtree(base)


# ---------------------------------------------------------------- configuration errors

CONFIG_ERRORS = {
    "malformed_yaml": ("radar.yaml", "gate:\n  min_tokens: 5\n   stable_days: 3\n", 3, None),
    "unknown_key": ("radar.yaml", "fleet:\n  worktree_namespce: \"lib/{name}\"\n", 2, "fleet.worktree_namespce"),
    "wrong_type": ("radar.yaml", "gate:\n  min_consumers: lots\n", 2, "gate.min_consumers"),
    "bad_glob": ("radar.yaml", "fleet:\n  exclude:\n    - ok/**\n    - \"a[b\"\n", 4, "fleet.exclude[1]"),
    "routing_wrong_type": ("routing.yaml", "- kind: x\n  home: lib/x\n  match:\n    paths: 3\n", 4, "paths"),
    "decision_bad_verdict": ("decisions.yaml", "- match: {id: C-1}\n  verdict: maybe\n  reason: r\n", 2, "verdict"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_ERRORS))
def test_config_errors_exit_2_naming_file_line_and_key(case: str, tmp_path: Path) -> None:
    name, text, line, key = CONFIG_ERRORS[case]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / name).write_text(text)
    folder = tmp_path / "plain"
    write(folder, {"lib/a/x.py": "x = 1\n"})
    out = tmp_path / "out"
    done = radar(*scan_args(folder, out, "--rules", rules), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{rules / name}:{line}:" in done.stderr
    if key:
        assert key in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


# ---------------------------------------------------------------- fuzzing the front end

LANGUAGES = ["python", "javascript", "go", "c", "java", "ruby", "bash", "clojure", "commonlisp", "rust"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(alphabet=st.sampled_from(list("()[]{}<>;:'\"`\\#/*-+=.,\n\t af0xé\u2028\U0001f600")),
            max_size=400).map(lambda s: s.encode("utf-8")),
), language=st.sampled_from(LANGUAGES))
def test_front_end_never_raises_on_random_bytes(data: bytes, language: str) -> None:
    skipped, parse_error, units, (blind, names) = analyse_bytes(data, language)[:4]
    assert skipped in (None, "binary", "undecodable", "parse_error", "generated")
    assert isinstance(parse_error, bool) and len(blind) == len(names)
    for unit in units:  # (kind, name, start_line, end_line, first_token, size, exact, samples, …)
        start, end, first, size, samples = unit[2], unit[3], unit[4], unit[5], unit[7]
        assert 1 <= start <= end and 0 <= first and first + size <= len(blind)
        assert list(samples) == sorted(samples)


def test_files_named_as_a_generators_output_are_generated_and_written_ones_are_not():
    from radar.stages.generated import generated_name

    # kyverno's 266 banner-less `resource.generated.go` clients were its first three proposals
    for made in ("pkg/clients/kube/v1/resource.generated.go", "apis/zz_generated.deepcopy.go", "api/v1/api.pb.go",
                 "proto/agent_pb2.py", "proto/agent_pb2_grpc.py", "src/routeTree.gen.ts", "Forms/Main.Designer.cs",
                 "Generators/KnownThings.g.cs", "trait/zz_desc_generated.go",
                 "ui/public/libs/tinymce/plugins/link/plugin.min.js",  # pocketbase's 12 minified plugins, a fleet
                 # lowcoder's webpack bundles, named for their content's hash: its first proposal
                 "public/custom_component/index_custom_component_files/main.ca18aca8.js",
                 "static/css/app.3f2b9c1e.css"):
        assert generated_name(made), made
    # nocobase's `Form.Designer.tsx`, micropython's `bytes_gen.py` tests, twisted's `test_pb.py`
    for written in ("antd/form/Form.Designer.tsx", "tests/basics/bytes_gen.py", "spread/test/test_pb.py",
                    "cmd/gf/internal/cmd/cmd_gen_pb.go", "doc/report_functions_without_rst_generated.py",
                    "pkg/generated.go", "gen.py", "src/min.js", "lib/math/min.py", "src/crypto/sha.deadbeef.js",
                    "lib/hash.12345678.py"):
        assert not generated_name(written), written


def test_a_minified_file_wrapped_by_its_minifier_is_skipped_but_long_lines_written_by_hand_are_read():
    """saltcorn serves CKEditor 4, whose builder wraps its minified plugins at ~500 characters a
    line under an indented licence (218 characters a line on average): its 18 plugins had been
    read as packages. A component holding an icon's long path, its lines indented, is code."""
    from radar.stages.analyse import analyse_bytes

    licence = b"/*\n Copyright (c) 2003-2021, CKSource. All rights reserved.\n For licensing, see LICENSE.md\n*/\n"
    statement = b'CKEDITOR.dialog.add("anchor",function(c){function f(b,a){return b.create(a,"cke")}return{t:1}});'
    wrapped = licence + b"\n".join(statement * 5 for _ in range(12)) + b"\n"
    assert 100 < len(wrapped) / wrapped.count(b"\n") < 400
    assert analyse_bytes(wrapped, "javascript")[0] == "generated"
    path = b"M3.58 4.50C3.68 4.50 3.78 4.51 3.87 4.55L7.11 7.72L10.11 4.72C10.26 4.65 10.42 4.62 10.58 4.65" * 4
    icon = (b"export const AngleDownIcon = React.memo(\n    React.forwardRef((props, ref) => {\n"
            b"        return (\n            <svg ref={ref} width=\"14\" height=\"14\">\n"
            b"                <path\n                    d=\"" + path + b"\"\n                />\n"
            b"            </svg>\n        );\n    })\n);\n") * 4
    assert analyse_bytes(icon, "tsx")[0] is None


def test_emfs_generated_java_is_skipped_and_a_class_edited_by_hand_is_read():
    """EMF documents each type it generates `<!-- begin-user-doc -->` … `@generated`, below the
    imports (geotools' `net.opengis.*` models: 77 copies of one generated setter were its first two
    proposals); a type edited by hand says `@generated NOT`, and a type without the doc is a
    person's (org.eclipse.ocl's parser beside its model)."""
    from radar.stages.analyse import analyse_bytes

    imports = b"".join(b"import org.eclipse.emf.ecore.T%d;\n" % n for n in range(80))  # past the head
    emf = (b"/**\n * <copyright>\n * </copyright>\n */\npackage net.opengis.fes20.impl;\n\n" + imports
           + b"\n/**\n * <!-- begin-user-doc -->\n * An implementation of the model object.\n"
             b" * <!-- end-user-doc -->\n *\n * @generated\n */\npublic class FilterTypeImpl {\n"
             b"    /**\n     * <!-- begin-user-doc -->\n     * <!-- end-user-doc -->\n     * @generated\n     */\n"
             b"    public void setFunction(Object f) { this.f = f; }\n}\n")
    assert analyse_bytes(emf, "java")[0] == "generated"
    edited = emf.replace(b" *\n * @generated\n */\npublic class", b" *\n * @generated NOT\n */\npublic class")
    assert analyse_bytes(edited, "java")[0] is None
    written = emf.replace(b"<!-- begin-user-doc -->", b"A filter.")
    assert analyse_bytes(written, "java")[0] is None


def test_gmfs_generated_java_is_skipped_and_a_type_it_no_longer_owns_is_read():
    """GMF documents each type of a diagram editor it generates with a doc comment of only
    `@generated` (bonita-studio's 515 edit parts, policies and commands, integration-studio's
    2,250: their copied semantic edit policies had been both first proposals); a type edited by
    hand says `@generated NOT`, and a type documented in words is a person's."""
    from radar.stages.analyse import analyse_bytes

    imports = b"".join(b"import org.eclipse.gmf.runtime.T%d;\n" % n for n in range(60))
    gmf = (b"/*\n * Copyright (C) 2009 BonitaSoft S.A.\n */\npackage org.bonitasoft.diagram.edit.policies;\n\n"
           + imports + b"\n/**\n * @generated\n */\npublic class ANDGatewayItemSemanticEditPolicy extends Base {\n"
           b"\t/**\n\t* @generated\n\t*/\n\tpublic ANDGatewayItemSemanticEditPolicy() { super(Types.AND); }\n}\n")
    assert analyse_bytes(gmf, "java")[0] == "generated"
    edited = gmf.replace(b" * @generated\n */\npublic class", b" * @generated NOT\n */\npublic class")
    assert analyse_bytes(edited, "java")[0] is None
    written = gmf.replace(b" * @generated\n */\npublic class", b" * A gateway's policy.\n * @generated\n */\npublic class")
    assert analyse_bytes(written, "java")[0] is None


def test_a_type_whose_author_is_its_generator_is_skipped_and_a_person_s_is_read():
    """tl-engine: 774 types documented `@author Automatically generated by {@link
    InterfaceGenerator}` below their licence (its model's `*Base.java` interfaces, whose copied
    `get…Modifiable` had been its first proposal). A person named as the author is code."""
    from radar.stages.analyse import analyse_bytes

    made = (b"/*\n * SPDX-FileCopyrightText: 2025 (c) Business Operation Systems GmbH\n */\n"
            b"package com.top_logic.element.changelog.model.impl;\n\n/**\n * Basic interface for business objects.\n"
            b" * \n * @author Automatically generated by {@link com.top_logic.element.model.generate.InterfaceGenerator}\n"
            b" */\npublic interface ChangeSetBase extends TLObject {\n\tString TYPE = \"ChangeSet\";\n}\n")
    assert analyse_bytes(made, "java")[0] == "generated"
    written = made.replace(b"Automatically generated by {@link com.top_logic.element.model.generate.InterfaceGenerator}",
                           b"<a href=\"mailto:bhu@top-logic.com\">Bernhard Haumacher</a>")
    assert analyse_bytes(written, "java")[0] is None


def test_a_vendors_file_copied_in_is_skipped_as_vendored():
    """Consolidated-Firmware and ot3-firmware: each board's `system_stm32h5xx.c`, ST's CMSIS
    system file (`@author  MCD Application Team` in its head), had been their first proposals;
    opentrons-modules' `usbd_conf.c` too. A file whose author is a person is the team's."""
    from radar.stages.analyse import analyse_bytes

    st = (b"/**\n ******************************************************************************\n"
          b" * @file    system_stm32h5xx.c\n * @author  MCD Application Team\n"
          b" * @brief   CMSIS Cortex-M33 Device Peripheral Access Layer System Source File\n"
          b" ******************************************************************************\n */\n"
          b"#include \"stm32h5xx.h\"\nuint32_t SystemCoreClock = 64000000U;\n"
          b"void SystemInit(void)\n{\n  RCC->CR = RCC_CR_HSION;\n}\n")
    assert analyse_bytes(st, "c")[0] == "vendored"
    ours = st.replace(b"MCD Application Team", b"Jane Doe")
    assert analyse_bytes(ours, "c")[0] is None


def test_stm32cubemxs_output_is_skipped_as_generated():
    """Consolidated-Firmware: 302 files STM32CubeMX wrote, each opening with its `/* USER CODE
    BEGIN Header */` (the boards' `main.c`, whose `SystemClock_Config` x 17 came first once ST's
    own files were kept out). A file that only has user sections further down is the team's."""
    from radar.stages.analyse import analyse_bytes

    body = b"#include \"main.h\"\nvoid SystemClock_Config(void)\n{\n  HAL_RCC_OscConfig(&osc);\n}\n"
    cubemx = (b"/* USER CODE BEGIN Header */\n/**\n * @file           : main.c\n * @brief          : Main program body\n"
              b" */\n/* USER CODE END Header */\n") + body
    assert analyse_bytes(cubemx, "c")[0] == "generated"
    ours = b"/* Our board's start-up. */\n" + body + b"/* USER CODE BEGIN 4 */\n/* USER CODE END 4 */\n"
    assert analyse_bytes(ours, "c")[0] is None


def test_a_compilers_commonjs_output_is_skipped_as_generated():
    """graphql-tools' fork of relay-compiler, 47 `lib/` files Babel made of Facebook's Flow (Babel's
    helpers required), had been its first two proposals; TypeScript's output sets the ES module flag
    the same way. A module written by hand requires neither."""
    from radar.stages.analyse import analyse_bytes

    babel = (b"/**\n * Copyright (c) Facebook, Inc. and its affiliates.\n */\n'use strict';\n\n"
             b"var _interopRequireDefault = require('@babel/runtime/helpers/interopRequireDefault');\n\n"
             b"function transform(context) { return context.documents(); }\n")
    assert analyse_bytes(babel, "javascript")[0] == "generated"
    tsc = b'"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.f = void 0;\n'
    assert analyse_bytes(tsc + b"function f() { return 1; }\n", "javascript")[0] == "generated"
    by_hand = b"'use strict';\nconst x = require('./x');\nmodule.exports = () => x;\n"
    assert analyse_bytes(by_hand, "javascript")[0] is None


def test_generated_and_minified_files_are_skipped_and_counted():
    from radar.stages.analyse import analyse_bytes

    banner = b"# Code generated by protoc-gen-go. DO NOT EDIT.\ndef f(x):\n    return x + 1\n"
    assert analyse_bytes(banner, "python")[0] == "generated"
    bundle = b"var a=1;" * 2000 + b"\n"
    assert analyse_bytes(bundle, "javascript")[0] == "generated"
    written = b"def f(x):\n    # not generated: a person wrote this\n    return x + 1\n"
    assert analyse_bytes(written, "python")[0] is None
    # rails commits its rollup bundles (activestorage.js): a bundler's preamble, lines of source
    umd = (b'(function(global, factory) {\n  typeof exports === "object" && typeof module !== "undefined"'
           b' ? factory(exports) : factory(global.A = {});\n})(this, function(exports) {\n'
           b'  function start() {\n    return 1;\n  }\n  exports.start = start;\n});\n')
    assert analyse_bytes(umd, "javascript")[0] == "generated"
    assert analyse_bytes(umd.replace(b"typeof exports", b"typeof other"), "javascript")[0] is None
    router = (b"/* eslint-disable */\n// This file was automatically generated by TanStack Router.\n"
              b"import { Route } from './routes/__root'\nexport const routeTree = Route._addFileChildren({})\n")
    assert analyse_bytes(router, "typescript")[0] == "generated"
    gotmpl = (b"// Copyright The OpenTelemetry Authors\n\n// DO NOT MODIFY. Generated by gotmpl.\n"
              b"// source: internal/shared/x/x.go.tmpl\n\npackage x\n\nfunc F() int { return 1 }\n")
    assert analyse_bytes(gotmpl, "go")[0] == "generated"
    stainless = (b"# File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details.\n\n"
                 b"from __future__ import annotations\n\ndef create(x):\n    return x + 1\n")
    assert analyse_bytes(stainless, "python")[0] == "generated"  # openai-python's 1,500 modules
    memo = b"// Warning - This is generated code\npackage mssql\n\nfunc memoizedconnect() int { return 1 }\n"
    assert analyse_bytes(memo, "go")[0] == "generated"  # nuclei's memoizer: its #1 had been 12 of them
    hermes = (b"\n/*\n * This file was generated by Hermes Parser Generator on Wed Apr  3 16:12:59 2019\n */\n"
              b"package wdl.parser;\npublic class WdlParser { int parse() { return 1; } }\n")
    assert analyse_bytes(hermes, "java")[0] == "generated"  # cromwell's #1 had been four such parsers
    antlr = (b"/*\n * Licensed under the Apache License, Version 2.0\n */\n"
             b"// Generated from rewrite-json/src/main/antlr/JsonPathParser.g4 by ANTLR 4.13.2\n"
             b"package org.openrewrite.json.internal.grammar;\npublic class JsonPathParser { int f() { return 1; } }\n")
    assert analyse_bytes(antlr, "java")[0] == "generated"  # openrewrite's #2: one grammar's parser x 3
    bison = (b"/* A Bison parser, made by GNU Bison 3.8.2.  */\n\n/* Bison implementation for Yacc-like parsers"
             b" in C */\n\nstatic void yy_stack_print(int *bottom) { while (bottom) bottom++; }\n")
    assert analyse_bytes(bison, "c")[0] == "generated"  # netcdf-c's #1: three parsers' `yy_reduce_print`
    # Dafny's compiler names itself and the module it compiled (aws-cryptographic-material-providers-
    # library's 160 `releases/go` packages, its six proposals); a person saying what a build puts
    # into a binary does not (sentry-rust's transports, nuttx-apps' NXDoom)
    dafny = b"// Package Base64\n// Dafny module Base64 compiled into Go\n\npackage Base64\n\nfunc F() int { return 1 }\n"
    assert analyse_bytes(dafny, "go")[0] == "generated"
    told = b"//! This module exposes all transports that are compiled into the sentry crate.\nfn f() -> i32 { 1 }\n"
    assert analyse_bytes(told, "rust")[0] is None
    # Java's standard annotation, below a licence and imports, past the head (basyx-java-server-sdk's
    # OpenAPI clients: their request builders x 227 had been its first proposal); a generator of
    # code imports it but annotates nothing with it (ignite-3's marshaller generator)
    licence = b"".join(b" * line %d of the licence\n" % n for n in range(80))
    openapi = (b"/*\n" + licence + b" */\npackage org.x.client;\n\nimport java.util.List;\n"
               b"import jakarta.annotation.Generated;\n\n"
               b'@Generated(value = "org.openapitools.codegen.languages.JavaClientCodegen")\n'
               b"public class ShellApi {\n  int get() { return 1; }\n}\n")
    assert len(openapi.split(b"@Generated(")[0]) > 2048 and analyse_bytes(openapi, "java")[0] == "generated"
    generator = openapi.replace(b'@Generated(value = "org.openapitools.codegen.languages.JavaClientCodegen")\n',
                                b"// emits Generated.class annotations\n")
    assert analyse_bytes(generator, "java")[0] is None
    named = openapi.replace(b"import jakarta.annotation.Generated;\n", b"").replace(b"@Generated(", b"@jakarta.annotation.Generated(")
    assert analyse_bytes(named, "java")[0] == "generated"
    flex = b'\n#line 2 "ncgenl.c"\n\n#define YY_INT_ALIGNED short int\n\n/* A lexical scanner generated by flex */\n'
    assert analyse_bytes(flex + b"int yylex(void) { return 0; }\n", "c")[0] == "generated"
    # opensearch-py's 74 API modules, below their licence: their endpoints' copies had been proposed
    opensearch = b"".join(b"#  line %d of the licence\n" % n for n in range(27)) + (
        b"#\n# THIS CODE IS AUTOMATICALLY GENERATED AND MANUAL EDITS WILL BE LOST\n"
        b"class IndicesClient:\n    def simulate(self, body):\n        return self.transport.perform_request(body)\n")
    assert analyse_bytes(opensearch, "python")[0] == "generated"
    # a comment opening the file that starts by naming its generator (wandb's 97 GraphQL client
    # modules, `# Generated by ariadne-codegen`, had been its first proposal); after code, saying
    # what else something generated made, or a sentence's second line, it is a person's
    ariadne = b"# Generated by ariadne-codegen\n# Source: tools/graphql_codegen/api/\n\nfrom typing import Any\n"
    assert analyse_bytes(ariadne + b"def f(x):\n    return x\n", "python")[0] == "generated"
    for written in (b"import os\n# Generated by ariadne-codegen\ndef f(x):\n    return x\n",
                    b"# The ids generated by the tests\ndef f(x):\n    return x\n",
                    b"# Adds the resources\n# generated by other resources\ndef f(x):\n    return x\n"):
        assert analyse_bytes(written, "python")[0] is None, written
    licensed = b"".join(b"// line %d of Google's license\n" % n for n in range(28))  # protobuf's own .pb.go
    assert analyse_bytes(licensed + b"// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x\n", "go")[0] \
        == "generated"
    stub = b'"""\n@generated by mypy-protobuf.  Do not edit manually!\n"""\nclass Any:\n    value: int\n'
    assert analyse_bytes(stub, "python")[0] == "generated"
    # OpenAPI Generator's Python client: the module docstring says so (apache/airflow-client-python's
    # 366 modules); a docstring's prose about generated things does not (rclone's, sqlfluff's scripts)
    openapi = (b'# coding: utf-8\n\n"""\n    Airflow API\n\n'
               b'    Generated by OpenAPI Generator (https://openapi-generator.tech)\n\n'
               b'    Do not edit the class manually.\n"""  # noqa: E501\n\nimport json\n')
    assert analyse_bytes(openapi, "python")[0] == "generated"
    # its older versions, and swagger-codegen, stamp "Generated by: <their site>" there, below a
    # licence (kserve's 136 models, one spec's classes, had been its first proposal)
    stamped = (b"# Copyright 2023 The KServe Authors.\n#\n# Licensed under the Apache License\n\n# coding: utf-8\n\n"
               b'"""\n    KServe\n\n    Python SDK for KServe  # noqa: E501\n\n'
               b'    The version of the OpenAPI document: v0.1\n'
               b'    Generated by: https://openapi-generator.tech\n"""\n\nimport pprint\n')
    assert analyse_bytes(stamped, "python")[0] == "generated"
    # and the newer one's raw docstring under its ASCII art (twilio-python's 671 REST modules:
    # their copied `stream_with_http_info` x 175 had been its first proposal)
    raw = (b'r"""\n    This code was generated by\n   ___ _ _ _ _ _    _ ____\n    |  | | | | |    | |  | __\n\n'
           b'    Twilio - Accounts\n\n    NOTE: This class is auto generated by OpenAPI Generator.\n'
           b'    https://openapi-generator.tech\n    Do not edit the class manually.\n"""\n\n'
           b'from datetime import datetime\n')
    assert analyse_bytes(raw, "python")[0] == "generated"
    prose = raw.replace(b"Do not edit the class manually.", b"Edit freely.").replace(b"This code was generated by", b"")
    assert analyse_bytes(prose, "python")[0] is None
    # Twilio's generator's own words above its logo, in the comment opening the file (twilio-java's
    # 136 TwiML classes); the same words after code are a person's
    twiml = (b"/**\n * This code was generated by\n * \\ / _    _  _|   _  _\n *  | (_)\\/(_)(_|\\/| |(/_  v1.0.0\n"
             b" *       /       /\n */\n\npackage com.twilio.twiml.voice;\n\n"
             b"public class AiSession { int f() { return 1; } }\n")
    assert analyse_bytes(twiml, "java")[0] == "generated"
    by_hand = b"package x;\n/* This code was generated by hand, then tuned */\nclass A { int f() { return 1; } }\n"
    assert analyse_bytes(by_hand, "java")[0] is None
    # GNU gengetopt's argument parsers: its words in the comment opening the file (OpenSC's seven
    # `src/tools/*-cmdline.c`, whose `cmdline_parser2` copies were two of its first proposals)
    gengetopt = (b"/*\n  File autogenerated by gengetopt version 2.23\n  generated with the following command:\n"
                 b"  gengetopt --file-name=egk-tool-cmdline\n*/\n\nint cmdline_parser2(void) { return 0; }\n")
    assert analyse_bytes(gengetopt, "c")[0] == "generated"
    for prose in (b'"""\nChecks for modifications in autogenerated sections of markdown files.\n"""\nimport re\n',
                  b'"""\nPatches the coverage.lcov file generated by the tests.\n"""\nimport re\n',
                  b'import re\n\n"""\nDo not edit this by hand.\n"""\n'):  # a string after code is no banner
        assert analyse_bytes(prose, "python")[0] is None, prose
    # a file opening by switching off every checker of its language, ESLint, TSLint and TypeScript:
    # a generator's output though no banner says so (Plasmic's 868 icon components, `PlasmicIcon__*.tsx`,
    # proposed once its app was read as its parts); one checker off is a person's
    icon = (b"/* eslint-disable */\n/* tslint:disable */\n// @ts-nocheck\n/* prettier-ignore-start */\n"
            b'import React from "react";\nexport function AfterIcon(props: Props) {\n  return <svg {...props} />;\n}\n')
    assert analyse_bytes(icon, "tsx")[0] == "generated"
    for written in (icon.replace(b"/* tslint:disable */\n", b""),
                    icon.replace(b"/* eslint-disable */", b"// eslint-disable-next-line no-console")):
        assert analyse_bytes(written, "tsx")[0] is None, written
    # PrestaShop's licence header, kept by thirty bees, Magento 1 and their modules: "do not edit"
    # a licence's words (thirty bees' 985 files had been skipped as generated)
    prestashop = (b"<?php\n/**\n * NOTICE OF LICENSE\n *\n * DISCLAIMER\n *\n * Do not edit or add to this file if you"
                  b" wish to upgrade PrestaShop to newer\n * versions in the future.\n */\n\nclass AddressCore\n{\n"
                  b"    public function f($x)\n    {\n        return $x + 1;\n    }\n}\n")
    assert analyse_bytes(prestashop, "php")[0] is None
    assert analyse_bytes(prestashop.replace(b" * DISCLAIMER\n", b" * Code generated by a tool. DO NOT EDIT.\n"),
                         "php")[0] == "generated"
    # the model classes Compiere's generator writes, and so iDempiere's, ADempiere's and their forks'
    # (VAFramework's 777 `X_*.cs`, whose copied `SetName` x 509 had been its first proposal)
    model = (b"namespace VAdvantage.Model\n{\n\n/** Generated Model - DO NOT CHANGE */\nusing System;\n"
             b"public class X_C_CampaignPhase : PO\n{\npublic void SetName (String Name)\n{\n"
             b"if (Name == null) throw new ArgumentException (\"Name is mandatory.\");\nSet_Value (\"Name\", Name);\n}\n}\n}\n")
    assert analyse_bytes(model, "csharp")[0] == "generated"
    assert analyse_bytes(model.replace(b"Generated Model - ", b""), "csharp")[0] is None
    # a licence header a script keeps, marking its own lines "do not edit this line" (ve-suite's
    # auto-copyright.rb: 1,161 files, its whole C++, had been skipped as generated)
    kept = (b"/*************** <auto-copyright.rb BEGIN do not edit this line> **************\n *\n"
            b" * VE-Suite is (C) Copyright 1998-2012 by Iowa State University\n *\n"
            b" *************** <auto-copyright.rb END do not edit this line> ***************/\n\n"
            b"#include <iostream>\nint f(int x) { return x + 1; }\n")
    assert analyse_bytes(kept, "cpp")[0] is None
    # EF Core's migrations, a byte-order mark first (jellyfin's 40 near-identical 8,000-token
    # snapshots had been read and aligned pairwise: 5.5 s of an 8 s first scan)
    designer = b"\xef\xbb\xbf// <auto-generated />\nusing System;\n\nnamespace X.Migrations\n{\n    partial class A { }\n}\n"
    assert analyse_bytes(designer, "csharp")[0] == "generated"
    # fastlane: a generator, a plugin manager, a documented field; a JPA entity; a Ruby instance
    # variable: written by a person, read
    for written in (b'def write(output):\n    output.append("This README is auto-generated")\n',
                    b'AUTOGENERATED_LINE = "# Autogenerated by fastlane"\n\ndef f():\n    return 1\n',
                    b"".join(b"# line %d of a long header\n" % n for n in range(30))
                    + b"# the autogenerated id\ndef f():\n    return 1\n",
                    b"@GeneratedValue(strategy = GenerationType.AUTO)\ndef f():\n    return 1\n"):
        assert analyse_bytes(written, "python")[0] is None, written
    ivar = b"def f\n  @generated = 1\nend\n"
    assert analyse_bytes(ivar, "ruby")[0] is None
