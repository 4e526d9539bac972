package dev.ssprkit.sysprep.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes one cache root (a folder with everything inside, or one file) without ever leaving it.
 *
 * <ul>
 *   <li>Nothing is followed: entries are read with {@code NOFOLLOW_LINKS}; a symbolic link, junction or other reparse
 *       point inside the root is removed itself (unlinked), its target is never entered or touched. (A hand-written
 *       walker is used because {@code Files.walkFileTree} enters Windows junctions: the JDK reports them as
 *       directories.)</li>
 *   <li>Before anything in a folder is deleted, that folder's real path is checked to lie inside the root's real
 *       path; a folder swapped for a link meanwhile is caught there.</li>
 *   <li>Read-only entries: a folder without write permission is made writable (POSIX), a file or folder with the DOS
 *       read-only attribute has it cleared, then the delete is retried.</li>
 *   <li>A failure is reported and the walk goes on; a folder that keeps entries is reported failed, not removed.</li>
 *   <li>A dry run walks the same way and reports every entry a real run would remove, deleting nothing.</li>
 * </ul>
 */
final class TreeDeleter {
    private final Path root;
    private final Path rootReal;
    private final boolean dryRun;
    private final CleanReport.Builder report;
    private final Remover remover;

    /** Deletes one entry that is not a non-empty folder; {@code Files::delete} except in failure tests. */
    @FunctionalInterface
    interface Remover {
        void remove(Path entry) throws IOException;
    }

    /** {@code root} must already be known to be a real folder or a plain file (see {@link TargetResolver}). */
    TreeDeleter(Path root, boolean dryRun, CleanReport.Builder report, Remover remover) throws IOException {
        this.root = root;
        this.rootReal = root.getParent().toRealPath().resolve(root.getFileName());
        this.dryRun = dryRun;
        this.report = report;
        this.remover = remover;
    }

    /** Deletes the root; true when everything went (or would go). */
    boolean deleteRoot() {
        return delete(root);
    }

    private boolean delete(Path entry) {
        BasicFileAttributes a = Entries.attributes(entry).orElse(null);
        if (a == null) {
            report.failed(entry.toString(), "file", "vanished or unreadable");
            return false;
        }
        if (Entries.isLinkLike(a)) return remove(entry, "link", 0);
        if (!a.isDirectory()) return remove(entry, "file", a.size());
        String outside = outsideRoot(entry);
        if (outside != null) {
            report.failed(entry.toString(), "directory", outside);
            return false;
        }
        if (!dryRun) makeWritable(entry);
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(entry)) {
            for (Path c : ds) children.add(c);
        } catch (IOException e) {
            report.failed(entry.toString(), "directory", "cannot list: " + e);
            return false;
        }
        children.sort(null);
        boolean all = true;
        for (Path c : children) {
            all &= delete(c);
        }
        if (!all) {
            report.failed(entry.toString(), "directory", "not removed: entries inside could not be removed");
            return false;
        }
        return remove(entry, "directory", 0);
    }

    /** Null when {@code dir} really is inside the root, else why not. */
    private String outsideRoot(Path dir) {
        try {
            Path real = dir.toRealPath();
            if (real.startsWith(rootReal)) return null;
            return "resolves to " + real + ", outside the cache root " + rootReal + "; not entered";
        } catch (IOException e) {
            return "cannot resolve: " + e;
        }
    }

    private boolean remove(Path entry, String type, long bytes) {
        String name = entry.getFileName().toString();
        if (name.equals(".") || name.equals("..") || !entry.normalize().startsWith(root)) {
            report.failed(entry.toString(), type, "outside the cache root " + root);
            return false;
        }
        if (dryRun) {
            report.removed(entry.toString(), type, bytes);
            return true;
        }
        try {
            deleteOnce(entry, type);
            report.removed(entry.toString(), type, bytes);
            return true;
        } catch (IOException e) {
            report.failed(entry.toString(), type, e.toString());
            return false;
        }
    }

    private void deleteOnce(Path entry, String type) throws IOException {
        try {
            remover.remove(entry);
        } catch (AccessDeniedException e) {
            if (type.equals("link")) throw e;
            DosFileAttributeView dos = Files.getFileAttributeView(entry, DosFileAttributeView.class, Entries.NOFOLLOW);
            boolean posix = Files.getFileAttributeView(entry, PosixFileAttributeView.class, Entries.NOFOLLOW) != null;
            if (dos == null || posix) throw e;
            dos.setReadOnly(false);
            remover.remove(entry);
        }
    }

    /** POSIX: a folder needs owner write and execute permission for its entries to be deleted. */
    private void makeWritable(Path dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, Entries.NOFOLLOW);
        if (view == null) return;
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.contains(PosixFilePermission.OWNER_WRITE) && perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    && perms.contains(PosixFilePermission.OWNER_READ)) {
                return;
            }
            perms.add(PosixFilePermission.OWNER_READ);
            perms.add(PosixFilePermission.OWNER_WRITE);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            view.setPermissions(perms);
        } catch (IOException e) {
            // the deletes below will fail and say why
        }
    }
}
