/* radar._walk: the tree walk of the parse stage (radar/stages/parse.py, `_Walk`) in C.

   parse.py parses with py-tree-sitter as always (its queries keep working); this module only
   walks the tree it made, reading the `TSTree *` out of py-tree-sitter's Tree object with the
   tree-sitter runtime vendored in radar/vendor/tree_sitter (the same version as the pinned
   `tree-sitter`, so the tree's layout is the one the runtime expects). This copy of the runtime
   allocates with its own allocator (its cursors), frees only what it allocated, and never
   changes the tree. Built at `pip install` when a compiler is there (setup.py marks it
   optional); parse.py falls back to its Python walk otherwise, or when the checks on the Tree
   object fail, and tests/test_walk.py holds the two walks to each other.

   compatible(tree)   (kind id, start byte, end byte, child count) of the tree's root as this
                      runtime reads it, or None when `tree` is not the Tree object this module
                      knows (type name, size): parse.py compares it with `tree.root_node`.
   tables(tree, ...)  a capsule with a grammar's tables (parse._Grammar) in C form: kind ids
                      as flags, unit specs with their field names resolved to field ids.
   walk(tables, tree, data, kw_cache, id_cache, str_cache, cache_limit, long_string, block_tokens)
                      (tokens, units, had_errors, module_end_line, calls, reference_roots):
                      what _Walk.run and _Walk._result find. units: (kind, name, first line,
                      last line, first token, end token) of the units kept, in opening order;
                      reference_roots: (start byte, end byte, kind id) of the reference_roots
                      nodes met, in order. Token tuples come from (and go into) the caches parse.py
                      shares with its Python walk. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#include "tree_sitter/api.h"

/* py-tree-sitter 0.26.1's Tree (tree_sitter/binding/types.h). */
typedef struct {
    PyObject_HEAD
    TSTree *tree;
    PyObject *source;
    PyObject *language;
} PyTree;

/* What to do with a node, by kind id: parse.py's _ANON, _NAMED, ... in that order. */
enum { ANON, NAMED, SKIP, LIT, ATOM, KWORD, SYMBOL };
/* Which of the grammar's kind-id sets a kind id is in. */
enum {
    F_CALL = 1, F_ROOT = 2, F_CANDIDATE = 4, F_BLOCK = 8, F_LIST = 16, F_WRAPPER = 32,
    F_SYMBOL = 64, F_LIST_SKIP = 128
};
/* Unit kinds; K_CONTAINER is parse.py's _CONTAINER. */
enum { K_FUNCTION, K_METHOD, K_CLASS, K_DEFINITION, K_BLOCK, K_CONTAINER, K_COUNT };
static const char *KIND_NAMES[K_COUNT] = {"function", "method", "class", "definition", "block", "container"};
static PyObject *KIND_STR[K_COUNT];
static PyObject *KW, *ID, *STR, *SPACE, *BLAKE2B, *DIGEST_SIZE;

#define KINDS 65536 /* every TSSymbol: ERROR (65535) lies beyond a grammar's own kinds */
#define NESTING 64  /* parse.py's bound on declarators nesting and on curried definition heads */
#define TEXT_CHARS 200

typedef struct {
    int by_type;         /* a named child of that type, else the child in that field */
    TSFieldId field;
    const char *type;
} Step;

typedef struct {
    Step where;
    Py_ssize_t n_types;
    const char **types;  /* NULL: any type */
} Require;

typedef struct {
    int kind;
    Py_ssize_t n_name, n_require, n_container;
    Step *name;
    Require *require;
    TSFieldId *container;
} Spec;

typedef struct {
    uint32_t n_actions;
    uint8_t *actions;
    PyObject **lit_tokens;  /* by kind id below n_actions; NULL: a string */
    uint8_t *flags;         /* KINDS entries */
    int32_t *spec_of;       /* KINDS entries; -1: no unit spec */
    Py_ssize_t n_specs;
    Spec *specs;
    PyObject *lisp_words;   /* dict: bytes -> token */
    PyObject *definitions;  /* frozenset of str */
    PyObject *keep;         /* list: the bytes every `const char *` above points into */
} Tables;

/* --- the Tree object ---------------------------------------------------------------------- */

