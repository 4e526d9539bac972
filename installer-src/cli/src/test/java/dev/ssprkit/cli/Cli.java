package dev.ssprkit.cli;

import dev.ssprkit.endpoint.preflight.Probe;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.sysprep.cli.Host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs sspr in-process against a fake machine: given environment, optional "live" registry, a probe that never connects. */
final class Cli {
    record Run(int code, String out, String err) {}

    final Map<String, String> env;
    final RegistryStore live;
    final List<String> probed = new ArrayList<>();
    final String unreachable;
    /** What the sysprep commands see; the real machine unless a test replaces it. */
    Host host = Host.system();

    Cli(Map<String, String> env, RegistryStore live, String unreachableHost) {
        this.env = env;
        this.live = live;
        this.unreachable = unreachableHost;
    }

    /** No live registry (as on Linux), nothing reachable asked. */
    static Cli linux() {
        return new Cli(Map.of(), null, null);
    }

    CliContext context() {
        Probe probe = (host, port, timeout) -> {
            probed.add(host + ":" + port);
            return host.equals(unreachable) ? "fake: connection refused" : null;
        };
        return new CliContext(env, () -> Optional.ofNullable(live), probe, false, host);
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Sspr.run(context(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
