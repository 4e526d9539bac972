package dev.ssprkit.uipreview.model;

import dev.ssprkit.msi.model.Row;

/** A ControlEvent row: what a push button (or other control) publishes, e.g. NewDialog, EndDialog, [PROPERTY]. */
public record ControlEventSpec(String dialog, String control, String event, String argument, String condition, Row row) {}
