package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ICE20: the standard dialogs a package with its own user interface needs. The SDK's ICE20 page says which: a package
 * has an authored UI when it has Dialog rows and LIMITUI is not set; then
 * <ul>
 * <li>the Error dialog (the SDK's "Error Dialog" page): the ErrorDialog property names a dialog with the Error style
 *     bit (0x10000); it has a Text control ErrorText, which is its Control_First; PushButtons A, C, I, N, O, R and Y
 *     end the dialog with ErrorAbort, ErrorCancel, ErrorIgnore, ErrorNo, ErrorOk, ErrorRetry and ErrorYes; those
 *     buttons share width, height and Y (the installer moves them only sideways; a warning, the page says "should");
 *     a control named ErrorIcon is an Icon control;</li>
 * <li>the FilesInUse dialog (the one InstallValidate shows, by that name): a ListBox control on property
 *     FileInUseProcess, a ListBox table, and PushButtons ending the dialog with Ignore, Exit and Retry;</li>
 * <li>the Exit, UserExit and FatalError dialogs: InstallUISequence and AdminUISequence each have a dialog or custom
 *     action at sequence -1, -2 and -3.</li>
 * </ul>
 * Packages that deliberately show one dialog (a test's, a bootstrapper's) suppress ICE20, as WiX users do.
 */
public final class StandardDialogs implements Rule {
    static final int ERROR_STYLE = 0x10000;
    private static final Map<String, String> ERROR_BUTTONS = errorButtons();
    private static final List<String> TERMINATIONS = List.of("Exit", "UserExit", "FatalError"); // sequences -1, -2, -3

    private static Map<String, String> errorButtons() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("A", "ErrorAbort");
        m.put("C", "ErrorCancel");
        m.put("I", "ErrorIgnore");
        m.put("N", "ErrorNo");
        m.put("O", "ErrorOk");
        m.put("R", "ErrorRetry");
        m.put("Y", "ErrorYes");
        return m;
    }

    @Override
    public List<String> ices() {
        return List.of("ICE20");
    }

    @Override
    public void check(Context ctx) {
        if (!ctx.has("Dialog") || ctx.property("LIMITUI") != null) return;
        errorDialog(ctx);
        filesInUse(ctx);
        terminations(ctx);
    }

    private static void errorDialog(Context ctx) {
        String name = ctx.property("ErrorDialog");
        if (name == null) {
            ctx.reportPackage("ICE20", Severity.ERROR, "the package has dialogs but no ErrorDialog property: without it the installer"
                    + " shows no error messages (set it to the Error dialog, e.g. WiX's Dialog/@ErrorDialog=\"yes\" with <Property Id=\"ErrorDialog\">)");
            return;
        }
        Row dialog = ctx.find("Dialog", name);
        if (dialog == null) {
            ctx.error("ICE20", ctx.find("Property", "ErrorDialog"), "Value", "the ErrorDialog property names dialog " + name + ", which is not in the Dialog table");
            return;
        }
        if ((Context.integer(dialog, "Attributes", 0) & ERROR_STYLE) == 0) {
            ctx.error("ICE20", dialog, "Attributes", "dialog " + name + " is the ErrorDialog but lacks the Error style bit (0x10000)");
        }
        Row text = control(ctx, name, "ErrorText");
        if (text == null || !"Text".equals(Context.text(text, "Type"))) {
            ctx.error("ICE20", dialog, "Dialog", "the Error dialog " + name + " needs a Text control named ErrorText");
        }
        if (!"ErrorText".equals(Context.text(dialog, "Control_First"))) {
            ctx.error("ICE20", dialog, "Control_First", "the Error dialog " + name + " must have ErrorText as its Control_First");
        }
        List<Row> buttons = new ArrayList<>();
        for (Map.Entry<String, String> b : ERROR_BUTTONS.entrySet()) {
            Row button = control(ctx, name, b.getKey());
            if (button == null || !"PushButton".equals(Context.text(button, "Type"))) {
                ctx.error("ICE20", dialog, "Dialog", "the Error dialog " + name + " needs a PushButton named " + b.getKey()
                        + " with the EndDialog event " + b.getValue());
                continue;
            }
            buttons.add(button);
            if (!endsDialog(ctx, name, b.getKey(), b.getValue())) {
                ctx.error("ICE20", button, "Control", "button " + name + "." + b.getKey() + " needs the EndDialog event with argument " + b.getValue());
            }
        }
        for (Row button : buttons) {
            Row first = buttons.get(0);
            for (String column : List.of("Width", "Height", "Y")) {
                if (!Objects.equals(Context.cell(first, column), Context.cell(button, column))) {
                    ctx.warning("ICE20", button, column, "the Error dialog's buttons should share width, height and Y (the installer moves them"
                            + " only sideways): " + name + "." + Context.text(button, "Control") + " differs from " + Context.text(first, "Control") + " in " + column);
                    break;
                }
            }
        }
        Row icon = control(ctx, name, "ErrorIcon");
        if (icon != null && !"Icon".equals(Context.text(icon, "Type"))) {
            ctx.error("ICE20", icon, "Type", "control " + name + ".ErrorIcon must be an Icon control");
        }
    }

    private static void filesInUse(Context ctx) {
        Row dialog = ctx.find("Dialog", "FilesInUse");
        if (dialog == null) {
            ctx.reportPackage("ICE20", Severity.ERROR, "the package has dialogs but no FilesInUse dialog, which InstallValidate shows when"
                    + " files to be replaced are in use (WiX's <DialogRef Id=\"FilesInUse\"/>)");
            return;
        }
        boolean list = false;
        for (Row c : ctx.rowsWith("Control", "Dialog_", "FilesInUse")) {
            if ("ListBox".equals(Context.text(c, "Type")) && "FileInUseProcess".equals(Context.text(c, "Property"))) list = true;
        }
        if (!list) {
            ctx.error("ICE20", dialog, "Dialog", "the FilesInUse dialog needs a ListBox control on property FileInUseProcess");
        }
        if (ctx.db().tableOrNull("ListBox") == null) {
            ctx.error("ICE20", dialog, "Dialog", "the FilesInUse dialog needs a ListBox table (the installer fills it with the processes)");
        }
        for (String argument : List.of("Ignore", "Exit", "Retry")) {
            boolean found = false;
            for (Row e : ctx.rowsWith("ControlEvent", "Dialog_", "FilesInUse")) {
                if ("EndDialog".equals(Context.text(e, "Event")) && argument.equals(Context.text(e, "Argument"))) found = true;
            }
            if (!found) {
                ctx.error("ICE20", dialog, "Dialog", "the FilesInUse dialog needs a PushButton with the EndDialog event " + argument);
            }
        }
    }

    private static void terminations(Context ctx) {
        for (String table : List.of("InstallUISequence", "AdminUISequence")) {
            for (int i = 0; i < TERMINATIONS.size(); i++) {
                int sequence = -1 - i;
                boolean found = false;
                for (Row r : ctx.rowsWith(table, "Sequence", sequence)) {
                    String action = Context.text(r, "Action");
                    if (ctx.find("Dialog", action) != null || ctx.customAction(action) != null) found = true;
                }
                if (!found) {
                    ctx.report("ICE20", Severity.ERROR, table, "Sequence", TERMINATIONS.get(i) + " dialog or action (sequence " + sequence + ") not found in " + table
                            + (ctx.has(table) ? "" : " (the package has no " + table + " rows)"));
                }
            }
        }
    }

    private static Row control(Context ctx, String dialog, String control) {
        for (Row c : ctx.rowsWith("Control", "Dialog_", dialog)) {
            if (control.equals(Context.text(c, "Control"))) return c;
        }
        return null;
    }

    private static boolean endsDialog(Context ctx, String dialog, String control, String argument) {
        for (Row e : ctx.rowsWith("ControlEvent", "Dialog_", dialog)) {
            if (control.equals(Context.text(e, "Control_")) && "EndDialog".equals(Context.text(e, "Event"))
                    && argument.equals(Context.text(e, "Argument"))) return true;
        }
        return false;
    }
}
