package dev.ssprkit.wix.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The properties of one MSBuild evaluation (names are case-insensitive, as in MSBuild) and their expansion in text:
 * {@code $(Name)} is the property's value or the empty string. Global properties ({@code -p:Name=Value}) cannot be
 * overwritten by the project, as in MSBuild. The path functions of {@link PropertyFunctions} are evaluated; other
 * property functions ({@code $(X.Trim())}, {@code $([System.DateTime]::Now)}) and item lists ({@code @(Compile)}) are
 * not: {@link #expand} throws {@link Unsupported} naming them.
 */
final class MsBuildProperties {
    /** Text that uses what this evaluation does not do. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what);
        }
    }

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> global = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private java.nio.file.Path directory = java.nio.file.Path.of("").toAbsolutePath();

    MsBuildProperties(Map<String, String> globalProperties) {
        values.putAll(globalProperties);
        global.addAll(globalProperties.keySet());
    }

    /** The folder relative paths in property functions resolve against (MSBuild evaluates in the project's folder). */
    void directory(java.nio.file.Path dir) {
        this.directory = dir;
    }

    java.nio.file.Path directory() {
        return directory;
    }

    /** Sets a property unless it is global (MSBuild keeps command-line properties). */
    void set(String name, String value) {
        if (!global.contains(name)) values.put(name, value);
    }

    boolean isGlobal(String name) {
        return global.contains(name);
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    boolean isSet(String name) {
        return values.containsKey(name) && !values.get(name).isEmpty();
    }

    Map<String, String> all() {
        return new LinkedHashMap<>(values);
    }

    /** {@code text} with every {@code $(Name)} replaced. */
    String expand(String text) throws Unsupported {
        if (text.contains("@(")) throw new Unsupported("an item list " + excerpt(text, text.indexOf("@(")));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("$(", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            if (text.startsWith("$([", start)) {
                int close = closing(text, start + 1);
                if (close < 0) throw new Unsupported("an unclosed property function " + excerpt(text, start));
                out.append(PropertyFunctions.call(text.substring(start + 2, close), this));
                i = close + 1;
                continue;
            }
            int end = text.indexOf(')', start);
            if (end < 0) throw new Unsupported("an unclosed property reference " + excerpt(text, start));
            String name = text.substring(start + 2, end).strip();
            if (name.regionMatches(true, 0, "Registry:", 0, 9)) { // MSBuild off Windows reads no registry: empty
                i = end + 1;
                continue;
            }
            if (name.startsWith("[") || !name.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
                throw new Unsupported("the property function " + excerpt(text, start));
            }
            out.append(get(name));
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 when there is none. */
    static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth == 0) return k;
        }
        return -1;
    }

    static String excerpt(String text, int at) {
        int close = closing(text, at + 1); // the reference's own closing parenthesis
        return close < 0 ? text.substring(at) : text.substring(at, close + 1);
    }

}
