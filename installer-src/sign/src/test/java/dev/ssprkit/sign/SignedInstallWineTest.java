package dev.ssprkit.sign;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A signed package still installs and uninstalls: the signature stream does not disturb msiexec (Wine's). */
@Tag("interop")
class SignedInstallWineTest {
    @TempDir static Path dir;
    @RegisterExtension static final Wine wine = Wine.perClass();



    @Test
    void signedMsiInstallsAndUninstalls() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path msi = TestFiles.msi(dir.resolve("pkg"), "wine");
        new Signer(pki.config()).sign(msi);
        assertTrue(Verifier.verify(msi).isValid());

        Path log = dir.resolve("install.log");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString());
        assertEquals(0, install.exitCode(), () -> "msiexec /i failed: " + install.stdout() + install.stderr());
        Path installed = wine.cDrive("C:\\Program Files\\ssprkit Signed wine\\readme.txt");
        assertTrue(Files.isRegularFile(installed), "not installed: " + installed);
        assertEquals("1.0.0", wine.regValue("HKLM\\Software\\ssprkit\\Signed", "Version"));

        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(Files.exists(installed));
    }
}
