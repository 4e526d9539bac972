package dev.ssprkit.wix.loc;

import dev.ssprkit.wix.compile.core.Codepages;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.source.Preprocessor;
import dev.ssprkit.wix.source.SourceDocument;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strings {@code !(loc.X)} resolves to, from {@code .wxl} files ({@code -loc}), for the cultures asked for
 * ({@code -culture}, in fallback order: a string of the first culture wins, culture-neutral files come last), with
 * the codepage and language of the chosen culture. A string defined twice for one culture is an error unless the
 * first is Overridable.
 *
 * @param ui dialog and control overrides ({@code <UI Dialog Control X Y Width Height>text</UI>}) for the UI binder
 */
public record Localization(Map<String, String> strings, Integer codepage, Integer language, String culture, List<UiOverride> ui) {
    /** One {@code <UI>} element of a .wxl: new text or geometry for a dialog or one of its controls. */
    public record UiOverride(String dialog, String control, Integer x, Integer y, Integer width, Integer height,
                             String text, SourceLocation location) {}

    private record Loaded(String culture, Integer codepage, Integer language, Map<String, String> strings,
                          Map<String, Boolean> overridable, List<UiOverride> ui) {}

    /** This localization with the strings of {@code fallback} it does not define (an extension's library texts). */
    public Localization withFallback(Localization fallback) {
        Map<String, String> merged = new LinkedHashMap<>(strings);
        fallback.strings().forEach(merged::putIfAbsent);
        return new Localization(merged, codepage, language, culture, ui);
    }

    public static Localization none() {
        return new Localization(Map.of(), null, null, null, List.of());
    }

    public static Localization load(List<Path> files, List<String> cultures, Preprocessor preprocessor, Diagnostics diagnostics) {
        if (files.isEmpty()) return none();
        List<Loaded> loaded = new ArrayList<>();
        for (Path f : files) {
            SourceDocument doc = preprocessor.process(f);
            if (!doc.hasRoot()) continue;
            SourceElement root = doc.root();
            if (!root.localName().equals("WixLocalization")) {
                diagnostics.report(CompilerMessage.BAD_VALUE, root.location(), "-loc", f.toString(), "a localization file has a <WixLocalization> root");
                continue;
            }
            loaded.add(read(root, diagnostics));
        }
        List<String> chain = new ArrayList<>();
        for (String c : cultures) for (String part : c.split("[;,]")) if (!part.isBlank()) chain.add(part.strip().toLowerCase(Locale.ROOT));
        Map<String, String> strings = new LinkedHashMap<>();
        Integer codepage = null, language = null;
        String chosen = null;
        List<UiOverride> ui = new ArrayList<>();
        List<String> order = new ArrayList<>(chain);
        order.add(""); // neutral files last
        if (chain.isEmpty()) {
            for (Loaded l : loaded) {
                l.strings().forEach(strings::putIfAbsent);
                ui.addAll(l.ui());
                if (codepage == null) codepage = l.codepage();
                if (language == null) language = l.language();
                if (chosen == null) chosen = l.culture();
            }
        } else {
            for (String culture : order) {
                for (Loaded l : loaded) {
                    String lc = l.culture() == null ? "" : l.culture().toLowerCase(Locale.ROOT);
                    if (!lc.equals(culture)) continue;
                    l.strings().forEach(strings::putIfAbsent);
                    ui.addAll(l.ui());
                    if (codepage == null) codepage = l.codepage();
                    if (language == null) language = l.language() != null ? l.language() : Cultures.lcid(culture);
                    if (chosen == null && !culture.isEmpty()) chosen = l.culture();
                }
            }
            if (chosen == null) {
                diagnostics.report(CompilerMessage.BAD_VALUE, null, "-culture", String.join(";", cultures), "no -loc file is for that culture");
            }
        }
        if (language == null && chosen != null) language = Cultures.lcid(chosen);
        return new Localization(strings, codepage, language, chosen, ui);
    }

    private static Loaded read(SourceElement root, Diagnostics diagnostics) {
        String culture = root.attr("Culture");
        Integer codepage = root.attr("Codepage") == null ? null : Codepages.parse(root.attr("Codepage"));
        if (root.attr("Codepage") != null && codepage == null) {
            diagnostics.report(CompilerMessage.BAD_VALUE, root.location(), "Codepage", root.attr("Codepage"), "use a Windows code page number such as 1252");
        }
        Integer language = null;
        String lang = root.attr("Language");
        if (lang != null) {
            try {
                language = Integer.parseInt(lang.strip());
            } catch (NumberFormatException e) {
                diagnostics.report(CompilerMessage.BAD_INTEGER, root.location(), "Language", lang, "0..65535");
            }
        }
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, Boolean> overridable = new HashMap<>();
        Map<String, SourceLocation> where = new HashMap<>();
        List<UiOverride> ui = new ArrayList<>();
        for (SourceElement e : root.children()) {
            switch (e.localName()) {
                case "String" -> {
                    String id = e.attr("Id");
                    if (id == null) {
                        diagnostics.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "String", "Id");
                        continue;
                    }
                    String value = e.attr("Value") != null ? e.attr("Value") : e.text();
                    if (strings.containsKey(id) && !overridable.getOrDefault(id, false)) {
                        diagnostics.report(CompilerMessage.DUPLICATE_ID, e.location(), "localization string", id, where.get(id));
                        continue;
                    }
                    strings.put(id, value);
                    overridable.put(id, "yes".equals(e.attr("Overridable")));
                    where.put(id, e.location());
                }
                case "UI" -> ui.add(new UiOverride(e.attr("Dialog"), e.attr("Control"), integer(e, "X"), integer(e, "Y"),
                        integer(e, "Width"), integer(e, "Height"), e.attr("Text") != null ? e.attr("Text") : (e.text().isBlank() ? null : e.text()), e.location()));
                default -> diagnostics.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), e.localName(), "WixLocalization", "String, UI");
            }
        }
        return new Loaded(culture, codepage, language, strings, overridable, ui);
    }

    private static Integer integer(SourceElement e, String name) {
        String v = e.attr(name);
        if (v == null) return null;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException x) {
            return null;
        }
    }
}
