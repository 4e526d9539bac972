package dev.ssprkit.wix.hostile;

import dev.ssprkit.testkit.fuzz.Findings;
import dev.ssprkit.testkit.fuzz.FuzzTries;
import dev.ssprkit.testkit.fuzz.Mutator;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the whole WiX build (preprocessor, compiler, linker, binder, writer) with byte and token mutations of a
 * product source that uses most features. For every input: no exception escapes {@link WixBuild#build} (source
 * errors are diagnostics), it ends within the time limit, a failed build leaves no file, and the content of a canary
 * file outside the roots appears neither in a message nor in a package. Failing inputs are kept ({@link Findings})
 * and fail the property after every try has run.
 *
 * <p>Tries: 300 here; {@code mvn -Pnightly} (system property {@code ssprkit.fuzz.tries}) runs 100,000.
 */
class WixFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final String SEED = """
            <?xml version="1.0" encoding="utf-8"?>
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
              <?define Maker = "ssprkit tests"?>
              <?if $(sys.BUILDARCH) = x64 ?><?define PF = "ProgramFiles64Folder"?><?else?><?define PF = "ProgramFilesFolder"?><?endif?>
              <?include inc.wxi?>
              <Product Id="*" Name="Fuzz $(var.Extra)" Language="1033" Version="1.2.3" Manufacturer="$(var.Maker)"
                       UpgradeCode="{AAAAAAAA-0000-0000-0000-0000000000DD}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"/>
                <MajorUpgrade DowngradeErrorMessage="newer installed"/>
                <Media Id="1" Cabinet="f.cab" EmbedCab="yes"/>
                <Property Id="MODE" Value="1" Secure="yes"/>
                <?if $(sys.BUILDARCH) = x64 ?><Property Id="ARCH" Value="64"/><?else?><Property Id="ARCH" Value="32"/><?endif?>
                <Condition Message="needs NT">VersionNT</Condition>
                <Binary Id="Blob" SourceFile="payload/app.txt"/>
                <CustomAction Id="SetMode" Property="MODE" Value="2"/>
                <InstallExecuteSequence><Custom Action="SetMode" After="CostFinalize">NOT MODE</Custom></InstallExecuteSequence>
                <Directory Id="TARGETDIR" Name="SourceDir">
                  <Directory Id="$(var.PF)">
                    <Directory Id="INSTALLDIR" Name="Fuzz App">
                      <Component Id="Main" Guid="*">
                        <File Id="app" Name="app.txt" Source="payload/app.txt" KeyPath="yes"/>
                        <RegistryValue Root="HKLM" Key="Software\\Fuzz" Name="Mode" Type="string" Value="[MODE]"/>
                      </Component>
                      <?foreach n in a;b?>
                      <Directory Id="Sub$(var.n)" Name="sub $(var.n)">
                        <Component Id="C$(var.n)" Guid="*"><File Id="f$(var.n)" Source="payload/$(var.n).cfg" KeyPath="yes"/></Component>
                      </Directory>
                      <?endforeach?>
                    </Directory>
                  </Directory>
                </Directory>
                <Feature Id="Complete" Title="Complete" Level="1">
                  <ComponentRef Id="Main"/><ComponentRef Id="Ca"/><ComponentRef Id="Cb"/>
                </Feature>
              </Product>
            </Wix>
            """;
    static final List<String> TOKENS = List.of("<!DOCTYPE Wix [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "<!ENTITY",
            "<?include ../outside/secret.txt?>", "<?include inc.wxi?>", "<?include /etc/passwd?>", "../outside/secret.txt",
            "/etc/passwd", "..", "..\\", "CON", "NUL.txt", "$(var.", "$(env.HOME)", "$(sys.SOURCEFILEDIR)", "$(", ")", "$$",
            "<?foreach x in 1;2;3?>", "<?endforeach?>", "<?if 1 = 1?>", "<?else?>", "<?endif?>", "<?define v = \"$(var.v)$(var.v)\"?>",
            "<![CDATA[", "]]>", "<!--", "-->", "&#0;", "&#x1F;", "&amp;", "\"", "'", "<", ">", "/>", "</Component>", "<Component Id=\"Z\">",
            "<File Source=\"", "Name=\"", "Id=\"", "Guid=\"*\"", "KeyPath=\"yes\"", "<Directory Id=\"D\" Name=\"..\">", "\u0000",
            "\uFEFF", "\uD800", "xmlns=\"http://wixtoolset.org/schemas/v4/wxs\"", "<Fragment>", "</Fragment>", "<Shortcut Id=\"s\" Name=\"a\"/>");
    private static final Mutator MUTATOR = new Mutator(TOKENS);

    private final Findings findings = new Findings("wix");
    private Path root, src, out, canary;
    private String secret;

    @BeforeProperty
    void layout() throws IOException {
        findings.clear();
        root = Files.createTempDirectory("ssprkit-wix-fuzz");
        src = Files.createDirectories(root.resolve("src"));
        Path payload = Files.createDirectories(src.resolve("payload"));
        Files.writeString(payload.resolve("app.txt"), "application\n");
        Files.writeString(payload.resolve("a.cfg"), "a=1\n");
        Files.writeString(payload.resolve("b.cfg"), "b=2\n");
        Files.writeString(src.resolve("inc.wxi"), "<Include xmlns=\"http://schemas.microsoft.com/wix/2006/wi\"><?define Extra = \"x\"?></Include>");
        secret = "CANARY-" + UUID.randomUUID();
        canary = Files.createDirectories(root.resolve("outside")).resolve("secret.txt");
        Files.writeString(canary, secret);
        out = Files.createDirectories(root.resolve("out")).resolve("fuzz.msi");
    }

    @AfterProperty
    void noFindings() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        assertEquals(List.of(), findings.all(), "inputs that broke the build other than with diagnostics");
    }

    @Property(tries = 300, seed = "20260103", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedSourcesGiveDiagnosticsNotCrashes(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 8) int count,
                                                 @ForAll boolean x64) {
        byte[] input = MUTATOR.mutate(SEED.getBytes(StandardCharsets.UTF_8), mutation, count);
        try {
            buildOnce(input, x64);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    /** The seed itself builds on both platforms, so mutations start from a source that reaches every phase. */
    @net.jqwik.api.Example
    void theSeedBuilds() throws Exception {
        for (boolean x64 : new boolean[] {false, true}) {
            Path wxs = src.resolve("product.wxs");
            Files.writeString(wxs, SEED);
            BuildResult r = WixBuild.build(new BuildRequest(List.of(wxs), out, x64 ? "x64" : "x86", Map.of(), List.of(), Map.of(),
                    Instant.parse("2026-01-01T00:00:00Z")));
            org.junit.jupiter.api.Assertions.assertTrue(r.success(), r.diagnostics().toString());
            Files.delete(out);
        }
    }

    /** One build of {@code input} as product.wxs, with every check; throws what a finding is. */
    void buildOnce(byte[] input, boolean x64) throws Exception {
        Path wxs = src.resolve("product.wxs");
        Files.write(wxs, input);
        Files.deleteIfExists(out);
        BuildResult r = assertTimeoutPreemptively(LIMIT, () -> WixBuild.build(new BuildRequest(List.of(wxs), out,
                x64 ? "x64" : "x86", Map.of(), List.of(), Map.of("HOME", root.resolve("outside").toString()), Instant.parse("2026-01-01T00:00:00Z"))));
        if (r.internalError() != null) throw new AssertionError("the build stopped with an internal error", r.internalError());
        String messages = r.diagnostics().toString();
        assertFalse(messages.contains(secret), "the canary's content is in a message");
        if (r.success()) {
            assertFalse(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1).contains(secret), "the canary was packaged");
            Files.delete(out);
        }
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "files left behind");
        }
    }

    /** Replays one corpus input (for {@link FuzzCorpusTest}). */
    static void replay(byte[] input) throws Exception {
        WixFuzzTest t = new WixFuzzTest();
        t.layout();
        try {
            t.buildOnce(input, false);
            t.buildOnce(input, true);
        } finally {
            t.noFindings();
        }
    }
}
