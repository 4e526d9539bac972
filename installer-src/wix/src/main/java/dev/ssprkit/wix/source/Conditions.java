package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates {@code <?if?>} and {@code <?elseif?>} expressions with WiX's semantics:
 * <ul>
 *   <li>operands are {@code "quoted strings"} (variables substituted inside), {@code $(...)} references, or bare
 *       words, which are literals ({@code $(var.P) = x64});</li>
 *   <li>{@code =}/{@code ==} and {@code !=} compare trimmed strings exactly, {@code ~=} ignoring case;
 *       {@code < > <= >=} compare 32-bit integers;</li>
 *   <li>a {@code $(...)} alone is true unless its value is empty, {@code 0}, {@code false} or {@code no};</li>
 *   <li>{@code NOT} applies to the operand or parenthesised group after it; {@code AND} and {@code OR} (any case)
 *       have equal precedence and combine strictly left to right; every operand is evaluated.</li>
 * </ul>
 * An ill-formed expression is reported once and counts as false.
 */
final class Conditions {

    private final Variables variables;
    private final Diagnostics diagnostics;

    Conditions(Variables variables, Diagnostics diagnostics) {
        this.variables = variables;
        this.diagnostics = diagnostics;
    }

    boolean evaluate(String expression, SourceLocation location) {
        try {
            Parser parser = new Parser(expression, tokenize(expression, location), location);
            boolean value = parser.expression();
            if (parser.hasNext()) {
                throw parser.syntax("unexpected '" + parser.peek().text + "'");
            }
            return value;
        } catch (Reported e) {
            return false;
        }
    }

    private enum Kind { LPAREN, RPAREN, STRING, VARIABLE, WORD, OPERATOR }

    private static final class Token {
        final Kind kind;
        final String text;

        Token(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    /** Thrown after a problem has been reported, to abandon the expression. */
    private static final class Reported extends Exception {
        private static final long serialVersionUID = 1L;

        Reported() {
            super(null, null, false, false);
        }
    }

    private List<Token> tokenize(String s, SourceLocation location) throws Reported {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.LPAREN : Kind.RPAREN, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw syntax(location, s, "a quoted string is not closed");
                }
                tokens.add(new Token(Kind.STRING, s.substring(i + 1, close)));
                i = close + 1;
            } else if (s.startsWith("$(", i)) {
                int close = matchingParen(s, i + 1);
                if (close < 0) {
                    throw syntax(location, s, "a $( reference is not closed");
                }
                tokens.add(new Token(Kind.VARIABLE, s.substring(i, close + 1)));
                i = close + 1;
            } else if (operatorLength(s, i) > 0) {
                int n = operatorLength(s, i);
                tokens.add(new Token(Kind.OPERATOR, s.substring(i, i + n)));
                i += n;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()\"".indexOf(s.charAt(i)) < 0
                        && operatorLength(s, i) == 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i)));
            }
        }
        return tokens;
    }

    private static int operatorLength(String s, int i) {
        for (String op : new String[] {"==", "!=", "~=", "<=", ">="}) {
            if (s.startsWith(op, i)) {
                return 2;
            }
        }
        char c = s.charAt(i);
        return c == '=' || c == '<' || c == '>' ? 1 : 0;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private Reported syntax(SourceLocation location, String expression, String detail) {
        diagnostics.report(PreprocessorMessage.EXPRESSION_SYNTAX, location, expression.trim(), detail);
        return new Reported();
    }

    /** Recursive descent over the tokens; see the class comment for the grammar's meaning. */
    private final class Parser {
        private final String expression;
        private final List<Token> tokens;
        private final SourceLocation location;
        private int next;

        Parser(String expression, List<Token> tokens, SourceLocation location) {
            this.expression = expression;
            this.tokens = tokens;
            this.location = location;
        }

        boolean hasNext() {
            return next < tokens.size();
        }

        Token peek() {
            return tokens.get(next);
        }

        Reported syntax(String detail) {
            return Conditions.this.syntax(location, expression, detail);
        }

        // expression := unary (("AND" | "OR") unary)*
        boolean expression() throws Reported {
            boolean value = unary();
            while (hasNext() && peek().kind != Kind.RPAREN) {
                Token connective = tokens.get(next++);
                if (connective.isWord("AND")) {
                    boolean right = unary();
                    value = value && right;
                } else if (connective.isWord("OR")) {
                    boolean right = unary();
                    value = value || right;
                } else {
                    throw syntax("expected AND or OR before '" + connective.text + "'");
                }
            }
            return value;
        }

        // unary := "NOT" unary | "(" expression ")" | comparison
        boolean unary() throws Reported {
            if (!hasNext()) {
                throw syntax(next == 0 ? "the expression is empty" : "an operand is missing at the end");
            }
            Token t = peek();
            if (t.isWord("NOT") && next + 1 < tokens.size() && tokens.get(next + 1).kind != Kind.OPERATOR) {
                next++;
                return !unary();
            }
            if (t.kind == Kind.LPAREN) {
                next++;
                if (hasNext() && peek().kind == Kind.RPAREN) {
                    throw syntax("empty parentheses");
                }
                boolean value = expression();
                if (!hasNext() || peek().kind != Kind.RPAREN) {
                    throw syntax("a '(' is not closed");
                }
                next++;
                return value;
            }
            return comparison();
        }

        // comparison := operand [operator operand]
        boolean comparison() throws Reported {
            Token left = operand();
            if (!hasNext() || peek().kind != Kind.OPERATOR) {
                if (left.kind != Kind.VARIABLE) {
                    diagnostics.report(PreprocessorMessage.UNEXPECTED_LITERAL, location, left.text, expression.trim());
                    throw new Reported();
                }
                String value = value(left);
                return !(value.isEmpty() || value.equals("0") || value.equals("false") || value.equals("no"));
            }
            String operator = tokens.get(next++).text;
            if (!hasNext()) {
                throw syntax("nothing after '" + operator + "'");
            }
            Token right = operand();
            String l = value(left).trim();
            String r = value(right).trim();
            switch (operator) {
                case "=":
                case "==":
                    return l.equals(r);
                case "!=":
                    return !l.equals(r);
                case "~=":
                    return l.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT));
                default:
                    int a = integer(operator, l);
                    int b = integer(operator, r);
                    switch (operator) {
                        case "<":
                            return a < b;
                        case "<=":
                            return a <= b;
                        case ">":
                            return a > b;
                        default:
                            return a >= b;
                    }
            }
        }

        private Token operand() throws Reported {
            Token t = peek();
            if (t.kind == Kind.STRING || t.kind == Kind.VARIABLE || t.kind == Kind.WORD) {
                next++;
                return t;
            }
            throw syntax("expected a value, found '" + t.text + "'");
        }

        private String value(Token t) throws Reported {
            if (t.kind == Kind.WORD) {
                return t.text;
            }
            int before = diagnostics.errorCount();
            String value = variables.substitute(t.text, location);
            if (diagnostics.errorCount() > before) {
                throw new Reported();
            }
            return value;
        }

        private int integer(String operator, String value) throws Reported {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                diagnostics.report(PreprocessorMessage.NOT_AN_INTEGER, location, operator, value, expression.trim());
                throw new Reported();
            }
        }
    }
}
