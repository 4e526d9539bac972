package dev.ssprkit.ca;

/**
 * {@code CustomAction.Type} values of the library's actions, built from the Windows Installer SDK's bits
 * ("Custom Action Types", "Custom Action Return Processing Options", "Custom Action Execution Scheduling Options",
 * "Custom Action In-Script Execution Options", "Custom Action Hidden Target Option").
 */
public final class CustomActionTypes {
    private CustomActionTypes() {}

    /** msidbCustomActionTypeDll + msidbCustomActionTypeBinaryData: a DLL stored in the Binary table. */
    public static final int DLL_IN_BINARY = 0x0001;
    /** msidbCustomActionTypeContinue: Return="ignore". */
    public static final int CONTINUE = 0x0040;
    /** msidbCustomActionTypeFirstSequence: Execute="firstSequence". */
    public static final int FIRST_SEQUENCE = 0x0100;
    /** msidbCustomActionTypeInScript: deferred. */
    public static final int IN_SCRIPT = 0x0400;
    /** msidbCustomActionTypeRollback (with InScript). */
    public static final int ROLLBACK = 0x0100;
    /** msidbCustomActionTypeCommit (with InScript). */
    public static final int COMMIT = 0x0200;
    /** msidbCustomActionTypeNoImpersonate: Impersonate="no". */
    public static final int NO_IMPERSONATE = 0x0800;
    /** msidbCustomActionTypeHideTarget: HideTarget="yes" (CustomActionData is not logged). */
    public static final int HIDE_TARGET = 0x2000;

    /** Execute="immediate" Return="check". */
    public static final int IMMEDIATE = DLL_IN_BINARY;
    /** Execute="immediate" Return="ignore". */
    public static final int IMMEDIATE_IGNORE = DLL_IN_BINARY | CONTINUE;
    /** Execute="firstSequence" Return="check". */
    public static final int FIRST_SEQUENCE_CHECK = DLL_IN_BINARY | FIRST_SEQUENCE;
    /** Execute="deferred" Return="check" (impersonated). */
    public static final int DEFERRED = DLL_IN_BINARY | IN_SCRIPT;
    /** Execute="deferred" Impersonate="no" Return="check". */
    public static final int DEFERRED_SYSTEM = DLL_IN_BINARY | IN_SCRIPT | NO_IMPERSONATE;
    /** Execute="commit" Impersonate="no" Return="ignore". */
    public static final int COMMIT_SYSTEM_IGNORE = DLL_IN_BINARY | IN_SCRIPT | COMMIT | NO_IMPERSONATE | CONTINUE;
    /** Execute="rollback" Impersonate="no" Return="check". */
    public static final int ROLLBACK_SYSTEM = DLL_IN_BINARY | IN_SCRIPT | ROLLBACK | NO_IMPERSONATE;
}
