"""Cluster stage: shapes -> N-way clusters of structurally similar units across subsystems.

Never all pairs: identical blind streams are grouped first, then groups sharing sampled
shingles or rare content words become candidate pairs (candidates.py), each pair is verified by
token alignment, and the verified graph is cut into components trimmed around their medoid. A
pair less alike than LINK_SIMILARITY still links when its units say the same rare things: a
modified copy (LINK_MODIFIED, MODIFIED_CONTENT); its cluster's similarity says how far it
drifted. Clusters nested inside a bigger cluster's members are dropped: the largest repeating
unit is the one reported (nesting.py). Last, each cluster's content is weighed
(content.py): copies that share their logic are "logic"; copies that share only the shape, or
say nothing rarer than the fleet's conventions, are "boilerplate"; units that call and branch
nowhere are "no behaviour"; units that mostly hand their work to a method of their own name are
"delegation"; Swift units placing views with the layout calls (SnapKit's, Auto Layout's anchors) are
"layout"; units drawing a picture, a path's verbs over literal points (an icon), are "drawing";
copies of a build, test or release tool's configuration file are "configuration"; the start-up a
framework asks of every package (OTP's `_sup.erl`) is "wiring"; methods of a
language's value protocol (`equals`, `__eq__`, `toString`, `Dispose`: each compares, prints or
disposes of its own type's fields) are "protocol"; and in a cluster of logic, a member that
shares only the shape leaves.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from radar.infra.collector import collector_paused
from radar.stages import carry
from radar.stages.candidates import (COMMON_SHINGLE, FEW_SAMPLES, LINK_SIMILARITY, RARE_SHARE, RARE_SHARED,
                                     SHARED_SAMPLES, PairIndex, find_pairs, granularity, group_key, saying_index,
                                     spanning_pairs, update_pairs, update_saying)
from radar.stages.carry import LINKED, MODIFIED, NO_LINK, Carried, Decision
from radar.stages.content import Rarity, draws_a_picture, lays_out_views, median, overlap, shared_content
from radar.stages.declaring import VALUE_PROTOCOL
from radar.stages.nesting import MOSTLY, SAME_FIDELITY, largest_only, without_nesting
from radar.stages.shape import Shape, TokenBags, can_reach, shape_order, similarity
from radar.stages.toolfiles import (CONFIGURATION_FOLDERS, CONFIGURED_TOOLS, DI_PACKAGE, FRAMEWORK_WIRING,
                                   TOOL_CONFIGURATION, configures_a_tool, wires_a_framework)
from radar.stages.worked import (Aligner, Worked, aligned_many, decode_trim, encode_trim, encode_weighed, stream_digest,
                                 trim_key, weigh_key)
from radar.stages.wrappers import ONE_TYPE_FILES, WRAPPER_COVERAGE, drop_wrappers

LINK_VOCABULARY = 0.6  # two units are not one shape when their shared names (library calls) agree less
SMALL_UNIT = 50  # below this many tokens, syntax alone looks alike: demand near-identity...
LINK_SMALL = 0.9  # ...this close in structure
VOCABULARY_SHARE = 0.25  # a name used in this share of subsystems (at least 2) is shared vocabulary
MIN_CLUSTER_TOKENS = 12  # smaller units never cluster: a one-liner is not a shape
DEFINERS_KEPT = 12  # the subsystems kept per cluster that define most of what its copies call
DEFINED_WIDELY = 8  # a name more subsystems define than this is a convention, no one's API
IDIOM_PER_CONSUMER = 2  # more instances per consumer than this, on average, is an idiom
EXHAUSTIVE_COMPONENT = 60  # components up to this many groups are compared all pairs
FAMILY_SIMILARITY = 0.6  # clusters of logic this alike in structure...
FAMILY_CONTENT = 0.5  # ...and saying this much the same are variants of one helper: one family,
FAMILY_WORDS = 4  # when each says at least this many things (tiny helpers agree by chance)
FAMILY_WORD_CLUSTERS = 60  # a word more clusters say than this is common: no evidence of a family
LOGIC_CONTENT = 0.3  # copies sharing less of their content than this share only a shape
INTRUDER_CONTENT = 0.15  # in a cluster of logic, a member sharing less than this is a look-alike
LINK_MODIFIED = 0.6  # a modified copy: this alike in structure (units of SMALL_UNIT tokens or more)...
MODIFIED_CONTENT = 0.5  # ...and sharing this much of its content (weighted by rarity)
MODIFIED_SIZES = LINK_MODIFIED / (2 - LINK_MODIFIED)  # shortest/longest that can still reach it

# what the memos of clusters depend on besides the shapes
SETTINGS = (3, LINK_SIMILARITY, LINK_VOCABULARY, SHARED_SAMPLES, FEW_SAMPLES, SMALL_UNIT, LINK_SMALL,
             VOCABULARY_SHARE, MIN_CLUSTER_TOKENS, COMMON_SHINGLE, WRAPPER_COVERAGE, EXHAUSTIVE_COMPONENT,
             MOSTLY, SAME_FIDELITY, LOGIC_CONTENT, INTRUDER_CONTENT, FAMILY_SIMILARITY, FAMILY_CONTENT,
             FAMILY_WORDS, FAMILY_WORD_CLUSTERS, LINK_MODIFIED, MODIFIED_CONTENT, RARE_SHARE, RARE_SHARED,
             TOOL_CONFIGURATION, CONFIGURATION_FOLDERS, CONFIGURED_TOOLS, FRAMEWORK_WIRING.pattern,
             DI_PACKAGE.pattern, DEFINERS_KEPT, DEFINED_WIDELY, tuple(sorted(VALUE_PROTOCOL)),
             tuple(sorted(ONE_TYPE_FILES)), 16)


@dataclass(frozen=True)
class Cluster:
    members: tuple[Shape, ...]  # sorted by subsystem, path, line
    medoid: int  # index of the member closest to all others
    similarities: tuple[float, ...]  # each member's similarity to the medoid
    content: tuple[float, ...] = ()  # each member's shared content with the others (content.py)
    nature: str = "logic"  # logic | boilerplate | no behaviour | delegation | layout | drawing | configuration
    # | wiring | protocol
    variants: tuple[Cluster, ...] = ()  # near-variants of the same helper, reported with this one
    defined_by: tuple[tuple[str, float], ...] = ()  # subsystems defining what the copies call (_with_definers)

    @property
    def shared_content(self) -> float:
        return median(self.content) if self.content else 1.0

    @property
    def similarity(self) -> float:
        return min(self.similarities)

    @property
    def subsystems(self) -> tuple[str, ...]:
        return tuple(sorted({m.subsystem for m in self.members}))

    @property
    def representative(self) -> Shape:
        return self.members[self.medoid]

    @property
    def name(self) -> str:
        """What the copies are called: the name most of them bear, the representative's among
        equals (harbor's 31 DAO queries are 22 `List`s, though the copy closest to all the others
        is `ListBlobs`)."""
        counts = Counter(m.name for m in self.members)
        most = max(counts.values())
        mine = self.representative.name
        return mine if counts[mine] == most else min(name for name, n in counts.items() if n == most)


def cluster(shapes: Iterable[Shape], progress: Callable[[int, int], None] | None = None,
            floor: int = MIN_CLUSTER_TOKENS) -> tuple[Cluster, ...]:
    """All clusters spanning two or more subsystems, deterministic whatever the input order.

    Units under `floor` tokens never cluster: getters, one-line delegations and the like
    are idioms of a language, not abstractions waiting to be extracted."""
    return cluster_from(shapes, None, progress, floor)[0]


def cluster_from(shapes: Iterable[Shape], previous: PairIndex | None,
                 progress: Callable[[int, int], None] | None = None,
                 floor: int = MIN_CLUSTER_TOKENS) -> tuple[tuple[Cluster, ...], PairIndex]:
    """cluster(), its candidate pairs updated from the index of another set of shapes (the last
    pass's) when there is one: the same clusters for the cost of the change. Also returns the
    index of these shapes, for the next pass."""
    return cluster_reusing(shapes, previous, None, progress, floor)[:2]


def cluster_reusing(shapes: Iterable[Shape], previous: PairIndex | None, earlier: Worked | None,
                    progress: Callable[[int, int], None] | None = None,
                    floor: int = MIN_CLUSTER_TOKENS) -> tuple[tuple[Cluster, ...], PairIndex, Worked]:
    """cluster_from(), also taking the trims and weighings of another clustering (worked.py)
    wherever their inputs are unchanged: the same clusters. Also returns what this one worked
    out, for the next."""
    return cluster_carrying(shapes, previous, earlier, None, None, progress, floor)[:3]


@collector_paused  # hundreds of thousands of small objects, no cycles: see infra/collector.py
def cluster_carrying(shapes: Iterable[Shape], previous: PairIndex | None, earlier: Worked | None,
                     carried: Carried | None, files: dict[carry.File, str] | None,
                     progress: Callable[[int, int], None] | None = None, floor: int = MIN_CLUSTER_TOKENS,
                     workers: int = 1) -> tuple[tuple[Cluster, ...], PairIndex, Worked, Carried | None]:
    """cluster_reusing(), also taking what another clustering carried (carry.py: its fleet-wide
    facts, content pairs and verifications) for every group the change did not touch: the same
    clusters. `files`: each file's shapes digest (carry.file_digests), without which nothing is
    carried. Also returns what this one carries, for the next. `workers`: threads a large batch
    of alignments runs on (the same clusters however many)."""
    shapes = list(shapes)
    earlier, worked = earlier or Worked(), Worked()
    eligible = sorted(drop_wrappers([s for s in shapes if s.size >= max(floor, MIN_CLUSTER_TOKENS)], shapes),
                      key=shape_order)
    runs = carry.file_runs(eligible) if files is not None else []
    groups, keys, key_of = _identical_groups(eligible, carry.shape_keys(eligible, runs, files, carried))
    firsts = [group[0] for group in groups]
    pairs, index = find_pairs(firsts, keys) if previous is None else update_pairs(firsts, keys, previous)
    context = carry.context_of(shapes, eligible, groups, keys, files, carried, VOCABULARY_SHARE, (runs, key_of))
    answers = carry.Answers(context, groups)
    rarity, subsystems = context.rarity, len(context.rarity.vocab_by_subsystem)
    if context.carried is None:
        saying = saying_index(firsts, rarity.users, subsystems, MODIFIED_SIZES, SMALL_UNIT)
    else:
        saying = update_saying(firsts, rarity.users, subsystems, MODIFIED_SIZES, SMALL_UNIT, context.carried.saying,
                               context.earlier)
    align = Aligner(groups, keys, _vocabulary_streams(groups, context.private), earlier, worked, workers)
    aligned = spanning_pairs(groups, sorted(pairs | saying.pairs))
    graph, modified, decided = _verified_graph(groups, aligned, saying.pairs, align, rarity, progress, context.known())
    clusters = []
    for component in _components(range(len(groups)), graph):
        if len(component) > 1 or _spans(groups[component[0]]):  # else: one subsystem's
            clusters.extend(_trim_reusing(component, groups, graph, keys, earlier, worked, answers, align))
    spanning = [c for c in clusters if len(c.subsystems) >= 2]
    spanning += _modified_copies(modified, groups, spanning)
    weighed = [w for c in largest_only(spanning) if _reported(w := _weigh_reusing(c, rarity, earlier, worked, answers))]
    weighed = largest_only(weighed)  # a cluster its look-alikes left may now lie inside another
    state = carry.carried_of(context, files, carry.stamp(SETTINGS), runs, keys, key_of, saying, decided, answers)
    found = sorted(_families(weighed, rarity, earlier, worked, workers), key=lambda c: shape_order(c.members[0]))
    return tuple(_with_definers(c, rarity) for c in found), index, worked, state


def _with_definers(found: Cluster, rarity: Rarity) -> Cluster:
    """The cluster with the subsystems that define what its copies (as its representative)
    call and read, each weighed by how few define the same name (a name one subsystem defines is
    its API; one many define, `run`, `__init__`, says little, and one more than DEFINED_WIDELY
    define says nothing): where the logic they share belongs (homes.HomeFinder)."""
    weights: dict[str, float] = defaultdict(float)
    definers = rarity.definers.get
    for char in found.representative.vocab:  # distinct already; the copies say much the same
        owners = definers(char)
        if owners and len(owners) <= DEFINED_WIDELY:
            share = 1 / len(owners)
            for owner in owners:
                weights[owner] += share
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:DEFINERS_KEPT]
    return dataclasses.replace(found, defined_by=tuple((owner, round(weight, 4)) for owner, weight in ranked))


def is_idiom(found: Cluster) -> bool:
    """Many copies inside each subsystem (accessors, dunder protocols, test parametrisations):
    a habit of the language or of a team, not one abstraction waiting to be extracted. Habits
    are small: copies of SMALL_UNIT tokens or more that say the same things (logic), pasted twice
    in each of their consumers, are more duplication, not less."""
    if found.nature == "logic" and found.representative.size >= SMALL_UNIT:
        return False
    return len(found.members) > IDIOM_PER_CONSUMER * len(found.subsystems)


def _reported(found: Cluster) -> bool:
    """Spanning subsystems still, once look-alikes left; and, for blocks, saying the same things:
    blocks alike only in shape (a loop, a guard ladder) are everywhere, and nothing to extract."""
    blocks = all(member.kind == "block" for member in found.members)
    return len(found.subsystems) >= 2 and (not blocks or found.nature == "logic")


def _spans(group: tuple[Shape, ...]) -> bool:
    return len(group) > 1 and any(shape.subsystem != group[0].subsystem for shape in group)


def _identical_groups(shapes: list[Shape], known: list[str | None] | None
                      ) -> tuple[list[tuple[Shape, ...]], list[str], list[str]]:
    """Shapes of one granularity and blind stream, in the order of their first shapes; each
    group's key (candidates.group_key) and each shape's. `known`: keys carried for some shapes
    (carry.shape_keys): a shape's key names its group, so those are grouped by key."""
    if known is None:
        by_stream: dict[tuple[str, str, str], list[Shape]] = defaultdict(list)
        for shape in shapes:
            by_stream[(*granularity(shape), shape.blind)].append(shape)
        groups = sorted((tuple(group) for group in by_stream.values()), key=lambda g: shape_order(g[0]))
        keys = [group_key(group[0]) for group in groups]
        return groups, keys, carry.keys_of(shapes, groups, keys)
    key_of = [key if key is not None else group_key(shape) for shape, key in zip(shapes, known)]
    by_key: dict[str, list[Shape]] = {}
    for shape, key in zip(shapes, key_of):  # `shapes` are sorted: groups come in their first shapes' order
        by_key.setdefault(key, []).append(shape)
    return [tuple(group) for group in by_key.values()], list(by_key), key_of


def _vocabulary_streams(groups: list[tuple[Shape, ...]], private: dict[int, str]) -> Callable[[int], str]:
    """Each group's stream with shared names (used by several subsystems: library calls,
    builtins, the fleet's own API) kept and every other identifier blind (`private`: see
    carry.py). Two units that call different libraries are not the same pattern, however alike
    their syntax.

    Made on demand: only pairs whose structure already matches are compared this way."""
    streams: dict[int, str] = {}

    def stream(index: int) -> str:
        if index not in streams:
            streams[index] = groups[index][0].names.translate(private)
        return streams[index]

    return stream


def _weigh(found: Cluster, rarity: Rarity) -> Cluster:
    """The cluster with its content weighed; in a cluster of logic, look-alikes leave."""
    vocabs = [m.vocab for m in found.members]
    weights = rarity.weights(found.subsystems, "".join(vocabs))
    content = shared_content(vocabs, weights)
    # most copies a tool's configuration: the others are its variants (opentelemetry-js' karma.worker.js)
    if sum(configures_a_tool(m.path) for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "configuration")
    if sum(wires_a_framework(m.path, m.kind) for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "wiring")
    if all(m.kind == "method" and m.name in VALUE_PROTOCOL for m in found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "protocol")
    # most copies calling and branching nowhere: the others' one call is no logic they share
    # (valtimo's Angular components' constructors, their services injected, a few also `super()`)
    if found.representative.behaviour == 0 or sum(not m.behaviour for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "no behaviour")
    if sum(m.forwards for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "delegation")
    if sum(m.path.endswith(".swift") and lays_out_views(m.vocab) for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "layout")
    if sum(draws_a_picture(m.vocab, m.names) for m in found.members) * 2 > len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "drawing")
    if median(content) < LOGIC_CONTENT \
            or not rarity.says_something_rare(found.subsystems, found.representative.vocab, weights):
        return Cluster(found.members, found.medoid, found.similarities, content, "boilerplate")
    keep = [i for i, value in enumerate(content) if value >= INTRUDER_CONTENT or i == found.medoid]
    if len(keep) == len(found.members):
        return Cluster(found.members, found.medoid, found.similarities, content, "logic")
    members = tuple(found.members[i] for i in keep)
    return _weigh(Cluster(members, keep.index(found.medoid), tuple(found.similarities[i] for i in keep)), rarity)


