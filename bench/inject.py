"""Injection benchmark (issue 7), after Roy & Cordy's mutation/injection framework.

    .venv/bin/python bench/inject.py [--language python|javascript|lisp|all] [--functions 40]
                                     [--seed 1] [--types 1,2,3] [--no-jscpd] [--show-missed]
    .venv/bin/python bench/inject.py --precision [--language L] [--corpus filler|pkgs]
                                     [--snapshot path/to/latest.json]
    .venv/bin/python bench/inject.py --sweep [--functions 40] [--seed 1]

For each language and clone type T, one git repo under bench/.work/inject/<language>/type-T
whose main checkout has four subsystems lib/a..d, each the real code of a different package
of that language (filler). N real functions (8-60 lines, >= 50 code tokens, picked with --seed
from other packages of the language) are injected: the original into a, a mutated copy into
b, c and d:
  type 1: layout and comments changed;
  type 2: type 1 + the names the function binds renamed consistently, literals changed;
  type 3: type 2 + one statement added, removed (one of at most 3 lines) or changed.
Python mutates with the ast module (below), JavaScript and Scheme on tree-sitter trees
(tsmutate.py). Every copy is checked to be valid (Python: compile; JavaScript: tree-sitter
without ERROR/MISSING nodes and node's parser; Scheme: tree-sitter). Each copy is appended to
one of the subsystem's existing files. The repo is committed 90 days ago, scanned with radar
(built-in rules, all verdicts), and with jscpd 5.3 (type-2 and gap options).

A group is recalled when one radar candidate holds >= 3 of its 4 copies and has <= 8 instances;
for jscpd, when >= 3 copies are connected by clone pairs. An instance/fragment "holds" a copy
when it is in the same file and the line overlap covers >= half of both the copy and the
instance.

--precision: scan real code without injections (the filler, or for Python the 13-package corpus
of speed.py) with a catch-all routing rule (every cluster has a home, so the gate's other
criteria decide), and print the top 10 proposed and top 10 watching candidates with evidence.

--sweep: for min_similarity x min_tokens, the proposed count on the Python type-3 injection
corpus and on the pkgs corpus, and the type-3 recall of candidates that pass `identical`.
"""
from __future__ import annotations

import argparse
import ast
import io
import json
import random
import subprocess
import sys
import textwrap
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tsmutate  # noqa: E402
from radar.stages.candidates import LINK_SIMILARITY  # noqa: E402
from common import (JSCPD, RADAR, WORK, commit_all, ensure_jscpd, fresh, git,  # noqa: E402
                    package_source, site_packages)

# Like for like: jscpd ignores identifiers and literals (the radar's type-2 normalisation), merges
# runs split by up to 5 lines, skips comments, and on JS/TS (the only languages it has it for)
# compares function ASTs down to the radar's link threshold (--similarity).
MIN_CODE_TOKENS = 50  # as jscpd's default --min-tokens: smaller functions are idioms, not clones
OUT = WORK / "inject"
JSCPD_OPTS = ["--ignore-identifiers", "--ignore-literals", "--max-gap-lines", "5",
              "--mode", "weak"]
WORDS = tsmutate.WORDS
CATCH_ALL = '- kind: shared\n  home: lib/shared\n  match: {paths: ["**"]}\n'

# Python: packages installed in the venv
PY_FILLER = {"a": "requests", "b": "yaml", "c": "attr", "d": "gitdb"}
SOURCES = ("networkx/algorithms", "click", "jinja2", "dateutil", "jsonschema", "packaging")

# JavaScript: pure-JS npm packages, pinned, installed into bench/.work/npm
NPM = WORK / "npm"
NPM_PACKAGES = ("express@5.3.0", "commander@15.1.0", "semver@7.8.6", "ws@8.23.0",
                "lodash-es@4.18.1", "moment@2.31.0", "acorn@8.19.0", "bluebird@3.7.2",
                "handlebars@4.7.10")
JS_FILLER = {"a": ("express", ("lib/**/*.js", "index.js")),
             "b": ("commander", ("lib/*.js", "index.js")),
             "c": ("semver", ("**/*.js",)),
             "d": ("ws", ("lib/*.js",))}
JS_SOURCES = (("lodash-es", "*.js"), ("moment", "src/lib/**/*.js"), ("acorn", "dist/acorn.js"),
              ("bluebird", "js/release/*.js"), ("handlebars", "lib/**/*.js"))

