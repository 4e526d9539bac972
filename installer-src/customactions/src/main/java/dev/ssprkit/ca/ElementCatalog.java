package dev.ssprkit.ca;

import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

import static dev.ssprkit.ca.CustomActionTypes.*;

/**
 * The actions, placements and conditions WiX schedules for each family, from WiX's own extension libraries:
 * v4.0 {@code src/ext/Util/wixlib/UtilExtension_Platform.wxi}, v5.0/v6.0 {@code src/ext/Firewall/wixlib/
 * FirewallExtension_Platform.wxi}, {@code src/ext/NetFx/wixlib/NetFxExtension_Platform.wxi} (tag v4.0.6); v3 {@code src/ext/UtilExtension/wixlib/UtilExtension_Platform.wxi}
 * and {@code src/ext/FirewallExtension/wixlib/FirewallExtension_Platform.wxi}. Types from {@link CustomActionTypes}.
 */
final class ElementCatalog {
    static final String EXECUTE = "InstallExecuteSequence";
    static final String UI = "InstallUISequence";

    private static final String NT_ABOVE_400 = "VersionNT > 400";
    private static final String NOT_UNINSTALL = "NOT REMOVE~=\"ALL\" AND VersionNT > 400";
    private static final String OS_QUERY = "VersionNT > 400 OR (VersionNT = 400 AND ServicePackLevel > 3)";
    /** WiX v5+ FirewallExtension_Platform.wxi: Vista or later. */
    private static final String FIREWALL_V5 = "VersionNT >= 600";
    /** WiX v3 (and v4.0) FirewallExtension_Platform.wxi. */
    private static final String FIREWALL = "VersionNT >= 600 OR (VersionNT >= 501 AND ((MsiNTProductType = 1 AND ServicePackLevel >= 2) "
            + "OR (MsiNTProductType > 1 AND ServicePackLevel >= 1)))";

    /** WiX v3 HttpExtension_Platform.wxi ("the HTTP server on Windows XP SP2 or later"; v4+ has no condition). */
    private static final String HTTP_V3 = "VersionNT >= 600 OR (VersionNT >= 501 AND ((MsiNTProductType = 1 AND ServicePackLevel >= 2) OR (MsiNTProductType > 1)))";

    private ElementCatalog() {}

    /** Collects one family's rows while naming them for a generation and architecture. */
    private static final class Builder {
        final ElementFamily family;
        final SchemaGeneration g;
        final Architecture a;
        final CustomActionBinary binary;
        final List<TableSchema> tables = new ArrayList<>();
        final List<CustomActionRow> actions = new ArrayList<>();
        final List<SequenceEntry> sequence = new ArrayList<>();
        final List<StandardActionRef> standard = new ArrayList<>();
        final List<String> required = new ArrayList<>();
        final List<ElementFamily> also = new ArrayList<>();

        Builder(ElementFamily family, SchemaGeneration g, Architecture a) {
            this.family = family;
            this.g = g;
            this.a = a;
            this.binary = new CustomActionBinary(ActionNames.binary(g, family.library(), a), family.library(), a, g);
        }

        /** Adds a CustomAction row named as WiX v6 names its new actions (Wix6 + stem + platform, any generation). */
        String action6(String stem, String entry, int type) {
            String id = ActionNames.action(SchemaGeneration.V4, family.library(), a, stem, stem, false).replaceFirst("^Wix4", "Wix6");
            actions.add(new CustomActionRow(id, type, binary.binaryId(), entry));
            return id;
        }

        /** Adds a CustomAction row and returns its id. */
        String action(String v3Name, String v4Stem, String entry, int type) {
            boolean deferred = (type & IN_SCRIPT) != 0;
            String id = ActionNames.action(g, family.library(), a, v3Name, v4Stem, deferred);
            actions.add(new CustomActionRow(id, type, binary.binaryId(), entry));
            return id;
        }

