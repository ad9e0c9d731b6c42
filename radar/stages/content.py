"""Content: what a unit says concretely, beside its shape, and how much of it copies share.

Two units can have one shape and nothing else in common: `to_json` methods returning dict
literals of different fields, handlers forwarding different parameters to different backend
calls. That is boilerplate, not an abstraction. What real copies of one logic share is content:
the names they call and read (calls, attribute and member names) and their string literals.
Names most subsystems use (the framework's API, the fleet's conventions) say little, so each
word is weighed by how few subsystems outside the cluster use it (see Rarity.weights).

A unit's *vocab* is its distinct content as characters (identifiers in shape.NAME_PLANE, one per
name; strings likewise, one per value, in a plane of their own). Its *behaviour* counts calls
and branches: a unit with none only lays data out (a dict literal of attribute reads, a run of
assignments) and is never an abstraction candidate, however many copies it has; nor is a class
that defines no function and branches nowhere, whose calls only build its fields (analyse.py),
nor a list written as calls of one name (FileContent.lists_calls), nor a run of assignments
around one allocation or lookup (FileContent.fills). Pure functions, no I/O.
"""
from __future__ import annotations

import math
import re
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

from radar.stages.shape import IDENTIFIER, NAME_PLANE, blind_code

if TYPE_CHECKING:  # parse.py's tokens; a pass that reads remembered shapes (a warm one) never parses
    from radar.stages.parse import Token

OPEN = blind_code("kw", "(")
MEMBER = "".join(blind_code("kw", word) for word in (".", "::", "?."))  # not "->": a return type in most
DEFINERS = "".join(blind_code("kw", word) for word in (
    "def", "function", "func", "fn", "class", "defn", "defun", "define", "defmacro", "sub", "struct",
    "defp", "defmacrop"))  # Elixir's private definitions
BRANCHES = frozenset(blind_code("kw", word) for word in (
    "if", "elif", "for", "while", "switch", "case", "match", "try", "except", "catch", "cond", "when",
    "unless", "loop", "foreach", "&&", "||", "and", "or", "raise", "throw", "yield", "await"))
# (not "?": in TypeScript it also marks an optional field, which lays out data)
STRING = blind_code("str", "")
ARROW = blind_code("kw", "->")
_CALL = re.compile(f"(?<![{re.escape(DEFINERS)}]){re.escape(IDENTIFIER)}(?={re.escape(OPEN)})")
_MEMBER_NAME = re.compile(f"(?<=[{re.escape(MEMBER)}]){re.escape(IDENTIFIER)}")
_HEAD = re.compile(f"(?<={re.escape(OPEN)}){re.escape(IDENTIFIER)}")  # Lisp: (head args...)
_STRING = re.compile(f"(?<!{re.escape(ARROW)}){re.escape(STRING)}")  # after `->`: an annotation
_SUPER_CALL = re.compile(f"{re.escape(blind_code('kw', 'super'))}(?={re.escape(OPEN)})")
_BRANCH = re.compile(f"[{re.escape(''.join(sorted(BRANCHES)))}]")
_AWAIT = re.compile(re.escape(blind_code("kw", "await")))
# a table's branches: the choice and its arms (Kotlin's `when`, Rust's and Scala's `match`)
CHOICES = frozenset(blind_code("kw", word) for word in ("switch", "case", "match", "when"))
_CHOICE = re.compile(f"[{re.escape(''.join(sorted(CHOICES)))}]")
CASE_DECLARED = frozenset({("kw", "class"), ("kw", "object")})  # after Scala's `case`: _case_modifier
MAIN_GUARD = (("kw", "if"), ("id", "__name__"), ("kw", "=="))  # then "__main__": _main_guard
THROWS = frozenset({"throw", "raise"})  # keywords
PANICS = frozenset({"panic", "unreachable", "unimplemented"})  # Go's and Rust's calls that throw
THROWN_SPAN = 64  # tokens looked through for the end of what a `throw` throws
OPENING, CLOSING = ("(", "[", "{"), (")", "]", "}")
ENTRY_POINTS = frozenset({"main", "Main", "MainAsync"})  # where a program starts (forwards)
# and, in Go, where each package starts as it loads: its `init`, which registers what it holds
GO_ENTRY_POINTS = ENTRY_POINTS | {"init"}
GUARD_HEAD = 16  # tokens from an `if` to its `{` looked through for an error guard
COMPARED = 40  # others each instance is compared with: enough for a median, bounded cost
LISTED_NAMES, LISTED_CALLS = 2, 3  # a unit calling at most 2 names, each 3 times on average: a list
# a field assigned: `x.name =`, and in the languages whose `->` reaches a member, `x->name =`
# (not a keyword argument's or a hash entry's `name =`, nor Erlang's clause `-> Name =`)
_FIELD_SET = re.compile(f"(?<=[{re.escape(MEMBER)}]){re.escape(IDENTIFIER)}{re.escape(blind_code('kw', '='))}")
_FIELD_SET_BY_ARROW = re.compile(
    f"(?<=[{re.escape(MEMBER + ARROW)}]){re.escape(IDENTIFIER)}{re.escape(blind_code('kw', '='))}")
