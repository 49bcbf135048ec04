/* Native line scanner for Android log formats: one pass per block finds line starts and parses each
 * header into columns (level, tag, pid/tid, package) with the interpreter lock released.
 *
 * Why native: a 1 GB logcat has ten million lines; per-line Python (or a dozen numpy passes) made
 * indexing and every tag/pid filter slow and starved the window of the interpreter lock. The header
 * grammar below mirrors cre_desk/logs/format_patterns.py (used by formats.py) exactly; any line it
 * cannot decide with ASCII rules (escape codes, non-ASCII bytes in the header, very long lines) is
 * returned in a "defer" list and parsed by the Python parser, so both paths always agree.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { F_THREADTIME = 0, F_STUDIO = 1, F_STUDIO_NEW = 2, F_TIME = 3, F_BRIEF = 4 };
#define MAX_HEADER_LINE (64 * 1024)

/* Line starts come as uint32 (files under 4 GB) or int64 arrays. */
static inline Py_ssize_t start_at(const void *starts, int width, Py_ssize_t k) {
    return width == 4 ? (Py_ssize_t)((const uint32_t *)starts)[k] : (Py_ssize_t)((const int64_t *)starts)[k];
}

typedef struct {
    int ok;          /* 1 header, 0 not a header, -1 defer to Python */
    int level;
    const unsigned char *tag; Py_ssize_t tag_len;
    const unsigned char *pkg; Py_ssize_t pkg_len;
    long long pid, tid;   /* -1 when absent */
    int has_date, year, month, day, hour, minute, second, frac_digits;
    long long frac;
    Py_ssize_t msg_off;   /* offset of the message inside the line */
} Header;

static int level_of(unsigned char c) {
    switch (c) {
    case 'V': return 1; case 'D': return 2; case 'I': return 3; case 'W': return 4;
    case 'E': return 5; case 'F': return 6; case 'A': return 6;
    default: return 0;
    }
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || (c >= 0x1c && c <= 0x1f); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Reads "[YYYY-]MM-DD HH:MM:SS[.frac]" then at least one whitespace; returns the position after the
 * whitespace run, or -1. */
static Py_ssize_t read_stamp(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t i = 0;
    h->has_date = 1; h->year = 0;
    if (n >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && s[4] == '-') {
        /* a year, unless this is "MM-DD" with digits that happen to follow (not possible: s[2] is a digit) */
        h->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        i = 5;
    }
    if (i + 14 > n) return -1;
    if (!(is_digit(s[i]) && is_digit(s[i + 1]) && s[i + 2] == '-' && is_digit(s[i + 3]) && is_digit(s[i + 4])
          && s[i + 5] == ' ' && is_digit(s[i + 6]) && is_digit(s[i + 7]) && s[i + 8] == ':' && is_digit(s[i + 9])
          && is_digit(s[i + 10]) && s[i + 11] == ':' && is_digit(s[i + 12]) && is_digit(s[i + 13])))
        return -1;
    h->month = (s[i] - '0') * 10 + (s[i + 1] - '0');
    h->day = (s[i + 3] - '0') * 10 + (s[i + 4] - '0');
    h->hour = (s[i + 6] - '0') * 10 + (s[i + 7] - '0');
    h->minute = (s[i + 9] - '0') * 10 + (s[i + 10] - '0');
    h->second = (s[i + 12] - '0') * 10 + (s[i + 13] - '0');
    i += 14;
    h->frac = 0; h->frac_digits = 0;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        Py_ssize_t j = i + 1;
        long long f = 0; int d = 0;
        while (j < n && is_digit(s[j])) { if (d < 9) f = f * 10 + (s[j] - '0'); d++; j++; }
        if (d < 1 || d > 9) return -1;
        h->frac = f; h->frac_digits = d;
        i = j;
    }
    if (i >= n || !is_ws(s[i])) return -1;
    while (i < n && is_ws(s[i])) i++;
    return i;
}

static Py_ssize_t read_number(const unsigned char *s, Py_ssize_t n, Py_ssize_t i, long long *out) {
    long long v = 0; Py_ssize_t start = i;
    while (i < n && is_digit(s[i])) { if (v < 100000000000LL) v = v * 10 + (s[i] - '0'); i++; }
    if (i == start) return -1;
    *out = v;
    return i;
}

/* "… L Tag: msg" of threadtime, starting right after the stamp's whitespace. */
static int parse_threadtime(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t i = read_stamp(s, n, h), j;
    if (i < 0) return 0;
    if ((i = read_number(s, n, i, &h->pid)) < 0 || i >= n || !is_ws(s[i])) return 0;
    while (i < n && is_ws(s[i])) i++;
    if ((i = read_number(s, n, i, &h->tid)) < 0 || i >= n || !is_ws(s[i])) return 0;
    while (i < n && is_ws(s[i])) i++;
    if (i + 1 >= n || !level_of(s[i]) || s[i + 1] != ' ') return 0;
    h->level = level_of(s[i]);
    i += 2;
    {
        const unsigned char *colon = i < n ? memchr(s + i, ':', (size_t)(n - i)) : NULL;
        if (!colon) return 0;
        j = colon - s;
    }
    h->tag = s + i; h->tag_len = j - i;
    h->msg_off = j + 1 + ((j + 1 < n && s[j + 1] == ' ') ? 1 : 0);
    h->pkg = NULL; h->pkg_len = 0;
    return 1;
}

static int parse_studio_old(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t i = read_stamp(s, n, h), j, p0;
    if (i < 0) return 0;
    if ((i = read_number(s, n, i, &h->pid)) < 0 || i >= n || s[i] != '-') return 0;
    if ((i = read_number(s, n, i + 1, &h->tid)) < 0 || i >= n || s[i] != '/') return 0;
    p0 = ++i;
    while (i < n && !is_ws(s[i]) && s[i] != '\n') i++;
    if (i == p0 || i + 2 >= n || s[i] != ' ' || !level_of(s[i + 1]) || s[i + 2] != '/') return 0;
    h->pkg = s + p0; h->pkg_len = i - p0;
    h->level = level_of(s[i + 1]);
    i += 3;
    for (j = i; j < n && s[j] != ':'; j++) {}
    if (j >= n) return 0;
    h->tag = s + i; h->tag_len = j - i;
    h->msg_off = j + 1 + ((j + 1 < n && s[j + 1] == ' ') ? 1 : 0);
    return 1;
}

/* The package token and level after a tag that ends at ``j`` (a whitespace position): "<ws>pkg<ws>L<ws>". */
static int studio_new_rest(const unsigned char *s, Py_ssize_t n, Py_ssize_t j, Header *h) {
    Py_ssize_t i = j, p0, p1;
    while (i < n && is_ws(s[i])) i++;
    p0 = i; while (i < n && !is_ws(s[i])) i++; p1 = i;
    if (p1 == p0 || i >= n) return 0;
    while (i < n && is_ws(s[i])) i++;
    if (i + 1 >= n || !level_of(s[i]) || !is_ws(s[i + 1])) return 0;
    h->level = level_of(s[i]);
    i += 1;
    while (i < n && is_ws(s[i])) i++;
    h->pkg = s + p0; h->pkg_len = p1 - p0;
    h->msg_off = i;
    return 1;
}

/* "YYYY-MM-DD time pid-tid tag… package L message"; the tag is the shortest text before a "package L". */
static int parse_studio_new(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t i, ws0, t0, j;
    if (!(n >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && s[4] == '-')) return 0;
    i = read_stamp(s, n, h);
    if (i < 0) return 0;
    if ((i = read_number(s, n, i, &h->pid)) < 0 || i >= n || s[i] != '-') return 0;
    if ((i = read_number(s, n, i + 1, &h->tid)) < 0 || i >= n || !is_ws(s[i])) return 0;
    ws0 = i;
    while (i < n && is_ws(s[i])) i++;
    t0 = i;
    for (j = t0 + 1; j < n; j++) {
        if (is_ws(s[j]) && !is_ws(s[j - 1]) && studio_new_rest(s, n, j, h)) {
            h->tag = s + t0; h->tag_len = j - t0;
            return 1;
        }
    }
    /* No tag column: the regex gives whitespace to the tag and reads the first token as the package. */
    if (t0 - ws0 >= 2 && studio_new_rest(s, n, ws0 + 1, h)) {
        h->tag = s + ws0 + 1; h->tag_len = 0;
        return 1;
    }
    return 0;
}

