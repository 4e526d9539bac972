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
        for (ControlSpec c : dialog.controls()) {
            boolean isDefault = c.name().equals(dialog.controlDefault());
            ControlStates.State s = conditions ? states.state(c, isDefault, property) : ControlStates.initial(c, isDefault);
            out.add(new ControlLayout(c, ControlLayout.pixels(c.x(), c.y(), c.width(), c.height()), s.visible(), s.enabled(), s.isDefault()));
        }
        return new DialogLayout(dialog, InstallerUnits.toPixels(dialog.width()), InstallerUnits.toPixels(dialog.height()), out,
                conditions ? states.notes() : List.of());
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
