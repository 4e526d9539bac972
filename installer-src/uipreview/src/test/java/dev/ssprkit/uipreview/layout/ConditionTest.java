package dev.ssprkit.uipreview.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * MSI conditions, with the rules of the SDK's "Conditional Statement Syntax" page: nonexistent properties are empty
 * strings, operators are not case-sensitive, "~" makes a string comparison case-insensitive, an integer compared
 * with a string that is not one is false except for "<>", precedence as in BASIC (NOT, AND, OR, XOR, EQV, IMP),
 * ">&lt;" "<<" ">>" are contains / starts with / ends with for strings and bitwise AND / high word / low word for
 * integers.
 */
class ConditionTest {
    static final Map<String, String> P = Map.of("ALLUSERS", "1", "VersionNT", "601", "Name", "Setup Wizard", "WixUI_InstallMode", "Change",
            "Flags", "6", "Packed", "131075");

    static boolean eval(String condition) throws ConditionException {
        return Condition.parse(condition, 4096).evaluate(P::get);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ALLUSERS|true",
            "NOT ALLUSERS|false",
            "Installed|false",
            "NOT Installed|true",
            "not Installed and ALLUSERS|true",
            "VersionNT >= 601|true",
            "VersionNT > 601|false",
            "VersionNT = \"601\"|true",
            "WixUI_InstallMode = \"Change\"|true",
            "WixUI_InstallMode = \"change\"|false",
            "WixUI_InstallMode ~= \"change\"|true",
            "WixUI_InstallMode <> \"Remove\"|true",
            "Name >< \"Wizard\"|true",
            "Name << \"Setup\"|true",
            "Name >> \"Setup\"|false",
            "Name ~>> \"WIZARD\"|true",
            "Flags >< 2|true",
            "Flags >< 1|false",
            "Packed << 2|true",
            "Packed >> 3|true",
            "Name = 5|false",
            "Name <> 5|true",
            "Name > 5|false",
            "Missing = \"\"|true",
            "Missing < 1|false",
            "NOT ALLUSERS OR VersionNT = 601|true",
            "NOT (ALLUSERS OR VersionNT = 601)|false",
            "ALLUSERS AND Installed OR VersionNT|true",
            "ALLUSERS XOR VersionNT|false",
            "ALLUSERS EQV VersionNT|true",
            "Installed IMP ALLUSERS|true",
            "ALLUSERS IMP Installed|false",
            "$Component = 3|false",
            "&Feature = 3 OR 1|true",
            "%PATH|false",
            "1|true",
            "0|false",
            "-1|true"})
    void evaluatesAsTheSdkSays(String condition, boolean expected) throws ConditionException {
        assertEquals(expected, eval(condition));
    }

    @Test
    void reportsThePropertiesItReadsAndWhatTheyAreComparedWith() throws ConditionException {
        Condition c = Condition.parse("WixUI_InstallMode = \"Change\" AND ALLUSERS AND (ADDLOCAL OR REMOVE) OR VersionNT >= 601", 4096);
        assertEquals(Set.of("WixUI_InstallMode", "ALLUSERS", "ADDLOCAL", "REMOVE", "VersionNT"), c.properties());
        assertEquals(Set.of("Change"), c.comparedValues().get("WixUI_InstallMode"));
        assertEquals(Set.of(601L), c.comparedValues().get("VersionNT"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ALLUSERS =", "(ALLUSERS", "\"open", "A ~ B", "A # B", "AND", "A B", "%"})
    void refusesWhatIsNotConditionSyntax(String condition) {
        assertThrows(ConditionException.class, () -> Condition.parse(condition, 4096));
    }

    @Test
    void deepNestingAndLongConditionsAreRefusedNotOverflowed() {
        assertThrows(ConditionException.class, () -> Condition.parse("(".repeat(10_000) + "A" + ")".repeat(10_000), 1_000_000));
        assertThrows(ConditionException.class, () -> Condition.parse("NOT ".repeat(10_000) + "A", 1_000_000));
        assertThrows(ConditionException.class, () -> Condition.parse("A".repeat(5000), 4096));
    }
}
