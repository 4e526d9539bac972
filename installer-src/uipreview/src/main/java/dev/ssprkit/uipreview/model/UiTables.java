package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the user-interface tables of any package (ours, WiX's, another tool's) into a {@link UserInterface}.
 * Columns are found by name, so a foreign table with its own column layout is read as far as it has the SDK's
 * columns; a row whose key cells are missing is skipped with a note, a cell of the wrong kind reads as absent.
 */
public final class UiTables {
    private UiTables() {}

    public static UserInterface read(Database db, UiLimits limits) {
        List<PreviewNote> notes = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Row r : rows(db, "Property")) {
            String name = str(r, "Property");
            if (name != null) properties.putIfAbsent(name, str(r, "Value"));
        }
        Map<String, TextStyleSpec> styles = new LinkedHashMap<>();
        for (Row r : rows(db, "TextStyle")) {
            String name = str(r, "TextStyle");
            if (name == null) continue;
            styles.putIfAbsent(name, new TextStyleSpec(name, str(r, "FaceName"), num(r, "Size", 0), integer(r, "Color"), num(r, "StyleBits", 0)));
        }

        Map<String, List<ControlSpec>> controls = new HashMap<>();
        java.util.Set<String> overflowing = new java.util.HashSet<>();
        for (Row r : rows(db, "Control")) {
            String dialog = str(r, "Dialog_"), name = str(r, "Control");
            if (dialog == null || name == null) {
                notes.add(new PreviewNote(dialog, name, "a Control row without a dialog or control name is left out"));
                continue;
            }
            List<ControlSpec> list = controls.computeIfAbsent(dialog, d -> new ArrayList<>());
            if (list.size() >= limits.maxControls()) {
                if (overflowing.add(dialog)) notes.add(new PreviewNote(dialog, null, "more than " + limits.maxControls() + " controls; the rest are left out"));
                continue;
            }
            list.add(new ControlSpec(dialog, name, str(r, "Type"), num(r, "X", 0), num(r, "Y", 0), num(r, "Width", 0), num(r, "Height", 0),
                    num(r, "Attributes", 0), str(r, "Property"), str(r, "Text"), str(r, "Control_Next"), str(r, "Help"), r));
        }
        Map<String, List<ControlConditionSpec>> conditions = new HashMap<>();
        for (Row r : rows(db, "ControlCondition")) {
            String dialog = str(r, "Dialog_");
            if (dialog == null) continue;
            conditions.computeIfAbsent(dialog, d -> new ArrayList<>())
                    .add(new ControlConditionSpec(dialog, str(r, "Control_"), str(r, "Action"), str(r, "Condition"), r));
        }
        Map<String, List<ControlEventSpec>> events = new HashMap<>();
        for (Row r : rows(db, "ControlEvent")) {
            String dialog = str(r, "Dialog_");
            if (dialog == null) continue;
            events.computeIfAbsent(dialog, d -> new ArrayList<>())
                    .add(new ControlEventSpec(dialog, str(r, "Control_"), str(r, "Event"), str(r, "Argument"), str(r, "Condition"), r));
        }

        Map<String, DialogSpec> dialogs = new TreeMap<>();
        for (Row r : rows(db, "Dialog")) {
            String name = str(r, "Dialog");
            if (name == null || dialogs.containsKey(name)) continue;
            if (dialogs.size() >= limits.maxDialogs()) {
                notes.add(new PreviewNote(null, null, "more than " + limits.maxDialogs() + " dialogs; " + name + " and the rest are left out"));
                break;
            }
            List<ControlSpec> own = controls.getOrDefault(name, List.of());
            dialogs.put(name, new DialogSpec(name, num(r, "HCentering", 50), num(r, "VCentering", 50), num(r, "Width", 0), num(r, "Height", 0),
                    num(r, "Attributes", 0), str(r, "Title"), str(r, "Control_First"), str(r, "Control_Default"), str(r, "Control_Cancel"),
                    own, conditions.getOrDefault(name, List.of()), events.getOrDefault(name, List.of()), r));
        }

        Map<String, Map<String, List<ChoiceSpec>>> choices = new HashMap<>();
        for (String table : new String[] {"RadioButton", "ListBox", "ComboBox", "ListView"}) {
            Map<String, List<ChoiceSpec>> byProperty = new HashMap<>();
            for (Row r : rows(db, table)) {
                String property = str(r, "Property");
                if (property == null) continue;
                byProperty.computeIfAbsent(property, p -> new ArrayList<>()).add(new ChoiceSpec(property, num(r, "Order", 0), str(r, "Value"),
                        num(r, "X", 0), num(r, "Y", 0), num(r, "Width", 0), num(r, "Height", 0), str(r, "Text"), str(r, "Binary_")));
            }
            byProperty.values().forEach(l -> l.sort(Comparator.comparingInt(ChoiceSpec::order)));
            choices.put(table, byProperty);
        }
        Map<String, String> checkBoxes = new HashMap<>();
        for (Row r : rows(db, "CheckBox")) {
            String property = str(r, "Property");
            if (property != null) checkBoxes.putIfAbsent(property, str(r, "Value"));
        }
        Map<String, String> uiTexts = new HashMap<>();
        for (Row r : rows(db, "UIText")) {
            String key = str(r, "Key");
            if (key != null) uiTexts.putIfAbsent(key, str(r, "Text"));
        }
        List<FeatureSpec> features = new ArrayList<>();
        for (Row r : rows(db, "Feature")) {
            String feature = str(r, "Feature");
            if (feature != null) features.add(new FeatureSpec(feature, str(r, "Feature_Parent"), str(r, "Title"), num(r, "Display", 0), num(r, "Level", 1)));
        }
        Map<String, StreamData> binaries = new HashMap<>();
        for (Row r : rows(db, "Binary")) {
            String name = str(r, "Name");
            if (name != null && cell(r, "Data") instanceof StreamData s) binaries.putIfAbsent(name, s);
        }
        // controls whose Text an event replaces while the dialog shows (EventMapping, Attribute "Text": the selection
        // tree's SelectionDescription, ActionText, TimeRemaining...): their Text column is a placeholder
        java.util.Set<String> textByEvent = new java.util.HashSet<>();
        for (Row r : rows(db, "EventMapping")) {
            String dialog = str(r, "Dialog_"), control = str(r, "Control_");
            if (dialog != null && control != null && "Text".equals(str(r, "Attribute"))) textByEvent.add(UserInterface.key(dialog, control));
        }
        return new UserInterface(dialogs, styles, properties, choices, checkBoxes, uiTexts, features, binaries, textByEvent, notes);
    }

    private static List<Row> rows(Database db, String table) {
        Table t = db.tableOrNull(table);
        return t == null ? List.of() : t.rows();
    }

    private static Object cell(Row row, String column) {
        int i = row.table().schema().indexOf(column);
        return i < 0 ? null : row.get(i);
    }

    static String str(Row row, String column) {
        return cell(row, column) instanceof String s ? s : null;
    }

    static Integer integer(Row row, String column) {
        return cell(row, column) instanceof Integer n ? n : null;
    }

    static int num(Row row, String column, int absent) {
        Integer n = integer(row, column);
        return n == null ? absent : n;
    }
}
