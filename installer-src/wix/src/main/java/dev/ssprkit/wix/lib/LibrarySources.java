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
        List<Path> out = new ArrayList<>();
        List<Path> wxl = new ArrayList<>();
        for (WixExtension x : extensions) {
            for (String resource : x.libraries()) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                Path target = folder.resolve(x.id()).resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = LibrarySources.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
                    if (in == null) throw new IllegalStateException("library source " + resource + " of the " + x.title() + " is missing from the class path");
                    Files.copy(in, target);
                }
                if (name.endsWith(".wxs")) out.add(target);
                if (name.endsWith(".wxl")) wxl.add(target);
            }
        }
        return new Extracted(out, wxl);
    }
}
