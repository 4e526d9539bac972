package dev.ssprkit.wix.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property functions beyond paths. Where the expected values come from is said at each: MSBuild's "Property
 * functions" page (learn.microsoft.com/visualstudio/msbuild/property-functions), .NET's "Custom date and time format
 * strings" page (its table's examples, all on 2009-06-15T13:45:30), and the .NET API pages of System.IO.Path and
 * System.String (their examples). IsOSPlatform answers as MSBuild on Windows does (the README says why).
 */
class PropertyFunctionsTest {
    @TempDir Path dir;

    /** 2009-06-15T13:45:30Z, the time of .NET's format-string examples, as SOURCE_DATE_EPOCH would give it. */
    private static final Instant EXAMPLE_TIME = Instant.ofEpochSecond(1245073530);

    private MsBuildProperties properties() {
        MsBuildProperties p = new MsBuildProperties(Map.of(), () -> EXAMPLE_TIME);
        p.directory(dir);
        return p;
    }

    @Test
    void dateTimeNowFormatsWithDotNetCustomFormatStrings() throws Exception {
        MsBuildProperties p = properties();
        // .NET "Custom date and time format strings", one example per specifier (2009-06-15T13:45:30); a specifier
        // alone is written "%y", as that page says, since a one-character format is a standard format
        String[][] documented = {
                {"yyyy", "2009"}, {"yy", "09"}, {"%y", "9"}, {"yyyyy", "02009"}, {"MM", "06"}, {"%M", "6"}, {"MMM", "Jun"},
                {"MMMM", "June"}, {"dd", "15"}, {"ddd", "Mon"}, {"dddd", "Monday"}, {"HH", "13"}, {"%H", "13"},
                {"hh", "01"}, {"%h", "1"}, {"mm", "45"}, {"ss", "30"}, {"tt", "PM"}, {"%t", "P"},
        };
        for (String[] d : documented) {
            assertEquals(d[1], p.expand("$([System.DateTime]::Now.ToString('" + d[0] + "'))"), d[0]);
        }
        // MSBuild's page: <Today>$([System.DateTime]::Now.ToString('yyyy.MM.dd'))</Today>
        assertEquals("2009.06.15", p.expand("$([System.DateTime]::Now.ToString('yyyy.MM.dd'))"));
        // dockerinwsl's form: an unquoted format argument
        assertEquals("090615", p.expand("$([System.DateTime]::Now.ToString(yyMMdd))"));
        assertEquals("build 2009-06-15 at 13:45", p.expand("$([System.DateTime]::UtcNow.ToString(\"'build' yyyy-MM-dd 'at' HH:mm\"))"),
                "quoted literal text and the invariant separators");
        assertEquals("20090615T134530", p.expand("$([System.DateTime]::Now.ToString('yyyyMMddTHHmmss'))"), "T is no specifier: literal");
        assertEquals("2009-06-15 00:00", p.expand("$([System.DateTime]::Today.ToString('yyyy-MM-dd HH:mm'))"));
        assertEquals("2009-06-15T13:45:30", p.expand("$([System.DateTime]::Now.ToString('s'))"), "the standard sortable format");
        assertEquals("2009", p.expand("$([System.DateTime]::Now.Year)"));
        // winfsp's build number: two-digit year and the day of the year in three digits (.NET's "000" pads with zeros)
        assertEquals("09166", p.expand("$([System.DateTime]::Now.ToString(`yy`))$([System.DateTime]::Now.DayOfYear.ToString(`000`))"));
        MsBuildProperties.Unsupported zone = assertThrows(MsBuildProperties.Unsupported.class,
                () -> p.expand("$([System.DateTime]::Now.ToString('yyyy zzz'))"));
        assertTrue(zone.getMessage().contains("specifier 'z'"), zone.getMessage());
    }

    @Test
    void theBuildTimeIsReadOnceAndOnlyWhenAsked() throws Exception {
        int[] reads = {0};
        MsBuildProperties p = new MsBuildProperties(Map.of(), () -> {
            reads[0]++;
            return EXAMPLE_TIME;
        });
        p.expand("$([System.IO.Path]::GetFileName('a/b'))");
        assertEquals(0, reads[0], "no DateTime, no clock: a bad SOURCE_DATE_EPOCH only matters to a project that asks");
        assertEquals(p.expand("$([System.DateTime]::Now.ToString('HHmmss'))"), p.expand("$([System.DateTime]::Now.ToString('HHmmss'))"));
        assertEquals(1, reads[0]);
    }

