"""What a grammar stumbles on, and the text read in its place: a file that does not parse is read
again with these rewrites (same length, same lines, same offsets), and the reading taken when it
keeps more units (parse.py: extract_either).

A grammar that does not run the preprocessor reads C's macros as written (`R_API`,
`APLOGNO(00551) "…"`, `r_list_foreach (list, it, x) {`); a grammar older than the language
predates its newer syntax (TypeScript's `<in out T>`, Dart's `library;`, Kotlin's `0..<n`) or misses a form
(Swift's `()` as a value). Either breaks the unit around it, and a broken unit is dropped: on
radare2 28% of the functions, on httpd 20% (3% of each now).
"""
from __future__ import annotations

import re
from collections.abc import Callable

# (start, end, the bytes read there instead: as many as end - start)
Edit = tuple[int, int, bytes]

# where no rewrite is looked for: `see the file COPYING)` in a licence header is words, not code;
# a string keeps its quotes, so that what stands before one can be seen (`APLOGNO(00551) "…"`)
_COMMENT_OR_STRING = re.compile(rb'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"', re.DOTALL)
_NOT_A_NEWLINE = re.compile(rb"[^\n]")


def masked(data: bytes) -> bytes:
    """`data` with its comments and the insides of its strings as blanks (its lines kept)."""
    def blank(match: re.Match) -> bytes:
        text = _NOT_A_NEWLINE.sub(b" ", match[0])
        return b'"' + text[1:-1] + b'"' if match[0].startswith(b'"') else text
    return _COMMENT_OR_STRING.sub(blank, data)


def applied(data: bytes, edits: list[Edit]) -> bytes:
    text = bytearray(data)
    for start, end, instead in edits:
        text[start:end] = instead
    return bytes(text)


def _instead(start: int, end: int, text: bytes) -> Edit:
    """`text` read over `start`…`end`, blanks after it to the span's length."""
    return start, end, text + b" " * (end - start - len(text))


def _blanks(spans, code: bytes) -> list[Edit]:
    """Blanks over `spans` of `code`, but for its newlines: a rewrite never moves a line."""
    return [(start, end, _NOT_A_NEWLINE.sub(b" ", code[start:end])) for start, end in spans]


# A parameter's attribute macro after its name, as GNU code writes them (git's `struct repository
# *repo UNUSED`, glib's `gpointer data G_GNUC_UNUSED`, binutils' `ATTRIBUTE_UNUSED`, netdata's
# `__maybe_unused`): a grammar that does not expand macros reads two names in a row, and the
# function around them breaks. Upper case or opening with `__`, after a name that is no keyword,
# before the parameter's `,` or `)`.
_ATTRIBUTE_MACRO = re.compile(rb"\b([A-Za-z_]\w*)[ \t]+([A-Z_][A-Z0-9_]*|__[a-z]\w*)(?=\s*[,)])")
_NOT_A_PARAMETER = frozenset(b"struct union enum return sizeof case goto else unsigned signed long short int char "
                             b"const volatile void float double static extern register typeof defined".split())


# And before its type, as rizin and Windows' SAL annotate them (`RZ_NONNULL RzAnalysis *a`,
# `RZ_BORROW RZ_IN DwContext *ctx`, `_In_ HINSTANCE instance`, `OUT LPHANDLE token`): upper-case
# words opening a parameter, before its type and its name (not `DWORD size`, a type and a name).
_LEADING_MACRO = re.compile(
    rb"[(,][ \t\n]*((?:(?:[A-Z][A-Z0-9_]+|_[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_)[ \t]+)+)"
    rb"(?=(?:const[ \t]+|struct[ \t]+|unsigned[ \t]+)*[A-Za-z_]\w*[ \t*&]+[A-Za-z_]\w*[ \t]*[,)\[])")


# Windows' calling conventions, macros too (`int APIENTRY wWinMain(`, `LRESULT CALLBACK proc(`,
# `typedef BOOL (WINAPI *fn)(HWND)`): before a name or a pointer's star.
_CALLING_CONVENTION = re.compile(rb"\b(WINAPI|APIENTRY|CALLBACK|NTAPI|STDMETHODCALLTYPE)[ \t]+(?=\**[ \t]*[A-Za-z_])")


