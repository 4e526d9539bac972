package dev.ssprkit.uipreview.layout;

import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.DialogSpec;
import dev.ssprkit.uipreview.model.PreviewNote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A dialog in pixels: its client area and every control's rectangle and state (shown, enabled, default button).
 * With {@code conditions}, ControlCondition rows are evaluated with the given property values, as the installer
 * does when it creates the dialog; without, controls keep the state their Attributes give them.
 */
public final class DialogLayout {
    private final DialogSpec dialog;
    private final int width;
    private final int height;
    private final List<ControlLayout> controls;
    private final List<PreviewNote> notes;

    private DialogLayout(DialogSpec dialog, int width, int height, List<ControlLayout> controls, List<PreviewNote> notes) {
        this.dialog = dialog;
        this.width = width;
        this.height = height;
        this.controls = List.copyOf(controls);
        this.notes = List.copyOf(notes);
    }

    public static DialogLayout of(DialogSpec dialog, Function<String, String> property, boolean conditions, int maxConditionChars) {
        ControlStates states = new ControlStates(dialog, maxConditionChars);
        List<ControlLayout> out = new ArrayList<>();
        List<PreviewNote> notes = new ArrayList<>();
        for (ControlSpec c : dialog.controls()) {
            String outside = outside(dialog, c);
            if (outside != null) notes.add(new PreviewNote(dialog.name(), c.name(), outside));
            boolean isDefault = c.name().equals(dialog.controlDefault());
            ControlStates.State s = conditions ? states.state(c, isDefault, property) : ControlStates.initial(c, isDefault);
            out.add(new ControlLayout(c, ControlLayout.pixels(c.x(), c.y(), c.width(), c.height()), s.visible(), s.enabled(), s.isDefault()));
        }
        if (conditions) notes.addAll(states.notes());
        return new DialogLayout(dialog, InstallerUnits.toPixels(dialog.width()), InstallerUnits.toPixels(dialog.height()), out, notes);
    }

    /**
     * Why the control's rectangle is not inside the dialog (installer units, as the rows say), or null when it is.
     * Windows clips such a control at the dialog's edge, so part of it (or all) cannot be seen or clicked.
     */
    public static String outside(DialogSpec dialog, ControlSpec c) {
        long right = (long) c.x() + c.width(), bottom = (long) c.y() + c.height();
        if (c.x() >= 0 && c.y() >= 0 && c.width() >= 0 && c.height() >= 0 && right <= dialog.width() && bottom <= dialog.height()) return null;
        boolean whollyOut = c.x() >= dialog.width() || c.y() >= dialog.height() || right <= 0 || bottom <= 0;
        return "the control (X " + c.x() + ", Y " + c.y() + ", Width " + c.width() + ", Height " + c.height() + ") reaches outside the "
                + dialog.width() + " x " + dialog.height() + " dialog" + (whollyOut ? " and cannot be seen at all" : "; the part outside is cut off")
                + " (installer units; fix the Control row's X, Y, Width or Height)";
    }

    public DialogSpec dialog() {
        return dialog;
    }

    /** Client-area width in pixels. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Every control in Control table order (which is the order they are created, so later ones draw on top). */
    public List<ControlLayout> controls() {
        return controls;
    }

    public ControlLayout control(String name) {
        for (ControlLayout c : controls) if (c.name().equals(name)) return c;
        return null;
    }

    public List<PreviewNote> notes() {
        return notes;
    }
}
