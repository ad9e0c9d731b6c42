"""The parse cache only ever speeds a pass up: corrupt or foreign entries are misses."""
import sqlite3

from radar.infra.cache import ParseCache


def test_round_trip_and_misses(tmp_path):
    cache = ParseCache(tmp_path)
    key = ParseCache.key("python", "abc123")
    cache.put_many({key: (None, False, (("function", "f", 1, 2, 3, "e", "b", "n", (1, 2)),))})
    assert cache.get_many([key, ParseCache.key("python", "other")]) == {
        key: (None, False, (("function", "f", 1, 2, 3, "e", "b", "n", (1, 2)),))}
    cache.close()


def test_a_corrupt_or_forged_entry_is_never_trusted(tmp_path):
    cache = ParseCache(tmp_path)
    key = ParseCache.key("python", "abc123")
    cache.put_many({key: (None, False, ())})
    cache.close()
    db = sqlite3.connect(tmp_path / "parse-cache.sqlite")
    with db:
        db.execute("UPDATE entry SET payload = ? WHERE key = ?", (b"\x00garbage", key))
    db.close()
    assert ParseCache(tmp_path).get_many([key]) == {}


def test_a_version_bump_changes_every_key():
    assert ParseCache.key("python", "abc") != ParseCache.key("clojure", "abc")
    assert "abc" in ParseCache.key("python", "abc")


def test_an_unusable_cache_folder_only_costs_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ParseCache(blocker / "cache")
    cache.put_many({"k": 1})
    assert cache.get_many(["k"]) == {}


def test_old_memos_and_other_versions_parses_are_dropped(tmp_path):
    cache = ParseCache(tmp_path)
    for n in range(30):
        cache.put_many({f"findings/{n:02d}": n})
    cache.put_many({"0.0.1/1/python/abc": 1, ParseCache.key("python", "abc"): 2})
    cache.put_many({"tracked/one/new": 3}, replacing=["tracked/one/"])
    cache.put_many({"tracked/one/newer": 4, "tracked/two/x": 5}, replacing=["tracked/one/", "tracked/two/"])
    cache.keep_latest({"findings/": 5})
    kept = cache.get_many([f"findings/{n:02d}" for n in range(30)])
    assert sorted(kept) == [f"findings/{n:02d}" for n in range(25, 30)]
    assert cache.get_many(["0.0.1/1/python/abc", ParseCache.key("python", "abc")]) == {ParseCache.key("python", "abc"): 2}
    assert cache.get_many(["tracked/one/new", "tracked/one/newer", "tracked/two/x"]) == {
        "tracked/one/newer": 4, "tracked/two/x": 5}
    cache.close()


def test_damaged_payloads_and_entries_under_another_key_are_misses(tmp_path):
    """A flipped bit, a truncation, a payload moved under another key: each is a miss, though
    most of them still unmarshal to a value."""
    cache = ParseCache(tmp_path)
    value = ("name", tuple(range(200)), "x" * 300)
    cache.put_many({"memo/a": value, "memo/b": value})
    cache.close()
    db = sqlite3.connect(tmp_path / "parse-cache.sqlite")
    payload, digest = db.execute("SELECT payload, digest FROM entry WHERE key = 'memo/a'").fetchone()
    damaged = {
        "flipped": payload[:100] + bytes([payload[100] ^ 0x04]) + payload[101:],
        "truncated": payload[:-1],
        "extended": payload + b"\0",
    }
    with db:
        for name, bad in damaged.items():
            db.execute("INSERT INTO entry VALUES (?, ?, ?)", (f"memo/{name}", digest, bad))
        db.execute("INSERT INTO entry VALUES ('memo/moved', ?, ?)", (digest, payload))
    db.close()
    cache = ParseCache(tmp_path)
    assert cache.get_many(["memo/a", "memo/b", "memo/moved", *(f"memo/{name}" for name in damaged)]) == {
        "memo/a": value, "memo/b": value}
    cache.close()


def test_a_new_cache_has_large_pages_and_an_older_one_keeps_its_own(tmp_path):
    from radar.infra.cache import PAGE_SIZE
    cache = ParseCache(tmp_path / "new")
    cache.put_many({"memo/a": "x" * 100_000})
    assert cache._db.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,)
    cache.close()
    old = sqlite3.connect(tmp_path / "parse-cache.sqlite")  # as an earlier radar made it
    old.execute("PRAGMA journal_mode=WAL")
    old.execute("CREATE TABLE entry (key TEXT PRIMARY KEY, digest BLOB, payload BLOB)")
    old.close()
    cache = ParseCache(tmp_path)
    cache.put_many({"memo/a": "x" * 100_000})
    assert cache._db.execute("PRAGMA page_size").fetchone() == (4096,)
    assert cache.get_many(["memo/a"]) == {"memo/a": "x" * 100_000}
    cache.close()
