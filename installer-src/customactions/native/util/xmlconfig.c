/*
 * util:XmlConfig: create or delete elements, set or delete values, or append a document fragment in XML files, each
 * change bound to installing or to uninstalling its component (WiX's On="install|uninstall"); restored on rollback.
 *
 * SchedXmlConfig (immediate, after DuplicateFiles) reads v4 Wix4XmlConfig / v3 XmlConfig:
 *   key, File, [ElementId: v4 only], ElementPath, VerifyPath, Name, Value (all formatted), Flags, Component_, Sequence
 * Flags (WiX's values): node 0x1 element / 0x2 value / 0x4 document; 0x10 create / 0x20 delete; 0x100 on install /
 * 0x200 on uninstall; 0x1000 keep the file's modified time. A row with no flags whose ElementId (v3: whose
 * ElementPath) names a create-element row is an attribute of the element that row creates.
 * Changes run in File, Sequence order; ElementPath and VerifyPath are XPath. What each does, as WiX documents it:
 *   create element:  unless VerifyPath (from ElementPath) already finds it, add a child Name (text Value) under
 *                    ElementPath, with the attribute rows' attributes;
 *   delete element:  remove the child VerifyPath finds under ElementPath (nothing found: nothing to do);
 *   create value:    set attribute Name (empty Name: the text) of ElementPath to Value;
 *   delete value:    remove attribute Name (empty Name: empty the text);
 *   create document: unless VerifyPath finds it, append Value's root element under ElementPath.
 * A change that adds needs its file and its ElementPath; a deletion from a missing file or element is skipped.
 * Before anything changes, each file that exists is copied whole for the rollback action (xmldoc.c).
 *
 * Deferred data, one record per change: op, keep-time (1/0), file, element path, verify path, name, value, n, then n
 * (attribute name, value) pairs.
 */
#include "ca.h"
#include "xmldoc.h"

#define XC_ELEMENT 0x1
#define XC_VALUE 0x2
#define XC_DOCUMENT 0x4
#define XC_CREATE 0x10
#define XC_DELETE 0x20
#define XC_INSTALL 0x100
#define XC_UNINSTALL 0x200
#define XC_PRESERVE_MODIFIED 0x1000

enum { XOP_CREATE_ELEMENT = 1, XOP_DELETE_ELEMENT, XOP_SET_VALUE, XOP_DELETE_VALUE, XOP_APPEND_DOCUMENT };

#define XC_MAX_ROWS 100000u

static const WCHAR *exec_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4ExecXmlConfig" CA_ARCH_V4 : L"ExecXmlConfig" CA_ARCH_V3;
}

static const WCHAR *rollback_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4ExecXmlConfigRollback" CA_ARCH_V4 : L"ExecXmlConfigRollback" CA_ARCH_V3;
}

typedef struct {
    WCHAR *id, *file, *element_id, *path, *verify, *name, *value, *component;
    int flags;
} xc_row_t;

static void row_free(xc_row_t *r)
{
    ca_free(r->id); ca_free(r->file); ca_free(r->element_id); ca_free(r->path); ca_free(r->verify);
    ca_free(r->name); ca_free(r->value); ca_free(r->component);
}

static BOOL creates_element(const xc_row_t *r)
{
    return (r->flags & XC_CREATE) && (r->flags & XC_ELEMENT);
}

/* The create-element row an attribute row belongs to, or NULL. */
static const xc_row_t *owner(const xc_row_t *rows, size_t n, const xc_row_t *r)
{
    if (r->flags != 0) return NULL;
    const WCHAR *ref = r->element_id && r->element_id[0] ? r->element_id : r->path;
    if (!ref || !ref[0]) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (&rows[i] != r && creates_element(&rows[i]) && !wcscmp(rows[i].id, ref)) return &rows[i];
    }
    return NULL;
}

static int operation(MSIHANDLE h, const xc_row_t *r)
{
    BOOL now = ((r->flags & XC_INSTALL) && ca_component_installing(h, r->component))
            || ((r->flags & XC_UNINSTALL) && ca_component_removing(h, r->component));
    if (!now) return 0;
    BOOL create = (r->flags & XC_CREATE) != 0, remove = (r->flags & XC_DELETE) != 0;
    if (r->flags & XC_ELEMENT) return create ? XOP_CREATE_ELEMENT : remove ? XOP_DELETE_ELEMENT : 0;
    if (r->flags & XC_VALUE) return create ? XOP_SET_VALUE : remove ? XOP_DELETE_VALUE : 0;
    if (r->flags & XC_DOCUMENT) return create ? XOP_APPEND_DOCUMENT : -1;
    return 0;
}

