package dev.ssprkit.cli;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sspr's own class-data archive (ClassDataArchive for plain {@code java -jar}, bin/sspr in shell): the first
 * successful build makes it in the user's cache, later runs map their classes from it, and it is never made from a
 * failed build, for another jar, or when switched off. Whether the JVM really maps a class from the archive is read
 * from the JVM's own class-loading log ("source: shared objects file (top)" against "source: file:...jar").
 */
class ClassDataArchiveTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FROM_ARCHIVE = "Hello source: shared objects file (top)";

    @TempDir Path dir;

    @Test
    void aBuildMakesTheArchiveAndLaterRunsUseItUntilTheJarChanges() throws Exception {
        Path jar = Files.writeString(dir.resolve("sspr.jar"), "a jar");
        Path java = Files.writeString(dir.resolve("java"), "a JVM");
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        assertTrue(ClassDataArchive.of(env, java, jar, List.of(), "inspect").isEmpty(), "only a build makes one");

        ClassDataArchive make = ClassDataArchive.of(env, java, jar, List.of("-Xmx1g"), "build").orElseThrow();
        Path cds = dir.resolve("home/.cache/ssprkit/cds");
        assertEquals(cds, make.archive().getParent(), "in ~/.cache/ssprkit/cds");
        assertEquals(3, make.flags().size());
        assertTrue(make.flags().get(0).startsWith("-XX:ArchiveClassesAtExit=" + cds + "/."), make.flags().toString());
        Path temporary = Path.of(make.flags().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        assertTrue(Files.isRegularFile(temporary), "made before the JVM starts, to know the JVM can write there");
        assertEquals("-D" + Sspr.STATUS_FILE + "=" + temporary + ".status", make.flags().get(1));
        assertEquals(ClassDataArchive.QUIET, make.flags().get(2));
        Path status = Path.of(temporary + ".status");

        Files.writeString(temporary, "dumped");
        assertEquals(3, make.finish(3));
        assertFalse(Files.exists(temporary), "a failed build's dump is removed");
        assertFalse(Files.exists(make.archive()), "and does not become the archive");

        // the JVM could not write the archive at exit (exit status 1) after the build recorded its own success
        Files.writeString(temporary, "half an archive");
        Sspr.recordStatus(0, status.toString());
        assertEquals(0, make.finish(1), "the build's own status");
        assertFalse(Files.exists(make.archive()), "a dump the JVM failed is not used");
        assertFalse(Files.exists(status));
        Files.writeString(temporary, "dumped");
        Sspr.recordStatus(4, status.toString());
        assertEquals(4, make.finish(0), "the recorded status wins over the JVM's");
        assertFalse(Files.exists(make.archive()));

        Files.writeString(temporary, "dumped");
        Sspr.recordStatus(0, status.toString());
        assertEquals(0, make.finish(0));
        assertEquals("dumped", Files.readString(make.archive()), "a successful build's dump becomes the archive");
        assertFalse(Files.exists(temporary));
        assertFalse(Files.exists(status));

        ClassDataArchive use = ClassDataArchive.of(env, java, jar, List.of(), "extract").orElseThrow();
        assertEquals(List.of("-XX:SharedArchiveFile=" + make.archive(), ClassDataArchive.QUIET), use.flags(), "any command uses it");

        String before = ClassDataArchive.key(java, jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertNotEquals(before, ClassDataArchive.key(java, jar), "another jar, another archive");
        assertTrue(ClassDataArchive.of(env, java, jar, List.of(), "extract").isEmpty());
        Files.writeString(java, "another JVM");
        assertNotEquals(before, ClassDataArchive.key(java, jar), "another JVM, another archive");
    }

    @Test
    void switchedOffOrChosenByTheUserOrWithoutACacheFolder() throws Exception {
        Path jar = Files.writeString(dir.resolve("sspr.jar"), "a jar");
        Path java = Files.writeString(dir.resolve("java"), "a JVM");
        Map<String, String> home = Map.of("HOME", dir.toString());
        assertTrue(ClassDataArchive.of(Map.of("HOME", dir.toString(), "SSPR_CDS", "off"), java, jar, List.of(), "build").isEmpty());
        assertTrue(ClassDataArchive.of(home, java, jar, List.of("-Xshare:off"), "build").isEmpty());
        assertTrue(ClassDataArchive.of(home, java, jar, List.of("-XX:SharedArchiveFile=/x.jsa"), "build").isEmpty());
        assertTrue(ClassDataArchive.of(Map.of(), java, jar, List.of(), "build").isEmpty(), "no HOME, no XDG_CACHE_HOME");
        Optional<ClassDataArchive> xdg = ClassDataArchive.of(Map.of("HOME", dir.toString(), "XDG_CACHE_HOME", dir.resolve("xdg").toString()),
                java, jar, List.of(), "build");
        assertEquals(dir.resolve("xdg/ssprkit/cds"), xdg.orElseThrow().archive().getParent(), "XDG_CACHE_HOME first");
    }

    /**
     * bin/sspr itself, in a copy beside a small jar (a class that prints its arguments and fails when asked): the real
     * JVM dumps and maps the archive.
     */
    @Test
    void theLauncherScriptMakesItOnceAndTheJvmMapsItsClasses() throws Exception {
        Path bin = dist();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cds = home.resolve(".cache/ssprkit/cds");

        Tool.Result failed = sspr(bin, home, Map.of(), "build", "fail");
        assertEquals(3, failed.exitCode(), failed.stderr());
        assertEquals(List.of(), archives(cds), "a failed build leaves no archive and no temporary file");
        Tool.Result other = sspr(bin, home, Map.of(), "inspect", "x");
        other.assertOk();
        assertEquals(List.of(), archives(cds), "only a build makes one");

        Tool.Result first = sspr(bin, home, Map.of(), "build", "x.wxs");
        first.assertOk();
        assertEquals("hello build x.wxs\n", first.stdout(), "nothing of the JVM's archiving on standard output");
        assertEquals("", first.stderr());
        List<String> made = archives(cds);
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).matches("sspr-[0-9]+\\.jsa"), made.toString());

        Path log = dir.resolve("classes.log");
        sspr(bin, home, Map.of("SSPR_JAVA_OPTS", "-Xlog:class+load:file=" + log), "inspect", "x").assertOk();
        assertTrue(Files.readString(log).contains(FROM_ARCHIVE), "the JVM maps the class from the archive");
        assertEquals(made, archives(cds), "used, not made again");

        sspr(bin, home, Map.of("SSPR_CDS", "off", "SSPR_JAVA_OPTS", "-Xlog:class+load:file=" + log), "inspect", "x").assertOk();
        String off = Files.readString(log);
        assertFalse(off.contains(FROM_ARCHIVE), "SSPR_CDS=off: read from the jar");
        assertTrue(off.contains("Hello source: file:"), off.lines().filter(l -> l.contains("Hello")).toList().toString());
    }

    /**
     * A JVM that cannot write its archive at exit exits 1 after a successful build (what a full disk does; here the
     * program puts a folder where the archive goes): the launcher exits with the build's own status and keeps nothing.
     */
    @Test
    void aDumpTheJvmCannotWriteDoesNotFailTheBuild() throws Exception {
        Path bin = dist();
        Path home = Files.createDirectories(dir.resolve("home"));
        Tool.Result r = sspr(bin, home, Map.of(), "build", "sabotage");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("Unable to create shared archive file"), "the JVM did fail to write it: " + r.stderr());
        List<String> left = archives(home.resolve(".cache/ssprkit/cds"));
        assertTrue(left.stream().noneMatch(n -> n.matches("sspr-[0-9]+\\.jsa") || n.endsWith(".status")), left.toString());
    }

    /** A copy of bin/sspr beside the small jar, as the dist lays them out; its folder. */
    private Path dist() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("dist/bin"));
        Files.copy(Path.of("bin/sspr"), bin.resolve("sspr"));
        helloJar(bin.resolve("sspr.jar"));
        return bin;
    }

    private Tool.Result sspr(Path bin, Path home, Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", "");
        env.put("JAVA", JAVA);
        List<String> command = new java.util.ArrayList<>(List.of("sh", bin.resolve("sspr").toString()));
        command.addAll(List.of(args));
        return Tool.run(command, dir, env, 120);
    }

    private static List<String> archives(Path cds) throws Exception {
        if (!Files.isDirectory(cds)) return List.of();
        try (Stream<Path> s = Files.list(cds)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A jar whose main class prints "hello" and its arguments, and exits 3 when its second argument is "fail". */
    private void helloJar(Path jar) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        // 20 reflective constructions make the JVM generate an accessor class, which the archive cannot take: the JVM
        // says so when dumping (on standard output, unless the launcher silences it). Like Sspr.main, it records its
        // status where the launcher says; "sabotage" puts a folder (not empty: the JVM removes an empty one) where the JVM is to write the archive.
        Files.writeString(src.resolve("Hello.java"), "import java.nio.file.*; public class Hello { public static void main(String[] a) throws Exception {"
                + " for (int i = 0; i < 20; i++) Hello.class.getDeclaredConstructor().newInstance();"
                + " System.out.println(\"hello \" + String.join(\" \", a));"
                + " int status = a.length > 1 && a[1].equals(\"fail\") ? 3 : 0;"
                + " String f = System.getProperty(\"ssprkit.statusFile\");"
                + " if (f != null && a.length > 1 && a[1].equals(\"sabotage\")) {"
                + "   Path t = Path.of(f.substring(0, f.length() - \".status\".length())); Files.delete(t); Files.createDirectory(t); Files.writeString(t.resolve(\"keep\"), \"x\"); }"
                + " if (f != null) Files.writeString(Path.of(f), Integer.toString(status));"
                + " System.exit(status); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), src.resolve("Hello.java").toString()));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(src.resolve("Hello.class")));
            out.closeEntry();
        }
    }
}
