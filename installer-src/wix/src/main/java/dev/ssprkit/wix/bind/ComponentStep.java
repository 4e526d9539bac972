package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.Platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settles each component: its key path (the child marked KeyPath="yes", else the first file or registry value, else
 * its directory, as WiX chooses), the key-path and 64-bit bits of Attributes, and a generated ComponentId for
 * {@code Guid="*"}.
 *
 * <p>Generated GUIDs follow WiX's rule ({@link ComponentGuids}): the same resource in the same place gets the same
 * component GUID in every build, in every product, and as WiX would give it.
 */
final class ComponentStep {
    /** ssprkit's namespace for the GUIDs of components with a folder key path (which WiX refuses to generate). */
    static final String COMPONENT_NAMESPACE = "{3F6A2E51-8C4D-5B7E-9A10-4D2C6B8E1F37}";

    private final BindContext ctx;
    private final Map<String, Row> directories = new HashMap<>();

    ComponentStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Row d : ctx.rows("Directory")) directories.putIfAbsent(d.str("Directory"), d);
        ComponentGuids guids = new ComponentGuids(directories, ctx.platform);
        boolean platform64 = ctx.platform != Platform.X86;
        java.util.Set<String> createFolders = new java.util.HashSet<>();
        for (Row f : ctx.rows("CreateFolder")) createFolders.add(f.str("Directory_") + "\0" + f.str("Component_"));
        Map<String, List<Row>> rowsByComponent = ctx.linked.rowsByComponent();
        for (Row c : ctx.rows("Component")) {
            String id = c.str("Component");
            List<Row> candidates = new ArrayList<>();
            List<Row> explicit = new ArrayList<>();
            for (Row r : rowsByComponent.getOrDefault(id, List.of())) {
                boolean possible = r.table().equals("File") || r.flag("PossibleKeyPath"); // Registry rows, ODBCDataSource rows directly under the Component
                if (!possible) continue;
                Object kp = r.extra("KeyPath");
                if ("yes".equals(kp)) explicit.add(r);
                else if (!"no".equals(kp)) candidates.add(r);
            }
            boolean directoryKeyPath = c.flag("KeyPathDirectory");
            if (explicit.size() + (directoryKeyPath ? 1 : 0) > 1) {
                ctx.report(CompilerMessage.KEY_PATH_CONFLICT, c.location(), id, (explicit.size() + (directoryKeyPath ? 1 : 0)) + " marked KeyPath=\"yes\"");
            }
            Row keyPath = directoryKeyPath ? null : !explicit.isEmpty() ? explicit.get(0) : candidates.isEmpty() ? null : candidates.get(0);
            int attributes = c.extra("BaseAttributes") instanceof Integer b ? b : 0;
            Boolean win64 = (Boolean) c.extra("Win64");
            if (win64 != null ? win64 : platform64) attributes |= 0x100;
            // the GUID WiX would derive, computed only for Guid="*" (a SHA-1 per component otherwise spent for nothing)
            boolean auto = "*".equals(c.str("ComponentId"));
            String generated = null;
            boolean win64Component = (attributes & 0x100) != 0;
            if (keyPath == null) {
                c.set("KeyPath", null);
                // WiX v4+ gives a component whose key path is its folder a CreateFolder row (its backend does, since
                // wixtoolset/Core#92), which ICE18 requires; v3's candle did so only for Component/@KeyPath="yes"
                // (its ParseComponentElement), leaving a component that merely has no key-path resource to the author
                if ((ctx.identity.v4() || directoryKeyPath) && createFolders.add(c.str("Directory_") + "\0" + id)) {
                    ctx.linked.add(new Row(StandardSchema.require("CreateFolder"), c.location()).set("Directory_", c.str("Directory_")).set("Component_", id));
                }
                // WiX refuses a generated GUID here; this compiler derives one from the folder and warns
                if (auto) generated = Guids.nameBased(COMPONENT_NAMESPACE, "directory", win64Component ? "64" : "32",
                        String.valueOf(guids.directoryPath(c.str("Directory_"))).toLowerCase(Locale.ROOT));
            } else if (keyPath.table().equals("File")) {
                c.set("KeyPath", keyPath.str("File"));
                if (auto) generated = guids.forFile(c.str("Directory_"), (String) keyPath.extra("Name"));
            } else if (keyPath.table().equals("Registry")) {
                c.set("KeyPath", keyPath.str("Registry"));
                attributes |= 0x4;
                if (auto) generated = guids.forRegistry(win64Component, (Integer) keyPath.get("Root"), keyPath.str("Key"), keyPath.str("Name"),
                        !ctx.identity.v4());
            } else {
                c.set("KeyPath", keyPath.str(keyPath.schema().columns().get(0).name()));
                attributes |= 0x20;
            }
            c.set("Attributes", attributes);
            if (auto) {
                if (keyPath == null) ctx.report(CompilerMessage.AUTO_GUID_DIRECTORY_KEYPATH, c.location(), id);
                if (generated == null) {
                    ctx.report(CompilerMessage.BAD_VALUE, c.location(), "Guid", "*", "a component whose key path is an ODBC data source needs an explicit Guid");
                    continue;
                }
                c.set("ComponentId", generated);
            }
        }
    }

}
