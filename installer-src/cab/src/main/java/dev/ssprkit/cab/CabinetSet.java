package dev.ssprkit.cab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cabinets of a set read as one (MS-CAB 2.1): the last folder of a cabinet that continues into the next and the
 * first folder of that next cabinet are one folder, whose CFDATA blocks are read from both, in order. A file that
 * spans cabinets is listed in each (iFolder 0xFFFE, then 0xFFFD); it is kept once, where it starts. A single cabinet
 * is a set of one; there, files that start in an absent previous cabinet or end in an absent next one cannot be read
 * and are left out with a warning.
 *
 * @param folders  each logical folder as the run of (cabinet, CFFOLDER) segments holding its blocks
 * @param entries  the readable files, with {@code folderIndex} numbering the logical folders
 * @param warnings what was left out or is wrong but readable
 */
record CabinetSet(List<List<Segment>> folders, List<CabEntry> entries, List<String> warnings) {
    /** One cabinet's part of a folder. */
    record Segment(CabInput in, CfFolder folder, int cbCFData, int folderIndex) {}

    static CabinetSet of(List<CabInput> inputs, List<CabinetDirectory> dirs) throws CabinetException {
        List<List<Segment>> folders = new ArrayList<>();
        List<CabEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> spanning = new HashSet<>(); // names of files continued from the previous cabinet, already listed
        for (int c = 0; c < dirs.size(); c++) {
            CabinetDirectory d = dirs.get(c);
            CabInput in = inputs.get(c);
            // As libmspack does: the first folder continues the previous cabinet's last when files start there
            boolean joinsPrevious = c > 0 && !d.fromPrev().isEmpty() && !d.folders().isEmpty() && !folders.isEmpty();
            if (c > 0 && (dirs.get(c - 1).nextCabinet() == null || d.prevCabinet() == null)) {
                throw in.fail("does not continue " + inputs.get(c - 1).label() + " (the cabinets are not one set)");
            }
            int base = joinsPrevious ? folders.size() - 1 : folders.size();
            for (int f = 0; f < d.folders().size(); f++) {
                Segment seg = new Segment(in, d.folders().get(f), d.cbCFData(), f);
                if (f == 0 && joinsPrevious) folders.get(base).add(seg);
                else {
                    List<Segment> one = new ArrayList<>();
                    one.add(seg);
                    folders.add(one);
                }
            }
            for (int i = 0; i < d.entries().size(); i++) {
                CabEntry e = d.entries().get(i);
                boolean fromPrev = d.fromPrev().contains(i);
                if (fromPrev && c > 0) {
                    if (!spanning.remove(e.name())) {
                        throw in.fail("file '" + e.name() + "' continues from " + inputs.get(c - 1).label() + ", which does not list it");
                    }
                    continue;
                }
                if (fromPrev) {
                    warnings.add("file '" + e.name() + "' starts in the previous cabinet " + d.prevCabinet() + "; read the set from there to get it");
                    continue;
                }
                if (d.toNext().contains(i)) {
                    if (c == dirs.size() - 1) {
                        warnings.add("file '" + e.name() + "' ends in the next cabinet " + d.nextCabinet() + ", which is not here; it is left out");
                        continue;
                    }
                    spanning.add(e.name());
                }
                entries.add(new CabEntry(e.name(), e.size(), base + e.folderIndex(), e.offsetInFolder(),
                        e.dosDate(), e.dosTime(), e.attribs()));
            }
        }
        // a file of a spanning folder must fit in the blocks the whole set gives that folder
        for (CabEntry e : entries) {
            long capacity = 0;
            for (Segment s : folders.get(e.folderIndex())) capacity += s.folder().capacity();
            if (e.offsetInFolder() + e.size() > capacity) {
                Segment first = folders.get(e.folderIndex()).get(0);
                throw first.in().fail("file '" + e.name() + "' (" + e.size() + " bytes at offset " + e.offsetInFolder()
                        + ") extends past the end of its folder, which holds at most " + capacity + " bytes");
            }
        }
        return new CabinetSet(folders, List.copyOf(entries), List.copyOf(warnings));
    }
}