static int is_tree(PyObject *object) {
    PyTypeObject *type = Py_TYPE(object);
    return strcmp(type->tp_name, "tree_sitter.Tree") == 0 && type->tp_basicsize == (Py_ssize_t)sizeof(PyTree)
           && ((PyTree *)object)->tree != NULL;
}

static PyObject *compatible(PyObject *module, PyObject *tree) {
    if (!is_tree(tree))
        Py_RETURN_NONE;
    TSNode root = ts_tree_root_node(((PyTree *)tree)->tree);
    return Py_BuildValue("(IIII)", (unsigned)ts_node_symbol(root), ts_node_start_byte(root),
                         ts_node_end_byte(root), ts_node_child_count(root));
}

/* --- the tables ---------------------------------------------------------------------------- */

static void tables_free(PyObject *capsule) {
    Tables *t = PyCapsule_GetPointer(capsule, "radar._walk.Tables");
    if (t == NULL)
        return;
    if (t->lit_tokens != NULL)
        for (uint32_t i = 0; i < t->n_actions; i++)
            Py_XDECREF(t->lit_tokens[i]);
    for (Py_ssize_t i = 0; i < t->n_specs; i++) {
        Spec *s = &t->specs[i];
        for (Py_ssize_t r = 0; r < s->n_require; r++)
            PyMem_Free(s->require[r].types);
        PyMem_Free(s->name);
        PyMem_Free(s->require);
        PyMem_Free(s->container);
    }
    PyMem_Free(t->specs);
    PyMem_Free(t->actions);
    PyMem_Free(t->lit_tokens);
    PyMem_Free(t->flags);
    PyMem_Free(t->spec_of);
    Py_XDECREF(t->lisp_words);
    Py_XDECREF(t->definitions);
    Py_XDECREF(t->keep);
    PyMem_Free(t);
}

/* A str's UTF-8 text, kept alive by t->keep. */
static const char *kept_text(Tables *t, PyObject *text) {
    PyObject *bytes = PyUnicode_AsUTF8String(text);
    if (bytes == NULL)
        return NULL;
    int failed = PyList_Append(t->keep, bytes);
    Py_DECREF(bytes);
    return failed ? NULL : PyBytes_AS_STRING(bytes);
}

/* A field name or "@type" as parse.py reads them. */
static int make_step(Tables *t, const TSLanguage *language, int by_type, PyObject *key, Step *step) {
    const char *text = kept_text(t, key);
    if (text == NULL)
        return -1;
    step->by_type = by_type;
    step->type = text;
    step->field = by_type ? 0 : ts_language_field_id_for_name(language, text, (uint32_t)strlen(text));
    return 0;
}

static int kind_of(PyObject *name) {
    for (int k = 0; k < K_COUNT; k++)
        if (PyUnicode_CompareWithASCIIString(name, KIND_NAMES[k]) == 0)
            return k;
    PyErr_Format(PyExc_ValueError, "unknown unit kind %R", name);
    return -1;
}

