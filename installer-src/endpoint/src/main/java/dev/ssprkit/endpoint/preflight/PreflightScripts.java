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
 * {@code reg query}), and the PowerShell wrappers Intune and ConfigMgr run: {@code Detect-SsprReadiness.ps1} and
 * {@code Remediate-SsprReadiness.ps1} (an Intune Remediations pair) and {@code Discover-SsprReadiness.ps1} (a ConfigMgr
 * configuration item's discovery script). The wrappers embed the .cmd verbatim and add the port-443 probes, so they
 * emit the same JSON as {@code sspr preflight --json}. Every text and registry row comes from the table; the templates
 * hold only the control flow.
 */
public final class PreflightScripts {
    public static final String CMD = "sspr-preflight.cmd";
    public static final String DETECT = "Detect-SsprReadiness.ps1";
    public static final String REMEDIATE = "Remediate-SsprReadiness.ps1";
    public static final String DISCOVER = "Discover-SsprReadiness.ps1";

    /** Every script by file name, in a fixed order. */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(CMD, cmd());
        out.put(DETECT, detect());
        out.put(REMEDIATE, remediate());
        out.put(DISCOVER, discover());
        return out;
    }

    public String detect() {
        return ps1("Detect-SsprReadiness.ps1.in");
    }

    public String discover() {
        return ps1("Discover-SsprReadiness.ps1.in");
    }

    public String remediate() {
        StringBuilder fixes = new StringBuilder();
        for (ValueRule r : PreflightTable.VALUE_RULES) {
            if (fixes.length() > 0) fixes.append(",\n");
            fixes.append("    @{ id = '").append(r.check().id).append("'; key = ").append(psKey(r.key())).append("; name = '").append(r.value())
                    .append("'; type = ").append(r.kind() == ValueRule.Kind.DWORD_EQUALS ? "'DWord'; value = " + r.fix() : "'String'; value = " + psString(r.fix()))
                    .append(" }");
        }
        String text = ps1("Remediate-SsprReadiness.ps1.in")
                .replace("@@VALUE_FIXES@@", fixes.toString())
                .replace("@@TLS64@@", tlsFixes(true))
                .replace("@@TLS32@@", tlsFixes(false))
                .replace("'@@POLICY_KEY@@'", psKey(dev.ssprkit.endpoint.SsprKeys.AZURE_AD_ACCOUNT_POLICY))
                .replace("@@POLICY_VALUE@@", dev.ssprkit.endpoint.DwordSwitch.WIN10_PASSWORD_RESET.value());
        return crlf(text);
    }

    /** What "sspr tls enable" writes on a machine of this bitness, as PowerShell hashtables. */
    private static String tlsFixes(boolean is64) {
        dev.ssprkit.registry.InMemoryRegistry reg = new dev.ssprkit.registry.InMemoryRegistry();
        try {
            new Tls12Settings(reg, is64).enable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sb = new StringBuilder();
        for (RegistryKey k : reg.keys()) {
            for (Map.Entry<String, dev.ssprkit.registry.RegistryValue> v : reg.values(k).entrySet()) {
                if (sb.length() > 0) sb.append(",\n");
                boolean or = v.getKey().equals("DefaultSecureProtocols");
                sb.append("    @{ key = ").append(psKey(k)).append("; name = '").append(v.getKey()).append("'; value = ")
                        .append(v.getValue().asInt()).append("; orBits = $").append(or).append(" }");
            }
        }
        return sb.toString();
    }

    private String ps1(String template) {
        String cmd = cmd();
        for (String line : cmd.split("\r\n")) {
            if (line.startsWith("'@")) throw new IllegalStateException("a .cmd line starts with '@ and would end the PowerShell here-string");
        }
        PreflightOptions defaults = PreflightOptions.defaults();
        String common = template("ps1-common.in")
                .replace("@@CMD@@", cmd.replace("\r\n", "\n").stripTrailing())
                .replace("@@ENDPOINTS@@", psList(defaults.endpoints()))
                .replace("@@WINDOWS10_ENDPOINTS@@", psList(defaults.windows10Endpoints()))
                .replace("'@@PF030_TITLE@@'", psString(Check.ENDPOINT_UNREACHABLE.title))
                .replace("'@@PF030_FIX@@'", psString(Check.ENDPOINT_UNREACHABLE.remediation));
        return crlf(template(template).replace("@@COMMON@@", common.stripTrailing()));
    }

    private static String psList(List<String> items) {
        return String.join(", ", items.stream().map(PreflightScripts::psString).toList());
    }

    /** A single-quoted PowerShell string. */
    static String psString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** HKLM\X as the PowerShell registry provider path 'HKLM:\X'. */
    static String psKey(RegistryKey k) {
        return psString(k.hive().name() + ":\\" + k.path());
    }

    public PreflightScripts() {}

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
