package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installer's own dialogs, as the SDK's ICE pages define the checks.
 * <ul>
 * <li>ICE31: a control's text that starts with a style tag ({@code {\Style}} or {@code {&Style}}) names a row of the
 *     TextStyle table (error; also for a tag without its closing brace, a name over 72 characters, or no TextStyle
 *     table); a tag later in the text, or a second tag, has no effect (warning); DefaultUIFont names a text style.
 *     ScrollableText controls (RTF) are not checked. Style names are compared ignoring case: the page's own example
 *     does not report {@code {\OKStyle}} against a table row {@code OkStyle}.</li>
 * <li>ICE34: a RadioButtonGroup control has a property (unless Indirect, 0x8, where its property names the property
 *     that holds the choice), and that property has a default in the Property table equal to one of the group's
 *     RadioButton values (a group without a default cannot be reached with the TAB key).</li>
 * <li>ICE44: NewDialog, SpawnDialog and SpawnWaitDialog events name a dialog of the Dialog table (an argument that
 *     is a formatted reference, {@code [PROPERTY]}, is decided at run time and not checked).</li>
 * <li>ICE17 (its control checks; the shortcut checks are in {@link Shortcuts}): a Bitmap or Icon control, and a
 *     PushButton or CheckBox with the Bitmap (0x40000) or Icon (0x80000) attribute, shows a Binary row named in its
 *     Text (error; both attributes at once is an error too), and so does each RadioButton of a RadioButtonGroup
 *     with one of them (its Text names the picture); an enabled PushButton has at least one ControlEvent (error); a
 *     RadioButtonGroup, ListBox, ComboBox or ListView control's property has rows in its table (warning).</li>
 * </ul>
 * ICE20 (the standard dialogs a package with its own UI needs) is {@link StandardDialogs}.
 */
public final class Dialogs implements Rule {
    static final int INDIRECT = 0x8;
    private static final Pattern TAG = Pattern.compile("\\{[\\\\&]([^}]*)(\\}?)");

    @Override
    public List<String> ices() {
        return List.of("ICE17", "ICE31", "ICE34", "ICE44");
    }

    @Override
    public void check(Context ctx) {
        if (!ctx.has("Dialog") && !ctx.has("Control")) return;
        textStyles(ctx);
        radioGroups(ctx);
        dialogEvents(ctx);
        controls(ctx);
    }

    static final int ENABLED = 0x2, BITMAP = 0x40000, ICON = 0x80000;

    private static void controls(Context ctx) {
        Set<String> binaries = new HashSet<>();
        for (Row b : ctx.rows("Binary")) binaries.add(Context.text(b, "Name"));
        Set<String> withEvents = new HashSet<>();
        for (Row e : ctx.rows("ControlEvent")) withEvents.add(Context.text(e, "Dialog_") + "/" + Context.text(e, "Control_"));
        Map<String, String> listTables = Map.of("RadioButtonGroup", "RadioButton", "ListBox", "ListBox", "ComboBox", "ComboBox", "ListView", "ListView");
        Map<String, Set<String>> listed = new HashMap<>();
        for (String table : new HashSet<>(listTables.values())) {
            Set<String> props = new HashSet<>();
            for (Row r : ctx.rows(table)) props.add(Context.text(r, "Property"));
            listed.put(table, props);
        }
        for (Row c : ctx.rows("Control")) {
            String type = Context.text(c, "Type"), text = Context.text(c, "Text");
            String where = Context.text(c, "Dialog_") + "." + Context.text(c, "Control");
            int attributes = Context.integer(c, "Attributes", 0);
            boolean picture = "Bitmap".equals(type) || "Icon".equals(type)
                    || (("PushButton".equals(type) || "CheckBox".equals(type)) && (attributes & (BITMAP | ICON)) != 0);
            if (("PushButton".equals(type) || "CheckBox".equals(type)) && (attributes & BITMAP) != 0 && (attributes & ICON) != 0) {
                ctx.error("ICE17", c, "Attributes", "control " + where + " has both the Bitmap and the Icon attribute");
            } else if (picture && text != null && !text.contains("[") && !binaries.contains(text)) {
                ctx.error("ICE17", c, "Text", "the picture '" + text + "' of control " + where + " is not in the Binary table");
            }
            if ("RadioButtonGroup".equals(type) && (attributes & (BITMAP | ICON)) != 0 && Context.text(c, "Property") != null) {
                for (Row b : ctx.rowsWith("RadioButton", "Property", Context.text(c, "Property"))) {
                    String shown = Context.text(b, "Text");
                    if (shown != null && !shown.contains("[") && !binaries.contains(shown)) {
                        ctx.error("ICE17", b, "Text", "the picture '" + shown + "' of a button of the RadioButtonGroup " + where + " is not in the Binary table");
                    }
                }
            }
            // a disabled button (no Enabled bit, 0x2) needs no event: WiX's own exit dialogs ship disabled Back buttons
            if ("PushButton".equals(type) && (attributes & ENABLED) != 0
                    && !withEvents.contains(Context.text(c, "Dialog_") + "/" + Context.text(c, "Control"))) {
                ctx.error("ICE17", c, "Control", "PushButton " + where + " has no event in the ControlEvent table");
            }
            String table = listTables.get(type);
            String property = Context.text(c, "Property");
            // FileInUseProcess: the installer fills the FilesInUse dialog's list itself (the SDK's FilesInUse Dialog page)
            if (table != null && property != null && (attributes & INDIRECT) == 0 && !"FileInUseProcess".equals(property)) {
                if (!listed.get(table).contains(property)) {
                    ctx.warning("ICE17", c, "Property", type + " " + where + " lists property " + property + ", which has no rows in the " + table + " table");
                }
            }
        }
    }

