package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.List;

/**
 * Dialogs and their controls: Dialog (attribute bits and the tab chain: Control_First, the Control_Next ring,
 * Control_Default, Control_Cancel), Control (Control or, inside a Billboard, BBControl rows; type-specific attribute
 * bits from bit 16 as the SDK's Control Attributes page lists them; CheckBox rows; text from the attribute, a Text
 * child or a file read at bind time), control conditions (v3 Condition children, v4 *Condition attributes),
 * Publish (ControlEvent; Property="X" publishes [X], an empty value {}), Subscribe (EventMapping) and
 * RadioButtonGroup (RadioButton rows).
 */
public final class DialogFamily implements ElementFamily {
    private static final List<String> COMMON = List.of("Hidden", "Disabled", "Sunken", "Indirect", "Integer", "RightToLeft", "RightAligned", "LeftScroll");
    private static final int VISIBLE = 1, ENABLED = 2;
    private static final String[] V4_CONDITIONS = {"DefaultCondition", "DisableCondition", "EnableCondition", "HideCondition", "ShowCondition"};

    @Override
    public void register(Grammar g) {
        g.on("Dialog", this::dialog, "UI");
        g.on("Control", this::control, "Dialog", "Billboard");
        g.on("Condition", this::condition, "Control");
        g.on("Publish", this::publish, "UI", "Control");
        g.on("Subscribe", this::subscribe, "Control");
        g.on("RadioButtonGroup", this::radioButtonGroup, "UI", "Control");
        for (String table : new String[] {"ComboBox", "ListBox", "ListView"}) {
            g.on(table, (ctx, e, s) -> UiFamily.controlGroup(ctx, e, s, table, s.get("ControlProperty")), "UI", "Control");
        }
        g.also("Binary", "Fragment", "Control");
        g.also("Property", "Fragment", "Control");
    }

    /** What a dialog's Control children leave behind for the Dialog row. */
    private static final class TabChain {
        Row last;
        String first, defaultControl, cancelControl;
        boolean trackDiskSpace;
    }

