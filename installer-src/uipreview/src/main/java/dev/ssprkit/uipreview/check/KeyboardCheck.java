package dev.ssprkit.uipreview.check;

import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.DialogSpec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a keyboard user meets in one dialog, from the SDK's Dialog and Control table pages:
 * <ul>
 *   <li>Control_First, Control_Default and Control_Cancel name controls of the dialog;</li>
 *   <li>a modal dialog has a cancel control (what Esc and the close box press);</li>
 *   <li>the tab order: "The links between the controls must form a closed cycle. Some controls, such as static text
 *       controls, can be left out of the cycle" (Control table, Control_Next). So Control_Next names a control of
 *       the dialog, the chain from Control_First comes back to it (a chain of one control needs no link: WiX-built
 *       dialogs with one button, such as WaitForCostingDlg, have none), and no control links into the chain from
 *       outside it; a dialog with controls that can take the focus has a Control_First. Controls left out of the
 *       cycle altogether are allowed, as the page says (WiX's TabSkip; FilesInUse's process list in WiX-built
 *       packages).</li>
 * </ul>
 * Error dialogs are left alone: the installer ignores their Control_Default and Control_Cancel and their buttons must
 * not be linked (SDK "Error Dialog"); ICE20 checks them.
 */
final class KeyboardCheck {
    /** Control types that do not take the focus (static ones). */
    static final Set<String> STATIC = Set.of("Billboard", "Bitmap", "GroupBox", "Icon", "Line", "ProgressBar", "Text", "VolumeCostList");

    private KeyboardCheck() {}

    static void check(DialogSpec dialog, List<LayoutFinding> out) {
        if ((dialog.attributes() & DialogSpec.ERROR_DIALOG) != 0 || dialog.controls().isEmpty()) return;
        named(dialog, dialog.controlFirst(), "Control_First", "takes the focus first", out);
        named(dialog, dialog.controlDefault(), "Control_Default", "is pressed by Enter", out);
        named(dialog, dialog.controlCancel(), "Control_Cancel", "is pressed by Esc", out);
        if ((dialog.attributes() & DialogSpec.MODAL) != 0 && dialog.controlCancel() == null) {
            out.add(finding(dialog, null, "the dialog has no cancel control (Control_Cancel): Esc and the close box do nothing;"
                    + " make its Cancel or Finish button the cancel control (WiX: Cancel=\"yes\")"));
        }
        tabOrder(dialog, out);
    }

    private static void named(DialogSpec dialog, String control, String column, String role, List<LayoutFinding> out) {
        if (control != null && dialog.control(control) == null) {
            out.add(finding(dialog, control, "is named in the dialog's " + column + " (the control that " + role + ") but is not a control of the dialog"));
        }
    }

    private static void tabOrder(DialogSpec dialog, List<LayoutFinding> out) {
        for (ControlSpec c : dialog.controls()) {
            if (c.next() != null && dialog.control(c.next()) == null) {
                out.add(finding(dialog, c.name(), "its Control_Next names " + c.next() + ", which is not a control of the dialog: the tab order breaks there"));
                return;
            }
        }
        Set<String> cycle = new LinkedHashSet<>();
        ControlSpec first = dialog.control(dialog.controlFirst());
        if (first != null) {
            ControlSpec at = first;
            while (at != null && cycle.add(at.name())) at = dialog.control(at.next());
            if (at == null && cycle.size() > 1) {
                String last = (String) cycle.toArray()[cycle.size() - 1];
                out.add(finding(dialog, last, "the tab order from " + first.name() + " stops at " + last + ", which has no Control_Next:"
                        + " the links must form a closed cycle (SDK Control table); link it back to " + first.name()));
                return;
            }
            if (at != null && !at.name().equals(first.name())) {
                out.add(finding(dialog, at.name(), "the tab order from " + first.name() + " runs into a loop at " + at.name() + " that does not come back to "
                        + first.name() + ": the controls before it are reached only once"));
                return;
            }
        }
        boolean focusable = false;
        for (ControlSpec c : dialog.controls()) {
            focusable |= !STATIC.contains(c.type()) && c.has(ControlAttributes.VISIBLE) && c.has(ControlAttributes.ENABLED);
            if (cycle.contains(c.name()) || c.next() == null) continue;
            out.add(finding(dialog, c.name(), "it links to " + c.next() + " (Control_Next) but is not in the tab cycle that starts at the dialog's Control_First"
                    + (first == null ? " (the dialog has none)" : " " + first.name()) + ": TAB never reaches it"));
        }
        if (dialog.controlFirst() == null && focusable) {
            out.add(finding(dialog, null, "the dialog has controls that take the focus but no Control_First: the installer does not know where the tab order starts"));
        }
    }

    private static LayoutFinding finding(DialogSpec dialog, String control, String message) {
        return new LayoutFinding(LayoutFinding.Kind.KEYBOARD, dialog.name(), control, null, message);
    }
}
