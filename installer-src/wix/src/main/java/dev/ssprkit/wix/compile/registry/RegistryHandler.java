package dev.ssprkit.wix.compile.registry;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** RegistryKey and RegistryValue (with MultiStringValue): rows of the Registry table. */
public final class RegistryHandler {
    private static final String[] ROOTS = {"HKLM", "HKCU", "HKCR", "HKU", "HKMU"};
    /** Namespace for generated Registry ids: stable across builds, independent of the product. */
    private static final String ID_NAMESPACE = "{5A1E3C0B-8D2F-4E6A-9B7C-1F0E2D3C4B5A}";

    private final CompileContext ctx;

    public RegistryHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    /** A RegistryKey; {@code root}/{@code parentKey} come from an enclosing RegistryKey. */
    public void key(SourceElement e, String component, String root, String parentKey) {
        Attrs a = ctx.v4()
                ? ctx.attrs(e, "Id", "Root", "Key", "ForceCreateOnInstall", "ForceDeleteOnUninstall")
                : ctx.attrs(e, "Id", "Root", "Key", "ForceCreateOnInstall", "ForceDeleteOnUninstall", "Action");
        String r = root != null && !a.has("Root") ? root : a.oneOf("Root", null, ROOTS);
        if (root == null && !a.has("Root")) a.required("Root");
        String key = join(parentKey, parentKey == null ? a.required("Key") : a.str("Key"));
        boolean create = a.yesNo("ForceCreateOnInstall", false);
        boolean delete = a.yesNo("ForceDeleteOnUninstall", false);
        String action = a.oneOf("Action", "none", "none", "create", "createAndRemoveOnUninstall");
        if (action.equals("create")) create = true;
        if (action.equals("createAndRemoveOnUninstall")) create = delete = true;
        if (a.has("Action")) {
            ctx.report(CompilerMessage.DEPRECATED, a.at("Action"), "RegistryKey/@Action is deprecated",
                    "use ForceCreateOnInstall and ForceDeleteOnUninstall");
        }
        String rr = r;
        ctx.children(e)
                .on("RegistryValue", c -> value(c, component, rr, key))
                .on("RegistryKey", c -> key(c, component, rr, key))
                .run();
        if ((create || delete) && r != null && key != null && component != null) {
            String id = a.has("Id") ? a.id("Id", true) : generatedId(r, key, create && delete ? "*" : create ? "+" : "-", component);
            if (id != null) ctx.section().add(new Symbols.Registry(id, component, r, key, null, null, false, create, delete, e.location()));
        }
    }

    public void value(SourceElement e, String component, String root, String parentKey) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Name", "Value", "Type", "Action", "KeyPath");
        String r = root != null && !a.has("Root") ? root : a.oneOf("Root", null, ROOTS);
        if (root == null && !a.has("Root")) a.required("Root");
        String key = join(parentKey, parentKey == null ? a.required("Key") : a.str("Key"));
        String name = a.str("Name");
        String type = ctx.v4() ? a.oneOf("Type", "string", "string", "integer", "expandable", "multiString", "binary")
                : a.has("Type") ? a.oneOf("Type", "string", "string", "integer", "expandable", "multiString", "binary") : req(a);
        String action = a.oneOf("Action", "write", "write", "append", "prepend");
        List<String> multi = new ArrayList<>();
        if (a.has("Value")) multi.add(a.str("Value"));
        ctx.children(e).onIf("multiString".equals(type), "MultiStringValue", c -> {
            if (ctx.v4()) {
                Attrs m = ctx.attrs(c, "Value");
                String v = m.required("Value");
                if (v != null) multi.add(v);
            } else {
                ctx.attrsWithText(c);
                multi.add(c.text());
            }
        }).run();
        String value = a.str("Value");
        if (!"multiString".equals(type) && value == null) a.required("Value");
        RegistryData data = value == null && !"multiString".equals(type) ? null : data(a, type, value, multi, action);
        if (r == null || key == null || component == null || (data == null)) return;
        String id = a.has("Id") ? a.id("Id", true) : generatedId(r, key, name, component);
        if (id == null) return;
        ctx.section().add(new Symbols.Registry(id, component, r, key, name, data, a.yesNo("KeyPath", false), false, false, e.location()));
    }

    private String req(Attrs a) {
        a.required("Type");
        return "string";
    }

    private RegistryData data(Attrs a, String type, String value, List<String> multi, String action) {
        switch (type) {
            case "integer":
                try {
                    return RegistryData.integer(Integer.parseInt(value.strip()));
                } catch (NumberFormatException ex) {
                    if (value.contains("[")) return RegistryData.integerFormatted(value);
                    ctx.report(CompilerMessage.BAD_INTEGER, a.at("Value"), "Value", value, "a 32-bit integer or a [PROPERTY] reference");
                    return null;
                }
            case "expandable":
                return RegistryData.expandable(value);
            case "binary":
                try {
                    return RegistryData.binary(HexFormat.of().parseHex(value.strip().toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    ctx.report(CompilerMessage.BAD_VALUE, a.at("Value"), "Value", value, "binary data is written as pairs of hex digits");
                    return null;
                }
            case "multiString": {
                if (multi.isEmpty()) {
                    ctx.report(CompilerMessage.MISSING_ONE_OF, a.element().location(), "RegistryValue", "Value or <MultiStringValue>", "");
                    return null;
                }
                String body = String.join("[~]", multi);
                String encoded = switch (action) {
                    case "append" -> "[~]" + body;
                    case "prepend" -> body + "[~]";
                    default -> "[~]" + body + "[~]";
                };
                return new RegistryData(RegistryData.Type.MULTI_STRING, encoded);
            }
            default:
                if (!action.equals("write")) {
                    ctx.report(CompilerMessage.BAD_VALUE, a.at("Action"), "Action", action, "append and prepend apply to multiString values");
                }
                return RegistryData.string(value);
        }
    }

    private static String join(String parent, String key) {
        if (parent == null) return key;
        if (key == null || key.isEmpty()) return parent;
        return parent + "\\" + key;
    }

    static String generatedId(String root, String key, String name, String component) {
        return "reg" + Guids.nameBased(ID_NAMESPACE, root, key.toLowerCase(Locale.ROOT), String.valueOf(name), component)
                .replaceAll("[{}-]", "");
    }
}