/* "Tag(  123): msg" after "L/": the tag runs to the first "(" that opens "( *digits):". */
static int parse_paren_pid(const unsigned char *s, Py_ssize_t n, Py_ssize_t i, Header *h) {
    Py_ssize_t j;
    for (j = i; j < n; j++) {
        if (s[j] == '(') {
            Py_ssize_t k = j + 1; long long pid;
            while (k < n && is_ws(s[k])) k++;
            k = read_number(s, n, k, &pid);
            if (k > 0 && k + 1 < n + 1 && k < n && s[k] == ')' && k + 1 < n && s[k + 1] == ':') {
                h->tag = s + i; h->tag_len = j - i; h->pid = pid;
                h->msg_off = k + 2 + ((k + 2 < n && s[k + 2] == ' ') ? 1 : 0);
                return 1;
            }
        }
    }
    return 0;
}

static int parse_time(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t i = read_stamp(s, n, h);
    if (i < 0 || i + 1 >= n || !level_of(s[i]) || s[i + 1] != '/') return 0;
    h->level = level_of(s[i]);
    h->pkg = NULL; h->pkg_len = 0;
    return parse_paren_pid(s, n, i + 2, h);
}

static int parse_brief(const unsigned char *s, Py_ssize_t n, Header *h) {
    Py_ssize_t j;
    if (n < 2 || !level_of(s[0]) || s[1] != '/') return 0;
    h->level = level_of(s[0]);
    h->has_date = 0; h->pkg = NULL; h->pkg_len = 0;
    if (parse_paren_pid(s, n, 2, h)) return 1;
    for (j = 2; j < n && j < 2 + 121 && s[j] != ':' && s[j] != '('; j++) {}
    if (j == 2 || j - 2 > 120 || j >= n || s[j] != ':') return 0;
    h->tag = s + 2; h->tag_len = j - 2; h->pid = -1;
    h->msg_off = j + 1 + ((j + 1 < n && s[j + 1] == ' ') ? 1 : 0);
    return 1;
}

/* Parse one line (without its line ending). Sets h->ok. */
static void parse_line_x(const unsigned char *s, Py_ssize_t n, int fmt, Header *h, int esc_possible) {
    Py_ssize_t k;
    h->ok = 0; h->level = 0; h->tag = NULL; h->tag_len = 0; h->pkg = NULL; h->pkg_len = 0;
    h->has_date = 0; h->msg_off = 0;
    h->pid = -1; h->tid = -1;
    if (n > MAX_HEADER_LINE) { h->ok = -1; return; }
    switch (fmt) {
    case F_THREADTIME: h->ok = parse_threadtime(s, n, h); break;
    case F_STUDIO:
        h->ok = parse_studio_old(s, n, h);
        if (!h->ok) { memset(h, 0, sizeof(*h)); h->pid = h->tid = -1; h->ok = parse_studio_new(s, n, h); }
        if (!h->ok) { memset(h, 0, sizeof(*h)); h->pid = h->tid = -1; h->ok = parse_threadtime(s, n, h); }
        break;
    case F_STUDIO_NEW: h->ok = parse_studio_new(s, n, h); break;
    case F_TIME: h->ok = parse_time(s, n, h); break;
    case F_BRIEF: h->ok = parse_brief(s, n, h); break;
    default: h->ok = 0;
    }
    /* Python sees the line decoded and with ANSI codes removed: where a non-ASCII byte or an escape code
     * could change what the header says (inside the header, or anywhere near the start of a line that is
     * not one), let the Python parser decide. Text in the message part changes nothing. */
    {
        Py_ssize_t limit = h->ok == 1 ? h->msg_off : (n < 64 ? n : 64);
        if (limit > n) limit = n;
        for (k = 0; k + 8 <= limit; k += 8) {
            uint64_t w;
            memcpy(&w, s + k, 8);
            /* any byte >= 0x80, or any byte equal to 0x1b (the classic "has zero byte" test on w ^ 0x1b…) */
            uint64_t x = w ^ 0x1B1B1B1B1B1B1B1BULL;
            if ((w & 0x8080808080808080ULL) || ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL)) break;
        }
        for (; k < limit; k++) {
            if (s[k] >= 0x80 || s[k] == 0x1b) { h->ok = -1; return; }
        }
        if (h->ok == 1 && esc_possible && limit < n && memchr(s + limit, 0x1b, (size_t)(n - limit))) {
            h->ok = -1;   /* ANSI removal shifts the message */
            return;
        }
    }
    if (h->ok == 1) {
        /* Python strips the tag (str.strip) and the package "?" means none. */
        while (h->tag_len > 0 && is_ws(h->tag[0])) { h->tag++; h->tag_len--; }
        while (h->tag_len > 0 && is_ws(h->tag[h->tag_len - 1])) h->tag_len--;
        if (h->pkg_len == 1 && h->pkg[0] == '?') h->pkg_len = 0;
        if (h->tag_len > 4096 || h->pkg_len > 4096) h->ok = -1;
    }
}

static void parse_line(const unsigned char *s, Py_ssize_t n, int fmt, Header *h) { parse_line_x(s, n, fmt, h, 1); }

/* ---- a small open-addressing table that interns byte strings (tags, packages) or pid/tid pairs ---- */

typedef struct {
    uint64_t *hashes; uint32_t *ids; Py_ssize_t cap;
    const unsigned char **ptrs; Py_ssize_t *lens;  /* distinct keys in order of first sight */
    long long *pids, *tids;
    Py_ssize_t count, room;
} Intern;

static int intern_init(Intern *t, Py_ssize_t cap) {
    memset(t, 0, sizeof(*t));
    t->cap = cap;
    t->hashes = calloc((size_t)cap, sizeof(uint64_t));
    t->ids = calloc((size_t)cap, sizeof(uint32_t));
    t->room = 256;
    t->ptrs = malloc((size_t)t->room * sizeof(*t->ptrs));
    t->lens = malloc((size_t)t->room * sizeof(*t->lens));
    t->pids = malloc((size_t)t->room * sizeof(*t->pids));
    t->tids = malloc((size_t)t->room * sizeof(*t->tids));
    return t->hashes && t->ids && t->ptrs && t->lens && t->pids && t->tids;
}

static void intern_free(Intern *t) {
    free(t->hashes); free(t->ids); free(t->ptrs); free(t->lens); free(t->pids); free(t->tids);
}

