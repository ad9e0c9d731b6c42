/* radar._native: the two per-token loops of shaping a file, in C.

   Built at `pip install` when a C compiler and Python's headers are there (setup.py marks the
   extension optional); radar/stages/shape.py falls back to its Python code, which gives the
   same results (tests/stages/test_shape.py holds the two to each other).

   normalised_text(tokens)  "\x1f".join(shape.normalise(tokens)): identifiers renamed $0, $1...
                            by first occurrence, literals "#" + type, strings "#string", other
                            tokens their text. tokens: a tuple of (category, text) tuples.
   window_hashes(blind, m)  (hashes, kept_at): shape.window_hashes(blind), the polynomial hash
                            in _BASE of every SHINGLE-character window modulo 2**61, and the
                            positions whose hash is 0 modulo m. Computed in uint64, which wraps
                            modulo 2**64: the low 61 bits are those of the exact integers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define SHINGLE 8
#define BASE 1000003ULL
#define MASK ((1ULL << 61) - 1)

static PyObject *ID, *LIT, *STR, *HASH, *STRING, *SEPARATOR;
static PyObject *RENAMED;   /* list: RENAMED[i] is "$i", made once per process */
static PyObject *LITERALS;  /* dict: a literal type -> "#" + type */

static PyObject *renamed(Py_ssize_t i) {
    while (PyList_GET_SIZE(RENAMED) <= i) {
        PyObject *name = PyUnicode_FromFormat("$%zd", PyList_GET_SIZE(RENAMED));
        if (name == NULL || PyList_Append(RENAMED, name) < 0) {
            Py_XDECREF(name);
            return NULL;
        }
        Py_DECREF(name);
    }
    return Py_NewRef(PyList_GET_ITEM(RENAMED, i));
}

static PyObject *literal(PyObject *type) {
    PyObject *found = PyDict_GetItemWithError(LITERALS, type);
    if (found != NULL)
        return Py_NewRef(found);
    if (PyErr_Occurred())
        return NULL;
    PyObject *made = PyUnicode_Concat(HASH, type);
    if (made != NULL && PyDict_Size(LITERALS) < 4096 && PyDict_SetItem(LITERALS, type, made) < 0)
        Py_CLEAR(made);
    return made;
}

/* Categories are interned constants (parse.py), so the pointer test nearly always decides. */
static int same(PyObject *a, PyObject *b) {
    return a == b || PyUnicode_Compare(a, b) == 0;
}

static PyObject *normalised_text(PyObject *self, PyObject *tokens) {
    if (!PyTuple_Check(tokens)) {
        PyErr_SetString(PyExc_TypeError, "normalised_text: tokens must be a tuple");
        return NULL;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(tokens);
    PyObject *names = PyDict_New();
    PyObject *parts = PyList_New(count);
    if (names == NULL || parts == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *token = PyTuple_GET_ITEM(tokens, i);
        if (!PyTuple_Check(token) || PyTuple_GET_SIZE(token) != 2) {
            PyErr_SetString(PyExc_TypeError, "normalised_text: a token is a (category, text) tuple");
            goto fail;
        }
        PyObject *category = PyTuple_GET_ITEM(token, 0), *text = PyTuple_GET_ITEM(token, 1), *part;
        if (!PyUnicode_Check(category) || !PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "normalised_text: category and text are str");
            goto fail;
        }
        if (same(category, ID)) {
            part = PyDict_GetItemWithError(names, text);  /* borrowed */
            if (part != NULL) {
                Py_INCREF(part);
            } else {
                if (PyErr_Occurred())
                    goto fail;
                part = renamed(PyDict_GET_SIZE(names));
                if (part == NULL || PyDict_SetItem(names, text, part) < 0) {
                    Py_XDECREF(part);
                    goto fail;
                }
            }
        } else if (same(category, LIT)) {
            part = literal(text);
        } else if (same(category, STR)) {
            part = Py_NewRef(STRING);
        } else {
            part = Py_NewRef(text);
        }
        if (part == NULL || PyErr_Occurred()) {
            Py_XDECREF(part);
            goto fail;
        }
        PyList_SET_ITEM(parts, i, part);
    }
    PyObject *joined = PyUnicode_Join(SEPARATOR, parts);
    Py_DECREF(names);
    Py_DECREF(parts);
    return joined;
fail:
    Py_XDECREF(names);
    Py_XDECREF(parts);
    return NULL;
}

static PyObject *window_hashes(PyObject *self, PyObject *args) {
    PyObject *blind;
    unsigned long long modulus;
    if (!PyArg_ParseTuple(args, "UK", &blind, &modulus))
        return NULL;
    if (modulus == 0) {
        PyErr_SetString(PyExc_ValueError, "window_hashes: modulus must be positive");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(blind);
    Py_ssize_t windows = length >= SHINGLE ? length - SHINGLE + 1 : 0;
    int kind = PyUnicode_KIND(blind);
    const void *data = PyUnicode_DATA(blind);
    PyObject *hashes = PyList_New(windows), *kept_at = PyList_New(0);
    if (hashes == NULL || kept_at == NULL)
        goto fail;
    uint64_t top = 1, value = 0;
    for (int k = 1; k < SHINGLE; k++)
        top *= BASE;
    for (Py_ssize_t i = 0; i < length && i < SHINGLE; i++)
        value = value * BASE + PyUnicode_READ(kind, data, i);
    for (Py_ssize_t i = 0; i < windows; i++) {
        if (i > 0)
            value = (value - (uint64_t)PyUnicode_READ(kind, data, i - 1) * top) * BASE
                    + PyUnicode_READ(kind, data, i + SHINGLE - 1);
        uint64_t hash = value & MASK;
        PyObject *number = PyLong_FromUnsignedLongLong(hash);
        if (number == NULL)
            goto fail;
        PyList_SET_ITEM(hashes, i, number);
        if (hash % modulus == 0) {
            PyObject *at = PyLong_FromSsize_t(i);
            if (at == NULL || PyList_Append(kept_at, at) < 0) {
                Py_XDECREF(at);
                goto fail;
            }
            Py_DECREF(at);
        }
    }
    return Py_BuildValue("(NN)", hashes, kept_at);
fail:
    Py_XDECREF(hashes);
    Py_XDECREF(kept_at);
    return NULL;
}

static PyMethodDef methods[] = {
    {"normalised_text", normalised_text, METH_O, "\"\\x1f\".join(shape.normalise(tokens))"},
    {"window_hashes", window_hashes, METH_VARARGS, "(shape.window_hashes(blind), positions whose hash % m == 0)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "radar._native", NULL, -1, methods};

PyMODINIT_FUNC PyInit__native(void) {
    ID = PyUnicode_InternFromString("id");
    LIT = PyUnicode_InternFromString("lit");
    STR = PyUnicode_InternFromString("str");
    HASH = PyUnicode_InternFromString("#");
    STRING = PyUnicode_InternFromString("#string");
    SEPARATOR = PyUnicode_InternFromString("\x1f");
    RENAMED = PyList_New(0);
    LITERALS = PyDict_New();
    if (!ID || !LIT || !STR || !HASH || !STRING || !SEPARATOR || !RENAMED || !LITERALS)
        return NULL;
    return PyModule_Create(&module);
}
