package dev.ssprkit.kit;

import dev.ssprkit.common.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The install-time choices a kit bakes in: public properties (ENABLELOGGING, TLS12...) and where msiexec logs.
 * Property names must be public (upper case) and values must not contain quotes or line breaks, so that they
 * cannot inject arguments into the generated command lines.
 */
public record KitOptions(Map<String, String> properties, String logDir) {
    private static final Pattern PUBLIC = Pattern.compile("[A-Z_][A-Z0-9_.]*");

    public KitOptions {
        properties = new LinkedHashMap<>(properties);
        for (var e : properties.entrySet()) {
            if (!PUBLIC.matcher(e.getKey()).matches()) {
                throw new InvalidValueException("property '" + e.getKey() + "' is not public: only upper-case names can be set on the msiexec command line");
            }
            String v = e.getValue();
            if (v.contains("\"") || v.contains("\r") || v.contains("\n") || v.contains("%") || v.contains("'")) {
                throw new InvalidValueException("value of " + e.getKey() + " contains a quote, '%' or a line break");
            }
        }
        if (logDir == null || logDir.isBlank()) logDir = "%ProgramData%\\SsprLogon\\Logs";
    }

    public static KitOptions of(boolean enableLogging, boolean tls12) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ENABLELOGGING", enableLogging ? "1" : "0");
        p.put("TLS12", tls12 ? "1" : "0");
        return new KitOptions(p, null);
    }

    /** {@code NAME=value NAME2="value with spaces" } with a trailing space when non-empty. */
    public String commandLineProperties() {
        StringBuilder sb = new StringBuilder();
        properties.forEach((k, v) -> sb.append(k).append('=').append(v.contains(" ") || v.isEmpty() ? "\"" + v + "\"" : v).append(' '));
        return sb.toString();
    }
}
