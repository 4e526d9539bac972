package dev.ssprkit.wix.loc;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages with the built-in WixUI_InstallDir dialogs built for a culture, read back with msitools' msiinfo (export of
 * the Dialog, Control, Property and _ForceCodepage tables; suminfo). The expected texts are those of the library's
 * .wxl file for the culture, read as XML, through the string id the library's dialog source names for each title and
 * control; the expected codepage and language id are Microsoft's for the culture ([MS-LCID], code page identifiers).
 */
@Tag("interop")
class LibraryTextsBuildTest {
    @TempDir Path dir;

    /** The dialog titles and control texts of {@code msi} that differ from {@code culture}'s library strings. */
    private static List<String> mismatches(Path msi, String culture, int[] checked) {
        Map<String, String> shown = UiPackage.shownTexts(msi);
        Map<String, String> strings = UiPackage.libraryStrings(culture);
        List<String> wrong = new ArrayList<>();
        UiPackage.textSources().forEach((key, ids) -> {
            String text = shown.get(key);
            if (text == null) return; // a dialog of another set, not in this package
            checked[0]++;
            if (ids.stream().noneMatch(id -> text.equals(strings.get(id)))) wrong.add(key + ": '" + text + "', want " + ids);
        });
        return wrong;
    }

    private BuildResult build(String name, List<String> cultures, List<Path> wxl) {
        Tool.require("msiinfo");
        BuildResult r = UiPackage.build(dir, name, cultures, wxl);
        assertTrue(r.success(), r.diagnostics().toString());
        return r;
    }

    @Test
    void aGermanBuildShowsTheGermanTexts() {
        BuildResult r = build("de.msi", List.of("de-de"), List.of());
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        int[] checked = {0};
        List<String> wrong = mismatches(dir.resolve("de.msi"), "de-de", checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked[0] > 100, "titles and texts checked: " + checked[0]);
        // and they are not the English ones
        assertEquals("Installation von [ProductName]", UiPackage.shownTexts(dir.resolve("de.msi")).get("WelcomeDlg"));
        assertNotEquals(UiPackage.libraryStrings("en-us").get("WelcomeDlg_Title"), UiPackage.libraryStrings("de-de").get("WelcomeDlg_Title"));
        assertEquals(List.of("1252"), codepage(dir.resolve("de.msi")));
        assertEquals("1031", property(dir.resolve("de.msi"), "ProductLanguage"));
    }

