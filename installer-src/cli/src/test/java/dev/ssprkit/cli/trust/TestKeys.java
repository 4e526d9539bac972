package dev.ssprkit.cli.trust;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
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
 * A root and a code-signing key it issued (jsign leaves a self-signed signer's certificate out of the signature); the
 * key is in a PKCS#12 file whose random password is written only to a password file.
 */
final class TestKeys {
    static final String ALIAS = "cli-signer";
    static final String SUBJECT = "CN=ssprkit CLI Test Signer,O=ssprkit tests,C=FR";

    final X509Certificate ca;
    final X509Certificate certificate;
    final String password;
    final Path p12;
    final Path passwordFile;
    final Path certPem;

    TestKeys(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPair caKeys = rsa();
        KeyPair keys = rsa();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=ssprkit CLI Test Root,O=ssprkit tests,C=FR");
        ca = issue(caName, caKeys, caName, caKeys, now, true);
        certificate = issue(new X500Name(SUBJECT), keys, caName, caKeys, now, false);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        password = "pw-" + HexFormat.of().formatHex(random);
        p12 = dir.resolve("signer.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new java.security.cert.Certificate[] {certificate, ca});
        try (OutputStream os = Files.newOutputStream(p12)) {
            ks.store(os, password.toCharArray());
        }
        passwordFile = dir.resolve("signer.pass");
        Files.writeString(passwordFile, password + "\n");
        certPem = dir.resolve("root.pem");
        Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate issue(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys, Instant now, boolean isCa) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (!isCa) b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