# Lisp family: Scheme, Guile 3.0.8's own modules (Debian package guile-3.0-libs)
GUILE_DEB = "guile-3.0-libs"
GUILE = WORK / "debs" / "guile" / "usr" / "share" / "guile" / "3.0"
SCM_FILLER = {"a": "ice-9", "b": "system", "c": "srfi", "d": "language"}
SCM_SKIP = ("psyntax-pp.scm",)  # generated (the expanded psyntax), not written by hand
SCM_SOURCES = ("web", "sxml", "texinfo", "oop", "rnrs", "scheme", "statprof.scm", "texinfo.scm")


# --------------------------------------------------------------------------- selection
def candidate_functions(min_lines=8, max_lines=60) -> list[tuple[str, str]]:
    """(origin, source) of every undecorated function of 8-60 lines in SOURCES."""
    sources = [package_source(rel) for rel in SOURCES]  # all present, or stop here
    sp = site_packages()
    out = []
    for folder in sources:
        for f in sorted(folder.rglob("*.py")):
            if "tests" in f.parts or "__pycache__" in f.parts:
                continue
            text = f.read_text(encoding="utf-8", errors="replace")
            try:
                tree = ast.parse(text)
            except SyntaxError:
                continue
            lines = text.splitlines()
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef) or node.decorator_list:
                    continue
                n = node.end_lineno - node.lineno + 1
                if not (min_lines <= n <= max_lines):
                    continue
                src = textwrap.dedent("\n".join(lines[node.lineno - 1:node.end_lineno])) + "\n"
                try:
                    ast.parse(src)
                except SyntaxError:
                    continue
                if any(isinstance(x, (ast.Global, ast.Nonlocal)) for x in ast.walk(node)):
                    continue
                if _code_tokens(node) < MIN_CODE_TOKENS:
                    continue
                out.append((f"{f.relative_to(sp)}:{node.lineno}", src))
    return out


def _code_tokens(fn: ast.FunctionDef) -> int:
    """Tokens of the function without its docstring (BigCloneBench and jscpd count code, not prose)."""
    body = fn.body[1:] if fn.body and isinstance(fn.body[0], ast.Expr) and \
        isinstance(getattr(fn.body[0], "value", None), ast.Constant) and isinstance(fn.body[0].value.value, str) else fn.body
    bare = ast.FunctionDef(name=fn.name, args=fn.args, body=body or [ast.Pass()], decorator_list=[], returns=fn.returns)
    text = ast.unparse(ast.fix_missing_locations(ast.Module([bare], [])))
    kinds = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER, tokenize.COMMENT)
    return sum(t.type not in kinds for t in tokenize.generate_tokens(io.StringIO(text).readline))


# --------------------------------------------------------------------------- mutations
def _bound_names(fn: ast.FunctionDef) -> set[str]:
    names = {a.arg for a in fn.args.args + fn.args.kwonlyargs + fn.args.posonlyargs}
    for a in (fn.args.vararg, fn.args.kwarg):
        if a:
            names.add(a.arg)
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node is not fn:
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names - {"self", "cls"}


class _Rename(ast.NodeTransformer):
    def __init__(self, mapping: dict[str, str], rng: random.Random):
        self.m, self.rng, self.in_fstring = mapping, rng, 0

    def visit_Name(self, node):
        node.id = self.m.get(node.id, node.id)
        return node

    def visit_arg(self, node):
        node.arg = self.m.get(node.arg, node.arg)
        return node

    def visit_FunctionDef(self, node):
        node.name = self.m.get(node.name, node.name)
        self.generic_visit(node)
        return node

    def visit_JoinedStr(self, node):
        self.in_fstring += 1
        self.generic_visit(node)
        self.in_fstring -= 1
        return node

    def visit_Constant(self, node):
        if self.in_fstring:
            return node
        v = node.value
        if isinstance(v, bool) or v is None or v is Ellipsis:
            return node
        if isinstance(v, str):
            node.value = v + "_" + self.rng.choice(WORDS) if len(v) < 40 else v.replace(" ", "  ", 1)
        elif isinstance(v, int):
            node.value = v + self.rng.randint(1, 9)
        elif isinstance(v, float):
            node.value = v * 2 + 0.5
        return node