    /**
     * The action texts the installer shows in the progress dialog (the SDK's ActionText table: Action, Description,
     * Template). Expected actions: the 70 standard actions WiX's UI extension gives a text (its ProgressText<Action>
     * string ids, public names), among them the 37 this library lacked before (Advertise, BindImage, DuplicateFiles,
     * RegisterFonts, SelfRegModules...). Read back with msiinfo from a Spanish build: each has a description in the
     * culture's text, and a template where WiX's has one (the installer fills [1], [2]... from the action's data).
     */
    @Test
    void everyProgressActionHasItsTextInTheCulture() {
        build("es.msi", List.of("es-es"), List.of());
        String rows = Tool.run("msiinfo", "export", dir.resolve("es.msi").toString(), "ActionText").assertOk().stdout();
        Map<String, String[]> byAction = new java.util.TreeMap<>();
        for (String line : rows.split("\r\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 2) byAction.put(f[0], f);
        }
        Map<String, String> es = UiPackage.libraryStrings("es-es");
        List<String> missing = new ArrayList<>();
        for (String action : List.of("Advertise", "AllocateRegistrySpace", "AppSearch", "BindImage", "CCPSearch", "CostFinalize",
                "CostInitialize", "CreateFolders", "CreateShortcuts", "DeleteServices", "DuplicateFiles", "FileCost",
                "FindRelatedProducts", "GenerateScript", "InstallAdminPackage", "InstallFiles", "InstallODBC", "InstallServices",
                "InstallSFPCatalogFile", "InstallValidate", "LaunchConditions", "MigrateFeatureStates", "MoveFiles",
                "MsiPublishAssemblies", "MsiUnpublishAssemblies", "PatchFiles", "ProcessComponents", "PublishComponents",
                "PublishFeatures", "PublishProduct", "RegisterClassInfo", "RegisterComPlus", "RegisterExtensionInfo",
                "RegisterFonts", "RegisterMIMEInfo", "RegisterProduct", "RegisterProgIdInfo", "RegisterTypeLibraries",
                "RegisterUser", "RemoveDuplicateFiles", "RemoveEnvironmentStrings", "RemoveExistingProducts", "RemoveFiles",
                "RemoveFolders", "RemoveIniValues", "RemoveODBC", "RemoveRegistryValues", "RemoveShortcuts", "RMCCPSearch",
                "Rollback", "RollbackCleanup", "SelfRegModules", "SelfUnregModules", "SetODBCFolders", "StartServices", "StopServices",
                "UnmoveFiles", "UnpublishComponents", "UnpublishFeatures", "UnpublishProduct", "UnregisterClassInfo", "UnregisterComPlus",
                "UnregisterExtensionInfo", "UnregisterFonts", "UnregisterMIMEInfo", "UnregisterProgIdInfo",
                "UnregisterTypeLibraries", "WriteEnvironmentStrings", "WriteIniValues", "WriteRegistryValues")) {
            String[] row = byAction.get(action);
            String want = es.get("ProgressText" + action);
            if (row == null || !row[1].equals(want)) missing.add(action + ": " + (row == null ? "no row" : row[1]) + ", want " + want);
            String template = es.get("ProgressText" + action + "Template");
            if (template != null && (row == null || row.length < 3 || !row[2].equals(template))) missing.add(action + " template");
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void aJapaneseBuildUsesCodepage932AndLanguage1041() {
        build("ja.msi", List.of("ja-jp"), List.of());
        Path msi = dir.resolve("ja.msi");
        assertEquals(List.of("932"), codepage(msi));
        assertEquals("1041", property(msi, "ProductLanguage"));
        String summary = Tool.run("msiinfo", "suminfo", msi.toString()).assertOk().stdout();
        assertTrue(summary.contains("Template: Intel;1041"), summary);
        // msiinfo decodes the strings with the database's codepage: the Japanese texts come back as written
        int[] checked = {0};
        List<String> wrong = mismatches(msi, "ja-jp", checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked[0] > 100, "titles and texts checked: " + checked[0]);
    }

    @Test
    void theProjectsOwnStringWinsOverTheLibrarys() throws Exception {
        Path wxl = dir.resolve("project.de-de.wxl");
        Files.writeString(wxl, """
                <WixLocalization Culture="de-de" xmlns="http://wixtoolset.org/schemas/v4/wxl">
                  <String Id="WelcomeDlgTitle" Value="{\\WixUI_Font_Bigger}Willkommen beim Zählwerk" />
                </WixLocalization>
                """);
        build("own.msi", List.of("de-de"), List.of(wxl));
        Map<String, String> shown = UiPackage.shownTexts(dir.resolve("own.msi"));
        assertEquals("{\\WixUI_Font_Bigger}Willkommen beim Zählwerk", shown.get("WelcomeDlg/Title"));
        // the strings it does not give stay the library's German ones
        Map<String, String> german = UiPackage.libraryStrings("de-de");
        assertEquals(german.get("WelcomeDlgDescription"), shown.get("WelcomeDlg/Description"));
        assertEquals(german.get("WelcomeDlg_Title"), shown.get("WelcomeDlg"));
    }

    @Test
    void aCultureTheLibraryLacksWarnsOnceAndFallsBackToEnglish() {
        BuildResult r = build("it.msi", List.of("it-it"), List.of());
        List<Diagnostic> warnings = r.diagnostics().stream().filter(d -> d.id().equals("WIX0206")).toList();
        assertEquals(1, warnings.size(), r.diagnostics().toString());
        assertTrue(warnings.get(0).text().contains("it-it"), warnings.toString());
        assertTrue(warnings.get(0).hint().contains("de-de") && warnings.get(0).hint().contains("ja-jp"), warnings.toString());
        int[] checked = {0};
        List<String> wrong = mismatches(dir.resolve("it.msi"), "en-us", checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked[0] > 100, "titles and texts checked: " + checked[0]);
    }

    @Test
    void aCultureChainTakesTheFirstCultureTheLibraryHas() {
        BuildResult r = build("fr.msi", List.of("it-it;fr-fr"), List.of());
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        assertEquals(UiPackage.libraryStrings("fr-fr").get("WelcomeDlg_Title"), UiPackage.shownTexts(dir.resolve("fr.msi")).get("WelcomeDlg"));
        assertEquals("1036", property(dir.resolve("fr.msi"), "ProductLanguage"));
    }

    @Test
    void withoutACultureTheTextsAreEnglish() {
        BuildResult r = build("en.msi", List.of(), List.of());
        assertFalse(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0206")), r.diagnostics().toString());
        int[] checked = {0};
        List<String> wrong = mismatches(dir.resolve("en.msi"), "en-us", checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(List.of("1252"), codepage(dir.resolve("en.msi")));
    }

    /** The codepage msiinfo reports for the database (its _ForceCodepage export: the codepage, then the table name). */
    private static List<String> codepage(Path msi) {
        String out = Tool.run("msiinfo", "export", msi.toString(), "_ForceCodepage").assertOk().stdout();
        for (String line : out.split("\r?\n")) {
            String[] f = line.split("\t");
            if (f.length == 2 && f[1].equals("_ForceCodepage")) return List.of(f[0]);
        }
        throw new AssertionError("no codepage line in msiinfo's export: " + out);
    }

    private static String property(Path msi, String name) {
        for (String[] r : UiPackage.export(msi, "Property")) if (r[0].equals(name)) return r[1];
        return null;
    }
}
