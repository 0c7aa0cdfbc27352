/* errors.c: libbead's failures as Python exceptions. A caller's mistake (a
 * bad argument, an unknown language) is ValueError, as Python code expects;
 * what the data or the disk did is bead.Error, which carries what
 * bead_error says (message, offset, line) and which file or version. */
#include <string.h>

#include "pybead.h"

PyObject *pb_error_type;

static int set_attr(PyObject *exc, const char *name, PyObject *value)
{
    if (!value)
        return -1;
    int rc = PyObject_SetAttrString(exc, name, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *number_or_none(long long x, long long none)
{
    if (x == none)
        Py_RETURN_NONE;
    return PyLong_FromLongLong(x);
}

PyObject *pb_raise(bead_status status, const bead_error *err, const char *file,
                   long long offset, long long line)
{
    const char *message = err && err->message[0] ? err->message : bead_strerror(status);
    if (status == BEAD_ERR_NOMEM)
        return PyErr_NoMemory();
    if (status == BEAD_ERR_USAGE || status == BEAD_ERR_LANG) {
        PyErr_SetString(PyExc_ValueError, message);
        return NULL;
    }
    PyObject *exc = PyObject_CallFunction(pb_error_type, "s", message);
    if (!exc)
        return NULL;
    PyObject *fileobj = file ? PyUnicode_DecodeFSDefault(file) : Py_NewRef(Py_None);
    if (set_attr(exc, "message", PyUnicode_FromString(message)) < 0 ||
        set_attr(exc, "file", fileobj) < 0 ||
        set_attr(exc, "offset", number_or_none(offset, -1)) < 0 ||
        set_attr(exc, "line", number_or_none(line, 0)) < 0 ||
        set_attr(exc, "status", PyUnicode_FromString(bead_strerror(status))) < 0) {
        Py_DECREF(exc);
        return NULL;
    }
    PyErr_SetObject(pb_error_type, exc);
    Py_DECREF(exc);
    return NULL;
}

Py_ssize_t pb_char_offset(const char *utf8, size_t len, size_t byte)
{
    if (byte > len)
        byte = len;
    Py_ssize_t chars = 0;
    for (size_t i = 0; i < byte; i++)
        chars += ((unsigned char)utf8[i] & 0xC0) != 0x80;
    return chars;
}

const char *pb_lang(PyObject *obj)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "a language is a str such as 'en', not %.80s",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *lang = PyUnicode_AsUTF8AndSize(obj, &len);
    if (lang && ((size_t)len != strlen(lang) || !bead_language_known(lang))) {
        PyErr_Format(PyExc_ValueError,
                     "unknown language %R: use an ISO 639 code that ICU knows, such as bg, "
                     "de, en or id", obj);
        return NULL;
    }
    return lang;
}
