package dev.ssprkit.validate;

import java.util.List;

/**
 * One ICE, or one family of closely related ICEs that share their walk over the tables. A rule only reads the
 * database and reports through the {@link Context}; it never throws for bad content.
 */
public interface Rule {
    /** The ICE ids this rule can report, e.g. {@code [ICE38, ICE43, ICE57]}. */
    List<String> ices();

    void check(Context ctx);
}
