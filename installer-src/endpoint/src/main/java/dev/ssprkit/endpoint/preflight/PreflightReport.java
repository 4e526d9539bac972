package dev.ssprkit.endpoint.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Everything a preflight found; {@link #blockers()} non-empty means SSPR at the sign-in screen will not work. The JSON
 * form ({@link #toJson}) is what {@code sspr preflight --json}, the generated .cmd and the .ps1 scripts print and what
 * {@code sspr report} reads.
 *
 * @param machine the computer name (from the registry), or null
 * @param source  what produced it ({@code sspr preflight}, {@code sspr-preflight.cmd}, ...)
 */
public record PreflightReport(String machine, String source, String os, OsFacts facts, List<Finding> findings) {
    public PreflightReport(String os, OsFacts facts, List<Finding> findings) {
        this(null, Preflight.SOURCE, os, facts, findings);
    }

    /** No blocker: "Reset password" can work at this machine's sign-in screen. */
    @com.fasterxml.jackson.annotation.JsonProperty("ready")
    public boolean ready() {
        return blockers().isEmpty();
    }

    public List<Finding> blockers() {
        return findings.stream().filter(f -> f.severity() == Severity.BLOCKER).toList();
    }

    public boolean has(Check check) {
        return findings.stream().anyMatch(f -> f.id().equals(check.id));
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PreflightReport fromJson(String json) {
        try {
            return new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, PreflightReport.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
