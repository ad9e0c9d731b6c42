"""Infrastructure the stages stand on: git run with a scrubbed environment (gitdoor), the
SQLite store for memos (cache), atomic writes and the --out lock (storage), the history of
passes under --out (records, deltas, compaction), worker processes
and Dask (executors). No decisions about code live here."""
