package dev.ssprkit.sysprep.cache;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in scripts must be what {@link ScriptGenerator} makes of {@link CacheTargets}: they cannot drift from
 * the Java cleaner. To regenerate: {@code -Dsysprep.regenerateScripts=true}.
 */
class ScriptsUpToDateTest {
    private static final Path SCRIPTS = Path.of("scripts");

    @Test
    void checkedInScriptsMatchTheGenerator() throws IOException {
        ScriptGenerator g = new ScriptGenerator(CacheTargets.ALL);
        if (Boolean.getBoolean("sysprep.regenerateScripts")) g.writeTo(SCRIPTS);
        String hint = " differs from ScriptGenerator's output; regenerate with "
                + "mvn -f sysprep-helpers/pom.xml test -Dtest=ScriptsUpToDateTest -Dsysprep.regenerateScripts=true";
        assertEquals(g.cmd(), Files.readString(SCRIPTS.resolve(ScriptGenerator.CMD_NAME), StandardCharsets.US_ASCII),
                ScriptGenerator.CMD_NAME + hint);
        assertEquals(g.powershell(), Files.readString(SCRIPTS.resolve(ScriptGenerator.PS1_NAME), StandardCharsets.UTF_8),
                ScriptGenerator.PS1_NAME + hint);
    }

    @Test
    void everyTargetAppearsInBothScripts() {
        ScriptGenerator g = new ScriptGenerator(CacheTargets.ALL);
        for (CacheTarget t : CacheTargets.ALL) {
            assertTrue(g.cmd().contains("\"%W%\\" + t.name() + "\""), t.name());
            assertTrue(g.powershell().contains("Name = '" + t.name() + "'"), t.name());
        }
        assertTrue(g.cmd().contains("\r\n") && !g.cmd().replace("\r\n", "").contains("\n"), "CRLF only");
    }
}
