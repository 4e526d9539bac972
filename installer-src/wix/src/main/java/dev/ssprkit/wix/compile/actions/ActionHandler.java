package dev.ssprkit.wix.compile.actions;

import dev.ssprkit.builder.ActionSpec;
import dev.ssprkit.builder.StandardSequences;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** CustomAction, SetProperty, Binary, Icon, and the five sequence tables (Custom and standard-action elements). */
public final class ActionHandler {
    /** Standard actions an author may place or suppress in a sequence element. */
    static final Set<String> STANDARD_ACTIONS = new TreeSet<>();

    static {
        Stream.of(StandardSequences.INSTALL_EXECUTE, StandardSequences.INSTALL_UI, StandardSequences.ADMIN_EXECUTE,
                StandardSequences.ADMIN_UI, StandardSequences.ADVT_EXECUTE).flatMap(List::stream)
                .forEach(a -> STANDARD_ACTIONS.add(a.name()));
        STANDARD_ACTIONS.addAll(List.of("RemoveExistingProducts", "ScheduleReboot", "ForceReboot", "InstallExecute",
                "InstallExecuteAgain", "ResolveSource", "DuplicateFiles", "RemoveDuplicateFiles", "RegisterTypeLibraries",
                "UnregisterTypeLibraries", "SelfRegModules", "SelfUnregModules"));
    }

    private final CompileContext ctx;

