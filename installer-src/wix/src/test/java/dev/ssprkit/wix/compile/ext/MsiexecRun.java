package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** msiexec runs under Wine with a verbose log, and our DLL's lines in it, for the util extension's Wine tests. */
final class MsiexecRun {
    private MsiexecRun() {}

    /** A verbose log as text: UTF-16LE with a byte-order mark, or bytes as they are. */
    static String read(Path log) throws Exception {
        byte[] b = Files.readAllBytes(log);
        return b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Our DLL's lines of one entry point ("CreateUser: ..."), without the prefix. */
    static List<String> linesOf(String log, String entry) {
        return log.lines().filter(l -> l.startsWith(entry + ": ")).map(l -> l.substring(entry.length() + 2)).toList();
    }

    /** msiexec's exit code, a line break, then the verbose log (dir/name.log). */
    static String run(Wine wine, Path dir, String name, String... args) throws Exception {
        Path log = dir.resolve(name + ".log");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "/l*v";
        all[args.length + 1] = log.toString();
        int code = wine.msiexec(all).exitCode();
        return code + "\n" + read(log);
    }

    /** Fails, showing the lines and the whole run, unless {@code lines} has {@code line}. */
    static void has(List<String> lines, String line, String log) {
        org.junit.jupiter.api.Assertions.assertTrue(lines.contains(line), line + " in " + lines + "\n" + log);
    }
}