ARROW_MEMBERS = frozenset({"c", "cpp", "objc", "php"})
# a function setting this many fields or more and making at most FILL_BEHAVIOUR calls and
# branches fills a structure (FileContent.fills)
FILLED, FILL_BEHAVIOUR = 8, 2


@dataclass(frozen=True)
class FileContent:
    """A file's content words (a called or member name, or \\x01 and a string's value) with the
    token position of each, and where calls and branches stand. A unit's share is the part
    within its tokens. Words stay text until they are bound to a subsystem (see vocab)."""

    at: tuple[int, ...]
    words: tuple[str, ...]  # a member name has a leading "." (`x.name`), a call or string not
    behaviour_at: tuple[int, ...]
    branch_at: tuple[int, ...]
    super_at: tuple[int, ...] = ()  # `super(`: a call of the parent's constructor
    guard_at: tuple[int, ...] = ()  # `if err != nil { return`: a branch that only hands an error back
    await_at: tuple[int, ...] = ()  # `await`: a branch that waits for the callee's answer
    choice_at: tuple[int, ...] = ()  # `switch`, `case`, `match`, `when`: a choice and its arms
    thrown_at: tuple[int, ...] = ()  # `throw` and the calls building what it throws
    handler_at: tuple[int, ...] = ()  # `try` and `catch` of a braced handler
    handled_at: tuple[int, ...] = ()  # the calls inside its `catch` blocks: a failure reported

    def handlers(self, start: int, end: int) -> int:
        return _count(self.handler_at, start, end)

    def behaviour(self, start: int, end: int) -> int:
        return _count(self.behaviour_at, start, end)

    def branches(self, start: int, end: int) -> int:
        return _count(self.branch_at, start, end)

    def words_in(self, start: int, end: int) -> tuple[str, ...]:
        return self.words[bisect_left(self.at, start):bisect_left(self.at, end)]

    def fills(self, start: int, end: int, blind: str, language: str) -> bool:
        """Whether the unit is a run of fields set (`blind`: the file's stream) around one
        allocation or lookup at most, and a branch: it fills a structure, each copy with its own
        values (rsyslog's plugins' `createInstance`, `malloc` then each field its default;
        OpenSC's card drivers' `sc_get_driver`, the ISO operations copied, then each operation
        its own function), which lays out data as a literal does."""
        fields = _FIELD_SET_BY_ARROW if language in ARROW_MEMBERS else _FIELD_SET
        return self.behaviour(start, end) <= FILL_BEHAVIOUR and len(fields.findall(blind, start, end)) >= FILLED

    def maps_cases(self, start: int, end: int) -> bool:
        """Whether the unit calls nothing and branches once: a `case` mapping each constructor to
        a value, a table each copy writes of its own cases (agda's `\\case` functions,
        `TVar{} -> True` …, eight of which had been its first proposal)."""
        return self.branches(start, end) == 1 and self.behaviour(start, end) == 1

    def maps_table(self, start: int, end: int) -> bool:
        """Whether the unit's only behaviour is a choice and its arms, but for the exception
        its default throws: a `switch` mapping each constant to a constant, a table each copy
        writes of its own values as a dictionary literal is (MySqlConnector's logging
        adapters' `GetLevel`, the connector's levels to NLog's `LogLevel.Info`, Serilog's
        `LogEventLevel.Information` …, had been its first proposal). An arm that calls is logic."""
        choices = _count(self.choice_at, start, end)
        return bool(choices) and self.behaviour(start, end) == choices + _count(self.thrown_at, start, end)

    def lists_calls(self, start: int, end: int) -> bool:
        """Whether the unit, branching nowhere, calls one or two names over and over: a list
        written as calls (caddy's `init`: `caddy.RegisterModule(MatchHost{})` for each of its
        matchers), whose content is the arguments, each copy its own, whatever constants each
        call names (ogema-widgets' pages' `setDependencies`: `x.triggerAction(widget,
        TriggeringAction.POST_REQUEST, TriggeredAction.GET_REQUEST)` for each widget)."""
        calls = self.behaviour(start, end)
        if calls < LISTED_CALLS or self.branches(start, end):
            return False
        callees = self._callees(start, end)  # a member read is the list's; a string, computed or not, its own
        names = len({word for word in self.words_in(start, end) if word in callees or not word.startswith(".")})
        return names <= LISTED_NAMES and calls >= LISTED_CALLS * max(names, 1)

    def _callees(self, start: int, end: int) -> set[str]:
        """The names the unit's calls make: each call's first content word from where it starts
        (`x.triggerAction(…)` starts at `x`, its first word `.triggerAction`)."""
        found = set()
        for at in self.behaviour_at[bisect_left(self.behaviour_at, start):bisect_left(self.behaviour_at, end)]:
            word = bisect_left(self.at, at)
            if word < len(self.at) and self.at[word] < end:
                found.add(self.words[word])
        return found

    def forwards(self, start: int, end: int, name: str, entry_points: frozenset[str] = ENTRY_POINTS) -> bool:
        """Whether the unit, branching nowhere, makes one call and no other (`return
        self.tagger.get_tag_dict_for_resource(arn)`; dapr's `NewX` building a struct literal and
        calling `NewDefaultBulkStore`), calls a method of its own name on something else (`def
        tag_resource(…): … backend.tag_resource(…)`) or its own private twin (`Reconcile`
        around `r.reconcile`: _implementations), or calls nothing but its parent's
        constructor (`constructor(c) { super("x", c) }`): a delegation, whose logic lives in the
        callee. (Recursion calls its name bare, not as a member.) Handing the callee's error
        back (`if err != nil { return nil, err }`) is no branch of its own: alertmanager's
        notifiers' `New`, a client from the shared helper and a struct of the arguments; nor is
        awaiting it (python-telegram-bot's `Chat.send_media_group`: `return await
        self.get_bot().send_media_group(…)`, the bot's method with the chat's id). A
        program's entry point starting one thing through a wrapper hands it on too (duplicati's
        eight `Main => CrashlogHelper.WrapWithCrashLog(() => X.Program.MainAsync(args))`,
        `asyncio.run(main())`), perhaps in a `try` whose `catch` reports the failure and exits
        (regards-backend's 23 microservices' `main`, `SpringApplication.run` then `LOGGER.error`
        and `System.exit(1)` if it throws): each program needs its own, nothing to extract; so does each Go
        package its `init`, whatever it calls, registering (alloy's 21 exporters'
        `component.Register(component.Registration{…, Build: exporter.New(createExporter,
        "apache")})`; Xray's 22 `common.Must(common.RegisterConfig((*Config)(nil), func(…) {
        return New(ctx, config.(*Config)) }))`; `entry_points`: GO_ENTRY_POINTS)."""
        guards = _count(self.guard_at, start, end) + _count(self.await_at, start, end)
        handling = self.handlers(start, end) if name in entry_points else 0
        if not name or self.branches(start, end) > guards + handling:
            return False
        if not _implementations(name).isdisjoint(self.words_in(start, end)):
            return True
        handled = _count(self.handled_at, start, end) if handling else 0
        calls = self.behaviour(start, end) - guards - handling - handled
        supers = _count(self.super_at, start, end)
        go_init = name == "init" and name in entry_points
        return calls == 1 or bool(supers) and supers == calls or name in entry_points and calls <= 2 or go_init