def _weigh_reusing(found: Cluster, rarity: Rarity, earlier: Worked, worked: Worked,
                   answers: carry.Answers | None = None) -> Cluster:
    """_weigh(found, rarity), or the answer the carried clustering or an earlier one found for
    the same inputs."""
    answer = answers.weigh(found.members, found.medoid) if answers is not None else None
    weighed = _weighed(found, answer)
    if weighed is None:
        key = weigh_key(found.members, found.medoid, found.subsystems, rarity)
        weighed = _weighed(found, earlier.weighs.get(key))
        if weighed is None:
            weighed = _weigh(found, rarity)
        answer = encode_weighed(weighed, found.members)
        worked.weighs[key] = answer
    if answers is not None:
        answers.keep_weigh(answer)
    return weighed


def _weighed(found: Cluster, answer: tuple | None) -> Cluster | None:
    """The cluster as a weighing answered (worked.encode_weighed), or None (none, or unreadable)."""
    if answer is None:
        return None
    try:
        kept, medoid, content, nature = answer
        return Cluster(tuple(found.members[i] for i in kept), medoid, tuple(found.similarities[i] for i in kept),
                       tuple(content), nature)
    except (TypeError, ValueError, IndexError):
        return None


def _families(clusters: list[Cluster], rarity: Rarity, earlier: Worked, worked: Worked, workers: int = 1
              ) -> list[Cluster]:
    """Clusters of logic that are variants of one helper (alike in structure, saying much the
    same) are one family: reported as its broadest cluster, with the others as its variants.
    The representatives' alignments are taken from an earlier clustering that aligned them."""
    logic = [c for c in clusters if c.nature == "logic" and len(c.representative.vocab) >= FAMILY_WORDS]
    links: Graph = {index: {} for index in range(len(logic))}
    pairs = list(_family_pairs(logic))
    streams = [c.representative.blind for c in logic]
    named = [stream_digest(stream) for stream in streams]
    alike = aligned_many([(named[a], named[b]) for a, b in pairs], [(streams[a], streams[b]) for a, b in pairs],
                         earlier, worked, workers)
    for (a, b), score in zip(pairs, alike):
        first, second = logic[a].representative, logic[b].representative
        consumers = {*logic[a].subsystems, *logic[b].subsystems}
        # the alignment first: it costs a fraction of weighing the words (per pair: their consumers')
        if (score >= FAMILY_SIMILARITY
                and _overlap_for(first.vocab, second.vocab, consumers, rarity) >= FAMILY_CONTENT):
            links[a][b] = links[b][a] = 1.0
    families = []
    for component in _components(range(len(logic)), links):
        ordered = sorted((logic[i] for i in component), key=_breadth)
        families.append(dataclasses.replace(ordered[0], variants=tuple(ordered[1:])))
    grouped = {id(c) for c in logic}
    return [c for c in clusters if id(c) not in grouped] + families


