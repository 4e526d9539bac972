package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssprkit.wix.diag.Diagnostics;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $(var.X), $(env.X), $(sys.X), command-line defines, and the escapes. */
class VariablesTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(dir);
    }

    private String value(String body) {
        return fx.root(body).children().get(0).attr("V");
    }

    @Test
    void commandLineDefinesAreVisible() {
        fx.options.define("Version=1.2.3").define("Flag").define("var.Name", "n");
        assertEquals("1.2.3||n", value("<P V=\"$(var.Version)|$(var.Flag)|$(var.Name)\"/>"));
    }

    @Test
    void commandLineDefinesOverrideIfndefDefaults() {
        String body = "<?ifndef Sku?><?define Sku = Standard?><?endif?>\n<P V=\"$(var.Sku)\"/>";
        assertEquals("Standard", value(body));
        fx = new Fixture(dir);
        fx.options.define("Sku", "Enterprise");
        assertEquals("Enterprise", value(body));
    }

    @Test
    void environmentComesFromTheInjectedMap() {
        fx.options.environment(Map.of("MySku", "Pro", "ProgramFiles(x86)", "C:\\PF86"));
        assertEquals("Pro|C:\\PF86", value("<P V=\"$(env.MySku)|$(env.ProgramFiles(x86))\"/>"));
    }

    @Test
    void aMissingEnvironmentVariableIsALocatedError() {
        fx.processBody("<P\n   V=\"$(env.NOT_SET)\"/>");
        fx.assertReported("WIX0030@3");
        assertEquals(4, fx.diagnostics.all().get(0).location().column());
    }

    @Test
    void systemVariables() {
        fx.options.platform(Platform.X64).currentDir(dir.resolve("cwd"));
        Path main = fx.write("src/main.wxs", Fixture.wix("<P D=\"$(sys.SOURCEFILEDIR)\" F=\"$(sys.SOURCEFILEPATH)\" "
                + "C=\"$(sys.CURRENTDIR)\" P=\"$(sys.PLATFORM)\" B=\"$(sys.BUILDARCH)\"/>"));
        SourceElement p = fx.process(main).root().children().get(0);
        assertEquals(dir.resolve("src") + File.separator, p.attr("D"));
        assertEquals(main.toString(), p.attr("F"));
        assertEquals(dir.resolve("cwd") + File.separator, p.attr("C"));
        assertEquals("x64", p.attr("P"));
        assertEquals("x64", p.attr("B"));
    }

    @Test
    void escapesAndReferencesLeftForLaterStages() {
        fx.options.define("A", "a");
        assertEquals("$(var.A)|$(loc.Title)|!(bind.FileVersion.f)|[INSTALLDIR]|5$|a",
                value("<P V=\"$$(var.A)|$(loc.Title)|!(bind.FileVersion.f)|[INSTALLDIR]|5$|$(var.A)\"/>"));
    }

    @Test
    void textContentIsSubstituted() {
        fx.options.define("A", "a");
        SourceElement c = fx.root("<Condition>x = \"$(var.A)\"<![CDATA[ AND y < 2]]></Condition>").children().get(0);
        assertEquals("x = \"a\" AND y < 2", c.text());
    }

    @Test
    void illFormedReferencesAndFunctions() {
        fx.processBody("<P V=\"$(var.A\"/>\n<P V=\"$(fun.AutoVersion(1.0))\"/>\n<P V=\"$()\"/>");
        fx.assertReported("WIX0031@2", "WIX0032@3", "WIX0031@4");
    }

    /** Doubling every $ protects any text from substitution. */
    @Property
    void doubledDollarsComeBackUnchanged(@ForAll String text) {
        Variables variables = new Variables(PreprocessorOptions.builder().environment(Map.of()).build(),
                new Diagnostics());
        assertEquals(text, variables.substitute(text.replace("$", "$$"), null));
    }
}