def _implementations(name: str) -> frozenset[str]:
    """The member names a method's own work goes by, called on something: its own name, or its
    private twin (Go's exported `Reconcile` around `r.reconcile`, rook's ten controllers; Python's
    `_run`; Java's `doGet`, `getImpl`; .NET's `ExecuteCore`)."""
    title = name[:1].upper() + name[1:]
    return frozenset("." + twin for twin in (name, name[:1].lower() + name[1:], "_" + name, "do" + title,
                                             name + "Impl", name + "Internal", name + "Core"))


def _count(positions: tuple[int, ...], start: int, end: int) -> int:
    return bisect_left(positions, end) - bisect_left(positions, start)


def file_content(tokens: Sequence[Token], blind: str, calls_are: str, call_at: Sequence[int] = ()) -> FileContent:
    """Calls, member names (after `.`, `::`, `?.`) and string values are content. A call is, by
    `calls_are`: "parens", a name before `(` (not the name a definition introduces); "lists",
    the head of a Lisp form (a name before `(` is an argument there); "words", any word (shell:
    commands and their flags are words, with no mark of which is which). Behaviour counts the
    branches and the calls the parser saw (`call_at`), or, in Lisp, the forms' heads: a method
    definition or an interface's signature reads like a call but is none."""
    if calls_are == "words":
        calls = [at for at, code in enumerate(blind) if code == IDENTIFIER]
    else:
        calls = [m.start() for m in (_HEAD if calls_are == "lists" else _CALL).finditer(blind)]
    members = [m.start() for m in _MEMBER_NAME.finditer(blind)]
    strings = [m.start() for m in _STRING.finditer(blind)]
    at = sorted({*calls, *members, *strings})
    member_at = set(members)
    words = tuple(("\x01" + tokens[i][1]) if tokens[i][0] == "str" else
                  ("." + tokens[i][1]) if i in member_at else tokens[i][1] for i in at)
    branches = tuple(at for at in (m.start() for m in _BRANCH.finditer(blind))
                     if not _case_modifier(tokens, at) and not _main_guard(tokens, at))
    behaviour = calls if calls_are == "lists" else \
        sorted(set(call_at) - _ownership_messages(tokens) - _dynamic_imports(tokens, call_at))
    supers = tuple(sorted({*(m.start() for m in _SUPER_CALL.finditer(blind)), *_message_supers(tokens)}))
    awaits = tuple(m.start() for m in _AWAIT.finditer(blind))
    choices = tuple(at for at in (m.start() for m in _CHOICE.finditer(blind)) if not _case_modifier(tokens, at))
    return FileContent(tuple(at), words, tuple(sorted({*behaviour, *branches})), branches, supers,
                       _error_guards(tokens, branches), awaits, choices, _thrown(tokens, behaviour, branches),
                       *_handlers(tokens, branches, behaviour))


