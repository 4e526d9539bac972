package dev.ssprkit.msi.schema;

/** The {@code _Validation.Category} values (the MSI SDK's column data types). */
public enum Category {
    TEXT("Text"), UPPER_CASE("UpperCase"), LOWER_CASE("LowerCase"), INTEGER("Integer"), DOUBLE_INTEGER("DoubleInteger"),
    TIME_DATE("TimeDate"), IDENTIFIER("Identifier"), PROPERTY("Property"), FILENAME("Filename"),
    WILD_CARD_FILENAME("WildCardFilename"), PATH("Path"), PATHS("Paths"), ANY_PATH("AnyPath"), DEFAULT_DIR("DefaultDir"),
    REG_PATH("RegPath"), FORMATTED("Formatted"), FORMATTED_SDDL("FormattedSDDLText"), TEMPLATE("Template"),
    CONDITION("Condition"), GUID("Guid"), VERSION("Version"), LANGUAGE("Language"), BINARY("Binary"),
    CUSTOM_SOURCE("CustomSource"), CABINET("Cabinet"), SHORTCUT("Shortcut"), KEY_FORMATTED("KeyFormatted");

    private final String msiName;

    Category(String msiName) {
        this.msiName = msiName;
    }

    /** The spelling used in {@code _Validation}. */
    public String msiName() {
        return msiName;
    }

    /** The category a {@code _Validation.Category} cell names, or null for an empty cell or a name the SDK no longer has. */
    public static Category fromMsiName(String name) {
        if (name == null) return null;
        for (Category c : values()) if (c.msiName.equals(name)) return c;
        return null;
    }
}
