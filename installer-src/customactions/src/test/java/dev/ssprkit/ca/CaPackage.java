package dev.ssprkit.ca;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.FeatureSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A small package built with the builder (no WiX compiler) that uses the library the way the compiler will: the
 * family's tables, Binary row, CustomAction rows, placements and standard anchors straight from
 * {@link CustomActionLibrary#support}, plus whatever rows a test adds.
 */
final class CaPackage {
    final PackageBuilder pkg;
    final DirectorySpec app;
    final ComponentSpec main;
    final FeatureSpec feature;
    final SchemaGeneration generation;
    final Architecture architecture;
    private final List<Consumer<Database>> rows = new ArrayList<>();

    CaPackage(String name, SchemaGeneration generation, Architecture architecture, Path payloadDir) throws IOException {
        this.generation = generation;
        this.architecture = architecture;
        String upgrade = "{" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase() + "}";
        pkg = PackageBuilder.product(name, "ssprkit tests", "1.0.0", upgrade)
                .platform(architecture == Architecture.X86 ? Platform.X86 : Platform.X64);
        app = pkg.programFiles().subdirectory("INSTALLDIR", name);
        main = pkg.component("Main", app);
        Files.createDirectories(payloadDir);
        Path readme = payloadDir.resolve(name.replace(' ', '_') + ".txt");
        Files.writeString(readme, "payload of " + name + "\r\n");
        main.file(readme);
        feature = pkg.feature("Complete", name).add(main);
        pkg.customize(db -> rows.forEach(r -> r.accept(db)));
    }

    /** Everything the compiler would emit for the family (tables, Binary, CustomAction rows, sequence). */
    ElementSupport use(ElementFamily family) {
        ElementSupport s = CustomActionLibrary.support(family, generation, architecture);
        for (ElementFamily also : s.alsoNeeds()) use(also);
        rows.add(db -> {
            for (TableSchema t : s.tables()) if (!db.hasTable(t.name())) db.createTable(t);
            for (String t : s.requiredTables()) db.table(t);
            binary(db, s.binary());
            Table ca = db.table("CustomAction");
            for (CustomActionRow a : s.customActions()) if (ca.find(a.action()) == null) ca.add(a.cells());
        });
        for (StandardActionRef std : s.standardActions()) pkg.action(std.table(), std.action()).sequence(std.sequence());
        for (SequenceEntry e : s.sequence()) {
            var a = pkg.action(e.table(), e.action()).condition(e.condition());
            if (e.before()) a.before(e.anchor());
            else a.after(e.anchor());
        }
        return s;
    }

    static void binary(Database db, CustomActionBinary b) {
        Table t = db.table("Binary");
        if (t.find(b.binaryId()) == null) t.add(b.binaryRow());
    }

    /** Rows of a table (custom or standard), added when the database is assembled. */
    CaPackage row(String table, Object... values) {
        rows.add(db -> db.table(table).add(values));
        return this;
    }

    /** An author-written custom action calling one of the library's entry points. */
    CaPackage customAction(String id, int type, CustomActionBinary binary, String entry) {
        rows.add(db -> {
            binary(db, binary);
            db.table("CustomAction").add(id, type, binary.binaryId(), entry, null);
        });
        return this;
    }

    /** A type-51 action setting {@code property} to the formatted {@code value}. */
    CaPackage setProperty(String id, String property, String value) {
        rows.add(db -> db.table("CustomAction").add(id, 51, property, value, null));
        return this;
    }

    CaPackage schedule(String action, String condition, String after) {
        pkg.action("InstallExecuteSequence", action).condition(condition).after(after);
        return this;
    }

    CaPackage scheduleAt(String action, String condition, int sequence) {
        pkg.action("InstallExecuteSequence", action).condition(condition).sequence(sequence);
        return this;
    }

    Path write(Path msi) throws IOException {
        pkg.write(msi);
        return msi;
    }
}
