package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.ElementHandler;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;
import java.util.List;

/**
 * CustomAction, CustomActionRef, SetProperty, SetDirectory and the five sequence tables with their Custom and
 * standard-action children. The Type column is the source/target kind plus the execution flags, as the SDK's custom
 * action type pages define them.
 */
public final class ActionFamily implements ElementFamily {
    static final String[] SEQUENCES = {"InstallExecuteSequence", "InstallUISequence", "AdminExecuteSequence",
            "AdminUISequence", "AdvtExecuteSequence", "AdvertiseExecuteSequence"};

    @Override
    public void register(Grammar g) {
        g.on("CustomAction", this::customAction, Grammar.SECTIONS);
        g.on("CustomActionRef", (ctx, e, s) -> PackageFamily.ref(ctx, e, "CustomAction"), Grammar.SECTIONS);
        g.on("SetProperty", this::setProperty, Grammar.SECTIONS);
        g.on("SetDirectory", this::setDirectory, Grammar.SECTIONS);
        for (String seq : SEQUENCES) g.on(seq, this::sequence, Grammar.SECTIONS);
        for (String seq : SEQUENCES) {
            g.on("Custom", this::custom, seq);
            for (String std : StandardActionNames.ALL) g.on(std, this::standard, seq);
        }
    }

