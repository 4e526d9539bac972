package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * http:UrlReservation and http:UrlAce, both namespaces. The v4 source is WiX's own test data
 * (src/ext/Http/test/WixToolsetTest.Http/TestData/UsingUrlReservation, v6.0.2 and main), the component given the id
 * WiX generates for it; the expected rows are quoted from WiX's HttpExtensionFixture.CanBuildUsingUrlReservation.
 * Ids WiX generates ("url"/"ace" and its hash) are ours here ("url"/"ace" and our hash): they are compared as
 * placeholders, consistently across the two tables. WiX v3 has no test of the HTTP extension: its rows are written out
 * from v3's HttpCompiler.cs (the same columns and values as v4's), data/tables.xml (table names) and
 * wixlib/HttpExtension_Platform.wxi (action and binary names, types, placement and condition). Rows read with msiinfo.
 */
@Tag("interop")
class HttpUrlReservationTest {
    @TempDir Path dir;

    static final String WIX_COMPONENT_ID = "filF5_pLhBuF5b4N9XEo52g_hUM5Lo";

    /** WiX's UsingUrlReservation Package.wxs and PackageComponents.wxs (without the localized strings). */
    static final String USING_URL_RESERVATION = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:http="http://wixtoolset.org/schemas/v4/wxs/http">
              <Package Name="MsiPackage" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="047730a5-30fe-4a62-a520-da9381b8226a" InstallerVersion="200">
                <MajorUpgrade DowngradeErrorMessage="A newer version is installed." />
                <MediaTemplate EmbedCab="yes" />
                <Feature Id="ProductFeature" Title="MsiPackage">
                  <ComponentGroupRef Id="ProductComponents" />
                </Feature>
              </Package>
              <Fragment>
                <StandardDirectory Id="ProgramFilesFolder">
                  <Directory Id="INSTALLFOLDER" Name="MsiPackage" />
                </StandardDirectory>
              </Fragment>
              <Fragment>
                <ComponentGroup Id="ProductComponents" Directory="INSTALLFOLDER">
                    <Component Id="%s">
                        <File Source="example.txt" />
                        <ServiceInstall Name="TestService" Type="ownProcess" Start="auto" ErrorControl="ignore">
                            <http:UrlReservation Url="http://+:80/vroot/">
                                <http:UrlAce Rights="all" />
                            </http:UrlReservation>
                        </ServiceInstall>
                    </Component>
                </ComponentGroup>
              </Fragment>
            </Wix>
            """.formatted(WIX_COMPONENT_ID);

    /** HttpExtensionFixture.CanBuildUsingUrlReservation (WiX v6.0.2 and main). */
    static final List<String> WIX_ROWS = List.of(
            "CustomAction:Wix4ExecHttpUrlReservationsInstall_X86\t3073\tWix6HttpCA_X86\tExecHttpUrlReservations\t",
            "CustomAction:Wix4ExecHttpUrlReservationsUninstall_X86\t3073\tWix6HttpCA_X86\tExecHttpUrlReservations\t",
            "CustomAction:Wix4RollbackHttpUrlReservationsInstall_X86\t3329\tWix6HttpCA_X86\tExecHttpUrlReservations\t",
            "CustomAction:Wix4RollbackHttpUrlReservationsUninstall_X86\t3329\tWix6HttpCA_X86\tExecHttpUrlReservations\t",
            "CustomAction:Wix4SchedHttpUrlReservationsInstall_X86\t1\tWix6HttpCA_X86\tSchedHttpUrlReservationsInstall\t",
            "CustomAction:Wix4SchedHttpUrlReservationsUninstall_X86\t1\tWix6HttpCA_X86\tSchedHttpUrlReservationsUninstall\t",
            "Wix4HttpUrlAce:aceu5os2gQoblRmzwjt85LQf997uD4\turlO23FkY2xzEY54lY6E6sXFW6glXc\tNT SERVICE\\TestService\t268435456",
            "Wix4HttpUrlReservation:urlO23FkY2xzEY54lY6E6sXFW6glXc\t0\t\thttp://+:80/vroot/\tfilF5_pLhBuF5b4N9XEo52g_hUM5Lo");

    static String v3Source(String reservation) {
        return """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:http="http://schemas.microsoft.com/wix/HttpExtension">
                  <Product Id="*" Name="v3" Language="1033" Version="1.0.0" Manufacturer="t" UpgradeCode="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C5E}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="a.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="D" Name="v3">
                      <Component Id="Main" Guid="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C5F}">
                        <File Id="F" Source="example.txt" KeyPath="yes"/>
                        <ServiceInstall Id="Svc" Name="TestService" Type="ownProcess" Start="auto" ErrorControl="ignore">
                %s
                        </ServiceInstall>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """.formatted(reservation);
    }

    private Path build(String source, String platform) throws Exception {
        Files.writeString(dir.resolve("example.txt"), "This is example.txt.");
        Path msi = dir.resolve("http-" + platform + ".msi");
        BuildResult r = TestBuild.build(dir, source, msi, b -> b.platform(platform));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    static List<String> rows(Path msi, String table) {
        Tool.Result r = Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().skip(3).map(l -> table + ":" + l).sorted().toList();
    }

    /** Generated reservation and ACE ids (WiX's or ours) as placeholders. */
    private static List<String> generatedIdsMasked(List<String> rows) {
        return rows.stream().map(r -> r.replaceAll("\\burl[A-Za-z0-9_.]{20,}", "url<generated>").replaceAll("\\bace[A-Za-z0-9_.]{20,}", "ace<generated>"))
                .sorted().toList();
    }

    private static List<String> httpRows(Path msi, String... tables) {
        List<String> out = new java.util.ArrayList<>(rows(msi, "CustomAction").stream().filter(r -> r.contains("HttpUrlReservations")).toList());
        for (String t : tables) out.addAll(rows(msi, t));
        return out;
    }

    @Test
    void wixsUsingUrlReservationDataGivesTheRowsWixAsserts() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(USING_URL_RESERVATION, "x86");
        assertEquals(generatedIdsMasked(WIX_ROWS), generatedIdsMasked(httpRows(msi, "Wix4HttpUrlAce", "Wix4HttpUrlReservation")));
        // HttpExtension_Platform.wxi (v6): uninstall before RemoveFiles, install after InstallFiles, no condition
        Map<String, String[]> seq = sequence(msi);
        assertEquals("", seq.get("Wix4SchedHttpUrlReservationsInstall_X86")[1]);
        assertEquals("", seq.get("Wix4SchedHttpUrlReservationsUninstall_X86")[1]);
        assertTrue(number(seq, "Wix4SchedHttpUrlReservationsInstall_X86") > number(seq, "InstallFiles"));
        assertTrue(number(seq, "Wix4SchedHttpUrlReservationsUninstall_X86") < number(seq, "RemoveFiles"));
        assertTrue(rows(msi, "Binary").stream().anyMatch(r -> r.startsWith("Binary:Wix6HttpCA_X86\t")), "the library binary");
    }

    @Test
    void theSameSourceForArm64NamesTheA64Actions() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(USING_URL_RESERVATION.replace("ProgramFilesFolder", "ProgramFiles64Folder"), "arm64");
        assertTrue(rows(msi, "CustomAction").contains(
                "CustomAction:Wix4SchedHttpUrlReservationsInstall_A64\t1\tWix6HttpCA_A64\tSchedHttpUrlReservationsInstall\t"));
    }

    private static Map<String, String[]> sequence(Path msi) {
        Map<String, String[]> out = new java.util.HashMap<>();
        for (String r : rows(msi, "InstallExecuteSequence")) {
            String[] cells = r.substring(r.indexOf(':') + 1).split("\t", -1);
            out.put(cells[0], cells);
        }
        return out;
    }

    private static int number(Map<String, String[]> seq, String action) {
        return Integer.parseInt(seq.get(action)[2]);
    }

    @Test
    void aV3ReservationGivesV3sTablesAndActions() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(v3Source("""
                <http:UrlReservation Id="Res" Url="http://+:80/vroot/" HandleExisting="fail">
                    <http:UrlAce Id="Ace" Rights="register" />
                    <http:UrlAce Id="Ace2" SecurityPrincipal="*S-1-5-18" Rights="delegate" />
                </http:UrlReservation>
                <http:UrlReservation Id="Res2" Url="http://+:81/[SUBDIR]/" Sddl="D:(A;;GX;;;NS)" HandleExisting="ignore" />
                """), "x86");
        // v3 HttpCompiler.cs: HandleExisting fail 2, ignore 1; Rights register GENERIC_EXECUTE, delegate GENERIC_WRITE;
        // a ServiceInstall's UrlAce without SecurityPrincipal is for NT SERVICE\<service name>
        assertEquals(List.of(
                "WixHttpUrlReservation:Res\t2\t\thttp://+:80/vroot/\tMain",
                "WixHttpUrlReservation:Res2\t1\tD:(A;;GX;;;NS)\thttp://+:81/[SUBDIR]/\tMain"), rows(msi, "WixHttpUrlReservation"));
        assertEquals(List.of(
                "WixHttpUrlAce:Ace\tRes\tNT SERVICE\\TestService\t536870912",
                "WixHttpUrlAce:Ace2\tRes\t*S-1-5-18\t1073741824"), rows(msi, "WixHttpUrlAce"));
        // v3 HttpExtension_Platform.wxi on x86: no suffix; binary WixHttpCA
        assertEquals(List.of(
                "CustomAction:WixExecHttpUrlReservationsInstall\t3073\tWixHttpCA\tExecHttpUrlReservations\t",
                "CustomAction:WixExecHttpUrlReservationsUninstall\t3073\tWixHttpCA\tExecHttpUrlReservations\t",
                "CustomAction:WixRollbackHttpUrlReservationsInstall\t3329\tWixHttpCA\tExecHttpUrlReservations\t",
                "CustomAction:WixRollbackHttpUrlReservationsUninstall\t3329\tWixHttpCA\tExecHttpUrlReservations\t",
                "CustomAction:WixSchedHttpUrlReservationsInstall\t1\tWixHttpCA\tSchedHttpUrlReservationsInstall\t",
                "CustomAction:WixSchedHttpUrlReservationsUninstall\t1\tWixHttpCA\tSchedHttpUrlReservationsUninstall\t"),
                httpRows(msi));
        String xpSp2 = "VersionNT >= 600 OR (VersionNT >= 501 AND ((MsiNTProductType = 1 AND ServicePackLevel >= 2) OR (MsiNTProductType > 1)))";
        Map<String, String[]> seq = sequence(msi);
        assertEquals(xpSp2, seq.get("WixSchedHttpUrlReservationsInstall")[1]);
        assertEquals(xpSp2, seq.get("WixSchedHttpUrlReservationsUninstall")[1]);
    }

    @Test
    void aV3ReservationForX64UsesV3sX64Names() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(v3Source("<http:UrlReservation Id=\"Res\" Url=\"http://+:80/\" Sddl=\"D:(A;;GX;;;NS)\" />")
                .replace("ProgramFilesFolder", "ProgramFiles64Folder").replace("<Package ", "<Package Platform=\"x64\" "), "x64");
        // caSuffix.wxi: immediate actions and the binary _x64, deferred ones _64
        List<String> actions = httpRows(msi);
        assertTrue(actions.contains("CustomAction:WixSchedHttpUrlReservationsInstall_x64\t1\tWixHttpCA_x64\tSchedHttpUrlReservationsInstall\t"), actions.toString());
        assertTrue(actions.contains("CustomAction:WixExecHttpUrlReservationsInstall_64\t3073\tWixHttpCA_x64\tExecHttpUrlReservations\t"), actions.toString());
    }

    // ---- bad input: a located error with its ID, and no package ----

    private BuildResult buildBad(String reservations) throws Exception {
        Files.writeString(dir.resolve("example.txt"), "x");
        String source = USING_URL_RESERVATION.replaceFirst("(?s)<ServiceInstall .*</ServiceInstall>", java.util.regex.Matcher.quoteReplacement(reservations));
        Path msi = dir.resolve("bad.msi");
        BuildResult r = TestBuild.build(dir, source, msi, b -> b.platform("x64"));
        assertFalse(r.success(), "built although the source is wrong");
        assertFalse(Files.exists(msi), "no package is written");
        return r;
    }

    private int lineOf(String marker) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("p.wxs"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i + 1;
        throw new AssertionError(marker + " not in the source");
    }

    private void assertError(BuildResult r, String id, String marker, String textPart) throws Exception {
        int line = lineOf(marker);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.stream().anyMatch(d -> d.id().equals(id) && d.line() == line && d.toString().contains(textPart)),
                "expected " + id + " at line " + line + " mentioning " + textPart + "; got " + errors);
    }

    @Test
    void aMissingUrlIsALocatedError() throws Exception {
        // WiX: ErrorMessages.ExpectedAttribute(UrlReservation, Url)
        BuildResult r = buildBad("<http:UrlReservation Id=\"NoUrl\" Sddl=\"D:(A;;GX;;;NS)\" />");
        assertError(r, "WIX0102", "Id=\"NoUrl\"", "Url");
    }

    @Test
    void badRightsAreALocatedError() throws Exception {
        // WiX: IllegalAttributeValue(UrlAce, Rights, value, all, delegate, register)
        BuildResult r = buildBad("""
                <http:UrlReservation Url="http://+:80/a/">
                    <http:UrlAce SecurityPrincipal="Everyone" Rights="read" />
                </http:UrlReservation>
                """);
        assertError(r, "WIX0106", "Rights=\"read\"", "Rights='read'");
    }

    @Test
    void sddlWithUrlAceChildrenIsALocatedError() throws Exception {
        // WiX: IllegalParentAttributeWhenNested(UrlReservation, Sddl, UrlAce)
        BuildResult r = buildBad("""
                <http:UrlReservation Url="http://+:80/b/" Sddl="D:(A;;GX;;;NS)">
                    <http:UrlAce Id="Both" SecurityPrincipal="Everyone" />
                </http:UrlReservation>
                """);
        assertError(r, "WIX0108", "Id=\"Both\"", "Sddl and http:UrlAce");
    }

    @Test
    void noSecurityAtAllIsALocatedError() throws Exception {
        // WiX: HttpErrors.NoSecuritySpecified (HTTP6701); and an UrlAce outside a ServiceInstall needs SecurityPrincipal
        BuildResult r = buildBad("""
                <http:UrlReservation Id="Open" Url="http://+:80/c/" />
                <http:UrlReservation Url="http://+:80/d/">
                    <http:UrlAce Id="Nobody" Rights="register" />
                </http:UrlReservation>
                """);
        assertError(r, "WIX0109", "Id=\"Open\"", "Sddl or an http:UrlAce child");
        assertError(r, "WIX0102", "Id=\"Nobody\"", "SecurityPrincipal");
    }
}
