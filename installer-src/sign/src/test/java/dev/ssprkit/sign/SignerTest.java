package dev.ssprkit.sign;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.model.Database;
import net.jsign.DigestAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing with jsign and checking with our own {@link Verifier} (no external tools). */
class SignerTest {
    @TempDir static Path shared;
    static TestPki pki;
    @TempDir Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(shared.resolve("pki"));
    }

    @Test
    void signedMsiVerifiesWithSubjectDigestAndMatchingContent() throws Exception {
        Path msi = TestFiles.msi(dir, "plain");
        assertFalse(Signatures.isSigned(msi));
        new Signer(pki.config()).sign(msi);
        assertTrue(Signatures.isSigned(msi));

        Verification v = Verifier.verify(msi, List.of(pki.ca));
        assertEquals(SignableFormat.INSTALLER_DATABASE, v.format());
        assertEquals(1, v.signatures().size());
        SignatureInfo s = v.signatures().get(0);
        assertEquals(pki.signer.getSubjectX500Principal().getName(), s.subject());
        assertTrue(s.subject().contains("CN=ssprkit Test Code Signing"), s.subject());
        assertEquals("SHA256", s.digestAlgorithm());
        assertNull(s.timestamp());
        assertTrue(s.contentMatches());
        assertTrue(s.signatureValid());
        assertEquals(Boolean.TRUE, s.chainTrusted());
        assertNull(s.problem());
        assertTrue(v.isValid());
        // the signed file is still a database our reader opens
        try (Database db = MsiReader.read(msi)) {
            assertNotNull(db.table("File").find("readme.txt"));
        }
    }

    @Test
    void signingTwiceLeavesOneValidSignature() throws Exception {
        Path msi = TestFiles.msi(dir, "twice");
        Signer signer = new Signer(pki.config());
        signer.sign(msi);
        signer.sign(msi);
        Verification v = Verifier.verify(msi);
        assertEquals(1, v.signatures().size(), v.toString());
        assertTrue(v.isValid(), v.toString());
    }

    @Test
    void aByteChangedInsideAStreamAfterSigningIsReported() throws Exception {
        Path msi = TestFiles.msi(dir, "tampered");
        new Signer(pki.config()).sign(msi);
        TestFiles.tamperLargestStream(msi);
        assertTrue(Signatures.isSigned(msi), "the signature streams are kept");
        SignatureInfo s = Verifier.verify(msi).signatures().get(0);
        assertFalse(s.contentMatches());
        assertTrue(s.signatureValid(), "the CMS signature itself is intact; only the content changed");
        assertTrue(s.problem().contains("content changed after signing"), s.problem());
        assertFalse(Verifier.verify(msi).isValid());
    }

    /**
     * MsiReader keeps {@code \005DigitalSignature} as a plain stream and MsiWriter writes it back, so a changed and
     * rewritten database still looks signed: its signature no longer matches. Writers should drop the signature
     * streams (and warn, using {@link Signatures#isSigned}) instead.
     */
    @Test
    void rewritingAChangedDatabaseInvalidatesItsSignature() throws Exception {
        Path msi = TestFiles.msi(dir, "rewritten");
        new Signer(pki.config()).sign(msi);
        Path copy = dir.resolve("rewritten-copy.msi");
        try (Database db = MsiReader.read(msi)) {
            db.table("Property").add("REWRITTEN", "1");
            MsiWriter.write(db, copy);
        }
        assertTrue(Signatures.isSigned(msi));
        if (Signatures.isSigned(copy)) {
            SignatureInfo s = Verifier.verify(copy).signatures().get(0);
            assertFalse(s.contentMatches(), "a stale signature carried over must not verify");
        }
    }

    @Test
    void untrustedRootIsReportedOnlyWhenAnchorsAreGiven() throws Exception {
        Path msi = TestFiles.msi(dir, "anchors");
        new Signer(pki.config()).sign(msi);
        TestPki other = TestPki.create(dir.resolve("other-pki"));
        SignatureInfo s = Verifier.verify(msi, List.of(other.ca)).signatures().get(0);
        assertEquals(Boolean.FALSE, s.chainTrusted());
        assertTrue(s.contentMatches());
        assertFalse(s.isValid());
        assertNull(Verifier.verify(msi).signatures().get(0).chainTrusted());
    }

    @Test
    void sha384DigestIsUsedWhenConfigured() throws Exception {
        Path msi = TestFiles.msi(dir, "sha384");
        new Signer(pki.config().withDigest(DigestAlgorithm.SHA384)).sign(msi);
        SignatureInfo s = Verifier.verify(msi).signatures().get(0);
        assertEquals("SHA384", s.digestAlgorithm());
        assertTrue(s.isValid());
    }

    @Test
    void passwordFromAnEnvironmentVariable() throws Exception {
        Path msi = TestFiles.msi(dir, "env");
        KeystoreConfig cfg = pki.config().withPassword(PasswordSource.env("SSPRKIT_TEST_SIGN_PASS"));
        new Signer(cfg, Map.of("SSPRKIT_TEST_SIGN_PASS", pki.password)::get).sign(msi);
        assertTrue(Verifier.verify(msi).isValid());
        SigningException e = assertThrows(SigningException.class, () -> new Signer(cfg, name -> null).sign(msi));
        assertTrue(e.getMessage().contains("SSPRKIT_TEST_SIGN_PASS is not set"), e.getMessage());
    }

    @Test
    void transformIsSignedAsACompoundFileWithItsOwnClsid() throws Exception {
        Path mst = TestFiles.transform(dir);
        assertEquals(SignableFormat.TRANSFORM, SignableFormat.of(mst));
        new Signer(pki.config()).signTransform(mst);
        Verification v = Verifier.verify(mst);
        assertEquals(SignableFormat.TRANSFORM, v.format());
        assertTrue(v.isValid(), v.toString());
    }

    @Test
    void powerShellScriptIsSignedAndVerified() throws Exception {
        Path ps1 = TestFiles.script(dir);
        new Signer(pki.config()).signPowerShell(ps1);
        assertTrue(Files.readString(ps1).contains("# SIG # Begin signature block"));
        assertTrue(Signatures.isSigned(ps1));
        Verification v = Verifier.verify(ps1);
        assertEquals(SignableFormat.POWERSHELL, v.format());
        assertTrue(v.isValid(), v.toString());
        Files.writeString(ps1, Files.readString(ps1).replace("world", "World"));
        assertFalse(Verifier.verify(ps1).signatures().get(0).contentMatches());
    }

    @Test
    void rfc3161TimestampIsRequestedAndReported() throws Exception {
        Path msi = TestFiles.msi(dir, "timestamped");
        Instant before = Instant.now().minusSeconds(5);
        try (LocalTsa tsa = new LocalTsa(pki)) {
            new Signer(pki.config().withTimestamp(tsa.url())).sign(msi);
            assertEquals(1, tsa.requests.get());
        }
        SignatureInfo s = Verifier.verify(msi).signatures().get(0);
        assertNotNull(s.timestamp());
        assertTrue(Duration.between(before, s.timestamp()).abs().toMinutes() < 5, s.timestamp().toString());
        assertTrue(s.isValid());
    }

    @Test
    void aFailedTimestampLeavesTheFileUntouched() throws Exception {
        Path msi = TestFiles.msi(dir, "tsa-down");
        byte[] before = Files.readAllBytes(msi);
        KeystoreConfig cfg = pki.config().withTimestamp(java.net.URI.create("http://127.0.0.1:9/nothing-listens-here"));
        assertThrows(SigningException.class, () -> new Signer(cfg).sign(msi));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(msi)));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".signing")), "temporary file left behind");
        }
    }

    @Test
    void notASignableFile() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        assertThrows(SigningException.class, () -> new Signer(pki.config()).sign(txt));
        assertThrows(SigningException.class, () -> new Signer(pki.config()).signMsi(TestFiles.script(dir)));
        assertFalse(Signatures.isSigned(txt));
    }
}
