package dev.ssprkit.uipreview.model;

/**
 * What a SelectionTree shows of a Feature row.
 *
 * @param display the Display column: 0 not shown, odd expanded, even collapsed (ordering by the number)
 */
public record FeatureSpec(String feature, String parent, String title, int display, int level) {}
