package dev.ssprkit.ca;

import dev.ssprkit.msi.schema.TableSchema;

import java.util.List;

/**
 * What one element family compiles to, for one schema generation and architecture: everything the compiler emits
 * besides the element's own rows in {@link #tables}.
 *
 * @param binary           the Binary row to add (once per package)
 * @param tables           the custom tables the element's rows go into (created with {@code Database.createTable})
 * @param customActions    the CustomAction rows
 * @param sequence         where those actions are scheduled (InstallExecuteSequence / InstallUISequence)
 * @param standardActions  standard actions the placements are anchored on, to schedule when the package lacks them
 * @param requiredTables   standard tables that must exist (possibly empty) because the DLL adds temporary rows to them
 * @param alsoNeeds        other families WiX pulls in with this one (CloseApplication brings CheckRebootRequired)
 */
public record ElementSupport(ElementFamily family, SchemaGeneration generation, Architecture architecture,
                             CustomActionBinary binary, List<TableSchema> tables, List<CustomActionRow> customActions,
                             List<SequenceEntry> sequence, List<StandardActionRef> standardActions,
                             List<String> requiredTables, List<ElementFamily> alsoNeeds) {
    public ElementSupport {
        tables = List.copyOf(tables);
        customActions = List.copyOf(customActions);
        sequence = List.copyOf(sequence);
        standardActions = List.copyOf(standardActions);
        requiredTables = List.copyOf(requiredTables);
        alsoNeeds = List.copyOf(alsoNeeds);
    }

    /** The table of this family named {@code name}, e.g. {@code Wix4XmlFile}. */
    public TableSchema table(String name) {
        for (TableSchema t : tables) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException(family + " has no table " + name);
    }

    /** The custom action running {@code dllEntry} (the first one, when several do). */
    public CustomActionRow action(String dllEntry) {
        for (CustomActionRow a : customActions) if (a.target().equals(dllEntry)) return a;
        throw new IllegalArgumentException(family + " has no action running " + dllEntry);
    }
}
