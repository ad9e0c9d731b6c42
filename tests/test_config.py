"""Rules loading: the three YAML files, strict validation, matching, and recording verdicts."""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar import config
from radar.config import (
    ConfigError,
    Decision,
    FleetRules,
    GateRules,
    Match,
    Route,
    Rules,
    append_decision,
    load_rules,
    matches,
)

RADAR_YAML = """\
fleet:
  worktree_namespace: "lib/{name}"   # own namespace inside worktree {name}
  main_namespaces: ["lib/*"]
  subsystems: ["packages/*"]
  exclude: ["**/node_modules/**", "**/vendor/**", "build/"]
languages:
  ".sx": clojure
  ".h2": c
gate:
  min_consumers: 4
  stable_days: 0
  min_similarity: 1
  min_tokens: 20
"""

ROUTING_YAML = """\
- kind: conformance / test harness
  home: lib/guest
  match:
    paths: ["**/conformance.sh", "**/test-harness.*"]
    names: ["*-test*"]
- kind: pinned
  home: lib/core
  match: {id: C-000001}
"""

DECISIONS_YAML = """\
# human verdicts
- match:                      # by candidate id, or by globs as in routing
    id: C-3f2a9c
    paths: ["**/normalize.sx"]
  verdict: rejected            # rejected | done | watching
  reason: "name collision: same noun, domain-specific op"

- match: {names: ["parse-*"]}
  verdict: watching
  reason: wait for a fourth consumer
"""


def write(directory: Path, **files: str | bytes) -> Path:
    """write(tmp_path, radar="...") writes radar.yaml; returns the directory."""
    directory.mkdir(parents=True, exist_ok=True)
    for stem, text in files.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (directory / f"{stem}.yaml").write_bytes(data)
    return directory


# --- loading valid files -----------------------------------------------------------------

def test_each_file_loads_into_its_dataclasses(tmp_path):
    rules = load_rules(write(tmp_path, radar=RADAR_YAML, routing=ROUTING_YAML,
                             decisions=DECISIONS_YAML))
    assert rules.fleet == FleetRules(
        worktree_namespace="lib/{name}", main_namespaces=("lib/*",), subsystems=("packages/*",),
        exclude=("**/node_modules/**", "**/vendor/**", "build/"))
    assert rules.languages == ((".sx", "clojure"), (".h2", "c"))
    assert rules.gate == GateRules(min_consumers=4, stable_days=0, min_similarity=1.0,
                                   min_tokens=20)
    assert isinstance(rules.gate.min_similarity, float)
    assert rules.routing == (
        Route("conformance / test harness", "lib/guest",
              Match(paths=("**/conformance.sh", "**/test-harness.*"), names=("*-test*",))),
        Route("pinned", "lib/core", Match(id="C-000001")),
    )
    assert rules.decisions == (
        Decision(Match(id="C-3f2a9c", paths=("**/normalize.sx",)), "rejected",
                 "name collision: same noun, domain-specific op", line=2),
        Decision(Match(names=("parse-*",)), "watching", "wait for a fourth consumer", line=8),
    )
    assert rules.source == str(tmp_path)


def test_partial_sections_keep_the_dataclass_defaults(tmp_path):
    rules = load_rules(write(tmp_path, radar="gate:\n  min_tokens: 10\nfleet:\n"))
    assert rules.gate == dataclasses.replace(GateRules(), min_tokens=10)
    assert rules.fleet == FleetRules()


def test_inferred_homes_are_on_by_default_and_can_be_turned_off(tmp_path):
    assert GateRules().infer_homes is True
    rules = load_rules(write(tmp_path, radar="gate:\n  infer_homes: false\n"))
    assert rules.gate == dataclasses.replace(GateRules(), infer_homes=False)