/* spec: (kind, ((by_type, key), ...), ((field or "@type", types or None), ...), (field, ...)) */
static int make_spec(Tables *t, const TSLanguage *language, PyObject *tuple, Spec *s) {
    PyObject *kind, *name, *require, *container;
    if (!PyArg_ParseTuple(tuple, "UO!O!O!", &kind, &PyTuple_Type, &name, &PyTuple_Type, &require,
                          &PyTuple_Type, &container))
        return -1;
    if ((s->kind = kind_of(kind)) < 0)
        return -1;
    s->n_name = PyTuple_GET_SIZE(name);
    s->n_require = PyTuple_GET_SIZE(require);
    s->n_container = PyTuple_GET_SIZE(container);
    s->name = PyMem_Calloc(s->n_name + 1, sizeof(Step));
    s->require = PyMem_Calloc(s->n_require + 1, sizeof(Require));
    s->container = PyMem_Calloc(s->n_container + 1, sizeof(TSFieldId));
    if (s->name == NULL || s->require == NULL || s->container == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < s->n_name; i++) {
        int by_type;
        PyObject *key;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(name, i), "pU", &by_type, &key) ||
            make_step(t, language, by_type, key, &s->name[i]) < 0)
            return -1;
    }
    for (Py_ssize_t i = 0; i < s->n_require; i++) {
        PyObject *field, *types;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(require, i), "UO", &field, &types))
            return -1;
        Require *r = &s->require[i];
        int by_type = PyUnicode_GET_LENGTH(field) > 0 && PyUnicode_READ_CHAR(field, 0) == '@';
        PyObject *key = by_type ? PyUnicode_Substring(field, 1, PyUnicode_GET_LENGTH(field)) : Py_NewRef(field);
        int failed = key == NULL || make_step(t, language, by_type, key, &r->where) < 0;
        Py_XDECREF(key);
        if (failed)
            return -1;
        if (types == Py_None)
            continue;
        PyObject *listed = PySequence_Tuple(types);
        if (listed == NULL)
            return -1;
        r->n_types = PyTuple_GET_SIZE(listed);
        r->types = PyMem_Calloc(r->n_types + 1, sizeof(char *));
        for (Py_ssize_t j = 0; r->types != NULL && j < r->n_types; j++)
            if ((r->types[j] = kept_text(t, PyTuple_GET_ITEM(listed, j))) == NULL) {
                Py_DECREF(listed);
                return -1;
            }
        Py_DECREF(listed);
        if (r->types == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < s->n_container; i++) {
        Step step;
        PyObject *field = PyTuple_GET_ITEM(container, i);
        if (!PyUnicode_Check(field)) {
            PyErr_SetString(PyExc_TypeError, "container_if: a field name");
            return -1;
        }
        if (make_step(t, language, 0, field, &step) < 0)
            return -1;
        s->container[i] = step.field;
    }
    return 0;
}

static int kind_id(PyObject *item) {
    long kid = PyLong_AsLong(item);
    if (kid == -1 && PyErr_Occurred())
        return -1;
    if (kid < 0 || kid >= KINDS) {
        PyErr_SetString(PyExc_ValueError, "a kind id out of range");
        return -1;
    }
    return (int)kid;
}