static uint64_t hash_bytes(const unsigned char *p, Py_ssize_t n, uint64_t h) {
    /* Eight bytes at a time, multiply-xor mixed: tags are hashed once per line of a gigabyte log. */
    Py_ssize_t i = 0;
    h ^= (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    if (i < n) {
        uint64_t w = 0;
        memcpy(&w, p + i, (size_t)(n - i));
        h = (h ^ w) * 0x94D049BB133111EBULL;
        h ^= h >> 29;
    }
    return h | 1;  /* 0 marks an empty slot */
}

static int intern_grow(Intern *t) {
    Py_ssize_t cap = t->cap * 2, i;
    uint64_t *hashes = calloc((size_t)cap, sizeof(uint64_t));
    uint32_t *ids = calloc((size_t)cap, sizeof(uint32_t));
    if (!hashes || !ids) { free(hashes); free(ids); return 0; }
    for (i = 0; i < t->cap; i++) {
        if (t->hashes[i]) {
            Py_ssize_t slot = (Py_ssize_t)(t->hashes[i] & (uint64_t)(cap - 1));
            while (hashes[slot]) slot = (slot + 1) & (cap - 1);
            hashes[slot] = t->hashes[i]; ids[slot] = t->ids[i];
        }
    }
    free(t->hashes); free(t->ids);
    t->hashes = hashes; t->ids = ids; t->cap = cap;
    return 1;
}

/* Returns the id of the key (a byte string, or a pid/tid pair when p is NULL); -1 on memory error. */
static long long intern_get(Intern *t, const unsigned char *p, Py_ssize_t n, long long pid, long long tid) {
    uint64_t h = p ? hash_bytes(p, n, 14695981039346656037ULL)
                   : hash_bytes((const unsigned char *)&tid, sizeof tid,
                                hash_bytes((const unsigned char *)&pid, sizeof pid, 1469598103934665603ULL));
    Py_ssize_t slot = (Py_ssize_t)(h & (uint64_t)(t->cap - 1));
    while (t->hashes[slot]) {
        if (t->hashes[slot] == h) {
            uint32_t id = t->ids[slot];
            if (p ? (t->lens[id] == n && memcmp(t->ptrs[id], p, (size_t)n) == 0)
                  : (t->pids[id] == pid && t->tids[id] == tid))
                return id;
        }
        slot = (slot + 1) & (t->cap - 1);
    }
    if (t->count == t->room) {
        Py_ssize_t room = t->room * 2;
        void *a = realloc(t->ptrs, (size_t)room * sizeof(*t->ptrs)); if (!a) return -1; t->ptrs = a;
        a = realloc(t->lens, (size_t)room * sizeof(*t->lens)); if (!a) return -1; t->lens = a;
        a = realloc(t->pids, (size_t)room * sizeof(*t->pids)); if (!a) return -1; t->pids = a;
        a = realloc(t->tids, (size_t)room * sizeof(*t->tids)); if (!a) return -1; t->tids = a;
        t->room = room;
    }
    t->hashes[slot] = h; t->ids[slot] = (uint32_t)t->count;
    t->ptrs[t->count] = p; t->lens[t->count] = n; t->pids[t->count] = pid; t->tids[t->count] = tid;
    t->count++;
    if (t->count * 2 > t->cap && !intern_grow(t)) return -1;
    return t->count - 1;
}

static PyObject *strings_list(Intern *t) {
    PyObject *list = PyList_New(t->count);
    Py_ssize_t i;
    if (!list) return NULL;
    for (i = 0; i < t->count; i++) {
        PyObject *b = PyBytes_FromStringAndSize((const char *)t->ptrs[i], t->lens[i]);
        if (!b) { Py_DECREF(list); return NULL; }
        PyList_SET_ITEM(list, i, b);
    }
    return list;
}

static PyObject *pairs_list(Intern *t) {
    PyObject *list = PyList_New(t->count);
    Py_ssize_t i;
    if (!list) return NULL;
    for (i = 0; i < t->count; i++) {
        PyObject *pair = Py_BuildValue("(LL)", t->pids[i], t->tids[i]);
        if (!pair) { Py_DECREF(list); return NULL; }
        PyList_SET_ITEM(list, i, pair);
    }
    return list;
}

/* scan(buffer, offset, length, newline, fmt) -> (starts:int64 bytes, levels:uint8 bytes,
 *   tag_ids:uint32 bytes, tags:list[bytes], pair_ids:uint32 bytes, pairs:list[(pid, tid)],
 *   pkg_ids:uint32 bytes, packages:list[bytes], deferred:list[int]) with chunk-local ids. */
static PyObject *scan(PyObject *self, PyObject *args) {
    Py_buffer view;
    Py_ssize_t offset, length;
    int newline, fmt;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "y*nnii", &view, &offset, &length, &newline, &fmt)) return NULL;
    const unsigned char *buf = view.buf;
    Py_ssize_t size = view.len;
    if (offset < 0 || length < 0 || offset + length > size) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "block outside the buffer");
        return NULL;
    }
    Py_ssize_t room = length / 48 + 64, count = 0, ndefer = 0, defer_room = 64;
    int64_t *starts = malloc((size_t)room * sizeof(int64_t));
    uint8_t *levels = malloc((size_t)room);
    uint32_t *tag_ids = malloc((size_t)room * sizeof(uint32_t));
    uint32_t *pair_ids = malloc((size_t)room * sizeof(uint32_t));
    uint32_t *pkg_ids = malloc((size_t)room * sizeof(uint32_t));
    Py_ssize_t *defer = malloc((size_t)defer_room * sizeof(Py_ssize_t));
    Intern tags, pairs, pkgs;
    int ok = starts && levels && tag_ids && pair_ids && pkg_ids && defer;
    int t_ok = intern_init(&tags, 1024), p_ok = intern_init(&pairs, 1024), k_ok = intern_init(&pkgs, 64);
    ok = ok && t_ok && p_ok && k_ok;
    /* Id 0 of every table is "nothing", which lines that are not headers point at. */
    if (ok) ok = intern_get(&tags, (const unsigned char *)"", 0, 0, 0) == 0
                 && intern_get(&pairs, NULL, 0, -1, -1) == 0
                 && intern_get(&pkgs, (const unsigned char *)"", 0, 0, 0) == 0;
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        Py_ssize_t end = offset + length, line;
        /* Escape codes are rare: when the block (and a little past it) has none, no line needs the check. */
        Py_ssize_t tail = end + MAX_HEADER_LINE < size ? end + MAX_HEADER_LINE : size;
        int esc_possible = memchr(buf + offset, 0x1b, (size_t)(tail - offset)) != NULL;
        /* The first line of the block: the file's first, or the one after the first newline in it. */
        if (offset == 0) line = 0;
        else {
            const unsigned char *nl = memchr(buf + offset, newline, (size_t)length);
            line = nl ? (nl - buf) + 1 : size;
        }
        /* Lines whose preceding newline lies in [offset, end) belong to this block (and line 0 to the first). */
        while (ok && line < size && line <= end) {
            if (count == room) {
                Py_ssize_t r = room * 2; void *a;
                a = realloc(starts, (size_t)r * sizeof(int64_t)); if (!a) { ok = 0; break; } starts = a;
                a = realloc(levels, (size_t)r); if (!a) { ok = 0; break; } levels = a;
                a = realloc(tag_ids, (size_t)r * sizeof(uint32_t)); if (!a) { ok = 0; break; } tag_ids = a;
                a = realloc(pair_ids, (size_t)r * sizeof(uint32_t)); if (!a) { ok = 0; break; } pair_ids = a;
                a = realloc(pkg_ids, (size_t)r * sizeof(uint32_t)); if (!a) { ok = 0; break; } pkg_ids = a;
                room = r;
            }
            const unsigned char *le = memchr(buf + line, newline, (size_t)(size - line));
            Py_ssize_t next_line = le ? (le - buf) + 1 : size;
            Py_ssize_t n = (le ? (le - buf) : size) - line;
            /* CR before LF belongs to the line ending, as Python's rstrip("\r\n") treats it. */
            while (n > 0 && (buf[line + n - 1] == '\r' || buf[line + n - 1] == '\n')) n--;
            Header h;
            if (fmt >= 0) parse_line_x(buf + line, n, fmt, &h, esc_possible);
            else h.ok = 0;
            starts[count] = line;
            levels[count] = 0; tag_ids[count] = 0; pair_ids[count] = 0; pkg_ids[count] = 0;
            if (h.ok == 1) {
                long long id;
                levels[count] = (uint8_t)h.level;
                id = intern_get(&tags, h.tag, h.tag_len, 0, 0); if (id < 0) { ok = 0; break; }
                tag_ids[count] = (uint32_t)id;
                id = intern_get(&pairs, NULL, 0, h.pid, h.tid); if (id < 0) { ok = 0; break; }
                pair_ids[count] = (uint32_t)id;
                if (h.pkg_len > 0) {   /* id 0 is the empty package */
                    id = intern_get(&pkgs, h.pkg, h.pkg_len, 0, 0);
                    if (id < 0) { ok = 0; break; }
                    pkg_ids[count] = (uint32_t)id;
                }
            } else if (h.ok < 0) {
                if (ndefer == defer_room) {
                    void *a = realloc(defer, (size_t)defer_room * 2 * sizeof(Py_ssize_t));
                    if (!a) { ok = 0; break; }
                    defer = a; defer_room *= 2;
                }
                defer[ndefer++] = count;
            }
            count++;
            /* A line belongs to the block it starts in; the next block picks up after its first newline. */
            if (next_line > end) break;
            line = next_line;
        }
        Py_END_ALLOW_THREADS
    }
    if (!ok) {
        PyErr_NoMemory();
    } else {
        PyObject *deferred = PyList_New(ndefer);
        if (deferred) {
            Py_ssize_t i;
            for (i = 0; i < ndefer; i++) PyList_SET_ITEM(deferred, i, PyLong_FromSsize_t(defer[i]));
            result = Py_BuildValue("(y#y#y#Ny#Ny#NN)",
                                   (const char *)starts, count * (Py_ssize_t)sizeof(int64_t),
                                   (const char *)levels, count,
                                   (const char *)tag_ids, count * (Py_ssize_t)sizeof(uint32_t), strings_list(&tags),
                                   (const char *)pair_ids, count * (Py_ssize_t)sizeof(uint32_t), pairs_list(&pairs),
                                   (const char *)pkg_ids, count * (Py_ssize_t)sizeof(uint32_t), strings_list(&pkgs),
                                   deferred);
        }
    }
    free(starts); free(levels); free(tag_ids); free(pair_ids); free(pkg_ids); free(defer);
    if (t_ok || tags.hashes) intern_free(&tags);
    if (p_ok || pairs.hashes) intern_free(&pairs);
    if (k_ok || pkgs.hashes) intern_free(&pkgs);
    PyBuffer_Release(&view);
    return result;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* fields(buffer, starts, width (4 or 8), lines:int64 bytes, newline, fmt, year, latest_month)
 *   -> (message offsets:int32 bytes, times in microseconds since the epoch:int64 bytes)
 * for the given line numbers; -1 / INT64_MIN where a line is not a header (or has no valid time),
 * -2 offsets where the Python parser has to decide. */