static UINT read_rows(MSIHANDLE h, ca_gen_t gen, xc_row_t **out, size_t *count)
{
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `XmlConfig`, `File`, `ElementId`, `ElementPath`, `VerifyPath`, `Name`, `Value`, `Flags`, `Component_` FROM `Wix4XmlConfig` ORDER BY `File`, `Sequence`"
        : L"SELECT `XmlConfig`, `File`, `ElementPath`, `ElementPath`, `VerifyPath`, `Name`, `Value`, `Flags`, `Component_` FROM `XmlConfig` ORDER BY `File`, `Sequence`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    size_t n = 0, cap = 0;
    xc_row_t *rows = NULL;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        if (n == cap) {
            size_t grown = cap ? cap * 2 : 16;
            xc_row_t *bigger = grown <= XC_MAX_ROWS ? ca_alloc(grown * sizeof(xc_row_t)) : NULL;
            if (!bigger) {
                ca_log(h, L"too many XmlConfig rows");
                result = ERROR_INSTALL_FAILURE;
                MsiCloseHandle(rec);
                break;
            }
            if (rows) memcpy(bigger, rows, n * sizeof(xc_row_t));
            ca_free(rows);
            rows = bigger;
            cap = grown;
        }
        xc_row_t *r = &rows[n++];
        if (ca_record_string(h, rec, 1, &r->id) || ca_record_string(h, rec, 2, &r->file)
            || ca_record_string(h, rec, 3, &r->element_id) || ca_record_string(h, rec, 4, &r->path)
            || ca_record_string(h, rec, 5, &r->verify) || ca_record_string(h, rec, 6, &r->name)
            || ca_record_string(h, rec, 7, &r->value) || ca_record_string(h, rec, 9, &r->component)) {
            result = ERROR_INSTALL_FAILURE;
        }
        r->flags = ca_record_int(rec, 8, 0);
        if (gen != CA_GEN_V4) { ca_free(r->element_id); r->element_id = NULL; }
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    *out = rows;
    *count = n;
    return result;
}

