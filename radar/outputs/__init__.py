"""What a pass publishes, and the formats it is read in: the snapshot JSON and its schema
(publish), the markdown backlog (backlog), SARIF (sarif), one candidate explained (explain)."""
