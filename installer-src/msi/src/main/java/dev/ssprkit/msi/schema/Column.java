package dev.ssprkit.msi.schema;

/**
 * One column of a table, declared once: what the writer stores ({@link #typeWord()}), what the reader expects, and
 * what {@code _Validation} says about it.
 *
 * @param size       maximum characters for strings (0 = unlimited); 2 or 4 for integers; 0 for binary
 * @param keyTable   {@code _Validation.KeyTable}: the table(s) this column references, or null
 * @param keyColumn  {@code _Validation.KeyColumn}: 1-based column in {@code keyTable}, or null
 */
public record Column(String name, ColumnKind kind, int size, boolean nullable, boolean key, boolean localizable,
                     Category category, Long minValue, Long maxValue, String keyTable, Integer keyColumn, String set,
                     String description) {

    // Type-word bits (msipriv.h): low byte = size.
    public static final int VALID = 0x0100;
    public static final int LOCALIZABLE = 0x0200;
    public static final int NON_BINARY = 0x0400;
    public static final int STRING = 0x0800;
    public static final int NULLABLE = 0x1000;
    public static final int KEY = 0x2000;
    public static final int TEMPORARY = 0x4000;

    public Column {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("column name is empty");
        switch (kind) {
            case STRING -> {
                if (size < 0 || size > 255) throw new IllegalArgumentException(name + ": string size " + size + " not in 0..255");
            }
            case INT16 -> size = 2;
            case INT32 -> size = 4;
            case BINARY -> size = 0;
        }
    }

    /** The {@code _Columns.Type} word, as the MSI SQL engine would produce it. */
    public int typeWord() {
        int t = switch (kind) {
            case STRING -> VALID | NON_BINARY | STRING | size | (localizable ? LOCALIZABLE : 0);
            case INT16 -> VALID | NON_BINARY | 2;
            case INT32 -> VALID | 4;
            case BINARY -> VALID | STRING;
        };
        if (nullable) t |= NULLABLE;
        if (key) t |= KEY;
        return t;
    }

    /** The column a stored {@code _Columns} row describes (no validation metadata: the file does not carry it). */
    public static Column fromTypeWord(String name, int type) {
        boolean nullable = (type & NULLABLE) != 0;
        boolean key = (type & KEY) != 0;
        boolean localizable = (type & LOCALIZABLE) != 0;
        ColumnKind kind;
        int size = type & 0xFF;
        if ((type & STRING) != 0) {
            kind = (type & NON_BINARY) != 0 ? ColumnKind.STRING : ColumnKind.BINARY;
        } else {
            kind = size == 4 ? ColumnKind.INT32 : ColumnKind.INT16;
        }
        return new Column(name, kind, size, nullable, key, localizable, null, null, null, null, null, null, null);
    }

    /** Same storage (name and type word); validation metadata is ignored. */
    public boolean sameStorage(Column other) {
        return name.equals(other.name) && typeWord() == other.typeWord();
    }

    /** The IDT column type as {@code msiinfo export} prints it: s72, S255, l0, i2, I4, v0... */
    public String idtType() {
        char c = switch (kind) {
            case STRING -> localizable ? 'l' : 's';
            case INT16, INT32 -> 'i';
            case BINARY -> 'v';
        };
        if (nullable) c = Character.toUpperCase(c);
        return c + Integer.toString(size);
    }

    public boolean isString() {
        return kind == ColumnKind.STRING;
    }

    public boolean isInteger() {
        return kind == ColumnKind.INT16 || kind == ColumnKind.INT32;
    }

    public boolean isBinary() {
        return kind == ColumnKind.BINARY;
    }
}
