package dev.ssprkit.cab;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One CFFILE as read from a cabinet.
 *
 * @param name           szName, decoded as UTF-8 when attribs has 0x80, else as ISO-8859-1 (like cabextract)
 * @param size           cbFile
 * @param folderIndex    iFolder
 * @param offsetInFolder uoffFolderStart: where the file starts in the folder's uncompressed stream
 * @param dosDate        the raw DOS date field
 * @param dosTime        the raw DOS time field
 * @param attribs        the raw attribute bits (0x01 read-only, 0x02 hidden, 0x04 system, 0x20 archive, 0x40 exec,
 *                       0x80 UTF-8 name)
 */
public record CabEntry(String name, long size, int folderIndex, long offsetInFolder, int dosDate, int dosTime,
                       int attribs) {

    /** The DOS date and time as a local date-time, or empty when the fields do not form a valid date. */
    public Optional<LocalDateTime> lastModified() {
        return DosDateTime.decode(dosDate, dosTime);
    }
}
