package dev.ssprkit.msi;

import dev.ssprkit.common.Classified;
import dev.ssprkit.common.ErrorKind;
import java.io.IOException;

/**
 * The one error type of the MSI layer: a database that cannot be written as asked, or a file that is not a valid
 * Windows Installer database. The message always names the stream (or table, column and row) and what was wrong.
 */
public class MsiException extends IOException implements Classified {
    private final String where;

    public MsiException(String where, String what) {
        super(where + ": " + what);
        this.where = where;
    }

    public MsiException(String where, String what, Throwable cause) {
        super(where + ": " + what, cause);
        this.where = where;
    }

    /** A database that is not what it should be, or not writable as asked: the input's fault, not the disk's. */
    @Override
    public ErrorKind kind() {
        return ErrorKind.BAD_INPUT;
    }

    /** The stream, table or table/column/row the error is about. */
    public String where() {
        return where;
    }
}