    private void dialog(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "X", "Y", "Width", "Height", "Title", "CustomPalette", "ErrorDialog", "Hidden", "KeepModeless",
                "LeftScroll", "Modeless", "NoMinimize", "RightAligned", "RightToLeft", "SystemModal", "TrackDiskSpace");
        String id = a.id("Id", true);
        // msidbDialogAttributes: Visible 1, Modal 2, Minimize 4 by default; the others flip or add bits
        int bits = 1 | 2 | 4;
        if (a.yesNo("Hidden", false)) bits ^= 1;
        if (a.yesNo("Modeless", false)) bits ^= 2;
        if (a.yesNo("NoMinimize", false)) bits ^= 4;
        if (a.yesNo("SystemModal", false)) bits |= 8;
        if (a.yesNo("KeepModeless", false)) bits |= 16;
        boolean track = a.yesNo("TrackDiskSpace", false);
        if (track) bits |= 32;
        if (a.yesNo("CustomPalette", false)) bits |= 64;
        if (a.yesNo("RightToLeft", false)) bits |= 128;
        if (a.yesNo("RightAligned", false)) bits |= 256;
        if (a.yesNo("LeftScroll", false)) bits |= 512;
        if (a.yesNo("ErrorDialog", false)) bits |= 65536;
        TabChain chain = new TabChain();
        chain.trackDiskSpace = track;
        Scope inner = scope.with(Scope.DIALOG, id).with("ControlTable", "Control");
        ctx.children(e, inner).on("Control", (c, x, s) -> control(c, x, s, chain)).run();
        if (chain.last != null && chain.first != null && !chain.first.equals(chain.last.get("Control"))) {
            chain.last.set("Control_Next", chain.first);
        }
        if (id == null) return;
        if (chain.first == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Dialog", "a control that takes the focus (not Text, Bitmap, Line, GroupBox...)",
                    "the installer starts a dialog's tab order at its first focusable control (Control_First)");
            return;
        }
        ctx.row("Dialog", e.location()).set("Dialog", id).set("HCentering", a.integer("X", 50, 0, 100)).set("VCentering", a.integer("Y", 50, 0, 100))
                .set("Width", a.integer("Width", 0, 0, Short.MAX_VALUE)).set("Height", a.integer("Height", 0, 0, Short.MAX_VALUE))
                .set("Attributes", bits).set("Title", a.str("Title")).set("Control_First", chain.first)
                .set("Control_Default", chain.defaultControl).set("Control_Cancel", chain.cancelControl);
    }

    /** A Control inside a Billboard: a BBControl row, never in a tab order. */
    private void control(CompileContext ctx, SourceElement e, Scope scope) {
        control(ctx, e, scope, null);
    }

    private void control(CompileContext ctx, SourceElement e, Scope scope, TabChain chain) {
        boolean billboard = chain == null;
        ControlTypes.Kind kind = ControlTypes.of(e.attr("Type"));
        Attrs a = ctx.attrs(e, allowed(kind, ctx.v4()));
        String type = a.required("Type");
        String id = a.id("Id", true);
        String dialog = scope.get(Scope.DIALOG);
        Object x = a.localizableInteger("X", 0, Short.MAX_VALUE), y = a.localizableInteger("Y", 0, Short.MAX_VALUE);
        Object w = a.localizableInteger("Width", 0, Short.MAX_VALUE), h = a.localizableInteger("Height", 0, Short.MAX_VALUE);
        for (String geometry : new String[] {"X", "Y", "Width", "Height"}) if (!a.has(geometry)) a.required(geometry);
        long bits = 0;
        for (int i = 0; i < COMMON.size(); i++) if (a.yesNo(COMMON.get(i), false)) bits |= 1L << i;
        List<String> special = kind.specialBits();
        for (int i = 0; i < special.size(); i++) {
            String name = special.get(i);
            if (name != null && a.yesNo(name, false)) bits |= 1L << (16 + i);
        }
        if (a.has("IconSize")) {
            String size = a.oneOf("IconSize", null, "16", "32", "48");
            int i16 = special.indexOf("Icon16"), i32 = special.indexOf("Icon32");
            if (i16 < 0) ctx.report(CompilerMessage.BAD_VALUE, a.at("IconSize"), "IconSize", size, "only controls that show icons (" + ControlTypes.WITH_ICONS + ") take an icon size");
            else if (size != null) {
                if (!size.equals("32")) bits |= 1L << (16 + i16);
                if (!size.equals("16")) bits |= 1L << (16 + i32);
            }
        }
        if (kind.disabledByDefault()) bits |= ENABLED;
        boolean tabbable = a.has("TabSkip") ? !a.yesNo("TabSkip", false) : kind.tabbable();
        String property = a.str("Property");
        // the installer fills a ListBox on FileInUseProcess itself, but ICE20 asks for the table; WiX-built packages
        // (putty 0.68's, WiX's own Decompile/ui.msi) carry it empty
        if ("ListBox".equals(type)) ctx.add(new EnsureTableSymbol("ListBox", e.location()));
        String checkBoxRef = a.str("CheckBoxPropertyRef");
        String text = a.str("Text");
        String tooltip = a.str("ToolTip"), help = a.str("Help");
        String[] textFile = {null};
        String[] radioType = {null};
        Scope inner = scope.with(Scope.CONTROL, id).with("ControlProperty", property).with(Scope.PARENT, "Control");
        String[] childText = {null};
        ctx.children(e, inner).on("Text", (c, t, s) -> {
            Attrs ta = c.v4() ? c.attrs(t, "Value", "SourceFile") : c.attrsWithText(t, "SourceFile", "src");
            String file = ta.has("SourceFile") ? ta.str("SourceFile") : ta.str("src");
            String value = c.v4() ? ta.str("Value") : CompileContext.text(t);
            if (file != null && value != null && !value.isEmpty()) {
                c.report(CompilerMessage.BAD_VALUE, t.location(), "Text", "both SourceFile and text", "a control's text comes from the file or is written here, not both");
            }
            textFile[0] = file;
            childText[0] = value == null || value.isEmpty() ? null : value;
        }).on("RadioButtonGroup", (c, g, s) -> radioType[0] = radioButtonGroup(c, g, s, property)).run();
        if (childText[0] != null) text = childText[0];
        if ("Bitmap".equals(radioType[0])) bits |= 0x40000; // msidbControlAttributesBitmap
        if ("Icon".equals(radioType[0])) bits |= 0x80000;   // msidbControlAttributesIcon
        int attributes = (int) bits ^ (VISIBLE | ENABLED);
        // WiX's rule for disk-space dialogs: a Text control showing only a property gets a trailing space (not FormatSize)
        boolean formatSize = special.contains("FormatSize") && (bits & (1L << (16 + special.indexOf("FormatSize")))) != 0;
        if (chain != null && chain.trackDiskSpace && "Text".equals(type) && !formatSize && text != null && text.startsWith("[") && text.endsWith("]")) {
            text = text + " ";
        }
        if (("Bitmap".equals(type) || "Icon".equals(type)) && text != null && text.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            ctx.reference("Binary", text, a.at("Text"));
        }
        if (id == null || type == null || dialog == null) return;
        if ("CheckBox".equals(type)) {
            if (property == null && checkBoxRef == null) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Control", "Property or CheckBoxPropertyRef", "a check box sets a property");
            } else if (property != null && checkBoxRef != null) {
                a.exclusive("Property", "CheckBoxPropertyRef");
            } else if (property != null) {
                ctx.row("CheckBox", e.location()).set("Property", property).set("Value", a.str("CheckBoxValue"));
            } else {
                ctx.reference("CheckBox", checkBoxRef, a.at("CheckBoxPropertyRef"));
            }
        }
        Row row;
        if (billboard) {
            if (tabbable) {
                ctx.report(CompilerMessage.BAD_VALUE, e.location(), "Control", "Type=\"" + type + "\" in a Billboard",
                        "billboards show only controls that never take the focus (Text, Bitmap, Icon, ProgressBar...)");
                return;
            }
            row = ctx.row("BBControl", e.location()).set("Billboard_", dialog).set("BBControl", id).set("Type", type)
                    .set("X", x).set("Y", y).set("Width", w).set("Height", h).set("Attributes", attributes).set("Text", text);
        } else {
            row = ctx.row("Control", e.location()).set("Dialog_", dialog).set("Control", id).set("Type", type)
                    .set("X", x).set("Y", y).set("Width", w).set("Height", h).set("Attributes", attributes)
                    .set("Property", property != null ? property : checkBoxRef).set("Text", text)
                    .set("Help", tooltip == null && help == null ? null : (tooltip == null ? "" : tooltip) + "|" + (help == null ? "" : help));
        }
        if (textFile[0] != null) row.extra("TextSourceFile", textFile[0]).extra("SourceFolder", ctx.sourceDirectory());
        for (String c : V4_CONDITIONS) {
            if (ctx.v4() && a.has(c)) controlCondition(ctx, a.at(c), dialog, id, c.substring(0, c.length() - "Condition".length()), a.str(c));
        }
        if (chain == null) return;
        if (a.yesNo("Default", false)) chain.defaultControl = id;
        if (a.yesNo("Cancel", false)) chain.cancelControl = id;
        if (tabbable) {
            if (chain.first == null) chain.first = id;
            if (chain.last != null) chain.last.set("Control_Next", id);
            chain.last = row;
        }
    }

    private static String[] allowed(ControlTypes.Kind kind, boolean v4) {
        List<String> names = new java.util.ArrayList<>(List.of("Id", "Type", "X", "Y", "Width", "Height", "Text", "Property", "ToolTip", "Help",
                "Default", "Cancel", "TabSkip", "CheckBoxPropertyRef", "CheckBoxValue", "IconSize"));
        names.addAll(COMMON);
        for (String s : kind.specialBits()) if (s != null) names.add(s);
        if (v4) names.addAll(List.of(V4_CONDITIONS));
        return names.toArray(String[]::new);
    }

    /** v3: {@code <Condition Action="disable">cond</Condition>} inside a Control. */
    private void condition(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrsWithText(e, "Action");
        String action = a.oneOf("Action", null, "default", "disable", "enable", "hide", "show");
        if (!a.has("Action")) a.required("Action");
        String condition = CompileContext.text(e);
        if (condition == null || condition.isBlank()) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Condition", "a condition as the element's text", "say when the control changes");
            return;
        }
        ctx.children(e, scope).run();
        if (action == null || scope.get(Scope.DIALOG) == null || scope.get(Scope.CONTROL) == null) return;
        controlCondition(ctx, e.location(), scope.get(Scope.DIALOG), scope.get(Scope.CONTROL), UiFamily.upperFirst(action), condition.strip());
    }

    private static void controlCondition(CompileContext ctx, dev.ssprkit.wix.diag.SourceLocation at, String dialog, String control, String action, String condition) {
        ctx.row("ControlCondition", at).set("Dialog_", dialog).set("Control_", control).set("Action", action).set("Condition", condition);
    }

    /**
     * Publish: a ControlEvent row. Nested in a Control it takes the dialog and control from there and numbers events
     * 1, 2, 3... in document order; under UI it names them (Dialog, Control) and is ordered 1 unless Order says.
     */
    private void publish(CompileContext ctx, SourceElement e, Scope scope) {
        boolean nested = scope.get(Scope.CONTROL) != null && "Control".equals(scope.get(Scope.PARENT));
        Attrs a = ctx.v4() ? ctx.attrsWithConditionText(e, "Dialog", "Control", "Event", "Property", "Value", "Order", "Condition")
                : ctx.attrsWithText(e, "Dialog", "Control", "Event", "Property", "Value", "Order");
        String dialog, control;
        int order;
        if (nested) {
            for (String n : new String[] {"Dialog", "Control"}) {
                if (a.has(n)) ctx.report(CompilerMessage.BAD_VALUE, a.at(n), n, a.str(n), "a Publish inside a Control takes its dialog and control from there");
            }
            dialog = scope.get(Scope.DIALOG);
            control = scope.get(Scope.CONTROL);
            int[] counter = ctx.state("publish.order." + dialog + "/" + control, () -> new int[1]);
            order = ++counter[0];
        } else {
            dialog = a.id("Dialog", true);
            control = a.id("Control", true);
            if (dialog != null) ctx.reference("Dialog", dialog, a.at("Dialog"));
            // no reference to the control: WiX links only the dialog (its UI test publishes on a control FirstDialog lacks
            // and builds); an unknown control is ICE03's finding (error for v3 sources, warning WIX0189 for v4+)
            order = 1;
        }
        if (a.has("Order")) {
            order = a.integer("Order", order, 0, Integer.MAX_VALUE);
            if (nested) ctx.<int[]>state("publish.order." + dialog + "/" + control, () -> new int[1])[0] = order;
        }
        String event = UiFamily.upperFirst(a.str("Event"));
        String property = a.str("Property");
        int n = a.exclusive("Event", "Property");
        if (n == 0) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Publish", "Event or Property", "a Publish raises a control event or sets a property");
        String value = a.str("Value");
        if (value == null && event != null) a.required("Value");
        if (value == null && property != null) value = "{}"; // the SDK's way to set a property to nothing
        String condition = ctx.condition(e, a);
        if (condition != null && condition.isBlank()) condition = null;
        ctx.children(e, scope).run();
        if (dialog == null || control == null || n != 1 || value == null) return;
        ctx.row("ControlEvent", e.location()).set("Dialog_", dialog).set("Control_", control)
                .set("Event", event != null ? event : "[" + property + "]").set("Argument", value)
                .set("Condition", condition == null ? null : condition.strip()).set("Ordering", order);
        if (event == null) return;
        boolean names = value.matches("[A-Za-z_][A-Za-z0-9_.]*");
        switch (event) {
            case "DoAction" -> {
                if (names && !StandardActionNames.isStandard(value)) ctx.reference("CustomAction", value, a.at("Value"));
            }
            case "NewDialog", "SpawnDialog", "SpawnWaitDialog", "SelectionBrowse" -> {
                if (names) ctx.reference("Dialog", value, a.at("Value"));
            }
            default -> { }
        }
    }

    /** Subscribe: an EventMapping row (the control's attribute follows a published event). */
    private void subscribe(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Event", "Attribute");
        String event = UiFamily.upperFirst(a.required("Event"));
        String attribute = UiFamily.upperFirst(a.required("Attribute"));
        ctx.children(e, scope).run();
        if (event == null || attribute == null || scope.get(Scope.CONTROL) == null) return;
        ctx.row("EventMapping", e.location()).set("Dialog_", scope.get(Scope.DIALOG)).set("Control_", scope.get(Scope.CONTROL))
                .set("Event", event).set("Attribute", attribute);
    }

    private void radioButtonGroup(CompileContext ctx, SourceElement e, Scope scope) {
        String type = radioButtonGroup(ctx, e, scope, null);
        if ("Bitmap".equals(type) || "Icon".equals(type)) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "RadioButtonGroup", type + " buttons outside a Control",
                    "bitmap and icon radio buttons need the control's Bitmap/Icon attribute: put the group inside its RadioButtonGroup control");
        }
    }

    /** RadioButton rows numbered from 1; returns how the buttons show (Text, Bitmap or Icon), which must agree. */
    private String radioButtonGroup(CompileContext ctx, SourceElement e, Scope scope, String controlProperty) {
        Attrs a = ctx.attrs(e, "Property");
        String property = a.has("Property") || controlProperty == null ? a.id("Property", true) : controlProperty;
        if (a.has("Property") && property != null) ctx.reference("Property", property, a.at("Property"));
        int[] order = {0};
        String[] groupType = {null};
        ctx.children(e, scope).on("RadioButton", (c, b, s) -> {
            Attrs ra = c.attrs(b, "Value", "X", "Y", "Width", "Height", "Text", "Bitmap", "Icon", "ToolTip", "Help");
            int shown = ra.exclusive("Text", "Bitmap", "Icon");
            String kind = ra.has("Bitmap") ? "Bitmap" : ra.has("Icon") ? "Icon" : "Text";
            String text = ra.has("Text") ? ra.str("Text") : ra.has(kind) ? ra.id(kind, true) : null;
            if (!kind.equals("Text") && text != null) c.reference("Binary", text, ra.at(kind));
            if (shown > 0 && groupType[0] != null && !groupType[0].equals(kind)) {
                c.report(CompilerMessage.BAD_VALUE, b.location(), "RadioButton", kind, "every button of a group shows the same kind of thing (" + groupType[0] + ")");
            }
            if (shown > 0 && groupType[0] == null) groupType[0] = kind;
            String value = ra.required("Value");
            Object x = ra.localizableInteger("X", 0, Short.MAX_VALUE), y = ra.localizableInteger("Y", 0, Short.MAX_VALUE);
            Object w = ra.localizableInteger("Width", 0, Short.MAX_VALUE), h = ra.localizableInteger("Height", 0, Short.MAX_VALUE);
            for (String g : new String[] {"X", "Y", "Width", "Height"}) if (!ra.has(g)) ra.required(g);
            int position = ++order[0];
            String tooltip = ra.str("ToolTip"), help = ra.str("Help");
            c.children(b, s).run();
            if (property == null || value == null) return;
            c.row("RadioButton", b.location()).set("Property", property).set("Order", position).set("Value", value)
                    .set("X", x).set("Y", y).set("Width", w).set("Height", h).set("Text", text)
                    .set("Help", tooltip == null && help == null ? null : (tooltip == null ? "" : tooltip) + "|" + (help == null ? "" : help));
        }).run();
        if (property == null) a.required("Property");
        return groupType[0];
    }
}
