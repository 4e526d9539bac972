package dev.ssprkit.uipreview.render;

import java.awt.Color;

/** The Windows 10 default system colours the preview draws with (GetSysColor values of the standard scheme). */
final class Palette {
    private Palette() {}

    static final Color FACE = new Color(240, 240, 240);          // COLOR_BTNFACE, dialog background
    static final Color WINDOW = Color.WHITE;                     // COLOR_WINDOW, fields and lists
    static final Color TEXT = Color.BLACK;                       // COLOR_WINDOWTEXT / COLOR_BTNTEXT
    static final Color GRAY_TEXT = new Color(109, 109, 109);     // COLOR_GRAYTEXT, disabled labels
    static final Color SHADOW = new Color(160, 160, 160);        // COLOR_BTNSHADOW
    static final Color DARK_SHADOW = new Color(105, 105, 105);   // COLOR_3DDKSHADOW
    static final Color HIGHLIGHT = Color.WHITE;                  // COLOR_BTNHIGHLIGHT
    static final Color SELECTION = new Color(0, 120, 215);       // COLOR_HIGHLIGHT
    static final Color BUTTON = new Color(225, 225, 225);        // themed push button face
    static final Color BUTTON_BORDER = new Color(173, 173, 173); // themed push button border
    static final Color DEFAULT_BORDER = new Color(0, 120, 215);  // the default button's border
    static final Color LINK = new Color(0, 102, 204);
    static final Color FIELD_BORDER = new Color(122, 122, 122);
    static final Color PLACEHOLDER = new Color(200, 200, 200);
    static final Color HIDDEN_OUTLINE = new Color(200, 0, 200);
}
