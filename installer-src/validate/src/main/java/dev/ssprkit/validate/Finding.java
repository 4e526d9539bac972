package dev.ssprkit.validate;

/**
 * One validation finding, located as precisely as the rule can: the table, column and row key it is about, and the
 * row's origin (a source location such as {@code Product.wxs:12:5}, when the row came from source).
 *
 * @param iceId    the ICE number ({@code ICE03}) or, for checks without an SDK counterpart, {@code SSPRKnn}
 * @param severity error or warning
 * @param table    the table, or null for package-wide findings (summary information, structure)
 * @param column   the column, or null
 * @param rowKey   the row's primary key cells joined by {@code /}, or null
 * @param origin   {@code Row.origin()}, or null
 * @param message  what is wrong, in words that name the values involved
 */
public record Finding(String iceId, Severity severity, String table, String column, String rowKey, String origin, String message) {

    /** {@code origin: ERROR ICE03: File.FileName [readme.txt]: message}, in the compiler-message style. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (origin != null) sb.append(origin).append(": ");
        sb.append(severity).append(' ').append(iceId).append(": ");
        if (table != null) {
            sb.append(table);
            if (column != null) sb.append('.').append(column);
            if (rowKey != null) sb.append(" [").append(rowKey).append(']');
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
