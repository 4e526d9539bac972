package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.Row;

/** A ControlCondition row: when {@code condition} is true, {@code action} (Default, Disable, Enable, Hide, Show) applies. */
public record ControlConditionSpec(String dialog, String control, String action, String condition, Row row) {}
