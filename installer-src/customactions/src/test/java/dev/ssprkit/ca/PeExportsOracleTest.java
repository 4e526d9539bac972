package dev.ssprkit.ca;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our PE export reader agrees with binutils' objdump, and the DLLs are hardened and self-contained: objdump's
 * DllCharacteristics (0x40 DYNAMIC_BASE, 0x100 NX_COMPAT, 0x20 HIGH_ENTROPY_VA on x64, per the PE/COFF spec) and
 * the imported DLLs, which must all be Windows system DLLs (no mingw runtime such as libgcc_s or libssp).
 */
@Tag("interop")
class PeExportsOracleTest {
    static final Set<String> SYSTEM_DLLS = Set.of("KERNEL32.dll", "ADVAPI32.dll", "msi.dll", "msvcrt.dll", "ole32.dll", "OLEAUT32.dll",
            "SHELL32.dll", "USER32.dll", "SHLWAPI.dll", "NETAPI32.dll", "HTTPAPI.dll");
    @TempDir Path dir;

    @Test
    void objdumpSeesTheSameExportsAndAHardenedSelfContainedDll() throws Exception {
        Tool.require("x86_64-w64-mingw32-objdump");
        for (String file : CustomActionRebuildTest.DLLS) {
            if (file.contains("arm64")) continue; // binutils here reads x86 and x64 PE only: see the LLVM test below
            Path dll = dir.resolve(file);
            byte[] bytes = CustomActionBinary.class.getResourceAsStream("/dev/ssprkit/ca/" + file).readAllBytes();
            Files.write(dll, bytes);
            // objdump for x86-64 reads both pei-i386 and pei-x86-64 headers with -p
            String out = Tool.run("x86_64-w64-mingw32-objdump", "-p", dll.toString()).stdout();
            if (out.isBlank()) out = Tool.run("i686-w64-mingw32-objdump", "-p", dll.toString()).assertOk().stdout();
            Set<String> names = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^\\s+\\[\\s*\\d+\\] (\\w+)$").matcher(out.substring(out.indexOf("[Ordinal/Name Pointer] Table")));
            while (m.find()) names.add(m.group(1));
            assertEquals(names, PeExports.of(bytes).names(), file);
            Matcher c = Pattern.compile("DllCharacteristics\\s+([0-9a-fA-F]+)").matcher(out);
            assertTrue(c.find(), out);
            int flags = Integer.parseInt(c.group(1), 16);
            assertEquals(0x140, flags & 0x140, file + ": DYNAMIC_BASE and NX_COMPAT");
            if (file.contains("x64")) assertEquals(0x20, flags & 0x20, file + ": HIGH_ENTROPY_VA");
            Matcher i = Pattern.compile("DLL Name: (\\S+)").matcher(out);
            while (i.find()) assertTrue(SYSTEM_DLLS.contains(i.group(1)), file + " imports " + i.group(1));
        }
    }

    /** The arm64 DLLs, read by LLVM's llvm-readobj: the same checks, and the machine type. */
    @Test
    void llvmReadobjSeesTheSameForTheArm64Dlls() throws Exception {
        Tool.require("llvm-readobj");
        Set<String> system = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        system.addAll(SYSTEM_DLLS);
        for (String file : CustomActionRebuildTest.DLLS) {
            if (!file.contains("arm64")) continue;
            Path dll = dir.resolve(file);
            byte[] bytes = CustomActionBinary.class.getResourceAsStream("/dev/ssprkit/ca/" + file).readAllBytes();
            Files.write(dll, bytes);
            String out = Tool.run("llvm-readobj", "--file-headers", "--coff-exports", "--coff-imports", dll.toString()).assertOk().stdout();
            assertTrue(out.contains("Machine: IMAGE_FILE_MACHINE_ARM64"), file);
            Set<String> names = new TreeSet<>();
            Matcher m = Pattern.compile("(?s)Export \\{.*?Name: (\\w*)").matcher(out);
            while (m.find()) if (!m.group(1).isEmpty()) names.add(m.group(1));
            assertEquals(names, PeExports.of(bytes).names(), file);
            for (String flag : List.of("IMAGE_DLL_CHARACTERISTICS_DYNAMIC_BASE", "IMAGE_DLL_CHARACTERISTICS_NX_COMPAT",
                    "IMAGE_DLL_CHARACTERISTICS_HIGH_ENTROPY_VA")) {
                assertTrue(out.contains(flag), file + ": " + flag);
            }
            Matcher i = Pattern.compile("(?s)Import \\{\\s*Name: (\\S+)").matcher(out);
            int imports = 0;
            while (i.find()) {
                imports++;
                assertTrue(system.contains(i.group(1)), file + " imports " + i.group(1));
            }
            assertTrue(imports > 0, out);
        }
    }
}
