"""What a pass publishes, and the formats it is read in: the snapshot JSON and its schema
(publish), the markdown backlog (backlog, census_md), SARIF (sarif), one candidate explained
(explain), the census's dependencies (dependencies), the history records' schema."""
