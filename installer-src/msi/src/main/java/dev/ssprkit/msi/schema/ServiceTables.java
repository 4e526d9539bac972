package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.component;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/** Windows services: installing them, starting/stopping/deleting them, and their extended configuration. */
final class ServiceTables {
    private ServiceTables() {}

    static void declare(TableDeclarations t) {
        t.table("ServiceInstall",
                id("ServiceInstall").key().doc("Row key."),
                s("Name", 255).cat(FORMATTED).doc("Service name (the key under Services)."),
                l("DisplayName", 255).nullable().cat(FORMATTED).doc("Name shown in the services list."),
                i4("ServiceType").range(-2147483647, 2147483647).doc("Own process, shared process, interactive..."),
                i4("StartType").range(0, 4).doc("2 automatic, 3 on demand, 4 disabled (0 and 1 are for drivers)."),
                i4("ErrorControl").range(-2147483647, 2147483647).doc("What a start failure does; add 32768 to fail the installation."),
                s("LoadOrderGroup", 255).nullable().cat(FORMATTED).doc("Load-order group the service belongs to."),
                s("Dependencies", 255).nullable().cat(FORMATTED).doc("Services and groups (+name) started first, separated by [~]."),
                s("StartName", 255).nullable().cat(FORMATTED).doc("Account the service runs as; empty for LocalSystem."),
                s("Password", 255).nullable().cat(FORMATTED).doc("Password of that account."),
                s("Arguments", 255).nullable().cat(FORMATTED).doc("Arguments given to the service every time it starts."),
                component().doc("Component whose key file is the service's executable."),
                l("Description", 255).nullable().cat(TEXT).doc("Description shown in the services list; [~] clears it."));
        t.table("ServiceControl",
                id("ServiceControl").key().doc("Row key."),
                l("Name", 255).cat(FORMATTED).doc("Service to act on."),
                i2("Event").range(0, 187).doc("Bit flags: 1/2/8 start/stop/delete on install, 16/32/128 on removal."),
                l("Arguments", 255).nullable().cat(FORMATTED).doc("Start arguments, separated by [~]."),
                i2("Wait").nullable().range(0, 1).doc("1 to wait for the service to reach the new state."),
                component().doc("Component whose install or removal triggers the events."));
        t.table("MsiServiceConfig",
                id("MsiServiceConfig").key().doc("Row key."),
                l("Name", 255).cat(FORMATTED).doc("Service to configure."),
                i2("Event").range(0, 7).doc("When: 1 install, 2 removal, 4 reinstall."),
                i4("ConfigType").range(-2147483647, 2147483647).doc("Which setting: delayed auto-start, failure actions flag, SID type, privileges, pre-shutdown."),
                s("Argument", 0).nullable().cat(TEXT).doc("Value of the setting."),
                component().doc("Component that configures the service."));
        t.table("MsiServiceConfigFailureActions",
                id("MsiServiceConfigFailureActions").key().doc("Row key."),
                l("Name", 255).cat(FORMATTED).doc("Service to configure."),
                i2("Event").range(0, 7).doc("When: 1 install, 2 removal, 4 reinstall."),
                i4("ResetPeriod").nullable().range(0, 2147483647).doc("Seconds without failure after which the failure count resets."),
                l("RebootMessage", 255).nullable().cat(FORMATTED).doc("Message broadcast before a reboot action; [~] clears it."),
                l("Command", 255).nullable().cat(FORMATTED).doc("Command line run by a run-command action; [~] clears it."),
                s("Actions", 0).nullable().cat(TEXT).doc("Actions on successive failures (0 none, 1 restart, 2 reboot, 3 run command), separated by [~]."),
                s("DelayActions", 0).nullable().cat(TEXT).doc("Delays in milliseconds before each action, separated by [~]."),
                component().doc("Component that configures the service."));
    }
}
