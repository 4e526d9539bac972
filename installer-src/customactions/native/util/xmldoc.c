/*
 * What util:XmlFile and util:XmlConfig share: MSXML 3.0 documents (load, change a value, save keeping the file's
 * time), and the whole-file copies their rollback actions restore.
 */
#include "ca.h"
#include "xmldoc.h"

/* MSXML 3.0's DOM document: on every Windows version, and the one that still speaks XSLPattern. */
const CLSID xml_clsid_dom30 = {0xf5078f32, 0xc551, 0x11d3, {0x89, 0xb9, 0x00, 0x00, 0xf8, 0x1f, 0xe2, 0x21}};
const IID xml_iid_dom2 = {0x2933bf95, 0x7b36, 0x11d2, {0xb2, 0x0e, 0x00, 0xc0, 0x4f, 0x98, 0x3e, 0x60}};
const IID xml_iid_element = {0x2933bf86, 0x7b36, 0x11d2, {0xb2, 0x0e, 0x00, 0xc0, 0x4f, 0x98, 0x3e, 0x60}};

/* Files already copied for rollback in this run (a file with several rows is copied once). */

BOOL xml_seen_add(xml_seen_t *s, const WCHAR *name)
{
    for (size_t i = 0; i < s->count; i++) if (!lstrcmpiW(s->names[i], name)) return FALSE;
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        WCHAR **names = ca_alloc(cap * sizeof(WCHAR *));
        if (!names) return FALSE;
        if (s->names) memcpy(names, s->names, s->count * sizeof(WCHAR *));
        ca_free(s->names);
        s->names = names;
        s->cap = cap;
    }
    s->names[s->count] = ca_wcsdup(name);
    if (!s->names[s->count]) return FALSE;
    s->count++;
    return TRUE;
}

void xml_seen_free(xml_seen_t *s)
{
    for (size_t i = 0; i < s->count; i++) ca_free(s->names[i]);
    ca_free(s->names);
}

UINT xml_capture_for_rollback(MSIHANDLE h, cs_t *rollback, const WCHAR *file)
{
    BYTE *bytes = NULL;
    size_t n = 0;
    DWORD e = ca_read_file(file, &bytes, &n, CA_MAX_ROLLBACK_FILE);
    if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND) {
        /* Installed by this transaction: InstallFiles' own rollback removes it. */
        cad_put(rollback, file);
        cad_put_int(rollback, 0);
        cad_put_hex(rollback, NULL, 0);
        return ERROR_SUCCESS;
    }
    if (e == ERROR_FILE_TOO_LARGE) {
        ca_log(h, L"%ls is larger than %lu bytes, the most kept for rollback", file, (unsigned long)CA_MAX_ROLLBACK_FILE);
        return ERROR_INSTALL_FAILURE;
    }
    if (e != ERROR_SUCCESS) {
        ca_log(h, L"could not read %ls to keep it for rollback", file);
        return ca_fail_win32(h, L"reading the file", e);
    }
    cad_put(rollback, file);
    cad_put_int(rollback, 1);
    cad_put_hex(rollback, bytes, n);
    ca_free(bytes);
    return ERROR_SUCCESS;
}

VARIANT xml_bstr_variant(const WCHAR *s)
{
    VARIANT v;
    VariantInit(&v);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocString(s);
    return v;
}

HRESULT xml_open(MSIHANDLE h, const WCHAR *file, BOOL xpath, IXMLDOMDocument2 **doc)
{
    *doc = NULL;
    HRESULT hr = CoCreateInstance(&xml_clsid_dom30, NULL, CLSCTX_INPROC_SERVER, &xml_iid_dom2, (void **)doc);
    if (FAILED(hr)) return hr;
    IXMLDOMDocument2_put_async(*doc, VARIANT_FALSE);
    IXMLDOMDocument2_put_preserveWhiteSpace(*doc, VARIANT_TRUE);
    VARIANT language = xml_bstr_variant(xpath ? L"XPath" : L"XSLPattern");
    BSTR prop = SysAllocString(L"SelectionLanguage");
    hr = IXMLDOMDocument2_setProperty(*doc, prop, language);
    SysFreeString(prop);
    VariantClear(&language);
    if (FAILED(hr)) {
        ca_log(h, L"MSXML refuses selection language %ls", xpath ? L"XPath" : L"XSLPattern");
        goto fail;
    }
    VARIANT path = xml_bstr_variant(file);
    VARIANT_BOOL ok = VARIANT_FALSE;
    hr = IXMLDOMDocument2_load(*doc, path, &ok);
    VariantClear(&path);
    if (hr != S_OK || ok != VARIANT_TRUE) {
        IXMLDOMParseError *error = NULL;
        BSTR reason = NULL;
        long line = 0;
        if (SUCCEEDED(IXMLDOMDocument2_get_parseError(*doc, &error)) && error) {
            IXMLDOMParseError_get_reason(error, &reason);
            IXMLDOMParseError_get_line(error, &line);
            IXMLDOMParseError_Release(error);
        }
        ca_log(h, L"%ls is not readable XML (line %ld): %ls", file, line, reason ? reason : L"unknown reason");
        SysFreeString(reason);
        hr = E_FAIL;
        goto fail;
    }
    return S_OK;
fail:
    IXMLDOMDocument2_Release(*doc);
    *doc = NULL;
    return FAILED(hr) ? hr : E_FAIL;
}