static PyObject *fields(PyObject *self, PyObject *args) {
    Py_buffer view, sv, lv;
    int newline, fmt, year, latest_month, width;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "y*y*iy*iiii", &view, &sv, &width, &lv, &newline, &fmt, &year, &latest_month))
        return NULL;
    const unsigned char *buf = view.buf;
    if (width != 4) width = 8;
    Py_ssize_t size = view.len, nstarts = sv.len / width, nlines = lv.len / 8, i;
    const void *starts = sv.buf;
    const int64_t *lines = lv.buf;
    int32_t *offs = malloc((size_t)(nlines ? nlines : 1) * sizeof(int32_t));
    int64_t *times = malloc((size_t)(nlines ? nlines : 1) * sizeof(int64_t));
    int bad = 0;
    if (offs && times) {
        Py_BEGIN_ALLOW_THREADS
        for (i = 0; i < nlines; i++) {
            int64_t ln = lines[i];
            offs[i] = -1; times[i] = INT64_MIN;
            if (ln < 0 || ln >= nstarts) { bad = 1; break; }
            Py_ssize_t s = start_at(starts, width, ln);
            Py_ssize_t e = ln + 1 < nstarts ? start_at(starts, width, ln + 1) : size;
            if (s < 0 || e > size || e < s) { bad = 1; break; }
            Py_ssize_t n = e - s;
            while (n > 0 && (buf[s + n - 1] == '\r' || buf[s + n - 1] == '\n')) n--;
            Header h;
            parse_line(buf + s, n, fmt, &h);
            if (h.ok < 0) { offs[i] = -2; continue; }
            if (h.ok == 0) continue;
            offs[i] = h.msg_off > 0x7fffffff ? -2 : (int32_t)h.msg_off;
            if (!h.has_date) continue;
            int y = h.year ? h.year : (h.month > latest_month + 1 ? year - 1 : year);
            if (h.month < 1 || h.month > 12 || h.day < 1 || h.day > days_in_month(y, h.month)) continue;
            if (h.hour > 23 || h.minute > 59 || h.second > 60) continue;
            long long us = 0;
            if (h.frac_digits) {
                long long f = h.frac; int d = h.frac_digits;
                while (d < 6) { f *= 10; d++; }
                while (d > 6) { f /= 10; d--; }
                us = f;
            }
            long long secs = days_from_civil(y, (unsigned)h.month, (unsigned)h.day) * 86400LL
                             + h.hour * 3600LL + h.minute * 60LL + (h.second > 59 ? 59 : h.second);
            times[i] = secs * 1000000LL + us;
        }
        Py_END_ALLOW_THREADS
        if (bad) PyErr_SetString(PyExc_IndexError, "line outside the index");
        else result = Py_BuildValue("(y#y#)", (const char *)offs, nlines * (Py_ssize_t)sizeof(int32_t),
                                    (const char *)times, nlines * (Py_ssize_t)sizeof(int64_t));
    } else {
        PyErr_NoMemory();
    }
    free(offs); free(times);
    PyBuffer_Release(&view); PyBuffer_Release(&sv); PyBuffer_Release(&lv);
    return result;
}

/* count(buffer, offset, length, byte) -> occurrences, without the interpreter lock. */
static PyObject *count(PyObject *self, PyObject *args) {
    Py_buffer view;
    Py_ssize_t offset, length, total = 0;
    int byte;
    if (!PyArg_ParseTuple(args, "y*nni", &view, &offset, &length, &byte)) return NULL;
    if (offset < 0 || length < 0 || offset + length > view.len) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "block outside the buffer");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    const unsigned char *p = (const unsigned char *)view.buf + offset, *end = p + length;
    while (p < end) {
        const unsigned char *q = memchr(p, byte, (size_t)(end - p));
        if (!q) break;
        total++;
        p = q + 1;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(total);
}


/* find_lines(buffer, starts, width (4 or 8), first_line, last_line, needles:list[bytes], icase, region, fmt)
 *   -> (lines:int64 bytes, unsure:int64 bytes)
 * Lines first_line..last_line-1 that contain any needle. ``icase`` folds ASCII letters (needles must be
 * given lower-case). With ``region`` 1 only the message part of a header counts (continuation lines
 * count whole); lines whose header only Python can parse come back in ``unsure``. One hit per line is
 * enough, so the scan jumps to the next line after each: dense hits cost no more than sparse ones. */
typedef struct { const unsigned char *p; Py_ssize_t n; Py_ssize_t anchor; } Needle;

/* A set of literals found by one pass: each needle is keyed by its rarest two-byte pair (counted on a
 * sample of the text being searched), so common pairs such as "er" or "in" rarely trigger a comparison. */
typedef struct {
    Needle *needles;
    int32_t *bucket_head;      /* 65,536 keys -> first bucket entry */
    int32_t *next;             /* entry -> next entry of its bucket */
    int32_t *entry_needle;     /* entry -> needle (pair mode: entry k is needle k) */
    Py_ssize_t *entry_anchor;  /* entry -> offset of the keyed bytes in its needle */
    Py_ssize_t count;
    unsigned char fold[256];
    unsigned char single[256];
    int32_t single_id[256];
    uint64_t bigram[1024];     /* which pair keys start a bucket (fits in L1) */
    int nfirst;                /* raw bytes an anchor pair (or a one-byte needle) can start with… */
    unsigned char firsts[8];   /* …when few, the scan jumps between them with memchr */
    int gram;                  /* every needle has 4+ bytes: keyed by 3-byte grams, looked at every 2nd byte */
    uint64_t grambits[1024];   /* which 16-bit gram hashes start a bucket (8 KB, in L1) */
} NeedleSet;

/* Gram mode: each needle is keyed by two neighbouring 3-byte grams (the pair of offsets rarest in the
 * sample), so any occurrence has one of them at an even address and only even addresses are looked at.
 * On logcat a set of 500 rule literals then passes 1.6% of the positions looked at, half as many
 * positions as a pair scan, which is what lets rules scan at close to grep's speed. */
static inline uint32_t gram_key(uint32_t gram) { return ((gram & 0xFFFFFFu) * 2654435761u) >> 16; }

static void needles_free(NeedleSet *ns) {
    free(ns->needles); free(ns->bucket_head); free(ns->next); free(ns->entry_needle); free(ns->entry_anchor);
}

static void add_entry(NeedleSet *ns, int32_t entry, int32_t needle, Py_ssize_t anchor, int key) {
    ns->entry_needle[entry] = needle;
    ns->entry_anchor[entry] = anchor;
    ns->next[entry] = ns->bucket_head[key];
    ns->bucket_head[key] = entry;
}

static inline uint32_t gram_at(const unsigned char *p) {
    return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}

