package dev.ssprkit.uipreview.check;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.uipreview.IdtPackage;
import dev.ssprkit.uipreview.PreviewOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout check on a package msibuild wrote from IDT rows. What counts as a problem: the SDK's Control table
 * (X, Y, Width, Height place the control inside its dialog), its ControlCondition table (Show/Hide pick one of
 * several controls placed alike), its Error Dialog page (buttons A C I N O R Y share a place, the installer shows the
 * ones a message needs), and a text that cannot be read whole. The too-long text is far beyond any font's width
 * (58 characters in 27 x 13 pixels), the fitting one far within (2 characters in 267 x 27), and the heading's one
 * short line far above the text under it (27 pixels), so the findings do not depend on which fonts are installed.
 */
@Tag("interop")
class LayoutCheckTest {
    @TempDir Path dir;

    @Test
    void namesEachProblemWithItsDialogAndControlAndAllowsWhatDialogsDoOnPurpose() throws IOException {
        Path msi = new IdtPackage()
                .row("Dialog", "Main", 50, 50, 370, 270, 3, "Main", "Ok", "Ok", "Ok")
                .row("Control", "Main", "Backdrop", "Bitmap", 0, 0, 370, 234, 1, null, "None", null, null)
                .row("Control", "Main", "Fits", "Text", 20, 20, 200, 20, 3, null, "OK", null, null)
                .row("Control", "Main", "Cramped", "Text", 20, 50, 20, 10, 3, null, "This text is far too long for such a small control to hold", null, null)
                .row("Control", "Main", "Ok", "PushButton", 232, 242, 56, 17, 3, null, "OK", null, null)
                .row("Control", "Main", "Stray", "PushButton", 260, 245, 56, 17, 3, null, "Stray", null, null)
                .row("Control", "Main", "InstallText", "Text", 20, 100, 300, 20, 2, null, "Install", null, null)
                .row("Control", "Main", "RemoveText", "Text", 20, 100, 300, 20, 2, null, "Remove", null, null)
                .row("Control", "Main", "Off", "PushButton", 340, 100, 56, 17, 3, null, "Off", null, null)
                // a heading's rectangle reaching over the text below it, with one short line of text: nothing collides
                .row("Control", "Main", "Heading", "Text", 20, 130, 300, 40, 3, null, "Title", null, null)
                .row("Control", "Main", "Body", "Text", 20, 150, 300, 30, 3, null, "Body text", null, null)
                // touching in units (20 + 50 = 70); rounded each on its own they would share the pixel column 93
                .row("Control", "Main", "Label", "Text", 20, 190, 50, 15, 3, null, "Name", null, null)
                .row("Control", "Main", "Field", "Edit", 70, 190, 100, 15, 3, "NAME", null, null, null)
                // a placeholder the selection tree's SelectionDescription event replaces (SDK EventMapping table)
                .row("Control", "Main", "ItemDescription", "Text", 200, 20, 20, 10, 3, null, "ItemDescription-ItemDescription-ItemDescription", null, null)
                .row("EventMapping", "Main", "ItemDescription", "SelectionDescription", "Text")
                .row("ControlCondition", "Main", "InstallText", "Show", "NOT Installed")
                .row("ControlCondition", "Main", "RemoveText", "Show", "Installed")
                .row("Dialog", "Err", 50, 50, 270, 105, 0x10003, "[ProductName]", "ErrorText", "O", "C")
                .row("Control", "Err", "ErrorText", "Text", 48, 15, 205, 60, 3, null, "x", null, null)
                .row("Control", "Err", "A", "PushButton", 100, 80, 56, 17, 3, null, "Abort", null, null)
                .row("Control", "Err", "C", "PushButton", 100, 80, 56, 17, 3, null, "Cancel", null, null)
                .row("Control", "Err", "O", "PushButton", 100, 80, 56, 17, 3, null, "OK", null, null)
                .row("Control", "Err", "Extra", "PushButton", 110, 80, 56, 17, 3, null, "Extra", null, null)
                .build(dir, dir.resolve("check.msi"));
        List<LayoutFinding> findings;
        try (Database db = MsiReader.read(msi)) {
            findings = LayoutCheck.check(db, PreviewOptions.defaults());
        }
        Map<String, List<LayoutFinding>> byControl = new java.util.TreeMap<>();
        for (LayoutFinding f : findings) byControl.computeIfAbsent(f.dialog() + "." + f.control(), k -> new java.util.ArrayList<>()).add(f);
        assertEquals(List.of("Err.Extra", "Main.Cramped", "Main.Off", "Main.Stray"), List.copyOf(byControl.keySet()), findings.toString());

        LayoutFinding cramped = byControl.get("Main.Cramped").get(0);
        assertEquals(LayoutFinding.Kind.TEXT_DOES_NOT_FIT, cramped.kind());
        assertTrue(cramped.toString().startsWith("dialog Main, control Cramped: the text \"This text is far too long"), cramped.toString());

        LayoutFinding stray = byControl.get("Main.Stray").get(0);
        assertEquals(LayoutFinding.Kind.OVERLAP, stray.kind());
        assertEquals("Ok", stray.other());
        // Ok is (309, 323, 75, 23) and Stray (347, 327, 75, 23) in pixels: they share 37 x 19
        assertTrue(stray.message().startsWith("covers 37 x 19 pixels of control Ok"), stray.message());

        assertEquals(LayoutFinding.Kind.OUTSIDE_DIALOG, byControl.get("Main.Off").get(0).kind());
        assertEquals(1, byControl.get("Main.Off").size(), "outside, and overlapping nothing");

        assertEquals(3, byControl.get("Err.Extra").size(), "Extra covers A, C and O; they do not count against each other");
        assertTrue(byControl.get("Err.Extra").stream().allMatch(f -> f.kind() == LayoutFinding.Kind.OVERLAP));
    }

