package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom actions: their types and where they are scheduled.
 * <ul>
 * <li>ICE12: a type 35 action (set a directory) comes after CostFinalize; a type 51 action (set a property) that
 *     sets a Directory property comes before it.</li>
 * <li>ICE63: RemoveExistingProducts is between InstallValidate and InstallInitialize, directly after
 *     InstallInitialize, after InstallExecute(Again), or after InstallFinalize (warning otherwise).</li>
 * <li>ICE68: the Type is a valid custom action type.</li>
 * <li>ICE75: actions whose code is an installed file (types 17, 18, 21, 22) come after CostFinalize.</li>
 * <li>ICE77: deferred (in-script, 0x400) actions lie between InstallInitialize and InstallFinalize.</li>
 * <li>ICE93: a custom action does not take a standard action's name (warning).</li>
 * </ul>
 */
public final class CustomActions implements Rule {
    static final int IN_SCRIPT = 0x400;
    /** Base types (low six bits: code type plus source) the SDK defines. */
    static final Set<Integer> BASE_TYPES = Set.of(1, 2, 5, 6, 7, 17, 18, 19, 21, 22, 23, 34, 35, 37, 38, 39, 50, 51, 53, 54);
    static final Set<Integer> INSTALLED_FILE_TYPES = Set.of(17, 18, 21, 22);

    @Override
    public List<String> ices() {
        return List.of("ICE12", "ICE63", "ICE68", "ICE75", "ICE77", "ICE93");
    }

    @Override
    public void check(Context ctx) {
        for (Row ca : ctx.rows("CustomAction")) {
            String name = Context.text(ca, "Action");
            int type = Context.integer(ca, "Type", 0);
            int base = type & 0x3F;
            if (!BASE_TYPES.contains(base)) ctx.error("ICE68", ca, "Type", "type " + type + " (base " + base + ") is not a valid custom action type");
            if ((type & IN_SCRIPT) != 0 && (base == 35 || base == 51 || base == 19)) {
                ctx.error("ICE68", ca, "Type", "type " + type + ": a base " + base + " action cannot run in the script (deferred)");
            }
            if (Knowledge.STANDARD_ACTIONS.contains(name)) ctx.warning("ICE93", ca, "Action", "custom action " + name + " has the name of a standard action");
        }
        for (String table : List.of("InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence")) {
            placement(ctx, table);
        }
        removeExistingProducts(ctx);
    }

    private void placement(Context ctx, String table) {
        Map<String, Integer> seq = ctx.sequence(table);
        Integer costFinalize = seq.get("CostFinalize"), init = seq.get("InstallInitialize"), fin = seq.get("InstallFinalize");
        for (Row r : ctx.rows(table)) {
            Row ca = ctx.customAction(Context.text(r, "Action"));
            Integer n = Context.cell(r, "Sequence") instanceof Integer i ? i : null;
            if (ca == null || n == null || n <= 0) continue;
            int type = Context.integer(ca, "Type", 0), base = type & 0x3F;
            String name = Context.text(ca, "Action");
            if (costFinalize != null) {
                if (base == 35 && n < costFinalize) {
                    ctx.error("ICE12", r, "Sequence", name + " sets a directory (type 35) and must come after CostFinalize (" + costFinalize + ")");
                }
                if (base == 51 && n > costFinalize && ctx.directories().containsKey(Context.text(ca, "Source"))) {
                    ctx.error("ICE12", r, "Sequence", name + " sets the Directory property " + Context.text(ca, "Source")
                            + " with type 51; it must come before CostFinalize (" + costFinalize + ") or use type 35");
                }
                if (INSTALLED_FILE_TYPES.contains(base) && n < costFinalize) {
                    ctx.error("ICE75", r, "Sequence", name + " runs an installed file (type " + base + ") and must come after CostFinalize (" + costFinalize + ")");
                }
            }
            if ((type & IN_SCRIPT) != 0 && init != null && fin != null && (n < init || n > fin)) {
                ctx.error("ICE77", r, "Sequence", name + " is deferred (in-script) and must be between InstallInitialize (" + init
                        + ") and InstallFinalize (" + fin + ")");
            }
        }
    }

    private void removeExistingProducts(Context ctx) {
        Map<String, Integer> seq = ctx.sequence("InstallExecuteSequence");
        Integer rep = seq.get("RemoveExistingProducts");
        if (rep == null || rep <= 0) return;
        Integer validate = seq.get("InstallValidate"), init = seq.get("InstallInitialize"), fin = seq.get("InstallFinalize");
        Integer exec = seq.containsKey("InstallExecute") ? seq.get("InstallExecute") : seq.get("InstallExecuteAgain");
        if (validate == null || init == null || fin == null) return;
        boolean beforeInit = rep > validate && rep < init;
        boolean afterFinalize = rep > fin;
        boolean afterExecute = exec != null && rep > exec && rep < fin;
        boolean rightAfterInit = false;
        if (rep > init && rep < fin) {
            rightAfterInit = true;
            for (Integer n : seq.values()) if (n != null && n > init && n < rep) rightAfterInit = false;
        }
        if (!(beforeInit || afterFinalize || afterExecute || rightAfterInit)) {
            ctx.warning("ICE63", ctx.find("InstallExecuteSequence", "RemoveExistingProducts"), "Sequence",
                    "RemoveExistingProducts (" + rep + ") should be between InstallValidate and InstallInitialize, directly after"
                            + " InstallInitialize, after InstallExecute, or after InstallFinalize");
        }
    }
}
