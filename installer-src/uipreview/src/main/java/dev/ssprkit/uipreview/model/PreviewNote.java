package dev.ssprkit.uipreview.model;

/**
 * Something the preview could not show as the package says, or shows differently (a substituted font, a damaged
 * image, a condition it cannot read). Names where it is as precisely as it can.
 *
 * @param dialog  the dialog, or null for the package
 * @param control the control, or null
 */
public record PreviewNote(String dialog, String control, String message) {
    @Override
    public String toString() {
        if (dialog == null) return message;
        return (control == null ? "dialog " + dialog : "dialog " + dialog + ", control " + control) + ": " + message;
    }
}
