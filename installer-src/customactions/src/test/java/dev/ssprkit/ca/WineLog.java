package dev.ssprkit.ca;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs msiexec with a verbose log and reads the log back (Wine writes it in the ANSI code page, Windows in UTF-16). */
final class WineLog {
    private WineLog() {}

    record Run(int exitCode, String log) {
        /** The lines our library logged for one entry point ("WixQuietExec: ..."). */
        String linesOf(String entry) {
            StringBuilder b = new StringBuilder();
            for (String line : log.split("\r?\n")) if (line.startsWith(entry + ": ")) b.append(line).append('\n');
            return b.toString();
        }
    }

    static Run msiexec(Wine wine, Path log, String... args) throws IOException {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "/l*v";
        all[args.length + 1] = log.toString();
        Tool.Result r = wine.msiexec(all);
        return new Run(r.exitCode(), read(log));
    }

    static String read(Path log) throws IOException {
        if (!Files.exists(log)) return "(no log written)";
        byte[] b = Files.readAllBytes(log);
        return b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
    }

    static String tail(String log) {
        return log.length() > 15000 ? log.substring(log.length() - 15000) : log;
    }
}
