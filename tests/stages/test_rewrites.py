"""A file that does not parse is read again with the forms its grammar stumbles on rewritten:
C's macros, as radare2, httpd, netdata and mpv write them, keep their functions as units."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from radar.stages.parse import extract, extract_either
from radar.stages.rewrites import REWRITES_ON_ERROR, applied, masked

RADARE2 = b'''#include <r_core.h>

R_API RList *r_core_list_names(RCore *core, RList *list) {
\tRList *names = r_list_newf (free);
\tRListIter *iter;
\tconst char *name;
\tr_list_foreach (list, iter, name) {
\t\tif (name && *name) {
\t\t\tr_list_append (names, strdup (name));
\t\t}
\t}
\treturn names;
}

static int
show_names (RCore *core, RList *names)
{
\treturn r_list_length (names);
}
'''

HTTPD = b'''#include "httpd.h"

static int crypto_init(apr_pool_t *p, apr_pool_t *plog, apr_pool_t *ptemp, server_rec *s)
{
    const apr_crypto_driver_t *driver = NULL;
    if (!driver) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, s, APLOGNO(01843)
                "crypto driver could not be loaded: %s", "openssl");
        return 500;
    }
    return 0;
}

module AP_MODULE_DECLARE_DATA crypto_module;

static const char *first_url(apr_array_header_t *urls, int i)
{
    const char *url = APR_ARRAY_IDX(urls, i, const char*);
    return url ? url : "";
}
'''

MPV = b'''static int open_filter(struct mp_filter *f, int flags __maybe_unused)
{
    struct priv *p = talloc_zero(f, struct priv);
    p->flags = flags;
    return 0;
}

static DWORD WINAPI run_thread(void *arg)
{
    struct priv *p = arg;
    return p->flags;
}
'''


VARNISH = b'''#include "cache_varnishd.h"

static void v_matchproto_(task_func_t)
vca_accept_task(struct worker *wrk, void *arg)
{
	struct listen_sock *ls;
	unsigned n = 0;

	CHECK_OBJ_NOTNULL(wrk, WORKER_MAGIC);
	VTAILQ_FOREACH(ls, &heritage.socks, list)
		n++;
	vca_pace_check(wrk, n);
}
'''


def _functions(data: bytes) -> dict[str, tuple[int, int]]:
    extraction, _ = extract_either(data, "c")
    return {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.kind == "function"}


def test_a_function_headed_by_a_macro_and_looping_through_a_statement_macro_is_a_unit():
    assert "r_core_list_names" not in {unit.name for unit in extract(RADARE2, "c").units}  # as written: broken
    functions = _functions(RADARE2)
    assert functions["r_core_list_names"] == (3, 13)  # on the lines written
    assert functions["show_names"] == (15, 19)  # a GNU-style head at column 0 is no statement


def test_a_log_number_macro_before_its_message_and_a_declaration_macro_break_no_unit():
    assert "crypto_init" not in {unit.name for unit in extract(HTTPD, "c").units}
    assert _functions(HTTPD)["crypto_init"] == (3, 12)
    assert _functions(HTTPD)["first_url"] == (16, 20)  # a pointer type as a macro's argument
    assert not extract_either(HTTPD, "c")[0].had_errors


def test_a_type_given_to_a_macro_an_unused_parameter_and_a_calling_convention_break_no_unit():
    before = {unit.name for unit in extract(MPV, "c").units}
    assert not before & {"open_filter", "run_thread"}
    assert _functions(MPV) == {"open_filter": (1, 6), "run_thread": (8, 12)}


def test_a_file_that_parses_is_read_as_written():
    plain = b"int add(int a, int b)\n{\n    return a + b;\n}\n"
    assert extract_either(plain, "c")[0] == extract(plain, "c")


def test_words_in_comments_and_strings_are_never_rewritten():
    code = masked(b'/* see COPYING) */ int f(int a) { puts("R_API int x("); }\n')
    assert b"COPYING" not in code and b"R_API" not in code
    assert code.count(b'"') == 2  # a string keeps its quotes: what stands before one shows


C_PIECES = st.sampled_from([
    b"R_API ", b"static ", b"int ", b"RList ", b"*", b"name", b"x", b"(", b")", b"{", b"}", b";", b",", b" ",
    b"\t", b"\n", b"    ", b"r_list_foreach ", b"APLOGNO(1)", b'"msg"', b"struct ", b"UNUSED", b"__maybe_unused",
    b"/* c */", b"/* a\n b */", b"// c\n", b"#ifdef X\n", b"#endif\n", b"WINAPI ", b"=", b"<", b"in ", b"out\n",
    b"()", b"return ", b"library;", b"->", b"..<", b"$$\"x\"", b"is ", b" if ", b"RZ_IN ", b"_In_ ", b".", b"? ", b"case ",
    b"emit ", b"signals:", b"public slots:", b"Q_OBJECT\n", b"Q_PROPERTY(", b"Q_INVOKABLE ", b"PRIu32 ", b"PRIx64",
    b"class FOO_API ", b"BEGIN_EVENT_TABLE(A, B)\n", b"#if A\n", b"#else\n", b"#elseif B\n",
    b"nonisolated(unsafe) ", b"throws(E) ", b": sending ", b"if await "])


@settings(max_examples=300, deadline=None)
@given(st.lists(C_PIECES, max_size=60).map(b"".join))
def test_rewrites_keep_every_line_and_offset_and_never_lose_a_unit(data: bytes):
    for rewrite in REWRITES_ON_ERROR.values():
        edits = rewrite(masked(data))
        rewritten = applied(data, edits)
        assert [len(line) for line in rewritten.split(b"\n")] == [len(line) for line in data.split(b"\n")]
    assert len(extract_either(data, "c")[0].units) >= len(extract(data, "c").units)


SWIFT_NIO = b'''final class Writer {
    func flush(promise: EventLoopPromise<Void>?) {
        switch self.state {
        case .idle:
            ()
        case .writing:
            promise?.succeed(())
        }
    }

    func close(_ callback: @escaping () -> Void) -> EventLoopFuture<Void> {
        let done: () -> Void = { () in callback() }
        done()
        return self.eventLoop.makeSucceededFuture(())
    }
}
'''


def test_swift_functions_passing_the_empty_tuple_are_units():
    """swift-nio's `promise.succeed(())`: the bundled grammar cannot read `()` as a value."""
    assert not {"flush", "close"} & {unit.name for unit in extract(SWIFT_NIO, "swift").units}
    extraction, _ = extract_either(SWIFT_NIO, "swift")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units}
    assert found["flush"] == (2, 9) and found["close"] == (11, 15)
    assert not extraction.had_errors  # `() -> Void` and `{ () in` read as written


