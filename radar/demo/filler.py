"""Ordinary domain code for the demo fleet: varied, randomly nested s-expression modules.

The generator never repeats a definition's shape anywhere in the fleet, so ordinary code can
never form an accidental cluster: every cluster in a fleet comes from a plant (fleet.py).
"""
from __future__ import annotations

import random
import re

from radar.demo import sources as src


class FleetError(Exception):
    """The spec cannot be built (too few subsystems for a plant, bad names) or git failed."""

class _L(tuple):
    """A parenthesised form."""


class _D(tuple):
    """A `{...}` map literal, flat key/value sequence."""


def _flat(n) -> str:
    if isinstance(n, str):
        return n
    body = " ".join(_flat(c) for c in n)
    return "{" + body + "}" if isinstance(n, _D) else "(" + body + ")"


def _fmt(n, col: int) -> str:
    flat = _flat(n)
    if isinstance(n, str) or col + len(flat) <= 78 or len(n) < 2:
        return flat
    if isinstance(n, _D):
        parts = []
        for i in range(0, len(n), 2):
            key = n[i]
            parts.append(key + " " + _fmt(n[i + 1], col + 2 + len(key)))
        return "{" + ("\n" + " " * (col + 1)).join(parts) + "}"
    head = n[0]
    if isinstance(head, str):  # (head first\n  rest...), `:key value` pairs kept together
        args, i = [], 1
        while i < len(n):
            c = n[i]
            if (isinstance(c, str) and c.startswith(":") and i + 1 < len(n)
                    and isinstance(n[i + 1], str)):
                args.append(c + " " + n[i + 1])
                i += 2
            else:
                args.append(c)
                i += 1
        first = "(" + head + " " + _fmt(args[0], col + len(head) + 2)
        rest = [" " * (col + 2) + _fmt(c, col + 2) for c in args[1:]]
    else:  # ((a ..)\n (b ..)): a binding list
        first = "(" + _fmt(head, col + 1)
        rest = [" " * (col + 1) + _fmt(c, col + 1) for c in n[1:]]
    return "\n".join([first, *rest]) + ")"


def _tokens(n) -> int:
    return 1 if isinstance(n, str) else 2 + sum(_tokens(c) for c in n)


def _shape(n, names: dict[str, str] | None = None) -> str:
    """Strictest normal form (every symbol renamed, literals typed): equal shapes are clones."""
    names = {} if names is None else names
    if isinstance(n, str):
        if n.startswith(":"):
            return ":"
        if n.startswith('"'):
            return '"'
        if re.fullmatch(r"-?\d+(\.\d+)?", n):
            return "0"
        return names.setdefault(n, f"v{len(names)}")
    return ("{" if isinstance(n, _D) else "(") + " ".join(_shape(c, names) for c in n) + ")"


