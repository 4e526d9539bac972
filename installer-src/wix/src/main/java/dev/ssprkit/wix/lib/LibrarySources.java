package dev.ssprkit.wix.lib;

import dev.ssprkit.wix.compile.WixExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WiX sources extensions ship as libraries (class-path resources), copied into the build's temporary folder so
 * the preprocessor reads them like any source (with the same hardening) and messages name a real file.
 */
public final class LibrarySources {
    private LibrarySources() {}

    /** What {@link #extract} copied: the sources to compile and the localization files (lowest-priority strings). */
    public record Extracted(List<Path> sources, List<Path> localizations) {}

    /**
     * Copies every library resource of {@code extensions} (sources and the payload they name, such as bitmaps) under
     * {@code folder}; returns the copied sources and .wxl files, in order.
     */
    public static Extracted extract(List<WixExtension> extensions, Path folder) throws IOException {
        return extract(extensions, List.of(), folder);
    }

    /** Like {@link #extract(List, Path)}, plus {@code core} sources that belong to no extension (under {@code core/}). */
    public static Extracted extract(List<WixExtension> extensions, List<String> core, Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> wxl = new ArrayList<>();
        for (String resource : core) out.add(copy(resource, folder.resolve("core"), "the compiler's defaults"));
        for (WixExtension x : extensions) {
            for (String resource : x.libraries()) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                Path target = copy(resource, folder.resolve(x.id()), "the " + x.title());
                if (name.endsWith(".wxs")) out.add(target);
                if (name.endsWith(".wxl")) wxl.add(target);
            }
        }
        return new Extracted(out, wxl);
    }

    private static Path copy(String resource, Path folder, String owner) throws IOException {
        Path target = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        Files.createDirectories(target.getParent());
        try (InputStream in = LibrarySources.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
            if (in == null) throw new IllegalStateException("library source " + resource + " of " + owner + " is missing from the class path");
            Files.copy(in, target);
        }
        return target;
    }
}
