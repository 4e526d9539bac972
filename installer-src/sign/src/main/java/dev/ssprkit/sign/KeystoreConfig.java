package dev.ssprkit.sign;

import dev.ssprkit.common.InvalidValueException;
import net.jsign.DigestAlgorithm;
import net.jsign.KeyStoreType;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which key signs, and how. {@code keystore} is what jsign's {@code --keystore} takes for the type: a file for
 * PKCS12/JKS/JCEKS, a SunPKCS11 configuration file for PKCS11, a vault URL or region for the cloud types (AWS,
 * AZUREKEYVAULT, GOOGLECLOUD, DIGICERTONE, ESIGNER, HASHICORPVAULT, ORACLECLOUD, TRUSTEDSIGNING, GARASIGN, SIGNSERVER,
 * SIGNPATH...), null for token types that need none (YUBIKEY, NITROKEY, PIV, OPENSC, ETOKEN).
 *
 * @param type          jsign's keystore type, passed through unchanged
 * @param keystore      file path or configuration string for the type (see above); may be null for hardware tokens
 * @param alias         the key's alias (or key id / certificate name for the cloud types)
 * @param password      where the store password, PIN or cloud credential comes from; never the value itself
 * @param keyPassword   where the key password comes from, when it differs from the store password; null = same
 * @param certificates  a PEM/PKCS#7 chain file, for the types whose keystore holds no certificate; may be null
 * @param digest        the Authenticode digest (SHA-256 unless stated)
 * @param timestampUrl  an RFC 3161 time-stamping authority, or null for no timestamp
 */
public record KeystoreConfig(KeyStoreType type, String keystore, String alias, PasswordSource password,
                             PasswordSource keyPassword, Path certificates, DigestAlgorithm digest, URI timestampUrl) {

    public KeystoreConfig {
        Objects.requireNonNull(type, "keystore type");
        Objects.requireNonNull(password, "password source");
        if (digest == null) digest = DigestAlgorithm.SHA256;
        if (timestampUrl != null && !("http".equals(timestampUrl.getScheme()) || "https".equals(timestampUrl.getScheme()))) {
            throw new InvalidValueException("the timestamp URL must be http or https: " + timestampUrl);
        }
    }

    /** A PKCS#12 file, SHA-256, no timestamp. */
    public static KeystoreConfig pkcs12(Path file, String alias, PasswordSource password) {
        return new KeystoreConfig(KeyStoreType.PKCS12, file.toString(), alias, password, null, null, DigestAlgorithm.SHA256, null);
    }

    public KeystoreConfig withDigest(DigestAlgorithm d) {
        return new KeystoreConfig(type, keystore, alias, password, keyPassword, certificates, d, timestampUrl);
    }

    public KeystoreConfig withTimestamp(URI url) {
        return new KeystoreConfig(type, keystore, alias, password, keyPassword, certificates, digest, url);
    }

    public KeystoreConfig withAlias(String a) {
        return new KeystoreConfig(type, keystore, a, password, keyPassword, certificates, digest, timestampUrl);
    }

    public KeystoreConfig withPassword(PasswordSource p) {
        return new KeystoreConfig(type, keystore, alias, p, keyPassword, certificates, digest, timestampUrl);
    }

    public KeystoreConfig withCertificates(Path chain) {
        return new KeystoreConfig(type, keystore, alias, password, keyPassword, chain, digest, timestampUrl);
    }
}
