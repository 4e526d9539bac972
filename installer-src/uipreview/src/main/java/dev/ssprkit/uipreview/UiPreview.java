package dev.ssprkit.uipreview;

import dev.ssprkit.common.AtomicDirectory;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.uipreview.layout.DialogLayout;
import dev.ssprkit.uipreview.layout.FormattedText;
import dev.ssprkit.uipreview.model.DialogSpec;
import dev.ssprkit.uipreview.model.PreviewNote;
import dev.ssprkit.uipreview.model.UiTables;
import dev.ssprkit.uipreview.model.UserInterface;
import dev.ssprkit.uipreview.render.DialogRenderer;
import dev.ssprkit.uipreview.render.FileNames;
import dev.ssprkit.uipreview.render.IndexPage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Previews the dialogs of any installation database as pictures, without Windows or Wine:
 *
 * <pre>{@code
 * try (Database db = MsiReader.read(msi)) {
 *     UiPreview.Result r = UiPreview.write(db, msi.getFileName().toString(), Path.of("preview"), PreviewOptions.defaults());
 * }
 * }</pre>
 *
 * writes one {@code DIALOG.png} per dialog (its client area) and an {@code index.html} listing them, into a folder
 * that appears whole or not at all ({@link AtomicDirectory}). Layout is the SDK's (installer units to pixels at 96
 * DPI); looks and fonts are approximations, and every approximation that matters is reported in the result's notes.
 */
public final class UiPreview {
    /** One dialog's outcome: {@code file} is null when it was not drawn (too large, empty). */
    public record DialogPreview(String dialog, String file, DialogLayout layout, List<PreviewNote> notes) {}

    /**
     * @param fontSubstitutions "Tahoma -> DejaVu Sans" for faces drawn with a stand-in
     * @param internalErrors    controls that failed to draw through a bug of ours (noted as such)
     */
    public record Result(List<DialogPreview> dialogs, List<PreviewNote> notes, Set<String> fontSubstitutions, int internalErrors) {}

    private UiPreview() {}

    /** Renders every dialog and writes the folder. Throws {@link NoDialogsException} when the package has none. */
    public static Result write(Database db, String packageName, Path out, PreviewOptions options) throws IOException {
        UserInterface ui = UiTables.read(db, options.limits());
        if (ui.dialogs().isEmpty()) throw new NoDialogsException(packageName + " has no dialogs (its Dialog table is " + (db.hasTable("Dialog") ? "empty" : "absent") + "): nothing to preview");
        dev.ssprkit.uipreview.text.FontResolver fonts = new dev.ssprkit.uipreview.text.FontResolver();
        DialogRenderer renderer = new DialogRenderer(ui, fonts, options);
        List<DialogPreview> previews = new ArrayList<>();
        List<IndexPage.Entry> entries = new ArrayList<>();
        int[] internal = {0};
        AtomicDirectory.populate(out, staging -> {
            FileNames names = new FileNames();
            for (DialogSpec d : ui.dialogs().values()) {
                DialogRenderer.Rendered r = renderer.render(d);
                internal[0] += r.internalErrors();
                String file = null;
                if (r.image() != null) {
                    file = names.next(d.name(), "png");
                    if (!ImageIO.write(r.image(), "png", staging.resolve(file).toFile())) throw new IOException("no PNG writer in this Java runtime");
                }
                previews.add(new DialogPreview(d.name(), file, r.layout(), r.notes()));
                String title = d.title() == null ? null : FormattedText.format(d.title(), renderer.properties(), options.limits().maxTextChars());
                entries.add(new IndexPage.Entry(d.name(), file, title, d.width(), d.height(), r.layout().width(), r.layout().height(),
                        r.layout().controls(), r.notes()));
            }
            Files.writeString(staging.resolve("index.html"), IndexPage.html(packageName, entries, fonts.substitutions(), ui.notes()), StandardCharsets.UTF_8);
        });
        return new Result(previews, ui.notes(), fonts.substitutions(), internal[0]);
    }

    /** Renders every dialog in memory (no files). */
    public static List<DialogRenderer.Rendered> render(Database db, PreviewOptions options) {
        UserInterface ui = UiTables.read(db, options.limits());
        DialogRenderer renderer = new DialogRenderer(ui, new dev.ssprkit.uipreview.text.FontResolver(), options);
        List<DialogRenderer.Rendered> out = new ArrayList<>();
        for (DialogSpec d : ui.dialogs().values()) out.add(renderer.render(d));
        return out;
    }

    /** The package has no dialogs to preview (a bad input for this command, not a broken file). */
    public static final class NoDialogsException extends IOException implements dev.ssprkit.common.Classified {
        private static final long serialVersionUID = 1L;

        public NoDialogsException(String message) {
            super(message);
        }

        @Override
        public dev.ssprkit.common.ErrorKind kind() {
            return dev.ssprkit.common.ErrorKind.BAD_INPUT;
        }
    }
}