def test_none_means_builtin_defaults():
    assert load_rules(None) == Rules()


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "---\n", "~\n", "\ufeff"])
def test_missing_and_empty_files_mean_defaults(tmp_path, text):
    assert load_rules(tmp_path) == Rules(source=str(tmp_path))
    rules = load_rules(write(tmp_path, radar=text, routing=text, decisions=text))
    assert rules == Rules(source=str(tmp_path))


def test_missing_rules_dir_is_an_error(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path / "nope")
    assert err.value.file == str(tmp_path / "nope")
    (tmp_path / "plain").write_text("")
    with pytest.raises(ConfigError):
        load_rules(tmp_path / "plain")


def test_a_rules_file_that_is_a_directory_is_an_error(tmp_path):
    (tmp_path / "routing.yaml").mkdir()
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert err.value.file == str(tmp_path / "routing.yaml")


def test_one_table_of_defaults():
    """Every field of the rules dataclasses has exactly one reader, and nothing else."""
    assert set(config._FLEET_FIELDS) == {f.name for f in dataclasses.fields(FleetRules)}
    assert set(config._GATE_FIELDS) == {f.name for f in dataclasses.fields(GateRules)}


# --- errors: file, line and key ------------------------------------------------------------

RADAR_ERRORS = [
    ("flet: {}\n", 1, "flet"),
    ("gate:\n  min_tokens: 5\nrouting: []\n", 3, "routing"),
    ("fleet:\n  exclud: []\n", 2, "fleet.exclud"),
    ("gate: [1]\n", 1, "gate"),
    ("gate:\n  min_consumers: 0\n", 2, "gate.min_consumers"),
    ("gate:\n  min_consumers: true\n", 2, "gate.min_consumers"),
    ("gate:\n  min_consumers: 2.0\n", 2, "gate.min_consumers"),
    ("gate:\n  min_consumers: '3'\n", 2, "gate.min_consumers"),
    ("gate:\n  stable_days: -1\n", 2, "gate.stable_days"),
    ("gate:\n  stable_days:\n", 2, "gate.stable_days"),
    ("gate:\n  min_similarity: high\n", 2, "gate.min_similarity"),
    ("gate:\n  min_similarity: 0\n", 2, "gate.min_similarity"),
    ("gate:\n  min_similarity: 1.01\n", 2, "gate.min_similarity"),
    ("gate:\n  min_similarity: .nan\n", 2, "gate.min_similarity"),
    ("gate:\n  min_similarity: false\n", 2, "gate.min_similarity"),
    ("gate:\n  min_tokens: 0\n", 2, "gate.min_tokens"),
    ("gate:\n  infer_homes: maybe\n", 2, "gate.infer_homes"),
    ("gate:\n  infer_homes: 0\n", 2, "gate.infer_homes"),
    ("gate:\n  min_tokens: 1\n  min_tokens: 2\n", 3, "gate.min_tokens"),
    ("fleet:\n  exclude: '**/x'\n", 2, "fleet.exclude"),
    ("fleet:\n  exclude:\n    - a\n    - ''\n", 4, "fleet.exclude[1]"),
    ("fleet:\n  main_namespaces: ['lib/[ab']\n", 2, "fleet.main_namespaces[0]"),
    ("fleet:\n  subsystems: [3]\n", 2, "fleet.subsystems[0]"),
    ("fleet:\n  worktree_namespace: lib/x\n", 2, "fleet.worktree_namespace"),
    ("fleet:\n  worktree_namespace: 'lib/{name}/{other}'\n", 2, "fleet.worktree_namespace"),
    ("fleet:\n  worktree_namespace: 'lib/{name'\n", 2, "fleet.worktree_namespace"),
    ("fleet:\n  worktree_namespace: 'lib/{name!r}'\n", 2, "fleet.worktree_namespace"),
    ("languages:\n  sx: clojure\n", 2, "languages.sx"),
    ("languages:\n  '.': clojure\n", 2, "languages['.']"),
    ("languages:\n  '.sx': 3\n", 2, "languages['.sx']"),
    ("languages:\n  .sx: [clojure]\n", 2, "languages['.sx']"),
    ("languages:\n  .sx: a\n  .sx: b\n", 3, "languages['.sx']"),
    ("languages: ['.sx']\n", 1, "languages"),
    ("- fleet\n", 1, None),
    ("just text\n", 1, None),
    ("1: x\n", 1, None),
    ("gate:\n  min_tokens: [1\n", 3, None),  # malformed YAML: the mark of the yaml error
    ("gate:\n\tmin_tokens: 1\n", 2, None),
    ("gate: {}\n---\ngate: {}\n", 2, None),
    ("gate:\n  min_tokens: !!int abc\n", 2, "gate.min_tokens"),
    ("gate:\n  min_tokens: !!bool maybe\n", 2, "gate.min_tokens"),
    ("gate:\n  min_tokens: !!python/object/apply:os.getcwd []\n", 2, "gate.min_tokens"),
    ("fleet: !!python/object:os.system {}\n", 1, "fleet"),
    ("fleet:\n  worktree_namespace: 2020-01-01\n", 2, "fleet.worktree_namespace"),
    ("fleet: &a\n  exclude: [*a]\n", 1, "fleet.exclude[0]"),  # an alias: where its anchor is
    ("base: &b {min_tokens: 3}\ngate:\n  <<: *b\n", 1, "base"),
    ("gate:\n  <<: {min_tokens: 3}\n", 2, "gate"),
]


