package dev.ssprkit.ca;

import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The system families under Wine's msiexec, in one v4 x64 package: util:CloseApplication (finds and ends a running
 * program), util:ServiceConfig (failure actions of a service the package installs, through Wine's service control
 * manager), fire:FirewallException in WiX v5's table (Wine's hnetcfg only pretends to keep rules and has no
 * INetFwRule2/INetFwRule3, so the check is that our action ran, which settings it gave each rule, and what Wine answered), the WM_SETTINGCHANGE broadcasts, and the OS queries (properties
 * whose expected values come from Windows' documentation: the well-known account names, IMAGE_FILE_MACHINE_AMD64 =
 * 0x8664 = 34404).
 */
@Tag("interop")
class SystemWineTest {
    static final String SLEEPER = "ssprkit-test-sleeper-x64.exe";
    static final String SERVICE = "SsprkitTestSvc";

    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;
    static Path msi;
    static Path serviceMsi;

    @BeforeAll
    static void build() throws Exception {
        Path payload = dir.resolve("payload");
        Files.createDirectories(payload);
        Path sleeper = payload.resolve(SLEEPER);
        try (InputStream in = SystemWineTest.class.getResourceAsStream("/dev/ssprkit/ca/" + SLEEPER)) {
            Files.copy(in, sleeper);
        }
        CaPackage p = new CaPackage("ssprkit System", SchemaGeneration.V4, Architecture.X64, payload);
        p.main.file("SleeperExe", sleeper, SLEEPER);

        // util:CloseApplication Target=sleeper TerminateProcess=5 Property=SLEEPERS
        p.use(ElementFamily.CLOSE_APPLICATION);
        p.row("Wix4CloseApplication", "CloseSleeper", SLEEPER, null, null, 0x20, 1, "SLEEPERS", 5, 2000);


        // fire:FirewallException Port=8080 Protocol=tcp Scope=any Profile=all, as WiX v5+ writes it (Wix5FirewallException)
        p.use(ElementFamily.FIREWALL_EXCEPTION);
        String unset = "-2147483648";
        p.row("Wix5FirewallException", "FwRule", "ssprkit test rule", "*", "8080", "6", null, 0, "2147483647", "Main", "allows the test port", 1,
                unset, unset, unset, null, null, null, null, null, null, null, null, null, null, null, null, unset);
        // WiX v5's new INetFwRule settings: Scope=localSubnet Protocol=udp Action=block Enabled=no Grouping, Interface and
        // InterfaceType children, LocalScope=localSubnet, RemotePort from a property, OnUpdate=doNothing, Outbound=yes
        p.row("Wix5FirewallException", "FwV5", "ssprkit v5 rule", "LocalSubnet", null, "17", null, 2, unset, "Main", null, 2,
                "0", unset, "0", "ssprkit rules", null, "Wi-Fi|Local Area Connection", "Lan,Wireless", "LocalSubnet", "[FW_REMOTE_PORT]", null,
                null, null, null, null, null, unset);
        // EdgeTraversal=deferToApp (INetFwRule2: Attributes 8), LocalUserOwner and IPSecSecureFlags=negotiateEncryption
        // (INetFwRule3: 16), IgnoreFailure=yes (1)
        p.row("Wix5FirewallException", "FwRule3", "ssprkit rule3", "*", "8081", "6", null, 1 | 8 | 16, unset, "Main", null, 1,
                unset, "2", unset, null, null, null, null, null, null, null, null, null, "S-1-5-18", null, null, "3");
        p.row("Property", "FW_REMOTE_PORT", "9090");

        for (ElementFamily f : List.of(ElementFamily.BROADCAST_SETTING_CHANGE, ElementFamily.BROADCAST_ENVIRONMENT_CHANGE,
                ElementFamily.QUERY_OS_INFO, ElementFamily.QUERY_OS_DIRS, ElementFamily.QUERY_OS_WELL_KNOWN_SID, ElementFamily.QUERY_NATIVE_MACHINE)) {
            p.use(f);
        }
        msi = p.write(dir.resolve("system.msi"));
        Path running = wine.cDrive("C:\\ssprkit-sys\\" + SLEEPER);
        Files.createDirectories(running.getParent());
        Files.copy(sleeper, running);

        // util:ServiceConfig for a service that exists already (NewService=0; the test creates it with sc.exe:
        // Wine 8's InstallServices did not create a ServiceInstall service here)
        CaPackage s = new CaPackage("ssprkit Service", SchemaGeneration.V4, Architecture.X64, dir.resolve("payload-svc"));
        s.use(ElementFamily.SERVICE_CONFIG);
        s.row("Wix4ServiceConfig", SERVICE, "Main", 0, "restart", "runCommand", "none", 2, 30, "\"C:\\ssprkit-sys\\" + SLEEPER + "\" 1", null);
        serviceMsi = s.write(dir.resolve("service.msi"));
        wine.wine("sc", "create", SERVICE, "binpath=", "C:\\ssprkit-sys\\" + SLEEPER, "start=", "demand").assertOk();
        // Wine 8's services.exe does not find a service created while it runs until it starts again (seen here: sc
        // query fails after sc create in a fresh prefix until the wineserver restarts), so restart the prefix's
        // processes: services.exe then reads the service from the registry.
        wine.restart();
        wine.wine("sc", "query", SERVICE).assertOk();
    }

