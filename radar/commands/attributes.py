"""What a repository's `.gitattributes` files say of its paths for GitHub Linguist: generated
(`linguist-generated`) or vendored (`linguist-vendored`) code, which the team has already said is
no code of its own to refactor (gateway-api's `apis/generated/**`, eventing's `/pkg/client/**`,
m3's `*_mock.go`). layout.py keeps them out as it does the folders named so."""
from __future__ import annotations

from collections.abc import Callable

from radar.globs import compile_glob, glob_match

VENDORED = "linguist-vendored"
LINGUIST = {"linguist-generated": "generated", VENDORED: "vendored"}
ATTRIBUTES_FILE = ".gitattributes"


def attributes_files(files: list[str]) -> list[str]:
    """The tracked `.gitattributes` files, the top's first (a deeper one's lines come after)."""
    return sorted((f for f in files if f.rpartition("/")[2] == ATTRIBUTES_FILE), key=lambda f: (f.count("/"), f))


def linguist_excludes(files: list[str], sources: list[str], read: Callable[[str], bytes]) -> tuple:
    """(glob, why, n) for each pattern of a `.gitattributes` (`read`: a file's bytes) setting
    `linguist-generated` or `linguist-vendored` on `sources`, n of them: as git reads them, a
    later line for the same attribute overrides an earlier one, so a pattern some of whose files
    a later line unsets (amplify-flutter's `**/example/ios/unit_tests/** linguist-generated=false`
    under `**/example/ios/**`) is no exclude, which a glob could not say."""
    said = [line for path in attributes_files(files) for line in _lines(path, read(path))]
    found = []
    for at, (glob, attribute, setting) in enumerate(said):
        if not setting:
            continue
        matched = [f for f in sources if glob_match(glob, f)]
        unset = any(not later and name == attribute and any(glob_match(pattern, f) for f in matched)
                    for pattern, name, later in said[at + 1:])
        if matched and not unset:
            found.append((glob, LINGUIST[attribute], len(matched)))
    return tuple(found)


def _lines(path: str, data: bytes) -> list[tuple[str, str, bool]]:
    """A `.gitattributes`' Linguist settings: (glob of the tracked paths it names, attribute,
    whether set), in order. A pattern without a `/` names a file at any depth below the file's
    folder, one with a `/` a path from that folder; `attr`, `attr=true` set, `-attr`, `!attr`
    and `attr=false` unset."""
    folder = path.rpartition("/")[0]
    found = []
    for line in data.decode("utf-8", "replace").splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        glob = _glob(words[0], folder)
        statistics_only = not folder and _every_file_of_a_kind(words[0])
        for word in words[1:]:
            name, _, value = word.lstrip("-!").partition("=")
            if glob is None or name not in LINGUIST or name == VENDORED and statistics_only:
                continue
            found.append((glob, name, not word.startswith(("-", "!")) and value.lower() != "false"))
    return found


def _every_file_of_a_kind(pattern: str) -> bool:
    """A pattern naming every file, or every file of a suffix, wherever it is (`*`, `*.js`,
    `**/*.js`): marked vendored at the top, it keeps the languages' statistics of a repository's
    GitHub page to its main one (openebs' `* linguist-vendored` beside `*.go
    linguist-vendored=false`), no vendored code of it; in a folder's own `.gitattributes` it marks
    that folder (gocd's `javascripts/lib/`, its JavaScript libraries)."""
    bare = pattern.lstrip("/")
    while bare.startswith("**/"):
        bare = bare[3:]
    return "/" not in bare and bare.startswith("*")


def _glob(pattern: str, folder: str) -> str | None:
    """The glob (radar.globs) naming what a `.gitattributes` pattern in `folder` names; None for
    what names no file (a pattern ending in `/` names a folder, which attributes never reach;
    a `!` pattern is forbidden) or that globs cannot read."""
    if pattern.startswith("!") or pattern.endswith("/") or pattern.startswith('"'):
        return None
    inside = f"{folder}/" if folder else ""
    glob = inside + pattern.lstrip("/") if "/" in pattern else f"{inside}**/{pattern}"
    try:
        compile_glob(glob)
    except ValueError:
        return None
    return glob
