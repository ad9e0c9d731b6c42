"""Nesting: a unit and the unit around it count once, and of a cluster and the cluster inside
its members the backlog reports one (the larger, unless the inner one is the real shape)."""
import pytest

from radar.stages.cluster import Cluster
from radar.stages.nesting import largest_only, without_nesting
from radar.stages.shape import Shape


def unit(subsystem: str, start: int, end: int, size: int, kind: str = "function", path: str = "m.py") -> Shape:
    return Shape(subsystem, f"{subsystem}/{path}", "python", kind, f"u{start}", start, end, size,
                 f"e{subsystem}{start}", "", "", ())


def cluster_of(members: list[Shape], similarity: float) -> Cluster:
    return Cluster(tuple(members), 0, (similarity,) * len(members))


def test_a_unit_and_the_unit_around_it_count_once_keeping_the_closer():
    method, around = unit("a", 5, 9, 40, "method"), unit("a", 1, 20, 90, "class")
    elsewhere = unit("a", 5, 9, 40, "method", path="other.py")  # the same lines of another file
    kept, sims = without_nesting([around, method, elsewhere], [0.8, 0.95, 0.7])
    assert kept == [method, elsewhere]
    assert sims == [0.95, 0.7]


def test_the_larger_cluster_is_reported_not_the_one_inside_its_members():
    functions = cluster_of([unit(s, 1, 30, 100) for s in "abc"], 0.9)
    parts = cluster_of([unit(s, 10, 15, 30) for s in "abc"], 0.95)
    assert largest_only([functions, parts]) == [functions]


@pytest.mark.parametrize("hosts, kept", [("abc", "core"), ("abcd", "noisy")])
def test_an_inner_cluster_most_of_its_host_and_more_faithful_is_the_shape_unless_it_spans_fewer(hosts, kept):
    clusters = {"noisy": cluster_of([unit(s, 1, 30, 100) for s in hosts], 0.75),
                "core": cluster_of([unit(s, 3, 28, 80) for s in "abc"], 0.98)}
    assert largest_only([clusters["noisy"], clusters["core"]]) == [clusters[kept]]


def test_blocks_mostly_inside_a_cluster_of_functions_are_those_functions_parts():
    functions = cluster_of([unit(s, 1, 30, 100) for s in "abc"], 0.9)
    blocks = cluster_of([unit(s, 10, 15, 30, "block") for s in "ab"] + [unit("d", 10, 15, 30, "block")], 0.9)
    assert largest_only([functions, blocks]) == [functions]
    lone_functions = cluster_of([unit(s, 10, 15, 30) for s in "ab"] + [unit("d", 10, 15, 30)], 0.9)
    assert largest_only([functions, lone_functions]) == [functions, lone_functions]
