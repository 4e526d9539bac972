package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SwitchRegFilesTest {
    @TempDir Path dir;

    @Test
    void eachFileReadsBackAsTheSwitchsState() throws Exception {
        List<String> names = SwitchRegFiles.write(dir, true);
        assertEquals(List.of("logging-on.reg", "logging-off.reg", "tls12-enable.reg", "win10-policy.reg"), names);
        assertEquals(LoggingSwitch.State.ON, new LoggingSwitch(RegFile.read(dir.resolve("logging-on.reg"))).status());
        assertEquals(LoggingSwitch.State.OFF, new LoggingSwitch(RegFile.read(dir.resolve("logging-off.reg"))).status());
        assertTrue(new Tls12Settings(RegFile.read(dir.resolve("tls12-enable.reg")), true).status().enabled());
        assertEquals(Win10Policy.State.ENABLED, new Win10Policy(RegFile.read(dir.resolve("win10-policy.reg"))).status());
    }

    @Test
    void the32BitTlsFileHasNoWow6432Node() throws Exception {
        Map<String, RegFile> files = SwitchRegFiles.all(false);
        RegFile tls = files.get("tls12-enable.reg");
        assertFalse(tls.keyExists(RegistryKey.hklm("SOFTWARE\\Wow6432Node")));
        assertTrue(new Tls12Settings(tls, false).status().enabled());
    }
}
