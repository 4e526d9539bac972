package dev.ssprkit.cli.trust;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.cli.Sspr;
import dev.ssprkit.sign.KeystoreConfig;
import dev.ssprkit.sign.PasswordSource;
import dev.ssprkit.sign.SignableFormat;
import dev.ssprkit.sign.Signer;
import net.jsign.DigestAlgorithm;
import net.jsign.KeyStoreType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code sspr sign}: Authenticode-signs MSI packages, transforms and PowerShell scripts with {@link Signer}. The
 * passwords come from an environment variable or a file only: there is no option that takes one, and
 * {@code --storepass}/{@code --keypass} are refused without echoing what followed them.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign MSI packages, transforms (.mst) and PowerShell scripts (Authenticode, through jsign).",
                "Sign last: anything that rewrites a signed file drops its signature."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file signed", "1:signing failed (keystore, password, timestamp)", "2:usage error",
                "3:a file is not signable", "4:I/O error"})
public final class SignCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--keystore", paramLabel = "FILE|CONFIG",
            description = "PKCS#12/JKS file, SunPKCS11 configuration, or the cloud key service's vault/URL (as jsign's --keystore).")
    String keystore;

    @Option(names = "--storetype", paramLabel = "TYPE", defaultValue = "PKCS12",
            description = "jsign keystore type: PKCS12, JKS, PKCS11, YUBIKEY, AWS, AZUREKEYVAULT, GOOGLECLOUD, HASHICORPVAULT, "
                    + "DIGICERTONE, ESIGNER, TRUSTEDSIGNING, ... Default: ${DEFAULT-VALUE}.")
    String storetype;

    @Option(names = "--alias", paramLabel = "NAME", description = "The key's alias (key id for cloud services); optional when the store holds one key.")
    String alias;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret storepass;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    KeySecret keypass;

    @Option(names = "--certfile", paramLabel = "FILE", description = "Certificate chain (PEM/PKCS#7) for stores that hold no certificate.")
    Path certfile;

    @Option(names = "--digest", paramLabel = "ALG", defaultValue = "SHA-256", description = "SHA-256 (default), SHA-384, SHA-512 or SHA-1.")
    String digest;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority (http or https). Default: no timestamp.")
    String tsa;

    /** Refused: a password on the command line shows in process listings and shell history. Never echoed. */
    @Option(names = {"--storepass", "--keypass", "--password"}, hidden = true, paramLabel = "REFUSED")
    String literalPassword;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to sign in place (.msi .msm .msp .mst .ps1 .psm1 .psd1).")
    List<Path> files;

    /** The environment the passwords are read from (tests replace it). */
    Function<String, String> environment = System::getenv;

    static final class Secret {
        @Option(names = "--storepass-env", paramLabel = "VAR", description = "Environment variable holding the keystore password (or PIN, or cloud credential).")
        String env;
        @Option(names = "--storepass-file", paramLabel = "FILE", description = "File whose first line is the keystore password.")
        Path file;
    }

    static final class KeySecret {
        @Option(names = "--keypass-env", paramLabel = "VAR", description = "Environment variable holding the key password, when it differs.")
        String env;
        @Option(names = "--keypass-file", paramLabel = "FILE", description = "File whose first line is the key password, when it differs.")
        Path file;
    }

    @Override
    public Integer call() throws IOException {
        if (literalPassword != null) {
            literalPassword = null;
            throw new InvalidValueException("passwords are not accepted on the command line (the value given is not shown);"
                    + " use --storepass-env VAR or --storepass-file FILE");
        }
        KeystoreConfig config = config();
        Signer signer = new Signer(config, environment);
        // failures are typed (SigningException says bad input / I/O / failed): Errors maps them, the first one ends the run
        for (Path file : files) {
            if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
            SignableFormat format = SignableFormat.of(file);
            signer.sign(file);
            spec.commandLine().getOut().println("signed " + file + " (" + format.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", " + config.digest().id + (config.timestampUrl() != null ? ", timestamped" : "") + ")");
        }
        return Sspr.OK;
    }

    KeystoreConfig config() {
        KeyStoreType type;
        try {
            type = KeyStoreType.valueOf(storetype.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("--storetype " + storetype + " is not a jsign keystore type");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.of(digest);
        if (algorithm == null) throw new InvalidValueException("--digest " + digest + " is not SHA-1, SHA-256, SHA-384 or SHA-512");
        URI url = null;
        if (tsa != null) {
            try {
                url = new URI(tsa);
            } catch (URISyntaxException e) {
                throw new InvalidValueException("--tsa is not a URL: " + e.getReason());
            }
        }
        if (keystore == null && (type == KeyStoreType.PKCS12 || type == KeyStoreType.JKS || type == KeyStoreType.JCEKS)) {
            throw new InvalidValueException("--keystore is required for --storetype " + type);
        }
        PasswordSource store = storepass.env != null ? PasswordSource.env(storepass.env) : PasswordSource.file(storepass.file);
        PasswordSource key = keypass == null ? null : keypass.env != null ? PasswordSource.env(keypass.env) : PasswordSource.file(keypass.file);
        return new KeystoreConfig(type, keystore, alias, store, key, certfile, algorithm, url);
    }
}
