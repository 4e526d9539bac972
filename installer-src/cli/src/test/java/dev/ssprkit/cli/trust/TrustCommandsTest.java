package dev.ssprkit.cli.trust;

import dev.ssprkit.sign.TestPki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sign, verify and validate driven in-process, as {@code new CommandLine(new SignCommand())} with sspr's failure mapping. */
class TrustCommandsTest {
    @TempDir static Path shared;
    static TestPki keys;
    @TempDir Path dir;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        keys = TestPki.create(shared.resolve("keys"));
    }

    /** The command alone, with the failure mapping {@code sspr} gives it. */
    static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        dev.ssprkit.cli.Errors.install(cl, Map.of());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path msi(String name) throws Exception {
        Path payload = dir.resolve(name + ".txt");
        Files.writeString(payload, "payload of " + name + "\n".repeat(100));
        PackageBuilder pkg = PackageBuilder.product("Trust " + name, "ssprkit tests", "1.0.0", "{33333333-4444-5555-6666-777777777777}");
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "Trust " + name);
        ComponentSpec c = pkg.component("Main", app);
        c.file(payload);
        c.registry(RegistryRoot.HKLM, "Software\\Trust", "Version", RegistryData.string("1.0.0"));
        pkg.feature("Complete", "Complete").add(c);
        Path msi = dir.resolve(name + ".msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    String[] signArgs(Path... files) {
        List<String> a = new ArrayList<>(List.of("--keystore", keys.p12.toString(), "--alias", TestPki.ALIAS,
                "--storepass-file", keys.passwordFile.toString()));
        for (Path f : files) a.add(f.toString());
        return a.toArray(String[]::new);
    }

    @Test
    void signThenVerify() throws Exception {
        Path msi = msi("signed");
        Path ps1 = dir.resolve("setup.ps1");
        Files.writeString(ps1, "Write-Output 'hello'\r\n");
        Run sign = run(new SignCommand(), signArgs(msi, ps1));
        assertEquals(0, sign.code(), sign.all());
        assertTrue(sign.out().contains("signed " + msi), sign.out());

        Run verify = run(new VerifyCommand(), msi.toString());
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().contains("signature valid"), verify.out());
        assertTrue(verify.out().contains("CN=ssprkit Test Code Signing"), verify.out());
        assertTrue(verify.out().contains("content matches: yes"), verify.out());
        assertTrue(verify.out().contains("SHA256"), verify.out());
        assertTrue(verify.out().contains("timestamp:       none"), verify.out());

        JsonNode json = new ObjectMapper().readTree(run(new VerifyCommand(), ps1.toString(), "--json").out());
        assertTrue(json.get("valid").asBoolean(), json.toString());
        assertEquals("POWERSHELL", json.get("format").asText());
        assertTrue(json.get("signatures").get(0).get("signer").asText().contains("ssprkit Test Code Signing"));

        Run trusted = run(new VerifyCommand(), msi.toString(), "--ca", keys.caPem.toString());
        assertEquals(0, trusted.code(), trusted.all());
        assertTrue(trusted.out().contains("trusted:         yes"), trusted.out());
    }

    @Test
    void signWithThePasswordInAnEnvironmentVariable() throws Exception {
        Path msi = msi("env");
        SignCommand cmd = new SignCommand();
        cmd.environment = Map.of("CLI_SIGN_PASS", keys.password)::get;
        Run sign = run(cmd, "--keystore", keys.p12.toString(), "--storepass-env", "CLI_SIGN_PASS", "--digest", "SHA-384", msi.toString());
        assertEquals(0, sign.code(), sign.all());
        assertTrue(run(new VerifyCommand(), msi.toString()).out().contains("SHA384"));
        Run unset = run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-env", "SSPRKIT_SURELY_UNSET_VAR", msi.toString());
        assertEquals(1, unset.code(), unset.all());
        assertTrue(unset.err().contains("SSPRKIT_SURELY_UNSET_VAR is not set"), unset.err());
    }

    @Test
    void unsignedAndTamperedFilesFailVerification() throws Exception {
        Path plain = msi("plain");
        Run unsigned = run(new VerifyCommand(), plain.toString());
        assertEquals(1, unsigned.code(), unsigned.all());
        assertTrue(unsigned.out().contains("not signed"), unsigned.out());

        Path msi = msi("tampered");
        assertEquals(0, run(new SignCommand(), signArgs(msi)).code());
        tamperLargestStream(msi);
        Run changed = run(new VerifyCommand(), msi.toString());
        assertEquals(1, changed.code(), changed.all());
        assertTrue(changed.out().contains("content matches: NO"), changed.out());
        JsonNode json = new ObjectMapper().readTree(run(new VerifyCommand(), "--json", msi.toString()).out());
        assertFalse(json.get("valid").asBoolean());
        assertFalse(json.get("signatures").get(0).get("contentMatches").asBoolean());
    }

    @Test
    void rewritingASignedPackageDropsTheSignatureAndSaysSo() throws Exception {
        Path msi = msi("rewritten");
        assertEquals(0, run(new SignCommand(), signArgs(msi)).code());
        List<String> warnings = new ArrayList<>();
        try (Database db = dev.ssprkit.msi.MsiReader.read(msi)) {
            new MsiWriter(WriteOptions.defaults()).withWarnings(warnings::add).writeTo(db, dir.resolve("copy.msi"));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        Run v = run(new VerifyCommand(), dir.resolve("copy.msi").toString());
        assertEquals(1, v.code());
        assertTrue(v.out().contains("not signed"), v.out());
    }

    @Test
    void aPasswordIsNeverAcceptedOnTheCommandLineNorEchoed() throws Exception {
        Path msi = msi("argv");
        for (String opt : List.of("--storepass", "--keypass", "--password")) {
            Run r = run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-env", "X", opt, keys.password, msi.toString());
            assertEquals(2, r.code(), r.all());
            assertFalse(r.all().contains(keys.password), r.all());
            assertTrue(r.err().contains("not accepted on the command line"), r.err());
        }
        Run none = run(new SignCommand(), "--keystore", keys.p12.toString(), msi.toString());
        assertEquals(2, none.code(), none.all());
        Run both = run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-env", "A", "--storepass-file", "b", msi.toString());
        assertEquals(2, both.code(), both.all());
    }

    @Test
    void failedSigningsNameNoSecretInOutputOrLogs() throws Exception {
        Path msi = msi("leak");
        List<String> logged = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + (r.getParameters() == null ? "" : List.of(r.getParameters())) + " " + r.getThrown());
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(h);
        try {
            Path wrong = dir.resolve("wrong.pass");
            String wrongSecret = "wrong-" + System.nanoTime();
            Files.writeString(wrong, wrongSecret);
            List<Run> runs = List.of(
                    run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-file", wrong.toString(), msi.toString()),
                    run(new SignCommand(), "--keystore", keys.p12.toString(), "--alias", "nobody", "--storepass-file", keys.passwordFile.toString(), msi.toString()),
                    run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-file", keys.passwordFile.toString(), "--tsa", "http://127.0.0.1:1/tsa", msi.toString()),
                    run(new SignCommand(), "--keystore", keys.p12.toString(), "--storepass-file", keys.passwordFile.toString(), "--keypass-file", wrong.toString(), msi.toString()));
            for (Run r : runs) {
                assertEquals(1, r.code(), r.all());
                assertFalse(r.all().contains(keys.password), r.all());
                assertFalse(r.all().contains(wrongSecret), r.all());
            }
            for (String line : logged) {
                assertFalse(line.contains(keys.password), line);
                assertFalse(line.contains(wrongSecret), line);
            }
        } finally {
            root.removeHandler(h);
            root.setLevel(level);
        }
    }

    @Test
    void badFilesAndOptions() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "not signable");
        Run sign = run(new SignCommand(), signArgs(txt));
        assertEquals(3, sign.code(), sign.all());
        Run missing = run(new SignCommand(), signArgs(dir.resolve("absent.msi")));
        assertEquals(4, missing.code(), missing.all());
        Run badType = run(new SignCommand(), "--keystore", "k", "--storetype", "NOPE", "--storepass-env", "X", txt.toString());
        assertEquals(2, badType.code(), badType.all());
        Run badTsa = run(new SignCommand(), "--keystore", "k", "--tsa", "ftp://x", "--storepass-env", "X", txt.toString());
        assertEquals(2, badTsa.code(), badTsa.all());
        Run verifyText = run(new VerifyCommand(), txt.toString());
        assertEquals(3, verifyText.code(), verifyText.all());
        Run verifyMissing = run(new VerifyCommand(), dir.resolve("absent.msi").toString());
        assertEquals(4, verifyMissing.code(), verifyMissing.all());
    }

    @Test
    void validateReportsFindingsAndFailsOnErrors() throws Exception {
        Path good = msi("valid");
        Run ok = run(new ValidateCommand(), good.toString());
        assertEquals(0, ok.code(), ok.all());
        assertTrue(ok.out().contains("0 error(s)"), ok.out());

        Database broken = new Database();
        broken.table("Property").add("ProductName", "Broken");
        Path bad = dir.resolve("broken.msi");
        MsiWriter.write(broken, bad);
        Run errors = run(new ValidateCommand(), bad.toString());
        assertEquals(1, errors.code(), errors.all());
        assertTrue(errors.out().contains("ERROR ICE"), errors.out());
        JsonNode json = new ObjectMapper().readTree(run(new ValidateCommand(), "--json", bad.toString()).out());
        assertTrue(json.isArray() && json.size() > 0, json.toString());
        assertTrue(json.get(0).has("iceId"), json.toString());

        Path garbage = dir.resolve("garbage.msi");
        Files.write(garbage, new byte[] {1, 2, 3, 4});
        Run unreadable = run(new ValidateCommand(), garbage.toString());
        assertEquals(1, unreadable.code(), unreadable.all());
        assertEquals(4, run(new ValidateCommand(), dir.resolve("absent.msi").toString()).code());
    }

    /** Flips one byte in the largest non-signature stream, through POI. */
    static void tamperLargestStream(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), false)) {
            DirectoryNode root = fs.getRoot();
            DocumentEntry largest = null;
            for (Entry e : root) {
                if (e instanceof DocumentEntry d && !d.getName().startsWith("\u0005") && (largest == null || d.getSize() > largest.getSize())) largest = d;
            }
            byte[] bytes;
            try (DocumentInputStream in = new DocumentInputStream(largest)) {
                bytes = in.readAllBytes();
            }
            bytes[bytes.length / 2] ^= 0x5A;
            root.createOrUpdateDocument(largest.getName(), new ByteArrayInputStream(bytes));
            fs.writeFilesystem();
        }
    }
}
