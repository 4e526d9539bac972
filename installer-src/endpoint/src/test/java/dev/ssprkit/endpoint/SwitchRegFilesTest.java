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
        assertEquals(DwordSwitch.State.ON, DwordSwitch.LOGGING.status(RegFile.read(dir.resolve("logging-on.reg"))).state());
        assertEquals(DwordSwitch.State.OFF, DwordSwitch.LOGGING.status(RegFile.read(dir.resolve("logging-off.reg"))).state());
        assertTrue(new Tls12Settings(RegFile.read(dir.resolve("tls12-enable.reg")), true).status().enabled());
        assertEquals(DwordSwitch.State.ON, DwordSwitch.WIN10_PASSWORD_RESET.status(RegFile.read(dir.resolve("win10-policy.reg"))).state());
    }

    @Test
    void the32BitTlsFileHasNoWow6432Node() throws Exception {
        Map<String, RegFile> files = SwitchRegFiles.all(false);
        RegFile tls = files.get("tls12-enable.reg");
        assertFalse(tls.keyExists(RegistryKey.hklm("SOFTWARE\\Wow6432Node")));
        assertTrue(new Tls12Settings(tls, false).status().enabled());
    }
}
