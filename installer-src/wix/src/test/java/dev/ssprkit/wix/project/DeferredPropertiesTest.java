package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projects shaped as two real ones that stopped on property functions (our own small files, not theirs), and the rule
 * that a property only the project's targets read may need a function sspr does not evaluate: it fails the build only
 * when what decides the build reads it, and then at its own definition.
 */
class DeferredPropertiesTest {
    @TempDir Path dir;

    private static final String WXS = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="P" Version="1.0.0" Manufacturer="M" UpgradeCode="{6A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9}" />
            </Wix>
            """;

    private ProjectSettings read(String project, Map<String, String> global, Diagnostics diagnostics) throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), WXS);
        Path file = Files.writeString(dir.resolve("Setup.wixproj"), project);
        return WixProject.read(file, global, () -> Instant.ofEpochSecond(1245073530), diagnostics);
    }

    @Test
    void keyboardswitchShapeShortCircuitsAndTakesTheWindowsBranch() throws Exception {
        String project = """
                <Project Sdk="WixToolset.Sdk/6.0.1">
                  <PropertyGroup Condition="'$(TargetOS)' == '' And $([MSBuild]::IsOSPlatform('Windows'))">
                    <TargetOS>Windows</TargetOS>
                  </PropertyGroup>
                  <PropertyGroup><DefineConstants>TargetOS=$(TargetOS)</DefineConstants></PropertyGroup>
                </Project>
                """;
        Diagnostics given = new Diagnostics();
        ProjectSettings s = read(project, Map.of("TargetOS", "Windows"), given);
        assertNotNull(s, given.toString());
        assertTrue(given.errors().isEmpty(), given.toString());
        Diagnostics unset = new Diagnostics();
        ProjectSettings t = read(project, Map.of(), unset);
        assertNotNull(t, unset.toString());
        assertEquals("Windows", t.defines().get("TargetOS"), "IsOSPlatform('Windows') answers as on Windows, where WiX's targets run");
    }

    @Test
    void dockerinwslShapeBuildsAndItsDateIsTheBuildTime() throws Exception {
        String project = """
                <Project ToolsVersion="4.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup>
                    <OutputType>Package</OutputType>
                    <CurrentDate>$([System.DateTime]::Now.ToString(yyMMdd))</CurrentDate>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                </Project>
                """;
        Diagnostics d = new Diagnostics();
        ProjectSettings s = read(project, Map.of(), d);
        assertNotNull(s, d.toString());
        assertEquals("090615", s.properties().get("CurrentDate"), "SOURCE_DATE_EPOCH 1245073530 is 2009-06-15 (UTC)");
    }

    @Test
    void anUnsupportedFunctionFailsOnlyWhenTheBuildReadsItsProperty() throws Exception {
        String unused = """
                <Project>
                  <PropertyGroup>
                    <Folder>$([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles))</Folder>
                    <Stamp>$(Folder)\\stamp.txt</Stamp>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                </Project>
                """;
        Diagnostics quiet = new Diagnostics();
        assertNotNull(read(unused, Map.of(), quiet), quiet.toString());
        assertTrue(quiet.all().isEmpty(), "a property only targets would read, and one made from it: " + quiet);

        String[] readers = {
                "<PropertyGroup><OutputName>Setup-$(Stamp)</OutputName></PropertyGroup>", // a property the build reads, through another
                "<PropertyGroup><DefineConstants>Dir=$(Folder)</DefineConstants></PropertyGroup>",
                "<ItemGroup><Compile Include=\"$(Folder)\\x.wxs\" /></ItemGroup>",
                "<PropertyGroup Condition=\"'$(Folder)' != ''\"><A>1</A></PropertyGroup>",
        };
        for (String reader : readers) {
            Diagnostics d = new Diagnostics();
            ProjectSettings s = read(unused.replace("</Project>", "  " + reader + "\n</Project>"), Map.of(), d);
            assertNull(s, reader);
            List<Diagnostic> errors = d.errors();
            Diagnostic first = errors.get(0);
            assertEquals("WIX0301", first.id(), d.toString());
            assertEquals(3, first.line(), "located at Folder's definition: " + d);
            String text = first.toString();
            assertTrue(text.contains("[System.Environment]::GetFolderPath") && text.contains("in the value of Folder")
                    && text.contains("-p:Folder=VALUE"), text);
            assertEquals(1, errors.stream().filter(e -> e.line() == 3).count(), "reported once: " + d);
        }

        Diagnostics passed = new Diagnostics();
        ProjectSettings s = read(unused.replace("</Project>", "  " + readers[0] + "\n</Project>"), Map.of("Folder", "C:\\PF"), passed);
        assertNotNull(s, "-p:Folder=... gives the value: " + passed);
        assertEquals("Setup-C:\\PF\\stamp.txt.msi", s.output().getFileName().toString());
    }
}
