"""What a pass is asked to do: the request and the files it covers, types every part may import.

Both the pipeline and the reuse layer read a request; keeping it here, below both, lets data
flow one way (request → pipeline → reuse → stages) with no import going back up.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from radar.config import FleetRules, Rules
from radar.stages.reading import FileWork
from radar.stages.discover import Fleet
from radar.stages.languages import language_for, language_names, unread_language

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class ScanRequest:
    repo: Path
    rules_dir: Path | None
    out: Path
    cache_dir: Path | None  # None: no cache
    jobs: int = 0  # 0: every core
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # a running Dask scheduler (implies dask)
    wait: float = 0.0  # seconds to wait for another pass's lock
    now: datetime | None = None
    fleet: FleetRules | None = None  # with no rules folder: the layout `radar init` would write


def resolve_rules_dir(rules: Path | None) -> Path | None:
    """--rules, else ./rules when it exists, else the built-in defaults (None)."""
    if rules is not None:
        return rules.absolute()
    return Path("rules").absolute() if Path("rules").is_dir() else None


def file_works(fleet: Fleet, rules: Rules) -> list[FileWork]:
    """Every file of the fleet in a language the radar parses."""
    extra = dict(rules.languages)
    return [
        FileWork(subsystem.name, f.path, f.abspath, language, f.blob)
        for subsystem in fleet.subsystems for f in subsystem.files
        if (language := language_for(f.path, extra))
    ]


NOT_READ = "languages not read: "  # the warning's start, which the pass's summary shows too


def not_read(fleet: Fleet, rules: Rules) -> tuple[str, ...]:
    """A warning when most files of the subsystems are in languages the radar does not parse
    (languages.yaml's `unread`): a scan of a Julia tree that read a few of its files says why."""
    extra = dict(rules.languages)
    read, unread = 0, Counter()
    for subsystem in fleet.subsystems:
        for f in subsystem.files:
            if language_for(f.path, extra):
                read += 1
            elif language := unread_language(f.path):
                unread[language] += 1
    if sum(unread.values()) <= read:
        return ()
    shown = ", ".join(f"{language} {n}" for language, n in unread.most_common())
    return (f"{NOT_READ}{sum(unread.values())} of the subsystems' files are in languages the radar does not "
            f"parse ({shown}), {read} in one it does ({', '.join(language_names())})",)
