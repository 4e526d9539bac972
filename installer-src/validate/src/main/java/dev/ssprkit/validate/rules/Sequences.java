package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence tables.
 * <ul>
 * <li>ICE26: the required actions are present (CostInitialize, FileCost, CostFinalize and, for execute sequences,
 *     InstallValidate, InstallInitialize, InstallFinalize; ExecuteAction in UI sequences) and script actions are
 *     not in UI sequences.</li>
 * <li>ICE27: every sequenced action is a standard action, a custom action or a dialog; script actions lie between
 *     InstallInitialize and InstallFinalize; costing comes before InstallValidate; pairs such as RemoveFiles before
 *     InstallFiles keep their order.</li>
 * <li>ICE78: AdvtUISequence is empty.</li>
 * <li>ICE82: no two actions of a table share a sequence number (warning).</li>
 * <li>ICE84: required standard actions are not conditioned (warning).</li>
 * <li>ICE96: AdvtExecuteSequence, when present, has PublishFeatures and PublishProduct.</li>
 * </ul>
 * The SDK's ICE27 knows every ordering constraint of every standard action; we check the ones listed in
 * {@link #ORDER}.
 */
public final class Sequences implements Rule {
    static final List<String> EXECUTE_TABLES = List.of("InstallExecuteSequence", "AdminExecuteSequence", "AdvtExecuteSequence");
    static final List<String> UI_TABLES = List.of("InstallUISequence", "AdminUISequence");
    static final Set<String> REQUIRED_UNCONDITIONED = Set.of("CostInitialize", "FileCost", "CostFinalize", "InstallValidate",
            "InstallInitialize", "InstallFinalize", "InstallAdminPackage", "InstallFiles", "ExecuteAction");

    /** Pairs (first, then) that must keep this order when both are sequenced. */
    static final String[][] ORDER = {
            {"CostInitialize", "FileCost"}, {"FileCost", "CostFinalize"}, {"CostFinalize", "InstallValidate"},
            {"InstallValidate", "InstallInitialize"}, {"InstallInitialize", "InstallFinalize"},
            {"CostFinalize", "ExecuteAction"}, {"AppSearch", "CostInitialize"}, {"FindRelatedProducts", "MigrateFeatureStates"},
            {"CostFinalize", "MigrateFeatureStates"}, {"MigrateFeatureStates", "InstallValidate"},
            {"CostFinalize", "SetODBCFolders"}, {"SetODBCFolders", "InstallValidate"},
            {"FindRelatedProducts", "RemoveExistingProducts"}, {"ProcessComponents", "UnpublishFeatures"},
            {"RemoveFiles", "InstallFiles"}, {"RemoveFolders", "CreateFolders"}, {"RemoveRegistryValues", "WriteRegistryValues"},
            {"RemoveShortcuts", "CreateShortcuts"}, {"RemoveEnvironmentStrings", "WriteEnvironmentStrings"},
            {"StopServices", "DeleteServices"}, {"DeleteServices", "InstallServices"}, {"InstallServices", "StartServices"},
            {"InstallFiles", "InstallServices"}, {"RegisterProduct", "PublishProduct"}, {"PublishFeatures", "PublishProduct"}};

    @Override
    public List<String> ices() {
        return List.of("ICE26", "ICE27", "ICE78", "ICE82", "ICE84", "ICE96");
    }

    @Override
    public void check(Context ctx) {
        for (String table : EXECUTE_TABLES) check(ctx, table, false);
        for (String table : UI_TABLES) check(ctx, table, true);
        if (!ctx.rows("AdvtUISequence").isEmpty()) {
            ctx.report("ICE78", Severity.ERROR, "AdvtUISequence", null, "AdvtUISequence must be empty (it is not used and its rows break advertising)");
        }
        if (ctx.db().tableOrNull("AdvtExecuteSequence") != null) {
            Map<String, Integer> advt = ctx.sequence("AdvtExecuteSequence");
            for (String a : List.of("PublishFeatures", "PublishProduct")) {
                if (!advt.containsKey(a)) ctx.report("ICE96", Severity.ERROR, "AdvtExecuteSequence", "Action", a + " is missing from AdvtExecuteSequence");
            }
        }
    }

    private void check(Context ctx, String table, boolean ui) {
        List<Row> rows = ctx.rows(table);
        if (ctx.db().tableOrNull(table) == null) return;
        Map<String, Integer> seq = ctx.sequence(table);
        List<String> required = ui ? List.of("CostInitialize", "FileCost", "CostFinalize", "ExecuteAction")
                : table.equals("AdvtExecuteSequence") ? List.of("CostInitialize", "CostFinalize", "InstallValidate", "InstallInitialize", "InstallFinalize")
                : List.of("CostInitialize", "FileCost", "CostFinalize", "InstallValidate", "InstallInitialize", "InstallFinalize");
        if (!rows.isEmpty() || !ui) {
            for (String a : required) {
                if (seq.get(a) == null) ctx.report("ICE26", Severity.ERROR, table, "Action", "the required action " + a + " is not sequenced");
            }
        }
        Integer init = seq.get("InstallInitialize"), fin = seq.get("InstallFinalize"), validate = seq.get("InstallValidate");
        Map<Integer, String> numbers = new HashMap<>();
        for (Row r : rows) {
            String action = Context.text(r, "Action");
            Integer n = Context.cell(r, "Sequence") instanceof Integer i ? i : null;
            boolean standard = Knowledge.STANDARD_ACTIONS.contains(action);
            if (!standard && ctx.customAction(action) == null && ctx.find("Dialog", action) == null) {
                ctx.error("ICE27", r, "Action", "unknown action " + action + ": not a standard action, custom action or dialog");
            }
            if (Knowledge.SCRIPT_ACTIONS.contains(action) && n != null && n > 0) {
                if (ui) {
                    ctx.error("ICE26", r, "Action", action + " writes the installation script and is not allowed in " + table);
                } else if (init != null && fin != null && (n < init || n > fin)) {
                    ctx.error("ICE27", r, "Sequence", action + " (" + n + ") must be between InstallInitialize (" + init + ") and InstallFinalize (" + fin + ")");
                }
            }
            if (REQUIRED_UNCONDITIONED.contains(action) && Context.text(r, "Condition") != null) {
                ctx.warning("ICE84", r, "Condition", "the required action " + action + " has a condition (" + Context.text(r, "Condition") + ")");
            }
            if (n != null && n > 0) {
                String other = numbers.putIfAbsent(n, action);
                if (other != null) ctx.warning("ICE82", r, "Sequence", action + " has the same sequence number " + n + " as " + other);
            }
        }
        for (String[] pair : ORDER) {
            Integer a = seq.get(pair[0]), b = seq.get(pair[1]);
            if (a != null && b != null && a > 0 && b > 0 && a >= b) {
                ctx.error("ICE27", ctx.find(table, pair[1]), "Sequence", pair[1] + " (" + b + ") must come after " + pair[0] + " (" + a + ")");
            }
        }
        if (validate != null && !ui) {
            for (String costing : List.of("CostInitialize", "FileCost", "CostFinalize")) {
                Integer c = seq.get(costing);
                if (c != null && c > validate) ctx.error("ICE27", ctx.find(table, costing), "Sequence", costing + " must come before InstallValidate");
            }
        }
    }
}
