package dev.ssprkit.wix.compile.ext;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts whose security identifier is known without asking Windows, written as SDDL needs them: the SDDL
 * aliases for well-known groups and built-in accounts (MSI SDK and Windows "SID strings" documentation), WiX's
 * {@code [WIX_ACCOUNT_*]} properties (the util extension sets them to the localized names of the same accounts), and
 * virtual service accounts {@code NT SERVICE\name}, whose SID Windows derives from the service name alone:
 * S-1-5-80 followed by the SHA-1 of the upper-cased name in UTF-16LE read as five little-endian 32-bit numbers.
 * Any other account needs a name lookup on the target machine and is not resolved here.
 */
public final class WellKnownAccounts {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("everyone", "WD"), Map.entry("world", "WD"),
            Map.entry("users", "BU"), Map.entry("builtin\\users", "BU"),
            Map.entry("administrators", "BA"), Map.entry("builtin\\administrators", "BA"),
            Map.entry("guests", "BG"), Map.entry("builtin\\guests", "BG"),
            Map.entry("power users", "PU"), Map.entry("builtin\\power users", "PU"),
            Map.entry("backup operators", "BO"), Map.entry("builtin\\backup operators", "BO"),
            Map.entry("remote desktop users", "RD"), Map.entry("builtin\\remote desktop users", "RD"),
            Map.entry("performance log users", "LU"), Map.entry("builtin\\performance log users", "LU"),
            Map.entry("performance monitor users", "MU"), Map.entry("builtin\\performance monitor users", "MU"),
            Map.entry("network configuration operators", "NO"), Map.entry("builtin\\network configuration operators", "NO"),
            Map.entry("iis_iusrs", "S-1-5-32-568"), Map.entry("builtin\\iis_iusrs", "S-1-5-32-568"),
            Map.entry("system", "SY"), Map.entry("localsystem", "SY"), Map.entry("local system", "SY"), Map.entry("nt authority\\system", "SY"),
            Map.entry("authenticated users", "AU"), Map.entry("nt authority\\authenticated users", "AU"),
            Map.entry("interactive", "IU"), Map.entry("nt authority\\interactive", "IU"),
            Map.entry("service", "SU"), Map.entry("nt authority\\service", "SU"),
            Map.entry("network service", "NS"), Map.entry("networkservice", "NS"), Map.entry("nt authority\\network service", "NS"),
            Map.entry("nt authority\\networkservice", "NS"),
            Map.entry("local service", "LS"), Map.entry("localservice", "LS"), Map.entry("nt authority\\local service", "LS"),
            Map.entry("nt authority\\localservice", "LS"),
            Map.entry("creator owner", "CO"), Map.entry("creator group", "CG"),
            Map.entry("[wix_account_localsystem]", "SY"), Map.entry("[wix_account_localservice]", "LS"),
            Map.entry("[wix_account_networkservice]", "NS"), Map.entry("[wix_account_administrators]", "BA"),
            Map.entry("[wix_account_users]", "BU"), Map.entry("[wix_account_guests]", "BG"),
            Map.entry("[wix_account_perflogusers]", "LU"), Map.entry("[wix_account_perflogusers_nodomain]", "LU"),
            Map.entry("[wix_account_users_nodomain]", "BU"), Map.entry("[wix_account_administrators_nodomain]", "BA"),
            Map.entry("[wix_account_guests_nodomain]", "BG"));

    private WellKnownAccounts() {}

    /**
     * The SDDL trustee for an account (alias or SID string), or null when only the target machine can resolve it.
     * {@code domain} is the element's Domain attribute, if any; built-in domains (NT AUTHORITY, BUILTIN, NT SERVICE)
     * are accepted there too.
     */
    public static String trustee(String domain, String user) {
        if (user == null || user.isEmpty()) return null;
        String name = domain == null || domain.isEmpty() ? user : domain + "\\" + user;
        String lower = name.toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(lower);
        if (alias != null) return alias;
        if (lower.startsWith("nt service\\") && name.length() > "nt service\\".length()) {
            String service = name.substring("nt service\\".length());
            if (service.indexOf('[') < 0 && service.indexOf('\\') < 0) return serviceSid(service);
        }
        if (lower.matches("s-1-[0-9]+(-[0-9]+)+")) return name.toUpperCase(Locale.ROOT);
        return null;
    }

    /** The SID Windows gives the virtual account of a service (NT SERVICE\name). */
    public static String serviceSid(String serviceName) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-1").digest(serviceName.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_16LE));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-1", e);
        }
        ByteBuffer b = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-5-80");
        for (int i = 0; i < 5; i++) sid.append('-').append(Integer.toUnsignedLong(b.getInt()));
        return sid.toString();
    }
}