def _add_comments(src: str, rng: random.Random) -> str:
    """Comments before some statements and blank lines between some (safe: statement starts
    are never inside a string)."""
    tree = ast.parse(src)
    starts = sorted({n.lineno for n in ast.walk(tree) if isinstance(n, ast.stmt)})
    lines = src.splitlines()
    out = []
    for i, line in enumerate(lines, 1):
        if i in starts and i > 1:
            indent = line[:len(line) - len(line.lstrip())]
            r = rng.random()
            if r < 0.3:
                out.append(f"{indent}# {rng.choice(WORDS)}: {rng.choice(WORDS)} handling")
            elif r < 0.5:
                out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def type1(src: str, rng: random.Random) -> str:
    return _add_comments(ast.unparse(ast.parse(src)), rng)


def type2_tree(src: str, rng: random.Random) -> ast.Module:
    tree = ast.parse(src)
    fn = tree.body[0]
    names = sorted(_bound_names(fn) | {fn.name})
    mapping = {n: f"{rng.choice(WORDS)}_{n[:3]}{i}" for i, n in enumerate(names)}
    return ast.fix_missing_locations(_Rename(mapping, rng).visit(tree))


def type2(src: str, rng: random.Random) -> str:
    return _add_comments(ast.unparse(type2_tree(src, rng)), rng)


def type3(src: str, rng: random.Random) -> str:
    tree = type2_tree(src, rng)
    fn = tree.body[0]
    blocks = [n for n in ast.walk(fn) if isinstance(getattr(n, "body", None), list)
              and n.body and isinstance(n.body[0], ast.stmt)]
    block = rng.choice(blocks)
    body = block.body
    first = 1 if (block is fn and isinstance(body[0], ast.Expr)
                  and isinstance(body[0].value, ast.Constant)) else 0
    op = rng.choice(("add", "remove", "change"))
    simple = [i for i in range(first, len(body))
              if isinstance(body[i], (ast.Assign, ast.Expr, ast.Return)) and body[i].value is not None]
    small = [i for i in range(first, len(body))
             if body[i].end_lineno - body[i].lineno < tsmutate.SMALL_LINES]
    if op == "remove" and len(body) - first >= 2 and small:
        del body[rng.choice(small)]
    elif op == "change" and simple:
        i = rng.choice(simple)
        body[i].value = ast.BoolOp(op=ast.Or(), values=[body[i].value, ast.Constant(None)])
    else:
        op = "add"
        stmt = ast.parse(f"{rng.choice(WORDS)}_seen = {rng.randint(2, 99)}").body[0]
        body.insert(rng.randrange(first, len(body) + 1), stmt)
    return _add_comments(ast.unparse(ast.fix_missing_locations(tree)), rng)


MUTATE = {1: type1, 2: type2, 3: type3}


# --------------------------------------------------------------------------- other languages
def ensure_npm() -> Path:
    mods = NPM / "node_modules"
    if not all((mods / p.rsplit("@", 1)[0]).exists() for p in NPM_PACKAGES):
        NPM.mkdir(parents=True, exist_ok=True)
        print(f"installing {' '.join(NPM_PACKAGES)} into {NPM}", file=sys.stderr)
        subprocess.run(["npm", "i", "-E", "--prefix", str(NPM), *NPM_PACKAGES], check=True,
                       stdout=subprocess.DEVNULL)
    return mods


def ensure_guile() -> Path:
    if not GUILE.exists():
        debs = fresh(WORK / "debs")
        print(f"apt-get download {GUILE_DEB} into {debs}", file=sys.stderr)
        subprocess.run(["apt-get", "download", GUILE_DEB], cwd=debs, check=True,
                       stdout=subprocess.DEVNULL)
        deb = next(debs.glob(f"{GUILE_DEB}_*.deb"))
        subprocess.run(["dpkg", "-x", str(deb), str(debs / "guile")], check=True)
    return GUILE


def _globs(root: Path, patterns) -> list[Path]:
    files = {f for p in patterns for f in root.glob(p)
             if f.is_file() and "node_modules" not in f.relative_to(root).parts
             and not f.name.endswith(".min.js")}
    return sorted(files)


def node_valid(codes: list[str]) -> list[bool]:
    """Whether node's parser accepts each code (as a classic script), in one node process."""
    prog = ("const vm=require('vm');let s='';process.stdin.on('data',d=>s+=d);"
            "process.stdin.on('end',()=>{const out=JSON.parse(s).map(c=>{try{new vm.Script(c);"
            "return true}catch(e){return false}});process.stdout.write(JSON.stringify(out))})")
    r = subprocess.run(["node", "-e", prog], input=json.dumps(codes), capture_output=True,
                       text=True, check=True)
    return json.loads(r.stdout)


