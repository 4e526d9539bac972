package dev.ssprkit.kit.transform;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.testkit.Tool;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test fixtures: the wixl-built stand-in for a vendor package, fixture .reg files, and {@code reg query /s} parsing. */
final class VendorPackages {
    private VendorPackages() {}

    /** {@code vendor.msi} built by wixl (x64) from {@code src/test/resources/vendor}: a package we did not build. */
    static Path wixlVendorMsi(Path dir) throws Exception {
        Tool.require("wixl");
        Path d = Files.createDirectories(dir.resolve("vendor-src"));
        for (String name : List.of("vendor.wxs", "readme.txt")) {
            try (InputStream in = VendorPackages.class.getResourceAsStream("/vendor/" + name)) {
                Files.copy(in, d.resolve(name));
            }
        }
        Path msi = dir.resolve("SsprWindowsLogon.PROD.msi");
        Tool.run(List.of("wixl", "-a", "x64", "-o", msi.toString(), "vendor.wxs"), d, Map.of(), 300).assertOk();
        return msi;
    }

    /**
     * A package built with our builder that has no Registry table at all (unless it writes EnableLogging from
     * [ENABLELOGGING], as our own product does), one top-level feature "Top".
     */
    static Path builderPackage(Path dir, Platform platform, boolean writesEnableLogging) throws Exception {
        Path payload = Files.writeString(dir.resolve("a.txt"), "a");
        PackageBuilder pkg = PackageBuilder.product("No Registry", "ssprkit tests", "1.0.0", "{7E8F9A0B-1C2D-4E3F-8A4B-5C6D7E8F9A0B}").platform(platform);
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "No Registry"));
        c.file(payload);
        if (writesEnableLogging) {
            c.registry(RegistryRoot.HKLM, SsprKeys.CREDENTIAL_PROVIDER.path(), "EnableLogging", RegistryData.integerFormatted("[ENABLELOGGING]"));
        } else {
            pkg.customize(db -> db.dropTable("Registry")); // the builder always emits one; many vendor packages have none
        }
        pkg.feature("Top", "Top").add(c);
        Path msi = dir.resolve(platform + (writesEnableLogging ? "-logging" : "") + ".msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    /** A fixture .reg (kept as UTF-8 text) written as regedit writes .reg files: UTF-16LE with a byte-order mark, CRLF. */
    static Path regFixture(String name, Path dir) throws Exception {
        String text;
        try (InputStream in = VendorPackages.class.getResourceAsStream("/fromreg/" + name + ".reg.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
        }
        Path reg = dir.resolve(name + ".reg");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Files.write(reg, bytes);
        return reg;
    }

    /**
     * {@code reg query KEY /s} as key → value lines ({@code name|type|data}, sorted); keys without values are left out,
     * so "the key exists but is empty" and "the key is gone" compare equal.
     */
    /** Values by key from what {@code reg query ROOT /s} printed; none for a missing root (null). */
    static Map<String, List<String>> values(String listing) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (listing == null) return out;
        String key = null;
        for (String line : listing.split("\r?\n")) {
            if (line.startsWith("HKEY_")) {
                key = line.strip();
            } else if (key != null && line.startsWith("    ") && !line.isBlank()) {
                String[] parts = line.strip().split(" {4}", 3);
                if (parts.length >= 2 && parts[1].startsWith("REG_")) {
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(parts[0] + "|" + parts[1] + "|" + (parts.length > 2 ? parts[2] : ""));
                }
            }
        }
        out.values().forEach(l -> l.sort(String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** Wine maps the Unix root to Z:. */
    static String winPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }
}
