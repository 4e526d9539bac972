package dev.ssprkit.builder;

import java.util.regex.Pattern;

/** The Identifier data type: letters, digits, underscores and periods, starting with a letter or underscore. */
public final class Identifiers {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private Identifiers() {}

    public static String check(String kind, String id, int maxLength) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(kind + " id '" + id + "' is not an identifier: use letters, digits, '_' and '.', starting with a letter or '_'");
        }
        if (id.length() > maxLength) throw new IllegalArgumentException(kind + " id '" + id + "' is longer than " + maxLength + " characters");
        return id;
    }

    /** An identifier made from arbitrary text (e.g. a file name), prefixed when it would start with a digit. */
    public static String from(String text) {
        String s = text.replaceAll("[^A-Za-z0-9_.]", "_");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') s = "_" + s;
        return s.length() > 72 ? s.substring(0, 72) : s;
    }
}