/* Returns 0 and sets a Python error on failure. */
static int needles_build(NeedleSet *ns, PyObject *list, int icase, const unsigned char *sample, Py_ssize_t sample_len) {
    Py_ssize_t nn = PyList_GET_SIZE(list), i;
    memset(ns, 0, sizeof(*ns));
    if (nn <= 0 || nn > 1000000) { PyErr_SetString(PyExc_ValueError, "no needles"); return 0; }
    ns->count = nn;
    ns->needles = calloc((size_t)nn, sizeof(Needle));
    ns->bucket_head = malloc(65536 * sizeof(int32_t));
    ns->next = malloc((size_t)nn * 2 * sizeof(int32_t));
    ns->entry_needle = malloc((size_t)nn * 2 * sizeof(int32_t));
    ns->entry_anchor = malloc((size_t)nn * 2 * sizeof(Py_ssize_t));
    uint32_t *freq = calloc(65536, sizeof(uint32_t));
    if (!ns->needles || !ns->bucket_head || !ns->next || !ns->entry_needle || !ns->entry_anchor || !freq) {
        free(freq); needles_free(ns); PyErr_NoMemory(); return 0;
    }
    for (i = 0; i < 256; i++) ns->fold[i] = (unsigned char)((icase && i >= 'A' && i <= 'Z') ? i + 32 : i);
    for (i = 0; i < 65536; i++) ns->bucket_head[i] = -1;
    /* Two or more case-folded needles: the gram scan (every second byte, a table look-up) beats memchr
     * jumps, which stop at every common letter in both cases; one needle or a few exact ones: memchr. */
    ns->gram = icase ? nn > 1 : nn > 8;
    for (i = 0; i < nn && ns->gram; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (!PyBytes_Check(item) || PyBytes_GET_SIZE(item) < 4) ns->gram = 0;
    }
    if (ns->gram) {
        uint32_t g = 0;
        for (i = 0; i < sample_len; i++) {
            g = (g << 8) | ns->fold[sample[i]];
            if (i >= 2) freq[gram_key(g)]++;
        }
        for (i = 0; i < nn; i++) {
            PyObject *item = PyList_GET_ITEM(list, i);
            Needle *nd = &ns->needles[i];
            nd->p = (const unsigned char *)PyBytes_AS_STRING(item);
            nd->n = PyBytes_GET_SIZE(item);
            Py_ssize_t best = 0, j;
            uint64_t best_count = UINT64_MAX;
            for (j = 0; j + 3 < nd->n; j++) {
                uint64_t c = (uint64_t)freq[gram_key(gram_at(nd->p + j))] + freq[gram_key(gram_at(nd->p + j + 1))];
                if (c < best_count) { best_count = c; best = j; }
            }
            nd->anchor = best;
            for (j = 0; j < 2; j++) {
                int key = (int)gram_key(gram_at(nd->p + best + j));
                ns->grambits[key >> 6] |= 1ULL << (key & 63);
                add_entry(ns, (int32_t)(2 * i + j), (int32_t)i, best + j, key);
            }
        }
        free(freq);
        ns->nfirst = 256;   /* never the memchr jump */
        return 1;
    }
    for (i = 0; i + 1 < sample_len; i++) freq[(ns->fold[sample[i]] << 8) | ns->fold[sample[i + 1]]]++;
    for (i = 0; i < nn; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (!PyBytes_Check(item) || PyBytes_GET_SIZE(item) == 0) {
            free(freq); needles_free(ns); PyErr_SetString(PyExc_TypeError, "needles must be non-empty bytes");
            return 0;
        }
        Needle *nd = &ns->needles[i];
        nd->p = (const unsigned char *)PyBytes_AS_STRING(item);
        nd->n = PyBytes_GET_SIZE(item);
        if (nd->n == 1) { ns->single[nd->p[0]] = 1; ns->single_id[nd->p[0]] = (int32_t)i; continue; }
        Py_ssize_t best = 0, j;
        uint32_t best_count = UINT32_MAX;
        for (j = 0; j + 1 < nd->n; j++) {
            uint32_t c = freq[(nd->p[j] << 8) | nd->p[j + 1]];
            if (c < best_count) { best_count = c; best = j; }
        }
        nd->anchor = best;
        int key = (nd->p[best] << 8) | nd->p[best + 1];
        ns->bigram[key >> 6] |= 1ULL << (key & 63);
        add_entry(ns, (int32_t)i, (int32_t)i, best, key);
    }
    free(freq);
    /* The raw bytes a candidate position can hold: each anchor's first byte, in both cases when folding. */
    {
        unsigned char seen[256] = {0};
        for (i = 0; i < nn; i++) {
            const Needle *nd = &ns->needles[i];
            unsigned char c = nd->p[nd->anchor];
            unsigned char variants[2] = {c, c};
            if (icase && c >= 'a' && c <= 'z') variants[1] = (unsigned char)(c - 32);
            for (int v = 0; v < 2; v++) {
                if (!seen[variants[v]]) {
                    seen[variants[v]] = 1;
                    if (ns->nfirst < 8) ns->firsts[ns->nfirst] = variants[v];
                    ns->nfirst++;
                }
            }
        }
    }
    return 1;
}

/* The next position at or after ``pos`` (before ``stop``) holding one of the few first bytes; ``cache``
 * keeps each byte's next occurrence so every byte of the text is looked at by memchr at most once. */
static inline Py_ssize_t next_candidate(const NeedleSet *ns, const unsigned char *buf, Py_ssize_t pos,
                                        Py_ssize_t stop, Py_ssize_t *cache) {
    Py_ssize_t best = stop;
    for (int k = 0; k < ns->nfirst; k++) {
        if (cache[k] < pos) {
            const unsigned char *q = pos < stop ? memchr(buf + pos, ns->firsts[k], (size_t)(stop - pos)) : NULL;
            cache[k] = q ? (q - buf) : stop;
        }
        if (cache[k] < best) best = cache[k];
    }
    return best;
}

/* The next even position at or after ``pos`` (before ``stop``, with three bytes before ``size``) whose
 * gram starts a bucket; ``stop`` when none. The loop is kept tight: two table look-ups, a multiply and a
 * bit test per two bytes. */
static inline Py_ssize_t next_gram(const NeedleSet *ns, const unsigned char *buf, Py_ssize_t pos,
                                   Py_ssize_t stop, Py_ssize_t size) {
    const unsigned char *fold = ns->fold;
    const uint64_t *bits = ns->grambits;
    Py_ssize_t end = size - 2 < stop ? size - 2 : stop;
    pos += (uintptr_t)(buf + pos) & 1;
    if (pos >= end) return stop;
    const unsigned char *p = buf + pos, *last = buf + end;
    uint32_t g = fold[p[0]];
    for (; p < last; p += 2) {
        g = (g << 16) | ((uint32_t)fold[p[1]] << 8) | fold[p[2]];
        uint32_t key = gram_key(g);
        if ((bits[key >> 6] >> (key & 63)) & 1) return p - buf;
        g = fold[p[2]];
    }
    return stop;
}

/* Pair mode's tight loop: the next position at or after ``pos`` (before ``stop``) where a one-byte needle
 * sits or an anchor pair starts; ``stop`` when none. */
static inline Py_ssize_t next_pair(const NeedleSet *ns, const unsigned char *buf, Py_ssize_t pos,
                                   Py_ssize_t stop, Py_ssize_t size) {
    const unsigned char *fold = ns->fold, *single = ns->single;
    const uint64_t *bits = ns->bigram;
    Py_ssize_t end = size - 1 < stop ? size - 1 : stop;
    if (pos >= end) return (pos < stop && pos < size && single[fold[buf[pos]]]) ? pos : stop;
    unsigned c = fold[buf[pos]];
    for (; pos < end; pos++) {
        unsigned d = fold[buf[pos + 1]];
        unsigned key = (c << 8) | d;
        if (single[c] | ((bits[key >> 6] >> (key & 63)) & 1)) return pos;
        c = d;
    }
    return (pos < stop && single[c]) ? pos : stop;
}

/* Needles whose anchor pair sits at ``pos`` and which match in full within [lo, size): their ids go to
 * ``found`` (at most ``room``), the leftmost start to ``*start``. Returns how many matched. */
static inline int needles_at(const NeedleSet *ns, const unsigned char *buf, Py_ssize_t size, Py_ssize_t pos,
                             Py_ssize_t lo, int32_t *found, Py_ssize_t *starts, int room, Py_ssize_t *start) {
    const unsigned char *fold = ns->fold;
    unsigned char c = fold[buf[pos]];
    int nfound = 0;
    *start = pos;
    int key;
    if (ns->gram) {
        if (pos + 2 >= size) return 0;
        key = (int)gram_key(((uint32_t)c << 16) | ((uint32_t)fold[buf[pos + 1]] << 8) | fold[buf[pos + 2]]);
        if (!(ns->grambits[key >> 6] & (1ULL << (key & 63)))) return 0;
    } else {
        if (ns->single[c]) { starts[nfound] = pos; found[nfound++] = ns->single_id[c]; }
        if (pos + 1 >= size) return nfound;
        key = (c << 8) | fold[buf[pos + 1]];
        if (!(ns->bigram[key >> 6] & (1ULL << (key & 63)))) return nfound;
    }
    for (int32_t k = ns->bucket_head[key]; k >= 0 && nfound < room; k = ns->next[k]) {
        int32_t id = ns->entry_needle[k];
        const Needle *nd = &ns->needles[id];
        Py_ssize_t s0 = pos - ns->entry_anchor[k], j;
        if (s0 < lo || s0 + nd->n > size) continue;
        for (j = 0; j < nd->n && fold[buf[s0 + j]] == nd->p[j]; j++) {}
        if (j == nd->n) {
            if (nfound == 0 || s0 < *start) *start = s0;
            starts[nfound] = s0;
            found[nfound++] = id;
        }
    }
    return nfound;
}

