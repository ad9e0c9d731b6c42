"""Infrastructure the stages stand on: git run with a scrubbed environment (gitdoor), the
SQLite store for memos (cache), atomic writes and the --out lock (storage), the history of
passes under --out (records, deltas, compaction), worker processes and Dask (executors), the
cycle collector paused while a pass clusters (collector). No decisions about code live here."""