def _case_modifier(tokens: Sequence[Token], at: int) -> bool:
    """Scala's `case class` and `case object`: `case` a modifier of a declaration, no branch."""
    return tokens[at][1] == "case" and at + 1 < len(tokens) and tokens[at + 1] in CASE_DECLARED


def _main_guard(tokens: Sequence[Token], at: int) -> bool:
    """Python's `if __name__ == "__main__":`, which guards a script's entry point: no branch of
    its logic."""
    return tokens[at:at + 3] == MAIN_GUARD and at + 3 < len(tokens) and tokens[at + 3][0] == "str" \
        and tokens[at + 3][1].strip("\"'") == "__main__"


def _handlers(tokens: Sequence[Token], branches: Sequence[int], calls: Sequence[int]) -> tuple[tuple[int, ...], ...]:
    """Each `try` and `catch` opening a block of braces, and the calls inside the `catch` blocks."""
    keywords, inside = [], []
    for at in branches:
        word = tokens[at][1]
        if word == "try" and at + 1 < len(tokens) and tokens[at + 1] == ("kw", "{"):
            keywords.append(at)
        elif word == "catch":  # its block opens after the caught type and name
            opening = next((i for i in range(at + 1, min(at + GUARD_HEAD, len(tokens))) if tokens[i] == ("kw", "{")),
                           None)
            if opening is not None:
                keywords.append(at)
                block_end = closing(tokens, opening, len(tokens)) or len(tokens)
                inside += calls[bisect_left(calls, opening):bisect_left(calls, block_end)]
    return tuple(keywords), tuple(inside)


PAIRS = {"(": ")", "{": "}", "[": "]"}


def closing(tokens: Sequence[Token], opening: int, end: int) -> int | None:
    """Where the bracket at `opening`, `(`, `{` or `[`, closes before `end`, or None."""
    pair, depth = (("kw", tokens[opening][1]), ("kw", PAIRS[tokens[opening][1]])), 0
    for at in range(opening, end):
        depth += (tokens[at] == pair[0]) - (tokens[at] == pair[1])
        if not depth:
            return at
    return None