    private void customAction(CompileContext ctx, SourceElement e, Scope scope) {
        String binaryAttr = ctx.v4() ? "BinaryRef" : "BinaryKey";
        String fileAttr = ctx.v4() ? "FileRef" : "FileKey";
        Attrs a = ctx.attrsWithText(e, "Id", "Property", "Directory", "Value", "Error", binaryAttr, "DllEntry", "ExeCommand",
                fileAttr, "JScriptCall", "VBScriptCall", "Script", "ScriptSourceFile", "Execute", "Return", "Impersonate",
                "HideTarget", "PatchUninstall", "TerminalServerAware", "Win64", "Bitness", "SuppressModularization", "Subdirectory");
        String id = a.id("Id", true);
        a.exclusive("Property", "Directory", "Error", binaryAttr, fileAttr, "Script");
        if (a.has("Subdirectory") && !a.has("Directory")) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, a.at("Subdirectory"), "CustomAction", "Directory", "Subdirectory names folders below the Directory attribute's");
        }
        String inline = CompileContext.text(e);
        boolean script64 = ctx.is64Bit();
        if (a.has("Win64")) script64 = a.yesNo("Win64", script64);
        if (a.has("Bitness")) script64 = !"always32".equals(a.oneOf("Bitness", "default", "default", "always32", "always64"))
                && ("always64".equals(a.str("Bitness")) || ctx.is64Bit());
        int type;
        String source = null, target;
        String code = a.has("DllEntry") ? "dll" : a.has("ExeCommand") ? "exe" : a.has("JScriptCall") ? "js" : a.has("VBScriptCall") ? "vbs" : null;
        if (a.has("DllEntry") || a.has("JScriptCall") || a.has("VBScriptCall")) a.exclusive("DllEntry", "ExeCommand", "JScriptCall", "VBScriptCall");
        if (a.has("Error")) {
            type = 19;
            target = a.str("Error");
        } else if (a.has(binaryAttr)) {
            source = a.id(binaryAttr, true);
            ctx.reference("Binary", source, a.at(binaryAttr));
            if (code == null) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomAction", "DllEntry, ExeCommand, JScriptCall or VBScriptCall", "a Binary custom action calls a DLL entry point, runs an EXE or calls a script function");
                return;
            }
            type = switch (code) {
                case "dll" -> 1;
                case "exe" -> 2;
                case "js" -> 5;
                default -> 6;
            };
            target = target(a, code);
            if (type >= 5 && script64) type |= 0x1000;
            ctx.add(new BinaryCall(id, source, code.equals("dll") ? target : null, a.has("DllEntry") ? a.at("DllEntry") : e.location()));
        } else if (a.has(fileAttr)) {
            source = a.id(fileAttr, true);
            ctx.reference("File", source, a.at(fileAttr));
            if (code == null) code = "exe";
            type = switch (code) {
                case "dll" -> 17;
                case "exe" -> 18;
                case "js" -> 21;
                default -> 22;
            };
            target = code.equals("exe") && !a.has("ExeCommand") ? a.required("ExeCommand") : target(a, code);
            if (type >= 21 && script64) type |= 0x1000;
        } else if (a.has("Property")) {
            source = a.id("Property", true);
            if (a.has("ExeCommand")) {
                type = 50;
                target = a.str("ExeCommand");
            } else if (a.has("JScriptCall") || a.has("VBScriptCall")) {
                type = a.has("JScriptCall") ? 53 : 54;
                target = target(a, code);
                if (script64) type |= 0x1000;
            } else {
                type = 51;
                target = a.str("Value");
                if (target == null) a.required("Value");
            }
        } else if (a.has("Directory")) {
            source = a.id("Directory", true);
            if (source != null) {
                source = StandardDirectories.resolve(source, ctx.platform());
                ctx.reference("Directory", source, a.at("Directory"));
                // WiX v5+: folders below Directory, made as the Directory rows they need
                if (a.has("Subdirectory")) source = Subdirectories.create(ctx, a, "Subdirectory", source);
            }
            if (a.has("ExeCommand")) {
                type = 34;
                target = a.str("ExeCommand");
            } else {
                type = 35;
                target = a.str("Value");
                if (target == null) a.required("Value");
            }
        } else if (a.has("Script")) {
            String lang = a.oneOf("Script", "jscript", "jscript", "vbscript");
            type = lang.equals("jscript") ? 37 : 38;
            if (script64) type |= 0x1000;
            if (a.has("ScriptSourceFile")) {
                Path p = ctx.payload(a, "ScriptSourceFile", a.str("ScriptSourceFile"));
                source = null;
                target = null;
                if (p != null && id != null) {
                    // a script in a file is stored as a Binary row the action calls (types 5 and 6)
                    String bin = CompileContext.generatedId("scp", id);
                    ctx.row("Binary", a.at("ScriptSourceFile")).set("Name", bin).set("Data", p);
                    type = (lang.equals("jscript") ? 5 : 6) | (script64 ? 0x1000 : 0);
                    source = bin;
                }
            } else {
                target = inline;
                if (target == null) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomAction", "the script as its text, or ScriptSourceFile", "");
            }
        } else {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomAction", "Property, Directory, Error, Script, " + binaryAttr + " or " + fileAttr,
                    "say what the action does: set a property or directory, show an error, call a DLL or run an EXE or a script");
            return;
        }
        if (!a.has("Script") && inline != null) {
            ctx.report(CompilerMessage.UNEXPECTED_TEXT, e.location(), "CustomAction", inline.length() > 40 ? inline.substring(0, 37) + "..." : inline);
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
        if (a.yesNo("TerminalServerAware", false)) type |= 0x4000;
        Integer extended = a.yesNo("PatchUninstall", false) ? 0x8000 : null;
        boolean suppressModularization = a.yesNo("SuppressModularization", false);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.row("CustomAction", e.location()).set("Action", id).set("Type", type).set("Source", source).set("Target", target)
                .set("ExtendedType", extended).extra("SuppressModularization", suppressModularization);
    }

    private static String target(Attrs a, String code) {
        return switch (code) {
            case "dll" -> a.str("DllEntry");
            case "exe" -> a.str("ExeCommand");
            case "js" -> a.str("JScriptCall");
            default -> a.str("VBScriptCall");
        };
    }

    /**
     * A DLL custom action's call into a Binary: extensions that ship the DLL check the entry point exists when the
     * Binary is theirs (WixCA, Wix4UtilCA_X64...).
     */
    public record BinaryCall(String action, String binary, String entry, dev.ssprkit.wix.diag.SourceLocation location) implements dev.ssprkit.wix.model.Symbol {}

    /** SetProperty: a type-51 action, scheduled in the execute and/or UI sequence. */
    private void setProperty(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, "Id", "Action", "Value", "Before", "After", "Sequence", "Condition")
                : ctx.attrsWithText(e, "Id", "Action", "Value", "Before", "After", "Sequence");
        String property = a.id("Id", true);
        assignment(ctx, e, a, property, property, 51, "Set", false);
    }

    /** SetDirectory: a type-35 action assigning a directory, by default right after CostInitialize. */
    private void setDirectory(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, "Id", "Action", "Value", "Sequence", "Condition")
                : ctx.attrsWithText(e, "Id", "Action", "Value", "Sequence");
        String dir = a.id("Id", true);
        if (dir != null) {
            dir = StandardDirectories.resolve(dir, ctx.platform());
            ctx.reference("Directory", dir, a.at("Id"));
        }
        // a type 51 action whose Source is the directory's property, after CostInitialize (WiX's SetDirectory docs:
        // "a Type 51 custom action"); type 35 would call MsiSetTargetPath, which only works after CostFinalize
        assignment(ctx, e, a, dir, dir, 51, "Set", true);
    }

    private void assignment(CompileContext ctx, SourceElement e, Attrs a, String target, String idBase, int type, String prefix, boolean directory) {
        String value = a.required("Value");
        String action = a.has("Action") ? a.id("Action", true) : idBase == null ? null : prefix + idBase;
        String before = null, after = null;
        if (!directory) {
            a.exclusive("Before", "After");
            before = a.id("Before", false);
            after = a.id("After", false);
            if (!a.has("Before") && !a.has("After")) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "SetProperty", "Before or After", "place the assignment relative to another action");
            }
        } else {
            after = "CostInitialize";
        }
        String sequence = a.oneOf("Sequence", "both", "both", "execute", "ui", "first");
        String condition = ctx.condition(e, a);
        ctx.children(e, Scope.ROOT).run();
        if (target == null || value == null || action == null) return;
        int execute = "first".equals(sequence) ? 0x100 : 0;
        ctx.row("CustomAction", e.location()).set("Action", action).set("Type", type | execute).set("Source", target).set("Target", value);
        List<String> tables = switch (sequence) {
            case "execute" -> List.of("InstallExecuteSequence");
            case "ui" -> List.of("InstallUISequence");
            default -> List.of("InstallUISequence", "InstallExecuteSequence");
        };
        for (String table : tables) {
            ctx.add(new Scheduled(table, action, condition, null, before, after, false, false, e.location()));
        }
    }

    private void sequence(CompileContext ctx, SourceElement e, Scope scope) {
        ctx.attrs(e);
        ctx.children(e, scope.with("SequenceTable", StandardActionNames.tableOf(e.localName()))).run();
    }

    private void custom(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get("SequenceTable");
        Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, "Action", "Before", "After", "Sequence", "Condition", "Overridable", "OnExit")
                : ctx.attrsWithText(e, "Action", "Before", "After", "Sequence", "Overridable", "OnExit");
        String action = a.id("Action", true);
        ctx.reference("CustomAction", action, a.at("Action"));
        placed(ctx, e, a, table, action, ctx.condition(e, a), false, false);
        if (a.overridable("Action") && action != null) markOverridable(ctx);
    }

    private void standard(CompileContext ctx, SourceElement e, Scope scope) {
        String table = scope.get("SequenceTable");
        Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, "Before", "After", "Sequence", "Condition", "Suppress", "Overridable")
                : ctx.attrsWithText(e, "Before", "After", "Sequence", "Suppress", "Overridable");
        boolean suppress = a.yesNo("Suppress", false);
        placed(ctx, e, a, table, e.localName(), ctx.condition(e, a), suppress, true);
    }

    /** Records a placement; OnExit (success, cancel, error, suspend) gives the special negative numbers. */
    static void placed(CompileContext ctx, SourceElement e, Attrs a, String table, String action, String condition,
                       boolean suppress, boolean standard) {
        boolean overridable = a.yesNo("Overridable", false);
        int n = a.exclusive("Before", "After", "Sequence", "OnExit");
        Integer sequence = a.integer("Sequence", null, -4, 32767);
        if (a.has("OnExit")) {
            String onExit = a.oneOf("OnExit", null, "success", "cancel", "error", "suspend");
            if (onExit != null) sequence = switch (onExit) {
                case "success" -> -1;
                case "cancel" -> -2;
                case "error" -> -3;
                default -> -4;
            };
        }
        String before = a.id("Before", false), after = a.id("After", false);
        if (n == 0 && !suppress && !standard) {
            ctx.report(CompilerMessage.EMPTY_SEQUENCE_PLACEMENT, e.location(), e.localName(), table);
            return;
        }
        ctx.children(e, Scope.ROOT).run();
        if (action == null || table == null) return;
        // placing an action relative to another references that one's placement, as WiX's compiler does (a WixAction
        // reference): the fragment that schedules it is linked in, e.g. a dialog library's ProgressDlg for a
        // <Show Dialog="MyDlg" After="ProgressDlg"/>. Optional: a standard action's placement is no fragment's.
        String relative = before != null ? before : after;
        if (relative != null) ctx.optionalReference("WixAction", table + "/" + relative, e.location());
        ctx.add(new Scheduled(table, action, condition, sequence, before, after, suppress, overridable, e.location()));
    }

    /** A handler that records a placement for a dialog or action named by {@code attribute} (UI's Show uses it). */
    public static ElementHandler placement(String attribute, String kind) {
        return (ctx, e, scope) -> {
            Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, attribute, "Before", "After", "Sequence", "Condition", "Overridable", "OnExit")
                    : ctx.attrsWithText(e, attribute, "Before", "After", "Sequence", "Overridable", "OnExit");
            String name = a.id(attribute, true);
            ctx.reference(kind, name, a.at(attribute));
            placed(ctx, e, a, scope.get("SequenceTable"), name, ctx.condition(e, a), false, false);
            if (a.overridable(attribute) && name != null) markOverridable(ctx);
        };
    }

    /** WiX v4's {@code virtual} modifier on a placement: a later non-virtual placement of the action replaces it. */
    private static void markOverridable(CompileContext ctx) {
        var symbols = ctx.section().symbols();
        if (!symbols.isEmpty() && symbols.get(symbols.size() - 1) instanceof Scheduled s) {
            symbols.set(symbols.size() - 1, new Scheduled(s.table(), s.action(), s.condition(), s.sequence(), s.before(), s.after(), s.suppress(), true, s.location()));
        }
    }

    /** Looks for the Row of a just-added CustomAction (for extensions that adjust it). */
    static Row last(CompileContext ctx) {
        var symbols = ctx.section().symbols();
        return symbols.isEmpty() || !(symbols.get(symbols.size() - 1) instanceof Row r) ? null : r;
    }
}
