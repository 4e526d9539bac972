package dev.ssprkit.validate;

import dev.ssprkit.msi.schema.GuidText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SDK's column data types ("Column Data Types" in the Windows Installer reference) as predicates: each returns
 * null when the value is acceptable, or a short reason.
 */
public final class Formats {
    private Formats() {}

    private static final String SHORT_INVALID = "\\?|><:/*\"+,;=[] ";
    private static final String LONG_INVALID = "\\?|><:/*\"";

    public static String identifier(String v) {
        return isIdentifier(v) ? null : "not an Identifier (a letter or _, then letters, digits, _ or .)";
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_.]*} (the SDK's Identifier data type), checked by hand: it runs for every key cell
     * of a package, and the regular expression's matcher was the validator's largest allocation.
     */
    public static boolean isIdentifier(String v) {
        if (v.isEmpty()) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!(letter || i > 0 && (c >= '0' && c <= '9' || c == '.'))) return false;
        }
        return true;
    }

    /** Upper-case braced GUID, as Windows Installer requires. */
    public static String guid(String v) {
        if (isGuid(v)) return null;
        if (GuidText.isBraced(v, false)) return "a GUID must be upper-case";
        return "not a GUID in the form {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}";
    }

    public static boolean isGuid(String v) {
        return v != null && GuidText.isBraced(v, true);
    }

    /** {@code major[.minor[.build[.revision]]]}, each field 0..65535. */
    public static String version(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length > 4) return "a version has at most four fields";
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)) return "not a version (digits separated by dots)";
            if (Integer.parseInt(p) > 65535) return "version field " + p + " is above 65535";
        }
        return null;
    }

    /**
     * A product version as the Upgrade table and ProductVersion hold it: like {@link #version} in its first three
     * fields, while the fourth, which Windows Installer ignores (SDK, ProductVersion property), may be any 32-bit
     * number, as WiX accepts it (its IsValidMsiProductVersion checks major, minor and build only; rustdesk's packages
     * carry 1.4.9.29789870).
     */
    public static String productVersion(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length == 4 && parts[3].matches("\\d{1,10}") && Long.parseLong(parts[3]) <= 0xFFFF_FFFFL) {
            return version(parts[0] + "." + parts[1] + "." + parts[2]);
        }
        return version(v);
    }

    /** Comma-separated decimal language ids. */
    public static String language(String v) {
        for (String p : v.split(",", -1)) {
            String t = p.trim();
            if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(Character::isDigit) || Integer.parseInt(t) > 65535) {
                return "not a comma-separated list of decimal language ids";
            }
        }
        return null;
    }

    /** One short (8.3) file name. */
    public static String shortName(String v, boolean wildcards) {
        if (v.isEmpty()) return "empty short name";
        for (char c : v.toCharArray()) {
            if (SHORT_INVALID.indexOf(c) >= 0 && !(wildcards && (c == '?' || c == '*'))) return "short name '" + v + "' contains '" + c + "'";
            if (c < 32) return "short name contains a control character";
        }
        String base = v, ext = "";
        int dot = v.indexOf('.');
        if (dot >= 0) {
            base = v.substring(0, dot);
            ext = v.substring(dot + 1);
            if (ext.indexOf('.') >= 0) return "short name '" + v + "' has more than one dot";
        }
        if (base.length() > 8 || ext.length() > 3 || (base.isEmpty() && !v.equals("."))) return "short name '" + v + "' is not 8.3";
        return null;
    }

    /** One long file name. */
    public static String longName(String v, boolean wildcards) {
        if (v.isEmpty()) return "empty long name";
        if (v.length() > 255) return "long name is longer than 255 characters";
        for (char c : v.toCharArray()) {
            if (LONG_INVALID.indexOf(c) >= 0 && !(wildcards && (c == '*' || c == '?'))) return "long name '" + v + "' contains '" + c + "'";
            if (c < 32) return "long name contains a control character";
        }
        if (v.endsWith(".") && !v.equals(".")) return "long name '" + v + "' ends with a dot";
        if (v.endsWith(" ")) return "long name '" + v + "' ends with a space";
        return null;
    }

    /** The Filename type: {@code short} or {@code short|long}. */
    public static String filename(String v, boolean wildcards) {
        String[] parts = v.split("\\|", -1);
        if (parts.length > 2) return "more than one '|'";
        if (parts.length == 2) {
            String s = shortName(parts[0], wildcards);
            return s != null ? s : longName(parts[1], wildcards);
        }
        // A lone name is a short name: a long name needs the short|long form.
        String s = shortName(v, wildcards);
        return s == null ? null : s + " (a long name needs the short|long form)";
    }

    /** {@code [targetShort|]targetLong[:[sourceShort|]sourceLong]}, each part a name or {@code .}. */
    public static String defaultDir(String v) {
        String[] sides = v.split(":", -1);
        if (sides.length > 2) return "more than one ':'";
        for (String side : sides) {
            if (side.equals(".")) continue;
            String[] parts = side.split("\\|", -1);
            if (parts.length > 2) return "more than one '|' in '" + side + "'";
            for (String p : parts) {
                if (p.equals(".")) continue;
                String why = parts.length == 2 && p == parts[0] ? shortName(p, false) : longName(p, false);
                if (why != null) return why;
            }
        }
        return null;
    }

    /** A registry key path: relative to the root in the Root column. */
    public static String regPath(String v) {
        if (v.startsWith("\\")) return "a registry key must not start with a backslash";
        if (v.endsWith("\\")) return "a registry key must not end with a backslash";
        if (v.contains("\\\\")) return "a registry key must not contain an empty segment ('\\\\')";
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.startsWith("HKEY_") || upper.startsWith("HKLM\\") || upper.startsWith("HKCU\\")) return "the root belongs in the Root column, not the key";
        return null;
    }

    /** Brackets of a Formatted string balance ({@code [\[]} style escapes allowed), as do braces. */
    public static String formatted(String v) {
        int square = 0, curly = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '[' && i + 1 < v.length() && v.charAt(i + 1) == '\\') {
                int close = v.indexOf(']', i + 3);
                if (close < 0) return "an escape '[\\' is not closed";
                i = close;
                continue;
            }
            if (c == '[') square++;
            else if (c == ']' && --square < 0) return "']' without '['";
            else if (c == '{') curly++;
            else if (c == '}' && --curly < 0) return "'}' without '{'";
        }
        if (square != 0) return "'[' without ']'";
        if (curly != 0) return "'{' without '}'";
        return null;
    }

    /** Parentheses balance outside string literals, and every literal is closed. */
    public static String condition(String v) {
        int depth = 0;
        boolean quoted = false;
        for (char c : v.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth < 0) return "')' without '('";
        }
        if (quoted) return "a string literal is not closed";
        if (depth != 0) return "'(' without ')'";
        return null;
    }

    private static final Pattern OPERATOR = Pattern.compile("(?i)NOT|AND|OR|XOR|EQV|IMP");

    /** A name referenced by a condition: the sigil ({@code 0} for a property; & ! $ ? % otherwise) and the name. */
    public record Reference(char sigil, String name) {}

    /** The property, feature ({@code &}, {@code !}), component ({@code $}, {@code ?}) and environment names in a condition. */
    public static List<Reference> conditionReferences(String v) {
        List<Reference> refs = new ArrayList<>();
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (c == '"') {
                int end = v.indexOf('"', i + 1);
                i = end < 0 ? v.length() : end + 1;
                continue;
            }
            char sigil = 0;
            int start = i;
            if ("&!$?%".indexOf(c) >= 0 && i + 1 < v.length() && isNameStart(v.charAt(i + 1))) {
                sigil = c;
                start = i + 1;
            } else if (!isNameStart(c) || (i > 0 && (Character.isLetterOrDigit(v.charAt(i - 1)) || v.charAt(i - 1) == '_'))) {
                i++;
                continue;
            }
            int end = start;
            while (end < v.length() && (Character.isLetterOrDigit(v.charAt(end)) || v.charAt(end) == '_' || v.charAt(end) == '.')) end++;
            String name = v.substring(start, end);
            if (sigil != 0 || !OPERATOR.matcher(name).matches()) refs.add(new Reference(sigil, name));
            i = end;
        }
        return refs;
    }

    /** The {@code [Name]}, {@code [#file]}, {@code [$component]}, {@code [!file]} and {@code [%ENV]} references in a Formatted string. */
    public static List<Reference> formattedReferences(String v) {
        List<Reference> refs = new ArrayList<>();
        int i = 0;
        while ((i = v.indexOf('[', i)) >= 0) {
            int end = v.indexOf(']', i + 1);
            if (end < 0) break;
            String inner = v.substring(i + 1, end);
            int nested = inner.lastIndexOf('[');
            if (nested >= 0) {
                i = i + 1 + nested;
                continue;
            }
            if (!inner.isEmpty()) {
                char c = inner.charAt(0);
                if ("#$!%".indexOf(c) >= 0 && inner.length() > 1) refs.add(new Reference(c, inner.substring(1)));
                else if (c != '\\' && c != '~' && isNameStart(c)) refs.add(new Reference((char) 0, inner));
            }
            i = end + 1;
        }
        return refs;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