static Py_ssize_t line_holding(const void *starts, int width, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t pos) {
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo + 1) / 2;
        if (start_at(starts, width, mid) <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
}

#define SAMPLE_BYTES (512 * 1024)

/* The set-up find_lines and needle_lines share: check the line range of the index, find its byte span
 * and build the needle set on a sample of it. On failure the buffers are released, an error is set and 0
 * is returned. */
static int range_setup(Py_buffer *view, Py_buffer *sv, int *width, Py_ssize_t first_line, Py_ssize_t last_line,
                       PyObject *needle_list, int icase, NeedleSet *ns, Py_ssize_t *nstarts, Py_ssize_t *pos0,
                       Py_ssize_t *stop) {
    const unsigned char *buf = view->buf;
    Py_ssize_t size = view->len;
    if (*width != 4) *width = 8;
    *nstarts = sv->len / *width;
    if (first_line < 0 || last_line > *nstarts || first_line > last_line) {
        PyBuffer_Release(view); PyBuffer_Release(sv);
        PyErr_SetString(PyExc_ValueError, "bad line range");
        return 0;
    }
    *pos0 = first_line < *nstarts ? start_at(sv->buf, *width, first_line) : size;
    *stop = last_line < *nstarts ? start_at(sv->buf, *width, last_line) : size;
    Py_ssize_t sample = *stop - *pos0 < SAMPLE_BYTES ? *stop - *pos0 : SAMPLE_BYTES;
    if (!needles_build(ns, needle_list, icase, buf + *pos0, sample)) {
        PyBuffer_Release(view); PyBuffer_Release(sv);
        return 0;
    }
    return 1;
}


/* find_lines(buffer, starts, width (4 or 8), first_line, last_line, needles:list[bytes], icase, region, fmt)
 *   -> (lines:int64 bytes, unsure:int64 bytes)
 * Lines first_line..last_line-1 that contain any needle. ``icase`` folds ASCII letters (needles must be
 * given lower-case). With ``region`` 1 only the message part of a header counts (continuation lines
 * count whole); lines whose header only Python can parse come back in ``unsure``. One hit per line is
 * enough, so the scan jumps to the next line after each: dense hits cost no more than sparse ones. */
static PyObject *find_lines(PyObject *self, PyObject *args) {
    Py_buffer view, sv;
    Py_ssize_t first_line, last_line;
    PyObject *needle_list;
    int icase, region, fmt, width;
    if (!PyArg_ParseTuple(args, "y*y*innO!iii", &view, &sv, &width, &first_line, &last_line, &PyList_Type,
                          &needle_list, &icase, &region, &fmt))
        return NULL;
    const unsigned char *buf = view.buf;
    Py_ssize_t size = view.len, nstarts, pos0, stop;
    const void *starts = sv.buf;
    PyObject *result = NULL;
    NeedleSet ns;
    if (!range_setup(&view, &sv, &width, first_line, last_line, needle_list, icase, &ns, &nstarts, &pos0, &stop))
        return NULL;
    Py_ssize_t room = 1024, nout = 0, nunsure = 0, uroom = 64;
    int64_t *out = malloc((size_t)room * sizeof(int64_t));
    int64_t *unsure = malloc((size_t)uroom * sizeof(int64_t));
    int ok = out && unsure;
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        Py_ssize_t line = first_line, pos = pos0;
        Py_ssize_t line_start = pos0;
        Py_ssize_t line_end = line + 1 < nstarts ? start_at(starts, width, line + 1) : size;
        int header_done = 0;   /* region mode: the current line's header has been looked at */
        int32_t found[8];
        Py_ssize_t found_at[8];
        Py_ssize_t cache[8];
        int jump = ns.nfirst <= 8;
        for (int k = 0; k < 8; k++) cache[k] = -1;
        while (pos < stop && ok) {
            Py_ssize_t hit_start;
            if (jump) { pos = next_candidate(&ns, buf, pos, stop, cache); if (pos >= stop) break; }
            else if (ns.gram) { pos = next_gram(&ns, buf, pos, stop, size); if (pos >= stop) break; }
            else { pos = next_pair(&ns, buf, pos, stop, size); if (pos >= stop) break; }
            if (!needles_at(&ns, buf, size, pos, 0, found, found_at, 8, &hit_start)) { pos++; continue; }
            if (pos >= line_end) {   /* find the line holding pos */
                line = line_holding(starts, width, line + 1, last_line - 1, pos);
                line_start = start_at(starts, width, line);
                line_end = line + 1 < nstarts ? start_at(starts, width, line + 1) : size;
                header_done = 0;
            }
            if (hit_start < line_start) { pos++; continue; }   /* began on the line before: not this line's */
            if (region && !header_done) {
                Py_ssize_t n = line_end - line_start;
                while (n > 0 && (buf[line_start + n - 1] == '\r' || buf[line_start + n - 1] == '\n')) n--;
                Header h;
                parse_line(buf + line_start, n, fmt, &h);
                header_done = 1;
                if (h.ok < 0) {
                    if (nunsure == uroom) {
                        void *a = realloc(unsure, (size_t)uroom * 2 * sizeof(int64_t));
                        if (!a) { ok = 0; break; }
                        unsure = a; uroom *= 2;
                    }
                    unsure[nunsure++] = line;
                    pos = line_end;
                    continue;
                }
                if (h.ok == 1) header_done = 2, line_start = line_start + h.msg_off;
            }
            if (region && hit_start < line_start) { pos++; continue; }
            if (nout == room) {
                void *a = realloc(out, (size_t)room * 2 * sizeof(int64_t));
                if (!a) { ok = 0; break; }
                out = a; room *= 2;
            }
            out[nout++] = line;
            pos = line_end;
        }
        Py_END_ALLOW_THREADS
        if (!ok) PyErr_NoMemory();
        else result = Py_BuildValue("(y#y#)", (const char *)out, nout * (Py_ssize_t)sizeof(int64_t),
                                    (const char *)unsure, nunsure * (Py_ssize_t)sizeof(int64_t));
    } else {
        PyErr_NoMemory();
    }
    needles_free(&ns); free(out); free(unsure);
    PyBuffer_Release(&view); PyBuffer_Release(&sv);
    return result;
}

/* line_spans(block, needles:list[bytes], icase) -> int64 bytes of (start, end) pairs: the lines of a raw
 * block (no index needed) that contain any needle, ends excluding the newline. Used to stream a file
 * through redaction: only these lines are handed to Python, the rest is copied as it is. */
