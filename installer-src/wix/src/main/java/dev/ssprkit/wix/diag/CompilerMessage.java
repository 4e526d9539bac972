package dev.ssprkit.wix.diag;

import static dev.ssprkit.wix.diag.Severity.ERROR;
import static dev.ssprkit.wix.diag.Severity.WARNING;

/**
 * Messages of the compiler, linker and binder (WIX0100 and up). Numbers are stable; retire an entry rather than
 * renumber it. Templates use only {@code %s}.
 */
public enum CompilerMessage implements Message {

    // Element and attribute syntax (100..129)
    UNKNOWN_ELEMENT(100, ERROR, "<%s> is not allowed in <%s>", "allowed here: %3$s"),
    UNKNOWN_ATTRIBUTE(101, ERROR, "<%s> has no attribute %s", "allowed attributes: %3$s"),
    MISSING_ATTRIBUTE(102, ERROR, "<%s> requires attribute %s", ""),
    BAD_GUID(103, ERROR, "%s='%s' is not a GUID", "write XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX%3$s"),
    BAD_IDENTIFIER(104, ERROR, "%s='%s' is not an identifier", "use letters, digits, '_' and '.', starting with a letter or '_' (at most %3$s characters)"),
    BAD_VERSION(105, ERROR, "%s='%s' is not a valid version", "write major.minor.build[.revision]; major and minor at most 255, build at most 65535"),
    BAD_ENUM(106, ERROR, "%s='%s' is not one of the allowed values", "use one of: %3$s"),
    BAD_INTEGER(107, ERROR, "%s='%s' is not an integer in %s", ""),
    CONFLICTING_ATTRIBUTES(108, ERROR, "<%s> cannot have both %s", "%3$s"),
    MISSING_ONE_OF(109, ERROR, "<%s> needs one of %s", "%3$s"),
    UNEXPECTED_TEXT(110, ERROR, "<%s> has text content '%s', which it does not use", "remove the text; conditions go in the element text only for <Condition> and <Custom> in WiX v3"),
    MIXED_NAMESPACE(111, ERROR, "<%s> is in namespace '%s', but the document uses '%s'", "use one WiX namespace throughout a document"),
    BAD_VALUE(112, ERROR, "%s='%s' is not valid: %s", ""),
    DEPRECATED(113, WARNING, "%s", "%2$s"),
    BAD_INSTALL_NAME(114, ERROR, "%s='%s' cannot be a file or folder name on the target machine: %s",
            "a name cannot be . or .., contain \\ / : * ? \" < > | or control characters, end with a dot or a space, "
                    + "or be a device name (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9, with or without an extension)"),
    VERSION_FIELD_OVER_255(116, WARNING, "%s='%s' has a field larger than Windows Installer keeps",
            "Windows Installer keeps major and minor in 8 bits and build in 16 bits (and ignores the 4th field), so upgrades between such versions may not be detected; WiX v4+ warns too"),
    VERSION_WITH_LABEL(117, WARNING, "%s='%s' is not a Windows Installer product version: it has a label or build metadata",
            "it is written as it is (as WiX v4+ does, with its warning WIX1148), but Windows Installer compares only the numbers before the label, so upgrades between such versions may not be detected; write major.minor.build for a release"),
    SOURCE_OUTSIDE_ROOTS(115, ERROR, "%s='%s' is outside the folders this build may read: %s",
            "keep payload under the folder of the sources or an include directory, or allow its folder explicitly "
                    + "(BuildRequest allowedRoots, <allowedRoots> in the Maven plugin, sspr build --allow-path)"),

    // Document structure (130..149)
    NO_PRODUCT(130, ERROR, "no <%s> among the sources; one source must define the product", "the sources hold only fragments"),
    MULTIPLE_PRODUCTS(131, ERROR, "a second product definition; the first is at %s", "build one product per run"),
    UNSUPPORTED(132, ERROR, "%s is not supported", "%2$s"),
    NOT_SUPPORTED_YET(133, ERROR, "%s is not supported yet", "%2$s"),
    UNKNOWN_EXTENSION(134, ERROR, "<%s> is in namespace '%s', which belongs to no WiX extension this compiler knows",
            "check the xmlns declaration; the built-in extensions are util, firewall, http, ui, netfx, dependency, tag"),
    UNKNOWN_EXTENSION_NAME(135, ERROR, "extension '%s' is unknown", "built-in extensions: %2$s"),

