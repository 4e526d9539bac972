import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A build step of the sspr jar (run by the cli module's pom after shading, with the JDK's single-file source
 * launcher): {@code java -cp asm.jar RetargetClasses.java JAR PREFIX}. Every class under PREFIX whose class-file
 * version is below Java 8's (52) is rewritten as version 52, its stack map frames computed by ASM; nothing else in
 * the class changes, and every other jar entry is copied as it is.
 *
 * <p>Why: picocli's jar is compiled for Java 5 (class version 49), and the JVM's class-data sharing refuses such
 * classes ("Pre JDK 6 class not supported by CDS"). So its classes were read from the jar and checked by the old
 * type-inferring verifier on every start of sspr, about a tenth of a second of CPU; version 52 classes go into the
 * archive. Before the jar is replaced, every rewritten class is loaded and initialized from the new jar in a class
 * loader of its own, which runs the JVM's verifier on each of its methods: a class it would refuse fails the build.
 * The jar is replaced by a rename, so a failed step leaves the shaded jar as it was. A note in the jar
 * ({@value #NOTICE}) says which classes were changed and how (picocli's licence, Apache 2.0, asks for such a notice).
 */
public final class RetargetClasses {
    private static final int TARGET = Opcodes.V1_8;
    /** Written into the jar when classes were rewritten: which, how, and that their code is unchanged. */
    static final String NOTICE = "META-INF/ssprkit-retargeted-classes.txt";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp asm.jar RetargetClasses.java JAR PREFIX");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        Path staged = jar.resolveSibling(jar.getFileName() + ".retarget.tmp");
        List<String> rewritten = new ArrayList<>();
        try {
            try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                 ZipFile in = new ZipFile(jar.toFile());
                 OutputStream file = Files.newOutputStream(staged);
                 ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    byte[] bytes = in.getInputStream(entry).readAllBytes();
                    String name = entry.getName();
                    if (name.startsWith(prefix) && name.endsWith(".class") && version(bytes) < TARGET) {
                        bytes = retarget(bytes, hierarchy);
                        rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    }
                    put(out, name, entry.getTime(), bytes);
                }
                if (!rewritten.isEmpty()) { // Apache License 2.0, 4(b): modified files carry a notice that they were changed
                    put(out, NOTICE, 0L, ("The " + rewritten.size() + " classes under " + prefix + " in this jar were rewritten by"
                            + " ssprkit's build (installer-src/cli/build/RetargetClasses.java) from their class-file version to"
                            + " version 52 (Java 8), with stack map frames computed by ASM, so that the JVM's class-data sharing"
                            + " can hold them. Their code is unchanged.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            verify(staged, rewritten);
            Files.move(staged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staged);
        }
        System.out.println("RetargetClasses: " + rewritten.size() + " classes under " + prefix + " in " + jar.getFileName()
                + " rewritten as class version 52 and verified");
    }

    private static void put(ZipOutputStream out, String name, long time, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    /** The class file's major version (bytes 6-7, big-endian). */
    static int version(byte[] classFile) {
        return (classFile[6] & 0xFF) << 8 | classFile[7] & 0xFF;
    }

    private static byte[] retarget(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        // COMPUTE_FRAMES needs the common superclass of two types: the classes are looked up (not initialized) in the
        // jar itself, then the JDK
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Loads and initializes each rewritten class from the staged jar: linking runs the verifier on all its methods. */
    private static void verify(Path staged, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {staged.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("the rewritten " + name + " does not load: " + e, e);
                }
            }
        }
    }
}
