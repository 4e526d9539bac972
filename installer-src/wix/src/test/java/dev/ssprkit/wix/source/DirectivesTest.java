package dev.ssprkit.wix.source;

import static dev.ssprkit.wix.source.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** define, undef, ifdef/ifndef, if/elseif/else, foreach, error, warning, pragma, unknown instructions. */
class DirectivesTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(dir);
    }

    @Test
    void defineAcceptsQuotedUnquotedAndSpacedForms() {
        SourceElement root = fx.root("<?define A = \"x y\"?>\n<?define B=z?>\n<?define var.C = 'q'?>\n<?define D?>\n"
                + "<P Id=\"$(var.A)|$(var.B)|$(C)|$(var.D)|\"/>");
        assertEquals("x y|z|q||", root.children().get(0).attr("Id"));
    }

    @Test
    void defineValueIsSubstitutedWhenDefined() {
        SourceElement root = fx.root("<?define A = 1?>\n<?define B = \"$(var.A)2\"?>\n<?define A = 9?>\n"
                + "<P Id=\"$(var.B)\"/>");
        assertEquals("12", root.children().get(0).attr("Id"));
    }

    @Test
    void redefiningWithAnotherValueWarnsAndTakesTheNewValue() {
        SourceDocument doc = fx.processBody("<?define A = 1?>\n<?define A = 2?>\n<?define A = 2?>\n<P Id=\"$(var.A)\"/>");
        fx.assertReported("WIX0034@3");
        assertEquals(Severity.WARNING, fx.only(PreprocessorMessage.VARIABLE_REDEFINED).severity());
        assertEquals("2", doc.root().children().get(0).attr("Id"));
    }

    @Test
    void undefRemovesAVariable() {
        fx.processBody("<?define A = 1?>\n<?undef A?>\n<P Id=\"$(var.A)\"/>");
        fx.assertReported("WIX0030@4");
    }

    @Test
    void undefOfAnUndefinedVariableIsAnError() {
        fx.processBody("<?undef Nope?>");
        fx.assertReported("WIX0035@2");
    }

    @Test
    void ifdefAndIfndef() {
        fx.options.define("D", "");
        SourceElement root = fx.root("<?ifdef D?><P Id=\"a\"/><?endif?>\n<?ifdef var.U?><P Id=\"b\"/><?endif?>\n"
                + "<?ifndef U?><P Id=\"c\"/><?endif?>\n<?ifndef D?><P Id=\"d\"/><?else?><P Id=\"e\"/><?endif?>");
        assertEquals("a,c,e", ids(root));
    }

    @ParameterizedTest
    @CsvSource({"1,one", "2,two", "3,three", "4,other"})
    void ifElseifElseTakesExactlyOneBranch(String n, String expected) {
        fx.options.define("N", n);
        SourceElement root = fx.root("<?if $(var.N) = 1?><P Id=\"one\"/>\n<?elseif $(var.N) = 2?><P Id=\"two\"/>\n"
                + "<?elseif $(var.N) < 4?><P Id=\"three\"/>\n<?else?><P Id=\"other\"/><?endif?>");
        assertEquals(expected, ids(root));
    }

    @Test
    void elseifAfterATakenBranchIsNotEvaluated() {
        // $(var.Undefined) would be an error if the second test ran.
        SourceElement root = fx.root("<?if 1 = 1?><P Id=\"a\"/><?elseif $(var.Undefined) = 1?><P Id=\"b\"/><?endif?>");
        assertEquals("a", ids(root));
    }

    @Test
    void nestedIfsInsideAFalseBranchAreSkippedWithoutEvaluation() {
        fx.options.define("Outer", "yes").define("Inner", "no");
        SourceElement root = fx.root("<?if $(var.Outer) = yes?>\n"
                + "  <?if $(var.Inner) = yes?><P Id=\"a\"/><?else?><P Id=\"b\"/><?endif?>\n"
                + "<?else?>\n"
                + "  <?if $(var.NeverDefined) = 1?><P Id=\"c\"/><?elseif $(var.AlsoNot)?><P Id=\"d\"/><?endif?>\n"
                + "<?endif?>\n"
                + "<?if 1 = 1?><G Id=\"g\"><?ifdef Inner?><P Id=\"deep\"/><?endif?></G><?endif?>");
        assertEquals("b,g", ids(root));
        assertEquals("deep", ids(root.children().get(1)));
    }

    @Test
    void foreachRepeatsItsBodyWithTheLoopVariable() {
        SourceElement root = fx.root("<?foreach L in en;de;fr?>\n  <P Id=\"p_$(var.L)\"/>\n<?endforeach?>");
        assertEquals("p_en,p_de,p_fr", ids(root));
        // Every copy keeps the location of the body it came from.
        root.children().forEach(p -> assertEquals(3, p.location().line()));
    }

    @Test
    void nestedForeachAndAListFromAVariable() {
        fx.options.define("Archs", "x86;x64");
        SourceElement root = fx.root("<?foreach A in $(var.Archs)?><?foreach C in \"r;d\"?>"
                + "<P Id=\"$(var.A)_$(var.C)\"/><?endforeach?><?endforeach?>");
        assertEquals("x86_r,x86_d,x64_r,x64_d", ids(root));
    }

    @Test
    void foreachCanHoldConditionals() {
        SourceElement root = fx.root("<?foreach N in 1;2;3?><?if $(var.N) != 2?><P Id=\"$(var.N)\"/><?endif?>"
                + "<?endforeach?>");
        assertEquals("1,3", ids(root));
    }

    @Test
    void illFormedForeach() {
        fx.processBody("<?foreach L en;de?><P/><?endforeach?>");
        fx.assertReported("WIX0045@2");
    }

    @Test
    void warningIsReportedWithItsLineAndIsNotAnError() {
        fx.options.define("V", "7");
        fx.processBody("<P/>\n<?warning version $(var.V) is old?>");
        fx.assertReported("WIX0048@3");
        assertEquals("version 7 is old", fx.only(PreprocessorMessage.USER_WARNING).text());
        assertFalse(fx.diagnostics.hasErrors());
    }

    @Test
    void errorInstructionIsALocatedError() {
        fx.processBody("<?ifndef Product?>\n  <?error Product must be defined?>\n<?endif?>");
        fx.assertReported("WIX0047@3");
        assertEquals(dir.resolve("main.wxs") + ":3:3: error WIX0047: Product must be defined",
                fx.only(PreprocessorMessage.USER_ERROR).toString());
    }

    @Test
    void unknownInstructionIsAnErrorAndPragmaIsIgnoredWithAWarning() {
        fx.processBody("<?frobnicate now?>\n<?pragma wix.something?>");
        fx.assertReported("WIX0046@2", "WIX0049@3");
    }

    @Test
    void illegalDefine() {
        fx.processBody("<?define = 3?>");
        fx.assertReported("WIX0033@2");
    }
}
