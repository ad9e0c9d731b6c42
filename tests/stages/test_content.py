"""Shared logic versus shared shape: what a cluster's copies say, beside how they look."""
from hypothesis import given
from hypothesis import strategies as st

from radar.config import Match, Route, Rules
from radar.stages.cluster import cluster
from radar.stages.content import Rarity, file_content, overlap, vocab, word_codes
from radar.stages.gate import gate
from radar.stages.parse import extract
from radar.stages.rank import score
from radar.stages.shape import FileStreams
from stage_fixtures import HARNESS, fleet, shapes, subsystem

CATCH_ALL = Rules(routing=(Route("shared logic", "lib/shared", Match(paths=("**",))),))

SERIALIZER = '''
class {cls}:
    def to_json(self):
        return {{"{a}": self.{a_}, "{b}": self.{b_}, "{c}": self.{c_}, "{d}": self.{d_},
                "{e}": self.{e_}, "{f}": self.{f_}}}
'''
FIELDS = [("KeyId", "Arn", "State", "Origin", "Created", "Usage"),
          ("Name", "RuntimeArn", "Status", "Version", "Updated", "Role"),
          ("ClusterId", "Endpoint", "Engine", "Nodes", "Port", "Shard")]

HANDLER = '''
def {op}(self):
    params = json.loads(self.body)
    value = params.get("{key}")
    extra = params.get("{other}")
    found = self.backend.{op}({arg}=value, {arg2}=extra, region=self.region)
    return json.dumps({{"{out}": found, "RequestId": self.request_id}})
'''
OPERATIONS = [("create_key", "KeyName", "Policy", "name", "policy", "Key"),
              ("put_rule", "RuleName", "Pattern", "rule", "pattern", "RuleArn"),
              ("add_tags", "ResourceArn", "TagList", "arn", "tags", "Tags")]

CHECKER = '''
def {fn}(value, limit=10):
    if not value:
        raise {error}("{message}")
    while len(value) > limit:
        value = {lib}.{trim}(value, "{mark}")
    return {lib}.{finish}(value, strict=True)
'''
CHECKERS = [("check_name", "NameError", "a name is needed", "textwrap", "shorten", "...", "dedent"),
            ("check_port", "PortError", "no port given", "socket", "getservbyname", "tcp", "htons"),
            ("check_rule", "RuleError", "empty rule", "fnmatch", "translate", "*", "compile")]

# HARNESS's shape with everything it says changed: same syntax, other logic
LOOKALIKE = '''
def run_suite(name, tests, timeout={n}):
    passed, failed = 0, []
    for test in tests:
        try:
            result = test.probe(deadline=timeout)
        except Exception as error:
            failed.push((test.label, str(error)))
            continue
        if result:
            passed += 1
        else:
            failed.push((test.label, "no answer from the probe"))
    emit("%s probes: %d answered, %d silent" % (name, passed, len(failed)))
    return passed, failed
'''


def judged(sources: dict[str, str]):
    found = [shape for name, source in sources.items() for shape in shapes(name, source, f"lib/{name}/m.py")]
    clusters = cluster(found)
    subs = [subsystem(name, [f"lib/{name}/m.py"]) for name in sources]
    return gate(tuple((f"C-00000{i}", c) for i, c in enumerate(clusters)), fleet(*subs), CATCH_ALL)


