package dev.ssprkit.sysprep.unattend;

/** Names from the unattend schema that the CopyProfile check and fix rely on. */
public final class Unattend {
    private Unattend() {}

    public static final String NS = "urn:schemas-microsoft-com:unattend";
    public static final String ROOT = "unattend";
    public static final String SETTINGS = "settings";
    public static final String PASS = "pass";
    public static final String COMPONENT = "component";
    public static final String COPY_PROFILE = "CopyProfile";

    public static final String SPECIALIZE = "specialize";
    public static final String SHELL_SETUP = "Microsoft-Windows-Shell-Setup";

    /** The component identity attributes and the values the Shell-Setup component must carry. */
    public static final String NAME = "name";
    public static final String ARCH = "processorArchitecture";
    public static final String TOKEN = "publicKeyToken";
    public static final String TOKEN_VALUE = "31bf3856ad364e35";
    public static final String LANGUAGE = "language";
    public static final String LANGUAGE_VALUE = "neutral";
    public static final String VERSION_SCOPE = "versionScope";
    public static final String VERSION_SCOPE_VALUE = "nonSxS";

    /** Architectures Windows answer files name. */
    public static final java.util.List<String> ARCHITECTURES = java.util.List.of("amd64", "x86", "arm64", "wow64");
}