@pytest.mark.parametrize(("text", "line", "key"), RADAR_ERRORS)
def test_radar_yaml_errors_name_file_line_and_key(tmp_path, text, line, key):
    write(tmp_path, radar=text)
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert (err.value.file, err.value.line, err.value.key) == (
        str(tmp_path / "radar.yaml"), line, key)
    assert err.value.message


ROUTING_ERRORS = [
    ("kind: x\n", 1, "routing"),
    ("- just a string\n", 1, "routing[0]"),
    ("- kind: k\n  match: {id: C-1}\n", 1, "routing[0].home"),
    ("- home: h\n  match: {id: C-1}\n", 1, "routing[0].kind"),
    ("- kind: k\n  home: h\n", 1, "routing[0].match"),
    ("- kind: 3\n  home: h\n  match: {id: C-1}\n", 1, "routing[0].kind"),
    ("- kind: k\n  home: ''\n  match: {id: C-1}\n", 2, "routing[0].home"),
    ("- kind: k\n  home: h\n  match: {}\n", 3, "routing[0].match"),
    ("- kind: k\n  home: h\n  match: {paths: []}\n", 3, "routing[0].match"),
    ("- kind: k\n  home: h\n  match: {path: ['*']}\n", 3, "routing[0].match.path"),
    ("- kind: k\n  home: h\n  homes: x\n  match: {id: C-1}\n", 3, "routing[0].homes"),
    ("- kind: k\n  home: h\n  match: {id: C-1}\n"
     "- kind: k\n  home: h\n  match:\n    paths:\n      - '*.sh'\n      - 'a/[b'\n",
     9, "routing[1].match.paths[1]"),
    ("- kind: k\n  home: h\n  match: {names: '*'}\n", 3, "routing[0].match.names"),
]


@pytest.mark.parametrize(("text", "line", "key"), ROUTING_ERRORS)
def test_routing_yaml_errors_name_file_line_and_key(tmp_path, text, line, key):
    write(tmp_path, routing=text)
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert (err.value.file, err.value.line, err.value.key) == (
        str(tmp_path / "routing.yaml"), line, key)


