package dev.ssprkit.wix.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates an MSBuild {@code Condition} as the MSBuild documentation's "Conditions" page describes it: operands are
 * quoted strings (property references expanded), bare words or numbers; {@code ==} and {@code !=} compare without
 * regard to case, {@code <}, {@code >}, {@code <=}, {@code >=} compare numbers; {@code And}, {@code Or} (any case),
 * {@code !} and parentheses combine; {@code Exists('path')} and {@code HasTrailingSlash('text')} are the functions.
 * A lone operand must be {@code true} or {@code false}.
 */
final class MsBuildCondition {
    /** A condition this evaluator cannot read. */
    static final class Invalid extends Exception {
        Invalid(String why) {
            super(why);
        }
    }

    private final MsBuildProperties properties;
    private final Path directory;
    private List<String> tokens;
    private int pos;

    private MsBuildCondition(MsBuildProperties properties, Path directory) {
        this.properties = properties;
        this.directory = directory;
    }

    /** The value of {@code condition}; {@code directory} resolves the relative paths of {@code Exists}. */
    static boolean evaluate(String condition, MsBuildProperties properties, Path directory)
            throws Invalid, MsBuildProperties.Unsupported {
        if (condition == null || condition.isBlank()) return true;
        MsBuildCondition c = new MsBuildCondition(properties, directory);
        c.tokens = tokenize(condition);
        c.pos = 0;
        boolean value = c.or();
        if (c.pos != c.tokens.size()) throw new Invalid("unexpected '" + c.tokens.get(c.pos) + "'");
        return value;
    }

    /**
     * {@code Or} and {@code And} short-circuit, as MSBuild's evaluator does: once the left side decides, the right side
     * is read for its syntax but nothing in it is expanded or checked (a property function there is never called).
     */
    private boolean or() throws Invalid, MsBuildProperties.Unsupported {
        boolean v = and();
        while (peekWord("or")) {
            pos++;
            boolean right = v ? skipped(this::and) : and();
            v = v || right;
        }
        return v;
    }

    private boolean and() throws Invalid, MsBuildProperties.Unsupported {
        boolean v = unary();
        while (peekWord("and")) {
            pos++;
            boolean right = v ? unary() : skipped(this::unary);
            v = v && right;
        }
        return v;
    }

    private interface Part {
        boolean read() throws Invalid, MsBuildProperties.Unsupported;
    }

    /** Reads {@code part} without evaluating it; its value is meaningless. */
    private boolean skipped(Part part) throws Invalid, MsBuildProperties.Unsupported {
        boolean was = evaluating;
        evaluating = false;
        try {
            return part.read();
        } finally {
            evaluating = was;
        }
    }

    private int depth;
    /** False while reading the side of an And/Or that the other side already decided. */
    private boolean evaluating = true;

    private boolean unary() throws Invalid, MsBuildProperties.Unsupported {
        if (++depth > 64) throw new Invalid("it nests deeper than 64 levels");
        try {
            return unaryAt();
        } finally {
            depth--;
        }
    }

    private boolean unaryAt() throws Invalid, MsBuildProperties.Unsupported {
        if (peek("!")) {
            pos++;
            return !unary();
        }
        if (peek("(")) {
            pos++;
            boolean v = or();
            expect(")");
            return v;
        }
        String left = operand();
        String op = pos < tokens.size() ? tokens.get(pos) : null;
        if (op != null && List.of("==", "!=", "<", ">", "<=", ">=").contains(op)) {
            pos++;
            String right = operand();
            return evaluating && compare(left, op, right);
        }
        return evaluating && bool(left);
    }

    private String operand() throws Invalid, MsBuildProperties.Unsupported {
        if (pos >= tokens.size()) throw new Invalid("it ends where a value was expected");
        String t = tokens.get(pos++);
        if (t.startsWith("'")) return evaluating ? properties.expand(t.substring(1, t.length() - 1)) : "";
        if (peek("(")) { // a function
            pos++;
            String arg = operand();
            expect(")");
            if (!evaluating) return "";
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "exists" -> Boolean.toString(!arg.isBlank() && Files.exists(resolve(arg)));
                case "hastrailingslash" -> Boolean.toString(arg.endsWith("\\") || arg.endsWith("/"));
                default -> throw new MsBuildProperties.Unsupported("the condition function " + t + "()");
            };
        }
        if (List.of("==", "!=", "<", ">", "<=", ">=", ")", "!").contains(t)) throw new Invalid("'" + t + "' where a value was expected");
        return evaluating ? properties.expand(t) : "";
    }

    private Path resolve(String path) {
        String p = path.strip().replace('\\', '/');
        Path given = Path.of(p);
        return given.isAbsolute() ? given : directory.resolve(p);
    }

    private static boolean compare(String left, String op, String right) throws Invalid {
        return switch (op) {
            case "==" -> left.equalsIgnoreCase(right);
            case "!=" -> !left.equalsIgnoreCase(right);
            default -> {
                double l = number(left);
                double r = number(right);
                yield switch (op) {
                    case "<" -> l < r;
                    case ">" -> l > r;
                    case "<=" -> l <= r;
                    default -> l >= r;
                };
            }
        };
    }

    private static double number(String s) throws Invalid {
        try {
            String t = s.strip();
            return t.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Invalid("'" + s + "' is not a number");
        }
    }

    private static boolean bool(String s) throws Invalid {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("on") || t.equals("yes")) return true;
        if (t.equals("false") || t.equals("off") || t.equals("no")) return false;
        throw new Invalid("'" + s + "' is not true or false");
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private void expect(String token) throws Invalid {
        if (!peek(token)) throw new Invalid("'" + token + "' expected");
        pos++;
    }

    private static List<String> tokenize(String s) throws Invalid {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = quoteEnd(s, i);
                if (end < 0) throw new Invalid("a quote is not closed");
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (s.startsWith("==", i) || s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if (c == '(' || c == ')' || c == '!' || c == '<' || c == '>') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '$' && s.startsWith("$(", i)) { // an unquoted property reference or function
                int end = MsBuildProperties.closing(s, i + 1);
                if (end < 0) throw new Invalid("a property reference is not closed: " + s.substring(i));
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()!=<>'".indexOf(s.charAt(i)) < 0) i++;
                if (start == i) throw new Invalid("unexpected '" + c + "'");
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /**
     * The quote closing the one at {@code open}. A {@code $(...)} inside is skipped whole, as MSBuild's scanner does,
     * so that {@code '$([System.String]::Copy('a'))'} is one string.
     */
    private static int quoteEnd(String s, int open) {
        for (int k = open + 1; k < s.length(); k++) {
            if (s.charAt(k) == '\'') return k;
            if (s.startsWith("$(", k)) {
                int close = MsBuildProperties.closing(s, k + 1);
                if (close < 0) return -1;
                k = close;
            }
        }
        return -1;
    }
}