HRESULT xml_set_value(IXMLDOMNode *node, const WCHAR *name, const WCHAR *value)
{
    HRESULT hr;
    BSTR v = SysAllocString(value);
    if (name[0]) {
        IXMLDOMElement *element = NULL;
        hr = IXMLDOMNode_QueryInterface(node, &xml_iid_element, (void **)&element);
        if (SUCCEEDED(hr)) {
            BSTR n = SysAllocString(name);
            VARIANT vv;
            VariantInit(&vv);
            vv.vt = VT_BSTR;
            vv.bstrVal = v;
            hr = IXMLDOMElement_setAttribute(element, n, vv);
            SysFreeString(n);
            IXMLDOMElement_Release(element);
        }
    } else {
        hr = IXMLDOMNode_put_text(node, v);
    }
    SysFreeString(v);
    return hr;
}

HRESULT xml_delete_value(IXMLDOMNode *node, const WCHAR *name)
{
    if (!name[0]) {
        BSTR empty = SysAllocString(L"");
        HRESULT hr = IXMLDOMNode_put_text(node, empty);
        SysFreeString(empty);
        return hr;
    }
    IXMLDOMElement *element = NULL;
    HRESULT hr = IXMLDOMNode_QueryInterface(node, &xml_iid_element, (void **)&element);
    if (SUCCEEDED(hr)) {
        BSTR n = SysAllocString(name);
        hr = IXMLDOMElement_removeAttribute(element, n);
        SysFreeString(n);
        IXMLDOMElement_Release(element);
    }
    return hr;
}

UINT xml_save(MSIHANDLE h, IXMLDOMDocument2 *doc, const WCHAR *file, BOOL keep_time)
{
    FILETIME created, accessed, written;
    BOOL have_times = FALSE;
    if (keep_time) {
        HANDLE f = CreateFileW(file, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        if (f != INVALID_HANDLE_VALUE) {
            have_times = GetFileTime(f, &created, &accessed, &written);
            CloseHandle(f);
        }
    }
    VARIANT path = xml_bstr_variant(file);
    HRESULT hr = IXMLDOMDocument2_save(doc, path);
    VariantClear(&path);
    if (FAILED(hr)) {
        ca_log(h, L"could not save %ls", file);
        return ca_fail_hr(h, L"saving the XML file", hr);
    }
    if (have_times) {
        HANDLE f = CreateFileW(file, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        if (f != INVALID_HANDLE_VALUE) {
            SetFileTime(f, &created, &accessed, &written);
            CloseHandle(f);
        }
    }
    ca_log(h, L"saved %ls", file);
    return ERROR_SUCCESS;
}

UINT xml_session_use(MSIHANDLE h, xml_session_t *s, const WCHAR *file, BOOL xpath, BOOL keep_time, IXMLDOMDocument2 **doc)
{
    UINT result = ERROR_SUCCESS;
    if (s->doc && (lstrcmpiW(s->file, file) || s->xpath != xpath)) result = xml_session_close(h, s, TRUE);
    if (result == ERROR_SUCCESS && !s->doc) {
        HRESULT hr = xml_open(h, file, xpath, &s->doc);
        if (FAILED(hr)) return ca_fail_hr(h, L"opening the XML file", hr);
        s->file = ca_wcsdup(file);
        s->xpath = xpath;
        s->keep_time = FALSE;
    }
    s->keep_time = s->keep_time || keep_time;
    *doc = s->doc;
    return result;
}

BOOL xml_session_file_gone(const xml_session_t *s, const WCHAR *file)
{
    return !(s->doc && !lstrcmpiW(s->file, file)) && GetFileAttributesW(file) == INVALID_FILE_ATTRIBUTES;
}

UINT xml_session_close(MSIHANDLE h, xml_session_t *s, BOOL ok)
{
    UINT result = ERROR_SUCCESS;
    if (s->doc) {
        if (ok) result = xml_save(h, s->doc, s->file, s->keep_time);
        IXMLDOMDocument2_Release(s->doc);
    }
    ca_free(s->file);
    s->doc = NULL;
    s->file = NULL;
    return result;
}

UINT xml_restore_files(MSIHANDLE h, const WCHAR *entry)
{
    ca_log_begin(h, entry);
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        WCHAR *file = cad_get(&r);
        int existed = (int)cad_get_int(&r, 0, 1);
        BYTE *bytes = NULL;
        size_t n = 0;
        cad_get_hex(&r, &bytes, &n, CA_MAX_ROLLBACK_FILE);
        if (r.failed) {
            result = cad_fail(h, &r);
        } else if (!existed) {
            ca_log(h, L"%ls did not exist before; its installation is rolled back with the file itself", file);
        } else {
            DWORD e = ca_write_file(file, bytes, n);
            if (e == ERROR_SUCCESS) ca_log(h, L"restored %ls (%lu bytes)", file, (unsigned long)n);
            else result = ca_fail_win32(h, L"restoring the file", e);
        }
        ca_free(file);
        ca_free(bytes);
    }
    ca_free(data);
    return result;
}
