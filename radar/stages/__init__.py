"""The pass's stages, in the order data flows through them.

Finding: discover (the scan surface) → parse (tree-sitter units) → shape (normalised tokens)
→ analyse (one file: read, parse, shape) → candidates (pairs worth aligning) → cluster.
Judging: history (ids, what moved since the last pass) → gate (the AHA verdict) → rank
(score) → census (recurring names). Each is a function of frozen dataclasses; none writes.
"""