    private static void textStyles(Context ctx) {
        Set<String> styles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Row s : ctx.rows("TextStyle")) styles.add(Context.text(s, "TextStyle"));
        String defaultFont = ctx.property("DefaultUIFont");
        if (defaultFont != null && !styles.contains(defaultFont)) {
            ctx.reportPackage("ICE31", dev.ssprkit.validate.Severity.ERROR, "DefaultUIFont names '" + defaultFont + "', which is not in the TextStyle table");
        }
        for (Row c : ctx.rows("Control")) {
            if ("ScrollableText".equals(Context.text(c, "Type"))) continue;
            String text = Context.text(c, "Text");
            if (text == null || text.indexOf('{') < 0) continue;
            String where = Context.text(c, "Dialog_") + "." + Context.text(c, "Control");
            Matcher m = TAG.matcher(text);
            int tags = 0;
            int expectedAt = 0;
            while (m.find()) {
                tags++;
                String name = m.group(1);
                boolean leading = m.start() == expectedAt;
                if (m.group(2).isEmpty()) {
                    ctx.error("ICE31", c, "Text", "control " + where + " has a text style tag without its closing brace");
                    break;
                }
                if (!leading || tags > 1) {
                    ctx.warning("ICE31", c, "Text", "the text style tag {" + text.charAt(m.start() + 1) + name + "} in control " + where
                            + (leading ? " follows another one" : " is not at the start of the text") + ": it has no effect and shows as text");
                    expectedAt = -1;
                    continue;
                }
                expectedAt = m.end();
                if (name.length() > 72) {
                    ctx.error("ICE31", c, "Text", "control " + where + " names a text style longer than 72 characters, which cannot be a TextStyle key");
                } else if (!ctx.has("TextStyle")) {
                    ctx.error("ICE31", c, "Text", "control " + where + " uses text style " + name + ", but the package has no TextStyle table");
                } else if (!styles.contains(name)) {
                    ctx.error("ICE31", c, "Text", "control " + where + " uses text style " + name + ", which is not in the TextStyle table");
                }
            }
        }
    }

    private static void radioGroups(Context ctx) {
        Map<String, Set<String>> choices = new HashMap<>();
        for (Row b : ctx.rows("RadioButton")) {
            choices.computeIfAbsent(Context.text(b, "Property"), k -> new HashSet<>()).add(Context.text(b, "Value"));
        }
        for (Row c : ctx.rows("Control")) {
            if (!"RadioButtonGroup".equals(Context.text(c, "Type"))) continue;
            String where = Context.text(c, "Dialog_") + "." + Context.text(c, "Control");
            String property = Context.text(c, "Property");
            if (property == null) {
                ctx.error("ICE34", c, "Property", "control " + where + " is a RadioButtonGroup and needs a property");
                continue;
            }
            boolean indirect = (Context.integer(c, "Attributes", 0) & INDIRECT) != 0;
            String holder = property;
            if (indirect) {
                holder = ctx.property(property);
                if (holder == null) {
                    ctx.error("ICE34", c, "Property", "property " + property + " of the indirect RadioButtonGroup " + where
                            + " must be defined in the Property table: it names the property that holds the choice");
                    continue;
                }
            }
            Set<String> values = choices.getOrDefault(property, Set.of());
            String value = ctx.property(holder);
            if (value == null) {
                ctx.error("ICE34", c, "Property", "property " + holder + " of the RadioButtonGroup " + where
                        + " has no default in the Property table; without one the group cannot be reached with the TAB key");
            } else if (!values.isEmpty() && !values.contains(value)) {
                ctx.error("ICE34", c, "Property", "'" + value + "' is not a valid default for the RadioButtonGroup " + where
                        + " (property " + holder + "): it must be one of the group's RadioButton values " + new TreeSet<>(values));
            }
        }
    }

    private static void dialogEvents(Context ctx) {
        Set<String> dialogs = new HashSet<>();
        for (Row d : ctx.rows("Dialog")) dialogs.add(Context.text(d, "Dialog"));
        for (Row e : ctx.rows("ControlEvent")) {
            String event = Context.text(e, "Event");
            if (event == null || !Set.of("NewDialog", "SpawnDialog", "SpawnWaitDialog").contains(event)) continue;
            String argument = Context.text(e, "Argument");
            if (argument == null || argument.contains("[")) continue;
            if (!dialogs.contains(argument)) {
                ctx.error("ICE44", e, "Argument", "the " + event + " event of control " + Context.text(e, "Dialog_") + "." + Context.text(e, "Control_")
                        + " names dialog " + argument + ", which is not in the Dialog table");
            }
        }
    }
}
