package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.loc.Localization;
import dev.ssprkit.wix.model.Row;

/**
 * A culture's dialog and control adjustments from its .wxl ({@code <UI Dialog="X" Control="Y" Width=... >text</UI>}),
 * as WiX v4 applies them: a dialog's size, centering and title, or a control's geometry and text, where a
 * translation needs more room. An adjustment for a dialog or control the package does not have is an error at its
 * .wxl line (usually a misspelled id).
 */
final class UiStep {
    private final BindContext ctx;

    UiStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Localization.UiOverride o : ctx.options.uiOverrides()) {
            if (o.dialog() == null) {
                ctx.report(CompilerMessage.MISSING_ATTRIBUTE, o.location(), "UI", "Dialog");
                continue;
            }
            if (o.control() == null) {
                Row d = ctx.linked.row("Dialog", o.dialog());
                if (d == null) {
                    ctx.report(CompilerMessage.BAD_VALUE, o.location(), "Dialog", o.dialog(), "the package has no such dialog; check the id against the UI sources");
                    continue;
                }
                if (o.x() != null) d.set("HCentering", o.x());
                if (o.y() != null) d.set("VCentering", o.y());
                if (o.width() != null) d.set("Width", o.width());
                if (o.height() != null) d.set("Height", o.height());
                if (o.text() != null) d.set("Title", o.text());
                continue;
            }
            Row c = ctx.linked.row("Control", o.dialog() + "/" + o.control());
            if (c == null) {
                ctx.report(CompilerMessage.BAD_VALUE, o.location(), "Control", o.dialog() + "/" + o.control(), "the dialog has no such control; check the ids against the UI sources");
                continue;
            }
            if (o.x() != null) c.set("X", o.x());
            if (o.y() != null) c.set("Y", o.y());
            if (o.width() != null) c.set("Width", o.width());
            if (o.height() != null) c.set("Height", o.height());
            if (o.text() != null) c.set("Text", o.text());
        }
    }
}
