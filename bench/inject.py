"""Injection benchmark (issue 7), after Roy & Cordy's mutation/injection framework.

    .venv/bin/python bench/inject.py [--functions 40] [--seed 1] [--types 1,2,3] [--no-jscpd]
    .venv/bin/python bench/inject.py --precision [--snapshot path/to/latest.json]

For each clone type T, one git repo under bench/.work/inject/type-T whose main checkout has four
subsystems lib/a..d, each the real code of a different installed package (filler). N real
functions (8-60 lines, >= 50 code tokens, no decorators, picked with --seed from other installed packages) are
injected: the original into a, and a mutated copy into b, c and d:
  type 1: layout and comments changed (re-laid out by ast.unparse, comments added, blank lines);
  type 2: type 1 + locals, parameters and the function renamed consistently, literals changed;
  type 3: type 2 + one statement added, removed or changed.
Each copy is appended to one of the subsystem's existing modules. The repo is committed 90 days
ago, scanned with radar (all verdicts), and with jscpd 5.3 (type-2 and gap options).

A group is recalled when one radar candidate holds >= 3 of its 4 copies and has <= 8 instances;
for jscpd, when >= 3 copies are connected by clone pairs. An instance/fragment "holds" a copy
when it is in the same file and the line overlap covers >= half of both the copy and the
instance.

--precision: scan the same filler without injections (or read --snapshot) and print the top 10
proposed and the top 10 watching candidates with their evidence.
"""
from __future__ import annotations

import argparse
import ast
import json
import random
import subprocess
import sys
import io
import textwrap
import tokenize
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (JSCPD, RADAR, WORK, commit_all, ensure_jscpd, fresh, git,  # noqa: E402
                    site_packages)

MIN_CODE_TOKENS = 50  # as jscpd's default --min-tokens: smaller functions are idioms, not clones
FILLER = {"a": "requests", "b": "yaml", "c": "attr", "d": "gitdb"}
SOURCES = ("networkx/algorithms", "click", "jinja2", "dateutil", "jsonschema", "packaging")
OUT = WORK / "inject"
JSCPD_OPTS = ["--ignore-identifiers", "--ignore-literals", "--max-gap-lines", "5",
              "--mode", "weak"]
WORDS = ("item", "node", "value", "entry", "elem", "thing", "record", "part", "piece", "unit")


# --------------------------------------------------------------------------- selection
def candidate_functions(min_lines=8, max_lines=60) -> list[tuple[str, str]]:
    """(origin, source) of every undecorated function of 8-60 lines in SOURCES."""
    sp = site_packages()
    out = []
    for rel in SOURCES:
        for f in sorted((sp / rel).rglob("*.py")):
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
    if op == "remove" and len(body) - first >= 2:
        del body[rng.randrange(first, len(body))]
    elif op == "change" and simple:
        i = rng.choice(simple)
        body[i].value = ast.BoolOp(op=ast.Or(), values=[body[i].value, ast.Constant(None)])
    else:
        op = "add"
        stmt = ast.parse(f"{rng.choice(WORDS)}_seen = {rng.randint(2, 99)}").body[0]
        body.insert(rng.randrange(first, len(body) + 1), stmt)
    return _add_comments(ast.unparse(ast.fix_missing_locations(tree)), rng)


MUTATE = {1: type1, 2: type2, 3: type3}


# --------------------------------------------------------------------------- corpus
def filler_files(sub: str) -> dict[str, str]:
    src = site_packages() / FILLER[sub]
    return {f"lib/{sub}/{f.relative_to(src)}": f.read_text(encoding="utf-8")
            for f in sorted(src.rglob("*.py")) if "__pycache__" not in f.parts}


def build_repo(dest: Path, clone_type: int | None, funcs: list[tuple[str, str]], seed: int):
    """Write and commit the repo; return the injected groups: [{origin, copies: [(path, s, e)]}]."""
    fresh(dest)
    files: dict[str, str] = {}
    for sub in FILLER:
        files.update(filler_files(sub))
    groups = []
    if clone_type is not None:
        rng = random.Random(f"{seed}:{clone_type}")
        for gi, (origin, src) in enumerate(funcs):
            copies = []
            for sub in FILLER:
                code = src if sub == "a" else MUTATE[clone_type](src, random.Random(f"{seed}:{gi}:{sub}"))
                compile(code, origin, "exec")  # every copy must stay valid Python
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


def holds(path: str, s: int, e: int, copy) -> bool:
    cpath, cs, ce = copy
    if path != cpath:
        return False
    inter = min(e, ce) - max(s, cs) + 1
    return inter >= 0.5 * (ce - cs + 1) and inter >= 0.5 * (e - s + 1)