DECISION_ERRORS = [
    ("match: {id: C-1}\n", 1, "decisions"),
    ("- match: {id: C-1}\n  verdict: rejcted\n  reason: r\n", 2, "decisions[0].verdict"),
    ("- match: {id: C-1}\n  verdict: proposed\n  reason: r\n", 2, "decisions[0].verdict"),
    ("- match: {id: C-1}\n  verdict: done\n", 1, "decisions[0].reason"),
    ("- match: {id: C-1}\n  verdict: done\n  reason: ''\n", 3, "decisions[0].reason"),
    ("- verdict: done\n  reason: r\n", 1, "decisions[0].match"),
    ("- match: {}\n  verdict: done\n  reason: r\n", 1, "decisions[0].match"),
    ("- match: {id: 3}\n  verdict: done\n  reason: r\n", 1, "decisions[0].match.id"),
    ("- match: {id: C-1}\n  verdict: done\n  reason: r\n  note: x\n", 4, "decisions[0].note"),
]


@pytest.mark.parametrize(("text", "line", "key"), DECISION_ERRORS)
def test_decisions_yaml_errors_name_file_line_and_key(tmp_path, text, line, key):
    write(tmp_path, decisions=text)
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert (err.value.file, err.value.line, err.value.key) == (
        str(tmp_path / "decisions.yaml"), line, key)


def test_undecodable_and_control_characters_report_the_line(tmp_path):
    write(tmp_path, radar=b"gate:\n  min_tokens: 3\n# caf\xe9\n")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert err.value.line == 3
    write(tmp_path, radar="gate:\n  min_tokens: 3 \x07\n")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert err.value.line == 2


def test_a_typo_suggests_the_closest_key(tmp_path):
    write(tmp_path, radar="gate:\n  min_similarty: 0.5\n")
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    assert "min_similarity" in err.value.message


def test_deep_nesting_is_a_config_error(tmp_path):
    write(tmp_path, radar="[" * 1500 + "]" * 1500)
    with pytest.raises(ConfigError):
        load_rules(tmp_path)


def test_matches_by_id_paths_or_names():
    by_id = Match(id="C-1")
    assert matches(by_id, "C-1", [], [])
    assert not matches(by_id, "C-2", ["a.sh"], ["f"])
    by_paths = Match(paths=("**/conformance.sh",))
    assert matches(by_paths, "C-9", iter(["lib/a/x.py", "lib/b/conformance.sh"]), [])
    assert not matches(by_paths, "C-9", ["lib/a/x.py"], ["conformance.sh"])
    by_names = Match(names=("*-test*",))
    assert matches(by_names, "C-9", [], iter(["run", "acl-tests"]))
    assert not matches(by_names, "C-9", ["acl-tests"], ["run"])
    assert not matches(Match(), "C-1", ["a"], ["b"])


# --- append_decision ------------------------------------------------------------------------

def test_append_creates_the_dir_and_file_and_round_trips(tmp_path):
    rules_dir = tmp_path / "rules" / "nested"
    path = append_decision(rules_dir, "C-3f2a9c", "rejected", 'name "collision": same noun #1')
    assert path == rules_dir / "decisions.yaml"
    assert load_rules(rules_dir).decisions == (
        Decision(Match(id="C-3f2a9c"), "rejected", 'name "collision": same noun #1', line=1),)
    append_decision(rules_dir, "C-000002", "done", "extracted to lib/guest")
    assert [d.verdict for d in load_rules(rules_dir).decisions] == ["rejected", "done"]
    assert [p.name for p in rules_dir.iterdir()] == ["decisions.yaml"]  # no temp file left


@pytest.mark.parametrize("existing", [
    DECISIONS_YAML,
    DECISIONS_YAML.rstrip("\n"),  # no final newline
    "# nothing decided yet\n",
    "",
    "  - match: {id: C-1}\n    verdict: done\n    reason: r\n  # indented list\n",
    "- match: {id: C-1}\r\n  verdict: done\r\n  reason: r\r\n",
    "---\n- match: {id: C-1}\n  verdict: done\n  reason: r\n",
])
def test_append_keeps_existing_text_byte_for_byte(tmp_path, existing):
    write(tmp_path, decisions=existing)
    before = load_rules(tmp_path).decisions
    append_decision(tmp_path, "C-new", "watching", "needs a 3rd consumer")
    data = (tmp_path / "decisions.yaml").read_bytes()
    assert data.startswith(existing.encode())
    after = load_rules(tmp_path).decisions
    assert after[:-1] == before
    assert after[-1].match == Match(id="C-new")
    assert (after[-1].verdict, after[-1].reason) == ("watching", "needs a 3rd consumer")


