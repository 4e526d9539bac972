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
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo(Map.of("PayloadDir", payload.toString()), s).execute());
        assertFalse(String.valueOf(e.getMessage()).contains(keys.password), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains(keys.password));
        assertFalse(Files.exists(out), "the unsigned package was left behind");

        SignConfig none = signConfig();
        none.storepassFile = null;
        MojoExecutionException missing = assertThrows(MojoExecutionException.class, () -> mojo(Map.of("PayloadDir", payload.toString()), none).execute());
        assertTrue(missing.getMessage().contains("storepassEnv"), missing.getMessage());
    }

    @Test
    void signingIsOffWithoutAKeystore() throws Exception {
        SignConfig s = new SignConfig();
        s.storepassEnv = "WHATEVER";
        mojo(Map.of("PayloadDir", payload.toString()), s).execute();
        assertFalse(Signatures.isSigned(out));
        assertEquals(List.of(), new SignConfig().files);
    }
}
