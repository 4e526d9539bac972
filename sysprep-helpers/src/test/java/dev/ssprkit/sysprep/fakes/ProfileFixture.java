package dev.ssprkit.sysprep.fakes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Builds profile trees for the cleaner tests: caches with nested folders, read-only files and folders, mixed-case
 * names, and (with {@code links}) escape attempts: a symlink inside INetCache to a sibling folder with files, a file
 * symlink, a symlinked WebCache folder in the Default profile, and a profile folder that is itself a link.
 */
public final class ProfileFixture {
    private ProfileFixture() {}

    /** {@code image/Users/{Administrator,Default,LinkedAdmin->Administrator}} plus an {@code Outside} folder. */
    public static void image(Path image, boolean links) throws IOException {
        Path users = image.resolve("Users");
        profile(users.resolve("Administrator"), links, "admin");
        profile(users.resolve("Default"), links, "default");
        write(image.resolve("Outside/precious.txt"), "outside the profile");
        write(image.resolve("Windows/System32/config/SOFTWARE"), "hive");
        if (links) {
            Files.createSymbolicLink(users.resolve("LinkedAdmin"), Path.of("Administrator"));
            // Default's WebCache is a link to a folder outside the profile: it must stay, and its target's files too.
            Path w = users.resolve("Default/AppData/Local/Microsoft/Windows");
            deleteTree(w.resolve("WebCache"));
            Files.createSymbolicLink(w.resolve("WebCache"), image.resolve("Outside").toAbsolutePath());
        }
    }

    public static void profile(Path p, boolean links, String tag) throws IOException {
        write(p.resolve("NTUSER.DAT"), "registry " + tag);
        write(p.resolve("Desktop/notes.txt"), "desktop " + tag);
        write(p.resolve("AppData/Roaming/app/settings.ini"), "roaming " + tag);
        write(p.resolve("AppData/Local/Keep/keep.txt"), "keep " + tag);
        Path w = p.resolve("AppData/Local/Microsoft/Windows");
        write(w.resolve("History/h.dat"), "history " + tag);
        write(w.resolve("Sibling/s1.txt"), "sibling 1 " + tag);
        write(w.resolve("Sibling/deeper/s2.txt"), "sibling 2 " + tag);
        write(w.resolve("WebCacheLockX.dat"), "not a target, only a similar name");
        write(w.resolve("WebCache/WebCacheV01.dat"), "ese database " + tag);
        write(w.resolve("WebCache/V01.log"), "log");
        write(w.resolve("WebCache/sub/deep/blob.bin"), "x".repeat(5000));
        write(w.resolve("WebCacheLock.dat"), "lock");
        write(w.resolve("INetCache/IE/ABCDEF12/page[1].htm"), "<html>" + tag);
        write(w.resolve("INetCache/Low/IE/ro/readonly.txt"), "read-only file in a read-only folder");
        readOnly(w.resolve("INetCache/Low/IE/ro/readonly.txt"));
        readOnly(w.resolve("INetCache/Low/IE/ro"));
        write(w.resolve("INetCache/..hidden-dots.txt"), "a name starting with two dots");
        write(w.resolve("INetCookies/cookie.txt"), "cookie");
        write(w.resolve("INetCookies/Low/ro.txt"), "ro");
        readOnly(w.resolve("INetCookies/Low/ro.txt"));
        write(w.resolve("Temporary Internet Files/Content.IE5/t.txt"), "win7");
        if (links) {
            Files.createSymbolicLink(w.resolve("INetCache/escape"), Path.of("../Sibling"));
            Files.createSymbolicLink(w.resolve("INetCache/IE/file-escape.txt"), Path.of("../../Sibling/s1.txt"));
            Files.createSymbolicLink(w.resolve("INetCookies/abs-escape"), p.resolve("AppData/Local/Keep").toAbsolutePath());
        }
    }

    /** A profile whose cache folders carry Windows' case variants (matched case-insensitively). */
    public static void mixedCaseProfile(Path p) throws IOException {
        write(p.resolve("appdata/LOCAL/microsoft/windows/webcache/WebCacheV01.dat"), "db");
        write(p.resolve("appdata/LOCAL/microsoft/windows/INETCACHE/x.htm"), "x");
        write(p.resolve("appdata/LOCAL/microsoft/windows/keep.txt"), "keep");
    }

    public static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void readOnly(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
    }

    /** rm -r for test set-up and clean-up (makes read-only folders writable first; never follows links). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) deleteTree(c);
            }
        }
        Files.delete(p);
    }
}
