package dev.ssprkit.wix.compile.core;

import java.util.Arrays;
import java.util.List;

/**
 * What each control type allows, from the MSI SDK's Control Attributes page: the names of its type-specific
 * attribute bits (bit 16 upward, null where a bit has no name for the type), whether it takes the focus (and so
 * joins the dialog's tab order) and whether it is created disabled (static controls).
 */
final class ControlTypes {
    static final String WITH_ICONS = "PushButton, CheckBox, RadioButtonGroup, Icon, ListView";

    record Kind(List<String> specialBits, boolean tabbable, boolean disabledByDefault) {}

    private static List<String> bits(String... names) {
        return Arrays.asList(names);
    }

    private static final List<String> NONE = List.of();
    private static final List<String> TEXT = bits("Transparent", "NoPrefix", "NoWrap", "FormatSize", "UserLanguage");
    private static final List<String> HYPERLINK = bits("Transparent");
    private static final List<String> EDIT = bits("Multiline", null, null, null, null, "Password");
    private static final List<String> PROGRESS = bits("ProgressBlocks");
    private static final List<String> VOLUME = bits("Removable", "Fixed", "Remote", "CDROM", "RAMDisk", "Floppy", "ShowRollbackCost");
    private static final List<String> LISTBOX = bits("Sorted", null, null, null, "UserLanguage");
    private static final List<String> LISTVIEW = bits("Sorted", null, null, null, "FixedSize", "Icon16", "Icon32");
    private static final List<String> COMBOBOX = bits("Sorted", "ComboList", null, null, "UserLanguage");
    private static final List<String> RADIO = bits("Image", "PushLike", "Bitmap", "Icon", "FixedSize", "Icon16", "Icon32", null, "HasBorder");
    private static final List<String> BUTTON = bits("Image", null, "Bitmap", "Icon", "FixedSize", "Icon16", "Icon32", "ElevationShield");
    private static final List<String> ICON = bits("Image", null, null, null, "FixedSize", "Icon16", "Icon32");
    private static final List<String> BITMAP = bits("Image", null, null, null, "FixedSize");
    private static final List<String> CHECKBOX = bits(null, "PushLike", "Bitmap", "Icon", "FixedSize", "Icon16", "Icon32");

    private ControlTypes() {}

    /** The rules for a Type value; unknown types (custom controls) get no special bits and no focus. */
    static Kind of(String type) {
        if (type == null) return new Kind(NONE, false, false);
        return switch (type) {
            case "Billboard" -> new Kind(NONE, false, true);
            case "Bitmap" -> new Kind(BITMAP, false, true);
            case "CheckBox" -> new Kind(CHECKBOX, true, false);
            case "ComboBox" -> new Kind(COMBOBOX, true, false);
            case "DirectoryCombo", "VolumeSelectCombo" -> new Kind(VOLUME, true, false);
            case "DirectoryList", "ScrollableText", "SelectionTree" -> new Kind(NONE, true, false);
            case "Edit", "MaskedEdit", "PathEdit" -> new Kind(EDIT, true, false);
            case "GroupBox" -> new Kind(NONE, false, false);
            case "Hyperlink" -> new Kind(HYPERLINK, true, false);
            case "Icon" -> new Kind(ICON, false, true);
            case "Line" -> new Kind(NONE, false, true);
            case "ListBox" -> new Kind(LISTBOX, true, false);
            case "ListView" -> new Kind(LISTVIEW, true, false);
            case "ProgressBar" -> new Kind(PROGRESS, false, true);
            case "PushButton" -> new Kind(BUTTON, true, false);
            case "RadioButtonGroup" -> new Kind(RADIO, true, false);
            case "Text" -> new Kind(TEXT, false, false);
            case "VolumeCostList" -> new Kind(VOLUME, false, false);
            default -> new Kind(NONE, false, false);
        };
    }
}