    @Test
    void stringInstanceMethodsOnPropertyValues() throws Exception {
        MsBuildProperties p = properties();
        p.set("ProjectOutputFolder", "C:\\Projects\\Setup\\bin");
        // MSBuild's page: $(ProjectOutputFolder.Substring(0,3)) is the drive, the first three characters
        assertEquals("C:\\", p.expand("$(ProjectOutputFolder.Substring(0,3))"));
        p.set("Version", " 1.2.3-beta ");
        assertEquals("1.2.3-beta", p.expand("$(Version.Trim())"));
        assertEquals("1_2_3", p.expand("$(Version.Trim().Replace('-beta', '').Replace('.', '_'))"), "a chain of calls");
        assertEquals(" 1.2.3-BETA ", p.expand("$(Version.ToUpper())"));
        assertEquals("1.2.3", p.expand("$(Version.Trim().Substring(0, 5))"));
        assertEquals("3-beta ", p.expand("$(Version.Substring(5))"));
        assertEquals("True", p.expand("$(Version.Trim().StartsWith('1.'))"), "booleans as .NET writes them");
        assertEquals("False", p.expand("$(Version.EndsWith('x'))"));
        assertEquals("True", p.expand("$(Version.Contains('beta'))"));
        assertEquals("12", p.expand("$(Version.Length)"));
        assertEquals("1;2;3-beta", p.expand("$(Version.Trim().Split('.'))"), "an array is written as an item list");
        p.set("Name", "My App");
        assertEquals("My(x, y)App", p.expand("$(Name.Replace(' ', '(x, y)'))"), "a quoted argument may hold parentheses and commas");
        MsBuildProperties.Failed range = assertThrows(MsBuildProperties.Failed.class, () -> p.expand("$(Name.Substring(40))"));
        assertTrue(range.getMessage().contains("out of the range"), "MSBuild stops on it too (MSB4184): " + range.getMessage());
    }

    @Test
    void staticStringPathAndMsBuildFunctions() throws Exception {
        MsBuildProperties p = properties();
        assertEquals("a(b, c)", p.expand("$([System.String]::Copy('a(b, c)'))"), "a quoted argument holding a comma and parentheses");
        assertEquals("x", p.expand("$([System.String]::Copy('x'))"));
        assertEquals("True", p.expand("$([System.String]::IsNullOrEmpty('$(Undefined)'))"));
        // the .NET API pages' examples of System.IO.Path (written with '/', as all sspr paths)
        assertEquals("myfile.ext", p.expand("$([System.IO.Path]::GetFileName('C:\\mydir\\myfile.ext'))"));
        assertEquals("C:/MyDir/MySubDir", p.expand("$([System.IO.Path]::GetDirectoryName('C:\\MyDir\\MySubDir\\myfile.ext'))"));
        assertEquals("C:/", p.expand("$([System.IO.Path]::GetDirectoryName('C:\\MyDir'))"));
        assertEquals("", p.expand("$([System.IO.Path]::GetDirectoryName('C:\\'))"), "a root has none (null in .NET)");
        assertEquals("myfile", p.expand("$([System.IO.Path]::GetFileNameWithoutExtension('C:\\mydir\\myfile.ext'))"));
        assertEquals(".ext", p.expand("$([System.IO.Path]::GetExtension('C:\\mydir\\myfile.ext'))"));
        // MSBuild's page: Add, Subtract... ; whole-number arguments take MSBuild's long overloads
        p.set("NumberOne", "5");
        p.set("NumberTwo", "7");
        assertEquals("12", p.expand("$([MSBuild]::Add($(NumberOne), $(NumberTwo)))"));
        assertEquals("-2", p.expand("$([MSBuild]::Subtract($(NumberOne), $(NumberTwo)))"));
        assertEquals("35", p.expand("$([MSBuild]::Multiply(5, 7))"));
        assertEquals("2", p.expand("$([MSBuild]::Divide(7, 3))"));
        assertEquals("1", p.expand("$([MSBuild]::Modulo(7, 3))"));
        assertEquals("2.5", p.expand("$([MSBuild]::Add(1.25, 1.25))"));
        assertThrows(MsBuildProperties.Failed.class, () -> p.expand("$([MSBuild]::Divide(1, 0))"));
        // MSBuild's page: version comparisons ignore a leading v and everything from '-' or '+'; missing parts are 0
        assertEquals("True", p.expand("$([MSBuild]::VersionGreaterThanOrEquals('v4.7.2', '4.7'))"));
        assertEquals("True", p.expand("$([MSBuild]::VersionEquals('1.0', '1.0.0.0'))"));
        assertEquals("True", p.expand("$([MSBuild]::VersionEquals('2.1.0-preview+build5', '2.1'))"));
        assertEquals("True", p.expand("$([MSBuild]::VersionLessThan('2.9', '2.10'))"), "parts compare as numbers");
        assertEquals("False", p.expand("$([MSBuild]::VersionGreaterThan('1.2', '1.2.0'))"));
        // IsOSPlatform answers as MSBuild on Windows, where WiX's targets run (README, "Project files")
        assertEquals("True", p.expand("$([MSBuild]::IsOSPlatform('Windows'))"));
        assertEquals("True", p.expand("$([MSBuild]::IsOsPlatform('WINDOWS'))"), "any case, both spellings");
        assertEquals("False", p.expand("$([MSBuild]::IsOSPlatform('Linux'))"));
        assertEquals("False", p.expand("$([MSBuild]::IsOSPlatform('OSX'))"));
        assertEquals("False", p.expand("$([MSBuild]::IsOsUnixLike())"));
    }

