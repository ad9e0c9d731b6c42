"""Rules: the one table of defaults, and strict loading of radar.yaml, routing.yaml and decisions.yaml.

Nothing is read at import time. Every problem with a rules file raises ConfigError naming
the file, the line and the key.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import string
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import yaml

from radar.globs import compile_glob, glob_match
from radar.infra.storage import fsync_dir


class ConfigError(Exception):
    """A rules file is malformed: carries file, 1-based line and dotted key."""

    def __init__(self, file: str | Path, line: int | None, key: str | None, message: str):
        self.file = str(file)
        self.line = line
        self.key = key
        self.message = message
        where = self.file + (f":{line}" if line else "")
        super().__init__(f"{where}: {key + ': ' if key else ''}{message}")


@dataclass(frozen=True)
class FleetRules:
    worktree_namespace: str = "lib/{name}"
    main_namespaces: tuple[str, ...] = ("lib/*",)
    subsystems: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ("**/node_modules/**", "**/vendor/**")


@dataclass(frozen=True)
class GateRules:
    min_consumers: int = 3
    stable_days: int = 7
    min_similarity: float = 0.9
    min_tokens: int = 50
    infer_homes: bool = True  # no routing rule matches: a home from the dependency graph (deps.py)


@dataclass(frozen=True)
class Match:
    """Selects candidates: by id, or by globs over instance paths and unit names (any matches)."""

    id: str | None = None
    paths: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    kind: str
    home: str
    match: Match


@dataclass(frozen=True)
class Decision:
    match: Match
    verdict: str  # rejected | done | watching
    reason: str
    line: int | None = None  # where it stands in decisions.yaml, for explain


@dataclass(frozen=True)
class Rules:
    fleet: FleetRules = field(default_factory=FleetRules)
    languages: tuple[tuple[str, str], ...] = ()  # (extension, grammar) added to the defaults
    gate: GateRules = field(default_factory=GateRules)
    routing: tuple[Route, ...] = ()
    decisions: tuple[Decision, ...] = ()
    source: str | None = None  # the rules directory, or None for built-in defaults


VERDICTS = ("rejected", "done", "watching")  # the verdicts a human can record
RULES_FILES = ("radar.yaml", "routing.yaml", "decisions.yaml")

_TAG = "tag:yaml.org,2002:"
_SCALAR_KINDS = {"null": "null", "bool": "a boolean", "int": "an integer", "float": "a number",
                 "timestamp": "a date", "binary": "binary data"}


# --- loading ---------------------------------------------------------------------------

def load_rules(rules_dir: Path | None) -> Rules:
    """Read radar.yaml, routing.yaml and decisions.yaml from `rules_dir`, each optional.

    None means the built-in defaults. A missing file or an empty one means the defaults for
    its part. Anything malformed raises ConfigError(file, line, key, message).
    """
    if rules_dir is None:
        return Rules()
    rules_dir = Path(rules_dir)
    if not rules_dir.is_dir():
        what = "is not a directory" if rules_dir.exists() else "does not exist"
        raise ConfigError(rules_dir, None, None, f"the rules directory {what}")
    for name in ("radar", "routing", "decisions"):
        if (rules_dir / f"{name}.yml").exists():
            raise ConfigError(rules_dir / f"{name}.yml", None, None,
                              f"the radar reads {name}.yaml, not {name}.yml: rename it" +
                              (" (both exist: merge them)" if (rules_dir / f"{name}.yaml").exists() else ""))
    parts: dict[str, object] = {}
    radar = _load_file(rules_dir / "radar.yaml")
    if radar is not None:
        parts.update(_read_radar(*radar))
    routing = _load_file(rules_dir / "routing.yaml")
    if routing is not None:
        parts["routing"] = _read_routing(*routing)
    decisions = _load_file(rules_dir / "decisions.yaml")
    if decisions is not None:
        parts["decisions"] = _read_decisions(*decisions)
    return Rules(source=str(rules_dir), **parts)


def _load_file(path: Path) -> tuple[_Reader, yaml.Node | None] | None:
    """None when the file does not exist; otherwise a reader and the composed root node."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(path, None, None, f"cannot read the file: {reason}") from None
    reader = _Reader(path)
    return reader, reader.compose(data)


