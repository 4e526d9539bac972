package dev.ssprkit.ca;

import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;

/**
 * The custom tables of the util and firewall families, declared once with the msi module's column DSL, as WiX
 * defines them: WiX v3 from {@code UtilExtension/wixext/Data/tables.xml} and {@code FirewallExtension/wixext/data/
 * tables.xml}, WiX v4.0 from {@code UtilTableDefinitions.cs} (tag v4.0.6), the firewall table from v5.0-v6.0's
 * {@code FirewallTableDefinitions.cs}, the HTTP extension's from v6.0's {@code HttpTableDefinitions.cs} and v3's
 * {@code HttpExtension/wixext/data/tables.xml}.
 * WiX's one-byte integer columns ({@code NewService}, {@code Protocol}, {@code Direction}) are stored as 2-byte columns,
 * which is what Windows Installer makes of them. Our DLLs select columns by these names.
 */
public final class ExtensionTables {
    private ExtensionTables() {}

    private static TableSchema table(String name, Col... cols) {
        List<Column> columns = new ArrayList<>();
        for (Col c : cols) columns.add(c.build());
        return new TableSchema(name, columns);
    }

    private static Col key(String name) {
        return s(name, 72).key().cat(IDENTIFIER);
    }

    private static Col component() {
        return s("Component_", 72).cat(IDENTIFIER).ref("Component").doc("Foreign key into the Component table.");
    }

    /** util:RemoveFolderEx. */
    public static TableSchema removeFolderEx(SchemaGeneration g) {
        if (g == SchemaGeneration.V4) {
            return table("Wix4RemoveFolderEx",
                    key("RemoveFolderEx").doc("Identifier for the WixRemoveFolderEx row in the package."),
                    component(),
                    s("Property", 72).cat(IDENTIFIER).doc("Name of Property that contains the root of the directory tree to remove."),
                    i2("InstallMode").range(1, 3).doc("1 = on install, 2 = on uninstall, 3 = both."),
                    l("Condition", 0).nullable().cat(CONDITION).doc("Optional expression which skips the removing of folders."));
        }
        return table("WixRemoveFolderEx",
                key("WixRemoveFolderEx").doc("Identifier for the WixRemoveFolderEx row in the package."),
                component(),
                s("Property", 72).cat(IDENTIFIER).doc("Name of Property that contains the root of the directory tree to remove."),
                i2("InstallMode").range(1, 3).doc("1 = on install, 2 = on uninstall, 3 = both."));
    }

