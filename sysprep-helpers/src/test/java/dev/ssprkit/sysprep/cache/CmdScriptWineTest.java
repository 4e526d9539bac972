package dev.ssprkit.sysprep.cache;

import dev.ssprkit.sysprep.fakes.ProfileFixture;
import dev.ssprkit.sysprep.fakes.TreeSnapshot;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated {@code clean-webcache.cmd} under {@code wine cmd /c} removes exactly what the Java cleaner removes
 * from an identical tree.
 *
 * <p>Limit: Wine's {@code rd /s} descends into Unix symbolic links inside the folder it removes (Windows' does not:
 * it removes a junction or symbolic link, not its target), so this fixture has no links inside cache folders; and it
 * fails on names starting with "..", so there are none either. A cache
 * folder that is itself a link is included: Wine reports it with the reparse-point attribute and the script skips it.
 */
@Tag("interop")
class CmdScriptWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void up() throws IOException {
        Files.writeString(wine.cDrive("C:\\clean-webcache.cmd"), new ScriptGenerator(CacheTargets.ALL).cmd());
    }

    @AfterAll
    static void down() throws IOException {
        for (String dir : List.of("java-image")) ProfileFixture.deleteTree(tmp.resolve(dir));
        if (wine != null) ProfileFixture.deleteTree(wine.cDrive("C:\\img"));
    }

    private static void fixture(Path image) throws IOException {
        ProfileFixture.image(image, false);
        // Wine's rd /s cannot delete names starting with "..", which Windows allows: leave them out here.
        for (String p : List.of("Administrator", "Default")) {
            Files.delete(image.resolve("Users/" + p + "/AppData/Local/Microsoft/Windows/INetCache/..hidden-dots.txt"));
        }
        Path w = image.resolve("Users/Default/AppData/Local/Microsoft/Windows");
        ProfileFixture.deleteTree(w.resolve("WebCache"));
        Files.createSymbolicLink(w.resolve("WebCache"), Path.of("../../../../../../Outside"));
    }

    private static Set<String> removedBetween(Map<String, String> before, Map<String, String> after) {
        Set<String> gone = new TreeSet<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) gone.add(e.getKey());
            else assertEquals(e.getValue(), after.get(e.getKey()), "changed: " + e.getKey());
        }
        assertEquals(before.size(), after.size() + gone.size(), "nothing new appears");
        return gone;
    }

    @Test
    void cmdRemovesTheSameSetAsTheJavaCleaner() throws IOException {
        Path javaImage = tmp.resolve("java-image");
        fixture(javaImage);
        TreeMap<String, String> javaBefore = TreeSnapshot.of(javaImage);
        CleanReport r = new CacheCleaner().clean(List.of(ProfileRoot.verify(javaImage.resolve("Users/Administrator")),
                ProfileRoot.verify(javaImage.resolve("Users/Default"))), false);
        assertTrue(r.succeeded(), r.toText());
        Set<String> javaRemoved = removedBetween(javaBefore, TreeSnapshot.of(javaImage));

        Path wineImage = wine.cDrive("C:\\img");
        fixture(wineImage);
        TreeMap<String, String> wineBefore = TreeSnapshot.of(wineImage);
        assertEquals(javaBefore, wineBefore, "identical fixtures");
        Tool.Result run = wine.wine("cmd", "/c", "C:\\clean-webcache.cmd", "C:\\img\\Users\\Administrator", "C:\\img\\Users\\Default");
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        Set<String> cmdRemoved = removedBetween(wineBefore, TreeSnapshot.of(wineImage));

        assertEquals(javaRemoved, cmdRemoved);
        assertTrue(javaRemoved.contains("Users/Administrator/AppData/Local/Microsoft/Windows/INetCache/Low/IE/ro/readonly.txt"));
        assertTrue(run.stdout().contains("skipped") && run.stdout().contains("WebCache"), run.stdout());
    }

    @Test
    void cmdRefusesFoldersThatAreNotProfiles() throws IOException {
        Path image = wine.cDrive("C:\\img2");
        Files.createDirectories(image.resolve("NotAProfile/Desktop"));
        ProfileFixture.profile(image.resolve("Real"), false, "r");
        Files.createSymbolicLink(image.resolve("Linked"), Path.of("Real"));
        TreeMap<String, String> before = TreeSnapshot.of(image);
        Tool.Result run = wine.wine("cmd", "/c", "C:\\clean-webcache.cmd", "C:\\img2\\NotAProfile", "C:\\img2\\Linked", "C:\\img2\\Missing");
        assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("does not look like a user profile"), run.stderr());
        assertTrue(run.stderr().contains("is a link"), run.stderr());
        assertTrue(run.stderr().contains("does not exist"), run.stderr());
        assertEquals(before, TreeSnapshot.of(image));
        ProfileFixture.deleteTree(image);
    }
}
