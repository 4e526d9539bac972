package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.Row;

import java.util.List;

/**
 * One Dialog table row with its controls (in Control table order), their conditions and events.
 *
 * @param attributes the Dialog Style Bits (SDK "Dialog Style Bits": 0x1 visible, 0x2 modal, 0x4 minimize...)
 */
public record DialogSpec(String name, int hCentering, int vCentering, int width, int height, int attributes, String title,
                         String controlFirst, String controlDefault, String controlCancel, List<ControlSpec> controls,
                         List<ControlConditionSpec> conditions, List<ControlEventSpec> events, Row row) {
    public static final int MODAL = 0x2;
    public static final int ERROR_DIALOG = 0x10000;

    public DialogSpec {
        controls = List.copyOf(controls);
        conditions = List.copyOf(conditions);
        events = List.copyOf(events);
    }

    /** The control with this name, or null. */
    public ControlSpec control(String controlName) {
        if (controlName == null) return null;
        for (ControlSpec c : controls) if (c.name().equals(controlName)) return c;
        return null;
    }
}