def test_an_annotation_macro_ending_a_gnu_head_and_a_loop_macro_without_braces_break_no_unit():
    """varnish: `static void v_matchproto_(task_func_t)` above the function's name, and
    `VTAILQ_FOREACH(x, head, list)` above the one statement it loops over."""
    assert "vca_accept_task" not in {unit.name for unit in extract(VARNISH, "c").units}
    assert _functions(VARNISH) == {"vca_accept_task": (3, 13)}


OPENVPN = b'''#include "openvpn-plugin.h"

OPENVPN_EXPORT int
openvpn_plugin_open_v3(const int version, struct plugin_args *args)
{
    if (version < 3) {
        return 1;
    }
    return args->flags;
}
'''


def test_a_gnu_style_head_whose_type_line_opens_with_an_export_macro_is_a_unit():
    assert "openvpn_plugin_open_v3" not in {unit.name for unit in extract(OPENVPN, "c").units}
    assert _functions(OPENVPN) == {"openvpn_plugin_open_v3": (3, 10)}


GLIB = b'''#include <glib.h>

G_BEGIN_DECLS

BOOL
is_ready (GList *list)
{
  return list != NULL;
}

static guint
count_items (GList *list)
{
  return g_list_length (list);
}

G_END_DECLS
'''


def test_a_macro_alone_on_its_line_opening_a_region_breaks_no_unit_and_a_type_above_a_name_stays():
    """glib's `G_BEGIN_DECLS`, Objective-C's `NS_ASSUME_NONNULL_BEGIN`; `BOOL` above `is_ready`
    is a GNU-style head's type, kept."""
    assert "is_ready" not in {unit.name for unit in extract(GLIB, "c").units}
    assert _functions(GLIB) == {"is_ready": (5, 9), "count_items": (11, 15)}


KOTLIN = b'''class Handler(
    private val onFile: (
        callback: ValueCallback,
        params: Params,
    ) -> Boolean = { _, _ -> false },
    @param:Value($$"${server.port:#{null}}") private val port: Int?,
) {
    fun action(error: Error): Action = when (error) {
        is Error.Ssl,
        is Error.Fatal,
        -> Action.Retry
        else -> Action.None
    }

    fun sum(values: IntArray): Int {
        var total = 0
        for (i in 0..<values.size) {
            total += values[i]
        }
        return total
    }
}

fun describe(value: Any): String = when (value) {
    is String if value.isEmpty() -> "empty"
    else -> "other"
}
'''