def _ts_pick(lang: str, text: str, rel: str, is_unit: Callable) -> list[tuple[str, str]]:
    tree = tsmutate.parse(lang, text)
    data = text.encode()
    out = []
    for node in tsmutate.walk(tree.root_node):
        if not is_unit(node):
            continue
        n = node.end_point[0] - node.start_point[0] + 1
        if not (8 <= n <= 60) or tsmutate.code_tokens(lang, node) < MIN_CODE_TOKENS:
            continue
        body = " " * node.start_point[1] + data[node.start_byte:node.end_byte].decode()
        src = textwrap.dedent(body).lstrip(" ") + "\n"
        if not tsmutate.has_error(lang, src):
            out.append((f"{rel}:{node.start_point[0] + 1}", src))
    return out


def _js_unit(node) -> bool:
    if node.type in ("function_declaration", "generator_function_declaration"):
        return True
    if node.type in ("lexical_declaration", "variable_declaration"):
        decl = [c for c in node.named_children if c.type == "variable_declarator"]
        value = decl[0].child_by_field_name("value") if len(decl) == 1 else None
        return value is not None and value.type in ("function_expression", "arrow_function",
                                                     "generator_function", "function")
    return False


def _scm_unit(node) -> bool:
    if node.type != "list" or node.parent is None or node.parent.type != "program":
        return False
    el = tsmutate._elems(node)
    return (len(el) > 2 and tsmutate._head(node) in tsmutate.DEFINES
            and (el[1].type == "list" or tsmutate._head(el[2]) in ("lambda", "lambda*")))


def js_candidates() -> list[tuple[str, str]]:
    mods = ensure_npm()
    out = []
    for pkg, pattern in JS_SOURCES:
        for f in _globs(mods / pkg, (pattern,)):
            rel = f"{pkg}/{f.relative_to(mods / pkg)}"
            out += _ts_pick("javascript", f.read_text(encoding="utf-8", errors="replace"), rel,
                            _js_unit)
    ok = node_valid([src for _, src in out])
    return [x for x, good in zip(out, ok) if good]


def scm_candidates() -> list[tuple[str, str]]:
    root = ensure_guile()
    out = []
    for part in SCM_SOURCES:
        files = [root / part] if part.endswith(".scm") else sorted((root / part).rglob("*.scm"))
        for f in files:
            out += _ts_pick("scheme", f.read_text(encoding="utf-8", errors="replace"),
                            f"guile/{f.relative_to(root)}", _scm_unit)
    return out


def js_filler(sub: str) -> dict[str, str]:
    mods = ensure_npm()
    pkg, patterns = JS_FILLER[sub]
    return {f"lib/{sub}/{f.relative_to(mods / pkg)}": f.read_text(encoding="utf-8")
            for f in _globs(mods / pkg, patterns)}


def scm_filler(sub: str) -> dict[str, str]:
    root = ensure_guile() / SCM_FILLER[sub]
    return {f"lib/{sub}/{f.relative_to(root)}": f.read_text(encoding="utf-8", errors="replace")
            for f in sorted(root.rglob("*.scm")) if f.name not in SCM_SKIP}


def py_filler(sub: str) -> dict[str, str]:
    src = package_source(PY_FILLER[sub])
    return {f"lib/{sub}/{f.relative_to(src)}": f.read_text(encoding="utf-8")
            for f in sorted(src.rglob("*.py")) if "__pycache__" not in f.parts}


def py_valid(codes: list[str]) -> list[bool]:
    out = []
    for c in codes:
        try:
            compile(c, "<copy>", "exec")
            out.append(True)
        except (SyntaxError, ValueError):
            out.append(False)
    return out


def ts_valid(lang: str) -> Callable[[list[str]], list[bool]]:
    def check(codes: list[str]) -> list[bool]:
        ok = [not tsmutate.has_error(lang, c) for c in codes]
        if lang == "javascript":
            ok = [a and b for a, b in zip(ok, node_valid(codes))]
        return ok
    return check


