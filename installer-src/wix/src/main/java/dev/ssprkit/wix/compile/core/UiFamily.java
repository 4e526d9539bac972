package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Definition;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.Locale;

/**
 * The installer's user interface around the dialogs ({@link DialogFamily} does dialogs and controls): UI and
 * UIRef (a named UI is a unit sources pull in, as WiX's dialog sets are), DialogRef, TextStyle, UIText,
 * ProgressText (ActionText), Error, Show (a dialog in a UI sequence), BillboardAction/Billboard, and the control
 * groups a UI may hold on its own (RadioButtonGroup, ComboBox, ListBox, ListView). Tables and columns as the MSI
 * SDK defines them; WiX v3 takes texts and conditions from inner text, v4 from attributes (Value, Message,
 * Condition).
 */
public final class UiFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("UI", this::ui, Grammar.SECTIONS);
        g.on("UIRef", (ctx, e, s) -> PackageFamily.ref(ctx, e, "UI"), "Product", "Package", "Module", "Fragment", "UI");
        g.on("DialogRef", (ctx, e, s) -> PackageFamily.ref(ctx, e, "Dialog"), "UI");
        g.on("TextStyle", this::textStyle, "UI");
        g.on("UIText", this::uiText, "UI");
        g.on("ProgressText", this::progressText, "UI");
        g.on("Error", this::error, "UI");
        g.on("BillboardAction", this::billboardAction, "UI");
        g.on("EmbeddedUI", (ctx, e, s) -> ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "<EmbeddedUI>",
                "an embedded UI DLL replaces the installer's dialogs; this build has no MsiEmbeddedUI support yet"), "UI");
        for (String seq : new String[] {"InstallUISequence", "AdminUISequence"}) {
            g.on("Show", ActionFamily.placement("Dialog", "Dialog"), seq);
            g.also(seq, "Fragment", "UI");
        }
        g.also("Property", "Fragment", "UI");
        g.also("PropertyRef", "Fragment", "UI");
        g.also("Binary", "Fragment", "UI");
    }

    private void ui(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.has("Id") ? a.id("Id", true) : null;
        int embedded = 0;
        for (SourceElement c : e.children()) if (c.localName().equals("EmbeddedUI")) embedded++;
        if (embedded > 1) ctx.report(CompilerMessage.BAD_VALUE, e.location(), "UI", embedded + " EmbeddedUI elements", "a package has at most one embedded UI");
        ctx.children(e, scope.with(Scope.UI, id == null ? "" : id).with(Scope.PARENT, "UI")).run();
        if (id != null) ctx.add(new Definition("UI", id, e.location()));
    }

    /** TextStyle: a font for controls' {\StyleName} prefixes; Color is 0x00BBGGRR as the SDK's TextStyle table says. */
    private void textStyle(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "FaceName", "Size", "Red", "Green", "Blue", "Bold", "Italic", "Strike", "Underline");
        String id = a.id("Id", true);
        String face = a.required("FaceName");
        Object size = a.has("Size") ? a.localizableInteger("Size", 0, Short.MAX_VALUE) : Integer.valueOf(0);
        Integer color = null;
        if (a.has("Red") || a.has("Green") || a.has("Blue")) {
            color = a.integer("Red", 0, 0, 255) + a.integer("Green", 0, 0, 255) * 256 + a.integer("Blue", 0, 0, 255) * 65536;
        }
        int bits = (a.yesNo("Bold", false) ? 1 : 0) | (a.yesNo("Italic", false) ? 2 : 0) | (a.yesNo("Underline", false) ? 4 : 0)
                | (a.yesNo("Strike", false) ? 8 : 0);
        ctx.children(e, scope).run();
        if (id == null || face == null || size == null) return;
        ctx.row("TextStyle", e.location()).set("TextStyle", id).set("FaceName", face).set("Size", size).set("Color", color)
                .set("StyleBits", bits == 0 ? null : bits);
    }

    private void uiText(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Value") : ctx.attrsWithText(e, "Id");
        String id = a.id("Id", true);
        String text = ctx.v4() ? a.str("Value") : CompileContext.text(e);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.row("UIText", e.location()).set("Key", id).set("Text", text);
    }

    /** ProgressText: the ActionText row that names a running action in the progress dialog. */
    private void progressText(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Action", "Message", "Template") : ctx.attrsWithText(e, "Action", "Template");
        String action = a.required("Action");
        String message = ctx.v4() ? a.str("Message") : CompileContext.text(e);
        ctx.children(e, scope).run();
        if (action == null) return;
        ctx.row("ActionText", e.location()).set("Action", action).set("Description", message).set("Template", a.str("Template"));
    }

    private void error(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.v4() ? ctx.attrs(e, "Id", "Message") : ctx.attrsWithText(e, "Id");
        Integer id = a.integer("Id", null, 0, Short.MAX_VALUE);
        if (!a.has("Id")) a.required("Id");
        String message = ctx.v4() ? a.str("Message") : CompileContext.text(e);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.row("Error", e.location()).set("Error", id).set("Message", message);
    }

    /** BillboardAction: the billboards shown, in order, while an execute-sequence action runs. */
    private void billboardAction(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String action = a.id("Id", true);
        int[] order = {0};
        ctx.children(e, scope).on("Billboard", (c, x, s) -> {
            Attrs b = c.attrs(x, "Id", "Feature");
            String id = b.id("Id", true);
            String feature = b.id("Feature", false);
            if (feature != null) c.reference("Feature", feature, b.at("Feature"));
            int position = ++order[0];
            c.children(x, s.with(Scope.DIALOG, id).with("ControlTable", "BBControl")).run();
            if (id == null || action == null) return;
            c.row("Billboard", x.location()).set("Billboard", id).set("Feature_", feature).set("Action", action).set("Ordering", position);
        }).run();
    }

    /** The control-event name as the installer spells it: WiX upper-cases the first letter ({@code newDialog}). */
    static String upperFirst(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A ComboBox, ListBox or ListView row set: ListItem children numbered from 1 in document order. */
    static void controlGroup(CompileContext ctx, SourceElement e, Scope scope, String table, String property) {
        Attrs a = ctx.attrs(e, "Property");
        String p = property != null && !a.has("Property") ? property : a.required("Property");
        int[] order = {0};
        ctx.children(e, scope).on("ListItem", (c, x, s) -> {
            Attrs li = table.equals("ListView") ? c.attrs(x, "Value", "Text", "Icon") : c.attrs(x, "Value", "Text");
            String value = li.required("Value");
            String icon = li.id("Icon", false);
            if (icon != null) c.reference("Binary", icon, li.at("Icon"));
            int position = ++order[0];
            c.children(x, s).run();
            if (p == null || value == null) return;
            Row r = c.row(table, x.location()).set("Property", p).set("Order", position).set("Value", value).set("Text", li.str("Text"));
            if (icon != null) r.set("Binary_", icon);
        }).run();
    }
}
