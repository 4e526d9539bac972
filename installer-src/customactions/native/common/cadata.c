/*
 * CustomActionData between our scheduling and executing halves: a sequence of fields, each written as its length in
 * decimal, a colon, and exactly that many UTF-16 characters ("5:hello0:3:abc"). Any character can appear in a field
 * (no escaping), and a reader knows before copying how much it will copy. Anything else is malformed and fails the
 * action with a log line naming the offset.
 */
#include "ca.h"

#define CAD_MAX_DIGITS 9

void cad_put_n(cs_t *data, const WCHAR *field, size_t n)
{
    cs_append_uint(data, n);
    cs_append_char(data, L':');
    cs_append_n(data, field ? field : L"", n);
}

void cad_put(cs_t *data, const WCHAR *field)
{
    size_t n = ca_wcslen_bounded(field, CA_MAX_VALUE);
    if (n > CA_MAX_VALUE) {
        data->failed = TRUE;
        return;
    }
    cad_put_n(data, field, n);
}

void cad_put_int(cs_t *data, long long v)
{
    cs_t s;
    cs_init(&s, 32);
    if (v < 0) {
        cs_append_char(&s, L'-');
        cs_append_uint(&s, (unsigned long long)(-(v + 1)) + 1);
    } else {
        cs_append_uint(&s, (unsigned long long)v);
    }
    if (s.failed) data->failed = TRUE;
    else cad_put_n(data, s.p, s.len);
    cs_free(&s);
}

void cad_put_hex(cs_t *data, const BYTE *bytes, size_t n)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    if (n > CA_MAX_VALUE / 2) {
        data->failed = TRUE;
        return;
    }
    cs_append_uint(data, n * 2);
    cs_append_char(data, L':');
    for (size_t i = 0; i < n && !data->failed; i++) {
        WCHAR pair[2] = {digits[bytes[i] >> 4], digits[bytes[i] & 15]};
        cs_append_n(data, pair, 2);
    }
}

void cad_open(cad_reader_t *r, const WCHAR *data)
{
    r->p = data ? data : L"";
    r->len = ca_wcslen_bounded(r->p, CA_MAX_VALUE);
    r->pos = 0;
    r->failed = r->len > CA_MAX_VALUE;
    r->why = r->failed ? L"data is too long" : NULL;
}

BOOL cad_more(const cad_reader_t *r)
{
    return !r->failed && r->pos < r->len;
}

static void cad_bad(cad_reader_t *r, const WCHAR *why)
{
    if (!r->failed) {
        r->failed = TRUE;
        r->why = why;
    }
}

/* The next field's start and length, without copying. */
static BOOL cad_next(cad_reader_t *r, const WCHAR **start, size_t *n)
{
    if (r->failed) return FALSE;
    if (r->pos >= r->len) {
        cad_bad(r, L"a field is missing");
        return FALSE;
    }
    size_t v = 0, digits = 0;
    while (r->pos < r->len && r->p[r->pos] >= L'0' && r->p[r->pos] <= L'9') {
        if (++digits > CAD_MAX_DIGITS) {
            cad_bad(r, L"a field length has too many digits");
            return FALSE;
        }
        v = v * 10 + (size_t)(r->p[r->pos] - L'0');
        r->pos++;
    }
    if (digits == 0) {
        cad_bad(r, L"a field does not start with its length");
        return FALSE;
    }
    if (r->pos >= r->len || r->p[r->pos] != L':') {
        cad_bad(r, L"a field length is not followed by ':'");
        return FALSE;
    }
    r->pos++;
    if (v > r->len - r->pos) {
        cad_bad(r, L"a field is longer than the data that is left");
        return FALSE;
    }
    *start = r->p + r->pos;
    *n = v;
    r->pos += v;
    return TRUE;
}

WCHAR *cad_get(cad_reader_t *r)
{
    const WCHAR *start;
    size_t n;
    if (!cad_next(r, &start, &n)) return NULL;
    WCHAR *out = ca_alloc((n + 1) * sizeof(WCHAR));
    if (!out) {
        cad_bad(r, L"out of memory");
        return NULL;
    }
    memcpy(out, start, n * sizeof(WCHAR));
    out[n] = 0;
    return out;
}

long long cad_get_int(cad_reader_t *r, long long min, long long max)
{
    const WCHAR *start;
    size_t n;
    if (!cad_next(r, &start, &n)) return min;
    size_t i = 0;
    BOOL negative = FALSE;
    if (n > 0 && start[0] == L'-') {
        negative = TRUE;
        i = 1;
    }
    if (i >= n || n - i > 18) {
        cad_bad(r, L"a number field is empty or too long");
        return min;
    }
    long long v = 0;
    for (; i < n; i++) {
        if (start[i] < L'0' || start[i] > L'9') {
            cad_bad(r, L"a number field holds a non-digit");
            return min;
        }
        v = v * 10 + (start[i] - L'0');
    }
    if (negative) v = -v;
    if (v < min || v > max) {
        cad_bad(r, L"a number field is out of range");
        return min;
    }
    return v;
}

static int hexval(WCHAR c)
{
    if (c >= L'0' && c <= L'9') return c - L'0';
    if (c >= L'a' && c <= L'f') return c - L'a' + 10;
    if (c >= L'A' && c <= L'F') return c - L'A' + 10;
    return -1;
}

BOOL cad_get_hex(cad_reader_t *r, BYTE **bytes, size_t *count, size_t max)
{
    const WCHAR *start;
    size_t n;
    *bytes = NULL;
    *count = 0;
    if (!cad_next(r, &start, &n)) return FALSE;
    if (n % 2 != 0 || n / 2 > max) {
        cad_bad(r, L"a hex field has an odd length or is too long");
        return FALSE;
    }
    if (n == 0) return TRUE;
    BYTE *out = ca_alloc(n / 2);
    if (!out) {
        cad_bad(r, L"out of memory");
        return FALSE;
    }
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(start[2 * i]), lo = hexval(start[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            ca_free(out);
            cad_bad(r, L"a hex field holds a non-hex character");
            return FALSE;
        }
        out[i] = (BYTE)(hi * 16 + lo);
    }
    *bytes = out;
    *count = n / 2;
    return TRUE;
}

UINT cad_fail(MSIHANDLE h, const cad_reader_t *r)
{
    ca_log(h, L"malformed CustomActionData at offset %lu: %ls", (unsigned long)r->pos, r->why ? r->why : L"unknown problem");
    return ERROR_INSTALL_FAILURE;
}