class Filler:
    """Ordinary domain modules: random names over varied, randomly nested forms."""

    def __init__(self, rng: random.Random, seen: set[str]):
        self.rng = rng
        self.seen = seen  # shapes of every definition generated so far in the fleet

    def _str(self) -> str:
        return '"' + self.rng.choice(src.STRINGS) + '"'

    def leaf(self, env: list[str]):
        r = self.rng.random()
        if env and r < 0.45:
            return self.rng.choice(env)
        if env and r < 0.65:
            return _L(("get", self.rng.choice(env), self.rng.choice(src.KEYWORDS)))
        if r < 0.8:
            return str(self.rng.choice((0, 1, 2, 3, 5, 10, 24, 60, 100, 1000)))
        if r < 0.9:
            return self._str()
        return self.rng.choice(src.KEYWORDS)

    def test(self, depth: int, env: list[str]):
        r = self.rng.random()
        if r < 0.4:
            return _L((self.rng.choice(("=", "<", ">", ">=", "contains?")),
                       self.leaf(env), self.leaf(env)))
        if r < 0.7 or depth <= 0:
            return _L((self.rng.choice(("nil?", "empty?", "string?", "not", "number?")),
                       self.leaf(env)))
        return _L((self.rng.choice(("and", "or")), self.test(depth - 1, env),
                   self.test(depth - 1, env)))

    def fresh(self, env: list[str]) -> str:
        free = [n for n in src.LOCALS if n not in env]
        return self.rng.choice(free) if free else f"x{len(env)}"

    def expr(self, depth: int, env: list[str], siblings: list[tuple[str, int]]):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.12:
            return self.leaf(env)
        d = depth - 1
        kind = rng.choice(("if", "let", "let", "cond", "map", "reduce", "dict", "call1",
                           "call2", "call2", "sibling", "assoc", "when", "str"))
        if kind == "sibling" and not siblings:
            kind = "call2"
        if kind == "if":
            return _L(("if", self.test(d, env), self.expr(d, env, siblings),
                       self.expr(d, env, siblings)))
        if kind == "when":
            return _L(("when", self.test(d, env), self.expr(d, env, siblings)))
        if kind == "let":
            names, binds = list(env), []
            for _ in range(rng.randint(1, 2)):
                name = self.fresh(names)
                binds.append(_L((name, self.expr(d, names, siblings))))
                names.append(name)
            return _L(("let", _L(binds), self.expr(d, names, siblings)))
        if kind == "cond":
            clauses = [_L((self.test(d, env), self.expr(d, env, siblings)))
                       for _ in range(rng.randint(2, 3))]
            return _L(("cond", *clauses, _L(("else", self.expr(d, env, siblings)))))
        if kind == "map":
            x = self.fresh(env)
            if rng.random() < 0.5:
                body, fn = self.test(d, env + [x]), rng.choice(("filter", "some", "every?"))
            else:
                body = self.expr(d, env + [x], siblings)
                fn = rng.choice(("map", "for-each", "keep"))
            return _L((fn, _L(("fn", _L((x,)), body)), self.leaf(env) if env else "items"))
        if kind == "reduce":
            acc = self.fresh(env)
            x = self.fresh(env + [acc])
            return _L(("reduce", _L(("fn", _L((acc, x)), self.expr(d, env + [acc, x], siblings))),
                       self.leaf(env), self.leaf(env)))
        if kind == "dict":
            keys = rng.sample(src.KEYWORDS, rng.randint(2, 3))
            return _D(tuple(x for k in keys for x in (k, self.expr(d, env, siblings))))
        if kind == "call1":
            return _L((rng.choice(src.CORE1), self.expr(d, env, siblings)))
        if kind == "call2":
            return _L((rng.choice(src.CORE2), self.expr(d, env, siblings),
                       self.expr(d, env, siblings)))
        if kind == "sibling":
            name, arity = rng.choice(siblings)
            return _L((name, *(self.leaf(env) for _ in range(arity))))
        if kind == "assoc":
            base = rng.choice(env) if env else "{}"
            return _L(("assoc", base, rng.choice(src.KEYWORDS), self.expr(d, env, siblings)))
        return _L(("str", self._str(), self.expr(d, env, siblings)))

    def html(self, depth: int, env: list[str]):
        rng = self.rng
        tag = rng.choice(src.TAGS)
        kids: list = []
        if rng.random() < 0.6:
            kids += [":class", '"' + rng.choice(src.CLASSES) + '"']
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if depth > 0 and r < 0.45:
                kids.append(self.html(depth - 1, env))
            elif depth > 0 and r < 0.6:
                it = self.fresh(env)
                kids.append(_L(("map", _L(("fn", _L((it,)), self.html(depth - 1, env + [it]))),
                                rng.choice(env))))
            elif r < 0.85:
                kids.append(self.leaf(env))
            else:
                kids.append(_L(("str", self._str(), rng.choice(env))))
        return _L((tag, *kids))

    def _unique(self, make):
        for _ in range(50):
            node = make()
            shape = _shape(node)
            if 30 <= _tokens(node) <= 160 and shape not in self.seen:
                self.seen.add(shape)
                return node
        raise FleetError("filler generator could not find a fresh shape")

    def module(self, sub: str, p: str, file: str, n_defs: int) -> str:
        rng = self.rng
        header = rng.choice(src.HEADERS).format(
            sub=sub, file=file, noun=rng.choice(src.NOUNS), verb=rng.choice(src.VERBS),
            phase=rng.randint(1, 5))
        forms: list[str] = [header]
        siblings: list[tuple[str, int]] = []
        used: set[str] = set()
        for _ in range(n_defs):
            if rng.random() < 0.2:
                name = f"~{sub}-{file}-{rng.choice(src.NOUNS)}"
                params = rng.sample(("title", "items", "doc", "viewer", "rows", "label"), 2)
                env = list(params)
                node = self._unique(lambda: _L(("defcomp", name, _L(("&key", *params)),
                                                self.html(rng.randint(2, 3), env))))
            else:
                while True:
                    name = f"{p}{rng.choice(src.VERBS)}-{rng.choice(src.NOUNS)}"
                    if name not in used:
                        break
                params = rng.sample(src.PARAMS, rng.randint(1, 3))
                sibs = list(siblings)
                node = self._unique(lambda: _L(("define", _L((name, *params)),
                                                self.expr(rng.randint(2, 4), list(params), sibs))))
                siblings.append((name, len(params)))
            used.add(name)
            text = _fmt(node, 0)
            if rng.random() < 0.3:
                text = f";; {rng.choice(src.VERBS)} the {rng.choice(src.NOUNS)}s\n" + text
            forms.append(text)
        return "\n\n".join(forms) + "\n"
