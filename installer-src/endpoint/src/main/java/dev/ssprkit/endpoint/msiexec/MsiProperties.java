package dev.ssprkit.endpoint.msiexec;

import dev.ssprkit.common.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Public properties for the msiexec command line. Only public properties (upper-case names) can be set there; a
 * value that could break out of its argument (a double quote, CR, LF or NUL) is refused rather than escaped, since
 * msiexec has no escape for them.
 *
 * <p>Two spellings: {@link #commandLine} writes {@code NAME="value"} for a command line kept as one string
 * (ConfigMgr InstallCommand, a .cmd file); {@link #arguments} gives one {@code NAME=value} argument per property for
 * a process launcher, which quotes each argument as a whole ({@code "NAME=a b"}) on the way to msiexec. Inner quotes
 * must not be used there: the launcher (Java on Windows, Wine on Unix) escapes them as {@code \"}, which msiexec
 * takes literally (seen under Wine: the value became a lone backslash).
 */
public final class MsiProperties {
    private static final Pattern PUBLIC_NAME = Pattern.compile("[A-Z_][A-Z0-9_.]*");

    private MsiProperties() {}

    /** One {@code NAME=value} argument per property, validated, in the map's order. */
    public static List<String> arguments(Map<String, String> properties) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : properties.entrySet()) out.add(e.getKey() + "=" + check(e.getKey(), e.getValue()));
        return out;
    }

    /** {@code NAME="value" NAME2="value 2"}, validated, for a command line kept as one string. */
    public static String commandLine(Map<String, String> properties) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : properties.entrySet()) out.add(e.getKey() + "=\"" + check(e.getKey(), e.getValue()) + "\"");
        return String.join(" ", out);
    }

    private static String check(String name, String v) {
        String value = v == null ? "" : v;
        if (name == null || !PUBLIC_NAME.matcher(name).matches()) {
            throw new InvalidValueException("'" + name + "' is not a public property: only names of upper-case letters, digits,"
                    + " '_' and '.' (not starting with a digit) can be set on the msiexec command line");
        }
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\r' || c == '\n' || c == '\0') {
                throw new InvalidValueException("the value of " + name + " contains " + (c == '"' ? "a double quote" : "a line break or NUL")
                        + ", which msiexec cannot take safely on its command line; set it through a transform instead");
            }
        }
        return value;
    }
}
