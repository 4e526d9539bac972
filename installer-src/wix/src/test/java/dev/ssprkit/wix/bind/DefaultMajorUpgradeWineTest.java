package dev.ssprkit.wix.bind;

import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What WiX v6's default major upgrade does in Wine's msiexec (the rows: {@link DefaultMajorUpgradeTest}): version 2 of
 * a package with no upgrade of its own replaces version 1, and version 1 is refused over version 2 by the launch
 * condition (the SDK's FindRelatedProducts and RemoveExistingProducts pages).
 */
@Tag("interop")
class DefaultMajorUpgradeWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path tmp;

    @Test
    void version2ReplacesVersion1AndVersion1IsRefusedOverVersion2() throws Exception {
        DefaultMajorUpgradeTest t = new DefaultMajorUpgradeTest();
        t.tmp = tmp;
        Path v1 = t.build("v1", "1.0.0", "", "", b -> b);
        Path v2 = t.build("v2", "2.0.0", "", "", b -> b);
        assertEquals(0, wine.msiexec("/i", v1.toString(), "/qn").exitCode());
        assertEquals("1.0.0", wine.regValue("HKLM\\Software\\ssprkit-default-upgrade", "Version"));
        assertEquals(0, wine.msiexec("/i", v2.toString(), "/qn").exitCode(), "the upgrade");
        assertEquals("2.0.0", wine.regValue("HKLM\\Software\\ssprkit-default-upgrade", "Version"));
        // the downgrade: the launch condition stops it (msiexec's fatal-error exit 1603), version 2 stays
        assertNotEquals(0, wine.msiexec("/i", v1.toString(), "/qn").exitCode(), "installing version 1 over version 2");
        assertEquals("2.0.0", wine.regValue("HKLM\\Software\\ssprkit-default-upgrade", "Version"));
        assertEquals(0, wine.msiexec("/x", v2.toString(), "/qn").exitCode());
        assertNull(wine.regValue("HKLM\\Software\\ssprkit-default-upgrade", "Version"), "uninstalling version 2 leaves nothing");
    }
}
