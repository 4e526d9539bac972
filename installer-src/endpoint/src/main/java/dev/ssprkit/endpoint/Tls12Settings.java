package dev.ssprkit.endpoint;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    /** One checked value: what was read ({@link DwordReading}), what is wanted, and the verdict. */
    public record ValueStatus(DwordReading reading, String expected, Verdict verdict) {
        public RegistryKey key() {
            return reading.key();
        }

        public String name() {
            return reading.name();
        }

        /** The DWORD found, unsigned; null when the value is absent or not a DWORD (then {@link Verdict#WRONG}). */
        public Long found() {
            return reading.dword().map(Integer::toUnsignedLong).orElse(null);
        }

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
        if ((winHttpBits & WINHTTP_TLS12) == 0) throw new InvalidValueException("DefaultSecureProtocols 0x" + Integer.toHexString(winHttpBits) + " lacks TLS 1.2 (0x800)");
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

    /** Every value's verdict; a value of another type than DWORD is {@link Verdict#WRONG}, as {@link DwordReading} says. */
    public Status status() throws IOException {
        List<ValueStatus> out = new ArrayList<>();
        for (String side : new String[] {"Client", "Server"}) {
            RegistryKey k = RegistryKey.hklm(SCHANNEL + side);
            DwordReading enabled = DwordReading.read(store, k, "Enabled");
            DwordReading disabledByDefault = DwordReading.read(store, k, "DisabledByDefault");
            out.add(equals(enabled, 1));
            Verdict v;
            if (disabledByDefault.absent()) v = Verdict.MISSING;
            else if (disabledByDefault.is(0)) v = Verdict.OK;
            else v = enabled.is(1) && disabledByDefault.dword().isPresent() ? Verdict.AUTO_NEGOTIATE_ONLY : Verdict.WRONG;
            out.add(new ValueStatus(disabledByDefault, "0", v));
        }
        for (RegistryKey k : software(WINHTTP)) {
            DwordReading bits = DwordReading.read(store, k, "DefaultSecureProtocols");
            Verdict v = bits.absent() ? Verdict.MISSING : bits.dword().map(b -> (b & WINHTTP_TLS12) != 0).orElse(false) ? Verdict.OK : Verdict.WRONG;
            out.add(new ValueStatus(bits, "bit 0x800 set (e.g. 0x" + Integer.toHexString(winHttpBits) + ")", v));
        }
        for (String path : DOTNET) {
            for (RegistryKey k : software(path)) {
                out.add(equals(DwordReading.read(store, k, "SchUseStrongCrypto"), 1));
                out.add(equals(DwordReading.read(store, k, "SystemDefaultTlsVersions"), 1));
            }
        }
        return new Status(out);
    }

    private static ValueStatus equals(DwordReading r, int expected) {
        Verdict v = r.absent() ? Verdict.MISSING : r.is(expected) ? Verdict.OK : Verdict.WRONG;
        return new ValueStatus(r, Integer.toString(expected), v);
    }
}
