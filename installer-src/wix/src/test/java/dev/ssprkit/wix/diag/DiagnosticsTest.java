package dev.ssprkit.wix.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    private static final Path MAIN = Path.of("src", "main.wxs");

    @Test
    void formatsAsFileLineColumnSeverityIdTextHint() {
        Diagnostics diagnostics = new Diagnostics();
        Diagnostic d = diagnostics.report(PreprocessorMessage.UNDEFINED_VARIABLE, SourceLocation.of(MAIN, 12, 7),
                "var.Version");
        assertEquals(MAIN + ":12:7: error WIX0030: undefined preprocessor variable $(var.Version) (hint: define it "
                + "with <?define?> or -d NAME=VALUE, or test it first with <?ifdef?>)", d.toString());
        Diagnostic w = diagnostics.report(PreprocessorMessage.USER_WARNING, SourceLocation.of(MAIN, 3, 1), "careful");
        assertEquals(MAIN + ":3:1: warning WIX0048: careful", w.toString());
        Diagnostic whole = diagnostics.report(PreprocessorMessage.CANNOT_READ_FILE, SourceLocation.ofFile(MAIN), "x");
        assertEquals(MAIN + ": error WIX0001: cannot read the source file: x", whole.toString());
    }

    /** WiX's -sw / -swN / -wx / -wxN: suppression wins over raising; errors are never touched; IDs as 48 or WIX0048. */
    @Test
    void theWarningPolicySuppressesOrRaisesWarningsOnly() {
        Diagnostics raised = new Diagnostics(new WarningPolicy(false, java.util.Set.of(), false, java.util.Set.of("48")));
        raised.report(PreprocessorMessage.USER_WARNING, SourceLocation.of(MAIN, 3, 1), "careful");
        assertTrue(raised.hasErrors());
        assertEquals(MAIN + ":3:1: error WIX0048: careful", raised.all().get(0).toString());

        Diagnostics both = new Diagnostics(new WarningPolicy(false, java.util.Set.of("wix0048"), true, java.util.Set.of()));
        both.report(PreprocessorMessage.USER_WARNING, SourceLocation.of(MAIN, 3, 1), "careful");
        both.report(PreprocessorMessage.USER_ERROR, SourceLocation.of(MAIN, 4, 1), "boom");
        assertEquals(List.of("error WIX0047: boom"), both.all().stream().map(d -> d.toString().substring(d.toString().indexOf("error"))).toList());

        Diagnostics beyond = new Diagnostics(new WarningPolicy(false, java.util.Set.of(), true, java.util.Set.of()));
        beyond.reportBeyondWix(PreprocessorMessage.USER_WARNING, SourceLocation.of(MAIN, 3, 1), "an ICE finding");
        assertFalse(beyond.hasErrors(), "a check wix build does not make is never raised");
        assertEquals(1, beyond.warnings().size());

        assertThrows(IllegalArgumentException.class, () -> new WarningPolicy(false, java.util.Set.of("CA2000"), false, java.util.Set.of()));
        assertThrows(IllegalArgumentException.class, () -> WarningPolicy.normalize("0"));
        assertEquals("WIX1149", WarningPolicy.normalize(" 1149 "));
    }

    @Test
    void longFormListsTheIncludeChain() {
        SourceLocation site = new SourceLocation(MAIN, 4, 1, null);
        SourceLocation nested = new SourceLocation(Path.of("a.wxi"), 2, 1, site);
        SourceLocation at = new SourceLocation(Path.of("b.wxi"), 9, 5, nested);
        Diagnostic d = new Diagnostics().report(PreprocessorMessage.USER_ERROR, at, "boom");
        String nl = System.lineSeparator();
        assertEquals("b.wxi:9:5: error WIX0047: boom" + nl + "    included from a.wxi:2:1" + nl
                + "    included from " + MAIN + ":4:1", d.toLongString());
        assertEquals(List.of(nested, site), at.includeChain());
    }

    @Test
    void collectsEverythingAndThrowsOnlyWhenAskedAndOnlyForErrors() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.report(PreprocessorMessage.USER_WARNING, SourceLocation.of(MAIN, 1, 1), "w");
        diagnostics.throwIfErrors();
        assertFalse(diagnostics.hasErrors());
        diagnostics.report(PreprocessorMessage.USER_ERROR, SourceLocation.of(MAIN, 2, 1), "e1");
        diagnostics.report(PreprocessorMessage.USER_ERROR, SourceLocation.of(MAIN, 3, 1), "e2");
        assertEquals(2, diagnostics.errorCount());
        assertEquals(1, diagnostics.warnings().size());
        WixException e = assertThrows(WixException.class, diagnostics::throwIfErrors);
        assertEquals(3, e.diagnostics().size());
        assertEquals(List.of("e1", "e2"), e.errors().stream().map(Diagnostic::text).collect(
                java.util.stream.Collectors.toList()));
    }

    @Test
    void catalogIdsAreWellFormedAndUnique() {
        MessageCatalog catalog = MessageCatalog.standard();
        assertEquals(PreprocessorMessage.values().length + CompilerMessage.values().length + ProjectMessage.values().length,
                catalog.all().size());
        for (ProjectMessage m : ProjectMessage.values()) {
            assertTrue(m.id().matches("WIX03[0-2]\\d"), m.id());
            assertEquals(m, catalog.byId(m.id()).orElseThrow());
            m.formatText("a", "b", "c", "d", "e");
            m.formatHint("a", "b", "c", "d", "e");
        }
        for (CompilerMessage m : CompilerMessage.values()) {
            assertTrue(m.id().matches("WIX0[1-9]\\d\\d"), m.id());
            assertEquals(m, catalog.byId(m.id()).orElseThrow());
            m.formatText("a", "b", "c", "d", "e");
            m.formatHint("a", "b", "c", "d", "e");
        }
        for (PreprocessorMessage m : PreprocessorMessage.values()) {
            assertTrue(m.id().matches("WIX00\\d\\d"), m.id());
            assertEquals(m, catalog.byId(m.id()).orElseThrow());
            // Every template must format with dummy arguments.
            m.formatText("a", "b", "c");
            m.formatHint("a", "b", "c");
        }
    }

    /** A later layer's enum, as the compiler will declare one. */
    enum CompilerLikeMessage implements Message {
        CLASH(30), FRESH(100);

        private final Entry entry;

        CompilerLikeMessage(int number) {
            this.entry = new Entry(number, Severity.ERROR, name().toLowerCase(Locale.ROOT), "");
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    @Test
    void catalogRejectsAnIdClaimedTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageCatalog.of(PreprocessorMessage.class, CompilerLikeMessage.class));
        assertTrue(e.getMessage().contains("WIX0030"), e.getMessage());
    }
}