@pytest.mark.parametrize(("verdict", "candidate", "reason"), [
    ("rejcted", "C-1", "r"), ("proposed", "C-1", "r"), ("done", "", "r"), ("done", "C-1", " "),
])
def test_append_refuses_bad_arguments_and_leaves_the_file_alone(tmp_path, verdict, candidate,
                                                                 reason):
    write(tmp_path, decisions=DECISIONS_YAML)
    with pytest.raises(ConfigError) as err:
        append_decision(tmp_path, candidate, verdict, reason)
    assert err.value.file == str(tmp_path / "decisions.yaml")
    assert (tmp_path / "decisions.yaml").read_text() == DECISIONS_YAML


@pytest.mark.parametrize("existing", [
    "- match: {id: C-1}\n  verdict: nope\n  reason: r\n",  # already broken
    "[]\n",  # a flow list cannot be appended to as text
    "- {match: {id: C-1}, verdict: done, reason: r}\n...\n",  # document end marker
])
def test_append_never_leaves_a_broken_file(tmp_path, existing):
    write(tmp_path, decisions=existing)
    with pytest.raises(ConfigError):
        append_decision(tmp_path, "C-2", "done", "r")
    assert (tmp_path / "decisions.yaml").read_text() == existing
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.yaml"]


@settings(max_examples=60, deadline=None)
@given(candidate=st.text(min_size=1).filter(str.strip),
       reason=st.text(min_size=1).filter(str.strip), verdict=st.sampled_from(config.VERDICTS))
def test_append_round_trips_any_text(candidate, reason, verdict):
    with tempfile.TemporaryDirectory() as name:
        append_decision(Path(name), candidate, verdict, reason)
        (decision,) = load_rules(Path(name)).decisions
        assert (decision.match, decision.verdict, decision.reason) == (
            Match(id=candidate), verdict, reason)


# --- properties -------------------------------------------------------------------------------

PROPERTY = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20).filter(
    str.strip)
segments = st.one_of(
    st.just("**"),
    st.lists(st.sampled_from(["a", "b", "x.", "_", "-", "*", "?", "[ab]", "[!c]", "[a-z]", "é"]),
             min_size=1, max_size=4).map("".join))
globs = st.builds(lambda lead, parts, trail: lead + "/".join(parts) + trail,
                  st.sampled_from(["", "/"]), st.lists(segments, min_size=1, max_size=4),
                  st.sampled_from(["", "/"]))
glob_lists = st.lists(globs, max_size=3)
namespaces = st.builds(lambda a, b: f"{a}{{name}}{b}",
                       st.text("ab/_-.", max_size=6), st.text("ab/_-.", max_size=6))
extensions = st.text(st.characters(exclude_characters="/", exclude_categories=("Cs", "Zs", "Cc")),
                     min_size=1, max_size=5).map(lambda s: "." + s).filter(
                         lambda s: s == s.strip())
fleets = st.fixed_dictionaries({}, optional={
    "worktree_namespace": namespaces, "main_namespaces": glob_lists,
    "subsystems": glob_lists, "exclude": glob_lists})
gates = st.fixed_dictionaries({}, optional={
    "min_consumers": st.integers(1, 10**6),
    "stable_days": st.integers(0, 10**6),
    "min_similarity": st.floats(0, 1, exclude_min=True) | st.just(1),
    "min_tokens": st.integers(1, 10**6)})
radars = st.fixed_dictionaries({}, optional={
    "fleet": fleets, "gate": gates, "languages": st.dictionaries(extensions, texts, max_size=3)})
