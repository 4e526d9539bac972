package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TypeLib versions and a Class without Context, as WiX v4+ builds them (WixToolsetTest.CoreIntegration:
 * UnadvertisedTypeLibVersionFixture and AdvertisedTypeLibVersionFixture allow a 16-bit major version, a 16-bit minor
 * one when registered and an 8-bit one when advertised; MsiQueryFixture.PopulatesTypeLibTableWhenLanguageIsZero
 * gives an advertised TypeLib without versions an empty Version; ClassFixture.ClassWithoutContextDoesNotCrash builds
 * a Class without Context into no Class and no Registry rows). The registry key's version is "%x.%x" (hexadecimal), as
 * WiX's ParseTypeLibElement writes it and as LoadRegTypeLib looks it up. Rows read back with msiinfo.
 */
@Tag("interop")
class TypeLibVersionTest {
    @TempDir Path dir;

    private BuildResult build(String inComponent, Path msi) throws Exception {
        Files.writeString(dir.resolve("test.txt"), "payload");
        return TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="TypeLibs" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="{5D6E7F80-91A2-4B3C-8D4E-5F60718293A4}">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="TypeLibs" /></StandardDirectory>
                    <Feature Id="ProductFeature">
                      <Component Id="TypeLibComp" Directory="INSTALLFOLDER" Guid="8E262DD2-04FE-4213-92D9-CFA0D392DC46">
                """ + inComponent + """
                      </Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x86").validate(false));
    }

    private static List<String> rows(Path msi, String table) {
        String out = Tool.run("msiinfo", "export", msi.toString(), table).stdout();
        return out.lines().skip(3).sorted().toList();
    }

    @Test
    void aRegisteredTypeLibTakesSixteenBitVersionsInHex() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("reg.msi");
        BuildResult r = build("""
                <File Source="test.txt" Name="TypeLibComp.txt">
                  <TypeLib Id="FF19093C-EA7A-4C41-9C1B-D706ECD9009F" Advertise="no" Language="1033" MajorVersion="65535" MinorVersion="10" />
                </File>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(rows(msi, "Registry").stream().anyMatch(row -> row.contains("TypeLib\\{FF19093C-EA7A-4C41-9C1B-D706ECD9009F}\\ffff.a")),
                rows(msi, "Registry")::toString);
    }

    @Test
    void anAdvertisedTypeLibPacksItsVersionAndLeavesItEmptyWhenUnwritten() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("adv.msi");
        BuildResult r = build("""
                <File Source="test.txt" Name="TypeLibComp.txt" />
                <TypeLib Id="765BE8EE-BD7F-491E-90D2-C5A972462B50" Advertise="yes" Language="0" />
                <TypeLib Id="865BE8EE-BD7F-491E-90D2-C5A972462B51" Advertise="yes" Language="1033" MajorVersion="65535" MinorVersion="255" />
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of(
                "{765BE8EE-BD7F-491E-90D2-C5A972462B50}\t0\tTypeLibComp\t\t\t\tProductFeature\t",
                "{865BE8EE-BD7F-491E-90D2-C5A972462B51}\t1033\tTypeLibComp\t" + (65535 * 256 + 255) + "\t\t\tProductFeature\t"), rows(msi, "TypeLib"));
    }

    @Test
    void anAdvertisedMinorVersionAbove255IsRefused() throws Exception {
        Path msi = dir.resolve("bad.msi");
        BuildResult r = build("""
                <File Source="test.txt" Name="TypeLibComp.txt" />
                <TypeLib Id="765BE8EE-BD7F-491E-90D2-C5A972462B50" Advertise="yes" Language="1033" MajorVersion="1" MinorVersion="256" />
                """, msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().toString().contains("MinorVersion='256'"), r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }

    @Test
    void aClassWithoutContextRegistersNothingAndSaysSo() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("class.msi");
        BuildResult r = build("""
                <File Source="test.txt" Name="ClassComp.txt" KeyPath="yes">
                  <Class Id="3FAED4CC-C473-4B8A-BE8B-303871377A4A" />
                </File>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().toString().contains("WIX0249"), r.diagnostics().toString());
        assertTrue(rows(msi, "Registry").isEmpty(), rows(msi, "Registry")::toString);
        assertTrue(rows(msi, "Class").isEmpty(), rows(msi, "Class")::toString);
    }
}
