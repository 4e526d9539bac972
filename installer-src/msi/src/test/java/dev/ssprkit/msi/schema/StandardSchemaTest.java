package dev.ssprkit.msi.schema;

import dev.ssprkit.msi.model.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registry holds the SDK's tables, and the declarations hold together (keys, references, _Validation rows). */
class StandardSchemaTest {

    /**
     * The tables of the SDK's "Database Tables" page (https://learn.microsoft.com/windows/win32/msi/database-tables)
     * without the system tables (_Columns, _Storages, _Streams, _Tables: see {@link SystemTables}), and of its
     * "Merge Module Database Tables" page.
     */
    static final List<String> SDK_TABLES = List.of(
            "ActionText", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence", "AdvtUISequence", "AppId",
            "AppSearch", "BBControl", "Billboard", "Binary", "BindImage", "CCPSearch", "CheckBox", "Class", "ComboBox",
            "CompLocator", "Complus", "Component", "Condition", "Control", "ControlCondition", "ControlEvent",
            "CreateFolder", "CustomAction", "Dialog", "Directory", "DrLocator", "DuplicateFile", "Environment", "Error",
            "EventMapping", "Extension", "Feature", "FeatureComponents", "File", "FileSFPCatalog", "Font", "Icon",
            "IniFile", "IniLocator", "InstallExecuteSequence", "InstallUISequence", "IsolatedComponent",
            "LaunchCondition", "ListBox", "ListView", "LockPermissions", "Media", "MIME", "MoveFile", "MsiAssembly",
            "MsiAssemblyName", "MsiDigitalCertificate", "MsiDigitalSignature", "MsiEmbeddedChainer", "MsiEmbeddedUI",
            "MsiFileHash", "MsiLockPermissionsEx", "MsiPackageCertificate", "MsiPatchCertificate", "MsiPatchHeaders",
            "MsiPatchMetadata", "MsiPatchOldAssemblyFile", "MsiPatchOldAssemblyName", "MsiPatchSequence",
            "MsiServiceConfig", "MsiServiceConfigFailureActions", "MsiSFCBypass", "MsiShortcutProperty",
            "ODBCAttribute", "ODBCDataSource", "ODBCDriver", "ODBCSourceAttribute", "ODBCTranslator", "Patch",
            "PatchPackage", "ProgId", "Property", "PublishComponent", "RadioButton", "Registry", "RegLocator",
            "RemoveFile", "RemoveIniFile", "RemoveRegistry", "ReserveCost", "SelfReg", "ServiceControl",
            "ServiceInstall", "SFPCatalog", "Shortcut", "Signature", "TextStyle", "TypeLib", "UIText", "Upgrade", "Verb",
            "_Validation",
            "ModuleAdminExecuteSequence", "ModuleAdminUISequence", "ModuleAdvtExecuteSequence", "ModuleAdvtUISequence",
            "ModuleComponents", "ModuleConfiguration", "ModuleDependency", "ModuleExclusion", "ModuleIgnoreTable",
            "ModuleInstallExecuteSequence", "ModuleInstallUISequence", "ModuleSignature", "ModuleSubstitution");

    @Test
    void declaresEveryTableOfTheSdkReference() {
        assertEquals(new TreeSet<>(SDK_TABLES), new TreeSet<>(StandardSchema.all().keySet()));
        assertEquals(111, StandardSchema.all().size());
    }

    @Test
    void getAndRequireFindTheSameDeclaration() {
        assertSame(StandardSchema.get("Dialog"), StandardSchema.require("Dialog"));
        assertEquals(null, StandardSchema.get("Wix4FirewallException"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardSchema.require("NoSuchTable"));
        assertEquals(true, e.getMessage().startsWith("no standard table NoSuchTable"), e.getMessage());
    }

    /**
     * ICE32's rule, on our own declarations: a foreign key names declared tables and a column inside them, of the same
     * kind and width as the key it refers to.
     */
    @Test
    void foreignKeysReferToDeclaredColumnsOfTheSameType() {
        List<String> problems = new ArrayList<>();
        for (TableSchema t : StandardSchema.all().values()) {
            for (Column c : t.columns()) {
                if (c.keyTable() == null) continue;
                for (String target : c.keyTable().split(";")) {
                    TableSchema ts = StandardSchema.get(target);
                    if (ts == null || c.keyColumn() == null || c.keyColumn() > ts.columns().size()) {
                        problems.add(t.name() + "." + c.name() + " -> " + target + " column " + c.keyColumn());
                        continue;
                    }
                    Column key = ts.columns().get(c.keyColumn() - 1);
                    if (key.kind() != c.kind() || key.size() != c.size()) {
                        problems.add(t.name() + "." + c.name() + " " + c.idtType() + " -> " + target + "." + key.name() + " " + key.idtType());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every column gets a _Validation row that fits _Validation's own declaration, with a description. */
    @Test
    void validationRowsFitTheValidationTable() {
        Table validation = new Table(StandardSchema.require("_Validation"));
        int columns = 0;
        for (TableSchema t : StandardSchema.all().values()) {
            for (Object[] row : ValidationRows.of(t)) {
                validation.add(row);
                assertNotNull(row[9], t.name() + "." + row[1] + " has no description");
            }
            columns += t.columns().size();
        }
        assertEquals(columns, validation.rows().size());
    }

    @Test
    void categoriesAndSetsSuitTheColumnKind() {
        List<String> problems = new ArrayList<>();
        for (TableSchema t : StandardSchema.all().values()) {
            for (Column c : t.columns()) {
                String where = t.name() + "." + c.name();
                if (c.isInteger() && c.category() != null) problems.add(where + ": category on an integer column");
                if (c.isBinary() != (c.category() == Category.BINARY)) problems.add(where + ": Binary category and binary kind disagree");
                if (c.isInteger() && c.set() != null) {
                    for (String v : c.set().split(";")) {
                        try {
                            Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            problems.add(where + ": set value " + v + " is not an integer");
                        }
                    }
                }
                if (c.minValue() != null && c.maxValue() != null && c.minValue() > c.maxValue()) problems.add(where + ": empty range");
            }
        }
        assertEquals(List.of(), problems);
    }
}