static PyObject *line_spans(PyObject *self, PyObject *args) {
    Py_buffer view;
    PyObject *needle_list;
    int icase;
    if (!PyArg_ParseTuple(args, "y*O!i", &view, &PyList_Type, &needle_list, &icase)) return NULL;
    const unsigned char *buf = view.buf;
    Py_ssize_t size = view.len;
    NeedleSet ns;
    PyObject *result = NULL;
    if (PyList_GET_SIZE(needle_list) == 0) { PyBuffer_Release(&view); return PyBytes_FromStringAndSize("", 0); }
    if (!needles_build(&ns, needle_list, icase, buf, size < SAMPLE_BYTES ? size : SAMPLE_BYTES)) {
        PyBuffer_Release(&view);
        return NULL;
    }
    Py_ssize_t room = 256, nout = 0;
    int64_t *out = malloc((size_t)room * 2 * sizeof(int64_t));
    int ok = out != NULL;
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        /* No newline lies in [line_start, scanned): each byte is looked at for a newline at most once. */
        Py_ssize_t pos = 0, line_start = 0, scanned = 0;
        int32_t found[8];
        Py_ssize_t found_at[8];
        Py_ssize_t cache[8];
        int jump = ns.nfirst <= 8;
        for (int k = 0; k < 8; k++) cache[k] = -1;
        while (pos < size) {
            Py_ssize_t hit_start;
            if (jump) pos = next_candidate(&ns, buf, pos, size, cache);
            else if (ns.gram) pos = next_gram(&ns, buf, pos, size, size);
            else pos = next_pair(&ns, buf, pos, size, size);
            if (pos >= size) break;
            for (Py_ssize_t q = pos; q > scanned; q--) {
                if (buf[q - 1] == '\n') { line_start = q; break; }
            }
            scanned = pos;
            if (buf[pos] == '\n') { line_start = pos + 1; scanned = pos = pos + 1; continue; }
            if (!needles_at(&ns, buf, size, pos, line_start, found, found_at, 8, &hit_start)) { pos++; continue; }
            const unsigned char *nl = memchr(buf + pos, '\n', (size_t)(size - pos));
            Py_ssize_t end = nl ? (nl - buf) : size;
            if (nout == room) {
                void *a = realloc(out, (size_t)room * 4 * sizeof(int64_t));
                if (!a) { ok = 0; break; }
                out = a; room *= 2;
            }
            out[2 * nout] = line_start; out[2 * nout + 1] = end; nout++;
            pos = end + 1;
            line_start = scanned = pos;
        }
        Py_END_ALLOW_THREADS
        if (!ok) PyErr_NoMemory();
        else result = PyBytes_FromStringAndSize((const char *)out, nout * 2 * (Py_ssize_t)sizeof(int64_t));
    } else {
        PyErr_NoMemory();
    }
    needles_free(&ns); free(out);
    PyBuffer_Release(&view);
    return result;
}

/* Room for one more ``unit``-wide item in a growing array: doubles ``*room`` when full. 0 when out of memory. */
static int reserve_one(void **items, Py_ssize_t used, Py_ssize_t *room, size_t unit) {
    if (used < *room) return 1;
    void *grown = realloc(*items, (size_t)(*room) * 2 * unit);
    if (!grown) return 0;
    *items = grown;
    *room *= 2;
    return 1;
}

/* The line starting at ``at``: its end (before the newline) and the start of the next line. */
static inline Py_ssize_t line_end_at(const unsigned char *buf, Py_ssize_t size, Py_ssize_t at, Py_ssize_t *next) {
    const unsigned char *nl = at < size ? memchr(buf + at, '\n', (size_t)(size - at)) : NULL;
    Py_ssize_t end = nl ? nl - buf : size;
    *next = nl ? end + 1 : size;
    return end;
}

/* What the index makes of the line [at, end): 1 starts an entry, 0 continues one, -1 only Python knows. */
static inline int header_kind(const unsigned char *buf, Py_ssize_t at, Py_ssize_t end, int fmt, Py_ssize_t *msg_off) {
    Py_ssize_t n = end - at;
    while (n > 0 && buf[at + n - 1] == '\r') n--;
    Header h;
    parse_line(buf + at, n, fmt, &h);
    *msg_off = h.ok == 1 ? h.msg_off : 0;
    return h.ok;
}

/* The first entry start at or after ``at`` (a line start); ``size`` when none. -1 sets *unsure. */
static Py_ssize_t next_head(const unsigned char *buf, Py_ssize_t size, Py_ssize_t at, int fmt, int *unsure) {
    Py_ssize_t next, off;
    while (at < size) {
        Py_ssize_t end = line_end_at(buf, size, at, &next);
        int kind = header_kind(buf, at, end, fmt, &off);
        if (kind < 0) { *unsure = 1; return at; }
        if (kind == 1) return at;
        at = next;
    }
    return size;
}

/* entry_spans(buffer, begin, end, needles:list[bytes], icase, region, fmt) -> (spans:int64 bytes, unsure)
 * The entries (a header line and the continuation lines after it) of a "\n"-separated buffer that hold
 * any needle, as (first byte, end byte, line count) triples, with no line index at all: a text filter of a
 * file nobody will scroll (``cre-desk filter --count``) costs one pass over the bytes. The range is
 * [begin, end) moved forward to entry starts (the file's first line always starts one), so ranges cut
 * anywhere split the file into whole entries. ``region`` 1: in a header line only the message counts.
 * ``unsure`` 1 means a line only the Python parser can judge was met: the caller must use the index. */
static PyObject *entry_spans(PyObject *self, PyObject *args) {
    Py_buffer view;
    Py_ssize_t begin, end;
    PyObject *needle_list;
    int icase, region, fmt;
    if (!PyArg_ParseTuple(args, "y*nnO!iii", &view, &begin, &end, &PyList_Type, &needle_list, &icase, &region,
                          &fmt))
        return NULL;
    const unsigned char *buf = view.buf;
    Py_ssize_t size = view.len;
    if (begin < 0 || end > size || begin > end || PyList_GET_SIZE(needle_list) == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "bad range or no needles");
        return NULL;
    }
    NeedleSet ns;
    Py_ssize_t sample = end - begin < SAMPLE_BYTES ? end - begin : SAMPLE_BYTES;
    if (!needles_build(&ns, needle_list, icase, buf + begin, sample)) { PyBuffer_Release(&view); return NULL; }
    Py_ssize_t room = 1024, nout = 0;
    int64_t *out = malloc((size_t)room * 3 * sizeof(int64_t));
    int ok = out != NULL, unsure = 0;
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        /* Both ends move to the start of a line, then to the entry starting there or after it. */
        if (begin > 0) {
            const unsigned char *nl = buf[begin - 1] == '\n' ? buf + begin - 1
                                      : memchr(buf + begin, '\n', (size_t)(size - begin));
            begin = next_head(buf, size, nl ? nl - buf + 1 : size, fmt, &unsure);
        }
        if (end < size && end > 0) {
            const unsigned char *nl = buf[end - 1] == '\n' ? buf + end - 1
                                      : memchr(buf + end, '\n', (size_t)(size - end));
            end = next_head(buf, size, nl ? nl - buf + 1 : size, fmt, &unsure);
        }
        Py_ssize_t pos = begin, line_start = begin, scanned = begin, head = begin;
        int32_t found[8];
        Py_ssize_t found_at[8], cache[8];
        int jump = ns.nfirst <= 8;
        for (int k = 0; k < 8; k++) cache[k] = -1;
        while (pos < end && ok && !unsure) {
            Py_ssize_t hit_start, next, off;
            if (jump) pos = next_candidate(&ns, buf, pos, end, cache);
            else if (ns.gram) pos = next_gram(&ns, buf, pos, end, size);
            else pos = next_pair(&ns, buf, pos, end, size);
            if (pos >= end) break;
            for (Py_ssize_t q = pos; q > scanned; q--) {
                if (buf[q - 1] == '\n') { line_start = q; break; }
            }
            scanned = pos;
            if (buf[pos] == '\n') { line_start = scanned = pos = pos + 1; continue; }
            if (!needles_at(&ns, buf, size, pos, line_start, found, found_at, 8, &hit_start)) { pos++; continue; }
            Py_ssize_t text_end = line_end_at(buf, size, line_start, &next);
            int kind = header_kind(buf, line_start, text_end, fmt, &off);
            if (kind < 0) { unsure = 1; break; }
            if (line_start == 0) kind = 1;   /* the file's first line starts an entry, header or not */
            if (region && kind == 1 && hit_start < line_start + off) { pos++; continue; }
            /* The entry holding this line: back to its header (never before the last entry given out)… */
            Py_ssize_t first = line_start;
            while (kind == 0 && first > head) {
                Py_ssize_t q = first - 1;
                while (q > head && buf[q - 1] != '\n') q--;
                Py_ssize_t nx;
                kind = q == 0 ? 1 : header_kind(buf, q, line_end_at(buf, size, q, &nx), fmt, &off);
                if (kind < 0) { unsure = 1; break; }
                first = q;
            }
            if (unsure) break;
            /* …and on over its continuation lines, counting lines. */
            Py_ssize_t lines = 1, after = next;
            for (Py_ssize_t q = first; q < line_start; q++) lines += buf[q] == '\n';
            while (after < size) {
                Py_ssize_t nx, e = line_end_at(buf, size, after, &nx);
                int k2 = header_kind(buf, after, e, fmt, &off);
                if (k2 < 0) { unsure = 1; break; }
                if (k2 == 1) break;
                lines++;
                after = nx;
            }
            if (unsure) break;
            if (!reserve_one((void **)&out, nout, &room, 3 * sizeof(int64_t))) { ok = 0; break; }
            out[3 * nout] = first; out[3 * nout + 1] = after; out[3 * nout + 2] = lines; nout++;
            head = line_start = scanned = pos = after;
        }
        Py_END_ALLOW_THREADS
    }
    if (!ok) PyErr_NoMemory();
    PyObject *result = ok ? Py_BuildValue("(y#i)", (const char *)out, nout * 3 * (Py_ssize_t)sizeof(int64_t), unsure)
                          : NULL;
    needles_free(&ns); free(out);
    PyBuffer_Release(&view);
    return result;
}

