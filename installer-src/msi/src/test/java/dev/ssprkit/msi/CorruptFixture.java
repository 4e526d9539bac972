package dev.ssprkit.msi;

import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.db.TableCodec;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.SystemTables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The valid package that corrupt inputs are made from, and the "read everything" check applied to each. */
final class CorruptFixture {
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    static final byte[] BIG = payload(10_000, 7), SMALL = payload(300, 11), BLOB = payload(100, 13);
    static final byte[] VALID = build();

    private CorruptFixture() {}

    static byte[] payload(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * seed + (i >> 8));
        return b;
    }

    private static byte[] build() {
        Database db = new Database();
        db.table("Property").add("ProductName", "Corrupt Input Fixture");
        db.table("Property").add("Manufacturer", "ssprkit");
        db.table("Property").add("ProductVersion", "1.0.0");
        db.table("Binary").add("Blob", StreamData.of(BLOB));
        db.table("Media").add(1, 5, null, "#big.cab", null, null);
        db.table("Media").add(2, -70000, "Disk 2", null, "LABEL", null);
        db.putStream("big.cab", StreamData.of(BIG));
        db.putStream("small.dat", StreamData.of(SMALL));
        db.summary().subject = "fixture";
        db.summary().author = "ssprkit";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new MsiWriter(new WriteOptions(Instant.parse("2024-01-02T03:04:05Z"))).write(db, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(String name) {
        try {
            return StreamNames.encode(name, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plain(String name) {
        try {
            return StreamNames.encode(name, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StringPoolReader pool(byte[] file) throws IOException {
        return new StringPoolReader(CfbBytes.stream(file, table("_StringPool")), CfbBytes.stream(file, table("_StringData")));
    }

    /** The decoded rows of {@code _Columns} of a file, in stored order. */
    static List<Object[]> columnsRows(byte[] file) throws IOException {
        return TableCodec.decode(SystemTables.COLUMNS, CfbBytes.stream(file, table("_Columns")), pool(file), "_Columns");
    }

    /** Reads the whole database: every table cell, every stream's bytes. */
    static void readEverything(Path file, ReadLimits limits) throws IOException {
        try (Database db = new MsiReader(limits).open(file)) {
            for (Table t : db.tables().values()) {
                for (Row r : t.rows()) {
                    for (Object v : r.cells()) {
                        if (v instanceof StreamData s) readStream(s);
                    }
                }
            }
            for (StreamData s : db.streams().values()) readStream(s);
        }
    }

    private static void readStream(StreamData s) throws IOException {
        byte[] all = s.readAllBytes();
        if (all.length != s.size()) throw new AssertionError(s + ": read " + all.length + " bytes");
    }

    /** Asserts the bytes are refused with exactly an MsiException whose message has every fragment. */
    static MsiException assertRejected(Path dir, byte[] bytes, ReadLimits limits, String... fragments) throws IOException {
        Path file = Files.createTempFile(dir, "corrupt", ".msi");
        Files.write(file, bytes);
        MsiException e = assertTimeoutPreemptively(TIME_LIMIT,
                () -> assertThrows(MsiException.class, () -> readEverything(file, limits)));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
        // issue #17: a message speaks of the file, never of our (or POI's) exception classes
        assertTrue(!e.getMessage().matches("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*"), "message names an exception class: " + e.getMessage());
        return e;
    }

    /** Asserts the bytes are either read completely or refused with an MsiException: nothing else, and in time. */
    static void assertReadOrRejected(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        assertTimeoutPreemptively(TIME_LIMIT, () -> {
            try {
                readEverything(file, ReadLimits.defaults());
            } catch (MsiException expected) {
                // refused cleanly
            }
        });
    }

    static byte[] truncate(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }
}
