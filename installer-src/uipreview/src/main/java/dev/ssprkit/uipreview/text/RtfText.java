package dev.ssprkit.uipreview.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The plain text of an RTF document, as a ScrollableText control would show it without its formatting: control
 * words are dropped ({@code \par} and {@code \line} become line breaks, {@code \tab} a tab, {@code \}{@code uN} and
 * {@code \'hh} their characters in the document's {@code \ansicpg} code page), and groups that hold no text
 * (font and colour tables, style sheets, document information, pictures, field instructions, and every
 * {@code {\*...}} destination) are skipped. Bounded: at most {@code maxChars} characters are read and 256 groups
 * deep are followed; text that is not RTF is returned as it is.
 */
public final class RtfText {
    static final int MAX_DEPTH = 256;
    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer",
            "headerl", "headerr", "headerf", "footerl", "footerr", "footerf", "footnote", "listtable", "listoverridetable", "rsidtbl",
            "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "fldinst", "revtbl", "filetbl",
            "pgdsctbl", "bkmkstart", "bkmkend", "userprops", "nonshppict", "shppict", "listtext", "pntext", "pntxta", "pntxtb");

    /** The text and what could not be read. */
    public record Result(String text, List<String> problems) {}

    private RtfText() {}

    public static Result plainText(String rtf, int maxChars) {
        List<String> problems = new ArrayList<>();
        if (rtf == null) return new Result("", problems);
        String in = rtf;
        if (in.length() > maxChars) {
            problems.add("the RTF text is " + in.length() + " characters long; only the first " + maxChars + " are shown");
            in = in.substring(0, maxChars);
        }
        if (!in.stripLeading().startsWith("{\\rtf")) return new Result(in, problems);
        return new Result(new Parser(in, problems).run(), problems);
    }

    private static final class State {
        boolean skip;
        int unicodeSkip = 1;

        State copy() {
            State s = new State();
            s.skip = skip;
            s.unicodeSkip = unicodeSkip;
            return s;
        }
    }

    private static final class Parser {
        final String in;
        final List<String> problems;
        final StringBuilder out = new StringBuilder();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Deque<State> stack = new ArrayDeque<>();
        State state = new State();
        Charset codepage = Charset.forName("windows-1252");
        int pos;
        int pendingSkip;
        int flatGroups; // groups opened past MAX_DEPTH, read as if flat
        boolean groupStart;

        Parser(String in, List<String> problems) {
            this.in = in;
            this.problems = problems;
        }

        String run() {
            while (pos < in.length()) {
                char c = in.charAt(pos++);
                switch (c) {
                    case '{' -> {
                        flushBytes();
                        if (stack.size() >= MAX_DEPTH) {
                            if (flatGroups++ == 0) problems.add("RTF groups nested more than " + MAX_DEPTH + " deep are read as one");
                        } else {
                            stack.push(state);
                            state = state.copy();
                        }
                        groupStart = true;
                        continue;
                    }
                    case '}' -> {
                        flushBytes();
                        if (flatGroups > 0) flatGroups--;
                        else if (!stack.isEmpty()) state = stack.pop();
                    }
                    case '\\' -> controlWord();
                    case '\r', '\n' -> { }
                    default -> text(String.valueOf(c));
                }
                groupStart = false;
            }
            flushBytes();
            return out.toString().replaceAll("[ \\t]+\\n", "\n").strip();
        }

        private void controlWord() {
            if (pos >= in.length()) return;
            boolean first = groupStart;
            groupStart = false;
            char c = in.charAt(pos);
            if (!isLetter(c)) {
                pos++;
                switch (c) {
                    case '\\', '{', '}' -> text(String.valueOf(c));
                    case '~' -> text("\u00a0");
                    case '_' -> text("-");
                    case '*' -> state.skip = true;
                    case '\'' -> hexByte();
                    case '\r', '\n' -> text("\n");
                    default -> { } // \- optional hyphen, \| and others: nothing to show
                }
                return;
            }
            int start = pos;
            while (pos < in.length() && isLetter(in.charAt(pos)) && pos - start < 32) pos++;
            String word = in.substring(start, pos);
            Integer param = null;
            int numStart = pos;
            if (pos < in.length() && (in.charAt(pos) == '-' || Character.isDigit(in.charAt(pos)))) {
                pos++;
                while (pos < in.length() && Character.isDigit(in.charAt(pos)) && pos - numStart < 10) pos++;
                try {
                    param = Integer.parseInt(in.substring(numStart, pos));
                } catch (NumberFormatException e) {
                    param = null;
                }
            }
            if (pos < in.length() && in.charAt(pos) == ' ') pos++;
            if (first && SKIPPED.contains(word)) {
                state.skip = true;
                return;
            }
            switch (word) {
                case "par", "line", "sect", "page", "row" -> text("\n");
                case "tab", "cell" -> text("\t");
                case "emdash" -> text("\u2014");
                case "endash" -> text("\u2013");
                case "bullet" -> text("\u2022");
                case "lquote" -> text("\u2018");
                case "rquote" -> text("\u2019");
                case "ldblquote" -> text("\u201c");
                case "rdblquote" -> text("\u201d");
                case "uc" -> state.unicodeSkip = param == null ? 1 : Math.max(0, Math.min(param, 8));
                case "u" -> {
                    if (param != null) {
                        text(String.valueOf((char) (param < 0 ? param + 65536 : param)));
                        pendingSkip = state.unicodeSkip;
                        return;
                    }
                }
                case "ansicpg" -> codepage(param);
                case "bin" -> pos = (int) Math.min(in.length(), (long) pos + Math.max(0, param == null ? 0 : param)); // raw bytes
                default -> { }
            }
        }

        private void hexByte() {
            if (pos + 2 > in.length()) {
                pos = in.length(); // a truncated escape at the end: nothing to show
                return;
            }
            int hi = Character.digit(in.charAt(pos), 16), lo = Character.digit(in.charAt(pos + 1), 16);
            pos += 2;
            if (hi < 0 || lo < 0) return;
            if (pendingSkip > 0) {
                pendingSkip--;
                return;
            }
            if (!state.skip) bytes.write(hi << 4 | lo);
        }

        private void text(String s) {
            if (pendingSkip > 0) {
                pendingSkip--;
                return;
            }
            if (state.skip) return;
            flushBytes();
            out.append(s);
        }

        private void flushBytes() {
            if (bytes.size() == 0) return;
            out.append(new String(bytes.toByteArray(), codepage));
            bytes.reset();
        }

        private void codepage(Integer cp) {
            if (cp == null) return;
            String name = cp == 65001 ? StandardCharsets.UTF_8.name() : cp == 932 ? "Shift_JIS" : cp == 936 ? "GBK" : cp == 949 ? "EUC-KR"
                    : cp == 950 ? "Big5" : "windows-" + cp;
            try {
                if (Charset.isSupported(name)) codepage = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                problems.add("the RTF's code page " + cp + " is not known here; windows-1252 is used");
            }
        }

        private static boolean isLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
    }
}
