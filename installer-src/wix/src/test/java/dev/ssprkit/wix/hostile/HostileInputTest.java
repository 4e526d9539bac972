package dev.ssprkit.wix.hostile;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile sources against the whole build ({@link WixBuild}): each must fail with its expected message, within a
 * time limit, without writing anything, without reading outside the build's folders and without a secret's content
 * appearing in any message.
 *
 * <p>Layout of each case: {@code src/} holds the source and a harmless {@code payload.txt}; {@code outside/} (not a
 * root) holds a canary file with a unique secret, a named pipe (where the platform has {@code mkfifo}) and an
 * include file. A pipe blocks whoever opens it for reading until a writer appears, so a build that opened one would
 * hang and fail the time limit: "nothing was read" is tested, not assumed.
 */
class HostileInputTest {
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");
    static final String WIX3 = "http://schemas.microsoft.com/wix/2006/wi";
    static final String ANY_OUTCOME = "any";

    @TempDir Path tmp;
    Layout at;

    /** The folders and files of one case. */
    record Layout(Path src, Path outside, Path canary, String secret, Path fifo, Path out, Path include) {
        Path wxs() {
            return src.resolve("product.wxs");
        }

        /** The named pipe; a case that needs one skips locally, and fails under SSPRKIT_INTEROP_REQUIRED, without mkfifo. */
        Path requireFifo() {
            Tool.requireThat(fifo != null, "mkfifo (coreutils), for the named-pipe cases");
            return fifo;
        }
    }

    /**
     * One hostile source: its name, the text (given the layout), and the message ID expected among the errors (null:
     * any error; {@link #ANY_OUTCOME}: the input is odd but harmless, so it may also build).
     */
    record Case(String name, Function<Layout, String> source, String expectId) {
        @Override public String toString() {
            return name;
        }
    }

