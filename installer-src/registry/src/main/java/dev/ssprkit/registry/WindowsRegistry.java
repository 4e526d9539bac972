package dev.ssprkit.registry;

import dev.ssprkit.common.UnsupportedHereException;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of the Windows machine we run on, through JNA's {@code Advapi32Util}. Thin on purpose: every method
 * maps to one Advapi32 call with the view's KEY_WOW64 flag; Win32 errors become {@link IOException}s. JNA's Windows
 * classes are touched only when a method is called, so the class loads (and {@link #isSupported()} answers) anywhere.
 */
public final class WindowsRegistry implements RegistryStore {
    private final RegistryView view;

    private WindowsRegistry(RegistryView view) {
        this.view = view;
    }

    public static boolean isSupported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The machine's registry; fails on other systems. */
    public static WindowsRegistry open() {
        if (!isSupported()) {
            throw new UnsupportedHereException("the Windows registry is only available on Windows (this is "
                    + System.getProperty("os.name") + "); use a .reg file or an in-memory registry");
        }
        return new WindowsRegistry(RegistryView.NATIVE);
    }

    @Override
    public RegistryStore view(RegistryView v) {
        return new WindowsRegistry(v);
    }

    private int wow() {
        return switch (view) {
            case NATIVE -> 0;
            case BITS_64 -> WinNT.KEY_WOW64_64KEY;
            case BITS_32 -> WinNT.KEY_WOW64_32KEY;
        };
    }

    private static WinReg.HKEY root(Hive h) {
        return switch (h) {
            case HKLM -> WinReg.HKEY_LOCAL_MACHINE;
            case HKCU -> WinReg.HKEY_CURRENT_USER;
            case HKCR -> WinReg.HKEY_CLASSES_ROOT;
            case HKU -> WinReg.HKEY_USERS;
            case HKCC -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(String what, Call<T> c) throws IOException {
        try {
            return c.run();
        } catch (Win32Exception | UnsatisfiedLinkError e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    private static String n(String name) {
        return name == null ? "" : name;
    }

    @Override
    public Optional<RegistryValue> get(RegistryKey key, String name) throws IOException {
        if (!keyExists(key)) return Optional.empty();
        return call("reading " + key + "\\" + n(name), () -> {
            WinReg.HKEYByReference h = Advapi32Util.registryGetKey(root(key.hive()), key.path(), WinNT.KEY_READ | wow());
            try {
                IntByReference type = new IntByReference();
                IntByReference size = new IntByReference();
                int rc = Advapi32.INSTANCE.RegQueryValueEx(h.getValue(), n(name), 0, type, (byte[]) null, size);
                if (rc != 0) return Optional.<RegistryValue>empty();
                return Optional.ofNullable(typed(key, n(name), type.getValue()));
            } finally {
                Advapi32Util.registryCloseKey(h.getValue());
            }
        });
    }

    private RegistryValue typed(RegistryKey key, String name, int type) {
        WinReg.HKEY r = root(key.hive());
        String p = key.path();
        int w = wow();
        return switch (type) {
            case 1 -> RegistryValue.string(Advapi32Util.registryGetStringValue(r, p, name, w));
            case 2 -> RegistryValue.expandString(Advapi32Util.registryGetExpandableStringValue(r, p, name, w));
            case 3 -> RegistryValue.binary(Advapi32Util.registryGetBinaryValue(r, p, name, w));
            case 4 -> RegistryValue.dword(Advapi32Util.registryGetIntValue(r, p, name, w));
            case 7 -> RegistryValue.multiString(Arrays.asList(Advapi32Util.registryGetStringArray(r, p, name, w)));
            case 11 -> RegistryValue.qword(Advapi32Util.registryGetLongValue(r, p, name, w));
            default -> null;
        };
    }

    @Override
    public void set(RegistryKey key, String name, RegistryValue v) throws IOException {
        createKey(key);
        WinReg.HKEY r = root(key.hive());
        String p = key.path();
        int w = wow();
        call("writing " + key + "\\" + n(name), () -> {
            switch (v.type()) {
                case REG_SZ -> Advapi32Util.registrySetStringValue(r, p, n(name), v.asString(), w);
                case REG_EXPAND_SZ -> Advapi32Util.registrySetExpandableStringValue(r, p, n(name), v.asString(), w);
                case REG_MULTI_SZ -> Advapi32Util.registrySetStringArray(r, p, n(name), v.asList().toArray(new String[0]), w);
                case REG_DWORD -> Advapi32Util.registrySetIntValue(r, p, n(name), v.asInt(), w);
                case REG_QWORD -> Advapi32Util.registrySetLongValue(r, p, n(name), v.asLong(), w);
                case REG_BINARY -> Advapi32Util.registrySetBinaryValue(r, p, n(name), v.asBytes(), w);
            }
            return null;
        });
    }

    @Override
    public boolean delete(RegistryKey key, String name) throws IOException {
        if (!keyExists(key)) return false;
        return call("deleting " + key + "\\" + n(name), () -> {
            if (!Advapi32Util.registryValueExists(root(key.hive()), key.path(), n(name), wow())) return false;
            Advapi32Util.registryDeleteValue(root(key.hive()), key.path(), n(name), wow());
            return true;
        });
    }

    @Override
    public boolean keyExists(RegistryKey key) throws IOException {
        return call("opening " + key, () -> Advapi32Util.registryKeyExists(root(key.hive()), key.path(), wow()));
    }

    @Override
    public void createKey(RegistryKey key) throws IOException {
        call("creating " + key, () -> Advapi32Util.registryCreateKey(root(key.hive()), key.path(), wow()));
    }

    @Override
    public boolean deleteKey(RegistryKey key) throws IOException {
        if (!keyExists(key)) return false;
        for (String child : subKeys(key)) deleteKey(key.child(child));
        RegistryKey parent = key.parent();
        String leaf = key.path().substring(key.path().lastIndexOf('\\') + 1);
        call("deleting " + key, () -> {
            Advapi32Util.registryDeleteKey(root(key.hive()), parent.path(), leaf, wow());
            return null;
        });
        return true;
    }

    @Override
    public Map<String, RegistryValue> values(RegistryKey key) throws IOException {
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        if (!keyExists(key)) return out;
        Map<String, Object> raw = call("listing " + key, () -> Advapi32Util.registryGetValues(root(key.hive()), key.path(), wow()));
        for (String name : raw.keySet()) get(key, name).ifPresent(v -> out.put(name, v));
        return out;
    }

    @Override
    public List<String> subKeys(RegistryKey key) throws IOException {
        if (!keyExists(key)) return List.of();
        return new ArrayList<>(Arrays.asList(call("listing " + key, () -> Advapi32Util.registryGetKeys(root(key.hive()), key.path(), wow()))));
    }
}
