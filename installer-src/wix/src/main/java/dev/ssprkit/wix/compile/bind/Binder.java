package dev.ssprkit.wix.compile.bind;

import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.wix.compile.link.Linked;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bind phase: maps the linked symbols onto a {@link PackageBuilder} (which lays out the tables, sequences and the
 * cabinet). Steps run by family: product and properties here, then {@link FileBinder}, {@link FeatureBinder} and
 * {@link ActionBinder}. Returns null when anything was reported.
 */
public final class Binder {
    private final Diagnostics diagnostics;
    private BindContext last;

    public Binder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public PackageBuilder bind(Linked linked, String requestedPlatform) {
        Symbols.Product p = linked.product();
        if (p.name() == null || p.manufacturer() == null || p.version() == null || p.upgradeCode() == null) return null;
        Platform platform = Platform.parse(p.platform() != null ? p.platform() : requestedPlatform);
        PackageBuilder pkg = PackageBuilder.product(p.name(), p.manufacturer(), p.version(), p.upgradeCode()).platform(platform);
        pkg.language(p.language()).productCode(p.productCode()).installerVersion(p.installerVersion());
        if (p.codepage() != null) pkg.codepage(p.codepage());
        if (p.description() != null) pkg.description(p.description());
        if (p.comments() != null) pkg.comments(p.comments());
        if (p.keywords() != null) pkg.keywords(p.keywords());
        BindContext ctx = new BindContext(pkg, linked, diagnostics, platform == Platform.X64);
        last = ctx;
        linked.all(Symbols.Media.class).findFirst().ifPresentOrElse(m -> pkg.cabinet(m.cabinet()), () -> pkg.cabinet("cab1.cab"));
        properties(ctx);
        streams(ctx);
        new FileBinder(ctx).bind();
        new FeatureBinder(ctx).bind();
        new FileBinder(ctx).shortcuts();
        new ActionBinder(ctx).bind();
        return diagnostics.hasErrors() ? null : pkg;
    }

    /** Property rows; Secure/Hidden/Admin flags gather into SecureCustomProperties, MsiHiddenProperties, AdminProperties. */
    private void properties(BindContext ctx) {
        List<String> hidden = new ArrayList<>(), admin = new ArrayList<>();
        for (Symbols.Property prop : ctx.linked.all(Symbols.Property.class).toList()) {
            if (prop.value() != null) ctx.pkg.property(prop.id(), prop.value(), ctx.origin(prop.location()));
            if (prop.secure()) ctx.pkg.secureProperty(prop.id());
            if (prop.hidden()) hidden.add(prop.id());
            if (prop.admin()) admin.add(prop.id());
            if (prop.id().equals("ARPPRODUCTICON") && prop.value() != null && ctx.linked.get(Kind.ICON, prop.value()) == null) {
                ctx.report(CompilerMessage.UNRESOLVED_REFERENCE, prop.location(), "Icon", prop.value());
            }
        }
        if (!hidden.isEmpty()) ctx.pkg.property("MsiHiddenProperties", String.join(";", hidden));
        if (!admin.isEmpty()) ctx.pkg.property("AdminProperties", String.join(";", admin));
    }

    /** Binary and Icon rows: the stream is the file's bytes. */
    private void streams(BindContext ctx) {
        for (Object o : ctx.linked.items()) {
            Path source;
            String table, id;
            if (o instanceof Symbols.Binary b) {
                source = b.source();
                table = "Binary";
                id = b.id();
            } else if (o instanceof Symbols.Icon i) {
                source = i.source();
                table = "Icon";
                id = i.id();
            } else {
                continue;
            }
            var at = o instanceof Symbols.Binary b ? b.location() : ((Symbols.Icon) o).location();
            if (!Files.isRegularFile(source)) {
                ctx.report(CompilerMessage.MISSING_SOURCE_FILE, at, source.getFileName(), source);
                continue;
            }
            ctx.pkg.row(table, ctx.origin(at), id, StreamData.of(source));
        }
    }

    /** The source location a builder message names (rows carry their origin), or null. */
    public dev.ssprkit.wix.diag.SourceLocation locate(String message) {
        return last == null ? null : last.locate(message);
    }

    /** A lower-case text key for GUID derivation. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
