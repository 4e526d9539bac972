package dev.ssprkit.registry;

/** The registry value types this toolkit reads and writes, with their Windows type numbers. */
public enum ValueType {
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_MULTI_SZ(7),
    REG_QWORD(11);

    public final int code;

    ValueType(int code) {
        this.code = code;
    }

    public static ValueType ofCode(int code) {
        for (ValueType t : values()) if (t.code == code) return t;
        return null;
    }
}
