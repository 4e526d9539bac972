package dev.ssprkit.maven;

import dev.ssprkit.sign.TestPki;

import dev.ssprkit.sign.Signatures;
import dev.ssprkit.sign.Verification;
import dev.ssprkit.sign.Verifier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mojo as Maven runs it (fields set as Maven sets them, by reflection): confinement, PayloadDir, signing. */
class WixBuildMojoTest {
    @TempDir static Path shared;
    static TestPki keys;
    @TempDir Path dir;
    Path wxs, out, payload;

    @BeforeAll
    static void keys() throws Exception {
        keys = TestPki.create(shared.resolve("keys"));
    }

    @BeforeEach
    void sources() throws Exception {
        Path src = Files.createDirectories(dir.resolve("wix"));
        payload = Files.createDirectories(dir.resolve("vendor-payload"));
        Files.writeString(payload.resolve("app.txt"), "vendor payload\n");
        wxs = src.resolve("Product.wxs");
        Files.writeString(wxs, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Mojo" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{AAAAAAAA-0000-0000-0000-0000000000EE}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="m.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLDIR" Name="Mojo">
                          <Component Id="Main" Guid="*"><File Id="app" Source="$(var.PayloadDir)/app.txt" KeyPath="yes"/></Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Title="Main" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """);
        out = dir.resolve("dist/x86/Mojo.msi");
    }

    WixBuildMojo mojo(Map<String, String> defines, SignConfig sign) throws Exception {
        WixBuildMojo m = new WixBuildMojo();
        set(m, "sources", List.of(wxs.toFile()));
        set(m, "outputFile", out.toFile());
        set(m, "platform", "x86");
        set(m, "defines", new HashMap<>(defines));
        set(m, "buildTime", 1767225600L);
        set(m, "sign", sign);
        return m;
    }

    static void set(Object o, String field, Object value) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }

    SignConfig signConfig() {
        SignConfig s = new SignConfig();
        s.keystore = keys.p12.toString();
        s.alias = TestPki.ALIAS;
        s.storepassFile = keys.passwordFile.toFile();
        return s;
    }

    @Test
    void aPayloadDirGivenAsADefineIsAllowedAndOtherFoldersAreNot() throws Exception {
        mojo(Map.of("PayloadDir", payload.toString()), null).execute();
        assertTrue(Files.isRegularFile(out));
        assertFalse(Signatures.isSigned(out), "no <sign>, no signature");

        Files.delete(out);
        Files.writeString(wxs, Files.readString(wxs).replace("$(var.PayloadDir)", "../vendor-payload"));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(Map.of(), null).execute());
        assertTrue(e.getMessage().contains("1 error"), e.getMessage());
        assertFalse(Files.exists(out));

        WixBuildMojo allowed = mojo(Map.of(), null);
        set(allowed, "allowedRoots", List.of(payload.toFile()));
        allowed.execute();
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void wixBuildSettingsReachTheBuild() throws Exception {
        // bind path (a named one, as wix build -bindpath vendor=DIR), a .wxl picked by culture, the UI extension's
        // dialog set and a bind variable: the package shows the project's string and names the bound file
        Path wxl = dir.resolve("wix/strings.wxl");
        Files.writeString(wxl, """
                <WixLocalization Culture="en-us" xmlns="http://schemas.microsoft.com/wix/2006/localization">
                  <String Id="WelcomeEulaDlgTitle">Mojo terms</String>
                  <String Id="ProductTitle">Mojo from the .wxl</String>
                </WixLocalization>
                """);
        Files.writeString(wxs, Files.readString(wxs).replace("$(var.PayloadDir)/app.txt", "!(bindpath.vendor)app.txt")
                .replace("Name=\"Mojo\" Language", "Name=\"!(loc.ProductTitle)\" Language")
                .replace("</Product>", "<UIRef Id=\"WixUI_Minimal\"/><Property Id=\"SEEN\" Value=\"!(wix.Seen)\"/></Product>"));
        WixBuildMojo m = mojo(Map.of(), null);
        set(m, "bindPaths", List.of("vendor=" + payload));
        set(m, "locFiles", List.of(wxl.toFile()));
        set(m, "cultures", List.of("en-us"));
        set(m, "extensions", List.of("WixUIExtension"));
        set(m, "bindVariables", new HashMap<>(Map.of("Seen", "yes")));
        m.execute();
        try (var db = dev.ssprkit.msi.MsiReader.read(out)) {
            var control = db.table("Control").rows().stream().filter(r -> "WelcomeEulaDlg".equals(r.get("Dialog_")) && "Title".equals(r.get("Control"))).findFirst().orElseThrow();
            assertTrue(String.valueOf(control.get("Text")).endsWith("Mojo terms"), String.valueOf(control.get("Text")));
            var props = db.table("Property").rows();
            assertTrue(props.stream().anyMatch(r -> "ProductName".equals(r.get("Property")) && "Mojo from the .wxl".equals(r.get("Value"))));
            assertTrue(props.stream().anyMatch(r -> "SEEN".equals(r.get("Property")) && "yes".equals(r.get("Value"))));
        }
    }

    /** {@code <suppressIces>} as a .wixproj's SuppressIces ("ICE18;ICE61") reaches the build; a non-ICE name stops it. */
    @Test
    void suppressIcesReachTheBuildAndABadNameIsAConfigurationError() throws Exception {
        WixBuildMojo m = mojo(Map.of("PayloadDir", payload.toString()), null);
        set(m, "suppressIces", List.of("ICE18;ice61", "ICE30"));
        java.util.List<dev.ssprkit.wix.BuildRequest> seen = new java.util.ArrayList<>();
        m.builder = request -> {
            seen.add(request);
            return dev.ssprkit.wix.WixBuild.build(request);
        };
        m.execute();
        assertEquals(java.util.Set.of("ICE18", "ICE61", "ICE30"), seen.get(0).suppressIces());

        WixBuildMojo bad = mojo(Map.of("PayloadDir", payload.toString()), null);
        set(bad, "suppressIces", List.of("ICE18;eighteen"));
        Files.delete(out);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(e.getMessage().contains("not 'eighteen'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void signsTheBuiltPackageAndTheExtraFilesWhenConfigured() throws Exception {
        Path script = dir.resolve("Install.ps1");
        Files.writeString(script, "Write-Output 'install'\r\n");
        SignConfig s = signConfig();
        s.files = List.of(script.toFile());
        mojo(Map.of("PayloadDir", payload.toString()), s).execute();
        Verification v = Verifier.verify(out);
        assertTrue(v.isValid(), v.toString());
        assertTrue(v.signatures().get(0).subject().contains("ssprkit Test Code Signing"));
        assertTrue(Verifier.verify(script).isValid());
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() throws Exception {
        SignConfig s = signConfig();
        s.storepassFile = null;
        s.storepassEnv = "MOJO_SIGN_PASS";
        WixBuildMojo m = mojo(Map.of("PayloadDir", payload.toString()), s);
        m.environment = Map.of("MOJO_SIGN_PASS", keys.password)::get;
        m.execute();
        assertTrue(Verifier.verify(out).isValid());
    }

    @Test
    void aFailedSigningFailsTheBuildWithoutTheSecretAndLeavesNoUnsignedPackage() throws Exception {
        Path wrong = dir.resolve("wrong.pass");
        Files.writeString(wrong, "not-" + keys.password);
        SignConfig s = signConfig();
        s.storepassFile = wrong.toFile();
        // a signing that fails (wrong password) fails the build, as sspr sign exits 1: "the work failed"
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(Map.of("PayloadDir", payload.toString()), s).execute());
        assertTrue(e.getMessage().endsWith("[the work failed, exit status 1]"), e.getMessage());
        assertFalse(String.valueOf(e.getMessage()).contains(keys.password), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains(keys.password));
        assertFalse(Files.exists(out), "the unsigned package was left behind");

        SignConfig none = signConfig();
        none.storepassFile = null;
        MojoFailureException missing = assertThrows(MojoFailureException.class, () -> mojo(Map.of("PayloadDir", payload.toString()), none).execute());
        assertTrue(missing.getMessage().contains("storepassEnv") && missing.getMessage().endsWith("[usage error, exit status 2]"), missing.getMessage());
    }

    @Test
    void signingIsOffWithoutAKeystore() throws Exception {
        SignConfig s = new SignConfig();
        s.storepassEnv = "WHATEVER";
        mojo(Map.of("PayloadDir", payload.toString()), s).execute();
        assertFalse(Signatures.isSigned(out));
        assertEquals(List.of(), new SignConfig().files);
    }

    // ---- failures speak sspr's vocabulary -------------------------------------------------------------------------

    @Test
    void aMissingSourceIsAnIoErrorAndBrokenSourcesAreBadInputAsInSspr() throws Exception {
        WixBuildMojo missing = mojo(Map.of("PayloadDir", payload.toString()), null);
        set(missing, "sources", List.of(dir.resolve("wix/Missing.wxs").toFile()));
        MojoExecutionException io = assertThrows(MojoExecutionException.class, missing::execute);
        assertTrue(io.getMessage().endsWith("[I/O error, exit status 4]"), io.getMessage());

        Files.writeString(wxs, "<Wix xmlns=\"http://schemas.microsoft.com/wix/2006/wi\"><Product");
        MojoFailureException bad = assertThrows(MojoFailureException.class, () -> mojo(Map.of("PayloadDir", payload.toString()), null).execute());
        assertTrue(bad.getMessage().endsWith("[bad input, exit status 3]"), bad.getMessage());
        assertFalse(Files.exists(out));
    }

    /** {@code <treatWarningsAsErrors>}, {@code <warningsAsErrors>}, {@code <suppressSpecificWarnings>} as a .wixproj's properties. */
    @Test
    void warningSettingsReachTheBuildAndABadNumberIsAConfigurationError() throws Exception {
        WixBuildMojo m = mojo(Map.of("PayloadDir", payload.toString()), null);
        set(m, "treatWarningsAsErrors", true);
        set(m, "warningsAsErrors", List.of("116;WIX0249"));
        set(m, "suppressSpecificWarnings", List.of("1149"));
        java.util.List<dev.ssprkit.wix.BuildRequest> seen = new java.util.ArrayList<>();
        m.builder = request -> {
            seen.add(request);
            return dev.ssprkit.wix.WixBuild.build(request);
        };
        m.execute();
        assertEquals(new dev.ssprkit.wix.diag.WarningPolicy(false, java.util.Set.of("WIX1149"), true, java.util.Set.of("WIX0116", "WIX0249")),
                seen.get(0).warnings());

        WixBuildMojo bad = mojo(Map.of("PayloadDir", payload.toString()), null);
        set(bad, "warningsAsErrors", List.of("CA1234"));
        Files.delete(out);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(e.getMessage().contains("not 'CA1234'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /**
     * {@code <project>}: a .wixproj's Compile items, DefineConstants (PayloadDir from an MSBuild global property) and
     * Platform make the package, as sspr build X.wixproj does; giving both sources and a project is refused.
     */
    @Test
    void aWixProjectBuildsWithItsOwnSettings() throws Exception {
        Path project = Files.writeString(dir.resolve("wix/Setup.wixproj"), """
                <Project>
                  <PropertyGroup>
                    <Platform Condition="'$(Platform)' == ''">x64</Platform>
                    <DefineConstants>PayloadDir=$(Payload)</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                </Project>
                """);
        WixBuildMojo m = mojo(Map.of(), null);
        set(m, "sources", null);
        set(m, "platform", null);
        set(m, "project", project.toFile());
        set(m, "projectProperties", Map.of("Payload", payload.toString()));
        set(m, "allowedRoots", List.of(payload.toFile())); // the plugin reads only what it is shown, as with <sources>
        m.execute();
        try (var db = dev.ssprkit.msi.MsiReader.read(out)) {
            assertEquals("x64;1033", db.summary().template, "the project's Platform");
            assertTrue(db.table("File").rows().stream().anyMatch(r -> String.valueOf(r.get("FileName")).endsWith("app.txt")));
        }

        WixBuildMojo both = mojo(Map.of(), null);
        set(both, "project", project.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, both::execute);
        assertTrue(e.getMessage().contains("not both"), e.getMessage());

        Files.writeString(project, "<Project><PropertyGroup><V>$([System.DateTime]::Now)</V></PropertyGroup></Project>");
        WixBuildMojo bad = mojo(Map.of(), null);
        set(bad, "sources", null);
        set(bad, "project", project.toFile());
        Files.delete(out);
        MojoFailureException f = assertThrows(MojoFailureException.class, bad::execute);
        assertTrue(f.getMessage().endsWith("[bad input, exit status 3]"), f.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void runningOutOfHeapSaysHowToGiveMavenMoreNotInternalError() throws Exception {
        WixBuildMojo m = mojo(Map.of("PayloadDir", payload.toString()), null);
        m.builder = request -> {
            throw new OutOfMemoryError("Java heap space"); // what WixBuild lets through when the heap runs out
        };
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::execute);
        assertTrue(e.getMessage().contains("ran out of memory") && e.getMessage().contains("MAVEN_OPTS=-Xmx"), e.getMessage());
        assertFalse(e.getMessage().contains("internal error"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFaultInsideTheLibraryIsAnInternalErrorNeverADomainMessage() throws Exception {
        WixBuildMojo thrown = mojo(Map.of("PayloadDir", payload.toString()), null);
        thrown.builder = request -> {
            throw new NullPointerException("injected fault in the builder double");
        };
        MojoExecutionException e = assertThrows(MojoExecutionException.class, thrown::execute);
        assertTrue(e.getMessage().contains("internal error — please report it") && e.getMessage().contains("injected fault"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[internal error, exit status 70]"), e.getMessage());
        assertTrue(e.getCause() instanceof NullPointerException, "the stack trace is kept for mvn -e");

        WixBuildMojo reported = mojo(Map.of("PayloadDir", payload.toString()), null);
        reported.builder = request -> dev.ssprkit.wix.BuildResult.internalError(List.of(), new IllegalStateException("injected: table index"));
        MojoExecutionException r = assertThrows(MojoExecutionException.class, reported::execute);
        assertTrue(r.getMessage().contains("internal error — please report it") && r.getMessage().contains("injected: table index"), r.getMessage());
        assertFalse(r.getMessage().contains("WIX0184"), r.getMessage());
    }

    // ---- reproducible builds --------------------------------------------------------------------------------------

    static final Path PRODUCT = Path.of("../../wix").toAbsolutePath().normalize();
    /** What the parent POM sets; Maven hands it to the Mojo as ${project.build.outputTimestamp}. */
    static final String OUTPUT_TIMESTAMP = "2026-01-01T00:00:00Z";

    WixBuildMojo product(Path msi, String outputTimestamp, java.time.Clock clock) throws Exception {
        WixBuildMojo m = new WixBuildMojo();
        set(m, "sources", List.of(PRODUCT.resolve("SsprWindowsLogon.wxs").toFile()));
        set(m, "includeDirs", List.of(PRODUCT.resolve("include").toFile()));
        set(m, "outputFile", msi.toFile());
        set(m, "platform", "x64");
        set(m, "outputTimestamp", outputTimestamp);
        m.environment = name -> null; // no SOURCE_DATE_EPOCH, whatever the machine running the test has
        m.clock = clock;
        return m;
    }

    static java.time.Clock at(String instant) {
        return java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC);
    }

    /** The product as mvn package builds it, twice at different wall-clock times: the same bytes. */
    @Test
    void theProductBuiltTwiceAtDifferentTimesIsByteIdenticalThroughOutputTimestamp() throws Exception {
        Path first = dir.resolve("first/SsprWindowsLogon.PROD.msi"), second = dir.resolve("second/SsprWindowsLogon.PROD.msi");
        product(first, OUTPUT_TIMESTAMP, at("2026-05-01T10:00:00Z")).execute();
        product(second, OUTPUT_TIMESTAMP, at("2026-05-02T17:30:45Z")).execute();
        assertEquals(-1L, Files.mismatch(first, second), "two builds of the same sources differ");
        try (dev.ssprkit.msi.model.Database db = dev.ssprkit.msi.MsiReader.read(first)) {
            assertEquals(java.time.Instant.parse(OUTPUT_TIMESTAMP), db.summary().createTime, "the package's creation time is outputTimestamp");
        }

        // the same two builds without outputTimestamp take the clock, so they differ: the comparison above can fail
        Path third = dir.resolve("third/SsprWindowsLogon.PROD.msi"), fourth = dir.resolve("fourth/SsprWindowsLogon.PROD.msi");
        product(third, null, at("2026-05-01T10:00:00Z")).execute();
        product(fourth, null, at("2026-05-02T17:30:45Z")).execute();
        assertTrue(Files.mismatch(third, fourth) >= 0, "without a fixed time the clock is stamped in");

        // seconds since 1970 are Maven's other form; the explicit <buildTime> wins over both
        Path seconds = dir.resolve("seconds/SsprWindowsLogon.PROD.msi");
        product(seconds, String.valueOf(java.time.Instant.parse(OUTPUT_TIMESTAMP).getEpochSecond()), at("2026-06-01T00:00:00Z")).execute();
        assertEquals(-1L, Files.mismatch(first, seconds));
    }

    @Test
    void outputTimestampIsReadAsMavenReadsIt() throws Exception {
        java.time.Clock clock = at("2026-05-01T10:00:00Z");
        assertEquals(java.time.Instant.parse("2019-10-05T18:37:42Z"), BuildTime.of(null, "2019-10-05T20:37:42+02:00", null, clock));
        assertEquals(java.time.Instant.ofEpochSecond(1570300662), BuildTime.of(null, "1570300662", "99", clock));
        assertEquals(java.time.Instant.ofEpochSecond(99), BuildTime.of(null, "0", "99", clock), "one character: not set, SOURCE_DATE_EPOCH next");
        assertEquals(java.time.Instant.ofEpochSecond(99), BuildTime.of(null, null, "99", clock));
        assertEquals(clock.instant(), BuildTime.of(null, null, null, clock));
        assertEquals(java.time.Instant.ofEpochSecond(7), BuildTime.of(7L, OUTPUT_TIMESTAMP, "99", clock));

        MojoFailureException bad = assertThrows(MojoFailureException.class,
                () -> product(dir.resolve("x.msi"), "yesterday", clock).execute());
        assertTrue(bad.getMessage().contains("outputTimestamp 'yesterday'") && bad.getMessage().endsWith("[usage error, exit status 2]"), bad.getMessage());
        assertThrows(MojoFailureException.class, () -> product(dir.resolve("x.msi"), "1970-01-01T00:00:00Z", clock).execute(), "before 1980");
    }
}