def _family_pairs(logic: list[Cluster]) -> set[tuple[int, int]]:
    """Pairs of one language whose representatives share a content character few clusters use."""
    holding: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, found in enumerate(logic):
        for char in found.representative.vocab:
            holding[(found.representative.language, char)].append(index)
    pairs = set()
    for indices in holding.values():
        if len(indices) <= FAMILY_WORD_CLUSTERS:
            pairs.update((a, b) for i, a in enumerate(indices) for b in indices[i + 1:])
    return pairs


def _breadth(found: Cluster) -> tuple:
    return (-len(found.subsystems), -len(found.members), -found.representative.size, shape_order(found.members[0]))


# The verified graph: group -> neighbour -> similarity. A dict of dicts, not networkx: all it
# takes is edges and components, and importing networkx costs a tenth of a second per pass.
Graph = dict[int, dict[int, float]]


def _verified_graph(groups: list[tuple[Shape, ...]], pairs: list[tuple[int, int]], saying: set[tuple[int, int]],
                    align: Aligner, rarity: Rarity, progress, known: dict[tuple[int, int], Decision]
                    ) -> tuple[Graph, Graph, dict[tuple[int, int], Decision]]:
    """The pairs alike in structure and in the library names they use; and apart, the modified
    copies: pairs less alike (LINK_MODIFIED) that say rare things in common (`saying`:
    content_pairs) and share half their content, weighed by rarity. A pair `known` (carried:
    two groups the change did not touch) takes its outcome when it was a content pair then as now.
    Also returns every pair's outcome, for the next clustering."""
    graph: Graph = {node: {} for node in range(len(groups))}
    modified: Graph = defaultdict(dict)
    decided: dict[tuple[int, int], Decision] = {}
    bags = TokenBags(lambda index: groups[index][0].blind)
    _align_ahead([pair for pair in pairs if _stale(known.get(pair), pair in saying)
                  and _reachable(pair, groups, pair in saying, bags)], groups, align)
    for done, pair in enumerate(pairs, 1):
        said = pair in saying
        decision = known.get(pair)
        if _stale(decision, said):
            decision = _verify(pair, groups, said, align, rarity, bags)
        a, b = pair
        if decision[0] == LINKED:
            graph[a][b] = graph[b][a] = decision[1]
        elif decision[0] == MODIFIED:
            modified[a][b] = modified[b][a] = decision[1]
        decided[pair] = decision
        if progress and (done % 500 == 0 or done == len(pairs)):
            progress(done, len(pairs))
    return graph, modified, decided


