package dev.ssprkit.cli;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * build/RetargetClasses.java, the step that rewrites picocli's classes in sspr.jar, run on picocli's own jar: every
 * class comes out as version 52 with nothing else of the jar changed, the JVM's class-data sharing then archives
 * them where it refused the originals (its own log says so: "Pre JDK 6 class not supported by CDS"), and picocli
 * still behaves the same (its AutoComplete program prints the same usage).
 */
class RetargetClassesTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String REFUSED = "Pre JDK 6 class not supported by CDS";

    @TempDir Path dir;

    @Test
    void picocliComesOutAsVersion52AndGoesIntoTheSharedArchive() throws Exception {
        Path original = jarOf(CommandLine.class);
        Path rewritten = dir.resolve("picocli.jar");
        Files.copy(original, rewritten);
        Tool.Result r = Tool.run(List.of(JAVA, "-cp", jarOf(ClassReader.class).toString(), Path.of("build/RetargetClasses.java").toAbsolutePath().toString(),
                rewritten.toString(), "picocli/"), null, Map.of(), 300);
        r.assertOk();

        Map<String, Integer> before = versions(original), after = versions(rewritten);
        assertTrue(after.containsKey("META-INF/ssprkit-retargeted-classes.txt"), "the jar says its classes were changed");
        after.remove("META-INF/ssprkit-retargeted-classes.txt");
        assertEquals(before.keySet(), after.keySet(), "the same entries otherwise");
        assertTrue(before.entrySet().stream().anyMatch(e -> e.getKey().startsWith("picocli/") && e.getValue() == 49),
                "picocli's jar is compiled for Java 5: " + before.get("picocli/CommandLine.class"));
        after.forEach((name, v) -> {
            if (name.startsWith("picocli/") && name.endsWith(".class")) assertEquals(52, v, name);
        });
        assertTrue(r.stdout().contains(after.keySet().stream().filter(n -> n.startsWith("picocli/") && n.endsWith(".class")).count() + " classes"), r.stdout());

        Tool.Result o = archive(original, "o"), n = archive(rewritten, "n");
        assertTrue(o.stdout().contains(REFUSED + ": 49.0 picocli/CommandLine"), "the JVM refuses the original classes:\n" + o.stdout());
        assertFalse(n.stdout().contains(REFUSED), "the JVM archives the rewritten ones:\n" + n.stdout());
        assertEquals(usage(o), usage(n), "picocli prints the same usage");
        assertTrue(usage(n).contains("Usage: picocli.AutoComplete"), n.stdout());
    }

    /** Runs picocli's AutoComplete --help from {@code jar}, dumping a dynamic class-data archive at exit. */
    private Tool.Result archive(Path jar, String name) {
        Tool.Result r = Tool.run(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + dir.resolve(name + ".jsa"), "-Xlog:cds=warning",
                "-cp", jar.toString(), "picocli.AutoComplete", "--help"), null, Map.of(), 120);
        r.assertOk();
        return r;
    }

    private static String usage(Tool.Result r) {
        return r.stdout().lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
    }

    private static Path jarOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Each entry's class-file major version (0 for entries that are not classes). */
    private static Map<String, Integer> versions(Path jar) throws Exception {
        Map<String, Integer> v = new TreeMap<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                v.put(e.getName(), e.getName().endsWith(".class") ? new ClassReader(b).readUnsignedShort(6) : 0); // major_version, as ASM reads it
            }
        }
        return v;
    }
}
