package dev.ssprkit.sysprep.unattend;

/** What can be wrong with CopyProfile in an answer file; the IDs are stable and appear in every message. */
public enum Problem {
    MISSING("SSPR-U001", "CopyProfile is missing from component Microsoft-Windows-Shell-Setup of the specialize pass"),
    FALSE("SSPR-U002", "CopyProfile is false"),
    INVALID_VALUE("SSPR-U003", "CopyProfile is neither true nor false"),
    WRONG_PASS("SSPR-U004", "CopyProfile is in the wrong pass; it is only read in the specialize pass"),
    WRONG_ARCHITECTURE("SSPR-U005", "CopyProfile is in a component for another processor architecture"),
    WRONG_COMPONENT("SSPR-U006", "CopyProfile is not in component Microsoft-Windows-Shell-Setup"),
    WRONG_COMPONENT_IDENTITY("SSPR-U007", "the Shell-Setup component holding CopyProfile has wrong identity attributes"),
    DUPLICATE("SSPR-U008", "CopyProfile is set more than once in the specialize pass");

    private final String id;
    private final String summary;

    Problem(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }
}
