package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.model.Row;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Property flags gathered into their lists, as WiX does: Secure properties and every upgrade action property into
 * SecureCustomProperties (so they reach the server-side install), Hidden properties and deferred actions with
 * HideTarget into MsiHiddenProperties, Admin into AdminProperties. Property rows without a value (flags only, or search targets) are not written: MSI cannot store
 * an empty property.
 */
final class PropertyStep {
    /** msidbCustomActionTypeHideTarget and msidbCustomActionTypeInScript (MSI SDK, Custom Action In-Script Execution Options). */
    private static final int HIDE_TARGET = 0x2000, IN_SCRIPT = 0x400;

    private final BindContext ctx;

    PropertyStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        Set<String> secure = new TreeSet<>(), hidden = new LinkedHashSet<>(), admin = new LinkedHashSet<>();
        for (Row p : ctx.rows("Property")) {
            String id = p.str("Property");
            if (p.flag("Secure")) secure.add(id);
            if (p.flag("Hidden")) hidden.add(id);
            if (p.flag("Admin")) admin.add(id);
        }
        for (Row u : ctx.rows("Upgrade")) if (u.str("ActionProperty") != null) secure.add(u.str("ActionProperty"));
        // a deferred, commit or rollback action with HideTarget: its CustomActionData (the property named like the
        // action) is hidden too, as WiX's CreateSpecialPropertiesCommand does
        for (Row ca : ctx.rows("CustomAction")) {
            Integer type = ca.integer("Type");
            if (type != null && (type & HIDE_TARGET) != 0 && (type & IN_SCRIPT) != 0) hidden.add(ca.str("Action"));
        }
        merge("SecureCustomProperties", secure);
        merge("MsiHiddenProperties", hidden);
        merge("AdminProperties", admin);
    }

    /** Adds names to a semicolon list property, keeping what the source wrote there. */
    private void merge(String property, Set<String> names) {
        if (names.isEmpty()) return;
        Row existing = ctx.linked.row("Property", property);
        Set<String> all = new LinkedHashSet<>();
        if (existing != null && existing.str("Value") != null) all.addAll(List.of(existing.str("Value").split(";")));
        all.addAll(names);
        String value = String.join(";", all);
        if (existing != null) existing.set("Value", value);
        else ctx.linked.add(new Row(StandardSchema.require("Property"), null).set("Property", property).set("Value", value));
    }
}
