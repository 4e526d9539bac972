package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paths written in sources are opened the way Windows opens them, because that is where WiX runs. The rules are the
 * ".NET: File path formats on Windows systems" page's "Trim characters" step: a segment ending in a single period loses
 * it; when the path does not end in a separator, the last segment loses all trailing periods and spaces; segments
 * made only of periods are relative steps. dokany's installer writes {@code Source="..\sys\public.h "}.
 */
class WindowsPathTrimTest {
    @TempDir Path dir;

    @Test
    void trimsAsWindowsNormalization() {
        assertEquals("../sys/public.h", BindPaths.windowsPath("..\\sys\\public.h "));
        assertEquals("dir/file", BindPaths.windowsPath("dir\\file. . "));
        assertEquals("dir/sub/file.txt", BindPaths.windowsPath("dir.\\sub\\file.txt"));
        assertEquals("dir/sub", BindPaths.windowsPath("dir\\sub\\"));
        assertEquals("../../x", BindPaths.windowsPath("..\\..\\x"));
        assertEquals("..", BindPaths.windowsPath(".."));
    }

    /**
     * The shortcut for paths with nothing to trim never gives another answer than the segment-by-segment rules: paths
     * made of the characters those rules look at.
     */
    @Property(tries = 2000)
    void theShortcutAgreesWithTheRules(@ForAll @Chars({'a', '.', ' ', '/', '\\'}) @StringLength(max = 12) String written) {
        assertEquals(BindPaths.trimmed(written.replace('\\', '/')), BindPaths.windowsPath(written), written);
    }

    @Test
    @Tag("interop")
    void aSourceWithATrailingSpaceFindsTheFile() throws Exception {
        Tool.require("msiinfo");
        Files.createDirectories(dir.resolve("payload"));
        Files.writeString(dir.resolve("payload/header.h"), "int x;\n");
        Path msi = dir.resolve("t.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Trailing" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Trailing" /></StandardDirectory>
                    <Feature Id="Main">
                      <Component Directory="INSTALLFOLDER"><File Id="Header" Source="payload\\header.h " Name="header.h" /></Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String file = Tool.run("msiinfo", "export", msi.toString(), "File").assertOk().stdout();
        assertTrue(file.lines().anyMatch(l -> l.startsWith("Header\t") && l.split("\t")[3].equals("7")), file);
    }
}
