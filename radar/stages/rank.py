"""Rank stage: score = consumers × effort saved ÷ risk, each term kept for `radar explain`.

- consumers: distinct subsystems holding the shape.
- effort saved: the copies that would go, in hundreds of tokens: (instances − 1) × tokens / 100,
  times the share of content the copies have in common (logic shared, not just a shape).
- risk: 1, plus 20 × (1 − similarity) for near-miss copies that must be reconciled, plus the
  share of unstable instances (×2: a moving target), plus 1 without a natural home, plus 1
  when too thin to extract.
Ties break on id, so the order never depends on input order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the gate's candidates; a pass that publishes the last pass's ranking again gates nothing
    from radar.stages.gate import Candidate

VERDICT_ORDER = {"proposed": 0, "watching": 1, "done": 2, "rejected": 3}


@dataclass(frozen=True)
class Score:
    consumers: int
    effort: float
    shared_content: float
    risk: float
    value: float
    explanation: str


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: Score
    rank: int  # 1-based within its verdict


def score(candidate: Candidate) -> Score:
    instances = candidate.instances
    consumers = len(candidate.consumers)
    tokens = candidate.cluster.representative.size
    shared = candidate.cluster.shared_content
    effort = round((len(instances) - 1) * tokens / 100 * shared, 2)
    unstable = sum(not i.stable for i in instances) / len(instances)
    near_miss = 20 * (1 - candidate.cluster.similarity)
    homeless = 0 if candidate.routing.home else 1
    thin = 0 if all(c.met for c in candidate.checks if c.criterion == "size") else 1
    risk = round(1 + near_miss + 2 * unstable + homeless + thin, 2)
    value = round(consumers * effort / risk, 1)
    explanation = (
        f"{consumers} consumers × {effort:g} effort ({len(instances)} instances, {len(instances) - 1} copies "
        f"of {tokens} tokens × {shared:.2f} shared content) ÷ {risk:g} risk (1 + {near_miss:.2f} near-miss + {2 * unstable:.2f} "
        f"unstable + {homeless} no home + {thin} too thin) = {value:g}"
    )
    return Score(consumers, effort, shared, risk, value, explanation)


def rank(candidates: tuple[Candidate, ...]) -> tuple[Ranked, ...]:
    scored = [(candidate, score(candidate)) for candidate in candidates]
    scored.sort(key=lambda pair: (VERDICT_ORDER[pair[0].verdict], -pair[1].value, pair[0].id))
    ranked = []
    position: dict[str, int] = {}
    for candidate, value in scored:
        position[candidate.verdict] = position.get(candidate.verdict, 0) + 1
        ranked.append(Ranked(candidate, value, position[candidate.verdict]))
    return tuple(ranked)
