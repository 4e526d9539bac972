package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <?if?>} expressions: every operator, literals, truthiness, grouping, and the errors. */
class ExpressionsTest {

    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(dir);
        fx.options.define("A", "a").define("N", "5").define("T", "1").define("F", "0").define("E", "")
                .define("Fs", "false").define("No", "no").define("Sp", " a ");
    }

    private boolean holds(String expression) {
        SourceElement root = fx.root("<?if " + expression + "?><P/><?endif?>");
        return !root.children().isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "$(var.A) = \"a\"              | true",
        "$(var.A) = a                  | true",
        "$(var.A) == \"a\"             | true",
        "$(var.A) = \"A\"              | false",
        "$(var.A) ~= \"A\"             | true",
        "$(var.A) != \"b\"             | true",
        "$(var.A) != \"a\"             | false",
        "$(var.Sp) = \"a\"             | true",
        "\"$(var.A)b\" = \"ab\"        | true",
        "$(var.A)=\"a\"                | true",
        "$(var.N) < 10                 | true",
        "$(var.N) < 5                  | false",
        "$(var.N) <= 5                 | true",
        "$(var.N) > 4                  | true",
        "$(var.N) > 5                  | false",
        "$(var.N) >= 5                 | true",
        "-3 < $(var.N)                 | true",
        "NOT $(var.A) = \"b\"          | true",
        "not $(var.A) = \"a\"          | false",
        "$(var.A) = a AND $(var.N) = 5 | true",
        "$(var.A) = a and $(var.N) = 6 | false",
        "$(var.A) = b OR $(var.N) = 5  | true",
        "$(var.A) = b or $(var.N) = 6  | false",
        "NOT ($(var.A) = a OR $(var.N) = 6) | false",
        "NOT($(var.F))                 | true",
        "(($(var.T)) AND ($(var.A) = a)) | true",
        "$(var.T)                      | true",
        "$(var.N)                      | true",
        "$(var.F)                      | false",
        "$(var.E)                      | false",
        "$(var.Fs)                     | false",
        "$(var.No)                     | false",
        "X = X                         | true",
        "X = 1                         | false",
    })
    void evaluates(String expression, boolean expected) {
        assertEquals(expected, holds(expression.trim()));
    }

    @Test
    void andAndOrHaveEqualPrecedenceLeftToRight() {
        // WiX folds left to right: (T OR T) AND F, not T OR (T AND F) as in C.
        assertEquals(false, holds("$(var.T) OR $(var.T) AND $(var.F)"));
        assertEquals(true, holds("$(var.F) AND $(var.T) OR $(var.T)"));
    }

    @Test
    void relationalOperatorsNeedIntegers() {
        fx.processBody("<?if $(var.A) < 3?><P/><?endif?>");
        fx.assertReported("WIX0043@2");
    }

    @Test
    void aBareLiteralIsNotACondition() {
        fx.processBody("\n<?if \"a\"?><P/><?endif?>");
        fx.assertReported("WIX0044@3");
    }

    @Test
    void syntaxErrorsAreLocated() {
        fx.processBody("<?if $(var.A) = \"a?><?endif?>\n<?if ($(var.A) = a?><?endif?>\n<?if $(var.A) = a XOR 1?>"
                + "<?endif?>\n<?if?><?endif?>\n<?if $(var.A) =?><?endif?>");
        fx.assertReported("WIX0042@2", "WIX0042@3", "WIX0042@4", "WIX0042@5", "WIX0042@6");
    }

    @Test
    void anUndefinedVariableInAConditionIsAnErrorAndTheConditionIsFalse() {
        SourceDocument doc = fx.processBody("<?if $(var.Nope) = 1?><P/><?else?><Q/><?endif?>");
        fx.assertReported("WIX0030@2");
        assertEquals("Q", doc.root().children().get(0).localName());
    }
}
