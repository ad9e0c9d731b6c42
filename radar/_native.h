/* What radar._native's two files share (_native.c: sorting, candidate pairs, the module;
   _native_shape.c: shaping a file). The extension is built with -fvisibility=hidden, so these
   names stay inside it. */
#ifndef RADAR_NATIVE_H
#define RADAR_NATIVE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* A growing array of uint64. */
typedef struct { uint64_t *items; Py_ssize_t count, capacity; } Buffer;

int push(Buffer *buffer, uint64_t item);  /* appends; -1 with MemoryError set */
Py_ssize_t sort_unique(uint64_t *items, Py_ssize_t count);  /* sorts, drops repeats: the new count */

/* _native_shape.c: the module's shaping functions (their contracts: _native.c's header). */
int shape_init(void);
PyObject *normalised_utf8s(PyObject *self, PyObject *units);
PyObject *stream_codes(PyObject *self, PyObject *args);
PyObject *window_array(PyObject *self, PyObject *args);
PyObject *window_samples(PyObject *self, PyObject *args);

#endif