def _thrown(tokens: Sequence[Token], calls: Sequence[int], branches: Sequence[int]) -> tuple[int, ...]:
    """Each `throw` (`raise`; Go's `panic(…)`, Rust's `unreachable!()`) and the calls inside
    what it throws: `throw new X(nameof(level), level, "…")`, a name, perhaps dotted, then its
    arguments. A failure, not work: the default of a table."""
    starts = [at for at in branches if tokens[at][1] in THROWS] + \
             [at for at in calls if tokens[at][0] == "id" and tokens[at][1] in PANICS]
    found = set()
    for at in starts:
        end = _thrown_end(tokens, at + 1 if tokens[at][1] in THROWS else at)
        found.add(at)
        found.update(call for call in calls[bisect_left(calls, at):bisect_left(calls, end)])
    return tuple(sorted(found))


def _thrown_end(tokens: Sequence[Token], at: int) -> int:
    """Where what is thrown from `at` ends: `new`, a dotted name, `!`, then the arguments'
    closing parenthesis, if any."""
    limit = min(len(tokens), at + THROWN_SPAN)
    if at < limit and tokens[at] == ("kw", "new"):
        at += 1
    while at < limit and (tokens[at][0] == "id" or tokens[at][1] in (".", "::", "!")):
        at += 1
    if at >= limit or tokens[at][1] != "(":
        return at
    depth = 0
    for i in range(at, limit):
        depth += tokens[i][1] in OPENING and tokens[i][0] == "kw"
        depth -= tokens[i][1] in CLOSING and tokens[i][0] == "kw"
        if depth == 0:
            return i + 1
    return at


def _message_supers(tokens: Sequence[Token]) -> list[int]:
    """Objective-C's calls of the parent's initializer, `[super init…]` (its grammar reads
    `super` as a name)."""
    return [at for at in range(1, len(tokens)) if tokens[at] == ("id", "super") and tokens[at - 1] == ("kw", "[")]


# Objective-C's messages that only take a value's ownership, `_host = [host copy];`: no work
_OWNERSHIP = frozenset({"copy", "mutableCopy", "retain", "autorelease"})


def _ownership_messages(tokens: Sequence[Token]) -> set[int]:
    return {at for at in range(len(tokens) - 3) if tokens[at] == ("kw", "[") and tokens[at + 1][0] in ("id", "kw")
            and tokens[at + 2][0] == "id" and tokens[at + 2][1] in _OWNERSHIP and tokens[at + 3] == ("kw", "]")}


def _dynamic_imports(tokens: Sequence[Token], call_at: Sequence[int]) -> set[int]:
    """JavaScript's `import("./x.js")`: a module loaded when needed, a reference as a static
    import is, no behaviour (hardhat's ten plugins' `index.ts`, each `definePlugin({…, config:
    () => import("./config.js")})`, a declaration, had been its first proposal)."""
    return {at for at in call_at if tokens[at] == ("kw", "import")}


# Objective-C's initializer checks what its parent's returned: `if (self) {`, `if (self != nil) {`
_BUILT_CHECKS = (["(", "self", ")"], ["(", "self", "!=", "nil", ")"])


def _error_guards(tokens: Sequence[Token], branches: Sequence[int]) -> tuple[int, ...]:
    """The branches that only hand an error back: `if err != nil { return`, its condition
    perhaps after a statement (`if err := f(); err != nil {`); and an Objective-C initializer's
    check of the object its parent built (`self = [super init]; if (self) {`), a constructor's
    ceremony as Python's `super().__init__()` is."""
    found = []
    for at in branches:
        if tokens[at] != ("kw", "if"):
            continue
        opening = next((i for i in range(at + 1, min(at + GUARD_HEAD, len(tokens))) if tokens[i] == ("kw", "{")), None)
        if opening is None:
            continue
        if opening + 1 < len(tokens) and tokens[opening + 1] == ("kw", "return") \
                and [t for _, t in tokens[opening - 2:opening]] == ["!=", "null"] and tokens[opening - 3][0] == "id" \
                or [t for _, t in tokens[at + 1:opening]] in _BUILT_CHECKS:
            found.append(at)
    return tuple(found)


def word_codes(words: Sequence[str], owner: str = "") -> str:
    """One character per content word, the owner's own name in it made neutral (`kafka_backend`
    in kafka and `lex_backend` in lex are one word: a copy that says its owner's name says the
    same thing)."""
    neutral = _owner_pattern(owner)
    if neutral is None:
        return "".join(map(word_code, words))
    # One substitution over all the words (a match never spans the NUL between two), unless a
    # word holds a NUL itself.
    joined = "\0".join(words)
    if not words or joined.count("\0") != len(words) - 1:
        return "".join(word_code(neutral.sub("\x02", word)) for word in words)
    return "".join(map(word_code, neutral.sub("\x02", joined).split("\0")))


