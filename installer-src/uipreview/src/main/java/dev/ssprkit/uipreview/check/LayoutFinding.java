package dev.ssprkit.uipreview.check;

/**
 * A layout problem of one control, found without Windows by {@link LayoutCheck}.
 *
 * @param kind    what is wrong
 * @param dialog  the dialog
 * @param control the control
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
        OVERLAP
    }

    @Override
    public String toString() {
        return "dialog " + dialog + ", control " + control + ": " + message;
    }
}
