"""Bound vocabs kept between passes (stages/analyse.py: Vocabs): taken only for the same
subsystem, language, blob and shapes, giving the shapes a binding afresh gives; anything else
is bound afresh. Real parser."""
from radar.stages.reading import FileWork
from radar.stages.analyse import Vocabs, _bind, analyse_bytes, decode_vocabs, encode_vocabs, vocabs_stamp

SOURCE = '''
def sync(key):
    value = get_acl_backend().fetch(key)
    if value is None:
        raise KeyError("no such key")
    return store.put(key, value)
'''


def work(subsystem: str) -> FileWork:
    return FileWork(subsystem, f"lib/{subsystem}/sync.py", "/nonexistent", "python", None)


def key(subsystem: str, blob: str, compact: tuple) -> tuple:
    return (subsystem, "python", blob, compact[4])


def test_vocabs_kept_by_one_binding_give_the_next_the_same_shapes():
    compact = analyse_bytes(SOURCE.encode(), "python")
    first = Vocabs()
    fresh = _bind(work("acl"), compact, first, "blob-1")
    assert list(first.kept) == [key("acl", "blob-1", compact)] and len(first.kept[key("acl", "blob-1", compact)]) == 2
    again = Vocabs(decode_vocabs(encode_vocabs(first)).earlier)
    assert _bind(work("acl"), compact, again, "blob-1") == fresh == _bind(work("acl"), compact)
    assert again.kept == first.kept


def test_vocabs_are_taken_only_for_the_same_subsystem_and_blob():
    """A subsystem's own name is neutral in its vocab (get_acl_backend in acl), so another
    subsystem's vocab of the same blob differs: poisoned answers under acl's key reach no other."""
    compact = analyse_bytes(SOURCE.encode(), "python")
    poisoned = Vocabs({key("acl", "blob-1", compact): ("x", "y")})
    assert [s.vocab for s in _bind(work("acl"), compact, poisoned, "blob-1").shapes] == ["x", "y"]  # the key is trusted
    for subsystem, blob in (("feed", "blob-1"), ("acl", "blob-2")):
        bound = _bind(work(subsystem), compact, Vocabs(poisoned.earlier), blob)
        assert bound == _bind(work(subsystem), compact)
    other_shapes = analyse_bytes(SOURCE.replace("store.put", "store.set").encode(), "python")  # under the same blob
    assert _bind(work("acl"), other_shapes, Vocabs(poisoned.earlier), "blob-1") == _bind(work("acl"), other_shapes)
    assert _bind(work("acl"), compact).shapes[0].vocab != _bind(work("feed"), compact).shapes[0].vocab


def test_an_entry_that_does_not_fit_is_bound_afresh():
    compact = analyse_bytes(SOURCE.encode(), "python")
    fresh = _bind(work("acl"), compact)
    for wrong in (("x",), ("x", 1), ["x", "y"], "xy", None):
        assert _bind(work("acl"), compact, Vocabs({key("acl", "blob-1", compact): wrong}), "blob-1") == fresh


def test_vocabs_from_other_code_or_garbage_are_not_read():
    kept = {("acl", "python", "blob-1", "digest"): ("a", "b")}
    assert decode_vocabs(encode_vocabs(Vocabs(kept=kept))).earlier == kept
    assert vocabs_stamp() is not None
    for garbage in (None, (), ("another code", kept), (vocabs_stamp(), [kept]), (None, kept), 42):
        assert decode_vocabs(garbage).earlier == {}


def test_bound_shapes_are_the_shapes_the_constructor_makes():
    """Binding builds shapes without the dataclass's __init__ (analyse._bind): field for field
    the same objects, equal, hashing alike."""
    from dataclasses import astuple, fields

    from radar.stages.shape import Shape
    shapes = _bind(work("acl"), analyse_bytes(SOURCE.encode(), "python")).shapes
    assert shapes
    for shape in shapes:
        made = Shape(*astuple(shape))
        assert shape == made and hash(shape) == hash(made) and vars(shape) == vars(made)
        assert list(vars(shape)) == [f.name for f in fields(Shape)]
