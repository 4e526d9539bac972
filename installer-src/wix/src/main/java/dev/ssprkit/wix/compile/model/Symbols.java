package dev.ssprkit.wix.compile.model;

import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.wix.diag.SourceLocation;

import java.nio.file.Path;
import java.util.List;

/**
 * The intermediate model: one record per thing a source defines, with no I/O and no table layout. References between
 * symbols are ids (resolved by the linker); every record carries its source location.
 */
public final class Symbols {
    private Symbols() {}

    /** The product identity and its summary information (v3 Product+Package, v4 Package+SummaryInformation). */
    public record Product(String name, String manufacturer, String version, String upgradeCode, String productCode,
                          int language, Integer codepage, int installerVersion, String description, String comments,
                          String keywords, String platform, SourceLocation location) {}

    /** The embedded cabinet (Media or MediaTemplate). */
    public record Media(String cabinet, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.MEDIA; }
        public String id() { return "1"; }
    }

    public record Directory(String id, String parent, String name, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.DIRECTORY; }
    }

    /** guid: a GUID, "*" (derive from the key path) or "" (unmanaged); win64 null = follow the package platform. */
    public record Component(String id, String directory, String guid, Boolean win64, String condition, boolean permanent,
                            boolean neverOverwrite, boolean sharedDllRefCount, boolean directoryKeyPath,
                            SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.COMPONENT; }
    }

    public record File(String id, String component, String name, Path source, boolean keyPath, boolean vital,
                       boolean readOnly, boolean hidden, boolean system, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.FILE; }
    }

    /** A Registry row; data is null for a key-only row (ForceCreateOnInstall / ForceDeleteOnUninstall). */
    public record Registry(String id, String component, String root, String key, String name, RegistryData data,
                           boolean keyPath, boolean createKey, boolean deleteKey, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.REGISTRY; }
    }

    public record CreateFolder(String directory, String component, SourceLocation location) {}

    /** RemoveFile / RemoveFolder (name null); installMode 1 install, 2 uninstall, 3 both. */
    public record RemoveFile(String id, String component, String name, String dirProperty, int installMode,
                             SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.REMOVE_FILE; }
    }

    /** target: a file id for a shortcut under a File, or a formatted target; advertised shortcuts name the component's feature. */
    public record Shortcut(String id, String component, String directory, String name, String target, boolean advertise,
                           String arguments, String description, String icon, Integer iconIndex, Integer show,
                           String workingDirectory, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.SHORTCUT; }
    }

    public record Environment(String id, String component, String nameColumn, String value, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.ENVIRONMENT; }
    }

    public record ServiceInstall(String id, String component, String name, String displayName, int serviceType,
                                 int startType, int errorControl, String loadOrderGroup, String dependencies,
                                 String account, String password, String arguments, String description,
                                 SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.SERVICE_INSTALL; }
    }

    public record ServiceControl(String id, String component, String name, int event, String arguments, Integer waitFlag,
                                 SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.SERVICE_CONTROL; }
    }

    /** display: "collapse", "expand", "hidden" or a number. */
    public record Feature(String id, String parent, String title, String description, int level, String display,
                          boolean allowAbsent, boolean allowAdvertise, String configurableDirectory,
                          SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.FEATURE; }
    }

    /** A Condition-table row: the feature's level becomes {@code level} when {@code condition} is true. */
    public record FeatureCondition(String feature, int level, String condition, SourceLocation location) {}

    /** A component or component group placed in a feature. */
    public record FeatureMember(String feature, Kind kind, String id, SourceLocation location) {}

    public record ComponentGroup(String id, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.COMPONENT_GROUP; }
    }

    /** A component or nested group listed in a component group. */
    public record GroupMember(String group, Kind kind, String id, SourceLocation location) {}

    /** value null: only the flags (e.g. a property made secure). */
    public record Property(String id, String value, boolean secure, boolean hidden, boolean admin,
                           SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.PROPERTY; }
    }

    public record LaunchCondition(String condition, String message, SourceLocation location) {}

    /**
     * A registry search feeding a property (AppSearch + RegLocator). type: 0 directory, 1 file, 2 raw, plus 16 for
     * the 64-bit registry view.
     */
    public record RegistrySearch(String id, String property, int root, String key, String name, int type,
                                 SourceLocation location) {}

    /** schedule: the RemoveExistingProducts sequence number. */
    public record MajorUpgrade(String downgradeMessage, boolean allowSameVersion, int removeSequence,
                               SourceLocation location) {}

    public record Upgrade(String upgradeCode, String versionMin, String versionMax, String language, int attributes,
                          String remove, String property, SourceLocation location) {}

    public record CustomAction(String id, int type, String source, String target, Integer extendedType,
                               SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.CUSTOM_ACTION; }
    }

    /** A sequence-table entry: exactly one of sequence/before/after is set, unless suppressed. */
    public record Action(String table, String action, String condition, Integer sequence, String before, String after,
                         boolean suppress, SourceLocation location) {}

    public record Binary(String id, Path source, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.BINARY; }
    }

    public record Icon(String id, Path source, SourceLocation location) implements Symbol {
        public Kind kind() { return Kind.ICON; }
    }

    /** Every record type that is a symbol, for listings. */
    public static final List<Class<?>> ALL = List.of(Media.class, Directory.class, Component.class, File.class,
            Registry.class, RemoveFile.class, Shortcut.class, Environment.class, ServiceInstall.class,
            ServiceControl.class, Feature.class, ComponentGroup.class, Property.class, CustomAction.class,
            Binary.class, Icon.class);
}