match_dicts = st.fixed_dictionaries({}, optional={
    "id": texts, "paths": glob_lists, "names": glob_lists}).filter(
        lambda m: "id" in m or m.get("paths") or m.get("names"))
routes = st.fixed_dictionaries({"kind": texts, "home": texts, "match": match_dicts})
decisions = st.fixed_dictionaries({"match": match_dicts, "reason": texts,
                                   "verdict": st.sampled_from(config.VERDICTS)})


def to_match(m: dict) -> Match:
    return Match(id=m.get("id"), paths=tuple(m.get("paths", ())), names=tuple(m.get("names", ())))


@PROPERTY
@given(radar=radars, routing=st.lists(routes, max_size=3),
       decided=st.lists(decisions, max_size=3))
def test_any_valid_config_loads_to_the_same_values(radar, routing, decided):
    with tempfile.TemporaryDirectory() as name:
        write(Path(name), radar=yaml.safe_dump(radar, sort_keys=False),
              routing=yaml.safe_dump(routing), decisions=yaml.safe_dump(decided))
        rules = load_rules(Path(name))
    fleet = {k: v if isinstance(v, str) else tuple(v) for k, v in radar.get("fleet", {}).items()}
    assert rules.fleet == FleetRules(**fleet)
    assert rules.gate == GateRules(**radar.get("gate", {}))
    assert rules.languages == tuple(radar.get("languages", {}).items())
    assert rules.routing == tuple(Route(r["kind"], r["home"], to_match(r["match"]))
                                  for r in routing)
    assert [(d.match, d.verdict, d.reason) for d in rules.decisions] == [
        (to_match(d["match"]), d["verdict"], d["reason"]) for d in decided]


KNOWN_KEYS = ["fleet", "gate", "languages", "worktree_namespace", "main_namespaces", "exclude",
              "subsystems", "min_consumers", "stable_days", "min_similarity", "min_tokens",
              "kind", "home", "match", "id", "paths", "names", "verdict", "reason", ".sx"]
leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
                   st.sampled_from(["rejected", "lib/{name}", "**/x", "[", "", "C-1"]))
structures = st.recursive(
    leaves,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(KNOWN_KEYS) | st.text(max_size=5) | st.integers(), children,
        max_size=4),
    max_leaves=20)


def load_or_config_error(**files: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        write(Path(name), **files)
        try:
            load_rules(Path(name))
        except ConfigError:
            pass


@PROPERTY
@given(stem=st.sampled_from(["radar", "routing", "decisions"]), text=st.text(max_size=200))
def test_arbitrary_text_loads_or_raises_config_error(stem, text):
    load_or_config_error(**{stem: text.encode("utf-8", "surrogatepass")})


@PROPERTY
@given(stem=st.sampled_from(["radar", "routing", "decisions"]), data=st.binary(max_size=100))
def test_arbitrary_bytes_load_or_raise_config_error(stem, data):
    load_or_config_error(**{stem: data})


@PROPERTY
@given(stem=st.sampled_from(["radar", "routing", "decisions"]), value=structures)
def test_arbitrary_structures_load_or_raise_config_error(stem, value):
    load_or_config_error(**{stem: yaml.safe_dump(value, sort_keys=False)})


@pytest.mark.parametrize(("text", "message"), [
    ("gate:\n  min_consumers: lots\n", "expected a whole number >= 1, got"),
    ("gate:\n  stable_days: -1\n", "expected a whole number >= 0, got"),
    ("gate:\n  min_similarity: 1.5\n", "expected a number between 0 and 1 (0 excluded), got"),
])
def test_a_bad_gate_setting_says_what_was_expected_and_what_it_got(tmp_path, text, message):
    write(tmp_path, radar=text)
    with pytest.raises(ConfigError) as err:
        load_rules(tmp_path)
    value = text.split(": ")[-1].strip()
    assert message in err.value.message and value in err.value.message.split(" got ")[1]
