package dev.ssprkit.uipreview;

import dev.ssprkit.uipreview.model.UiLimits;

import java.util.Map;

/**
 * How dialogs are previewed.
 *
 * @param showHidden draw controls that would be hidden too, outlined with a dashed line
 * @param conditions evaluate ControlCondition rows (with the Property table and {@code properties}) as the installer
 *                   does when it shows the dialog; without, controls keep the state their Attributes give them
 * @param properties property values that override the Property table (e.g. {@code Installed=1} for the
 *                   maintenance dialogs' view)
 */
public record PreviewOptions(boolean showHidden, boolean conditions, Map<String, String> properties, UiLimits limits) {
    public PreviewOptions {
        properties = Map.copyOf(properties);
    }

    public static PreviewOptions defaults() {
        return new PreviewOptions(false, true, Map.of(), UiLimits.defaults());
    }

    public PreviewOptions withShowHidden(boolean show) {
        return new PreviewOptions(show, conditions, properties, limits);
    }

    public PreviewOptions withConditions(boolean evaluate) {
        return new PreviewOptions(showHidden, evaluate, properties, limits);
    }

    public PreviewOptions withProperties(Map<String, String> values) {
        return new PreviewOptions(showHidden, conditions, values, limits);
    }
}
