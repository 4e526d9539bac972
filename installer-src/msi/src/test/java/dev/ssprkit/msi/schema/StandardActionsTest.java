package dev.ssprkit.msi.schema;

import dev.ssprkit.msi.schema.StandardActions.Placement;
import dev.ssprkit.msi.schema.StandardActions.SequenceTable;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StandardActions} against the SDK's list and against what WiX and wixl wrote into real packages.
 *
 * <p>{@code src/test/resources/standard-actions/*.txt} hold the sequence tables ({@code msiinfo export}) of
 * WiX-built packages and merge modules from public repositories' test data, with the tables that have rows and the
 * actions the source placed itself (each header names the repository, commit and path).
 */
class StandardActionsTest {

    /** The SDK's "Standard Actions Reference" (https://learn.microsoft.com/windows/win32/msi/standard-actions-reference). */
    static final List<String> SDK_ACTIONS = List.of(
            "ADMIN", "ADVERTISE", "AllocateRegistrySpace", "AppSearch", "BindImage", "CCPSearch", "CostFinalize",
            "CostInitialize", "CreateFolders", "CreateShortcuts", "DeleteServices", "DisableRollback", "DuplicateFiles",
            "ExecuteAction", "FileCost", "FindRelatedProducts", "ForceReboot", "INSTALL", "InstallAdminPackage",
            "InstallExecute", "InstallExecuteAgain", "InstallFiles", "InstallFinalize", "InstallInitialize", "InstallODBC",
            "InstallServices", "InstallSFPCatalogFile", "InstallValidate", "IsolateComponents", "LaunchConditions",
            "MigrateFeatureStates", "MoveFiles", "MsiConfigureServices", "MsiPublishAssemblies", "MsiUnpublishAssemblies",
            "PatchFiles", "ProcessComponents", "PublishComponents", "PublishFeatures", "PublishProduct",
            "RegisterClassInfo", "RegisterComPlus", "RegisterExtensionInfo", "RegisterFonts", "RegisterMIMEInfo",
            "RegisterProduct", "RegisterProgIdInfo", "RegisterTypeLibraries", "RegisterUser", "RemoveDuplicateFiles",
            "RemoveEnvironmentStrings", "RemoveExistingProducts", "RemoveFiles", "RemoveFolders", "RemoveIniValues",
            "RemoveODBC", "RemoveRegistryValues", "RemoveShortcuts", "ResolveSource", "RMCCPSearch", "ScheduleReboot",
            "SelfRegModules", "SelfUnregModules", "SetODBCFolders", "StartServices", "StopServices",
            "UnpublishComponents", "UnpublishFeatures", "UnregisterClassInfo", "UnregisterComPlus",
            "UnregisterExtensionInfo", "UnregisterFonts", "UnregisterMIMEInfo", "UnregisterProgIdInfo",
            "UnregisterTypeLibraries", "ValidateProductID", "WriteEnvironmentStrings", "WriteIniValues",
            "WriteRegistryValues");

    @Test
    void namesAreTheSdkStandardActions() {
        assertEquals(new TreeSet<>(SDK_ACTIONS), new TreeSet<>(StandardActions.names()));
        assertTrue(StandardActions.isTopLevel("INSTALL") && !StandardActions.isTopLevel("InstallFiles"));
        assertFalse(StandardActions.isStandard("Wix4SchedFirewallExceptionsInstall_X86"));
        for (SequenceTable t : SequenceTable.values()) assertEquals(t, SequenceTable.fromTableName(t.tableName()));
    }

    /**
     * WiX 3's AllStandardActions test references every standard action of InstallExecuteSequence by name alone
     * (except seven it places itself): the numbers WiX gave them are the defaults.
     */
    @Test
    void defaultsAreTheNumbersWixGaveEveryStandardAction() throws IOException {
        Fixture f = Fixture.read("wix3.0-allstandardactions.txt");
        Map<String, Row> ies = f.rows.get("InstallExecuteSequence");
        TreeSet<String> referenced = new TreeSet<>(ies.keySet());
        referenced.removeAll(f.placedBySource("InstallExecuteSequence"));
        TreeSet<String> defaults = new TreeSet<>();
        for (Placement p : StandardActions.defaults(SequenceTable.INSTALL_EXECUTE)) defaults.add(p.action());
        defaults.removeAll(f.placedBySource("InstallExecuteSequence"));
        defaults.remove("MsiConfigureServices"); // Windows Installer 5's action came after this WiX 3.0 test
        assertEquals(defaults, referenced, "actions with a default in InstallExecuteSequence");
        for (String action : referenced) {
            assertEquals((Integer) StandardActions.defaultPlacement(SequenceTable.INSTALL_EXECUTE, action).orElseThrow().sequence(), ies.get(action).sequence, action);
        }
        // WiX writes no condition for an action the source references without one.
        for (Row r : ies.values()) assertEquals("", r.condition, r.action);
    }

    /** The standard actions WiX scheduled by itself are exactly those the package's rows call for, at the defaults. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wix3.0-allstandardactions.txt", "wix6-lockpermissions.txt", "wix4-firewall.txt",
            "wix4-wixsharp-myproduct.txt", "wix5-module401.txt", "wix4-mergemodule1.txt"})
    void wixSchedulesWhatTheRowsCallFor(String name) throws IOException {
        Fixture f = Fixture.read(name);
        for (SequenceTable t : SequenceTable.values()) {
            String stored = f.module ? "Module" + t.tableName() : t.tableName();
            Map<String, Row> rows = f.rows.getOrDefault(stored, Map.of());
            TreeSet<String> expected = new TreeSet<>();
            for (Placement p : StandardActions.scheduledAutomatically(t, f.rowsIn, f.module)) expected.add(p.action());
            if (name.startsWith("wix3.0-allstandardactions")) {
                // every action of this table is referenced by the source, so compare the other four tables only
                if (t == SequenceTable.INSTALL_EXECUTE) continue;
            }
            TreeSet<String> found = new TreeSet<>();
            for (Row r : rows.values()) {
                if (!StandardActions.isStandard(r.action) || f.placedBySource(stored).contains(r.action)) continue;
                found.add(r.action);
                Placement p = StandardActions.defaultPlacement(t, r.action).orElseThrow(() -> new AssertionError(name + ": " + r.action + " has no default in " + t));
                assertEquals((Integer) p.sequence(), r.sequence, name + " " + stored + "/" + r.action + " sequence");
                assertEquals(p.condition() == null ? "" : p.condition(), r.condition, name + " " + stored + "/" + r.action + " condition");
            }
            assertEquals(expected, found, name + ": standard actions in " + stored + " (rows in " + f.rowsIn + ")");
        }
    }

    /** wixl has its own copy of the numbers and conditions; every standard action it schedules must agree. */
    @Tag("interop")
    @ParameterizedTest(name = "{0}.wxs")
    @ValueSource(strings = {"nested", "registry", "upgrade", "customaction", "services"})
    void wixlUsesTheSameNumbersAndConditions(String source, @TempDir Path dir) throws IOException {
        Tool.require("wixl", "msiinfo");
        Path from = resource("/wixl");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path msi = dir.resolve(source + ".msi");
        Tool.run(List.of("wixl", "-a", "x64", "-o", msi.toString(), source + ".wxs"), dir, Map.of(), 120).assertOk();
        int checked = 0;
        for (SequenceTable t : SequenceTable.values()) {
            String out = Tool.run(List.of("msiinfo", "export", msi.toString(), t.tableName()), dir, Map.of(), 60).assertOk().stdout();
            List<String> lines = Arrays.asList(out.split("\r\n"));
            for (String line : lines.subList(3, lines.size())) {
                if (line.isEmpty()) continue;
                String[] c = line.split("\t", -1);
                var p = StandardActions.defaultPlacement(t, c[0]);
                if (p.isEmpty()) {
                    // custom actions, and RemoveExistingProducts placed by MajorUpgrade
                    assertTrue(!StandardActions.isStandard(c[0]) || c[0].equals("RemoveExistingProducts"), source + ": " + c[0]);
                    continue;
                }
                assertEquals(p.get().sequence(), Integer.parseInt(c[2]), source + " " + t.tableName() + "/" + c[0]);
                assertEquals(p.get().condition() == null ? "" : p.get().condition(), c[1], source + " " + t.tableName() + "/" + c[0] + " condition");
                checked++;
            }
        }
        assertTrue(checked >= 30, source + ": only " + checked + " standard actions checked");
    }

    /** A sequence-table row; {@code sequence} is null for a module row placed relative to another action. */
    record Row(String action, String condition, Integer sequence) {}

    /** One fixture: its header facts and its sequence rows by table and action. */
    record Fixture(boolean module, Set<String> rowsIn, Set<String> placed, Map<String, Map<String, Row>> rows) {
        static Fixture read(String name) throws IOException {
            boolean module = false;
            Set<String> rowsIn = new HashSet<>(), placed = new HashSet<>();
            Map<String, Map<String, Row>> rows = new TreeMap<>();
            for (String line : Files.readAllLines(resource("/standard-actions").resolve(name), StandardCharsets.UTF_8)) {
                if (line.startsWith("# package kind: ")) module = line.endsWith("merge module");
                else if (line.startsWith("# rows in: ")) rowsIn.addAll(words(line.substring("# rows in: ".length())));
                else if (line.startsWith("# placed by the source:")) placed.addAll(words(line.substring("# placed by the source:".length())));
                else if (!line.startsWith("#") && !line.isEmpty()) {
                    String[] c = line.split("\t", -1);
                    // Module*Sequence: Action, Sequence, BaseAction, After, Condition; the others: Action, Condition, Sequence
                    Row r = c[0].startsWith("Module") ? new Row(c[1], c[5], number(c[2])) : new Row(c[1], c[2], number(c[3]));
                    rows.computeIfAbsent(c[0], k -> new TreeMap<>()).put(r.action, r);
                }
            }
            return new Fixture(module, rowsIn, placed, rows);
        }

        Set<String> placedBySource(String table) {
            Set<String> out = new HashSet<>();
            for (String p : placed) if (p.startsWith(table + "/")) out.add(p.substring(table.length() + 1));
            return out;
        }

        private static Integer number(String cell) {
            return cell.isEmpty() ? null : Integer.valueOf(cell);
        }

        private static List<String> words(String s) {
            List<String> out = new ArrayList<>();
            for (String w : s.trim().split(" +")) if (!w.isEmpty()) out.add(w);
            return out;
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(StandardActionsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
