/* text.c: a version as Python hands it over (a str, or a list of its
 * sentences) turned into the UTF-8 text libbead reads. A list becomes one
 * presegmented text, a sentence a line, so that a list of sentences is
 * read exactly as `bead align --presegmented` reads the same lines from a
 * file (paragraph numbers from empty sentences, .EOA barriers included). */
#include <string.h>

#include "pybead.h"

static int utf8_of(PyObject *s, const char **p, Py_ssize_t *n, Py_ssize_t version,
                   Py_ssize_t item)
{
    if (!PyUnicode_Check(s)) {
        if (item < 0)
            PyErr_Format(PyExc_TypeError,
                         "version %zd is a %.80s: give a str or a list of sentences (str)",
                         version + 1, Py_TYPE(s)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "sentence %zd of version %zd is a %.80s, not a str",
                         item + 1, version + 1, Py_TYPE(s)->tp_name);
        return -1;
    }
    *p = PyUnicode_AsUTF8AndSize(s, n);
    return *p ? 0 : -1;
}

/* The sentences of a list, each followed by a line end; line ends inside a
 * sentence become spaces (the segmenter folds whitespace anyway). */
static int join(pb_text *t, PyObject *seq, Py_ssize_t version)
{
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *p;
        Py_ssize_t len;
        if (utf8_of(items[i], &p, &len, version, i) < 0)
            return -1;
        total += (size_t)len + 1;
    }
    t->joined = PyMem_RawMalloc(total ? total : 1);
    t->starts = PyMem_RawMalloc((size_t)(n ? n : 1) * sizeof *t->starts);
    if (!t->joined || !t->starts) {
        PyErr_NoMemory();
        return -1;
    }
    size_t at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const char *p;
        Py_ssize_t len;
        if (utf8_of(items[i], &p, &len, version, i) < 0)
            return -1;
        t->starts[i] = at;
        for (Py_ssize_t k = 0; k < len; k++)
            t->joined[at++] = p[k] == '\n' || p[k] == '\r' ? ' ' : p[k];
        t->joined[at++] = '\n';
    }
    t->nitems = (size_t)n;
    t->utf8 = t->joined;
    t->len = at;
    t->presegmented = 1;
    return 0;
}

int pb_text_init(pb_text *t, PyObject *obj, int presegmented, Py_ssize_t version)
{
    memset(t, 0, sizeof *t);
    if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *p;
        if (utf8_of(obj, &p, &len, version, -1) < 0)
            return -1;
        t->str = Py_NewRef(obj);
        t->utf8 = p;
        t->len = (size_t)len;
        t->presegmented = presegmented;
        return 0;
    }
    if (!PyList_Check(obj) && !PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "version %zd is a %.80s: give a str or a list of sentences (str)",
                     version + 1, Py_TYPE(obj)->tp_name);
        return -1;
    }
    /* The sentences are copied into one text now, under the GIL: another
     * thread may change the caller's list while the text is read. */
    PyObject *seq = PySequence_Fast(obj, "a list of sentences");
    if (!seq)
        return -1;
    int rc = join(t, seq, version);
    Py_DECREF(seq);
    if (rc < 0)
        pb_text_free(t);
    return rc;
}

void pb_text_free(pb_text *t)
{
    Py_CLEAR(t->str);
    PyMem_RawFree(t->joined);
    PyMem_RawFree(t->starts);
    memset(t, 0, sizeof *t);
}

PyObject *pb_text_raise(const pb_text *t, const char *name, bead_status status,
                        const bead_error *err)
{
    long long offset = -1, line = err ? err->line : 0;
    if (err && err->offset >= 0 && t->joined) {
        /* The sentence the byte falls in, and the characters before it there. */
        size_t byte = (size_t)err->offset, lo = 0, hi = t->nitems;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (t->starts[mid] <= byte)
                lo = mid;
            else
                hi = mid;
        }
        if (t->nitems) {
            line = (long long)lo + 1;
            offset = pb_char_offset(t->joined + t->starts[lo], t->len - t->starts[lo],
                                    byte - t->starts[lo]);
        }
    } else if (err && err->offset >= 0) {
        offset = pb_char_offset(t->utf8, t->len, (size_t)err->offset);
    }
    return pb_raise(status, err, name, offset, line);
}
