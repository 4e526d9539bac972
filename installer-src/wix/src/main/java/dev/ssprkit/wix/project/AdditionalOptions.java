package dev.ssprkit.wix.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options a project passes in {@code CompilerAdditionalOptions} and {@code LinkerAdditionalOptions}
 * (candle's, light's and wix build's spellings): {@code -arch}, {@code -d}, {@code -ext}, {@code -loc}, {@code -b},
 * {@code -cultures:}, {@code -sice:}, {@code -sw}/{@code -swN}, {@code -wx}/{@code -wxN}, {@code -dcl:}, {@code -sval};
 * switches that change nothing here ({@code -nologo}, {@code -pedantic}, {@code -v}, {@code -spdb}...) are accepted.
 * Anything else is returned so the reader can report it.
 */
final class AdditionalOptions {
    /** What the options set, collected into the project's own settings. */
    static final class Into {
        String platform;
        String compression;
        boolean noValidation;
        boolean suppressAll;
        boolean errorsAll;
        final Map<String, String> defines;
        final List<String> extensions;
        final List<String> locFiles = new ArrayList<>();
        final List<String> bindPaths = new ArrayList<>();
        final List<String> cultures = new ArrayList<>();
        final Set<String> suppressIces;
        final Set<String> suppressed;
        final Set<String> errors;

        Into(Map<String, String> defines, List<String> extensions, Set<String> suppressIces, Set<String> suppressed, Set<String> errors) {
            this.defines = defines;
            this.extensions = extensions;
            this.suppressIces = suppressIces;
            this.suppressed = suppressed;
            this.errors = errors;
        }
    }

    private static final Set<String> IGNORED = Set.of("-nologo", "-pedantic", "-v", "-verbose", "-spdb", "-sacl", "-ss", "-sh",
            "-fips", "-reusecab", "-sadmin", "-sadv", "-sloc", "-sma", "-ts", "-ust", "-sui");

    private AdditionalOptions() {}

    /** Applies {@code text}'s options; returns the ones it does not know, in order. */
    static List<String> apply(String text, Into into) {
        List<String> tokens = tokens(text);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if ((lower.equals("-arch") || lower.equals("-a")) && next != null) {
                into.platform = next;
                i++;
            } else if (lower.equals("-d") && next != null) {
                define(next, into);
                i++;
            } else if (t.startsWith("-d") && t.length() > 2 && !lower.startsWith("-dcl")) {
                define(t.substring(2), into);
            } else if (lower.equals("-ext") && next != null) {
                into.extensions.add(next);
                i++;
            } else if (lower.equals("-loc") && next != null) {
                into.locFiles.add(next);
                i++;
            } else if ((lower.equals("-b") || lower.equals("-bindpath")) && next != null) {
                into.bindPaths.add(next);
                i++;
            } else if (lower.startsWith("-cultures:")) {
                for (String c : t.substring(10).split("[;,]")) if (!c.isBlank()) into.cultures.add(c.strip());
            } else if (lower.startsWith("-sice:")) {
                into.suppressIces.add(t.substring(6).toUpperCase(Locale.ROOT));
            } else if (lower.equals("-sice") && next != null) {
                into.suppressIces.add(next.toUpperCase(Locale.ROOT));
                i++;
            } else if (lower.equals("-sw")) {
                into.suppressAll = true;
            } else if (lower.matches("-sw[0-9]{1,5}")) {
                into.suppressed.add(t.substring(3));
            } else if (lower.equals("-wx")) {
                into.errorsAll = true;
            } else if (lower.matches("-wx[0-9]{1,5}")) {
                into.errors.add(t.substring(3));
            } else if (lower.startsWith("-dcl:")) {
                into.compression = t.substring(5);
            } else if (lower.equals("-sval")) {
                into.noValidation = true;
            } else if (!IGNORED.contains(lower)) {
                unknown.add(t);
            }
        }
        return unknown;
    }

    private static void define(String nameValue, Into into) {
        int eq = nameValue.indexOf('=');
        into.defines.put(eq < 0 ? nameValue : nameValue.substring(0, eq), eq < 0 ? "" : nameValue.substring(eq + 1));
    }

    /** Splits at spaces outside double quotes, dropping the quotes. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) out.add(cur.toString());
        return out;
    }
}