def attribute_macros(code: bytes) -> list[Edit]:
    after = (match.span(2) for match in _ATTRIBUTE_MACRO.finditer(code) if match[1] not in _NOT_A_PARAMETER)
    return _blanks((*after, *(match.span(1) for pattern in (_LEADING_MACRO, _CALLING_CONVENTION)
                              for match in pattern.finditer(code))), code)


# A macro the code uses as a statement opening a block, as a loop is written (radare2's
# `r_list_foreach (list, it, x) {`, the Linux kernel's `list_for_each_entry(pos, head, member) {`,
# netdata's `dfe_start_read(dict, item) {`, varnish's `VTAILQ_FOREACH(x, head, list)` above one
# statement): read as the `if` it is shaped like. A call ending its line without a `;` is no
# statement C has. Indented: at column 0 the same shape is a function's head in GNU style.
_STATEMENT_MACRO = re.compile(
    rb"^[ \t]+([A-Za-z_]\w+)[ \t]*\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)[ \t]*(?:\{|$)", re.MULTILINE)
_C_WORDS = frozenset(b"if while for switch return sizeof do else case goto typeof defined alignof _Alignof _Generic "
                     b"__attribute__ __declspec asm __asm__ __typeof__ _Static_assert static_assert".split())
# A declaration's head at column 0 (a function's, or a variable's), up to its name's `(`, `=`, `;`
# or `[`: words and stars only.
_HEAD = re.compile(rb"^([A-Za-z_][\w \t*]*?)\**([A-Za-z_]\w*)[ \t]*[(=;\[]", re.MULTILINE)
# and in GNU style, its type alone on the line above its name (OpenVPN's `OPENVPN_EXPORT void`)
_GNU_HEAD = re.compile(rb"^([A-Za-z_][\w \t*]*)\n(?=[A-Za-z_]\w*[ \t]*\()", re.MULTILINE)
_QUALIFIERS = frozenset(b"static extern inline const volatile unsigned signed long short struct union enum register "
                        b"restrict typedef __inline __inline__ __extension__ _Noreturn noreturn _Thread_local "
                        b"thread_local".split())
_WORD = re.compile(rb"[A-Za-z_]\w*")
_UPPER = re.compile(rb"[A-Z][A-Z0-9_]+")
# An annotation macro called at the end of a GNU-style head, the function's name on the next line
# (varnish's `static void v_matchproto_(task_func_t)` then `vca_accept_task(…)`: 18% of its
# functions), expanding to nothing a grammar can read there.
_HEAD_ANNOTATION = re.compile(
    rb"^(?:[A-Za-z_]\w*[ \t*]+)+([A-Za-z_]\w*[ \t]*\([^()\n]*\))[ \t]*\n(?=[A-Za-z_]\w*[ \t]*\()", re.MULTILINE)
# A macro alone on its line at column 0, opening or closing a region (glib's `G_BEGIN_DECLS`,
# Objective-C's `NS_ASSUME_NONNULL_BEGIN`): not a GNU-style head's type (`BOOL` above `f(void)`).
_LONE_MACRO = re.compile(rb"^([A-Z_][A-Z0-9_]*)[ \t]*\n(?![ \t]*\**[A-Za-z_]\w*[ \t]*\()", re.MULTILINE)
# A macro called at column 0 with no `;` after it, declaring what it expands to (toybox's
# `GLOBALS(` … `)` around each command's globals, glib's `G_DEFINE_TYPE (App, app, PARENT)`),
# on one line or several: not a function's head, which a body follows.
_TOP_MACRO_CALL = re.compile(
    rb"^[A-Z_][A-Z0-9_]*[ \t]*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)[ \t]*$(?![ \t\n]*\{)", re.MULTILINE)
