package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.WixVariableSymbol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bind-time variables, resolved in every string cell: {@code !(loc.X)} (the culture's .wxl strings),
 * {@code !(wix.X)} (WixVariable, then command-line bind variables) and {@code !(bind.X.Y)} (facts about files and
 * properties, available once the files are read). {@code !(wix.X=value)} and {@code !(bind.X.Y=value)} fall back to
 * the inline value, as in WiX v4+. An undefined one is an error at the cell's source location.
 */
final class VariableResolver {
    /** kind, name, and the inline default after '=' (WiX's TryParseWixVariable: anything up to the closing parenthesis). */
    private static final Pattern VARIABLE = Pattern.compile("!\\((loc|wix|bind)\\.([^)=\\s]+)(?:=([^)]*))?\\)");

    private final BindContext ctx;
    private final Map<String, String> wix = new HashMap<>();

    VariableResolver(BindContext ctx) {
        this.ctx = ctx;
        wix.putAll(ctx.options.bindVariables());
        for (WixVariableSymbol v : ctx.linked.all(WixVariableSymbol.class)) wix.put(v.id(), v.value());
    }

    /** Resolves loc and wix variables everywhere (before binding reads any cell). */
    void resolveEarly() {
        resolveCells(false);
    }

    /** Resolves bind variables (after the file facts are known). */
    void resolveLate() {
        resolveCells(true);
    }

    private void resolveCells(boolean late) {
        for (var symbol : ctx.linked.symbols()) {
            if (!(symbol instanceof Row r)) continue;
            for (int i = 0; i < r.size(); i++) {
                if (r.get(i) instanceof String s && s.contains("!(")) r.set(i, cell(r, i, resolve(s, r.location(), late)));
            }
            for (String extra : new String[] {"Name", "ShortName", "SourceName", "ShortSourceName", "DefaultVersion", "DefaultLanguage"}) {
                if (r.extra(extra) instanceof String s && s.contains("!(")) r.extra(extra, resolve(s, r.location(), late));
            }
        }
    }

    /**
     * A resolved cell: integer columns (a localizable X, Width or font Size written as !(loc.X)) take the number the
     * string spells; anything else stays text and the table check reports it.
     */
    private static Object cell(Row r, int column, String value) {
        var kind = r.schema().columns().get(column).kind();
        if (kind != dev.ssprkit.msi.schema.ColumnKind.INT16 && kind != dev.ssprkit.msi.schema.ColumnKind.INT32) return value;
        if (value.contains("!(")) return value;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Resolves one string; variables of the other phase are left for it. */
    String resolve(String s, SourceLocation at, boolean late) {
        if (s == null || !s.contains("!(")) return s;
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1), name = m.group(2), inlineDefault = m.group(3);
            String value;
            if (kind.equals("bind")) {
                if (!late) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                value = bind(name);
                if (value == null) value = inlineDefault; // !(bind.X=default), as WiX's ResolveDelayedFieldsCommand
            } else if (late) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            } else {
                value = kind.equals("loc") ? ctx.options.localization().get(name) : wix.get(name);
                // !(wix.X=default) falls back to its inline value; WiX rejects one on a !(loc.X)
                if (value == null && kind.equals("wix")) value = inlineDefault;
            }
            if (value == null || (kind.equals("loc") && inlineDefault != null)) {
                ctx.report(CompilerMessage.UNDEFINED_BIND_TIME_VARIABLE, at, m.group(),
                        kind.equals("loc") && inlineDefault != null ? "a !(loc.X) takes no inline default; define the string in the .wxl" : hint(kind));
                value = "";
            } else if (!kind.equals("bind") && value.contains("!(")) {
                value = resolve(value, at, false); // a .wxl string may itself use wix variables
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String hint(String kind) {
        return switch (kind) {
            case "loc" -> "define the string in the .wxl of the culture being built (-loc FILE, -culture NAME)";
            case "wix" -> "define it with <WixVariable Id=\"...\" Value=\"...\"/> or on the command line (-bindvariable NAME=VALUE)";
            default -> "bind variables name a file's facts (!(bind.FileVersion.FileId), FileLanguage, FileSize) or a property (!(bind.property.Name))";
        };
    }

    /**
     * A bind variable: FileVersion / FileLanguage / FileSize of a File id, or property.X. The kind is matched without
     * regard to case, as WiX v4+ keeps these variables in a case-insensitive map (ProcessPropertiesCommand), so
     * {@code !(bind.fileversion.X)} is {@code !(bind.FileVersion.X)}.
     */
    private String bind(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) return null;
        String what = name.substring(0, dot).toLowerCase(Locale.ROOT), id = name.substring(dot + 1);
        if (what.equals("property")) { // WiX documents bind.property.X; its own templates write bind.Property.X
            Row p = ctx.linked.row("Property", id);
            if (p != null) return p.str("Value");
            if (id.startsWith("ProductVersion.")) return productVersionField(id.substring("ProductVersion.".length()));
            return switch (id) {
                case "ProductVersion" -> ctx.identity.version();
                case "ProductName" -> ctx.identity.name();
                case "Manufacturer" -> ctx.identity.manufacturer();
                case "ProductCode" -> ctx.db.tableOrNull("Property") == null ? null : null;
                case "UpgradeCode" -> ctx.identity.upgradeCode();
                case "ProductLanguage" -> Integer.toString(ctx.identity.language());
                default -> null;
            };
        }
        BindContext.FileFacts f = ctx.files.get(id);
        if (f == null) return null;
        Function<BindContext.FileFacts, String> fact = switch (what) {
            case "fileversion" -> x -> x.version == null ? "" : x.version;
            case "filelanguage" -> x -> x.language == null ? "" : x.language;
            case "filesize" -> x -> Long.toString(x.size);
            default -> null;
        };
        return fact == null ? null : fact.apply(f);
    }

    /**
     * {@code !(bind.property.ProductVersion.Major)} (also Minor, Build, Revision), which WiX v4+ adds when ProductVersion
     * parses as a .NET Version (2 to 4 fields; ResolveDelayedFieldsCommand): a field that is not written is -1, as
     * .NET's Version reports it. Null when the version does not parse or the field is unknown.
     */
    private String productVersionField(String field) {
        Row p = ctx.linked.row("Property", "ProductVersion");
        String version = p != null ? p.str("Value") : ctx.identity.version();
        if (version == null || !version.matches("\\d{1,10}(\\.\\d{1,10}){1,3}")) return null;
        String[] parts = version.split("\\.");
        for (String part : parts) if (Long.parseLong(part) > Integer.MAX_VALUE) return null;
        int index = switch (field) {
            case "Major" -> 0;
            case "Minor" -> 1;
            case "Build" -> 2;
            case "Revision" -> 3;
            default -> -1;
        };
        if (index < 0) return null;
        return index < parts.length ? Long.toString(Long.parseLong(parts[index])) : "-1";
    }
}
