package dev.ssprkit.sign;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keystore password (a unique random string) must appear in no log record (java.util.logging at ALL, the level
 * jsign and our Signer log at), nothing printed to System.out/err, no exception message or stack trace of a failed
 * signing, and no command line of any process running while we sign.
 */
class SecretLeakTest {
    @TempDir static Path shared;
    static TestPki pki;
    @TempDir Path dir;

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Handler handler;
    private Level rootLevel;
    private PrintStream err;
    private PrintStream out;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(shared.resolve("pki"));
    }

    @BeforeEach
    void capture() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        for (String name : List.of("net.jsign", "dev.ssprkit.sign")) Logger.getLogger(name).setLevel(Level.ALL);
        handler = new Handler() {
            @Override public void publish(LogRecord r) {
                StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
                if (r.getParameters() != null) for (Object p : r.getParameters()) sb.append(' ').append(p);
                if (r.getThrown() != null) sb.append(' ').append(trace(r.getThrown()));
                logged.add(sb.toString());
            }
            @Override public void flush() {}
            @Override public void close() {}
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        err = System.err;
        out = System.out;
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(both);
    }

    @AfterEach
    void release() {
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(rootLevel);
        System.setErr(err);
        System.setOut(out);
    }

    static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private void assertNoLeak(String what, String text) {
        assertFalse(text.contains(pki.password), what + " contains the password");
    }

    private void assertNothingLeaked() {
        for (String line : logged) assertNoLeak("a log record", line);
        assertNoLeak("console output", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void successfulSigningLogsNoSecretAndStartsNoProcessWithIt() throws Exception {
        Path msi = TestFiles.msi(dir, "leak");
        AtomicBoolean done = new AtomicBoolean();
        List<String> seenCommandLines = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                ProcessHandle.allProcesses().forEach(p -> p.info().commandLine().ifPresent(seenCommandLines::add));
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try {
            for (int i = 0; i < 3; i++) new Signer(pki.config()).sign(msi);
            new Signer(pki.config()).sign(TestFiles.script(dir));
        } finally {
            done.set(true);
            watcher.join();
        }
        assertTrue(Verifier.verify(msi).isValid());
        assertFalse(seenCommandLines.isEmpty());
        for (String cmd : seenCommandLines) assertNoLeak("the command line " + cmd, cmd);
        assertTrue(logged.stream().anyMatch(l -> l.contains("signed leak.msi")), "the Signer logs at FINE: " + logged);
        assertNothingLeaked();
    }

    @Test
    void wrongAliasFailsWithoutTheSecret() throws Exception {
        Path msi = TestFiles.msi(dir, "alias");
        SigningException e = assertThrows(SigningException.class, () -> new Signer(pki.config().withAlias("nobody")).sign(msi));
        assertTrue(e.getMessage().contains("nobody"), e.getMessage());
        assertNoLeak("the exception", trace(e));
        assertNothingLeaked();
    }

    @Test
    void wrongPasswordFailsWithoutEitherPassword() throws Exception {
        Path msi = TestFiles.msi(dir, "wrongpw");
        String wrong = pki.password + "-but-wrong";
        Path wrongFile = dir.resolve("wrong.pass");
        Files.writeString(wrongFile, wrong);
        SigningException e = assertThrows(SigningException.class,
                () -> new Signer(pki.config().withPassword(PasswordSource.file(wrongFile))).sign(msi));
        String all = trace(e);
        assertNoLeak("the exception", all);
        assertFalse(all.contains(wrong), "the exception contains the wrong password:\n" + all);
        assertNothingLeaked();
        assertFalse(Signatures.isSigned(msi));
    }

    @Test
    void secretsAreScrubbedFromThirdPartyMessagesAndCauses() {
        Exception inner = new IllegalStateException("token " + pki.password + " refused");
        Exception outer = new RuntimeException("login failed for " + pki.password, inner);
        SigningException e = Scrubbed.wrap("cannot sign x.msi", outer, List.of(pki.password));
        String all = trace(e);
        assertNoLeak("the scrubbed exception", all);
        assertTrue(all.contains("IllegalStateException: token **** refused"), all);
    }

    @Test
    void passwordSourceSpecsNeverEchoTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordSource.parse(pki.password));
        assertNoLeak("the message", e.getMessage());
    }

    /** The osslsigncode command lines the interop tests run carry no password (they use the CA file only). */
    @org.junit.jupiter.api.Tag("interop")
    @Test
    void verificationNeedsNoSecret() throws Exception {
        Tool.require("osslsigncode");
        Path msi = TestFiles.msi(dir, "ossl-args");
        new Signer(pki.config()).sign(msi);
        Tool.Result r = OsslsigncodeInteropTest.verify(pki, msi);
        assertTrue(r.exitCode() == 0, r.stdout());
        for (String arg : r.command()) assertNoLeak("osslsigncode argument", arg);
        assertNoLeak("osslsigncode output", r.stdout() + r.stderr());
    }
}
