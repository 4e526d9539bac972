package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.control;
import static dev.ssprkit.msi.schema.TableDeclarations.coordinate;
import static dev.ssprkit.msi.schema.TableDeclarations.feature;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * The internal user interface: dialogs and their controls, the events and conditions that drive them, the values of
 * list-like controls, text styles and strings, billboards, and an embedded UI DLL that replaces all of it.
 */
final class UiTables {
    private UiTables() {}

    static void declare(TableDeclarations t) {
        t.table("Dialog",
                id("Dialog").key().doc("Dialog name, used by Show, SpawnDialog and NewDialog."),
                i2("HCentering").range(0, 100).doc("Horizontal position: 0 left edge to 100 right edge of the screen."),
                i2("VCentering").range(0, 100).doc("Vertical position: 0 top to 100 bottom of the screen."),
                coordinate("Width").doc("Width in installer units."),
                coordinate("Height").doc("Height in installer units."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Bit flags: visible, modal, minimizable, error dialog..."),
                l("Title", 128).nullable().cat(FORMATTED).doc("Title bar text."),
                control("Control_First").ref("Control", 2).doc("Control that has the focus when the dialog opens."),
                control("Control_Default").nullable().ref("Control", 2).doc("Control activated by Enter."),
                control("Control_Cancel").nullable().ref("Control", 2).doc("Control activated by Esc or the close box."));
        t.table("Control",
                id("Dialog_").key().ref("Dialog").doc("Dialog the control is on."),
                control("Control").key().doc("Control name, unique on its dialog."),
                s("Type", 20).cat(IDENTIFIER).doc("Control type: PushButton, Edit, Text, Bitmap..."),
                coordinate("X").doc("Left edge, in installer units from the dialog's left."),
                coordinate("Y").doc("Top edge, in installer units from the dialog's top."),
                coordinate("Width").doc("Width in installer units."),
                coordinate("Height").doc("Height in installer units."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Bit flags; their meaning depends on the type."),
                id("Property").nullable().doc("Property the control shows or changes."),
                l("Text", 0).nullable().cat(FORMATTED).doc("Text shown, or the Binary key of a picture."),
                control("Control_Next").nullable().ref("Control", 2).doc("Next control in the tab order."),
                l("Help", 50).nullable().cat(TEXT).doc("Tooltip and context help, separated by |."));
        t.table("ControlCondition",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the control."),
                control("Control_").key().ref("Control", 2).doc("Control the action applies to."),
                s("Action", 50).key().set("Default;Disable;Enable;Hide;Show").doc("What happens to the control when the condition is true."),
                s("Condition", 255).key().cat(CONDITION).doc("When the action applies."));
        t.table("ControlEvent",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the control."),
                control("Control_").key().ref("Control", 2).doc("Control that publishes the event."),
                s("Event", 50).key().cat(FORMATTED).doc("Control event to publish, or [Property] to set a property."),
                s("Argument", 255).key().cat(FORMATTED).doc("Argument of the event, or the new property value."),
                s("Condition", 255).key().nullable().cat(CONDITION).doc("The event is published only when this is true."),
                i2("Ordering").nullable().range(0, 2147483647).doc("Order among the control's events."));
        t.table("EventMapping",
                id("Dialog_").key().ref("Dialog").doc("Dialog of the subscribing control."),
                control("Control_").key().ref("Control", 2).doc("Control that subscribes."),
                control("Event").key().doc("Event subscribed to."),
                control("Attribute").doc("Control attribute the event's argument is written to."));
        t.table("TextStyle",
                id("TextStyle").key().doc("Style name, used as {\\Style} in control text."),
                s("FaceName", 32).cat(TEXT).doc("Font face."),
                i2("Size").range(0, 32767).doc("Font size in points."),
                i4("Color").nullable().range(0, 16777215).doc("Text color as 65536*blue + 256*green + red."),
                i2("StyleBits").nullable().range(0, 15).doc("Bit flags: 1 bold, 2 italic, 4 underline, 8 strike."));
        t.table("UIText",
                id("Key").key().doc("String key used by the installer's UI."),
                l("Text", 255).nullable().cat(TEXT).doc("Localized string."));
        t.table("CheckBox",
                id("Property").key().doc("Property a check box sets."),
                s("Value", 64).nullable().cat(FORMATTED).doc("Value the property gets when the box is checked."));
        t.table("ComboBox",
                id("Property").key().doc("Property of the combo box."),
                i2("Order").key().range(1, 32767).doc("Position of the item in the list."),
                s("Value", 64).cat(FORMATTED).doc("Value the property gets when the item is chosen."),
                l("Text", 64).nullable().cat(FORMATTED).doc("Text shown for the item."));
        t.table("ListBox",
                id("Property").key().doc("Property of the list box."),
                i2("Order").key().range(1, 32767).doc("Position of the item in the list."),
                s("Value", 64).cat(FORMATTED).doc("Value the property gets when the item is chosen."),
                l("Text", 64).nullable().cat(TEXT).doc("Text shown for the item."));
        t.table("ListView",
                id("Property").key().doc("Property of the list view."),
                i2("Order").key().range(1, 32767).doc("Position of the item in the list."),
                s("Value", 64).cat(FORMATTED).doc("Value the property gets when the item is chosen."),
                l("Text", 64).nullable().cat(FORMATTED).doc("Text shown for the item."),
                id("Binary_").nullable().ref("Binary").doc("Icon shown for the item."));
        t.table("RadioButton",
                id("Property").key().doc("Property of the button group."),
                i2("Order").key().range(1, 32767).doc("Position of the button in the group."),
                s("Value", 64).cat(FORMATTED).doc("Value the property gets when the button is chosen."),
                coordinate("X").doc("Left edge within the group, in installer units."),
                coordinate("Y").doc("Top edge within the group, in installer units."),
                coordinate("Width").doc("Width in installer units."),
                coordinate("Height").doc("Height in installer units."),
                l("Text", 0).nullable().cat(TEXT).doc("Label, or the Binary key of a picture."),
                l("Help", 50).nullable().cat(TEXT).doc("Tooltip and context help, separated by |."));
        t.table("Billboard",
                control("Billboard").key().doc("Billboard name."),
                feature("Feature_").doc("The billboard is shown only when this feature is being installed."),
                control("Action").nullable().doc("Action during which the billboard is shown."),
                i2("Ordering").nullable().range(0, 32767).doc("Order among the billboards of the same action."));
        t.table("BBControl",
                control("Billboard_").key().ref("Billboard").doc("Billboard the control is on."),
                control("BBControl").key().doc("Control name, unique on its billboard."),
                control("Type").doc("Control type: Text, Bitmap, Icon or Line."),
                coordinate("X").doc("Left edge, in installer units."),
                coordinate("Y").doc("Top edge, in installer units."),
                coordinate("Width").doc("Width in installer units."),
                coordinate("Height").doc("Height in installer units."),
                i4("Attributes").nullable().range(0, 2147483647).doc("Bit flags; their meaning depends on the type."),
                l("Text", 50).nullable().cat(TEXT).doc("Text shown, or the Binary key of a picture."));
        t.table("MsiEmbeddedUI",
                id("MsiEmbeddedUI").key().doc("Row key."),
                l("FileName", 255).cat(TEXT).doc("Name the data is extracted to (with extension; no short|long pair)."),
                i2("Attributes").set("0;1;2;3").doc("1 the UI DLL itself (0 a resource it uses); 2 also shown at basic UI level."),
                i4("MessageFilter").nullable().doc("Which installer messages (INSTALLLOGMODE bits) the UI DLL receives."),
                v("Data").doc("The DLL or resource bytes."));
    }
}