@dataclass(frozen=True)
class Lang:
    name: str
    corpus: str  # one line naming the corpus, for the table
    candidates: Callable[[], list[tuple[str, str]]]
    filler: Callable[[str], dict[str, str]]
    mutate: Callable[[int, str, random.Random], str]
    valid: Callable[[list[str]], list[bool]]
    jscpd: tuple[str, ...]


LANGS = {
    "python": Lang("python", "venv packages; filler requests/yaml/attr/gitdb; functions from "
                   + ", ".join(SOURCES), candidate_functions, py_filler,
                   lambda t, src, rng: MUTATE[t](src, rng), py_valid, ("--format", "python")),
    "javascript": Lang("javascript", "npm " + " ".join(NPM_PACKAGES[:4]) + " (filler); functions from "
                       + " ".join(NPM_PACKAGES[4:]), js_candidates, js_filler,
                       lambda t, src, rng: tsmutate.mutate("javascript", t, src, rng),
                       ts_valid("javascript"), ("--format", "javascript", "--similarity", str(LINK_SIMILARITY))),
    "scheme": Lang("scheme", "Guile 3.0.8 modules (Debian guile-3.0-libs): filler "
                   + "/".join(SCM_FILLER.values()) + "; functions from " + ", ".join(SCM_SOURCES),
                   scm_candidates, scm_filler,
                   lambda t, src, rng: tsmutate.mutate("scheme", t, src, rng),
                   ts_valid("scheme"), ("--format", "scheme", "--formats-exts", "scheme:scm")),
}
ALIASES = {"lisp": "scheme", "js": "javascript", "py": "python"}


# --------------------------------------------------------------------------- corpus
def copy_rng(seed: int, origin: str, clone_type: int, sub: str) -> random.Random:
    return random.Random(f"{seed}:{origin}:{clone_type}:{sub}")


def pick_functions(lang: Lang, n: int, seed: int) -> list[tuple[str, str]]:
    """n functions drawn with seed, keeping those whose every copy (all types) is valid."""
    pool = lang.candidates()
    order = random.Random(seed).sample(pool, len(pool))
    chosen: list[tuple[str, str]] = []
    i = 0
    while len(chosen) < n and i < len(order):
        batch = order[i:i + 2 * (n - len(chosen)) + 10]
        i += len(batch)
        copies, owners = [], []
        for k, (origin, src) in enumerate(batch):
            try:
                cs = [lang.mutate(t, src, copy_rng(seed, origin, t, sub))
                      for t in (1, 2, 3) for sub in "bcd"]
            except (SyntaxError, ValueError, TypeError, IndexError, AttributeError):
                continue
            copies += cs
            owners += [k] * len(cs)
        ok = lang.valid(copies)
        bad = {k for k, good in zip(owners, ok) if not good}
        for k in sorted(set(owners) - bad):
            if len(chosen) < n:
                chosen.append(batch[k])
    return chosen


def build_repo(dest: Path, lang: Lang, clone_type: int | None, funcs: list[tuple[str, str]],
               seed: int):
    """Write and commit the repo; return the injected groups: [{origin, copies: [(path, s, e)]}]."""
    fresh(dest)
    files: dict[str, str] = {}
    for sub in "abcd":
        files.update(lang.filler(sub))
    groups = []
    if clone_type is not None:
        rng = random.Random(f"{seed}:{clone_type}")
        for origin, src in funcs:
            copies = []
            for sub in "abcd":
                code = src if sub == "a" else lang.mutate(clone_type, src,
                                                           copy_rng(seed, origin, clone_type, sub))
                mods = sorted(p for p in files if p.startswith(f"lib/{sub}/"))
                path = rng.choice(mods)
                body = files[path].rstrip("\n") + "\n\n\n"
                start = body.count("\n") + 1
                files[path] = body + code
                copies.append((path, start, start + code.rstrip("\n").count("\n")))
            groups.append({"origin": origin, "copies": copies})
    for rel, text in files.items():
        p = dest / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    git(dest, "init", "-q")
    commit_all(dest, "corpus", days_ago=90)
    return groups


def make_rules(dest: Path, min_similarity: float | None = None,
               min_tokens: int | None = None) -> Path:
    """A rules dir with one catch-all routing rule (and the gate thresholds, if given)."""
    fresh(dest)
    (dest / "routing.yaml").write_text(CATCH_ALL)
    gate = {k: v for k, v in (("min_similarity", min_similarity), ("min_tokens", min_tokens))
            if v is not None}
    if gate:
        (dest / "radar.yaml").write_text("gate: " + json.dumps(gate) + "\n")
    return dest


