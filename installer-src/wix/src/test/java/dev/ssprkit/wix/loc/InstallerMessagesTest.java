package dev.ssprkit.wix.loc;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installer's standard messages under WiX's string ids ({@code !(loc.Error1707)}...), which real sources use in
 * their own dialogs (PowerShell's installer titles its finish page with {@code !(loc.Error1707)}). Expected: every id
 * WiX's UI extension defines, each with exactly the placeholders the installer fills into that message
 * ({@code error-placeholders.tsv}: ids and placeholders taken from WiX's WixUI_en-us.wxl, which follows the MSI SDK's
 * "Windows Installer Error Messages" page; no wording).
 */
class InstallerMessagesTest {
    @TempDir Path dir;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[0-9A-Za-z]+\\]");

    static Map<String, Set<String>> expected() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (InputStream in = InstallerMessagesTest.class.getResourceAsStream("/dev/ssprkit/wix/ui/error-placeholders.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                Set<String> tokens = new TreeSet<>();
                for (String t : f[1].split(" ")) if (!t.isBlank()) tokens.add(t);
                out.put("Error" + f[0], tokens);
            }
        }
        return out;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en-us", "de-de", "fr-fr", "es-es", "ja-jp"})
    void everyMessageIdIsDefinedWithTheInstallersPlaceholders(String culture) throws IOException {
        Map<String, String> english = UiPackage.libraryStrings(culture);
        Map<String, Set<String>> want = expected();
        assertEquals(161, want.size(), "WiX's UI extension defines 161 message ids");
        List<String> wrong = new ArrayList<>();
        want.forEach((id, placeholders) -> {
            String text = english.get(id);
            if (text == null) {
                wrong.add(id + " missing");
                return;
            }
            Set<String> got = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) got.add(m.group());
            if (!got.equals(placeholders)) wrong.add(id + ": " + got + " instead of " + placeholders);
        });
        assertTrue(wrong.isEmpty(), () -> culture + ":\n" + String.join("\n", wrong));
    }

    /** A project dialog titled with !(loc.Error1707), built in German: the library's German text, not the English one. */
    @Test
    @Tag("interop")
    void aProjectDialogUsingAMessageStringBuildsInEveryCulture() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Messages" Language="1031" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{4A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C30}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Messages">
                      <Component Id="C" Guid="{5B2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D40}" KeyPath="yes"/>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                    <UI>
                      <Dialog Id="DoneDlg" Width="370" Height="270" Title="Messages">
                        <Control Id="Title" Type="Text" X="135" Y="20" Width="220" Height="60" Text="!(loc.Error1707)"/>
                        <Control Id="Finish" Type="PushButton" X="236" Y="243" Width="56" Height="17" Default="yes" Cancel="yes" Text="OK">
                          <Publish Event="EndDialog" Value="Return">1</Publish>
                        </Control>
                      </Dialog>
                      <InstallUISequence><Show Dialog="DoneDlg" OnExit="success"/></InstallUISequence>
                    </UI>
                    <UIRef Id="WixUI_Common"/>
                  </Product>
                </Wix>
                """, msi, b -> b.cultures(List.of("de-de")).suppressIces(List.of("ICE20"))); // one dialog, not a whole UI (ICE20's standard dialogs)
        assertTrue(r.success(), r.diagnostics().toString());
        String control = Tool.run("msiinfo", "export", msi.toString(), "Control").assertOk().stdout();
        String german = UiPackage.libraryStrings("de-de").get("Error1707");
        assertNotEquals(UiPackage.libraryStrings("en-us").get("Error1707"), german);
        assertTrue(control.lines().anyMatch(l -> l.startsWith("DoneDlg\tTitle\t") && l.contains(german)), control);
    }
}
