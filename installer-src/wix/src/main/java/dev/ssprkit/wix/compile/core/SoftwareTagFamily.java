package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.Locale;

/**
 * ISO/IEC 19770-2 software identification tags: WiX v4's {@code <SoftwareTag>} in a Package and the tag extension's
 * {@code <tag:Tag>} (v3 Product, v4 Package). The package installs NAME.swidtag (written at bind time, see
 * bind/SoftwareTagStep) in a component of its own, local only, with a SoftwareIdentificationTag row; v4 puts it in a
 * "swidtag" folder under InstallDirectory, the v3 extension in InstallDirectory itself, as the two WiX compilers do.
 * Without Feature the component goes into a hidden, always-installed feature (WixSwidTag).
 */
public final class SoftwareTagFamily implements ElementFamily {
    /** WiX's table (not the SDK's), with WiX's columns: the file that installs the tag, its regid, tagId, persistentId. */
    static final dev.ssprkit.msi.schema.TableSchema TAG_TABLE = new dev.ssprkit.msi.schema.TableSchema("SoftwareIdentificationTag", java.util.List.of(
            dev.ssprkit.msi.schema.Col.s("File_", 72).key().cat(dev.ssprkit.msi.schema.Category.IDENTIFIER).ref("File", 1).doc("File that installs the software identification tag.").build(),
            dev.ssprkit.msi.schema.Col.l("Regid", 0).cat(dev.ssprkit.msi.schema.Category.TEXT).doc("Registration id of the tag's creator.").build(),
            dev.ssprkit.msi.schema.Col.l("TagId", 0).cat(dev.ssprkit.msi.schema.Category.TEXT).doc("Unique id of the tag.").build(),
            dev.ssprkit.msi.schema.Col.l("PersistentId", 0).nullable().cat(dev.ssprkit.msi.schema.Category.TEXT).doc("Id that stays the same across versions.").build(),
            dev.ssprkit.msi.schema.Col.l("Alias", 0).nullable().cat(dev.ssprkit.msi.schema.Category.TEXT).doc("Alias of the tag.").build()));

    private final boolean extension;

    /** {@code extension}: the tag extension's {@code Tag}; otherwise the v4 core {@code SoftwareTag}. */
    public SoftwareTagFamily(boolean extension) {
        this.extension = extension;
    }

    @Override
    public void register(Grammar g) {
        if (extension) g.on("Tag", this::tag, "Product", "Package");
        else g.on("SoftwareTag", this::tag, "Package");
    }

    private void tag(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Regid", "Feature", "InstallDirectory", "Bitness", "Win64", "Licensed", "Type", "InstallPath");
        if (a.has("InstallPath")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("InstallPath"), "InstallPath", a.str("InstallPath"), "InstallPath belongs to a Bundle's tag; a package names InstallDirectory");
        }
        // without Name the tag takes the package's name, known once the package is bound (bind/SoftwareTagStep)
        String name = a.str("Name");
        if (name != null && !ctx.installName(a, "Name", name + ".swidtag", false)) return;
        String regid = a.required("Regid");
        if (regid != null && regid.equalsIgnoreCase("example.com")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Regid"), "Regid", regid, "use your organisation's domain (the registration id names who made the software)");
            regid = null;
        }
        String installDirectory = a.has("InstallDirectory") ? StandardDirectories.attribute(ctx, a, "InstallDirectory") : a.required("InstallDirectory");
        String feature = a.id("Feature", false);
        Boolean win64 = a.has("Bitness") ? (Boolean) ("always64".equals(a.oneOf("Bitness", "default", "default", "always32", "always64")) ? Boolean.TRUE
                : "always32".equals(a.str("Bitness")) ? Boolean.FALSE : null) : a.has("Win64") ? a.yesNo("Win64", false) : null;
        ctx.children(e, scope).run();
        if (regid == null || installDirectory == null) return;
        String id = a.has("Id") ? a.id("Id", true) : CompileContext.generatedId("tag", regid.toLowerCase(Locale.ROOT), ".product.tag");
        if (id == null) return;
        boolean v3Layout = extension && !ctx.v4();
        String folder = v3Layout ? "WixTagInstallFolder" : id;
        ctx.reference("Directory", installDirectory, a.at("InstallDirectory"));
        Row dir = ctx.row("Directory", e.location()).set("Directory", folder).set("Directory_Parent", installDirectory);
        dir.extra("Name", v3Layout ? "." : "swidtag");
        Row component = ctx.row("Component", e.location()).set("Component", id).set("ComponentId", "*").set("Directory_", folder);
        component.extra("BaseAttributes", 0).extra("Win64", win64);
        Row file = ctx.row("File", e.location()).set("File", id).set("Component_", id).set("Attributes", 1); // read-only
        file.extra("Name", name == null ? null : name + ".swidtag").extra("KeyPath", "yes").extra("SoftwareTag", true);
        if (feature != null) {
            ctx.reference("Feature", feature, a.at("Feature"));
        } else {
            feature = "WixSwidTag";
            Row f = ctx.row("Feature", e.location()).set("Feature", feature).set("Title", "ISO/IEC 19770-2").set("Display", 0)
                    .set("Level", 1).set("Attributes", 8 | 16); // msidbFeatureAttributesDisallowAdvertise | UIDisallowAbsent
            f.extra("Overridable", true);
        }
        ctx.add(new Membership("Feature", feature, "Component", id, true, e.location()));
        if (ctx.schema(TAG_TABLE.name()) == null) {
            ctx.declareTable(TAG_TABLE);
            ctx.add(new dev.ssprkit.wix.model.CustomTableSymbol(TAG_TABLE, false, e.location()));
        }
        ctx.row(TAG_TABLE.name(), e.location()).set("File_", id).set("Regid", regid).set("TagId", "");
    }
}