def radar_scan(repo: Path, out: Path, timeout: float) -> dict:
    fresh(out)
    subprocess.run([str(RADAR), "scan", "--repo", str(repo), "--out", str(out), "--no-cache",
                    "--quiet"], cwd=out, check=True, timeout=timeout)
    return json.loads((out / "snapshots" / "latest.json").read_text())


def radar_recall(snapshot: dict, groups) -> tuple[int, list[str]]:
    hit, missed = 0, []
    for g in groups:
        ok = False
        for c in snapshot["candidates"]:
            inst = c["instances"]
            if len(inst) > 2 * len(g["copies"]):
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


def jscpd_scan(repo: Path, out: Path, timeout: float) -> list[dict]:
    fresh(out)
    subprocess.run([str(JSCPD), "--silent", "--reporters", "json", "--output", str(out),
                    "--format", "python", *JSCPD_OPTS, str(repo / "lib")],
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
    out = []
    for verdict in ("proposed", "watching"):
        cands = sorted((c for c in snapshot["candidates"] if c["verdict"] == verdict),
                       key=lambda c: -c["score"])
        out.append(f"\n== top {top} {verdict} of {len(cands)} ==")
        for c in cands[:top]:
            out.append(f"\n{c['id']} score {c['score']:.2f} sim {c['similarity']:.2f} "
                       f"tokens {c['tokens']} {c.get('name', '')!r} kind {c['kind']} "
                       f"home {c['home']} reason {c['reason']}")
            for x in c["instances"][:6]:
                out.append(f"   {x['subsystem']:>12} {x['path']}:{x['start_line']}-{x['end_line']} "
                           f"{x['unit']} {x['name']}")
            if len(c["instances"]) > 6:
                out.append(f"   ... {len(c['instances']) - 6} more")
            code = (c["instances"][0].get("code") or "").splitlines()
            out.extend("   | " + l for l in code[:8])
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--functions", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--types", default="1,2,3")
    ap.add_argument("--no-jscpd", action="store_true")
    ap.add_argument("--precision", action="store_true")
    ap.add_argument("--snapshot", type=Path, help="with --precision: read this snapshot instead")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--show-missed", action="store_true")
    a = ap.parse_args(argv)
    if a.precision:
        if a.snapshot:
            snap = json.loads(a.snapshot.read_text())
        else:
            repo = OUT / "clean"
            build_repo(repo, None, [], a.seed)
            snap = radar_scan(repo, OUT / "clean-out", a.timeout)
        print(precision(snap))
        return 0
    if not a.no_jscpd:
        ensure_jscpd()
    pool = candidate_functions()
    rng = random.Random(a.seed)
    funcs = []
    for origin, src in rng.sample(pool, len(pool)):
        try:  # keep functions every mutation handles
            for t in (1, 2, 3):
                for sub in "bcd":
                    compile(MUTATE[t](src, random.Random(f"{a.seed}:probe:{sub}")), origin, "exec")
        except (SyntaxError, ValueError, TypeError, IndexError):
            continue
        funcs.append((origin, src))
        if len(funcs) == a.functions:
            break
    rows = []
    for t in (int(x) for x in a.types.split(",")):
        repo = OUT / f"type-{t}"
        groups = build_repo(repo, t, funcs, a.seed)
        snap = radar_scan(repo, OUT / f"type-{t}-radar", a.timeout)
        r_hit, r_missed = radar_recall(snap, groups)
        j_hit, j_missed = (None, [])
        if not a.no_jscpd:
            j_hit, j_missed = jscpd_recall(jscpd_scan(repo, OUT / f"type-{t}-jscpd", a.timeout),
                                           groups, repo)
        rows.append((t, len(groups), r_hit, j_hit, len(snap["candidates"])))
        if a.show_missed:
            print(f"type {t} radar missed: {r_missed}\ntype {t} jscpd missed: {j_missed}",
                  file=sys.stderr)
    print(f"injection: {len(funcs)} functions (seed {a.seed}) from {', '.join(SOURCES)}; "
          f"filler {FILLER}; jscpd {' '.join(JSCPD_OPTS)}")
    print(f"{'type':<6}{'groups':>7}{'radar':>8}{'jscpd':>8}   radar candidates")
    for t, n, r, j, nc in rows:
        js = f"{j / n:.2f}" if j is not None else "-"
        print(f"{t:<6}{n:>7}{r / n:>8.2f}{js:>8}   {nc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
