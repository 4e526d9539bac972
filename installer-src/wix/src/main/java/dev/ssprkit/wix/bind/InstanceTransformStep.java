package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.transform.TransformErrorCondition;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.msi.transform.TransformValidation;
import dev.ssprkit.msi.transform.TransformWriter;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.InstanceTransformSymbol;
import dev.ssprkit.wix.model.NameGuid;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Instance transforms ({@code <InstanceTransforms>}), after the tables and summary are complete: for every Instance,
 * the transform from the package to that instance, embedded below the package's root under the Instance Id, as WiX's
 * binder builds it (CreateInstanceTransformsCommand, BindTransformCommand). The transform
 * <ul>
 *   <li>sets ProductCode (given, or derived from the package's ProductCode and the Id where WiX makes a random one),
 *       the instance property to the Id (added when the package does not set it), ProductName and UpgradeCode when
 *       the Instance gives them;</li>
 *   <li>with a new UpgradeCode, moves the Upgrade rows of the package's own UpgradeCode to the new one (deleted and
 *       added: the code is part of the key) and leaves rows for other products alone;</li>
 *   <li>gives every {@code MultiInstance="yes"} component a new ComponentId: WiX's name GUID in its component
 *       namespace of the component's GUID followed by the Id;</li>
 *   <li>validates nothing and suppresses no errors (Character Count 0: WiX passes flags 0 to
 *       MsiCreateTransformSummaryInfo for instance transforms).</li>
 * </ul>
 * Installed with {@code msiexec /i package.msi MSINEWINSTANCE=1 TRANSFORMS=:I1} (MSI SDK, "Installing Multiple
 * Instances with Instance Transforms").
 */
final class InstanceTransformStep {
    /** A compound-file name holds at most 31 UTF-16 units ([MS-CFB] §2.6.1). */
    private static final int MAX_STORAGE_NAME = 31;

    private final BindContext ctx;
    private final List<InstanceTransformSymbol> instances;
    private final Set<String> multiInstance = new HashSet<>();

    /** Reads the instances and the multi-instance components before {@link TableStep} hands the symbols out. */
    InstanceTransformStep(BindContext ctx) {
        this.ctx = ctx;
        instances = ctx.linked.all(InstanceTransformSymbol.class);
        if (instances.isEmpty()) return;
        for (dev.ssprkit.wix.model.Row c : ctx.rows("Component")) {
            if (c.flag("MultiInstance")) multiInstance.add(c.str("Component"));
        }
    }

    /** After the tables and the summary information are complete. */
    void run() {
        if (instances.isEmpty()) return;
        Database base = slice(ctx.db, !multiInstance.isEmpty());
        String productCode = property(base, "ProductCode");
        String upgradeCode = property(base, "UpgradeCode");
        TransformOptions options = new TransformOptions(EnumSet.noneOf(TransformValidation.class),
                EnumSet.noneOf(TransformErrorCondition.class), ctx.options.buildTime());
        for (InstanceTransformSymbol instance : instances) {
            if (instance.id().length() > MAX_STORAGE_NAME) {
                ctx.report(CompilerMessage.BAD_VALUE, instance.location(), "Id", instance.id(),
                        "the instance transform is stored under this name, and a storage name holds at most " + MAX_STORAGE_NAME + " characters");
                continue;
            }
            Database target = slice(base, !multiInstance.isEmpty());
            String code = instance.productCode().equals("*")
                    ? Guids.nameBased(productCode, "InstanceTransform", instance.id()) : instance.productCode();
            setProperty(target, "ProductCode", code);
            setProperty(target, instance.property(), instance.id());
            if (instance.productName() != null) setProperty(target, "ProductName", instance.productName());
            if (instance.upgradeCode() != null) {
                setProperty(target, "UpgradeCode", instance.upgradeCode());
                rewrite(target, "Upgrade", cells -> Objects.equals(cells[0], upgradeCode) ? withCell(cells, 0, instance.upgradeCode()) : cells);
            }
            rewrite(target, "Component", cells -> multiInstance.contains((String) cells[0]) && cells[1] != null
                    ? withCell(cells, 1, NameGuid.of(ComponentGuids.WIX_COMPONENT_NAMESPACE, cells[1] + instance.id())) : cells);
            try {
                ctx.db.putStorage(instance.id(), TransformWriter.storage(base, target, options));
            } catch (IOException e) {
                ctx.report(CompilerMessage.BAD_VALUE, instance.location(), "Instance", instance.id(), "its transform cannot be built: " + e.getMessage());
            }
        }
    }

    /** The tables an instance transform may change (Property, Upgrade, and Component when some are multi-instance). */
    private static Database slice(Database db, boolean components) {
        Database s = new Database().codepage(db.codepage()).summary(db.summary());
        for (String name : components ? List.of("Property", "Upgrade", "Component") : List.of("Property", "Upgrade")) {
            Table t = db.tableOrNull(name);
            if (t == null) continue;
            Table copy = s.createTable(t.schema());
            for (Row r : t.rows()) copy.addFrom(r.originValue(), false, r.cells());
        }
        return s;
    }

    private static String property(Database db, String name) {
        Table t = db.tableOrNull("Property");
        Row r = t == null ? null : t.find(name);
        return r == null ? null : r.string("Value");
    }

    private static void setProperty(Database db, String name, String value) {
        Table t = db.table("Property");
        Row r = t.find(name);
        if (r != null) t.remove(r);
        t.add(name, value);
    }

    /** Replaces the table's rows with {@code change} of their cells. */
    private static void rewrite(Database db, String table, UnaryOperator<Object[]> change) {
        Table t = db.tableOrNull(table);
        if (t == null) return;
        List<Row> rows = List.copyOf(t.rows());
        t.clear();
        for (Row r : rows) t.addFrom(r.originValue(), false, change.apply(r.cells()));
    }

    private static Object[] withCell(Object[] cells, int i, Object value) {
        cells[i] = value;
        return cells;
    }
}
