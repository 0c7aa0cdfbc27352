/* module.c: bead._bead, the extension module under the bead package: the
 * exception, the types, and the small functions bead/__init__.py builds
 * the Python API from. Everything here is libbead's public API; what reads
 * the environment (BEAD_DICT_DIR, BEAD_CACHE_DIR, SOURCE_DATE_EPOCH) is the
 * Python layer, as in the bead program, for libbead reads none. */
#include <string.h>

#include "pybead.h"

static PyObject *language_known(PyObject *self, PyObject *arg)
{
    (void)self;
    Py_ssize_t len = 0;
    const char *code = PyUnicode_Check(arg) ? PyUnicode_AsUTF8AndSize(arg, &len) : NULL;
    if (!code && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(code && (size_t)len == strlen(code) && bead_language_known(code));
}

/* bead_dict_dir's and bead_cache_dir's lookup: a variable from the mapping
 * handed over (os.environ). Runs with the GIL held, inside dict_dir or
 * cache_dir. The value is
 * kept alive by the mapping's str, which the caller holds. */
typedef struct env_ctx {
    PyObject *mapping;
    PyObject *held;        /* the last value looked up */
    int failed;
} env_ctx;

static const char *env_lookup(void *ctxp, const char *name)
{
    env_ctx *ctx = ctxp;
    PyObject *value = PyMapping_GetItemString(ctx->mapping, name);
    if (!value) {
        if (PyErr_ExceptionMatches(PyExc_KeyError))
            PyErr_Clear();
        else
            ctx->failed = 1;
        return NULL;
    }
    Py_XSETREF(ctx->held, value);
    const char *s = PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
    if (!s && PyErr_Occurred())
        ctx->failed = 1;
    return s;
}

/* A folder the library works out from the mapping's variables (fn:
 * bead_dict_dir or bead_cache_dir, named name in messages); "" is None
 * when none_when_empty. */
static PyObject *env_folder(PyObject *mapping, const char *name,
                            bead_status (*fn)(bead_env_fn, void *, char *, size_t, bead_error *),
                            int none_when_empty)
{
    if (!PyMapping_Check(mapping))
        return PyErr_Format(PyExc_TypeError, "%s() wants a mapping such as os.environ", name);
    env_ctx ctx = {mapping, NULL, 0};
    char buf[4096];
    bead_error err;
    bead_error_clear(&err);
    bead_status s = fn(env_lookup, &ctx, buf, sizeof buf, &err);
    Py_XDECREF(ctx.held);
    if (ctx.failed)
        return NULL;
    if (s != BEAD_OK)
        return pb_raise(s, &err, NULL, -1, 0);
    if (none_when_empty && !buf[0])
        Py_RETURN_NONE;
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *dict_dir(PyObject *self, PyObject *mapping)
{
    (void)self;
    return env_folder(mapping, "dict_dir", bead_dict_dir, 0);
}

/* bead_cache_dir with the mapping's variables: the folder of compiled
 * dictionaries, or None when there is no cache. */
static PyObject *cache_dir(PyObject *self, PyObject *mapping)
{
    (void)self;
    return env_folder(mapping, "cache_dir", bead_cache_dir, 1);
}

static PyObject *types_parse(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *list = PyUnicode_Check(arg) ? PyUnicode_AsUTF8(arg) : NULL;
    if (!list)
        return PyErr_Occurred() ? NULL : PyErr_Format(PyExc_TypeError, "a str such as '1-1,2-1'");
    return PyLong_FromUnsignedLong(bead_types_parse(list));
}

static PyMethodDef methods[] = {
    {"segment", (PyCFunction)(void (*)(void))pb_segment, METH_VARARGS | METH_KEYWORDS,
     "segment(text, lang, presegmented=False): [(start, end, text, para)], offsets in "
     "characters"},
    {"align", (PyCFunction)(void (*)(void))pb_align, METH_VARARGS | METH_KEYWORDS,
     "align(versions, langs, *, presegmented, mode, dicts, learn, anchors, beads, iterations, "
     "pivot, names) -> Result"},
    {"language_known", language_known, METH_O, "1 if ICU knows the ISO 639 code"},
    {"dict_dir", dict_dir, METH_O,
     "dict_dir(environ): the folder --dict auto reads (BEAD_DICT_DIR, else /usr/share/dictd)"},
    {"cache_dir", cache_dir, METH_O,
     "cache_dir(environ): the folder of compiled dictionaries (BEAD_CACHE_DIR, else "
     "XDG_CACHE_HOME/bead, else HOME/.cache/bead), None for no cache"},
    {"types_parse", types_parse, METH_O, "'1-1,2-1' -> bit mask of bead types (0: bad list)"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "bead._bead",
    "libbead's public API for the bead package (use bead, not bead._bead)", -1, methods,
    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__bead(void);

PyMODINIT_FUNC PyInit__bead(void)
{
    if (PyType_Ready(&pb_dicts_type) < 0 || PyType_Ready(&pb_result_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    pb_error_type = PyErr_NewExceptionWithDoc(
        "bead.Error",
        "A failure in the data or on disk: invalid text, an unreadable or damaged file, a "
        "write error. Carries .message, .file (the version or path; None when neither), "
        ".offset (characters into the text, or bytes into a file; None when unknown), "
        ".line (1-based; for a list of sentences, the sentence) and .status.",
        NULL, NULL);
    /* An Error made by hand (raise bead.Error("...")) reads None for what it
     * was not told; pb_raise sets every one. */
    static const char *const attrs[] = {"message", "file", "offset", "line", "status"};
    for (size_t i = 0; pb_error_type && i < sizeof attrs / sizeof *attrs; i++)
        if (PyObject_SetAttrString(pb_error_type, attrs[i], Py_None) < 0)
            Py_CLEAR(pb_error_type);
    if (!pb_error_type || PyModule_AddObjectRef(m, "Error", pb_error_type) < 0 ||
        PyModule_AddObjectRef(m, "Dicts", (PyObject *)&pb_dicts_type) < 0 ||
        PyModule_AddObjectRef(m, "Result", (PyObject *)&pb_result_type) < 0 ||
        PyModule_AddStringConstant(m, "version", bead_version()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
