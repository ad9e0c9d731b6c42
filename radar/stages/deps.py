"""Deps stage: the dependency graph between subsystems, from each language's own references.

parse.py finds what each file references (imports, includes, `use`, namespaced symbols; the
queries are data in languages.yaml) and the parse cache keeps them per blob, so this stage
only resolves them, every pass, to the subsystem that owns the target (resolve.py: the rules
of each language; manifests.py: what they read from the checkout), and counts the edges with
their `path:line` evidence. `remembered_dependencies` keeps the answer in the cache, keyed by
everything it is made of (the references, the subsystems and their files, the manifests' bytes,
the code of this module, resolve.py and manifests.py): a pass over an unchanged fleet does not
resolve its references again.
"""
from __future__ import annotations

import bisect
import os
import posixpath
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from radar.infra.cache import code_stamp, key_digest
from radar.stages import declared, manifests, pathnames, resolve
from radar.stages.toolfiles import configures_a_tool
from radar.stages.discover import Fleet
from radar.stages.manifests import (ADDON_MANIFESTS, ALIAS_FILES, JS_CONFIGS, ImportRoots, addon_depends,
                                    addon_manifest, c_faces, collection_prefix, config_chain, config_folders,
                                    go_mod_folders, js_configs, project_files, project_references, shared_headers)
from radar.stages.resolve import Index, scala_relative

EVIDENCE_KEPT = 3  # path:line examples per edge


@dataclass(frozen=True)
class Edge:
    source: str  # the subsystem whose files reference...
    target: str  # ...this one
    files: int  # how many of the source's files reference the target
    evidence: tuple[str, ...]  # "path:line" of the first reference in a few of those files


@dataclass(frozen=True)
class Dependencies:
    subsystems: tuple[str, ...]
    edges: tuple[Edge, ...]  # sorted by (source, target); no edge from a subsystem to itself
    resolved: int = 0  # references that named another subsystem or the file's own
    unresolved: int = 0  # references to code outside every subsystem, or ambiguous
    by_file: tuple[tuple[str, str, tuple[tuple[str, int], ...]], ...] = ()  # (subsystem, path, ((target, line), ...))
    # (subsystem, path, ((class line, other subsystem whose class it extends or implements, or ""), ...)):
    # a Python or JavaScript file's classes each by its header's line; line 0: the file's classes (Java, C#)
    extended: tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...] = ()

    def file_targets(self) -> dict[tuple[str, str], dict[str, int]]:
        """(subsystem, path) -> the other subsystems that file references, with the first line."""
        return {(subsystem, path): dict(targets) for subsystem, path, targets in self.by_file}

    def file_parents(self) -> dict[tuple[str, str], tuple[tuple[int, str], ...]]:
        """(subsystem, path) -> (class line, another subsystem holding a class it extends, or "")."""
        return {(subsystem, path): parents for subsystem, path, parents in self.extended}

    def depends_on(self, name: str) -> dict[str, Edge]:
        return dict(self._outgoing.get(name, {}))

    @cached_property
    def _outgoing(self) -> dict[str, dict[str, Edge]]:
        """source -> target -> edge, once: publish and the gate ask for every subsystem's."""
        table: dict[str, dict[str, Edge]] = defaultdict(dict)
        for edge in self.edges:
            table[edge.source][edge.target] = edge
        return table

    def dependents(self) -> dict[str, int]:
        """Per subsystem, how many others depend on it."""
        counts = dict.fromkeys(self.subsystems, 0)
        for edge in self.edges:
            counts[edge.target] = counts.get(edge.target, 0) + 1
        return counts

    def dependencies(self) -> dict[str, int]:
        """Per subsystem, how many others it depends on."""
        counts = dict.fromkeys(self.subsystems, 0)
        for edge in self.edges:
            counts[edge.source] = counts.get(edge.source, 0) + 1
        return counts

    def graph(self):
        """The graph as a networkx DiGraph (edge attributes: files, evidence)."""
        import networkx as nx  # a tenth of a second to import: only when asked for

        graph = nx.DiGraph()
        graph.add_nodes_from(self.subsystems)
        for edge in self.edges:
            graph.add_edge(edge.source, edge.target, files=edge.files, evidence=list(edge.evidence))
        return graph


NO_DEPENDENCIES = Dependencies((), ())


