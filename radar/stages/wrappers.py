"""Which units a clustering takes as themselves: a module that is one definition is that
definition, reported as it (a module whose tokens are almost all that definition; in languages
whose files hold one type each, a module that is mostly a header over one small definition), and
so is a namespace around one type (Ruby's `module Portal` around `class AppGroup`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import attrgetter

from radar.stages.shape import Shape

WRAPPER_COVERAGE = 0.9  # a module that is one definition is reported as that definition
# languages whose files hold one type each by convention: beside it, a header (_headed)
ONE_TYPE_FILES = frozenset({"java", "kotlin", "scala", "csharp", "php"})


def drop_wrappers(shapes: list[Shape], every: list[Shape]) -> list[Shape]:
    """A module whose tokens are almost all one definition is that definition, not a module; so
    is a module of a language whose files hold one type each (ONE_TYPE_FILES) that is mostly a
    header over one small definition (_headed; `every`: all the units, however small)."""
    biggest_child: dict[tuple[str, str], int] = defaultdict(int)
    for shape in shapes:
        if shape.kind != "module":
            file = (shape.subsystem, shape.path)
            biggest_child[file] = max(biggest_child[file], shape.size)
    headed, namespaces = _headed(every), _namespaces(shapes)
    return [
        s for s in shapes
        if (s.kind != "module" or biggest_child[(s.subsystem, s.path)] < WRAPPER_COVERAGE * s.size
            and (s.subsystem, s.path) not in headed) and id(s) not in namespaces
    ]


def _namespaces(shapes: list[Shape]) -> set[int]:
    """The types whose tokens are almost all one type inside them: a namespace, not a type.
    fastlane's portal resources are each `module Spaceship; module Portal; class AppGroup`:
    reported as the namespace, five copies read as five `Portal`s, where each is its class."""
    types: dict[tuple[str, str], list[Shape]] = defaultdict(list)
    for shape in shapes:
        if shape.kind == "class":
            types[(shape.subsystem, shape.path)].append(shape)
    found = set()
    for units in types.values():
        units.sort(key=attrgetter("start_line"))
        starts = [unit.start_line for unit in units]
        for outer in units:  # what it holds starts within its lines
            held = units[bisect_left(starts, outer.start_line):bisect_right(starts, outer.end_line)]
            if any(WRAPPER_COVERAGE * outer.size <= inner.size < outer.size and inner.end_line <= outer.end_line
                   for inner in held):
                found.add(id(outer))
    return found


def _headed(shapes: list[Shape]) -> set[tuple[str, str]]:
    """The files of ONE_TYPE_FILES languages holding one top-level definition, less than half
    of the file, and no call or branch outside it: a small type under a header of `package`,
    imports and `use` lines, which makes the module's shape (appwrite's 21 `Module.php`: 28 of
    55 tokens `namespace` and `use`, proposed at the top of its backlog, where the class alone,
    `$this->addService('http', new Http())`, is too thin to be). Where the type is most of its
    file, the module stays: its imports say what the copies use (feign's codecs, each of its
    own JSON library), and the class would leave that unsaid."""
    by_file: dict[tuple[str, str], list[Shape]] = defaultdict(list)
    for shape in shapes:
        if shape.language in ONE_TYPE_FILES and shape.kind != "block":
            by_file[(shape.subsystem, shape.path)].append(shape)
    found = set()
    for file, units in by_file.items():
        modules = [u for u in units if u.kind == "module"]
        inner = [u for u in units if u.kind != "module"]
        if len(modules) != 1 or not inner:
            continue
        one = max(inner, key=lambda u: u.size)  # the one definition, when it holds every other
        if all(u is one or u.size < one.size and one.start_line <= u.start_line and u.end_line <= one.end_line
               for u in inner) and 2 * one.size < modules[0].size and one.behaviour == modules[0].behaviour:
            found.add(file)
    return found
