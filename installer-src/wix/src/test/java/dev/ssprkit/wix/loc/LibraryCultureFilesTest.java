package dev.ssprkit.wix.loc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's translated .wxl files, checked against its English one as files (read with the JDK's XML parser):
 * every string id of WixUI_en-us.wxl is in each culture and no other; each file declares its culture's language id and
 * ANSI codepage (values from Microsoft's [MS-LCID] and its code page identifiers list); every text is representable in
 * that codepage (else Windows Installer would show '?'); and every formatted reference ({@code [Property]},
 * {@code {\Style}}, {@code [1]}) of the English text is kept in the translation, since Windows Installer resolves those
 * and a translated one would show an empty value.
 */
class LibraryCultureFilesTest {
    static List<String> cultures() {
        return UiPackage.CULTURES;
    }

    @ParameterizedTest
    @MethodSource("cultures")
    void everyEnglishStringIsTranslatedAndNoneIsAdded(String culture) {
        Set<String> english = new TreeSet<>(UiPackage.libraryStrings("en-us").keySet());
        Set<String> translated = UiPackage.libraryStrings(culture).keySet();
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(translated);
        Set<String> extra = new TreeSet<>(translated);
        extra.removeAll(english);
        assertTrue(missing.isEmpty(), () -> culture + " lacks " + missing);
        assertTrue(extra.isEmpty(), () -> culture + " has ids WixUI_en-us.wxl does not: " + extra);
        assertTrue(english.size() > 300, "the English file holds every dialog's texts: " + english.size());
    }

    @ParameterizedTest
    @CsvSource({"de-de, 1031, 1252", "fr-fr, 1036, 1252", "es-es, 3082, 1252", "ja-jp, 1041, 932", "en-us, 1033, 1252"})
    void eachFileDeclaresItsCulturesLanguageAndCodepage(String culture, String language, String codepage) {
        Element root = UiPackage.libraryRoot(culture);
        assertEquals(culture, root.getAttribute("Culture"));
        assertEquals(language, root.getAttribute("Language"));
        assertEquals(codepage, root.getAttribute("Codepage"));
    }

    @ParameterizedTest
    @CsvSource({"de-de, windows-1252", "fr-fr, windows-1252", "es-es, windows-1252", "ja-jp, windows-31j"})
    void everyTextFitsTheCodepage(String culture, String charset) {
        CharsetEncoder encoder = Charset.forName(charset).newEncoder();
        List<String> bad = new ArrayList<>();
        UiPackage.libraryStrings(culture).forEach((id, value) -> {
            if (!encoder.canEncode(value)) bad.add(id + "=" + value);
        });
        assertTrue(bad.isEmpty(), () -> culture + " texts outside " + charset + ": " + bad);
    }

    private static final Pattern REFERENCE = Pattern.compile("\\[[^\\]\\[]+\\]|\\{\\\\\\w+\\}|!\\(loc\\.\\w+\\)");

    @ParameterizedTest
    @MethodSource("cultures")
    void formattedReferencesAreKept(String culture) {
        Map<String, String> english = UiPackage.libraryStrings("en-us");
        Map<String, String> translated = UiPackage.libraryStrings(culture);
        List<String> changed = new ArrayList<>();
        english.forEach((id, value) -> {
            String other = translated.getOrDefault(id, "");
            Set<String> want = references(value), got = references(other);
            if (!want.equals(got)) changed.add(id + ": " + want + " became " + got);
            // the installer's optional sections ({...}: left out when a property in them is empty) and its
            // {{...}} sections (shown in full UI only): the SDK's Formatted and Error table pages
            for (String mark : List.of("{{", "}}", "{", "}")) {
                if (count(value, mark) != count(other, mark)) changed.add(id + ": " + count(value, mark) + " '" + mark + "' became " + count(other, mark));
            }
        });
        assertTrue(changed.isEmpty(), () -> culture + ": " + String.join("\n", changed));
    }

    private static int count(String text, String mark) {
        int n = 0;
        for (int i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + mark.length())) n++;
        return n;
    }

    private static Set<String> references(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
