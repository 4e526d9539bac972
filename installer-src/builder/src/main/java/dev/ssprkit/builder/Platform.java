package dev.ssprkit.builder;

/** Target architecture: decides the summary Template, PageCount, ProgramFiles folder and component bitness. */
public enum Platform {
    X86("Intel", "ProgramFilesFolder", 200),
    X64("x64", "ProgramFiles64Folder", 200);

    private final String templatePlatform;
    private final String programFiles;
    private final int minPageCount;

    Platform(String templatePlatform, String programFiles, int minPageCount) {
        this.templatePlatform = templatePlatform;
        this.programFiles = programFiles;
        this.minPageCount = minPageCount;
    }

    public String templatePlatform() {
        return templatePlatform;
    }

    public String programFilesFolder() {
        return programFiles;
    }

    /** Windows Installer refuses x64 packages whose PageCount (schema) is below 200. */
    public int minPageCount() {
        return minPageCount;
    }

    public static Platform parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "x86", "intel", "win32" -> X86;
            case "x64", "amd64", "win64" -> X64;
            default -> throw new IllegalArgumentException("unknown platform '" + s + "'; use x86 or x64");
        };
    }
}
