package dev.ssprkit.wix.merge;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ssprkit.wix.merge.MergeFixtures.byKey;
import static dev.ssprkit.wix.merge.MergeFixtures.export;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v4+ takes a File written directly under {@code <Module>} as a component of its own, as it does under a Package
 * (WiX's Compiler_Module.cs hands Module's File and Files children to the naked-file parser; a naked file without a
 * Directory goes to INSTALLFOLDER). psqlODBC's merge module is written this way. Read back with msiinfo: one component
 * per file, keyed by its file, in INSTALLFOLDER (modularized with the module GUID, as the SDK's merge-module key rule
 * says), each listed in ModuleComponents.
 */
@Tag("interop")
class NakedFileModuleTest {
    @TempDir Path dir;

    @Test
    void filesDirectlyInAModuleBecomeItsComponents() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("a.dll"), "first");
        Files.writeString(dir.resolve("b.dll"), "second!");
        Path msm = dir.resolve("loose.msm");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="Loose" Guid="1F2E3D4C-5B6A-4798-8A9B-0C1D2E3F4A5B" Version="1.0.0" Language="1033">
                    <SummaryInformation Manufacturer="ssprkit tests" />
                    <Directory Id="INSTALLFOLDER" />
                    <File Name="a.dll" Source="a.dll" />
                    <File Name="b.dll" Source="b.dll" />
                  </Module>
                </Wix>
                """, msm);
        assertTrue(r.success(), r.diagnostics().toString());
        String suffix = ".1F2E3D4C_5B6A_4798_8A9B_0C1D2E3F4A5B";
        Map<String, List<String>> files = byKey(msm, "File");
        assertEquals(2, files.size(), files.toString());
        Map<String, List<String>> components = byKey(msm, "Component");
        List<String> names = new java.util.ArrayList<>();
        for (List<String> f : files.values()) {
            names.add(f.get(2));
            List<String> c = components.get(f.get(1));
            assertEquals("INSTALLFOLDER" + suffix, c.get(2), "a naked file without Directory goes to INSTALLFOLDER");
            assertEquals(f.get(0), c.get(5), "the file is its component's key path");
        }
        assertEquals(List.of("a.dll", "b.dll"), names.stream().sorted().toList());
        assertEquals(List.of("5", "7"), files.values().stream().sorted((x, y) -> x.get(2).compareTo(y.get(2))).map(f -> f.get(3)).toList());
        List<List<String>> listed = export(msm, "ModuleComponents");
        assertEquals(2, listed.size(), listed.toString());
        for (List<String> m : listed) {
            assertTrue(components.containsKey(m.get(0)), m.toString());
            assertEquals("Loose" + suffix, m.get(1));
        }
    }
}
