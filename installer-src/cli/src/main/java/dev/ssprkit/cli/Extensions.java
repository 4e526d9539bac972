package dev.ssprkit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Subcommands that live in other modules (the WiX build, sysprep helpers, endpoint tools) and are added when their
 * classes are on the class path, so this module does not depend on all of them at compile time.
 */
final class Extensions {
    private static final String[] CLASSES = {
        "dev.ssprkit.cli.build.BuildCommand",
        "dev.ssprkit.sysprep.cli.SysprepCommand",
    };

    private Extensions() {}

    static List<Object> subcommands() {
        List<Object> out = new ArrayList<>();
        for (String name : CLASSES) {
            try {
                out.add(Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException e) {
                // that module is not part of this distribution
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create subcommand " + name, e);
            }
        }
        return out;
    }
}
