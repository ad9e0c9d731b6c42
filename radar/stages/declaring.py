"""Which units declare or hand their work on, as analyse.py marks each unit of a file: a class of
fields, a module of configuration or of declaring classes lays out data (no behaviour to extract);
a function making one call, a class or module whose functions do, hands its work on (a
delegation: the logic lives in the callee). cluster.py reads the marks as a cluster's nature."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from radar.stages.content import LISTED_CALLS, LISTED_NAMES, closing


# The methods of a language's value protocol (Java's and Kotlin's, Python's, C#'s, Rust's, Go's,
# JavaScript's): each compares, hashes, orders, copies, prints or disposes of its own type's
# fields, a shape every value type repeats by design (netty's `equals` x 9 came first), nothing
# to extract.
VALUE_PROTOCOL = frozenset({
    "equals", "hashCode", "toString", "compareTo", "clone",
    "__eq__", "__ne__", "__hash__", "__repr__", "__str__", "__lt__", "__le__", "__gt__", "__ge__",
    "__copy__", "__deepcopy__",
    "Equals", "GetHashCode", "ToString", "CompareTo",
    "eq", "ne", "partial_cmp", "cmp", "hash", "fmt",
    "String", "GoString", "toJSON",
    "Dispose", "DisposeAsync",  # .NET's: each releases its own fields (ShareX's WinForms `Dispose(bool)` x 3)
    # React's and Android's DiffUtil's: each compares its own props and state, or its items' fields
    # (Rocket.Chat's mobile app's three views' `shouldComponentUpdate`, its first proposal)
    "shouldComponentUpdate", "areItemsTheSame", "areContentsTheSame"})


def declares(start: int, end: int, functions: list[int], content) -> bool:
    """A class that defines no function and branches nowhere declares fields: its calls build
    them (Django's models, forms and serializers, `x = Field(...)`), which lays out data as a
    literal does, so it has no behaviour to extract."""
    return bisect_left(functions, end) == bisect_left(functions, start) and not content.branches(start, end)


def starts_guarded(tokens, start: int, end: int, functions: list[int], content) -> bool:
    """A module that defines no function and branches only to throw (`if (root === null) {
    throw new Error("No app element"); }`): a program's start checking what it starts on, as one
    branching nowhere is (fp-frontend's three apps' `main.tsx` had been its one proposal)."""
    if bisect_left(functions, end) != bisect_left(functions, start):
        return False
    branches = content.branch_at[bisect_left(content.branch_at, start):bisect_left(content.branch_at, end)]
    kinds = Counter(tokens[at][1] for at in branches)
    return bool(kinds) and set(kinds) <= {"if", "throw"} and kinds["if"] == kinds["throw"]


def holds_values(start: int, end: int, functions: dict[int, tuple[int, bool]], names: dict[int, str],
                 content) -> bool:
    """A class with a method of its value protocol (VALUE_PROTOCOL: `equals`, `hashCode`,
    `toString`) whose other functions call and branch nowhere (its fields' accessors) and which
    branches nowhere outside them (its fields built by calls, as declares() allows): a value
    type, which lays out data as a class of fields does (sos-components' 1,295 models of its
    REST API's JSON, written by a generator that leaves no banner: 14 alike in their accessors
    and `equals` had been its first proposal)."""
    inner = [(first, functions[first][0], names.get(first) in VALUE_PROTOCOL) for first in functions
             if start < first < end]
    protocol = [(first, last) for first, last, valued in inner if valued]
    return bool(protocol) and all(valued or not content.behaviour(first, last) for first, last, valued in inner) \
        and content.branches(start, end) == sum(content.branches(*span) for span in protocol)


TABLE_SHARE = 0.75  # of a class's tokens outside its functions, from which it is mostly a table...
TABLE_TOKENS_PER_CALL = 100  # ...its calls there building collections, this many tokens apart at least


def _outermost(start: int, end: int, functions: dict[int, tuple[int, bool]]) -> list[tuple[int, int]]:
    """The spans of the functions inside (start, end) that no other of them holds: a nested
    function is its parent's."""
    spans, reach = [], start
    for first in sorted(f for f in functions if start < f < end):
        last = functions[first][0]
        if first >= reach and last <= end:
            spans.append((first, last))
            reach = last
    return spans


def functions_lay_out(start: int, end: int, functions: dict[int, tuple[int, bool]], listed: dict[int, bool],
                      content) -> bool:
    """A class whose functions each only lay data out (`listed`: first token -> whether it does)
    and which does nothing outside them lays out data too (Thrive's helper classes, each one
    `ReadFromArchive` reading a record field by field)."""
    inner = _outermost(start, end, functions)
    return bool(inner) and all(listed.get(first) for first, _ in inner) \
        and content.behaviour(start, end) == sum(content.behaviour(first, last) for first, last in inner)


def mostly_declares(start: int, end: int, functions: dict[int, tuple[int, bool]], content) -> bool:
    """A class three quarters of whose tokens or more lie outside its functions, literals there
    (a call per hundred tokens at most, building the collections, and no branch), is a table
    with a few functions beside it (Blazorise's icon providers: a 360-line table from `IconName`
    to the set's own icon and six short overrides; the tables' shared keys had made the classes
    its first proposal). Its functions are units of their own. Fields built each by a call of
    its own beside a method (netbox's serializers) are logic again."""
    inner = _outermost(start, end, functions)
    inside = sum(last - first for first, last in inner)
    behaviour = sum(content.behaviour(first, last) for first, last in inner)
    branches = sum(content.branches(first, last) for first, last in inner)
    outside = end - start - inside
    return outside >= TABLE_SHARE * (end - start) and content.branches(start, end) == branches \
        and (content.behaviour(start, end) - behaviour) * TABLE_TOKENS_PER_CALL <= outside


CHAIN_LINKS = 2  # calls made on a call's result (`builder().a(x).b(y)`) from which a return builds one value
TABLE_ROWS = 5  # elements of a collection literal from which a return lays out a table (`new T[]{of(…), …}`)
# what a chain of calls or a table is written with besides names and literals: no operator,
# lambda or statement
_CHAIN_WORDS = frozenset({".", "?.", "(", ")", ",", "new", "this", "self", "class"})
_TABLE_WORDS = frozenset({"[", "]", "{", "}"})
_CONSTANT_WORDS = frozenset({".", "(", ")", ",", "new", "class"})  # and names, literals: _returns_a_constant


def builds_value(tokens, start: int, end: int) -> bool:
    """A function whose body is one `return` of a chain of calls made on calls' results, given
    names and literals only (no operator, lambda or branch): it builds one value, a query or a
    configuration written as calls, each copy its own, as a literal lays one out (james'
    Cassandra DAOs' prepared statements, `update(TABLE).increment(…).where(column(ID)
    .isEqualTo(bindMarker(ID)))` x 42, had been its first proposal; drill's format plugins'
    `EasyFormatConfig.builder().readable(true)…build()`; ozone's audit messages); or of an array
    of TABLE_ROWS elements or more so written, a table (cayenne's 14 database adapters'
    `new NativeColumnType[]{NativeColumnType.of(Types.BIGINT, "BIGINT"), …}`). Or whose body is
    one call given such a chain: a declaration made as a call (ApplicationInsights-Java's
    instrumentations' ByteBuddy `transform`, `transformer.applyAdviceToMethod(isMethod()
    .and(named("execute")).and(takesArguments(1)), X.class.getName() + "$ExecuteAdvice")`, each its
    own methods and advice, had been its first proposal), a name joined to a call's result
    (`X.class.getName() + "$Advice"`) a literal too. A body of braces only: where none opens it
    (Python, an arrow's expression), nothing is read."""
    if tokens[end - 1] != ("kw", "}"):
        return False
    opening = next((at for at in range(start, end) if tokens[at] == ("kw", "{")), end)
    if opening + 1 >= end:
        return False
    if tokens[opening + 1] == ("kw", "return"):
        first = opening + 2
    elif tokens[opening + 1][0] == "id" and opening + 2 < end and tokens[opening + 2][1] in (".", "?.", "("):
        first = opening + 1  # a call's statement, `transformer.applyAdviceToMethod(…);`
    else:
        return False  # read no further: most bodies start otherwise
    last = end - 2 if tokens[end - 2] == ("kw", ";") else end - 1
    chain = []
    for at in range(first, last):
        category, text = tokens[at]
        if category not in ("id", "str", "lit") and text not in _CHAIN_WORDS and text not in _TABLE_WORDS \
                and not (first == opening + 1 and _names_a_class(tokens, at)):
            return False
        chain.append(tokens[at])
    if any(text in _TABLE_WORDS for _, text in chain):
        return _rows(chain) >= TABLE_ROWS
    links = sum(chain[at][1] == ")" and chain[at + 1][1] in (".", "?.") and chain[at + 2][0] == "id"
                and chain[at + 3] == ("kw", "(") for at in range(len(chain) - 3))
    return links >= CHAIN_LINKS


ANSWERS = 2  # methods, from this many, each answering with a constant, that make a class declare


def answers_constants(tokens, start: int, end: int, functions: dict[int, tuple[int, bool]], content) -> bool:
    """A class of ANSWERS methods or more, each one `return` of a constant of its own (a name, a
    literal, or a value built of them by calls and constructors: `return ENDPOINT_NAME;`, `return
    List.of(new Route(DELETE, URI + "/{id}"));`), branching nowhere: each answers its base's question,
    the logic is the base's (a template method's), and so the class declares, as a class of fields
    does (wazuh-indexer-plugins' fifteen REST handlers, each its `getName`, `routes` and
    `getActionType`, had been its second proposal)."""
    inner = _outermost(start, end, functions)
    return len(inner) >= ANSWERS and not content.branches(start, end) \
        and all(_returns_a_constant(tokens, first, last) for first, last in inner)


SIGNATURE_SPAN = 64  # tokens from a function's start looked through for its body's opening


def _returns_a_constant(tokens, start: int, end: int) -> bool:
    """A body of braces holding one `return` of constants: literals, capitalised names (a type's,
    a constant's), a type's methods called on them (`List.of`) and constructors, a literal joined
    to a name with `+` (`URI + "/{id}"`). A lower-case name is a variable's or a parameter's."""
    opening = next((at for at in range(start, min(end, start + SIGNATURE_SPAN)) if tokens[at] == ("kw", "{")), end)
    if opening + 2 >= end or tokens[opening + 1] != ("kw", "return") or tokens[end - 1] != ("kw", "}") \
            or tokens[end - 2] != ("kw", ";"):
        return False
    value = tokens[opening + 2:end - 2]
    return all(_constant_word(value, at) for at in range(len(value)))


def _constant_word(value, at: int) -> bool:
    category, text = value[at]
    before, after = value[at - 1][1] if at else "", value[at + 1][1] if at + 1 < len(value) else ""
    if category in ("str", "lit") or text in _CONSTANT_WORDS:
        return True
    if category == "id":
        return text[:1].isupper() or before == "." and after == "("
    if text != "+" or not 0 < at < len(value) - 1:
        return False
    return "str" in (value[at - 1][0], value[at + 1][0]) and ")" not in (before, after)


def _names_a_class(tokens, at: int) -> bool:
    """`+` joining a literal to a call's result, `X.class.getName() + "$Advice"`: a name built of
    constants. A variable joined in (`"VARCHAR(" + size + ")"`) is a value computed."""
    return tokens[at] == ("kw", "+") and tokens[at - 1] == ("kw", ")") and tokens[at + 1][0] == "str"


# a constructor's name where it is not its class's (Java's and C#'s are: a capitalised name after
# its modifiers alone, no return type)
CONSTRUCTORS = frozenset({"constructor", "__construct"})
_MODIFIERS = frozenset({"public", "private", "protected", "internal"})
_THIS = frozenset({"this", "$this"})
_MEMBER = frozenset({".", "->"})


def sets_fields(tokens, start: int, end: int, name: str) -> bool:
    """A constructor whose body only sets its own fields (`this.x = …;`, its parent's
    constructor called first at most; one calling only that is a delegation), each to a name, a
    literal, or a chain of calls of names and literals (`new GlobalActions(store)`): it lays out
    its state from what it is given, each class its own, as a literal lays out data (cht-core's 13
    Angular components, their services injected and `this.globalActions = new
    GlobalActions(store)`, had been its first proposal)."""
    if not _constructor(tokens, start, name) or tokens[end - 1] != ("kw", "}"):
        return False
    body = _body(tokens, start, end)
    if body is None:
        return False
    statements = [statement[:-1] if statement[-1] == ("kw", ";") else statement
                  for statement in _statements(tokens[body + 1:end - 1])]
    if statements and tuple(statements[0][:2]) in ((("kw", "super"), ("kw", "(")), (("id", "super"), ("kw", "("))):
        statements = statements[1:]
    return bool(statements) and all(_sets_a_field(statement) for statement in statements)


def reads_a_record(tokens, start: int, end: int) -> bool:
    """A function whose body, past guards that only throw (a version checked), returns a new
    object two members or arguments of which or more are each read by a call, all of names,
    literals and calls (`return new AnimationControl { Path = reader.ReadString(), Stop =
    reader.ReadBool(), };`): a record read field by field, each type its own (Thrive's 51
    components' `ReadFromArchive` had been its first proposal). A value worked out is logic."""
    body = _body(tokens, start, end) if tokens[end - 1] == ("kw", "}") else None
    if body is None:
        return False
    statements = [statement for statement in _statements(tokens[body + 1:end - 1]) if statement != [("kw", ";")]]
    if not statements or not all(_throws_if(statement) for statement in statements[:-1]):
        return False
    last = statements[-1][:-1] if statements[-1][-1] == ("kw", ";") else statements[-1]
    if len(last) < 5 or last[0] != ("kw", "return") or last[1] != ("kw", "new"):
        return False
    opening = next((at for at in range(2, len(last)) if last[at][1] in ("{", "(")), None)
    if opening is None or last[-1][1] != {"{": "}", "(": ")"}[last[opening][1]]:
        return False
    values = [_without_type_arguments(value) for value in _split_values(last[opening + 1:-1],
                                                                        members=last[opening][1] == "{")]
    return len(values) >= 2 and all(values) and all(
        any(text == "(" for _, text in value) and all(category in ("id", "str", "lit") or text in _CHAIN_WORDS
                                                      or text == "!" for category, text in value)
        for value in values)


def _without_type_arguments(value: list) -> list:
    """A value's tokens less the type arguments a call is given (`reader.ReadObject<Entity>()`):
    `<` after a name, names and `.`, `,` up to the `>` before `(`."""
    kept, at = [], 0
    while at < len(value):
        if value[at][1] == "<" and kept and kept[-1][0] == "id":
            type_end = next((end for end in range(at + 1, len(value)) if value[end][1] == ">"), None)
            if type_end is not None and type_end + 1 < len(value) and value[type_end + 1][1] == "(" \
                    and all(category == "id" or text in (".", ",") for category, text in value[at + 1:type_end]):
                at = type_end + 1
                continue
        kept.append(value[at])
        at += 1
    return kept


def _throws_if(statement: list) -> bool:
    """`if (…) throw …;`, braced or not."""
    return statement[0] == ("kw", "if") and ("kw", "throw") in statement


def _split_values(inner: list, members: bool) -> list[list]:
    """The values between a new object's braces (`Name = value`, each after its `=`; [] where one
    is no member set) or parentheses (its arguments), split at the commas outside any call."""
    values, current, depth = [], [], 0
    for token in [*inner, ("kw", ",")]:
        depth += (token[1] in _OPENING) - (token[1] in _CLOSING)
        if depth == 0 and token == ("kw", ","):
            if current:
                named = len(current) > 2 and current[0][0] == "id" and current[1] == ("kw", "=")
                values.append(current[2:] if members and named else [] if members else current)
            current = []
        else:
            current.append(token)
    return values


def _constructor(tokens, start: int, name: str) -> bool:
    if name in CONSTRUCTORS:
        return True
    if not name[:1].isupper():
        return False
    at = start
    while tokens[at][1] in _MODIFIERS:
        at += 1
    return tokens[at] == ("id", name) and tokens[at + 1] == ("kw", "(")


def _body(tokens, start: int, end: int) -> int | None:
    """Where the body's `{` is: the first after the parameters' closing `)`."""
    opening = next((at for at in range(start, end) if tokens[at] == ("kw", "(")), None)
    parameters_end = None if opening is None else closing(tokens, opening, end)
    if parameters_end is None:
        return None
    return next((inner for inner in range(parameters_end, end) if tokens[inner] == ("kw", "{")), None)


def _sets_a_field(statement: tuple) -> bool:
    if len(statement) < 5 or statement[0][1] not in _THIS or statement[1][1] not in _MEMBER \
            or statement[2][0] != "id" or statement[3] != ("kw", "="):
        return False
    return all(category in ("id", "str", "lit") or text in _CHAIN_WORDS or text == "->"
               for category, text in statement[4:])


def _rows(chain: list) -> int:
    """The elements of the collections written in `chain`: its commas outside any call's arguments, plus one."""
    depth, commas = 0, 0
    for _, text in chain:
        depth += (text == "(") - (text == ")")
        commas += text == "," and not depth
    return commas + 1


def declaring_definitions(units, content) -> list[tuple[int, int]]:
    """The token spans of the Lisp forms' `def`s that declare: a table written as calls, or what
    one call returns, or calls of one name, branching nowhere (babashka's namespaces' vars,
    `{'alloc (copy-var ffi/alloc tns) …}` beside `(def tns (sci/create-ns …))`). Their module,
    beside them, may make one call of its own and still declare (module_declares)."""
    spans = [(unit.first_token, unit.first_token + len(unit.tokens)) for unit in units if unit.kind == "definition"]
    return [span for span in spans if content.lists_calls(*span) or not content.branches(*span) and (
        content.behaviour(*span) <= 1 or len(set(content.words_in(*span))) <= 1)]


def module_declares(start: int, end: int, functions: list[int], declaring: list[tuple[int, int]], content) -> bool:
    """A module that defines no function, branches nowhere and makes one call at most beside its
    declaring classes' and Lisp `def`s' (`declaring`) declares too: localstack's services'
    `models.py`, a store class of fields and `AccountRegionBundle("sqs", SqsStore)` holding it. A script's calls are
    its work (`setup.py`: reading the README, then `setup(…)`). A module that calls nothing at
    all declares whatever it branches on: mindsdb's 32 handlers' `__init__.py`, an import tried
    and its error kept beside the handler's name and type, had been its first proposal."""
    if content.behaviour(start, end) == content.branches(start, end):
        return True
    if not declares(start, end, functions, content):
        return False
    outermost, reach = [], -1  # a class nested in another (Django's `Meta`) is counted with it
    for first, last in sorted(declaring):
        if start <= first and last <= end and first >= reach:
            outermost.append((first, last))
            reach = last
    inside = sum(content.behaviour(first, last) for first, last in outermost)
    return content.behaviour(start, end) - inside <= 1


def lists_calls_at_top(tokens, start: int, end: int, functions: list[int], content) -> bool:
    """A module defining no function and branching nowhere whose top is calls of one or two names,
    over and over (`mapClass(Tokens.X, PostgresX);` x 54 and `mapValue(Tokens.Y, createY());`
    x 11), whatever their arguments call: a list written as calls, each copy its own, as a
    function's is (content.lists_calls; user-office-core's six deployments' dependency
    configurations had been its first proposal)."""
    if bisect_left(functions, end) != bisect_left(functions, start) or content.branches(start, end):
        return False
    heads = Counter(tokens[at][1] for at in _top_calls(tokens, start, end))
    return 0 < len(heads) <= LISTED_NAMES and sum(heads.values()) >= LISTED_CALLS * len(heads)


def _top_calls(tokens, start: int, end: int):
    """Where the names of the calls at a module's top are, outside any brackets."""
    depth = 0
    for at in range(start, end - 1):
        category, text = tokens[at]
        if category == "kw" and text in _OPENING:
            depth += 1
        elif category == "kw" and text in _CLOSING:
            depth -= 1
        elif not depth and category == "id" and tokens[at + 1] == ("kw", "("):
            yield at


def declares_by_calls(tokens, start: int, end: int, functions: list[int], content) -> bool:
    """A module defining no function and branching nowhere each of whose calls at its top makes
    the value a name is given (`export const attachmentActions = getAttachmentActions(PREFIX);`):
    its constants, each module its own, made by the functions it shares (youtrack-mobile's four
    views' attachment types and actions, a prefix handed to two factories, had been its first
    proposal), or whose calls all lie inside such values (Django's `urlpatterns = [path(…), …]`:
    accessibility-monitoring-platform's three case apps' `urls.py`, its first proposal). A call
    standing on its own (`register(types);`) is the module's work."""
    if bisect_left(functions, end) != bisect_left(functions, start) or content.branches(start, end):
        return False
    return all(_gives_a_name(tokens, start, at) for at in _top_calls(tokens, start, end)) \
        and content.behaviour(start, end) > 0


def _gives_a_name(tokens, start: int, call: int) -> bool:
    """Whether the call whose name is at `call` (`x.y.make(`, `new Maker(`) is what `=` gives."""
    at = call
    while at - 2 >= start and tokens[at - 1][1] in (".", "?.") and tokens[at - 2][0] == "id":
        at -= 2
    if at - 1 >= start and tokens[at - 1] == ("kw", "new"):
        at -= 1
    return at - 1 >= start and tokens[at - 1] == ("kw", "=")


def module_of_values(start: int, end: int, functions: list[int], valued: list[tuple[int, int]], content) -> bool:
    """A module whose functions are all its value classes' (`valued`: holds_values), calling and
    branching nowhere outside them but once, declares as a module of declaring classes does."""
    inside = [(first, last) for first, last in valued if start <= first and last <= end]
    outermost = [(first, last) for first, last in inside if not any(f < first and last <= e for f, e in inside)]
    if not outermost or any(not any(f < at < e for f, e in outermost)
                            for at in functions[bisect_left(functions, start):bisect_left(functions, end)]):
        return False
    return (content.branches(start, end) == sum(content.branches(*span) for span in outermost)
            and content.behaviour(start, end) - sum(content.behaviour(*span) for span in outermost) <= 1)


def runs_nothing_at_file_scope(tokens, start: int, end: int, functions: dict[int, tuple[int, bool]],
                               listed: dict[int, bool], content) -> bool:
    """A C module whose functions call and branch nowhere but where they only list data
    (`listed`): C's file scope runs nothing, an initializer there is a constant expression, so
    the calls written in it are macros spelling constants (`.rate_count =
    FWK_ARRAY_SIZE(rate_table_sysapbclk)`, `FWK_MODULE_DYNAMIC_ELEMENTS(get_element_table)`):
    a module of tables, each product its own (SCP-firmware's products' `config_pik_clock.c`,
    a thousand lines of clock tables and the getter handing them over, had been its first
    proposal). A body outside any function the parse saw, or a branch there, is a function a
    macro names (`SYSCALL_DEFINE3(read, …) { … }`): code, not constants."""
    inside = sorted((first, spanned[0]) for first, spanned in functions.items() if start <= first < end)
    if content.branches(start, end) != sum(content.branches(first, last) for first, last in inside):
        return False
    gaps = zip([start] + [last for _, last in inside], [first for first, _ in inside] + [end])
    if any(_macro_bodies(tokens, gap_start, gap_end) for gap_start, gap_end in gaps if gap_start < gap_end):
        return False
    return all(listed.get(first) or not content.behaviour(first, last) for first, last in inside)


def _macro_bodies(tokens, start: int, end: int) -> bool:
    """Whether a body stands at file scope: after a name's parenthesised arguments (`NAME(…) {`)
    or on its own (`; {`, where the rewrites left a macro's name out), not a compound literal's
    type (`&((struct clock_config) {`), an initializer (`x[N] = {`) nor a struct's fields."""
    opened, depth = [], 0
    for at in range(start, end):
        token = tokens[at]
        if token == ("kw", "{"):
            before = tokens[at - 1] if at > start else ("kw", ";")
            if not depth and before in (("kw", ";"), ("kw", "}")):
                return True
        if token[0] == "kw" and token[1] in _OPENING:
            depth += 1
        elif token[0] == "kw" and token[1] in _CLOSING:
            depth -= 1
        if token == ("kw", "("):
            opened.append(at)
        elif token == ("kw", ")") and opened:
            paren = opened.pop()
            if at + 1 < end and tokens[at + 1] == ("kw", "{") and paren > start and tokens[paren - 1][0] == "id":
                return True
    return False


# What opens a PHP file before its first statement: the tag, and lines that only name things.
_PHP_PREAMBLE = frozenset({"<?php", "declare", "namespace", "use"})
_OPENING, _CLOSING = frozenset("([{"), frozenset(")]}")


def returns_configuration(tokens) -> bool:
    """A PHP file whose first statement returns: what a framework reads, per package, as
    configuration (Symfony's `Config/services.php` returning the container's set-up, which
    Mautic's bundles each keep; Laravel's `config/*.php` returning arrays; Rector's
    `rector.php`). Each package needs its own, so it has no behaviour to extract."""
    for statement in _php_statements(tokens):
        if statement[0] == "return":
            return True
        if statement[0] not in _PHP_PREAMBLE and not _guards(statement):
            return False
    return False


def assigns_configuration(tokens) -> bool:
    """A PHP file each of whose statements assigns a variable, no call, function, class or
    object made (SugarCRM's module metadata, `$searchFields['Accounts'] = array(…);`, one per
    module in SuiteCRM's 119): configuration too, as returns_configuration's."""
    assigned = False
    for statement in _php_statements(tokens):
        if statement[0] in _PHP_PREAMBLE or statement[0] == "global" or _guards(statement):
            continue
        if not statement[0].startswith("$") or _does(statement):
            return False
        assigned = True
    return assigned


def _statements(tokens):
    """A run of tokens' top-level statements, each its tokens: one ends with `;`, or with the
    block closing it (`if (…) { … }`); PHP's opening tag is one of its own."""
    depth, statement = 0, []
    for token in tokens:
        statement.append(token)
        depth += (token[1] in _OPENING) - (token[1] in _CLOSING)
        if depth == 0 and (token[1] in (";", "}") or token[1] == "<?php" and len(statement) == 1):
            yield statement
            statement = []
    if statement:
        yield statement


def _php_statements(tokens):
    """A PHP file's top-level statements (_statements), each the texts of its tokens."""
    for statement in _statements(tokens):
        yield [text for _, text in statement]


def _guards(statement: list[str]) -> bool:
    """The guard against direct access PHP files open with: `if (!defined('sugarEntry')) {
    die(…); }`, WordPress' `defined('ABSPATH') || exit;`."""
    return statement[0] in ("if", "defined") and ("die" in statement or "exit" in statement)


def _does(statement: list[str]) -> bool:
    """A call (a name before `(`, but `array(`), a function, a class or an object made."""
    return any(text in _DOING or text == "(" and before != "array" and (before[:1].isalpha() or before[:1] in "_$\\")
               for before, text in zip(statement, statement[1:]))


_DOING = frozenset({"function", "fn", "class", "new"})


def functions_of(units, content, entry_points: frozenset[str], tokens) -> dict[int, tuple[int, bool]]:
    """A file's functions: first token -> (end, whether it hands its work on, `entry_points` being
    the names where the language starts a program or a package)."""
    found = {}
    for unit in units:
        if unit.kind in ("function", "method"):
            end = unit.first_token + len(unit.tokens)
            found[unit.first_token] = (end, content.forwards(unit.first_token + 1, end, unit.name, entry_points)
                                       or hands_itself_on(tokens, unit.first_token, end))
    return found


def hands_itself_on(tokens, start: int, end: int) -> bool:
    """A function whose body is one call given the object itself (`this`, `self`) and names,
    literals and values built of them by calls (`execute() = comm.query(this, serializer(),
    ListSerializer(X.serializer()))`; `{ return f(this, A.b()); }`): the object hands itself to
    the callee, which does the work (zakadabar-stack's libraries' query declarations had been its
    first proposal). One call given other values is the function's own work (`register(build(…))`)."""
    body = _one_expression(tokens, start, end)
    if not body or body[0][0] != "id":
        return False
    at = 1
    while at + 1 < len(body) and body[at][1] in (".", "?.") and body[at + 1][0] == "id":
        at += 2
    if at >= len(body) or body[at] != ("kw", "(") or body[-1] != ("kw", ")") \
            or closing(body, at, len(body)) != len(body) - 1:
        return False
    arguments = body[at + 1:-1]
    return any(text in _THIS for _, text in arguments) \
        and all(category in ("id", "str", "lit") or text in _CHAIN_WORDS for category, text in arguments)


def _one_expression(tokens, start: int, end: int) -> list:
    """The expression a function's body is: after `=` or `=>` once its parameters close, or a block of
    braces holding one statement (`return` it or not)."""
    opening = next((at for at in range(start, min(end, start + SIGNATURE_SPAN)) if tokens[at] == ("kw", "(")), None)
    if opening is None:
        return []
    at = closing(tokens, opening, end)
    limit = min(end, (at or 0) + SIGNATURE_SPAN)  # a return type's tokens, then the body
    while at is not None and at + 1 < limit and tokens[at + 1][1] not in ("=", "=>", "{"):
        at += 1
    if at is None or at + 1 >= limit:
        return []
    body = list(tokens[at + 2:end])
    if tokens[at + 1] == ("kw", "{"):
        if not body or body[-1] != ("kw", "}"):
            return []
        body = body[:-1]
        body = body[1:] if body[:1] == [("kw", "return")] else body
        body = body[:-1] if body[-1:] == [("kw", ";")] else body
        return [] if ("kw", ";") in body or ("kw", "{") in body else body
    return body[:-1] if body[-1:] == [("kw", ";")] else body


def hands_on(unit, starts: list[int], functions: dict, content) -> bool:
    start, end = unit.first_token, unit.first_token + len(unit.tokens)
    return content.forwards(start + 1, end, unit.name) or delegates("class", start, end, starts, functions, content)


def all_in(spans: list[tuple[int, int]], start: int, end: int, content) -> bool:
    """Whether classes that hand their work on (`spans`) make every call of the module: its
    module is theirs, a delegation too (bifromq's 27 system properties, a file each: a singleton
    `INSTANCE` whose constructor hands its name, default and parser to `BifroMQSysProp`'s)."""
    inside = [(first, last) for first, last in spans if start <= first and last <= end]
    outermost = [(first, last) for first, last in inside if not any(f < first and last <= e for f, e in inside)]
    return bool(outermost) and content.behaviour(start, end) == sum(content.behaviour(*span) for span in outermost)


def delegates(kind: str, start: int, end: int, starts: list[int], functions: dict, content) -> bool:
    """A class or module whose functions (`functions`: first token -> (end, whether it
    forwards); `starts`, in order) hand their work on (content.forwards), but for those that
    neither call nor branch (a constructor that only stores its arguments, a getter), and which
    calls nothing outside them: an application's entry point (`main` running
    `SpringApplication.run`), a facade, a visitor's node (doctrine's AST classes: fields and
    `dispatch` calling `$walker->walkX($this)`). Its logic lives in what it calls. A module
    branching nowhere may call outside them too: what it calls there declares (puppet's log
    functions, a file each: `create_function(:alert) do dispatch … end` around a method calling
    `Log.log_func`; iceberg's `Days.java`, a transform's constants beside its `INSTANCE`)."""
    if kind not in ("class", "module"):
        return False
    inner = [(first, *functions[first]) for first in starts[bisect_left(starts, start):bisect_left(starts, end)]]
    if not any(forwards for _, _, forwards in inner) or \
            not all(forwards or not content.behaviour(first, last) for first, last, forwards in inner):
        return False
    if kind == "module" and content.branches(start, end) == sum(content.handlers(first, last)
                                                                for first, last, forwards in inner if forwards):
        return True  # an entry point's handler of its failure is no branch of the module's
    outermost = [(first, last) for first, last, _ in inner if not any(f < first < e for f, e, _ in inner)]
    return content.behaviour(start, end) == sum(content.behaviour(first, last) for first, last in outermost)


    return False