class _Reader:
    """Walks the composed node tree of one file, building values and raising ConfigError."""

    def __init__(self, file: Path):
        self.file = file
        self._constructor = yaml.SafeLoader("")  # builds plain scalars only; no global state

    def fail(self, node: yaml.Node | None, key: str | None, message: str) -> NoReturn:
        line = node.start_mark.line + 1 if node is not None and node.start_mark else None
        raise ConfigError(self.file, line, key, message)

    def compose(self, data: bytes) -> yaml.Node | None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ConfigError(self.file, line, None, "the file is not UTF-8 text") from None
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = " ".join(p for p in (exc.context, exc.problem) if p)
            raise ConfigError(self.file, mark.line + 1 if mark else None, None,
                              f"malformed YAML: {problem}") from None
        except yaml.YAMLError as exc:  # ReaderError: a control character in the text
            position = getattr(exc, "position", None)
            line = text[:position].count("\n") + 1 if isinstance(position, int) else None
            raise ConfigError(self.file, line, None, f"malformed YAML: {exc}") from None
        except RecursionError:
            raise ConfigError(self.file, None, None, "malformed YAML: nested too deeply") from None
        if root is None or _tag(root) == "null":
            return None
        return root

    # Containers -------------------------------------------------------------------------

    def mapping(self, node: yaml.Node, key: str | None, known: Iterable[str],
                required: Iterable[str] = ()) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode) or _tag(node) != "map":
            self.fail(node, key, f"expected a mapping, got {_describe(node)}")
        known = tuple(known)
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or _tag(key_node) != "str":
                self.fail(key_node, key, f"expected a string key, got {_describe(key_node)}")
            name = key_node.value
            where = _join(key, name)
            if name in found:
                self.fail(key_node, where, f"duplicate key {name!r}")
            if name not in known:
                self.fail(key_node, where, f"unknown key {name!r}{_did_you_mean(name, known)} "
                          f"(expected one of: {', '.join(known)})")
            found[name] = value_node
        for name in required:
            if name not in found:
                self.fail(node, _join(key, name), f"missing the required key {name!r}")
        return found

    def sequence(self, node: yaml.Node, key: str, what: str = "a list") -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode) or _tag(node) != "seq":
            self.fail(node, key, f"expected {what}, got {_describe(node)}")
        return list(node.value)

    def document(self, root: yaml.Node | None, key: str, what: str) -> list[yaml.Node]:
        """The top-level list of routing.yaml or decisions.yaml ([] for an empty file)."""
        return [] if root is None else self.sequence(root, key, what)

    def section(self, node: yaml.Node | None, key: str, cls: type, fields: dict) -> object:
        """A dataclass built from a mapping; absent keys keep the dataclass defaults."""
        if node is None or _tag(node) == "null":
            return cls()
        found = self.mapping(node, key, fields)
        return cls(**{name: fields[name](self, value, _join(key, name))
                      for name, value in found.items()})

    # Scalars ----------------------------------------------------------------------------

    def scalar(self, node: yaml.Node) -> object:
        """The Python value of a plain scalar, or _OTHER for collections and exotic tags."""
        if not isinstance(node, yaml.ScalarNode):
            return _OTHER
        tag = _tag(node)
        if tag == "str":
            return node.value
        if tag not in ("null", "bool", "int", "float"):
            return _OTHER
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, KeyError, TypeError, OverflowError):
            return _OTHER  # an explicit tag on a value that does not fit it: !!int abc

    def string(self, node: yaml.Node, key: str, what: str = "a non-empty string") -> str:
        value = self.scalar(node)
        if not isinstance(value, str) or not value.strip():
            self.fail(node, key, f"expected {what}, got {_describe(node)}")
        return value

    def whole(self, node: yaml.Node, key: str, minimum: int) -> int:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(node, key, f"expected a whole number >= {minimum}, got {_describe(node)}")
        return value

    def boolean(self, node: yaml.Node, key: str) -> bool:
        value = self.scalar(node)
        if not isinstance(value, bool):
            self.fail(node, key, f"expected true or false, got {_describe(node)}")
        return value

    def fraction(self, node: yaml.Node, key: str) -> float:
        """A number in (0, 1]; integers are accepted."""
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            self.fail(node, key, "expected a number between 0 and 1 (0 excluded), "
                      f"got {_describe(node)}")
        return float(value)

    def glob(self, node: yaml.Node, key: str) -> str:
        value = self.scalar(node)
        if not isinstance(value, str):
            self.fail(node, key, f"expected a glob (a string), got {_describe(node)}")
        try:
            compile_glob(value)
        except ValueError as exc:
            self.fail(node, key, f"expected a glob, got {value!r}: {exc}")
        return value

    def globs(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        items = self.sequence(node, key, "a list of globs")
        return tuple(self.glob(item, f"{key}[{i}]") for i, item in enumerate(items))

    def choice(self, node: yaml.Node, key: str, choices: tuple[str, ...]) -> str:
        value = self.scalar(node)
        if value not in choices or not isinstance(value, str):
            hint = _did_you_mean(value, choices) if isinstance(value, str) else ""
            self.fail(node, key, f"expected one of {', '.join(choices)}, "
                      f"got {_describe(node)}{hint}")
        return value


_OTHER = object()  # marks a node that is not a plain scalar


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest choice, or "": only a mistake needs difflib, so a
    pass does not import it."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _tag(node: yaml.Node) -> str:
    return node.tag[len(_TAG):] if node.tag.startswith(_TAG) else node.tag


def _join(prefix: str | None, name: str) -> str:
    if not prefix:
        return name
    return f"{prefix}.{name}" if name.isidentifier() else f"{prefix}[{name!r}]"


def _describe(node: yaml.Node | None) -> str:
    """What a node holds, for "expected ..., got ..." messages."""
    if node is None:
        return "nothing"
    tag = _tag(node)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        kind = "a mapping" if isinstance(node, yaml.MappingNode) else "a list"
        return kind if tag in ("map", "seq") else f"{kind} tagged {node.tag}"
    text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    if tag == "str":
        return repr(text)
    if tag == "null":
        return "nothing" if not node.value else f"{text} (null)"
    if tag in ("int", "float"):
        return text
    kind = _SCALAR_KINDS.get(tag, f"a value tagged {node.tag}")
    return f"{text} ({kind}; quote it to make it a string)"


# --- the three files -------------------------------------------------------------------

def _namespace(reader: _Reader, node: yaml.Node, key: str) -> str:
    value = reader.string(node, key)
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value)
                  if name is not None]
    except ValueError:
        fields = [("", "", None)]  # unbalanced braces
    if not fields or any(f != ("name", "", None) for f in fields):
        reader.fail(node, key, "expected a path holding the placeholder {name} and no other, "
                    f"got {value!r}")
    return value


