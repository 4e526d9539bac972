package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.ReadWarning;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.List;

/**
 * SSPRK03: what the reader accepted although it is wrong, as Windows Installer accepts it (a file that ends inside its
 * last sector, a stream listed twice, a summary codepage of 0), as warnings. Over-wide strings are
 * {@link ColumnWidths}' (ICE03) and dangling Directory parents {@link DataTypes}' foreign-key check (ICE03), so the
 * reader's ICE-tagged warnings are not repeated here.
 */
public final class ReadLeniencies implements Rule {
    public static final String ID = "SSPRK03";

    @Override
    public List<String> ices() {
        return List.of(); // no ICE counterpart
    }

    @Override
    public void check(Context ctx) {
        for (ReadWarning w : ctx.db().readWarnings()) {
            if (w.ice() == null) ctx.reportPackage(ID, Severity.WARNING, w.where() + ": " + w.what());
        }
    }
}
