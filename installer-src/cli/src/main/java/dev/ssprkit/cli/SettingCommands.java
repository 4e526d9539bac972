package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.endpoint.DwordSwitch;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * The endpoint settings' command groups — {@code logging}, {@code win10}, {@code tls} — built from one pattern:
 * change subcommands that write values (to the live registry, a .reg file, or a new .reg file: {@link RegistryChange})
 * and a {@code status} subcommand that reads them ({@link RegistrySource}) and prints text or JSON. Per setting only
 * what differs is written: which values, the words, and whether "not enabled" fails the status (logging's status is
 * information and always exits 0; the Windows 10 policy and TLS 1.2 are requirements and exit 1 unless met).
 */
final class SettingCommands {
    private SettingCommands() {}

    /** Writes a setting's values into a store. */
    interface Writer {
        void write(RegistryStore store) throws IOException;
    }

    /** What a status found: met or not, the JSON object, the text lines. */
    record Report(boolean met, Map<String, Object> json, List<String> text) {}

    /** Reads a setting's state from a store. */
    interface Reader {
        Report read(RegistryStore store) throws IOException;
    }

    /** A change subcommand: writes through {@link RegistryChange} and says where the change went. */
    @Command(mixinStandardHelpOptions = true)
    static final class Change implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryChange registry;
        private final CliContext ctx;
        private final Writer writer;
        private final UnaryOperator<String> done;

        Change(CliContext ctx, Writer writer, UnaryOperator<String> done) {
            this.ctx = ctx;
            this.writer = writer;
            this.done = done;
        }

