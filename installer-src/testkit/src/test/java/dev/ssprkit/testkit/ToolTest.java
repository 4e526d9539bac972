package dev.ssprkit.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing oracle or file skips a test locally and fails it where interop tests are required. */
class ToolTest {
    @Test
    void aMissingCapabilitySkipsLocallyAndFailsWhenRequired() {
        assertThrows(TestAbortedException.class, () -> Tool.requireThat(false, "a folder", false));
        AssertionError e = assertThrows(AssertionError.class, () -> Tool.requireThat(false, "Wine's DLL folder", true));
        assertTrue(e.getMessage().contains("Wine's DLL folder") && e.getMessage().contains("SSPRKIT_INTEROP_REQUIRED"), e.getMessage());
        assertDoesNotThrow(() -> Tool.requireThat(true, "a folder", true));
    }
}
