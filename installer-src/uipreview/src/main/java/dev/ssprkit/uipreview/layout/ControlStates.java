package dev.ssprkit.uipreview.layout;

import dev.ssprkit.uipreview.model.ControlAttributes;
import dev.ssprkit.uipreview.model.ControlConditionSpec;
import dev.ssprkit.uipreview.model.ControlSpec;
import dev.ssprkit.uipreview.model.DialogSpec;
import dev.ssprkit.uipreview.model.PreviewNote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a control shows, is enabled and is the default button, given property values: its Attributes (bit 0
 * visible, bit 1 enabled) and then its ControlCondition rows in table order, each true condition applying its
 * Action (Show, Hide, Enable, Disable, Default), as the SDK's ControlCondition table describes. Conditions are parsed
 * once per dialog; one that cannot be parsed never applies and is reported.
 */
public final class ControlStates {
    /** One parsed ControlCondition row. */
    public record Rule(String action, Condition condition) {}

    /** What a control looks like under some property values. */
    public record State(boolean visible, boolean enabled, boolean isDefault) {}

    private final Map<String, List<Rule>> rules = new HashMap<>();
    private final List<PreviewNote> notes = new ArrayList<>();

    public ControlStates(DialogSpec dialog, int maxConditionChars) {
        for (ControlConditionSpec c : dialog.conditions()) {
            if (c.control() == null || c.action() == null) continue;
            try {
                Condition parsed = Condition.parse(c.condition(), maxConditionChars);
                rules.computeIfAbsent(c.control(), k -> new ArrayList<>()).add(new Rule(c.action(), parsed));
            } catch (ConditionException e) {
                notes.add(new PreviewNote(dialog.name(), c.control(), "the " + c.action() + " condition is not used: " + e.getMessage()));
            }
        }
    }

    /** The control's parsed conditions, in table order. */
    public List<Rule> rules(String control) {
        return rules.getOrDefault(control, List.of());
    }

    public List<PreviewNote> notes() {
        return notes;
    }

    /** The control's state from its attributes alone. */
    public static State initial(ControlSpec c, boolean isDefault) {
        return new State(c.has(ControlAttributes.VISIBLE), c.has(ControlAttributes.ENABLED), isDefault);
    }

    /** The control's state once its conditions have been evaluated with {@code property}. */
    public State state(ControlSpec c, boolean initiallyDefault, Function<String, String> property) {
        boolean visible = c.has(ControlAttributes.VISIBLE), enabled = c.has(ControlAttributes.ENABLED), isDefault = initiallyDefault;
        for (Rule r : rules(c.name())) {
            if (!r.condition().evaluate(property)) continue;
            switch (r.action()) {
                case "Show" -> visible = true;
                case "Hide" -> visible = false;
                case "Enable" -> enabled = true;
                case "Disable" -> enabled = false;
                case "Default" -> isDefault = true;
                default -> { }
            }
        }
        return new State(visible, enabled, isDefault);
    }
}
