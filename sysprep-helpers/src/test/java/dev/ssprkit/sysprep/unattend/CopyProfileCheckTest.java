package dev.ssprkit.sysprep.unattend;

import dev.ssprkit.common.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyProfileCheckTest {
    static Path fixture(String name) {
        try {
            return Path.of(CopyProfileCheckTest.class.getResource("/unattend/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Problem> problems(CheckResult r) {
        return r.findings().stream().map(Finding::problem).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "good.xml, ''",
            "none.xml, MISSING",
            "none-no-specialize.xml, MISSING",
            "false.xml, FALSE",
            "invalid-value.xml, INVALID_VALUE",
            "wrong-pass.xml, WRONG_PASS",
            "wrong-arch.xml, WRONG_ARCHITECTURE",
            "wrong-identity.xml, WRONG_COMPONENT_IDENTITY",
            "duplicated.xml, DUPLICATE",
            "duplicated-and-wrong-pass.xml, FALSE WRONG_PASS",
    })
    void reportsEachCase(String file, String expected) {
        CheckResult r = CopyProfileCheck.check(UnattendDocument.load(fixture(file)), null);
        Set<Problem> want = Arrays.stream(expected.split(" ")).filter(s -> !s.isEmpty()).map(Problem::valueOf).collect(Collectors.toSet());
        assertEquals(want, problems(r), r.findings().toString());
        assertEquals("amd64", r.architecture());
    }

    @Test
    void findingsCarryLinesAndIds() {
        CheckResult r = CopyProfileCheck.check(UnattendDocument.load(fixture("wrong-pass.xml")), null);
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals(27, f.line());
        String text = f.format("wrong-pass.xml");
        assertTrue(text.startsWith("wrong-pass.xml(27): error SSPR-U004: "), text);
        assertTrue(text.contains("oobeSystem"), text);

        CheckResult dup = CopyProfileCheck.check(UnattendDocument.load(fixture("duplicated.xml")), null);
        assertEquals(23, dup.findings().get(0).line());
    }

    @Test
    void theArchitectureCanBeGiven() {
        UnattendDocument doc = UnattendDocument.load(fixture("wrong-arch.xml"));
        assertTrue(CopyProfileCheck.check(doc, "x86").ok());
        assertEquals(Set.of(Problem.WRONG_ARCHITECTURE), problems(CopyProfileCheck.check(UnattendDocument.load(fixture("good.xml")), "x86")));
    }

    @Test
    void badFilesAreRefusedNamingTheFile() {
        BadInputException notXml = assertThrows(BadInputException.class, () -> UnattendDocument.load(fixture("not-well-formed.xml")));
        assertTrue(notXml.getMessage().contains("not-well-formed.xml(") && notXml.getMessage().contains("not well-formed"), notXml.getMessage());
        BadInputException dtd = assertThrows(BadInputException.class, () -> UnattendDocument.load(fixture("doctype-xxe.xml")));
        assertTrue(dtd.getMessage().contains("doctype-xxe.xml") && dtd.getMessage().contains("DOCTYPE"), dtd.getMessage());
        BadInputException root = assertThrows(BadInputException.class, () -> UnattendDocument.load(fixture("wrong-root.xml")));
        assertTrue(root.getMessage().contains("not an answer file"), root.getMessage());
        // a missing file is an I/O error (exit 4 through every front end), not bad content
        java.io.UncheckedIOException missing = assertThrows(java.io.UncheckedIOException.class, () -> UnattendDocument.load(Path.of("no/such/unattend.xml")));
        assertEquals("no/such/unattend.xml", ((java.nio.file.NoSuchFileException) missing.getCause()).getFile());
    }
}
