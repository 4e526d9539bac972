package dev.ssprkit.wix.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text inside one {@code $(...)}, read as MSBuild's "Property functions" page writes it: a property name or a
 * static member {@code [Type]::Member(args)}, then any chain of instance members {@code .Member(args)}:
 * {@code $(Version.Replace('.', '_'))}, {@code $([System.DateTime]::Now.ToString('yyyyMMdd'))}. Arguments are quoted
 * with ', " or `, or written bare ({@code ToString(yyMMdd)}); property references and functions inside them are
 * expanded first. Values are Java strings, booleans, longs, doubles, date-times or string arrays until the end, where
 * {@link #text} writes them as MSBuild does.
 */
final class PropertyExpression {
    private final String text;
    private final MsBuildProperties properties;
    private int pos;

    private PropertyExpression(String text, MsBuildProperties properties) {
        this.text = text;
        this.properties = properties;
    }

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** The value of {@code inner}, the text between {@code $(} and its closing parenthesis. */
    static String evaluate(String inner, MsBuildProperties properties) throws MsBuildProperties.Unsupported {
        int[] depth = DEPTH.get();
        if (++depth[0] > 16) {
            depth[0]--;
            throw new MsBuildProperties.Unsupported("property functions nested deeper than 16 levels");
        }
        try {
            return text(new PropertyExpression(inner.strip(), properties).read());
        } finally {
            depth[0]--;
        }
    }

    private Object read() throws MsBuildProperties.Unsupported {
        Object value;
        if (text.startsWith("[")) {
            int close = text.indexOf("]::");
            if (close < 0) throw unsupported("a static member without ]::");
            String type = text.substring(1, close).strip();
            pos = close + 3;
            String member = identifier();
            value = PropertyFunctions.callStatic(type, member, arguments(), this);
        } else {
            String name = identifier();
            value = properties.value(name);
        }
        while (pos < text.length()) {
            skipSpaces();
            if (pos >= text.length()) break;
            if (text.charAt(pos) != '.') throw unsupported("'" + text.substring(pos) + "' after a value");
            pos++;
            String member = identifier();
            value = InstanceMembers.call(value, member, arguments(), this);
        }
        return value;
    }

    private String identifier() throws MsBuildProperties.Unsupported {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '-')) pos++;
        if (start == pos) throw unsupported(pos < text.length() ? "'" + text.charAt(pos) + "' where a name was expected" : "a missing name");
        return text.substring(start, pos);
    }

    /** The arguments of a call, expanded; null for a member written without parentheses (a property). */
    private List<String> arguments() throws MsBuildProperties.Unsupported {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != '(') return null;
        int close = MsBuildProperties.closing(text, pos);
        if (close < 0) throw unsupported("an unclosed argument list");
        List<String> out = new ArrayList<>();
        for (String a : split(text.substring(pos + 1, close))) out.add(properties.expand(unquote(a)));
        pos = close + 1;
        return out;
    }

    MsBuildProperties properties() {
        return properties;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    /** What this evaluation does not do, naming the whole expression and {@code what} in it. */
    MsBuildProperties.Unsupported unsupported(String what) {
        return new MsBuildProperties.Unsupported("the property function " + what + " in $(" + text + ")");
    }

    /** What MSBuild itself fails on (its error MSB4184: the expression cannot be evaluated). */
    MsBuildProperties.Failed failed(String why) {
        return new MsBuildProperties.Failed("$(" + text + ")", why);
    }

    /** Splits at the commas outside quotes and parentheses. */
    static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        if (args.isBlank()) return out;
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int k = 0; k < args.length(); k++) {
            char ch = args.charAt(k);
            if (quote != 0) {
                if (ch == quote) quote = 0;
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && ch == ',') {
                out.add(args.substring(start, k));
                start = k + 1;
            }
        }
        out.add(args.substring(start));
        return out;
    }

    static String unquote(String a) {
        String s = a.strip();
        if (s.length() >= 2 && "'\"`".indexOf(s.charAt(0)) >= 0 && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /**
     * A value as MSBuild writes it into a property: booleans as True/False, numbers without a needless fraction,
     * arrays joined with ';', date-times as the invariant culture's general format (MM/dd/yyyy HH:mm:ss).
     */
    static String text(Object value) {
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof String[] parts) return String.join(";", parts);
        if (value instanceof java.time.LocalDateTime t) return DotNetDateFormat.format(t, "MM/dd/yyyy HH:mm:ss");
        return String.valueOf(value);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
