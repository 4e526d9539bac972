package dev.ssprkit.uipreview.render;

import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.model.PreviewNote;

import java.util.Collection;
import java.util.List;

/**
 * The index.html of a preview folder: every dialog's picture with an image map whose areas name the visible
 * controls (hover shows "Control (Type)"), its title, its size in installer units and pixels, and what the
 * preview noted. Self-contained: no scripts, nothing loaded from elsewhere.
 */
public final class IndexPage {
    /** One dialog on the page; {@code file} is null when it was not drawn. */
    public record Entry(String dialog, String file, String title, int widthUnits, int heightUnits, int widthPixels, int heightPixels,
                        List<ControlLayout> controls, List<PreviewNote> notes) {}

    private IndexPage() {}

    public static String html(String packageName, List<Entry> entries, Collection<String> fontNotes, List<PreviewNote> packageNotes) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Dialogs of ").append(esc(packageName)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;background:#fafafa}figure{margin:0 0 2.5em}")
                .append("img{border:1px solid #888;image-rendering:pixelated}figcaption{margin:.3em 0}.notes{color:#8a4b00;font-size:90%}")
                .append("nav a{margin-right:.8em}</style>\n</head>\n<body>\n");
        h.append("<h1>Dialogs of ").append(esc(packageName)).append("</h1>\n");
        h.append("<p>Drawn by <code>sspr ui preview</code> with Java2D, not by Windows: positions and sizes are exact (installer units "
                + "&times; 4/3 at 96 DPI), fonts and control looks are approximations. Hover a control to see its name.</p>\n");
        if (!fontNotes.isEmpty() || !packageNotes.isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            for (String f : fontNotes) h.append("<li>font ").append(esc(f)).append("</li>\n");
            for (PreviewNote n : packageNotes) h.append("<li>").append(esc(n.toString())).append("</li>\n");
            h.append("</ul>\n");
        }
        h.append("<nav>");
        for (Entry e : entries) h.append("<a href=\"#").append(esc(anchor(e.dialog()))).append("\">").append(esc(e.dialog())).append("</a> ");
        h.append("</nav>\n");
        for (Entry e : entries) {
            String id = anchor(e.dialog());
            h.append("<figure id=\"").append(esc(id)).append("\">\n<h2>").append(esc(e.dialog())).append("</h2>\n");
            if (e.file() != null) {
                h.append("<img src=\"").append(esc(e.file())).append("\" width=\"").append(e.widthPixels()).append("\" height=\"").append(e.heightPixels())
                        .append("\" alt=\"").append(esc(e.dialog())).append("\" usemap=\"#map-").append(esc(id)).append("\">\n");
                h.append("<map name=\"map-").append(esc(id)).append("\">\n");
                for (ControlLayout c : e.controls()) {
                    if (!c.visible()) continue;
                    var b = c.bounds();
                    h.append("<area shape=\"rect\" coords=\"").append(b.x).append(',').append(b.y).append(',').append(b.x + b.width).append(',')
                            .append(b.y + b.height).append("\" title=\"").append(esc(c.name() + " (" + c.type() + ")")).append("\" alt=\"")
                            .append(esc(c.name())).append("\" data-control=\"").append(esc(c.name())).append("\">\n");
                }
                h.append("</map>\n");
            }
            h.append("<figcaption>").append(e.title() == null ? "" : "&ldquo;" + esc(e.title()) + "&rdquo; &middot; ")
                    .append(e.widthUnits()).append(" &times; ").append(e.heightUnits()).append(" installer units, ")
                    .append(e.widthPixels()).append(" &times; ").append(e.heightPixels()).append(" pixels").append("</figcaption>\n");
            if (!e.notes().isEmpty()) {
                h.append("<ul class=\"notes\">\n");
                for (PreviewNote n : e.notes()) h.append("<li>").append(esc(n.control() == null ? n.message() : n.control() + ": " + n.message())).append("</li>\n");
                h.append("</ul>\n");
            }
            h.append("</figure>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    static String anchor(String dialog) {
        return "dlg-" + dialog;
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') out.append(' ');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
