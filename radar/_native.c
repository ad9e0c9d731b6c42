/* radar._native: the per-token loops of shaping a file, and the pair-by-pair loops of finding
   candidate pairs (radar/stages/candidates.py), in C.

   Built at `pip install` when a C compiler and Python's headers are there (setup.py marks the
   extension optional); shape.py and candidates.py fall back to their Python code, which gives
   the same results (tests/stages/test_shape.py and test_candidates.py hold the two to each other).

   normalised_text(tokens)  "\x1f".join(shape.normalise(tokens)): identifiers renamed $0, $1...
                            by first occurrence, literals "#" + type, strings "#string", other
                            tokens their text. tokens: a tuple of (category, text) tuples.
   window_hashes(blind, m)  (hashes, kept_at): shape.window_hashes(blind), the polynomial hash
                            in _BASE of every SHINGLE-character window modulo 2**61, and the
                            positions whose hash is 0 modulo m. Computed in uint64, which wraps
                            modulo 2**64: the low 61 bits are those of the exact integers.
   candidate_pairs(postings, sizes, ratio, samples, share, few)
                            sorted unique (a, b), a < b, of members of one posting (a list of
                            group indices) whose sizes satisfy larger <= smaller / ratio and
                            whose sample sets (samples[i]: a tuple of ints below 2**64) share at
                            least share * (smaller if larger <= few else the two counts' mean)
                            samples, counting distinct samples. */
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

/* --- candidate pairs ------------------------------------------------------------------- */

