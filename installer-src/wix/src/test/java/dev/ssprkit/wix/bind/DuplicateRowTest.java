package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row the binder writes twice into one table is an error at the second row, naming where the first came from, and
 * nothing is written. The pair here: the Upgrade row MajorUpgrade generates (no minimum, maximum = the product's
 * version, language 0, MigrateFeatures) and an authored UpgradeVersion with the same five key columns (the SDK's
 * Upgrade table: UpgradeCode, VersionMin, VersionMax, Language and Attributes are its key). WiX rejects the same
 * source as a duplicate symbol. The check keeps positions in the table rather than a map of key texts, so it is also
 * shown not to confuse rows whose keys differ in one column only.
 */
class DuplicateRowTest {
    @TempDir Path tmp;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="Dup" Manufacturer="m" Version="1.2.3" UpgradeCode="{11111111-2222-3333-4444-555555555555}">
                <MajorUpgrade DowngradeErrorMessage="A newer version is installed." />
                <Upgrade Id="{11111111-2222-3333-4444-555555555555}">
                  <UpgradeVersion Maximum="1.2.3" Language="%s" Property="WIX_UPGRADE_DETECTED" MigrateFeatures="yes" />
                </Upgrade>
                <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Dup">
                  <Component Guid="{21111111-2222-3333-4444-555555555555}">
                    <RegistryValue Root="HKLM" Key="Software\\Dup" Name="x" Value="1" KeyPath="yes" />
                  </Component>
                </Directory></StandardDirectory>
              </Package>
            </Wix>
            """;

    @Test
    void aRowWrittenTwiceIsAnErrorAtTheSecondNamingTheFirst() throws Exception {
        Path msi = tmp.resolve("dup.msi");
        BuildResult r = TestBuild.build(tmp, SOURCE.formatted("0"), msi, b -> b.validate(false));
        assertFalse(r.success());
        List<Diagnostic> dups = r.diagnostics().stream().filter(d -> d.message() == CompilerMessage.DUPLICATE_ROW).toList();
        assertEquals(1, dups.size(), r.diagnostics().toString());
        Diagnostic d = dups.get(0);
        assertEquals(5, d.location().line(), d.toString());
        assertTrue(d.text().startsWith("Upgrade row '{11111111-2222-3333-4444-555555555555}/"), d.text());
        assertTrue(d.text().endsWith(":3:5"), "the first row is MajorUpgrade's: " + d.text());
        assertFalse(Files.exists(msi), "no package on error");
    }

    @Test
    void rowsWhoseKeysDifferInOneColumnAreBothWritten() throws Exception {
        Path msi = tmp.resolve("two.msi");
        BuildResult r = TestBuild.build(tmp, SOURCE.formatted("1033"), msi, b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        try (var db = dev.ssprkit.msi.MsiReader.read(msi)) {
            // MajorUpgrade's two rows (upgrade, downgrade) and the authored one
            assertEquals(3, db.table("Upgrade").rows().size());
        }
    }
}
