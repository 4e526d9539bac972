package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.WixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, hostile and unbalanced sources: each fails with a located message, none throws. */
class BadInputTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(dir);
    }

    @Test
    void malformedXmlIsReportedAtItsLineAndColumn() {
        SourceDocument doc = fx.process(fx.write("main.wxs", Fixture.wix("<A>\n  <B></A>")));
        fx.assertReported("WIX0004@3");
        Diagnostic d = fx.diagnostics.all().get(0);
        assertTrue(d.location().column() > 0, d::toString);
        assertTrue(d.text().contains("\"B\""), d::toString);
        assertFalse(doc.hasRoot());
        assertThrows(IllegalStateException.class, doc::root);
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead() throws IOException {
        Path secret = fx.write("secret.txt", "TOP-SECRET");
        fx.process(fx.write("main.wxs", "<?xml version=\"1.0\"?>\n<!DOCTYPE Wix [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<Wix xmlns=\"" + Fixture.V4 + "\"><P V=\"&xxe;\"/></Wix>"));
        fx.assertReported("WIX0005@2");
        assertFalse(fx.diagnostics.toString().contains("TOP-SECRET"));
        assertEquals(1, fx.diagnostics.all().get(0).location().column());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        fx.process(fx.write("main.wxs", "<?xml version=\"1.0\"?>\n" + dtd + "<Wix xmlns=\"" + Fixture.V4
                + "\">&lol9;</Wix>"));
        fx.assertReported("WIX0005@2");
    }

    @Test
    void undeclaredEntityIsMalformed() {
        fx.processBody("<P V=\"&xxe;\"/>");
        fx.assertReported("WIX0004@2");
    }

    @Test
    void nestingDepthIsBounded() {
        fx.options.limits(new ParseLimits(1 << 20, 4, 1 << 20, 8, 1000));
        fx.processBody("<A><B><C><D/></C></B></A>");
        fx.assertReported("WIX0006@2");
    }

    @Test
    void nestingAcrossIncludesIsBounded() {
        fx.options.limits(new ParseLimits(1 << 20, 4, 1 << 20, 8, 1000));
        fx.write("deep.wxi", Fixture.include("<C><D/></C>"));
        fx.processBody("<A><B><?include deep.wxi?></B></A>");
        fx.assertReported("WIX0006@2");
        assertEquals(dir.resolve("deep.wxi"), fx.diagnostics.all().get(0).location().file());
    }

    @Test
    void attributeLengthIsBounded() {
        fx.options.limits(new ParseLimits(1 << 20, 16, 100, 8, 1000)).define("Big", "x".repeat(60));
        fx.processBody("<P\n V=\"" + "y".repeat(101) + "\"/>\n<Q V=\"$(var.Big)$(var.Big)\"/>");
        fx.assertReported("WIX0007@3", "WIX0007@4");
    }

    @Test
    void foreachExpansionIsBounded() {
        fx.options.limits(new ParseLimits(1 << 20, 16, 1 << 20, 8, 500));
        String ten = "0;1;2;3;4;5;6;7;8;9";
        fx.processBody("<?foreach A in " + ten + "?><?foreach B in " + ten + "?><?foreach C in " + ten + "?>"
                + "<P/><?endforeach?><?endforeach?><?endforeach?>");
        fx.assertReported("WIX0008@2");
    }

    @Test
    void textOnlyExpansionIsBoundedToo() {
        fx.options.limits(new ParseLimits(1 << 20, 16, 1 << 20, 8, 10_000));
        String ten = "0;1;2;3;4;5;6;7;8;9";
        StringBuilder body = new StringBuilder("<P>\n");
        for (int i = 0; i < 9; i++) {
            body.append("<?foreach V").append(i).append(" in ").append(ten).append("?>");
        }
        body.append("x").append("<?endforeach?>".repeat(9)).append("</P>");
        fx.processBody(body.toString());
        fx.assertReported("WIX0008@3");
    }

    @Test
    void anIncludeRepeatedInALoopIsReadAndReportedOnce() {
        fx.write("broken.wxi", "<Include xmlns=\"" + Fixture.V4 + "\"><F></Include>");
        fx.processBody("<?foreach N in 1;2;3?><?include broken.wxi?><?endforeach?>");
        fx.assertReported("WIX0004@1");
    }

    @Test
    void unbalancedConditionals() {
        fx.processBody("<?endif?>\n<?else?>\n<?if 1 = 1?><?else?><?else?><?endif?>\n<?ifdef X?>\n<P/>");
        fx.assertReported("WIX0040@2", "WIX0040@3", "WIX0050@4", "WIX0041@5");
    }

    @Test
    void conditionalsMustCloseWithinTheSameElement() {
        fx.processBody("<A>\n<?if 1 = 1?>\n</A>\n<?endif?>");
        fx.assertReported("WIX0041@3", "WIX0040@5");
    }

    @Test
    void unbalancedForeach() {
        fx.processBody("<?endforeach?>\n<?foreach X in a;b?>\n<P/>");
        fx.assertReported("WIX0040@2", "WIX0041@3");
    }

    @Test
    void unknownRootNamespaceListsTheAllowedOnes() {
        fx.process(fx.write("main.wxs", "\n<Wix xmlns=\"urn:other\"/>"));
        fx.assertReported("WIX0020@2");
        String hint = fx.only(PreprocessorMessage.UNKNOWN_ROOT_NAMESPACE).hint();
        assertTrue(hint.contains(Fixture.V3) && hint.contains(Fixture.V4), hint);
    }

    @Test
    void rootMustBeWix() {
        fx.process(fx.write("main.wxs", "<Product xmlns=\"" + Fixture.V3 + "\"/>"));
        fx.assertReported("WIX0021@1");
    }

    @Test
    void aFalseConditionAroundTheRootLeavesNoRoot() {
        fx.process(fx.write("main.wxs", "<?if 1 = 2?>\n<Wix xmlns=\"" + Fixture.V4 + "\"/>\n<?endif?>"));
        fx.assertReported("WIX0022@0");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path main = dir.resolve("main.wxs");
        byte[] head = ("<Wix xmlns=\"" + Fixture.V4 + "\">\n<P V=\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "\"/></Wix>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        Files.write(main, all);
        fx.process(main);
        fx.assertReported("WIX0003@2");
    }

    @Test
    void declaredEncodingIsHonoured() throws IOException {
        Path main = dir.resolve("main.wxs");
        Files.write(main, ("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<Wix xmlns=\"" + Fixture.V4
                + "\"><P V=\"caf\u00e9\"/></Wix>").getBytes("windows-1252"));
        assertEquals("caf\u00e9", fx.process(main).root().children().get(0).attr("V"));
        assertEquals(List.of(), fx.diagnostics.all());
    }

    @Test
    void missingSourceFile() {
        SourceDocument doc = fx.process(dir.resolve("absent.wxs"));
        fx.assertReported("WIX0001@0");
        assertFalse(doc.hasRoot());
    }

    @Test
    void severalErrorsInOneFileAreAllReportedTogether() {
        SourceDocument doc = fx.processBody("<P V=\"$(var.One)\"/>\n"
                + "<?if $(var.Two) = 2?><?endif?>\n"
                + "<?include missing.wxi?>\n"
                + "<?error stop here?>\n"
                + "<?bogus?>\n"
                + "<Q V=\"$(env.Three)\">$(var.Four)</Q>\n"
                + "<?endif?>");
        fx.assertReported("WIX0030@2", "WIX0030@3", "WIX0060@4", "WIX0047@5", "WIX0046@6", "WIX0030@7",
                "WIX0030@7", "WIX0040@8");
        assertEquals(8, fx.diagnostics.errorCount());
        assertTrue(doc.hasRoot(), "the tree is still built");
        WixException e = assertThrows(WixException.class, fx.diagnostics::throwIfErrors);
        assertEquals(8, e.errors().size());
        assertTrue(e.getMessage().startsWith("8 errors:"), e.getMessage());
    }
}