def vocab(at: Sequence[int], codes: str, start: int, end: int) -> str:
    """A unit's vocab: the distinct characters of its content words (`codes`: word_codes)."""
    return "".join(sorted(set(codes[bisect_left(at, start):bisect_left(at, end)])))


def definition_codes(name: str, owner: str) -> tuple[str, str]:
    """The characters a call of this definition has in a vocab: bare, and as a member."""
    neutral = _owner_pattern(owner)
    name = neutral.sub("\x02", name) if neutral else name
    return word_code(name), word_code("." + name)


def says_owner(name: str, owner: str) -> bool:
    """Whether a name holds its owner's own name, as a word made neutral here would
    (`AzureCosmosdbProcessor` in `azure-cosmosdb`)."""
    neutral = _owner_pattern(owner)
    return neutral is not None and neutral.search(name) is not None


@lru_cache(maxsize=4096)
def _owner_pattern(owner: str) -> re.Pattern | None:
    if len(owner) < 3:
        return None
    forms = sorted({owner, owner.replace("-", "_"), owner.replace("_", "-"), owner.replace("-", "").replace("_", "")},
                   key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)), re.IGNORECASE)


# strings' characters, a plane of their own: a string that hashed to a name's character had
# said that name (kvm-guest-drivers-windows' service helpers' "Service Installed\n" had been a
# call of VirtIO's `vring_packed_desc_event`, and VirtIO their home)
STRING_PLANE = 0x30000


@lru_cache(maxsize=262144)
def word_code(word: str) -> str:
    """A content word's character: a name's in the names' plane (an identifier's is its names
    char), a string's (`\\x01` and its value) in STRING_PLANE."""
    plane = STRING_PLANE if word[:1] == "\x01" else NAME_PLANE
    return chr(plane + zlib.crc32(word.encode("utf-8", "replace")) % 0xFFFE)


# Swift's view layout: SnapKit's constraints, Auto Layout's anchors, the subviews added and the
# frames set. A unit whose names are mostly these places its own views, each copy its own
# (wakmusic-iOS' fourteen views' `setLayout`, sharing only these words, had been its first proposal)
LAYOUT_WORDS = frozenset({
    "snp", "makeConstraints", "remakeConstraints", "updateConstraints", "removeConstraints", "equalTo",
    "equalToSuperview", "lessThanOrEqualTo", "lessThanOrEqualToSuperview", "greaterThanOrEqualTo",
    "greaterThanOrEqualToSuperview", "offset", "inset", "insets", "multipliedBy", "dividedBy", "priority",
    "edges", "top", "bottom", "leading", "trailing", "left", "right", "width", "height", "size", "center",
    "centerX", "centerY", "horizontalEdges", "verticalEdges", "directionalEdges", "directionalHorizontalEdges",
    "directionalVerticalEdges", "margins", "safeAreaLayoutGuide", "layoutMarginsGuide", "firstBaseline",
    "lastBaseline", "topAnchor", "bottomAnchor", "leadingAnchor", "trailingAnchor", "leftAnchor", "rightAnchor",
    "widthAnchor", "heightAnchor", "centerXAnchor", "centerYAnchor", "firstBaselineAnchor", "lastBaselineAnchor",
    "constraint", "activate", "isActive", "constant", "NSLayoutConstraint", "translatesAutoresizingMaskIntoConstraints",
    "addSubview", "addSubviews", "addArrangedSubview", "addArrangedSubviews", "insertSubview",
    "bringSubviewToFront", "sendSubviewToBack", "frame", "bounds", "origin", "CGRect", "CGSize", "CGPoint",
    "minX", "maxX", "minY", "maxY", "midX", "midY", "setContentHuggingPriority",
    "setContentCompressionResistancePriority", "required", "defaultHigh", "defaultLow"})
LAYOUT_SHARE = 0.6  # of a unit's names that are layout words: it lays out views
LAYOUT_NAMES = 4  # ...and this many of them at least


@lru_cache(maxsize=1)
def _layout_codes() -> frozenset[str]:
    return frozenset(word_code(form) for word in LAYOUT_WORDS for form in (word, "." + word))


