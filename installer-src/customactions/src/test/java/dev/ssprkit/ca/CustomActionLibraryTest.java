package dev.ssprkit.ca;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The library's API as the compiler uses it. Expected names come from WiX itself: entry points from WiX v3's
 * {@code src/ext/ca/wixca/dll/wixca.def} and the firewall's {@code firewall.def}; binary and action ids from
 * {@code caSuffix.wxi} (v3) and {@code caDecor.wxi} (v4.0); types from the Windows Installer SDK's custom action type
 * bits (e.g. 3073 = DLL in Binary + in-script + no impersonation).
 */
class CustomActionLibraryTest {
    /** WiX v3 wixca.def entry points for the families we implement (the rest of that file is listed in the README). */
    static final List<String> WIXCA_ENTRY_POINTS = List.of("WixBroadcastSettingChange", "WixBroadcastEnvironmentChange",
            "WixCheckRebootRequired", "WixCloseApplications", "WixCloseApplicationsDeferred", "WixQueryOsInfo", "WixQueryOsDirs",
            "WixQueryOsWellKnownSID", "WixQueryNativeMachine", "WixSchedInternetShortcuts", "WixCreateInternetShortcuts",
            "WixRollbackInternetShortcuts", "CAQuietExec", "CAQuietExec64", "WixQuietExec", "WixQuietExec64", "WixSilentExec",
            "WixSilentExec64", "WixRemoveFoldersEx", "SchedServiceConfig", "ExecServiceConfig", "RollbackServiceConfig",
            "WixShellExec", "WixFailWhenDeferred", "SchedXmlFile", "ExecXmlFile", "ExecXmlFileRollback");
    static final List<String> FIREWALL_ENTRY_POINTS = List.of("SchedFirewallExceptionsInstall", "SchedFirewallExceptionsUninstall", "ExecFirewallExceptions");

    @Test
    void bothArchitecturesExportWixsEntryPointNames() {
        for (String id : List.of("WixCA", "WixCA_x64", "Wix4UtilCA_X86", "Wix4UtilCA_X64")) {
            CustomActionBinary b = CustomActionLibrary.binaryById(id).orElseThrow();
            assertEquals(LibraryKind.UTIL, b.kind());
            assertTrue(b.entryPoints().containsAll(WIXCA_ENTRY_POINTS), id + " lacks some of " + WIXCA_ENTRY_POINTS + ": " + b.entryPoints());
            assertFalse(b.exports("SchedFirewallExceptionsInstall"), "firewall entry points live in their own DLL, as in WiX");
        }
        for (String id : List.of("WixFirewallCA", "WixFirewallCA_x64", "Wix5FWCA_X86", "Wix5FWCA_X64")) {
            CustomActionBinary b = CustomActionLibrary.binaryById(id).orElseThrow();
            assertEquals(Set.copyOf(FIREWALL_ENTRY_POINTS), b.entryPoints());
        }
    }

    @Test
    void binaryIdsNameTheDllOfTheirArchitecture() {
        assertEquals(PeExports.MACHINE_I386, PeExports.of(CustomActionLibrary.binaryById("WixCA").orElseThrow().bytes()).machine(),
                "WixCA is WiX v3's 32-bit library, whatever the package's platform");
        assertEquals(PeExports.MACHINE_AMD64, PeExports.of(CustomActionLibrary.binaryById("Wix4UtilCA_X64").orElseThrow().bytes()).machine());
        assertEquals(PeExports.MACHINE_I386, PeExports.of(CustomActionLibrary.binaryById("Wix5FWCA_X86").orElseThrow().bytes()).machine());
        assertTrue(CustomActionLibrary.binaryById("MyOwnCustomActions").isEmpty(), "a source's own Binary is not ours");
        assertTrue(CustomActionLibrary.binaryById("wixca").isEmpty(), "MSI keys are case-sensitive");
    }

    @Test
    void arm64IdsNameTheArm64Dlls() {
        // WiX's arm64 ids (the _A64 suffix of its CustomActionPlatforms naming) hold our arm64 build
        for (String id : List.of("Wix4UtilCA_A64", "Wix5FWCA_A64", "WixUiCa_A64")) {
            PeExports dll = PeExports.of(CustomActionLibrary.binaryById(id).orElseThrow().bytes());
            assertEquals(PeExports.MACHINE_ARM64, dll.machine(), id);
        }
        ElementSupport s = CustomActionLibrary.support(ElementFamily.XML_FILE, SchemaGeneration.V4, Architecture.ARM64);
        assertTrue(s.customActions().get(0).action().endsWith("_A64"), s.customActions().toString());
    }

