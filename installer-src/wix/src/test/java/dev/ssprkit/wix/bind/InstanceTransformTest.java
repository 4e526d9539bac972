package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.transform.TransformContents;
import dev.ssprkit.msi.transform.TransformReader;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.model.NameGuid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instance transforms ({@code <InstanceTransforms>}/{@code <Instance>}): one transform per instance, embedded below
 * the package's root under the Instance Id. The scenario is the one of WiX's InstanceTransformFixture
 * (CanBuildInstanceTransform), written here as our own source with the same package identity and Instance; the
 * expected rows are that fixture's: the transform's Property and Upgrade rows, and the package's Property and Upgrade
 * tables after the transform is applied. Multi-instance components and located errors follow WiX's compiler and
 * binder (Compiler.cs ParseInstanceTransformsElement/ParseInstanceElement, CreateInstanceTransformsCommand).
 */
class InstanceTransformTest {
    @TempDir Path tmp;

    static final String UPGRADE_1 = "{11111111-1111-1111-1111-111111111111}";
    static final String UPGRADE_2 = "{22222222-2222-2222-2222-222222222222}";
    static final String MULTI_GUID = "{0B5E5C1A-7D1E-4C56-9A61-3C2F4E6A7B81}";

    /** The fixture's package: MsiPackage 1.0.0.0, MajorUpgrade, the secure INSTANCEPROPERTY and instance I1. */
    static final String FIXTURE_SHAPE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="MsiPackage" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation"
                       UpgradeCode="11111111-1111-1111-1111-111111111111" Compressed="no" InstallerVersion="200" Scope="perMachine">
                <MajorUpgrade DowngradeErrorMessage="A newer version of [ProductName] is already installed." />
                <Property Id="INSTANCEPROPERTY" Secure="yes" />
                <InstanceTransforms Property="INSTANCEPROPERTY">
                  <Instance Id="I1" ProductCode="*" ProductName="MsiPackage (Instance 1)" UpgradeCode="22222222-2222-2222-2222-222222222222" />
                </InstanceTransforms>
                <Feature Id="ProductFeature" Title="MsiPackage">
                  <Component Id="Plain" Directory="INSTALLFOLDER" Guid="{5C0D6A41-2E0B-4F5E-8C3B-6D7A1E2F3A41}">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-instance" Name="plain" Value="1" KeyPath="yes" />
                  </Component>
                  <Component Id="Multi" Directory="INSTALLFOLDER" Guid="%s" MultiInstance="yes">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-instance\\[INSTANCEPROPERTY]" Name="multi" Value="1" KeyPath="yes" />
                  </Component>
                </Feature>
              </Package>
              <Fragment>
                <StandardDirectory Id="ProgramFilesFolder">
                  <Directory Id="INSTALLFOLDER" Name="MsiPackageInstance" />
                </StandardDirectory>
              </Fragment>
            </Wix>
            """.formatted(MULTI_GUID);

    private Path build(String source) throws Exception {
        Path msi = tmp.resolve("test.msi");
        BuildResult r = TestBuild.build(tmp, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    /** The component GUID WiX gives a multi-instance component in an instance (CreateInstanceTransformsCommand). */
    static String instanceGuid(String componentGuid, String instanceId) {
        return NameGuid.of(UUID.fromString("3064E5C6-FB63-4FE9-AC49-E446A792EFA5"), componentGuid + instanceId);
    }

    @Test
    void theInstanceIsATransformStorageWithTheFixturesRows() throws Exception {
        Path msi = build(FIXTURE_SHAPE);
        try (PoiStorageReader file = PoiStorageReader.open(msi)) {
            assertEquals(List.of("I1"), file.storageNames());
            StorageReader i1 = file.storage("I1");
            assertEquals(MsiClsids.TRANSFORM, i1.rootClsid());
            TransformContents.Contents c = TransformContents.read(i1, "I1", dev.ssprkit.msi.ReadLimits.defaults());
            // WiX's fixture lists the tables _SummaryInformation, Property and Upgrade (ours: a third, Component, for
            // the multi-instance component this source adds)
            assertEquals(List.of("Component", "Property", "Upgrade"), List.copyOf(c.counts().keySet()));
            String productCode = propertyEdit(c, "ProductCode");
            List<String> property = c.edits().stream().filter(e -> e.table().equals("Property")).map(e -> e.key().get(0) + "\t" + e.values().get("Value")).sorted().toList();
            // the fixture's rows (INSTANCEPROPERTY, ProductName); ProductCode and UpgradeCode are the changes WiX's
            // transform binder adds back from the summary's product codes
            assertEquals(List.of("INSTANCEPROPERTY\tI1", "ProductCode\t" + productCode, "ProductName\tMsiPackage (Instance 1)", "UpgradeCode\t" + UPGRADE_2), property);
            assertEquals("+ Property [INSTANCEPROPERTY]", c.edits().stream().filter(e -> e.key().get(0).equals("INSTANCEPROPERTY")).findFirst().orElseThrow().text().lines().findFirst().orElseThrow(),
                    "the package does not set INSTANCEPROPERTY, so the transform adds it");
            // the fixture's four Upgrade rows: the package's two moved to the instance's UpgradeCode
            List<String> upgrade = c.edits().stream().filter(e -> e.table().equals("Upgrade")).map(InstanceTransformTest::upgradeRow).toList();
            assertEquals(List.of(
                    "+ " + UPGRADE_2 + "\t\t1.0.0.0\t1033\t1\t\tWIX_UPGRADE_DETECTED",
                    "+ " + UPGRADE_2 + "\t1.0.0.0\t\t1033\t2\t\tWIX_DOWNGRADE_DETECTED",
                    "- " + UPGRADE_1 + "\t\t1.0.0.0\t1033\t1",
                    "- " + UPGRADE_1 + "\t1.0.0.0\t\t1033\t2"), upgrade.stream().sorted().toList());
            // only the multi-instance component gets a new GUID, by WiX's rule
            assertEquals(List.of("~ Component [Multi]\n    ComponentId: -> '" + instanceGuid(MULTI_GUID, "I1") + "'"),
                    c.edits().stream().filter(e -> e.table().equals("Component")).map(e -> e.text()).toList());
            SummaryInfo s = c.summary();
            assertEquals(0, s.charCount, "WiX's instance transforms validate nothing and suppress no errors");
            assertEquals("Intel;1033", s.template);
            assertEquals("Intel;1033", s.lastSavedBy);
            Database pkg = MsiReader.read(msi);
            String baseCode = pkg.table("Property").find("ProductCode").string("Value");
            assertEquals(baseCode + "1.0.0.0;" + productCode + "1.0.0.0;" + UPGRADE_1, s.revisionNumber);
            assertNotEquals(baseCode, productCode, "ProductCode=\"*\": a new product code");
            assertTrue(productCode.matches("\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}}"), productCode);
            pkg.close();
        }
    }

    @Test
    void appliedToThePackageTheTransformGivesTheFixturesTables() throws Exception {
        Path msi = build(FIXTURE_SHAPE);
        try (Database pkg = MsiReader.read(msi); PoiStorageReader file = PoiStorageReader.open(msi)) {
            new TransformReader(dev.ssprkit.msi.ReadLimits.defaults()).applyTo(pkg, file.storage("I1"), "I1");
            List<String> rows = new ArrayList<>();
            for (Row r : pkg.table("Property").rows()) {
                if (!r.string("Property").equals("ProductCode")) rows.add("Property:" + r.string("Property") + "\t" + r.string("Value"));
            }
            for (Row r : pkg.table("Upgrade").rows()) rows.add("Upgrade:" + upgradeCells(r.cells()));
            // WiX's fixture, after ApplyTransform (ProductCode left out there too: WiX's is random)
            assertEquals(List.of(
                    "Property:ALLUSERS\t1",
                    "Property:INSTANCEPROPERTY\tI1",
                    "Property:Manufacturer\tExample Corporation",
                    "Property:ProductLanguage\t1033",
                    "Property:ProductName\tMsiPackage (Instance 1)",
                    "Property:ProductVersion\t1.0.0.0",
                    "Property:SecureCustomProperties\tINSTANCEPROPERTY;WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED",
                    "Property:UpgradeCode\t" + UPGRADE_2,
                    "Upgrade:" + UPGRADE_2 + "\t\t1.0.0.0\t1033\t1\t\tWIX_UPGRADE_DETECTED",
                    "Upgrade:" + UPGRADE_2 + "\t1.0.0.0\t\t1033\t2\t\tWIX_DOWNGRADE_DETECTED"), rows.stream().sorted().toList());
        }
    }

    /** The same source in WiX v3 (Product/Package), a given ProductCode, no ProductName/UpgradeCode: only those change. */
    @Test
    void v3InstanceWithAGivenProductCodeChangesOnlyWhatItNames() throws Exception {
        Path msi = build("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="{6A1E0C43-3B1D-4E2A-9F00-000000000001}" Name="V3" Language="1033" Version="1.0.0.0" Manufacturer="m"
                           UpgradeCode="{6A1E0C43-3B1D-4E2A-9F00-000000000002}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <Property Id="INST" Value="Base" />
                    <InstanceTransforms Property="INST">
                      <Instance Id="Second" ProductCode="6a1e0c43-3b1d-4e2a-9f00-000000000003" />
                      <Instance Id="Third" ProductCode="{6A1E0C43-3B1D-4E2A-9F00-000000000004}" />
                    </InstanceTransforms>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Component Id="C" Guid="{6A1E0C43-3B1D-4E2A-9F00-000000000005}">
                        <RegistryValue Root="HKLM" Key="Software\\v3" Name="x" Value="1" KeyPath="yes" />
                      </Component>
                    </Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="C" /></Feature>
                  </Product>
                </Wix>
                """);
        try (PoiStorageReader file = PoiStorageReader.open(msi)) {
            assertEquals(List.of("Second", "Third"), file.storageNames().stream().sorted().toList());
            TransformContents.Contents c = TransformContents.read(file.storage("Second"), "Second", dev.ssprkit.msi.ReadLimits.defaults());
            assertEquals(List.of("~ Property [INST]\n    Value: -> 'Second'",
                            "~ Property [ProductCode]\n    Value: -> '{6A1E0C43-3B1D-4E2A-9F00-000000000003}'"),
                    c.edits().stream().map(TransformContents.Edit::text).sorted().toList(), "INST exists in the package: a change, not an add");
        }
    }

    @Test
    void badInstancesAreLocatedErrors() throws Exception {
        String template = """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Bad" Version="1.0.0.0" Manufacturer="m" UpgradeCode="{6A1E0C43-3B1D-4E2A-9F00-000000000002}">
                    <Property Id="INST" Value="x" />
                    %s
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="D" Name="Bad">
                      <Component Guid="{6A1E0C43-3B1D-4E2A-9F00-000000000005}"><RegistryValue Root="HKLM" Key="Software\\bad" Name="x" Value="1" KeyPath="yes" /></Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """;
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance ProductCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.MISSING_ATTRIBUTE, 4, "Id");
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance Id=\"I1\" /></InstanceTransforms>",
                CompilerMessage.MISSING_ATTRIBUTE, 4, "ProductCode");
        assertError(template, "<InstanceTransforms><Instance Id=\"I1\" ProductCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.MISSING_ATTRIBUTE, 4, "Property");
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance Id=\"I1\" ProductCode=\"not-a-guid\" /></InstanceTransforms>",
                CompilerMessage.BAD_GUID, 4, "not-a-guid");
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance Id=\"I1\" ProductCode=\"*\" UpgradeCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.BAD_GUID, 4, "UpgradeCode");
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance Id=\"I1\" ProductCode=\"*\" />\n<Instance Id=\"I1\" ProductCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.DUPLICATE_ID, 5, "I1");
        // WiX references the property (CreateSimpleReference): it must be defined somewhere
        assertError(template, "<InstanceTransforms Property=\"NOPE\"><Instance Id=\"I1\" ProductCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.UNRESOLVED_REFERENCE, 4, "NOPE");
        assertError(template, "<InstanceTransforms Property=\"INST\"><Instance Id=\"" + "I".repeat(32) + "\" ProductCode=\"*\" /></InstanceTransforms>",
                CompilerMessage.BAD_VALUE, 4, "31 characters");
    }

    private void assertError(String template, String instances, CompilerMessage expected, int line, String mentioned) throws Exception {
        Path msi = tmp.resolve("bad.msi");
        BuildResult r = TestBuild.build(tmp, template.formatted(instances), msi);
        assertFalse(r.success(), instances);
        List<Diagnostic> found = r.errors().stream().filter(d -> d.message() == expected).toList();
        assertEquals(1, found.size(), instances + ": " + r.diagnostics());
        assertEquals(line, found.get(0).location().line(), found.get(0).toString());
        assertTrue(found.get(0).toString().contains(mentioned), found.get(0).toString());
        assertFalse(Files.exists(msi));
    }

    /** Read by programs we did not write: 7-Zip lists the I1 storage and its streams (table names decoded). */
    @Test
    @Tag("interop")
    void sevenZipListsTheInstanceStorageAndItsStreams() throws Exception {
        Tool.require("7z");
        Path msi = build(FIXTURE_SHAPE);
        String listing = Tool.run("7z", "l", "-slt", msi.toString()).assertOk().stdout();
        List<String> paths = listing.lines().filter(l -> l.startsWith("Path = I1")).map(l -> l.substring("Path = ".length())).sorted().toList();
        assertEquals(List.of("I1", "I1/!Component", "I1/!Property", "I1/!Upgrade", "I1/!_StringData", "I1/!_StringPool", "I1/[5]SummaryInformation"), paths);
        // msitools still reads the package beside its storage
        assertTrue(Tool.run("msiinfo", "tables", msi.toString()).assertOk().stdout().lines().anyMatch(l -> l.equals("Upgrade")));
    }

    private static String propertyEdit(TransformContents.Contents c, String name) {
        return c.edits().stream().filter(e -> e.table().equals("Property") && e.key().get(0).equals(name))
                .map(e -> (String) e.values().get("Value")).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + c.edits()));
    }

    private static String upgradeRow(TransformContents.Edit e) {
        List<Object> cells = new ArrayList<>(e.key());
        if (e.kind() == dev.ssprkit.msi.transform.RowChange.Kind.ADD) cells.addAll(e.values().values());
        return (e.kind() == dev.ssprkit.msi.transform.RowChange.Kind.ADD ? "+ " : "- ") + upgradeCells(cells.toArray());
    }

    private static String upgradeCells(Object[] cells) {
        return java.util.Arrays.stream(cells).map(v -> v == null ? "" : Objects.toString(v)).collect(Collectors.joining("\t"));
    }
}