    @BeforeEach
    void layout() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(src.resolve("payload.txt"), "harmless payload\n");
        String secret = "CANARY-" + UUID.randomUUID();
        Path canary = outside.resolve("secret.txt");
        Files.writeString(canary, secret + "\n");
        Path include = outside.resolve("evil.wxi");
        Files.writeString(include, "<Include xmlns=\"" + WIX3 + "\"><Property Id=\"LEAK\" Value=\"" + secret + "\"/></Include>");
        Path fifo = outside.resolve("pipe");
        if (!mkfifo(fifo)) fifo = null;
        at = new Layout(src, outside, canary, secret, fifo, Files.createDirectories(tmp.resolve("out")).resolve("out.msi"), include);
    }

    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- the source templates --------------------------------------------------------------------------------

    static String product(String before, String dirName, String file) {
        return "<Wix xmlns=\"" + WIX3 + "\">\n"
                + "  <Product Id=\"*\" Name=\"Hostile\" Language=\"1033\" Version=\"1.0.0\" Manufacturer=\"ssprkit tests\""
                + " UpgradeCode=\"{AAAAAAAA-0000-0000-0000-0000000000FF}\">\n"
                + "    <Package InstallerVersion=\"200\" Compressed=\"yes\"/>\n"
                + "    <Media Id=\"1\" Cabinet=\"h.cab\" EmbedCab=\"yes\"/>\n"
                + before
                + "    <Directory Id=\"TARGETDIR\" Name=\"SourceDir\">\n"
                + "      <Directory Id=\"ProgramFilesFolder\">\n"
                + "        <Directory Id=\"INSTALLDIR\" Name=\"" + attr(dirName) + "\">\n"
                + "          <Component Id=\"Main\" Guid=\"*\">" + file + "</Component>\n"
                + "        </Directory>\n"
                + "      </Directory>\n"
                + "    </Directory>\n"
                + "    <Feature Id=\"Main\" Title=\"Main\" Level=\"1\"><ComponentRef Id=\"Main\"/></Feature>\n"
                + "  </Product>\n"
                + "</Wix>\n";
    }

    static String fileSource(String source) {
        return product("", "Hostile", "<File Id=\"payload\" Name=\"payload.txt\" Source=\"" + attr(source) + "\" KeyPath=\"yes\"/>");
    }

    static String fileName(String name) {
        return product("", "Hostile", "<File Id=\"payload\" Name=\"" + attr(name) + "\" Source=\"payload.txt\" KeyPath=\"yes\"/>");
    }

    static String dirName(String name) {
        return product("", name, "<File Id=\"payload\" Source=\"payload.txt\" KeyPath=\"yes\"/>");
    }

    static String shortcutName(String name) {
        return product("", "Hostile", "<File Id=\"payload\" Source=\"payload.txt\" KeyPath=\"yes\"><Shortcut Id=\"sc\" Name=\""
                + attr(name) + "\"/></File>");
    }

    static String before(String elements) {
        return product(elements, "Hostile", "<File Id=\"payload\" Source=\"payload.txt\" KeyPath=\"yes\"/>");
    }

    /** An attribute value as XML: markup and control characters as character references. */
    static String attr(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 || c == 0x7F) sb.append("&#").append((int) c).append(';');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    static String uri(Path p) {
        return p.toUri().toString();
    }

    // ---- the cases --------------------------------------------------------------------------------------------

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String doctype = "WIX0005", depth = "WIX0006", attrLong = "WIX0007", expansion = "WIX0008";
        String outsideSource = "WIX0115", outsideInclude = "WIX0063", badName = "WIX0114";

        // XML: DTDs and entities (XXE, entity expansion)
        c.add(new Case("xxe: external entity to a local file", l -> "<?xml version=\"1.0\"?>\n<!DOCTYPE Wix [<!ENTITY x SYSTEM \""
                + uri(l.canary()) + "\">]>\n" + before("<Property Id=\"P\" Value=\"&x;\"/>\n"), doctype));
        c.add(new Case("xxe: external entity to a named pipe", l -> "<!DOCTYPE Wix [<!ENTITY x SYSTEM \""
                + uri(l.requireFifo()) + "\">]>\n" + before("<Property Id=\"P\" Value=\"&x;\"/>\n"), doctype));
        c.add(new Case("xxe: entity in element text", l -> "<!DOCTYPE Wix [<!ENTITY x SYSTEM \"" + uri(l.canary()) + "\">]>\n"
                + before("<Property Id=\"P\">&x;</Property>\n"), doctype));
        c.add(new Case("xxe: parameter entity", l -> "<!DOCTYPE Wix [<!ENTITY % p SYSTEM \"" + uri(l.canary()) + "\"> %p;]>\n"
                + before(""), doctype));
        c.add(new Case("xxe: external DTD subset", l -> "<!DOCTYPE Wix SYSTEM \"" + uri(l.canary()) + "\">\n" + before(""), doctype));
        c.add(new Case("xxe: public id with system DTD", l -> "<!DOCTYPE Wix PUBLIC \"-//evil//x\" \"" + uri(l.canary()) + "\">\n"
                + before(""), doctype));
        c.add(new Case("xxe: jar: URL", l -> "<!DOCTYPE Wix [<!ENTITY x SYSTEM \"jar:" + uri(l.canary()) + "!/a\">]>\n"
                + before("<Property Id=\"P\" Value=\"&x;\"/>\n"), doctype));
        c.add(new Case("xxe: entity in an include file", l -> {
            write(l.src().resolve("inc.wxi"), "<!DOCTYPE Include [<!ENTITY x SYSTEM \"" + uri(l.canary()) + "\">]>\n<Include xmlns=\""
                    + WIX3 + "\"><Property Id=\"P\" Value=\"&x;\"/></Include>");
            return before("<?include inc.wxi?>\n");
        }, doctype));
        c.add(new Case("billion laughs", l -> billionLaughs() + before("<Property Id=\"P\" Value=\"&lol9;\"/>\n"), doctype));
        c.add(new Case("quadratic blowup", l -> "<!DOCTYPE Wix [<!ENTITY a \"" + "x".repeat(100_000) + "\">]>\n"
                + before("<Property Id=\"P\" Value=\"" + "&a;".repeat(10_000) + "\"/>\n"), doctype));
        c.add(new Case("internal entity only", l -> "<!DOCTYPE Wix [<!ENTITY a \"harmless\">]>\n" + before("<Property Id=\"P\" Value=\"&a;\"/>\n"), doctype));
        c.add(new Case("xinclude of a local file", l -> before("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + uri(l.canary()) + "\" parse=\"text\"/>\n"), null));
        c.add(new Case("xsi:schemaLocation to a local file", l -> product("", "Hostile", "<File Id=\"payload\" Source=\"payload.txt\" KeyPath=\"yes\"/>")
                .replace("<Wix xmlns=\"" + WIX3 + "\">", "<Wix xmlns=\"" + WIX3 + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                        + WIX3 + " " + uri(l.canary()) + "\">"), null));

        // XML: size and shape
        c.add(new Case("deep nesting (100k)", l -> "<Wix xmlns=\"" + WIX3 + "\">" + "<Fragment>".repeat(100_000) + "</Fragment>".repeat(100_000) + "</Wix>", depth));
        c.add(new Case("deep nesting (300)", l -> "<Wix xmlns=\"" + WIX3 + "\">" + "<Fragment>".repeat(300) + "</Fragment>".repeat(300) + "</Wix>", depth));
        c.add(new Case("deep nesting, unclosed (100k)", l -> "<Wix xmlns=\"" + WIX3 + "\">" + "<a>".repeat(100_000), null));
        c.add(new Case("huge attribute (10 MB)", l -> before("<Property Id=\"P\" Value=\"" + "A".repeat(10 << 20) + "\"/>\n"), attrLong));
        c.add(new Case("huge attribute name", l -> before("<Property Id=\"P\" " + "a".repeat(1 << 20) + "=\"x\"/>\n"), null));
        c.add(new Case("huge text (10 MB)", l -> before("<Property Id=\"P\">" + "B".repeat(10 << 20) + "</Property>\n"), ANY_OUTCOME));
        c.add(new Case("many unknown attributes (20k)", l -> before("<Property Id=\"P\" " + manyAttrs(20_000) + "/>\n"), null));
        c.add(new Case("foreach explosion", l -> before("<?foreach a in 1;2;3;4;5;6;7;8;9;10?><?foreach b in 1;2;3;4;5;6;7;8;9;10?>"
                + "<?foreach c in 1;2;3;4;5;6;7;8;9;10?><?foreach d in 1;2;3;4;5;6;7;8;9;10?><?foreach e in 1;2;3;4;5;6;7;8;9;10?>"
                + "<?foreach f in 1;2;3;4;5;6;7;8;9;10?><?foreach g in 1;2;3;4;5;6;7;8;9;10?>"
                + "<Property Id=\"P$(var.a)$(var.b)$(var.c)$(var.d)$(var.e)$(var.f)$(var.g)\" Value=\"x\"/>"
                + "<?endforeach?><?endforeach?><?endforeach?><?endforeach?><?endforeach?><?endforeach?><?endforeach?>\n"), expansion));
        c.add(new Case("variable doubling", l -> before(doubling(40) + "<Property Id=\"P\" Value=\"$(var.v40)\"/>\n"), "WIX0036"));
        c.add(new Case("self include", l -> {
            write(l.src().resolve("self.wxi"), "<Include xmlns=\"" + WIX3 + "\"><?include self.wxi?></Include>");
            return before("<?include self.wxi?>\n");
        }, "WIX0061"));
        c.add(new Case("include of the source itself", l -> before("<?include product.wxs?>\n"), "WIX0061"));
        c.add(new Case("non-XML garbage", l -> garbage(4096, 1), null));
        c.add(new Case("NUL bytes", l -> "\0".repeat(1000), null));
        c.add(new Case("empty file", l -> "", null));
        c.add(new Case("truncated document", l -> before("").substring(0, 300), null));
        c.add(new Case("unknown encoding", l -> "<?xml version=\"1.0\" encoding=\"x-evil-1\"?>\n" + before(""), null));
        c.add(new Case("UTF-16 BOM then UTF-8", l -> "\uFEFF\uFFFE" + before(""), null));
        c.add(new Case("unmatched quotes", l -> before("<Property Id=\"P Value=\"x\"/>\n"), null));
        c.add(new Case("processing-instruction flood", l -> before("<?pragma x?>".repeat(5_000)), ANY_OUTCOME));
        c.add(new Case("CDATA with markup", l -> before("<Property Id=\"P\"><![CDATA[<!DOCTYPE x [<!ENTITY y SYSTEM \""
                + uri(l.canary()) + "\">]>&y;]]></Property>\n"), ANY_OUTCOME));

        // found by WixFuzzTest: a malformed Custom/@Action made the compiler throw instead of report
        c.add(new Case("Custom with a malformed Action", l -> before("<InstallExecuteSequence><Custom Action=\"Set../x\" After=\"CostFinalize\">1</Custom></InstallExecuteSequence>\n"), "WIX0104"));

        // Path traversal in File/@Source, Binary/Icon/@SourceFile
        c.add(new Case("Source ../../etc/passwd", l -> fileSource("../../etc/passwd"), outsideSource));
        c.add(new Case("Source ../../../../../../../../etc/passwd", l -> fileSource("../../../../../../../../etc/passwd"), outsideSource));
        c.add(new Case("Source /etc/passwd", l -> fileSource("/etc/passwd"), outsideSource));
        c.add(new Case("Source ../outside/secret.txt", l -> fileSource("../outside/secret.txt"), outsideSource));
        c.add(new Case("Source ..\\outside\\secret.txt", l -> fileSource("..\\outside\\secret.txt"), outsideSource));
        c.add(new Case("Source sub/../../outside/secret.txt", l -> fileSource("sub/../../outside/secret.txt"), outsideSource));
        c.add(new Case("Source absolute canary", l -> fileSource(l.canary().toString()), outsideSource));
        c.add(new Case("Source named pipe outside", l -> fileSource(l.requireFifo().toString()), outsideSource));
        c.add(new Case("Source UNC-style //server/share", l -> fileSource("\\\\server\\share\\payload.txt"), outsideSource));
        c.add(new Case("Source symlink to a file outside", l -> {
            link(l.src().resolve("innocent.txt"), l.canary());
            return fileSource("innocent.txt");
        }, outsideSource));
        c.add(new Case("Source through a symlinked folder", l -> {
            link(l.src().resolve("assets"), l.outside());
            return fileSource("assets/secret.txt");
        }, outsideSource));
        c.add(new Case("Source symlink chain", l -> {
            link(l.src().resolve("hop2"), l.canary());
            link(l.src().resolve("hop1"), l.src().resolve("hop2"));
            return fileSource("hop1");
        }, outsideSource));
        c.add(new Case("Source $(env.X) pointing outside", l -> fileSource("$(env.EVIL_DIR)/secret.txt"), outsideSource));
        c.add(new Case("Source $(sys.SOURCEFILEDIR)..", l -> fileSource("$(sys.SOURCEFILEDIR)../outside/secret.txt"), outsideSource));
        c.add(new Case("Source $(var.X) defined outside", l -> "<?define Evil = \"../outside\"?>\n" + fileSource("$(var.Evil)/secret.txt").replaceFirst("<\\?define.*\\?>", ""), outsideSource));
        c.add(new Case("Source to the root folder", l -> fileSource("/"), outsideSource));
        c.add(new Case("Source to the parent folder", l -> fileSource(".."), outsideSource));
        c.add(new Case("Source to /proc/self/environ", l -> fileSource("/proc/self/environ"), outsideSource));
        c.add(new Case("Source to /dev/zero", l -> fileSource("/dev/zero"), outsideSource));
        c.add(new Case("Binary SourceFile ../outside", l -> before("<Binary Id=\"B\" SourceFile=\"../outside/secret.txt\"/>\n"), outsideSource));
        c.add(new Case("Binary SourceFile /etc/passwd", l -> before("<Binary Id=\"B\" SourceFile=\"/etc/passwd\"/>\n"), outsideSource));
        c.add(new Case("Icon SourceFile absolute canary", l -> before("<Icon Id=\"I.ico\" SourceFile=\"" + attr(l.canary().toString()) + "\"/>\n"), outsideSource));
        c.add(new Case("Icon SourceFile symlink", l -> {
            link(l.src().resolve("icon.ico"), l.canary());
            return before("<Icon Id=\"I.ico\" SourceFile=\"icon.ico\"/>\n");
        }, outsideSource));

        // Path traversal in <?include?>
        c.add(new Case("include ../outside/evil.wxi", l -> before("<?include ../outside/evil.wxi?>\n"), outsideInclude));
        c.add(new Case("include absolute", l -> before("<?include " + l.include() + "?>\n"), outsideInclude));
        c.add(new Case("include /etc/passwd", l -> before("<?include /etc/passwd?>\n"), outsideInclude));
        c.add(new Case("include via symlink", l -> {
            link(l.src().resolve("common.wxi"), l.include());
            return before("<?include common.wxi?>\n");
        }, outsideInclude));
        c.add(new Case("include via $(env.X)", l -> before("<?include $(env.EVIL_DIR)/evil.wxi?>\n"), outsideInclude));
        c.add(new Case("include chained from an inside include", l -> {
            write(l.src().resolve("inner.wxi"), "<Include xmlns=\"" + WIX3 + "\"><?include ../outside/evil.wxi?></Include>");
            return before("<?include inner.wxi?>\n");
        }, outsideInclude));
        c.add(new Case("include the canary", l -> before("<?include ../outside/secret.txt?>\n"), outsideInclude));

        // Install-time names
        for (String n : List.of("..", ".", "a/b", "a\\b", "..\\..\\Windows\\evil.dll", "../../evil.dll", "C:evil.dll", "a*b", "a?b",
                "a\"b", "a<b", "a>b", "a|b", "CON", "con", "con.txt", "NUL", "nul.tar.gz", "PRN", "PRN.log", "AUX", "COM1", "com9.dat",
                "LPT1", "LPT9.txt", "trail.", "trail ", "tab\tname", "line\nbreak", "bell\u0007", "del\u007F", "")) {
            // XML 1.0 cannot even carry most control characters: the parser refuses those first
            boolean xmlIllegal = n.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r');
            c.add(new Case("File Name '" + printable(n) + "'", l -> fileName(n), xmlIllegal ? "WIX0004" : badName));
        }
        for (String n : List.of("..", "a/b", "a\\b", "CON", "x:y", "end.", "end ", "LPT3.d", "new\nline")) {
            c.add(new Case("Directory Name '" + printable(n) + "'", l -> dirName(n), badName));
        }
        for (String n : List.of("..", "NUL.lnk", "a\\b", "aux", "..\\..\\Startup\\evil.lnk", "x|y")) {
            c.add(new Case("Shortcut Name '" + printable(n) + "'", l -> shortcutName(n), badName));
        }
        c.add(new Case("File name from Source '..'", l -> product("", "Hostile", "<File Id=\"payload\" Source=\"sub/..\" KeyPath=\"yes\"/>"), badName));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithoutReadingWritingOrLeaking(Case c) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String text = c.source().apply(at).replace("http://127.0.0.1:1/", "http://127.0.0.1:" + listener.getLocalPort() + "/");
            Files.writeString(at.wxs(), text, StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>();
            env.put("EVIL_DIR", at.outside().toString());
            BuildResult r = assertTimeoutPreemptively(LIMIT, () -> WixBuild.build(strict(new BuildRequest(List.of(at.wxs()), at.out(), "x86",
                    Map.of(), List.of(), env, BUILD_TIME))));
            assertNull(r.internalError(), () -> "the build stopped with an internal error: " + r.internalError());
            String all = String.join("\n", r.diagnostics().stream().map(d -> d + " " + d.hint()).toList());
            if (r.success() && ANY_OUTCOME.equals(c.expectId())) {
                String written = new String(Files.readAllBytes(at.out()), StandardCharsets.ISO_8859_1);
                assertFalse(written.contains(at.secret()), "the secret was packaged");
            } else {
                assertFalse(r.success(), "the build succeeded:\n" + shorten(all));
                assertNull(r.output());
                try (Stream<Path> left = Files.list(at.out().getParent())) {
                    assertEquals(List.of(), left.toList(), "nothing may be written, not even a temporary file");
                }
            }
            assertFalse(all.contains(at.secret()), "the secret leaked into a message:\n" + shorten(all));
            if (c.expectId() != null && !ANY_OUTCOME.equals(c.expectId())) {
                assertTrue(r.errors().stream().anyMatch(d -> d.id().equals(c.expectId())), () -> "expected " + c.expectId() + "; got:\n" + shorten(all));
            }
            assertTrue(all.length() < 2_000_000, "the messages are " + all.length() + " characters long");
            listener.setSoTimeout(50);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket s = listener.accept()) {
                    throw new AssertionError("the build connected to the network");
                }
            });
        }
    }

    @Test
    void externalDtdOverHttpIsNotFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            Files.writeString(at.wxs(), "<!DOCTYPE Wix SYSTEM \"" + url + "\">\n<!-- -->" + before("<Property Id=\"P\" Value=\"x\"/>\n"));
            BuildResult r = assertTimeoutPreemptively(LIMIT, () -> WixBuild.build(strict(new BuildRequest(List.of(at.wxs()), at.out(), "x86",
                    Map.of(), List.of(), Map.of(), BUILD_TIME))));
            assertFalse(r.success());
            assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0005")), r.diagnostics().toString());
            listener.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, listener::accept, "the build connected to fetch the DTD");
        }
    }

    // ---- the same build succeeds when nothing is hostile, or when a folder is explicitly allowed --------------

    @Test
    void theTemplateItselfBuilds() {
        BuildResult r = build(before(""), List.of(), Map.of());
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(Files.isRegularFile(at.out()));
    }

    @Test
    void unusualButValidNamesBuild() {
        for (String n : List.of("CONSOLE.txt", "COM10", "a.b.c", "name with spaces.txt", "..hidden", "x..y", "Ünïcode.txt", "nul_not_device")) {
            BuildResult r = build(fileName(n), List.of(), Map.of());
            assertTrue(r.success(), n + ": " + r.diagnostics());
        }
    }

    @Test
    void anExplicitlyAllowedFolderMayBeRead() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("lib.dll"), "shared payload");
        String wxs = fileSource(shared.resolve("lib.dll").toString());
        BuildResult refused = build(wxs, List.of(), Map.of());
        assertFalse(refused.success());
        assertTrue(refused.errors().stream().anyMatch(d -> d.id().equals("WIX0115") && d.line() > 0), refused.diagnostics().toString());
        BuildResult allowed = build(wxs, List.of(shared), Map.of());
        assertTrue(allowed.success(), allowed.diagnostics().toString());
    }

    /**
     * Issue #10: payload beside the sources ({@code ..\\build\\app.dll}) is normal in real projects, so the default
     * mode reads the project's tree (here, without a VCS checkout, the folders up to three levels above the source's
     * folder) — but not a file outside it such as /etc/passwd, and not when strict mode is asked for.
     */
    @Test
    void theDefaultModeReadsTheProjectTreeButNothingAbove() throws IOException {
        Path build = Files.createDirectories(tmp.resolve("build").resolve("bin"));
        Files.writeString(build.resolve("app.dll"), "built elsewhere in the project");
        String wxs = fileSource("../build/bin/app.dll");
        Files.writeString(at.wxs(), wxs);
        BuildRequest request = new BuildRequest(List.of(at.wxs()), at.out(), "x86", Map.of(), List.of(), Map.of(), BUILD_TIME)
                .toBuilder().workingDirectory(at.src()).build();
        BuildResult relaxed = WixBuild.build(request);
        assertTrue(relaxed.success(), relaxed.diagnostics().toString());
        BuildResult confined = WixBuild.build(strict(request));
        assertFalse(confined.success());
        assertTrue(confined.errors().stream().anyMatch(d -> d.id().equals("WIX0115") && d.line() > 0), confined.diagnostics().toString());
        Files.writeString(at.wxs(), fileSource("/etc/passwd"));
        BuildResult outside = WixBuild.build(request);
        assertFalse(outside.success());
        assertTrue(outside.errors().stream().anyMatch(d -> d.id().equals("WIX0115")), outside.diagnostics().toString());
    }

    @Test
    void includeDirectoriesAndEnvironmentInsideTheRootsStillWork() throws IOException {
        Path inc = Files.createDirectories(tmp.resolve("inc"));
        Files.writeString(inc.resolve("props.wxi"), "<Include xmlns=\"" + WIX3 + "\"><Property Id=\"FROMINC\" Value=\"1\"/></Include>");
        Path payload = Files.createDirectories(at.src().resolve("payload"));
        Files.writeString(payload.resolve("app.txt"), "app");
        String wxs = product("<?include props.wxi?>\n", "Hostile",
                "<File Id=\"payload\" Name=\"app.txt\" Source=\"$(env.PAYLOAD)/app.txt\" KeyPath=\"yes\"/>");
        Files.writeString(at.wxs(), wxs);
        BuildResult r = WixBuild.build(strict(new BuildRequest(List.of(at.wxs()), at.out(), "x86", Map.of(), List.of(inc),
                Map.of("PAYLOAD", payload.toString()), BUILD_TIME)));
        assertTrue(r.success(), r.diagnostics().toString());
    }

    @Test
    void aSymlinkThatStaysInsideIsFine() throws IOException {
        link(at.src().resolve("alias.txt"), at.src().resolve("payload.txt"));
        BuildResult r = build(fileSource("alias.txt"), List.of(), Map.of());
        assertTrue(r.success(), r.diagnostics().toString());
    }

    @Test
    void theErrorIsLocatedAtTheAttribute() {
        BuildResult r = build(fileSource("../outside/secret.txt"), List.of(), Map.of());
        Diagnostic d = r.errors().stream().filter(x -> x.id().equals("WIX0115")).findFirst().orElseThrow();
        assertEquals(at.wxs().toString(), d.location().file().toString());
        assertEquals(8, d.line(), d.toString());
        assertTrue(d.hint().contains("allowedRoots"), d.hint());
    }

    BuildResult build(String wxs, List<Path> allowed, Map<String, String> env) {
        try {
            Files.writeString(at.wxs(), wxs);
            Files.deleteIfExists(at.out());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return WixBuild.build(strict(new BuildRequest(List.of(at.wxs()), at.out(), "x86", Map.of(), List.of(), env, BUILD_TIME)
                .withAllowedRoots(allowed)));
    }

    /**
     * The strict mode ({@code --confine}) build services use for sources they do not trust: reading is confined to the
     * sources' and include folders and the explicitly allowed ones. (The default mode also reads the project's tree,
     * see {@link #theDefaultModeReadsTheProjectTreeButNothingAbove}.)
     */
    private static BuildRequest strict(BuildRequest r) {
        return r.toBuilder().confine(true).build();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Tool.requireThat(false, "symbolic links (" + e + ")");
        }
    }

    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Wix [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            sb.append("\">\n");
        }
        return sb.append("]>\n").toString();
    }

    static String doubling(int n) {
        StringBuilder sb = new StringBuilder("<?define v0 = \"xxxxxxxxxxxxxxxx\"?>");
        for (int i = 1; i <= n; i++) sb.append("<?define v").append(i).append(" = \"$(var.v").append(i - 1).append(")$(var.v").append(i - 1).append(")\"?>");
        return sb.toString();
    }

    static String manyAttrs(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("a").append(i).append("=\"x\" ");
        return sb.toString();
    }

    static String garbage(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] b = new byte[n];
        r.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        return sb.toString();
    }

    static String shorten(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }
}