def _languages(reader: _Reader, node: yaml.Node | None) -> tuple[tuple[str, str], ...]:
    if node is None or _tag(node) == "null":
        return ()
    if not isinstance(node, yaml.MappingNode) or _tag(node) != "map":
        reader.fail(node, "languages", f"expected a mapping of extension to grammar, "
                    f"got {_describe(node)}")
    extensions = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    for key_node, _ in node.value:
        ext = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if (_tag(key_node) != "str" or not ext.startswith(".") or len(ext) < 2
                or "/" in ext or ext != ext.strip()):
            reader.fail(key_node, _join("languages", str(ext)),
                        f"expected a file extension starting with '.', got {_describe(key_node)}")
    found = reader.mapping(node, "languages", extensions)
    return tuple((ext, reader.string(value, _join("languages", ext), "a grammar name"))
                 for ext, value in found.items())


def _fields_of(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


_FLEET_FIELDS = {
    "worktree_namespace": _namespace,
    "main_namespaces": _Reader.globs,
    "subsystems": _Reader.globs,
    "exclude": _Reader.globs,
}
_GATE_FIELDS = {
    "min_consumers": functools.partial(_Reader.whole, minimum=1),
    "stable_days": functools.partial(_Reader.whole, minimum=0),
    "min_similarity": _Reader.fraction,
    "min_tokens": functools.partial(_Reader.whole, minimum=1),
    "infer_homes": _Reader.boolean,
}
_RADAR_KEYS = ("fleet", "languages", "gate")
_ELSEWHERE = {"routing": "routing.yaml", "decisions": "decisions.yaml"}


def _read_radar(reader: _Reader, root: yaml.Node | None) -> dict[str, object]:
    if root is None:
        return {}
    if isinstance(root, yaml.MappingNode):
        for key_node, _ in root.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value in _ELSEWHERE:
                reader.fail(key_node, key_node.value, f"{key_node.value!r} does not belong in "
                            f"radar.yaml: put it in {_ELSEWHERE[key_node.value]}")
    found = reader.mapping(root, None, _RADAR_KEYS)
    return {
        "fleet": reader.section(found.get("fleet"), "fleet", FleetRules, _FLEET_FIELDS),
        "languages": _languages(reader, found.get("languages")),
        "gate": reader.section(found.get("gate"), "gate", GateRules, _GATE_FIELDS),
    }


def _read_match(reader: _Reader, node: yaml.Node, key: str) -> Match:
    found = reader.mapping(node, key, _fields_of(Match))
    match = Match(
        id=reader.string(found["id"], f"{key}.id") if "id" in found else None,
        paths=reader.globs(found["paths"], f"{key}.paths") if "paths" in found else (),
        names=reader.globs(found["names"], f"{key}.names") if "names" in found else (),
    )
    if match.id is None and not match.paths and not match.names:
        reader.fail(node, key, "expected at least one criterion (id, paths or names), got none")
    return match


def _read_routing(reader: _Reader, root: yaml.Node | None) -> tuple[Route, ...]:
    keys = _fields_of(Route)
    routes = []
    for i, node in enumerate(reader.document(root, "routing", "a list of routing rules")):
        key = f"routing[{i}]"
        found = reader.mapping(node, key, keys, required=keys)
        routes.append(Route(kind=reader.string(found["kind"], f"{key}.kind"),
                            home=reader.string(found["home"], f"{key}.home"),
                            match=_read_match(reader, found["match"], f"{key}.match")))
    return tuple(routes)


_DECISION_KEYS = ("match", "verdict", "reason")


def _read_decisions(reader: _Reader, root: yaml.Node | None) -> tuple[Decision, ...]:
    decisions = []
    for i, node in enumerate(reader.document(root, "decisions", "a list of decisions")):
        key = f"decisions[{i}]"
        found = reader.mapping(node, key, _DECISION_KEYS, required=_DECISION_KEYS)
        decisions.append(Decision(match=_read_match(reader, found["match"], f"{key}.match"),
                                  verdict=reader.choice(found["verdict"], f"{key}.verdict",
                                                        VERDICTS),
                                  reason=reader.string(found["reason"], f"{key}.reason"),
                                  line=node.start_mark.line + 1))
    return tuple(decisions)


# --- recording a verdict ---------------------------------------------------------------

def append_decision(rules_dir: Path, candidate_id: str, verdict: str, reason: str,
                    replacing: int | None = None) -> Path:
    """Append `- match: {id: ...}` with its verdict and reason to rules_dir/decisions.yaml.

    `replacing` is the line of an earlier entry to drop in the same write (a changed verdict).

    The existing text is kept byte for byte; the file (and the directory) are created when
    missing. The result is written to a temp file, fsynced, re-loaded and only then renamed
    over the original, so a broken decisions.yaml can never be left behind. Returns the path.
    """
    rules_dir = Path(rules_dir)
    path = rules_dir / "decisions.yaml"
    if verdict not in VERDICTS:
        raise ConfigError(path, None, "verdict",
                          f"expected one of {', '.join(VERDICTS)}, got {verdict!r}{_did_you_mean(str(verdict), VERDICTS)}")
    for name, value in (("match.id", candidate_id), ("reason", reason)):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(path, None, name, f"expected a non-empty string, got {value!r}")
    rules_dir.mkdir(parents=True, exist_ok=True)
    loaded = _load_file(path)
    old = path.read_bytes() if loaded is not None else b""
    reader, root = loaded if loaded is not None else (_Reader(path), None)
    before = _read_decisions(reader, root)  # refuse to append to a broken file
    if isinstance(root, yaml.SequenceNode) and root.flow_style:
        reader.fail(root, "decisions", "cannot append to a flow-style list ([...]); "
                    "write it as a block list ('- match: ...') first")
    if replacing is not None:
        old, before = _without_entry(old, root, before, replacing, path)
    pad = " " * (root.start_mark.column if root is not None else 0)
    newline = "\r\n" if b"\r\n" in old else "\n"
    entry = newline.join([f"{pad}- match: {{id: {_quote(candidate_id)}}}",
                          f"{pad}  verdict: {verdict}",
                          f"{pad}  reason: {_quote(reason)}"]) + newline
    separator = b"" if not old or old.endswith(b"\n") else newline.encode()
    new = old + separator + entry.encode("utf-8")
    expected = (Match(id=candidate_id), verdict, reason)

    import tempfile  # only here: a scan never writes decisions, and the import costs ~4 ms

    fd, tmp_name = tempfile.mkstemp(dir=rules_dir, prefix=".decisions.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        check = _Reader(path)
        after = _read_decisions(check, check.compose(tmp.read_bytes()))
        said = [(d.match, d.verdict, d.reason) for d in after]
        if not said or said[:-1] != [(d.match, d.verdict, d.reason) for d in before] or said[-1] != expected:
            raise ConfigError(path, None, None, "the appended decision did not read back "
                              "as written; decisions.yaml was left unchanged")
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(rules_dir)
    return path


def _without_entry(old: bytes, root, before: tuple[Decision, ...], line: int,
                   path: Path) -> tuple[bytes, tuple[Decision, ...]]:
    """The file's bytes and decisions without the entry that starts at `line` (1-based)."""
    items = list(root.value) if isinstance(root, yaml.SequenceNode) else []
    node = next((item for item in items if item.start_mark.line + 1 == line), None)
    if node is None:
        raise ConfigError(path, line, None, "no decision starts on this line; decisions.yaml was left unchanged")
    text = old.decode("utf-8")
    start = text.rfind("\n", 0, node.start_mark.index) + 1
    end = node.end_mark.index
    if end > start and text[end - 1] != "\n":
        newline = text.find("\n", end)
        end = len(text) if newline < 0 else newline + 1
    return (text[:start] + text[end:]).encode("utf-8"), tuple(d for d in before if d.line != line)


def _quote(value: str) -> str:
    """A double-quoted YAML scalar on one line."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True,
                          width=sys.maxsize).rstrip("\n")


def matches(match: Match, candidate_id: str, paths: Iterable[str], names: Iterable[str]) -> bool:
    """True when the candidate's id equals match.id, or any instance path matches any of
    match.paths, or any unit name matches any of match.names."""
    if match.id is not None and match.id == candidate_id:
        return True
    if match.paths and any(glob_match(g, p) for p in paths for g in match.paths):
        return True
    return bool(match.names) and any(glob_match(g, n) for n in names for g in match.names)
