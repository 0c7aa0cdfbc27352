/* dicts.c: _bead.Dicts, the dictionaries of one set of languages loaded
 * once (bead_dicts_load) and then only read, by any number of threads: what
 * a bead.Aligner holds across calls. Reading FreeDict takes seconds (a
 * pair compiled in the cache folder before: milliseconds), so it runs
 * without the GIL. */
#include <string.h>

#include "pybead.h"

#define MAX_LANGS 64

static int dicts_init(PyObject *selfobj, PyObject *args, PyObject *kw)
{
    pb_dicts *self = (pb_dicts *)selfobj;
    static char *kwlist[] = {"spec", "dir", "langs", "cache", NULL};
    PyObject *specobj, *dirobj, *langsobj, *cacheobj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&OO|O:Dicts", kwlist, PyUnicode_FSConverter,
                                     &specobj, &dirobj, &langsobj, &cacheobj))
        return -1;
    PyObject *dirbytes = NULL, *cachebytes = NULL, *seq = NULL;
    int rc = -1;
    /* Other threads may be aligning with the loaded ones: they stay. */
    if (self->d) {
        PyErr_SetString(PyExc_RuntimeError, "these dictionaries are loaded already");
        goto out;
    }
    if (dirobj != Py_None && !PyUnicode_FSConverter(dirobj, &dirbytes))
        goto out;
    if (cacheobj != Py_None && !PyUnicode_FSConverter(cacheobj, &cachebytes))
        goto out;
    seq = PySequence_Fast(langsobj, "langs must be a list of language codes");
    if (!seq)
        goto out;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n < 2 || n > MAX_LANGS) {
        PyErr_Format(PyExc_ValueError, "dictionaries are for 2 to %d languages, not %zd",
                     MAX_LANGS, n);
        goto out;
    }
    char langs[MAX_LANGS][16];
    const char *lp[MAX_LANGS];
    for (Py_ssize_t v = 0; v < n; v++) {
        const char *l = pb_lang(PySequence_Fast_GET_ITEM(seq, v));
        if (!l)
            goto out;
        snprintf(langs[v], sizeof langs[v], "%s", l);
        lp[v] = langs[v];
    }
    const char *spec = PyBytes_AS_STRING(specobj);
    const char *dir = dirbytes ? PyBytes_AS_STRING(dirbytes) : NULL;
    const char *cache = cachebytes ? PyBytes_AS_STRING(cachebytes) : NULL;
    bead_dicts *d = NULL;
    bead_error err;
    bead_error_clear(&err);
    bead_status s;
    Py_BEGIN_ALLOW_THREADS
    s = bead_dicts_load(&d, spec, dir, cache, lp, (size_t)n, &err);
    Py_END_ALLOW_THREADS
    if (s != BEAD_OK) {
        int is_file = strcmp(spec, "auto") != 0 && strcmp(spec, "none") != 0;
        pb_raise(s, &err, is_file ? spec : dir, err.offset, err.line);
        goto out;
    }
    self->d = d;
    rc = 0;
out:
    Py_DECREF(specobj);
    Py_XDECREF(dirbytes);
    Py_XDECREF(cachebytes);
    Py_XDECREF(seq);
    return rc;
}

static void dicts_dealloc(PyObject *selfobj)
{
    pb_dicts *self = (pb_dicts *)selfobj;
    bead_dicts_free(self->d);
    Py_TYPE(selfobj)->tp_free(selfobj);
}

static PyObject *dicts_warnings(PyObject *selfobj, void *closure)
{
    (void)closure;
    const bead_dicts *d = ((pb_dicts *)selfobj)->d;
    size_t n = bead_dicts_warning_count(d);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *w = PyUnicode_FromString(bead_dicts_warning(d, i));
        if (!w)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, w);
    }
    return list;
}

static PyObject *dicts_lexicons(PyObject *selfobj, void *closure)
{
    (void)closure;
    const bead_dicts *d = ((pb_dicts *)selfobj)->d;
    size_t n = bead_dicts_count(d);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        const bead_lexicon *lex = bead_dicts_lexicon(d, i);
        PyObject *t = Py_BuildValue("(ssn)", bead_lexicon_src_lang(lex),
                                    bead_lexicon_trg_lang(lex),
                                    (Py_ssize_t)bead_lexicon_size(lex));
        if (!t)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}

static PyGetSetDef dicts_getset[] = {
    {"warnings", dicts_warnings, NULL, "what was wrong but not fatal (a damaged dictionary skipped)", NULL},
    {"lexicons", dicts_lexicons, NULL, "(src_lang, trg_lang, entries) of every lexicon held, the first pair's first", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject pb_dicts_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bead._bead.Dicts",
    .tp_basicsize = sizeof(pb_dicts),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Dicts(spec, dir, langs, cache=None): the dictionaries `bead align --dict SPEC` "
              "loads for versions in langs (spec 'auto', 'none' or a dictionary file, hunalign "
              "or compiled; dir: the FreeDict folder, None for /usr/share/dictd; cache: the "
              "folder of compiled dictionaries, from cache_dir(), None for no cache).",
    .tp_new = PyType_GenericNew,
    .tp_init = dicts_init,
    .tp_dealloc = dicts_dealloc,
    .tp_getset = dicts_getset,
};
