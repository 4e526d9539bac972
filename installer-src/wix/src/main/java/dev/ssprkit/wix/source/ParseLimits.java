package dev.ssprkit.wix.source;

/**
 * Bounds on untrusted input, so that a hostile or broken source fails with a located error instead of exhausting
 * memory or stack.
 *
 * @param maxFileBytes largest source or include file read
 * @param maxDepth deepest element nesting within one file
 * @param maxAttributeLength longest attribute value, in characters, before and after substitution
 * @param maxIncludeDepth deepest chain of nested includes
 * @param maxNodes most elements, text runs and loop iterations one run may produce; bounds the fan-out of nested
 *     {@code <?foreach?>} and {@code <?include?>}
 */
public record ParseLimits(long maxFileBytes, int maxDepth, int maxAttributeLength, int maxIncludeDepth,
                          int maxNodes) {

    public static final ParseLimits DEFAULT = new ParseLimits(64L << 20, 256, 1 << 20, 64, 1_000_000);

    public ParseLimits {
        if (maxFileBytes <= 0 || maxDepth <= 0 || maxAttributeLength <= 0 || maxIncludeDepth <= 0
                || maxNodes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
    }
}