static int set_flag(Tables *t, PyObject *kinds, uint8_t flag) {
    PyObject *iterator = PyObject_GetIter(kinds), *item;
    if (iterator == NULL)
        return -1;
    while ((item = PyIter_Next(iterator)) != NULL) {
        int kid = kind_id(item);
        Py_DECREF(item);
        if (kid < 0)
            break;
        t->flags[kid] |= flag;
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

static int fill_actions(Tables *t, PyObject *actions, PyObject *lit_tokens) {
    t->n_actions = (uint32_t)PyTuple_GET_SIZE(actions);
    t->actions = PyMem_Calloc(t->n_actions + 1, 1);
    t->lit_tokens = PyMem_Calloc(t->n_actions + 1, sizeof(PyObject *));
    if (t->actions == NULL || t->lit_tokens == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (uint32_t kid = 0; kid < t->n_actions; kid++) {
        long action = PyLong_AsLong(PyTuple_GET_ITEM(actions, kid));
        if (action < ANON || action > SYMBOL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "an unknown action");
            return -1;
        }
        t->actions[kid] = (uint8_t)action;
    }
    PyObject *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(lit_tokens, &position, &key, &value)) {
        int kid = kind_id(key);
        if (kid < 0)
            return -1;
        if ((uint32_t)kid < t->n_actions && value != Py_None)
            t->lit_tokens[kid] = Py_NewRef(value);
    }
    return 0;
}

static int fill_specs(Tables *t, const TSLanguage *language, PyObject *units) {
    t->specs = PyMem_Calloc(PyDict_GET_SIZE(units) + 1, sizeof(Spec));
    if (t->specs == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(units, &position, &key, &value)) {
        int kid = kind_id(key);
        if (kid < 0 || make_spec(t, language, value, &t->specs[t->n_specs++]) < 0)
            return -1;
        t->spec_of[kid] = (int32_t)(t->n_specs - 1);
    }
    return 0;
}

static PyObject *tables(PyObject *module, PyObject *args) {
    PyObject *tree, *actions, *lit_tokens, *units, *lisp_words, *definitions;
    PyObject *sets[8];
    static const uint8_t flags[8] = {F_WRAPPER, F_LIST, F_SYMBOL, F_LIST_SKIP, F_CANDIDATE, F_CALL, F_BLOCK, F_ROOT};
    if (!PyArg_ParseTuple(args, "OO!O!O!OOOOO!OOOOO:tables", &tree, &PyTuple_Type, &actions, &PyDict_Type,
                          &lit_tokens, &PyDict_Type, &units, &sets[0], &sets[1], &sets[2], &sets[3],
                          &PyDict_Type, &lisp_words, &definitions, &sets[4], &sets[5], &sets[6], &sets[7]))
        return NULL;
    if (!is_tree(tree)) {
        PyErr_SetString(PyExc_TypeError, "tables: not a tree_sitter.Tree this module knows");
        return NULL;
    }
    Tables *t = PyMem_Calloc(1, sizeof(Tables));
    if (t == NULL)
        return PyErr_NoMemory();
    PyObject *capsule = PyCapsule_New(t, "radar._walk.Tables", tables_free);
    if (capsule == NULL) {
        PyMem_Free(t);
        return NULL;
    }
    t->lisp_words = Py_NewRef(lisp_words);
    t->definitions = Py_NewRef(definitions);
    t->keep = PyList_New(0);
    t->flags = PyMem_Calloc(KINDS, 1);
    t->spec_of = PyMem_Malloc(KINDS * sizeof(int32_t));
    if (t->keep == NULL || t->flags == NULL || t->spec_of == NULL) {
        Py_DECREF(capsule);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    for (int kid = 0; kid < KINDS; kid++)
        t->spec_of[kid] = -1;
    const TSLanguage *language = ts_tree_language(((PyTree *)tree)->tree);
    int failed = fill_actions(t, actions, lit_tokens) < 0 || fill_specs(t, language, units) < 0;
    for (int i = 0; !failed && i < 8; i++)
        failed = set_flag(t, sets[i], flags[i]) < 0;
    if (failed) {
        Py_DECREF(capsule);
        return NULL;
    }
    return capsule;
}

/* --- the walk ----------------------------------------------------------------------------- */

typedef struct {
    Py_ssize_t start, end;  /* token positions */
    TSNode node;
    int kind;
    PyObject *name;
    int bodied;             /* a function whose body block was seen */
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

/* _Walk._fits */
static int fits(Walk *w, TSNode node, const Spec *spec) {
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
    if (w->t->spec_of[kid] < 0)  /* not in parse._Grammar.candidates' making: never a unit */
        return 0;
    const Spec *spec = &w->t->specs[w->t->spec_of[kid]];
    if (node.id == w->skip_id || !fits(w, node, spec))
        return 0;
    *kind = unit_kind(w, spec->kind);
    for (Py_ssize_t i = 0; i < spec->n_container; i++)
        if (!ts_node_is_null(ts_node_child_by_field_id(node, spec->container[i]))) {
            *kind = K_CONTAINER;
            break;
        }
    *name = unit_name(w, node, spec);
    return *name == NULL ? -1 : 1;
}

static int push_unit(Walk *w, TSNode node, int kind, PyObject *name, int depth) {
    if (w->n_opened == w->cap_opened) {
        Py_ssize_t cap = w->cap_opened ? 2 * w->cap_opened : 64;
        Record *grown = PyMem_Realloc(w->opened, cap * sizeof(Record));
        if (grown == NULL)
            return -1;
        w->opened = grown;
        w->cap_opened = cap;
    }
    if (w->n_stack == w->cap_stack) {
        Py_ssize_t cap = w->cap_stack ? 2 * w->cap_stack : 64;
        Open *grown = PyMem_Realloc(w->stack, cap * sizeof(Open));
        if (grown == NULL)
            return -1;
        w->stack = grown;
        w->cap_stack = cap;
    }
    Record record = {PyList_GET_SIZE(w->tokens), 0, node, kind, name, 0};
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
            if (depth == top) {
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
        if ((had_errors && ts_node_has_error(r->node)) || (r->kind == K_BLOCK && r->end - r->start < block_tokens)
            || r->kind == K_CONTAINER)
            continue;
        PyObject *unit = Py_BuildValue("(OOiinn)", KIND_STR[r->kind], r->name,
                                       (int)ts_node_start_point(r->node).row + 1, last_line(r->node), r->start,
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
    w.t = PyCapsule_GetPointer(capsule, "radar._walk.Tables");
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
    {"tables", tables, METH_VARARGS, "A grammar's tables in C form (a capsule)."},
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
    return PyModule_Create(&definition);
}
