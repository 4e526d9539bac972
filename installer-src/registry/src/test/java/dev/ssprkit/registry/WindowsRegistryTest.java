package dev.ssprkit.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowsRegistryTest {
    @Test
    @DisabledOnOs(OS.WINDOWS) // asserts the behaviour off Windows (CI is Debian); on Windows the real registry opens
    void elsewhereItRefusesToOpen() {
        assertFalse(WindowsRegistry.isSupported());
        assertThrows(dev.ssprkit.common.UnsupportedHereException.class, WindowsRegistry::open);
    }
}