def lays_out_views(vocab: str) -> bool:
    """Whether LAYOUT_SHARE or more of the names a Swift unit calls and reads (LAYOUT_NAMES at
    least) place views (LAYOUT_WORDS)."""
    names = [char for char in vocab if ord(char) >= NAME_PLANE]
    layout = sum(char in _layout_codes() for char in names)
    return layout >= LAYOUT_NAMES and layout >= LAYOUT_SHARE * len(names)


# Pictures drawn as code: an icon's path written as calls of a path's drawing verbs over
# literal points (Compose's ImageVector `moveTo`/`curveTo`, Android's and Flutter's `Path`, the
# canvas' `bezierCurveTo`, Cairo's, Qt's, SwiftUI's `addCurve(to: CGPoint(x: 1, y: 2), …)`). Each
# copy draws its own picture: data written as calls (miuix's 27 Compose icons, each its own
# `ImageVector` path, had been its first proposal)
DRAWING_VERBS = frozenset({
    "moveTo", "lineTo", "curveTo", "quadTo", "cubicTo", "arcTo", "close", "closePath", "closeSubpath",
    "moveToRelative", "lineToRelative", "curveToRelative", "quadToRelative", "arcToRelative",
    "horizontalLineTo", "horizontalLineToRelative", "verticalLineTo", "verticalLineToRelative",
    "reflectiveCurveTo", "reflectiveCurveToRelative", "reflectiveQuadTo", "reflectiveQuadToRelative",
    "rMoveTo", "rLineTo", "rCubicTo", "rQuadTo", "relativeMoveTo", "relativeLineTo", "relativeCubicTo",
    "relativeQuadraticBezierTo", "quadraticBezierTo", "conicTo", "bezierCurveTo", "quadraticCurveTo",
    "move", "addLine", "addCurve", "addQuadCurve", "addArc", "addLineToPoint", "addCurveToPoint",
    "moveToPoint", "cairo_move_to", "cairo_line_to", "cairo_curve_to", "cairo_rel_move_to",
    "cairo_rel_line_to", "cairo_rel_curve_to", "cairo_close_path"})
# the names a drawing verb's literal points may still say: Swift's labels and point types
POINT_WORDS = frozenset({"to", "x", "y", "control", "control1", "control2", "controlPoint1", "controlPoint2",
                         "CGPoint", "CGPointMake", "Offset", "PointF", "Point", "QPointF"})
# of a unit's calls that draw over literal points: it is a picture (feather's icons, each stroke
# a `path(…)` of its colours' calls, draw in a quarter of theirs)
DRAWN_SHARE = 0.25
DRAWN_CALLS = 4  # ...and this many of them at least


@lru_cache(maxsize=1)
def _drawing() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """The drawing verbs' characters as a vocab holds them (bare and as a member), a call of any
    name, and a drawing verb's call whose arguments name nothing but points."""
    verbs = "".join(sorted(map(word_code, DRAWING_VERBS)))
    points = "".join(sorted(map(word_code, POINT_WORDS)))
    any_name = f"{chr(NAME_PLANE)}-{chr(NAME_PLANE + 0xFFFF)}"
    open_, close = re.escape(OPEN), re.escape(blind_code("kw", ")"))
    calls = re.compile(f"[{any_name}](?={open_})")
    drawn = re.compile(f"[{re.escape(verbs)}]{open_}(?:[^{any_name}]|[{re.escape(points)}])*?{close}")
    in_vocab = frozenset(word_code(form) for verb in DRAWING_VERBS for form in (verb, "." + verb))
    return in_vocab, calls, drawn


def draws_a_picture(vocab: str, names: str) -> bool:
    """Whether DRAWN_SHARE or more of a unit's calls (DRAWN_CALLS at least) are a path's drawing
    verbs (DRAWING_VERBS) whose arguments name nothing but points (POINT_WORDS): a picture."""
    verbs_in_vocab, calls, drawn = _drawing()
    if verbs_in_vocab.isdisjoint(vocab):
        return False
    drawing = len(drawn.findall(names))
    return drawing >= DRAWN_CALLS and drawing >= DRAWN_SHARE * len(calls.findall(names))


Weights = dict[str, float]
API_WEIGHT = 0.1  # a name another subsystem defines is the fleet's API: calling it is convention
CONVENTION_FLOOR = 0.25  # what the most common name still weighs: shared convention is still shared
RARE_SAID = 0.5  # of one rare word's weight: what a unit must say for its copies to share logic