def test_kotlin_newer_than_its_grammar_breaks_no_unit():
    """home-assistant's Android app: a function type's trailing comma, Spring's `$$"${…}"`, the
    range-until `0..<n` and a when branch's guard (`is String if …`) each broke the declaration
    around them (41 of its 897 files)."""
    as_written = extract(KOTLIN, "kotlin")
    assert as_written.had_errors and not {"Handler", "describe"} <= {unit.name for unit in as_written.units}
    extraction, _ = extract_either(KOTLIN, "kotlin")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found == {"Handler": (1, 22), "action": (8, 13), "sum": (15, 21), "describe": (24, 27)}
    assert not extraction.had_errors


KOTLIN_2_2 = b'''class LoginViewModel : ViewModel() {
    val loginState: StateFlow<LoginState>
        field = MutableStateFlow<LoginState>(LoginState.Idle)

    @CheckResult
    context(col: Collection)
    fun search(query: String): Result<String> =
        runCatching { col.buildSearchString(listOf(query)) }
}

class SortPill
    /** the views' constructor */
    @JvmOverloads
    constructor(
        context: Context,
        attrs: AttributeSet? = null,
    ) : MaterialButtonToggleGroup(context, attrs) {
    fun sort(order: Int): Int {
        return order + 1
    }
}
'''


def test_kotlin_2_2_and_a_constructor_below_its_class_break_no_unit():
    """AnkiDroid: context parameters (`context(col: Collection)` above a `fun`), explicit backing
    fields (`field = MutableStateFlow(…)` below a property) and a primary constructor on a line
    below its class's name broke the declarations around them (60 of its 897 files)."""
    as_written = extract(KOTLIN_2_2, "kotlin")
    assert as_written.had_errors and "LoginViewModel" not in {unit.name for unit in as_written.units}
    extraction, _ = extract_either(KOTLIN_2_2, "kotlin")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found == {"LoginViewModel": (1, 9), "search": (5, 8), "SortPill": (11, 21), "sort": (18, 20)}
    assert not extraction.had_errors


CSHARP_ASYNC_NAMES = b'''sealed class PathConverter : PgStreamingConverter<Path>
{
    public override Path Read(PgReader reader)
        => Read(async: false, reader, CancellationToken.None).GetAwaiter().GetResult();

    async ValueTask<Path> Read(bool async, PgReader reader, CancellationToken token)
    {
        if (async)
            await reader.BufferAsync(token).ConfigureAwait(false);
        return await Task.Run(async () => await reader.ReadPath(async, token));
    }
}
'''


def test_csharp_variables_named_async_break_no_method():
    """Npgsql: its converters' `bool async` parameter, passed on as `Read(async: false, …)`, which
    the grammar reads as the keyword: 62 of its 339 files broke, the methods around it dropped.
    The keyword before a method or a lambda stays one."""
    as_written = extract(CSHARP_ASYNC_NAMES, "csharp")
    assert as_written.had_errors
    extraction, _ = extract_either(CSHARP_ASYNC_NAMES, "csharp")
    found = sorted((unit.name, unit.start_line, unit.end_line) for unit in extraction.units if unit.name)
    assert found == [("PathConverter", 1, 12), ("Read", 3, 4), ("Read", 6, 11)] and not extraction.had_errors


RIZIN = b'''RZ_API bool rz_analysis_walkthrough(RZ_NONNULL RzAnalysis *analysis, RZ_BORROW RZ_IN const char *name, int size) {
\tif (!analysis || size < 0) {
\t\treturn false;
\t}
\treturn rz_analysis_walk(analysis, name, size);
}

int APIENTRY wWinMain(_In_ HINSTANCE instance, _In_opt_ HINSTANCE prev, DWORD flags, BOOL shown) {
\treturn run(instance, prev, flags, shown);
}
'''


def test_parameters_annotated_before_their_type_break_no_function():
    """rizin's `RZ_NONNULL RzAnalysis *analysis`, Windows' SAL `_In_ HINSTANCE instance` and its
    calling conventions, `int APIENTRY wWinMain(` (rizin: 700 of its 1,881 files did not parse);
    `DWORD flags` is a type and a name, read as written."""
    assert not {"rz_analysis_walkthrough", "wWinMain"} <= {unit.name for unit in extract(RIZIN, "c").units}
    extraction, _ = extract_either(RIZIN, "c")
    assert {"rz_analysis_walkthrough", "wWinMain"} <= {unit.name for unit in extraction.units}
    cpp = RIZIN.split(b"\n\n")[1]  # rustdesk's runner: C++ reads Windows' calling conventions too
    assert "wWinMain" not in {unit.name for unit in extract(cpp, "cpp").units}
    assert "wWinMain" in {unit.name for unit in extract_either(cpp, "cpp")[0].units}
    edits = REWRITES_ON_ERROR["attribute_macros"](masked(RIZIN))
    assert b"DWORD" not in b"".join(RIZIN[start:end] for start, end, _ in edits)


