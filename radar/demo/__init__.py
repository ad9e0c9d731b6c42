"""The demo fleet: a real git repository with worktrees and planted patterns, built on the fly.

The product's fixture, not product code: `radar demo` and the tests build it; nothing in a
pass imports it."""
