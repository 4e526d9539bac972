package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TLS 1.2 on Windows 7 / 8.1, every value the domain notes list:
 * <ul>
 *   <li>SCHANNEL {@code TLS 1.2\Client} and {@code \Server}: {@code Enabled} = 1 and {@code DisabledByDefault} = 0
 *       (Enabled = 1 with DisabledByDefault ≠ 0 is "auto-negotiate only" and does <em>not</em> count as enabled);</li>
 *   <li>WinHTTP {@code DefaultSecureProtocols} with the TLS 1.2 bit 0x800 (written as the existing bits | 0xA00, or
 *       0xAA0 as ConfigMgr guidance does), plus its {@code Wow6432Node} twin on 64-bit Windows;</li>
 *   <li>.NET {@code v2.0.50727} and {@code v4.0.30319}: {@code SchUseStrongCrypto} = 1 and
 *       {@code SystemDefaultTlsVersions} = 1, plus the {@code Wow6432Node} twins on 64-bit Windows.</li>
 * </ul>
 * A restart is needed afterwards.
 */
public final class Tls12Settings {
    public static final int WINHTTP_TLS12 = 0x800;
    public static final int WINHTTP_TLS11_TLS12 = 0xA00;
    public static final int WINHTTP_CONFIGMGR = 0xAA0;

    private static final String SCHANNEL = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\";
    private static final String WINHTTP = "Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    private static final String[] DOTNET = {"Microsoft\\.NETFramework\\v2.0.50727", "Microsoft\\.NETFramework\\v4.0.30319"};

    public enum Verdict { OK, MISSING, WRONG, AUTO_NEGOTIATE_ONLY }

    /** One checked value: what is wanted, what was found (null = absent), and the verdict. */
    public record ValueStatus(RegistryKey key, String name, String expected, Long found, Verdict verdict) {
        public boolean ok() {
            return verdict == Verdict.OK;
        }
    }

    /** The state of every value; {@link #enabled()} only when all are OK. */
    public record Status(List<ValueStatus> values) {
        public boolean enabled() {
            return values.stream().allMatch(ValueStatus::ok);
        }

        public List<ValueStatus> problems() {
            return values.stream().filter(v -> !v.ok()).toList();
        }
    }

    private final RegistryStore store;
    private final boolean is64Bit;
    private final int winHttpBits;

    /** @param winHttpBits the protocols written to DefaultSecureProtocols ({@link #WINHTTP_TLS11_TLS12} or {@link #WINHTTP_CONFIGMGR}) */
    public Tls12Settings(RegistryStore store, boolean is64Bit, int winHttpBits) {
        if ((winHttpBits & WINHTTP_TLS12) == 0) throw new IllegalArgumentException("DefaultSecureProtocols 0x" + Integer.toHexString(winHttpBits) + " lacks TLS 1.2 (0x800)");
        this.store = store;
        this.is64Bit = is64Bit;
        this.winHttpBits = winHttpBits;
    }

    public Tls12Settings(RegistryStore store, boolean is64Bit) {
        this(store, is64Bit, WINHTTP_TLS11_TLS12);
    }

    private List<RegistryKey> software(String path) {
        List<RegistryKey> keys = new ArrayList<>();
        keys.add(RegistryKey.hklm("SOFTWARE\\" + path));
        if (is64Bit) keys.add(RegistryKey.hklm("SOFTWARE\\Wow6432Node\\" + path));
        return keys;
    }

    /** Writes every value. */
    public void enable() throws IOException {
        for (String side : new String[] {"Client", "Server"}) {
            RegistryKey k = RegistryKey.hklm(SCHANNEL + side);
            store.set(k, "Enabled", RegistryValue.dword(1));
            store.set(k, "DisabledByDefault", RegistryValue.dword(0));
        }
        for (RegistryKey k : software(WINHTTP)) {
            int existing = store.dword(k, "DefaultSecureProtocols").orElse(0);
            store.set(k, "DefaultSecureProtocols", RegistryValue.dword(existing | winHttpBits));
        }
        for (String path : DOTNET) {
            for (RegistryKey k : software(path)) {
                store.set(k, "SchUseStrongCrypto", RegistryValue.dword(1));
                store.set(k, "SystemDefaultTlsVersions", RegistryValue.dword(1));
            }
        }
    }

    /** How one checked value is judged. */
    public enum Rule {
        /** DWORD = 1. */
        EQUALS_1,
        /** DWORD = 0; non-zero with Enabled = 1 in the same key is "auto-negotiate only". */
        DISABLED_BY_DEFAULT_0,
        /** DWORD with the TLS 1.2 bit 0x800 set. */
        TLS12_BIT
    }

    /** One value {@link #status()} checks, in its order (the generated .cmd checks the same list in the same order). */
    public record Checked(RegistryKey key, String name, Rule rule) {}

    /** Every value checked on a machine of this bitness, in order. */
    public static List<Checked> checkedValues(boolean is64Bit) {
        List<Checked> out = new ArrayList<>();
        Tls12Settings t = new Tls12Settings(null, is64Bit);
        for (String side : new String[] {"Client", "Server"}) {
            RegistryKey k = RegistryKey.hklm(SCHANNEL + side);
            out.add(new Checked(k, "Enabled", Rule.EQUALS_1));
            out.add(new Checked(k, "DisabledByDefault", Rule.DISABLED_BY_DEFAULT_0));
        }
        for (RegistryKey k : t.software(WINHTTP)) out.add(new Checked(k, "DefaultSecureProtocols", Rule.TLS12_BIT));
        for (String path : DOTNET) {
            for (RegistryKey k : t.software(path)) {
                out.add(new Checked(k, "SchUseStrongCrypto", Rule.EQUALS_1));
                out.add(new Checked(k, "SystemDefaultTlsVersions", Rule.EQUALS_1));
            }
        }
        return out;
    }

    public Status status() throws IOException {
        List<ValueStatus> out = new ArrayList<>();
        for (Checked c : checkedValues(is64Bit)) {
            Optional<Integer> v = store.dword(c.key(), c.name());
            out.add(switch (c.rule()) {
                case EQUALS_1 -> equals(c.key(), c.name(), 1, v);
                case DISABLED_BY_DEFAULT_0 -> {
                    Verdict verdict;
                    if (v.isEmpty()) verdict = Verdict.MISSING;
                    else if (v.get() == 0) verdict = Verdict.OK;
                    else verdict = store.dword(c.key(), "Enabled").orElse(0) == 1 ? Verdict.AUTO_NEGOTIATE_ONLY : Verdict.WRONG;
                    yield new ValueStatus(c.key(), c.name(), "0", found(v), verdict);
                }
                case TLS12_BIT -> {
                    Verdict verdict = v.isEmpty() ? Verdict.MISSING : (v.get() & WINHTTP_TLS12) != 0 ? Verdict.OK : Verdict.WRONG;
                    yield new ValueStatus(c.key(), c.name(), "bit 0x800 set (e.g. 0x" + Integer.toHexString(winHttpBits) + ")", found(v), verdict);
                }
            });
        }
        return new Status(out);
    }

    private static ValueStatus equals(RegistryKey k, String name, int expected, Optional<Integer> found) {
        Verdict v = found.isEmpty() ? Verdict.MISSING : found.get() == expected ? Verdict.OK : Verdict.WRONG;
        return new ValueStatus(k, name, Integer.toString(expected), found(found), v);
    }

    private static Long found(Optional<Integer> v) {
        return v.map(Integer::toUnsignedLong).orElse(null);
    }
}
