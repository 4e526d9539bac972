package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.file;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/** ODBC drivers, translators and data sources, with their registry attributes. */
final class OdbcTables {
    private OdbcTables() {}

    static void declare(TableDeclarations t) {
        t.table("ODBCDriver",
                id("Driver").key().doc("Row key."),
                component().doc("Component that installs the driver."),
                s("Description", 255).cat(TEXT).doc("Driver name as ODBC lists it."),
                file("File_").doc("Driver DLL."),
                file("File_Setup").nullable().doc("Setup DLL, when it is not the driver DLL."));
        t.table("ODBCTranslator",
                id("Translator").key().doc("Row key."),
                component().doc("Component that installs the translator."),
                s("Description", 255).cat(TEXT).doc("Translator name as ODBC lists it."),
                file("File_").doc("Translator DLL."),
                file("File_Setup").nullable().doc("Setup DLL, when it is not the translator DLL."));
        t.table("ODBCDataSource",
                id("DataSource").key().doc("Row key."),
                component().doc("Component that installs the data source."),
                s("Description", 255).cat(TEXT).doc("Data source name."),
                s("DriverDescription", 255).cat(TEXT).doc("Name of the driver the data source uses."),
                i2("Registration").range(0, 1).doc("0 per machine, 1 per user."));
        t.table("ODBCAttribute",
                id("Driver_").key().ref("ODBCDriver").doc("Driver or translator the attribute is written for."),
                s("Attribute", 40).key().cat(TEXT).doc("Attribute name."),
                l("Value", 255).nullable().cat(FORMATTED).doc("Attribute value."));
        t.table("ODBCSourceAttribute",
                id("DataSource_").key().ref("ODBCDataSource").doc("Data source the attribute is written for."),
                s("Attribute", 32).key().cat(TEXT).doc("Attribute name."),
                l("Value", 255).nullable().cat(FORMATTED).doc("Attribute value."));
    }
}