        @Override
        public Integer call() throws Exception {
            String where = registry.apply(ctx, writer::write);
            spec.commandLine().getOut().println(done.apply(where));
            return Sspr.OK;
        }
    }

    /** A status subcommand: reads through {@link RegistrySource}, prints the report. */
    @Command(mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistrySource registry;
        @Option(names = "--json", description = "Machine-readable output.") boolean json;
        private final CliContext ctx;
        private final Reader reader;
        private final boolean required;

        Status(CliContext ctx, Reader reader, boolean required) {
            this.ctx = ctx;
            this.reader = reader;
            this.required = required;
        }

        @Override
        public Integer call() throws Exception {
            Report report = reader.read(registry.open(ctx));
            PrintWriter out = spec.commandLine().getOut();
            if (json) Json.print(out, report.json());
            else report.text().forEach(out::println);
            return report.met() || !required ? Sspr.OK : Sspr.FAILED;
        }
    }

    /** A group is not runnable: without a subcommand picocli answers with a usage error. */
    @Command(mixinStandardHelpOptions = true)
    static final class Group {}

    // ---- the settings --------------------------------------------------------------------------------------------

    static CommandLine logging(CliContext ctx) {
        DwordSwitch sw = DwordSwitch.LOGGING;
        CommandLine group = group("logging", "The add-in's verbose logging: DWORD EnableLogging under the credential provider key "
                + "(troubleshooting only; events go to the Application log, source AADPasswordResetCredentialProvider).");
        add(group, "on", "Set EnableLogging = 1.", new Change(ctx, s -> sw.set(s, true), where -> sw.where() + " = 1: " + where));
        add(group, "off", "Set EnableLogging = 0.", new Change(ctx, s -> sw.set(s, false), where -> sw.where() + " = 0: " + where));
        add(group, "status", "Show whether logging is on, off, not set, or set to something unexpected (exit 0 in every case).",
                new Status(ctx, s -> report(sw, sw.status(s), "logging", "on", "off", "not set (off)"), false));
        return group;
    }

    static CommandLine win10(CliContext ctx) {
        DwordSwitch sw = DwordSwitch.WIN10_PASSWORD_RESET;
        CommandLine group = group("win10", "Windows 10/11 \"Reset password\" at sign-in: the AllowPasswordReset policy (what the Intune profile sets).");
        add(group, "enable", "Set AllowPasswordReset = 1.", new Change(ctx, s -> sw.set(s, true), where -> sw.where() + " = 1: " + where));
        add(group, "status", "Show the policy; exit 1 unless it is enabled.",
                new Status(ctx, s -> report(sw, sw.status(s), "Windows 10 policy", "enabled", "disabled", "not set"), true));
        return group;
    }

    static CommandLine tls(CliContext ctx) {
        CommandLine group = group("tls", "TLS 1.2 for the add-in on Windows 7/8.1: SCHANNEL client/server, WinHTTP DefaultSecureProtocols, .NET strong crypto.");
        ArchOption enableArch = new ArchOption(), statusArch = new ArchOption();
        WinHttpOption winHttp = new WinHttpOption();
        CommandLine enable = add(group, "enable", "Write every TLS 1.2 value (a restart is needed afterwards).",
                new Change(ctx, s -> new Tls12Settings(s, enableArch.is64Bit(s), winHttp.bits()).enable(),
                        where -> "TLS 1.2 enabled: " + where + "; restart Windows for it to take effect"));
        enable.addMixin("arch", enableArch);
        enable.addMixin("winhttp", winHttp);
        CommandLine status = add(group, "status",
                "Check every TLS 1.2 value; \"auto-negotiate only\" (DisabledByDefault = 1) counts as not enabled. Exit 1 when not enabled.",
                new Status(ctx, s -> report(new Tls12Settings(s, statusArch.is64Bit(s)).status()), true));
        status.addMixin("arch", statusArch);
        group.getCommandSpec().aliases("tls12");
        return group;
    }

    /** {@code --winhttp}: the protocol bits OR-ed into DefaultSecureProtocols. */
    static final class WinHttpOption {
        @Option(names = "--winhttp", paramLabel = "BITS", defaultValue = "0xA00",
                description = "Protocol bits OR-ed into DefaultSecureProtocols: 0xA00 (TLS 1.1 + 1.2) or 0xAA0 (ConfigMgr guidance). Default: ${DEFAULT-VALUE}.")
        String value;

        int bits() {
            try {
                return Integer.decode(value);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("--winhttp needs a number such as 0xA00, not '" + value + "'");
            }
        }
    }

    // ---- reports ---------------------------------------------------------------------------------------------------

    /** A DWORD switch: {@code LABEL: WORDS (KEY\VALUE)}; JSON key, value, state, found. */
    static Report report(DwordSwitch sw, DwordSwitch.Status status, String label, String on, String off, String notSet) {
        String found = status.reading().found().map(RegistryValue::toString).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", sw.key().toString());
        json.put("value", sw.value());
        json.put("state", status.state().name());
        json.put("found", found);
        String words = switch (status.state()) {
            case ON -> on;
            case OFF -> off;
            case NOT_SET -> notSet;
            case UNEXPECTED -> "unexpected value " + found + " (expected DWORD 0 or 1)";
        };
        return new Report(status.state() == DwordSwitch.State.ON, json, List.of(label + ": " + words + " (" + sw.where() + ")"));
    }

    /** TLS 1.2: one line per value with its verdict; JSON enabled and values. */
    static Report report(Tls12Settings.Status status) {
        List<Map<String, Object>> values = new ArrayList<>();
        List<String> text = new ArrayList<>();
        text.add("TLS 1.2: " + (status.enabled() ? "enabled" : "NOT enabled"));
        for (Tls12Settings.ValueStatus v : status.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", v.key().toString());
            m.put("value", v.name());
            m.put("expected", v.expected());
            m.put("found", v.found() != null ? v.found() : v.reading().found().map(RegistryValue::toString).orElse(null));
            m.put("verdict", v.verdict().name());
            values.add(m);
            String found = v.found() != null ? "0x" + Long.toHexString(v.found()) : v.reading().display();
            text.add(String.format(Locale.ROOT, "  %-32s %s\\%s = %s (want %s)", label(v.verdict()), v.key(), v.name(), found, v.expected()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", status.enabled());
        json.put("values", values);
        return new Report(status.enabled(), json, text);
    }

    private static String label(Tls12Settings.Verdict v) {
        return switch (v) {
            case OK -> "ok";
            case MISSING -> "missing";
            case WRONG -> "wrong";
            case AUTO_NEGOTIATE_ONLY -> "auto-negotiate only (not enabled)";
        };
    }

    // ---- building ------------------------------------------------------------------------------------------------

    private static CommandLine group(String name, String description) {
        CommandLine group = new CommandLine(new Group());
        group.getCommandSpec().name(name);
        group.getCommandSpec().usageMessage().description(description);
        return group;
    }

    private static CommandLine add(CommandLine group, String name, String description, Object command) {
        CommandLine sub = new CommandLine(command);
        sub.getCommandSpec().usageMessage().description(description);
        group.addSubcommand(name, sub);
        return sub;
    }
}
