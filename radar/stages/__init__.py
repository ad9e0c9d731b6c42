"""The pass's stages, in the order data flows through them.

Finding: discover (the scan surface) → reading (which files, their content ids; languages: which
language each is in) → parse (tree-sitter units and references) → shape (normalised tokens) and
content (what a unit says: called names, strings, behaviour) → analyse (one file: parse, shape) →
candidates (pairs worth aligning) → cluster (clusters, their nature and families) → deps (the
dependency graph between subsystems).
Judging: history (ids, what moved since the last pass) → gate (the AHA verdict, homes) → rank
(score) → census (recurring names). Each is a function of frozen dataclasses; none writes.
"""
