package dev.ssprkit.uipreview;

import dev.ssprkit.testkit.Tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package built by msitools' {@code msibuild} from IDT text (the SDK's archive format, which msibuild imports):
 * the tables and their column types are the SDK's, the rows are what a test writes, and the database itself is
 * written by a program we did not write. Binary streams are files in a folder named after the table, as IDT wants.
 */
public final class IdtPackage {
    /** Column names, types and keys of the UI tables, from the SDK's table pages. */
    static final Map<String, String[]> TABLES = Map.of(
            "Dialog", new String[] {"Dialog\tHCentering\tVCentering\tWidth\tHeight\tAttributes\tTitle\tControl_First\tControl_Default\tControl_Cancel",
                    "s72\ti2\ti2\ti2\ti2\tI4\tL128\ts50\tS50\tS50", "Dialog\tDialog"},
            "Control", new String[] {"Dialog_\tControl\tType\tX\tY\tWidth\tHeight\tAttributes\tProperty\tText\tControl_Next\tHelp",
                    "s72\ts50\ts20\ti2\ti2\ti2\ti2\tI4\tS72\tL0\tS50\tL50", "Control\tDialog_\tControl"},
            "ControlCondition", new String[] {"Dialog_\tControl_\tAction\tCondition", "s72\ts50\ts50\ts255",
                    "ControlCondition\tDialog_\tControl_\tAction\tCondition"},
            "TextStyle", new String[] {"TextStyle\tFaceName\tSize\tColor\tStyleBits", "s72\ts32\ti2\tI4\tI2", "TextStyle\tTextStyle"},
            "Property", new String[] {"Property\tValue", "s72\tl0", "Property\tProperty"},
            "Binary", new String[] {"Name\tData", "s72\tv0", "Binary\tName"},
            "ControlEvent", new String[] {"Dialog_\tControl_\tEvent\tArgument\tCondition\tOrdering", "s72\ts50\ts50\ts255\tS255\tI2",
                    "ControlEvent\tDialog_\tControl_\tEvent\tArgument\tCondition"},
            "EventMapping", new String[] {"Dialog_\tControl_\tEvent\tAttribute", "s72\ts50\ts50\ts50", "EventMapping\tDialog_\tControl_\tEvent\tAttribute"},
            "InstallUISequence", new String[] {"Action\tCondition\tSequence", "s72\tS255\tI2", "InstallUISequence\tAction"});

    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private List<String> summary;
    private final Map<String, Path> binaries = new LinkedHashMap<>();

    /** Adds a row: its cells in the table's column order (empty for null). */
    public IdtPackage row(String table, Object... cells) {
        List<String> text = new ArrayList<>();
        for (Object c : cells) text.add(c == null ? "" : c.toString());
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(String.join("\t", text));
        return this;
    }

    /** A Binary row whose stream is the file's bytes. */
    public IdtPackage binary(String name, Path file) {
        binaries.put(name, file);
        return row("Binary", name, name + ".ibd");
    }

    /** Summary information (msibuild -s: title, author, template such as "Intel;1033", package code), for msiexec. */
    public IdtPackage summary(String title, String author, String template, String packageCode) {
        summary = List.of(title, author, template, packageCode);
        return this;
    }

    /** Writes the IDT files into {@code work} and has msibuild import them into {@code msi}. */
    public Path build(Path work, Path msi) throws IOException {
        Tool.require("msibuild");
        Path idt = Files.createDirectories(work.resolve("idt-" + msi.getFileName()));
        List<String> command = new ArrayList<>(List.of("msibuild", msi.toAbsolutePath().toString()));
        for (var e : rows.entrySet()) {
            String[] head = TABLES.get(e.getKey());
            Files.writeString(idt.resolve(e.getKey() + ".idt"), String.join("\n", head) + "\n" + String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
            command.add("-i");
            command.add(e.getKey() + ".idt");
        }
        for (var b : binaries.entrySet()) {
            Path dir = Files.createDirectories(idt.resolve("Binary"));
            Files.copy(b.getValue(), dir.resolve(b.getKey() + ".ibd"));
        }
        Tool.run(command, idt, Map.of(), 60).assertOk();
        if (summary != null) {
            List<String> set = new ArrayList<>(List.of("msibuild", msi.toAbsolutePath().toString(), "-s"));
            set.addAll(summary);
            Tool.run(set, idt, Map.of(), 60).assertOk();
        }
        return msi;
    }
}
