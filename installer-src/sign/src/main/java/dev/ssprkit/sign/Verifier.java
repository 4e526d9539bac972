package dev.ssprkit.sign;

import dev.ssprkit.common.ErrorKind;
import net.jsign.DigestAlgorithm;
import net.jsign.Signable;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the Authenticode signatures of an MSI, transform or PowerShell script and checks each: who signed, with
 * which digest, when it was timestamped, whether the CMS signature verifies, and whether the content still matches
 * (the content digest is recomputed the way the SIP does, e.g. jsign's {@code MSIFile.computeDigest}, and compared
 * with the {@code messageDigest} of the signature's {@code SpcIndirectDataContent}).
 *
 * <p>Trust is only judged when trust anchors are given (revocation is not checked); otherwise
 * {@link SignatureInfo#chainTrusted()} is null.
 */
public final class Verifier {
    /** Authenticode's RFC 3161 timestamp (an unsigned attribute holding a TimeStampToken). */
    static final ASN1ObjectIdentifier SPC_RFC3161 = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.3.3.1");
    static final ASN1ObjectIdentifier SPC_NESTED_SIGNATURE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.4.1");
    static final String CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";

    private Verifier() {}

    public static Verification verify(Path file) throws IOException {
        return verify(file, List.of());
    }

    /** Also checks that each signer's certificate chains to one of {@code trustAnchors} (no revocation checks). */
    public static Verification verify(Path file, Collection<X509Certificate> trustAnchors) throws IOException {
        SignableFormat format = SignableFormat.of(file);
        List<SignatureInfo> infos = new ArrayList<>();
        try (Signable signable = format.open(file)) {
            boolean extended = format != SignableFormat.POWERSHELL && Signatures.hasExtendedSignature(file);
            List<CMSSignedData> signatures = signable.getSignatures();
            for (int i = 0; i < signatures.size(); i++) {
                infos.add(inspect(signable, signatures.get(i), i > 0, extended, trustAnchors));
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(ErrorKind.BAD_INPUT, file.getFileName() + ": unreadable signature or file (" + e.getClass().getSimpleName() + ")", e);
        }
        return new Verification(file, format, infos);
    }

    private static SignatureInfo inspect(Signable signable, CMSSignedData jsignView, boolean nested, boolean extended,
                                         Collection<X509Certificate> anchors) throws IOException {
        // Re-parse from the ContentInfo so that BouncyCastle exposes the encapsulated SpcIndirectDataContent as the
        // signed content (the value octets of the SEQUENCE, as Authenticode hashes them).
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(jsignView.toASN1Structure());
        } catch (Exception e) {
            return broken("the signature is not a CMS SignedData: " + e.getMessage(), nested);
        }
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        X509Certificate cert = null;
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        List<String> problems = new ArrayList<>();
        try {
            if (!matches.isEmpty()) cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (Exception e) {
            problems.add("the signer certificate cannot be decoded");
        }
        if (cert == null) problems.add("the signer certificate is not in the signature");

        // The content digest the signature vouches for.
        ASN1Encodable content = SignedData.getInstance(signed.toASN1Structure().getContent()).getEncapContentInfo().getContent();
        DigestInfo digestInfo = DigestInfo.getInstance(ASN1Sequence.getInstance(content).getObjectAt(1));
        ASN1ObjectIdentifier digestOid = digestInfo.getAlgorithmId().getAlgorithm();
        DigestAlgorithm algorithm = DigestAlgorithm.of(digestOid);
        String digestName = algorithm != null ? algorithm.name() : digestOid.getId();

        boolean contentMatches = false;
        if (algorithm == null) {
            problems.add("unknown content digest algorithm " + digestOid.getId());
        } else {
            byte[] now = signable.computeDigest(algorithm);
            contentMatches = MessageDigest.isEqual(now, digestInfo.getDigest());
            if (!contentMatches) {
                problems.add(extended ? "the file has an MsiDigitalSignatureEx stream, whose pre-hash this verifier does not compute"
                        : "the content changed after signing (the " + digestName + " content digest differs)");
            }
        }

        boolean signatureValid = false;
        if (cert != null) {
            try {
                signatureValid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (Exception e) {
                problems.add("the CMS signature does not verify: " + e.getMessage());
            }
            if (!signatureValid && problems.stream().noneMatch(p -> p.startsWith("the CMS"))) problems.add("the CMS signature does not verify");
        }

        Instant timestamp = timestamp(signer);
        Boolean trusted = null;
        if (cert != null && anchors != null && !anchors.isEmpty()) {
            String why = chainProblem(cert, signed, anchors, timestamp);
            trusted = why == null;
            if (why != null) problems.add(why);
        }
        return new SignatureInfo(cert == null ? null : cert.getSubjectX500Principal().getName(),
                cert == null ? null : cert.getIssuerX500Principal().getName(), digestName, timestamp,
                contentMatches, signatureValid, trusted, nested, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static SignatureInfo broken(String why, boolean nested) {
        return new SignatureInfo(null, null, null, null, false, false, null, nested, why);
    }

    /** The RFC 3161 token's time, else the legacy countersignature's signing time, else null. */
    static Instant timestamp(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) return null;
        try {
            Attribute rfc3161 = unsigned.get(SPC_RFC3161);
            if (rfc3161 != null) {
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(rfc3161.getAttrValues().getObjectAt(0)));
                return token.getTimeStampInfo().getGenTime().toInstant();
            }
            Attribute counter = unsigned.get(PKCSObjectIdentifiers.pkcs_9_at_counterSignature);
            if (counter != null) {
                SignerInfo cs = SignerInfo.getInstance(counter.getAttrValues().getObjectAt(0));
                if (cs.getAuthenticatedAttributes() != null) {
                    Attribute t = new AttributeTable(cs.getAuthenticatedAttributes()).get(CMSAttributes.signingTime);
                    if (t != null) return Time.getInstance(t.getAttrValues().getObjectAt(0)).getDate().toInstant();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    /** Null when {@code cert} chains to an anchor (at the timestamp's time if any) and may sign code; else why not. */
    private static String chainProblem(X509Certificate cert, CMSSignedData signed, Collection<X509Certificate> anchors, Instant at) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku != null && !eku.contains(CODE_SIGNING_EKU)) return "the signer certificate is not for code signing (extended key usage)";
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate a : anchors) trust.add(new TrustAnchor(a, null));
            List<X509Certificate> certs = new ArrayList<>();
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) certs.add(conv.getCertificate(h));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certs)));
            if (at != null) params.setDate(Date.from(at));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (Exception e) {
            return "the signer certificate does not chain to a trusted root: " + e.getMessage();
        }
    }
}
