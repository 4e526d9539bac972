package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares what another tool stored in a package ({@code msiinfo export X _Columns} / {@code _Validation}) with
 * our declarations, for every table the package has that {@link StandardSchema} declares. Differences read
 * {@code File.Sequence stored i2, declared i4}; tables we do not declare (custom tables) are not compared.
 */
final class StoredSchemaComparison {
    private StoredSchemaComparison() {}

    /** The rows of an IDT export: lines after its three header lines, {@code #} comment lines left out. */
    static List<String[]> idtRows(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        int header = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isEmpty()) continue;
            if (header < 3) {
                header++;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    /** The {@code # differs: ...} lines of a fixture's header: the differences it is expected to show. */
    static List<String> declaredDifferences(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) if (line.startsWith("# differs: ")) out.add(line.substring("# differs: ".length()));
        return out;
    }

    /** Differences between stored {@code _Columns} rows (Table, Number, Name, Type) and the declarations. */
    static List<String> columnDifferences(List<String[]> columnsRows) {
        Map<String, TreeMap<Integer, Column>> stored = new TreeMap<>();
        for (String[] r : columnsRows) {
            if (r.length != 4) throw new IllegalArgumentException("_Columns row with " + r.length + " cells: " + String.join("|", r));
            stored.computeIfAbsent(r[0], t -> new TreeMap<>()).put(Integer.parseInt(r[1]), Column.fromTypeWord(r[2], Integer.parseInt(r[3])));
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Column>> e : stored.entrySet()) {
            TableSchema declared = StandardSchema.get(e.getKey());
            if (declared == null) continue;
            List<Column> have = new ArrayList<>(e.getValue().values());
            List<Column> want = declared.columns();
            for (int i = 0; i < Math.min(have.size(), want.size()); i++) {
                Column h = have.get(i), w = want.get(i);
                if (!h.name().equals(w.name())) {
                    out.add(e.getKey() + " column " + (i + 1) + " stored " + h.name() + ", declared " + w.name());
                } else if (!h.sameStorage(w)) {
                    out.add(e.getKey() + "." + h.name() + " stored " + describe(h) + ", declared " + describe(w));
                }
            }
            if (have.size() != want.size()) {
                out.add(e.getKey() + " stored " + have.size() + " columns, declared " + want.size());
            }
        }
        return out;
    }

    /**
     * Differences between stored {@code _Validation} rows (its first nine cells: Table, Column, Nullable, MinValue,
     * MaxValue, KeyTable, KeyColumn, Category, Set) and the rows {@link ValidationRows} makes from the declarations.
     */
    static List<String> validationDifferences(List<String[]> validationRows) {
        String[] fields = {"Nullable", "MinValue", "MaxValue", "KeyTable", "KeyColumn", "Category", "Set"};
        Map<String, Object[]> ours = new TreeMap<>();
        for (TableSchema t : StandardSchema.all().values()) {
            for (Object[] row : ValidationRows.of(t)) ours.put(row[0] + "." + row[1], row);
        }
        List<String> out = new ArrayList<>();
        for (String[] r : validationRows) {
            if (r.length < 9) throw new IllegalArgumentException("_Validation row with " + r.length + " cells: " + String.join("|", r));
            if (StandardSchema.get(r[0]) == null) continue;
            Object[] mine = ours.get(r[0] + "." + r[1]);
            if (mine == null) {
                out.add(r[0] + "." + r[1] + " stored, not declared");
                continue;
            }
            for (int f = 0; f < fields.length; f++) {
                String have = r[2 + f], want = mine[2 + f] == null ? "" : mine[2 + f].toString();
                if (!Objects.equals(have, want)) {
                    out.add(r[0] + "." + r[1] + " " + fields[f] + " stored " + quoted(have) + ", declared " + quoted(want));
                }
            }
        }
        return out;
    }

    private static String describe(Column c) {
        return c.idtType() + (c.key() ? " key" : "");
    }

    private static String quoted(String s) {
        return s.isEmpty() ? "(empty)" : s;
    }
}
