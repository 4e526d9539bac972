package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elements, attributes and text carry exact 1-based lines and columns; the tree keeps order and namespaces. */
class LocationsTest {

    @TempDir
    Path dir;

    @Test
    void elementsAndAttributesAreLocatedExactly() {
        Fixture fx = new Fixture(dir);
        SourceDocument doc = fx.process(fx.write("main.wxs", "<?xml version=\"1.0\"?>\n"
                + "<Wix xmlns=\"" + Fixture.V4 + "\" xmlns:util=\"urn:util\">\n"
                + "  <!-- a comment > with a bracket -->\n"
                + "  <Package Name=\"a>b\"\n"
                + "\tVersion='1.0' util:Extra=\"x\">\n"
                + "    <util:Thing/>  text\n"
                + "  </Package>\n"
                + "</Wix>\n"));
        assertEquals(WixNamespace.V4, doc.namespace().orElseThrow());
        SourceElement root = doc.root();
        assertEquals("2:1", at(root.location().line(), root.location().column()));
        SourceElement pkg = root.children().get(0);
        assertEquals("4:3", at(pkg.location().line(), pkg.location().column()));
        var name = pkg.attribute("Name").orElseThrow();
        assertEquals("4:12", at(name.location().line(), name.location().column()));
        assertEquals("a>b", name.value());
        var version = pkg.attribute("Version").orElseThrow();
        assertEquals("5:2", at(version.location().line(), version.location().column()));
        var extra = pkg.attribute("urn:util", "Extra").orElseThrow();
        assertEquals("5:16", at(extra.location().line(), extra.location().column()));
        assertEquals(java.util.List.of("Name", "Version", "Extra"),
                pkg.attributes().stream().map(SourceAttribute::localName).collect(java.util.stream.Collectors.toList()));
        SourceElement thing = pkg.children().get(0);
        assertEquals("urn:util", thing.namespaceUri());
        assertEquals("6:5", at(thing.location().line(), thing.location().column()));
        assertEquals("  text\n  ", pkg.text());
        assertEquals(dir.resolve("main.wxs") + ":4:3", pkg.location().toString());
    }

    @Test
    void crlfLineEndingsCountOnce() {
        Fixture fx = new Fixture(dir);
        SourceDocument doc = fx.process(fx.write("main.wxs", "<Wix xmlns=\"" + Fixture.V3 + "\">\r\n\r\n"
                + "  <A/>\r\n  <?if 1 = 2?>\r\n<?endif?><?endif?>\r\n</Wix>"));
        assertEquals(WixNamespace.V3, doc.namespace().orElseThrow());
        assertEquals(3, doc.root().children().get(0).location().line());
        fx.assertReported("WIX0040@5");
        assertEquals(10, fx.diagnostics.all().get(0).location().column());
    }

    @Test
    void locationsStayExactFarIntoALargeFile() {
        // The JDK's character offsets drift after its buffer refills; lines and columns must not.
        Fixture fx = new Fixture(dir);
        String filler = "  <!-- " + "f".repeat(100) + " -->\n";
        SourceDocument doc = fx.process(fx.write("main.wxs", Fixture.wix(filler.repeat(2000)
                + "  <?define A = 1?>\n  <P  Id=\"$(var.A)\" Name=\"n\"/>text<?if 1 = 2?>")));
        SourceElement p = doc.root().children().get(0);
        assertEquals("2003:3", at(p.location().line(), p.location().column()));
        var name = p.attribute("Name").orElseThrow();
        assertEquals("2003:21", at(name.location().line(), name.location().column()));
        fx.assertReported("WIX0041@2003");
        assertEquals(35, fx.diagnostics.all().get(0).location().column());
    }

    @Test
    void elementAccessors() {
        SourceElement root = new Fixture(dir).root("<F Id=\"f\"><C Id=\"1\"/><D/><C Id=\"2\"/></F>");
        SourceElement f = root.children().get(0);
        assertEquals("f", f.attr("Id"));
        assertEquals(null, f.attr("Missing"));
        assertEquals(false, f.hasAttr("Missing"));
        assertEquals(2, f.children("C").size());
        assertEquals("1", f.firstChild("C").orElseThrow().attr("Id"));
        assertEquals("<F Id=\"f\">", f.toString());
        assertEquals(Fixture.V4, f.namespaceUri());
    }

    private static String at(int line, int column) {
        return line + ":" + column;
    }
}
