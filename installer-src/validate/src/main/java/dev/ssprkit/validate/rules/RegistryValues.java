package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Registry and environment values.
 * <ul>
 * <li>ICE33: COM and file-association registration (CLSID, Interface, TypeLib, AppID, ProgIds, extensions under
 *     HKCR or Software\Classes) written as plain Registry rows instead of the Class/ProgId/Extension/TypeLib tables
 *     loses advertising and repair (warning). The SDK's ICE33 also recognises ProgIds by their CLSID subkeys.</li>
 * <li>ICE65: an Environment value has {@code [~]} only as its first or last characters (prepend/append), not inside
 *     and not at both ends.</li>
 * <li>ICE70: a Registry value that starts with {@code #} (DWORD) is a decimal integer or a formatted property
 *     ({@code #[PROP]}); {@code #x} values have an even number of hex digits.</li>
 * </ul>
 */
public final class RegistryValues implements Rule {
    private static final Pattern DWORD = Pattern.compile("#[+-]?\\d+|#\\[[^\\]]+]");
    private static final Pattern HEX = Pattern.compile("#x([0-9A-Fa-f]{2})*|#x\\[[^\\]]+]");

    @Override
    public List<String> ices() {
        return List.of("ICE33", "ICE65", "ICE70");
    }

    @Override
    public void check(Context ctx) {
        for (Row r : ctx.rows("Registry")) {
            int root = Context.integer(r, "Root", 2);
            String key = Context.text(r, "Key");
            String value = Context.text(r, "Value");
            if (key != null) {
                String k = key.toLowerCase(Locale.ROOT);
                String classes = root == 0 ? k : k.startsWith("software\\classes\\") ? k.substring("software\\classes\\".length()) : null;
                if (classes != null && (classes.startsWith("clsid\\") || classes.startsWith("interface\\") || classes.startsWith("typelib\\")
                        || classes.startsWith("appid\\") || classes.startsWith(".") || classes.matches("[a-z0-9_]+\\.[a-z0-9_.]+(\\\\.*)?"))) {
                    ctx.warning("ICE33", r, "Key", "registers COM or a file association (" + key
                            + ") through the Registry table; the Class, ProgId, Extension or TypeLib tables keep advertising and repair working");
                }
            }
            if (value != null && value.startsWith("#") && !value.startsWith("##") && !value.startsWith("#%")) {
                boolean ok = value.startsWith("#x") ? HEX.matcher(value).matches() : DWORD.matcher(value).matches();
                if (!ok) ctx.error("ICE70", r, "Value", "'" + value + "' is not a valid " + (value.startsWith("#x") ? "binary (#x + hex pairs)" : "integer (#n)") + " value");
            }
        }
        for (Row e : ctx.rows("Environment")) {
            String v = Context.text(e, "Value");
            if (v == null) continue;
            String inner = v;
            boolean starts = v.startsWith("[~]"), ends = v.endsWith("[~]") && v.length() > 3;
            if (starts && ends) {
                ctx.error("ICE65", e, "Value", "'" + v + "' has [~] at both ends");
                continue;
            }
            if (starts) inner = inner.substring(3);
            if (ends) inner = inner.substring(0, inner.length() - 3);
            if (inner.contains("[~]")) ctx.error("ICE65", e, "Value", "'" + v + "' has [~] inside the value; it may only prefix or suffix it");
        }
    }
}
