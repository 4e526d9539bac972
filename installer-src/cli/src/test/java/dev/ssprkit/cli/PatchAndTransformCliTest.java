package dev.ssprkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.msi.transform.TransformWriter;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sspr inspect} and {@code sspr extract} on a transform and a patch we make here: the transform changes
 * GREETING, adds NEWPROP, deletes the registry row and renames app.txt; the patch embeds that transform as a storage
 * (as a patch does, under the transform CLSID), targets the base's ProductCode and carries app.txt's new bytes in a
 * cabinet stream. The expected rows are the changes made below.
 */
class PatchAndTransformCliTest {
    @TempDir
    Path dir;

    private Path base;
    private Path mst;
    private String fileKey;
    private String productCode;

    private Cli.Run sspr(String... args) {
        return Cli.linux().run(args);
    }

    private void makeTransform() throws Exception {
        base = new CliTest() {{ dir = PatchAndTransformCliTest.this.dir; }}.build("base.msi", "hi");
        try (Database a = MsiReader.read(base); Database b = MsiReader.read(base)) {
            productCode = a.tableOrNull("Property").find("ProductCode").string("Value");
            Table props = b.tableOrNull("Property");
            props.remove(props.find("GREETING"));
            props.add("GREETING", "bye");
            props.add("NEWPROP", "1");
            Table reg = b.tableOrNull("Registry");
            Row gone = reg.rows().get(0);
            reg.remove(gone);
            Table files = b.tableOrNull("File");
            Row app = files.rows().stream().filter(r -> r.string("FileName").endsWith("app.txt")).findFirst().orElseThrow();
            fileKey = app.string("File");
            Object[] cells = app.cells();
            cells[files.schema().indexOf("FileName")] = "app2.txt|app-new.txt";
            files.remove(app);
            files.add(cells);
            mst = dir.resolve("change.mst");
            TransformWriter.write(a, b, mst, TransformOptions.defaults());
        }
    }

    @Test
    void inspectOfATransformListsItsRowsAddedChangedAndDeleted() throws Exception {
        makeTransform();
        Cli.Run r = sspr("inspect", mst.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("~ Property [GREETING]\n    Value: -> 'bye'"), r.out());
        assertTrue(r.out().contains("+ Property [NEWPROP]\n    Value: '1'"), r.out());
        assertTrue(r.out().contains("- Registry ["), r.out());
        assertTrue(r.out().contains("FileName: -> 'app2.txt|app-new.txt'"), r.out());
        JsonNode json = new ObjectMapper().readTree(sspr("inspect", mst.toString(), "--json").out());
        assertEquals(1, json.path("rowCounts").path("Property").path("added").asInt());
        assertEquals(1, json.path("rowCounts").path("Property").path("changed").asInt());
        assertEquals(1, json.path("rowCounts").path("Registry").path("deleted").asInt());
        Cli.Run x = sspr("extract", mst.toString(), "-o", dir.resolve("none").toString());
        assertEquals(Sspr.USAGE, x.code());
        assertTrue(x.err().contains("is a transform"), x.err());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void inspectAndExtractOfAPatch() throws Exception {
        makeTransform();
        Path msp = makePatch();
        Cli.Run r = sspr("inspect", msp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Patch: "), r.out());
        assertTrue(r.out().contains("Transform RTM.1 (target product " + productCode + ")"), r.out());
        assertTrue(r.out().contains("Cabinets: [PATCH_CAB]"), r.out());
        assertTrue(r.out().contains("~ Property [GREETING]"), r.out());
        JsonNode json = new ObjectMapper().readTree(sspr("inspect", msp.toString(), "--json").out());
        assertEquals(productCode, json.path("targetProducts").get(0).asText());
        Path out = dir.resolve("patch-files");
        Cli.Run x = sspr("extract", msp.toString(), "-o", out.toString());
        assertEquals(0, x.code(), x.err());
        assertEquals("new bytes", Files.readString(out.resolve("app-new.txt")));
        try (var s = Files.list(out)) {
            assertEquals(List.of("app-new.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A patch: a small database of its own under the patch CLSID, the transform as storage RTM.1, a cabinet stream. */
    private Path makePatch() throws Exception {
        Database patch = new Database();
        TableSchema meta = new TableSchema("MsiPatchMetadata", List.of(Col.s("Company", 72).key().nullable().build(),
                Col.s("Property", 72).key().build(), Col.l("Value", 0).build()));
        patch.createTable(meta).add(null, "DisplayName", "Greeting patch");
        Path cab = dir.resolve("patch.cab");
        new CabinetWriter(CabOptions.defaults()).add(fileKey, "new bytes".getBytes(StandardCharsets.UTF_8)).write(cab);
        patch.putStream("PATCH_CAB", dev.ssprkit.msi.model.StreamData.of(Files.readAllBytes(cab)));
        patch.summary().template = productCode;
        Path plain = dir.resolve("patch-db.msi");
        new MsiWriter(new WriteOptions(Instant.parse("2026-01-01T00:00:00Z"))).writeTo(patch, plain);
        Path msp = dir.resolve("greeting.msp");
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(Files.readAllBytes(plain)));
             POIFSFileSystem t = new POIFSFileSystem(new ByteArrayInputStream(Files.readAllBytes(mst)))) {
            fs.getRoot().setStorageClsid(new ClassID(MsiClsids.PATCH));
            DirectoryEntry sub = fs.getRoot().createDirectory("RTM.1");
            sub.setStorageClsid(new ClassID(MsiClsids.TRANSFORM));
            for (Entry e : t.getRoot()) {
                if (e instanceof DocumentEntry d) {
                    try (InputStream in = new DocumentInputStream(d)) {
                        sub.createDocument(d.getName(), new ByteArrayInputStream(in.readAllBytes()));
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(msp)) {
                fs.writeFilesystem(os);
            }
        }
        return msp;
    }
}
