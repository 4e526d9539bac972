package dev.ssprkit.sign;

import java.time.Instant;

/**
 * One Authenticode signature of a file, as {@link Verifier} found it.
 *
 * @param subject          the signing certificate's subject (RFC 2253), or null when the certificate is missing
 * @param issuer           the signing certificate's issuer
 * @param digestAlgorithm  the Authenticode content digest (SHA-256, SHA-1...)
 * @param timestamp        the RFC 3161 or legacy Authenticode countersignature time, or null when not timestamped
 * @param contentMatches   the file's content digest, recomputed now, equals the one the signature holds
 * @param signatureValid   the CMS signature over the signed attributes verifies with the signer's public key
 * @param chainTrusted     the certificate chains to one of the trust anchors given; null when none were given
 * @param nested           a nested (secondary) signature rather than the primary one
 * @param problem          why the signature does not hold, or null
 */
public record SignatureInfo(String subject, String issuer, String digestAlgorithm, Instant timestamp,
                            boolean contentMatches, boolean signatureValid, Boolean chainTrusted, boolean nested,
                            String problem) {

    /** Content and signature both hold (and the chain, when anchors were given). */
    public boolean isValid() {
        return contentMatches && signatureValid && !Boolean.FALSE.equals(chainTrusted);
    }
}