    @Test
    void anUnknownEntryPointIsABuildErrorNamingIt() {
        String message = CustomActionLibrary.entryPointProblem("WixCA", "WixQuietExecc").orElseThrow();
        assertTrue(message.startsWith("DllEntry 'WixQuietExecc' is not an entry point of WixCA"), message);
        assertTrue(message.contains("WixQuietExec,"), "lists what there is: " + message);
        assertTrue(CustomActionLibrary.entryPointProblem("Wix4UtilCA_X64", "wixquietexec").orElseThrow().contains("did you mean WixQuietExec?"));
        assertTrue(CustomActionLibrary.entryPointProblem("WixCA", "WixQuietExec").isEmpty());
        assertTrue(CustomActionLibrary.entryPointProblem("MyOwnCustomActions", "Anything").isEmpty(), "not ours: not checked");
        // an entry point of the other library is not in this one
        assertTrue(CustomActionLibrary.entryPointProblem("WixFirewallCA", "WixQuietExec").isPresent());
    }

    @Test
    void xmlFileCompilesToWixsNamesTypesAndPlacement() {
        ElementSupport v4 = CustomActionLibrary.support(ElementFamily.XML_FILE, SchemaGeneration.V4, Architecture.X64);
        assertEquals("Wix4UtilCA_X64", v4.binary().binaryId());
        assertEquals("Wix4XmlFile", v4.tables().get(0).name());
        assertEquals(new CustomActionRow("Wix4SchedXmlFile_X64", 1, "Wix4UtilCA_X64", "SchedXmlFile"), v4.action("SchedXmlFile"));
        // deferred, no impersonation, hidden target: 1 + 0x400 + 0x800 + 0x2000
        assertEquals(new CustomActionRow("Wix4ExecXmlFile_X64", 11265, "Wix4UtilCA_X64", "ExecXmlFile"), v4.action("ExecXmlFile"));
        // rollback: 1 + 0x100 + 0x400 + 0x800 + 0x2000
        assertEquals(11521, v4.action("ExecXmlFileRollback").type());
        assertEquals(List.of(SequenceEntry.after("InstallExecuteSequence", "Wix4SchedXmlFile_X64", "VersionNT > 400", "DuplicateFiles")), v4.sequence());
        assertEquals(List.of(new StandardActionRef("InstallExecuteSequence", "DuplicateFiles", 4210)), v4.standardActions());

        ElementSupport v3 = CustomActionLibrary.support(ElementFamily.XML_FILE, SchemaGeneration.V3, Architecture.X64);
        assertEquals("WixCA_x64", v3.binary().binaryId());
        assertEquals("XmlFile", v3.tables().get(0).name());
        assertEquals("SchedXmlFile_x64", v3.action("SchedXmlFile").action());
        assertEquals("ExecXmlFile_64", v3.action("ExecXmlFile").action());
        ElementSupport v3x86 = CustomActionLibrary.support(ElementFamily.XML_FILE, SchemaGeneration.V3, Architecture.X86);
        assertEquals("WixCA", v3x86.binary().binaryId());
        assertEquals("ExecXmlFile", v3x86.action("ExecXmlFile").action());
    }

    @Test
    void everyFamilyIsComplete() {
        for (SchemaGeneration g : SchemaGeneration.values()) {
            for (Architecture a : List.of(Architecture.X86, Architecture.X64)) {
                for (ElementFamily f : ElementFamily.values()) {
                    ElementSupport s = CustomActionLibrary.support(f, g, a);
                    assertFalse(s.customActions().isEmpty(), f + " " + g + " " + a);
                    for (CustomActionRow row : s.customActions()) {
                        assertTrue(s.binary().exports(row.target()), row + " calls an entry point the DLL does not have");
                        assertTrue(row.action().length() <= 72, row.action());
                    }
                    for (SequenceEntry e : s.sequence()) {
                        boolean anchored = s.standardActions().stream().anyMatch(x -> x.action().equals(e.anchor()) && x.table().equals(e.table()))
                                || s.customActions().stream().anyMatch(x -> x.action().equals(e.anchor()))
                                || s.alsoNeeds().stream().anyMatch(other -> CustomActionLibrary.support(other, g, a).customActions().stream()
                                        .anyMatch(x -> x.action().equals(e.anchor())));
                        assertTrue(anchored, e + " is anchored on an action the compiler is not told to schedule");
                    }
                }
            }
        }
        assertEquals(List.of(ElementFamily.CHECK_REBOOT_REQUIRED),
                CustomActionLibrary.support(ElementFamily.CLOSE_APPLICATION, SchemaGeneration.V4, Architecture.X64).alsoNeeds());
    }

