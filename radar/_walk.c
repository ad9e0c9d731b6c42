/* radar._walk: the tree walk of the parse stage (radar/stages/parse.py, `_Walk`) in C.

   parse.py parses with py-tree-sitter as always (its queries keep working); this module only
   walks the tree it made, reading the `TSTree *` out of py-tree-sitter's Tree object with the
   tree-sitter runtime vendored in radar/vendor/tree_sitter (the same version as the pinned
   `tree-sitter`, so the tree's layout is the one the runtime expects). This copy of the runtime
   allocates with its own allocator (its cursors), frees only what it allocated, and never
   changes the tree. Built at `pip install` when a compiler is there (setup.py marks it
   optional); parse.py falls back to its Python walk otherwise, or when the checks on the Tree
   object fail, and tests/test_walk.py holds the two walks to each other.

   tree_sitter_version  the version of the vendored runtime (radar/vendor/tree_sitter/VERSION):
                      parse.py walks in C only where `tree_sitter.__version__` is that one.
   compatible(tree)   (kind id, start byte, end byte, child count) of the tree's root as this
                      runtime reads it, or None when `tree` is not the Tree object this module
                      knows (type name, size): parse.py compares it with `tree.root_node`.
   tables(tree, ...)  a capsule with a grammar's tables (grammars._Grammar) in C form: kind ids
                      as flags, unit specs with their field names resolved to field ids
                      (radar/_walk_tables.c; the types both files share: radar/_walk.h).
   walk(tables, tree, data, kw_cache, id_cache, str_cache, cache_limit, long_string, block_tokens)
                      (tokens, units, had_errors, module_end_line, calls, reference_roots):
                      what _Walk.run and _Walk._result find. units: (kind, name, first line,
                      last line, first token, end token) of the units kept, in opening order;
                      reference_roots: (start byte, end byte, kind id) of the reference_roots
                      nodes met, in order. Token tuples come from (and go into) the caches parse.py
                      shares with its Python walk. */
#include "_walk.h"

static PyObject *KIND_STR[K_COUNT];
static PyObject *KW, *ID, *STR, *SPACE, *BLAKE2B, *DIGEST_SIZE;

#define NESTING 64  /* parse.py's bound on declarators nesting and on curried definition heads */
#define TEXT_CHARS 200

/* --- the Tree object ---------------------------------------------------------------------- */

static PyObject *compatible(PyObject *module, PyObject *tree) {
    if (!is_tree(tree))
        Py_RETURN_NONE;
    TSNode root = ts_tree_root_node(((PyTree *)tree)->tree);
    return Py_BuildValue("(IIII)", (unsigned)ts_node_symbol(root), ts_node_start_byte(root),
                         ts_node_end_byte(root), ts_node_child_count(root));
}

/* --- the walk ----------------------------------------------------------------------------- */

typedef struct {
    Py_ssize_t start, end;  /* token positions */
    TSNode node;
    int kind;
    PyObject *name;
    int bodied;             /* a function whose body block was seen */
    int awaits_body;        /* a signature whose body, the next sibling, is still to come */
    TSNode last;            /* the node the unit ends with: itself, or that body */
} Record;

typedef struct {
    int depth;
    Py_ssize_t record;
} Open;

typedef struct {
    Tables *t;
    const char *data;
    Py_ssize_t size;
    PyObject *tokens, *calls, *roots;
    PyObject *kw, *id, *str;
    Py_ssize_t cache_limit, long_string;
    Record *opened;
    Py_ssize_t n_opened, cap_opened;
    Open *stack;
    Py_ssize_t n_stack, cap_stack;
    const void *skip_id;   /* the definition a wrapper already opened */
    TSNode body;           /* the body sibling of the unit open_unit found last, or a null node */
    TSTreeCursor children; /* for named_children */
} Walk;

/* data[start:end], clamped like a Python slice. */
static void slice(Walk *w, uint32_t start, uint32_t end, const char **raw, Py_ssize_t *n) {
    Py_ssize_t from = start < (uint32_t)w->size ? (Py_ssize_t)start : w->size;
    Py_ssize_t to = end < (uint32_t)w->size ? (Py_ssize_t)end : w->size;
    *raw = w->data + from;
    *n = to > from ? to - from : 0;
}