# Apple's enumerations, `typedef NS_ENUM(NSInteger, SDImageFormat) {` (NS_OPTIONS, CF_ENUM …), in
# every Objective-C header: read as the `enum SDImageFormat` they declare (the macro declares the
# typedef's name too, which `typedef enum X {…};` would lack).
_APPLE_ENUM = re.compile(
    rb"\b(?:typedef[ \t]+)?(?:NS|CF)_(?:ENUM|OPTIONS|CLOSED_ENUM|ERROR_ENUM)[ \t]*\([^(),\n]+,[ \t]*(\w+)[ \t]*\)")
# An Objective-C declaration's trailing annotations, `- (void)updateUseMetal NS_AVAILABLE_MAC(10_11);`,
# `- (instancetype)init NS_UNAVAILABLE;`, `API_AVAILABLE(ios(13.0))`: macros a compiler reads.
_ANNOTATION = rb"[ \t]+[A-Z][A-Z0-9_]{2,}(?:\((?:[^()\n]|\([^()\n]*\))*\))?"
_TRAILING_ANNOTATIONS = re.compile(
    rb"^[ \t]*(?:[-+][ \t]*\(|@property\b)[^;\n]*?((?:" + _ANNOTATION + rb")+)[ \t]*;", re.MULTILINE)
# A macro call joined to a string literal, as a log message's number is (httpd's
# `APLOGNO(00551) "…"` in 701 of its functions).
_STRING_MACRO = re.compile(rb"\b[A-Z_][A-Z0-9_]*\([^()\n]*\)(?=\s*\")")
# A type given to a macro as its argument (mpv's `talloc_zero(NULL, struct priv)`, the kernel's
# `container_of(ptr, struct foo, member)`): its tag keyword goes, the name reads as a value.
_TYPE_ARGUMENT = re.compile(rb"[,(][ \t]*(struct|union|enum)[ \t]+(?=[A-Za-z_]\w*[ \t]*\**[ \t]*[,)])")
# A pointer type as a macro's last argument (`va_arg(ap, const char *)`, httpd's
# `APR_ARRAY_IDX(urls, i, const char*)`): read as a value, `0`.
_POINTER_ARGUMENT = re.compile(rb",[ \t]*((?:[A-Za-z_]\w*[ \t]+)*[A-Za-z_]\w*[ \t]*\*+)[ \t]*\)")


def unexpanded_macros(code: bytes) -> list[Edit]:
    """C's macros where the language has none of their shapes, all at once (one function may hold
    several): statement macros read as `if`; parameters' attribute macros, a declaration head's
    macros beside its type (`R_API RList *r_core_list(`, `static DWORD WINAPI run(`, `module
    AP_MODULE_DECLARE_DATA x;`), a macro call before a string and a type's tag keyword inside a
    macro's arguments, an annotation macro ending a GNU-style head, a macro alone on its line as
    blanks, and an Objective-C declaration's trailing annotations; a pointer type as a macro's last
    argument as a value; Apple's `NS_ENUM(type, Name)` as `enum Name`."""
    edits = [_instead(*match.span(1), b"if") for match in _STATEMENT_MACRO.finditer(code) if match[1] not in _C_WORDS]
    edits += attribute_macros(code)
    for match in (*_HEAD.finditer(code), *_GNU_HEAD.finditer(code)):
        edits += _head_macros(match)
    edits += _blanks((match.span() for match in _STRING_MACRO.finditer(code)), code)
    edits += _blanks((match.span(1) for match in _HEAD_ANNOTATION.finditer(code)), code)
    edits += _blanks((match.span(1) for match in _LONE_MACRO.finditer(code)), code)
    edits += _blanks((match.span() for match in _TOP_MACRO_CALL.finditer(code)), code)
    edits += _blanks((match.span(1) for match in _TRAILING_ANNOTATIONS.finditer(code)), code)
    edits += [_instead(*match.span(), b"enum " + match[1]) for match in _APPLE_ENUM.finditer(code)]
    edits += _blanks((match.span(1) for match in _TYPE_ARGUMENT.finditer(code)), code)
    edits += [_instead(*match.span(1), b"0") for match in _POINTER_ARGUMENT.finditer(code)]
    return edits