/* Formats each of the row's texts into f (file, path, verify, name, value). */
static UINT format_row(MSIHANDLE h, const xc_row_t *r, WCHAR *f[5])
{
    const WCHAR *raw[5] = {r->file, r->path, r->verify, r->name, r->value};
    for (int i = 0; i < 5; i++) {
        if (ca_format(h, raw[i] ? raw[i] : L"", &f[i]) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    return ERROR_SUCCESS;
}

static UINT put_attributes(MSIHANDLE h, cs_t *exec, const xc_row_t *rows, size_t n, const xc_row_t *element)
{
    unsigned count = 0;
    for (size_t i = 0; i < n; i++) if (owner(rows, n, &rows[i]) == element) count++;
    cad_put_int(exec, count);
    for (size_t i = 0; i < n; i++) {
        if (owner(rows, n, &rows[i]) != element) continue;
        WCHAR *name = NULL, *value = NULL;
        UINT e = ca_format(h, rows[i].name ? rows[i].name : L"", &name);
        if (e == ERROR_SUCCESS) e = ca_format(h, rows[i].value ? rows[i].value : L"", &value);
        if (e == ERROR_SUCCESS && !name[0]) {
            ca_log(h, L"row %ls: an attribute of element row %ls needs a Name", rows[i].id, element->id);
            e = ERROR_INSTALL_FAILURE;
        }
        if (e == ERROR_SUCCESS) { cad_put(exec, name); cad_put(exec, value); }
        ca_free(name);
        ca_free(value);
        if (e != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    return ERROR_SUCCESS;
}

CA_EXPORT SchedXmlConfig(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedXmlConfig");
    ca_gen_t gen = ca_generation(h, L"Wix4XmlConfig", L"XmlConfig");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4XmlConfig or XmlConfig table: nothing to do");
        return ERROR_SUCCESS;
    }
    xc_row_t *rows = NULL;
    size_t n = 0;
    UINT result = read_rows(h, gen, &rows, &n);
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    xml_seen_t seen = {0};
    unsigned changes = 0;
    for (size_t i = 0; i < n && result == ERROR_SUCCESS; i++) {
        const xc_row_t *r = &rows[i];
        if (owner(rows, n, r)) continue; /* written with its element */
        int op = operation(h, r);
        if (op < 0) {
            ca_log(h, L"row %ls: a document cannot be deleted (Node=\"document\" only appends)", r->id);
            result = ERROR_INSTALL_FAILURE;
            break;
        }
        if (!op) continue;
        WCHAR *f[5] = {0};
        result = format_row(h, r, f);
        if (result == ERROR_SUCCESS && (!f[0][0] || !f[1][0])) {
            ca_log(h, L"row %ls: the file or the element path is empty after formatting", r->id);
            result = ERROR_INSTALL_FAILURE;
        }
        if (result == ERROR_SUCCESS && op == XOP_CREATE_ELEMENT && !f[3][0]) {
            ca_log(h, L"row %ls: creating an element needs its name (Name column)", r->id);
            result = ERROR_INSTALL_FAILURE;
        }
        if (result == ERROR_SUCCESS && xml_seen_add(&seen, f[0])) result = xml_capture_for_rollback(h, &rollback, f[0]);
        if (result == ERROR_SUCCESS) {
            cad_put_int(&exec, op);
            cad_put_int(&exec, (r->flags & XC_PRESERVE_MODIFIED) ? 1 : 0);
            for (int k = 0; k < 5; k++) cad_put(&exec, f[k]);
            result = op == XOP_CREATE_ELEMENT ? put_attributes(h, &exec, rows, n, r) : (cad_put_int(&exec, 0), ERROR_SUCCESS);
            changes++;
        }
        for (int k = 0; k < 5; k++) ca_free(f[k]);
    }
    if (result == ERROR_SUCCESS && (exec.failed || rollback.failed)) {
        ca_log(h, L"too much XmlConfig data");
        result = ERROR_INSTALL_FAILURE;
    }
    if (result == ERROR_SUCCESS && changes > 0) {
        /* The rollback first: it must be in the script before the change it undoes. */
        result = ca_schedule(h, rollback_action(gen), rollback.p);
        if (result == ERROR_SUCCESS) result = ca_schedule(h, exec_action(gen), exec.p);
    }
    if (result == ERROR_SUCCESS) ca_log(h, L"%u change(s) in %u file(s) scheduled", changes, (unsigned)seen.count);
    for (size_t i = 0; i < n; i++) row_free(&rows[i]);
    ca_free(rows);
    xml_seen_free(&seen);
    cs_free(&exec);
    cs_free(&rollback);
    return result;
}

/* ---- the deferred half ---- */

/* The node query finds from node, or NULL (S_FALSE: nothing found). */
static HRESULT select_from(IXMLDOMNode *node, const WCHAR *query, IXMLDOMNode **found)
{
    *found = NULL;
    BSTR q = SysAllocString(query);
    HRESULT hr = IXMLDOMNode_selectSingleNode(node, q, found);
    SysFreeString(q);
    if (hr == S_OK && !*found) hr = S_FALSE;
    return hr;
}

static HRESULT create_child(IXMLDOMDocument2 *doc, IXMLDOMNode *parent, const WCHAR *name, const WCHAR *value,
                            cad_reader_t *r, int attributes)
{
    IXMLDOMElement *element = NULL;
    BSTR n = SysAllocString(name);
    HRESULT hr = IXMLDOMDocument2_createElement(doc, n, &element);
    SysFreeString(n);
    if (FAILED(hr)) return hr;
    if (value[0]) {
        BSTR v = SysAllocString(value);
        hr = IXMLDOMElement_put_text(element, v);
        SysFreeString(v);
    }
    for (int i = 0; i < attributes && SUCCEEDED(hr); i++) {
        WCHAR *an = cad_get(r), *av = cad_get(r);
        if (!r->failed) hr = xml_set_value((IXMLDOMNode *)element, an, av);
        ca_free(an);
        ca_free(av);
    }
    IXMLDOMNode *added = NULL;
    if (SUCCEEDED(hr)) hr = IXMLDOMNode_appendChild(parent, (IXMLDOMNode *)element, &added);
    if (added) IXMLDOMNode_Release(added);
    IXMLDOMElement_Release(element);
    return hr;
}

static HRESULT append_document(MSIHANDLE h, IXMLDOMNode *parent, const WCHAR *xml)
{
    IXMLDOMDocument2 *fragment = NULL;
    HRESULT hr = CoCreateInstance(&xml_clsid_dom30, NULL, CLSCTX_INPROC_SERVER, &xml_iid_dom2, (void **)&fragment);
    if (FAILED(hr)) return hr;
    IXMLDOMDocument2_put_preserveWhiteSpace(fragment, VARIANT_TRUE);
    BSTR text = SysAllocString(xml);
    VARIANT_BOOL ok = VARIANT_FALSE;
    hr = IXMLDOMDocument2_loadXML(fragment, text, &ok);
    SysFreeString(text);
    IXMLDOMElement *root = NULL;
    if (hr != S_OK || ok != VARIANT_TRUE) {
        ca_log(h, L"the Value to append is not an XML document");
        hr = E_INVALIDARG;
    } else {
        hr = IXMLDOMDocument2_get_documentElement(fragment, &root);
    }
    IXMLDOMNode *added = NULL;
    if (SUCCEEDED(hr) && root) hr = IXMLDOMNode_appendChild(parent, (IXMLDOMNode *)root, &added);
    if (added) IXMLDOMNode_Release(added);
    if (root) IXMLDOMElement_Release(root);
    IXMLDOMDocument2_Release(fragment);
    return hr;
}

/* One change; the reader is positioned on its attribute pairs, which are consumed here. */
static UINT change(MSIHANDLE h, IXMLDOMDocument2 *doc, int op, WCHAR *const f[5], cad_reader_t *r, int attributes)
{
    const WCHAR *path = f[1], *verify = f[2], *name = f[3], *value = f[4];
    IXMLDOMNode *node = NULL;
    BSTR q = SysAllocString(path);
    HRESULT hr = IXMLDOMDocument2_selectSingleNode(doc, q, &node);
    SysFreeString(q);
    UINT result = ERROR_SUCCESS;
    BOOL adds = op == XOP_CREATE_ELEMENT || op == XOP_SET_VALUE || op == XOP_APPEND_DOCUMENT;
    if (hr != S_OK || !node) {
        if (adds) {
            ca_log(h, L"no element matches %ls in %ls", path, f[0]);
            result = ERROR_INSTALL_FAILURE;
        } else {
            ca_log(h, L"no element matches %ls: nothing to delete", path);
        }
    } else {
        IXMLDOMNode *existing = NULL;
        BOOL present = verify[0] && select_from(node, verify, &existing) == S_OK;
        switch (op) {
        case XOP_CREATE_ELEMENT:
        case XOP_APPEND_DOCUMENT:
            if (present) {
                ca_log(h, L"%ls already has %ls: left as it is", path, verify);
                hr = S_OK;
            } else if (op == XOP_CREATE_ELEMENT) {
                hr = create_child(doc, node, name, value, r, attributes);
                attributes = 0;
                if (SUCCEEDED(hr)) ca_log(h, L"created element %ls under %ls", name, path);
            } else {
                hr = append_document(h, node, value);
                if (SUCCEEDED(hr)) ca_log(h, L"appended a document under %ls", path);
            }
            break;
        case XOP_DELETE_ELEMENT:
            if (present) {
                IXMLDOMNode *removed = NULL;
                hr = IXMLDOMNode_removeChild(node, existing, &removed);
                if (removed) IXMLDOMNode_Release(removed);
                if (SUCCEEDED(hr)) ca_log(h, L"deleted %ls under %ls", verify, path);
            } else {
                ca_log(h, L"%ls finds nothing under %ls: nothing to delete", verify[0] ? verify : L"(no VerifyPath)", path);
                hr = S_OK;
            }
            break;
        case XOP_SET_VALUE:
            hr = xml_set_value(node, name, value);
            if (SUCCEEDED(hr)) ca_log(h, L"set %ls%ls at %ls", name[0] ? L"@" : L"text", name, path);
            break;
        default:
            hr = xml_delete_value(node, name);
            if (SUCCEEDED(hr)) ca_log(h, L"deleted %ls%ls at %ls", name[0] ? L"@" : L"text", name, path);
            break;
        }
        if (existing) IXMLDOMNode_Release(existing);
        if (FAILED(hr)) result = ca_fail_hr(h, L"changing the XML file", hr);
        IXMLDOMNode_Release(node);
    }
    for (int i = 0; i < attributes; i++) { /* not used (nothing created): skip them */
        ca_free(cad_get(r));
        ca_free(cad_get(r));
    }
    return result;
}

CA_EXPORT ExecXmlConfig(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecXmlConfig");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    BOOL com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    UINT result = ERROR_SUCCESS;
    xml_session_t session = {0};
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        int op = (int)cad_get_int(&r, XOP_CREATE_ELEMENT, XOP_APPEND_DOCUMENT);
        BOOL keep_time = cad_get_int(&r, 0, 1) == 1;
        WCHAR *f[5];
        for (int k = 0; k < 5; k++) f[k] = cad_get(&r);
        int attributes = (int)cad_get_int(&r, 0, XC_MAX_ROWS);
        IXMLDOMDocument2 *doc = NULL;
        if (r.failed) {
            result = cad_fail(h, &r);
        } else if ((op == XOP_DELETE_ELEMENT || op == XOP_DELETE_VALUE) && xml_session_file_gone(&session, f[0])) {
            ca_log(h, L"%ls is gone; nothing to remove from it", f[0]);
        } else if ((result = xml_session_use(h, &session, f[0], TRUE, keep_time, &doc)) == ERROR_SUCCESS) {
            result = change(h, doc, op, f, &r, attributes);
            attributes = 0;
        }
        for (int i = 0; i < attributes && !r.failed; i++) { ca_free(cad_get(&r)); ca_free(cad_get(&r)); }
        for (int k = 0; k < 5; k++) ca_free(f[k]);
    }
    UINT closed = xml_session_close(h, &session, result == ERROR_SUCCESS);
    if (result == ERROR_SUCCESS) result = closed;
    if (com) CoUninitialize();
    ca_free(data);
    return result;
}

CA_EXPORT ExecXmlConfigRollback(MSIHANDLE h)
{
    return xml_restore_files(h, L"ExecXmlConfigRollback");
}