static int compare_u64(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

typedef struct { Py_ssize_t index; double size; } Sized;

static int compare_sized(const void *x, const void *y) {
    const Sized *a = x, *b = y;
    if (a->size != b->size)
        return a->size < b->size ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct { uint64_t *items; Py_ssize_t count, capacity; } Buffer;

static int push(Buffer *buffer, uint64_t item) {
    if (buffer->count == buffer->capacity) {
        Py_ssize_t capacity = buffer->capacity ? buffer->capacity * 2 : 1024;
        uint64_t *items = PyMem_Realloc(buffer->items, capacity * sizeof(uint64_t));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        buffer->items = items;
        buffer->capacity = capacity;
    }
    buffer->items[buffer->count++] = item;
    return 0;
}

/* Sorts and drops repeats; returns the new count. */
static Py_ssize_t sort_unique(uint64_t *items, Py_ssize_t count) {
    if (count == 0)
        return 0;
    qsort(items, count, sizeof(uint64_t), compare_u64);
    Py_ssize_t kept = 1;
    for (Py_ssize_t i = 1; i < count; i++)
        if (items[i] != items[kept - 1])
            items[kept++] = items[i];
    return kept;
}

static PyObject *pairs_list(const uint64_t *items, Py_ssize_t count) {
    PyObject *list = PyList_New(count);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *pair = Py_BuildValue("(nn)", (Py_ssize_t)(items[i] >> 32), (Py_ssize_t)(items[i] & 0xffffffffULL));
        if (pair == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, pair);
    }
    return list;
}

/* samples[index] as a sorted array of distinct uint64, converted once per call. */
typedef struct { uint64_t *items; Py_ssize_t count; int ready; } SampleSet;

static int sample_set(PyObject *samples, Py_ssize_t index, SampleSet *sets) {
    SampleSet *set = &sets[index];
    if (set->ready)
        return 0;
    PyObject *tuple = PySequence_Fast(PyList_GET_ITEM(samples, index), "candidate_pairs: samples must be sequences");
    if (tuple == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(tuple);
    set->items = PyMem_Malloc((n ? n : 1) * sizeof(uint64_t));
    if (set->items == NULL) {
        Py_DECREF(tuple);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        set->items[i] = PyLong_AsUnsignedLongLong(PySequence_Fast_GET_ITEM(tuple, i));
        if (set->items[i] == (uint64_t)-1 && PyErr_Occurred()) {
            Py_DECREF(tuple);
            return -1;
        }
    }
    Py_DECREF(tuple);
    set->count = sort_unique(set->items, n);
    set->ready = 1;
    return 0;
}

static Py_ssize_t shared_count(const SampleSet *a, const SampleSet *b) {
    Py_ssize_t i = 0, j = 0, shared = 0;
    while (i < a->count && j < b->count) {
        if (a->items[i] < b->items[j])
            i++;
        else if (a->items[i] > b->items[j])
            j++;
        else {
            shared++;
            i++;
            j++;
        }
    }
    return shared;
}

/* Every size-compatible pair of members of the postings, as a << 32 | b with a < b. */
static int size_compatible(PyObject *postings, PyObject *sizes, double ratio, Buffer *found) {
    Sized *members = NULL;
    Py_ssize_t room = 0;
    for (Py_ssize_t p = 0; p < PyList_GET_SIZE(postings); p++) {
        PyObject *posting = PyList_GET_ITEM(postings, p);
        if (!PyList_Check(posting)) {
            PyErr_SetString(PyExc_TypeError, "candidate_pairs: a posting must be a list");
            goto fail;
        }
        Py_ssize_t n = PyList_GET_SIZE(posting);
        if (n > room) {
            Sized *grown = PyMem_Realloc(members, n * sizeof(Sized));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            members = grown;
            room = n;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_ssize_t index = PyLong_AsSsize_t(PyList_GET_ITEM(posting, i));
            if (index == -1 && PyErr_Occurred())
                goto fail;
            if (index < 0 || index >= PyList_GET_SIZE(sizes) || index > 0xffffffffLL) {
                PyErr_SetString(PyExc_IndexError, "candidate_pairs: a member is not an index of sizes");
                goto fail;
            }
            double size = PyFloat_AsDouble(PyList_GET_ITEM(sizes, index));
            if (size == -1.0 && PyErr_Occurred())
                goto fail;
            members[i].index = index;
            members[i].size = size;
        }
        qsort(members, n, sizeof(Sized), compare_sized);
        for (Py_ssize_t i = 0; i < n; i++) {
            double longest = members[i].size / ratio;
            for (Py_ssize_t j = i + 1; j < n && !(members[j].size > longest); j++) {
                uint64_t a = members[i].index, b = members[j].index;
                if (a != b && push(found, a < b ? a << 32 | b : b << 32 | a) < 0)
                    goto fail;
            }
        }
    }
    PyMem_Free(members);
    found->count = sort_unique(found->items, found->count);
    return 0;
fail:
    PyMem_Free(members);
    return -1;
}

/* Keeps, in place, the pairs whose sample sets share enough. */
static int keep_sharing(Buffer *pairs, PyObject *samples, double share, Py_ssize_t few) {
    Py_ssize_t groups = PyList_GET_SIZE(samples), kept = 0;
    SampleSet *sets = PyMem_Calloc(groups ? groups : 1, sizeof(SampleSet));
    if (sets == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int status = 0;
    for (Py_ssize_t p = 0; p < pairs->count; p++) {
        Py_ssize_t a = pairs->items[p] >> 32, b = pairs->items[p] & 0xffffffffULL;
        if (a >= groups || b >= groups) {
            PyErr_SetString(PyExc_IndexError, "candidate_pairs: a member is not an index of samples");
            status = -1;
            break;
        }
        if (sample_set(samples, a, sets) < 0 || sample_set(samples, b, sets) < 0) {
            status = -1;
            break;
        }
        Py_ssize_t larger = sets[a].count > sets[b].count ? sets[a].count : sets[b].count;
        Py_ssize_t smaller = sets[a].count < sets[b].count ? sets[a].count : sets[b].count;
        double needed = share * (larger <= few ? (double)smaller : (double)(smaller + larger) / 2);
        if ((double)shared_count(&sets[a], &sets[b]) >= needed)
            pairs->items[kept++] = pairs->items[p];
    }
    for (Py_ssize_t i = 0; i < groups; i++)
        PyMem_Free(sets[i].items);
    PyMem_Free(sets);
    pairs->count = kept;
    return status;
}

static PyObject *candidate_pairs(PyObject *self, PyObject *args) {
    PyObject *postings, *sizes, *samples;
    double ratio, share;
    Py_ssize_t few;
    if (!PyArg_ParseTuple(args, "O!O!dO!dn", &PyList_Type, &postings, &PyList_Type, &sizes, &ratio,
                          &PyList_Type, &samples, &share, &few))
        return NULL;
    Buffer pairs = {NULL, 0, 0};
    PyObject *result = NULL;
    if (size_compatible(postings, sizes, ratio, &pairs) == 0 && keep_sharing(&pairs, samples, share, few) == 0)
        result = pairs_list(pairs.items, pairs.count);
    PyMem_Free(pairs.items);
    return result;
}

static PyMethodDef methods[] = {
    {"normalised_text", normalised_text, METH_O, "\"\\x1f\".join(shape.normalise(tokens))"},
    {"window_hashes", window_hashes, METH_VARARGS, "(shape.window_hashes(blind), positions whose hash % m == 0)"},
    {"candidate_pairs", candidate_pairs, METH_VARARGS, "the size-compatible pairs within postings that share enough samples"},
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
