/* radar._walk's shared types (radar/_walk.c walks, radar/_walk_tables.c makes the tables it
   walks with): py-tree-sitter's Tree object, a grammar's tables (grammars._Grammar) in C form. */
#ifndef RADAR_WALK_H
#define RADAR_WALK_H

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
static const char *const KIND_NAMES[K_COUNT] = {"function", "method", "class", "definition", "block", "container"};

#define KINDS 65536 /* every TSSymbol: ERROR (65535) lies beyond a grammar's own kinds */

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
    Py_ssize_t n_name, n_require, n_container, n_body;
    Step *name;
    Require *require;
    TSFieldId *container;
    TSSymbol *body;      /* a unit only before a sibling of one of these kinds, and through it */
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

#define TABLES_CAPSULE "radar._walk.Tables"

/* `object` is the Tree object this module knows: py-tree-sitter 0.26.1's, by name and size. */
static inline int is_tree(PyObject *object) {
    PyTypeObject *type = Py_TYPE(object);
    return strcmp(type->tp_name, "tree_sitter.Tree") == 0 && type->tp_basicsize == (Py_ssize_t)sizeof(PyTree)
           && ((PyTree *)object)->tree != NULL;
}

/* tables(tree, actions, lit_tokens, units, wrappers, lists, symbols, list_skip, lisp_words,
   definitions, candidates, calls, blocks, reference_roots): the capsule of a grammar's tables. */
PyObject *walk_tables(PyObject *module, PyObject *args);

#endif
