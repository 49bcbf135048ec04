/* Keep a log file that shrinks while it is mapped from killing the app with SIGBUS (RELIABILITY I-6).
 *
 * A mapped page past the new end of a truncated file raises SIGBUS on access, in the native scanner,
 * in numpy, or in a plain slice of the mmap object. Copying every log first would cost seconds per
 * gigabyte, so instead the ranges of our log maps are registered here, and a SIGBUS inside one of them
 * maps an anonymous zero page over the faulting page: the access is retried and reads NUL bytes, and the
 * engine notices the shrink (LineIndex.shrunk) and says so. A SIGBUS anywhere else gets the previous
 * handler (by default: the process ends, as before).
 *
 * Windows refuses to truncate a file with a mapped view, so there the module does nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifndef _WIN32
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_RANGES 1024

static volatile uintptr_t range_start[MAX_RANGES];
static volatile uintptr_t range_end[MAX_RANGES];
static volatile sig_atomic_t zero_pages = 0;
static struct sigaction previous;
static int installed = 0;
static uintptr_t page_size = 4096;

static void on_sigbus(int sig, siginfo_t *info, void *context)
{
    uintptr_t addr = (uintptr_t)info->si_addr;
    for (int i = 0; i < MAX_RANGES; i++) {
        uintptr_t start = range_start[i];
        if (start != 0 && addr >= start && addr < range_end[i]) {
            void *page = (void *)(addr & ~(page_size - 1));
            if (mmap(page, (size_t)page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                    != MAP_FAILED) {
                zero_pages++;
                return;   /* the faulting read is retried and now sees zeros */
            }
            break;
        }
    }
    /* Not one of our maps: behave exactly as before this module was loaded. */
    sigaction(SIGBUS, &previous, NULL);
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction != NULL)
            previous.sa_sigaction(sig, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    }
    /* With SIG_DFL restored, returning retries the access and the default action ends the process. */
}

static int install(void)
{
    /* Someone (faulthandler, say) may have replaced our handler since: chain to theirs then. */
    struct sigaction current;
    if (installed && sigaction(SIGBUS, NULL, &current) == 0 && (current.sa_flags & SA_SIGINFO)
            && current.sa_sigaction == on_sigbus)
        return 0;
    long size = sysconf(_SC_PAGESIZE);
    if (size > 0)
        page_size = (uintptr_t)size;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGBUS, &action, &previous) != 0)
        return -1;
    installed = 1;
    return 0;
}

static PyObject *guard(PyObject *self, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0)
        return NULL;
    uintptr_t start = (uintptr_t)view.buf, end = start + (uintptr_t)view.len;
    PyBuffer_Release(&view);   /* keep no export: the map must stay closable */
    if (view.len == 0)
        return PyLong_FromLong(-1);
    if (install() != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    for (int i = 0; i < MAX_RANGES; i++) {
        if (range_start[i] == 0) {
            range_end[i] = end;
            range_start[i] = start;   /* published last: the handler reads start first */
            return PyLong_FromLong(i);
        }
    }
    PyErr_SetString(PyExc_RuntimeError, "too many guarded maps");
    return NULL;
}

static PyObject *unguard(PyObject *self, PyObject *arg)
{
    long slot = PyLong_AsLong(arg);
    if (slot == -1 && PyErr_Occurred())
        return NULL;
    if (slot >= 0 && slot < MAX_RANGES) {
        range_start[slot] = 0;
        range_end[slot] = 0;
    }
    Py_RETURN_NONE;
}

static PyObject *zero_page_count(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong((long)zero_pages);
}

#else   /* _WIN32 */

static PyObject *guard(PyObject *self, PyObject *obj) { return PyLong_FromLong(-1); }
static PyObject *unguard(PyObject *self, PyObject *arg) { Py_RETURN_NONE; }
static PyObject *zero_page_count(PyObject *self, PyObject *unused) { return PyLong_FromLong(0); }

#endif

static PyMethodDef methods[] = {
    {"guard", guard, METH_O, "Register a mapped buffer; returns a slot for unguard()."},
    {"unguard", unguard, METH_O, "Forget a slot returned by guard()."},
    {"zero_page_count", zero_page_count, METH_NOARGS, "Pages replaced by zeros after a file shrank."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_mapguard", NULL, -1, methods};

PyMODINIT_FUNC PyInit__mapguard(void) { return PyModule_Create(&module); }
