"""The parse cache only ever speeds a pass up: corrupt or foreign entries are misses."""
import sqlite3

from radar.cache import ParseCache


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
