package dev.ssprkit.msi.db;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * Code page 1252 as Windows converts it (MultiByteToWideChar / WideCharToMultiByte, and so WiX and Windows Installer):
 * the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for the C1 control characters
 * of the same value, both ways. Java's windows-1252 turns them into U+FFFD and cannot encode U+0081..., so a UTF-8
 * file mislabelled as windows-1252 (starship's installer source) would not survive a round trip through a package.
 */
public final class Windows1252 extends Charset {
    public static final Windows1252 INSTANCE = new Windows1252();

    private static final char[] TO_CHAR = new char[256];
    private static final byte[] FROM_CHAR = new byte[0x10000];
    private static final boolean[] ENCODABLE = new boolean[0x10000];

    static {
        Charset java = Charset.forName("windows-1252");
        for (int b = 0; b < 256; b++) {
            String s = new String(new byte[] {(byte) b}, java);
            char c = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) b;
            TO_CHAR[b] = c;
            FROM_CHAR[c] = (byte) b;
            ENCODABLE[c] = true;
        }
    }

    private Windows1252() {
        super("windows-1252", new String[0]); // equal by name to Java's, which it extends by five characters
    }

    /** True when Java's own windows-1252 cannot encode {@code c} but Windows maps it to a byte (the five C1 controls). */
    public static boolean isWindowsOnly(char c) {
        return c == '\u0081' || c == '\u008D' || c == '\u008F' || c == '\u0090' || c == '\u009D';
    }

    /** The bytes of {@code s}; every character must be encodable (see {@link #encodable(CharSequence)}). */
    public static byte[] bytesOf(CharSequence s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            if (!ENCODABLE[c]) throw new IllegalArgumentException("not in code page 1252: U+" + Integer.toHexString(c));
            out[i] = FROM_CHAR[c];
        }
        return out;
    }

    public static boolean encodable(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (!ENCODABLE[s.charAt(i)]) return false;
        return true;
    }

    /** Decodes bytes, which always succeeds: every byte has a character. */
    public static String textOf(byte[] bytes, int from, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = TO_CHAR[bytes[from + i] & 0xFF];
        return new String(chars);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || cs.name().equals("US-ASCII");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                    out.put(TO_CHAR[in.get() & 0xFF]);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new CharsetEncoder(this, 1f, 1f, new byte[] {'?'}) {
            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    char c = in.get(in.position());
                    if (!ENCODABLE[c]) return CoderResult.unmappableForLength(1);
                    if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                    in.get();
                    out.put(FROM_CHAR[c]);
                }
                return CoderResult.UNDERFLOW;
            }

            @Override
            public boolean canEncode(char c) {
                return ENCODABLE[c];
            }
        };
    }

}
