package dev.ssprkit.cli;

import dev.ssprkit.endpoint.LoggingSwitch;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr logging on|off|status}: the add-in's verbose logging switch ({@link LoggingSwitch}). */
@Command(name = "logging", mixinStandardHelpOptions = true,
        description = "The add-in's verbose logging: DWORD EnableLogging under the credential provider key (troubleshooting only; "
                + "events go to the Application log, source AADPasswordResetCredentialProvider).",
        subcommands = {LoggingCommand.On.class, LoggingCommand.Off.class, LoggingCommand.Status.class})
final class LoggingCommand {
    static String where() {
        return SsprKeys.CREDENTIAL_PROVIDER + "\\" + LoggingSwitch.VALUE;
    }

    @Command(name = "on", mixinStandardHelpOptions = true, description = "Set EnableLogging = 1.")
    static final class On implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryChange registry;
        private final CliContext ctx;

        On(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String where = registry.apply(ctx, s -> new LoggingSwitch(s).enable());
            spec.commandLine().getOut().println(where() + " = 1: " + where);
            return Sspr.OK;
        }
    }

    @Command(name = "off", mixinStandardHelpOptions = true, description = "Set EnableLogging = 0.")
    static final class Off implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryChange registry;
        private final CliContext ctx;

        Off(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String where = registry.apply(ctx, s -> new LoggingSwitch(s).disable());
            spec.commandLine().getOut().println(where() + " = 0: " + where);
            return Sspr.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether logging is on, off, not set, or set to something unexpected (exit 0 in every case).")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistrySource registry;
        @Option(names = "--json", description = "Machine-readable output.") boolean json;
        private final CliContext ctx;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RegistryStore store = registry.open(ctx);
            LoggingSwitch.State state = new LoggingSwitch(store).status();
            String found = store.get(SsprKeys.CREDENTIAL_PROVIDER, LoggingSwitch.VALUE).map(RegistryValue::toString).orElse(null);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", SsprKeys.CREDENTIAL_PROVIDER.toString());
                m.put("value", LoggingSwitch.VALUE);
                m.put("state", state.name());
                m.put("found", found);
                Json.print(spec.commandLine().getOut(), m);
            } else {
                String text = switch (state) {
                    case ON -> "on";
                    case OFF -> "off";
                    case NOT_SET -> "not set (off)";
                    case UNEXPECTED -> "unexpected value " + found + " (expected DWORD 0 or 1)";
                };
                spec.commandLine().getOut().println("logging: " + text + " (" + where() + ")");
            }
            return Sspr.OK;
        }
    }
}