TOYBOX = b'''#define FOR_log
#include "toys.h"

GLOBALS(
  long setra, setbsz;
)

G_DEFINE_TYPE(MyApplication, my_application, GTK_TYPE_APPLICATION)

void blockdev_main(void)
{
  if (!toys.optflags) help_exit("need --option");
  xprintf("%ld", TT.setra);
}

int
MAIN(int argc, char **argv)
{
  return run(argc, argv);
}
'''


def test_a_macro_called_at_column_0_without_a_semicolon_breaks_no_function():
    """toybox's `GLOBALS(` … `)` above each command (183 of its 286 files did not parse), glib's
    `G_DEFINE_TYPE (…)`; a GNU-style head at column 0 (`int` above `MAIN(…)`) stays a function."""
    assert "blockdev_main" not in {unit.name for unit in extract(TOYBOX, "c").units}
    extraction, _ = extract_either(TOYBOX, "c")
    assert {"blockdev_main", "MAIN"} <= {unit.name for unit in extraction.units}
    assert not extraction.had_errors


FLUFFYCHAT = b'''CallKitParams buildCallKitParams(Room room, {Intent intent = .video}) => CallKitParams(
  id: room.id,
  type: intent == .video ? .videoCall : .audioCall,
  extra: room.extra?.tryGet('roomId'),
  items: [...room.items, .empty()],
);

int level(Mode mode) {
  switch (mode) {
    case .idle:
      return 0;
    default:
      return mode.index;
  }
}
'''


def test_dart_dot_shorthands_break_no_unit_and_a_null_aware_member_stays():
    """fluffychat: Dart 3.10's dot shorthands (`intent = .video`, `? .videoCall : .audioCall`,
    `case .idle:`), which the bundled grammar predates, broke the declaration around each (60
    of its 228 files); `room.extra?.tryGet` and the spread `...room.items` are no shorthands."""
    as_written = extract(FLUFFYCHAT, "dart")
    assert as_written.had_errors
    extraction, _ = extract_either(FLUFFYCHAT, "dart")
    assert {unit.name for unit in extraction.units} >= {"buildCallKitParams", "level"}
    assert not extraction.had_errors
    edits = REWRITES_ON_ERROR["dot_shorthands"](masked(FLUFFYCHAT))
    assert all(FLUFFYCHAT[start:end] == b"." for start, end, _ in edits) and len(edits) == 6


NHEKO = b'''class AliasEditingModel final : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool canSendStateEvent READ canSendStateEvent NOTIFY
                 canSendStateEventChanged)

public:
    Q_INVOKABLE void addAlias(QString newAlias);

signals:
    void aliasesChanged();

public slots:
    void updateAlias(const std::string &alias, int pos);
};

void AliasEditingModel::updateAlias(const std::string &alias, int pos)
{
    if (pos < 0)
        return;
    aliases[pos].canonical = true;
    emit dataChanged(index(pos), index(pos));
    if (alias.empty()) emit aliasesChanged();
}
'''


def test_qts_keywords_and_class_macros_break_no_class_or_function():
    """nheko: Qt's `emit` before a signal's call, a class's `signals:` and `public slots:`,
    `Q_OBJECT`, `QML_ELEMENT`, a `Q_PROPERTY(…)` over two lines and `Q_INVOKABLE`, macros the
    grammar cannot expand, broke the class or function around each (98 of its 160 files)."""
    as_written = extract(NHEKO, "cpp")
    assert as_written.had_errors
    extraction, _ = extract_either(NHEKO, "cpp")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found["AliasEditingModel"] == (1, 16) and found["updateAlias"] == (18, 25)
    assert not extraction.had_errors


MEDIASOUP = b'''void NackGenerator::ReceivePacket(RTC::RtpPacket* packet, bool isRecovered)
{
	uint16_t seq = packet->GetSequenceNumber();
	if (isRecovered)
	{
		MS_DEBUG_DEV(
		  "NACKed packet received [ssrc:%" PRIu32 ", seq:%" PRIu16 ", recovered:%s]",
		  packet->GetSsrc(),
		  seq,
		  isRecovered ? "true" : "false");
	}
	this->lastSeq = seq;
}

static int dump(uint64_t bitrate)
{
	return printf("  bitrate (bps): %" PRIu64 "\\n", bitrate);
}
'''


