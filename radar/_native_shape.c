/* radar._native's shaping of a file (shape.py's FileStreams and exact fingerprints): the
   token streams, the window hashes and each unit's samples, the units' normalised texts. What
   each function returns is in _native.c's header; shape.py's Python gives the same results. */
#include "_native.h"

#define SHINGLE 8
#define BASE 1000003ULL
#define MASK ((1ULL << 61) - 1)
#define KEPT (1ULL << 63)  /* window_array: a hash (below 2**61) that is 0 modulo m */

static PyObject *ID, *LIT, *STR;

/* Categories are interned constants (parse.py), so the pointer test nearly always decides. */
static int same(PyObject *a, PyObject *b) {
    return a == b || PyUnicode_Compare(a, b) == 0;
}

int shape_init(void) {
    ID = PyUnicode_InternFromString("id");
    LIT = PyUnicode_InternFromString("lit");
    STR = PyUnicode_InternFromString("str");
    return ID && LIT && STR ? 0 : -1;
}

/* Token (a pointer) -> a uint64, open addressing: a file's tokens are few distinct objects
   repeated (parse._token shares them), so most tokens are found here without hashing a tuple.
   Valid for one call: the caller's sequences keep every key alive. */
typedef struct { PyObject **keys; uint64_t *values; size_t mask, used; } Memo;

