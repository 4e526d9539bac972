package dev.ssprkit.uipreview.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed MSI condition (SDK "Conditional Statement Syntax"): logical operators NOT, AND, OR, XOR, EQV, IMP (in
 * that order of precedence, case-insensitive), comparisons {@code = <> > >= < <=}, substring/bit operators
 * {@code >< << >>}, each with a {@code ~} prefix for case-insensitive string comparison; operands are property
 * names, quoted strings, integers, parenthesised expressions and {@code % $ ? & !} references (environment
 * variables, component and feature states), which a preview cannot know and reads as empty.
 *
 * <p>Values follow the SDK: a property whose value is an integer compares as an integer (as a string against a
 * quoted string); a missing property is
 * the empty string; a lone operand is true when it is a non-empty string or a non-zero integer; comparing an
 * integer with a string that is not one is false, except {@code <>}, which is true.
 */
public final class Condition {
    private static final int MAX_DEPTH = 64;

    private interface Node {}
    private record Literal(Object value) implements Node {}
    private record Property(String name) implements Node {}
    /** {@code %ENV}, {@code $Component}, {@code ?Component}, {@code &Feature}, {@code !Feature}: unknown here. */
    private record Unknown(String text) implements Node {}
    private record Not(Node operand) implements Node {}
    private record Logical(String op, Node left, Node right) implements Node {}
    private record Comparison(String op, boolean ignoreCase, Node left, Node right) implements Node {}

    private final String text;
    private final Node root;
    private final Set<String> properties = new LinkedHashSet<>();
    private final Map<String, Set<Object>> compared = new LinkedHashMap<>();

    private Condition(String text, Node root) {
        this.text = text;
        this.root = root;
        collect(root);
    }

    /** Parses a condition of at most {@code maxChars} characters. */
    public static Condition parse(String text, int maxChars) throws ConditionException {
        if (text == null || text.isBlank()) throw new ConditionException("the condition is empty");
        if (text.length() > maxChars) throw new ConditionException("the condition is " + text.length() + " characters long, more than the " + maxChars + " read");
        Parser p = new Parser(tokens(text));
        Node n = p.expression(0);
        if (p.pos < p.tokens.size()) throw new ConditionException("unexpected '" + p.tokens.get(p.pos) + "' in condition " + text);
        return new Condition(text, n);
    }

    public String text() {
        return text;
    }

    /** The property names the condition reads. */
    public Set<String> properties() {
        return Collections.unmodifiableSet(properties);
    }

    /**
     * The literal values each property is compared with (strings and integers), so that a caller can try the values
     * that make a difference.
     */
    public Map<String, Set<Object>> comparedValues() {
        return Collections.unmodifiableMap(compared);
    }

    /** Evaluates with {@code property} giving a property's value (null when it has none). */
    public boolean evaluate(Function<String, String> property) {
        return truth(value(root, property));
    }

    private void collect(Node n) {
        if (n instanceof Property p) {
            properties.add(p.name());
        } else if (n instanceof Not not) {
            collect(not.operand());
        } else if (n instanceof Logical l) {
            collect(l.left());
            collect(l.right());
        } else if (n instanceof Comparison c) {
            collect(c.left());
            collect(c.right());
            if (c.left() instanceof Property p && c.right() instanceof Literal lit) compared.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(lit.value());
            if (c.right() instanceof Property p && c.left() instanceof Literal lit) compared.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(lit.value());
        }
    }

    private static Object value(Node n, Function<String, String> property) {
        if (n instanceof Literal l) return l.value();
        if (n instanceof Property p) return typed(property.apply(p.name()));
        if (n instanceof Unknown) return "";
        if (n instanceof Not not) return truth(value(not.operand(), property)) ? 0L : 1L;
        if (n instanceof Logical l) {
            boolean a = truth(value(l.left(), property));
            boolean b = truth(value(l.right(), property));
            boolean r = switch (l.op()) {
                case "AND" -> a && b;
                case "OR" -> a || b;
                case "XOR" -> a ^ b;
                case "EQV" -> a == b;
                default -> !a || b; // IMP
            };
            return r ? 1L : 0L;
        }
        Comparison c = (Comparison) n;
        Object left = value(c.left(), property), right = value(c.right(), property);
        // a quoted string makes the comparison a string comparison: a property is a string that is only read as an
        // integer when the other side is one (VersionNT = "601" is true)
        if (isString(c.left()) && right instanceof Long) right = String.valueOf(right);
        if (isString(c.right()) && left instanceof Long) left = String.valueOf(left);
        return compare(c.op(), c.ignoreCase(), left, right) ? 1L : 0L;
    }

    private static boolean isString(Node n) {
        return n instanceof Literal l && l.value() instanceof String;
    }

    /** A property value as the installer compares it: an integer when it reads as one. */
    static Object typed(String v) {
        if (v == null || v.isEmpty()) return "";
        Long n = integer(v);
        return n != null ? n : v;
    }

    private static Long integer(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start || v.length() - start > 10) return null;
        for (int i = start; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
        long n = Long.parseLong(v);
        return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n;
    }

    private static boolean truth(Object v) {
        if (v instanceof Long n) return n != 0;
        return v != null && !((String) v).isEmpty();
    }

