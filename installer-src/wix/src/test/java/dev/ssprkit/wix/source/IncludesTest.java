package dev.ssprkit.wix.source;

import static dev.ssprkit.wix.source.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <?include?>}: lookup order, splicing, location chains, and the failures. */
class IncludesTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(dir);
    }

    @Test
    void includedChildrenAreSplicedInPlaceWithTheirIncludeChain() {
        Path inc = fx.write("parts/features.wxi", Fixture.include("<?define FromInclude = yes?>\n"
                + "<F Id=\"f1\" Dir=\"$(sys.SOURCEFILEDIR)\"/>\n<?include sub/inner.wxi?>"));
        Path inner = fx.write("parts/sub/inner.wxi", Fixture.include("\n<F Id=\"f2\"/>"));
        Path main = fx.write("main.wxs", Fixture.wix("<A Id=\"before\"/>\n<?include parts/features.wxi?>\n"
                + "<A Id=\"$(var.FromInclude)\" Dir=\"$(sys.SOURCEFILEDIR)\"/>"));
        SourceDocument doc = fx.process(main);
        assertEquals(List.of(), fx.diagnostics.all());
        SourceElement root = doc.root();
        assertEquals("before,f1,f2,yes", ids(root));
        assertEquals(dir.resolve("parts") + File.separator, root.children().get(1).attr("Dir"));
        assertEquals(dir + File.separator, root.children().get(3).attr("Dir"));

        SourceLocation f1 = root.children().get(1).location();
        assertEquals(inc + ":3:1", f1.toString());
        assertEquals(main + ":3:1", f1.parent().toString());
        SourceLocation f2 = root.children().get(2).location();
        assertEquals(inner + ":3:1", f2.toString());
        assertEquals(List.of(inc + ":4:1", main + ":3:1"),
                f2.includeChain().stream().map(SourceLocation::toString).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of(inc, inner), doc.includedFiles());
    }

    @Test
    void aSourceNamedRelativelyHasItsIncludesNamedRelativelyToo() {
        // the gitextensions build (relative sources on the command line) printed its .wxi's locations absolute and its
        // .wxs's relative; both now read against the working directory, as the JVM reads a relative path
        fx.write("parts/features.wxi", Fixture.include("\n<F Id=\"f1\"/>"));
        Path main = fx.write("main.wxs", Fixture.wix("<?include parts/features.wxi?>"));
        Path relativeMain = Path.of("").toAbsolutePath().relativize(main);
        assertTrue(!relativeMain.isAbsolute(), relativeMain.toString());
        SourceLocation f1 = fx.process(relativeMain).root().children().get(0).location();
        assertEquals(relativeMain.resolveSibling("parts/features.wxi") + ":3:1", f1.toString());
        assertEquals(relativeMain + ":2:1", f1.parent().toString());
    }

    @Test
    void includeDirectoriesAreSearchedAfterTheIncludingFilesDirectory() {
        fx.write("first/common.wxi", Fixture.include("<F Id=\"first\"/>"));
        fx.write("second/common.wxi", Fixture.include("<F Id=\"second\"/>"));
        fx.write("second/only.wxi", Fixture.include("<F Id=\"only\"/>"));
        fx.write("src/local.wxi", Fixture.include("<F Id=\"local\"/>"));
        fx.options.includeDir(dir.resolve("first")).includeDir(dir.resolve("second"));
        Path main = fx.write("src/main.wxs", Fixture.wix("<?include common.wxi?><?include \"only.wxi\"?>"
                + "<?include local.wxi?>"));
        assertEquals("first,only,local", ids(fx.process(main).root()));
        assertEquals(List.of(), fx.diagnostics.all());
    }

    @Test
    void includeInsideForeachAndUnderAnElement() {
        fx.write("file.wxi", Fixture.include("<File Id=\"$(var.N)\"/>"));
        SourceElement root = fx.root("<C><?foreach N in a;b?><?include file.wxi?><?endforeach?></C>");
        assertEquals("a,b", ids(root.children().get(0)));
    }

    @Test
    void missingIncludeIsReportedWithWhereItLooked() {
        fx.options.includeDir(dir.resolve("inc"));
        fx.processBody("<P/>\n<?include nowhere.wxi?>");
        fx.assertReported("WIX0060@3");
        String hint = fx.only(PreprocessorMessage.INCLUDE_NOT_FOUND).hint();
        assertTrue(hint.contains(dir.resolve("inc").toString()), hint);
    }

    @Test
    void includeCycleIsReported() {
        fx.write("a.wxi", Fixture.include("<?include b.wxi?>"));
        fx.write("b.wxi", Fixture.include("<F Id=\"b\"/>\n<?include a.wxi?>"));
        SourceDocument doc = fx.processBody("<?include a.wxi?>");
        fx.assertReported("WIX0061@3");
        assertEquals("include cycle: main.wxs -> a.wxi -> b.wxi -> a.wxi",
                fx.only(PreprocessorMessage.INCLUDE_CYCLE).text());
        assertEquals("b", ids(doc.root()));
        assertEquals(dir.resolve("b.wxi"), fx.diagnostics.all().get(0).location().file());
    }

    @Test
    void includingTheMainFileIsACycle() {
        fx.processBody("<?include main.wxs?>");
        fx.assertReported("WIX0061@2");
    }

    @Test
    void includedFileMustHaveAnIncludeRoot() {
        fx.write("bad.wxi", "<Fragment xmlns=\"" + Fixture.V4 + "\"/>");
        fx.write("other.wxi", "<Include xmlns=\"urn:not-wix\"><F/></Include>");
        fx.processBody("<?include bad.wxi?>\n<?include other.wxi?>");
        fx.assertReported("WIX0024@1", "WIX0025@1");
        assertEquals(dir.resolve("main.wxs") + ":2:1", fx.diagnostics.all().get(0).location().parent().toString());
    }

    /** candle gives the elements of a namespace-less Include the including document's namespace (issue #10). */
    @Test
    void aNamespaceLessIncludeTakesTheDocumentsNamespace() {
        fx.write("nons.wxi", "<Include><F Id=\"x\"/></Include>");
        var doc = fx.processBody("<?include nons.wxi?>");
        fx.assertReported();
        var f = doc.root().children().get(0);
        assertEquals("F", f.localName());
        assertEquals(doc.root().namespaceUri(), f.namespaceUri());
    }

    @Test
    void errorsInsideAnIncludedFileCarryTheChain() {
        fx.write("bad.wxi", Fixture.include("<F V=\"$(var.Missing)\"/>"));
        fx.processBody("\n<?include bad.wxi?>");
        var d = fx.only(PreprocessorMessage.UNDEFINED_VARIABLE);
        assertEquals(2, d.line());
        assertEquals(3, d.location().parent().line());
        assertTrue(d.toLongString().contains("included from " + dir.resolve("main.wxs") + ":3:1"), d.toLongString());
        assertNull(d.location().parent().parent());
    }
}
