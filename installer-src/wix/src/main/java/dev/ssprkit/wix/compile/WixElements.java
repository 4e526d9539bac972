package dev.ssprkit.wix.compile;

import java.util.Set;

/**
 * The element names of WiX's core schemas (v3 {@code wix.xsd}, v4+ {@code wix.xsd}), so that an element we do not
 * compile is reported as "not supported yet" rather than as a mistake in the source.
 */
final class WixElements {
    private WixElements() {}

    private static final Set<String> COMMON = Set.copyOf(java.util.List.of(
            "AdminExecuteSequence", "AdminUISequence", "AdvertiseExecuteSequence", "AdvtExecuteSequence", "AppId",
            "AppSearch", "AssemblyName", "Billboard", "BillboardAction", "BindImage", "Binary", "BinaryRef", "Bundle",
            "BundleExtension", "BundleExtensionRef", "Catalog", "Category", "CCPSearch", "Class", "Column", "ComboBox",
            "CommandLine", "Component", "ComponentGroup", "ComponentGroupRef", "ComponentRef", "ComponentSearch",
            "ComplianceCheck", "ComplianceDrive", "Condition", "Configuration", "ConfigurationData", "Container",
            "ContainerRef", "Control", "CopyFile", "CostFinalize", "CostInitialize", "CreateFolder", "CreateFolders",
            "CreateShortcuts", "Custom", "CustomAction", "CustomActionRef", "CustomProperty", "CustomTable",
            "CustomTableRef", "Data", "DeleteServices", "Dependency", "Dialog", "DialogRef", "DigitalCertificate",
            "DigitalCertificateRef", "DigitalSignature", "Directory", "DirectoryRef", "DirectorySearch",
            "DirectorySearchRef", "DisableRollback", "DiskCost", "DuplicateFiles", "EmbeddedChainer",
            "EmbeddedChainerRef", "EmbeddedUI", "EmbeddedUIResource", "EnsureTable", "Environment", "Error",
            "Exclusion", "ExecuteAction", "ExePackage", "Extension", "ExternalFile", "Feature", "FeatureGroup",
            "FeatureGroupRef", "FeatureRef", "File", "FileCost", "FileSearch", "FileSearchRef", "FindRelatedProducts",
            "Fragment", "Icon", "IconRef", "IgnoreModularization", "IgnoreRange", "IgnoreTable", "Include",
            "InstallAdminPackage", "InstallExecute", "InstallExecuteAgain", "InstallExecuteSequence", "InstallFiles",
            "InstallFinalize", "InstallInitialize", "InstallODBC", "InstallServices", "InstallUISequence",
            "InstallValidate", "Instance", "InstanceTransforms", "Interface", "IsolateComponent", "IsolateComponents",
            "LaunchConditions", "Level", "ListBox", "ListItem", "ListView", "Media", "MediaTemplate", "Merge",
            "MergeRef", "MigrateFeatureStates", "MIME", "Module", "MoveFiles", "MsiPackage", "MsiProperty",
            "MsiPublishAssemblies", "MsiUnpublishAssemblies", "MspPackage", "MsuPackage", "ODBCDataSource",
            "ODBCDriver", "ODBCTranslator", "OptimizeCustomActions", "Package", "PackageGroup", "PackageGroupRef",
            "Patch", "PatchBaseline", "PatchCertificates", "PatchCreation", "PatchFamily", "PatchFamilyRef",
            "PatchFiles", "PatchInformation", "PatchProperty", "PatchSequence", "Payload", "PayloadGroup",
            "PayloadGroupRef", "Permission", "PermissionEx", "ProcessComponents", "Product", "ProductSearch",
            "ProgId", "ProgressText", "Property", "PropertyRef", "ProtectFile", "ProtectRange", "Publish",
            "PublishComponent", "PublishFeatures", "PublishProduct", "RadioButton", "RadioButtonGroup",
            "RegisterClassInfo", "RegisterComPlus", "RegisterExtensionInfo", "RegisterFonts", "RegisterMIMEInfo",
            "RegisterProduct", "RegisterProgIdInfo", "RegisterTypeLibraries", "RegisterUser", "RegistryKey",
            "RegistrySearch", "RegistrySearchRef", "RegistryValue", "RelatedBundle", "RemotePayload",
            "RemoveDuplicateFiles", "RemoveEnvironmentStrings", "RemoveExistingProducts", "RemoveFile", "RemoveFiles",
            "RemoveFolder", "RemoveFolders", "RemoveIniValues", "RemoveODBC", "RemoveRegistryKey",
            "RemoveRegistryValue", "RemoveRegistryValues", "RemoveShortcuts", "ReplacePatch", "RequiredPrivilege",
            "ReserveCost", "ResolveSource", "RMCCPSearch", "Row", "ScheduleReboot", "SelfRegModules",
            "SelfUnregModules", "ServiceArgument", "ServiceConfig", "ServiceConfigFailureActions", "ServiceControl",
            "ServiceDependency", "ServiceInstall", "SetDirectory", "SetODBCFolders", "SetProperty", "SFPCatalog",
            "SFPFile", "Shortcut", "ShortcutProperty", "Show", "SlipstreamMsp", "StartServices", "StopServices",
            "Subscribe", "Substitution", "SummaryInformation", "SymbolPath", "TargetProductCode", "TargetProductCodes",
            "Text", "TextStyle", "TypeLib", "UI", "UIRef", "UIText", "UnpublishComponents", "UnpublishFeatures",
            "UnregisterClassInfo", "UnregisterComPlus", "UnregisterExtensionInfo", "UnregisterFonts",
            "UnregisterMIMEInfo", "UnregisterProgIdInfo", "UnregisterTypeLibraries", "Upgrade", "UpgradeFile",
            "UpgradeImage", "UpgradeVersion", "Validate", "ValidateProductID", "Variable", "Verb", "Wix",
            "WixVariable", "WriteEnvironmentStrings", "WriteIniValues", "WriteRegistryValues", "IniFile",
            "IniFileSearch", "FileTypeMask", "Feature", "ComplianceDrive", "BootstrapperApplication",
            "BootstrapperApplicationRef", "Chain", "Log", "Update", "ApprovedExeForElevation", "ArpEntry",
            "Provides", "Requires", "RequiresRef", "SoftwareTag", "MsiPackageRef"));

    private static final Set<String> V4_ONLY = Set.copyOf(java.util.List.of("Files", "Exclude", "StandardDirectory", "Launch",
            "SummaryInformation", "SoftwareTag", "Requires", "BootstrapperApplicationDll", "BundleCustomData",
            "BundleCustomDataRef", "BundleTag", "ExePackagePayload", "MsiPackagePayload", "MsuPackagePayload",
            "ProvidesRef", "SetVariable", "SetVariableRef", "MultipleInstallScopes"));

    static boolean isKnown(String name, boolean v4) {
        return COMMON.contains(name) || (v4 && V4_ONLY.contains(name));
    }
}
