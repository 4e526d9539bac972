package dev.ssprkit.endpoint.preflight;

/**
 * One preflight result.
 *
 * @param id          stable identifier (see {@link Check})
 * @param key         the registry key looked at ({@code HKLM\...}), or null
 * @param valueName   the value looked at, or null
 * @param found       what was found, as text ({@code 0x1}, {@code "cmd.exe"}, "absent"), or null
 * @param remediation what to change
 */
public record Finding(String id, Severity severity, String title, String key, String valueName, String found, String remediation) {}