    @Test
    void anUnknownFunctionIsNamedNotCalledUnclosed() {
        MsBuildProperties p = properties();
        MsBuildProperties.Unsupported u = assertThrows(MsBuildProperties.Unsupported.class,
                () -> p.expand("$([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles))"));
        assertTrue(u.getMessage().startsWith("the property function [System.Environment]::GetFolderPath in "
                + "$([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles))"), u.getMessage());
        MsBuildProperties.Unsupported open = assertThrows(MsBuildProperties.Unsupported.class, () -> p.expand("$([MSBuild]::Add(1, 2)"));
        assertTrue(open.getMessage().contains("unclosed"), open.getMessage());
    }

    @Test
    void conditionsReadNestedFunctionsAndShortCircuit() throws Exception {
        MsBuildProperties p = properties();
        p.set("TargetOS", "Windows");
        // keyboardswitch's condition: with TargetOS set, And stops before the function
        String keyboardswitch = "'$(TargetOS)' == '' And $([MSBuild]::IsOSPlatform('Windows'))";
        assertFalse(MsBuildCondition.evaluate(keyboardswitch, p, dir));
        assertFalse(MsBuildCondition.evaluate("'$(TargetOS)' == '' And $([System.Environment]::GetFolderPath(X))", p, dir),
                "the right side of a decided And is never evaluated (MSBuild's conditions short-circuit)");
        assertTrue(MsBuildCondition.evaluate("'$(TargetOS)' == 'Windows' Or '$([System.Environment]::GetFolderPath(X))' == ''", p, dir));
        assertThrows(MsBuildProperties.Unsupported.class,
                () -> MsBuildCondition.evaluate("'$(TargetOS)' == 'Windows' And $([System.Environment]::GetFolderPath(X))", p, dir));
        assertThrows(MsBuildCondition.Invalid.class, () -> MsBuildCondition.evaluate("'a' == 'a' Or == 'b'", p, dir),
                "a skipped side is still read for its syntax");
        MsBuildProperties unset = properties();
        assertTrue(MsBuildCondition.evaluate(keyboardswitch, unset, dir));
        assertTrue(MsBuildCondition.evaluate("'$([System.String]::Copy('a(b) c'))' == 'a(b) c'", unset, dir),
                "a quoted operand holding a function with quotes and parentheses");
        assertTrue(MsBuildCondition.evaluate("$([MSBuild]::VersionGreaterThanOrEquals('$(Missing)1.5', '1.4')) and !$([MSBuild]::IsOSPlatform('OSX'))", unset, dir));
    }
}
