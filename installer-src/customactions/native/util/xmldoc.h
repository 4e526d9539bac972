/* Shared by xmlfile.c and xmlconfig.c: see xmldoc.c. */
#ifndef SSPRKIT_XMLDOC_H
#define SSPRKIT_XMLDOC_H

#include "ca.h"
#include <msxml2.h>

extern const CLSID xml_clsid_dom30;
extern const IID xml_iid_dom2;
extern const IID xml_iid_element;

/* Files already copied for rollback in this run (a file with several rows is copied once). */
typedef struct { WCHAR **names; size_t count, cap; } xml_seen_t;
/* TRUE when name was not seen before (and is now); FALSE when seen or out of memory. */
BOOL xml_seen_add(xml_seen_t *s, const WCHAR *name);
void xml_seen_free(xml_seen_t *s);
/* Appends the file's bytes (or "did not exist") to the rollback data: file, existed (1/0), hex bytes. */
UINT xml_capture_for_rollback(MSIHANDLE h, cs_t *rollback, const WCHAR *file);
/* The rollback action: writes each captured file back. entry names the action in the log. */
UINT xml_restore_files(MSIHANDLE h, const WCHAR *entry);

VARIANT xml_bstr_variant(const WCHAR *s);
HRESULT xml_open(MSIHANDLE h, const WCHAR *file, BOOL xpath, IXMLDOMDocument2 **doc);
/* name empty: the element's text; else the attribute. */
HRESULT xml_set_value(IXMLDOMNode *node, const WCHAR *name, const WCHAR *value);
HRESULT xml_delete_value(IXMLDOMNode *node, const WCHAR *name);
UINT xml_save(MSIHANDLE h, IXMLDOMDocument2 *doc, const WCHAR *file, BOOL keep_time);

/*
 * The document a deferred action is changing: consecutive changes to one file share one load and one save.
 * xml_session_use returns the document for file (saving and closing the previous one first when the file or the
 * selection language differs); xml_session_close saves the last one when ok, and releases it either way.
 */
typedef struct { IXMLDOMDocument2 *doc; WCHAR *file; BOOL xpath, keep_time; } xml_session_t;
UINT xml_session_use(MSIHANDLE h, xml_session_t *s, const WCHAR *file, BOOL xpath, BOOL keep_time, IXMLDOMDocument2 **doc);
/* TRUE when a removal has nothing to work on: the file is neither open nor on disk (gone with its component). */
BOOL xml_session_file_gone(const xml_session_t *s, const WCHAR *file);
UINT xml_session_close(MSIHANDLE h, xml_session_t *s, BOOL ok);

#endif