/* parse._token: a new (category, interned text) remembered in `cache`. */
static PyObject *new_token(Walk *w, PyObject *cache, PyObject *category, PyObject *key) {
    if (PyDict_GET_SIZE(cache) > w->cache_limit)
        PyDict_Clear(cache);
    PyObject *text = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(key), PyBytes_GET_SIZE(key), "replace");
    if (text == NULL)
        return NULL;
    PyUnicode_InternInPlace(&text);
    PyObject *token = PyTuple_Pack(2, category, text);
    Py_DECREF(text);
    if (token != NULL && PyDict_SetItem(cache, key, token) < 0)
        Py_CLEAR(token);
    return token;
}

/* `cache.get(raw) or _token(cache, category, raw)`; `words` (when not NULL) is looked in first. */
static PyObject *cached_token(Walk *w, PyObject *words, PyObject *cache, PyObject *category, const char *raw,
                              Py_ssize_t n) {
    PyObject *key = PyBytes_FromStringAndSize(raw, n), *token = NULL;
    if (key == NULL)
        return NULL;
    if (words != NULL)
        token = PyDict_GetItemWithError(words, key);
    if (token == NULL && !PyErr_Occurred())
        token = PyDict_GetItemWithError(cache, key);
    if (token != NULL)
        Py_INCREF(token);
    else if (!PyErr_Occurred())
        token = new_token(w, cache, category, key);
    Py_DECREF(key);
    return token;
}

/* `_STR_CACHE.get(raw) or _string_token(raw)`: a long string is its digest, not remembered. */
static PyObject *string_token(Walk *w, const char *raw, Py_ssize_t n) {
    if (n <= w->long_string)
        return cached_token(w, NULL, w->str, STR, raw, n);
    PyObject *key = PyBytes_FromStringAndSize(raw, n);
    if (key == NULL)
        return NULL;
    PyObject *token = PyDict_GetItemWithError(w->str, key);
    if (token != NULL || PyErr_Occurred()) {
        Py_DECREF(key);
        return Py_XNewRef(token);
    }
    PyObject *positional = PyTuple_Pack(1, key), *keywords = Py_BuildValue("{sO}", "digest_size", DIGEST_SIZE);
    PyObject *hash = positional == NULL || keywords == NULL ? NULL : PyObject_Call(BLAKE2B, positional, keywords);
    Py_XDECREF(positional);
    Py_XDECREF(keywords);
    Py_DECREF(key);
    if (hash == NULL)
        return NULL;
    PyObject *digest = PyObject_CallMethod(hash, "hexdigest", NULL);
    Py_DECREF(hash);
    if (digest == NULL)
        return NULL;
    token = PyTuple_Pack(2, STR, digest);
    Py_DECREF(digest);
    return token;
}

static int append(Walk *w, PyObject *token) {
    if (token == NULL)
        return -1;
    int failed = PyList_Append(w->tokens, token);
    Py_DECREF(token);
    return failed;
}

/* The text of a node as a name: whitespace runs made one space, at most TEXT_CHARS characters. */
static PyObject *node_text(Walk *w, TSNode node) {
    const char *raw;
    Py_ssize_t n;
    slice(w, ts_node_start_byte(node), ts_node_end_byte(node), &raw, &n);
    PyObject *text = PyUnicode_DecodeUTF8(raw, n, "replace");
    if (text == NULL)
        return NULL;
    PyObject *words = PyUnicode_Split(text, NULL, -1);
    Py_DECREF(text);
    if (words == NULL)
        return NULL;
    PyObject *joined = PyUnicode_Join(SPACE, words);
    Py_DECREF(words);
    if (joined == NULL || PyUnicode_GET_LENGTH(joined) <= TEXT_CHARS)
        return joined;
    PyObject *cut = PyUnicode_Substring(joined, 0, TEXT_CHARS);
    Py_DECREF(joined);
    return cut;
}

/* next((c for c in node.named_children if c.type == type), None) */
static TSNode named_child_of_type(Walk *w, TSNode node, const char *type) {
    ts_tree_cursor_reset(&w->children, node);
    for (int ok = ts_tree_cursor_goto_first_child(&w->children); ok;
         ok = ts_tree_cursor_goto_next_sibling(&w->children)) {
        TSNode child = ts_tree_cursor_current_node(&w->children);
        if (ts_node_is_named(child) && strcmp(ts_node_type(child), type) == 0)
            return child;
    }
    TSNode none = {{0, 0, 0, 0}, NULL, NULL};
    return none;
}

