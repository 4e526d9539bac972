package dev.ssprkit.ca;

import java.util.Locale;

/** The processor a custom-action DLL is built for. ssprkit builds all three (arm64 with clang, see native/build.sh). */
public enum Architecture {
    X86("x86"), X64("x64"), ARM64("arm64");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    /** {@code x86}, {@code x64}, {@code arm64} (as in our resource names and in WiX's -arch values). */
    public String label() {
        return label;
    }

    /** Accepts what WiX and MSI call them: x86/intel/win32, x64/amd64/win64/intel64, arm64/aarch64. */
    public static Architecture parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "x86", "intel", "win32" -> X86;
            case "x64", "amd64", "win64", "intel64", "x8664" -> X64;
            case "arm64", "aarch64", "a64" -> ARM64;
            default -> throw new IllegalArgumentException("unknown architecture '" + s + "'; use x86, x64 or arm64");
        };
    }
}