def _head_macros(head: re.Match) -> list[Edit]:
    """The upper-case words of a declaration head beyond its one type: the first word in lower or
    mixed case is the type (`RList`, `CURLcode`), or, where every word is upper case, the first
    (`DWORD WINAPI`, `BOOL APIENTRY`)."""
    words = [match for match in _WORD.finditer(head[1]) if match[0] not in _QUALIFIERS]
    if len(words) < 2 or words[0][0] in _C_WORDS:
        return []
    typed = next((word for word in words if not _UPPER.fullmatch(word[0])), words[0])
    start = head.start(1)
    return _blanks(((start + word.start(), start + word.end()) for word in words
                    if word is not typed and _UPPER.fullmatch(word[0])), head.string)


# TypeScript the bundled grammar predates: variance annotations on type parameters (4.7:
# TanStack's `interface Route<in out TPath>`) and type-only star exports (5.0: `export type *
# from`). Each breaks the declaration around it; blanked, the rest reads as it is.
_VARIANCE = re.compile(rb"(?<=[<,])\s*((?:in\s+out|in|out)\s+)(?=[A-Za-z_$][\w$]*\s*(?:extends\b|[,>=]))")
_TYPE_STAR_EXPORT = re.compile(rb"\bexport\s+(type)\s+\*")


def type_modifiers(code: bytes) -> list[Edit]:
    return _blanks((match.span(1) for pattern in (_VARIANCE, _TYPE_STAR_EXPORT) for match in pattern.finditer(code)),
                   code)


# Dart 2.19's unnamed library directive, `library;`, which the bundled grammar predates: the
# whole file breaks on it (204 of flutter/packages' 235 files that did not parse).
_UNNAMED_LIBRARY = re.compile(rb"^[ \t]*(library[ \t]*;)", re.MULTILINE)


def unnamed_library(code: bytes) -> list[Edit]:
    return _blanks((match.span(1) for match in _UNNAMED_LIBRARY.finditer(code)), code)


# Swift's empty tuple as a value, `promise.succeed(())`, `return ()`, `case .idle: ()`, which the
# bundled grammar cannot read (157 of swift-nio's 537 files broke, 90 without it): read as a literal.
# Not a function type's, `() ->`, nor a closure's empty parameters, `{ () in`.
_EMPTY_TUPLE = re.compile(rb"(?:^|[(,=\[:{]|\breturn|\bin)[ \t]*(\(\))(?![ \t]*(?:->|in\b|throws\b|async\b))",
                          re.MULTILINE)


def empty_tuples(code: bytes) -> list[Edit]:
    return [_instead(*match.span(1), b"0") for match in _EMPTY_TUPLE.finditer(code)]


# Swift's compilation conditions between a type's members or around a member's attribute (`#if
# os(iOS)` above `@objc func startSwizzle()`), which the bundled grammar reads between statements
# only: the type around one breaks (sentry-cocoa: 70 of its Swift files). Read as the code compiled
# where each first condition holds: the directives' lines and the later branches as blanks.
_DIRECTIVE = re.compile(rb"^[ \t]*#(if|elseif|else|endif)\b[^\n]*", re.MULTILINE)


def compilation_conditions(code: bytes) -> list[Edit]:
    spans: list[tuple[int, int]] = []
    later_branch: list[bool] = []  # for each open `#if`: whether one of its later branches is read
    for match in _DIRECTIVE.finditer(code):
        skipping = any(later_branch)
        if match[1] == b"if":
            later_branch.append(False)
        elif later_branch and match[1] == b"endif":
            later_branch.pop()
        elif later_branch:
            later_branch[-1] = True
        if skipping:  # the blanks run on from the branch's start through this directive
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
    return _blanks(spans, code)