def _stale(decision: Decision | None, said: bool) -> bool:
    """A pair verified again: none carried, or carried when it was (or was not) a content pair."""
    return decision is None or decision[2] != said


def _align_ahead(pairs: list[tuple[int, int]], groups: list[tuple[Shape, ...]], align: Aligner) -> None:
    """The alignments _verify will read, in batches (across cores on a large one): every
    pair's blind streams, then the vocabulary streams of the pairs alike enough to need them."""
    align.prepare_blind(pairs)
    align.prepare_names([(a, b) for a, b in pairs
                         if align.blind_unfiled(a, b) >= _threshold(groups[a][0], groups[b][0])])


def _reachable(pair: tuple[int, int], groups: list[tuple[Shape, ...]], said: bool, bags: TokenBags) -> bool:
    """Whether the two blind streams' lengths, and long ones' tokens, let their alignment reach the
    lowest score that links them: candidate pairs are found for sizes that could reach
    LINK_SIMILARITY, and small units must reach LINK_SMALL (5.6k of dbeaver's 85k pairs need no
    alignment)."""
    first, second = groups[pair[0]][0], groups[pair[1]][0]
    threshold = _threshold(first, second)
    lowest = LINK_MODIFIED if threshold == LINK_SIMILARITY and said else threshold
    return can_reach(len(first.blind), len(second.blind), lowest) and bags.can_reach(*pair, lowest)


