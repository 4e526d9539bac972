package dev.ssprkit.uipreview.model;

/**
 * The bits of the Control table's Attributes column, from the MSI SDK's "Control Attributes" page (names are the
 * SDK's {@code msidbControlAttributes...} constants without the prefix). Bits from 16 upward mean different things
 * for different control types, so each has the type it belongs to in its name or comment.
 */
public final class ControlAttributes {
    private ControlAttributes() {}

    public static final int VISIBLE = 0x1;
    public static final int ENABLED = 0x2;
    public static final int SUNKEN = 0x4;
    public static final int INDIRECT = 0x8;
    public static final int INTEGER = 0x10;
    public static final int RTL_READING_ORDER = 0x20;
    public static final int RIGHT_ALIGNED = 0x40;
    public static final int LEFT_SCROLL = 0x80;

    /** Text, Hyperlink: the dialog shows through. */
    public static final int TRANSPARENT = 0x10000;
    /** Text: an ampersand is shown as written, not as a mnemonic. */
    public static final int NO_PREFIX = 0x20000;
    /** Text: one line, no word wrap. */
    public static final int NO_WRAP = 0x40000;
    /** Text: the text is a number of bytes, shown in KB/MB/GB. */
    public static final int FORMAT_SIZE = 0x80000;
    /** Edit: several lines. */
    public static final int MULTILINE = 0x10000;
    /** Edit: characters shown as bullets. */
    public static final int PASSWORD = 0x200000;
    /** ProgressBar: drawn as blocks (Windows 95 style). */
    public static final int PROGRESS95 = 0x10000;
    /** ListBox, ComboBox, ListView: items sorted by text. */
    public static final int SORTED = 0x10000;
    /** ComboBox: a drop-down list (no typing). */
    public static final int COMBO_LIST = 0x20000;
    /** PushButton, CheckBox, RadioButtonGroup: draws like a push button. */
    public static final int PUSH_LIKE = 0x20000;
    /** PushButton, CheckBox, RadioButton: the Text is the Binary row of a bitmap. */
    public static final int BITMAP = 0x40000;
    /** PushButton, CheckBox, RadioButton: the Text is the Binary row of an icon. */
    public static final int ICON = 0x80000;
    /** Bitmap, Icon and image buttons: the image keeps its own size instead of filling the control. */
    public static final int FIXED_SIZE = 0x100000;
    public static final int ICON_SIZE_16 = 0x200000;
    public static final int ICON_SIZE_32 = 0x400000;
    public static final int ICON_SIZE_48 = 0x600000;
    /** PushButton: the UAC shield in front of the text. */
    public static final int ELEVATION_SHIELD = 0x800000;
    /** RadioButtonGroup: a frame (with the control's text as its caption). */
    public static final int HAS_BORDER = 0x1000000;

    public static boolean has(int attributes, int bit) {
        return (attributes & bit) == bit;
    }
}
