package dev.ssprkit.wix.source;

/** The target architecture, as {@code $(sys.PLATFORM)} and {@code $(sys.BUILDARCH)} spell it. */
public enum Platform {
    X86("x86"),
    X64("x64"),
    ARM64("arm64");

    private final String wixName;

    Platform(String wixName) {
        this.wixName = wixName;
    }

    /** {@code x86}, {@code x64} or {@code arm64}. */
    public String wixName() {
        return wixName;
    }

    /** Parses the names WiX accepts on its command line (case-insensitive); {@code intel} and {@code x64} aliases. */
    public static Platform parse(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "x86":
            case "intel":
                return X86;
            case "x64":
            case "amd64":
                return X64;
            case "arm64":
                return ARM64;
            default:
                throw new IllegalArgumentException("unknown platform '" + name + "'; expected x86, x64 or arm64");
        }
    }
}