    @Test
    void serviceConfigSetsFailureActions() throws Exception {
        WineLog.Run r = WineLog.msiexec(wine, dir.resolve("service.log"), "/i", serviceMsi.toString(), "/qn");
        assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));
        // Wine 8 accepts SERVICE_CONFIG_FAILURE_ACTIONS but keeps nothing (QueryServiceConfig2 answers error 124), so
        // what can be checked is that the action ran and ChangeServiceConfig2 accepted the settings.
        String svc = r.linesOf("ExecServiceConfig");
        assertTrue(svc.contains("service " + SERVICE + ": failure actions 1/3/0, reset after 172800 s, restart delay 30000 ms"), svc);
        assertEquals(0, wine.msiexec("/x", serviceMsi.toString(), "/qn").exitCode());
    }

    @Test
    void closeApplicationFirewallBroadcastsAndQueries() throws Exception {
        // A running instance for CloseApplication to find (started from the package's payload, outside the install folder).
        ProcessBuilder pb = new ProcessBuilder(Wine.command("C:\\ssprkit-sys\\" + SLEEPER, "120"));
        pb.environment().putAll(wine.environment());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process sleeper = pb.start();
        try {
            Thread.sleep(3000); // let Wine start it before the install looks for it

            WineLog.Run r = WineLog.msiexec(wine, dir.resolve("install.log"), "/i", msi.toString(), "/qn");
            assertEquals(0, r.exitCode(), () -> WineLog.tail(r.log()));

            // CloseApplication: found one instance, set the property, ended it with the exit code the row names
            assertTrue(r.linesOf("WixCloseApplications").contains("CloseSleeper: 1 running instance(s) of " + SLEEPER), r.linesOf("WixCloseApplications"));
            assertTrue(r.log().contains("Property(S): SLEEPERS = 1"), "SLEEPERS not set to 1");
            assertTrue(sleeper.waitFor(30, TimeUnit.SECONDS), "the running program was not ended");
            // Wine ends the Unix process with SIGKILL, so the Windows exit code (5) is visible only in our log line.
            assertTrue(r.linesOf("WixCloseApplicationsDeferred").matches("(?s).*ended process \\d+ \\(" + SLEEPER.replace(".", "\\.") + "\\) with exit code 5.*"),
                    r.linesOf("WixCloseApplicationsDeferred"));

            // Firewall: Wine's INetFwRules is a stub (Add and Remove answer S_OK and keep nothing, Item answers E_NOTIMPL),
            // so what shows is that the action ran, which settings it gave each rule, and what Wine answered
            String fw = r.linesOf("ExecFirewallExceptions");
            assertTrue(fw.contains("INetFwRules::Add(ssprkit test rule, port 8080, protocol 6, program any, profiles 0x7fffffff, direction 1) returned 0x00000000"), fw);
            assertTrue(fw.contains("INetFwRules::Item(ssprkit v5 rule) returned 0x80004001; adding the rule as a new one"), fw);
            assertTrue(fw.contains("rule ssprkit v5 rule: action block, enabled no, remote addresses LocalSubnet, local addresses LocalSubnet, "
                    + "remote ports 9090, grouping ssprkit rules, interfaces Wi-Fi|Local Area Connection, interface types Lan,Wireless\n"), fw);
            assertTrue(fw.contains("INetFwRules::Add(ssprkit v5 rule, port any, protocol 17, program any, profiles all, direction 2) returned 0x00000000"), fw);
            // Wine's rule object has no INetFwRule2 (E_NOINTERFACE): a rule that needs it fails, here ignored as the row says
            assertTrue(fw.contains("rule ssprkit rule3: action allow (default), enabled yes, edge traversal 2, remote addresses *, owner S-1-5-18, "
                    + "IPsec secure flags 3, uses INetFwRule2, uses INetFwRule3"), fw);
            assertTrue(fw.contains("INetFwRules::Add(ssprkit rule3, port 8081, protocol 6, program any, profiles all, direction 1) returned 0x80004002 at QueryInterface(INetFwRule2)"), fw);
            assertTrue(fw.contains("rule ssprkit rule3: failure ignored (the rule says so)"), fw);

            // broadcasts
            assertTrue(r.linesOf("WixBroadcastSettingChange").contains("WM_SETTINGCHANGE (all settings)"), r.linesOf("WixBroadcastSettingChange"));
            assertTrue(r.linesOf("WixBroadcastEnvironmentChange").contains("WM_SETTINGCHANGE (Environment)"), r.linesOf("WixBroadcastEnvironmentChange"));

            // OS queries
            assertTrue(r.log().contains("Property(S): WIX_ACCOUNT_LOCALSYSTEM = NT AUTHORITY\\SYSTEM"), "WIX_ACCOUNT_LOCALSYSTEM");
            assertTrue(r.log().contains("Property(S): WIX_ACCOUNT_ADMINISTRATORS = BUILTIN\\Administrators"), "WIX_ACCOUNT_ADMINISTRATORS");
            assertTrue(r.log().contains("Property(S): WIX_ACCOUNT_USERS_NODOMAIN = Users"), "WIX_ACCOUNT_USERS_NODOMAIN");
            assertTrue(r.log().contains("Property(S): WIX_NATIVE_MACHINE = 34404"), "WIX_NATIVE_MACHINE");
            assertTrue(r.log().matches("(?s).*Property\\(S\\): WIX_DIR_COMMON_DOCUMENTS = C:\\\\[^\\r\\n]*\\\\\r?\n.*"), "WIX_DIR_COMMON_DOCUMENTS");

            WineLog.Run u = WineLog.msiexec(wine, dir.resolve("uninstall.log"), "/x", msi.toString(), "/qn");
            assertEquals(0, u.exitCode(), () -> WineLog.tail(u.log()));
            String fwu = u.linesOf("ExecFirewallExceptions");
            for (String rule : List.of("ssprkit test rule", "ssprkit v5 rule", "ssprkit rule3")) {
                assertTrue(fwu.contains("INetFwRules::Remove(" + rule + ") returned 0x00000000"), fwu);
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