def remembered_dependencies(fleet: Fleet, references: Iterable[tuple[str, str, str, tuple]], memo,
                            key: str | None = None, origin: str | None = None) -> Dependencies:
    """dependencies(), taken from `memo` (cache.ParseCache, or None) when its inputs are those of
    a pass that resolved them: the same references, subsystems, files, manifests and code
    (`key`: dependencies_key, when the caller has it). `origin`: the key of the findings these
    references were taken whole from (a comment's pass takes the last pass's), whose answer is
    this one's when the subsystems, files and manifests are the same. Every answer is also filed
    under its references: an edit that moves no reference (a new function calling what the file
    already imports) takes it too."""
    references = tuple(references)
    key = key or (dependencies_key(fleet, references) if memo is not None else None)
    if key is None:
        return dependencies(fleet, references)
    found = _decoded(memo.get_many([key]).get(key))
    if found is None:
        # read only now: the references' own key costs a pass that found its answer at once
        alternates = [dependencies_key(fleet, references, origin) if origin is not None else None,
                      dependencies_key(fleet, references)]
        taken = memo.get_many([k for k in alternates if k is not None])
        found = next((answer for k in alternates if k and (answer := _decoded(taken.get(k))) is not None), None)
        if found is None:
            found = dependencies(fleet, references, _python_roots(fleet))
        memo.put_many({key: _encoded(found), alternates[-1]: _encoded(found)}, replacing=[key[:key.rindex("/") + 1]])
    return found


def dependencies_key(fleet: Fleet, references: Iterable[tuple[str, str, str, tuple]],
                     findings: str | None = None) -> str | None:
    """What remembered_dependencies files its answer under: the references (or the key of the
    findings that hold them: the same files give the same references), the subsystems and their
    files, the manifests' bytes, the Python import roots, this module's code. None when the
    code cannot be read."""
    code = _own_code()
    if code is None:
        return None
    layout = [(s.name, s.root, s.namespace, [f.path for f in s.files]) for s in fleet.subsystems]
    what = ("findings", findings) if findings is not None else tuple(references)
    roots = sorted(_python_roots(fleet).items())
    return f"deps/{key_digest(fleet.repo)}/" + key_digest((code, what, layout, _manifests(fleet), roots))


def _python_roots(fleet: Fleet) -> dict[str, tuple[int, ...]]:
    """Per subsystem holding Python files, where its dotted names may start (ImportRoots)."""
    roots = ImportRoots()
    return {s.name: roots.of(s.root, s.namespace.strip("/")) for s in fleet.subsystems
            if any(f.path.endswith((".py", ".pyi")) for f in s.files)}


def _own_code() -> str | None:
    # the tool configuration files whose references are left out are named in cluster.py
    return code_stamp("deps", (sys.modules[__name__], resolve, declared, pathnames, manifests,
                               sys.modules[configures_a_tool.__module__]))


def _manifests(fleet: Fleet) -> list[bytes | None]:
    """The bytes of every manifest Index reads, in its order (None: unreadable or absent)."""
    found = []
    read: dict[str, bytes | None] = {}  # a path once: one-module packages share their folders' go.mod
    own = ("package.json", "Cargo.toml", "pubspec.yaml", *ADDON_MANIFESTS)
    for subsystem in fleet.subsystems:
        namespace = subsystem.namespace.strip("/")
        folder = os.path.join(subsystem.root, namespace)
        if [f.path for f in subsystem.files] == [subsystem.namespace]:  # a module: nothing is under it
            found += [None] * len(own)  # (react-native-icons' 47k: 330k opens that failed)
        else:
            found += [_read(os.path.join(folder, name)) for name in own]  # plain strings: a Path each was half
        for path in (*(os.path.join(subsystem.root, where, "go.mod") for where in go_mod_folders(namespace)),
                     *(os.path.join(subsystem.root, project) for project in project_files(subsystem))):
            if path not in read:
                read[path] = _read(path)
            found.append(read[path])
    found.append(c_faces(fleet.subsystems))
    found.append(sorted(shared_headers(fleet.subsystems)))
    for root in sorted({s.root for s in fleet.subsystems}):
        found.append(collection_prefix(root))
        # a subsystem's own tsconfig.json, committed: its blob id says as much as its bytes
        configs = js_configs(fleet.subsystems, root)
        folders = config_folders(fleet.subsystems, root, configs)
        found += [configs.get(posixpath.join(folder, name)) or _read(os.path.join(root, folder, name))
                  for folder in folders for name in ALIAS_FILES]
        found += [_read(os.path.join(root, extended)) for folder in folders for name in JS_CONFIGS  # what they extend
                  for extended in config_chain(root, posixpath.join(folder, name))[1:]]
    return found


