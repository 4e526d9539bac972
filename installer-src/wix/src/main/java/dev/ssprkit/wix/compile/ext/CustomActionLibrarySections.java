package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.Architecture;
import dev.ssprkit.ca.CustomActionBinary;
import dev.ssprkit.ca.CustomActionLibrary;
import dev.ssprkit.ca.CustomActionRow;
import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.LibraryKind;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.ca.SequenceEntry;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.compile.core.ActionFamily;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.link.Linked;
import dev.ssprkit.wix.model.CustomTableSymbol;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.source.Platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ssprkit's custom-action library as link-time fragments, the way WiX's util and firewall {@code .wixlib}s work: one
 * fragment per element family (its CustomAction rows, placements, required tables), per Binary row (our DLL), per
 * custom table, and per OS-query property group ({@code WIX_ACCOUNT_*}, {@code WIX_DIR_*}, {@code WIX_SUITE_*},
 * {@code WIX_NATIVE_MACHINE}). The linker pulls a fragment in only when something the build compiled references
 * what it defines: an element's reference to its scheduling action, a {@code <CustomActionRef>}, a
 * {@code <PropertyRef>}, or a custom action's {@code BinaryKey}/{@code BinaryRef}. A source that defines any of these
 * itself (its own {@code Binary Id="WixCA"}, say) keeps its own; placements here are overridable, so an author's own
 * {@code <Custom>} for one of these actions wins. What each family compiles to comes from
 * {@link CustomActionLibrary#support} (see installer-src/customactions/README.md).
 */
public final class CustomActionLibrarySections {
    /** A row's extra naming the library binary it holds, so calls into it can be checked after linking. */
    static final String LIBRARY_BINARY = "CustomActionLibraryBinary";

    private static final List<Architecture> BUILT = List.of(Architecture.values());

    private CustomActionLibrarySections() {}

    /** Where the library's rows come from, for messages that name them. */
    static SourceLocation location(String what) {
        return SourceLocation.ofFile(Path.of("ssprkit-customactions", what));
    }

    /** The architecture whose DLL an element in a build for {@code platform} uses. */
    public static Architecture architecture(Platform platform) {
        return switch (platform) {
            case X86 -> Architecture.X86;
            case X64 -> Architecture.X64;
            case ARM64 -> Architecture.ARM64;
        };
    }

    /**
     * Every fragment of the library. {@code primary} and {@code platform} choose which family the WIX_* property
     * fragments pull in (their names carry no generation or architecture); the build's own generation's property
     * fragments come first, so they win.
     */
    public static List<Section> sections(SchemaGeneration primary, Platform platform) {
        List<Section> out = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        for (SchemaGeneration g : List.of(primary, primary == SchemaGeneration.V3 ? SchemaGeneration.V4 : SchemaGeneration.V3)) {
            for (Architecture a : BUILT) {
                for (LibraryKind k : LibraryKind.values()) out.add(binarySection(CustomActionLibrary.binary(k, g, a)));
                for (ElementFamily f : ElementFamily.values()) {
                    ElementSupport s = CustomActionLibrary.support(f, g, a);
                    out.add(familySection(s));
                    for (TableSchema t : s.tables()) {
                        if (tables.add(t.name())) out.add(tableSection(t));
                    }
                }
            }
            Architecture propertyArch = architecture(platform);
            for (QueryProperties q : QueryProperties.values()) out.add(propertySection(q, g, propertyArch));
        }
        return out;
    }

    private static Section binarySection(CustomActionBinary b) {
        SourceLocation at = location(b.fileName());
        Section s = new Section(Section.Type.FRAGMENT, null, at);
        Row r = s.add(new Row(StandardSchema.require("Binary"), at));
        r.set("Name", b.binaryId()).set("Data", b.data());
        r.extra(LIBRARY_BINARY, b);
        return s;
    }

    private static Section tableSection(TableSchema t) {
        SourceLocation at = location(t.name());
        Section s = new Section(Section.Type.FRAGMENT, null, at);
        s.add(new CustomTableSymbol(t, false, at));
        return s;
    }

    private static Section familySection(ElementSupport support) {
        SourceLocation at = location(support.family().name() + "_" + support.generation() + "_" + support.architecture().label());
        Section s = new Section(Section.Type.FRAGMENT, null, at);
        for (CustomActionRow a : support.customActions()) {
            s.add(new Row(StandardSchema.require("CustomAction"), at)).set("Action", a.action()).set("Type", a.type())
                    .set("Source", a.source()).set("Target", a.target());
        }
        for (SequenceEntry e : support.sequence()) {
            s.add(new Scheduled(e.table(), e.action(), e.condition(), null, e.before() ? e.anchor() : null,
                    e.before() ? null : e.anchor(), false, true, at));
        }
        s.reference("Binary", support.binary().binaryId(), at);
        for (TableSchema t : support.tables()) s.reference("CustomTable", t.name(), at);
        for (String t : support.requiredTables()) s.add(new EnsureTableSymbol(t, at));
        for (ElementFamily also : support.alsoNeeds()) {
            ElementSupport other = CustomActionLibrary.support(also, support.generation(), support.architecture());
            s.reference("CustomAction", other.customActions().get(0).action(), at);
        }
        return s;
    }

    /** WiX's util library defines each WIX_* property Secure, and pulls in the action that sets it. */
    private static Section propertySection(QueryProperties q, SchemaGeneration g, Architecture a) {
        SourceLocation at = location(q.family.name() + "_properties");
        Section s = new Section(Section.Type.FRAGMENT, null, at);
        for (String name : q.names) {
            s.add(new Row(StandardSchema.require("Property"), at)).set("Property", name).extra("Secure", true);
        }
        s.reference("CustomAction", schedulingAction(q.family, g, a), at);
        return s;
    }

    /** The action an element references to pull its family in (the first, scheduling one). */
    public static String schedulingAction(ElementFamily family, SchemaGeneration g, Architecture a) {
        return CustomActionLibrary.support(family, g, a).customActions().get(0).action();
    }

    /**
     * After linking: every DLL custom action that calls into one of the library's binaries must name an entry point
     * that binary exports; otherwise the package would fail at install time with error 1723.
     */
    public static void checkCalls(Linked linked, Diagnostics diagnostics) {
        for (ActionFamily.BinaryCall call : linked.all(ActionFamily.BinaryCall.class)) {
            if (call.entry() == null) continue;
            Row binary = linked.row("Binary", call.binary());
            if (binary == null || !(binary.extra(LIBRARY_BINARY) instanceof CustomActionBinary b)) continue;
            Optional<String> problem = CustomActionLibrary.entryPointProblem(b.binaryId(), call.entry());
            problem.ifPresent(p -> diagnostics.report(CompilerMessage.LIBRARY_ENTRY_POINT, call.location(),
                    call.action() == null ? "(unnamed)" : call.action(), p));
        }
    }
}
