package dev.ssprkit.wix.compile.core;

import java.util.Set;

/** The standard actions of Windows Installer (the SDK's standard actions reference), which sequence elements name. */
public final class StandardActionNames {
    private StandardActionNames() {}

    /** Every standard action that sits in a sequence table (the schema's list, without ADMIN/ADVERTISE/INSTALL). */
    public static final Set<String> ALL = dev.ssprkit.msi.schema.StandardActions.names().stream()
            .filter(a -> !dev.ssprkit.msi.schema.StandardActions.isTopLevel(a)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static boolean isStandard(String action) {
        return ALL.contains(action);
    }

    /** The five sequence tables, by the element names sources write (v3 AdvtExecuteSequence, v4 AdvertiseExecuteSequence). */
    public static String tableOf(String element) {
        return switch (element) {
            case "InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence" -> element;
            case "AdvtExecuteSequence", "AdvertiseExecuteSequence" -> "AdvtExecuteSequence";
            default -> null;
        };
    }
}
