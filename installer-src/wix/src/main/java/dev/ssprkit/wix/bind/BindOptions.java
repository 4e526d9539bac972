package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.source.Platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What the binder needs besides the linked symbols.
 *
 * @param platform        the build's -arch (a v3 Package/@Platform overrides it)
 * @param buildTime       stamped into the summary information and the cabinets' file dates
 * @param workDirectory   where cabinets are written before the package (deleted by the caller)
 * @param localization    {@code !(loc.X)} strings of the chosen culture (empty: none given)
 * @param cultureCodepage the culture's codepage from its .wxl, or null
 * @param cultureLanguage the culture's language id, or null
 * @param compression     a command-line CompressionLevel overriding the sources' (null: the sources')
 * @param cabinetCache    folder of the cabinet cache, or null for none
 * @param bindVariables   {@code -bindvariable}/{@code -d} values {@code !(wix.X)} may read when no WixVariable sets them
 * @param bindPaths       where files named at bind time (a Binary's {@code !(wix.X)} source) are looked for
 * @param roots           the folders the build may read
 * @param uiOverrides     the culture's dialog and control adjustments ({@code <UI>} in its .wxl)
 * @param prefetch        payload files the compiler started reading (null: none)
 * @param packageFile     the package's file while it is being made (empty, beside the output), into which the first
 *                        embedded cabinet is written at its stream's place; null: cabinets go to the work directory
 */
public record BindOptions(Platform platform, Instant buildTime, Path workDirectory, Map<String, String> localization,
                          Integer cultureCodepage, Integer cultureLanguage, String compression, Path cabinetCache,
                          Map<String, String> bindVariables, dev.ssprkit.wix.compile.BindPaths bindPaths,
                          dev.ssprkit.wix.source.SourceRoots roots, java.util.List<dev.ssprkit.wix.loc.Localization.UiOverride> uiOverrides,
                          dev.ssprkit.wix.source.PayloadPrefetch prefetch, Path packageFile) {
    public BindOptions {
        localization = localization == null ? Map.of() : Map.copyOf(localization);
        bindVariables = bindVariables == null ? Map.of() : Map.copyOf(bindVariables);
        bindPaths = bindPaths == null ? dev.ssprkit.wix.compile.BindPaths.none() : bindPaths;
        roots = roots == null ? dev.ssprkit.wix.source.SourceRoots.unconfined() : roots;
        uiOverrides = uiOverrides == null ? java.util.List.of() : java.util.List.copyOf(uiOverrides);
        prefetch = prefetch == null ? dev.ssprkit.wix.source.PayloadPrefetch.NONE : prefetch;
    }
}
