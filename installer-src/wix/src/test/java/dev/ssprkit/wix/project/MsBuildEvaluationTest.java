package dev.ssprkit.wix.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditions and property expansion as MSBuild's "MSBuild conditions" and "Property functions" pages define them:
 * string comparison ignores case, And binds tighter than Or, an undefined property is the empty string, a global
 * property cannot be overwritten, and the path functions give full paths.
 */
class MsBuildEvaluationTest {
    @TempDir Path dir;

    private boolean eval(String condition, MsBuildProperties p) throws Exception {
        return MsBuildCondition.evaluate(condition, p, dir);
    }

    @Test
    void conditionsCompareWithoutCaseAndCombineAsMsBuildDoes() throws Exception {
        MsBuildProperties p = new MsBuildProperties(Map.of("Configuration", "Release"));
        p.set("Platform", "X64");
        assertTrue(eval("'$(Configuration)|$(Platform)' == 'release|x64'", p));
        assertTrue(eval(" '$(Undefined)' == '' ", p), "an undefined property is empty");
        assertFalse(eval("'$(Platform)' != 'x64'", p));
        assertTrue(eval("'a' == 'b' Or 'a' == 'a' And 'b' == 'b'", p), "And binds tighter than Or");
        assertFalse(eval("!('$(Platform)' == 'x64')", p));
        assertTrue(eval("$(Configuration) == Release", p), "unquoted operands");
        assertTrue(eval("'10' > '9'", p), "numbers compare as numbers");
        Files.writeString(dir.resolve("here.props"), "<Project/>");
        assertTrue(eval("Exists('here.props') and !Exists('gone.props')", p), "relative to the project's folder; and in any case");
        assertTrue(eval("HasTrailingSlash('bin\\')", p));
        assertThrows(MsBuildCondition.Invalid.class, () -> eval("'a' == ", p));
        assertThrows(MsBuildCondition.Invalid.class, () -> eval("'unclosed", p));
        assertThrows(MsBuildCondition.Invalid.class, () -> eval("'maybe'", p), "a lone operand must be true or false");
    }

    @Test
    void globalPropertiesWinAndPathFunctionsGiveFullPaths() throws Exception {
        MsBuildProperties p = new MsBuildProperties(Map.of("Platform", "arm64"));
        p.directory(dir);
        p.set("Platform", "x86");
        assertEquals("arm64", p.get("platform"), "a -p property is kept, and names ignore case");
        p.set("Root", dir.toString());
        assertEquals(dir.getParent() + "/", p.expand("$([MSBuild]::NormalizeDirectory($(Root)\\sub\\..\\..))"));
        assertEquals(dir.resolve("a/b.txt").toString(), p.expand("$([MSBuild]::NormalizePath('a', 'b.txt'))"));
        assertEquals("x/y", p.expand("$([System.IO.Path]::Combine('x', 'y'))"));
        Files.createDirectories(dir.resolve("deep/er"));
        Files.writeString(dir.resolve("marker.props"), "<Project/>");
        assertEquals(dir.toString(), p.expand("$([MSBuild]::GetDirectoryNameOfFileAbove('" + dir.resolve("deep/er") + "', marker.props))"));
        assertEquals("", p.expand("$(Registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\X@Y)"), "off Windows a registry property is empty");
        MsBuildProperties.Unsupported u = assertThrows(MsBuildProperties.Unsupported.class, () -> p.expand("v$(Version.Normalize())"));
        assertTrue(u.getMessage().contains("String.Normalize in $(Version.Normalize())"), u.getMessage());
        assertThrows(MsBuildProperties.Unsupported.class, () -> p.expand("@(Compile)"));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        MsBuildProperties p = new MsBuildProperties(Map.of());
        String deep = "(".repeat(100_000) + "true" + ")".repeat(100_000);
        MsBuildCondition.Invalid e = assertThrows(MsBuildCondition.Invalid.class, () -> eval(deep, p));
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
        String nested = "$([System.IO.Path]::Combine('a', ".repeat(50) + "'b'" + "))".repeat(50);
        assertThrows(MsBuildProperties.Unsupported.class, () -> p.expand(nested));
    }

    /** MSBuild's conditions short-circuit: the right side of a decided And/Or is read, never evaluated. */
    @Test
    void andOrShortCircuitAndUnquotedFunctionsAreReadWhole() throws Exception {
        MsBuildProperties p = new MsBuildProperties(Map.of("TargetOS", "Windows"));
        // keyboardswitch's condition, with an unquoted function holding quotes and nested parentheses
        assertFalse(eval("'$(TargetOS)' == '' And $([Unknown.Type]::Call('x(y)'))", p), "And stops before the function");
        assertTrue(eval("'$(TargetOS)' == 'Windows' Or $([Unknown.Type]::Call('x(y)'))", p), "Or stops before the function");
        MsBuildProperties.Unsupported u = assertThrows(MsBuildProperties.Unsupported.class,
                () -> eval("'$(TargetOS)' == 'Windows' And $([Unknown.Type]::Call('x(y)'))", p));
        assertFalse(u.getMessage().contains("unclosed"), "the function is closed: " + u.getMessage());
        assertThrows(MsBuildCondition.Invalid.class, () -> eval("'a' == 'a' Or == 'b'", p), "a skipped side is still read for its syntax");
    }
}
