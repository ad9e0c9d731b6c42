/* radar._walk's tables: a grammar's tables (grammars._Grammar, read once per language) in the form
   the walk (radar/_walk.c) reads at every node: kind ids as flags and actions in arrays of every
   TSSymbol, unit specs with their field names resolved to the grammar's field ids. */
#include "_walk.h"

static void tables_free(PyObject *capsule) {
    Tables *t = PyCapsule_GetPointer(capsule, TABLES_CAPSULE);
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
        PyMem_Free(s->body);
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

/* spec: (kind, ((by_type, key), ...), ((field or "@type", types or None), ...), (field, ...),
   (body kind id, ...)) */
static int make_spec(Tables *t, const TSLanguage *language, PyObject *tuple, Spec *s) {
    PyObject *kind, *name, *require, *container, *body;
    if (!PyArg_ParseTuple(tuple, "UO!O!O!O!", &kind, &PyTuple_Type, &name, &PyTuple_Type, &require,
                          &PyTuple_Type, &container, &PyTuple_Type, &body))
        return -1;
    s->n_body = PyTuple_GET_SIZE(body);
    s->body = PyMem_Calloc(s->n_body + 1, sizeof(TSSymbol));
    if (s->body == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < s->n_body; i++) {
        long kid = PyLong_AsLong(PyTuple_GET_ITEM(body, i));
        if (kid < 0 || kid >= KINDS) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "body: a kind id");
            return -1;
        }
        s->body[i] = (TSSymbol)kid;
    }
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

PyObject *walk_tables(PyObject *module, PyObject *args) {
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
    PyObject *capsule = PyCapsule_New(t, TABLES_CAPSULE, tables_free);
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
