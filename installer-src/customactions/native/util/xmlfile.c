/*
 * util:XmlFile: set, delete or create values in XML files, undone on uninstall and restored on rollback.
 *
 * SchedXmlFile (immediate, after DuplicateFiles) reads v4 Wix4XmlFile / v3 XmlFile:
 *   key, File (formatted path), ElementPath (formatted XPath or XSLPattern), Name (attribute; empty = the element's
 *   text), Value (formatted), Flags, Component_, Sequence
 * Flags (WiX's values): 0x1 create element Name under ElementPath, 0x2 delete the value, 0x4 set every matching
 * element (bulk), 0x100 ElementPath is XPath (else XSLPattern), 0x1000 keep the file's modified time,
 * 0x10000 leave the change in place on uninstall ("Permanent").
 * For each row whose component is installed, the change; for each row whose component is removed (unless permanent
 * or a delete), its undoing: a created element is deleted, a set value is deleted. Rows are applied in File,
 * Sequence order. Before anything changes, each file that exists now is copied whole into the rollback action's
 * data, and the rollback action writes those bytes back. A removal from a file that no longer exists (removed with
 * its component on uninstall) is logged and skipped, as WiX does.
 *
 * Deferred data, one record per change: op, file, xpath (1/0), keep-time (1/0), element path, name, value.
 * Rollback data, one record per file: file, existed (1/0), hex bytes.
 */
#include "ca.h"
#include "xmldoc.h"

#define XF_CREATE_ELEMENT 0x1
#define XF_DELETE_VALUE 0x2
#define XF_BULK_WRITE 0x4
#define XF_USE_XPATH 0x100
#define XF_PRESERVE_MODIFIED 0x1000
#define XF_DONT_UNINSTALL 0x10000

enum { OP_SET = 1, OP_SET_ALL = 2, OP_DELETE_VALUE = 3, OP_CREATE_ELEMENT = 4, OP_DELETE_ELEMENT = 5 };

static const WCHAR *exec_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4ExecXmlFile" CA_ARCH_V4 : L"ExecXmlFile" CA_ARCH_V3;
}

static const WCHAR *rollback_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4ExecXmlFileRollback" CA_ARCH_V4 : L"ExecXmlFileRollback" CA_ARCH_V3;
}

CA_EXPORT SchedXmlFile(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedXmlFile");
    ca_gen_t gen = ca_generation(h, L"Wix4XmlFile", L"XmlFile");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4XmlFile or XmlFile table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `XmlFile`, `File`, `ElementPath`, `Name`, `Value`, `Flags`, `Component_`, `Sequence` FROM `Wix4XmlFile` ORDER BY `File`, `Sequence`"
        : L"SELECT `XmlFile`, `File`, `ElementPath`, `Name`, `Value`, `Flags`, `Component_`, `Sequence` FROM `XmlFile` ORDER BY `File`, `Sequence`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    xml_seen_t seen = {0};
    UINT result = ERROR_SUCCESS;
    unsigned changes = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *raw_file = NULL, *raw_path = NULL, *raw_name = NULL, *raw_value = NULL, *component = NULL;
        WCHAR *file = NULL, *path = NULL, *name = NULL, *value = NULL;
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 2, &raw_file) || ca_record_string(h, rec, 3, &raw_path)
            || ca_record_string(h, rec, 4, &raw_name) || ca_record_string(h, rec, 5, &raw_value) || ca_record_string(h, rec, 7, &component)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int flags = ca_record_int(rec, 6, 0);
        int op = 0;
        if (ca_component_installing(h, component)) {
            op = (flags & XF_CREATE_ELEMENT) ? OP_CREATE_ELEMENT : (flags & XF_DELETE_VALUE) ? OP_DELETE_VALUE
               : (flags & XF_BULK_WRITE) ? OP_SET_ALL : OP_SET;
        } else if (ca_component_removing(h, component) && !(flags & (XF_DONT_UNINSTALL | XF_DELETE_VALUE))) {
            op = (flags & XF_CREATE_ELEMENT) ? OP_DELETE_ELEMENT : OP_DELETE_VALUE;
        }
        if (!op) goto next;
        if (ca_format(h, raw_file, &file) || ca_format(h, raw_path, &path) || ca_format(h, raw_name, &name) || ca_format(h, raw_value, &value)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!file[0] || !path[0]) {
            ca_log(h, L"row %ls: the file or the element path is empty after formatting", id);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if ((op == OP_CREATE_ELEMENT || op == OP_DELETE_ELEMENT) && !name[0]) {
            ca_log(h, L"row %ls: creating an element needs its name (Name column)", id);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (xml_seen_add(&seen, file)) {
            result = xml_capture_for_rollback(h, &rollback, file);
            if (result != ERROR_SUCCESS) goto next;
        }
        cad_put_int(&exec, op);
        cad_put(&exec, file);
        cad_put_int(&exec, (flags & XF_USE_XPATH) ? 1 : 0);
        cad_put_int(&exec, (flags & XF_PRESERVE_MODIFIED) ? 1 : 0);
        cad_put(&exec, path);
        cad_put(&exec, name);
        cad_put(&exec, value);
        changes++;
    next:
        ca_free(id); ca_free(raw_file); ca_free(raw_path); ca_free(raw_name); ca_free(raw_value); ca_free(component);
        ca_free(file); ca_free(path); ca_free(name); ca_free(value);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS && (exec.failed || rollback.failed)) {
        ca_log(h, L"too much XmlFile data");
        result = ERROR_INSTALL_FAILURE;
    }
    if (result == ERROR_SUCCESS && changes > 0) {
        /* The rollback first: it must be in the script before the change it undoes. */
        result = ca_schedule(h, rollback_action(gen), rollback.p);
        if (result == ERROR_SUCCESS) result = ca_schedule(h, exec_action(gen), exec.p);
    }
    if (result == ERROR_SUCCESS) ca_log(h, L"%u change(s) in %u file(s) scheduled", changes, (unsigned)seen.count);
    xml_seen_free(&seen);
    cs_free(&exec);
    cs_free(&rollback);
    return result;
}

