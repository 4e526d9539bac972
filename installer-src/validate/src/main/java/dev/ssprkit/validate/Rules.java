package dev.ssprkit.validate;

import dev.ssprkit.validate.rules.ColumnWidths;
import dev.ssprkit.validate.rules.Components;
import dev.ssprkit.validate.rules.Dialogs;
import dev.ssprkit.validate.rules.CustomActions;
import dev.ssprkit.validate.rules.DataTypes;
import dev.ssprkit.validate.rules.Files;
import dev.ssprkit.validate.rules.FormattedReferences;
import dev.ssprkit.validate.rules.Platform64;
import dev.ssprkit.validate.rules.ProductIdentity;
import dev.ssprkit.validate.rules.Profiles;
import dev.ssprkit.validate.rules.PropertyNames;
import dev.ssprkit.validate.rules.ReadLeniencies;
import dev.ssprkit.validate.rules.RegistryValues;
import dev.ssprkit.validate.rules.SchemaColumns;
import dev.ssprkit.validate.rules.Sequences;
import dev.ssprkit.validate.rules.Shortcuts;
import dev.ssprkit.validate.rules.Structure;
import dev.ssprkit.validate.rules.StandardDialogs;
import dev.ssprkit.validate.rules.Upgrades;

import java.util.List;
import java.util.TreeSet;

/** The one list of rules {@link Validator} runs, in this order. Add a rule here and to the README's table. */
public final class Rules {
    private Rules() {}

    public static final List<Rule> ALL = List.of(
            new SchemaColumns(),       // ICE06 ICE32
            new DataTypes(),           // ICE03
            new ColumnWidths(),        // ICE03 (string overflow)
            new ProductIdentity(),     // ICE05 ICE16 ICE24 ICE39 ICE74 ICE87
            new Components(),          // ICE02 ICE08 ICE09 ICE18 ICE21 ICE35 ICE45 ICE92
            new Files(),               // ICE04 ICE30 ICE58 ICE60 ICE71
            new Structure(),           // ICE14 ICE47 ICE48 ICE66
            new Sequences(),           // ICE26 ICE27 ICE78 ICE82 ICE84 ICE96
            new CustomActions(),       // ICE12 ICE63 ICE68 ICE75 ICE77 ICE93
            new Profiles(),            // ICE38 ICE43 ICE57 ICE64 ICE90 ICE91 ICE105
            new Platform64(),          // ICE80
            new Upgrades(),            // ICE61
            new PropertyNames(),       // ICE46 ICE52 ICE79 ICE86 ICE99
            new RegistryValues(),      // ICE33 ICE65 ICE70
            new Shortcuts(),           // ICE17 ICE36 ICE59 ICE67
            new Dialogs(),             // ICE17 ICE31 ICE34 ICE44
            new StandardDialogs(),     // ICE20
            new FormattedReferences(), // ICE69
            new ReadLeniencies()       // SSPRK03: what the reader accepted as Windows does
    );

    /** Every ICE id some rule can report, sorted by number. */
    public static List<String> implementedIces() {
        TreeSet<String> ids = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3))));
        for (Rule r : ALL) ids.addAll(r.ices());
        return List.copyOf(ids);
    }
}
