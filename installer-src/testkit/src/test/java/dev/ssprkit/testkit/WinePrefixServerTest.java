package dev.ssprkit.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness's own promises about a prefix's wineserver, checked on the wineserver processes themselves: two
 * prefixes copied from one template are served by two servers in two folders; the persistent one started at boot is
 * the one found; after {@code close} none is left; and a registry query that reg.exe answers "not found" is null,
 * while a wineserver that died is reported as such instead of reading as a missing value.
 */
@Tag("interop")
class WinePrefixServerTest {
    @TempDir Path dir;

    @Test
    void eachPrefixHasItsOwnServerAndALostServerIsReportedNotReadAsMissing() {
        try (Wine a = Wine.start(dir.resolve("a")); Wine b = Wine.start(dir.resolve("b"))) {
            ServerDir da = ServerDir.of(a.prefix()), db = ServerDir.of(b.prefix());
            assertNotEquals(da.dir(), db.dir());
            // Debian's Wine outside a login session: a folder made for the prefix, named in the prefix (a copy of the
            // template would name the template's); with /run/user/UID or upstream's /tmp/.wine-UID the root is shared
            if (da.ownRoot() != null || db.ownRoot() != null) {
                assertNotEquals(da.ownRoot(), db.ownRoot(), "a copied prefix must not share the template's server folder");
            }
            List<Long> sa = da.servers(), sb = db.servers();
            assertEquals(1, sa.size(), "one wineserver serves prefix a: " + sa);
            assertEquals(1, sb.size(), "one wineserver serves prefix b: " + sb);
            assertNotEquals(sa, sb);
            assertTrue(a.serverState().contains("still running"), a.serverState());

            // reg.exe's own "not found" (exit 1, "Unable to find") is null, for a value and for a key
            assertNull(a.regValue("HKLM\\SOFTWARE\\ssprkit-harness", "Nope"));
            assertFalse(a.regKeyExists("HKLM\\SOFTWARE\\ssprkit-harness"));
            a.wine("reg", "add", "HKLM\\SOFTWARE\\ssprkit-harness", "/v", "V", "/t", "REG_DWORD", "/d", "7", "/f").assertOk();
            assertEquals("0x7", a.regValue("HKLM\\SOFTWARE\\ssprkit-harness", "V"));
            assertNull(b.regValue("HKLM\\SOFTWARE\\ssprkit-harness", "V"), "prefix b has its own registry");

            // the persistent wineserver killed outright (as a crash would): reported, whatever the next query answers
            Tool.run(List.of("kill", "-9", String.valueOf(sa.get(0)))).assertOk();
            String state = a.serverState();
            assertTrue(state.contains("is gone"), state);
            // and what that costs: the value added above was never saved, and the next query starts a new wineserver
            // that reads the registry from disk without it (what a test sees when Wine's server dies under it)
            assertNull(a.regValue("HKLM\\SOFTWARE\\ssprkit-harness", "V"));
        }
        ServerDir after = ServerDir.of(dir.resolve("b"));
        assertTrue(after.servers().isEmpty(), "close() leaves no wineserver of prefix b");
        if (after.ownRoot() != null) assertFalse(Files.exists(after.ownRoot()), "close() removes prefix b's own server folder");
    }
}
