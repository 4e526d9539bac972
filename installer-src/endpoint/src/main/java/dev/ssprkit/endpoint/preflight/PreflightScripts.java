package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.registry.RegistryKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preflight as scripts for where the fleet is, generated from the one check table ({@link Check},
 * {@link PreflightTable}, {@link Tls12Settings#checkedValues}): {@code sspr-preflight.cmd} (the checks, with
 * {@code reg query}), and the PowerShell wrappers Intune and ConfigMgr run ({@link PowerShellScripts}). Every text
 * and every registry row comes from the table; the templates hold only the control flow.
 */
public final class PreflightScripts {
    public static final String CMD = "sspr-preflight.cmd";

    private final String version;

    /** @param version the tool version written into the scripts' headers */
    public PreflightScripts(String version) {
        this.version = version;
    }

    /** The .cmd, CRLF line ends. */
    public String cmd() {
        StringBuilder rules = new StringBuilder();
        Map<RegistryKey, String> prefixes = new LinkedHashMap<>();
        for (ValueRule r : PreflightTable.VALUE_RULES) {
            if (!prefixes.containsKey(r.key())) {
                String prefix = "R" + (prefixes.size() + 1);
                prefixes.put(r.key(), prefix);
                rules.append("call :readKey \"").append(r.key()).append("\" ").append(prefix).append('\n');
            }
        }
        for (ValueRule r : PreflightTable.VALUE_RULES) {
            String p = prefixes.get(r.key());
            switch (r.kind()) {
                case DWORD_EQUALS -> rules.append("call :dwordRule ").append(r.check().id).append(' ').append(p).append(' ').append(plain(r.value()))
                        .append(' ').append(r.badDword()).append(" \"").append(json(r.key().toString())).append("\" ").append(r.scope().name()).append('\n');
                case STRING_OTHER_THAN -> rules.append("call :stringRule ").append(r.check().id).append(' ').append(p).append(' ').append(plain(r.value()))
                        .append(' ').append(plain(r.bad())).append(" \"").append(json(r.key().toString())).append("\" \"").append(r.key()).append("\"\n");
            }
        }
        String text = template("sspr-preflight.cmd.in")
                .replace("@@VERSION@@", version)
                .replace("@@VALUE_RULES@@", rules.toString().stripTrailing())
                .replace("@@TLS64@@", tls(true))
                .replace("@@TLS32@@", tls(false))
                .replace("@@TEXTS@@", texts());
        return crlf(text);
    }

    private static String tls(boolean is64) {
        StringBuilder sb = new StringBuilder();
        Map<RegistryKey, String> prefixes = new LinkedHashMap<>();
        List<Tls12Settings.Checked> values = Tls12Settings.checkedValues(is64);
        for (Tls12Settings.Checked c : values) {
            if (!prefixes.containsKey(c.key())) {
                String prefix = "T" + (prefixes.size() + 1);
                prefixes.put(c.key(), prefix);
                sb.append("call :readKey \"").append(c.key()).append("\" ").append(prefix).append('\n');
            }
        }
        for (Tls12Settings.Checked c : values) {
            sb.append("call :tlsValue ").append(prefixes.get(c.key())).append(' ').append(plain(c.name())).append(' ').append(c.rule().name())
                    .append(" \"").append(json(c.key().toString())).append("\"\n");
        }
        return sb.toString().stripTrailing();
    }

    private static String texts() {
        StringBuilder sb = new StringBuilder();
        for (Check c : Check.values()) {
            sb.append("set \"S_").append(c.id).append('=').append(c.severity.name()).append("\"\n");
            sb.append("set \"T_").append(c.id).append('=').append(cmdSafe(json(c.title), c.id)).append("\"\n");
            sb.append("set \"R_").append(c.id).append('=').append(cmdSafe(json(c.remediation), c.id)).append("\"\n");
        }
        return sb.toString().stripTrailing();
    }

    /** A name or value passed to a subroutine unquoted: letters, digits, dot only. */
    private static String plain(String s) {
        if (!s.matches("[A-Za-z0-9.]+")) throw new IllegalStateException("'" + s + "' cannot be passed to the .cmd unquoted");
        return s;
    }

    /** Text carried verbatim inside set "...": no percent, exclamation mark or caret (cmd would interpret them), ASCII only. */
    static String cmdSafe(String s, String id) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '!' || c == '^' || c < 0x20 || c > 0x7E) {
                throw new IllegalStateException("the text of " + id + " contains '" + c + "', which the .cmd cannot carry; rephrase it");
            }
        }
        return s;
    }

    /** JSON string content: backslash and double quote escaped. */
    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String template(String name) {
        try (InputStream in = PreflightScripts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("script template " + name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
