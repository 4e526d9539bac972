package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bind-time variable forms WiX v4+ accepts (facts from WiX's sources: Common.TryParseWixVariable, VariableResolver,
 * ResolveDelayedFieldsCommand, ProcessPropertiesCommand; and the values WiX's tests assert):
 * <ul>
 * <li>{@code !(wix.X=default)} and {@code !(bind.X.Y=default)} use the inline value when the variable is undefined,
 * a defined WixVariable wins (WixlibFixture.CanOverridePathWixVariable); a {@code !(loc.X=...)} is an error;</li>
 * <li>the bind variables live in a case-insensitive map, so {@code !(bind.fileversion.F)} works
 * (BindVariablesFixture.CanBuildPackageWithBindVariables: a text file's version is empty, {@code v!(...)} gives "v");</li>
 * <li>{@code !(bind.property.ProductVersion.Major|Minor|Build|Revision)} are the fields of ProductVersion read as a
 * .NET Version, whose unwritten fields are -1 (.NET's Version.Build/Revision documentation).</li>
 * </ul>
 */
class BindVariableSyntaxTest {
    @TempDir Path tmp;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="P" Language="1033" Version="1.2.3" Manufacturer="m" UpgradeCode="{047730A5-30FE-4A62-A520-DA9381B8226A}">
                %s
                <StandardDirectory Id="ProgramFiles6432Folder">
                  <Directory Id="INSTALLFOLDER" Name="P">
                    <Component Id="C" Guid="{11111111-2222-3333-4444-555555555555}">
                      <File Id="TextFile" Source="test.txt" KeyPath="yes" />
                    </Component>
                  </Directory>
                </StandardDirectory>
                <Feature Id="F"><ComponentRef Id="C" /></Feature>
              </Package>
            </Wix>
            """;

    private BuildResult build(String body) throws Exception {
        Files.writeString(tmp.resolve("test.txt"), "text");
        return TestBuild.build(tmp, SOURCE.formatted(body), tmp.resolve("p.msi"), b -> b.validate(false));
    }

    private Map<String, String> properties(BuildResult r) throws Exception {
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, String> out = new TreeMap<>();
        try (Database db = MsiReader.read(tmp.resolve("p.msi"))) {
            for (Row row : db.table("Property").rows()) out.put((String) row.get(0), (String) row.get(1));
        }
        return out;
    }

    @Test
    void inlineDefaultsApplyOnlyWhenTheVariableIsUndefined() throws Exception {
        Map<String, String> p = properties(build("""
                <WixVariable Id="Defined" Value="from WixVariable" />
                <Property Id="UNDEFINED_WIX" Value="!(wix.Undefined=inline value)" />
                <Property Id="DEFINED_WIX" Value="!(wix.Defined=inline value)" />
                <Property Id="UNDEFINED_BIND" Value="!(bind.property.NoSuchProperty=fallback)" />
                """));
        assertEquals("inline value", p.get("UNDEFINED_WIX"));
        assertEquals("from WixVariable", p.get("DEFINED_WIX"));
        assertEquals("fallback", p.get("UNDEFINED_BIND"));
    }

    @Test
    void aLocVariableTakesNoInlineDefault() throws Exception {
        BuildResult r = build("<Property Id=\"L\" Value=\"!(loc.Something=inline)\" />");
        assertFalse(r.success());
        assertTrue(r.diagnostics().toString().contains("!(loc.Something=inline)"), r.diagnostics().toString());
    }

    @Test
    void bindVariableKindsIgnoreCase() throws Exception {
        Map<String, String> p = properties(build("""
                <Property Id="LOWER" Value="v!(bind.fileversion.TextFile)" />
                <Property Id="NAME" Value="!(bind.Property.ProductName)" />
                """));
        assertEquals("v", p.get("LOWER"));
        assertEquals("P", p.get("NAME"));
    }

    @Test
    void productVersionFieldsAreThoseOfADotNetVersion() throws Exception {
        Map<String, String> p = properties(build("""
                <Property Id="MAJOR" Value="!(bind.property.ProductVersion.Major)" />
                <Property Id="MINOR" Value="!(bind.property.ProductVersion.Minor)" />
                <Property Id="BUILD" Value="!(bind.property.ProductVersion.Build)" />
                <Property Id="REVISION" Value="!(bind.property.ProductVersion.Revision)" />
                """));
        assertEquals("1", p.get("MAJOR"));
        assertEquals("2", p.get("MINOR"));
        assertEquals("3", p.get("BUILD"));
        assertEquals("-1", p.get("REVISION"));
    }
}
