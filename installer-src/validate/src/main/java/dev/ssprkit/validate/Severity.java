package dev.ssprkit.validate;

/** How bad a finding is; the SDK's ICE "error" and "warning" (its "info" messages are not reported). */
public enum Severity {
    ERROR, WARNING
}
