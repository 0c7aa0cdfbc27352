/* pybead.h: what the files of the extension module bead._bead share. The
 * module stands on libbead's public headers only (doc/layers.txt: client
 * python); the Python API users see is written in bead/__init__.py on top
 * of it. */
#ifndef BEAD_PYTHON_PYBEAD_H
#define BEAD_PYTHON_PYBEAD_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <bead/easy.h>
#include <bead/report.h>

/* bead.Error, made in module.c. */
extern PyObject *pb_error_type;

/* Sets the Python exception for a failed call and returns NULL: ValueError
 * for a bad argument or language, MemoryError when out of memory, else
 * bead.Error carrying the message, file (the version or path the error is
 * about; NULL: None), offset (-1: None) and line (0: None). */
PyObject *pb_raise(bead_status status, const bead_error *err, const char *file,
                   long long offset, long long line);

/* The character (code point) offset in a Python str of byte offset byte of
 * its UTF-8 form utf8[0..len). */
Py_ssize_t pb_char_offset(const char *utf8, size_t len, size_t byte);

/* A language argument as a C string: TypeError when not a str, ValueError
 * when ICU does not know it. Borrowed from obj. */
const char *pb_lang(PyObject *obj);

/* One version's text as handed over: a str, or a list of sentences joined
 * into one presegmented text, one sentence a line. utf8 stays valid while
 * the version is held (the str is referenced; the joined text is owned), so
 * the GIL can be released while it is read. */
typedef struct pb_text {
    PyObject *str;          /* a str version (owned reference), else NULL */
    const char *utf8;
    size_t len;
    char *joined;           /* a list version's text, else NULL */
    size_t *starts;         /* a list version: byte where each sentence starts */
    size_t nitems;
    int presegmented;
} pb_text;

/* Fills t from obj (str, or a list or tuple of str); presegmented says how
 * a str is read. 0, or -1 with TypeError or MemoryError set. */
int pb_text_init(pb_text *t, PyObject *obj, int presegmented, Py_ssize_t version);
void pb_text_free(pb_text *t);
/* Raises bead.Error for err, an error in t named name, with the offset in
 * characters of the str (of the sentence, and its 1-based number as the
 * line, for a list). */
PyObject *pb_text_raise(const pb_text *t, const char *name, bead_status status,
                        const bead_error *err);

/* The types, made ready in module.c. */
extern PyTypeObject pb_dicts_type;
extern PyTypeObject pb_result_type;

/* The dictionaries an Aligner holds (dicts.c). */
typedef struct pb_dicts {
    PyObject_HEAD
    bead_dicts *d;
} pb_dicts;

/* Module functions, one file each. */
PyObject *pb_segment(PyObject *self, PyObject *args, PyObject *kw);
PyObject *pb_align(PyObject *self, PyObject *args, PyObject *kw);

#endif
