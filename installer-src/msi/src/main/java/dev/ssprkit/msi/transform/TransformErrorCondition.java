package dev.ssprkit.msi.transform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Errors a transform may tell the installer to suppress: the lower 16 bits of the Character Count summary property
 * (PID 16), {@code MSITRANSFORM_ERROR_*}. A set flag means "ignore this conflict" when the transform is applied.
 */
public enum TransformErrorCondition {
    ADD_EXISTING_ROW(0x0001),
    DELETE_MISSING_ROW(0x0002),
    ADD_EXISTING_TABLE(0x0004),
    DELETE_MISSING_TABLE(0x0008),
    UPDATE_MISSING_ROW(0x0010),
    CHANGE_CODEPAGE(0x0020);

    public final int bit;

    TransformErrorCondition(int bit) {
        this.bit = bit;
    }

    public static int bits(Set<TransformErrorCondition> set) {
        int v = 0;
        for (TransformErrorCondition f : set) v |= f.bit;
        return v;
    }

    public static Set<TransformErrorCondition> of(int bits) {
        Set<TransformErrorCondition> s = EnumSet.noneOf(TransformErrorCondition.class);
        for (TransformErrorCondition f : values()) if ((bits & f.bit) != 0) s.add(f);
        return s;
    }
}
