package dev.ssprkit.sysprep.fakes;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Every entry under a folder (links not followed) → SHA-256 of a file, "link:TARGET" or "dir"; keys are paths
 * relative to the folder with '/' separators.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {}

    public static TreeMap<String, String> of(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) out.put(rel(root, dir), "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                out.put(rel(root, file), attrs.isSymbolicLink() ? "link:" + Files.readSymbolicLink(file) : sha256(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    public static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
