package dev.ssprkit.registry;

import dev.ssprkit.common.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A .reg file as a {@link RegistryStore}: the keys and values it sets, plus the deletions it carries
 * ({@code [-KEY]} and {@code "name"=-}). {@link #write} produces what regedit writes — "Windows Registry Editor
 * Version 5.00", UTF-16LE with a byte-order mark, CRLF, {@code dword:}, {@code hex(2)}/{@code hex(7)}/{@code hex(b)}/
 * {@code hex:} with continuation lines — and {@link #read} accepts that and ANSI {@code REGEDIT4} files.
 *
 * <p>A REG_SZ holding CR, LF or NUL is written as {@code hex(1)}: regedit has no portable escape for them.
 */
public final class RegFile extends InMemoryRegistry {
    public static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    public static final String HEADER_V4 = "REGEDIT4";
    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final int MAX_FILE = 64 << 20;
    private static final int LINE_WIDTH = 80;

    private final Set<RegistryKey> deletedKeys = new LinkedHashSet<>();
    private final Map<RegistryKey, Set<String>> deletedValues = new LinkedHashMap<>();
    /** Where each value line or key deletion was read ({@code KEY} or {@code KEY\0NAME}, upper case → line number). */
    private final Map<String, Integer> lines = new java.util.HashMap<>();

    private static String lineKey(RegistryKey key, String name) {
        return key.toString().toUpperCase(Locale.ROOT) + (name == null ? "" : "\0" + name.toUpperCase(Locale.ROOT));
    }

    /** The line a value was read from (the last one that set or deleted it), or 0 when it was not parsed from text. */
    public int lineOf(RegistryKey key, String name) {
        return lines.getOrDefault(lineKey(key, name == null ? "" : name), 0);
    }

    /** The line a key deletion ({@code [-KEY]}) was read from, or 0. */
    public int lineOfKeyDeletion(RegistryKey key) {
        return lines.getOrDefault(lineKey(key, null), 0);
    }

    /** Keys the file deletes, in order. */
    public Set<RegistryKey> deletedKeys() {
        return deletedKeys;
    }

    /** Values the file deletes, by key. */
    public Map<RegistryKey, Set<String>> deletedValues() {
        return deletedValues;
    }

    @Override
    public void set(RegistryKey key, String name, RegistryValue value) {
        Set<String> d = deletedValues.get(key);
        if (d != null) d.removeIf(n -> n.equalsIgnoreCase(name == null ? "" : name));
        super.set(key, name, value);
    }

    /** Records a value deletion ({@code "name"=-}); true when the file set that value before. */
    @Override
    public boolean delete(RegistryKey key, String name) {
        boolean had = super.delete(key, name);
        deletedValues.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name == null ? "" : name);
        return had;
    }

    /** Records a key deletion ({@code [-KEY]}); true when the file set that key before. */
    @Override
    public boolean deleteKey(RegistryKey key) {
        boolean had = super.deleteKey(key);
        deletedValues.keySet().removeIf(k -> k.isUnder(key));
        deletedKeys.add(key);
        return had;
    }

    // ---------------------------------------------------------------- writing

    /** Writes the file whole or not at all ({@link AtomicFile}): a failed rewrite keeps the previous .reg. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, toBytes());
    }

    /** UTF-16LE with BOM, as regedit's "Registration Files (*.reg)". */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(format().getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    /** The text of the file (CRLF line ends). */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER_V5).append("\r\n\r\n");
        for (RegistryKey k : deletedKeys) sb.append("[-").append(k.longName()).append("]\r\n\r\n");
        Set<RegistryKey> written = new LinkedHashSet<>(keys());
        written.addAll(deletedValues.keySet());
        for (RegistryKey k : written) {
            Map<String, RegistryValue> values = values(k);
            Set<String> deletions = deletedValues.getOrDefault(k, Set.of());
            if (values.isEmpty() && deletions.isEmpty() && hasChild(k)) continue; // created implicitly as a parent
            sb.append('[').append(k.longName()).append("]\r\n");
            for (Map.Entry<String, RegistryValue> e : values.entrySet()) sb.append(valueLine(e.getKey(), e.getValue()));
            for (String d : deletions) sb.append(name(d)).append("=-\r\n");
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private boolean hasChild(RegistryKey k) {
        for (RegistryKey other : keys()) if (!other.equals(k) && other.isUnder(k)) return true;
        return false;
    }

    private static String name(String n) {
        return n == null || n.isEmpty() ? "@" : quote(n);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String valueLine(String name, RegistryValue v) {
        String prefix = name(name) + "=";
        return switch (v.type()) {
            case REG_SZ -> {
                String s = v.asString();
                yield s.indexOf('\r') < 0 && s.indexOf('\n') < 0 && s.indexOf('\0') < 0
                        ? prefix + quote(s) + "\r\n"
                        : hexLine(prefix + "hex(1):", utf16z(s));
            }
            case REG_EXPAND_SZ -> hexLine(prefix + "hex(2):", utf16z(v.asString()));
            case REG_MULTI_SZ -> hexLine(prefix + "hex(7):", multi(v.asList()));
            case REG_DWORD -> prefix + String.format(Locale.ROOT, "dword:%08x", v.asInt()) + "\r\n";
            case REG_QWORD -> hexLine(prefix + "hex(b):", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v.asLong()).array());
            case REG_BINARY -> hexLine(prefix + "hex:", v.asBytes());
        };
    }

    private static byte[] utf16z(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] multi(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String s : values) sb.append(s).append('\0');
        sb.append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    /** {@code prefix xx,xx,...} wrapped as regedit does: lines of at most 80 characters ending in {@code ,\}. */
    private static String hexLine(String prefix, byte[] data) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(prefix);
        for (int i = 0; i < data.length; i++) {
            String piece = String.format(Locale.ROOT, "%02x", data[i] & 0xFF) + (i + 1 < data.length ? "," : "");
            if (line.length() + piece.length() > LINE_WIDTH - 2 && i + 1 < data.length) {
                out.append(line).append("\\\r\n");
                line = new StringBuilder("  ");
            }
            line.append(piece);
        }
        return out.append(line).append("\r\n").toString();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a whole-hive export ({@code reg export HKLM hklm.reg}) for checking only: values of types this class does
     * not model (REG_NONE, resource lists, REG_QWORD-like vendor types...) are skipped and counted in
     * {@link #skippedValues()} instead of failing the file. Never write such a file back: the skipped values would be lost.
     */
    public static RegFile readForChecking(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) throw new RegFileException(0, file + " is larger than " + MAX_FILE + " bytes");
        RegFile reg = new RegFile();
        reg.skipUnknownTypes = true;
        return parseInto(reg, decode(dev.ssprkit.common.FileBytes.read(file)));
    }

    private boolean skipUnknownTypes;
    private int skippedValues;

    /** Values {@link #readForChecking} skipped because their type is not modelled. */
    public int skippedValues() {
        return skippedValues;
    }

    public static RegFile read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) throw new RegFileException(file, 0, "larger than " + MAX_FILE + " bytes; not a registry export");
        try {
            return parse(dev.ssprkit.common.FileBytes.read(file));
        } catch (RegFileException e) {
            throw e.in(file);
        }
    }

    /** Parses a .reg file: UTF-16LE (BOM FF FE), UTF-8 (with BOM) or ANSI (REGEDIT4). */
    public static RegFile parse(byte[] bytes) throws RegFileException {
        return parse(decode(bytes));
    }

    private static String decode(byte[] bytes) {
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else {
            text = new String(bytes, ANSI);
        }
        return text;
    }

    public static RegFile parse(String text) throws RegFileException {
        return parseInto(new RegFile(), text);
    }

    private static RegFile parseInto(RegFile reg, String text) throws RegFileException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) throw new RegFileException(1, "empty file");
        String header = lines[first].strip();
        boolean unicode;
        if (header.equals(HEADER_V5)) unicode = true;
        else if (header.equals(HEADER_V4)) unicode = false;
        else throw new RegFileException(first + 1, "expected '" + HEADER_V5 + "' or '" + HEADER_V4 + "', found '" + header + "'");
        RegistryKey current = null;
        for (int i = first + 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) throw new RegFileException(lineNo, "a key line must end with ]");
                boolean delete = line.startsWith("[-");
                String name = line.substring(delete ? 2 : 1, line.length() - 1);
                RegistryKey key;
                try {
                    key = RegistryKey.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new RegFileException(lineNo, e.getMessage());
                }
                if (delete) {
                    reg.deleteKey(key);
                    reg.lines.put(lineKey(key, null), lineNo);
                    current = null;
                } else {
                    reg.createKey(key);
                    current = key;
                }
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && isHexValue(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].strip());
            }
            if (current == null) throw new RegFileException(lineNo, "a value outside of a key (or under a deleted key)");
            parseValue(reg, current, logical.toString(), unicode, lineNo);
        }
        return reg;
    }

    private static boolean isHexValue(CharSequence logical) {
        String s = logical.toString();
        int eq = s.indexOf("=hex");
        return eq > 0;
    }

    private static void parseValue(RegFile reg, RegistryKey key, String line, boolean unicode, int lineNo) throws RegFileException {
        String[] named = new String[1];
        try {
            parseValue(reg, key, line, unicode, lineNo, named);
        } finally {
            if (named[0] != null) reg.lines.put(lineKey(key, named[0]), lineNo);
        }
    }

    private static void parseValue(RegFile reg, RegistryKey key, String line, boolean unicode, int lineNo, String[] named) throws RegFileException {
        String name;
        int pos;
        if (line.startsWith("@")) {
            name = "";
            pos = 1;
        } else if (line.startsWith("\"")) {
            int[] end = new int[1];
            name = unquote(line, 0, end, lineNo);
            pos = end[0];
        } else {
            throw new RegFileException(lineNo, "expected a value name in quotes or @");
        }
        named[0] = name;
        while (pos < line.length() && line.charAt(pos) == ' ') pos++;
        if (pos >= line.length() || line.charAt(pos) != '=') throw new RegFileException(lineNo, "expected = after the value name");
        String data = line.substring(pos + 1).strip();
        if (data.equals("-")) {
            reg.delete(key, name);
            return;
        }
        if (data.startsWith("\"")) {
            int[] end = new int[1];
            String s = unquote(data, 0, end, lineNo);
            if (!data.substring(end[0]).isBlank()) throw new RegFileException(lineNo, "text after the closing quote");
            reg.set(key, name, RegistryValue.string(s));
            return;
        }
        String lower = data.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dword:")) {
            String hex = data.substring(6).strip();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) throw new RegFileException(lineNo, "dword: needs 1 to 8 hex digits, found '" + hex + "'");
            reg.set(key, name, RegistryValue.dword((int) Long.parseLong(hex, 16)));
            return;
        }
        int type;
        String hexData;
        if (lower.startsWith("hex:")) {
            type = ValueType.REG_BINARY.code;
            hexData = data.substring(4);
        } else if (lower.startsWith("hex(")) {
            int close = data.indexOf("):");
            if (close < 0) throw new RegFileException(lineNo, "hex( without ):");
            try {
                long t = Long.parseLong(data.substring(4, close), 16);
                type = t > Integer.MAX_VALUE ? -1 : (int) t;
            } catch (NumberFormatException e) {
                throw new RegFileException(lineNo, "bad type in " + data.substring(0, close + 2));
            }
            hexData = data.substring(close + 2);
        } else {
            throw new RegFileException(lineNo, "unknown value data '" + abbreviate(data) + "'");
        }
        byte[] bytes = hexBytes(hexData, lineNo);
        Charset strings = unicode ? StandardCharsets.UTF_16LE : ANSI;
        RegistryValue v = switch (type) {
            case 1 -> RegistryValue.string(stripNul(new String(bytes, strings)));
            case 2 -> RegistryValue.expandString(stripNul(new String(bytes, strings)));
            case 3 -> RegistryValue.binary(bytes);
            case 4 -> {
                if (bytes.length != 4) throw new RegFileException(lineNo, "hex(4) needs 4 bytes, found " + bytes.length);
                yield RegistryValue.dword(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
            }
            case 7 -> {
                List<String> parts = new ArrayList<>();
                for (String s : new String(bytes, strings).split("\0")) if (!s.isEmpty()) parts.add(s);
                yield RegistryValue.multiString(parts);
            }
            case 11 -> {
                if (bytes.length != 8) throw new RegFileException(lineNo, "hex(b) needs 8 bytes, found " + bytes.length);
                yield RegistryValue.qword(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong());
            }
            default -> {
                if (reg.skipUnknownTypes) {
                    reg.skippedValues++;
                    yield null;
                }
                throw new RegFileException(lineNo, "registry type " + data.substring(0, data.indexOf("):") + 2) + " is not supported");
            }
        };
        if (v != null) reg.set(key, name, v);
    }

    private static String stripNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') end--;
        return s.substring(0, end);
    }

    private static byte[] hexBytes(String hex, int lineNo) throws RegFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : hex.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            if (!p.matches("[0-9a-fA-F]{1,2}")) throw new RegFileException(lineNo, "bad hex byte '" + p + "'");
            out.write(Integer.parseInt(p, 16));
        }
        return out.toByteArray();
    }

    /** A quoted string starting at {@code start}; {@code end[0]} receives the index after the closing quote. */
    private static String unquote(String s, int start, int[] end, int lineNo) throws RegFileException {
        StringBuilder sb = new StringBuilder();
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    default -> sb.append(n);
                }
            } else if (c == '"') {
                end[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new RegFileException(lineNo, "unterminated string");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