def test_copies_of_one_logic_are_proposed_as_shared_logic():
    [candidate] = judged({name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")})
    assert candidate.verdict == "proposed" and candidate.cluster.nature == "logic"
    assert candidate.cluster.shared_content == 1.0


def test_dict_literals_of_attribute_reads_have_no_behaviour_and_are_never_proposed():
    sources = {name: SERIALIZER.format(cls=name.title(), **{k: v for k, v in zip("abcdef", fields)},
                                       **{k + "_": v.lower() for k, v in zip("abcdef", fields)})
               for name, fields in zip(("kms", "lambda", "redis"), FIELDS)}
    [candidate] = judged(sources)
    assert candidate.verdict == "watching"
    assert "no behaviour: it only lays out data (no call, no branch)" in candidate.missing


def test_handlers_forwarding_to_a_method_of_their_own_name_are_delegations():
    sources = {name: HANDLER.format(op=op, key=key, other=other, arg=arg, arg2=arg2, out=out)
               for name, (op, key, other, arg, arg2, out) in zip(("kms", "events", "tags"), OPERATIONS)}
    [candidate] = judged(sources)
    assert candidate.cluster.nature == "delegation" and candidate.verdict == "watching"
    assert any(reason.startswith("delegation:") for reason in candidate.missing)


def test_same_shape_with_different_calls_and_strings_is_boilerplate_with_the_number():
    sources = {name: CHECKER.format(fn=fn, error=error, message=message, lib=lib, trim=trim, mark=mark, finish=finish)
               for name, (fn, error, message, lib, trim, mark, finish) in zip(("acl", "feed", "mod"), CHECKERS)}
    [candidate] = judged(sources)
    assert candidate.cluster.nature == "boilerplate" and candidate.verdict == "watching"
    [reason] = [m for m in candidate.missing if "content" in m]
    assert reason.startswith("same shape, different content: shared vocabulary 0.")
    assert reason.endswith("< 0.30")


def test_a_member_sharing_only_the_shape_leaves_the_cluster():
    sources = {name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")}
    sources["search"] = LOOKALIKE.format(n=1)
    [candidate] = judged(sources)
    assert candidate.consumers == ("acl", "feed", "mod")
    assert all(instance.shared_content == 1.0 for instance in candidate.instances)


def test_shared_content_scales_the_score():
    [logic] = judged({name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")})
    sources = {name: CHECKER.format(fn=fn, error=error, message=message, lib=lib, trim=trim, mark=mark, finish=finish)
               for name, (fn, error, message, lib, trim, mark, finish) in zip(("acl", "feed", "mod"), CHECKERS)}
    [boilerplate] = judged(sources)
    assert score(logic).shared_content == 1.0 and "× 1.00 shared content" in score(logic).explanation
    assert score(boilerplate).shared_content < 0.3
    assert score(boilerplate).effort < (len(boilerplate.instances) - 1) * boilerplate.cluster.representative.size / 100


def content_of(source: str, owner: str) -> str:
    extraction = extract(source.encode(), "python")
    streams = FileStreams(extraction.tokens)
    found = file_content(extraction.tokens, streams.blind, "parens")
    return vocab(found.at, word_codes(found.words, owner), 0, len(extraction.tokens))


def test_a_copy_saying_its_owners_name_says_the_same_thing():
    kafka = content_of("def f(self):\n    return self.kafka_backend.describe(KAFKA_REGION)\n", "kafka")
    lex = content_of("def f(self):\n    return self.lex_backend.describe(LEX_REGION)\n", "lex")
    other = content_of("def f(self):\n    return self.queue_backend.describe(LEX_REGION)\n", "lex")
    assert kafka == lex and kafka != other


def test_calls_members_and_strings_are_content_parameters_and_annotations_are_not():
    words = content_of('def f(value: int) -> "Model":\n    return helper.run(value, "x")\n', "acl")
    assert words == content_of('def g(other: str) -> "Other":\n    return helper.run(other, "x")\n', "feed")
    assert words != content_of('def f(value: int) -> "Model":\n    return helper.run(value, "y")\n', "acl")


def test_names_every_other_subsystem_uses_weigh_little():
    # one character a name: "x" only the cluster's consumers use, "c" everyone does, "d" is
    # defined by a subsystem outside the cluster (its API)
    rarity = Rarity.of({"a": {"x", "c", "d"}, "b": {"x", "c", "d"}, "e": {"c"}, "f": {"c"}}, [("e", "d")])
    weights = rarity.weights(["a", "b"], "xcd")
    assert weights["x"] > weights["c"] and weights["x"] > weights["d"]


vocabs = st.text(alphabet=st.sampled_from("abcdefgh"), max_size=8).map(lambda s: "".join(sorted(set(s))))


@given(vocabs, vocabs, st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.25, 5.0)))
def test_overlap_is_symmetric_bounded_and_one_for_equal_vocabs(a, b, weights):
    assert overlap(a, b, weights) == overlap(b, a, weights)
    assert 0.0 <= overlap(a, b, weights) <= 1.0
    assert overlap(a, a, weights) == 1.0


RANDOM_ID = '''
def random_id(size=12):
    chars = list(range(10)) + list(string.ascii_lowercase)
    return "".join(str(random.choice(chars)) for _ in range(size))
'''
RANDOM_ID_VARIANT = '''
def random_resource_id(size=20, prefix=""):
    chars = list(range(10)) + list(string.ascii_lowercase) + list(string.ascii_uppercase)
    if not prefix:
        prefix = random.choice(string.ascii_uppercase)
    body = "".join(str(random.choice(chars)) for _ in range(size))
    return prefix + body
'''


def test_near_variants_of_one_helper_are_one_candidate_listing_its_variants():
    sources = {name: RANDOM_ID for name in ("emr", "dms", "iot")}
    sources.update({name: RANDOM_ID_VARIANT for name in ("ssm", "kms")})
    [candidate] = judged(sources)
    assert candidate.consumers == ("dms", "emr", "iot")
    [variant] = candidate.cluster.variants
    assert variant.subsystems == ("kms", "ssm") and variant.representative.name == "random_resource_id"


def units_of(source: str, language: str) -> dict[str, tuple]:
    """name -> (behaviour, forwards) of each definition the parser finds."""
    from radar.stages.analyse import analyse_bytes

    return {unit[1]: (unit[8], unit[9]) for unit in analyse_bytes(source.encode(), language)[2] if unit[1]}


def test_an_interface_lays_out_data_even_with_method_signatures_and_optional_fields():
    found = units_of("interface Config extends Base {\n  hook?: (span: Span) => void;\n  serialize(x: string): string;\n"
                     "  enabled?: boolean;\n}\n", "typescript")
    assert found["Config"] == (0, False)


def test_a_constructor_that_only_calls_its_parents_is_a_delegation():
    found = units_of("class A extends B {\n  constructor(config) { super('@x/y', VERSION, config); }\n"
                     "  run(a) { return this.go(a); }\n}\n", "typescript")
    assert found["constructor"] == (1, True) and found["run"] == (1, False)


@given(st.lists(vocabs, max_size=50), st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.25, 5.0)))
def test_shared_content_is_each_instances_mean_overlap_with_the_others(many, weights):
    from radar.stages.content import COMPARED, shared_content

    expected = []
    for index, mine in enumerate(many):
        others = [v for other, v in enumerate(many) if other != index][:COMPARED]
        expected.append(round(sum(overlap(mine, o, weights) for o in others) / len(others), 4) if others else 1.0)
    assert shared_content(many, weights) == tuple(expected)


WORDS = st.lists(st.lists(st.sampled_from(["kafka", "Kafka", "_", "-", "x", ".", "\x01", "\0", "ka"]),
                          max_size=6).map("".join), max_size=12)


@given(WORDS, st.sampled_from(["", "ka", "kafka", "kafka-x", "x_kafka"]))
def test_word_codes_neutralise_the_owner_in_each_word_alone(words, owner):
    from radar.stages.content import _owner_pattern, word_code

    neutral = _owner_pattern(owner)
    expected = "".join(word_code(neutral.sub("\x02", w) if neutral else w) for w in words)
    assert word_codes(words, owner) == expected
