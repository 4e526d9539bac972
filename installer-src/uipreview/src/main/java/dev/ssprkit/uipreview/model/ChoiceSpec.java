package dev.ssprkit.uipreview.model;

/**
 * One choice of a RadioButtonGroup (RadioButton table), ListBox, ComboBox or ListView, in its Order.
 * Position and size are only meaningful for radio buttons (relative to their group, in installer units); the
 * binary is a ListView item's icon.
 */
public record ChoiceSpec(String property, int order, String value, int x, int y, int width, int height, String text, String binary) {}