static size_t memo_slot(const Memo *memo, PyObject *key) {
    uint64_t h = ((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ULL;
    size_t at = (size_t)(h ^ h >> 32) & memo->mask;
    while (memo->keys[at] != NULL && memo->keys[at] != key)
        at = (at + 1) & memo->mask;
    return at;
}

static int memo_init(Memo *memo, size_t expected) {
    size_t capacity = 64;
    while (capacity < 2 * expected)
        capacity *= 2;
    memo->keys = PyMem_Calloc(capacity, sizeof(PyObject *));
    memo->values = PyMem_Malloc(capacity * sizeof(uint64_t));
    memo->mask = capacity - 1;
    memo->used = 0;
    if (memo->keys == NULL || memo->values == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void memo_free(Memo *memo) {
    PyMem_Free(memo->keys);
    PyMem_Free(memo->values);
}

/* 1 and *value when key is there, else 0. */
static int memo_get(const Memo *memo, PyObject *key, uint64_t *value) {
    size_t at = memo_slot(memo, key);
    if (memo->keys[at] == NULL)
        return 0;
    *value = memo->values[at];
    return 1;
}

static int memo_put(Memo *memo, PyObject *key, uint64_t value) {
    if (2 * (memo->used + 1) > memo->mask + 1) {
        Memo grown;
        if (memo_init(&grown, memo->mask + 1) < 0)
            return -1;
        for (size_t i = 0; i <= memo->mask; i++)
            if (memo->keys[i] != NULL) {
                size_t at = memo_slot(&grown, memo->keys[i]);
                grown.keys[at] = memo->keys[i];
                grown.values[at] = memo->values[i];
            }
        grown.used = memo->used;
        memo_free(memo);
        *memo = grown;
    }
    size_t at = memo_slot(memo, key);
    if (memo->keys[at] == NULL)
        memo->used++;
    memo->keys[at] = key;
    memo->values[at] = value;
    return 0;
}

/* A growing byte buffer: one unit's normalised text. */
typedef struct { char *bytes; Py_ssize_t size, capacity; } Text;

static int put(Text *text, const char *bytes, Py_ssize_t size) {
    if (text->size + size > text->capacity) {
        Py_ssize_t capacity = text->capacity ? text->capacity : 4096;
        while (capacity < text->size + size)
            capacity *= 2;
        char *grown = PyMem_Realloc(text->bytes, capacity);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        text->bytes = grown;
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->size, bytes, size);
    text->size += size;
    return 0;
}

/* "$" and n in decimal: the n-th identifier's new name. */
static int put_renamed(Text *text, Py_ssize_t n) {
    char digits[24];
    int at = sizeof digits;
    do {
        digits[--at] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    digits[--at] = '$';
    return put(text, digits + at, sizeof digits - at);
}

/* What a distinct token writes: an identifier's number in the file (renamed per unit), or a
   prefix ("#" for a literal, "#string" for a string) and the UTF-8 of its text. */
typedef struct { Py_ssize_t id; const char *prefix, *bytes; Py_ssize_t prefix_size, size; } Part;

/* str.encode("utf-8", "replace") of a str, its bytes valid while the str (or `keep`) lives: a
   lone surrogate becomes "?". */
static const char *utf8_of(PyObject *string, Py_ssize_t *size, PyObject *keep) {
    const char *utf8 = PyUnicode_AsUTF8AndSize(string, size);
    if (utf8 != NULL)
        return utf8;
    PyErr_Clear();
    PyObject *encoded = PyUnicode_AsEncodedString(string, "utf-8", "replace");
    if (encoded == NULL || PyList_Append(keep, encoded) < 0) {
        Py_XDECREF(encoded);
        return NULL;
    }
    Py_DECREF(encoded);  /* keep holds it */
    *size = PyBytes_GET_SIZE(encoded);
    return PyBytes_AS_STRING(encoded);
}

/* The Part of a token seen for the first time in this call; ids: identifier text -> number. */
static int part_of(PyObject *token, PyObject *ids, PyObject *keep, Part *part) {
    if (!PyTuple_Check(token) || PyTuple_GET_SIZE(token) != 2) {
        PyErr_SetString(PyExc_TypeError, "normalised_utf8s: a token is a (category, text) tuple");
        return -1;
    }
    PyObject *category = PyTuple_GET_ITEM(token, 0), *word = PyTuple_GET_ITEM(token, 1);
    if (!PyUnicode_Check(category) || !PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "normalised_utf8s: category and text are str");
        return -1;
    }
    *part = (Part){-1, "", "", 0, 0};
    if (same(category, ID)) {
        PyObject *number = PyDict_GetItemWithError(ids, word);  /* borrowed */
        if (number == NULL) {
            if (PyErr_Occurred() || (number = PyLong_FromSsize_t(PyDict_GET_SIZE(ids))) == NULL)
                return -1;
            int stored = PyDict_SetItem(ids, word, number);
            Py_DECREF(number);
            if (stored < 0)
                return -1;
        }
        part->id = PyLong_AsSsize_t(number);
        return 0;
    }
    if (same(category, STR)) {
        part->prefix = "#string";
        part->prefix_size = 7;
        return 0;
    }
    if (same(category, LIT)) {
        part->prefix = "#";
        part->prefix_size = 1;
    }
    part->bytes = utf8_of(word, &part->size, keep);
    return part->bytes == NULL ? -1 : 0;
}

/* The file's distinct tokens, each made once; per unit, each identifier's number there. */
typedef struct {
    Memo memo;  /* token -> index in parts */
    Part *parts;
    Py_ssize_t count, room;
    Py_ssize_t *unit_of, *renamed;  /* per identifier: the unit (1-based) that last renamed it, and how */
    Py_ssize_t ids_room;
    PyObject *ids, *keep;
} Normaliser;

static const Part *normaliser_part(Normaliser *n, PyObject *token) {
    uint64_t index;
    if (memo_get(&n->memo, token, &index))
        return &n->parts[index];
    if (n->count == n->room) {
        Py_ssize_t room = n->room ? 2 * n->room : 256;
        Part *grown = PyMem_Realloc(n->parts, room * sizeof(Part));
        if (grown == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        n->parts = grown;
        n->room = room;
    }
    Part *part = &n->parts[n->count];
    if (part_of(token, n->ids, n->keep, part) < 0 || memo_put(&n->memo, token, (uint64_t)n->count) < 0)
        return NULL;
    if (part->id >= n->ids_room) {
        Py_ssize_t room = n->ids_room ? 2 * n->ids_room : 256;
        while (room <= part->id)
            room *= 2;
        Py_ssize_t *unit_of = PyMem_Realloc(n->unit_of, room * sizeof(Py_ssize_t));
        if (unit_of != NULL)
            n->unit_of = unit_of;
        Py_ssize_t *renamed = unit_of == NULL ? NULL : PyMem_Realloc(n->renamed, room * sizeof(Py_ssize_t));
        if (renamed == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        n->renamed = renamed;
        memset(n->unit_of + n->ids_room, 0, (room - n->ids_room) * sizeof(Py_ssize_t));
        n->ids_room = room;
    }
    return &n->parts[n->count++];
}

/* One unit's normalised text, as bytes. */
static PyObject *normalised_unit(Normaliser *n, PyObject *tokens, Py_ssize_t unit, Text *text) {
    if (!PyTuple_Check(tokens)) {
        PyErr_SetString(PyExc_TypeError, "normalised_utf8s: a unit's tokens must be a tuple");
        return NULL;
    }
    Py_ssize_t named = 0;
    text->size = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tokens); i++) {
        const Part *part = normaliser_part(n, PyTuple_GET_ITEM(tokens, i));
        if (part == NULL || (i > 0 && put(text, "\x1f", 1) < 0))
            return NULL;
        int status;
        if (part->id >= 0) {
            if (n->unit_of[part->id] != unit) {  /* its first occurrence in this unit */
                n->unit_of[part->id] = unit;
                n->renamed[part->id] = named++;
            }
            status = put_renamed(text, n->renamed[part->id]);
        } else {
            status = put(text, part->prefix, part->prefix_size) < 0 ? -1 : put(text, part->bytes, part->size);
        }
        if (status < 0)
            return NULL;
    }
    return PyBytes_FromStringAndSize(text->bytes ? text->bytes : "", text->size);
}

PyObject *normalised_utf8s(PyObject *self, PyObject *units) {
    PyObject *sequence = PySequence_Fast(units, "normalised_utf8s: units must be a sequence");
    if (sequence == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
    Normaliser n = {{NULL, NULL, 0, 0}, NULL, 0, 0, NULL, NULL, 0, PyDict_New(), PyList_New(0)};
    Text text = {NULL, 0, 0};
    PyObject *texts = PyList_New(count);
    if (texts == NULL || n.ids == NULL || n.keep == NULL || memo_init(&n.memo, 256) < 0)
        goto fail;
    for (Py_ssize_t u = 0; u < count; u++) {
        PyObject *bytes = normalised_unit(&n, PySequence_Fast_GET_ITEM(sequence, u), u + 1, &text);
        if (bytes == NULL)
            goto fail;
        PyList_SET_ITEM(texts, u, bytes);
    }
    goto done;
fail:
    Py_CLEAR(texts);
done:
    memo_free(&n.memo);
    PyMem_Free(n.parts);
    PyMem_Free(n.unit_of);
    PyMem_Free(n.renamed);
    Py_XDECREF(n.ids);
    Py_XDECREF(n.keep);
    PyMem_Free(text.bytes);
    Py_DECREF(sequence);
    return texts;
}

/* A 1-char str's character; -1 with an error for anything else. */
static long one_char(PyObject *code) {
    if (!PyUnicode_Check(code) || PyUnicode_GET_LENGTH(code) != 1) {
        PyErr_SetString(PyExc_ValueError, "stream_codes: a token's code must be one character");
        return -1;
    }
    return (long)PyUnicode_READ_CHAR(code, 0);
}

/* Stores token's two codes, made by the Python callables, in the two caches. */
static int learn(PyObject *token, PyObject *blind_cache, PyObject *names_cache, PyObject *blind_code, PyObject *name_code) {
    PyObject *blind = PyObject_Call(blind_code, token, NULL);
    PyObject *name = blind == NULL ? NULL : PyObject_Call(name_code, token, NULL);
    int status = name == NULL || PyDict_SetItem(blind_cache, token, blind) < 0
                 || PyDict_SetItem(names_cache, token, name) < 0 ? -1 : 0;
    Py_XDECREF(blind);
    Py_XDECREF(name);
    return status;
}

/* token's (blind, names) characters as blind << 32 | names, from the caches (filled when new). */
static int64_t codes_of(PyObject *token, PyObject *blind_cache, PyObject *names_cache, PyObject *blind_code, PyObject *name_code) {
    if (!PyTuple_Check(token)) {
        PyErr_SetString(PyExc_TypeError, "stream_codes: a token is a (category, text) tuple");
        return -1;
    }
    PyObject *code = PyDict_GetItemWithError(blind_cache, token);  /* borrowed */
    if (code == NULL) {
        if (PyErr_Occurred() || learn(token, blind_cache, names_cache, blind_code, name_code) < 0)
            return -1;
        code = PyDict_GetItemWithError(blind_cache, token);
        if (code == NULL)
            return -1;
    }
    long blind = one_char(code), name;
    if (blind < 0)
        return -1;
    code = PyDict_GetItemWithError(names_cache, token);
    if (code == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, token);
        return -1;
    }
    if ((name = one_char(code)) < 0)
        return -1;
    return (int64_t)blind << 32 | name;
}

PyObject *stream_codes(PyObject *self, PyObject *args) {
    PyObject *tokens, *blind_cache, *names_cache, *blind_code, *name_code;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "OO!O!nOO", &tokens, &PyDict_Type, &blind_cache, &PyDict_Type, &names_cache,
                          &limit, &blind_code, &name_code))
        return NULL;
    PyObject *sequence = PySequence_Fast(tokens, "stream_codes: tokens must be a sequence");
    if (sequence == NULL)
        return NULL;
    if (PyDict_GET_SIZE(blind_cache) > limit) {  /* as in Python: checked once, on entry */
        PyDict_Clear(blind_cache);
        PyDict_Clear(names_cache);
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
    Py_UCS4 *chars = PyMem_Malloc((2 * count + 1) * sizeof(Py_UCS4));  /* blind, then names */
    PyObject *blind = NULL, *names = NULL;
    Memo memo = {NULL, NULL, 0, 0};
    if (chars == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (memo_init(&memo, count < 4096 ? count : 4096) < 0)
        goto done;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *token = PySequence_Fast_GET_ITEM(sequence, i);
        uint64_t codes;
        if (!memo_get(&memo, token, &codes)) {
            int64_t found = codes_of(token, blind_cache, names_cache, blind_code, name_code);
            if (found < 0 || memo_put(&memo, token, (uint64_t)found) < 0)
                goto done;
            codes = (uint64_t)found;
        }
        chars[i] = (Py_UCS4)(codes >> 32);
        chars[count + i] = (Py_UCS4)(codes & 0xffffffffULL);
    }
    /* FromKindAndData makes each str in its narrowest kind, as "".join would. */
    blind = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, count);
    names = blind == NULL ? NULL : PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars + count, count);
done:
    memo_free(&memo);
    PyMem_Free(chars);
    Py_DECREF(sequence);
    if (names == NULL) {
        Py_XDECREF(blind);
        return NULL;
    }
    return Py_BuildValue("(NN)", blind, names);
}

PyObject *window_array(PyObject *self, PyObject *args) {
    PyObject *blind;
    unsigned long long modulus;
    if (!PyArg_ParseTuple(args, "UK", &blind, &modulus))
        return NULL;
    if (modulus == 0) {
        PyErr_SetString(PyExc_ValueError, "window_array: modulus must be positive");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(blind);
    Py_ssize_t windows = length >= SHINGLE ? length - SHINGLE + 1 : 0;
    int kind = PyUnicode_KIND(blind);
    const void *data = PyUnicode_DATA(blind);
    PyObject *packed = PyBytes_FromStringAndSize(NULL, windows * (Py_ssize_t)sizeof(uint64_t));
    if (packed == NULL)
        return NULL;
    uint64_t *hashes = (uint64_t *)PyBytes_AS_STRING(packed), top = 1, value = 0;
    for (int k = 1; k < SHINGLE; k++)
        top *= BASE;
    for (Py_ssize_t i = 0; i < length && i < SHINGLE; i++)
        value = value * BASE + PyUnicode_READ(kind, data, i);
    for (Py_ssize_t i = 0; i < windows; i++) {
        if (i > 0)
            value = (value - (uint64_t)PyUnicode_READ(kind, data, i - 1) * top) * BASE
                    + PyUnicode_READ(kind, data, i + SHINGLE - 1);
        hashes[i] = value & MASK;
        if (hashes[i] % modulus == 0)
            hashes[i] |= KEPT;
    }
    return packed;
}

#define MAX_FEW 64

PyObject *window_samples(PyObject *self, PyObject *args) {
    Py_buffer view;
    Py_ssize_t start, end, few;
    if (!PyArg_ParseTuple(args, "y*nnn", &view, &start, &end, &few))
        return NULL;
    const uint64_t *hashes = view.buf;
    Py_ssize_t windows = view.len / (Py_ssize_t)sizeof(uint64_t), stop = end - SHINGLE + 1;
    PyObject *result = NULL;
    Buffer kept = {NULL, 0, 0};
    if (few < 0 || few > MAX_FEW || start < 0 || stop < start || stop > windows) {
        PyErr_SetString(PyExc_ValueError, "window_samples: a span of at least SHINGLE tokens within the file");
        goto done;
    }
    for (Py_ssize_t i = start; i < stop; i++)
        if (hashes[i] & KEPT && push(&kept, hashes[i] & MASK) < 0)
            goto done;
    kept.count = sort_unique(kept.items, kept.count);
    if (kept.count < few) {
        /* the few smallest distinct hashes of the span, kept sorted in smallest[0..have) */
        uint64_t smallest[MAX_FEW];
        Py_ssize_t have = 0;
        for (Py_ssize_t i = start; i < stop; i++) {
            uint64_t hash = hashes[i] & MASK;
            if (have == few && (few == 0 || hash >= smallest[few - 1]))
                continue;
            Py_ssize_t at = have;
            while (at > 0 && smallest[at - 1] > hash)
                at--;
            if (at > 0 && smallest[at - 1] == hash)
                continue;
            if (have < few)
                have++;
            memmove(smallest + at + 1, smallest + at, (have - 1 - at) * sizeof(uint64_t));
            smallest[at] = hash;
        }
        for (Py_ssize_t i = 0; i < have; i++)
            if (push(&kept, smallest[i]) < 0)
                goto done;
        kept.count = sort_unique(kept.items, kept.count);
    }
    result = PyTuple_New(kept.count);
    for (Py_ssize_t i = 0; result != NULL && i < kept.count; i++) {
        PyObject *number = PyLong_FromUnsignedLongLong(kept.items[i]);
        if (number == NULL)
            Py_CLEAR(result);
        else
            PyTuple_SET_ITEM(result, i, number);
    }
done:
    PyMem_Free(kept.items);
    PyBuffer_Release(&view);
    return result;
}
