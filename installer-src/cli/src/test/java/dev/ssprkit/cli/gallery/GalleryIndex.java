package dev.ssprkit.cli.gallery;

import dev.ssprkit.common.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code index.html} of the gallery: per culture and dialog, Wine's picture beside the preview's (relative links). */
final class GalleryIndex {
    private record Entry(String culture, String dialog, String set) {}

    private final Path root;
    private final List<Entry> entries = new ArrayList<>();

    GalleryIndex(Path root) {
        this.root = root;
    }

    void add(String culture, String dialog, String set) {
        entries.add(new Entry(culture, dialog, set));
    }

    void write() throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html>\n<meta charset=\"utf-8\">\n<title>WixUI dialog gallery</title>\n")
                .append("<style>body{font-family:sans-serif} td{vertical-align:top;padding:4px} img{border:1px solid #888}</style>\n")
                .append("<h1>WixUI dialogs: Wine's msiexec (left), sspr ui preview (right)</h1>\n<table>\n");
        String culture = null;
        for (Entry e : entries) {
            if (!e.culture().equals(culture)) {
                culture = e.culture();
                html.append("<tr><th colspan=\"2\"><h2 id=\"").append(culture).append("\">").append(culture).append("</h2></th></tr>\n");
            }
            String base = e.culture() + "/";
            html.append("<tr><td colspan=\"2\">").append(e.dialog()).append(" (").append(e.set()).append(")</td></tr>\n<tr><td><img src=\"")
                    .append(base).append("wine/").append(e.dialog()).append(".png\" alt=\"Wine\"></td><td><img src=\"")
                    .append(base).append("preview/").append(e.dialog()).append(".png\" alt=\"preview\"></td></tr>\n");
        }
        html.append("</table>\n");
        Files.createDirectories(root);
        AtomicFile.write(root.resolve("index.html"), html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
