package dev.ssprkit.validate;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.ssprkit.validate.Products.delete;
import static dev.ssprkit.validate.Products.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every implemented ICE, the clean product with one violation injected is reported with that ICE number
 * (and the clean product itself is not: see {@link CleanProductTest}).
 */
class IceViolationTest {
    @TempDir Path dir;

    record Case(String ice, Severity severity, String what, Consumer<Database> inject) {
        @Override
        public String toString() {
            return ice + " " + what;
        }
    }

    static Case c(String ice, Severity severity, String what, Consumer<Database> inject) {
        return new Case(ice, severity, what, inject);
    }

    static final Severity E = Severity.ERROR, W = Severity.WARNING;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(c("ICE02", E, "key path is another component's file", db -> set(db, "Component", "MainExe", "KeyPath", "defaults.json")));
        cases.add(c("ICE03", E, "lower-case component GUID", db -> set(db, "Component", "Agent", "ComponentId", "{5a3c1e2b-9d4f-4a6b-8c7d-1e2f3a4b5c6d}")));
        cases.add(c("ICE03", E, "DefaultDir with two bars", db -> set(db, "Directory", "DATADIR", "DefaultDir", "a|b|c")));
        cases.add(c("ICE03", E, "dangling foreign key", db -> db.table("FeatureComponents").add("Complete", "NoSuchComponent")));
        cases.add(c("ICE03", E, "registry key with the root in it", db -> db.table("Registry").add("regBad", 2, "HKEY_LOCAL_MACHINE\\Software\\X", "v", "1", "Settings")));
        cases.add(c("ICE03", E, "integer out of range", db -> set(db, "ServiceInstall", "AgentService", "StartType", 7)));
        cases.add(c("ICE03", E, "value not in the column's set", db -> set(db, "RemoveFile", "RemoveContosoMenu", "InstallMode", 5)));
        cases.add(c("ICE03", E, "unbalanced condition", db -> db.table("LaunchCondition").add("(VersionNT >= 601", "Windows 7 or later")));
        cases.add(c("ICE03", E, "unbalanced formatted", db -> db.table("Registry").add("regBad", 2, "Software\\X", "v", "[INSTALLDIR", "Settings")));
        cases.add(c("ICE03", E, "invalid version", db -> set(db, "File", "contoso.exe", "Version", "2.1.x")));
        cases.add(c("ICE03", E, "property name not an identifier", db -> db.table("Property").add("1BAD", "x")));
        cases.add(c("ICE03", E, "long file name without short name", db -> db.table("File").add("extra.txt", "Defaults", "My Long Name.txt", 1, null, null, 512, 4)));
        cases.add(c("ICE04", E, "file sequence beyond the media", db -> set(db, "File", "defaults.json", "Sequence", 99)));
        cases.add(c("ICE05", E, "no Manufacturer", db -> delete(db, "Property", "Manufacturer")));
        cases.add(c("ICE06", E, "Environment without Component_", db -> {
            TableSchema std = StandardSchema.require("Environment");
            db.createTable(new TableSchema("Environment", std.columns().subList(0, 3))).add("Path", "PATH", "x");
        }));
        cases.add(c("ICE08", E, "two components share a GUID", db -> set(db, "Component", "Agent", "ComponentId",
                Context.text(db.table("Component").find("MainExe"), "ComponentId"))));
        cases.add(c("ICE09", W, "non-permanent component in SystemFolder", db -> {
            db.table("Directory").add("SystemFolder", "TARGETDIR", ".");
            component(db, "SysComp", "SystemFolder", 0);
        }));
        cases.add(c("ICE12", E, "type 35 before CostFinalize", db -> {
            db.table("CustomAction").add("SetDataDir", 35, "DATADIR", "[INSTALLDIR]data", null);
            db.table("InstallExecuteSequence").add("SetDataDir", null, 950);
        }));
        cases.add(c("ICE14", E, "root feature FollowParent", db -> set(db, "Feature", "Complete", "Attributes", 2)));
        cases.add(c("ICE16", E, "ProductName of 70 characters", db -> set(db, "Property", "ProductName", "Value", "C".repeat(70))));
        cases.add(c("ICE17", E, "shortcut target neither feature nor path", db -> set(db, "Shortcut", "ToolShortcut", "Target", "NotAFeature")));
        cases.add(c("ICE18", E, "empty directory key path without CreateFolder", db -> {
            db.table("Component").add("EmptyDir", "{0D7A3B1C-2E4F-4A5B-9C8D-7E6F5A4B3C2D}", "DATADIR", 0x100, null, null);
            db.table("FeatureComponents").add("Data", "EmptyDir");
        }));
        cases.add(c("ICE21", E, "component in no feature", db -> {
            db.table("Component").add("Orphan", "{1D7A3B1C-2E4F-4A5B-9C8D-7E6F5A4B3C2D}", "DATADIR", 0x100, null, null);
            db.table("CreateFolder").add("DATADIR", "Orphan");
        }));
        cases.add(c("ICE24", E, "ProductVersion major above 255", db -> set(db, "Property", "ProductVersion", "Value", "256.0.0")));
        cases.add(c("ICE26", E, "CostFinalize missing", db -> delete(db, "InstallExecuteSequence", "CostFinalize")));
        cases.add(c("ICE27", E, "InstallFiles after InstallFinalize", db -> set(db, "InstallExecuteSequence", "InstallFiles", "Sequence", 7000)));
        // the SDK's SetODBCFolders Action page: after CostFinalize, before InstallValidate (WiX's standard 1100 passes)
        cases.add(c("ICE27", E, "SetODBCFolders after InstallValidate", db -> db.table("InstallExecuteSequence").add("SetODBCFolders", null, 1450)));
        cases.add(c("ICE27", E, "unknown action", db -> db.table("InstallExecuteSequence").add("NoSuchAction", null, 1450)));
        cases.add(c("ICE30", E, "two components install Read Me.txt to INSTALLDIR", db -> {
            component(db, "Dup", "INSTALLDIR", 0x100);
            db.table("File").add("ReadMeCopy", "Dup", "readmec.txt|Read Me.txt", 10, null, null, 512, 4);
        }));
        // the SDK's ICE30 has a warning form for two conditioned components ("might be installed ... by two different
        // conditionalized components"): the conditions may exclude each other (winfsp's OSARCH = "AMD64" / "x86")
        cases.add(c("ICE30", W, "two conditioned components install Read Me.txt to INSTALLDIR", db -> {
            component(db, "Dup", "INSTALLDIR", 0x100);
            set(db, "Component", "Dup", "Condition", "OSARCH = \"x86\"");
            set(db, "Component", "MainExe", "Condition", "OSARCH = \"AMD64\"");
            db.table("File").add("ReadMeCopy", "Dup", "readmec.txt|Read Me.txt", 10, null, null, 512, 4);
        }));
        cases.add(c("ICE32", E, "foreign key narrower than its key", db -> {
            List<Column> cols = List.of(Col.s("Feature_", 38).key().build(), Col.s("Component_", 40).key().build());
            db.createTable(new TableSchema("FeatureComponents", cols)).add("Complete", "MainExe");
        }));
        cases.add(c("ICE33", W, "COM class through the Registry table", db -> db.table("Registry").add("regClsid", 0,
                "CLSID\\{2F1E3D4C-5B6A-4798-8A7B-6C5D4E3F2A1B}\\InprocServer32", null, "[#contoso.exe]", "Settings")));
        cases.add(c("ICE35", E, "compressed files in a SourceOnly component", db -> set(db, "Component", "Defaults", "Attributes", 0x101)));
        cases.add(c("ICE36", W, "unused icon", db -> db.table("Icon").add("unused.ico", StreamData.of(new byte[] {0, 0, 1, 0}))));
        cases.add(c("ICE38", E, "profile component without HKCU key path", db -> {
            db.table("Directory").add("AppDataFolder", "TARGETDIR", ".");
            db.table("Directory").add("ContosoAppData", "AppDataFolder", "Contoso");
            component(db, "UserData", "ContosoAppData", 0x100);
            db.table("RemoveFile").add("RemoveAppData", "UserData", null, "ContosoAppData", 2);
        }));
        cases.add(c("ICE39", E, "summary template with a bad language", db -> db.summary().template = "x64;english"));
        cases.add(c("ICE43", E, "profile shortcut keyed by HKLM in a per-user package", db -> {
            set(db, "Registry", "regStartMenu", "Root", 2);
            delete(db, "Property", "ALLUSERS");
        }));
        cases.add(c("ICE45", W, "reserved component attribute bit", db -> set(db, "Component", "Agent", "Attributes", 0x1100)));
        cases.add(c("ICE46", W, "property case mismatch", db -> db.table("Registry").add("regCase", 2, "Software\\X", "v", "[Loglevel]", "Settings")));
        cases.add(c("ICE47", W, "feature with 1601 components", db -> {
            for (int i = 0; i < 1601; i++) {
                String id = "Many" + i;
                db.table("Component").add(id, String.format("{0000%04X-2E4F-4A5B-9C8D-7E6F5A4B3C2D}", i), "DATADIR", 0x100, null, null);
                db.table("CreateFolder").add("DATADIR", id);
                db.table("FeatureComponents").add("Data", id);
            }
        }));
        cases.add(c("ICE48", W, "hard-coded DefaultDir", db -> set(db, "Directory", "DATADIR", "DefaultDir", "C:\\Contoso")));
        cases.add(c("ICE52", W, "AppSearch property not public", db -> {
            db.table("AppSearch").add("oldPath", "sigOld");
            db.table("RegLocator").add("sigOld", 2, "Software\\Contoso\\Old", "Path", 2);
        }));
        cases.add(c("ICE57", E, "per-user and per-machine data in one component", db ->
                db.table("Registry").add("regUser", 1, "Software\\Contoso", "User", "1", "Settings")));
        cases.add(c("ICE58", W, "81 media rows", db -> {
            for (int i = 2; i <= 82; i++) db.table("Media").add(i, 4, null, null, null, null);
        }));
        cases.add(c("ICE59", E, "advertised shortcut to a feature without its component", db -> set(db, "Shortcut", "ToolShortcut", "Target", "Data")));
        cases.add(c("ICE60", W, "versioned file without a language", db -> set(db, "File", "contoso.exe", "Language", null)));
        cases.add(c("ICE61", E, "upgrade property not secured", db -> set(db, "Property", "SecureCustomProperties", "Value", "WIX_DOWNGRADE_DETECTED")));
        cases.add(c("ICE61", W, "upgrade range includes this version", db -> set(db, "Upgrade", db.table("Upgrade").rows().get(0).get(0),
                "Attributes", 0x201)));
        cases.add(c("ICE63", W, "RemoveExistingProducts among the script actions", db -> set(db, "InstallExecuteSequence", "RemoveExistingProducts", "Sequence", 4100)));
        cases.add(c("ICE64", E, "profile directory not removed", db -> delete(db, "RemoveFile", "RemoveContosoMenu")));
        cases.add(c("ICE65", E, "[~] inside an environment value", db -> set(db, "Environment", "ContosoPath", "Value", "a[~]b")));
        cases.add(c("ICE66", W, "MsiFileHash with schema 100", db -> db.summary().pageCount = 100));
        cases.add(c("ICE67", W, "shortcut target in an Optional component", db -> set(db, "Component", "MainExe", "Attributes", 0x102)));
        cases.add(c("ICE68", E, "invalid custom action type", db -> set(db, "CustomAction", "SetLogFile", "Type", 63)));
        cases.add(c("ICE69", E, "reference to a missing file", db -> db.table("Registry").add("regRef", 2, "Software\\X", "v", "[#nosuchfile]", "Settings")));
        cases.add(c("ICE70", E, "bad DWORD", db -> db.table("Registry").add("regDword", 2, "Software\\X", "v", "#12a", "Settings")));
        cases.add(c("ICE71", E, "first disk is 2", db -> {
            var row = db.table("Media").find(1);
            Object[] cells = row.cells();
            cells[0] = 2;
            db.table("Media").remove(row);
            db.table("Media").add(cells);
        }));
        cases.add(c("ICE74", E, "FASTOEM authored", db -> db.table("Property").add("FASTOEM", "1")));
        cases.add(c("ICE75", E, "installed-file custom action before CostFinalize", db -> {
            db.table("CustomAction").add("RunTool", 18, "contoso.exe", "/init", null);
            db.table("InstallExecuteSequence").add("RunTool", null, 950);
        }));
        cases.add(c("ICE77", E, "deferred action after InstallFinalize", db -> {
            db.table("Binary").add("helper", StreamData.of(new byte[] {1}));
            db.table("CustomAction").add("Deferred", 1 | 0x400, "helper", "Entry", null);
            db.table("InstallExecuteSequence").add("Deferred", null, 6700);
        }));
        // the SDK's ICE17 page: a Bitmap control's picture is a Binary row; a PushButton has an event
        cases.add(c("ICE17", E, "bitmap control shows a missing Binary row", db -> ui(db).table("Control")
                .add("D", "Banner", "Bitmap", 0, 0, 370, 44, 1, null, "NoSuchBitmap", null, null)));
        cases.add(c("ICE17", E, "push button without an event", db -> ui(db).table("Control")
                .add("D", "Help", "PushButton", 10, 243, 56, 17, 3, null, "Help", null, null)));
        // the SDK's ICE31 page: a control's leading {\\Style} tag names a TextStyle row
        cases.add(c("ICE31", E, "control text uses an undefined text style", db -> ui(db).table("Control")
                .add("D", "Title", "Text", 10, 10, 100, 15, 3, null, "{\\BadStyle}Welcome", null, null)));
        cases.add(c("ICE31", W, "a style tag in the middle of the text", db -> ui(db).table("Control")
                .add("D", "Title", "Text", 10, 10, 100, 15, 3, null, "Welcome {\\Tahoma8}", null, null)));
        // the SDK's ICE34 page: a RadioButtonGroup's property has a default that is one of its buttons' values
        cases.add(c("ICE34", E, "radio group default is not one of its values", db -> {
            Database d = ui(db);
            d.table("Control").add("D", "Choice", "RadioButtonGroup", 10, 40, 100, 40, 3, "CHOICE", null, null, null);
            d.table("RadioButton").add("CHOICE", 1, "Yes", 0, 0, 100, 15, "Yes", null);
            d.table("RadioButton").add("CHOICE", 2, "No", 0, 20, 100, 15, "No", null);
            d.table("Property").add("CHOICE", "Maybe");
        }));
        // the SDK's ICE17 page: a RadioButtonGroup with the Bitmap attribute shows pictures named by its RadioButton texts
        cases.add(c("ICE17", E, "picture radio button without its Binary row", db -> {
            ui(db).table("Control").add("D", "Pick", "RadioButtonGroup", 10, 40, 100, 40, 0x40003, "PICK", null, null, null);
            db.table("RadioButton").add("PICK", 1, "Yes", 0, 0, 50, 15, "NoSuchPicture", null);
            db.table("Property").add("PICK", "Yes");
        }));
        // the SDK's ICE20 page: a UI (Dialog rows, no LIMITUI) has the Exit dialog at -1 in both UI sequences (the
        // other requirements: StandardDialogsIce20Test)
        cases.add(c("ICE20", E, "UI without an exit dialog in AdminUISequence", db -> Products.delete(
                StandardDialogsIce20Test.standardUi(db), "AdminUISequence", "D")));
        // the SDK's ICE44 page: NewDialog/SpawnDialog/SpawnWaitDialog name a Dialog row
        cases.add(c("ICE44", E, "SpawnDialog names a missing dialog", db -> ui(db).table("ControlEvent")
                .add("D", "Ok", "SpawnDialog", "NoSuchDlg", "1", 1)));
        cases.add(c("ICE78", E, "AdvtUISequence has rows", db -> db.createTable(new TableSchema("AdvtUISequence",
                StandardSchema.require("InstallUISequence").columns())).add("CostInitialize", null, 800)));
        cases.add(c("ICE79", E, "condition on a missing feature", db -> set(db, "Component", "MainExe", "Condition", "&NoSuchFeature = 3")));
        cases.add(c("ICE80", E, "64-bit components in an Intel package", db -> db.summary().template = "Intel;1033"));
        cases.add(c("ICE82", W, "two actions share a number", db -> set(db, "InstallExecuteSequence", "SetLogFile", "Sequence", 1000)));
        cases.add(c("ICE84", W, "conditioned CostFinalize", db -> set(db, "InstallExecuteSequence", "CostFinalize", "Condition", "NOT Installed")));
        cases.add(c("ICE86", W, "AdminUser condition", db -> db.table("LaunchCondition").add("AdminUser", "Administrators only")));
        cases.add(c("ICE87", W, "ADDLOCAL authored", db -> db.table("Property").add("ADDLOCAL", "ALL")));
        cases.add(c("ICE90", W, "shortcut in a public-property profile directory", db -> {
            db.table("Directory").add("MYMENU", "ProgramMenuFolder", "MyMenu");
            db.table("RemoveFile").add("RemoveMyMenu", "StartMenu", null, "MYMENU", 2);
            set(db, "Shortcut", "ToolShortcut", "Directory_", "MYMENU");
        }));
        cases.add(c("ICE91", W, "file in AppDataFolder", db -> {
            db.table("Directory").add("AppDataFolder", "TARGETDIR", ".");
            db.table("Directory").add("ContosoAppData", "AppDataFolder", "Contoso");
            set(db, "Component", "Defaults", "Directory_", "ContosoAppData");
        }));
        cases.add(c("ICE92", E, "permanent component without GUID", db -> {
            set(db, "Component", "Defaults", "ComponentId", null);
            set(db, "Component", "Defaults", "Attributes", 0x110);
        }));
        cases.add(c("ICE93", W, "custom action named like a standard action", db -> db.table("CustomAction").add("CostInitialize", 51, "X", "y", null)));
        cases.add(c("ICE96", E, "PublishProduct missing from AdvtExecuteSequence", db -> delete(db, "AdvtExecuteSequence", "PublishProduct")));
        cases.add(c("ICE99", E, "directory named like a reserved property", db -> db.table("Directory").add("CustomActionData", "INSTALLDIR", "cad")));
        cases.add(c("ICE105", E, "per-user package writing HKLM", db -> delete(db, "Property", "ALLUSERS")));
        return cases;
    }

    /** The UI tables with one dialog D (a PushButton Ok) and the text style Tahoma8. */
    static Database ui(Database db) {
        for (String t : List.of("Dialog", "Control", "ControlEvent", "TextStyle", "RadioButton", "Binary")) {
            if (db.tableOrNull(t) == null) db.createTable(StandardSchema.require(t));
        }
        if (db.table("Dialog").find("D") == null) {
            db.table("Dialog").add("D", 50, 50, 370, 270, 3, "Title", "Ok", "Ok", "Ok");
            db.table("Control").add("D", "Ok", "PushButton", 236, 243, 56, 17, 3, null, "{\\Tahoma8}OK", null, null);
            db.table("TextStyle").add("Tahoma8", "Tahoma", 8, null, null);
            db.table("ControlEvent").add("D", "Ok", "EndDialog", "Return", "1", 1);
        }
        return db;
    }

    /** A component with a CreateFolder row (so its directory is a valid key path) in feature Data. */
    static void component(Database db, String id, String dir, int attributes) {
        String guid = dev.ssprkit.msi.MsiWriter.guid(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 16
                ? java.util.Arrays.copyOf(id.getBytes(java.nio.charset.StandardCharsets.UTF_8), 16) : id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        db.table("Component").add(id, guid, dir, attributes, null, null);
        db.table("CreateFolder").add(dir, id);
        db.table("FeatureComponents").add("Data", id);
    }

    static Stream<Arguments> violations() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void violationIsReported(Case c) throws Exception {
        try (Database db = Products.build(dir)) {
            c.inject().accept(db);
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().anyMatch(f -> f.iceId().equals(c.ice()) && f.severity() == c.severity()),
                    () -> c + ": expected a " + c.severity() + " " + c.ice() + "; got\n" + String.join("\n", findings.stream().map(Finding::toString).toList()));
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals(Validator.RULE_FAILED)), findings::toString);
        }
    }

    @Test
    void aPerMachinePackagesStartMenuShortcutIsNotPerUser() throws Exception {
        // ALLUSERS=1 points the Start menu at the All Users profile (the SDK's ALLUSERS page): no ICE43 there
        try (Database db = Products.build(dir)) {
            set(db, "Registry", "regStartMenu", "Root", 2);
            assertEquals("1", db.table("Property").find("ALLUSERS").string("Value"));
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals("ICE43")), findings::toString);
        }
    }

    @Test
    void aFourthVersionFieldAbove65535IsNotAnIce24OrIce61Finding() throws Exception {
        // Windows Installer ignores a ProductVersion's fourth field (SDK, ProductVersion property) and WiX accepts any
        // 32-bit value there (its IsValidMsiProductVersion checks major < 256, minor < 256, build < 65536 only)
        try (Database db = Products.build(dir)) {
            set(db, "Property", "ProductVersion", "Value", "1.4.9.29789870");
            set(db, "Upgrade", db.table("Upgrade").rows().get(0).get(0), "VersionMax", "1.4.9.29789870");
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals("ICE24") || (f.iceId().equals("ICE61") && f.severity() == E)),
                    findings::toString);
            set(db, "Property", "ProductVersion", "Value", "1.4.65536.1");
            assertTrue(Validator.validate(db).stream().anyMatch(f -> f.iceId().equals("ICE24")), "the build field is still at most 65535");
        }
    }

    @Test
    void anHkmuKeyPathSatisfiesIce38AndIce43() throws Exception {
        // the SDK's ICE43 page: the fix for such a component is to "change the root value to -1 or 1" (HKMU or HKCU)
        try (Database db = Products.build(dir)) {
            set(db, "Registry", "regStartMenu", "Root", -1);
            delete(db, "Property", "ALLUSERS");
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals("ICE43") || f.iceId().equals("ICE38")), findings::toString);
        }
    }

    @Test
    void mixedDataWithAnHkcuKeyPathIsOnlyAnIce57Warning() throws Exception {
        // The SDK's ICE57 page, its example's Component2: "WARNING: Component 'Component2' has both per-user and
        // per-machine data with an HKCU Registry KeyPath." (light's validation passes seafile's shell-extension
        // components, which are so made); with an HKLM key path the same mix is an error (its Component1).
        for (int root : new int[] {1, 2}) {
            try (Database db = Products.build(java.nio.file.Files.createDirectories(dir.resolve("key" + root)))) {
                db.table("Registry").add("regMainKey", root, "Software\\Contoso\\Main", "Installed", "#1", "MainExe");
                db.table("Registry").add("regMainUser", 1, "Software\\Contoso\\Main", "User", "1", "MainExe");
                set(db, "Component", "MainExe", "Attributes", 4);
                set(db, "Component", "MainExe", "KeyPath", "regMainKey");
                List<Finding> ice57 = Validator.validate(db).stream().filter(f -> f.iceId().equals("ICE57") && "MainExe".equals(f.rowKey())).toList();
                assertEquals(1, ice57.size(), ice57::toString);
                assertEquals(root == 1 ? Severity.WARNING : Severity.ERROR, ice57.get(0).severity(), ice57::toString);
            }
        }
    }

    @Test
    void ice105ChecksHklmValuesNotHkcrOnes() throws Exception {
        // The SDK's ICE105 page: "Checks that the Registry table writes no entries under the HKEY_LOCAL_MACHINE key".
        // HKCR (Root 0) in a per-user installation is the user's HKCU\Software\Classes (the SDK's Registry table
        // page), so a per-user package may register a class there (CPython's launcher does); HKLM (Root 2) it may not.
        for (int root : new int[] {0, 2}) {
            try (Database db = Products.build(java.nio.file.Files.createDirectories(dir.resolve("root" + root)))) {
                delete(db, "Property", "ALLUSERS");
                String guid = dev.ssprkit.msi.MsiWriter.guid("ClassReg-105-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                db.table("Component").add("ClassReg", guid, "DATADIR", 4, null, "regClass");
                db.table("Registry").add("regClass", root, "Software\\Classes\\CLSID\\{BEA218D2-6950-497B-9434-61683EC065FE}", null, "x", "ClassReg");
                db.table("FeatureComponents").add("Data", "ClassReg");
                List<Finding> findings = Validator.validate(db);
                boolean reported = findings.stream().anyMatch(f -> f.iceId().equals("ICE105") && "ClassReg".equals(f.rowKey()));
                assertEquals(root == 2, reported, () -> "Root " + root + ":\n" + String.join("\n", findings.stream().map(Finding::toString).toList()));
            }
        }
    }

    @Test
    void ice18LeavesRootsAndFoldersFilesAreCopiedIntoAlone() throws Exception {
        // The SDK's ICE18 page: a directory key path needs no CreateFolder row when the component duplicates or moves
        // files into it (DuplicateFile/MoveFile.DestFolder). A root folder (TARGETDIR) neither: WiX 3's light passes
        // cli/cli's release build (build/windows/gh.wixproj), whose TARGETDIR component holds only an Environment row.
        try (Database db = Products.build(dir)) {
            String guid = dev.ssprkit.msi.MsiWriter.guid("EnvOnly-18-key-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            db.table("Component").add("EnvOnly", guid, "TARGETDIR", 0, null, null);
            db.table("FeatureComponents").add("Data", "EnvOnly");
            String guid2 = dev.ssprkit.msi.MsiWriter.guid("CopyOnly-18-key-".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            db.table("Component").add("CopyOnly", guid2, "DATADIR", 0, null, null);
            db.table("FeatureComponents").add("Data", "CopyOnly");
            var schema = StandardSchema.require("DuplicateFile");
            var copies = db.tableOrNull("DuplicateFile") != null ? db.tableOrNull("DuplicateFile") : db.createTable(schema);
            copies.add("CopyOfExe", "CopyOnly", db.table("File").rows().get(0).get(0), null, "DATADIR");
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals("ICE18")), findings::toString);
            set(db, "Component", "EnvOnly", "Directory_", "DATADIR");
            assertTrue(Validator.validate(db).stream().anyMatch(f -> f.iceId().equals("ICE18") && "EnvOnly".equals(f.rowKey())),
                    "the same component in a folder the installer creates is still reported");
        }
    }

    @Test
    void ice105FoldersAreTheSdksListNotProgramFiles() throws Exception {
        // The SDK's ICE 105 page lists the system folders a per-user package must not use (SystemFolder, WindowsFolder,
        // CommonAppDataFolder...); Program Files is not one: a dual-purpose package's per-user installation puts it
        // under the user's own Programs folder (Single Package Authoring). The clean product installs to
        // ProgramFiles64Folder; its HKLM values are moved to HKMU so only folders are judged.
        try (Database db = Products.build(dir)) {
            set(db, "Property", "ALLUSERS", "Value", "2");
            db.table("Property").add("MSIINSTALLPERUSER", "1");
            for (var r : new java.util.ArrayList<>(db.table("Registry").rows())) {
                if (Integer.valueOf(2).equals(r.get(1))) set(db, "Registry", r.get(0), "Root", -1);
            }
            List<Finding> before = Validator.validate(db);
            assertTrue(before.stream().noneMatch(f -> f.iceId().equals("ICE105") && "Directory_".equals(f.column())), before::toString);
            db.table("Directory").add("SystemFolder", "TARGETDIR", ".");
            component(db, "InSystem", "SystemFolder", 0x100);
            List<Finding> after = Validator.validate(db);
            assertTrue(after.stream().anyMatch(f -> f.iceId().equals("ICE105") && "InSystem".equals(f.rowKey())), after::toString);
        }
    }

    @Test
    void aFoldersPermissionsKeyedByCreateFolderAreNotAnIce03Finding() throws Exception {
        // the SDK's LockPermissions page: "enter File, Registry, or CreateFolder" (the stored set omits CreateFolder)
        try (Database db = Products.build(dir)) {
            var schema = dev.ssprkit.msi.schema.StandardSchema.require("LockPermissions");
            var table = db.tableOrNull("LockPermissions") != null ? db.tableOrNull("LockPermissions") : db.createTable(schema);
            component(db, "Perm", "DATADIR", 0x100);
            table.add("DATADIR", "CreateFolder", null, "Everyone", 0x1F01FF);
            List<Finding> findings = Validator.validate(db);
            assertTrue(findings.stream().noneMatch(f -> f.iceId().equals("ICE03") && "LockPermissions".equals(f.table())), findings::toString);
        }
    }

    @Test
    void ice30LeavesDirectoriesThatCustomActionsSetAlone() throws Exception {
        // The SDK's ICE30 page: properties are not evaluated when resolving directories. Merge modules alias the
        // standard folders (Directory CommonFilesFolder.GUID, DefaultDir Common) and a type-51 action sets each alias
        // to the real folder, so a 32-bit and a 64-bit module merged side by side do not collide; without those
        // actions the two rows spell the same path and are a collision.
        for (boolean aliased : new boolean[] {true, false}) {
            try (Database db = Products.build(java.nio.file.Files.createDirectories(dir.resolve(aliased ? "aliased" : "plain")))) {
                db.table("Directory").add("CommonFilesFolder.A1", "INSTALLDIR", "Common");
                db.table("Directory").add("CommonFiles64Folder.B2", "INSTALLDIR", "Common");
                if (aliased) {
                    db.table("CustomAction").add("CommonFilesFolder.A1", 51, "CommonFilesFolder.A1", "[CommonFilesFolder]", null);
                    db.table("CustomAction").add("CommonFiles64Folder.B2", 51, "CommonFiles64Folder.B2", "[CommonFiles64Folder]", null);
                }
                component(db, "Overlay32", "CommonFilesFolder.A1", 0);
                component(db, "Overlay64", "CommonFiles64Folder.B2", 0x100);
                db.table("File").add("overlay32.dll", "Overlay32", "overlay.dll", 10, null, null, 512, 4);
                db.table("File").add("overlay64.dll", "Overlay64", "overlay.dll", 10, null, null, 512, 4);
                List<Finding> ice30 = Validator.validate(db).stream().filter(f -> f.iceId().equals("ICE30")).toList();
                assertEquals(aliased, ice30.isEmpty(), (aliased ? "aliased: " : "plain: ") + ice30);
            }
        }
    }

    @Test
    void ice80LeavesA32BitModulesRedirectedFolderAlone() throws Exception {
        // TortoiseGit's x64 package merges the 32-bit TortoiseOverlays module: its 32-bit component sits in the alias
        // CommonFilesFolder.A1, a child row of the 64-bit INSTALLDIR that a type-51 action points at the 32-bit Common
        // Files at run time. Where the row sits says nothing about where it installs; without the action it is ICE80.
        for (boolean aliased : new boolean[] {true, false}) {
            try (Database db = Products.build(java.nio.file.Files.createDirectories(dir.resolve(aliased ? "aliased80" : "plain80")))) {
                db.table("Directory").add("CommonFilesFolder.A1", "INSTALLDIR", "Common");
                if (aliased) db.table("CustomAction").add("CommonFilesFolder.A1", 51, "CommonFilesFolder.A1", "[CommonFilesFolder]", null);
                component(db, "Overlay32", "CommonFilesFolder.A1", 0);
                List<Finding> ice80 = Validator.validate(db).stream()
                        .filter(f -> f.iceId().equals("ICE80") && "Component".equals(f.table()) && "Overlay32".equals(f.rowKey())).toList();
                assertEquals(aliased, ice80.isEmpty(), (aliased ? "aliased: " : "plain: ") + ice80);
            }
        }
    }

    @Test
    void everyImplementedIceHasAViolationCase() {
        Set<String> covered = new TreeSet<>();
        for (Case c : cases()) covered.add(c.ice());
        Set<String> implemented = new TreeSet<>(Rules.implementedIces());
        assertEquals(implemented, covered);
        assertTrue(implemented.size() >= 25, implemented.toString());
    }

    @Test
    void findingsCarryTableRowKeyAndOrigin() throws Exception {
        try (Database db = Products.build(dir)) {
            db.table("Component").addFrom("Product.wxs:42:7", "Orphan", "{1D7A3B1C-2E4F-4A5B-9C8D-7E6F5A4B3C2D}", "DATADIR", 0x100, null, null);
            db.table("CreateFolder").add("DATADIR", "Orphan");
            Finding f = Validator.validate(db).stream().filter(x -> x.iceId().equals("ICE21")).findFirst().orElseThrow();
            assertEquals("Component", f.table());
            assertEquals("Orphan", f.rowKey());
            assertEquals("Product.wxs:42:7", f.origin());
            assertTrue(f.toString().startsWith("Product.wxs:42:7: ERROR ICE21: Component.Component [Orphan]: "), f.toString());
        }
    }
}
