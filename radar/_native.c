/* radar._native: the per-token loops of shaping a file (_native_shape.c), and the pair-by-pair
   loops of finding candidate pairs (radar/stages/candidates.py; here), in C.

   Built at `pip install` when a C compiler and Python's headers are there (setup.py marks the
   extension optional); shape.py and candidates.py fall back to their Python code, which gives
   the same results (tests/stages/test_shape.py and test_candidates.py hold the two to each other).

   normalised_utf8s(units)  [shape.normalise's text of tokens, "\x1f"-joined, .encode("utf-8",
                            "replace") for tokens in units]: identifiers renamed $0, $1... by
                            first occurrence in the unit, literals "#" + type, strings "#string",
                            other tokens their text. units: a file's units' token tuples; each
                            distinct token's part is made once per call, however often units nest.
   stream_codes(tokens, blind_cache, names_cache, limit, blind_code, name_code)
                            shape.stream_codes: (blind, names), one character per token, looked
                            up in the two dicts (token -> 1-char str); a token missing from
                            blind_cache gets blind_code(*token) and name_code(*token) (Python
                            callables) stored in both; both dicts are emptied first when
                            blind_cache holds more than limit entries, as in Python.
   window_array(blind, m)   shape.window_hashes(blind), the polynomial hash in _BASE of every
                            SHINGLE-character window modulo 2**61, packed in bytes as native
                            uint64s (no Python int per window), bit 63 set where the hash is 0
                            modulo m. Computed in uint64, which wraps modulo 2**64: the low 61
                            bits are those of the exact integers.
   window_samples(windows, start, end, few)
                            FileStreams.samples(start, end) over window_array's bytes, for a
                            span of at least SHINGLE tokens: the distinct hashes of the windows
                            inside [start, end) marked 0 modulo m, with the few smallest distinct
                            ones added when fewer than few; a sorted tuple.
   candidate_pairs(postings, sizes, ratio, samples, share, few)
                            sorted unique (a, b), a < b, of members of one posting (a list of
                            group indices) whose sizes satisfy larger <= smaller / ratio and
                            whose sample sets (samples[i]: a tuple of ints below 2**64) share at
                            least share * (smaller if larger <= few else the two counts' mean)
                            samples, counting distinct samples. */
#include "_native.h"

/* --- sorted arrays of uint64: samples and candidate pairs ------------------------------ */

typedef struct { Py_ssize_t index; double size; } Sized;

static int compare_sized(const void *x, const void *y) {
    const Sized *a = x, *b = y;
    if (a->size != b->size)
        return a->size < b->size ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

int push(Buffer *buffer, uint64_t item) {
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

/* Sorts ascending: quicksort (Hoare's partition, which splits runs of equal items evenly) down to
   short runs, then insertion sort; the comparisons inline, unlike qsort's callback, which was
   most of the time of a unit's samples. */
static void sort_u64(uint64_t *items, Py_ssize_t count) {
    while (count > 16) {
        uint64_t a = items[0], b = items[count / 2], c = items[count - 1];
        uint64_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        Py_ssize_t i = -1, j = count;
        for (;;) {
            do i++; while (items[i] < pivot);
            do j--; while (items[j] > pivot);
            if (i >= j)
                break;
            uint64_t swap = items[i];
            items[i] = items[j];
            items[j] = swap;
        }
        /* [0, j] <= pivot <= [j + 1, count): recurse into the smaller side, loop on the larger */
        if (j + 1 < count - j - 1) {
            sort_u64(items, j + 1);
            items += j + 1;
            count -= j + 1;
        } else {
            sort_u64(items + j + 1, count - j - 1);
            count = j + 1;
        }
    }
    for (Py_ssize_t i = 1; i < count; i++) {
        uint64_t item = items[i];
        Py_ssize_t at = i;
        for (; at > 0 && items[at - 1] > item; at--)
            items[at] = items[at - 1];
        items[at] = item;
    }
}

/* Sorts and drops repeats; returns the new count. */
Py_ssize_t sort_unique(uint64_t *items, Py_ssize_t count) {
    if (count == 0)
        return 0;
    sort_u64(items, count);
    Py_ssize_t kept = 1;
    for (Py_ssize_t i = 1; i < count; i++)
        if (items[i] != items[kept - 1])
            items[kept++] = items[i];
    return kept;
}

/* --- candidate pairs ------------------------------------------------------------------- */

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
    {"normalised_utf8s", normalised_utf8s, METH_O, "[normalised_text(tokens).encode(\"utf-8\", \"replace\") for tokens in units]"},
    {"stream_codes", stream_codes, METH_VARARGS, "shape.stream_codes over the two caches"},
    {"window_array", window_array, METH_VARARGS, "shape.window_hashes(blind) packed as native uint64s"},
    {"window_samples", window_samples, METH_VARARGS, "FileStreams.samples over window_array's bytes"},
    {"candidate_pairs", candidate_pairs, METH_VARARGS, "the size-compatible pairs within postings that share enough samples"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "radar._native", NULL, -1, methods};

PyMODINIT_FUNC PyInit__native(void) {
    if (shape_init() < 0)
        return NULL;
    return PyModule_Create(&module);
}
