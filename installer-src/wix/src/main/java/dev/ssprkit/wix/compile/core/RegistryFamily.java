package dev.ssprkit.wix.compile.core;

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
 * RegistryKey (nested keys inherit root and key), RegistryValue (typed values, multi-string parts), RemoveRegistryKey
 * and RemoveRegistryValue. The Value column is encoded as the SDK's Registry table page says: {@code #} integer,
 * {@code #x} binary, {@code #%} expandable, {@code [~]} multi-string separators, a leading {@code #} of a string
 * doubled; the Name column {@code +}/{@code -}/{@code *} for key creation and deletion.
 */
public final class RegistryFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("RegistryKey", this::registryKey, "Component", "RegistryKey");
        g.on("RegistryValue", this::registryValue, "Component", "RegistryKey");
        g.on("RemoveRegistryKey", this::removeKey, "Component");
        g.on("RemoveRegistryValue", this::removeValue, "Component");
    }

    /** The Root column: HKCR 0, HKCU 1, HKLM 2, HKU 3, HKMU -1 (HKLM per-machine, HKCU per-user). */
    static Integer root(Attrs a, String attribute) {
        String r = a.oneOf(attribute, null, "HKMU", "HKCR", "HKCU", "HKLM", "HKU");
        if (r == null) return null;
        return switch (r) {
            case "HKCR" -> 0;
            case "HKCU" -> 1;
            case "HKLM" -> 2;
            case "HKU" -> 3;
            default -> -1;
        };
    }

    static String lowerOrNull(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String joinKey(String parent, String key) {
        if (parent == null) return key;
        if (key == null) return parent;
        return parent.endsWith("\\") ? parent + key : parent + "\\" + key;
    }

    /** The id WiX would generate for an unnamed RegistryValue (used to name a component after its key path). */
    static String generatedValueId(SourceElement e, Scope scope) {
        String key = joinKey(scope.get(Scope.REGISTRY_KEY), e.attr("Key"));
        String root = e.attr("Root") != null ? e.attr("Root") : scope.get(Scope.REGISTRY_ROOT);
        return CompileContext.generatedId("reg", scope.get(Scope.COMPONENT), root, lowerOrNull(key), lowerOrNull(e.attr("Name")));
    }

    private void registryKey(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Action", "ForceCreateOnInstall", "ForceDeleteOnUninstall", "ComponentGuidGenerationSeed");
        Integer root = rootFromScope(ctx, a, scope);
        String key = joinKey(scope.get(Scope.REGISTRY_KEY), a.str("Key"));
        if (key != null) key = stripTrailing(key);
        boolean create, delete;
        if (ctx.v4()) {
            create = a.yesNo("ForceCreateOnInstall", false);
            delete = a.yesNo("ForceDeleteOnUninstall", false);
            if (a.has("Action")) ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, a.at("Action"), "RegistryKey", "Action", "WiX v4 writes ForceCreateOnInstall and ForceDeleteOnUninstall");
        } else {
            String action = a.oneOf("Action", "none", "none", "create", "createAndRemoveOnUninstall");
            create = !action.equals("none") || a.yesNo("ForceCreateOnInstall", false);
            delete = action.equals("createAndRemoveOnUninstall") || a.yesNo("ForceDeleteOnUninstall", false);
        }
        String name = create ? (delete ? "*" : "+") : (delete ? "-" : null);
        String component = scope.get(Scope.COMPONENT);
        if (key == null) a.required("Key");
        String id = a.id("Id", false);
        if (name != null && id == null && !a.has("Id")) {
            id = CompileContext.generatedId("reg", component, String.valueOf(root), lowerOrNull(key), name);
        }
        Scope inner = scope.with(Scope.REGISTRY_KEY, key).with(Scope.REGISTRY_ROOT, root == null ? null : root.toString())
                .with(Scope.LOCK_TABLE, name != null ? "Registry" : null).with(Scope.LOCK_OBJECT, name != null ? id : null);
        ctx.children(e, inner).run();
        if (name == null || root == null || key == null || component == null || id == null) return;
        ctx.row("Registry", e.location()).set("Registry", id).set("Root", root).set("Key", key).set("Name", name)
                .set("Component_", component);
    }

    private static String stripTrailing(String key) {
        String k = key;
        while (k.endsWith("\\")) k = k.substring(0, k.length() - 1);
        return k;
    }

    /** Root from the attribute, else from an enclosing RegistryKey; both is an error, neither too. */
    private static Integer rootFromScope(CompileContext ctx, Attrs a, Scope scope) {
        String inherited = scope.get(Scope.REGISTRY_ROOT);
        if (a.has("Root")) {
            if (inherited != null) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Root"), a.element().localName(), "Root and an enclosing RegistryKey's Root", "give the root once, on the outermost RegistryKey");
            }
            return root(a, "Root");
        }
        if (inherited != null) return Integer.valueOf(inherited);
        a.required("Root");
        return null;
    }

    private void registryValue(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Root", "Key", "Name", "Value", "Type", "Action", "KeyPath")
                : ctx.attrsWithText(e, "Id", "Root", "Key", "Name", "Value", "Type", "Action", "KeyPath");
        Integer root = rootFromScope(ctx, a, scope);
        String key = joinKey(scope.get(Scope.REGISTRY_KEY), a.str("Key"));
        if (key == null) a.required("Key");
        String name = a.str("Name");
        String type = a.oneOf("Type", "string", "string", "integer", "binary", "expandable", "multiString");
        String action = a.oneOf("Action", "write", "write", "append", "prepend");
        if (!type.equals("multiString") && !action.equals("write")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Action"), "Action", action, "append and prepend apply to Type=\"multiString\" only");
        }
        String value = a.has("Value") ? a.str("Value") : null;
        if (value == null && !ctx.v4() && !e.text().isBlank() && e.children().isEmpty()) value = e.text().strip();
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("reg", component, String.valueOf(root), lowerOrNull(key), lowerOrNull(name));
        String[] multi = {value};
        Scope inner = scope.with(Scope.LOCK_TABLE, "Registry").with(Scope.LOCK_OBJECT, id);
        ctx.children(e, inner).on("MultiStringValue", (c, x, s) -> multi[0] = multiString(c, x, multi[0], type))
                .on("MultiString", (c, x, s) -> multi[0] = multiString(c, x, multi[0], type)).run();
        value = multi[0];
        if (value == null && !type.equals("binary")) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, e.location(), "RegistryValue", "Value");
            return;
        }
        if (value != null && value.isEmpty() && ("+".equals(name) || "-".equals(name) || "*".equals(name))) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Name"), "Name", name, "+, - and * name key operations; give the value a real name");
        }
        if (root == null || key == null || component == null || id == null) return;
        Row r = ctx.row("Registry", e.location()).set("Registry", id).set("Root", root).set("Key", key).set("Name", name)
                .set("Value", encode(type, action, value)).set("Component_", component);
        r.extra("KeyPath", a.has("KeyPath") ? (a.yesNo("KeyPath", false) ? "yes" : "no") : null);
        r.extra("PossibleKeyPath", true);
    }

    private static String multiString(CompileContext ctx, SourceElement e, String value, String type) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Value") : ctx.attrsWithText(e, "Value");
        String part = a.has("Value") ? a.str("Value") : e.text();
        if (!type.equals("multiString") && value != null) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), e.localName(), part, "several values need Type=\"multiString\" on the RegistryValue");
        }
        return value == null ? part : value + "[~]" + part;
    }

    /** The Registry.Value encoding of a typed value. */
    static String encode(String type, String action, String value) {
        return switch (type) {
            case "binary" -> "#x" + (value == null ? "" : value); // no Value: an empty REG_BINARY, as WiX writes it
            case "expandable" -> "#%" + value;
            case "integer" -> "#" + value;
            case "multiString" -> switch (action) {
                case "append" -> "[~]" + value;
                case "prepend" -> value + "[~]";
                default -> value != null && !value.contains("[~]") ? "[~]" + value + "[~]" : value;
            };
            default -> value != null && value.startsWith("#") ? "#" + value : value;
        };
    }

    private void removeKey(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Action");
        Integer root = root(a, "Root");
        if (!a.has("Root")) a.required("Root");
        String key = a.required("Key");
        String action = a.required("Action");
        if (action != null) action = a.oneOf("Action", null, "removeOnInstall", "removeOnUninstall");
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("reg", component, String.valueOf(root), lowerOrNull(key), "-");
        ctx.children(e, scope).run();
        if (root == null || key == null || action == null || id == null || component == null) return;
        if (action.equals("removeOnInstall")) {
            ctx.row("RemoveRegistry", e.location()).set("RemoveRegistry", id).set("Root", root).set("Key", key).set("Name", "-").set("Component_", component);
        } else {
            ctx.row("Registry", e.location()).set("Registry", id).set("Root", root).set("Key", key).set("Name", "-").set("Component_", component);
        }
    }

    private void removeValue(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Name");
        Integer root = root(a, "Root");
        if (!a.has("Root")) a.required("Root");
        String key = a.required("Key");
        String name = a.str("Name");
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("reg", component, String.valueOf(root), lowerOrNull(key), lowerOrNull(name));
        ctx.children(e, scope).run();
        if (root == null || key == null || id == null || component == null) return;
        ctx.row("RemoveRegistry", e.location()).set("RemoveRegistry", id).set("Root", root).set("Key", key).set("Name", name).set("Component_", component);
    }
}
