package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.CustomActionBinary;
import dev.ssprkit.ca.LibraryKind;
import dev.ssprkit.wix.compile.core.ActionFamily;
import dev.ssprkit.wix.link.Linked;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The UI extension's EULA printing, done the way WiX v6 does it: WiX 3 to 5 shipped a {@code PrintEula} entry point
 * in the UI extension's DLL, which license dialogs call with {@code DoAction}; WiX v6 retired it for the installer's
 * own {@code MsiPrint} control event (Windows Installer 5.0 and later), which prints the ScrollableText control of
 * the dialog it is published from. Our UI binaries have no PrintEula either, so after linking:
 * <ul>
 *   <li>every {@code DoAction} ControlEvent that runs a printing action becomes an {@code MsiPrint} event (argument
 *       {@code 1}, as WiX v6's dialogs publish it; the SDK says the event ignores its argument). A printing action is
 *       a DLL custom action calling {@code PrintEula} in one of the UI extension's binaries (a source's own
 *       {@code <CustomAction BinaryRef="WixUiCa_X86" DllEntry="PrintEula"/>}), or one of WiX's
 *       {@code WixUIPrintEula*} ids from our library;</li>
 *   <li>a printing DLL action no sequence schedules is then dropped, with its call, so the package holds no call into
 *       an entry point our DLL lacks. One that a sequence does schedule stays, and the entry-point check reports
 *       it.</li>
 * </ul>
 * A UI binary no remaining custom action calls is dropped with them.
 */
public final class PrintEulaEvents {
    private static final String ENTRY = "PrintEula";
    private static final Set<String> LIBRARY_IDS = Set.of("WixUIPrintEula", "WixUIPrintEula_X86", "WixUIPrintEula_X64", "WixUIPrintEula_A64");

    private PrintEulaEvents() {}

    public static void rewrite(Linked linked) {
        List<ActionFamily.BinaryCall> calls = new ArrayList<>();
        Set<String> printing = new HashSet<>();
        for (ActionFamily.BinaryCall call : linked.all(ActionFamily.BinaryCall.class)) {
            if (call.action() != null && ENTRY.equals(call.entry()) && callsUiLibrary(linked, call)) {
                calls.add(call);
                printing.add(call.action());
            }
        }
        for (String id : LIBRARY_IDS) if (linked.row("CustomAction", id) != null) printing.add(id);
        if (printing.isEmpty()) return;
        for (Row event : List.copyOf(linked.rows("ControlEvent"))) {
            if (!"DoAction".equals(event.str("Event")) || !printing.contains(event.str("Argument"))) continue;
            Row print = new Row(event.schema(), event.location());
            for (int i = 0; i < event.size(); i++) print.set(i, event.get(i));
            print.set("Event", "MsiPrint").set("Argument", "1");
            linked.remove(event);
            if (linked.get(print.key().kind(), print.key().id()) == null) linked.add(print);
        }
        Set<String> scheduled = new HashSet<>();
        for (Scheduled s : linked.all(Scheduled.class)) scheduled.add(s.action());
        for (ActionFamily.BinaryCall call : calls) {
            if (scheduled.contains(call.action())) continue;
            Row action = linked.row("CustomAction", call.action());
            if (action != null) linked.remove(action);
            linked.remove(call);
            dropIfUnused(linked, call.binary());
        }
    }

    /** The UI binary a dropped call pulled in stays only while another custom action still calls it. */
    private static void dropIfUnused(Linked linked, String binaryId) {
        for (Row action : linked.rows("CustomAction")) {
            if (binaryId.equals(action.str("Source"))) return;
        }
        Row binary = linked.row("Binary", binaryId);
        if (binary != null) linked.remove(binary);
    }

    private static boolean callsUiLibrary(Linked linked, ActionFamily.BinaryCall call) {
        Row binary = linked.row("Binary", call.binary());
        return binary != null && binary.extra(CustomActionLibrarySections.LIBRARY_BINARY) instanceof CustomActionBinary b
                && b.kind() == LibraryKind.UI;
    }
}
