package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.Locale;

/**
 * The dependency extension's {@code Provides} (and v4's core {@code Provides} in a Component): the package registers
 * itself as a provider under {@code HKMU\Software\Classes\Installer\Dependencies\KEY} (default value the
 * ProductCode, Version, DisplayName), as the WiX documentation describes; the Version value can be the component's
 * key path. {@code Requires}/{@code RequiresRef} need the extension's native custom actions and are reported as not
 * supported yet.
 */
public final class DependencyFamily implements ElementFamily {
    private static final String ROOT = "Software\\Classes\\Installer\\Dependencies\\";
    private final boolean core;

    /** {@code core}: register the v4 core {@code Provides} element instead of the extension's. */
    public DependencyFamily(boolean core) {
        this.core = core;
    }

    @Override
    public void register(Grammar g) {
        if (core) {
            g.core("Provides", this::provides, "Component");
        } else {
            g.on("Provides", this::provides, "Component");
            g.on("Requires", this::unsupported, "Provides", "Product", "Package", "Fragment");
            g.on("RequiresRef", this::unsupported, "Provides");
        }
    }

    private void provides(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Key", "Version", "DisplayName", "Check", "Enforce");
        String key = a.has("Key") ? a.str("Key") : "[ProductCode]";
        if (key.contains("\\") || key.equalsIgnoreCase("ALL")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Key"), "Key", key, "a provider key cannot contain a backslash or be ALL");
            return;
        }
        String component = scope.get(Scope.COMPONENT);
        ctx.children(e, scope.with("Provides", key)).run();
        if (component == null) return;
        String k = ROOT + key;
        value(ctx, e, component, k, null, "[ProductCode]", false);
        value(ctx, e, component, k, "Version", a.has("Version") ? a.str("Version") : "[ProductVersion]", true);
        value(ctx, e, component, k, "DisplayName", a.has("DisplayName") ? a.str("DisplayName") : "[ProductName]", false);
    }

    private static void value(CompileContext ctx, SourceElement e, String component, String key, String name, String value, boolean keyPath) {
        String id = CompileContext.generatedId("reg", component, "-1", key.toLowerCase(Locale.ROOT), name == null ? null : name.toLowerCase(Locale.ROOT));
        Row r = ctx.row("Registry", e.location()).set("Registry", id).set("Root", -1).set("Key", key).set("Name", name)
                .set("Value", value).set("Component_", component);
        if (keyPath) r.extra("PossibleKeyPath", true);
    }

    private void unsupported(CompileContext ctx, SourceElement e, Scope scope) {
        ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "<" + e.localName() + "> (dependency extension)",
                "checking required providers needs the dependency extension's custom actions, which this build does not have yet");
    }
}