    // Linking (150..179)
    DUPLICATE_ID(150, ERROR, "%s '%s' is defined twice; the other definition is at %s", "give each %1$s a unique Id"),
    UNRESOLVED_REFERENCE(151, ERROR, "%s '%s' is referenced here but not defined in any source", "define it, or add the source that defines it"),
    DIRECTORY_CYCLE(152, ERROR, "directory '%s' is its own ancestor (%s)", "a directory's parent chain must end at TARGETDIR"),
    COMPONENT_WITHOUT_FEATURE(153, ERROR, "component '%s' belongs to no feature, so it would never be installed", "reference it from a <Feature> with <ComponentRef> or <ComponentGroupRef>"),
    GROUP_CYCLE(154, ERROR, "component group '%s' contains itself (%s)", ""),
    ORPHAN_DIRECTORY(155, ERROR, "component '%s' has no directory", "place it in a <Directory>/<DirectoryRef>, or give it a Directory attribute"),

    // Binding (180..199)
    MISSING_SOURCE_FILE(180, ERROR, "source file '%s' does not exist or is not a regular file", "%2$s"),
    FILE_TOO_LARGE(181, ERROR, "source file '%s' is %s bytes; a packaged file must be smaller than 2 GiB", ""),
    KEY_PATH_CONFLICT(182, ERROR, "component '%s' has more than one key path (%s)", "mark at most one File, RegistryValue or RegistryKey with KeyPath=\"yes\""),
    BIND_FAILED(183, ERROR, "the package cannot be built: %s", ""),
    WRITE_FAILED(184, ERROR, "cannot write %s: %s", ""),
    SCHEDULE_CONFLICT(185, ERROR, "action '%s' in %s is placed relative to '%s', which is not in that sequence", "schedule it relative to a standard action or another action scheduled there"),
    EMPTY_SEQUENCE_PLACEMENT(186, ERROR, "<%s> in %s needs Before, After or Sequence", ""),
    ADVERTISED_SHORTCUT_WITHOUT_FEATURE(187, ERROR, "advertised shortcut '%s' targets component '%s', which belongs to no feature", ""),
    ICE_ERROR(190, ERROR, "%s %s: %s", "the package would fail Windows Installer's validation; see installer-src/validate/README.md for %1$s"),
    ICE_WARNING(191, WARNING, "%s %s: %s", "see installer-src/validate/README.md for %1$s"),
    ICE_ERROR_NOT_ENFORCED(189, WARNING, "%s %s: %s",
            "an ICE error: Windows Installer's validation (wix msi validate, the MSBuild SDK) rejects this package, but wix build does not validate, so neither does sspr build for WiX v4+ sources; --fail-on-ice makes it an error; see installer-src/validate/README.md for %1$s"),
    UNDEFINED_BIND_TIME_VARIABLE(193, ERROR, "%s is not defined", "%2$s"),
    CELL_REJECTED(194, ERROR, "%s.%s: %s", "the value does not fit the column the Windows Installer SDK declares"),
    DUPLICATE_ROW(195, ERROR, "%s row '%s' is defined twice; the other one is at %s", "each row's key must be unique in its table"),
    /** Reading the payload or writing the cabinet failed: an I/O error (exit 4), not an error in the sources. */
    CABINET_FAILED(196, ERROR, "cannot build cabinet %s: %s", "%3$s"),
    MEDIA_MISSING(197, ERROR, "file '%s' is on DiskId %s, which no <Media> element defines", "add <Media Id=\"%2$s\" Cabinet=\"...\" EmbedCab=\"yes\"/> or use a <MediaTemplate>"),
    ICES_SUPPRESSED(198, WARNING, "%s finding(s) of %s not reported: suppressed by the build's settings (-sice)", "a suppressed ICE can hide a package Windows Installer handles badly; suppress only what the project's WiX build suppresses too"),
    INTERNAL_ERROR(199, ERROR, "internal error in the build (a bug in ssprkit, not in the source): %s", "please report it with the source that triggers it; run with --debug or SSPR_DEBUG=1 for the stack trace"),
    AUTO_GUID_DIRECTORY_KEYPATH(200, WARNING, "component '%s' has a generated Guid but no file or registry key path; its GUID is derived from its directory", "WiX refuses this; give the component an explicit Guid, or a file or registry value as key path"),
    NO_FREE_SEQUENCE(201, ERROR, "action '%s' in %s is placed %s '%s', but no sequence number is free there", "%4$s is at %5$s and the next scheduled action leaves no room; schedule one of them elsewhere or give it a Sequence"),
    TERMINATION_ANCHOR(202, ERROR, "action '%s' in %s is placed relative to '%s', which runs only when the installation ends", "schedule it relative to an action inside the sequence"),
    SEQUENCE_CYCLE(203, ERROR, "action '%s' in %s is placed relative to '%s', and the placements form a cycle", ""),
    FILE_OVER_CABINET_SIZE(205, WARNING, "file '%s' (%s MB) is larger than MaximumUncompressedMediaSize (%s MB): it gets a cabinet of its own", "raise MaximumUncompressedMediaSize if the file should share a cabinet"),
    CABINET_CACHE_UNUSABLE(204, WARNING, "the cabinet cache %s cannot be used: %s", "the build goes on without it; check the folder's permissions and free space"),
    LIBRARY_CULTURE_MISSING(206, WARNING, "the built-in dialogs have no texts for %s; they are shown in English",
            "the built-in dialogs have texts for %2$s; build one of those cultures (-culture), or give every WixUI string in a .wxl of your own"),
    // The util and firewall extensions' custom-action library (400..449)
    LIBRARY_ENTRY_POINT(400, ERROR, "custom action '%s': %s", ""),

