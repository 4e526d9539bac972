package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A one-component WiX v3 package around a fragment of source, and msiinfo's rows of the result (shape tests). */
final class ShapeBuilds {
    private ShapeBuilds() {}

    static final String PROGRAM_FILES = "<Directory Id=\"ProgramFilesFolder\"><Directory Id=\"APP\" Name=\"Shapes\"/></Directory>";

    /** Builds a v3 Product whose component C (in folder APP) holds {@code component}; app.exe and app.ico are stand-ins. */
    static BuildResult v3(Path dir, String packageAttrs, String directories, String component, Path msi,
                          UnaryOperator<BuildRequest.Builder> options) throws Exception {
        Files.writeString(dir.resolve("app.exe"), "stand-in payload");
        Files.writeString(dir.resolve("app.ico"), "stand-in icon");
        return TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Shapes" Language="1033" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{2E3F4A5B-6C7D-4E8F-9A0B-1C2D3E4F5A6B}">
                    <Package InstallerVersion="200" Compressed="yes" %s/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">%s</Directory>
                    <Component Id="C" Directory="APP" Guid="{2E3F4A5B-6C7D-4E8F-9A0B-000000000001}">%s</Component>
                    <Feature Id="F" Level="1"><ComponentRef Id="C"/></Feature>
                  </Product>
                </Wix>
                """.formatted(packageAttrs, directories, component), msi, options);
    }

    /** msiinfo's export, sorted, run beside the MSI: for a table with a binary column (Icon) it writes the streams there. */
    static List<String> rows(Path msi, String table) {
        return Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60)
                .stdout().lines().skip(3).sorted().toList();
    }

    /** The Registry rows as "Root\tKey\tName\tValue" (the generated row keys left out). */
    static List<String> registry(Path msi) {
        return rows(msi, "Registry").stream().map(row -> String.join("\t", List.of(row.split("\t", -1)).subList(1, 5))).toList();
    }
}