/* ---- the deferred half ---- */

static HRESULT create_element(IXMLDOMDocument2 *doc, IXMLDOMNode *parent, const WCHAR *name, const WCHAR *value)
{
    IXMLDOMElement *element = NULL;
    IXMLDOMNode *added = NULL;
    BSTR n = SysAllocString(name);
    HRESULT hr = IXMLDOMDocument2_createElement(doc, n, &element);
    SysFreeString(n);
    if (FAILED(hr)) return hr;
    if (value[0]) {
        BSTR v = SysAllocString(value);
        hr = IXMLDOMElement_put_text(element, v);
        SysFreeString(v);
    }
    if (SUCCEEDED(hr)) hr = IXMLDOMNode_appendChild(parent, (IXMLDOMNode *)element, &added);
    if (added) IXMLDOMNode_Release(added);
    IXMLDOMElement_Release(element);
    return hr;
}

/* Deletes the last child element called name (the one a create added), whose text equals value when one is given. */
static HRESULT delete_element(IXMLDOMNode *parent, const WCHAR *name, const WCHAR *value)
{
    IXMLDOMNodeList *children = NULL;
    BSTR n = SysAllocString(name);
    HRESULT hr = IXMLDOMNode_selectNodes(parent, n, &children);
    SysFreeString(n);
    if (FAILED(hr) || !children) return hr;
    long count = 0;
    IXMLDOMNodeList_get_length(children, &count);
    IXMLDOMNode *victim = NULL;
    for (long i = count - 1; i >= 0 && !victim; i--) {
        IXMLDOMNode *child = NULL;
        if (FAILED(IXMLDOMNodeList_get_item(children, i, &child)) || !child) continue;
        BSTR text = NULL;
        if (!value[0] || (SUCCEEDED(IXMLDOMNode_get_text(child, &text)) && text && !wcscmp(text, value))) victim = child;
        else IXMLDOMNode_Release(child);
        SysFreeString(text);
    }
    IXMLDOMNodeList_Release(children);
    if (!victim) return S_FALSE;
    IXMLDOMNode *removed = NULL;
    hr = IXMLDOMNode_removeChild(parent, victim, &removed);
    if (removed) IXMLDOMNode_Release(removed);
    IXMLDOMNode_Release(victim);
    return hr;
}

