/* result.c: _bead.Result, one alignment of N versions (bead_result) with
 * the documents it was made from, read by bead.Alignment: its units, the
 * sentences, the summary JSON, the writers and the report, each written by
 * libbead exactly as `bead align` writes it. A result does not change after
 * it is made, so threads may read it at once; writing runs without the
 * GIL. */
#include <string.h>

#include "pybead.h"

typedef struct pb_result {
    PyObject_HEAD
    bead_result *r;
    bead_doc **docs;     /* owned: the result borrows them */
    size_t n;
    PyObject *dicts;     /* the Dicts aligned with (the report reads them), or NULL */
} pb_result;

static void result_dealloc(PyObject *selfobj)
{
    pb_result *self = (pb_result *)selfobj;
    bead_result_free(self->r);
    for (size_t v = 0; self->docs && v < self->n; v++)
        bead_doc_free(self->docs[v]);
    PyMem_RawFree(self->docs);
    Py_CLEAR(self->dicts);
    Py_TYPE(selfobj)->tp_free(selfobj);
}

/* Takes docs (n of them, from PyMem_RawMalloc), r and a reference to dicts. */
static PyObject *result_new(bead_result *r, bead_doc **docs, size_t n, PyObject *dicts)
{
    pb_result *self = PyObject_New(pb_result, &pb_result_type);
    if (!self) {
        bead_result_free(r);
        for (size_t v = 0; v < n; v++)
            bead_doc_free(docs[v]);
        PyMem_RawFree(docs);
        return NULL;
    }
    self->r = r;
    self->docs = docs;
    self->n = n;
    self->dicts = dicts ? Py_NewRef(dicts) : NULL;
    return (PyObject *)self;
}

/* ---------------------------------------------------------------- align */

#define MAX_VERSIONS 64

static int parse_mode(PyObject *obj, bead_mode *mode)
{
    const char *m = PyUnicode_Check(obj) ? PyUnicode_AsUTF8(obj) : NULL;
    if (m && !strcmp(m, "auto"))
        *mode = BEAD_MODE_AUTO;
    else if (m && !strcmp(m, "align"))
        *mode = BEAD_MODE_ALIGN;
    else if (m && !strcmp(m, "mine"))
        *mode = BEAD_MODE_MINE;
    else {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ValueError, "mode must be 'auto', 'align' or 'mine', not %R", obj);
        return -1;
    }
    return 0;
}

/* The names of the versions: given (a list of str) or "version 1", .... */
static int parse_names(PyObject *obj, Py_ssize_t n, char names[][256])
{
    for (Py_ssize_t v = 0; v < n; v++)
        snprintf(names[v], 256, "version %zd", v + 1);
    if (obj == Py_None)
        return 0;
    PyObject *seq = PySequence_Fast(obj, "names must be a list of str");
    if (!seq)
        return -1;
    int rc = 0;
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "%zd names for %zd versions",
                     PySequence_Fast_GET_SIZE(seq), n);
        rc = -1;
    }
    for (Py_ssize_t v = 0; rc == 0 && v < n; v++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, v);
        Py_ssize_t len = 0;
        const char *s = PyUnicode_Check(item) ? PyUnicode_AsUTF8AndSize(item, &len) : NULL;
        if (!s) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "name %zd is a %.80s, not a str", v + 1,
                             Py_TYPE(item)->tp_name);
            rc = -1;
        } else if ((size_t)len != strlen(s)) {
            PyErr_Format(PyExc_ValueError, "name %zd holds a NUL character", v + 1);
            rc = -1;
        } else {
            snprintf(names[v], 256, "%s", s);
        }
    }
    Py_DECREF(seq);
    return rc;
}

typedef struct job {
    Py_ssize_t n;
    pb_text texts[MAX_VERSIONS];
    char langs[MAX_VERSIONS][16];
    char names[MAX_VERSIONS][256];
    bead_easy_options opt;
    PyObject *dicts;         /* borrowed from the arguments */
} job;

