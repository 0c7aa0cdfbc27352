/* segment.c: _bead.segment, a text's sentences with their offsets counted
 * in characters of the Python str (libbead counts bytes of UTF-8). The
 * segmenter runs without the GIL, so threads segment in parallel. */
#include "pybead.h"

/* Byte offsets to character offsets, for offsets that mostly grow: the
 * count goes on from the last one instead of from the start. */
typedef struct cursor {
    const char *utf8;
    size_t len, byte;
    Py_ssize_t chars;
} cursor;

static Py_ssize_t chars_at(cursor *c, size_t byte)
{
    if (byte > c->len)
        byte = c->len;
    if (byte < c->byte) {
        c->byte = 0;
        c->chars = 0;
    }
    c->chars += pb_char_offset(c->utf8 + c->byte, c->len - c->byte, byte - c->byte);
    c->byte = byte;
    return c->chars;
}

static PyObject *sentence_tuple(const bead_sentence *s, cursor *c)
{
    Py_ssize_t start = chars_at(c, (size_t)s->start);
    Py_ssize_t end = chars_at(c, (size_t)s->end);
    return Py_BuildValue("(nns#K)", start, end, s->text, (Py_ssize_t)s->len,
                         (unsigned long long)s->para);
}

PyObject *pb_segment(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *kwlist[] = {"text", "lang", "presegmented", NULL};
    PyObject *textobj, *langobj;
    int presegmented = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|p:segment", kwlist, &textobj, &langobj,
                                     &presegmented))
        return NULL;
    if (!PyUnicode_Check(textobj))
        return PyErr_Format(PyExc_TypeError, "segment() wants the text as a str, not %.80s",
                            Py_TYPE(textobj)->tp_name);
    const char *lang = pb_lang(langobj);
    if (!lang)
        return NULL;
    pb_text t;
    if (pb_text_init(&t, textobj, presegmented, 0) < 0)
        return NULL;
    bead_segment_options opt;
    bead_segment_options_init(&opt);
    if (presegmented)
        opt.flags |= BEAD_SEGMENT_PRESEGMENTED;
    bead_sentence *sentences = NULL;
    size_t n = 0;
    bead_error err;
    bead_error_clear(&err);
    bead_status s;
    Py_BEGIN_ALLOW_THREADS
    s = bead_segment_buffer(t.utf8, t.len, lang, &opt, &sentences, &n, &err);
    Py_END_ALLOW_THREADS
    if (s != BEAD_OK) {
        pb_text_raise(&t, NULL, s, &err);
        pb_text_free(&t);
        return NULL;
    }
    PyObject *list = PyList_New((Py_ssize_t)n);
    cursor c = {t.utf8, t.len, 0, 0};
    for (size_t i = 0; list && i < n; i++) {
        PyObject *item = sentence_tuple(&sentences[i], &c);
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    bead_sentences_free(sentences);
    pb_text_free(&t);
    return list;
}
