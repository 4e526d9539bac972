package dev.ssprkit.msi.transform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Transform validation conditions: the upper 16 bits of the transform's Character Count summary property (PID 16),
 * checked by the installer against the package the transform is applied to
 * (https://learn.microsoft.com/windows/win32/msi/character-count-summary, {@code MSITRANSFORM_VALIDATE_*}).
 */
public enum TransformValidation {
    /** The base package's ProductLanguage must match the Template's language. */
    LANGUAGE(0x0001),
    /** The package's ProductCode must equal the base product code in the Revision Number. */
    PRODUCT(0x0002),
    /** The platform must match the Template's platform. */
    PLATFORM(0x0004),
    MAJOR_VERSION(0x0008),
    MINOR_VERSION(0x0010),
    UPDATE_VERSION(0x0020),
    NEW_LESS_BASE_VERSION(0x0040),
    NEW_LESS_EQUAL_BASE_VERSION(0x0080),
    NEW_EQUAL_BASE_VERSION(0x0100),
    NEW_GREATER_EQUAL_BASE_VERSION(0x0200),
    NEW_GREATER_BASE_VERSION(0x0400),
    /** The package's UpgradeCode must equal the upgrade code in the Revision Number. */
    UPGRADE_CODE(0x0800);

    public final int bit;

    TransformValidation(int bit) {
        this.bit = bit;
    }

    public static int bits(Set<TransformValidation> set) {
        int v = 0;
        for (TransformValidation f : set) v |= f.bit;
        return v;
    }

    public static Set<TransformValidation> of(int bits) {
        Set<TransformValidation> s = EnumSet.noneOf(TransformValidation.class);
        for (TransformValidation f : values()) if ((bits & f.bit) != 0) s.add(f);
        return s;
    }
}
