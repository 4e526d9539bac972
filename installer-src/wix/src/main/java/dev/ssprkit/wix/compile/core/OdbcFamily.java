package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

/**
 * ODBC registration that InstallODBC performs and RemoveODBC undoes (the binder schedules both, with SetODBCFolders,
 * when these tables have rows): ODBCDriver and ODBCTranslator (a DLL and its setup DLL, under a Component naming the
 * file or under the File itself), ODBCDataSource (under a Component, or under the ODBCDriver it uses) and their
 * Property children, which become ODBCAttribute and ODBCSourceAttribute rows, as the MSI SDK's ODBC tables define.
 *
 * <p>What WiX does, read from its compilers (v3 Compiler.cs and v4+ Compiler_Package.cs,
 * ParseODBCDriverOrTranslator / ParseODBCDataSource / ParseODBCProperty): under a File the file is both File_ and
 * File_Setup unless File/SetupFile say otherwise; a data source under a driver takes the driver's Name as its
 * DriverDescription and is never its component's key path; one directly under a Component may be (KeyPath, else
 * in source order like a file); Registration machine = 0, user = 1, and is required; v4+ generates missing Ids
 * ("odb"/"odc" and a hash here), v3 requires them.
 */
public final class OdbcFamily implements ElementFamily {
    /** The ODBCDriver or ODBCDataSource a Property child describes, and the table its row goes into. */
    private static final String ATTRIBUTE_OWNER = "OdbcAttributeOwner";
    private static final String ATTRIBUTE_TABLE = "OdbcAttributeTable";
    /** The Name of the ODBCDriver a data source is nested in. */
    private static final String DRIVER_NAME = "OdbcDriverName";

    @Override
    public void register(Grammar g) {
        g.on("ODBCDriver", (ctx, e, s) -> driverOrTranslator(ctx, e, s, "ODBCDriver"), "Component", "File");
        g.on("ODBCTranslator", (ctx, e, s) -> driverOrTranslator(ctx, e, s, "ODBCTranslator"), "Component", "File");
        g.on("ODBCDataSource", this::dataSource, "Component", "ODBCDriver");
        g.on("Property", this::attribute, "ODBCDriver", "ODBCDataSource");
    }

    private void driverOrTranslator(CompileContext ctx, SourceElement e, Scope scope, String table) {
        Attrs a = ctx.attrs(e, "Id", "Name", "File", "SetupFile");
        String parentFile = "File".equals(scope.get(Scope.PARENT)) ? scope.get(Scope.FILE) : null;
        String name = a.required("Name");
        String file = fileAttribute(ctx, a, "File", parentFile);
        String setup = fileAttribute(ctx, a, "SetupFile", parentFile);
        String id = a.id("Id", !ctx.v4());
        if (id == null && ctx.v4() && !a.has("Id")) id = CompileContext.generatedId("odb", name, parentFile, setup);
        if (file == null && !a.has("File")) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), table, "File or a parent <File>", "name the " + (table.equals("ODBCDriver") ? "driver's" : "translator's") + " DLL");
        }
        Scope inner = scope.with(ATTRIBUTE_OWNER, id).with(ATTRIBUTE_TABLE, "ODBCAttribute").with(DRIVER_NAME, name);
        ctx.children(e, inner).run();
        String component = scope.get(Scope.COMPONENT);
        if (id == null || name == null || file == null || component == null) return;
        ctx.row(table, e.location()).set(table.equals("ODBCDriver") ? "Driver" : "Translator", id).set("Component_", component)
                .set("Description", name).set("File_", file).set("File_Setup", setup);
    }

    /** A File/SetupFile attribute (a reference to a File row), else the parent File, else null. */
    private static String fileAttribute(CompileContext ctx, Attrs a, String attribute, String parentFile) {
        if (!a.has(attribute)) return parentFile;
        String id = a.id(attribute, true);
        if (id != null) ctx.reference("File", id, a.at(attribute));
        return id;
    }

    private void dataSource(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "DriverName", "Registration", "KeyPath");
        boolean underDriver = "ODBCDriver".equals(scope.get(Scope.PARENT));
        String name = a.required("Name");
        String driverName = a.has("DriverName") ? a.str("DriverName") : underDriver ? scope.get(DRIVER_NAME) : null;
        if (driverName == null && !underDriver) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "ODBCDataSource", "DriverName or a parent <ODBCDriver>", "name the driver the data source uses");
        }
        String registration = a.required("Registration") == null ? null : a.oneOf("Registration", null, "machine", "user");
        Integer registrationCode = registration == null ? null : registration.equals("machine") ? 0 : 1;
        String id = a.id("Id", !ctx.v4());
        if (id == null && ctx.v4() && !a.has("Id")) id = CompileContext.generatedId("odc", name, driverName, String.valueOf(registrationCode));
        ctx.children(e, scope.with(ATTRIBUTE_OWNER, id).with(ATTRIBUTE_TABLE, "ODBCSourceAttribute")).run();
        String component = scope.get(Scope.COMPONENT);
        if (id == null || name == null || driverName == null || registrationCode == null || component == null) return;
        Row r = ctx.row("ODBCDataSource", e.location()).set("DataSource", id).set("Component_", component)
                .set("Description", name).set("DriverDescription", driverName).set("Registration", registrationCode);
        // under a driver WiX reads KeyPath but drops it (ParseODBCDriverOrTranslator discards the possible key path)
        if (!underDriver) {
            r.extra("PossibleKeyPath", true);
            r.extra("KeyPath", a.has("KeyPath") ? (a.yesNo("KeyPath", false) ? "yes" : "no") : null);
        }
    }

    /** Property under ODBCDriver (an ODBCAttribute row) or ODBCDataSource (an ODBCSourceAttribute row). */
    private void attribute(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Value");
        String attribute = a.required("Id");
        String value = a.str("Value");
        ctx.children(e, scope).run();
        String owner = scope.get(ATTRIBUTE_OWNER);
        String table = scope.get(ATTRIBUTE_TABLE);
        if (attribute == null || owner == null || table == null) return;
        ctx.row(table, e.location()).set(table.equals("ODBCAttribute") ? "Driver_" : "DataSource_", owner)
                .set("Attribute", attribute).set("Value", value);
    }
}
