package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.link.Linked;
import dev.ssprkit.wix.model.Row;

/**
 * BrowseDlg's OK button as WiX v3 ships it: v3's BrowseDlg carries its own {@code SetTargetPath [_BrowseProperty]} and
 * {@code EndDialog Return} events (orders 1 and 2, condition 1), and v3's sets only add theirs after them (WixUI_InstallDir:
 * the path check at 3 and 4). WiX v4 moved those two events into the sets (orders 3 and 4), and our library dialog
 * follows v4. So a v3 project's own copy of a v3 set (mRemoteNG's WixUI_FeatureTree, which reaches BrowseDlg through
 * CustomizeDlg's Browse button) publishes nothing on OK, and the button would do nothing. For a v3 build whose linked
 * library BrowseDlg has no event on OK, the v3 events are added.
 */
public final class V3BrowseDlgEvents {
    /** Marks rows that come from the built-in dialog library (not from the project's sources). */
    public static final String LIBRARY_ROW = "LibraryRow";

    private V3BrowseDlgEvents() {}

    public static void apply(Linked linked, dev.ssprkit.ca.SchemaGeneration generation) {
        if (generation == dev.ssprkit.ca.SchemaGeneration.V4) return;
        Row dialog = linked.row("Dialog", "BrowseDlg");
        if (dialog == null || !dialog.flag(LIBRARY_ROW) || linked.row("Control", "BrowseDlg/OK") == null) return;
        for (Row e : linked.rows("ControlEvent")) {
            if ("BrowseDlg".equals(e.str("Dialog_")) && "OK".equals(e.str("Control_"))) return;
        }
        linked.add(event(dialog, "SetTargetPath", "[_BrowseProperty]", 1));
        linked.add(event(dialog, "EndDialog", "Return", 2));
    }

    private static Row event(Row dialog, String event, String argument, int order) {
        return new Row(StandardSchema.require("ControlEvent"), dialog.location()).set("Dialog_", "BrowseDlg").set("Control_", "OK")
                .set("Event", event).set("Argument", argument).set("Condition", "1").set("Ordering", order);
    }
}
