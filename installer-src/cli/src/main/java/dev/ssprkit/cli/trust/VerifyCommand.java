package dev.ssprkit.cli.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssprkit.cli.Sspr;
import dev.ssprkit.common.FailureText;
import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.sign.SignatureInfo;
import dev.ssprkit.sign.Verification;
import dev.ssprkit.sign.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sspr verify FILE}: the file's Authenticode signatures (signer, digest, timestamp) and whether the content
 * still matches each; with {@code --ca}, whether the signer chains to one of those roots.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Report the signatures of an MSI, transform or PowerShell script, and whether the content still matches them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:signed, and every signature holds", "1:unsigned, changed since signing, or not trusted",
                "2:usage error", "3:not a signable file, or an unreadable signature", "4:I/O error"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;
    @Option(names = "--ca", paramLabel = "PEM", description = "Trusted root certificates (PEM); the signer must chain to one (no revocation check).")
    Path ca;

    @Override
    public Integer call() throws IOException {
        List<X509Certificate> anchors;
        try {
            anchors = ca == null ? List.of() : certificates(ca);
        } catch (IOException | CertificateException e) {
            throw new InvalidValueException("--ca " + ca + ": " + FailureText.message(e));
        }
        Verification v = Verifier.verify(file, anchors); // typed failures: not signable / unreadable signature, I/O
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(v)));
        } else {
            text(v, out);
        }
        return v.isValid() ? Sspr.OK : Sspr.FAILED;
    }

    private static void text(Verification v, PrintWriter out) {
        if (!v.isSigned()) {
            out.println(v.file() + ": not signed");
            return;
        }
        out.println(v.file() + ": " + (v.isValid() ? "signature valid" : "signature NOT valid"));
        for (SignatureInfo s : v.signatures()) {
            out.println(s.nested() ? "  nested signature" : "  signature");
            out.println("    signer:          " + (s.subject() == null ? "(no certificate)" : s.subject()));
            if (s.issuer() != null) out.println("    issuer:          " + s.issuer());
            out.println("    digest:          " + (s.digestAlgorithm() == null ? "?" : s.digestAlgorithm()));
            out.println("    timestamp:       " + (s.timestamp() == null ? "none" : s.timestamp()));
            out.println("    content matches: " + (s.contentMatches() ? "yes" : "NO"));
            out.println("    signature:       " + (s.signatureValid() ? "verifies" : "does NOT verify"));
            if (s.chainTrusted() != null) out.println("    trusted:         " + (s.chainTrusted() ? "yes" : "NO"));
            if (s.problem() != null) out.println("    problem:         " + s.problem());
        }
    }

    private static Map<String, Object> json(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", v.file().toString());
        m.put("format", v.format().name());
        m.put("signed", v.isSigned());
        m.put("valid", v.isValid());
        List<Map<String, Object>> sigs = new ArrayList<>();
        for (SignatureInfo s : v.signatures()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("signer", s.subject());
            e.put("issuer", s.issuer());
            e.put("digest", s.digestAlgorithm());
            e.put("timestamp", s.timestamp() == null ? null : s.timestamp().toString());
            e.put("contentMatches", s.contentMatches());
            e.put("signatureValid", s.signatureValid());
            e.put("chainTrusted", s.chainTrusted());
            e.put("nested", s.nested());
            e.put("problem", s.problem());
            sigs.add(e);
        }
        m.put("signatures", sigs);
        return m;
    }

    static List<X509Certificate> certificates(Path pem) throws IOException, CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) out.add(x);
            }
        }
        if (out.isEmpty()) throw new CertificateException("no certificate in the file");
        return out;
    }
}
