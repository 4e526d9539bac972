package dev.ssprkit.cab;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The CFFILE date and time fields: two u16 in MS-DOS format, 2-second resolution, years 1980..2107. */
record DosDateTime(int date, int time) {

    /** Encodes an instant as UTC; seconds are rounded down to even. */
    static DosDateTime of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 1980 || t.getYear() > 2107) {
            throw new IllegalArgumentException("timestamp " + instant + " is outside the DOS date range 1980..2107");
        }
        int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        return new DosDateTime(date, time);
    }

    /** Decodes the fields, or empty when they do not name a real date (cabinets in the wild hold zeros). */
    static Optional<LocalDateTime> decode(int date, int time) {
        try {
            return Optional.of(LocalDateTime.of(1980 + (date >>> 9), (date >>> 5) & 0x0F, date & 0x1F,
                    time >>> 11, (time >>> 5) & 0x3F, (time & 0x1F) * 2));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
