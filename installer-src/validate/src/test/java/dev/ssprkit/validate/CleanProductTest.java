package dev.ssprkit.validate;

import dev.ssprkit.msi.model.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A realistic PackageBuilder product passes: no errors, and only the warnings listed here (each justified). */
class CleanProductTest {
    @TempDir Path dir;

    @Test
    void cleanProductHasNoFindings() throws Exception {
        try (Database db = Products.build(dir)) {
            List<Finding> findings = Validator.validate(db);
            assertEquals(List.of(), findings.stream().map(Finding::toString).toList());
        }
    }

    @Test
    void cleanProductFileHasNoFindingsIncludingStructure() throws Exception {
        Path msi = dir.resolve("contoso.msi");
        Products.clean(dir).write(msi, Products.OPTIONS);
        assertEquals(List.of(), Validator.validate(msi).stream().map(Finding::toString).toList());
    }
}
