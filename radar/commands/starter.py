"""Starter rules that fit a repository's layout (layout.py reads it): the three files `radar
init` writes, and the hint a scan that finds no subsystem prints."""
from __future__ import annotations

from pathlib import Path

from radar.commands import UsageError
from radar.commands.layout import Layout, read_layout
from radar.infra.gitdoor import GitError


def radar_yaml(layout: Layout, repo: Path) -> str:
    lines = [f"# Starter rules written by `radar init` for {repo}",
             f"# ({layout.source_files} source files tracked). Edit freely: every key is optional.",
             "fleet:"]
    if layout.globs:
        lines += ["  # folders whose sub-folders are packages: each package is one subsystem",
                  "  subsystems:"]
        lines += [f"    - \"{glob}\"   # {counted(glob, n)}" for glob, n in layout.globs]
        lines += [f"  # read by no glob above (add one to scan them): {unread(layout)}"] if layout.uncovered else []
    elif layout.worktrees:
        lines += [f"  # {layout.worktrees} git worktrees: each one's own namespace is a subsystem",
                  "  worktree_namespace: \"lib/{name}\"",
                  "  main_namespaces: [\"lib/*\"]"]
    elif layout.namespaces:
        lines += [f"  main_namespaces: [\"lib/*\"]   # {layout.namespaces} folders under lib/"]
    else:
        lines += ["  # no folder of packages found: name the folders that are subsystems, e.g.",
                  "  subsystems: []   # [\"services/*\", \"libs/*\"]"]
        lines += [f"  # {layout.generated} of {layout.source_files} source files are generated: the code to scan is "
                  "their generator's"] if layout.generated * 2 > layout.source_files else []
        lines += [f"  # {_submodules_hint(layout.submodules)[2:]}"] if layout.submodules else []
    lines += ["  # kept out of the scan: dependencies, tests, fixtures, translations, migrations, examples, benchmarks, vendored and generated code",
              "  exclude:",
              "    - \"**/node_modules/**\"",
              "    - \"**/vendor/**\""]
    lines += [f"    - \"{glob}\"   # {why}: {n} source file{'' if n == 1 else 's'}" for glob, why, n in layout.excludes
              if glob not in ("**/node_modules/**", "**/vendor/**")]
    lines += ["gate:",
              "  min_consumers: 3     # distinct subsystems",
              "  stable_days: 7       # an instance changed more recently is not stable",
              "  min_similarity: 0.9  # below this a cluster is similar, not identical",
              "  min_tokens: 50       # smaller units are too thin to extract",
              ""]
    return "\n".join(lines)


def unread(layout: Layout, shown: int = 5) -> str:
    """The folders of code no glob holds, most first: `zrpc/ (42 source files), gateway/ (7)`."""
    folders = [f"{folder}/ ({n}{'' if at else ' source file' if n == 1 else ' source files'})"
               for at, (folder, n) in enumerate(layout.uncovered[:shown])]
    more = len(layout.uncovered) - shown
    return ", ".join(folders) + (f" and {more} more" if more > 0 else "")


def counted(glob: str, n: int) -> str:
    """What a subsystem glob's count counts: packages, modules that are packages, or the files
    of the package a fleet lives in."""
    if "*" not in glob:
        return f"one package, {n} file{'' if n == 1 else 's'}"
    plural = "" if n == 1 else "s"
    return f"{n} package{plural}" if glob == "*" or glob.endswith("/*") else f"{n} one-module package{plural}"


ROUTING_YAML = """\
# Where each kind of shared code would live: an ordered list, the first rule that matches a
# candidate names its home. Without a rule a candidate has no home and is never proposed.
# Uncomment and adapt:
#
# - kind: test harness
#   home: packages/test-utils
#   match:
#     paths: ["**/conftest.py", "**/test-helpers.*"]   # any instance path matches a glob
#     names: ["*fixture*"]                             # any unit name matches a glob
#
# - kind: shared logic            # a catch-all, last: everything else goes to one place
#   home: shared
#   match:
#     paths: ["**"]
"""

DECISIONS_YAML = """\
# Human verdicts every later scan respects; `radar decide ID --verdict V --reason TEXT` adds them.
# - match: {id: C-3f2a9c}          # or paths / names globs as in routing.yaml
#   verdict: rejected              # rejected | done | watching
#   reason: "name collision: same noun, domain-specific op"
"""


def write_starter(repo: Path, rules: Path, force: bool) -> tuple[Layout, list[Path]]:
    if not repo.is_dir():
        raise UsageError(f"--repo {repo}: " + ("is a file, not a folder" if repo.exists() else "no such folder"))
    layout = read_layout(repo.resolve())
    texts = {"radar.yaml": radar_yaml(layout, repo.resolve()), "routing.yaml": ROUTING_YAML,
             "decisions.yaml": DECISIONS_YAML}
    present = [rules / name for name in texts if (rules / name).exists()]
    if present and not force:
        raise UsageError(f"{present[0]} exists: init never overwrites rules (pass --force to replace "
                         "radar.yaml and routing.yaml, or another --rules folder)")
    try:
        rules.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in texts.items():
            path = rules / name
            if name == "decisions.yaml" and path.exists():
                continue  # human verdicts are never thrown away
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as error:
        raise UsageError(f"--rules {rules}: cannot write there ({error.strerror or error})") from error
    return layout, written


def suggestion(repo: Path) -> str:
    """Why a scan found no subsystem, and the globs that would fit (for stderr)."""
    try:
        layout = read_layout(repo.resolve())
    except (OSError, GitError):
        return ""
    if layout.globs:
        globs = ", ".join(f'"{g}"' for g, _ in layout.globs)
        found = ", ".join(f"{g}: {counted(g, n)}" for g, n in layout.globs)
        return f"this layout looks like fleet.subsystems: [{globs}] ({found})"
    if layout.worktrees:
        return f"{layout.worktrees} worktrees, but none holds lib/<its name>: set fleet.worktree_namespace"
    return "name the folders that are subsystems in fleet.subsystems, e.g. [\"services/*\"]" + code_hint(layout)


SUBMODULES_SHOWN = 5  # submodules named in init's hint; the others counted


def _submodules_hint(paths: tuple[str, ...]) -> str:
    if not paths:
        return ""
    shown = ", ".join(sorted(paths)[:SUBMODULES_SHOWN]) + (" …" if len(paths) > SUBMODULES_SHOWN else "")
    return (f"; {len(paths)} git submodule{'s' if len(paths) > 1 else ''} ({shown}) "
            f"{'are' if len(paths) > 1 else 'is'} not read: each is its own repository, to scan on its own")


def code_hint(layout: Layout) -> str:
    """Where most source files are, for a layout in which init found no subsystem ("" if none),
    generated ones aside; and when those are most, that the code to scan is their generator's
    (terraform-provider-google's 4,518 of 4,575, which Magic Modules writes); and that the git
    submodules, if any, are each a repository of their own (trueblocks-core's code is in six)."""
    made = (f"; {layout.generated} of {layout.source_files} source files are generated (their first lines say so): "
            "the code to scan is their generator's") if layout.generated * 2 > layout.source_files else ""
    linked = _submodules_hint(layout.submodules)
    if not layout.code_folders:
        return linked + made
    shown = ", ".join(f"{folder or 'the top of the tree'} ({n}{', excluded as dependencies' if excluded else ''})"
                      for folder, n, excluded in layout.code_folders)
    why = " (if that is the project's own code, drop the exclude that keeps it out)" \
        if any(excluded for _, _, excluded in layout.code_folders) else ""
    return f"{linked}{made}; most {'of the others' if made else 'source files'} are in {shown}{why}"
