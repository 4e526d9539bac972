package dev.ssprkit.wix.compile.model;

/** The id spaces of the intermediate model: a symbol is unique per kind, and references name a kind and an id. */
public enum Kind {
    DIRECTORY("Directory"), COMPONENT("Component"), COMPONENT_GROUP("ComponentGroup"), FEATURE("Feature"),
    FILE("File"), REGISTRY("Registry"), BINARY("Binary"), ICON("Icon"), CUSTOM_ACTION("CustomAction"),
    PROPERTY("Property"), SHORTCUT("Shortcut"), ENVIRONMENT("Environment"), SERVICE_INSTALL("ServiceInstall"),
    SERVICE_CONTROL("ServiceControl"), REMOVE_FILE("RemoveFile"), MEDIA("Media");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The element or table name authors know it by. */
    public String label() {
        return label;
    }
}
