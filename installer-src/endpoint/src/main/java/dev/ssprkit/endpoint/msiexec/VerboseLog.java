package dev.ssprkit.endpoint.msiexec;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an msiexec verbose log ({@code /l*v}): UTF-16LE with a byte-order mark (the usual case) or ANSI, and finds
 * the action that failed: the action named on the first {@code "Return value 3."} line, or else the last action
 * started before it.
 */
public final class VerboseLog {
    private static final Pattern ENDED = Pattern.compile("Action ended [^:]*:\\d\\d:\\d\\d: ([^.\\s]+)\\. Return value 3\\.");
    private static final Pattern STARTED = Pattern.compile("Action start [^:]*:\\d\\d:\\d\\d: ([^.\\s]+)\\.");
    private static final long MAX_LOG = 256L << 20;

    private VerboseLog() {}

    public static String read(Path log) throws IOException {
        long size = Files.size(log);
        if (size > MAX_LOG) throw new IOException(log + " is larger than " + MAX_LOG + " bytes");
        return decode(dev.ssprkit.common.FileBytes.read(log));
    }

    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        return new String(b, Charset.forName("windows-1252"));
    }

    /** The failing action, or null when the log shows none. */
    public static String failedAction(String text) {
        String lastStarted = null;
        for (String line : text.split("\r\n|\n|\r")) {
            if (line.contains("Return value 3")) {
                Matcher ended = ENDED.matcher(line);
                return ended.find() ? ended.group(1) : lastStarted;
            }
            Matcher started = STARTED.matcher(line);
            if (started.find()) lastStarted = started.group(1);
        }
        return null;
    }

    public static String failedAction(Path log) throws IOException {
        return Files.exists(log) ? failedAction(read(log)) : null;
    }
}
