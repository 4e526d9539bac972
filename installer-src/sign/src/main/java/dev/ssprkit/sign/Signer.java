package dev.ssprkit.sign;

import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.common.ErrorKind;
import net.jsign.AuthenticodeSigner;
import net.jsign.KeyStoreBuilder;
import net.jsign.KeyStoreType;
import net.jsign.Signable;
import net.jsign.timestamp.TimestampingMode;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Signs installation databases, transforms and PowerShell scripts with Authenticode, through jsign.
 *
 * <pre>{@code
 * Signer signer = new Signer(KeystoreConfig.pkcs12(Path.of("codesign.p12"), "release", PasswordSource.env("SIGN_PASS"))
 *         .withTimestamp(URI.create("http://timestamp.example.com")));
 * signer.sign(Path.of("dist/tool.msi"));
 * }</pre>
 *
 * <p>Signing replaces any existing signature (the file ends with exactly one), and is atomic: the file is signed as
 * a copy beside it and moved into place, so a failed timestamp leaves the original untouched. Sign last: any later
 * rewrite of a database drops the signature (see {@link Signatures#isSigned}).
 *
 * <p>Secrets: the password is read from its {@link PasswordSource} for each signing, never logged, and scrubbed
 * from every exception message (jsign's included); no child process is started.
 */
public final class Signer {
    private static final Logger LOG = Logger.getLogger(Signer.class.getName());
    /** Windows Installer's extended signature (a pre-hash of stream metadata); jsign does not produce it. */
    static final String MSI_DIGITAL_SIGNATURE_EX = "\u0005MsiDigitalSignatureEx";

    private final KeystoreConfig config;
    private final Function<String, String> environment;

    public Signer(KeystoreConfig config) {
        this(config, System::getenv);
    }

    /** With another environment than the process's (tests; embedding hosts that keep secrets elsewhere). */
    public Signer(KeystoreConfig config, Function<String, String> environment) {
        this.config = Objects.requireNonNull(config);
        this.environment = Objects.requireNonNull(environment);
    }

    /** Signs the file in place, choosing the format from its header and extension ({@link SignableFormat#of}). */
    public void sign(Path file) throws IOException {
        sign(file, SignableFormat.of(file));
    }

    public void signMsi(Path msi) throws IOException {
        sign(msi, SignableFormat.INSTALLER_DATABASE);
    }

    public void signTransform(Path mst) throws IOException {
        sign(mst, SignableFormat.TRANSFORM);
    }

    public void signPowerShell(Path script) throws IOException {
        sign(script, SignableFormat.POWERSHELL);
    }

    private void sign(Path file, SignableFormat format) throws IOException {
        if (!Files.isRegularFile(file)) throw new SigningException(ErrorKind.IO, file + ": no such file");
        if (format != SignableFormat.POWERSHELL && !SignableFormat.isCompoundFile(file)) {
            throw new SigningException(ErrorKind.BAD_INPUT, file.getFileName() + ": not a compound file, so not a " + format.name().toLowerCase().replace('_', ' '));
        }
        List<String> secrets = new ArrayList<>(2);
        Path target = file.toAbsolutePath();
        try {
            // signed in a copy beside the file, which replaces it only when signing succeeded
            AtomicFile.write(target, tmp -> {
                try {
                    AuthenticodeSigner signer = signer(secrets);
                    // COPY_ATTRIBUTES: the signed file keeps the original's permissions
                    Files.copy(target, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    if (format != SignableFormat.POWERSHELL) removeExtendedSignature(tmp);
                    try (Signable signable = format.open(tmp)) {
                        signer.sign(signable);
                    }
                } catch (Exception e) {
                    throw Scrubbed.wrap("cannot sign " + file.getFileName(), e, secrets);
                }
            });
            LOG.fine(() -> "signed " + target.getFileName() + " (" + format + ", " + config.digest().id
                    + (config.timestampUrl() != null ? ", timestamped by " + config.timestampUrl().getHost() : "") + ")");
        } finally {
            secrets.clear();
        }
    }

    /** The jsign signer for this configuration; adds the resolved secrets to {@code secrets} for scrubbing. */
    private AuthenticodeSigner signer(List<String> secrets) throws Exception {
        String storepass = config.password().resolve(environment);
        secrets.add(storepass);
        String keypass = storepass;
        if (config.keyPassword() != null) {
            keypass = config.keyPassword().resolve(environment);
            secrets.add(keypass);
        }
        KeyStoreBuilder builder = new KeyStoreBuilder().storetype(config.type()).storepass(storepass);
        if (config.keystore() != null) builder.keystore(config.keystore());
        if (config.keyPassword() != null) builder.keypass(keypass);
        if (config.certificates() != null) builder.certfile(config.certificates().toFile());
        KeyStore ks = builder.build();
        String alias = alias(ks);
        boolean fileStore = config.type() == KeyStoreType.PKCS12 || config.type() == KeyStoreType.JKS || config.type() == KeyStoreType.JCEKS;
        AuthenticodeSigner signer = new AuthenticodeSigner(ks, alias, fileStore || config.keyPassword() != null ? keypass : null)
                .withDigestAlgorithm(config.digest())
                .withSignaturesReplaced(true)
                .withTimestamping(config.timestampUrl() != null);
        if (config.timestampUrl() != null) {
            signer.withTimestampingMode(TimestampingMode.RFC3161).withTimestampingAuthority(config.timestampUrl().toString());
        }
        return signer;
    }

    private String alias(KeyStore ks) throws KeyStoreException, SigningException {
        List<String> aliases = Collections.list(ks.aliases());
        if (config.alias() != null) {
            if (!aliases.isEmpty() && !aliases.contains(config.alias()) && ks.getCertificate(config.alias()) == null) {
                throw new SigningException("the keystore has no key with alias '" + config.alias() + "'; it has " + aliases);
            }
            return config.alias();
        }
        if (aliases.size() == 1) return aliases.get(0);
        throw new SigningException("the keystore holds " + aliases.size() + " keys " + aliases + "; choose one with an alias");
    }

    /** A leftover {@code MsiDigitalSignatureEx} would no longer match: the new signature does not include one. */
    static void removeExtendedSignature(Path file) throws IOException {
        boolean changed = false;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), false)) {
            DirectoryEntry root = fs.getRoot();
            if (root.hasEntry(MSI_DIGITAL_SIGNATURE_EX)) {
                root.getEntry(MSI_DIGITAL_SIGNATURE_EX).delete();
                fs.writeFilesystem();
                changed = true;
            }
        } catch (RuntimeException e) {
            throw new IOException("compound file format error", e);
        }
        if (changed) LOG.fine(() -> "removed the stale MsiDigitalSignatureEx stream of " + file.getFileName());
    }
}
