package dev.ssprkit.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <sign>} block of {@link WixBuildMojo}: which key signs the built package. Signing is skipped unless
 * {@code keystore} is set. Passwords are named, never given: {@code storepassEnv} (an environment variable) or
 * {@code storepassFile} (a file whose first line is the password), likewise for the key password.
 *
 * <pre>{@code
 * <sign>
 *   <keystore>${env.HOME}/codesign.p12</keystore>
 *   <storetype>PKCS12</storetype>
 *   <alias>release</alias>
 *   <storepassEnv>SIGN_PASS</storepassEnv>
 *   <tsa>http://timestamp.example.com</tsa>
 *   <files><file>${project.basedir}/scripts/Install.ps1</file></files>
 * </sign>
 * }</pre>
 */
public class SignConfig {
    /** PKCS#12/JKS file, SunPKCS11 configuration, or the cloud service's vault/URL (jsign's keystore). */
    String keystore;
    /** jsign keystore type (PKCS12, JKS, PKCS11, AWS, AZUREKEYVAULT, ...); default PKCS12. */
    String storetype = "PKCS12";
    /** The key's alias; optional when the store holds one key. */
    String alias;
    /** Environment variable holding the store password. */
    String storepassEnv;
    /** File whose first line is the store password. */
    File storepassFile;
    /** Environment variable holding the key password, when it differs. */
    String keypassEnv;
    /** File whose first line is the key password, when it differs. */
    File keypassFile;
    /** Certificate chain (PEM/PKCS#7) for stores that hold none. */
    File certfile;
    /** SHA-256 (default), SHA-384, SHA-512, SHA-1. */
    String digest = "SHA-256";
    /** RFC 3161 time-stamping authority; none when unset. */
    String tsa;
    /** Other files to sign after the package: transforms (.mst), PowerShell scripts (.ps1/.psm1/.psd1). */
    List<File> files = new ArrayList<>();

    boolean enabled() {
        return keystore != null && !keystore.isBlank();
    }
}