        Builder standard(String table, String action, int sequence) {
            standard.add(new StandardActionRef(table, action, sequence));
            return this;
        }

        ElementSupport build() {
            return new ElementSupport(family, g, a, binary, tables, actions, sequence, standard, required, also);
        }
    }

    static ElementSupport support(ElementFamily family, SchemaGeneration g, Architecture a) {
        Builder b = new Builder(family, g, a);
        switch (family) {
            case REMOVE_FOLDER_EX -> {
                b.tables.add(ExtensionTables.removeFolderEx(g));
                String id = b.action("WixRemoveFoldersEx", "RemoveFoldersEx", "WixRemoveFoldersEx", IMMEDIATE_IGNORE);
                b.sequence.add(SequenceEntry.before(EXECUTE, id, null, "CostInitialize"));
                b.standard(EXECUTE, "CostInitialize", 800);
            }
            case REMOVE_REGISTRY_KEY_EX -> {
                b.tables.add(ExtensionTables.removeRegistryKeyEx(g));
                String id = b.action("WixRemoveRegistryKeysEx", "RemoveRegistryKeysEx", "WixRemoveRegistryKeysEx", IMMEDIATE_IGNORE);
                b.sequence.add(SequenceEntry.before(EXECUTE, id, null, "RemoveRegistryValues"));
                b.standard(EXECUTE, "RemoveRegistryValues", 2600);
                // the DLL adds temporary RemoveRegistry (on install) or Registry (on uninstall) rows
                b.required.add("Registry");
                b.required.add("RemoveRegistry");
            }
            case INTERNET_SHORTCUT -> {
                b.tables.add(ExtensionTables.internetShortcut(g));
                String sched = b.action("WixSchedInternetShortcuts", "SchedInternetShortcuts", "WixSchedInternetShortcuts", IMMEDIATE);
                String rollback = b.action("WixRollbackInternetShortcuts", "RollbackInternetShortcuts", "WixRollbackInternetShortcuts", ROLLBACK_SYSTEM);
                String create = b.action("WixCreateInternetShortcuts", "CreateInternetShortcuts", "WixCreateInternetShortcuts", DEFERRED_SYSTEM);
                b.sequence.add(SequenceEntry.before(EXECUTE, sched, NT_ABOVE_400, "RemoveFolders"));
                b.sequence.add(SequenceEntry.after(EXECUTE, create, NT_ABOVE_400, "CreateShortcuts"));
                b.sequence.add(SequenceEntry.before(EXECUTE, rollback, NT_ABOVE_400, create));
                b.standard(EXECUTE, "RemoveFolders", 3600).standard(EXECUTE, "CreateFolders", 3700).standard(EXECUTE, "CreateShortcuts", 4500);
                // The DLL adds temporary CreateFolder rows; each shortcut also gets a RemoveFile row (on uninstall).
                b.required.add("CreateFolder");
                b.required.add("RemoveFile");
            }
            case XML_FILE -> {
                b.tables.add(ExtensionTables.xmlFile(g));
                String sched = b.action("SchedXmlFile", "SchedXmlFile", "SchedXmlFile", IMMEDIATE);
                b.action("ExecXmlFile", "ExecXmlFile", "ExecXmlFile", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("ExecXmlFileRollback", "ExecXmlFileRollback", "ExecXmlFileRollback", ROLLBACK_SYSTEM | HIDE_TARGET);
                b.sequence.add(SequenceEntry.after(EXECUTE, sched, NT_ABOVE_400, "DuplicateFiles"));
                b.standard(EXECUTE, "DuplicateFiles", 4210);
            }
            case XML_CONFIG -> {
                b.tables.add(ExtensionTables.xmlConfig(g));
                String sched = b.action("SchedXmlConfig", "SchedXmlConfig", "SchedXmlConfig", IMMEDIATE);
                b.action("ExecXmlConfig", "ExecXmlConfig", "ExecXmlConfig", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("ExecXmlConfigRollback", "ExecXmlConfigRollback", "ExecXmlConfigRollback", ROLLBACK_SYSTEM | HIDE_TARGET);
                b.sequence.add(SequenceEntry.after(EXECUTE, sched, NT_ABOVE_400, "DuplicateFiles"));
                b.standard(EXECUTE, "DuplicateFiles", 4210);
            }
            case CLOSE_APPLICATION -> {
                b.tables.add(ExtensionTables.closeApplication(g));
                String close = b.action("WixCloseApplications", "CloseApplications", "WixCloseApplications", IMMEDIATE);
                b.action("WixCloseApplicationsDeferred", "CloseApplicationsDeferred", "WixCloseApplicationsDeferred", DEFERRED_SYSTEM);
                b.sequence.add(SequenceEntry.before(EXECUTE, close, NT_ABOVE_400, "InstallFiles"));
                b.standard(EXECUTE, "InstallFiles", 4000);
                b.also.add(ElementFamily.CHECK_REBOOT_REQUIRED);
            }
            case SERVICE_CONFIG -> {
                b.tables.add(ExtensionTables.serviceConfig(g));
                String sched = b.action("SchedServiceConfig", "SchedServiceConfig", "SchedServiceConfig", IMMEDIATE);
                b.action("ExecServiceConfig", "ExecServiceConfig", "ExecServiceConfig", DEFERRED_SYSTEM);
                b.action("RollbackServiceConfig", "RollbackServiceConfig", "RollbackServiceConfig", ROLLBACK_SYSTEM);
                b.sequence.add(SequenceEntry.after(EXECUTE, sched, NOT_UNINSTALL, "InstallServices"));
                b.standard(EXECUTE, "InstallServices", 5800);
            }
            case EVENT_MANIFEST -> {
                // Our immediate halves schedule `"wevtutil.exe" im|um "<manifest>"` into these deferred actions, which
                // run it with the quiet exec entry point (v4 WixQuietExec, v3 CAQuietExec), as WiX's library does.
                // WiX v3 keeps the two immediate actions in another DLL (ScaSchedule, x86 only); here one DLL has all.
                b.tables.add(ExtensionTables.eventManifest(g));
                String exec = g == SchemaGeneration.V4 ? "WixQuietExec" : "CAQuietExec";
                String register = b.action("ConfigureEventManifestRegister", "ConfigureEventManifestRegister", "ConfigureEventManifestRegister", IMMEDIATE);
                String unregister = b.action("ConfigureEventManifestUnregister", "ConfigureEventManifestUnregister", "ConfigureEventManifestUnregister", IMMEDIATE);
                b.action("RegisterEventManifest", "RegisterEventManifest", exec, DEFERRED_SYSTEM);
                b.action("UnregisterEventManifest", "UnregisterEventManifest", exec, DEFERRED_SYSTEM | CONTINUE);
                b.action("RollbackRegisterEventManifest", "RollbackRegisterEventManifest", exec, ROLLBACK_SYSTEM | CONTINUE);
                b.action("RollbackUnregisterEventManifest", "RollbackUnregisterEventManifest", exec, ROLLBACK_SYSTEM);
                // after SchedXmlFile, so that the manifest's file names are rewritten (ExecXmlFile) before wevtutil reads it;
                // that placement pulls the XmlFile family in, as WiX's After= reference does
                String schedXml = ActionNames.action(g, LibraryKind.UTIL, a, "SchedXmlFile", "SchedXmlFile", false);
                b.sequence.add(SequenceEntry.after(EXECUTE, register, NT_ABOVE_400, schedXml));
                b.sequence.add(SequenceEntry.after(EXECUTE, unregister, NT_ABOVE_400, "RemoveRegistryValues"));
                b.standard(EXECUTE, "RemoveRegistryValues", 2600);
                b.also.add(ElementFamily.XML_FILE);
            }
            case USER -> {
                // WiX's util library: ConfigureUsers immediate before InstallFiles; CreateUser deferred, CreateUserRollback
                // rollback, RemoveUser commit (a removed user cannot be brought back) and Return="ignore", all three
                // HideTarget (their data holds the password) and not impersonated. WiX v3 runs the RemoveUser entry point
                // for its rollback action and keeps these in its ScaSchedule/ScaExecute DLLs; ours are all in WixCA.
                b.tables.add(ExtensionTables.user(g));
                b.tables.add(ExtensionTables.group(g));
                b.tables.add(ExtensionTables.userGroup(g));
                String configure = b.action("ConfigureUsers", "ConfigureUsers", "ConfigureUsers", IMMEDIATE);
                b.action("CreateUser", "CreateUser", "CreateUser", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("CreateUserRollback", "CreateUserRollback", g == SchemaGeneration.V4 ? "CreateUserRollback" : "RemoveUser", ROLLBACK_SYSTEM | HIDE_TARGET);
                b.action("RemoveUser", "RemoveUser", "RemoveUser", COMMIT_SYSTEM_IGNORE | HIDE_TARGET);
                b.sequence.add(SequenceEntry.before(EXECUTE, configure, NT_ABOVE_400, "InstallFiles"));
                b.standard(EXECUTE, "InstallFiles", 4000);
            }
            case GROUP_CREATE -> {
                // WiX v6's util library (v6.0.2 UtilExtension_Platform.wxi, prefix Wix6): ConfigureGroups immediate before
                // InstallFiles; CreateGroup deferred, CreateGroupRollback rollback, RemoveGroup commit with Return="ignore"
                // (a removed group cannot be brought back), not impersonated; the Domain variants run the same entry points
                // impersonated. No HideTarget. Only WiX v4+ sources create groups; v3 sources never reach this family.
                b.tables.add(ExtensionTables.group(SchemaGeneration.V4));
                b.tables.add(ExtensionTables.group6());
                String configure = b.action6("ConfigureGroups", "ConfigureGroups", IMMEDIATE);
                b.action6("CreateGroup", "CreateGroup", DEFERRED_SYSTEM);
                b.action6("CreateGroupRollback", "CreateGroupRollback", ROLLBACK_SYSTEM);
                b.action6("RemoveGroup", "RemoveGroup", COMMIT_SYSTEM_IGNORE);
                b.action6("CreateDomainGroup", "CreateGroup", DEFERRED);
                b.action6("CreateDomainGroupRollback", "CreateGroupRollback", DEFERRED | ROLLBACK);
                b.action6("RemoveDomainGroup", "RemoveGroup", DEFERRED | COMMIT | CONTINUE);
                b.sequence.add(SequenceEntry.before(EXECUTE, configure, NT_ABOVE_400, "InstallFiles"));
                b.standard(EXECUTE, "InstallFiles", 4000);
            }
            case NATIVE_IMAGE -> {
                // WiX's NetFx library (v3 and v4.0 NetFxExtension_Platform.wxi): SchedNetFx immediate before InstallFiles;
                // ExecNetFx as deferred and commit actions, not impersonated, Return="ignore", placed after
                // MsiPublishAssemblies in this order: CommitUninstall (RollbackDisabled <> 1), Uninstall (= 1),
                // CommitInstall (<> 1), Install (= 1). The scheduling action sets all four actions' data.
                b.tables.add(ExtensionTables.nativeImage(g));
                String sched = b.action("NetFxScheduleNativeImage", "NetFxScheduleNativeImage", "SchedNetFx", IMMEDIATE);
                String install = b.action("NetFxExecuteNativeImageInstall", "NetFxExecuteNativeImageInstall", "ExecNetFx", DEFERRED_SYSTEM | CONTINUE);
                String commitInstall = b.action("NetFxExecuteNativeImageCommitInstall", "NetFxExecuteNativeImageCommitInstall", "ExecNetFx", COMMIT_SYSTEM_IGNORE);
                String uninstall = b.action("NetFxExecuteNativeImageUninstall", "NetFxExecuteNativeImageUninstall", "ExecNetFx", DEFERRED_SYSTEM | CONTINUE);
                String commitUninstall = b.action("NetFxExecuteNativeImageCommitUninstall", "NetFxExecuteNativeImageCommitUninstall", "ExecNetFx", COMMIT_SYSTEM_IGNORE);
                b.sequence.add(SequenceEntry.before(EXECUTE, sched, null, "InstallFiles"));
                b.sequence.add(SequenceEntry.after(EXECUTE, commitUninstall, "RollbackDisabled <> 1", "MsiPublishAssemblies"));
                b.sequence.add(SequenceEntry.after(EXECUTE, uninstall, "RollbackDisabled = 1", commitUninstall));
                b.sequence.add(SequenceEntry.after(EXECUTE, commitInstall, "RollbackDisabled <> 1", uninstall));
                b.sequence.add(SequenceEntry.after(EXECUTE, install, "RollbackDisabled = 1", commitInstall));
                b.standard(EXECUTE, "InstallFiles", 4000).standard(EXECUTE, "MsiPublishAssemblies", 6250);
            }
            case FILE_SHARE -> {
                // WiX's util library (v3 and v4 UtilExtension_Platform.wxi): ConfigureSmbInstall immediate after
                // InstallFiles, ConfigureSmbUninstall immediate after RemoveFiles (both VersionNT > 400); CreateSmb and
                // DropSmb deferred, not impersonated, HideTarget; their rollbacks (CreateSmbRollback runs DropSmb,
                // DropSmbRollback runs CreateSmb) Return="ignore". Types as WiX's UtilExtensionFixture lists them:
                // 1, 1, 11265, 11585, 11265, 11585. The User table comes with it: permissions reference users.
                b.tables.add(ExtensionTables.fileShare(g));
                b.tables.add(ExtensionTables.fileSharePermissions(g));
                b.tables.add(ExtensionTables.user(g));
                String install = b.action("ConfigureSmbInstall", "ConfigureSmbInstall", "ConfigureSmbInstall", IMMEDIATE);
                String uninstall = b.action("ConfigureSmbUninstall", "ConfigureSmbUninstall", "ConfigureSmbUninstall", IMMEDIATE);
                b.action("CreateSmb", "CreateSmb", "CreateSmb", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("CreateSmbRollback", "CreateSmbRollback", "DropSmb", ROLLBACK_SYSTEM | CONTINUE | HIDE_TARGET);
                b.action("DropSmb", "DropSmb", "DropSmb", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("DropSmbRollback", "DropSmbRollback", "CreateSmb", ROLLBACK_SYSTEM | CONTINUE | HIDE_TARGET);
                b.sequence.add(SequenceEntry.after(EXECUTE, install, NT_ABOVE_400, "InstallFiles"));
                b.sequence.add(SequenceEntry.after(EXECUTE, uninstall, NT_ABOVE_400, "RemoveFiles"));
                b.standard(EXECUTE, "InstallFiles", 4000).standard(EXECUTE, "RemoveFiles", 3500);
            }
            case SECURE_OBJECTS -> {
                // WiX's util library (v3 and v4 UtilExtension_Platform.wxi): SchedSecureObjects immediate after
                // InstallServices when not uninstalling; SchedSecureObjectsRollback immediate after UnpublishFeatures
                // (it records each object's DACL before anything changes it); ExecSecureObjects deferred and
                // ExecSecureObjectsRollback rollback, both not impersonated and HideTarget: types 1, 1, 11265, 11521.
                b.tables.add(ExtensionTables.secureObject(g));
                String sched = b.action("SchedSecureObjects", "SchedSecureObjects", "SchedSecureObjects", IMMEDIATE);
                String rollback = b.action("SchedSecureObjectsRollback", "SchedSecureObjectsRollback", "SchedSecureObjectsRollback", IMMEDIATE);
                b.action("ExecSecureObjects", "ExecSecureObjects", "ExecSecureObjects", DEFERRED_SYSTEM | HIDE_TARGET);
                b.action("ExecSecureObjectsRollback", "ExecSecureObjectsRollback", "ExecSecureObjectsRollback", ROLLBACK_SYSTEM | HIDE_TARGET);
                b.sequence.add(SequenceEntry.after(EXECUTE, sched, NOT_UNINSTALL, "InstallServices"));
                b.sequence.add(SequenceEntry.after(EXECUTE, rollback, NT_ABOVE_400, "UnpublishFeatures"));
                b.standard(EXECUTE, "InstallServices", 5800).standard(EXECUTE, "UnpublishFeatures", 1800);
            }
            case FIREWALL_EXCEPTION -> {
                b.tables.add(ExtensionTables.firewallException(g));
                String uninstall = b.action("WixSchedFirewallExceptionsUninstall", "SchedFirewallExceptionsUninstall", "SchedFirewallExceptionsUninstall", IMMEDIATE);
                String install = b.action("WixSchedFirewallExceptionsInstall", "SchedFirewallExceptionsInstall", "SchedFirewallExceptionsInstall", IMMEDIATE);
                b.action("WixRollbackFirewallExceptionsInstall", "RollbackFirewallExceptionsInstall", "ExecFirewallExceptions", ROLLBACK_SYSTEM);
                b.action("WixExecFirewallExceptionsInstall", "ExecFirewallExceptionsInstall", "ExecFirewallExceptions", DEFERRED_SYSTEM);
                b.action("WixRollbackFirewallExceptionsUninstall", "RollbackFirewallExceptionsUninstall", "ExecFirewallExceptions", ROLLBACK_SYSTEM);
                b.action("WixExecFirewallExceptionsUninstall", "ExecFirewallExceptionsUninstall", "ExecFirewallExceptions", DEFERRED_SYSTEM);
                String condition = g == SchemaGeneration.V4 ? FIREWALL_V5 : FIREWALL;
                b.sequence.add(SequenceEntry.before(EXECUTE, uninstall, condition, "RemoveFiles"));
                b.sequence.add(SequenceEntry.after(EXECUTE, install, condition, "InstallFiles"));
                b.standard(EXECUTE, "RemoveFiles", 3500).standard(EXECUTE, "InstallFiles", 4000);
            }
            case HTTP_URL_RESERVATION -> {
                // HttpExtension_Platform.wxi (v3; v6.0): immediate schedulers, deferred and rollback ExecHttpUrlReservations
                // not impersonated; uninstall before RemoveFiles, install after InstallFiles; conditioned in v3 only.
                b.tables.add(ExtensionTables.httpUrlReservation(g));
                b.tables.add(ExtensionTables.httpUrlAce(g));
                String install = b.action("WixSchedHttpUrlReservationsInstall", "SchedHttpUrlReservationsInstall", "SchedHttpUrlReservationsInstall", IMMEDIATE);
                String uninstall = b.action("WixSchedHttpUrlReservationsUninstall", "SchedHttpUrlReservationsUninstall", "SchedHttpUrlReservationsUninstall", IMMEDIATE);
                b.action("WixRollbackHttpUrlReservationsInstall", "RollbackHttpUrlReservationsInstall", "ExecHttpUrlReservations", ROLLBACK_SYSTEM);
                b.action("WixExecHttpUrlReservationsInstall", "ExecHttpUrlReservationsInstall", "ExecHttpUrlReservations", DEFERRED_SYSTEM);
                b.action("WixRollbackHttpUrlReservationsUninstall", "RollbackHttpUrlReservationsUninstall", "ExecHttpUrlReservations", ROLLBACK_SYSTEM);
                b.action("WixExecHttpUrlReservationsUninstall", "ExecHttpUrlReservationsUninstall", "ExecHttpUrlReservations", DEFERRED_SYSTEM);
                String condition = g == SchemaGeneration.V4 ? null : HTTP_V3;
                b.sequence.add(SequenceEntry.before(EXECUTE, uninstall, condition, "RemoveFiles"));
                b.sequence.add(SequenceEntry.after(EXECUTE, install, condition, "InstallFiles"));
                b.standard(EXECUTE, "RemoveFiles", 3500).standard(EXECUTE, "InstallFiles", 4000);
            }
            case BROADCAST_SETTING_CHANGE -> afterFinalize(b, "WixBroadcastSettingChange", "BroadcastSettingChange", null);
            case BROADCAST_ENVIRONMENT_CHANGE -> afterFinalize(b, "WixBroadcastEnvironmentChange", "BroadcastEnvironmentChange", null);
            case CHECK_REBOOT_REQUIRED -> afterFinalize(b, "WixCheckRebootRequired", "CheckRebootRequired", NOT_UNINSTALL);
            case QUERY_OS_INFO -> query(b, "WixQueryOsInfo", "QueryOsInfo", OS_QUERY);
            case QUERY_OS_DIRS -> query(b, "WixQueryOsDirs", "QueryOsDirs", OS_QUERY);
            case QUERY_OS_WELL_KNOWN_SID -> query(b, "WixQueryOsWellKnownSID", "QueryOsWellKnownSID", OS_QUERY);
            case QUERY_OS_DRIVER_INFO -> query(b, "WixQueryOsDriverInfo", "QueryOsDriverInfo", OS_QUERY);
            // WiX v3 conditions this one on Windows 8.1+ (VersionNT > 602); v4 uses the other queries' condition.
            case QUERY_NATIVE_MACHINE -> query(b, "WixQueryNativeMachine", "QueryNativeMachine", g == SchemaGeneration.V3 ? "VersionNT > 602" : OS_QUERY);
            case EXIT_EARLY_WITH_SUCCESS -> {
                // WiX's util library: after FindRelatedProducts, when an Upgrade row found a newer version
                String id = b.action("WixExitEarlyWithSuccess", "ExitEarlyWithSuccess", "WixExitEarlyWithSuccess", IMMEDIATE);
                b.sequence.add(SequenceEntry.after(EXECUTE, id, "NEWERVERSIONDETECTED AND VersionNT > 400", "FindRelatedProducts"));
                b.standard(EXECUTE, "FindRelatedProducts", 25);
            }
            case FAIL_WHEN_DEFERRED -> {
                String id = b.action("WixFailWhenDeferred", "FailWhenDeferred", "WixFailWhenDeferred", DEFERRED);
                b.sequence.add(SequenceEntry.before(EXECUTE, id, "WIXFAILWHENDEFERRED=1 AND VersionNT > 400", "InstallFinalize"));
                b.standard(EXECUTE, "InstallFinalize", 6600);
            }
        }
        return b.build();
    }

    private static void afterFinalize(Builder b, String v3Name, String v4Stem, String condition) {
        String id = b.action(v3Name, v4Stem, v3Name, IMMEDIATE_IGNORE);
        b.sequence.add(SequenceEntry.after(EXECUTE, id, condition, "InstallFinalize"));
        b.standard(EXECUTE, "InstallFinalize", 6600);
    }

    /** The OS queries run in both sequences, right after AppSearch, once per install (firstSequence). */
    private static void query(Builder b, String v3Name, String v4Stem, String condition) {
        String id = b.action(v3Name, v4Stem, v3Name, FIRST_SEQUENCE_CHECK);
        b.sequence.add(SequenceEntry.after(EXECUTE, id, condition, "AppSearch"));
        b.sequence.add(SequenceEntry.after(UI, id, condition, "AppSearch"));
        b.standard(EXECUTE, "AppSearch", 50).standard(UI, "AppSearch", 50);
    }
}
