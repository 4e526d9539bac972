package dev.ssprkit.intune;

import java.util.Arrays;

/**
 * The {@code EncryptionInfo} element of Detection.xml and Graph's {@code fileEncryptionInfo}: how the inner package
 * was encrypted ("ProfileVersion1": AES-256-CBC with PKCS#7 padding, HMAC-SHA256 over IV + ciphertext, SHA-256 of the
 * plaintext), as the format is described by Graph's fileEncryptionInfo resource and the open-source re-implementations.
 *
 * @param encryptionKey AES-256 key, 32 bytes
 * @param macKey        HMAC-SHA256 key, 32 bytes
 * @param iv            AES IV, 16 bytes (also stored in the encrypted file after the MAC)
 * @param mac           HMAC-SHA256(macKey, IV || ciphertext), 32 bytes (also the encrypted file's first 32 bytes)
 * @param fileDigest    SHA-256 of the unencrypted inner package, 32 bytes
 */
public record EncryptionInfo(byte[] encryptionKey, byte[] macKey, byte[] iv, byte[] mac, String profileIdentifier, byte[] fileDigest,
                             String fileDigestAlgorithm) {
    public static final String PROFILE = "ProfileVersion1";
    public static final String DIGEST_ALGORITHM = "SHA256";
    /** Bytes before the ciphertext in the encrypted file: the MAC (32) then the IV (16). */
    public static final int HEADER = 48;

    public EncryptionInfo {
        encryptionKey = encryptionKey.clone();
        macKey = macKey.clone();
        iv = iv.clone();
        mac = mac.clone();
        fileDigest = fileDigest.clone();
    }

    @Override public byte[] encryptionKey() { return encryptionKey.clone(); }
    @Override public byte[] macKey() { return macKey.clone(); }
    @Override public byte[] iv() { return iv.clone(); }
    @Override public byte[] mac() { return mac.clone(); }
    @Override public byte[] fileDigest() { return fileDigest.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionInfo e && Arrays.equals(encryptionKey, e.encryptionKey) && Arrays.equals(macKey, e.macKey)
                && Arrays.equals(iv, e.iv) && Arrays.equals(mac, e.mac) && profileIdentifier.equals(e.profileIdentifier)
                && Arrays.equals(fileDigest, e.fileDigest) && fileDigestAlgorithm.equals(e.fileDigestAlgorithm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "EncryptionInfo[" + profileIdentifier + ", keys hidden]";
    }
}