def _verify(pair: tuple[int, int], groups: list[tuple[Shape, ...]], said: bool, align: Aligner,
            rarity: Rarity, bags: TokenBags) -> Decision:
    a, b = pair
    if not _reachable(pair, groups, said, bags):
        return NO_LINK, 0.0, said  # never aligned: no score could link them
    threshold = _threshold(groups[a][0], groups[b][0])
    score = align.blind(a, b)
    if score >= threshold:
        return (LINKED if align.names(a, b) >= min(threshold, LINK_VOCABULARY) else NO_LINK), score, said
    if (score >= LINK_MODIFIED and threshold == LINK_SIMILARITY and said
            and _say_the_same(groups[a], groups[b], rarity)):
        return MODIFIED, score, said
    return NO_LINK, score, said


def _say_the_same(first: tuple[Shape, ...], second: tuple[Shape, ...], rarity: Rarity) -> bool:
    consumers = {m.subsystem for m in (*first, *second)}
    return _overlap_for(first[0].vocab, second[0].vocab, consumers, rarity) >= MODIFIED_CONTENT


def _overlap_for(a: str, b: str, consumers: Iterable[str], rarity: Rarity) -> float:
    """How much two vocabs say in common, each word weighed by its rarity outside `consumers`."""
    return overlap(a, b, rarity.weights(consumers, a + b))


