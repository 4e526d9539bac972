package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.Tls12Settings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts stay one with the check table: the copies in deploy-scripts/preflight are exactly what the generator
 * makes from the table now (drift check; {@code -Dssprkit.updateScripts=true} rewrites them), every check's texts are
 * in the .cmd, every table row has its fix in the remediation script, and each PowerShell script carries the .cmd
 * verbatim. The .cmd's behaviour is judged under Wine ({@code PreflightScriptWineTest}); PowerShell is not
 * available here, so the .ps1 wrappers are checked for these properties only.
 */
class PreflightScriptsTest {
    static final Path COMMITTED = Path.of("../../deploy-scripts/preflight");
    final PreflightScripts scripts = new PreflightScripts();

    @Test
    void theCommittedScriptsAreWhatTheTableGenerates() throws Exception {
        boolean update = Boolean.getBoolean("ssprkit.updateScripts");
        for (Map.Entry<String, String> e : scripts.all().entrySet()) {
            Path file = COMMITTED.resolve(e.getKey());
            if (update) {
                Files.createDirectories(COMMITTED);
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(file), file + " is missing; run: mvn -pl installer-src/endpoint test -Dtest=PreflightScriptsTest -Dssprkit.updateScripts=true");
            assertEquals(e.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " differs from what the preflight table generates; regenerate it (-Dssprkit.updateScripts=true)");
        }
    }

    @Test
    void everyCheckAndRowIsInTheScripts() {
        String cmd = scripts.cmd();
        for (Check c : Check.values()) {
            assertTrue(cmd.contains("set \"T_" + c.id + "=" + PreflightScripts.json(c.title) + "\""), c.id + " title");
            assertTrue(cmd.contains("set \"R_" + c.id + "=" + PreflightScripts.json(c.remediation) + "\""), c.id + " fix");
        }
        String remediate = scripts.remediate();
        for (ValueRule r : PreflightTable.VALUE_RULES) {
            assertTrue(cmd.contains("Rule " + r.check().id + " "), r.check().id + " evaluated by the .cmd");
            assertEquals(1, count(remediate, "@{ id = '" + r.check().id + "'; key = " + PreflightScripts.psKey(r.key()) + "; name = '" + r.value() + "'"),
                    r.check().id + " has its fix in the remediation script");
        }
        for (boolean is64 : new boolean[] {true, false}) {
            for (Tls12Settings.Checked c : Tls12Settings.checkedValues(is64)) {
                assertTrue(cmd.contains("call :tlsValue ") && cmd.contains(PreflightScripts.json(c.key().toString())), c.key() + " checked");
                assertTrue(remediate.contains("@{ key = " + PreflightScripts.psKey(c.key()) + "; name = '" + c.name() + "'"), c.key() + "\\" + c.name() + " fixed");
            }
        }
    }

    @Test
    void eachPowerShellScriptCarriesTheCmdVerbatim() {
        String cmd = scripts.cmd().replace("\r\n", "\n").stripTrailing();
        Pattern here = Pattern.compile("\\$SsprPreflightCmd = @'\\n(.*?)\\n'@", Pattern.DOTALL);
        for (String ps1 : new String[] {scripts.detect(), scripts.remediate(), scripts.discover()}) {
            Matcher m = here.matcher(ps1.replace("\r\n", "\n"));
            assertTrue(m.find());
            assertEquals(cmd, m.group(1));
            for (char c : ps1.toCharArray()) assertTrue(c < 0x80, "ASCII only: Windows PowerShell 5.1 reads files without a BOM as ANSI");
            assertEquals(count(ps1, "{"), count(ps1, "}"), "braces balance");
            assertEquals(count(ps1, "("), count(ps1, ")"), "parentheses balance");
        }
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) n++;
        return n;
    }
}