static int parse_job(job *j, PyObject *versions, PyObject *langs, int presegmented,
                     PyObject *mode, PyObject *dicts, int learn, int anchors, PyObject *beads,
                     int iterations, int pivot, PyObject *names)
{
    bead_easy_options_init(&j->opt);
    j->opt.presegmented = presegmented;
    j->opt.align.learn = learn;
    j->opt.align.anchors = anchors;
    j->opt.pivot = pivot;
    if (iterations < 0 || iterations > 20) {
        PyErr_Format(PyExc_ValueError, "iterations must be from 0 to 20, not %d", iterations);
        return -1;
    }
    j->opt.align.iterations = iterations;
    if (parse_mode(mode, &j->opt.align.mode) < 0)
        return -1;
    if (beads != Py_None) {
        const char *list = PyUnicode_Check(beads) ? PyUnicode_AsUTF8(beads) : NULL;
        j->opt.align.bead_types = list ? bead_types_parse(list) : 0;
        if (!j->opt.align.bead_types) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError,
                             "beads must be a list of bead types such as '1-1,1-0,0-1,2-1,1-2' "
                             "(types: 1-1 1-0 0-1 2-1 1-2 2-2 1-3 3-1 2-3 3-2 1-4 4-1), not %R", beads);
            return -1;
        }
    }
    if (dicts != Py_None && !PyObject_TypeCheck(dicts, &pb_dicts_type)) {
        PyErr_Format(PyExc_TypeError, "dicts must be a bead._bead.Dicts or None, not %.80s",
                     Py_TYPE(dicts)->tp_name);
        return -1;
    }
    j->dicts = dicts == Py_None ? NULL : dicts;
    j->opt.dicts = j->dicts ? ((pb_dicts *)j->dicts)->d : NULL;

    PyObject *vseq = PySequence_Fast(versions, "versions must be a list of texts");
    PyObject *lseq = vseq ? PySequence_Fast(langs, "langs must be a list of language codes") : NULL;
    int rc = -1;
    if (!lseq)
        goto out;
    j->n = PySequence_Fast_GET_SIZE(vseq);
    if (j->n < 2 || j->n > MAX_VERSIONS) {
        PyErr_Format(PyExc_ValueError, "align() takes 2 to %d versions, not %zd", MAX_VERSIONS,
                     j->n);
        goto out;
    }
    if (PySequence_Fast_GET_SIZE(lseq) != j->n) {
        PyErr_Format(PyExc_ValueError, "%zd languages for %zd versions: give one per version",
                     PySequence_Fast_GET_SIZE(lseq), j->n);
        goto out;
    }
    if (pivot >= j->n) {
        PyErr_Format(PyExc_ValueError, "pivot %d: there are %zd versions", pivot, j->n);
        goto out;
    }
    if (parse_names(names, j->n, j->names) < 0)
        goto out;
    for (Py_ssize_t v = 0; v < j->n; v++) {
        const char *l = pb_lang(PySequence_Fast_GET_ITEM(lseq, v));
        if (!l)
            goto out;
        snprintf(j->langs[v], sizeof j->langs[v], "%s", l);
    }
    Py_ssize_t made = 0;
    for (; made < j->n; made++)
        if (pb_text_init(&j->texts[made], PySequence_Fast_GET_ITEM(vseq, made), presegmented,
                         made) < 0)
            break;
    if (made < j->n) {
        while (made > 0)
            pb_text_free(&j->texts[--made]);
        goto out;
    }
    rc = 0;
out:
    Py_XDECREF(vseq);
    Py_XDECREF(lseq);
    if (rc < 0)
        j->n = 0;
    return rc;
}

/* Segments every version and aligns them; runs without the GIL. *failed
 * gets the version whose text failed, or -1. */