# Swift 6 the bundled grammar predates: `nonisolated(unsafe)` (a variable opted out of isolation
# checks), typed throws (`async throws(DocCIndexError) ->`), `sending` before a parameter's or a
# result's type, and `await` in an `if` or `while` condition (`if await handler.hasSeenError {`,
# `while let x = try await next() {`): each breaks the type or function around it (sourcekit-lsp:
# 40 of its 448 files). Read as blanks.
_NONISOLATED_UNSAFE = re.compile(rb"\bnonisolated\(unsafe\)")
_TYPED_THROWS = re.compile(rb"\bthrows[ \t]*(\((?:[^()\n]|\([^()\n]*\))*\))")
_SENDING = re.compile(rb"(?::|->)[ \t]*(sending)[ \t]+(?=[A-Za-z_@(\[])")
_IF_OR_WHILE = re.compile(rb"^[ \t]*(?:\}[ \t]*else[ \t]+)?(?:if|while)\b[^{\n]*", re.MULTILINE)
_AWAIT = re.compile(rb"\bawait\b")


def newer_swift(code: bytes) -> list[Edit]:
    # the word's group where a pattern has one (typed throws keep `throws`), else the whole match
    spans = [match.span(match.lastindex or 0) for pattern in (_NONISOLATED_UNSAFE, _TYPED_THROWS, _SENDING)
             for match in pattern.finditer(code)]
    spans += [(condition.start() + start, condition.start() + end) for condition in _IF_OR_WHILE.finditer(code)
              for start, end in (match.span() for match in _AWAIT.finditer(condition[0]))]
    return _blanks(spans, code)


# Kotlin the bundled grammar predates or misses: a trailing comma before a function type's arrow
# or a when branch's (`(a: A, b: B,) -> Unit`), the range-until operator (1.9: `0..<n`), a
# multi-dollar string (2.2: Spring's `@Value($$"${server.port}")`), a when branch's guard (2.1:
# `is String if s.isEmpty() ->`, read as a second condition). Each breaks the declaration around it
# (41 of home-assistant's Android app's 897 files, 57 of 249 over eleven Kotlin repositories).
_ARROW_COMMA = re.compile(rb",(?=\s*(?:->|\)\s*->))")
_RANGE_UNTIL = re.compile(rb"\.\.(<)")
_MULTI_DOLLAR = re.compile(rb'\$\$+"[^"\n]*"')  # its insides are blanks already (masked)
_WHEN_GUARD = re.compile(rb"^[ \t]*!?is[ \t]+[\w.<>?, ]+?[ \t]+(if)(?=[ \t(])", re.MULTILINE)


# And Kotlin 2.2's context parameters before a declaration (`context(col: Collection)` above a
# `fun`), its explicit backing fields (`val state: StateFlow<S>` then `field = MutableStateFlow(s)`,
# read as the property's initializer), and a primary constructor on a line below its class's name
# (`class SortPill` then `@JvmOverloads constructor(`), which the grammar reads only on one line:
# 60 of AnkiDroid's 897 files did not parse. A context is blanked before a declaration, or last in
# the lines a rewrite is given (read alone, the declaration below it parses).
_CONTEXT = re.compile(rb"^[ \t]*(context\((?:[^()\n]|\([^()\n]*\))*\))(?=\s+(?:@[\w.]+[ \t\n]+)*(?:\w+[ \t]+)*"
                      rb"(?:fun|val|var|context)\b|\s*\Z)", re.MULTILINE)
_BACKING_FIELD = re.compile(rb"^[ \t]*(?:\w+[ \t]+)*va[lr][ \t]+\w+[ \t]*:[^=\n]*\n[ \t]*(field)(?=[ \t]*=)",
                            re.MULTILINE)
_HEADER_WORD = rb"(?:@[\w.]+(?:\([^()\n]*\))?|private|public|internal|protected)"  # before `constructor`
# the class's line and the constructor's together, or (the class's line read alone, as it is) the
# constructor's first of the lines a rewrite is given
_CONSTRUCTOR_BELOW = re.compile(rb"(?:\bclass[ \t]+\w+(?:<[^{}()\n]*>)?(?=[ \t]*\n)|\A)"
                                rb"((?:[ \t]*\n|[ \t]*" + _HEADER_WORD + rb"[ \t]*\n)*[ \t]*(?:" + _HEADER_WORD
                                + rb"[ \t]+)*constructor)(?=[ \t]*\()")