def _modified_copies(modified: Graph, groups: list[tuple[Shape, ...]], found: list[Cluster]) -> list[Cluster]:
    """Clusters of modified copies among the units no cluster holds: a copy that drifted from a
    cluster of identical ones is left out of it (the cluster stays as ready as it is)."""
    held = {m.key for c in found for m in c.members}
    free = [i for i, group in enumerate(groups) if i in modified and not any(m.key in held for m in group)]
    inside = set(free)
    graph: Graph = {i: {j: s for j, s in modified[i].items() if j in inside} for i in free}
    edges = {(a, b) for a in graph for b in graph[a] if a < b}
    clusters = []
    for component in _components(free, graph):
        if len(component) > 1:
            clusters.extend(_trim(component, groups, graph, edges))
    return [c for c in clusters if len(c.subsystems) >= 2]


def _threshold(a: Shape, b: Shape) -> float:
    return LINK_SMALL if min(a.size, b.size) < SMALL_UNIT else LINK_SIMILARITY


def _components(nodes: Iterable[int], graph: Graph) -> list[list[int]]:
    """The connected components among `nodes` (edges leaving them ignored), each sorted."""
    inside = set(nodes)
    seen: set[int] = set()
    found = []
    for start in sorted(inside):
        if start in seen:
            continue
        seen.add(start)
        component, stack = [start], [start]
        while stack:
            for neighbour in graph[stack.pop()]:
                if neighbour in inside and neighbour not in seen:
                    seen.add(neighbour)
                    component.append(neighbour)
                    stack.append(neighbour)
        found.append(sorted(component))
    return found


