"""The clusters memo: a pass's clusters as positions among the fleet's shapes, and back."""
import dataclasses
import random

from radar.reuse.clusters_memo import from_memo, memo_of
from radar.stages.cluster import cluster
from radar.stages.shape import shape_order
from stages.test_cluster import fleet_shapes, shapes_of


def test_a_clusters_memo_names_each_member_by_its_place_among_all_shapes_sorted():
    """memo_of sorts the files, then the shapes of those that hold a member: the places one sort
    of all shapes gives (files named in another order than their subsystems, units of one file
    starting on one line, exact ties), and from_memo gives back the same shapes."""
    renamed = {}
    shapes = [dataclasses.replace(s, path=renamed.setdefault((s.subsystem, s.path), f"{9 - len(renamed)}/{s.path}"))
              for s in fleet_shapes()]
    member = cluster(shapes)[0].members[0]
    shapes += [dataclasses.replace(member, end_line=member.end_line + 5, name="wider"),
               dataclasses.replace(member, name="twin")]
    lonely = "def lonely(a, b):\n    total = [a * b for _ in range(a)]\n    return sorted(total, reverse=b)\n"
    shapes += shapes_of("aaa", lonely, "0/first.py")  # a file no cluster holds, placed before them all
    for seed in range(8):
        mixed = random.Random(seed).sample(shapes, len(shapes))
        clusters = cluster(mixed)
        assert all("aaa" not in c.subsystems for c in clusters)
        position = {id(shape): index for index, shape in enumerate(sorted(mixed, key=shape_order))}
        expected = tuple((tuple(position[id(m)] for m in c.members), c.medoid, c.similarities, c.content, c.nature,
                          tuple((tuple(position[id(m)] for m in v.members), v.medoid, v.similarities, v.content,
                                 v.nature, (), v.defined_by) for v in c.variants), c.defined_by) for c in clusters)
        files: dict[tuple, list] = {}  # each file's shapes, in the order given
        for shape in mixed:
            files.setdefault((shape.subsystem, shape.path), []).append(shape)
        assert memo_of(clusters, [(), *map(tuple, files.values())]) == expected
        assert from_memo(memo_of(clusters, files.values()), mixed) == clusters
