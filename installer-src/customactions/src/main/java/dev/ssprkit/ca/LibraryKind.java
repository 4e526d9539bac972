package dev.ssprkit.ca;

/** Our two DLLs: the util extension's entry points, and the firewall extension's (a separate binary, as in WiX). */
public enum LibraryKind {
    UTIL("ssprkit-util", "util"), FIREWALL("ssprkit-fw", "firewall");

    private final String fileStem;
    private final String extension;

    LibraryKind(String fileStem, String extension) {
        this.fileStem = fileStem;
        this.extension = extension;
    }

    /** The DLL's resource name for an architecture, e.g. {@code ssprkit-util-x64.dll}. */
    public String fileName(Architecture architecture) {
        return fileStem + "-" + architecture.label() + ".dll";
    }

    /** The WiX extension whose entry points this DLL has ({@code util} or {@code firewall}). */
    public String extension() {
        return extension;
    }
}
