/*
 * ValidatePath: the WixUI dialogs' check of the folder the user chose (WiX's UI extension library, WixUiCa_* /
 * WixUIWixca). WIXUI_INSTALLDIR names the folder property; its value is judged and WIXUI_INSTALLDIR_VALID set to "1"
 * or "0", which the dialogs test before going on (InvalidDirDlg otherwise). The rule is WiX's documented behaviour:
 * an installation folder must not be a UNC path, nor on a network (remote) drive, nor on a removable, CD-ROM, RAM
 * or unknown drive. A drive type that cannot be determined (no root) counts as unknown, so the folder is refused.
 * Only the property is set; the action fails only when a property cannot be read or set.
 */
#include "ca.h"
#include <shlwapi.h>

/* The drive type of the path's root ("C:\" for "C:\Program Files\X"); DRIVE_NO_ROOT_DIR when it has no root. */
static UINT drive_type(const WCHAR *path)
{
    WCHAR *root = ca_wcsdup(path);
    if (root == NULL) return DRIVE_UNKNOWN;
    UINT type = PathStripToRootW(root) ? GetDriveTypeW(root) : DRIVE_NO_ROOT_DIR;
    ca_free(root);
    return type;
}

CA_EXPORT ValidatePath(MSIHANDLE h)
{
    ca_log_begin(h, L"ValidatePath");
    WCHAR *property = NULL, *path = NULL;
    UINT rc = ca_get_property(h, L"WIXUI_INSTALLDIR", &property);
    if (rc != ERROR_SUCCESS) return rc;
    if (property[0] == L'\0') {
        ca_log(h, L"WIXUI_INSTALLDIR is not set: it names the property that holds the installation folder");
        ca_free(property);
        return ca_set_property(h, L"WIXUI_INSTALLDIR_VALID", L"0") == ERROR_SUCCESS ? ERROR_SUCCESS : ERROR_INSTALL_FAILURE;
    }
    rc = ca_get_property(h, property, &path);
    if (rc != ERROR_SUCCESS) {
        ca_free(property);
        return rc;
    }
    BOOL unc = PathIsUNCW(path);
    UINT type = unc ? DRIVE_REMOTE : drive_type(path);
    BOOL remote = type == DRIVE_REMOTE;
    BOOL removable = type == DRIVE_REMOVABLE || type == DRIVE_CDROM || type == DRIVE_RAMDISK || type == DRIVE_UNKNOWN
            || type == DRIVE_NO_ROOT_DIR;
    BOOL valid = !unc && !remote && !removable;
    if (valid) {
        ca_log(h, L"%ls = '%ls' is on a fixed local drive: valid", property, path);
    } else {
        ca_log(h, L"%ls = '%ls' is not valid for installing into: %ls", property, path,
               unc ? L"a UNC path" : remote ? L"on a network drive" : type == DRIVE_NO_ROOT_DIR ? L"not a full path with a drive"
                                                                       : L"on a removable, CD-ROM, RAM or unknown drive");
    }
    rc = ca_set_property(h, L"WIXUI_INSTALLDIR_VALID", valid ? L"1" : L"0");
    ca_free(property);
    ca_free(path);
    return rc == ERROR_SUCCESS ? ERROR_SUCCESS : ERROR_INSTALL_FAILURE;
}