def holds(path: str, s: int, e: int, copy) -> bool:
    cpath, cs, ce = copy
    if path != cpath:
        return False
    inter = min(e, ce) - max(s, cs) + 1
    return inter >= 0.5 * (ce - cs + 1) and inter >= 0.5 * (e - s + 1)


def radar_scan(repo: Path, out: Path, timeout: float, rules: Path | None = None) -> dict:
    fresh(out)
    subprocess.run([str(RADAR), "scan", "--repo", str(repo), "--out", str(out), "--no-cache",
                    "--quiet", *(["--rules", str(rules)] if rules else [])],
                   cwd=out, check=True, timeout=timeout)
    return json.loads((out / "snapshots" / "latest.json").read_text())


def radar_recall(snapshot: dict, groups, min_similarity: float = 0.0) -> tuple[int, list[str]]:
    """Groups held (>= 3 of 4 copies) by one candidate of <= 8 instances whose similarity is
    at least min_similarity, or by one of a candidate's variants (listed with it)."""
    hit, missed = 0, []
    held_by = [(c["instances"], c["similarity"]) for c in snapshot["candidates"]]
    held_by += [(v["instances"], c["similarity"]) for c in snapshot["candidates"] for v in c.get("variants", ())]
    for g in groups:
        ok = False
        for inst, similarity in held_by:
            if len(inst) > 2 * len(g["copies"]) or similarity < min_similarity:
                continue
            held = {i for i, cp in enumerate(g["copies"])
                    if any(holds(x["path"], x["start_line"], x["end_line"], cp) for x in inst)}
            if len(held) >= 3:
                ok = True
                break
        hit += ok
        if not ok:
            missed.append(g["origin"])
    return hit, missed


def jscpd_scan(repo: Path, out: Path, timeout: float, fmt: tuple[str, ...]) -> list[dict]:
    fresh(out)
    subprocess.run([str(JSCPD), "--silent", "--reporters", "json", "--output", str(out),
                    *fmt, *JSCPD_OPTS, str(repo / "lib")],
                   cwd=repo, check=True, timeout=timeout, stdout=subprocess.DEVNULL)
    return json.loads((out / "jscpd-report.json").read_text()).get("duplicates", [])


def jscpd_recall(dups: list[dict], groups, repo: Path) -> tuple[int, list[str]]:
    def rel(name: str) -> str:
        p = Path(name)
        p = p if p.is_absolute() else (repo / "lib" / p if not name.startswith("lib/") else repo / p)
        try:
            return str(p.resolve().relative_to(repo.resolve()))
        except ValueError:
            return name

    frags = [((rel(d["firstFile"]["name"]), d["firstFile"]["start"], d["firstFile"]["end"]),
              (rel(d["secondFile"]["name"]), d["secondFile"]["start"], d["secondFile"]["end"]))
             for d in dups]
    hit, missed = 0, []
    for g in groups:
        parent = list(range(len(g["copies"])))

        def find(i):
            while parent[i] != i:
                i = parent[i]
            return i
        for f1, f2 in frags:
            a = [i for i, cp in enumerate(g["copies"]) if holds(*f1, cp)]
            b = [i for i, cp in enumerate(g["copies"]) if holds(*f2, cp)]
            for i in a:
                for j in b:
                    parent[find(i)] = find(j)
        sizes: dict[int, int] = {}
        for i in range(len(parent)):
            sizes[find(i)] = sizes.get(find(i), 0) + 1
        ok = max(sizes.values()) >= 3
        hit += ok
        if not ok:
            missed.append(g["origin"])
    return hit, missed


