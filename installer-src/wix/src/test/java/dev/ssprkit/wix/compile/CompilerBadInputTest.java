package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.diag.MessageCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad source gives its expected message ID at its expected line, fails the build, and writes no file. */
class CompilerBadInputTest {
    private static final Pattern EXPECT = Pattern.compile("<!-- expect: (WIX\\d{4}) line (\\d+) -->");
    @TempDir Path tmp;

    static List<Path> bad() throws Exception {
        try (Stream<Path> s = Files.list(Scenario.root("bad"))) {
            return s.filter(p -> p.toString().endsWith(".wxs")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void reportsTheExpectedMessageAtTheExpectedLine(Path wxs) throws Exception {
        Matcher m = EXPECT.matcher(Files.readString(wxs));
        assertTrue(m.find(), "header comment <!-- expect: WIXnnnn line N --> missing in " + wxs);
        String id = m.group(1);
        int line = Integer.parseInt(m.group(2));
        Path out = tmp.resolve("out.msi");
        BuildResult r = WixBuild.build(new BuildRequest(List.of(wxs), out, "x86", Map.of(), List.of(), Map.of(), Scenario.BUILD_TIME));
        String all = String.join("\n", r.diagnostics().stream().map(Diagnostic::toString).toList());
        assertFalse(r.success(), () -> "build succeeded: " + wxs + "\n" + all);
        assertNull(r.output());
        assertFalse(Files.exists(out), "an output file was written");
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals(id) && d.line() == line),
                () -> "expected " + id + " at line " + line + "; got:\n" + all);
        for (Diagnostic d : r.diagnostics()) {
            assertNotNull(d.location(), () -> "unlocated: " + d);
            assertTrue(d.location().line() > 0, () -> "no line: " + d);
            assertTrue(MessageCatalog.standard().byId(d.id()).isPresent(), () -> "ID not in the catalog: " + d);
        }
    }

    @Test
    void aMissingPayloadFileSaysWhereItWasLookedForOnce() throws Exception {
        Path wxs = Scenario.root("bad").resolve("missing-file-source.wxs");
        BuildResult r = WixBuild.build(new BuildRequest(List.of(wxs), tmp.resolve("out.msi"), "x86", Map.of(), List.of(), Map.of(), Scenario.BUILD_TIME));
        Diagnostic d = r.errors().stream().filter(x -> x.id().equals("WIX0180")).findFirst().orElseThrow();
        assertTrue(d.toString().contains("(hint: looked for "), d.toString());
        assertFalse(d.toString().contains("looked for looked for"), d.toString());
    }

    @Test
    void allErrorsOfARunAreReportedTogether(@TempDir Path dir) throws Exception {
        Path wxs = dir.resolve("many.wxs");
        Files.writeString(wxs, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Many" Language="1033" Version="1.0" Manufacturer="m" UpgradeCode="{AAAAAAAA-0000-0000-0000-000000000009}">
                    <Package Compressed="yes" Shiny="yes"/>
                    <Gadget/>
                    <Property Id="1bad" Value="x"/>
                    <Feature Id="F" Level="lots"/>
                  </Product>
                </Wix>
                """);
        BuildResult r = WixBuild.build(new BuildRequest(List.of(wxs), dir.resolve("o.msi"), "x64", Map.of(), List.of(), Map.of(), null));
        List<String> ids = r.errors().stream().map(d -> d.id() + "@" + d.line()).toList();
        assertEquals(List.of("WIX0101@3", "WIX0100@4", "WIX0104@5", "WIX0107@6"), ids, r.diagnostics().toString());
        Diagnostic unknown = r.errors().get(0);
        assertTrue(unknown.hint().contains("InstallerVersion"), "the hint lists the allowed attributes: " + unknown.hint());
        assertTrue(unknown.toString().startsWith(wxs + ":3:"), unknown.toString());
    }
}