    /**
     * util:RemoveRegistryKey (WiX's table definition Wix4RemoveRegistryKeyEx; WiX v3 has no such element, so the v3
     * name only keeps the generations symmetrical). InstallMode 1 = on install, 2 = on uninstall.
     */
    public static TableSchema removeRegistryKeyEx(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4RemoveRegistryKeyEx" : "WixRemoveRegistryKeyEx",
                key("RemoveRegistryKeyEx").doc("Identifier for the Wix4RemoveRegistryKeyEx row in the package."),
                component(),
                i2("Root").range(-1, 3).doc("The predefined root key for the registry value, one of rrkEnum."),
                l("Key", 255).cat(REG_PATH).doc("The key for the registry value."),
                i2("InstallMode").range(1, 3).doc("1 == Remove only when the associated component is being installed, 2 == Remove only when the associated component is being removed."),
                l("Condition", 0).nullable().cat(CONDITION).doc("Optional expression to control whether the registry key is removed."));
    }

    /** util:InternetShortcut. Attributes: 0 = .lnk, 1 = .url; Name carries the extension. */
    public static TableSchema internetShortcut(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        return table(v4 ? "Wix4InternetShortcut" : "WixInternetShortcut",
                key(v4 ? "InternetShortcut" : "WixInternetShortcut").doc("Primary key, non-localized token in table."),
                s("Component_", 72).cat(TEXT).ref("Component").doc("Foreign key, Component used to determine install state"),
                s("Directory_", 72).cat(IDENTIFIER).ref("Directory").doc("Foreign key referencing directory that the shortcut is created in"),
                s("Name", 72).cat(TEXT).doc("Name used for shortcut."),
                l("Target", 0).cat(TEXT).doc("URL target."),
                i2("Attributes").doc("Attribute flags that control how the shortcut is created."),
                l("IconFile", 0).nullable().cat(v4 ? FORMATTED : TEXT).doc("Icon file for shortcut"),
                i4("IconIndex").nullable().doc("Index of the icon being referenced."));
    }

    /** util:XmlFile. Flags: 0x1 create element, 0x2 delete value, 0x4 bulk, 0x100 XPath, 0x1000 keep modified time, 0x10000 permanent. */
    public static TableSchema xmlFile(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        return table(v4 ? "Wix4XmlFile" : "XmlFile",
                key("XmlFile").doc("Primary key, non-localized token."),
                l("File", 255).cat(FORMATTED).doc("The .XML file in which to write the information"),
                l("ElementPath", 0).cat(FORMATTED).doc("The .XML file element to modify."),
                l("Name", 255).nullable().cat(FORMATTED).doc("The .XML file node to set/add in the element."),
                l("Value", 0).nullable().cat(FORMATTED).doc("The value to be written."),
                i4("Flags").range(0, 70143).doc("Flags"),
                component(),
                i2("Sequence").nullable().doc("Order to execute the XML modifications."));
    }

    /**
     * util:XmlConfig (WiX's table definitions: v4 Wix4XmlConfig with ElementId, v3 XmlConfig, where ElementPath also
     * holds that reference). Flags: node 0x1 element / 0x2 value / 0x4 document, 0x10 create / 0x20 delete, 0x100 on
     * install / 0x200 on uninstall, 0x1000 keep the modified time.
     */
    public static TableSchema xmlConfig(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        java.util.List<Col> cols = new java.util.ArrayList<>(java.util.List.of(
                key("XmlConfig").doc("Primary key, non-localized token."),
                l("File", 255).cat(FORMATTED).doc("The .XML file in which to write the information")));
        if (v4) {
            cols.add(s("ElementId", 72).nullable().cat(IDENTIFIER).ref("Wix4XmlConfig")
                    .doc("A foreign key reference to another Wix4XmlConfig row if no attributes are set and the row referenced is a create element row."));
            cols.add(l("ElementPath", 0).nullable().cat(FORMATTED).doc("The XPATH query for an element to modify or add children to. Must be null if ElementId is provided"));
        } else {
            cols.add(l("ElementPath", 0).cat(FORMATTED).doc("The XPATH query for an element to modify or add children to, or the XmlConfig row whose element this row adds an attribute to."));
        }
        cols.add(l("VerifyPath", 0).nullable().cat(FORMATTED).doc("The XPATH query run from ElementPath to verify whether a repair is necessary.  Also used to uninstall."));
        cols.add(l("Name", 255).nullable().cat(FORMATTED).doc("The .XML file node to set/add in the element."));
        cols.add(l("Value", 0).nullable().cat(FORMATTED).doc("The value to be written."));
        cols.add(i4("Flags").range(0, 65536).doc("Element=1,Value=2,Document=4,Create=16,Delete=32,Install=256,Uninstall=512"));
        cols.add(component());
        cols.add(i2("Sequence").nullable().doc("Order to execute the XML modifications."));
        return table(v4 ? "Wix4XmlConfig" : "XmlConfig", cols.toArray(Col[]::new));
    }

    /** util:CloseApplication. Attributes: see the DLL's closeapp.c (WiX's CLOSEAPP_ATTRIBUTE_* values). */
    public static TableSchema closeApplication(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        return table(v4 ? "Wix4CloseApplication" : "WixCloseApplication",
                key(v4 ? "CloseApplication" : "WixCloseApplication").doc("Primary key, non-localized token in table."),
                l("Target", 0).cat(FORMATTED).doc("Name of executable to ensure is closed."),
                l("Description", 0).nullable().cat(FORMATTED).doc("Description string displayed to user when executable is in use."),
                l("Condition", 0).nullable().cat(CONDITION).doc("Optional expression which skips the closing."),
                i4("Attributes").range(0, 2147483647).doc("A 32-bit word that specifies the attribute flags to be applied."),
                i4("Sequence").nullable().range(1, 2147483647).doc("Sequence to order the closings by."),
                l("Property", 72).nullable().cat(IDENTIFIER).doc("Optional property that is set to the number of running instances of the app."),
                i4("TerminateExitCode").nullable().range(0, 2147483647).doc("Exit code to return from a terminated application."),
                i4("Timeout").nullable().range(1, 2147483647).doc("Timeout in milliseconds before scheduling restart or terminating application."));
    }

    /** util:ServiceConfig. Action types: none, reboot, restart, runCommand. */
    public static TableSchema serviceConfig(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4ServiceConfig" : "ServiceConfig",
                s("ServiceName", 72).key().cat(FORMATTED).doc("Primary key, non-localized token"),
                component(),
                i2("NewService").range(0, 1).doc("Whether the affected service is being installed or already exists."),
                s("FirstFailureActionType", 32).cat(TEXT).doc("First failure action type for configured service to take."),
                s("SecondFailureActionType", 32).cat(TEXT).doc("Second failure action type for configured service to take."),
                s("ThirdFailureActionType", 32).cat(TEXT).doc("Third failure action type for configured service to take."),
                i4("ResetPeriodInDays").nullable().cat(INTEGER).range(0, 2147483647).doc("Period after which to reset the failure count for the service."),
                i4("RestartServiceDelayInSeconds").nullable().cat(INTEGER).range(0, 2147483647).doc("Period after which to restart the service after a given failure."),
                s("ProgramCommandLine", 255).nullable().cat(FORMATTED).doc("Command line for program to run if failure action is RUN_COMMAND."),
                s("RebootMessage", 255).nullable().cat(TEXT).doc("Message to show to users when rebooting if failure action is REBOOT."));
    }

    /**
     * util:EventManifest: the component whose install state decides, and the manifest file as formatted text
     * ({@code [#FileId]}); both columns form the key (WiX v3 {@code EventManifest}, v4 {@code Wix4EventManifest}).
     */
    public static TableSchema eventManifest(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4EventManifest" : "EventManifest",
                s("Component_", 72).key().cat(IDENTIFIER).ref("Component").doc("Component used to determine install state"),
                s("File", 72).key().cat(FORMATTED).doc("Name of event manifest file"));
    }

    /**
     * util:User (v4 Wix4User with Comment, v3 User): Component_ null for a user only declared for references.
     * Attributes: see the DLL's accounts.h (WiX's user attribute bits).
     */
    public static TableSchema user(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        List<Col> cols = new ArrayList<>(List.of(
                key("User").doc("Primary key, non-localized token"),
                s("Component_", 72).nullable().cat(TEXT).ref("Component").doc("Foreign key, Component used to determine install state"),
                s("Name", 255).cat(FORMATTED).doc("User name"),
                s("Domain", 255).nullable().cat(FORMATTED).doc("User domain"),
                s("Password", 255).nullable().cat(FORMATTED).doc("User password")));
        if (v4) cols.add(s("Comment", 255).nullable().cat(FORMATTED).doc("User comment"));
        cols.add(i4("Attributes").nullable().range(0, 65535).doc("Attributes describing how to create the user"));
        return table(v4 ? "Wix4User" : "User", cols.toArray(Col[]::new));
    }

    /** util:Group (v4 Wix4Group, v3 Group): a group users join; Component_ is null (WiX v3/v4 groups are only declared). */
    public static TableSchema group(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4Group" : "Group",
                key("Group").doc("Primary key, non-localized token"),
                s("Component_", 72).nullable().cat(TEXT).ref("Component").doc("Foreign key, Component used to determine install state"),
                s("Name", 255).cat(FORMATTED).doc("Group name"),
                s("Domain", 255).nullable().cat(FORMATTED).doc("Group domain"));
    }

    /**
     * WiX v6's util:Group inside a Component (v6.0 UtilTableDefinitions.Wix6Group): the Wix4Group row it creates, its
     * comment (formatted) and attributes (FailIfExists 0x10, UpdateIfExists 0x20, RemoveOnUninstall="no" 0x100,
     * CreateGroup="no" 0x200, Vital="no" 0x400, RemoveComment 0x800). WiX v3 has no group creation: the v4 names serve
     * both generations.
     */
    public static TableSchema group6() {
        return table("Wix6Group",
                s("Group_", 72).key().cat(IDENTIFIER).ref("Wix4Group").doc("Primary key, non-localized token"),
                s("Comment", 255).nullable().cat(FORMATTED).doc("Group comment"),
                i4("Attributes").nullable().range(0, 65535).doc("Attributes describing how to create the group"));
    }

    /** util:GroupRef under util:User (v4 Wix4UserGroup, v3 UserGroup): both columns form the key. */
    public static TableSchema userGroup(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        return table(v4 ? "Wix4UserGroup" : "UserGroup",
                s("User_", 72).key().cat(IDENTIFIER).ref(v4 ? "Wix4User" : "User").doc("User to be joined to a Group."),
                s("Group_", 72).key().cat(IDENTIFIER).ref(v4 ? "Wix4Group" : "Group").doc("Group to join User to."));
    }

    /**
     * netfx:NativeImage (WiX v3 NetFxExtension {@code data/tables.xml} NetFxNativeImage, v4 NetfxTableDefinitions
     * Wix4NetFxNativeImage: the same columns). Attributes: Debug 0x1, Dependencies="no" 0x2, Profile 0x4, 32-bit 0x8,
     * 64-bit 0x10.
     */
    public static TableSchema nativeImage(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4NetFxNativeImage" : "NetFxNativeImage",
                key("NetFxNativeImage").doc("The primary key, a non-localized token."),
                s("File_", 72).cat(IDENTIFIER).ref("File").doc("The assembly for which a native image will be generated."),
                i2("Priority").range(0, 3).doc("The priority for generating this native image: 0 is synchronous, 1-3 represent various levels of queued generation."),
                i4("Attributes").range(0, 2147483647).doc("Integer containing bit flags representing native image attributes."),
                s("File_Application", 72).nullable().cat(FORMATTED).doc("The application which loads this assembly."),
                s("Directory_ApplicationBase", 72).nullable().cat(FORMATTED).doc("The directory containing the application which loads this assembly."));
    }

    /**
     * util:FileShare (v4 Wix4FileShare, v3 FileShare), columns as WiX's table definitions give them (v3 tables.xml,
     * v4 UtilTableDefinitions): v3 also has User_ and Permissions, which WiX's v3 compiler leaves empty.
     */
    public static TableSchema fileShare(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        List<Col> cols = new ArrayList<>(List.of(
                key(v4 ? "Wix4FileShare" : "FileShare").doc("Primary key, non-localized identifier"),
                s("ShareName", 255).cat(FORMATTED).doc("The actual share name used"),
                s("Component_", 72).cat(IDENTIFIER).ref("Component").doc("Foreign key into the Component table used to determine install state"),
                s("Description", 255).nullable().cat(TEXT).doc("Description string displayed for the file share"),
                s("Directory_", 72).cat(IDENTIFIER).ref("Directory").doc("Foreign key referencing directory that the share is created on")));
        if (!v4) {
            cols.add(s("User_", 72).nullable().cat(IDENTIFIER).ref("User").doc("Foreign key, User to give access permissions to"));
            cols.add(i4("Permissions").nullable().doc("Permissions int, as on EXPLICIT_ACCESS.grfAccessPermissions in MSDN"));
        }
        return table(v4 ? "Wix4FileShare" : "FileShare", cols.toArray(Col[]::new));
    }

    /** util:FileSharePermission (v4 Wix4FileSharePermissions, v3 FileSharePermissions): share and user form the key. */
    public static TableSchema fileSharePermissions(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        return table(v4 ? "Wix4FileSharePermissions" : "FileSharePermissions",
                s(v4 ? "Wix4FileShare_" : "FileShare_", 72).key().cat(IDENTIFIER).ref(v4 ? "Wix4FileShare" : "FileShare").doc("FileShare that these permissions are to be applied to."),
                s(v4 ? "Wix4User_" : "User_", 72).key().cat(IDENTIFIER).ref(v4 ? "Wix4User" : "User").doc("User that these permissions are to apply to."),
                i4("Permissions").doc("Permissions int, as in EXPLICIT_ACCESS.grfAccessPermissions in MSDN"));
    }

    /**
     * util:PermissionEx (v4 Wix4SecureObject, v3 SecureObjects): the secured object's key in the table named by Table
     * (CreateFolder: a Directory, File, Registry, ServiceInstall), the account (Domain and User, formatted at install
     * time), the access mask; v4 adds Attributes (0x1 = inheritable). Object, table, domain and user form the key.
     */
    public static TableSchema secureObject(SchemaGeneration g) {
        boolean v4 = g == SchemaGeneration.V4;
        List<Col> cols = new ArrayList<>(List.of(
                key("SecureObject").doc("Primary key, non-localized token in Table"),
                s("Table", 32).key().cat(TEXT).doc("Table SecureObject should be securing"),
                s("Domain", 255).key().nullable().cat(TEXT).doc("Domain half of user account to secure"),
                s("User", 255).key().cat(TEXT).doc("User name half of user account to secure")));
        if (v4) cols.add(i4("Attributes").cat(INTEGER).range(0, 2147483647).doc("A 32-bit word that specifies the attribute flags to be applied."));
        cols.add(i4("Permission").nullable().range(-2147483647, 2147483647).doc("Permissions to grant to User"));
        cols.add(s("Component_", 72).cat(IDENTIFIER).ref("Component").doc("Foreign key into the Component table used to determine install state"));
        return table(v4 ? "Wix4SecureObject" : "SecureObjects", cols.toArray(Col[]::new));
    }

    /**
     * fire:FirewallException. v3: {@code WixFirewallException}, 10 columns (Attributes 0x1 = ignore failures; Profile
     * 1/2/4/0x7fffffff). v4 namespace: WiX v5's {@code Wix5FirewallException} (v5.0-v6.0 FirewallTableDefinitions.cs),
     * 27 columns: Protocol, Profile, Action, EdgeTraversal, Enabled and SecureFlags are formatted text holding a number
     * ("-2147483648" = not set) or a property reference; Attributes 1 ignore failures, 2 ignore updates, 4 enable on
     * update, 8 needs INetFwRule2, 16 needs INetFwRule3; Direction 1 in, 2 out. (WiX v4.0's 11-column
     * {@code Wix4FirewallException} is read by our DLL but no longer written.)
     */
    public static TableSchema firewallException(SchemaGeneration g) {
        if (g == SchemaGeneration.V4) {
            return table("Wix5FirewallException",
                    key("Wix5FirewallException").doc("The primary key, a non-localized token."),
                    l("Name", 255).nullable().cat(FORMATTED).doc("Localizable display name."),
                    formatted("RemoteAddresses", 0, "Remote addresses the rule accepts connections from."),
                    formatted("Port", 0, "Local ports."),
                    formatted("Protocol", 0, "Protocol number (6 TCP, 17 UDP; -2147483648 not set)."),
                    formatted("Program", 255, "Program the rule is for (formatted path)."),
                    i4("Attributes").nullable().doc("IgnoreFailures=1; IgnoreUpdates=2; EnableOnUpdate=4; INetFwRule2=8; INetFwRule3=16"),
                    formatted("Profile", 0, "Profiles (1 domain, 2 private, 4 public, 2147483647 all; -2147483648 not set)."),
                    component(),
                    formatted("Description", 255, "Description shown in the firewall manager."),
                    i2("Direction").cat(INTEGER).range(1, 2).doc("Direction (1=in; 2=out)"),
                    formatted("Action", 0, "Action (0 block, 1 allow; -2147483648 not set)."),
                    formatted("EdgeTraversal", 0, "Edge traversal (0 deny, 1 allow, 2 defer to app, 3 defer to user)."),
                    formatted("Enabled", 0, "Enabled (0 no, 1 yes; -2147483648 not set = yes)."),
                    formatted("Grouping", 0, "The rule's group."),
                    formatted("IcmpTypesAndCodes", 0, "ICMP type:code pairs, comma separated."),
                    formatted("Interfaces", 0, "Network interface names, separated by |."),
                    formatted("InterfaceTypes", 0, "Interface types (Wireless, Lan, RemoteAccess or All), comma separated."),
                    formatted("LocalAddresses", 0, "Local addresses."),
                    formatted("RemotePort", 0, "Remote ports."),
                    formatted("ServiceName", 0, "Service short name (WiX declares 256 characters, more than a column width holds: unlimited here)."),
                    formatted("LocalAppPackageId", 0, "App container package id (INetFwRule3)."),
                    formatted("LocalUserAuthorizedList", 0, "Authorized local users, SDDL (INetFwRule3)."),
                    formatted("LocalUserOwner", 0, "SID of the rule's owner (INetFwRule3)."),
                    formatted("RemoteMachineAuthorizedList", 0, "Authorized remote machines (INetFwRule3)."),
                    formatted("RemoteUserAuthorizedList", 0, "Authorized remote users, SDDL (INetFwRule3)."),
                    formatted("SecureFlags", 0, "IPsec verification level, NET_FW_AUTHENTICATE_TYPE (INetFwRule3)."));
        }
        return table("WixFirewallException",
                key("WixFirewallException").doc("The primary key, a non-localized token."),
                l("Name", 255).nullable().cat(FORMATTED).doc("Localizable display name."),
                s("RemoteAddresses", 0).cat(FORMATTED).doc("Remote address to accept incoming connections from."),
                s("Port", 0).nullable().cat(FORMATTED).doc("Port number."),
                i2("Protocol").nullable().cat(INTEGER).range(6, 17).doc("Protocol (6=TCP; 17=UDP)."),
                s("Program", 255).nullable().cat(FORMATTED).doc("Exception for a program (formatted path name)."),
                i4("Attributes").nullable().range(0, 65536).doc("IgnoreFailures=1"),
                i4("Profile").cat(INTEGER).range(1, 2147483647).doc("Profile (1=domain; 2=private; 4=public; 2147483647=all)."),
                component(),
                s("Description", 255).nullable().cat(FORMATTED).doc("Description displayed in Windows Firewall manager for this firewall rule."));
    }

    /**
     * http:UrlReservation: v4 {@code Wix4HttpUrlReservation} (HttpTableDefinitions.cs), v3 {@code WixHttpUrlReservation}
     * (HttpExtension/wixext/data/tables.xml), the same columns. HandleExisting 0 replace, 1 ignore, 2 fail; Sddl is
     * null when the reservation's security comes from its ACE rows.
     */
    public static TableSchema httpUrlReservation(SchemaGeneration g) {
        return table(g == SchemaGeneration.V4 ? "Wix4HttpUrlReservation" : "WixHttpUrlReservation",
                key("WixHttpUrlReservation").doc("The non-localized primary key for the table."),
                i4("HandleExisting").range(0, 2).doc("The behavior when trying to install a URL reservation and it already exists."),
                s("Sddl", 0).nullable().cat(FORMATTED).doc("Security descriptor for the URL reservation."),
                s("Url", 0).cat(FORMATTED).doc("URL to be reserved."),
                component());
    }

    /**
     * http:UrlAce: v4 {@code Wix4HttpUrlAce}, v3 {@code WixHttpUrlAce}. Rights is an access mask: GENERIC_ALL
     * 0x10000000 (all), GENERIC_EXECUTE 0x20000000 (register), GENERIC_WRITE 0x40000000 (delegate).
     */
    public static TableSchema httpUrlAce(SchemaGeneration g) {
        String reservations = g == SchemaGeneration.V4 ? "Wix4HttpUrlReservation" : "WixHttpUrlReservation";
        return table(g == SchemaGeneration.V4 ? "Wix4HttpUrlAce" : "WixHttpUrlAce",
                key("WixHttpUrlAce").doc("The non-localized primary key for the table."),
                s("WixHttpUrlReservation_", 72).cat(IDENTIFIER).ref(reservations).doc("Foreign key into the " + reservations + " table."),
                s("SecurityPrincipal", 0).cat(FORMATTED).doc("The security principal for this ACE."),
                i4("Rights").range(0, 1073741824).doc("The rights for this ACE."));
    }

    private static Col formatted(String name, int size, String doc) {
        return s(name, size).nullable().cat(FORMATTED).doc(doc);
    }
}
