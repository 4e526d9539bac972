package dev.ssprkit.wix.diag;

import static dev.ssprkit.wix.diag.Severity.ERROR;
import static dev.ssprkit.wix.diag.Severity.WARNING;

/** Messages of the .wixproj reader (WIX0300..0329): what of an MSBuild project sspr evaluates, and what it cannot. */
public enum ProjectMessage implements Message {
    NOT_A_PROJECT(300, ERROR, "%s is not an MSBuild project: its root element is <%s>", "a .wixproj starts with <Project>"),
    UNSUPPORTED(301, ERROR, "%s is not supported in a project file yet", "%2$s"),
    BAD_CONDITION(302, ERROR, "cannot evaluate the condition %s: %s",
            "sspr evaluates ==, !=, And, Or, !, parentheses, Exists() and HasTrailingSlash() over '$(Property)' strings"),
    IGNORED(303, WARNING, "%s is ignored: %s", "%3$s"),
    BAD_OUTPUT_TYPE(304, ERROR, "OutputType '%s' cannot be built by sspr", "sspr builds Package (.msi) and Module (.msm) projects"),
    NO_SOURCES(305, ERROR, "the project compiles no .wxs files", "add <Compile Include=\"Product.wxs\"/>, or keep the WiX SDK's default items (EnableDefaultCompileItems)"),
    PROJECT_REFERENCE(306, WARNING, "project reference %s is not built by sspr: the sources' $(var.%s.TargetPath), $(var.%2$s.TargetDir)... are not defined",
            "build that project first and pass what the sources use, e.g. -d %2$s.TargetDir=path/to/its/output/"),
    IMPORT_MISSING(307, WARNING, "the imported project %s does not exist; its properties are not set", ""),
    BAD_FUNCTION(308, ERROR, "cannot evaluate the property function %s: %s", "MSBuild stops on it too (its error MSB4184)"),
    PROJECT_REFERENCE_OUTPUT(309, WARNING, "project reference %s is not built by sspr: $(var.%s.TargetPath) and the other reference variables name where its own build puts its output (%s)",
            "build that project first there (e.g. dotnet build -c Release), or pass -d %2$s.TargetDir=... to use another folder");

    private final Entry entry;

    ProjectMessage(int number, Severity severity, String template, String hint) {
        this.entry = new Entry(number, severity, template, hint);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}
