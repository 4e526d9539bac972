package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * {@code <MediaTemplate>}: files without an explicit Media go into cabinets named from {@code cabinetTemplate}
 * ({@code {0}} = the cabinet number), a new cabinet starting when {@code maximumUncompressedMediaSize} MB is reached.
 *
 * @param compressionLevel as written (none, low, medium, high, mszip) or null for the default
 * @param maximumUncompressedMediaSize megabytes per cabinet before compression, null for WiX's default (200)
 */
public record MediaTemplateSymbol(String cabinetTemplate, String compressionLevel, boolean embed,
                                  Integer maximumUncompressedMediaSize, String diskPrompt, String volumeLabel,
                                  SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("MediaTemplate", "*");
    }
}
