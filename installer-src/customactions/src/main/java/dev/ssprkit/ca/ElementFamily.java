package dev.ssprkit.ca;

/**
 * What a source can ask of the library: an element that needs custom tables and scheduled actions, or a standalone
 * action a source references ({@code <CustomActionRef Id="WixBroadcastSettingChange"/>}, a {@code <PropertyRef>} to a
 * {@code WIX_ACCOUNT_*} property...). {@link CustomActionLibrary#support} tells what each one compiles to.
 */
public enum ElementFamily {
    /** util:RemoveFolderEx. */
    REMOVE_FOLDER_EX(LibraryKind.UTIL),
    /** util:RemoveRegistryKey (WiX v4+). */
    REMOVE_REGISTRY_KEY_EX(LibraryKind.UTIL),
    /** util:InternetShortcut. */
    INTERNET_SHORTCUT(LibraryKind.UTIL),
    /** util:XmlFile. */
    XML_FILE(LibraryKind.UTIL),
    /** util:XmlConfig. */
    XML_CONFIG(LibraryKind.UTIL),
    /** util:CloseApplication (also needs {@link #CHECK_REBOOT_REQUIRED}). */
    CLOSE_APPLICATION(LibraryKind.UTIL),
    /** util:ServiceConfig. */
    SERVICE_CONFIG(LibraryKind.UTIL),
    /** util:EventManifest (also needs {@link #XML_FILE}: its registering action is placed after SchedXmlFile). */
    EVENT_MANIFEST(LibraryKind.UTIL),
    /** util:User (under a Component), util:GroupRef, util:Group: the User, Group and UserGroup tables. */
    USER(LibraryKind.UTIL),
    /** WiX v6's util:Group inside a Component (creating the group): Wix4Group and Wix6Group. */
    GROUP_CREATE(LibraryKind.UTIL),
    /** util:FileShare (under a Component) with its util:FileSharePermission children: FileShare and FileSharePermissions. */
    FILE_SHARE(LibraryKind.UTIL),
    /** util:PermissionEx (in CreateFolder, File, RegistryKey/RegistryValue, ServiceInstall): SecureObjects. */
    SECURE_OBJECTS(LibraryKind.UTIL),
    /** netfx:NativeImage (in a File): NGen native images, in the NetFx extension's binary (our util DLL). */
    NATIVE_IMAGE(LibraryKind.NETFX),
    /** fire:FirewallException. */
    FIREWALL_EXCEPTION(LibraryKind.FIREWALL),
    /** http:UrlReservation with its http:UrlAce children: the URL reservation and URL ACE tables. */
    HTTP_URL_RESERVATION(LibraryKind.HTTP),
    /** WixBroadcastSettingChange. */
    BROADCAST_SETTING_CHANGE(LibraryKind.UTIL),
    /** WixBroadcastEnvironmentChange. */
    BROADCAST_ENVIRONMENT_CHANGE(LibraryKind.UTIL),
    /** WixQueryOsInfo (WIX_SUITE_* properties). */
    QUERY_OS_INFO(LibraryKind.UTIL),
    /** WixQueryOsDirs (WIX_DIR_* properties). */
    QUERY_OS_DIRS(LibraryKind.UTIL),
    /** WixQueryOsWellKnownSID (WIX_ACCOUNT_* properties). */
    QUERY_OS_WELL_KNOWN_SID(LibraryKind.UTIL),
    /** WixQueryOsDriverInfo (WIX_WDDM_DRIVER_PRESENT, WIX_DWM_COMPOSITION_ENABLED). */
    QUERY_OS_DRIVER_INFO(LibraryKind.UTIL),
    /** WixQueryNativeMachine (WIX_NATIVE_MACHINE). */
    QUERY_NATIVE_MACHINE(LibraryKind.UTIL),
    /** util:ExitEarlyWithSuccess (WixExitEarlyWithSuccess: ends the installation with success when a newer version is installed). */
    EXIT_EARLY_WITH_SUCCESS(LibraryKind.UTIL),
    /** WixFailWhenDeferred (rollback testing, WIXFAILWHENDEFERRED=1). */
    FAIL_WHEN_DEFERRED(LibraryKind.UTIL),
    /** WixCheckRebootRequired. */
    CHECK_REBOOT_REQUIRED(LibraryKind.UTIL);

    private final LibraryKind library;

    ElementFamily(LibraryKind library) {
        this.library = library;
    }

    public LibraryKind library() {
        return library;
    }
}