static TSNode step_child(Walk *w, TSNode node, const Step *step) {
    return step->by_type ? named_child_of_type(w, node, step->type) : ts_node_child_by_field_id(node, step->field);
}

/* Whether a node's next sibling is one of the spec's body kinds (none asked: yes). */
static int has_body(TSNode node, const Spec *spec) {
    if (spec->n_body == 0)
        return 1;
    TSNode next = ts_node_next_sibling(node);
    if (ts_node_is_null(next))
        return 0;
    for (Py_ssize_t i = 0; i < spec->n_body; i++)
        if (ts_node_symbol(next) == spec->body[i])
            return 1;
    return 0;
}

/* _Walk._fits */
static int fits(Walk *w, TSNode node, const Spec *spec) {
    if (!has_body(node, spec))
        return 0;  /* a signature with no body (an abstract method) */
    for (Py_ssize_t i = 0; i < spec->n_require; i++) {
        const Require *r = &spec->require[i];
        TSNode child = step_child(w, node, &r->where);
        if (ts_node_is_null(child))
            return 0;
        if (r->types == NULL)
            continue;
        const char *type = ts_node_type(child);
        Py_ssize_t j = 0;
        while (j < r->n_types && strcmp(r->types[j], type) != 0)
            j++;
        if (j == r->n_types)
            return 0;
    }
    return 1;
}

/* _Walk._name: follow the spec's steps down declarators; "" when none leads anywhere. */
static PyObject *unit_name(Walk *w, TSNode node, const Spec *spec) {
    TSNode current = node;
    int moved = 0;
    for (int round = 0; round < NESTING; round++) {
        Py_ssize_t i = 0;
        for (; i < spec->n_name; i++) {
            TSNode found = step_child(w, current, &spec->name[i]);
            if (!ts_node_is_null(found)) {
                current = found;
                moved = 1;
                break;
            }
        }
        if (i == spec->n_name)
            break;
    }
    return moved ? node_text(w, current) : PyUnicode_FromString("");
}

static int top_kind(Walk *w) {
    return w->n_stack ? w->opened[w->stack[w->n_stack - 1].record].kind : -1;
}

/* _Walk._kind */
static int unit_kind(Walk *w, int kind) {
    int host = top_kind(w);
    return kind == K_FUNCTION && (host == K_CLASS || host == K_CONTAINER) ? K_METHOD : kind;
}

/* _Walk._block_open: 1 with *name set when the block is a unit, 0 when it is not. */
static int block_open(Walk *w, PyObject **name) {
    if (w->n_stack == 0)
        return 0;
    Record *host = &w->opened[w->stack[w->n_stack - 1].record];
    if (host->kind != K_FUNCTION && host->kind != K_METHOD && host->kind != K_BLOCK)
        return 0;
    if (host->kind != K_BLOCK && !host->bodied) {
        host->bodied = 1;
        return 0;
    }
    *name = Py_NewRef(host->name);
    return 1;
}

/* _Walk._element: the first named child from `index` on that is not a comment or metadata. */
static TSNode element(Walk *w, TSNode node, uint32_t index, uint32_t *position) {
    uint32_t count = ts_node_named_child_count(node);
    for (uint32_t i = index; i < count; i++) {
        TSNode child = ts_node_named_child(node, i);
        if (!(w->t->flags[ts_node_symbol(child)] & F_LIST_SKIP)) {
            *position = i;
            return child;
        }
    }
    TSNode none = {{0, 0, 0, 0}, NULL, NULL};
    return none;
}

/* _Walk._symbol */
static PyObject *symbol_text(Walk *w, TSNode node) {
    uint32_t count = ts_node_named_child_count(node);
    if (!(w->t->flags[ts_node_symbol(node)] & F_SYMBOL) && count) {
        TSNode last = ts_node_named_child(node, count - 1);
        if (w->t->flags[ts_node_symbol(last)] & F_SYMBOL)
            return node_text(w, last);
    }
    return node_text(w, node);
}

