package dev.ssprkit.wix;

import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -ext} with a name no built-in extension answers to (jenkins' WixCommonUIExtension, a project's own): error
 * WIX0135, no output, and a hint that lists the built-in extensions by the names WiX v3's candle takes after
 * {@code -ext} (WiX v3's documentation: WixUtilExtension, WixUIExtension, WixFirewallExtension...), always in the same
 * order. It named each by an arbitrary one of its names before, different from one run to the next.
 */
class UnknownExtensionTest {
    @TempDir Path dir;

    @Test
    void anUnknownExtensionNameIsAnErrorThatListsTheBuiltInOnesByTheirWixV3Names() throws Exception {
        Path msi = dir.resolve("out.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi"><Fragment/></Wix>
                """, msi, b -> b.extensions(List.of("WixCommonUIExtension")));
        assertFalse(r.success());
        assertFalse(Files.exists(msi), "no output");
        Diagnostic d = r.diagnostics().stream().filter(x -> x.toString().contains("WIX0135")).findFirst().orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
        assertTrue(d.text().contains("'WixCommonUIExtension'"), d.text());
        List<String> listed = List.of(d.hint().replaceFirst("^built-in extensions: ", "").split(", "));
        assertEquals(List.of("WixUtilExtension", "WixFirewallExtension", "WixUIExtension", "WixNetFxExtension", "WixDependencyExtension"),
                listed.subList(0, 5), d.hint());
        assertTrue(listed.stream().allMatch(n -> n.matches("Wix[A-Za-z]+Extension")), d.hint());
    }
}