# --------------------------------------------------------------------------- precision
def precision(snapshot: dict, top: int = 10) -> str:
    cands = snapshot["candidates"]
    counts = {v: sum(c["verdict"] == v for c in cands) for v in ("proposed", "watching")}
    out = [f"{len(cands)} candidates: {counts['proposed']} proposed, {counts['watching']} watching"]
    for verdict in ("proposed", "watching"):
        chosen = sorted((c for c in cands if c["verdict"] == verdict), key=lambda c: -c["score"])
        out.append(f"\n== top {top} {verdict} of {len(chosen)} ==")
        for c in chosen[:top]:
            out.append(f"\n{c['id']} score {c['score']:.2f} sim {c['similarity']:.2f} "
                       f"tokens {c['tokens']} {c['language']} {c['unit']} {c.get('name', '')!r} "
                       f"consumers {','.join(c['consumers'])}")
            unmet = [f"{g['criterion']}: {g['detail']}" for g in c.get("gate", []) if not g["met"]]
            out.append("   gate: " + ("; ".join(unmet) if unmet else "all met") +
                       (f" | reason: {c['reason']}" if c.get("reason") else ""))
            expl = (c.get("score_breakdown") or {}).get("explanation")
            if expl:
                out.append(f"   score: {expl}")
            for x in c["instances"][:6]:
                out.append(f"   {x['subsystem']:>12} {x['path']}:{x['start_line']}-{x['end_line']} "
                           f"{x['unit']} {x['name']} sim {x.get('similarity', 0):.2f}")
            if len(c["instances"]) > 6:
                out.append(f"   ... {len(c['instances']) - 6} more")
            code = (c["instances"][0].get("code") or "").splitlines()
            out.extend("   | " + line for line in code[:10])
            if len(code) > 10:
                out.append(f"   | ... ({len(code)} lines)")
    return "\n".join(out)


def build_npm_pkgs(dest: Path) -> Path:
    """lib/<pkg>/ = the .js files (no .min.js, no nested node_modules) of every npm package
    installed in bench/.work/npm: the 9 pinned ones and their dependencies (81 packages)."""
    if (dest / ".git").exists():
        return dest
    mods = ensure_npm()
    fresh(dest)
    for pkg in sorted(d for d in mods.iterdir() if d.is_dir() and not d.name.startswith(".")):
        for f in _globs(pkg, ("**/*.js",)):
            out = dest / "lib" / pkg.name / f.relative_to(pkg)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(f.read_bytes())
    git(dest, "init", "-q")
    commit_all(dest, "import npm packages", days_ago=90)
    return dest


def build_guile_pkgs(dest: Path) -> Path:
    """lib/<dir>/ = every top-level module folder of Guile 3.0.8 (ice-9, srfi, web, ...; the
    generated psyntax-pp.scm left out), lib/top/ = the top-level .scm files."""
    if (dest / ".git").exists():
        return dest
    root = ensure_guile()
    fresh(dest)
    for f in sorted(root.rglob("*.scm")):
        if f.name in SCM_SKIP:
            continue
        rel = f.relative_to(root)
        out = dest / "lib" / (str(rel) if len(rel.parts) > 1 else f"top/{rel}")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(f.read_bytes())
    git(dest, "init", "-q")
    commit_all(dest, "import guile modules", days_ago=90)
    return dest


def precision_repo(lang: Lang, corpus: str, seed: int) -> Path:
    if corpus == "pkgs" and lang.name == "javascript":
        return build_npm_pkgs(OUT / "npm-pkgs")
    if corpus == "pkgs" and lang.name == "scheme":
        return build_guile_pkgs(OUT / "guile-pkgs")
    if corpus == "pkgs":
        from speed import build_pkgs  # the 13-package corpus of the speed benchmark
        return build_pkgs(OUT / "pkgs")
    repo = OUT / lang.name / "clean"
    build_repo(repo, lang, None, [], seed)
    return repo


# --------------------------------------------------------------------------- sweep
SIMS = (0.8, 0.85, 0.9, 0.95)
TOKS = (30, 50, 80)


def sweep(functions: int, seed: int, timeout: float) -> str:
    lang = LANGS["python"]
    funcs = pick_functions(lang, functions, seed)
    repo = OUT / "sweep" / "type-3"
    groups = build_repo(repo, lang, 3, funcs, seed)
    pkgs = precision_repo(lang, "pkgs", seed)
    rows = []
    for tok in TOKS:
        for sim in SIMS:
            rules = make_rules(OUT / "sweep" / f"rules-{sim}-{tok}", sim, tok)
            snap = radar_scan(repo, OUT / "sweep" / "out-inject", timeout, rules)
            anyv, _ = radar_recall(snap, groups)
            passing, _ = radar_recall(snap, groups, sim)
            inj_prop = sum(c["verdict"] == "proposed" for c in snap["candidates"])
            psnap = radar_scan(pkgs, OUT / "sweep" / "out-pkgs", timeout, rules)
            pkg_prop = sum(c["verdict"] == "proposed" for c in psnap["candidates"])
            rows.append((sim, tok, len(groups), anyv, passing, inj_prop,
                         len(snap["candidates"]), pkg_prop, len(psnap["candidates"])))
            print(f"  sweep {sim} {tok}: {rows[-1]}", file=sys.stderr)
    out = [f"sweep: python type-3 injection corpus ({len(groups)} groups, seed {seed}) and the "
           f"pkgs corpus (13 packages), catch-all routing",
           f"{'min_sim':>8}{'min_tok':>8}{'t3 recall':>10}{'t3 >=sim':>9}"
           f"{'inj proposed':>13}{'inj cands':>10}{'pkgs proposed':>14}{'pkgs cands':>11}"]
    for sim, tok, n, anyv, passing, ip, ic, pp, pc in rows:
        out.append(f"{sim:>8.2f}{tok:>8}{anyv / n:>10.2f}{passing / n:>9.2f}{ip:>13}{ic:>10}"
                   f"{pp:>14}{pc:>11}")
    return "\n".join(out)


