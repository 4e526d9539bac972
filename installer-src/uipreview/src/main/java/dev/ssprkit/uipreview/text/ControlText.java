package dev.ssprkit.uipreview.text;

import dev.ssprkit.uipreview.layout.FormattedText;
import dev.ssprkit.uipreview.layout.Mnemonic;
import dev.ssprkit.uipreview.layout.StyledText;
import dev.ssprkit.uipreview.model.TextStyleSpec;
import dev.ssprkit.uipreview.model.UserInterface;

import java.util.function.Function;

/**
 * A control's text as shown: properties filled in ({@link FormattedText}), the {@code {\style}} prefix resolved
 * through the TextStyle table (the DefaultUIFont style when there is none, as the SDK's DefaultUIFont property
 * says), and the access key taken out.
 *
 * @param shown        what is drawn
 * @param underline    index of the access-key character in {@code shown}, or -1
 * @param font         the font it is drawn and measured in
 * @param missingStyle the style the prefix names when the TextStyle table has no such row (the default is used), else null
 */
public record ControlText(String shown, int underline, ResolvedFont font, String missingStyle) {
    public static ControlText of(String raw, UserInterface ui, FontResolver fonts, Function<String, String> property, boolean mnemonic, int maxChars) {
        String formatted = FormattedText.format(raw == null ? "" : raw, property, maxChars);
        StyledText styled = StyledText.parse(formatted);
        TextStyleSpec style = ui.defaultStyle();
        String missing = null;
        if (styled.style() != null) {
            TextStyleSpec named = ui.styles().get(styled.style());
            if (named != null) style = named;
            else missing = styled.style();
        }
        Mnemonic m = Mnemonic.parse(styled.text(), mnemonic);
        return new ControlText(m.text(), m.underline(), fonts.resolve(style), missing);
    }
}
