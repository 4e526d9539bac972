package dev.ssprkit.maven;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.sign.KeystoreConfig;
import dev.ssprkit.sign.PasswordSource;
import dev.ssprkit.sign.Signer;
import net.jsign.DigestAlgorithm;
import net.jsign.KeyStoreType;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Adapts a {@link SignConfig} to {@link Signer}: the configuration checks, then the signing of each file in turn. */
final class Signing {
    private Signing() {}

    static KeystoreConfig keystore(SignConfig c) {
        KeyStoreType type;
        try {
            type = KeyStoreType.valueOf((c.storetype == null ? "PKCS12" : c.storetype).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("<sign><storetype>" + c.storetype + "</storetype> is not a jsign keystore type");
        }
        DigestAlgorithm digest = DigestAlgorithm.of(c.digest == null ? "SHA-256" : c.digest);
        if (digest == null) throw new InvalidValueException("<sign><digest>" + c.digest + "</digest> is not SHA-1, SHA-256, SHA-384 or SHA-512");
        PasswordSource store = source(c.storepassEnv, c.storepassFile, "storepass");
        if (store == null) throw new InvalidValueException("<sign> needs <storepassEnv> or <storepassFile> (passwords are never written in the POM)");
        PasswordSource key = source(c.keypassEnv, c.keypassFile, "keypass");
        URI tsa = null;
        if (c.tsa != null && !c.tsa.isBlank()) {
            try {
                tsa = new URI(c.tsa.strip());
            } catch (URISyntaxException e) {
                throw new InvalidValueException("<sign><tsa> is not a URL: " + e.getReason());
            }
        }
        return new KeystoreConfig(type, c.keystore, c.alias, store, key, c.certfile == null ? null : c.certfile.toPath(), digest, tsa);
    }

    private static PasswordSource source(String env, File file, String what) {
        boolean hasEnv = env != null && !env.isBlank();
        if (hasEnv && file != null) throw new InvalidValueException("<sign> has both <" + what + "Env> and <" + what + "File>; give one");
        if (hasEnv) return PasswordSource.env(env.strip());
        return file == null ? null : PasswordSource.file(file.toPath());
    }

    /** Signs the package, then the other files; returns what was signed. */
    static List<Path> sign(SignConfig c, Path msi, Function<String, String> environment) throws IOException {
        Signer signer = new Signer(keystore(c), environment);
        List<Path> done = new ArrayList<>();
        signer.signMsi(msi);
        done.add(msi);
        for (File f : c.files) {
            signer.sign(f.toPath());
            done.add(f.toPath());
        }
        return done;
    }
}
