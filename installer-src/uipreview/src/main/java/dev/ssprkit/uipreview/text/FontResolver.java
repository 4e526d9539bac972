package dev.ssprkit.uipreview.text;

import dev.ssprkit.uipreview.layout.InstallerUnits;
import dev.ssprkit.uipreview.model.TextStyleSpec;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text styles to fonts. A face installed here (fontconfig, the JDK, Wine's font folder when the fonts-wine package
 * is installed, or a folder given with {@link #registerFonts}) is used as is; a missing one is drawn and measured
 * with a stand-in of the same kind — DejaVu Sans for the sans-serif faces installer dialogs use (Tahoma, MS Sans
 * Serif, MS Shell Dlg, Segoe UI...), DejaVu Serif and DejaVu Sans Mono for serif and fixed-pitch faces, the JDK's
 * logical fonts when DejaVu is missing too — and the substitution is reported.
 *
 * <p>Sizes follow Windows Installer: a style of {@code n} points is a font {@code MulDiv(n, 96, 72)} pixels high
 * (character height). Without DefaultUIFont the installer uses the system dialog font, taken here as 8-point
 * Tahoma (MS Shell Dlg 2's face).
 */
public final class FontResolver {
    /** Where Debian's fonts-wine package puts Wine's own Tahoma, MS Sans Serif and others. */
    public static final Path WINE_FONTS = Path.of("/usr/share/wine/fonts");
    static final int MAX_FONT_FILES = 200;
    static final long MAX_FONT_BYTES = 50L << 20;

    private static final Set<String> SERIF = Set.of("times new roman", "times", "georgia", "garamond", "book antiqua", "palatino linotype",
            "cambria", "ms serif", "century schoolbook");
    private static final Set<String> MONO = Set.of("courier new", "courier", "lucida console", "consolas", "fixedsys", "terminal");
    private static volatile Set<String> installed;
    private static final Set<Path> registered = ConcurrentHashMap.newKeySet();

    private final Map<String, ResolvedFont> cache = new HashMap<>();
    private final Set<String> substitutions = new TreeSet<>();

    public FontResolver() {
        registerFonts(WINE_FONTS);
    }

    /**
     * Makes the TrueType/OpenType fonts of a folder available (not its subfolders; at most 200 files of 50 MiB);
     * returns what could not be read. Fonts stay registered for the life of the process.
     */
    public static synchronized List<String> registerFonts(Path dir) {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return problems;
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc")) || !Files.isRegularFile(f)) continue;
                if (++n > MAX_FONT_FILES) {
                    problems.add(dir + ": more than " + MAX_FONT_FILES + " font files; the rest are not used");
                    break;
                }
                if (!registered.add(f.toAbsolutePath().normalize())) continue;
                try {
                    if (Files.size(f) > MAX_FONT_BYTES) {
                        problems.add(f + ": larger than 50 MiB, not used");
                        continue;
                    }
                    for (Font font : Font.createFonts(f.toFile())) GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                } catch (FontFormatException | IOException | RuntimeException e) {
                    problems.add(f + ": not a font Java can read (" + (e.getMessage() == null ? "unreadable" : e.getMessage()) + ")");
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
        }
        installed = null;
        return problems;
    }

    /** The font for a TextStyle row, or the system dialog font for null. */
    public ResolvedFont resolve(TextStyleSpec style) {
        String key = style == null ? "" : style.name();
        return cache.computeIfAbsent(key, k -> create(style));
    }

    /** "Tahoma -> DejaVu Sans" for every face that was stood in for, sorted. */
    public Set<String> substitutions() {
        return java.util.Collections.unmodifiableSet(substitutions);
    }

    private ResolvedFont create(TextStyleSpec style) {
        String face = style == null || style.faceName() == null || style.faceName().isBlank() ? "Tahoma" : style.faceName().strip();
        int points = style == null ? 8 : style.size();
        int pixels = Math.max(1, Math.min(400, InstallerUnits.fontPixels(points <= 0 ? 8 : points)));
        String family = family(face);
        boolean substituted = !family.equalsIgnoreCase(face);
        if (substituted) substitutions.add(face + " -> " + family);
        int awtStyle = (style != null && style.bold() ? Font.BOLD : 0) | (style != null && style.italic() ? Font.ITALIC : 0);
        Font font = new Font(family, awtStyle, pixels);
        Map<TextAttribute, Object> extra = new HashMap<>();
        if (style != null && style.underline()) extra.put(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON);
        if (style != null && style.strikeOut()) extra.put(TextAttribute.STRIKETHROUGH, TextAttribute.STRIKETHROUGH_ON);
        if (!extra.isEmpty()) font = font.deriveFont(extra);
        Color color = null;
        if (style != null && style.color() != null) {
            int bgr = style.color() & 0xFFFFFF;
            color = new Color(bgr & 0xFF, (bgr >> 8) & 0xFF, (bgr >> 16) & 0xFF);
        }
        return new ResolvedFont(style == null ? null : style.name(), face, family, substituted, font, color);
    }

    /** The installed family for a face: itself, or its stand-in. */
    static String family(String face) {
        Set<String> have = installedFamilies();
        String lower = face.toLowerCase(Locale.ROOT);
        if (have.contains(lower)) return canonical(face);
        String[] standIns = SERIF.contains(lower) ? new String[] {"DejaVu Serif", Font.SERIF}
                : MONO.contains(lower) ? new String[] {"DejaVu Sans Mono", Font.MONOSPACED}
                : new String[] {"DejaVu Sans", Font.SANS_SERIF};
        return have.contains(standIns[0].toLowerCase(Locale.ROOT)) ? standIns[0] : standIns[1];
    }

    private static String canonical(String face) {
        for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            if (f.equalsIgnoreCase(face)) return f;
        }
        return face;
    }

    private static Set<String> installedFamilies() {
        Set<String> s = installed;
        if (s == null) {
            s = new java.util.HashSet<>();
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) s.add(f.toLowerCase(Locale.ROOT));
            installed = s;
        }
        return s;
    }
}
