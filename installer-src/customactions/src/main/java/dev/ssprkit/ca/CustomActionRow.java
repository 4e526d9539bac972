package dev.ssprkit.ca;

/**
 * One CustomAction table row the compiler emits for an element family.
 *
 * @param action the action's id (also the name of the property that holds its CustomActionData)
 * @param type   {@code CustomAction.Type} (see {@link CustomActionTypes})
 * @param source the Binary row's Name
 * @param target the DLL entry point
 */
public record CustomActionRow(String action, int type, String source, String target) {
    /** The row in the CustomAction table's column order (Action, Type, Source, Target, ExtendedType). */
    public Object[] cells() {
        return new Object[] {action, type, source, target, null};
    }
}
