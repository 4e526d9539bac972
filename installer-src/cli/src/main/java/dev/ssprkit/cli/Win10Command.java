package dev.ssprkit.cli;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Win10Policy;
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

/** {@code sspr win10 enable|status}: the Windows 10/11 policy AllowPasswordReset ({@link Win10Policy}). */
@Command(name = "win10", mixinStandardHelpOptions = true,
        description = "Windows 10/11 \"Reset password\" at sign-in: the AllowPasswordReset policy (what the Intune profile sets).",
        subcommands = {Win10Command.Enable.class, Win10Command.Status.class})
final class Win10Command {
    static String where() {
        return SsprKeys.AZURE_AD_ACCOUNT_POLICY + "\\" + Win10Policy.VALUE;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Set AllowPasswordReset = 1.")
    static final class Enable implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryChange registry;
        private final CliContext ctx;

        Enable(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String where = registry.apply(ctx, s -> new Win10Policy(s).enable());
            spec.commandLine().getOut().println(where() + " = 1: " + where);
            return Sspr.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the policy; exit 1 unless it is enabled.")
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
            Win10Policy.State state = new Win10Policy(store).status();
            String found = store.get(SsprKeys.AZURE_AD_ACCOUNT_POLICY, Win10Policy.VALUE).map(RegistryValue::toString).orElse(null);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", SsprKeys.AZURE_AD_ACCOUNT_POLICY.toString());
                m.put("value", Win10Policy.VALUE);
                m.put("state", state.name());
                m.put("found", found);
                Json.print(spec.commandLine().getOut(), m);
            } else {
                spec.commandLine().getOut().println("Windows 10 policy: " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (found == null ? "" : " (" + found + ")") + " (" + where() + ")");
            }
            return state == Win10Policy.State.ENABLED ? Sspr.OK : Sspr.FAILED;
        }
    }
}
