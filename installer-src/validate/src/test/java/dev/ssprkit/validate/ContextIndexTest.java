package dev.ssprkit.validate;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The lookups rules use inside their loops answer what a scan would: the first row by key, rows by column value. */
class ContextIndexTest {
    @Test
    void indexedLookupsAnswerAsAScanWould() {
        Database db = new Database();
        db.table("Component").add("A", null, "INSTALLDIR", 0, null, "fa");
        db.table("Component").add("B", null, "INSTALLDIR", 0, null, null);
        db.table("File").add("fa", "A", "a.txt", 1, null, null, 0, 1);
        db.table("File").add("fb", "B", "b.txt", 1, null, null, 0, 2);
        db.table("File").add("fa2", "A", "a2.txt", 1, null, null, 0, 3);
        Context ctx = new Context(db);

        assertEquals("B", ctx.find("Component", "B").string("Component"));
        assertNull(ctx.find("Component", "C"));
        assertNull(ctx.find("Registry", "x"), "no such table");
        assertNull(ctx.find("Component", null));

        List<Row> filesOfA = ctx.rowsWith("File", "Component_", "A");
        assertEquals(List.of("fa", "fa2"), filesOfA.stream().map(r -> r.string("File")).toList(), "in table order");
        assertEquals(List.of(), ctx.rowsWith("File", "Component_", "C"));
        assertEquals(List.of(), ctx.rowsWith("File", "NoSuchColumn", "A"));
        assertEquals(List.of(), ctx.rowsWith("Registry", "Component_", "A"), "no such table");
        assertEquals(2, ctx.rowsWith("Component", "Directory_", "INSTALLDIR").size());
    }
}
