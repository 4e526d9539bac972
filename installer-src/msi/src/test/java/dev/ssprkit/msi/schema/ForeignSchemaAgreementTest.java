package dev.ssprkit.msi.schema;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our table declarations against the tables other tools stored, column by column: name, order, string width,
 * integer size, nullable, localizable, binary, key ({@code _Columns}), and range, key table, category and value set
 * ({@code _Validation}).
 *
 * <ul>
 *   <li>{@code src/test/resources/foreign-schema/*.idt}: {@code msiinfo export} of {@code _Columns} and
 *       {@code _Validation} (its Description column left out) of packages built by WiX 3.0 to 6, Visual Studio's setup
 *       engine and SetupMaker, taken from public repositories' test data (each file's header names the repository,
 *       commit and path, and the tool that built the package). Only this metadata is kept, not the packages. A
 *       package built to an older SDK schema differs from ours in known places; its header lists each such
 *       difference ({@code # differs: ...}) with the reason, and the test requires exactly those.</li>
 *   <li>wixl (interop): packages built from {@code src/test/resources/wixl} must store every table we declare
 *       exactly as we declare it.</li>
 *   <li>Opt-in, {@code -Dssprkit.foreignPackages=DIR}: the fixtures are what msiinfo prints for the original
 *       packages, copied into DIR as {@code <fixture name>.msi} (or .msm, .msp).</li>
 * </ul>
 */
class ForeignSchemaAgreementTest {

    static Stream<String> fixtures() {
        try (Stream<Path> files = Files.list(fixtureDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idt")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void storedTablesAgreeWithTheDeclarationsExceptWhereTheHeaderSays(String fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixtureDir().resolve(fixture), StandardCharsets.UTF_8);
        List<String[]> rows = StoredSchemaComparison.idtRows(lines);
        assertFalse(rows.isEmpty(), fixture + " has no rows");
        List<String> found = fixture.endsWith(".columns.idt")
                ? StoredSchemaComparison.columnDifferences(rows)
                : StoredSchemaComparison.validationDifferences(rows);
        assertEquals(new TreeSet<>(StoredSchemaComparison.declaredDifferences(lines)), new TreeSet<>(found), fixture
                + ": differences from our declarations (a new one is a declaration to check against the SDK; a listed one"
                + " that is gone should leave the header)");
    }

    /** Each fixture must be about tables we declare, and together they must cover most of the schema. */
    @Test
    void fixturesCoverTheDeclaredTables() throws IOException {
        TreeSet<String> covered = new TreeSet<>();
        for (String fixture : fixtures().toList()) {
            if (!fixture.endsWith(".columns.idt")) continue;
            for (String[] r : StoredSchemaComparison.idtRows(Files.readAllLines(fixtureDir().resolve(fixture)))) {
                if (StandardSchema.get(r[0]) != null) covered.add(r[0]);
            }
        }
        TreeSet<String> missing = new TreeSet<>(StandardSchema.all().keySet());
        missing.removeAll(covered);
        // Tables no public package we found carries (Windows Installer 4.5+ features and rarely used merge-module
        // tables); the SDK pages and WiX's definitions are their only check.
        assertEquals(new TreeSet<>(List.of("ModuleAdvtExecuteSequence", "ModuleAdvtUISequence", "ModuleIgnoreTable",
                "MsiEmbeddedChainer", "MsiEmbeddedUI", "MsiPackageCertificate", "MsiPatchHeaders", "MsiPatchOldAssemblyFile",
                "MsiPatchOldAssemblyName", "MsiServiceConfig", "MsiServiceConfigFailureActions")), missing);
    }

    @Tag("interop")
    @ParameterizedTest(name = "{0}.wxs")
    @ValueSource(strings = {"nested", "services"})
    void wixlStoresTheTablesAsDeclared(String source, @TempDir Path dir) throws IOException {
        Tool.require("wixl", "msiinfo");
        copyWixlResources(dir);
        Path msi = dir.resolve(source + ".msi");
        Tool.run(List.of("wixl", "-a", "x64", "-o", msi.toString(), source + ".wxs"), dir, Map.of(), 120).assertOk();
        String out = Tool.run(List.of("msiinfo", "export", msi.toString(), "_Columns"), dir, Map.of(), 60).assertOk().stdout();
        List<String[]> rows = StoredSchemaComparison.idtRows(Arrays.asList(out.split("\r?\n")));
        long declared = rows.stream().map(r -> r[0]).distinct().filter(t -> StandardSchema.get(t) != null).count();
        assertTrue(declared >= 20, "wixl stored only " + declared + " tables we declare");
        assertEquals(List.of(), StoredSchemaComparison.columnDifferences(rows), "wixl's _Columns against our declarations");
    }

    @Tag("interop")
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @EnabledIfSystemProperty(named = "ssprkit.foreignPackages", matches = ".+")
    void fixtureIsWhatMsiinfoPrintsForThePackage(String fixture) throws IOException {
        Tool.require("msiinfo");
        boolean columns = fixture.endsWith(".columns.idt");
        String name = fixture.substring(0, fixture.length() - (columns ? ".columns.idt" : ".validation.idt").length());
        Path dir = Path.of(System.getProperty("ssprkit.foreignPackages"));
        Path pkg = Stream.of(".msi", ".msm", ".msp").map(ext -> dir.resolve(name + ext)).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + ".msi/.msm/.msp in " + dir + "; copy it there from the path in " + fixture));
        String out = Tool.run(List.of("msiinfo", "export", pkg.toString(), columns ? "_Columns" : "_Validation"), dir, Map.of(), 60)
                .assertOk().stdout();
        List<String> printed = new ArrayList<>();
        for (String line : out.split("\r\n")) {
            if (line.isEmpty()) continue;
            String[] cells = line.split("\t", -1);
            // the fixture keeps _Validation's first nine columns (Description is left out)
            printed.add(columns || cells.length <= 9 ? line : String.join("\t", Arrays.copyOf(cells, 9)));
        }
        List<String> stored = Files.readAllLines(fixtureDir().resolve(fixture)).stream().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertEquals(printed, stored, fixture);
    }

    private static Path fixtureDir() {
        return resource("/foreign-schema");
    }

    private static Path resource(String name) {
        try {
            return Path.of(ForeignSchemaAgreementTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyWixlResources(Path to) throws IOException {
        Path from = resource("/wixl");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
