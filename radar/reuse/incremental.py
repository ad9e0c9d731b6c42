"""Reuse between passes, decided in one place: which earlier work a pass may take, and when.

A pass needs the *findings* of the fleet's files (what parse, shape and cluster find). In order:
1. the findings of exactly these files (by blob id), remembered whole: nothing is parsed or
   clustered;
2. the last pass's findings, when every file that changed since moved no shape (a comment,
   trailing lines): only the changed files are parsed, to know it;
3. afresh: every file parsed (each blob once, ever: `stages/analyse.py` keeps parses per blob),
   then clustered, unless the same shapes were clustered before (the clusters memo), starting
   from the last clustering's candidate-pair index (`stages/candidates.py`), which gives the
   same pairs as from scratch, and taking its trims and weighings wherever their inputs are
   unchanged (`stages/worked.py`), which give the same clusters. That state (pair index,
   carried clustering, vocabs) is written again only once a pass is more than LAG_FILES files
   away from it: any earlier state gives the same clusters, and a small edit's next pass redoes
   its few files rather than this one writing megabytes.
Every memo key here names everything its answer depends on (files, shaping version, size
floor), so a stale entry is a miss, never a wrong answer. Discovery's own memos (index
listings per index file, commit dates per HEAD) are kept by `stages/gitstate.py` in the same
store (`infra/cache.py`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from radar.config import Rules
from radar.infra.cache import SHAPING, ParseCache, key_digest
from radar.infra.collector import collector_paused, collector_resumed
from radar.infra.executors import Executor, default_jobs
from radar.request import Progress, ScanRequest, file_works
from radar.reuse.findings import (Findings, decode, encode, file_table, memo_key, parse_errors, references,
                                  still_valid,
                                  tally, unread)
from radar.stages.reading import FileWork, content_ids
from radar.stages.candidates import decode as decode_pairs
from radar.stages.candidates import encode as encode_pairs
from radar.stages.census import recurrences
from radar.stages import carry, worked
from radar.reuse.clusters_memo import fingerprint_of, from_memo, memo_of
from radar.stages.cluster import SETTINGS, cluster_carrying, is_idiom
from radar.stages.discover import Fleet
from radar.stages.shape import similarity

MEMOS_KEPT = {"findings/": 16, "clusters/": 16}  # the states a pass may come back to; older ones go
# A pass whose files differ from the carried state (pair index, carried clustering, vocabs) in
# this many files or fewer leaves that state as it is: the next pass takes it again and redoes
# the groups of these few files too, which costs less than writing ~10 MB of memos after every
# small edit (~0.1 s of CPU on moto).
LAG_FILES = 8


def find(request: ScanRequest, fleet: Fleet, rules: Rules, cache: ParseCache,
         progress: Progress | None = None) -> Findings:
    """Parse, shape and cluster the fleet, or take the findings of the same files from the cache,
    or those of the last pass when no changed file's shapes moved."""
    works = file_works(fleet, rules)
    ids = content_ids(works)
    floor = rules.gate.min_tokens // 2
    files = [(w.subsystem, w.path, w.language, blob or "!" + str(why)) for w, (blob, why) in zip(works, ids)]
    key = memo_key(files, floor)
    # the clustering's settings too: a radar that clusters differently never takes the last findings
    lineage = f"{request.repo.resolve()}\0{floor}\0{fingerprint_of((), floor)}"
    last = f"last/{SHAPING}/" + key_digest(lineage)
    remembered = decode(cache.get_many([key]).get(key))
    if remembered is not None and still_valid(remembered, works):
        return replace(remembered, key=key)
    found = cache.get_many([last])  # only now: a warm pass need not load the last pass's table
    executor = Executor(request.executor, request.jobs or default_jobs(), request.scheduler)
    parsed = (lambda done, total: progress("parsing files", done, total)) if progress else None
    since = _unmoved_since(found.get(last), works, ids, files, cache, executor, parsed)
    if since is not None:
        findings, table, memo = since  # the last findings' memo, stored again as it was read
    else:  # each file's vocabs as the last such pass bound them (stages/analyse.py: Vocabs)
        from radar.stages.analyse import decode_vocabs, encode_vocabs  # parsing's own imports: see _analyse_all

        bound = f"vocabs/{SHAPING}/" + key_digest(lineage)
        vocabs = decode_vocabs(cache.get_many([bound]).get(bound))
        results, skipped = _analyse_all(works, ids, cache, executor, parsed, vocabs)
        findings = _find_afresh(results, skipped, floor, cache, progress, lineage, executor.jobs)
        table, memo = file_table(files, results), encode(findings)
        if vocabs.made() > LAG_FILES:
            cache.put_many({bound: encode_vocabs(vocabs)})
    cache.put_many({key: memo, last: (key, table)})
    cache.keep_latest(MEMOS_KEPT)
    return replace(findings, key=key)


