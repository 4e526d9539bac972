package dev.ssprkit.endpoint.msiexec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for msiexec: a shell script that records its arguments, copies a prepared log to the path after
 * {@code /l*vx}, and exits with the next code of a list (the last one repeats), so tests can play 1618 then 0.
 * A Unix exit status keeps only the low byte (1603 exits as 67), as with {@code wine msiexec}; the runner widens it.
 */
final class FakeMsiexec {
    final Path dir;
    final Path script;
    final Path calls;

    FakeMsiexec(Path dir, List<Integer> exitCodes, byte[] log) throws IOException {
        this.dir = dir;
        this.script = dir.resolve("msiexec.sh");
        this.calls = dir.resolve("calls.txt");
        Files.write(dir.resolve("codes.txt"), (String.join("\n", exitCodes.stream().map(String::valueOf).toList()) + "\n").getBytes());
        if (log != null) Files.write(dir.resolve("log.template"), log);
        String sh = """
                #!/bin/sh
                d='%s'
                printf '%%s\\n' "$*" >> "$d/calls.txt"
                log=''
                prev=''
                for a in "$@"; do
                  if [ "$prev" = '/l*vx' ]; then log="$a"; fi
                  prev="$a"
                done
                if [ -n "$log" ] && [ -f "$d/log.template" ]; then cp "$d/log.template" "$log"; fi
                n=$(wc -l < "$d/calls.txt")
                code=$(sed -n "${n}p" "$d/codes.txt")
                [ -z "$code" ] && code=$(tail -n 1 "$d/codes.txt")
                exit "$code"
                """.formatted(dir.toString());
        Files.writeString(script, sh);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
