package dev.ssprkit.msi.transform;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a transform is generated.
 *
 * <p>Default validation is {@link TransformValidation#PRODUCT} + {@link TransformValidation#UPGRADE_CODE}: a transform
 * made for one vendor package (Group Policy "modifications") must not silently apply to another product, while a
 * rebuilt package with the same product code still accepts it. Language, platform and version checks are off because
 * the same SSPR package is shipped per architecture and re-released with new versions. No error conditions are
 * suppressed by default: the transform is generated from the exact base, so any conflict at apply time is a real
 * mismatch and should fail loudly.
 *
 * @param validation  conditions the installer checks before applying (upper word of PID 16)
 * @param suppressed  conflicts the installer ignores while applying (lower word of PID 16)
 * @param createTime  the summary's create/last-save time (fixed for reproducible output)
 */
public record TransformOptions(Set<TransformValidation> validation, Set<TransformErrorCondition> suppressed, Instant createTime) {
    public TransformOptions {
        validation = validation.isEmpty() ? EnumSet.noneOf(TransformValidation.class) : EnumSet.copyOf(validation);
        suppressed = suppressed.isEmpty() ? EnumSet.noneOf(TransformErrorCondition.class) : EnumSet.copyOf(suppressed);
    }

    public static TransformOptions defaults() {
        return new TransformOptions(EnumSet.of(TransformValidation.PRODUCT, TransformValidation.UPGRADE_CODE),
                EnumSet.noneOf(TransformErrorCondition.class), Instant.parse("2026-01-01T00:00:00Z"));
    }

    public TransformOptions withValidation(Set<TransformValidation> v) {
        return new TransformOptions(v, suppressed, createTime);
    }

    public TransformOptions withSuppressed(Set<TransformErrorCondition> s) {
        return new TransformOptions(validation, s, createTime);
    }

    /** The Character Count (PID 16) value: validation flags in the upper word, error conditions in the lower. */
    public int characterCount() {
        return (TransformValidation.bits(validation) << 16) | TransformErrorCondition.bits(suppressed);
    }
}
