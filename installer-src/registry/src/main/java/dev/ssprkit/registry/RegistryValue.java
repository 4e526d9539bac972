package dev.ssprkit.registry;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed value: a String (REG_SZ, REG_EXPAND_SZ), a List of String (REG_MULTI_SZ), an Integer (REG_DWORD, kept as
 * the signed 32-bit pattern), a Long (REG_QWORD) or a byte array (REG_BINARY).
 */
public final class RegistryValue {
    private final ValueType type;
    private final Object data;

    private RegistryValue(ValueType type, Object data) {
        this.type = type;
        this.data = data;
    }

    public static RegistryValue string(String s) {
        return new RegistryValue(ValueType.REG_SZ, Objects.requireNonNull(s));
    }

    public static RegistryValue expandString(String s) {
        return new RegistryValue(ValueType.REG_EXPAND_SZ, Objects.requireNonNull(s));
    }

    public static RegistryValue multiString(List<String> values) {
        for (String v : values) {
            if (v.isEmpty()) throw new IllegalArgumentException("REG_MULTI_SZ cannot hold an empty string (it ends the list)");
            if (v.indexOf('\0') >= 0) throw new IllegalArgumentException("REG_MULTI_SZ strings cannot contain NUL");
        }
        return new RegistryValue(ValueType.REG_MULTI_SZ, List.copyOf(values));
    }

    public static RegistryValue dword(int value) {
        return new RegistryValue(ValueType.REG_DWORD, value);
    }

    public static RegistryValue qword(long value) {
        return new RegistryValue(ValueType.REG_QWORD, value);
    }

    public static RegistryValue binary(byte[] bytes) {
        return new RegistryValue(ValueType.REG_BINARY, bytes.clone());
    }

    public ValueType type() {
        return type;
    }

    public String asString() {
        if (data instanceof String s) return s;
        throw new IllegalStateException(type + " is not a string");
    }

    @SuppressWarnings("unchecked")
    public List<String> asList() {
        if (type == ValueType.REG_MULTI_SZ) return (List<String>) data;
        throw new IllegalStateException(type + " is not REG_MULTI_SZ");
    }

    public int asInt() {
        if (data instanceof Integer i) return i;
        throw new IllegalStateException(type + " is not REG_DWORD");
    }

    /** A DWORD as unsigned, or a QWORD. */
    public long asLong() {
        if (data instanceof Integer i) return Integer.toUnsignedLong(i);
        if (data instanceof Long l) return l;
        throw new IllegalStateException(type + " is not a number");
    }

    public byte[] asBytes() {
        if (data instanceof byte[] b) return b.clone();
        throw new IllegalStateException(type + " is not REG_BINARY");
    }

    /** The value as {@code reg query} prints it: 0x1 for a DWORD, hex for binary, {@code a\0b} for multi-strings. */
    public String display() {
        return switch (type) {
            case REG_SZ, REG_EXPAND_SZ -> (String) data;
            case REG_MULTI_SZ -> String.join("\\0", asList());
            case REG_DWORD -> "0x" + Integer.toHexString((Integer) data);
            case REG_QWORD -> "0x" + Long.toHexString((Long) data);
            case REG_BINARY -> HexFormat.of().withUpperCase().formatHex((byte[]) data);
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegistryValue v) || v.type != type) return false;
        return data instanceof byte[] b ? Arrays.equals(b, (byte[]) v.data) : data.equals(v.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + (data instanceof byte[] b ? Arrays.hashCode(b) : data.hashCode());
    }

    @Override
    public String toString() {
        return type + ":" + display();
    }
}