static bead_status run_job(job *j, bead_doc **docs, bead_result **r, Py_ssize_t *failed,
                           bead_error *err)
{
    bead_status s = BEAD_OK;
    *failed = -1;
    for (Py_ssize_t v = 0; v < j->n && s == BEAD_OK; v++) {
        bead_segment_options so;
        bead_segment_options_init(&so);
        if (j->texts[v].presegmented)
            so.flags |= BEAD_SEGMENT_PRESEGMENTED;
        bead_segmenter *seg = NULL;
        bead_input *in = NULL;
        s = bead_segmenter_create(&seg, j->langs[v], &so, err);
        if (s == BEAD_OK)
            s = bead_input_open_memory(&in, j->texts[v].utf8, j->texts[v].len, j->names[v],
                                       NULL, err);
        if (s == BEAD_OK)
            s = bead_doc_segment(&docs[v], seg, in, j->langs[v], err);
        bead_input_free(in);
        bead_segmenter_free(seg);
        if (s != BEAD_OK)
            *failed = v;
    }
    if (s == BEAD_OK)
        s = bead_align_docs((const bead_doc *const *)docs, (size_t)j->n, &j->opt, r, err);
    return s;
}

PyObject *pb_align(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *kwlist[] = {"versions", "langs", "presegmented", "mode", "dicts", "learn",
                             "anchors", "beads", "iterations", "pivot", "names", NULL};
    PyObject *versions, *langs, *mode = NULL, *dicts = Py_None, *beads = Py_None,
             *names = Py_None;
    int presegmented = 0, learn = 1, anchors = 1, iterations = 2, pivot = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|$pOOppOiiO:align", kwlist, &versions, &langs,
                                     &presegmented, &mode, &dicts, &learn, &anchors, &beads,
                                     &iterations, &pivot, &names))
        return NULL;
    PyObject *auto_mode = NULL;
    if (!mode)
        mode = auto_mode = PyUnicode_FromString("auto");
    job *j = mode ? PyMem_RawCalloc(1, sizeof *j) : NULL;
    if (!j) {
        Py_XDECREF(auto_mode);
        return mode ? PyErr_NoMemory() : NULL;
    }
    int rc = parse_job(j, versions, langs, presegmented, mode, dicts, learn, anchors, beads,
                       iterations, pivot, names);
    Py_XDECREF(auto_mode);
    if (rc < 0) {
        PyMem_RawFree(j);
        return NULL;
    }
    /* The Dicts must outlive the call even if the caller drops it meanwhile. */
    Py_XINCREF(j->dicts);
    bead_doc **docs = PyMem_RawCalloc((size_t)j->n, sizeof *docs);
    bead_result *r = NULL;
    bead_error err;
    bead_error_clear(&err);
    bead_status s = BEAD_ERR_NOMEM;
    Py_ssize_t failed = -1;
    if (docs) {
        Py_BEGIN_ALLOW_THREADS
        s = run_job(j, docs, &r, &failed, &err);
        Py_END_ALLOW_THREADS
    }
    PyObject *out = NULL;
    if (s == BEAD_OK) {
        out = result_new(r, docs, (size_t)j->n, j->dicts);
    } else {
        if (failed >= 0)
            pb_text_raise(&j->texts[failed], j->names[failed], s, &err);
        else
            pb_raise(s, &err, NULL, err.offset, err.line);
        for (Py_ssize_t v = 0; docs && v < j->n; v++)
            bead_doc_free(docs[v]);
        PyMem_RawFree(docs);
    }
    Py_XDECREF(j->dicts);
    for (Py_ssize_t v = 0; v < j->n; v++)
        pb_text_free(&j->texts[v]);
    PyMem_RawFree(j);
    return out;
}

/* ---------------------------------------------------------- reading it */

static PyObject *result_nversions(PyObject *selfobj, void *closure)
{
    (void)closure;
    return PyLong_FromSize_t(((pb_result *)selfobj)->n);
}

static PyObject *result_seconds(PyObject *selfobj, void *closure)
{
    (void)closure;
    return PyFloat_FromDouble(bead_result_seconds(((pb_result *)selfobj)->r));
}

static PyObject *result_langs(PyObject *selfobj, void *closure)
{
    (void)closure;
    pb_result *self = (pb_result *)selfobj;
    PyObject *t = PyTuple_New((Py_ssize_t)self->n);
    for (size_t v = 0; t && v < self->n; v++) {
        PyObject *s = PyUnicode_FromString(bead_doc_lang(self->docs[v]));
        if (!s)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, (Py_ssize_t)v, s);
    }
    return t;
}

