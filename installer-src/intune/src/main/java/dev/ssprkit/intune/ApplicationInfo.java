package dev.ssprkit.intune;

/**
 * Detection.xml ({@code IntuneWinPackage/Metadata/Detection.xml}): what the package holds and how its content is
 * encrypted.
 *
 * @param toolVersion            the {@code ToolVersion} attribute (the format revision consumers expect)
 * @param name                   the application name (the setup file's name by default)
 * @param unencryptedContentSize the inner package's size before encryption, bytes
 * @param fileName               the encrypted file's name under {@code Contents/} ({@code IntunePackage.intunewin})
 * @param setupFile              the setup file's path inside the inner package (Windows separators)
 * @param msiInfo                for an MSI setup file, else null
 */
public record ApplicationInfo(String toolVersion, String name, long unencryptedContentSize, String fileName, String setupFile,
                              EncryptionInfo encryptionInfo, MsiInfo msiInfo) {
    /** The encrypted file's name in every package Microsoft's tool writes. */
    public static final String CONTENT_FILE = "IntunePackage.intunewin";
    /** Entry names in the outer archive. */
    public static final String CONTENTS_DIR = "IntuneWinPackage/Contents/";
    public static final String DETECTION_XML = "IntuneWinPackage/Metadata/Detection.xml";
    /** The ToolVersion the open-source re-implementations write, which the Intune admin center accepts. */
    public static final String TOOL_VERSION = "1.8.4.0";
}