def test_format_macros_between_a_formats_strings_break_no_function():
    """mediasoup's worker: <inttypes.h>'s `PRIu32` between a format's string literals, which the
    preprocessor joins, read by the grammar as a name between two strings: most of its 68 C++
    files that did not parse (C's grammar reads them as written). A name beside no string (a
    variable so named) is left."""
    assert extract(MEDIASOUP, "cpp").had_errors and not extract(MEDIASOUP.split(b"\n\n")[1], "c").had_errors
    extraction, _ = extract_either(MEDIASOUP, "cpp")
    assert not extraction.had_errors
    assert {unit.name for unit in extraction.units} >= {"ReceivePacket", "dump"}
    assert REWRITES_ON_ERROR["format_macros"](masked(b"int PRIu32 = 1;\n")) == []


AUDACITY = b"""class AUDACITY_DLL_API AboutDialog final : public wxDialogWrapper
{
   DECLARE_DYNAMIC_CLASS(AboutDialog)

public:
   AboutDialog(wxWindow * parent);
   void OnOK(wxCommandEvent & event) { EndModal(wxID_OK); }

   DECLARE_EVENT_TABLE()
};

BEGIN_EVENT_TABLE(AboutDialog, wxDialogWrapper)
   EVT_BUTTON(wxID_OK, AboutDialog::OnOK)
END_EVENT_TABLE()

void AboutDialog::PopulateLicensePage()
{
   IF_ASSERT_FAILED(!license.empty()) {
      return;
   }
   license->Show();
}
"""


def test_cpp_export_macros_and_macros_alone_on_their_line_break_no_class_or_function():
    """audacity: an export macro between `class` and its name, wxWidgets' event tables
    (`DECLARE_EVENT_TABLE()` in the class, `BEGIN_EVENT_TABLE(…)` … `END_EVENT_TABLE()` at the
    top), a statement macro opening a block (`IF_ASSERT_FAILED(x) {`): the class or function
    around each broke (audacity's files with errors 1,333 -> 583)."""
    assert extract(AUDACITY, "cpp").had_errors
    extraction, _ = extract_either(AUDACITY, "cpp")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found["AboutDialog"] == (1, 10) and found["PopulateLicensePage"] == (16, 22)
    assert not extraction.had_errors


SENTRY_COCOA = b'''final class HangTracker {
    private let queue: DispatchQueue
    #if (os(iOS) || os(tvOS)) && !SENTRY_NO_UI_FRAMEWORK
    let reportsPartialHangs: Bool
    #else
    let reportsPartialHangs = false
    #endif

#if os(iOS)
    @objc
    func startSwizzle() {
        swizzleSendAction()
    }
#endif

    func stop() {
        #if os(iOS)
        unswizzle()
        #endif
        queue.cancel()
    }
}
'''


def test_swift_compilation_conditions_between_members_break_no_class_or_method():
    """sentry-cocoa: `#if os(iOS)` … `#endif` around a class's members, which the bundled grammar
    reads between statements only (70 of its Swift files broke); the first branch is read, as
    compiled where its condition holds, the others blanked."""
    assert extract(SENTRY_COCOA, "swift").had_errors
    extraction, _ = extract_either(SENTRY_COCOA, "swift")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found == {"HangTracker": (1, 22), "startSwizzle": (10, 13), "stop": (16, 21)}
    assert not extraction.had_errors


SOURCEKIT_LSP = b'''actor IndexManager {
    private nonisolated(unsafe) var progress: Progress?

    func index(for url: URL) async throws(IndexError) -> Catalog {
        nonisolated(unsafe) let batches = batches
        if await handler.hasSeenError {
            return .empty
        }
        while let next = try await queue.next() {
            handle(next)
        }
        return Catalog(batches)
    }

    func take(_ value: sending Value) -> sending Value {
        value
    }
}
'''


def test_swift_6_syntax_breaks_no_type_or_function():
    """sourcekit-lsp: `nonisolated(unsafe)`, typed throws, `sending` and `await` in a condition,
    which the bundled grammar predates (its files with errors 63 -> 19 with the conditions above)."""
    assert extract(SOURCEKIT_LSP, "swift").had_errors
    extraction, _ = extract_either(SOURCEKIT_LSP, "swift")
    found = {unit.name: (unit.start_line, unit.end_line) for unit in extraction.units if unit.name}
    assert found == {"IndexManager": (1, 18), "index": (4, 13), "take": (15, 17)}
    assert not extraction.had_errors