def _analyse_all(works: list[FileWork], ids: list, cache: ParseCache, executor: Executor, progress=None,
                 vocabs=None) -> tuple[list, Counter]:
    """analyse.analyse_all, with the cycle collector as Python starts it, inside a pass that pauses
    it (pipeline.py). Imported here, at the first file to parse: parsing's imports (grammars, their
    rewrites' patterns, the declaring checks) cost a warm pass, which parses nothing, ~0.02 s of CPU."""
    from radar.stages import analyse

    return collector_resumed(analyse.analyse_all)(works, ids, cache, executor, progress, vocabs)


def _unmoved_since(last: object, works: list[FileWork], ids: list, files: list[tuple], cache: ParseCache,
                   executor: Executor, parsed) -> tuple[Findings, dict, tuple] | None:
    """The last pass's findings, when the same files are there and none that changed has moved
    a shape (a comment, trailing lines): only the changed files are parsed to know it."""
    try:
        last_key, table = last
    except (TypeError, ValueError):
        return None
    if not isinstance(table, dict) or set(table) != {file[:3] for file in files}:
        return None
    changed = [i for i, file in enumerate(files) if table[file[:3]][0] != file[3]]
    results, _ = _analyse_all([works[i] for i in changed], [ids[i] for i in changed], cache, executor, parsed)
    update = file_table([files[i] for i in changed], results)
    if any(update[name][1:] != tuple(table[name][1:]) for name in update):
        return None  # a shape moved: the last findings are not these files' (and need not be loaded)
    memo = cache.get_many([last_key]).get(last_key) if isinstance(last_key, str) else None
    previous = decode(memo)
    if previous is None or not still_valid(previous, works):
        return None
    return replace(previous, origin=last_key), {**table, **update}, memo


@collector_paused  # the clustering and its memos: see infra/collector.py
def _find_afresh(results: list, skipped: Counter, floor: int, cache: ParseCache, progress: Progress | None,
                 lineage: str, workers: int = 1) -> Findings:
    shapes = [shape for result in results for shape in result.shapes]
    digests = [(r.subsystem, r.path, r.language, r.shapes_digest) for r in results]
    found = _clusters(cache, digests, shapes, [result.shapes for result in results], floor, progress, lineage,
                      workers)
    clusters = tuple(c for c in found if not is_idiom(c))
    filtered = {"thin_units": sum(s.size < floor for s in shapes), "idioms": len(found) - len(clusters)}
    return Findings(tally(results), tuple(sorted(skipped.items())), tuple(filtered.items()),
                    clusters, recurrences(results), unread(results), parse_errors(results), references(results))


def _clusters(cache: ParseCache, digests: list[tuple[str, ...]], shapes: list, by_file: list[tuple], floor: int,
              progress: Progress | None, lineage: str, workers: int = 1) -> tuple:
    """cluster(), remembered by shapes: edits that move no shape (comments, trailing lines)
    do not cluster again; edits that do start from the candidate pairs of the last clustering
    of the same repository (any earlier index gives the same clusters, only slower) and from
    what it carried (stages/carry.py: only the groups the edit touched are verified again)."""
    key = f"clusters/{SHAPING}/" + fingerprint_of(digests, floor)
    last = f"pairs/{SHAPING}/" + key_digest(lineage)
    work = f"worked/{SHAPING}/" + key_digest(lineage)
    carried = f"carry/{SHAPING}/" + key_digest(lineage)
    found = cache.get_many([key])
    if key in found:
        return from_memo(found[key], shapes)
    found = cache.get_many([last, work, carried])
    report = (lambda done, total: progress("verifying pairs", done, total)) if progress else None
    files = {(subsystem, path, language): digest for subsystem, path, language, digest in digests}
    previous, prior = decode_pairs(found.get(last)), carry.decode(found.get(carried), carry.stamp(SETTINGS))
    clusters, index, answers, state = cluster_carrying(
        shapes, previous, worked.decode(found.get(work), SETTINGS), prior, files, report, floor=floor, workers=workers)
    memos = {key: memo_of(clusters, by_file), work: worked.encode(answers, SETTINGS)}
    if previous is None or not carry.taken_again(prior, state, LAG_FILES):
        memos |= {last: encode_pairs(index), carried: carry.encode(state)}
    cache.put_many(memos)
    return clusters


def variant_similarities(request: ScanRequest, clusters: tuple, cache: ParseCache) -> dict[tuple[str, str], float]:
    """similarity() of each variant's representative to its cluster's (what publish shows),
    by their two blind streams, remembered from the last pass: its answers for the same
    streams are the same, and a pass that needs none of them new does not load rapidfuzz."""
    pairs = {(v.representative.blind, c.representative.blind) for c in clusters for v in c.variants}
    if not pairs:
        return {}
    key = f"similar/{SHAPING}/" + key_digest(str(request.repo.resolve()))
    known = cache.get_many([key]).get(key)
    known = known if isinstance(known, dict) else {}
    answers = {pair: known.get(key_digest(pair)) for pair in pairs}
    answers = {pair: value if isinstance(value, float) else similarity(*pair) for pair, value in answers.items()}
    kept = {key_digest(pair): value for pair, value in answers.items()}
    if kept != known:
        cache.put_many({key: kept})
    return answers
