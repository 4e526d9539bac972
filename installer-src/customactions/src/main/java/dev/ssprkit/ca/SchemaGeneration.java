package dev.ssprkit.ca;

/**
 * Which WiX names a package uses for the extension's tables, custom actions and binaries: WiX v3
 * ({@code XmlFile}, {@code WixCA}, {@code ExecXmlFile_64}) or WiX v4.0 ({@code Wix4XmlFile}, {@code Wix4UtilCA_X64},
 * {@code Wix4ExecXmlFile_X64}). Our DLLs read either: they find the generation by the table the package has.
 */
public enum SchemaGeneration {
    V3, V4
}
