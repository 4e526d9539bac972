package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.ReadLimits;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.transform.TransformContents;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An embedded instance transform in Wine 8's msiexec ({@code MSINEWINSTANCE=1 TRANSFORMS=:I1}, the MSI SDK's
 * "Installing Multiple Instances with Instance Transforms"): the instance is registered under its own ProductCode,
 * its multi-instance components (a registry value and a file under a folder named by the instance property) are
 * installed beside the base product's, and each product is removed on its own. The rows: {@link InstanceTransformTest}.
 *
 * <p>What Wine 8 does not do, shown here as it behaves: it does not implement MSINEWINSTANCE. With the base product
 * already installed, it computes ProductState from the package's own ProductCode before applying the transform
 * (ProductState = 5 in the log), and the instance run exits 0 but registers and installs nothing. And removing the
 * instance by its ProductCode ({@code /x {code}}) opens the cached package without the transform, so it removes the
 * base product; the instance is removed with {@code /x package.msi TRANSFORMS=:I1}. So the instance goes in first here,
 * then the base product beside it, which Wine does install as two products.
 */
@Tag("interop")
class InstanceTransformWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path tmp;

    static final String KEY = "HKLM\\Software\\ssprkit-instances";
    static final String UNINSTALL = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\";
    static final String FOLDER = "C:\\Program Files\\ssprkit-instances\\";

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="Instances" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7B0C2D11-5E3A-4B7C-9D21-000000000001}" Scope="perMachine">
                <MajorUpgrade DowngradeErrorMessage="A newer version is installed." />
                <MediaTemplate EmbedCab="yes" />
                <Property Id="INSTANCEPROPERTY" Value="Base" Secure="yes" />
                <InstanceTransforms Property="INSTANCEPROPERTY">
                  <Instance Id="I1" ProductCode="*" ProductName="Instances (I1)" UpgradeCode="{7B0C2D11-5E3A-4B7C-9D21-000000000002}" />
                </InstanceTransforms>
                <SetDirectory Id="INSTALLFOLDER" Value="[ProgramFiles64Folder]ssprkit-instances\\[INSTANCEPROPERTY]" Sequence="both" />
                <StandardDirectory Id="ProgramFiles64Folder">
                  <Directory Id="INSTALLFOLDER" Name="ssprkit-instances" />
                </StandardDirectory>
                <Feature Id="Main">
                  <Component Id="Shared" Directory="INSTALLFOLDER" Guid="{7B0C2D11-5E3A-4B7C-9D21-000000000010}">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-instances" Name="shared" Value="1" KeyPath="yes" />
                  </Component>
                  <Component Id="PerInstanceRegistry" Directory="INSTALLFOLDER" Guid="{7B0C2D11-5E3A-4B7C-9D21-000000000011}" MultiInstance="yes">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-instances\\[INSTANCEPROPERTY]" Name="ProductName" Value="[ProductName]" KeyPath="yes" />
                  </Component>
                  <Component Id="PerInstanceFile" Directory="INSTALLFOLDER" Guid="{7B0C2D11-5E3A-4B7C-9D21-000000000012}" MultiInstance="yes">
                    <File Id="payload" Source="payload.txt" KeyPath="yes" />
                  </Component>
                </Feature>
              </Package>
            </Wix>
            """;

    @Test
    void theInstanceAndTheBaseProductAreTwoProductsEachRemovedOnItsOwn() throws Exception {
        Files.writeString(tmp.resolve("payload.txt"), "instance payload\n");
        Path msi = tmp.resolve("instances.msi");
        BuildResult r = TestBuild.build(tmp, SOURCE, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        String baseCode, instanceCode;
        try (var pkg = dev.ssprkit.msi.MsiReader.read(msi); PoiStorageReader file = PoiStorageReader.open(msi)) {
            baseCode = pkg.table("Property").find("ProductCode").string("Value");
            instanceCode = TransformContents.read(file.storage("I1"), "I1", ReadLimits.defaults()).edits().stream()
                    .filter(e -> e.table().equals("Property") && e.key().get(0).equals("ProductCode"))
                    .map(e -> (String) e.values().get("Value")).findFirst().orElseThrow();
        }
        assertNotEquals(baseCode, instanceCode);

        assertEquals(0, wine.msiexec("/i", msi.toString(), "MSINEWINSTANCE=1", "TRANSFORMS=:I1", "/qn").exitCode(), "the instance");
        assertEquals("Instances (I1)", wine.regValue(UNINSTALL + instanceCode, "DisplayName"), "registered under its own ProductCode");
        assertEquals("Instances (I1)", wine.regValue(KEY + "\\I1", "ProductName"));
        assertTrue(Files.isRegularFile(wine.cDrive(FOLDER + "I1\\payload.txt")));
        assertFalse(wine.regKeyExists(UNINSTALL + baseCode));

        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode(), "the base product beside it");
        assertEquals("Instances", wine.regValue(UNINSTALL + baseCode, "DisplayName"));
        assertEquals("Instances (I1)", wine.regValue(UNINSTALL + instanceCode, "DisplayName"), "the instance is still there");
        assertEquals("Instances", wine.regValue(KEY + "\\Base", "ProductName"));
        assertTrue(Files.isRegularFile(wine.cDrive(FOLDER + "Base\\payload.txt")));
        assertTrue(Files.isRegularFile(wine.cDrive(FOLDER + "I1\\payload.txt")));

        assertEquals(0, wine.msiexec("/x", msi.toString(), "TRANSFORMS=:I1", "/qn").exitCode(), "removing the instance");
        assertFalse(wine.regKeyExists(UNINSTALL + instanceCode));
        assertNull(wine.regValue(KEY + "\\I1", "ProductName"));
        assertFalse(Files.exists(wine.cDrive(FOLDER + "I1\\payload.txt")));
        assertEquals("Instances", wine.regValue(UNINSTALL + baseCode, "DisplayName"), "the base product stays");
        assertEquals("Instances", wine.regValue(KEY + "\\Base", "ProductName"));
        assertEquals("1", wine.regValue(KEY, "shared"), "the shared component still has the base product as a client");
        assertTrue(Files.isRegularFile(wine.cDrive(FOLDER + "Base\\payload.txt")));

        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode(), "removing the base product");
        assertFalse(wine.regKeyExists(UNINSTALL + baseCode));
        assertFalse(wine.regKeyExists(KEY));
        assertFalse(Files.exists(wine.cDrive(FOLDER + "Base\\payload.txt")));

        // Wine 8 and MSINEWINSTANCE over an installed base product: exit 0, nothing of the instance (see the class comment)
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        Path log = tmp.resolve("instance-over-base.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "MSINEWINSTANCE=1", "TRANSFORMS=:I1", "/qn", "/l*v", log.toString()).exitCode());
        assertTrue(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Property(S): ProductState = 5"),
                "Wine judged the product installed from the package's own ProductCode");
        assertFalse(wine.regKeyExists(UNINSTALL + instanceCode), "Wine 8 registers no instance over an installed base product");
        assertFalse(Files.exists(wine.cDrive(FOLDER + "I1\\payload.txt")));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(wine.regKeyExists(UNINSTALL + baseCode));
    }
}
