package dev.ssprkit.kit;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.nio.file.Path;

/** What a kit needs from the built MSI itself, so kits never drift from the package they deploy. */
public record ProductFacts(String productName, String manufacturer, String productVersion, String productCode, String upgradeCode) {

    public static ProductFacts read(Path msi) throws IOException {
        try (Database db = MsiReader.read(msi)) {
            return of(db, msi.getFileName().toString());
        }
    }

    public static ProductFacts of(Database db, String label) throws MsiException {
        return new ProductFacts(prop(db, "ProductName", label), prop(db, "Manufacturer", label), prop(db, "ProductVersion", label),
                prop(db, "ProductCode", label), optional(db, "UpgradeCode"));
    }

    private static String prop(Database db, String name, String label) throws MsiException {
        String v = optional(db, name);
        if (v == null) throw new MsiException(label, "has no " + name + " property; is this a product package?");
        return v;
    }

    private static String optional(Database db, String name) {
        Table t = db.tableOrNull("Property");
        Row r = t == null ? null : t.find(name);
        return r == null ? null : r.string("Value");
    }
}
