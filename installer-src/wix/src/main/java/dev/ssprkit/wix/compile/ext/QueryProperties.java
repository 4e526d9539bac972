package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.ElementFamily;

import java.util.List;

/**
 * The properties the util library's OS queries set, as WiX's util library defines them (WiX v3
 * {@code src/ext/UtilExtension/wixlib/UtilExtension.wxs}: one Secure property per name, each pulling in its query
 * action; the {@code _NODOMAIN} account names as our DLL's {@code query.c} sets them). A {@code <PropertyRef>} to any
 * of them schedules the query.
 */
enum QueryProperties {
    WELL_KNOWN_SIDS(ElementFamily.QUERY_OS_WELL_KNOWN_SID, accounts("LOCALSYSTEM", "LOCALSERVICE", "NETWORKSERVICE", "ADMINISTRATORS",
            "USERS", "GUESTS", "PERFLOGUSERS")),
    DIRECTORIES(ElementFamily.QUERY_OS_DIRS, prefixed("WIX_DIR_", "ADMINTOOLS", "ALTSTARTUP", "CDBURN_AREA", "COMMON_ADMINTOOLS",
            "COMMON_ALTSTARTUP", "COMMON_DOCUMENTS", "COMMON_FAVORITES", "COMMON_MUSIC", "COMMON_PICTURES", "COMMON_VIDEO", "COOKIES",
            "DESKTOP", "HISTORY", "INTERNET_CACHE", "MYMUSIC", "MYPICTURES", "MYVIDEO", "NETHOOD", "PERSONAL", "PRINTHOOD", "PROFILE",
            "RECENT", "RESOURCES")),
    SUITES(ElementFamily.QUERY_OS_INFO, prefixed("WIX_SUITE_", "BACKOFFICE", "BLADE", "COMMUNICATIONS", "COMPUTE_SERVER", "DATACENTER",
            "EMBEDDEDNT", "EMBEDDED_RESTRICTED", "ENTERPRISE", "MEDIACENTER", "PERSONAL", "SECURITY_APPLIANCE", "SERVERR2", "SINGLEUSERTS",
            "SMALLBUSINESS", "SMALLBUSINESS_RESTRICTED", "STARTER", "STORAGE_SERVER", "TABLETPC", "TERMINAL", "WH_SERVER")),
    DRIVER_INFO(ElementFamily.QUERY_OS_DRIVER_INFO, List.of("WIX_WDDM_DRIVER_PRESENT", "WIX_DWM_COMPOSITION_ENABLED")),
    NATIVE_MACHINE(ElementFamily.QUERY_NATIVE_MACHINE, List.of("WIX_NATIVE_MACHINE"));

    final ElementFamily family;
    final List<String> names;

    QueryProperties(ElementFamily family, List<String> names) {
        this.family = family;
        this.names = names;
    }

    private static List<String> prefixed(String prefix, String... names) {
        return java.util.Arrays.stream(names).map(n -> prefix + n).toList();
    }

    private static List<String> accounts(String... names) {
        List<String> out = new java.util.ArrayList<>();
        for (String n : names) {
            out.add("WIX_ACCOUNT_" + n);
            out.add("WIX_ACCOUNT_" + n + "_NODOMAIN");
        }
        return List.copyOf(out);
    }
}