# --------------------------------------------------------------------------- main
def run_language(lang: Lang, a) -> list[tuple]:
    funcs = pick_functions(lang, a.functions, a.seed)
    rows = []
    for t in (int(x) for x in a.types.split(",")):
        repo = OUT / lang.name / f"type-{t}"
        groups = build_repo(repo, lang, t, funcs, a.seed)
        snap = radar_scan(repo, OUT / lang.name / f"type-{t}-radar", a.timeout)
        r_hit, r_missed = radar_recall(snap, groups)
        j_hit, j_missed = (None, [])
        if not a.no_jscpd:
            dups = jscpd_scan(repo, OUT / lang.name / f"type-{t}-jscpd", a.timeout, lang.jscpd)
            j_hit, j_missed = jscpd_recall(dups, groups, repo)
        rows.append((lang.name, t, len(groups), r_hit, j_hit, len(snap["candidates"])))
        if a.show_missed:
            print(f"{lang.name} type {t} radar missed: {r_missed}\n"
                  f"{lang.name} type {t} jscpd missed: {j_missed}", file=sys.stderr)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--language", default="python",
                    help="python, javascript, lisp (= scheme) or all")
    ap.add_argument("--functions", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--types", default="1,2,3")
    ap.add_argument("--no-jscpd", action="store_true")
    ap.add_argument("--precision", action="store_true")
    ap.add_argument("--corpus", choices=("filler", "pkgs"), default="filler",
                    help="with --precision: the language's filler, or the pkgs corpus (Python: the "
                         "13 packages of speed.py; JavaScript: every installed npm package; Scheme: "
                         "every Guile module folder)")
    ap.add_argument("--snapshot", type=Path, help="with --precision: read this snapshot instead")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--show-missed", action="store_true")
    a = ap.parse_args(argv)
    name = ALIASES.get(a.language, a.language)
    langs = list(LANGS.values()) if name == "all" else [LANGS[name]]
    if a.sweep:
        print(sweep(a.functions, a.seed, a.timeout))
        return 0
    if a.precision:
        for lang in langs:
            if a.snapshot:
                snap = json.loads(a.snapshot.read_text())
                what = str(a.snapshot)
            else:
                repo = precision_repo(lang, a.corpus, a.seed)
                what = f"{lang.name} {a.corpus} ({lang.corpus if a.corpus == 'filler' else repo})"
                snap = radar_scan(repo, OUT / lang.name / f"precision-{a.corpus}", a.timeout,
                                  make_rules(OUT / "rules-catch-all"))
            print(f"# precision: {what}, catch-all routing\n{precision(snap)}\n")
        return 0
    if not a.no_jscpd:
        ensure_jscpd()
    rows = []
    for lang in langs:
        rows += run_language(lang, a)
    print(f"injection: {a.functions} functions per language (seed {a.seed}); "
          f"jscpd {' '.join(JSCPD_OPTS)}")
    for lang in langs:
        print(f"  {lang.name}: {lang.corpus}; jscpd {' '.join(lang.jscpd)}")
    print(f"{'language':<12}{'type':<6}{'groups':>7}{'radar':>8}{'jscpd':>8}   radar candidates")
    for lname, t, n, r, j, nc in rows:
        js = f"{j / n:.2f}" if j is not None else "-"
        print(f"{lname:<12}{t:<6}{n:>7}{r / n:>8.2f}{js:>8}   {nc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
