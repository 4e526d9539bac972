package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.registry.RegistryKey;

/**
 * One registry row of the domain notes' table ("Settings that break Reset password"): a value, the data that breaks
 * the feature, and the data that fixes it. {@link PreflightTable#VALUE_RULES} lists them; the Java preflight, the
 * .cmd and the .ps1 scripts are all generated from that list.
 *
 * @param kind  how {@code bad} is compared
 * @param bad   the DWORD that breaks (decimal), or for {@link Kind#STRING_OTHER_THAN} the only good string
 * @param fix   the data the remediation script writes (a DWORD in decimal, or a string)
 * @param scope on which Windows the rule applies
 */
public record ValueRule(Check check, RegistryKey key, String value, Kind kind, String bad, String fix, Scope scope) {
    public enum Kind {
        /** A REG_DWORD equal to {@code bad}. */
        DWORD_EQUALS,
        /** A REG_SZ/REG_EXPAND_SZ present and, trimmed, not equal to {@code bad} ignoring case. */
        STRING_OTHER_THAN
    }

    public enum Scope {
        ANY,
        /** Windows 10 before 1809 (build 17763): the found text gets " on build N". */
        WINDOWS10_BEFORE_1809
    }

    public int badDword() {
        return Integer.parseInt(bad);
    }
}
