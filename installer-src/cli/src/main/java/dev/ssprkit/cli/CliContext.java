package dev.ssprkit.cli;

import dev.ssprkit.endpoint.preflight.Probe;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.WindowsRegistry;
import dev.ssprkit.sysprep.cli.Host;
import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the commands need from the machine they run on: environment variables ({@code SSPR_MSIEXEC}, {@code SSPR_DEBUG}),
 * the live registry (present only on Windows), the network probe, whether stderr is a terminal (progress lines) and
 * what the {@code sysprep} commands need ({@link Host}).
 * {@link #system()} is the real one; tests pass fakes so they never touch the registry or the network.
 */
record CliContext(Map<String, String> env, Supplier<Optional<RegistryStore>> liveRegistry, Probe probe, boolean interactive,
                  Host host) {
    static CliContext system() {
        return new CliContext(System.getenv(),
                () -> WindowsRegistry.isSupported() ? Optional.of(WindowsRegistry.open()) : Optional.empty(),
                Probe.tcp(), System.console() != null, Host.system());
    }

    /** Creates commands and mixins, handing this context to those whose constructor takes one. */
    CommandLine.IFactory factory() {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                    c.setAccessible(true);
                    return c.newInstance(CliContext.this);
                } catch (NoSuchMethodException e) {
                    return fallback.create(cls);
                }
            }
        };
    }
}
