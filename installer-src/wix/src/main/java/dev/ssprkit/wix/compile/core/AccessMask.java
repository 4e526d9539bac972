package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceAttribute;

import java.util.List;

/**
 * An access mask built from Permission-style yes/no attributes, as WinNT.h lays it out: object-specific rights in
 * bits 0-15 (their names depend on the object: folder, file, registry key, service), standard rights (Delete,
 * ReadPermission, ChangePermission, TakeOwnership, Synchronize) from bit 16, generic rights (GenericAll,
 * GenericExecute, GenericWrite, GenericRead) from bit 28. Shared by the core Permission element and the util
 * extension's PermissionEx, which use the same attribute names.
 */
public final class AccessMask {
    private static final List<String> STANDARD = List.of("Delete", "ReadPermission", "ChangePermission", "TakeOwnership", "Synchronize");
    private static final List<String> GENERIC = List.of("GenericAll", "GenericExecute", "GenericWrite", "GenericRead");
    private static final List<String> FOLDER = List.of("Read", "CreateFile", "CreateChild", "ReadExtendedAttributes", "WriteExtendedAttributes", "Traverse", "DeleteChild", "ReadAttributes", "WriteAttributes");
    private static final List<String> FILE = List.of("Read", "Write", "Append", "ReadExtendedAttributes", "WriteExtendedAttributes", "Execute", "FileAllRights", "ReadAttributes", "WriteAttributes");
    private static final List<String> REGISTRY = List.of("Read", "Write", "CreateSubkeys", "EnumerateSubkeys", "Notify", "CreateLink");
    private static final List<String> SERVICE = List.of("ServiceQueryConfig", "ServiceChangeConfig", "ServiceQueryStatus", "ServiceEnumerateDependents",
            "ServiceStart", "ServiceStop", "ServicePauseContinue", "ServiceInterrogate", "ServiceUserDefinedControl");

    private final List<String> specific;
    private long bits;

    private AccessMask(List<String> specific) {
        this.specific = specific;
    }

    /** A mask for objects of the given lock table (CreateFolder, File, Registry, ServiceInstall), or null if none applies. */
    public static AccessMask forTable(String lockTable, boolean services) {
        List<String> specific = switch (lockTable == null ? "" : lockTable) {
            case "CreateFolder" -> FOLDER;
            case "File" -> FILE;
            case "Registry" -> REGISTRY;
            case "ServiceInstall" -> services ? SERVICE : null;
            default -> null;
        };
        return specific == null ? null : new AccessMask(specific);
    }

    /** Adds the right an attribute names when it says yes; false when the attribute names no right. */
    public boolean accept(CompileContext ctx, SourceAttribute attr) {
        String n = attr.localName();
        long bit;
        int i;
        if (n.equals("FileAllRights") && specific == FILE) bit = 0x001F01FFL;
        else if (n.equals("SpecificRightsAll")) bit = 0x0000FFFFL;
        else if ((i = STANDARD.indexOf(n)) >= 0) bit = 1L << (16 + i);
        else if ((i = GENERIC.indexOf(n)) >= 0) bit = 1L << (28 + i);
        else if ((i = specific.indexOf(n)) >= 0) bit = 1L << i;
        else return false;
        if (yes(ctx, attr)) bits |= bit;
        return true;
    }

    /** The attribute names this mask accepts, for "expected one of" messages. */
    public String names() {
        return String.join(", ", STANDARD) + ", " + String.join(", ", GENERIC) + ", " + String.join(", ", specific);
    }

    public int value() {
        return (int) bits;
    }

    /** GenericRead alone is 0x80000000, the MSI null integer: WiX refuses it, and so do we. */
    public boolean isMsiNull() {
        return value() == Integer.MIN_VALUE;
    }

    private static boolean yes(CompileContext ctx, SourceAttribute a) {
        return switch (a.value()) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> {
                ctx.report(CompilerMessage.BAD_ENUM, a.location(), a.localName(), a.value(), "yes, no");
                yield false;
            }
        };
    }
}