    public ActionHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    /**
     * CustomAction: the Type column is the source/target kind (1 DLL in Binary, 2 EXE in Binary, 18 installed file
     * EXE, 19 error, 34 EXE in a directory, 35 directory assignment, 50 EXE named by a property, 51 property
     * assignment) plus the execution and return flags.
     */
    public void customAction(SourceElement e) {
        String binaryAttr = ctx.v4() ? "BinaryRef" : "BinaryKey";
        String fileAttr = ctx.v4() ? "FileRef" : "FileKey";
        Attrs a = ctx.attrs(e, "Id", "Property", "Directory", "Value", "Error", binaryAttr, "DllEntry", "ExeCommand",
                fileAttr, "Execute", "Return", "Impersonate", "HideTarget");
        String id = a.id("Id", true);
        a.exclusive("Property", "Directory", "Error", binaryAttr, fileAttr);
        int type;
        String source = null, target;
        if (a.has("Error")) {
            type = 19;
            target = a.str("Error");
        } else if (a.has(binaryAttr)) {
            source = a.id(binaryAttr, true);
            ctx.section().reference(Kind.BINARY, source, a.at(binaryAttr));
            a.exclusive("DllEntry", "ExeCommand");
            if (a.has("DllEntry")) {
                type = 1;
                target = a.str("DllEntry");
            } else {
                type = 2;
                target = a.str("ExeCommand");
                if (target == null) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomAction", "DllEntry or ExeCommand", "a Binary custom action calls a DLL entry point or runs an EXE");
            }
        } else if (a.has(fileAttr)) {
            source = a.id(fileAttr, true);
            ctx.section().reference(Kind.FILE, source, a.at(fileAttr));
            type = 18;
            target = a.required("ExeCommand");
        } else if (a.has("Property")) {
            source = a.id("Property", true);
            if (a.has("ExeCommand")) {
                type = 50;
                target = a.str("ExeCommand");
            } else {
                type = 51;
                target = a.required("Value");
            }
        } else if (a.has("Directory")) {
            source = a.id("Directory", true);
            ctx.section().reference(Kind.DIRECTORY, source, a.at("Directory"));
            if (a.has("ExeCommand")) {
                type = 34;
                target = a.str("ExeCommand");
            } else {
                type = 35;
                target = a.required("Value");
            }
        } else {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomAction", "Property, Directory, Error, " + binaryAttr + " or " + fileAttr,
                    "say what the action does: set a property or directory, show an error, call a DLL or run an EXE");
            type = 0;
            target = null;
        }
        String execute = a.oneOf("Execute", "immediate", "immediate", "deferred", "rollback", "commit", "oncePerProcess", "firstSequence", "secondSequence");
        type |= switch (execute) {
            case "deferred" -> 0x400;
            case "rollback" -> 0x500;
            case "commit" -> 0x600;
            case "firstSequence" -> 0x100;
            case "oncePerProcess" -> 0x200;
            case "secondSequence" -> 0x300;
            default -> 0;
        };
        String ret = a.oneOf("Return", "check", "check", "ignore", "asyncWait", "asyncNoWait");
        type |= switch (ret) {
            case "ignore" -> 0x40;
            case "asyncWait" -> 0x80;
            case "asyncNoWait" -> 0xC0;
            default -> 0;
        };
        if (!a.yesNo("Impersonate", true)) type |= 0x800;
        if (a.yesNo("HideTarget", false)) type |= 0x2000;
        ctx.children(e).run();
        if (id != null && type != 0) ctx.section().add(new Symbols.CustomAction(id, type, source, target, null, e.location()));
    }

    /** SetProperty: a type-51 action "Set" + property id, scheduled in the execute and/or UI sequence. */
    public void setProperty(SourceElement e) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Action", "Value", "Before", "After", "Sequence", "Condition")
                : ctx.attrsWithText(e, "Id", "Action", "Value", "Before", "After", "Sequence");
        String property = a.id("Id", true);
        String value = a.required("Value");
        String action = a.has("Action") ? a.id("Action", true) : property == null ? null : "Set" + property;
        a.exclusive("Before", "After");
        String before = a.id("Before", false), after = a.id("After", false);
        if (before == null && after == null && !a.has("Before") && !a.has("After")) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "SetProperty", "Before or After", "place the assignment relative to another action");
        }
        String sequence = a.oneOf("Sequence", "both", "both", "execute", "ui", "first");
        String condition = ctx.v4() ? a.str("Condition") : CompileContext.text(e);
        ctx.children(e).run();
        if (property == null || value == null || action == null) return;
        ctx.section().add(new Symbols.CustomAction(action, 51, property, value, null, e.location()));
        for (String table : sequence.equals("both") || sequence.equals("first") ? List.of("InstallUISequence", "InstallExecuteSequence")
                : sequence.equals("ui") ? List.of("InstallUISequence") : List.of("InstallExecuteSequence")) {
            ctx.section().add(new Symbols.Action(table, action, condition, null, before, after, false, e.location()));
        }
    }

    public void sequence(SourceElement e) {
        String table = e.localName();
        ctx.attrs(e);
        var children = ctx.children(e).on("Custom", c -> custom(c, table));
        for (String std : STANDARD_ACTIONS) children.on(std, c -> standard(c, table));
        children.run();
    }

    private void custom(SourceElement e, String table) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Action", "Before", "After", "Sequence", "Condition", "Overridable")
                : ctx.attrsWithText(e, "Action", "Before", "After", "Sequence", "Overridable");
        String action = a.id("Action", true);
        ctx.section().reference(Kind.CUSTOM_ACTION, action, a.at("Action"));
        placed(e, a, table, action, ctx.v4() ? a.str("Condition") : CompileContext.text(e), false);
    }

    private void standard(SourceElement e, String table) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Before", "After", "Sequence", "Condition", "Suppress", "Overridable")
                : ctx.attrsWithText(e, "Before", "After", "Sequence", "Suppress", "Overridable");
        boolean suppress = a.yesNo("Suppress", false);
        placed(e, a, table, e.localName(), ctx.v4() ? a.str("Condition") : CompileContext.text(e), suppress);
    }

    private void placed(SourceElement e, Attrs a, String table, String action, String condition, boolean suppress) {
        a.yesNo("Overridable", false);
        int n = a.exclusive("Before", "After", "Sequence");
        Integer sequence = a.integer("Sequence", null, -4, 32767);
        String before = a.id("Before", false), after = a.id("After", false);
        boolean standard = action != null && STANDARD_ACTIONS.contains(action); // null: a bad Action, already reported
        if (n == 0 && !suppress && !standard) {
            ctx.report(CompilerMessage.EMPTY_SEQUENCE_PLACEMENT, e.location(), e.localName(), table);
            return;
        }
        ctx.children(e).run();
        if (action != null && ActionSpec.TABLES.contains(table)) {
            ctx.section().add(new Symbols.Action(table, action, condition, sequence, before, after, suppress, e.location()));
        }
    }

    public void binary(SourceElement e, boolean icon) {
        Attrs a = ctx.attrs(e, "Id", "SourceFile");
        String id = a.id("Id", true);
        String source = a.required("SourceFile");
        ctx.children(e).run();
        java.nio.file.Path payload = source == null ? null : ctx.payload(a, "SourceFile", source);
        if (id == null || payload == null) return;
        ctx.section().add(icon ? new Symbols.Icon(id, payload, e.location()) : new Symbols.Binary(id, payload, e.location()));
    }
}
