"""The layout rule read from Python modules' text (layout.py reads the rest): a folder of modules
each defining the same entry point, or a class extending the same base of the folder's own, is a
folder of plugins, one per module (python_plugin_folders), whatever the folder is called."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from radar.commands.folders import PLUGIN_FLEET, inside_tests

# a definition at a module's top level: `def load_config(`, `async def setup(`, `class SearchClass`
_TOP_DEFINITION = re.compile(rb"^(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z]\w*)", re.M)
# a class at a module's top level and its bases: `class X(Mixin, classes.FileAnalyzer):`
_CLASS_BASES = re.compile(rb"^class[ \t]+\w+[ \t]*\(([^)]*)\)", re.M)
_BASE = re.compile(rb"(?:^|,)\s*(?:\w+\.)*(\w+)\s*(?=,|\[|$)")  # a base's last name; no `metaclass=X`
_CLASS = re.compile(rb"^class[ \t]+(\w+)", re.M)
# a script's entry point, which any folder of scripts repeats, and a Django app's commands', each
# its own script (tendenci's 25 `management/commands/*.py`): no plugin's
NO_ENTRY_POINTS = {b"main", b"Command"}


def python_plugin_folders(sources: list[str], read: Callable[[str], bytes]) -> dict[str, int]:
    """The folders of PLUGIN_FLEET Python modules or more, half of them at least each defining
    one name at its top level, the entry point a host looks up in each (klipper's 136
    `klippy/extras/*.py`, each a `load_config(config)`; borgmatic's monitoring hooks, each a
    `ping_monitor`), or a class extending one base the folder or the one above defines (IntelOwl's
    109 observable analyzers, each an `ObservableAnalyzer` of `analyzers_manager/classes.py`;
    camel's 74 `BaseToolkit`s; never a library's base, as torch's `nn.Module` of a model's layers),
    with how many modules each holds. As one package, their copies of one another had been inside
    one subsystem, where nothing is compared. Never tests', nor a private module (`_helpers.py`)
    counted. `read`: a file's first bytes."""
    modules: dict[str, list[str]] = {}
    every: dict[str, list[str]] = {}  # all a folder's modules, where bases are defined
    for f in sources:
        folder, _, name = f.rpartition("/")
        if name.endswith(".py"):
            every.setdefault(folder, []).append(f)
            if not name.startswith("_") and not inside_tests(tuple(folder.split("/"))):
                modules.setdefault(folder, []).append(f)
    texts = _Texts(read)
    return {folder: len(files) for folder, files in sorted(modules.items())
            if folder and len(files) >= PLUGIN_FLEET
            and (_one_entry_point(files, texts) or _one_own_base(folder, files, every, texts))}


class _Texts:
    """Each file's first bytes, read once: a folder's modules are read again as the one above's."""

    def __init__(self, read: Callable[[str], bytes]):
        self.read, self.known = read, {}

    def __call__(self, path: str) -> bytes:
        if path not in self.known:
            self.known[path] = self.read(path)
        return self.known[path]


def _one_entry_point(files: list[str], text: Callable[[str], bytes]) -> bool:
    defining = Counter(name for f in files for name in set(_TOP_DEFINITION.findall(text(f)))
                       if name not in NO_ENTRY_POINTS)
    return _most(defining, len(files))


def _one_own_base(folder: str, files: list[str], every: dict[str, list[str]], text: Callable[[str], bytes]) -> bool:
    extending = Counter(base for f in files for base in {base for bases in _CLASS_BASES.findall(text(f))
                                                           for base in _BASE.findall(bases)})
    if not _most(extending, len(files)):
        return False
    defined = {name for f in every.get(folder, []) + every.get(folder.rpartition("/")[0], [])
               for name in _CLASS.findall(text(f))}
    return any(_most(Counter({base: n}), len(files)) for base, n in extending.items() if base in defined)


def _most(counts: Counter, modules: int) -> bool:
    """Whether one name is in PLUGIN_FLEET modules or more, and half of them at least."""
    most = max(counts.values(), default=0)
    return most >= PLUGIN_FLEET and most * 2 >= modules