/* sentences(): every version's sentences, a list of str each. */
static PyObject *result_sentences(PyObject *selfobj, PyObject *unused)
{
    (void)unused;
    pb_result *self = (pb_result *)selfobj;
    PyObject *t = PyTuple_New((Py_ssize_t)self->n);
    for (size_t v = 0; t && v < self->n; v++) {
        size_t n = bead_doc_size(self->docs[v]);
        PyObject *list = PyList_New((Py_ssize_t)n);
        for (size_t i = 0; list && i < n; i++) {
            size_t len;
            const char *text = bead_doc_text(self->docs[v], i, &len);
            PyObject *s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "replace");
            if (!s)
                Py_CLEAR(list);
            else
                PyList_SET_ITEM(list, (Py_ssize_t)i, s);
        }
        if (!list)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, (Py_ssize_t)v, list);
    }
    return t;
}

/* One unit: ((begin, count) per version, score, (anchor, ...)). */
static PyObject *unit_tuple(const bead_alignment *al, size_t i, size_t nv)
{
    PyObject *ranges = PyTuple_New((Py_ssize_t)nv);
    for (size_t v = 0; ranges && v < nv; v++) {
        size_t b, c;
        bead_alignment_range(al, i, v, &b, &c);
        PyObject *r = Py_BuildValue("(nn)", (Py_ssize_t)b, (Py_ssize_t)c);
        if (!r)
            Py_CLEAR(ranges);
        else
            PyTuple_SET_ITEM(ranges, (Py_ssize_t)v, r);
    }
    size_t na = bead_alignment_anchor_count(al, i);
    PyObject *anchors = ranges ? PyTuple_New((Py_ssize_t)na) : NULL;
    for (size_t k = 0; anchors && k < na; k++) {
        PyObject *s = PyUnicode_DecodeUTF8(bead_alignment_anchor(al, i, k),
                                           (Py_ssize_t)strlen(bead_alignment_anchor(al, i, k)),
                                           "replace");
        if (!s)
            Py_CLEAR(anchors);
        else
            PyTuple_SET_ITEM(anchors, (Py_ssize_t)k, s);
    }
    if (!anchors) {
        Py_XDECREF(ranges);
        return NULL;
    }
    return Py_BuildValue("(NdN)", ranges, bead_alignment_score(al, i), anchors);
}

/* units(covering=False): the units bead align prints (covering: the
 * alignment that covers every sentence, which the beads format shows). */
static PyObject *result_units(PyObject *selfobj, PyObject *args, PyObject *kw)
{
    pb_result *self = (pb_result *)selfobj;
    static char *kwlist[] = {"covering", NULL};
    int covering = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|p:units", kwlist, &covering))
        return NULL;
    const bead_alignment *al =
        covering ? bead_result_covering(self->r) : bead_result_alignment(self->r);
    size_t n = bead_alignment_size(al);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *u = unit_tuple(al, i, self->n);
        if (!u)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, u);
    }
    return list;
}

/* ------------------------------------------------------------- writing */

/* An output to path (str, bytes or os.PathLike), or in memory for None. */
typedef struct sink {
    bead_output *out;
    PyObject *path;       /* bytes, or NULL for memory */
} sink;

static int sink_open(sink *k, PyObject *pathobj, bead_error *err, bead_status *s)
{
    k->out = NULL;
    k->path = NULL;
    if (pathobj != Py_None && !PyUnicode_FSConverter(pathobj, &k->path))
        return -1;
    if (k->path)
        *s = bead_output_open(&k->out, PyBytes_AS_STRING(k->path), err);
    else
        *s = bead_output_open_memory(&k->out, err);
    return 0;
}

/* Commits (on success) and returns what the caller gets: the text for a
 * memory output, None for a file; NULL with the exception set. */