    /**
     * util:PermissionEx. Expected from WiX's util library (v3 and v4 UtilExtension_Platform.wxi: SchedSecureObjects and
     * SchedSecureObjectsRollback immediate; ExecSecureObjects deferred and ExecSecureObjectsRollback rollback, both
     * Impersonate="no" HideTarget="yes"; placements after InstallServices / UnpublishFeatures with their conditions) and
     * the table definitions (v4 UtilTableDefinitions.Wix4SecureObject, v3 tables.xml SecureObjects without Attributes).
     */
    @Test
    void secureObjectsCompileToWixsActionsTypesAndPlacements() {
        ElementSupport v4 = CustomActionLibrary.support(ElementFamily.SECURE_OBJECTS, SchemaGeneration.V4, Architecture.X64);
        assertEquals(List.of("SecureObject", "Table", "Domain", "User", "Attributes", "Permission", "Component_"), v4.tables().get(0).columnNames());
        assertEquals("Wix4SecureObject", v4.tables().get(0).name());
        assertEquals(List.of(
                new CustomActionRow("Wix4SchedSecureObjects_X64", 1, "Wix4UtilCA_X64", "SchedSecureObjects"),
                new CustomActionRow("Wix4SchedSecureObjectsRollback_X64", 1, "Wix4UtilCA_X64", "SchedSecureObjectsRollback"),
                new CustomActionRow("Wix4ExecSecureObjects_X64", 11265, "Wix4UtilCA_X64", "ExecSecureObjects"),
                new CustomActionRow("Wix4ExecSecureObjectsRollback_X64", 11521, "Wix4UtilCA_X64", "ExecSecureObjectsRollback")), v4.customActions());
        assertEquals(List.of(
                SequenceEntry.after("InstallExecuteSequence", "Wix4SchedSecureObjects_X64", "NOT REMOVE~=\"ALL\" AND VersionNT > 400", "InstallServices"),
                SequenceEntry.after("InstallExecuteSequence", "Wix4SchedSecureObjectsRollback_X64", "VersionNT > 400", "UnpublishFeatures")), v4.sequence());
        ElementSupport v3 = CustomActionLibrary.support(ElementFamily.SECURE_OBJECTS, SchemaGeneration.V3, Architecture.X86);
        assertEquals("SecureObjects", v3.tables().get(0).name());
        assertEquals(List.of("SecureObject", "Table", "Domain", "User", "Permission", "Component_"), v3.tables().get(0).columnNames());
        assertEquals(new CustomActionRow("ExecSecureObjects", 11265, "WixCA", "ExecSecureObjects"), v3.customActions().get(2));
    }

    /**
     * util:EventManifest. Expected from WiX v4's util library (UtilExtension_Platform.wxi: Execute, Impersonate and
     * Return of each action, DllEntry WixQuietExec, placements) and its own test of the element (UtilExtensionFixture
     * CanBuildWithEventManifest: types 1, 3073, 3137, 3393, 3329); WiX v3's library uses CAQuietExec.
     */
    @Test
    void eventManifestCompilesToWixsActionsTypesAndPlacements() {
        ElementSupport v4 = CustomActionLibrary.support(ElementFamily.EVENT_MANIFEST, SchemaGeneration.V4, Architecture.X64);
        assertEquals("Wix4EventManifest", v4.tables().get(0).name());
        assertEquals(List.of("Component_", "File"), v4.tables().get(0).columnNames());
        assertEquals(List.of(
                new CustomActionRow("Wix4ConfigureEventManifestRegister_X64", 1, "Wix4UtilCA_X64", "ConfigureEventManifestRegister"),
                new CustomActionRow("Wix4ConfigureEventManifestUnregister_X64", 1, "Wix4UtilCA_X64", "ConfigureEventManifestUnregister"),
                new CustomActionRow("Wix4RegisterEventManifest_X64", 3073, "Wix4UtilCA_X64", "WixQuietExec"),
                new CustomActionRow("Wix4UnregisterEventManifest_X64", 3137, "Wix4UtilCA_X64", "WixQuietExec"),
                new CustomActionRow("Wix4RollbackRegisterEventManifest_X64", 3393, "Wix4UtilCA_X64", "WixQuietExec"),
                new CustomActionRow("Wix4RollbackUnregisterEventManifest_X64", 3329, "Wix4UtilCA_X64", "WixQuietExec")), v4.customActions());
        assertEquals(List.of(
                SequenceEntry.after("InstallExecuteSequence", "Wix4ConfigureEventManifestRegister_X64", "VersionNT > 400", "Wix4SchedXmlFile_X64"),
                SequenceEntry.after("InstallExecuteSequence", "Wix4ConfigureEventManifestUnregister_X64", "VersionNT > 400", "RemoveRegistryValues")),
                v4.sequence());
        assertEquals(List.of(ElementFamily.XML_FILE), v4.alsoNeeds());

        ElementSupport v3 = CustomActionLibrary.support(ElementFamily.EVENT_MANIFEST, SchemaGeneration.V3, Architecture.X86);
        assertEquals("EventManifest", v3.tables().get(0).name());
        assertEquals(new CustomActionRow("ConfigureEventManifestRegister", 1, "WixCA", "ConfigureEventManifestRegister"), v3.customActions().get(0));
        assertEquals(new CustomActionRow("RegisterEventManifest", 3073, "WixCA", "CAQuietExec"), v3.customActions().get(2));
        assertEquals("SchedXmlFile", v3.sequence().get(0).anchor());
    }

