"""Rules: the one table of defaults, and strict loading of radar.yaml, routing.yaml and decisions.yaml.

Nothing is read at import time. Every problem with a rules file raises ConfigError naming
the file, the line and the key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