def _trim(component: list[int], groups: list[tuple[Shape, ...]], graph: Graph,
          modified: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset(),
          align: Aligner | None = None) -> list[Cluster]:
    """Keep the members close to the medoid (or its modified copies); the rest form clusters
    of their own. `align`: where the groups' alignments may already be (else each is aligned)."""
    if len(component) == 1:
        return [_make_cluster(groups[component[0]], [1.0] * len(groups[component[0]]))]
    score = _pair_scorer(groups, graph, len(component) <= EXHAUSTIVE_COMPONENT, align)
    medoid = _medoid(component, groups, graph, score)
    close = [n for n in component if n == medoid or (min(n, medoid), max(n, medoid)) in modified
             or score(medoid, n) >= _threshold(groups[medoid][0], groups[n][0])]
    chosen = set(close)
    far = [n for n in component if n not in chosen]
    members: list[Shape] = []
    sims: list[float] = []
    for node in close:
        members.extend(groups[node])
        sims.extend([score(medoid, node)] * len(groups[node]))
    members, sims = without_nesting(members, sims)
    result = [_make_cluster(tuple(members), sims, medoid_shape=groups[medoid][0])]
    for sub in _components(far, graph):
        result.extend(_trim(sub, groups, graph, modified, align))
    return result


def _trim_reusing(component: list[int], groups: list[tuple[Shape, ...]], graph: Graph, keys: list[str],
                  earlier: Worked, worked: Worked, answers: carry.Answers, align: Aligner) -> list[Cluster]:
    """_trim(component, ...), or the answer the carried clustering or an earlier one found for
    the same inputs. A component of one or two groups is trimmed at once: its key would cost more."""
    make = lambda members, medoid, sims: Cluster(members, medoid, sims)  # noqa: E731
    answer = answers.trim(component, graph)
    if answer is not None:
        try:
            found = decode_trim(answer, component, groups, make)
            answers.keep_trim(answer)
            return found
        except (TypeError, ValueError, IndexError):
            pass
    if len(component) <= 2:
        found = _trim(component, groups, graph, align=align)
        answers.keep_trim(encode_trim(found, component, groups))
        return found
    key = trim_key(component, groups, graph, keys)
    answer = earlier.trims.get(key)
    if answer is not None:
        try:
            found = decode_trim(answer, component, groups, make)
        except (TypeError, ValueError, IndexError):
            answer = None
    if answer is None:
        if len(component) <= EXHAUSTIVE_COMPONENT:  # its medoid reads every pair: aligned in one batch
            align.prepare_blind((a, b) for i, a in enumerate(component) for b in component[i + 1:] if b not in graph[a])
        found = _trim(component, groups, graph, align=align)
        answer = encode_trim(found, component, groups)
    worked.trims[key] = answer
    answers.keep_trim(answer)
    return found


