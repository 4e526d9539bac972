package dev.ssprkit.validate;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.StandardSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static dev.ssprkit.validate.Products.delete;
import static dev.ssprkit.validate.Products.set;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ICE20 as the SDK's ICE20 page lists its requirements (and its "Error Dialog" page for the Error dialog): a package
 * whose UI has every standard dialog passes; each requirement broken on its own is reported, naming what is missing.
 */
class StandardDialogsIce20Test {
    @TempDir Path dir;

    private static Table table(Database db, String name) {
        return db.tableOrNull(name) != null ? db.tableOrNull(name) : db.createTable(StandardSchema.require(name));
    }

    /** The clean product plus dialog D and the standard dialogs the SDK's ICE20 page asks for. */
    static Database standardUi(Database db) {
        IceViolationTest.ui(db);
        table(db, "Property").add("ErrorDialog", "ErrDlg");
        table(db, "Dialog").add("ErrDlg", 50, 10, 270, 105, 0x10000 | 3, "[ProductName]", "ErrorText", null, null);
        table(db, "Control").add("ErrDlg", "ErrorText", "Text", 48, 15, 205, 60, 0x20003, null, "Message", null, null);
        table(db, "Control").add("ErrDlg", "ErrorIcon", "Icon", 15, 15, 24, 24, 0x5A00001, null, null, null, null);
        String[][] buttons = {{"A", "ErrorAbort"}, {"C", "ErrorCancel"}, {"I", "ErrorIgnore"}, {"N", "ErrorNo"},
                {"O", "ErrorOk"}, {"R", "ErrorRetry"}, {"Y", "ErrorYes"}};
        for (String[] b : buttons) {
            table(db, "Control").add("ErrDlg", b[0], "PushButton", 100, 80, 56, 17, 3, null, b[0], null, null);
            table(db, "ControlEvent").add("ErrDlg", b[0], "EndDialog", b[1], "1", 1);
        }
        table(db, "Dialog").add("FilesInUse", 50, 50, 370, 270, 0x13, "[ProductName]", "Retry", "Retry", "Retry");
        table(db, "Control").add("FilesInUse", "List", "ListBox", 20, 87, 330, 130, 7, "FileInUseProcess", null, null, null);
        table(db, "ListBox");
        String[][] fileButtons = {{"Retry", "Retry"}, {"Ignore", "Ignore"}, {"Exit", "Exit"}};
        for (String[] b : fileButtons) {
            table(db, "Control").add("FilesInUse", b[0], "PushButton", 100, 243, 56, 17, 3, null, b[0], null, null);
            table(db, "ControlEvent").add("FilesInUse", b[0], "EndDialog", b[1], "1", 1);
        }
        for (String t : List.of("InstallUISequence", "AdminUISequence")) {
            table(db, t).add("D", null, -1);
            table(db, t).add("D2", null, -2);
            table(db, t).add("D3", null, -3);
        }
        table(db, "Dialog").add("D2", 50, 50, 370, 270, 3, "Title", "Ok", "Ok", "Ok");
        table(db, "Control").add("D2", "Ok", "PushButton", 236, 243, 56, 17, 3, null, "OK", null, null);
        table(db, "ControlEvent").add("D2", "Ok", "EndDialog", "Exit", "1", 1);
        table(db, "CustomAction").add("D3", 51, "FATAL", "1", null);
        return db;
    }

    /** Removes the rows of {@code table} whose first two cells are {@code a} and {@code b} (b null: any). */
    private static void remove(Database db, String table, String a, String b) {
        Table t = db.table(table);
        for (Row r : List.copyOf(t.rows())) {
            if (a.equals(r.get(0)) && (b == null || b.equals(r.get(1)))) t.remove(r);
        }
    }

    /** Sets one cell of the row whose first two cells are {@code a} and {@code b}. */
    private static void change(Database db, String table, String a, String b, String column, Object value) {
        Table t = db.table(table);
        for (Row r : List.copyOf(t.rows())) {
            if (a.equals(r.get(0)) && b.equals(r.get(1))) {
                Object[] cells = r.cells();
                cells[t.schema().indexOf(column)] = value;
                t.remove(r);
                t.add(cells);
            }
        }
    }