    private static boolean compare(String op, boolean ignoreCase, Object l, Object r) {
        if (l instanceof Long a && r instanceof Long b) {
            return switch (op) {
                case "=" -> a.longValue() == b.longValue();
                case "<>" -> a.longValue() != b.longValue();
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case "><" -> (a & b) != 0;
                case "<<" -> ((a >> 16) & 0xFFFF) == b;
                default -> (a & 0xFFFF) == b; // >>
            };
        }
        if (l instanceof Long || r instanceof Long) {
            // an integer against a string that is not one (an empty property is the empty string)
            return op.equals("<>");
        }
        String a = (String) l, b = (String) r;
        if (ignoreCase) {
            a = a.toLowerCase(Locale.ROOT);
            b = b.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
            case "=" -> a.equals(b);
            case "<>" -> !a.equals(b);
            case ">" -> a.compareTo(b) > 0;
            case ">=" -> a.compareTo(b) >= 0;
            case "<" -> a.compareTo(b) < 0;
            case "<=" -> a.compareTo(b) <= 0;
            case "><" -> a.contains(b);
            case "<<" -> a.startsWith(b);
            default -> a.endsWith(b); // >>
        };
    }

    // ---- tokens ----

    private record Token(char kind, String text) {
        // kinds: ( ) s(tring) i(nteger) n(ame) u(nknown reference) o(perator) k(eyword)
        @Override
        public String toString() {
            return kind == 's' ? '"' + text + '"' : text;
        }
    }

    private static final List<String> OPERATORS = List.of("<>", ">=", "<=", "><", "<<", ">>", "=", "<", ">");
    private static final Set<String> KEYWORDS = Set.of("NOT", "AND", "OR", "XOR", "EQV", "IMP");

    private static List<Token> tokens(String s) throws ConditionException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) throw new ConditionException("a string is not closed in condition " + s);
                out.add(new Token('s', s.substring(i + 1, end)));
                i = end + 1;
            } else if (c >= '0' && c <= '9' || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                out.add(new Token('i', s.substring(i, j)));
                i = j;
            } else if (c == '~' || c == '<' || c == '>' || c == '=') {
                int j = c == '~' ? i + 1 : i;
                String op = null;
                for (String o : OPERATORS) if (s.startsWith(o, j)) { op = o; break; }
                if (op == null) throw new ConditionException("'~' must come before a comparison operator in condition " + s);
                out.add(new Token('o', (c == '~' ? "~" : "") + op));
                i = j + op.length();
            } else if (c == '%' || c == '$' || c == '?' || c == '&' || c == '!' || isNameStart(c)) {
                int j = isNameStart(c) ? i : i + 1;
                if (j >= s.length() || !isNameStart(s.charAt(j))) throw new ConditionException("'" + c + "' must come before a name in condition " + s);
                int k = j;
                while (k < s.length() && isNamePart(s.charAt(k))) k++;
                String name = s.substring(j, k);
                if (j == i && KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) out.add(new Token('k', name.toUpperCase(Locale.ROOT)));
                else out.add(new Token(j == i ? 'n' : 'u', s.substring(i, k)));
                i = k;
            } else {
                throw new ConditionException("unexpected character '" + c + "' in condition " + s);
            }
        }
        return out;
    }

    private static boolean isNameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == '.';
    }

    // ---- grammar ----

    private static final class Parser {
        private static final List<String> LOGICAL = List.of("IMP", "EQV", "XOR", "OR", "AND"); // lowest first
        final List<Token> tokens;
        int pos;
        int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node expression(int level) throws ConditionException {
            if (level == LOGICAL.size()) return negation();
            Node left = expression(level + 1);
            while (peekKeyword(LOGICAL.get(level))) {
                pos++;
                left = new Logical(LOGICAL.get(level), left, expression(level + 1));
            }
            return left;
        }

        Node negation() throws ConditionException {
            if (peekKeyword("NOT")) {
                pos++;
                enter();
                Node n = new Not(negation());
                depth--;
                return n;
            }
            Node left = operand();
            if (pos < tokens.size() && tokens.get(pos).kind() == 'o') {
                String op = tokens.get(pos++).text();
                boolean ignoreCase = op.startsWith("~");
                return new Comparison(ignoreCase ? op.substring(1) : op, ignoreCase, left, operand());
            }
            return left;
        }

        Node operand() throws ConditionException {
            if (pos >= tokens.size()) throw new ConditionException("the condition ends where a value is expected");
            Token t = tokens.get(pos++);
            switch (t.kind()) {
                case '(' -> {
                    enter();
                    Node n = expression(0);
                    depth--;
                    if (pos >= tokens.size() || tokens.get(pos).kind() != ')') throw new ConditionException("a parenthesis is not closed");
                    pos++;
                    return n;
                }
                case 's' -> {
                    return new Literal(t.text());
                }
                case 'i' -> {
                    Long n = integer(t.text());
                    return new Literal(n != null ? (Object) n : t.text());
                }
                case 'n' -> {
                    return new Property(t.text());
                }
                case 'u' -> {
                    return new Unknown(t.text());
                }
                default -> throw new ConditionException("unexpected '" + t + "' where a value is expected");
            }
        }

        private boolean peekKeyword(String k) {
            return pos < tokens.size() && tokens.get(pos).kind() == 'k' && tokens.get(pos).text().equals(k);
        }

        private void enter() throws ConditionException {
            if (++depth > MAX_DEPTH) throw new ConditionException("the condition is nested more than " + MAX_DEPTH + " levels deep");
        }
    }
}
