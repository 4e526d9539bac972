package dev.ssprkit.sysprep.cache;

import dev.ssprkit.common.BadInputException;
import dev.ssprkit.sysprep.fakes.ProfileFixture;
import dev.ssprkit.sysprep.fakes.TreeSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheCleanerTest {
    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws IOException {
        ProfileFixture.deleteTree(tmp.resolve("image"));
    }

    /** Paths (relative to the image) of the cache roots in the fixture; Default's WebCache is a link and is not one. */
    private static Set<String> cacheRoots(boolean links) {
        Set<String> roots = new TreeSet<>();
        for (String profile : List.of("Administrator", "Default")) {
            for (CacheTarget t : CacheTargets.ALL) {
                if (links && profile.equals("Default") && t.name().equals("WebCache")) continue;
                roots.add("Users/" + profile + "/AppData/Local/Microsoft/Windows/" + t.name());
            }
        }
        return roots;
    }

    private static boolean inside(String rel, Set<String> roots) {
        return roots.stream().anyMatch(r -> rel.equals(r) || rel.startsWith(r + "/"));
    }

    private static List<ProfileRoot> profiles(Path image) {
        return List.of(ProfileRoot.verify(image.resolve("Users/Administrator")), ProfileRoot.verify(image.resolve("Users/Default")));
    }

    private static Set<String> removed(Path image, CleanReport r) {
        return r.removed().stream().map(e -> TreeSnapshot.rel(image, Path.of(e.path()))).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void removesEveryCacheEntryAndNothingElseAndTheDryRunSaysExactlyThat() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, true);
        TreeMap<String, String> before = TreeSnapshot.of(image);
        Set<String> roots = cacheRoots(true);
        Set<String> expectedRemoved = before.keySet().stream().filter(k -> inside(k, roots)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expectedRemoved.contains("Users/Administrator/AppData/Local/Microsoft/Windows/INetCache/escape"));

        CleanReport dry = new CacheCleaner().clean(profiles(image), true);
        assertEquals(before, TreeSnapshot.of(image), "a dry run deletes nothing");
        assertEquals(expectedRemoved, removed(image, dry));

        CleanReport real = new CacheCleaner().clean(profiles(image), false);
        assertTrue(real.succeeded(), real.toText());
        assertEquals(removed(image, dry), removed(image, real), "the dry run lists exactly what the real run deletes");
        assertEquals(dry.totals(), real.totals());

        TreeMap<String, String> after = TreeSnapshot.of(image);
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (inside(e.getKey(), roots)) {
                assertFalse(after.containsKey(e.getKey()), "cache entry left: " + e.getKey());
            } else {
                assertEquals(e.getValue(), after.get(e.getKey()), "entry outside the cache roots changed: " + e.getKey());
            }
        }
        assertEquals(before.size() - expectedRemoved.size(), after.size());
        // the symlinked WebCache of Default was skipped, not followed
        assertTrue(real.skipped().stream().anyMatch(s -> s.path().endsWith("Default/AppData/Local/Microsoft/Windows/WebCache")));
        assertTrue(Files.exists(image.resolve("Outside/precious.txt")));
    }

    @Test
    void countsAndBytesAddUp() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        CleanReport r = new CacheCleaner().clean(List.of(ProfileRoot.verify(image.resolve("Users/Administrator"))), true);
        long bytes = r.removed().stream().mapToLong(ReportEntry::bytes).sum();
        assertEquals(bytes, r.totals().bytes());
        assertEquals(r.removed().size(), r.totals().files() + r.totals().directories() + r.totals().links());
        assertTrue(r.totals().bytes() >= 5000);
        assertTrue(r.toJson().contains("\"removed\""));
        assertTrue(r.toText().contains("would remove file"));
    }

    @Test
    void aProfileRootThatIsALinkIsRefused() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, true);
        BadInputException e = assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("Users/LinkedAdmin")));
        assertTrue(e.getMessage().contains("LinkedAdmin") && e.getMessage().contains("link"), e.getMessage());
    }

    @Test
    void dotDotSegmentsAreRefused() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("Users/Default/../Administrator")));
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("Users/Administrator/AppData/Local/..")));
    }

    @Test
    void foldersThatAreNotProfilesAreRefused() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("Users")));
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("Outside/precious.txt")));
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(image.resolve("missing")));
        assertThrows(BadInputException.class, () -> ProfileRoot.verify(Path.of("/")));
        Path fake = tmp.resolve("image/Fake");
        Files.createDirectories(fake);
        Files.createSymbolicLink(fake.resolve("AppData"), image.resolve("Users/Administrator/AppData"));
        BadInputException e = assertThrows(BadInputException.class, () -> ProfileRoot.verify(fake));
        assertTrue(e.getMessage().contains("not a real folder"), e.getMessage());
    }

    @Test
    void aLinkOnTheWayToTheCacheFoldersSkipsThemAll() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.profile(image.resolve("elsewhere"), false, "x");
        Path p = image.resolve("p");
        Files.createDirectories(p.resolve("AppData/Local"));
        Files.createSymbolicLink(p.resolve("AppData/Local/Microsoft"), image.resolve("elsewhere/AppData/Local/Microsoft"));
        TreeMap<String, String> before = TreeSnapshot.of(image);
        CleanReport r = new CacheCleaner().clean(List.of(ProfileRoot.verify(p)), false);
        assertEquals(before, TreeSnapshot.of(image));
        assertTrue(r.removed().isEmpty());
        assertEquals(CacheTargets.ALL.size(), r.skipped().size());
    }

    @Test
    void namesMatchIgnoringCase() throws IOException {
        Path p = tmp.resolve("image/p");
        ProfileFixture.mixedCaseProfile(p);
        CleanReport r = new CacheCleaner().clean(List.of(ProfileRoot.verify(p)), false);
        assertTrue(r.succeeded());
        Path w = p.resolve("appdata/LOCAL/microsoft/windows");
        assertFalse(Files.exists(w.resolve("webcache")));
        assertFalse(Files.exists(w.resolve("INETCACHE")));
        assertTrue(Files.exists(w.resolve("keep.txt")));
        assertEquals(4, r.totals().removed());
    }

    @Test
    void aFailureIsReportedAndTheRestStillGoes() throws IOException {
        Path image = tmp.resolve("image");
        ProfileFixture.image(image, false);
        CacheCleaner cleaner = new CacheCleaner(CacheTargets.ALL, entry -> {
            if (entry.getFileName().toString().equals("WebCacheV01.dat")) throw new AccessDeniedException(entry.toString(), null, "in use");
            Files.delete(entry);
        });
        CleanReport r = cleaner.clean(List.of(ProfileRoot.verify(image.resolve("Users/Administrator"))), false);
        assertFalse(r.succeeded());
        Set<String> failed = r.failed().stream().map(e -> Path.of(e.path()).getFileName().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("WebCacheV01.dat", "WebCache"), failed, "the file and the folder that keeps it");
        Path w = image.resolve("Users/Administrator/AppData/Local/Microsoft/Windows");
        assertTrue(Files.exists(w.resolve("WebCache/WebCacheV01.dat")));
        assertFalse(Files.exists(w.resolve("WebCache/V01.log")), "siblings of the failed file still go");
        assertFalse(Files.exists(w.resolve("INetCache")));
        assertFalse(Files.exists(w.resolve("WebCacheLock.dat")));
        assertTrue(r.toText().toLowerCase(Locale.ROOT).contains("failed"));
    }
}
