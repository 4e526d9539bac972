package dev.ssprkit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.ssprkit.endpoint.preflight.OsFacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads preflight results in every form they reach an administrator:
 * <ul>
 *   <li>{@code *.json}: one report ({@code sspr preflight --json}, the .cmd, the PowerShell scripts' saved files, also
 *       the short form the Intune column holds), an array of them, or one report per line;</li>
 *   <li>{@code *.csv}: an export with a column holding each machine's JSON (ConfigMgr's compliance details, Intune's
 *       "pre-remediation detection output" export), and a column naming the device.</li>
 * </ul>
 * Everything is read with limits (file size, JSON nesting and string length); a file that cannot be read is reported
 * as {@link Unreadable} with its name and the reason, and the rest goes on. A row that names a machine but whose JSON
 * is cut short or says the script failed becomes an UNKNOWN machine.
 */
public final class ResultReader {
    /** JSON files larger than this are not one machine's result; CSV exports may be large and are streamed. */
    static final long MAX_JSON_FILE = 64L << 20;
    static final long MAX_CSV_FILE = 4L << 30;

    private final ObjectMapper json;
    private final CsvMapper csv;

    public ResultReader() {
        json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
        csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        csv.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build());
    }

    /** Reads one file; results and unreadable inputs go to the two sinks. */
    public void read(Path file, Consumer<MachineResult> results, Consumer<Unreadable> unreadable) {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".csv")) {
                readCsv(file, results, unreadable);
            } else {
                readJson(file, results, unreadable);
            }
        } catch (JsonProcessingException e) {
            unreadable.accept(new Unreadable(name, "not valid JSON: " + e.getOriginalMessage() + located(e)));
        } catch (IOException e) {
            unreadable.accept(new Unreadable(name, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static String located(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private void readJson(Path file, Consumer<MachineResult> results, Consumer<Unreadable> unreadable) throws IOException {
        long size = Files.size(file);
        if (size > MAX_JSON_FILE) {
            unreadable.accept(new Unreadable(file.toString(), "is " + size + " bytes; a preflight result is a few kilobytes (limit " + MAX_JSON_FILE + ")"));
            return;
        }
        byte[] bytes = dev.ssprkit.common.FileBytes.read(file);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE); // PowerShell 5.1's Out-File default
        } else {
            text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            unreadable.accept(new Unreadable(file.toString(), "is empty"));
            return;
        }
        List<JsonNode> nodes = new ArrayList<>();
        try (MappingIterator<JsonNode> it = json.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) nodes.add(it.nextValue());
        }
        int n = 0;
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                for (JsonNode item : node) results.accept(result(item, file + "[" + n++ + "]", fallbackName(file)));
            } else if (node.isObject()) {
                results.accept(result(node, nodes.size() == 1 ? file.toString() : file + "[" + n++ + "]", fallbackName(file)));
            } else {
                unreadable.accept(new Unreadable(file.toString(), "holds " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a preflight result"));
                return;
            }
        }
    }

    private static String fallbackName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** A machine from one JSON object; objects that are not a preflight result become UNKNOWN with the reason. */
    MachineResult result(JsonNode n, String source, String fallbackMachine) {
        String machine = text(n.get("machine"));
        if (machine == null || machine.isBlank()) machine = fallbackMachine;
        OsFacts facts = facts(n.get("facts"));
        String os = facts != null ? OsNames.of(facts) : "unknown";
        long order = facts == null ? 0 : facts.major() * 100_000_000L + facts.minor() * 1_000_000L + facts.build();
        if (n.hasNonNull("error")) return new MachineResult(machine, os, order, MachineResult.Status.UNKNOWN, List.of(), "the script failed: " + text(n.get("error")), source);
        JsonNode findings = n.get("findings");
        if (findings == null || !findings.isArray()) {
            return new MachineResult(machine, os, order, MachineResult.Status.UNKNOWN, List.of(), "no findings list: not a preflight result, or cut short", source);
        }
        List<MachineResult.Item> items = new ArrayList<>();
        boolean blocked = false;
        for (JsonNode f : findings) {
            String id = text(f.get("id"));
            String severity = text(f.get("severity"));
            if (id == null || severity == null) {
                return new MachineResult(machine, os, order, MachineResult.Status.UNKNOWN, List.of(), "a finding without id or severity", source);
            }
            if (severity.equals("INFO")) continue;
            blocked |= severity.equals("BLOCKER");
            items.add(new MachineResult.Item(id, severity, text(f.get("found"))));
        }
        return new MachineResult(machine, os, order, blocked ? MachineResult.Status.BLOCKED : MachineResult.Status.READY, List.copyOf(items), null, source);
    }

    private static OsFacts facts(JsonNode f) {
        if (f == null || !f.isObject()) return null;
        return new OsFacts(f.path("major").asInt(0), f.path("minor").asInt(0), f.path("build").asInt(0), text(f.get("edition")),
                f.path("is64Bit").asBoolean(false));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private void readCsv(Path file, Consumer<MachineResult> results, Consumer<Unreadable> unreadable) throws IOException {
        long size = Files.size(file);
        if (size > MAX_CSV_FILE) {
            unreadable.accept(new Unreadable(file.toString(), "is " + size + " bytes; larger than " + MAX_CSV_FILE));
            return;
        }
        try (InputStream in = Files.newInputStream(file); Reader r = new java.io.InputStreamReader(bomless(in), StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(r)) {
            if (!rows.hasNextValue()) {
                unreadable.accept(new Unreadable(file.toString(), "is empty"));
                return;
            }
            String[] header = rows.nextValue();
            int machineColumn = -1, jsonColumn = -1;
            for (int i = 0; i < header.length; i++) {
                String h = header[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (machineColumn < 0 && (h.equals("devicename") || h.equals("computername") || h.equals("machinename") || h.equals("machine")
                        || h.equals("device") || h.equals("name") || h.equals("computer"))) machineColumn = i;
            }
            int line = 1;
            List<String[]> pending = new ArrayList<>();
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                line++;
                if (jsonColumn < 0) {
                    for (int i = 0; i < row.length && jsonColumn < 0; i++) if (row[i].strip().startsWith("{")) jsonColumn = i;
                    if (jsonColumn < 0) {
                        if (pending.size() < 100) {
                            pending.add(row);
                            continue;
                        }
                        unreadable.accept(new Unreadable(file.toString(), "no column holds preflight JSON in its first 100 rows"));
                        return;
                    }
                    for (String[] p : pending) results.accept(csvRow(p, machineColumn, jsonColumn, file, line - pending.size()));
                    pending.clear();
                }
                results.accept(csvRow(row, machineColumn, jsonColumn, file, line));
            }
            if (jsonColumn < 0) unreadable.accept(new Unreadable(file.toString(), "no column holds preflight JSON"));
        }
    }

    private MachineResult csvRow(String[] row, int machineColumn, int jsonColumn, Path file, int line) {
        String source = file + ":" + line;
        String name = machineColumn >= 0 && machineColumn < row.length ? row[machineColumn].strip() : null;
        String cell = jsonColumn < row.length ? row[jsonColumn].strip() : "";
        if (cell.isEmpty()) {
            return new MachineResult(name != null ? name : source, "unknown", 0, MachineResult.Status.UNKNOWN, List.of(), "no result in the export", source);
        }
        try {
            JsonNode node = json.readTree(cell);
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            MachineResult r = result(node, source, name != null && !name.isEmpty() ? name : source);
            return name != null && !name.isEmpty() && !name.equalsIgnoreCase(r.machine())
                    ? new MachineResult(name, r.os(), r.osOrder(), r.status(), r.findings(), r.detail(), r.source()) : r;
        } catch (IOException e) {
            return new MachineResult(name != null && !name.isEmpty() ? name : source, "unknown", 0, MachineResult.Status.UNKNOWN, List.of(),
                    "its JSON is cut short or malformed (a column limit?)", source);
        }
    }

    private static InputStream bomless(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] b = new byte[3];
        int n = p.readNBytes(b, 0, 3);
        if (!(n == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) p.unread(b, 0, n);
        return p;
    }

}
