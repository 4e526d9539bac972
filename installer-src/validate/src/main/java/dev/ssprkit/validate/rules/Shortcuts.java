package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shortcuts and icons.
 * <ul>
 * <li>ICE17: a shortcut's Target is a Feature key (advertised shortcut) or a formatted string with a reference
 *     ({@code [#file]}, {@code [DIR]}...); its Icon_ is in the Icon table.</li>
 * <li>ICE36: every Icon row is used (by Shortcut, Class, ProgId or ARPPRODUCTICON) (warning: unused icons bloat
 *     the advertised product).</li>
 * <li>ICE59: an advertised shortcut's feature installs the shortcut's component.</li>
 * <li>ICE67: a non-advertised shortcut to {@code [#file]} of another component is safe only when that component
 *     cannot switch between local and run-from-source (it is not Optional, 0x2); otherwise a reinstall moves the
 *     target and leaves the shortcut pointing to the old place (warning).</li>
 * </ul>
 * The SDK's ICE17 also checks Control bitmaps and icons; we have no UI tables.
 */
public final class Shortcuts implements Rule {
    @Override
    public List<String> ices() {
        return List.of("ICE17", "ICE36", "ICE59", "ICE67");
    }

    @Override
    public void check(Context ctx) {
        Set<String> usedIcons = new HashSet<>();
        String arpIcon = ctx.property("ARPPRODUCTICON");
        if (arpIcon != null) usedIcons.add(arpIcon);
        for (String t : List.of("Class", "ProgId")) for (Row r : ctx.rows(t)) usedIcons.add(Context.text(r, "Icon_"));
        for (Row s : ctx.rows("Shortcut")) {
            String id = Context.text(s, "Shortcut"), target = Context.text(s, "Target"), comp = Context.text(s, "Component_");
            String icon = Context.text(s, "Icon_");
            if (icon != null) {
                usedIcons.add(icon);
                if (ctx.find("Icon", icon) == null) ctx.error("ICE17", s, "Icon_", "icon " + icon + " is not in the Icon table");
            }
            if (target == null) continue;
            Row feature = ctx.find("Feature", target);
            if (feature != null) {
                if (!ctx.featuresOf(comp).contains(target)) {
                    ctx.error("ICE59", s, "Target", "advertised shortcut " + id + " targets feature " + target
                            + ", which does not install the shortcut's component " + comp);
                }
                continue;
            }
            List<Formats.Reference> refs = Formats.formattedReferences(target);
            if (target.indexOf('[') < 0 || refs.isEmpty()) {
                ctx.error("ICE17", s, "Target", "target '" + target + "' is neither a Feature key (advertised) nor a formatted path such as [#file]");
                continue;
            }
            for (Formats.Reference ref : refs) {
                if (ref.sigil() != '#' && ref.sigil() != '!') continue;
                Row file = ctx.find("File", ref.name());
                Row targetComponent = file == null ? null : ctx.find("Component", Context.text(file, "Component_"));
                if (targetComponent != null && !comp.equals(Context.text(file, "Component_"))
                        && (Context.integer(targetComponent, "Attributes", 0) & Components.OPTIONAL) != 0) {
                    ctx.warning("ICE67", s, "Component_", "shortcut " + id + " of component " + comp + " targets file " + ref.name()
                            + " of component " + Context.text(file, "Component_") + ", which may change between local and run-from-source;"
                            + " the shortcut would then point to the old location");
                }
            }
        }
        for (Row i : ctx.rows("Icon")) {
            if (!usedIcons.contains(Context.text(i, "Name"))) {
                ctx.warning("ICE36", i, "Name", "icon " + Context.text(i, "Name") + " is not used by any shortcut, class, ProgId or ARPPRODUCTICON");
            }
        }
    }
}
