package dev.ssprkit.msi.schema;

/**
 * A small builder so that table schemas read like the SDK's table pages:
 * {@code Col.s("File", 72).key().cat(IDENTIFIER)}, {@code Col.i2("Attributes").nullable().range(0, 32767)}.
 */
public final class Col {
    private final String name;
    private final ColumnKind kind;
    private final int size;
    private boolean nullable;
    private boolean key;
    private boolean localizable;
    private Category category;
    private Long min;
    private Long max;
    private String keyTable;
    private Integer keyColumn;
    private String set;
    private String description;

    private Col(String name, ColumnKind kind, int size) {
        this.name = name;
        this.kind = kind;
        this.size = size;
    }

    /** A string column of at most {@code size} characters (0 = unlimited). */
    public static Col s(String name, int size) {
        return new Col(name, ColumnKind.STRING, size);
    }

    /** A localizable string column. */
    public static Col l(String name, int size) {
        Col c = s(name, size);
        c.localizable = true;
        return c;
    }

    public static Col i2(String name) {
        return new Col(name, ColumnKind.INT16, 2);
    }

    public static Col i4(String name) {
        return new Col(name, ColumnKind.INT32, 4);
    }

    /** A binary (stream) column. */
    public static Col v(String name) {
        return new Col(name, ColumnKind.BINARY, 0).cat(Category.BINARY);
    }

    public Col key() {
        key = true;
        return this;
    }

    public Col nullable() {
        nullable = true;
        return this;
    }

    public Col cat(Category c) {
        category = c;
        return this;
    }

    public Col range(long min, long max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** Only an upper bound ({@code _Validation.MinValue} stays empty), as a few SDK columns have it. */
    public Col max(long max) {
        this.max = max;
        return this;
    }

    /** A foreign key: {@code _Validation.KeyTable} / {@code KeyColumn}. */
    public Col ref(String table, int column) {
        keyTable = table;
        keyColumn = column;
        return this;
    }

    public Col ref(String table) {
        return ref(table, 1);
    }

    public Col set(String values) {
        set = values;
        return this;
    }

    public Col doc(String text) {
        description = text;
        return this;
    }

    public Column build() {
        return new Column(name, kind, size, nullable, key, localizable, category, min, max, keyTable, keyColumn, set, description);
    }
}
