"""The layout rules of Go, whose package is a folder of files with no manifest (layout.py reads
the rest): a folder of many Go packages is a fleet, and beside it a folder of a few (go_fleets);
Go modules kept by owner are packages a level further down (go_modules_by_owner); a folder of
files each named for the plugin it is, one plugin per file, is a fleet of one-file packages
(go_file_fleets), and so is a folder of files each registering itself (go_registering); a lone
module's packages are its parts (go_library)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from radar.commands.folders import DEEP_PACKAGES, PLUGIN_FLEET, go_ignored, inside_tests, is_go_source, within

GO_BESIDE = 5  # Go packages that make a folder a fleet beside a folder of DEEP_PACKAGES of them (go_fleets)
LONE_GO_PACKAGES = 3  # with no fleet anywhere, a Go module with this many packages: each is one (go_library)
GO_TOP_GLUE = 0.1  # a lone Go module's top package holding this share of its files or less is glue
# a Go file named for the kind of plugin it is, an agent noun (keda's `aws_sqs_queue_scaler.go`);
# never a build constraint's `_linux.go`, `_amd64.go`, nor tailscale's `_enabled.go` feature flags
GO_PLUGIN_FILE = re.compile(r"_([a-z0-9]*[a-z](?:er|or)|resource|data_source)\.go$")
# and a terraform provider's resources and data sources, a file each by the plugin SDK's names
# (`resource_github_repository.go`, `data_source_github_team.go`; the framework's suffixes above)
GO_PLUGIN_PREFIX = re.compile(r"^(resource|data_source)_[a-z0-9_]+\.go$")
# a Go file's `init()`, and in it a plugin registered under a name (evcc's charger/abb.go:
# `registry.AddCtx("abb", NewABBFromConfig)`, node_exporter's `registerCollector("arp", …)`;
# not cobra's `rootCmd.AddCommand(versionCmd)`)
_GO_INIT = re.compile(rb"^func init\(\) \{\n(.*?)^\}", re.S | re.M)
_REGISTERED = re.compile(rb"^\s*[\w.]*?(?:Add|Register|register)\w*\(\s*\"", re.M)


def go_modules_by_owner(parent: str, found: set[str], files: frozenset[str]) -> tuple[int, tuple[str, ...]]:
    """How many Go modules `parent` holds further down, when most of its sub-folders that are no
    module hold some, as the import paths they mirror do (dd-trace-go's 70
    `contrib/<owner>/<library>`, a go.mod each: `contrib/IBM/sarama`, `contrib/Shopify/sarama`;
    opentelemetry-go-contrib's `instrumentation/github.com/gin-gonic/gin/otelgin`), and its
    sub-folders that are modules themselves, fewer than those (its `instrumentation/host`,
    `instrumentation/runtime`); else (0, ()). The folders a level further down are the packages
    then (`contrib/IBM/sarama`, `instrumentation/github.com/gin-gonic`), not an owner's or a
    host's folder, and each module just inside `parent` is one as it is."""
    if not parent:
        return 0, ()
    modules = tuple(sorted(child for child in found if f"{child}/go.mod" in files))
    owners = found - set(modules)
    depth = len(parent.split("/"))
    held = Counter(parts[depth] for parts in (f.split("/") for f in files
                                             if f.startswith(parent + "/") and f.endswith("/go.mod"))
                   if len(parts) >= depth + 3 and not inside_tests(tuple(parts[depth:-1])))
    holding = {f"{parent}/{child}" for child in held} & owners
    if len(holding) * 2 <= len(owners) or len(holding) <= len(modules):
        return 0, ()
    return sum(held[child.rpartition("/")[2]] for child in holding), modules


def go_library(sources: list[str]) -> tuple[tuple[str, int], ...]:
    """One Go module and no fleet, its top no package (pulsar-client-go: `pulsar`,
    `pulsar/internal`, `pulsaradmin/pkg/utils` …): its packages, a folder each, are its parts,
    from LONE_GO_PACKAGES of them; never one in tests, examples or vendored code. Where the top is
    a package holding much of the code (gin's 19 files of 59, zap's 16 of 66), no glob names it,
    and its sub-packages alone would leave the library's heart unread: then nothing is found, and
    init says so; a top holding little is a program's glue (packer's `main`, 12 files of 504)."""
    held = Counter(f.rpartition("/")[0] for f in sources if is_go_source(f.rpartition("/")[2]))
    found = tuple((folder, n) for folder, n in sorted(held.items())
                  if folder and not inside_tests(tuple(folder.split("/"))))
    glue = held[""] <= GO_TOP_GLUE * sum(held.values())
    return found if len(found) >= LONE_GO_PACKAGES and glue else ()


def go_file_fleets(sources: list[str]) -> tuple[tuple[str, int], ...]:
    """Go folders holding PLUGIN_FLEET files or more named for the kind of plugin each is (keda's
    73 `pkg/scalers/*_scaler.go`; terraform-provider-github's 108 `github/resource_*.go`): one
    package, as Go has it, but one plugin per file, so each file is a package of its own, as a
    folder of Python modules is (layout._module_fleets), and the folder's other files
    (`scaler.go`, the interface) stay the package they live in: their home."""
    counts: Counter = Counter()
    for f in sources:
        folder, _, name = f.rpartition("/")
        kind = _plugin_kind(name)
        if kind and is_go_source(name) and not go_ignored(f.split("/")) and not inside_tests(tuple(folder.split("/"))):
            counts[(folder, kind)] += 1
    return tuple((f"{folder}/{kind}" if folder else kind, n)
                 for (folder, kind), n in sorted(counts.items()) if n >= PLUGIN_FLEET)


def _plugin_kind(name: str) -> str | None:
    """The glob of the plugins a Go file's name says it is one of: `*_scaler.go`, `resource_*.go`."""
    prefixed = GO_PLUGIN_PREFIX.match(name)
    if prefixed:
        return f"{prefixed.group(1)}_*.go"
    suffixed = GO_PLUGIN_FILE.search(name)
    return f"*_{suffixed.group(1)}.go" if suffixed else None


def go_registering_folders(sources: list[str], read: Callable[[str], bytes]) -> dict[str, int]:
    """The folders whose Go files are plugins each registering itself (go_registering), with how
    many Go files each holds; never tests' or what the go command skips."""
    own: dict[str, list[str]] = {}
    for f in sources:
        folder, _, name = f.rpartition("/")
        if is_go_source(name) and not go_ignored(f.split("/")) and not inside_tests(tuple(folder.split("/"))):
            own.setdefault(folder, []).append(f)
    return {folder: len(files) for folder, files in own.items()
            if len(files) >= PLUGIN_FLEET and go_registering(files, read)}


def go_registering(go: list[str], read: Callable[[str], bytes]) -> bool:
    """Whether a folder's Go files (`go`, tests aside) are plugins, one per file: PLUGIN_FLEET of
    them or more, and half of them at least, each registering itself under a name in its
    `init()` (evcc's 111 chargers in one package, `charger/abb.go` …, each
    `registry.AddCtx("abb", …)`, and so its meters, vehicles and tariffs; node_exporter's 93
    collectors of 152 files, `registerCollector("arp", …)`). As one package, its plugins' copies
    of one another had been inside one subsystem, where nothing is compared; the folder's other
    files (the registry, shared helpers, a collector's other platforms) are one-file packages
    beside them, as a folder of Python modules has them (layout._module_fleets). `read`: a
    file's first bytes."""
    registering = 0
    for f in go:
        body = _GO_INIT.search(read(f))
        registering += body is not None and _REGISTERED.search(body.group(1)) is not None
    return registering >= PLUGIN_FLEET and registering * 2 >= len(go)


def go_fleets(go_packages: dict[str, set[str]], files: frozenset[str]) -> set[str]:
    """The folders of Go packages that are fleets: those holding DEEP_PACKAGES or more, and
    beside one of them (the same folder above), those holding GO_BESIDE or more: dapr's
    `pubsub/*` (9) and `conversation/*` (9) beside `bindings/*` (23) and `state/*` (21),
    telegraf's `plugins/aggregators/*` beside `plugins/inputs/*`. A few packages alone are a
    module's own parts; beside a fleet of their kind they are a smaller fleet. Never a folder
    above a fleet (telegraf's `plugins/`, whose packages are the registries every plugin imports)
    nor a Go module of its own (alloy's `syntax/`: one library, its packages its parts)."""
    big = {parent for parent, found in go_packages.items() if len(found) >= DEEP_PACKAGES}
    above = {parent.rpartition("/")[0] for parent in big if parent}
    return big | {parent for parent, found in go_packages.items()
                  if parent and parent.rpartition("/")[0] in above and len(found) >= GO_BESIDE
                  and not any(within(parent, fleet) for fleet in big) and f"{parent}/go.mod" not in files}