    @Test
    void firewallUsesItsOwnBinaryAndV4Direction() {
        ElementSupport v3 = CustomActionLibrary.support(ElementFamily.FIREWALL_EXCEPTION, SchemaGeneration.V3, Architecture.X64);
        assertEquals("WixFirewallCA_x64", v3.binary().binaryId());
        assertEquals("WixExecFirewallExceptionsInstall_64", v3.customActions().stream()
                .filter(r -> r.action().startsWith("WixExecFirewallExceptionsInstall")).findFirst().orElseThrow().action());
        assertFalse(v3.tables().get(0).columnNames().contains("Direction"), "WiX v3's table has no Direction column");
    }

    /**
     * The v4 namespace's firewall family as WiX v5 and v6 build it: the CustomAction rows WiX's FirewallExtensionFixture
     * (CanBuildUsingFirewall, x86) asserts, the 27 columns of its FirewallTableDefinitions.cs, and the placements
     * and condition of its FirewallExtension_Platform.wxi.
     */
    @Test
    void firewallOfTheV4NamespaceIsWixV5s() {
        ElementSupport v4 = CustomActionLibrary.support(ElementFamily.FIREWALL_EXCEPTION, SchemaGeneration.V4, Architecture.X86);
        assertEquals("Wix5FWCA_X86", v4.binary().binaryId());
        assertEquals(Set.of(
                new CustomActionRow("Wix5ExecFirewallExceptionsInstall_X86", 3073, "Wix5FWCA_X86", "ExecFirewallExceptions"),
                new CustomActionRow("Wix5ExecFirewallExceptionsUninstall_X86", 3073, "Wix5FWCA_X86", "ExecFirewallExceptions"),
                new CustomActionRow("Wix5RollbackFirewallExceptionsInstall_X86", 3329, "Wix5FWCA_X86", "ExecFirewallExceptions"),
                new CustomActionRow("Wix5RollbackFirewallExceptionsUninstall_X86", 3329, "Wix5FWCA_X86", "ExecFirewallExceptions"),
                new CustomActionRow("Wix5SchedFirewallExceptionsInstall_X86", 1, "Wix5FWCA_X86", "SchedFirewallExceptionsInstall"),
                new CustomActionRow("Wix5SchedFirewallExceptionsUninstall_X86", 1, "Wix5FWCA_X86", "SchedFirewallExceptionsUninstall")),
                Set.copyOf(v4.customActions()));
        assertEquals(List.of(
                SequenceEntry.before("InstallExecuteSequence", "Wix5SchedFirewallExceptionsUninstall_X86", "VersionNT >= 600", "RemoveFiles"),
                SequenceEntry.after("InstallExecuteSequence", "Wix5SchedFirewallExceptionsInstall_X86", "VersionNT >= 600", "InstallFiles")),
                v4.sequence());
        assertEquals("Wix5FirewallException", v4.tables().get(0).name());
        assertEquals(List.of("Wix5FirewallException", "Name", "RemoteAddresses", "Port", "Protocol", "Program", "Attributes", "Profile",
                "Component_", "Description", "Direction", "Action", "EdgeTraversal", "Enabled", "Grouping", "IcmpTypesAndCodes", "Interfaces",
                "InterfaceTypes", "LocalAddresses", "RemotePort", "ServiceName", "LocalAppPackageId", "LocalUserAuthorizedList",
                "LocalUserOwner", "RemoteMachineAuthorizedList", "RemoteUserAuthorizedList", "SecureFlags"), v4.tables().get(0).columnNames());
        assertEquals("Wix5SchedFirewallExceptionsInstall_A64",
                CustomActionLibrary.support(ElementFamily.FIREWALL_EXCEPTION, SchemaGeneration.V4, Architecture.ARM64).customActions().get(1).action());
        assertTrue(CustomActionLibrary.binaryById("Wix4FWCA_X64").isEmpty(), "WiX v4.0's firewall binary id is not made any more (nor by WiX v5+)");
    }

    @Test
    void aDamagedDllIsRefusedNotMisread() {
        byte[] dll = CustomActionLibrary.binaryById("WixCA").orElseThrow().bytes();
        byte[] cut = java.util.Arrays.copyOf(dll, 700);
        assertThrows(IllegalStateException.class, () -> PeExports.of(cut));
        assertThrows(IllegalStateException.class, () -> PeExports.of(new byte[] {'M', 'Z'}));
    }
}
