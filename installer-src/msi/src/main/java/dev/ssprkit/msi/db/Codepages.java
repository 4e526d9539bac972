package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Windows codepage numbers to Java charsets. */
public final class Codepages {
    private Codepages() {}

    public static Charset charset(int codepage, String where) throws MsiException {
        if (codepage == 0 || codepage == 1252) return Windows1252.INSTANCE; // with Windows' five C1 mappings
        if (codepage == 65001) return StandardCharsets.UTF_8;
        if (codepage == 1200) return StandardCharsets.UTF_16LE;
        for (String name : new String[] {"windows-" + codepage, "x-windows-" + codepage, "cp" + codepage, "x-IBM" + codepage}) {
            try {
                if (Charset.isSupported(name)) return Charset.forName(name);
            } catch (IllegalArgumentException ignored) {
                // not a legal charset name; try the next spelling
            }
        }
        throw new MsiException(where, "codepage " + codepage + " is not supported by this Java runtime");
    }
}