@dataclass(frozen=True)
class Rarity:
    """Which subsystems use and define each content character: what tells convention from
    content."""

    vocab_by_subsystem: dict[str, frozenset[str]]
    users: dict[str, int]  # character -> subsystems using it
    definers: dict[str, frozenset[str]]  # character -> subsystems defining a unit of that name

    @classmethod
    def of(cls, vocab_by_subsystem: dict[str, set[str]], definitions: Iterable[tuple[str, str]]) -> Rarity:
        users: Counter = Counter()
        for chars in vocab_by_subsystem.values():
            users.update(chars)
        definers: dict[str, set[str]] = {}
        for owner, char in definitions:
            definers.setdefault(char, set()).add(owner)
        return cls({name: frozenset(chars) for name, chars in vocab_by_subsystem.items()}, dict(users),
                   {char: frozenset(owners) for char, owners in definers.items()})

    def says_something_rare(self, consumers: Iterable[str], vocab: str, weights: Weights) -> bool:
        """Whether `vocab` (weighed for these consumers) says as much as RARE_SAID of one word no
        other subsystem uses, ln(others + 1): copies saying less say only the fleet's and the
        language's conventions (docspell's case classes, each `copy(field = Some(x))`; tuleap's
        value objects, a constructor, a factory and a getter), however alike, a shape and no
        shared logic. A unit saying nothing at all (arithmetic on its parameters) is judged by
        its shape alone."""
        chars = set(vocab)
        if not chars:
            return True
        others = len(self.vocab_by_subsystem) - len(set(consumers))
        return math.fsum(weights.get(char, 0.0) for char in chars) >= RARE_SAID * math.log(others + 1)

    def weights(self, consumers: Iterable[str], chars: Iterable[str]) -> Weights:
        """Each character's weight for a cluster of these consumers: ln((others + 1) / (others
        using it + 1)), where others are the subsystems outside the cluster. A name most other
        subsystems use is convention (weight near the floor); one no other subsystem uses weighs
        most; a name another subsystem defines is its API, a tenth as telling. Counting only the
        others keeps a small fleet's cluster from calling its own content convention."""
        consumers = set(consumers)
        chars = set(chars)
        inside: Counter = Counter()  # per character, the consumers using it (set intersections: in C)
        for name in consumers:
            inside.update(chars.intersection(self.vocab_by_subsystem.get(name, ())))
        others = len(self.vocab_by_subsystem) - len(consumers)
        users, definers, counted = self.users.get, self.definers.get, inside.get
        weights = {}
        for char in chars:
            outside = users(char, 0) - counted(char, 0)
            weight = math.log((others + 1) / (outside + 1 if outside > 0 else 1))
            defining = definers(char)
            if defining is not None and not defining <= consumers:  # <=: O(1) when more define it
                weight *= API_WEIGHT
            weights[char] = weight if weight > CONVENTION_FLOOR else CONVENTION_FLOOR
        return weights


def overlap(a: str, b: str, weights: Weights) -> float:
    """Weighted Jaccard of two vocabs: the rare content they share over all they hold (1 when
    neither says anything)."""
    if a == b:
        return 1.0
    return _overlap(set(a), set(b), weights.get)


def _overlap(first: set[str], second: set[str], weight) -> float:
    # fsum: exactly rounded, so the order sets iterate in cannot make overlap(a, b) != overlap(b, a)
    union = math.fsum(map(weight, first | second, repeat(0.0)))
    return math.fsum(map(weight, first & second, repeat(0.0))) / union if union else 1.0


def shared_content(vocabs: Sequence[str], weights: Weights) -> tuple[float, ...]:
    """Per instance, its mean overlap with (up to COMPARED of) the others: how much of what it
    says the others say too."""
    sets = {vocab: set(vocab) for vocab in vocabs}  # copies often say exactly the same
    known: dict[tuple[str, str], float] = {}
    weight = weights.get

    def overlap_of(a: str, b: str) -> float:
        if a == b:
            return 1.0
        value = known.get((a, b))
        if value is None:
            value = known[(a, b)] = known[(b, a)] = _overlap(sets[a], sets[b], weight)
        return value

    values = []
    for index, mine in enumerate(vocabs):
        # the first COMPARED but its own, from the first COMPARED + 1: not a list of every other
        # for each (react-native-icons' clusters of 9k icons had spent minutes building them)
        others = [v for other, v in enumerate(vocabs[:COMPARED + 1]) if other != index][:COMPARED]
        values.append(round(sum(overlap_of(mine, o) for o in others) / len(others), 4) if others else 1.0)
    return tuple(values)


def median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
