package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * msitools opens our transforms: {@code msiinfo suminfo} shows the transform summary (PID 16 as "Restrict"),
 * {@code msiinfo streams} lists them, and {@code msiinfo tables} reads the added table's name from the {@code _Tables}
 * stream. msitools has no command that applies a transform, and it reads the transform's record streams as plain
 * tables, so {@code msiinfo export}/{@code msidump} cannot show the changes.
 */
@Tag("interop")
class TransformMsitoolsTest {
    @TempDir Path dir;

    @Test
    void msiinfoOpensTheTransform() throws Exception {
        Tool.require("msiinfo");
        Database target = TransformWriterTest.base();
        Table p = target.table("Property");
        p.remove(p.find("ENABLELOGGING"));
        p.add("ENABLELOGGING", "1");
        target.createTable(new TableSchema("SspExtra", List.of(Col.s("Key", 72).key().build()))).add("k");
        Path mst = dir.resolve("x.mst");
        TransformWriter.write(TransformWriterTest.base(), target, mst, TransformOptions.defaults());

        String sum = Tool.run("msiinfo", "suminfo", mst.toString()).assertOk().stdout();
        assertTrue(sum.contains("Title: Transform"), sum);
        assertTrue(sum.contains("Template: x64;1033"), sum);
        assertTrue(sum.contains("Last author: x64;1033"), sum);
        assertTrue(sum.contains("Revision number (UUID): " + TransformWriterTest.PRODUCT + "1.2.3;" + TransformWriterTest.PRODUCT + "1.2.3;"
                + TransformWriterTest.UPGRADE), sum);
        assertTrue(sum.contains("Restrict: 134348800 (8020000)"), sum);
        assertTrue(sum.contains("Security: 4"), sum);
        String streams = Tool.run("msiinfo", "streams", mst.toString()).assertOk().stdout();
        assertTrue(streams.contains("SummaryInformation"), streams);
        String tables = Tool.run("msiinfo", "tables", mst.toString()).assertOk().stdout();
        assertTrue(tables.contains("SspExtra"), tables);
    }
}