    private List<Finding> ice20(Consumer<Database> change) throws Exception {
        try (Database db = Products.build(dir)) {
            change.accept(standardUi(db));
            return Validator.validate(db).stream().filter(f -> f.iceId().equals("ICE20")).toList();
        }
    }

    private void reported(Consumer<Database> change, Severity severity, String text) throws Exception {
        List<Finding> findings = ice20(change);
        assertTrue(findings.stream().anyMatch(f -> f.severity() == severity && f.message().contains(text)),
                () -> "expected a " + severity + " ICE20 with '" + text + "'; got\n" + String.join("\n", findings.stream().map(Finding::toString).toList()));
    }

    @Test
    void aUiWithEveryStandardDialogPasses() throws Exception {
        List<Finding> findings = ice20(db -> {});
        assertTrue(findings.isEmpty(), findings::toString);
    }

    @Test
    void aPackageWithoutDialogsOrWithLimitUiIsNotChecked() throws Exception {
        try (Database db = Products.build(dir)) {
            assertTrue(Validator.validate(db).stream().noneMatch(f -> f.iceId().equals("ICE20")), "no Dialog table: no authored UI");
        }
        // the SDK's ICE20 page: an authored UI is a Dialog table with LIMITUI not set
        List<Finding> limited = ice20(db -> {
            IceViolationTest.ui(db);
            delete(db, "Property", "ErrorDialog");
            table(db, "Property").add("LIMITUI", "1");
        });
        assertTrue(limited.isEmpty(), limited::toString);
    }

    @Test
    void theErrorDialogsRequirementsAreEachReported() throws Exception {
        reported(db -> delete(db, "Property", "ErrorDialog"), Severity.ERROR, "no ErrorDialog property");
        reported(db -> set(db, "Property", "ErrorDialog", "Value", "NoSuchDlg"), Severity.ERROR, "names dialog NoSuchDlg");
        reported(db -> set(db, "Dialog", "ErrDlg", "Attributes", 3), Severity.ERROR, "lacks the Error style bit");
        reported(db -> set(db, "Dialog", "ErrDlg", "Control_First", "A"), Severity.ERROR, "ErrorText as its Control_First");
        reported(db -> remove(db, "ControlEvent", "ErrDlg", "R"),
                Severity.ERROR, "ErrDlg.R needs the EndDialog event with argument ErrorRetry");
        reported(db -> remove(db, "Control", "ErrDlg", "Y"),
                Severity.ERROR, "needs a PushButton named Y with the EndDialog event ErrorYes");
        reported(db -> change(db, "Control", "ErrDlg", "N", "Y", 81), Severity.WARNING, "ErrDlg.N differs from A in Y");
        reported(db -> change(db, "Control", "ErrDlg", "ErrorIcon", "Type", "Bitmap"), Severity.ERROR, "ErrDlg.ErrorIcon must be an Icon control");
    }

    @Test
    void theFilesInUseDialogsRequirementsAreEachReported() throws Exception {
        reported(db -> change(db, "Control", "FilesInUse", "List", "Property", "OTHER"), Severity.ERROR, "ListBox control on property FileInUseProcess");
        reported(db -> db.dropTable("ListBox"), Severity.ERROR, "needs a ListBox table");
        reported(db -> remove(db, "ControlEvent", "FilesInUse", "Ignore"),
                Severity.ERROR, "FilesInUse dialog needs a PushButton with the EndDialog event Ignore");
        reported(db -> {
            for (String t : List.of("Dialog", "Control", "ControlEvent")) remove(db, t, "FilesInUse", null);
        }, Severity.ERROR, "no FilesInUse dialog");
    }

    @Test
    void eachTerminationIsNeededInBothUiSequences() throws Exception {
        reported(db -> delete(db, "AdminUISequence", "D"), Severity.ERROR, "Exit dialog or action (sequence -1) not found in AdminUISequence");
        reported(db -> delete(db, "InstallUISequence", "D2"), Severity.ERROR, "UserExit dialog or action (sequence -2) not found in InstallUISequence");
        // a sequence -3 row that is neither a dialog nor a custom action does not count
        reported(db -> delete(db, "CustomAction", "D3"), Severity.ERROR,
                "FatalError dialog or action (sequence -3) not found in InstallUISequence");
    }
}