static UINT apply(MSIHANDLE h, IXMLDOMDocument2 *doc, int op, const WCHAR *path, const WCHAR *name, const WCHAR *value)
{
    BSTR query = SysAllocString(path);
    HRESULT hr;
    UINT result = ERROR_SUCCESS;
    if (op == OP_SET_ALL) {
        IXMLDOMNodeList *nodes = NULL;
        hr = IXMLDOMDocument2_selectNodes(doc, query, &nodes);
        long count = 0;
        if (SUCCEEDED(hr) && nodes) IXMLDOMNodeList_get_length(nodes, &count);
        if (FAILED(hr) || count == 0) {
            ca_log(h, L"no element matches %ls", path);
            result = ERROR_INSTALL_FAILURE;
        }
        for (long i = 0; i < count && result == ERROR_SUCCESS; i++) {
            IXMLDOMNode *node = NULL;
            if (FAILED(IXMLDOMNodeList_get_item(nodes, i, &node)) || !node) continue;
            hr = xml_set_value(node, name, value);
            IXMLDOMNode_Release(node);
            if (FAILED(hr)) result = ca_fail_hr(h, L"setting a value", hr);
        }
        if (nodes) IXMLDOMNodeList_Release(nodes);
        if (result == ERROR_SUCCESS) ca_log(h, L"set %ls%ls%ls on %ld element(s) matching %ls", name[0] ? L"@" : L"text", name, L"", count, path);
    } else {
        IXMLDOMNode *node = NULL;
        hr = IXMLDOMDocument2_selectSingleNode(doc, query, &node);
        if (hr != S_OK || !node) {
            if (op == OP_DELETE_VALUE || op == OP_DELETE_ELEMENT) {
                ca_log(h, L"no element matches %ls: nothing to delete", path);
            } else {
                ca_log(h, L"no element matches %ls", path);
                result = ERROR_INSTALL_FAILURE;
            }
        } else {
            switch (op) {
            case OP_SET: hr = xml_set_value(node, name, value); break;
            case OP_DELETE_VALUE: hr = xml_delete_value(node, name); break;
            case OP_CREATE_ELEMENT: hr = create_element(doc, node, name, value); break;
            default: hr = delete_element(node, name, value); break;
            }
            if (FAILED(hr)) result = ca_fail_hr(h, L"changing the element", hr);
            else ca_log(h, L"%ls %ls%ls at %ls", op == OP_SET ? L"set" : op == OP_CREATE_ELEMENT ? L"created element" : L"deleted",
                        name[0] ? name : L"text", op == OP_SET ? L"" : L"", path);
            IXMLDOMNode_Release(node);
        }
    }
    SysFreeString(query);
    return result;
}

CA_EXPORT ExecXmlFile(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecXmlFile");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    BOOL com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    UINT result = ERROR_SUCCESS;
    xml_session_t session = {0};
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        int op = (int)cad_get_int(&r, OP_SET, OP_DELETE_ELEMENT);
        WCHAR *file = cad_get(&r);
        BOOL xpath = cad_get_int(&r, 0, 1) == 1;
        BOOL keep_time = cad_get_int(&r, 0, 1) == 1;
        WCHAR *path = cad_get(&r), *name = cad_get(&r), *value = cad_get(&r);
        IXMLDOMDocument2 *doc = NULL;
        if (r.failed) {
            result = cad_fail(h, &r);
        } else if ((op == OP_DELETE_VALUE || op == OP_DELETE_ELEMENT) && xml_session_file_gone(&session, file)) {
            /* As WiX does: a removal from a file that is gone (its own component removed it on uninstall) has
             * nothing to do; only changes that add to a file need it. */
            ca_log(h, L"%ls is gone; nothing to remove from it", file);
        } else if ((result = xml_session_use(h, &session, file, xpath, keep_time, &doc)) == ERROR_SUCCESS) {
            result = apply(h, doc, op, path, name, value);
        }
        ca_free(file); ca_free(path); ca_free(name); ca_free(value);
    }
    UINT closed = xml_session_close(h, &session, result == ERROR_SUCCESS);
    if (result == ERROR_SUCCESS) result = closed;
    if (com) CoUninitialize();
    ca_free(data);
    return result;
}

CA_EXPORT ExecXmlFileRollback(MSIHANDLE h)
{
    return xml_restore_files(h, L"ExecXmlFileRollback");
}
