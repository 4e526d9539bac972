package dev.ssprkit.ca;

/**
 * The WiX extension libraries we stand in for: the util extension's entry points, and the firewall and HTTP
 * extensions' (each a separate binary, as in WiX); the UI extension's one entry point, ValidatePath, lives in our util DLL, which the UI
 * extension's binary ids (WixUIWixca, WixUiCa_*) name; so do the NetFx extension's SchedNetFx and ExecNetFx, which its
 * binary ids (NetFxCA, NetFxCA_x64, Wix4NetFxCA_*) name.
 */
public enum LibraryKind {
    UTIL("ssprkit-util", "util"), FIREWALL("ssprkit-fw", "firewall"), HTTP("ssprkit-http", "HTTP"), UI("ssprkit-util", "UI"), NETFX("ssprkit-util", "NetFx");

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

    /** The WiX extension whose entry points this binary id stands for ({@code util}, {@code firewall}, {@code UI}, {@code NetFx}). */
    public String extension() {
        return extension;
    }
}