def newer_kotlin(code: bytes) -> list[Edit]:
    edits = _blanks((match.span() for match in _ARROW_COMMA.finditer(code)), code)
    edits += _blanks((match.span(1) for pattern in (_CONTEXT, _BACKING_FIELD, _CONSTRUCTOR_BELOW)
                      for match in pattern.finditer(code)), code)
    edits += _blanks((match.span(1) for match in _RANGE_UNTIL.finditer(code)), code)
    edits += [(*match.span(), match[0].replace(b"$", b" ")) for match in _MULTI_DOLLAR.finditer(code)]
    edits += [_instead(*match.span(1), b",") for match in _WHEN_GUARD.finditer(code)]
    return edits


# Dart 3.10's dot shorthands, a value of the type the context expects named by its member alone
# (`intent = .video`, `alignment: .center`, `cond ? .start : .end`, `case .idle:`), which the
# bundled grammar predates: the declaration around one breaks (fluffychat: 62 of its 228 files).
# Read as a name (`_video`): after what opens a value, never a member's `.` (`a?.b`, `x\n.y`) nor
# a spread's `...`.
_DOT_SHORTHAND = re.compile(rb"(?:[=(,:\[{]|&&|\|\||\breturn|\bcase)[ \t\n]*(\.)(?=[A-Za-z_$])"
                            rb"|\?[ \t\n]+(\.)(?=[A-Za-z_$])")


def dot_shorthands(code: bytes) -> list[Edit]:
    return [_instead(*match.span(1 if match[1] else 2), b"_") for match in _DOT_SHORTHAND.finditer(code)]


# Qt's keywords, macros the grammar cannot expand: `emit` (or `Q_EMIT`) before a signal's call
# (`emit aliasFetched(alias);`, `if (ok) emit done();`), a class's `signals:` and `public
# slots:` sections, its `Q_OBJECT`, `Q_PROPERTY(…)` and `QML_ELEMENT` lines and `Q_INVOKABLE`
# methods; each breaks the function or class around it (nheko: 98 of its 160 files). `emit`
# read as blanks, `signals` as `public`, `slots` as blanks, the class's macros as blanks.
_QT_EMIT = re.compile(rb"(?:^|[;{})]|\belse)[ \t]*(emit|Q_EMIT)[ \t]+(?=[A-Za-z_:])", re.MULTILINE)
_QT_SECTION = re.compile(rb"^[ \t]*(?:(?:public|protected|private)[ \t]+(slots|Q_SLOTS)|(signals|Q_SIGNALS))[ \t]*:",
                         re.MULTILINE)
# a Qt or QML macro alone on its lines, its arguments too (`Q_OBJECT`, `QML_ELEMENT`,
# `Q_PROPERTY(bool x READ x NOTIFY xChanged)` over two lines, `Q_ENUM_NS(Trust)`)
_QT_CLASS_MACRO = re.compile(rb"^[ \t]*((?:Q|QML)_[A-Z][A-Z0-9_]*\b(?:[ \t]*\((?:[^();{}]|\([^();{}]*\))*\))?[ \t]*;?)"
                             rb"[ \t]*$", re.MULTILINE)
_QT_METHOD_MARK = re.compile(rb"\b(Q_INVOKABLE|Q_SIGNAL|Q_SLOT)\b")


def qt_keywords(code: bytes) -> list[Edit]:
    edits = _blanks((match.span(1) for pattern in (_QT_EMIT, _QT_CLASS_MACRO, _QT_METHOD_MARK)
                     for match in pattern.finditer(code)), code)
    for match in _QT_SECTION.finditer(code):
        edits += _blanks([match.span(1)], code) if match[1] else [_instead(*match.span(2), b"public")]
    return edits


# <inttypes.h>'s format macros between a format's string literals (`"ssrc:%" PRIu32 ", seq:%"
# PRIu16 "]"`): the preprocessor joins them, C++'s grammar reads a name between two strings and
# the call around it breaks (mediasoup's worker: most of its 68 files that did not parse; C's
# grammar reads them as written). Read as a string of blanks, which joins as they do.
_FORMAT_NAME = rb"(?:PRI|SCN)[diouxXc](?:8|16|32|64|MAX|PTR|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64))"
_FORMAT_MACRO = re.compile(rb'(?<=")([ \t\n]*)(' + _FORMAT_NAME + rb')\b|\b(' + _FORMAT_NAME + rb')(?=[ \t\n]*")')


