package dev.ssprkit.wix.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source file's characters and a line index over them. We decode the bytes ourselves (BOM, then the XML
 * declaration's encoding, then UTF-8) and hand StAX the characters, so that StAX's character offsets index this
 * text and attribute positions can be found in it.
 */
final class SourceText {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private final String text;
    private final int[] lineStarts;
    /**
     * The 0-based line of the last offset looked up: the parser asks in document order, so the next answer is
     * nearly always this line or the next (checked against the index before use, so a stale value is harmless).
     */
    private int lastLine;

    private SourceText(String text) {
        this.text = text;
        this.lineStarts = text.indexOf('\r') < 0 ? newlineStarts(text) : lineStartsByChar(text);
    }

    /**
     * Where each line starts when only {@code \n} breaks lines: found by the library's search, line by line. This runs
     * once per file, mostly before the JIT compiler has seen it, when a character-by-character loop costs milliseconds.
     */
    static int[] newlineStarts(String text) {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1; // starts[0] = 0
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            starts[count++] = i + 1;
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    /** Where each line starts: XML treats \r\n, \r and \n each as one line break, and so does StAX's line count. */
    static int[] lineStartsByChar(String text) {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1; // starts[0] = 0
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                starts[count++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    /** Thrown when the bytes are not valid in their encoding; carries the position reached. */
    static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;
        final String encoding;
        final int line;
        final int column;

        DecodeException(String encoding, String detail, int line, int column) {
            super(detail);
            this.encoding = encoding;
            this.line = line;
            this.column = column;
        }
    }

    static SourceText decode(byte[] bytes) throws DecodeException {
        Charset charset;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredCharset(bytes);
        }
        // as Windows (and so WiX) decodes it: the five undefined bytes become C1 controls, so a UTF-8 file mislabelled as
        // windows-1252 still reads as WiX reads it
        if (charset.name().equals("windows-1252")) return new SourceText(dev.ssprkit.msi.db.Windows1252.textOf(bytes, skip, bytes.length - skip));
        // ASCII is the same characters in UTF-8 and every codepage this could name but UTF-16's and EBCDIC's (both told
        // apart above or by a declaration that is not ASCII-compatible): one copy instead of a decoder run
        if (asciiCompatible(charset) && isAscii(bytes, skip)) {
            return new SourceText(new String(bytes, skip, bytes.length - skip, StandardCharsets.ISO_8859_1));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            SourceText partial = new SourceText(out.toString());
            int offset = partial.text.length();
            throw new DecodeException(charset.name(), "invalid byte sequence at byte " + in.position(),
                    partial.line(offset), partial.column(offset));
        }
        return new SourceText(out.toString());
    }

    private static boolean asciiCompatible(Charset charset) {
        String name = charset.name();
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.equals("ISO-8859-1");
    }

    /** No byte from {@code from} on has its high bit set (eight at a time). */
    private static boolean isAscii(byte[] bytes, int from) {
        int i = from;
        for (int end = bytes.length - 7; i < end; i += 8) {
            if (((long) LONG_LE.get(bytes, i) & 0x8080808080808080L) != 0) return false;
        }
        for (; i < bytes.length; i++) if (bytes[i] < 0) return false;
        return true;
    }

    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static Charset declaredCharset(byte[] bytes) throws DecodeException {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DecodeException(m.group(1), "this encoding is not supported", 1, m.start(1) + 1);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** For tests and callers that already hold characters. */
    static SourceText of(String text) {
        return new SourceText(text);
    }

    String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    int line(int offset) {
        return lineIndex(offset) + 1;
    }

    private int lineIndex(int offset) {
        int k = lastLine;
        for (int step = 0; step < 2 && k < lineStarts.length; step++, k++) { // this line or the next
            if (lineStarts[k] <= offset && (k + 1 == lineStarts.length || offset < lineStarts[k + 1])) {
                lastLine = k;
                return k;
            }
        }
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        k = Math.max(0, i >= 0 ? i : -i - 2);
        lastLine = k;
        return k;
    }

    /** The character offset of a 1-based line and column, clamped to the text. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(column, 1) - 1);
    }

    /** 1-based column of a character offset. */
    int column(int offset) {
        return offset - lineStarts[lineIndex(offset)] + 1;
    }
}
