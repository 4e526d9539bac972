package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IniFile: the SDK's IniFile table (DirProperty names a property holding the folder; Action 0 addLine, 1 createLine,
 * 3 addTag) and RemoveIniFile, as WiX writes them. Directory may name any property, not only a Directory row: WiX
 * reads it as a plain identifier (its MsiQueryFixture.PopulatesFontTableFromFontTitle builds an IniFile with
 * Directory="ConfigurationFolder", defined nowhere). Wine's msiexec writes the file (WriteIniValues) and removes the
 * value on uninstall (RemoveIniValues).
 */
@Tag("interop")
class IniFileTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void iniValuesAreWrittenAndRemovedAndDirectoryMayNameAnyProperty() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("ini.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="ssprkit ini" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3B4C5D6E-7F80-4192-A3B4-C5D6E7F8091A}">
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit ini">
                      <Component Id="Settings" Guid="{4C5D6E7F-8091-42A3-B4C5-D6E7F8091A2B}">
                        <CreateFolder />
                        <IniFile Id="Server" Action="createLine" Name="app.ini" Section="Connection" Key="Server" Value="sspr.example.org" />
                        <IniFile Id="Port" Action="addLine" Name="app.ini" Section="Connection" Key="Port" Value="443" />
                        <IniFile Id="Elsewhere" Action="createLine" Directory="ConfigurationFolder" Name="other.conf" Section="S" Key="K" Value="V" />
                      </Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64").validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        List<String> rows = Tool.run("msiinfo", "export", msi.toString(), "IniFile").assertOk().stdout().lines().skip(3).sorted().toList();
        // other.conf is not an 8.3 name: the column holds a short name too (SDK Filename column type: "short|long")
        assertTrue(rows.get(0).matches("Elsewhere\t[a-z0-9_]{1,8}\\.[a-z0-9_]{1,3}\\|other\\.conf\tConfigurationFolder\tS\tK\tV\t1\tSettings"), rows.get(0));
        assertEquals(List.of(
                "Port\tapp.ini\tINSTALLFOLDER\tConnection\tPort\t443\t0\tSettings",
                "Server\tapp.ini\tINSTALLFOLDER\tConnection\tServer\tsspr.example.org\t1\tSettings"), rows.subList(1, 3));

        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        Path ini = wine.cDrive("C:\\Program Files\\ssprkit ini\\app.ini");
        String text = Files.readString(ini, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("[Connection]") && text.contains("Server=sspr.example.org") && text.contains("Port=443"), text);
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(Files.exists(ini) && Files.readString(ini, StandardCharsets.ISO_8859_1).contains("Server="), "the values are removed on uninstall");
    }
}
