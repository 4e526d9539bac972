package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.Message;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.link.Linked;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.Platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the binder's steps share: the linked symbols, the options, the database being filled and what steps found. */
final class BindContext {
    final Linked linked;
    final Diagnostics diagnostics;
    final BindOptions options;
    final Database db = new Database();
    /** The identity with bind-time values resolved. */
    PackageSymbol identity;
    /** The package code when a step had to fix it before writing (software tags name it), else null: the writer derives it. */
    String packageCode;
    Platform platform;
    /** Facts about each payload file, by File id. */
    final Map<String, FileFacts> files = new HashMap<>();
    /** Each directory's target path below its root ({@code ProgramFilesFolder\Company\App}), for GUIDs and messages. */
    final Map<String, String> directoryPaths = new HashMap<>();
    /** Files leaving the package (external cabinets, uncompressed payload). */
    final List<BindResult.SideFile> sideFiles = new ArrayList<>();

    BindContext(Linked linked, Diagnostics diagnostics, BindOptions options) {
        this.linked = linked;
        this.diagnostics = diagnostics;
        this.options = options;
    }

    void report(Message m, SourceLocation at, Object... args) {
        diagnostics.report(m, at, args);
    }

    boolean failed() {
        return diagnostics.hasErrors();
    }

    List<Row> rows(String table) {
        return linked.rows(table);
    }

    boolean isModule() {
        return linked.type() == dev.ssprkit.wix.model.Section.Type.MODULE;
    }

    /**
     * What the binder learns about a payload file: its size, version and language (PE resources), and MD5 for
     * unversioned files (filled when the cabinet writer reads it).
     */
    static final class FileFacts {
        final Row row;
        /**
         * Where the payload file is, as its folder (one path object for all the files of a folder, {@link #folder})
         * and its name; {@link #source} makes the path when asked. A path object kept per file, with the text and
         * the name offsets it caches once opened or asked for its name, took about 250 bytes a file: 25 MB of a
         * 100,000-file build, held through every cabinet (fifteenth session).
         */
        private final java.nio.file.Path folder;
        private final String name;
        /** The path itself when it has no folder part (a bare relative name), else null. */
        private final java.nio.file.Path alone;
        long size;
        String version;
        String language;
        byte[] md5;
        /** The file's bytes when read ahead ({@link dev.ssprkit.wix.source.PayloadPrefetch}), until the cabinet holds them. */
        java.nio.ByteBuffer content;
        int diskId;
        boolean compressed;

        /** Facts about one file whose folder no other file shares (a merge module's extracted payload). */
        FileFacts(Row row, java.nio.file.Path source) {
            this(row, source, null);
        }

        /**
         * Facts about one of many files: {@code folders} gives the files of one folder the same folder path (null: the
         * file keeps its own).
         */
        FileFacts(Row row, java.nio.file.Path source, Map<java.nio.file.Path, java.nio.file.Path> folders) {
            this.row = row;
            java.nio.file.Path parent = source == null ? null : source.getParent();
            java.nio.file.Path fileName = source == null ? null : source.getFileName();
            if (parent == null || fileName == null) {
                this.folder = null;
                this.name = fileName == null ? null : fileName.toString();
                this.alone = source;
            } else {
                this.folder = folders == null ? parent : folders.computeIfAbsent(parent, f -> f);
                this.name = fileName.toString();
                this.alone = null;
            }
        }

        /** The payload file's path (a new path object each time: keep it only as long as it is used), or null. */
        java.nio.file.Path source() {
            return folder != null ? folder.resolve(name) : alone;
        }

        /** The payload file's name, without its folder; null when it has no source. */
        String sourceName() {
            return name;
        }
    }
}
