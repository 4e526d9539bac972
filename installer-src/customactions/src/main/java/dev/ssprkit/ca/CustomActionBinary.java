package dev.ssprkit.ca;

import dev.ssprkit.msi.model.StreamData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Binary row of the library: the id a package knows it by ({@code WixCA}, {@code Wix4UtilCA_X64},
 * {@code WixFirewallCA_x64}...), which of our DLLs it holds, and that DLL's entry points.
 *
 * @param binaryId     the Binary table's Name, spelled as WiX spells it
 * @param kind         util or firewall
 * @param architecture the DLL's processor (x86, x64 or arm64)
 * @param generation   the WiX generation whose naming this id belongs to
 */
public record CustomActionBinary(String binaryId, LibraryKind kind, Architecture architecture, SchemaGeneration generation) {
    private static final String RESOURCE_DIR = "/dev/ssprkit/ca/";
    private static final ConcurrentHashMap<String, byte[]> CACHE = new ConcurrentHashMap<>();

    /** The DLL's file name among our resources, e.g. {@code ssprkit-util-x64.dll}. */
    public String fileName() {
        return kind.fileName(architecture);
    }

    /** The DLL's bytes (a copy). */
    public byte[] bytes() {
        return load(fileName()).clone();
    }

    /** The DLL as the Binary table's Data cell. */
    public StreamData data() {
        return StreamData.of(load(fileName()));
    }

    /** The Binary table row: {@code Name}, {@code Data}. */
    public Object[] binaryRow() {
        return new Object[] {binaryId, data()};
    }

    /** The names this DLL exports: what {@code DllEntry} may name with this binary. */
    public Set<String> entryPoints() {
        return PeExports.of(load(fileName())).names();
    }

    public boolean exports(String dllEntry) {
        return entryPoints().contains(dllEntry);
    }

    private static byte[] load(String fileName) {
        return CACHE.computeIfAbsent(fileName, name -> {
            try (InputStream in = CustomActionBinary.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("internal error: the custom-action library " + name
                            + " is missing from the ssprkit-customactions jar (build it with installer-src/customactions/native/build.sh)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("internal error: reading the custom-action library " + name, e);
            }
        });
    }
}
