package dev.ssprkit.uipreview.check;

/**
 * A layout problem of one control, found without Windows by {@link LayoutCheck}.
 *
 * @param kind    what is wrong
 * @param dialog  the dialog
 * @param control the control (null for a finding about the whole dialog)
 * @param other   the control it overlaps ({@link Kind#OVERLAP}), else null
 * @param message what is wrong and what to change, for people
 */
public record LayoutFinding(Kind kind, String dialog, String control, String other, String message) {
    public enum Kind {
        /** The control's rectangle reaches past the dialog's edge (Windows cuts it off). */
        OUTSIDE_DIALOG,
        /** Its text, measured in the font its style resolves to, needs more room than the control gives it. */
        TEXT_DOES_NOT_FIT,
        /** Two controls that show at the same time cover the same pixels. */
        OVERLAP,
        /** The keyboard cannot do what it should: a broken or incomplete tab cycle, a missing or unknown default/cancel control. */
        KEYBOARD
    }

    @Override
    public String toString() {
        return "dialog " + dialog + (control == null ? "" : ", control " + control) + ": " + message;
    }
}
