package dev.ssprkit.wix.loc;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.source.Preprocessor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in dialogs' texts for one build: the library's .wxl of the first culture of the build's chain it has,
 * its English file for any string that one lacks, and the project's own strings over both. The chain is the one
 * {@code -culture} names, else the culture of the project's .wxl. The project's codepage and language win; when it
 * sets none, those of the library culture the chain chose are used (a ja-jp build needs codepage 932 for the
 * Japanese texts). When no culture of the chain is in the library, the texts are English and one warning names the
 * cultures the library has, unless the project's .wxl gives every library string itself; the codepage is then the one
 * WiX's own WixUI sets for the first of the chain's cultures it has texts for.
 */
public final class LibraryTexts {
    /** The library culture that fills in whatever another culture's file leaves out. */
    static final String FALLBACK = "en-us";

    private LibraryTexts() {}

    /**
     * {@code project} with the library's texts (from {@code files}, one .wxl per culture) below it; the culture is
     * chosen from {@code cultures} ({@code -culture} values) or, without them, the project's own culture.
     */
    public static Localization under(Localization project, List<String> cultures, List<Path> files, Preprocessor preprocessor,
                                     Diagnostics diagnostics) {
        Map<String, Localization> byCulture = new LinkedHashMap<>();
        for (Path f : files) {
            Localization l = Localization.load(List.of(f), List.of(), preprocessor, diagnostics);
            if (l.culture() == null) throw new IllegalStateException("library texts " + f.getFileName() + " name no culture");
            byCulture.put(l.culture().toLowerCase(Locale.ROOT), l);
        }
        Localization english = byCulture.get(FALLBACK);
        if (english == null) throw new IllegalStateException("the library's " + FALLBACK + " texts are missing");

        List<String> chain = Localization.cultureChain(cultures);
        if (chain.isEmpty() && project.culture() != null) chain = List.of(project.culture().toLowerCase(Locale.ROOT));
        Localization chosen = null;
        for (String c : chain) {
            chosen = byCulture.get(c);
            if (chosen != null) break;
        }

        Map<String, String> strings = new LinkedHashMap<>(project.strings());
        if (chosen != null) chosen.strings().forEach(strings::putIfAbsent);
        english.strings().forEach(strings::putIfAbsent);

        if (chosen == null && !chain.isEmpty() && !project.strings().keySet().containsAll(english.strings().keySet())) {
            diagnostics.report(CompilerMessage.LIBRARY_CULTURE_MISSING, null, String.join(";", chain),
                    String.join(", ", new java.util.TreeSet<>(byCulture.keySet())));
        }
        // a culture WiX's own WixUI has texts for, though ours has none, still gets the codepage WiX's .wxl for it sets
        // (those files set no language): seafile's zh-cn build has a .wxl of its own without a codepage, WiX v3 takes
        // 936 from WixUI_zh-CN.wxl, and its Chinese strings need it. Without a culture asked for, the library sets none
        String wixUiCulture = chosen != null ? null : chain.stream().filter(c -> Cultures.wixUiCodepage(c) != null).findFirst().orElse(null);
        Integer codepage = project.codepage() != null ? project.codepage() : chosen != null ? chosen.codepage() : Cultures.wixUiCodepage(wixUiCulture);
        Integer language = project.language() != null ? project.language() : chosen == null ? null : chosen.language();
        String culture = project.culture() != null ? project.culture() : chosen == null ? null : chosen.culture();
        return new Localization(strings, codepage, language, culture, project.ui());
    }
}