    // Merge modules (240..249)
    MERGE_NOT_A_MODULE(240, ERROR, "<Merge Id=\"%s\">: %s is not a merge module: %s", "SourceFile must name a .msm built as a module (it has a ModuleSignature table)"),
    MERGE_WITHOUT_FEATURE(241, ERROR, "merge module '%s' belongs to no feature, so it would never be installed", "connect it with <MergeRef Id=\"%1$s\"/> inside a <Feature>"),
    MERGE_CONFLICT(242, ERROR, "merge module '%s' (%s) has a %s row %s that differs from the one at %s", "a key may be used once per table: rename one of them, or leave the row out of the package"),
    MERGE_DEPENDENCY_MISSING(243, ERROR, "merge module '%s' (%s) requires module %s, which no <Merge> of this package provides", "add a <Merge> for the required module (its ModuleDependency table lists it)"),
    MERGE_EXCLUDED(244, ERROR, "merge module '%s' (%s) excludes module %s, which <Merge Id=\"%s\"> brings in", "the two modules cannot be in one package (ModuleExclusion); merge one of them only"),
    MERGE_LANGUAGE(245, ERROR, "<Merge Id=\"%s\">: %s is a module for language %s, not %s", "set Language to the module's language (or 0 for a language-neutral merge)"),
    MERGE_FAILED(246, ERROR, "merge module '%s' (%s) cannot be merged: %s", ""),
    MERGE_UNUSED_CONFIGURATION(247, WARNING, "merge module '%s' (%s) has no configurable item '%s'; this ConfigurationData is not used", "the module's ModuleConfiguration table lists: %4$s"),
    MODULE_SEQUENCE(248, ERROR, "action '%s' in %s of a merge module: %s", "in a module, a standard action has a Sequence and a custom action or dialog a Before or After (the SDK's ModuleInstallExecuteSequence table, ICEM12)"),
    CLASS_WITHOUT_CONTEXT(249, WARNING, "<Class Id=\"%s\"> has no Context, so it registers nothing (WiX v4+ builds it the same way)",
            "add Context=\"InprocServer32\" (or LocalServer32...) for the server the class is registered with"),
    MOVE_WITHOUT_SOURCE_FOLDER(250, WARNING, "<CopyFile> names no SourceDirectory or SourceProperty: its MoveFile row has no source folder (WiX v4+ builds it so)",
            "the SDK's MoveFile table takes the files from the folder the SourceFolder property holds; add SourceDirectory=\"...\" or SourceProperty=\"...\""),
    ASSEMBLY_UNREADABLE(251, ERROR, "file '%s' is marked Assembly=\"%s\", but %s",
            "a .NET assembly must be a PE file with CLI metadata and an assembly manifest; a Win32 assembly needs its manifest file (AssemblyManifest) with an <assemblyIdentity>"),
    PROPERTY_USELESS(252, WARNING, "<Property Id=\"%s\"> has no value, no Secure/Hidden/Admin flag and no search: it writes nothing and is ignored (as WiX does)",
            "give it a Value, or remove it; a property set at install time (on the command line or by an action) needs no element"),
    CABINET_TOO_MANY_FILES(253, ERROR, "cabinet %s would hold %s files, more than the %s a cabinet can hold",
            "use <MediaTemplate/> (cabinets are split automatically) or spread the files over several Media with DiskId"),
    SIGNATURE_DROPPED(192, WARNING, "%s was signed; the new package replaced it and the signature was dropped", "sign it again as the last step (sspr sign, or <sign> in the Maven plugin)");

    private final Entry entry;

    CompilerMessage(int number, Severity severity, String template, String hint) {
        this.entry = new Entry(number, severity, template, hint);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}
