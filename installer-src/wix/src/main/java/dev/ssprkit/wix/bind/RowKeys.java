package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.Table;

import java.util.Objects;

/**
 * The primary keys one table's rows already use, to find a row written twice: an open-addressing set of row
 * positions in the table (four bytes a row), compared by their key cells. A map from joined key text to location
 * cost a map entry and a new string per row, about 36 MB for the 400,000 rows of a 100,000-file build.
 */
final class RowKeys {
    private final Table table;
    private final int keyCount;
    /** Row position + 1 per slot, 0 when free; the length is a power of two, at most half full. */
    private int[] slots = new int[16];
    private int size;

    RowKeys(Table table) {
        this.table = table;
        this.keyCount = table.schema().keyCount();
    }

    /** The position of a recorded row whose key cells equal {@code cells}' key cells, or -1. */
    int find(Object[] cells) {
        int mask = slots.length - 1;
        for (int i = hash(cells) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (sameKey(table.rows().get(slots[i] - 1), cells)) return slots[i] - 1;
        }
        return -1;
    }

    /** Records that the table's row at {@code position} has {@code cells}' key (not recorded yet: see {@link #find}). */
    void add(Object[] cells, int position) {
        if ((size + 1) * 2 > slots.length) grow();
        place(slots, hash(cells), position + 1);
        size++;
    }

    private static void place(int[] into, int hash, int slot) {
        int mask = into.length - 1;
        int i = hash & mask;
        while (into[i] != 0) i = (i + 1) & mask;
        into[i] = slot;
    }

    private boolean sameKey(dev.ssprkit.msi.model.Row row, Object[] cells) {
        for (int k = 0; k < keyCount; k++) if (!Objects.equals(row.get(k), cells[k])) return false;
        return true;
    }

    private int hash(Object[] cells) {
        int h = 1;
        for (int k = 0; k < keyCount; k++) h = 31 * h + Objects.hashCode(cells[k]);
        return h ^ (h >>> 16);
    }

    private int hash(dev.ssprkit.msi.model.Row row) {
        int h = 1;
        for (int k = 0; k < keyCount; k++) h = 31 * h + Objects.hashCode(row.get(k));
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] larger = new int[slots.length * 2];
        for (int slot : slots) if (slot != 0) place(larger, hash(table.rows().get(slot - 1)), slot);
        slots = larger;
    }

    @Override
    public String toString() {
        return Objects.toString(table) + " keys: " + size;
    }
}