def _medoid(component: list[int], groups, graph: Graph, score) -> int:
    """The member most similar to all others (weighted by copies). Past EXHAUSTIVE_COMPONENT
    groups only verified edges count, so a big component costs its edges, not its square."""
    weight = {node: len(groups[node]) for node in component}
    if len(component) <= EXHAUSTIVE_COMPONENT:
        return max(component, key=lambda n: (sum(score(n, m) * weight[m] for m in component), -n))
    inside = set(component)
    return max(component, key=lambda n: (weight[n] + sum(
        similar * weight[m] for m, similar in graph[n].items() if m in inside), -n))


def _pair_scorer(groups, graph, exhaustive: bool, align: Aligner | None = None) -> Callable[[int, int], float]:
    """Similarity of two groups: the verified edge, else aligned on demand (small components;
    by `align`, which may hold it already), else 0 (big components hold boilerplate; all pairs
    there would cost quadratic time)."""
    cache: dict[tuple[int, int], float] = {}

    def score(a: int, b: int) -> float:
        if a == b:
            return 1.0
        key = (min(a, b), max(a, b))
        if key not in cache:
            edge = graph[a].get(b)
            if edge is not None:
                cache[key] = edge
            elif not exhaustive:
                cache[key] = 0.0
            else:
                cache[key] = align.blind_unfiled(a, b) if align else similarity(groups[a][0].blind, groups[b][0].blind)
        return cache[key]

    return score


def _make_cluster(members: tuple[Shape, ...], sims: list[float], medoid_shape: Shape | None = None) -> Cluster:
    order = sorted(range(len(members)), key=lambda i: shape_order(members[i]))
    ordered = tuple(members[i] for i in order)
    medoid = ordered.index(medoid_shape) if medoid_shape is not None else 0
    return Cluster(ordered, medoid, tuple(round(sims[i], 4) for i in order))