    /** Four push buttons side by side on dialog {@code d}, each with its Control_Next. */
    private static IdtPackage buttons(IdtPackage p, String d, String... nexts) {
        for (int i = 0; i < nexts.length; i++) {
            String name = String.valueOf((char) ('A' + i));
            p.row("Control", d, name, "PushButton", 10 + 60 * i, 240, 56, 17, 3, null, name, "-".equals(nexts[i]) ? null : nexts[i], null);
        }
        return p;
    }

    @Test
    void keyboardFindingsFollowTheSdksTabCycleAndDefaultAndCancelControls() throws IOException {
        // The SDK's Control table page (Control_Next): "The links between the controls must form a closed cycle. Some
        // controls, such as static text controls, can be left out of the cycle." Its Dialog table page: Control_First,
        // Control_Default and Control_Cancel are controls of the dialog; Error dialogs ignore the last two and their
        // buttons are not linked (SDK "Error Dialog").
        IdtPackage p = new IdtPackage();
        p.row("Dialog", "Ring", 50, 50, 370, 270, 3, "Ring", "A", "A", "C");   // A>B>C>A, D left out: fine
        buttons(p, "Ring", "B", "C", "A", "-");
        p.row("Dialog", "Open", 50, 50, 370, 270, 3, "Open", "A", "A", "B");   // A>B, then nothing
        buttons(p, "Open", "B", "-");
        p.row("Dialog", "Dangling", 50, 50, 370, 270, 3, "Dangling", "A", "A", "A");
        buttons(p, "Dangling", "Nope");
        p.row("Dialog", "Side", 50, 50, 370, 270, 3, "Side", "A", "A", "B");   // A>B>A; C links in from outside
        buttons(p, "Side", "B", "A", "A");
        p.row("Dialog", "NoCancel", 50, 50, 370, 270, 3, "NoCancel", "A", "A", null);
        buttons(p, "NoCancel", "-");
        p.row("Dialog", "Ghost", 50, 50, 370, 270, 3, "Ghost", "A", "Gone", "A");
        buttons(p, "Ghost", "-");
        p.row("Dialog", "Modeless", 50, 50, 370, 270, 1, "Modeless", "A", null, null); // not modal: no cancel needed
        buttons(p, "Modeless", "-");
        p.row("Dialog", "Err", 50, 50, 270, 105, 0x10003, "[ProductName]", "ErrorText", null, null);
        p.row("Control", "Err", "ErrorText", "Text", 48, 15, 205, 60, 3, null, "x", null, null);
        p.row("Control", "Err", "O", "PushButton", 100, 80, 56, 17, 3, null, "OK", null, null);
        Path msi = p.build(dir, dir.resolve("keys.msi"));
        List<LayoutFinding> findings;
        try (Database db = MsiReader.read(msi)) {
            findings = LayoutCheck.check(db, PreviewOptions.defaults()).stream().filter(f -> f.kind() == LayoutFinding.Kind.KEYBOARD).toList();
        }
        List<String> where = findings.stream().map(f -> f.dialog() + "." + f.control()).sorted().toList();
        assertEquals(List.of("Dangling.A", "Ghost.Gone", "NoCancel.null", "Open.B", "Side.C"), where, findings.toString());
        String text = findings.toString();
        assertTrue(text.contains("dialog Open, control B: the tab order from A stops at B, which has no Control_Next"), text);
        assertTrue(text.contains("dialog Dangling, control A: its Control_Next names Nope, which is not a control of the dialog"), text);
        assertTrue(text.contains("dialog Side, control C: it links to A (Control_Next) but is not in the tab cycle"), text);
        assertTrue(text.contains("dialog NoCancel: the dialog has no cancel control (Control_Cancel)"), text);
        assertTrue(text.contains("dialog Ghost, control Gone: is named in the dialog's Control_Default"), text);
    }
}
