package dev.ssprkit.cab;

import java.util.List;

/**
 * What {@link CabinetWriter#write} produced.
 *
 * @param entries      the files in cabinet order
 * @param cabinetSize  bytes of the cabinet file (CFHEADER.cbCabinet)
 * @param blockCount   CFDATA blocks in the (single) folder
 */
public record CabinetInfo(List<Entry> entries, long cabinetSize, int blockCount) {
    public CabinetInfo {
        entries = List.copyOf(entries);
    }

    /** Sum of the entry sizes. */
    public long uncompressedSize() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    /** One file as written: its cabinet name and byte count. */
    public record Entry(String name, long size) {}
}
