package dev.ssprkit.sysprep.cache;

/**
 * One line of a {@link CleanReport}.
 *
 * @param path   absolute path of the entry
 * @param type   {@code file}, {@code directory}, {@code link} (a symbolic link, junction or other reparse point,
 *               removed itself, never its target) or {@code target} (a whole cache root that was skipped)
 * @param bytes  size of a removed file; 0 for folders and links
 * @param reason why it was skipped or failed; null for removed entries
 */
public record ReportEntry(String path, String type, long bytes, String reason) {}