def format_macros(code: bytes) -> list[Edit]:
    spans = [match.span(2) if match[2] else match.span(3) for match in _FORMAT_MACRO.finditer(code)]
    return [(start, end, b'"' + b" " * (end - start - 2) + b'"') for start, end in spans]


# C++'s macros the grammar cannot expand: an export macro between `class` and its name (`class
# AUDACITY_DLL_API AboutDialog final : public wxDialogWrapper`), and a macro called alone on its
# line without `;`, at the top or in a class's body (wxWidgets' `BEGIN_EVENT_TABLE(X, wxEvtHandler)`
# and `DECLARE_EVENT_TABLE()`, MuseScore's `INTERFACE_ID(X)`) or named alone there
# (`DEFINE_MODULE_ENTRIES`): each breaks the class or function around it. Read as blanks; and a
# statement macro in upper case opening a block (MuseScore's `IF_ASSERT_FAILED(x) {`,
# `Q_FOREACH(item, items) {`) read as `if`, as C's are (not `catch (…) {`, nor a constructor).
_CLASS_MACRO = re.compile(rb"\b(?:class|struct)[ \t]+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z][A-Z0-9]*(?:API|EXPORT))[ \t]+"
                          rb"(?=[A-Za-z_]\w*[ \t]*(?:final\b|:|\{|$|/[*/]))", re.MULTILINE)
_LINE_MACRO = re.compile(rb"^[ \t]*([A-Z_][A-Z0-9_]{2,}(?:[ \t]*\((?:[^()\n]|\([^()\n]*\))*\))?)[ \t]*$(?![ \t\n]*\{)",
                         re.MULTILINE)
_BLOCK_MACRO = re.compile(rb"^[ \t]+([A-Z][A-Z0-9_]+)[ \t]*\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)"
                          rb"[ \t]*(?:\n[ \t]*)?\{", re.MULTILINE)


def cpp_macros(code: bytes) -> list[Edit]:
    edits = _blanks((match.span(1) for pattern in (_CLASS_MACRO, _LINE_MACRO) for match in pattern.finditer(code)),
                    code)
    return edits + [_instead(*match.span(1), b"if") for match in _BLOCK_MACRO.finditer(code)]


# C#'s contextual keyword `async` named as a variable: a parameter and its argument
# (`Read(async: false, reader)`, `Write(async, writer)`, `if (async)`), which the grammar reads as
# the keyword, breaking the method around it (Npgsql's converters: 62 of its 339 files). Read as
# `asynk` where what follows it can only follow a name, never where a declaration or a lambda does.
_ASYNC_NAME = re.compile(rb"\b(async)\b(?=[ \t\n]*(?::(?!:)|,|\)|\]|;|\?(?![?.])|&&|\|\||==|!=|=(?![=>])))")


def async_names(code: bytes) -> list[Edit]:
    return [(start, end, b"asynk") for start, end in (match.span(1) for match in _ASYNC_NAME.finditer(code))]


# rewrites given the whole file, not only the declarations that broke: a condition's branches
# stand apart, and where one breaks a type, its `#else` and `#endif` may fall outside what broke
WHOLE_FILE: frozenset[Callable[[bytes], list[Edit]]] = frozenset({compilation_conditions})

# languages.yaml's keys, in the order a file is read again: each on the text the last kept
REWRITES_ON_ERROR: dict[str, Callable[[bytes], list[Edit]]] = {
    "attribute_macros": attribute_macros, "unexpanded_macros": unexpanded_macros,
    "type_modifiers": type_modifiers, "unnamed_library": unnamed_library,
    "compilation_conditions": compilation_conditions, "newer_swift": newer_swift, "empty_tuples": empty_tuples,
    "newer_kotlin": newer_kotlin, "dot_shorthands": dot_shorthands, "qt_keywords": qt_keywords,
    "format_macros": format_macros, "cpp_macros": cpp_macros, "async_names": async_names}
