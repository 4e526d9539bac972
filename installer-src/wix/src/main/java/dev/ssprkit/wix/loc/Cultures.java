package dev.ssprkit.wix.loc;

import java.util.Locale;
import java.util.Map;

/** Windows language identifiers (LCIDs) of common cultures, from the [MS-LCID] table, for .wxl files without Language. */
final class Cultures {
    private Cultures() {}

    private static final Map<String, Integer> LCID = Map.ofEntries(
            Map.entry("ar-sa", 1025), Map.entry("bg-bg", 1026), Map.entry("ca-es", 1027), Map.entry("zh-tw", 1028),
            Map.entry("cs-cz", 1029), Map.entry("da-dk", 1030), Map.entry("de-de", 1031), Map.entry("el-gr", 1032),
            Map.entry("en-us", 1033), Map.entry("fi-fi", 1035), Map.entry("fr-fr", 1036), Map.entry("he-il", 1037),
            Map.entry("hu-hu", 1038), Map.entry("it-it", 1040), Map.entry("ja-jp", 1041), Map.entry("ko-kr", 1042),
            Map.entry("nl-nl", 1043), Map.entry("nb-no", 1044), Map.entry("pl-pl", 1045), Map.entry("pt-br", 1046),
            Map.entry("ro-ro", 1048), Map.entry("ru-ru", 1049), Map.entry("hr-hr", 1050), Map.entry("sk-sk", 1051),
            Map.entry("sv-se", 1053), Map.entry("th-th", 1054), Map.entry("tr-tr", 1055), Map.entry("uk-ua", 1058),
            Map.entry("sl-si", 1060), Map.entry("et-ee", 1061), Map.entry("lv-lv", 1062), Map.entry("lt-lt", 1063),
            Map.entry("zh-cn", 2052), Map.entry("en-gb", 2057), Map.entry("pt-pt", 2070), Map.entry("sr-latn-cs", 2074),
            Map.entry("es-es", 3082), Map.entry("fr-ca", 3084), Map.entry("es-mx", 2058), Map.entry("de-at", 3079),
            Map.entry("de-ch", 2055), Map.entry("fr-be", 2060), Map.entry("nl-be", 2067), Map.entry("en-au", 3081),
            Map.entry("en-ca", 4105), Map.entry("zh-hk", 3076), Map.entry("hi-in", 1081), Map.entry("id-id", 1057),
            Map.entry("vi-vn", 1066), Map.entry("ms-my", 1086), Map.entry("kk-kz", 1087), Map.entry("eu-es", 1069),
            Map.entry("gl-es", 1110), Map.entry("is-is", 1039), Map.entry("sr-latn-rs", 9242), Map.entry("sq-al", 1052),
            Map.entry("neutral", 0));

    /**
     * The codepage of each culture WiX's own WixUI dialogs ship texts for (the Codepage attribute of WiX v3's
     * src/ext/UIExtension/wixlib/WixUI_*.wxl; hi-in's is 0, neutral, so it sets none). A build for one of these
     * cultures gets its codepage from the library as WiX's does, even where our dialogs have no translation.
     */
    private static final Map<String, Integer> WIXUI_CODEPAGE = Map.ofEntries(
            Map.entry("ar-sa", 1256), Map.entry("bg-bg", 1251), Map.entry("ca-es", 1252), Map.entry("cs-cz", 1250),
            Map.entry("da-dk", 1252), Map.entry("de-de", 1252), Map.entry("el-gr", 1253), Map.entry("en-us", 1252),
            Map.entry("es-es", 1252), Map.entry("et-ee", 1257), Map.entry("fi-fi", 1252), Map.entry("fr-fr", 1252),
            Map.entry("he-il", 1255), Map.entry("hr-hr", 1250), Map.entry("hu-hu", 1250), Map.entry("it-it", 1252),
            Map.entry("ja-jp", 932), Map.entry("kk-kz", 1251), Map.entry("ko-kr", 949), Map.entry("lt-lt", 1257),
            Map.entry("lv-lv", 1257), Map.entry("nb-no", 1252), Map.entry("nl-nl", 1252), Map.entry("pl-pl", 1250),
            Map.entry("pt-br", 1252), Map.entry("pt-pt", 1252), Map.entry("ro-ro", 1250), Map.entry("ru-ru", 1251),
            Map.entry("sk-sk", 1250), Map.entry("sl-si", 1250), Map.entry("sq-al", 1252), Map.entry("sr-latn-cs", 1250),
            Map.entry("sv-se", 1252), Map.entry("th-th", 874), Map.entry("tr-tr", 1254), Map.entry("uk-ua", 1251),
            Map.entry("zh-cn", 936), Map.entry("zh-hk", 950), Map.entry("zh-tw", 950));

    /** The codepage WiX's WixUI .wxl for {@code culture} sets, or null (not one of its cultures, or neutral). */
    static Integer wixUiCodepage(String culture) {
        return culture == null ? null : WIXUI_CODEPAGE.get(culture.toLowerCase(Locale.ROOT));
    }

    static Integer lcid(String culture) {
        if (culture == null) return null;
        return LCID.get(culture.toLowerCase(Locale.ROOT));
    }
}
