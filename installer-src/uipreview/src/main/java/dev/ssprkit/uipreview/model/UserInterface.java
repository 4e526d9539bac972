package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.StreamData;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything a package says about its dialogs, read once from its tables by {@link UiTables#read}: the dialogs with
 * their controls, conditions and events, the text styles, the property values, the choices of radio button groups
 * and lists, check box values, UIText strings, the features a selection tree lists and the Binary streams images
 * come from. No I/O beyond reading a Binary stream when asked.
 */
public final class UserInterface {
    private final Map<String, DialogSpec> dialogs;
    private final Map<String, TextStyleSpec> styles;
    private final Map<String, String> properties;
    private final Map<String, Map<String, List<ChoiceSpec>>> choices;
    private final Map<String, String> checkBoxValues;
    private final Map<String, String> uiTexts;
    private final List<FeatureSpec> features;
    private final Map<String, StreamData> binaries;
    private final java.util.Set<String> textByEvent;
    private final List<PreviewNote> notes;

    UserInterface(Map<String, DialogSpec> dialogs, Map<String, TextStyleSpec> styles, Map<String, String> properties,
                  Map<String, Map<String, List<ChoiceSpec>>> choices, Map<String, String> checkBoxValues, Map<String, String> uiTexts,
                  List<FeatureSpec> features, Map<String, StreamData> binaries, java.util.Set<String> textByEvent, List<PreviewNote> notes) {
        this.dialogs = Collections.unmodifiableMap(dialogs);
        this.styles = Collections.unmodifiableMap(styles);
        this.properties = Collections.unmodifiableMap(properties);
        this.choices = Collections.unmodifiableMap(choices);
        this.checkBoxValues = Collections.unmodifiableMap(checkBoxValues);
        this.uiTexts = Collections.unmodifiableMap(uiTexts);
        this.features = List.copyOf(features);
        this.binaries = Collections.unmodifiableMap(binaries);
        this.textByEvent = java.util.Set.copyOf(textByEvent);
        this.notes = List.copyOf(notes);
    }

    /** The dialogs by name, sorted by name. */
    public Map<String, DialogSpec> dialogs() {
        return dialogs;
    }

    public DialogSpec dialog(String name) {
        return dialogs.get(name);
    }

    public Map<String, TextStyleSpec> styles() {
        return styles;
    }

    /** The Property table. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The style named by the DefaultUIFont property, or null when it names none. */
    public TextStyleSpec defaultStyle() {
        String name = properties.get("DefaultUIFont");
        return name == null ? null : styles.get(name);
    }

    /** The choices (in Order) a control of {@code table} (RadioButton, ListBox, ComboBox, ListView) offers for a property. */
    public List<ChoiceSpec> choices(String table, String property) {
        Map<String, List<ChoiceSpec>> byProperty = choices.get(table);
        if (byProperty == null || property == null) return List.of();
        return byProperty.getOrDefault(property, List.of());
    }

    /** Whether the CheckBox table has a row for the property, and its value (null: checked means any value). */
    public boolean hasCheckBoxRow(String property) {
        return checkBoxValues.containsKey(property);
    }

    public String checkBoxValue(String property) {
        return checkBoxValues.get(property);
    }

    public String uiText(String key) {
        return uiTexts.get(key);
    }

    public List<FeatureSpec> features() {
        return features;
    }

    /** The Binary row's stream, or null when there is none. */
    public StreamData binary(String name) {
        return name == null ? null : binaries.get(name);
    }

    /**
     * Whether an EventMapping row has an event set the control's Text while the dialog shows (its Text column is
     * then only a placeholder, as for CustomizeDlg's item description or ProgressDlg's action text).
     */
    public boolean textSetByEvent(String dialog, String control) {
        return textByEvent.contains(key(dialog, control));
    }

    static String key(String dialog, String control) {
        return dialog + '\u0000' + control;
    }

    /** What reading the tables left out or found odd. */
    public List<PreviewNote> notes() {
        return notes;
    }
}