/* _Walk._lisp_open: (head name ...) where head is a definition symbol. */
static int lisp_open(Walk *w, TSNode node, PyObject **name) {
    uint32_t index = 0, unused;
    TSNode head = element(w, node, 0, &index);
    if (ts_node_is_null(head) || w->t->flags[ts_node_symbol(head)] & F_LIST)
        return 0;
    PyObject *symbol = symbol_text(w, head);
    if (symbol == NULL)
        return -1;
    int defines = PySet_Contains(w->t->definitions, symbol);
    Py_DECREF(symbol);
    if (defines <= 0)
        return defines;
    TSNode target = element(w, node, index + 1, &unused);
    for (int round = 0; round < NESTING; round++) {
        if (ts_node_is_null(target) || !(w->t->flags[ts_node_symbol(target)] & F_LIST))
            break;
        target = element(w, target, 0, &unused);
    }
    *name = ts_node_is_null(target) ? PyUnicode_FromString("") : symbol_text(w, target);
    return *name == NULL ? -1 : 1;
}

/* _Walk._open: 1 with *kind and *name set when `node` starts a unit, 0 when not, -1 on error. */
static int open_unit(Walk *w, TSNode node, TSSymbol kid, int *kind, PyObject **name) {
    uint8_t flags = w->t->flags[kid];
    w->body = (TSNode){{0, 0, 0, 0}, NULL, NULL};
    if (flags & F_BLOCK) {
        *kind = K_BLOCK;
        return block_open(w, name);
    }
    if (flags & F_LIST) {
        *kind = K_DEFINITION;
        return lisp_open(w, node, name);
    }
    if (flags & F_WRAPPER) {
        for (uint32_t i = ts_node_named_child_count(node); i-- > 0;) {
            TSNode child = ts_node_named_child(node, i);
            int32_t index = w->t->spec_of[ts_node_symbol(child)];
            if (index >= 0 && fits(w, child, &w->t->specs[index])) {
                w->skip_id = child.id;
                *kind = unit_kind(w, w->t->specs[index].kind);
                *name = unit_name(w, child, &w->t->specs[index]);
                return *name == NULL ? -1 : 1;
            }
        }
        return 0;
    }
    if (w->t->spec_of[kid] < 0)  /* not in grammars._Grammar.candidates' making: never a unit */
        return 0;
    const Spec *spec = &w->t->specs[w->t->spec_of[kid]];
    if (node.id == w->skip_id || !fits(w, node, spec))
        return 0;
    *kind = unit_kind(w, spec->kind);
    if (spec->n_body)
        w->body = ts_node_next_sibling(node);
    for (Py_ssize_t i = 0; i < spec->n_container; i++)
        if (!ts_node_is_null(ts_node_child_by_field_id(node, spec->container[i]))) {
            *kind = K_CONTAINER;
            break;
        }
    *name = unit_name(w, node, spec);
    return *name == NULL ? -1 : 1;
}

/* Room for one more of `count` items of `size` bytes in *items (doubled when full). */
static int room(void **items, Py_ssize_t *cap, Py_ssize_t count, size_t size) {
    if (count < *cap)
        return 0;
    Py_ssize_t grown_cap = *cap ? 2 * *cap : 64;
    void *grown = PyMem_Realloc(*items, grown_cap * size);
    if (grown == NULL)
        return -1;
    *items = grown;
    *cap = grown_cap;
    return 0;
}

static int push_unit(Walk *w, TSNode node, int kind, PyObject *name, int depth) {
    if (room((void **)&w->opened, &w->cap_opened, w->n_opened, sizeof(Record)) < 0 ||
        room((void **)&w->stack, &w->cap_stack, w->n_stack, sizeof(Open)) < 0)
        return -1;
    int awaits = !ts_node_is_null(w->body);
    Record record = {PyList_GET_SIZE(w->tokens), 0, node, kind, name, 0, awaits, awaits ? w->body : node};
    w->opened[w->n_opened] = record;
    w->stack[w->n_stack++] = (Open){depth, w->n_opened++};
    return 0;
}

static int add_int(PyObject *list, Py_ssize_t value) {
    PyObject *number = PyLong_FromSsize_t(value);
    if (number == NULL)
        return -1;
    int failed = PyList_Append(list, number);
    Py_DECREF(number);
    return failed;
}

