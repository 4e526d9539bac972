package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code <Merge>}: a merge module merged into the directory it is declared under, and into the features that
 * reference it with {@code MergeRef}.
 *
 * @param configuration values for the module's configurable items ({@code ConfigurationData} / {@code ConfigurationValue})
 */
public record MergeSymbol(String id, Path source, int language, String directory, Integer diskId,
                          Boolean fileCompression, Map<String, String> configuration,
                          SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("Merge", id);
    }
}
