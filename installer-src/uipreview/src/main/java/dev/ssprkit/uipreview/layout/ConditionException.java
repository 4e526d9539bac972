package dev.ssprkit.uipreview.layout;

/** A condition that is not valid MSI condition syntax (the SDK's "Conditional Statement Syntax"). */
public final class ConditionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConditionException(String message) {
        super(message);
    }
}