/* A node that has children and is walked into: the call and reference-root lists, a unit. */
static int enter(Walk *w, TSNode node, TSSymbol kid, int depth, int *top) {
    uint8_t flags = w->t->flags[kid];
    if (flags & F_CALL && add_int(w->calls, PyList_GET_SIZE(w->tokens)) < 0)
        return -1;
    if (flags & F_ROOT) {
        PyObject *root = Py_BuildValue("(III)", ts_node_start_byte(node), ts_node_end_byte(node), (unsigned)kid);
        if (root == NULL || PyList_Append(w->roots, root) < 0) {
            Py_XDECREF(root);
            return -1;
        }
        Py_DECREF(root);
    }
    if (!(flags & F_CANDIDATE))
        return 0;
    int kind;
    PyObject *name = NULL;
    int opened = open_unit(w, node, kid, &kind, &name);
    if (opened <= 0)
        return opened;
    if (push_unit(w, node, kind, name, depth) < 0) {
        Py_DECREF(name);
        PyErr_NoMemory();
        return -1;
    }
    *top = depth;
    return 0;
}

/* The token of a leaf, or of a node whose action keeps it whole (literals, atoms, symbols). */
static int add_token(Walk *w, TSNode node, TSSymbol kid, int action, TSNode *last) {
    const char *raw;
    Py_ssize_t n;
    PyObject *token;
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    slice(w, start, end, &raw, &n);
    if (action <= NAMED) {
        if (end <= start)  /* MISSING nodes are empty */
            return 0;
        token = action == ANON ? cached_token(w, NULL, w->kw, KW, raw, n) : cached_token(w, NULL, w->id, ID, raw, n);
    } else if (action == LIT) {
        token = w->t->lit_tokens[kid];
        token = token != NULL ? Py_NewRef(token) : string_token(w, raw, n);
    } else if (action == SYMBOL) {
        token = cached_token(w, w->t->lisp_words, w->id, ID, raw, n);
    } else if (action == ATOM) {
        token = cached_token(w, NULL, w->id, ID, raw, n);
    } else {
        token = cached_token(w, NULL, w->kw, KW, raw, n);
    }
    *last = node;
    return append(w, token);
}

static int last_line(TSNode node) {
    TSPoint end = ts_node_end_point(node), start = ts_node_start_point(node);
    int row = end.column == 0 ? (int)end.row : (int)end.row + 1;
    return row > (int)start.row + 1 ? row : (int)start.row + 1;
}

/* _Walk.run's loop: every node once, in order. */
static int walk_tree(Walk *w, TSTree *tree, TSNode *last) {
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    int depth = 0, top = -1, failed = 0;
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&cursor);
        TSSymbol kid = ts_node_symbol(node);
        int action = kid < w->t->n_actions ? w->t->actions[kid] : NAMED;  /* ERROR is beyond the table */
        if (action <= NAMED && ts_tree_cursor_goto_first_child(&cursor)) {
            if ((failed = enter(w, node, kid, depth, &top)) < 0)
                break;
            depth++;
            continue;
        }
        if (action != SKIP && (failed = add_token(w, node, kid, action, last)) < 0)
            break;
        /* Leave this node, then every ancestor that has no next sibling. */
        int done = 0;
        for (;;) {
            if (depth == top && w->opened[w->stack[w->n_stack - 1].record].awaits_body) {
                w->opened[w->stack[w->n_stack - 1].record].awaits_body = 0;  /* a signature: its body is next */
            } else if (depth == top) {
                w->opened[w->stack[--w->n_stack].record].end = PyList_GET_SIZE(w->tokens);
                top = w->n_stack ? w->stack[w->n_stack - 1].depth : -1;
            }
            if (ts_tree_cursor_goto_next_sibling(&cursor))
                break;
            if (!ts_tree_cursor_goto_parent(&cursor)) {
                done = 1;
                break;
            }
            depth--;
        }
        if (done)
            break;
    }
    ts_tree_cursor_delete(&cursor);
    return failed;
}

/* _Walk._result's units (the module unit aside): (kind, name, first, last, start, end). */
static PyObject *kept_units(Walk *w, int had_errors, Py_ssize_t block_tokens) {
    PyObject *units = PyList_New(0);
    for (Py_ssize_t i = 0; units != NULL && i < w->n_opened; i++) {
        Record *r = &w->opened[i];
        if ((had_errors && (ts_node_has_error(r->node) || ts_node_has_error(r->last)))
            || (r->kind == K_BLOCK && r->end - r->start < block_tokens) || r->kind == K_CONTAINER)
            continue;
        PyObject *unit = Py_BuildValue("(OOiinn)", KIND_STR[r->kind], r->name,
                                       (int)ts_node_start_point(r->node).row + 1, last_line(r->last), r->start,
                                       r->end);
        if (unit == NULL || PyList_Append(units, unit) < 0)
            Py_CLEAR(units);
        Py_XDECREF(unit);
    }
    return units;
}