def _addon_edges(fleet: Fleet) -> list[tuple[str, str, str, int]]:
    """(subsystem, subsystem, manifest, line) for each addon of the fleet an Odoo addon's manifest
    depends on, by its folder's name: OCA's `l10n_it_delivery_note_batch` on `l10n_it_delivery_note`,
    whose views it extends with no import of its Python (the home its copies share had been none)."""
    manifests = {s: manifest for s in fleet.subsystems if (manifest := addon_manifest(s))}
    addons = {s.namespace.strip("/").rpartition("/")[2]: s.name for s in manifests}
    return [(subsystem.name, addons[addon], path, line) for subsystem, manifest in manifests.items()
            for addon, path, line in addon_depends(subsystem.root, manifest)
            if addons.get(addon, subsystem.name) != subsystem.name]


def _go_package_edges(fleet: Fleet) -> list[tuple[str, str, str, int]]:
    """A Go file read as a package of its own (keda's `pkg/scalers/*_scaler.go`, a terraform
    provider's `resource_*.go`) still sees every name the rest of its Go package declares, with
    no import: it depends on the subsystem of its folder, where those names live (the provider's
    `util.go` helpers its resources call: their home)."""
    folders = {subsystem.namespace: subsystem.name for subsystem in fleet.subsystems}
    return [(subsystem.name, folders[folder], subsystem.namespace, 1) for subsystem in fleet.subsystems
            if subsystem.namespace.endswith(".go")
            and folders.get(folder := posixpath.dirname(subsystem.namespace), subsystem.name) != subsystem.name]


def _holder(classes: list[int], line: int) -> int:
    """The line of the class whose header holds `line`: the nearest at or above it; 0 where the
    file's classes are not listed (one class a file: Java, Kotlin, C#)."""
    return classes[bisect.bisect_right(classes, line) - 1] if classes and classes[0] <= line else 0


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _encoded(deps: Dependencies) -> tuple:
    return (3, deps.subsystems, tuple((e.source, e.target, e.files, e.evidence) for e in deps.edges),
            deps.resolved, deps.unresolved, deps.by_file, deps.extended)


def _decoded(memo: object) -> Dependencies | None:
    try:
        version, subsystems, edges, resolved, unresolved, by_file, extended = memo
        if version != 3:
            return None
        return Dependencies(tuple(subsystems), tuple(Edge(*edge) for edge in edges), resolved, unresolved,
                            tuple(by_file), tuple(extended))
    except (TypeError, ValueError):
        return None


def dependencies(fleet: Fleet, references: Iterable[tuple[str, str, str, tuple]],
                 roots: dict[str, tuple[int, ...]] | None = None) -> Dependencies:
    """Resolve every file's references (findings.references) to subsystems."""
    references = tuple(references)
    index = Index(fleet, _python_roots(fleet) if roots is None else roots)
    index.declare(references)  # Java packages: what the files say they are
    first: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (source, target) -> path -> line
    by_file, extended = [], []
    resolved = unresolved = 0
    for subsystem, path, language, refs in references:
        if configures_a_tool(path):  # `tsdown.config.ts` importing the repository's shared build
            continue  # preset (prisma's packages/0-config/tsdown): build-time, no place for code
        targets: dict[str, int] = {}
        parents: set[tuple[int, str]] = set()
        classes = sorted(line for capture, _, line in refs if capture == "class")
        bound = (index.bound(path, language, refs)
                 if language in resolve.BINDING | resolve.IMPORTING_BASES | resolve.INCLUDING_BASES
                 and any(ref[0] == "supertype" for ref in refs)
                 else None)
        for capture, text, line in scala_relative(refs) if language == "scala" else refs:
            found = index.resolve_all(subsystem, path, language, capture, text, bound)
            if not found:
                unresolved += capture in ("module", "from_import", "relative", "beside_file", "namespace", "qualified")
                continue
            resolved += 1
            for target in found:
                if target != subsystem:
                    first[(subsystem, target)].setdefault(path, f"{path}:{line}")
                    targets.setdefault(target, line)
                    if capture == "supertype":
                        parents.add((_holder(classes, line), target))
        if targets:
            by_file.append((subsystem, path, tuple(sorted(targets.items()))))
        if parents:  # with every class's line: a method's class is the nearest above it
            extended.append((subsystem, path, tuple(sorted(parents | {(line, "") for line in classes}))))
    for subsystem in fleet.subsystems:  # .NET: the projects a project file references
        for target, path, line in project_references(index, subsystem):
            first[(subsystem.name, target)].setdefault(path, f"{path}:{line}")
    for source, target, path, line in _addon_edges(fleet) + _go_package_edges(fleet):
        first[(source, target)].setdefault(path, f"{path}:{line}")
    edges = tuple(
        Edge(source, target, len(places), tuple(places[p] for p in sorted(places)[:EVIDENCE_KEPT]))
        for (source, target), places in sorted(first.items())
    )
    return Dependencies(tuple(s.name for s in fleet.subsystems), edges, resolved, unresolved, tuple(by_file),
                        tuple(extended))
