package dev.ssprkit.ca;

/**
 * A package for an architecture we have no custom-action DLL for (arm64): the compiler reports it at the element
 * that needs the library, so the author learns it at build time, never from a package that fails to install.
 */
public final class UnsupportedArchitectureException extends IllegalArgumentException {
    private final Architecture architecture;

    public UnsupportedArchitectureException(Architecture architecture, String what) {
        super(what + " is not supported for " + architecture.label() + " yet: ssprkit builds its custom-action library "
                + "for x86 and x64 only; build the package for x86 or x64");
        this.architecture = architecture;
    }

    public Architecture architecture() {
        return architecture;
    }
}
