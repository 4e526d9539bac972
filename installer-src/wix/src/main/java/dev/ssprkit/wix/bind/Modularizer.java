package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.wix.model.Row;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modularization (the SDK's "Naming Primary Keys in Merge Module Databases"): every identifier a merge module defines
 * gets the module's GUID as suffix ({@code File1} → {@code File1.243FB739_4D05_472F_9CFB_EF6B1017B6DE}) so that it
 * cannot collide with the package's or another module's, including where formatted text refers to it
 * ({@code [#File1]}) and where conditions name properties. Which cells are touched, and how, follows each column's
 * category as WiX's table definitions map it ({@link ModularizeType}); standard actions and standard properties
 * (TARGETDIR, ProductCode, VersionNT...) keep their names, as do ids marked SuppressModularization.
 */
final class Modularizer {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    /** A property reference in formatted text: {@code [Name]}, {@code [#File]}, {@code [$Component]}, {@code [!File]}. */
    private static final Pattern FORMATTED_REFERENCE = Pattern.compile("\\[([#$!]?[A-Za-z_][A-Za-z0-9_.]*)]");
    /**
     * The parts of a condition, scanned left to right: a logical operator followed by a blank, a quoted string and an
     * environment variable are skipped; what remains is a name (with a component or feature state prefix).
     */
    private static final Pattern CONDITION_TOKEN = Pattern.compile(
            "(?i:NOT|EQV|XOR|OR|AND|IMP)\\s|\"[^\"]*\"|%[A-Za-z_][A-Za-z0-9_.]*|([!$?&]?[A-Za-z_][A-Za-z0-9_.]*)");

    private final BindContext ctx;
    private final String suffix;
    private final Set<String> suppressed = new HashSet<>();

    /** @param guid the module's GUID, braces optional */
    Modularizer(BindContext ctx, String guid) {
        this.ctx = ctx;
        this.suffix = suffix(guid);
    }

    /** {@code .GUID} with dashes as underscores and no braces, upper case: the suffix WiX and the SDK use. */
    static String suffix(String guid) {
        return "." + guid.replace("{", "").replace("}", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    String suffix() {
        return suffix;
    }

    void run() {
        for (var symbol : ctx.linked.symbols()) {
            if (symbol instanceof Row r && r.flag("SuppressModularization")) suppressed.add(r.str(r.schema().columns().get(0).name()));
        }
        for (var symbol : ctx.linked.symbols()) {
            if (symbol instanceof Row r) modularize(r);
        }
    }

    private void modularize(Row r) {
        var columns = r.schema().columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            ModularizeType type = ModularizeType.of(r.table(), c);
            if (type == ModularizeType.NONE || !(r.get(i) instanceof String value)) continue;
            r.set(i, modularize(r, type, value));
        }
    }

    private String modularize(Row r, ModularizeType type, String value) {
        if (StandardNames.isStandardAction(value) || StandardNames.isStandardProperty(value)) return value;
        if (type == ModularizeType.CONTROL_EVENT_ARGUMENT) {
            type = switch (String.valueOf(r.get("Event"))) {
                case "CheckExistingTargetPath", "CheckTargetPath", "DoAction", "NewDialog", "SelectionBrowse", "SetTargetPath",
                        "SpawnDialog", "SpawnWaitDialog" -> IDENTIFIER.matcher(value).matches() ? ModularizeType.COLUMN : ModularizeType.PROPERTY;
                default -> ModularizeType.PROPERTY;
            };
        } else if (type == ModularizeType.CONTROL_TEXT) {
            Object controlType = r.get("Type");
            type = ("Bitmap".equals(controlType) || "Icon".equals(controlType)) && IDENTIFIER.matcher(value).matches()
                    ? ModularizeType.COLUMN : ModularizeType.PROPERTY;
        }
        return switch (type) {
            // a value that is not an identifier (a formatted default, a number) is left as it is
            case COLUMN -> IDENTIFIER.matcher(value).matches() && !suppressed.contains(value) ? value + suffix : value;
            case PROPERTY -> references(value, FORMATTED_REFERENCE);
            case CONDITION -> references(value, CONDITION_TOKEN);
            case COMPANION_FILE -> !suppressed.contains(value) && !Character.isDigit(value.charAt(0)) ? value + suffix : value;
            case ICON -> {
                if (suppressed.contains(value)) yield value;
                int dot = value.lastIndexOf('.');
                yield dot < 0 ? value + suffix : value.substring(0, dot) + suffix + value.substring(dot);
            }
            case SEMICOLON_DELIMITED -> {
                String[] keys = value.split(";", -1);
                for (int k = 0; k < keys.length; k++) if (!keys[k].isEmpty()) keys[k] = keys[k] + suffix;
                yield String.join(";", keys);
            }
            default -> value;
        };
    }

    /** Appends the suffix to every name group 1 of {@code pattern} finds, unless it is standard or suppressed. */
    private String references(String value, Pattern pattern) {
        Matcher m = pattern.matcher(value);
        StringBuilder out = new StringBuilder(value.length() + 40);
        int last = 0;
        while (m.find()) {
            if (m.group(1) == null) continue;
            String name = m.group(1);
            if (StandardNames.isStandardProperty(name) || suppressed.contains(name)) continue;
            out.append(value, last, m.end(1)).append(suffix);
            last = m.end(1);
        }
        return out.append(value, last, value.length()).toString();
    }

    /** How one column's cells are modularized. */
    enum ModularizeType {
        NONE, COLUMN, ICON, COMPANION_FILE, CONDITION, CONTROL_EVENT_ARGUMENT, CONTROL_TEXT, PROPERTY, SEMICOLON_DELIMITED;

        /** Columns whose treatment differs from what their category implies (WiX's table definitions). */
        private static final Map<String, ModularizeType> OVERRIDES = Map.ofEntries(
                Map.entry("Condition.Feature_", NONE), Map.entry("BBControl.BBControl", NONE), Map.entry("BBControl.Type", NONE),
                Map.entry("Billboard.Feature_", NONE), Map.entry("Billboard.Action", NONE), Map.entry("Feature.Feature", NONE),
                Map.entry("Feature.Feature_Parent", NONE), Map.entry("Feature.Directory_", COLUMN), Map.entry("File.Version", COMPANION_FILE),
                Map.entry("Class.Context", NONE), Map.entry("Class.Icon_", ICON), Map.entry("Class.Feature_", NONE),
                Map.entry("Icon.Name", ICON), Map.entry("ProgId.Icon_", ICON), Map.entry("Control.Control", NONE),
                Map.entry("Control.Text", CONTROL_TEXT), Map.entry("Control.Control_Next", NONE), Map.entry("Dialog.Control_First", NONE),
                Map.entry("Dialog.Control_Default", NONE), Map.entry("Dialog.Control_Cancel", NONE), Map.entry("ControlCondition.Control_", NONE),
                Map.entry("ControlEvent.Control_", NONE), Map.entry("ControlEvent.Argument", CONTROL_EVENT_ARGUMENT),
                Map.entry("EventMapping.Control_", NONE), Map.entry("EventMapping.Event", NONE), Map.entry("EventMapping.Attribute", NONE),
                Map.entry("Extension.Feature_", NONE), Map.entry("FeatureComponents.Feature_", NONE), Map.entry("FileSFPCatalog.File_", COLUMN),
                Map.entry("InstallExecuteSequence.Action", NONE), Map.entry("InstallUISequence.Action", NONE),
                Map.entry("LockPermissions.Table", NONE), Map.entry("MsiLockPermissionsEx.Table", NONE), Map.entry("Media.Source", NONE),
                Map.entry("MsiAssembly.Feature_", NONE), Map.entry("MsiDigitalSignature.Table", NONE), Map.entry("PublishComponent.Feature_", NONE),
                Map.entry("Shortcut.Icon_", ICON), Map.entry("TextStyle.TextStyle", NONE), Map.entry("TypeLib.Feature_", NONE),
                Map.entry("Verb.Extension_", NONE), Map.entry("ModuleConfiguration.Name", NONE), Map.entry("ModuleIgnoreTable.Table", NONE),
                Map.entry("ModuleSubstitution.Table", NONE), Map.entry("ModuleSubstitution.Row", SEMICOLON_DELIMITED),
                Map.entry("ModuleSubstitution.Column", NONE), Map.entry("ModuleSubstitution.Value", NONE),
                Map.entry("ModuleDependency.RequiredID", NONE), Map.entry("ModuleExclusion.ExcludedID", NONE),
                Map.entry("Wix4DependencyProvider.Component_", COLUMN));

        static ModularizeType of(String table, Column c) {
            ModularizeType o = OVERRIDES.get(table + "." + c.name());
            if (o != null) return o;
            if (table.startsWith("_") || c.category() == null) return NONE;
            return switch (c.category()) {
                case IDENTIFIER, CUSTOM_SOURCE -> COLUMN;
                case CONDITION -> CONDITION;
                case ANY_PATH, FORMATTED, FORMATTED_SDDL, PATH, PATHS, REG_PATH, TEMPLATE, SHORTCUT -> PROPERTY;
                default -> NONE;
            };
        }
    }
}
