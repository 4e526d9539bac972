/* Bounded wide strings and heap helpers (see ca.h). */
#include "ca.h"
#include <stdio.h>

void *ca_alloc(size_t bytes)
{
    if (bytes == 0) return NULL;
    return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, bytes);
}

void ca_free(void *p)
{
    if (p) HeapFree(GetProcessHeap(), 0, p);
}

size_t ca_wcslen_bounded(const WCHAR *s, size_t max)
{
    size_t n = 0;
    if (!s) return 0;
    while (n <= max && s[n]) n++;
    return n;
}

WCHAR *ca_wcsdup(const WCHAR *s)
{
    size_t n = ca_wcslen_bounded(s, CA_MAX_VALUE);
    if (n > CA_MAX_VALUE) return NULL;
    WCHAR *p = ca_alloc((n + 1) * sizeof(WCHAR));
    if (p && n) memcpy(p, s, n * sizeof(WCHAR));
    return p;
}

void cs_init(cs_t *s, size_t limit)
{
    s->p = NULL;
    s->len = 0;
    s->cap = 0;
    s->limit = limit > CA_MAX_VALUE ? CA_MAX_VALUE : limit;
    s->failed = FALSE;
}

void cs_free(cs_t *s)
{
    ca_free(s->p);
    s->p = NULL;
    s->len = s->cap = 0;
}

/* Makes room for extra more characters plus the NUL, doubling the allocation (bounded by the limit). */
static BOOL cs_reserve(cs_t *s, size_t extra)
{
    if (s->failed) return FALSE;
    if (extra > s->limit || s->len > s->limit - extra) {
        s->failed = TRUE;
        return FALSE;
    }
    size_t need = s->len + extra + 1;
    if (need <= s->cap) return TRUE;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need) cap = cap > (s->limit + 1) / 2 ? s->limit + 1 : cap * 2;
    if (cap < need) cap = need;
    WCHAR *p = ca_alloc(cap * sizeof(WCHAR));
    if (!p) {
        s->failed = TRUE;
        return FALSE;
    }
    if (s->p) {
        memcpy(p, s->p, (s->len + 1) * sizeof(WCHAR));
        ca_free(s->p);
    }
    s->p = p;
    s->cap = cap;
    return TRUE;
}

BOOL cs_append_n(cs_t *s, const WCHAR *text, size_t n)
{
    if (!cs_reserve(s, n)) return FALSE;
    if (n) memcpy(s->p + s->len, text, n * sizeof(WCHAR));
    s->len += n;
    s->p[s->len] = 0;
    return TRUE;
}

BOOL cs_append(cs_t *s, const WCHAR *text)
{
    size_t n = ca_wcslen_bounded(text, s->limit);
    if (n > s->limit) {
        s->failed = TRUE;
        return FALSE;
    }
    return cs_append_n(s, text ? text : L"", n);
}

BOOL cs_append_char(cs_t *s, WCHAR c)
{
    return cs_append_n(s, &c, 1);
}

BOOL cs_append_uint(cs_t *s, unsigned long long v)
{
    WCHAR digits[24];
    size_t i = sizeof(digits) / sizeof(digits[0]);
    digits[--i] = 0;
    do {
        digits[--i] = (WCHAR)(L'0' + (v % 10));
        v /= 10;
    } while (v && i > 0);
    return cs_append(s, digits + i);
}

BOOL cs_printf(cs_t *s, const WCHAR *fmt, ...)
{
    /* Formatted pieces are short (log lines, names): one bounded stack buffer is enough. */
    WCHAR buf[CA_LOG_LINE];
    va_list ap;
    va_start(ap, fmt);
    int n = _vsnwprintf(buf, CA_LOG_LINE - 1, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= CA_LOG_LINE - 1) {
        s->failed = TRUE;
        return FALSE;
    }
    buf[n] = 0;
    return cs_append_n(s, buf, (size_t)n);
}

WCHAR *cs_take(cs_t *s)
{
    if (s->failed) {
        cs_free(s);
        return NULL;
    }
    if (!s->p && !cs_reserve(s, 0)) return NULL;
    WCHAR *p = s->p;
    s->p = NULL;
    s->len = s->cap = 0;
    return p;
}
