package dev.ssprkit.validate;

import dev.ssprkit.msi.db.StreamNames;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validating a file adds the structural check (SSPRK01) and reports unreadable files (SSPRK02). */
class FileValidationTest {
    @TempDir Path dir;

    @Test
    void aTableStreamThatIsNotWholeRowsIsAStructuralFinding() throws Exception {
        Path msi = dir.resolve("broken.msi");
        Products.clean(dir).write(msi, Products.OPTIONS);
        try (POIFSFileSystem fs = new POIFSFileSystem(msi.toFile(), false)) {
            DirectoryNode root = fs.getRoot();
            DocumentEntry registry = null;
            for (Entry e : root) if (StreamNames.isTable(e.getName()) && StreamNames.decode(e.getName()).equals("Registry")) registry = (DocumentEntry) e;
            byte[] bytes;
            try (DocumentInputStream in = new DocumentInputStream(registry)) {
                bytes = in.readAllBytes();
            }
            root.createOrUpdateDocument(registry.getName(), new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length + 1)));
            fs.writeFilesystem();
        }
        List<Finding> findings = Validator.validate(msi);
        assertTrue(findings.stream().anyMatch(f -> f.iceId().equals(Validator.STRUCTURE) && f.message().contains("Registry")), findings.toString());
    }

    @Test
    void aFileThatIsNotAnMsiIsReportedNotThrown() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.msi"), "not a compound file");
        List<Finding> findings = Validator.validate(junk);
        assertTrue(findings.stream().anyMatch(f -> f.iceId().equals(Validator.UNREADABLE)), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.ERROR));
    }

    @Test
    void formatsRecogniseReferencesAndBalance() {
        assertEquals(List.of(new Formats.Reference('&', "Main"), new Formats.Reference((char) 0, "VersionNT"), new Formats.Reference('$', "Comp")),
                Formats.conditionReferences("&Main = 3 AND (VersionNT >= 601 OR $Comp = 2) AND NOT \"Installed\""));
        assertEquals(List.of(new Formats.Reference('#', "file.exe"), new Formats.Reference((char) 0, "INSTALLDIR")),
                Formats.formattedReferences("\"[#file.exe]\" -d [INSTALLDIR] [\\[] [~]"));
        assertEquals(null, Formats.formatted("[\\[]x[~]{[A]}"));
        assertTrue(Formats.condition("(A OR B") != null);
        assertEquals(null, Formats.filename("readme~1.txt|Read Me.txt", false));
        assertTrue(Formats.filename("Read Me.txt", false) != null);
        assertEquals(null, Formats.guid("{6C2B8F4E-1D3A-4B5C-9E7F-0A1B2C3D4E5F}"));
        assertTrue(Formats.guid("{6c2b8f4e-1d3a-4b5c-9e7f-0a1b2c3d4e5f}").contains("upper-case"));
        assertEquals(null, Formats.version("10.0.19041.1"));
        assertTrue(Formats.version("1.2.3.4.5") != null);
    }
}
