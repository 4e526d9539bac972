package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.registry.RegistryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr tls status|enable}: TLS 1.2 on Windows 7/8.1 (SCHANNEL, WinHTTP, .NET; {@link Tls12Settings}). */
@Command(name = "tls", aliases = "tls12", mixinStandardHelpOptions = true,
        description = "TLS 1.2 for the add-in on Windows 7/8.1: SCHANNEL client/server, WinHTTP DefaultSecureProtocols, .NET strong crypto.",
        subcommands = {TlsCommand.Status.class, TlsCommand.Enable.class})
final class TlsCommand {
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Write every TLS 1.2 value (a restart is needed afterwards).")
    static final class Enable implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryChange registry;
        @Mixin ArchOption arch;
        @Option(names = "--winhttp", paramLabel = "BITS", defaultValue = "0xA00",
                description = "Protocol bits OR-ed into DefaultSecureProtocols: 0xA00 (TLS 1.1 + 1.2) or 0xAA0 (ConfigMgr guidance). Default: ${DEFAULT-VALUE}.")
        String winHttp;
        private final CliContext ctx;

        Enable(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            int bits;
            try {
                bits = Integer.decode(winHttp);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("--winhttp needs a number such as 0xA00, not '" + winHttp + "'");
            }
            String where = registry.apply(ctx, s -> new Tls12Settings(s, arch.is64Bit(s), bits).enable());
            spec.commandLine().getOut().println("TLS 1.2 enabled: " + where + "; restart Windows for it to take effect");
            return Sspr.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Check every TLS 1.2 value; \"auto-negotiate only\" (DisabledByDefault = 1) counts as not enabled. Exit 1 when not enabled.")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistrySource registry;
        @Mixin ArchOption arch;
        @Option(names = "--json", description = "Machine-readable output.") boolean json;
        private final CliContext ctx;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RegistryStore store = registry.open(ctx);
            Tls12Settings.Status status = new Tls12Settings(store, arch.is64Bit(store)).status();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (Tls12Settings.ValueStatus v : status.values()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", v.key().toString());
                    m.put("value", v.name());
                    m.put("expected", v.expected());
                    m.put("found", v.found());
                    m.put("verdict", v.verdict().name());
                    values.add(m);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enabled", status.enabled());
                m.put("values", values);
                Json.print(out, m);
            } else {
                out.println("TLS 1.2: " + (status.enabled() ? "enabled" : "NOT enabled"));
                for (Tls12Settings.ValueStatus v : status.values()) {
                    String found = v.found() == null ? "absent" : "0x" + Long.toHexString(v.found());
                    out.printf("  %-32s %s\\%s = %s (want %s)%n", label(v.verdict()), v.key(), v.name(), found, v.expected());
                }
            }
            return status.enabled() ? Sspr.OK : Sspr.FAILED;
        }

        private static String label(Tls12Settings.Verdict v) {
            return switch (v) {
                case OK -> "ok";
                case MISSING -> "missing";
                case WRONG -> "wrong";
                case AUTO_NEGOTIATE_ONLY -> "auto-negotiate only (not enabled)";
            };
        }
    }
}
