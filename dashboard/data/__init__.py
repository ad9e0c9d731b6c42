"""Pure functions over snapshot dicts, for the pages: no Streamlit here and nothing that writes.

The dashboard reads ``<out>/snapshots/`` (latest.json, the index of passes, a rebuilt pass when
asked) and nothing else; every optional field of the snapshot schema may be absent and every
function tolerates that. One module per question the pages ask: ``loading`` (what is on disk),
``candidates`` (one pass's backlog), ``backlog_view`` (paging, sorting, what blocks them),
``history`` (across passes, from one row per pass), ``subsystems`` (who shares what),
``dependencies`` (who references whom), ``census``. Pages use them as ``data.X``.
"""
from dashboard.data.backlog_view import (BLOCKER_LABELS, PAGE_SIZES, SORTS, VIEWS, blocked_by, blocker_counts,
                                         blockers, gate_of, in_view, near_gate, page_of, pages, short_list,
                                         sort_candidates)
from dashboard.data.candidates import (candidates, closest_to_gate, consumers, display_name, facets,
                                       filter_candidates, find_candidate, gate_checklist, instances, language,
                                       matches_search, rank, score, unmet_count)
from dashboard.data.census import census_rows
from dashboard.data.dependencies import (dependency_graph, dependency_rows, focus_choices, focus_frames,
                                         home_subsystem)
from dashboard.data.history import candidate_history, drift, last_seen, pass_rows, verdicts_per_pass
from dashboard.data.loading import (DRIFT_KINDS, LATEST_NAME, VERDICTS, Candidate, Loaded, PassRow, Snapshot,
                                    fingerprint, load_history, pass_number, snapshot_dir, snapshot_files, snapshot_of)
from dashboard.data.subsystems import GRAPH_SEED, graph_frames, subsystem_graph, subsystem_rows, unlinked

__all__ = [
    "BLOCKER_LABELS", "PAGE_SIZES", "SORTS", "VIEWS", "blocked_by", "blocker_counts", "blockers", "gate_of",
    "in_view", "near_gate", "page_of", "pages", "short_list", "sort_candidates",
    "DRIFT_KINDS", "GRAPH_SEED", "LATEST_NAME", "VERDICTS", "Candidate", "Loaded", "PassRow", "Snapshot",
    "candidate_history", "candidates", "census_rows", "closest_to_gate", "consumers", "dependency_graph",
    "dependency_rows", "display_name", "drift", "focus_choices", "focus_frames", "home_subsystem",
    "facets", "filter_candidates", "find_candidate", "fingerprint", "gate_checklist", "graph_frames",
    "instances", "language", "last_seen", "load_history", "matches_search", "pass_number", "pass_rows", "rank",
    "score", "snapshot_dir", "snapshot_files", "snapshot_of", "subsystem_graph", "subsystem_rows", "unlinked",
    "unmet_count", "verdicts_per_pass",
]