static PyObject *sink_close(sink *k, bead_status s, bead_error *err)
{
    if (s == BEAD_OK && k->path) {
        Py_BEGIN_ALLOW_THREADS
        s = bead_output_commit(k->out, err);
        Py_END_ALLOW_THREADS
    }
    PyObject *ret = NULL;
    if (s != BEAD_OK) {
        pb_raise(s, err, k->path ? PyBytes_AS_STRING(k->path) : NULL, err->offset, err->line);
    } else if (k->path) {
        ret = Py_NewRef(Py_None);
    } else {
        size_t len;
        const char *text = bead_output_memory(k->out, &len);
        ret = PyUnicode_DecodeUTF8(text ? text : "", (Py_ssize_t)len, "strict");
    }
    bead_output_free(k->out);
    Py_XDECREF(k->path);
    return ret;
}

/* write(fmt, path=None, *, min_score=0.0, include_unaligned=False,
 * header=False, date=None, doctype=False) */
static PyObject *result_write(PyObject *selfobj, PyObject *args, PyObject *kw)
{
    pb_result *self = (pb_result *)selfobj;
    static char *kwlist[] = {"fmt", "path", "min_score", "include_unaligned", "header", "date",
                             "doctype", NULL};
    const char *fmtname, *date = NULL;
    PyObject *path = Py_None;
    bead_write_options wo;
    bead_write_options_init(&wo);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s|O$dppzp:write", kwlist, &fmtname, &path,
                                     &wo.min_score, &wo.include_unaligned, &wo.header, &date,
                                     &wo.doctype))
        return NULL;
    bead_format fmt;
    if (!bead_format_parse(fmtname, &fmt) || fmt == BEAD_FORMAT_MOSES)
        return PyErr_Format(PyExc_ValueError,
                            "unknown format '%s': use tsv, tmx, jsonl or beads", fmtname);
    wo.date = date;
    bead_error err;
    bead_error_clear(&err);
    bead_status s = BEAD_OK;
    sink k;
    if (sink_open(&k, path, &err, &s) < 0)
        return NULL;
    if (s == BEAD_OK) {
        Py_BEGIN_ALLOW_THREADS
        s = bead_result_write(self->r, k.out, fmt, &wo, &err);
        Py_END_ALLOW_THREADS
    }
    return sink_close(&k, s, &err);
}

/* write_moses(paths, *, min_score=0.0, include_unaligned=False): one file a
 * version, all renamed into place only when all are written. */
static PyObject *result_write_moses(PyObject *selfobj, PyObject *args, PyObject *kw)
{
    pb_result *self = (pb_result *)selfobj;
    static char *kwlist[] = {"paths", "min_score", "include_unaligned", NULL};
    PyObject *paths;
    bead_write_options wo;
    bead_write_options_init(&wo);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$dp:write_moses", kwlist, &paths,
                                     &wo.min_score, &wo.include_unaligned))
        return NULL;
    PyObject *seq = PySequence_Fast(paths, "paths must be a list, one path a version");
    if (!seq)
        return NULL;
    if ((size_t)PySequence_Fast_GET_SIZE(seq) != self->n) {
        Py_DECREF(seq);
        return PyErr_Format(PyExc_ValueError, "%zd paths for %zu versions",
                            PySequence_Fast_GET_SIZE(seq), self->n);
    }
    PyObject *bytes[MAX_VERSIONS] = {NULL};
    bead_output *outs[MAX_VERSIONS] = {NULL};
    bead_error err;
    bead_error_clear(&err);
    bead_status s = BEAD_OK;
    size_t v = 0, failed = 0;
    for (; v < self->n; v++)
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)v), &bytes[v]))
            break;
    if (v == self->n) {
        Py_BEGIN_ALLOW_THREADS
        const bead_doc *const *docs = bead_result_docs(self->r);
        const bead_alignment *al = bead_result_alignment(self->r);
        for (v = 0; v < self->n && s == BEAD_OK; v++) {
            failed = v;
            s = bead_output_open(&outs[v], PyBytes_AS_STRING(bytes[v]), &err);
            if (s == BEAD_OK)
                s = bead_write_moses_side(outs[v], docs, al, v, &wo, &err);
        }
        for (v = 0; v < self->n && s == BEAD_OK; v++) {
            failed = v;
            s = bead_output_commit(outs[v], &err);
        }
        for (v = 0; v < self->n; v++)
            bead_output_free(outs[v]);
        Py_END_ALLOW_THREADS
        if (s != BEAD_OK)
            pb_raise(s, &err, PyBytes_AS_STRING(bytes[failed]), err.offset, err.line);
    }
    for (v = 0; v < self->n; v++)
        Py_XDECREF(bytes[v]);
    Py_DECREF(seq);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* summary(): the summary JSON of `bead align --summary-json`, as a str. */
