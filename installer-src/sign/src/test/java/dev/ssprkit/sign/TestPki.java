package dev.ssprkit.sign;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

/**
 * A throw-away PKI for tests (shared with the CLI and Maven plugin tests through this module's test jar): a root CA and a code-signing certificate (and a time-stamping one) it issues, the
 * signer's key in a PKCS#12 file protected by a random password that is written only to a password file.
 */
public final class TestPki {
    public static final String ALIAS = "release-signer";
    public static final String SUBJECT = "CN=ssprkit Test Code Signing,O=ssprkit tests,C=FR";

    public final Path dir;
    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final KeyPair signerKeys;
    public final X509Certificate signer;
    public final KeyPair tsaKeys;
    public final X509Certificate tsa;
    public final String password;
    public final Path p12;
    public final Path passwordFile;
    public final Path caPem;

    private TestPki(Path dir) throws Exception {
        this.dir = dir;
        caKeys = rsa();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=ssprkit Test Root CA,O=ssprkit tests,C=FR");
        ca = certificate(caName, caKeys, caName, caKeys, now, true, null);
        signerKeys = rsa();
        signer = certificate(new X500Name(SUBJECT), signerKeys, caName, caKeys, now, false, KeyPurposeId.id_kp_codeSigning);
        tsaKeys = rsa();
        tsa = certificate(new X500Name("CN=ssprkit Test TSA,O=ssprkit tests,C=FR"), tsaKeys, caName, caKeys, now, false, KeyPurposeId.id_kp_timeStamping);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        password = "pw-" + HexFormat.of().formatHex(random);
        p12 = dir.resolve("signer.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, signerKeys.getPrivate(), password.toCharArray(), new java.security.cert.Certificate[] {signer, ca});
        try (OutputStream os = Files.newOutputStream(p12)) {
            ks.store(os, password.toCharArray());
        }
        passwordFile = dir.resolve("signer.pass");
        Files.writeString(passwordFile, password + "\n");
        caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, pem(ca));
    }

    public static TestPki create(Path dir) throws Exception {
        Files.createDirectories(dir);
        return new TestPki(dir);
    }

    public KeystoreConfig config() {
        return KeystoreConfig.pkcs12(p12, ALIAS, PasswordSource.file(passwordFile));
    }

    public static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys, Instant now,
                                               boolean isCa, KeyPurposeId purpose) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (isCa) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, purpose == KeyPurposeId.id_kp_timeStamping, new ExtendedKeyUsage(purpose));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
