"""What a pass takes from the last one besides the findings: each variant's similarity."""
from pathlib import Path

from radar.infra.cache import ParseCache
from radar.request import ScanRequest
from radar.reuse.incremental import variant_similarities
from radar.stages.cluster import cluster
from radar.stages.shape import similarity
from stage_fixtures import RANDOM_ID, RANDOM_ID_VARIANT, shapes

def _clusters(variant: str):
    sources = {**{name: RANDOM_ID for name in ("emr", "dms", "iot")}, **{name: variant for name in ("ssm", "kms")}}
    return tuple(cluster([s for name, text in sources.items() for s in shapes(name, text, f"lib/{name}/m.py")]))


def test_variant_similarities_are_those_computed_and_follow_the_streams(tmp_path: Path):
    request = ScanRequest(tmp_path / "repo", None, tmp_path / "out", tmp_path / "cache")
    memo = ParseCache(tmp_path / "cache")
    edited = RANDOM_ID_VARIANT.replace("    return prefix + body", "    body = body.lower()\n    return prefix + body")
    pairs = []
    try:
        for variant in (RANDOM_ID_VARIANT, RANDOM_ID_VARIANT, edited):  # computed, remembered, computed for the new stream
            clusters = _clusters(variant)
            [helper] = [c for c in clusters if c.variants]
            pairs.append((helper.variants[0].representative.blind, helper.representative.blind))
            assert variant_similarities(request, clusters, memo) == {pairs[-1]: similarity(*pairs[-1])}
        assert pairs[0] == pairs[1] != pairs[2]
    finally:
        memo.close()
