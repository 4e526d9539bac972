package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The properties of one MSBuild evaluation (names are case-insensitive, as in MSBuild) and their expansion in text:
 * {@code $(Name)} is the property's value or the empty string. Global properties ({@code -p:Name=Value}) cannot be
 * overwritten by the project, as in MSBuild. Property functions are read by {@link PropertyExpression}; what it does
 * not evaluate, and item lists ({@code @(Compile)}), make {@link #expand} throw {@link Unsupported} naming them.
 *
 * <p>A property whose definition needs what is not supported is <em>deferred</em> rather than failing the build
 * (MSBuild evaluates every property, but a project sets many that only its targets read, and sspr runs no targets):
 * it has no value, and only reading it fails — {@link #expand} throws an {@link Unsupported} located at its definition,
 * and {@link #get} (the settings the build reads by name) records it in {@link #deferredReads()}.
 */
final class MsBuildProperties {
    /** Text that uses what this evaluation does not do; {@link #deferred} says which property's definition does. */
    static class Unsupported extends Exception {
        final Deferred deferred;

        Unsupported(String what) {
            this(what, null);
        }

        Unsupported(String what, Deferred deferred) {
            super(what);
            this.deferred = deferred;
        }
    }

    /**
     * Text MSBuild itself cannot evaluate (its error MSB4184: a Substring out of range, a number that is none). A
     * subclass so that callers stop on it wherever they stop on {@link Unsupported}; it is never deferred.
     */
    static final class Failed extends Unsupported {
        final String expression;

        Failed(String expression, String why) {
            super(why);
            this.expression = expression;
        }
    }

    /**
     * A property whose value needs {@code what}, defined at {@code at}; {@code property} is the one whose own
     * definition holds it (a property defined from a deferred one is deferred with the same cause).
     */
    record Deferred(String property, String what, SourceLocation at) {}

    private final Map<String, Deferred> deferred = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Deferred> deferredReads = new LinkedHashMap<>();
    private final java.util.function.Supplier<java.time.Instant> clock;
    private java.time.Instant now;
    private boolean fixedTime;

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> global = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private java.nio.file.Path directory = java.nio.file.Path.of("").toAbsolutePath();

    MsBuildProperties(Map<String, String> globalProperties) {
        this(globalProperties, () -> null);
    }

    /**
     * {@code buildTime} gives the build's fixed time (SOURCE_DATE_EPOCH, a Maven build's timestamp) or null for none;
     * it is read once, and only when {@code [System.DateTime]::Now} asks for it.
     */
    MsBuildProperties(Map<String, String> globalProperties, java.util.function.Supplier<java.time.Instant> buildTime) {
        values.putAll(globalProperties);
        global.addAll(globalProperties.keySet());
        this.clock = buildTime;
    }

    /**
     * {@code [System.DateTime]::Now} ({@code utc}: {@code UtcNow}): the build's time, the same for every call in one
     * evaluation. It is the time the package is stamped with, so SOURCE_DATE_EPOCH (or the Maven build's timestamp)
     * sets it; Now is then read in UTC too, so that the same sources give the same value on every machine (the
     * reproducible-builds specification of SOURCE_DATE_EPOCH). Without it, Now is the local time, as in MSBuild.
     */
    java.time.LocalDateTime now(boolean utc) {
        if (now == null) {
            java.time.Instant fixed = clock.get();
            fixedTime = fixed != null;
            now = fixed != null ? fixed : java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        return java.time.LocalDateTime.ofInstant(now, utc || fixedTime ? java.time.ZoneOffset.UTC : java.time.ZoneId.systemDefault());
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
        if (global.contains(name)) return;
        values.put(name, value);
        deferred.remove(name);
    }

    /** Defers {@code name}: its definition at {@code at} needs {@code cause} (see the class comment). */
    void defer(String name, Unsupported cause, SourceLocation at) {
        if (global.contains(name)) return;
        values.remove(name);
        deferred.put(name, cause.deferred != null ? cause.deferred : new Deferred(name, cause.getMessage(), at));
    }

    /** The deferred properties the build read through {@link #get}, by the name read. */
    Map<String, Deferred> deferredReads() {
        return deferredReads;
    }

    /** The value of {@code $(name)} in text: throws, located at its definition, for a deferred property. */
    String value(String name) throws Unsupported {
        Deferred d = deferred.get(name);
        if (d != null) throw new Unsupported(d.what(), d);
        return get(name);
    }

    boolean isGlobal(String name) {
        return global.contains(name);
    }

    /** The value of {@code name}, "" when unset; reading a deferred property records it (see the class comment). */
    String get(String name) {
        Deferred d = deferred.get(name);
        if (d != null) deferredReads.putIfAbsent(name, d);
        return values.getOrDefault(name, "");
    }

    /** Whether {@code name} has a value; a deferred property has one, not known here. */
    boolean isSet(String name) {
        return deferred.containsKey(name) || values.containsKey(name) && !values.get(name).isEmpty();
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
            int end = closing(text, start + 1);
            if (end < 0) throw new Unsupported("an unclosed property reference " + text.substring(start));
            String inner = text.substring(start + 2, end).strip();
            if (inner.regionMatches(true, 0, "Registry:", 0, 9)) { // MSBuild off Windows reads no registry: empty
                i = end + 1;
                continue;
            }
            out.append(inner.matches("[A-Za-z_][A-Za-z0-9_\\-]*") ? value(inner) : PropertyExpression.evaluate(inner, this));
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 when there is none.
     * Property function arguments are quoted with ', " or ` (MSBuild's "Property functions" page); a quote of one kind
     * holds the others.
     */
    static int closing(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    static String excerpt(String text, int at) {
        int close = closing(text, at + 1); // the reference's own closing parenthesis
        return close < 0 ? text.substring(at) : text.substring(at, close + 1);
    }

}