/* needle_lines(buffer, starts, width, first_line, last_line, needles:list[bytes], icase)
 *   -> (lines:int64 bytes, needle ids:int32 bytes)
 * Every (line, needle) pair where the needle occurs in the line (each pair once), in file order: which
 * rule literals a line holds, so each rule reads only its own candidates. */
static PyObject *needle_lines(PyObject *self, PyObject *args) {
    Py_buffer view, sv;
    Py_ssize_t first_line, last_line;
    PyObject *needle_list;
    int icase, width;
    if (!PyArg_ParseTuple(args, "y*y*innO!i", &view, &sv, &width, &first_line, &last_line, &PyList_Type,
                          &needle_list, &icase))
        return NULL;
    const unsigned char *buf = view.buf;
    Py_ssize_t size = view.len, nstarts, pos0, stop;
    const void *starts = sv.buf;
    PyObject *result = NULL;
    NeedleSet ns;
    if (!range_setup(&view, &sv, &width, first_line, last_line, needle_list, icase, &ns, &nstarts, &pos0, &stop))
        return NULL;
    int64_t *seen_at = malloc((size_t)ns.count * sizeof(int64_t));
    Py_ssize_t room = 1024, nout = 0, i;
    int64_t *out_lines = malloc((size_t)room * sizeof(int64_t));
    int32_t *out_ids = malloc((size_t)room * sizeof(int32_t));
    int ok = seen_at && out_lines && out_ids;
    if (ok) {
        for (i = 0; i < ns.count; i++) seen_at[i] = -1;
        Py_BEGIN_ALLOW_THREADS
        Py_ssize_t line = first_line, pos = pos0, line_start = pos0;
        Py_ssize_t line_end = line + 1 < nstarts ? start_at(starts, width, line + 1) : size;
        int32_t found[64];
        Py_ssize_t found_at[64];
        Py_ssize_t cache[8];
        int jump = ns.nfirst <= 8;
        for (int k = 0; k < 8; k++) cache[k] = -1;
        while (pos < stop && ok) {
            Py_ssize_t hit_start;
            if (jump) { pos = next_candidate(&ns, buf, pos, stop, cache); if (pos >= stop) break; }
            else if (ns.gram) { pos = next_gram(&ns, buf, pos, stop, size); if (pos >= stop) break; }
            else { pos = next_pair(&ns, buf, pos, stop, size); if (pos >= stop) break; }
            int nfound = needles_at(&ns, buf, size, pos, 0, found, found_at, 64, &hit_start);
            if (!nfound) { pos++; continue; }
            if (pos >= line_end) {
                line = line_holding(starts, width, line + 1, last_line - 1, pos);
                line_start = start_at(starts, width, line);
                line_end = line + 1 < nstarts ? start_at(starts, width, line + 1) : size;
            }
            for (int f = 0; f < nfound; f++) {
                int32_t id = found[f];
                if (seen_at[id] == line || found_at[f] < line_start) continue;
                seen_at[id] = line;
                if (nout == room) {
                    void *a = realloc(out_lines, (size_t)room * 2 * sizeof(int64_t));
                    if (!a) { ok = 0; break; }
                    out_lines = a;
                    void *b = realloc(out_ids, (size_t)room * 2 * sizeof(int32_t));
                    if (!b) { ok = 0; break; }
                    out_ids = b; room *= 2;
                }
                out_lines[nout] = line; out_ids[nout] = id; nout++;
            }
            pos++;
        }
        Py_END_ALLOW_THREADS
        if (!ok) PyErr_NoMemory();
        else result = Py_BuildValue("(y#y#)", (const char *)out_lines, nout * (Py_ssize_t)sizeof(int64_t),
                                    (const char *)out_ids, nout * (Py_ssize_t)sizeof(int32_t));
    } else {
        PyErr_NoMemory();
    }
    needles_free(&ns); free(seen_at); free(out_lines); free(out_ids);
    PyBuffer_Release(&view); PyBuffer_Release(&sv);
    return result;
}

/* bad_utf8(buffer, offset, length) -> how many characters a UTF-8 decoder with errors="replace" would
 * replace (one per maximal invalid subsequence, as Python counts them), without the interpreter lock. */
static PyObject *bad_utf8(PyObject *self, PyObject *args) {
    Py_buffer view;
    Py_ssize_t offset, length, bad = 0;
    if (!PyArg_ParseTuple(args, "y*nn", &view, &offset, &length)) return NULL;
    if (offset < 0 || length < 0 || offset + length > view.len) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "block outside the buffer");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    const unsigned char *p = (const unsigned char *)view.buf + offset, *end = p + length;
    /* Continuation bytes at the start belong to a character the previous block began. */
    if (offset > 0) { int skip = 0; while (p < end && skip < 3 && (*p & 0xC0) == 0x80) { p++; skip++; } }
    while (p < end) {
        while (p + 8 <= end) {   /* ASCII runs eight bytes at a time */
            uint64_t word;
            memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL) break;
            p += 8;
        }
        if (p >= end) break;
        unsigned char c = *p;
        if (c < 0x80) { p++; continue; }
        int need; unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else { bad++; p++; continue; }
        const unsigned char *q = p + 1;
        int k;
        for (k = 0; k < need; k++, q++) {
            if (q >= end) break;
            unsigned char lo_k = k == 0 ? lo : 0x80, hi_k = k == 0 ? hi : 0xBF;
            if (*q < lo_k || *q > hi_k) break;
        }
        if (k == need) { p = q; continue; }
        if (q >= end) break;   /* a character cut by the block end: the next block's start skips the rest */
        bad++;
        p = q;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(bad);
}

/* lookup(table:bytes, ids buffer, width 2 or 4, out writable buffer) -> None: out[i] = table[ids[i]], the
 * mask of a column filter (ids index a small table of distinct values), without the interpreter lock. */
static PyObject *lookup(PyObject *self, PyObject *args) {
    Py_buffer table, ids, out;
    int width;
    if (!PyArg_ParseTuple(args, "y*y*iw*", &table, &ids, &width, &out)) return NULL;
    Py_ssize_t n = ids.len / (width == 4 ? 4 : 2), i;
    int ok = out.len >= n;
    if (ok) {
        const unsigned char *t = table.buf;
        unsigned char *o = out.buf;
        Py_ssize_t tn = table.len;
        Py_BEGIN_ALLOW_THREADS
        if (width == 4) {
            const uint32_t *v = ids.buf;
            for (i = 0; i < n; i++) o[i] = v[i] < (uint32_t)tn ? t[v[i]] : 0;
        } else {
            const uint16_t *v = ids.buf;
            for (i = 0; i < n; i++) o[i] = v[i] < tn ? t[v[i]] : 0;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&table); PyBuffer_Release(&ids); PyBuffer_Release(&out);
    if (!ok) { PyErr_SetString(PyExc_ValueError, "output too small"); return NULL; }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS, "Find line starts in a block and parse each header into columns."},
    {"fields", fields, METH_VARARGS, "Message offsets and timestamps of the given lines."},
    {"count", count, METH_VARARGS, "Count one byte value in a block of a buffer."},
    {"find_lines", find_lines, METH_VARARGS, "Lines that contain any of several literals."},
    {"lookup", lookup, METH_VARARGS, "Map ids through a small byte table."},
    {"bad_utf8", bad_utf8, METH_VARARGS, "Count characters that are not valid UTF-8."},
    {"needle_lines", needle_lines, METH_VARARGS, "Every (line, needle) pair where a needle occurs."},
    {"line_spans", line_spans, METH_VARARGS, "Spans of the lines of a raw block that contain any literal."},
    {"entry_spans", entry_spans, METH_VARARGS, "Entries of an unindexed buffer that contain any literal."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_linescan", "Native Android log line scanner.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__linescan(void) { return PyModule_Create(&module); }