static PyObject *result_summary(PyObject *selfobj, PyObject *unused)
{
    (void)unused;
    pb_result *self = (pb_result *)selfobj;
    bead_error err;
    bead_error_clear(&err);
    bead_status s = BEAD_OK;
    sink k;
    if (sink_open(&k, Py_None, &err, &s) < 0)
        return NULL;
    if (s == BEAD_OK)
        s = bead_result_write_summary(self->r, k.out, &err);
    return sink_close(&k, s, &err);
}

/* report(path=None, *, html=False): the fidelity report, as
 * `bead align --report` writes it. */
static PyObject *result_report(PyObject *selfobj, PyObject *args, PyObject *kw)
{
    pb_result *self = (pb_result *)selfobj;
    static char *kwlist[] = {"path", "html", NULL};
    PyObject *path = Py_None;
    int html = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O$p:report", kwlist, &path, &html))
        return NULL;
    bead_report_options ro;
    bead_report_options_init(&ro);
    if (self->dicts) {
        bead_align_options ao;
        bead_dicts_apply(((pb_dicts *)self->dicts)->d, &ao);
        ro.lexicons = ao.lexicons;
    }
    bead_error err;
    bead_error_clear(&err);
    bead_status s = BEAD_OK;
    sink k;
    if (sink_open(&k, path, &err, &s) < 0)
        return NULL;
    if (s == BEAD_OK) {
        Py_BEGIN_ALLOW_THREADS
        size_t npairs;
        const bead_alignment *const *pairs = bead_result_pairs(self->r, &npairs);
        bead_report *rep = NULL;
        s = bead_report_build(&rep, bead_result_docs(self->r), self->n,
                              bead_result_covering(self->r), pairs, npairs, &ro, &err);
        if (s == BEAD_OK)
            s = html ? bead_report_write_html(rep, k.out, &err)
                     : bead_report_write_json(rep, k.out, &err);
        bead_report_free(rep);
        Py_END_ALLOW_THREADS
    }
    return sink_close(&k, s, &err);
}

static PyMethodDef result_methods[] = {
    {"sentences", result_sentences, METH_NOARGS, "every version's sentences"},
    {"units", (PyCFunction)(void (*)(void))result_units, METH_VARARGS | METH_KEYWORDS,
     "units(covering=False): ((begin, count) per version, score, anchors) per unit"},
    {"write", (PyCFunction)(void (*)(void))result_write, METH_VARARGS | METH_KEYWORDS,
     "write(fmt, path=None, ...): as bead align -f FMT writes it; the text when path is None"},
    {"write_moses", (PyCFunction)(void (*)(void))result_write_moses,
     METH_VARARGS | METH_KEYWORDS, "write_moses(paths, ...): one file a version"},
    {"summary", result_summary, METH_NOARGS, "the summary JSON"},
    {"report", (PyCFunction)(void (*)(void))result_report, METH_VARARGS | METH_KEYWORDS,
     "report(path=None, html=False): the fidelity report"},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef result_getset[] = {
    {"nversions", result_nversions, NULL, "how many versions", NULL},
    {"seconds", result_seconds, NULL, "seconds the alignment took", NULL},
    {"langs", result_langs, NULL, "the versions' languages", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject pb_result_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bead._bead.Result",
    .tp_basicsize = sizeof(pb_result),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An alignment of N versions as libbead made it (read through bead.Alignment).",
    .tp_dealloc = result_dealloc,
    .tp_methods = result_methods,
    .tp_getset = result_getset,
};
