package dev.ssprkit.sign;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * osslsigncode (2.9 here) as the independent oracle: {@code osslsigncode verify -CAfile ca.pem -in FILE} checks the
 * MSI content digest (it recomputes the MSI hash), the CMS signature and the chain to our test root. Our Verifier
 * must agree with it, both ways.
 */
@Tag("interop")
class OsslsigncodeInteropTest {
    @TempDir static Path shared;
    static TestPki pki;
    @TempDir Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(shared.resolve("pki"));
    }

    @BeforeEach
    void tool() {
        Tool.require("osslsigncode");
    }

    static Tool.Result verify(Path file, String... extra) {
        return verify(pki, file, extra);
    }

    static Tool.Result verify(TestPki pki, Path file, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("osslsigncode", "verify", "-CAfile", pki.caPem.toString()));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-in", file.toString()));
        return Tool.run(cmd, null, java.util.Map.of(), 120);
    }

    @Test
    void signedMsiVerifies() throws Exception {
        Path msi = TestFiles.msi(dir, "ossl");
        new Signer(pki.config()).sign(msi);
        Tool.Result r = verify(msi);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("Signature verification: ok"), r.stdout());
        assertTrue(r.stdout().contains("Calculated DigitalSignature"), "osslsigncode hashed it as an MSI:\n" + r.stdout());
        assertTrue(r.stdout().contains(TestPki.SUBJECT.replace(",", "/").substring(0, 10)) || r.stdout().contains("ssprkit Test Code Signing"), r.stdout());
        assertTrue(Verifier.verify(msi).isValid());
    }

    @Test
    void signedTwiceVerifiesWithOneSignature() throws Exception {
        Path msi = TestFiles.msi(dir, "ossl-twice");
        Signer signer = new Signer(pki.config());
        signer.sign(msi);
        signer.sign(msi);
        Tool.Result r = verify(msi);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertFalse(r.stdout().contains("Signature Index: 1"), "a nested second signature:\n" + r.stdout());
        assertEquals(1, Verifier.verify(msi).signatures().size());
    }

    @Test
    void tamperedStreamFailsInBoth() throws Exception {
        Path msi = TestFiles.msi(dir, "ossl-tampered");
        new Signer(pki.config()).sign(msi);
        TestFiles.tamperLargestStream(msi);
        Tool.Result r = verify(msi);
        assertNotEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue((r.stdout() + r.stderr()).contains("MISMATCH"), r.stdout() + r.stderr());
        assertFalse(Verifier.verify(msi).signatures().get(0).contentMatches());
    }

    @Test
    void transformVerifies() throws Exception {
        Path mst = TestFiles.transform(dir);
        new Signer(pki.config()).sign(mst);
        Tool.Result r = verify(mst);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(Verifier.verify(mst).isValid());
    }

    @Test
    void powerShellScriptVerifies() throws Exception {
        Path ps1 = TestFiles.script(dir);
        new Signer(pki.config()).sign(ps1);
        Tool.Result r = verify(ps1);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(Verifier.verify(ps1).isValid());
    }

    @Test
    void timestampedMsiVerifiesWithTheTsaRoot() throws Exception {
        Path msi = TestFiles.msi(dir, "ossl-ts");
        try (LocalTsa tsa = new LocalTsa(pki)) {
            new Signer(pki.config().withTimestamp(tsa.url())).sign(msi);
        }
        Tool.Result r = verify(msi, "-TSA-CAfile", pki.caPem.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().toLowerCase().contains("timestamp"), r.stdout());
        assertTrue(Verifier.verify(msi).signatures().get(0).timestamp() != null);
    }

    @Test
    void osslsigncodeSignatureIsReadByOurVerifier() throws Exception {
        Path msi = TestFiles.msi(dir, "by-ossl");
        Path out = dir.resolve("by-ossl-signed.msi");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pki.signerKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(cert, TestPki.pem(pki.signer) + TestPki.pem(pki.ca));
        Tool.run("osslsigncode", "sign", "-certs", cert.toString(), "-key", key.toString(), "-h", "sha256",
                "-in", msi.toString(), "-out", out.toString()).assertOk();
        Verification v = Verifier.verify(out, List.of(pki.ca));
        assertTrue(v.isValid(), v.toString());
        assertEquals("SHA256", v.signatures().get(0).digestAlgorithm());
    }
}