static PyObject *walk(PyObject *module, PyObject *args) {
    PyObject *capsule, *tree;
    Py_buffer data;
    Py_ssize_t block_tokens;
    Walk w = {0};
    if (!PyArg_ParseTuple(args, "OOy*O!O!O!nnn:walk", &capsule, &tree, &data, &PyDict_Type, &w.kw, &PyDict_Type,
                          &w.id, &PyDict_Type, &w.str, &w.cache_limit, &w.long_string, &block_tokens))
        return NULL;
    PyObject *result = NULL;
    w.t = PyCapsule_GetPointer(capsule, TABLES_CAPSULE);
    if (w.t == NULL || !is_tree(tree)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "walk: not a tree_sitter.Tree this module knows");
        PyBuffer_Release(&data);
        return NULL;
    }
    TSTree *ts_tree = ((PyTree *)tree)->tree;
    TSNode root = ts_tree_root_node(ts_tree), last = {{0, 0, 0, 0}, NULL, NULL};
    w.data = data.buf;
    w.size = data.len;
    w.tokens = PyList_New(0);
    w.calls = PyList_New(0);
    w.roots = PyList_New(0);
    w.children = ts_tree_cursor_new(root);
    if (w.tokens != NULL && w.calls != NULL && w.roots != NULL && walk_tree(&w, ts_tree, &last) == 0) {
        int had_errors = ts_node_has_error(root);
        PyObject *units = kept_units(&w, had_errors, block_tokens);
        PyObject *tokens = PyList_AsTuple(w.tokens);
        if (units != NULL && tokens != NULL)
            result = Py_BuildValue("(OONiOO)", tokens, units, PyBool_FromLong(had_errors),
                                   ts_node_is_null(last) ? 1 : last_line(last), w.calls, w.roots);
        Py_XDECREF(units);
        Py_XDECREF(tokens);
    }
    ts_tree_cursor_delete(&w.children);
    for (Py_ssize_t i = 0; i < w.n_opened; i++)
        Py_DECREF(w.opened[i].name);
    PyMem_Free(w.opened);
    PyMem_Free(w.stack);
    Py_XDECREF(w.tokens);
    Py_XDECREF(w.calls);
    Py_XDECREF(w.roots);
    PyBuffer_Release(&data);
    return result;
}

/* --- the module --------------------------------------------------------------------------- */

static PyMethodDef methods[] = {
    {"compatible", compatible, METH_O, "(kind id, start byte, end byte, child count) of the root, or None."},
    {"tables", walk_tables, METH_VARARGS, "A grammar's tables in C form (a capsule)."},
    {"walk", walk, METH_VARARGS, "What parse._Walk finds in a tree: tokens, units, errors, calls, roots."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "radar._walk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__walk(void) {
    for (int k = 0; k < K_COUNT; k++)
        if ((KIND_STR[k] = PyUnicode_InternFromString(KIND_NAMES[k])) == NULL)
            return NULL;
    KW = PyUnicode_InternFromString("kw");
    ID = PyUnicode_InternFromString("id");
    STR = PyUnicode_InternFromString("str");
    SPACE = PyUnicode_InternFromString(" ");
    DIGEST_SIZE = PyLong_FromLong(8);
    PyObject *hashlib = PyImport_ImportModule("hashlib");
    BLAKE2B = hashlib == NULL ? NULL : PyObject_GetAttrString(hashlib, "blake2b");
    Py_XDECREF(hashlib);
    if (KW == NULL || ID == NULL || STR == NULL || SPACE == NULL || DIGEST_SIZE == NULL || BLAKE2B == NULL)
        return NULL;
    PyObject *module = PyModule_Create(&definition);
    if (module != NULL && PyModule_AddStringConstant(module, "tree_sitter_version", TREE_SITTER_VERSION) < 0)
        Py_CLEAR(module);
    return module;
}
