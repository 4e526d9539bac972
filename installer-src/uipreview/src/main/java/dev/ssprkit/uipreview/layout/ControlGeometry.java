package dev.ssprkit.uipreview.layout;

import java.awt.Rectangle;

/**
 * Where a control draws its parts, in pixels at 96 DPI, shared by the renderer and the text-fit check so both mean
 * the same space. The sizes are the Windows defaults for the standard controls: a 13-pixel check box or radio
 * circle (SM_CXMENUCHECK) with the label 4 pixels after it, push-button labels inset 4 pixels from each side, a
 * 16-pixel UAC shield, a 17-pixel scroll bar and drop-down button, 2-pixel sunken borders.
 */
public final class ControlGeometry {
    public static final int CHECK_SIZE = 13;
    public static final int CHECK_GAP = 4;
    public static final int BUTTON_INSET = 4;
    public static final int SHIELD_SIZE = 16;
    public static final int SHIELD_GAP = 3;
    public static final int SCROLLBAR = 17;
    public static final int BORDER = 2;
    public static final int GROUP_CAPTION_INDENT = 8;
    /** A closed combo box is one line of text plus this many pixels (border and padding) high. */
    public static final int COMBO_PADDING = 8;

    private ControlGeometry() {}

    /** The label of a push button (text centred in it), after the shield when it has one. */
    public static Rectangle buttonLabel(Rectangle b, boolean shield) {
        int left = b.x + BUTTON_INSET + (shield ? SHIELD_SIZE + SHIELD_GAP : 0);
        return new Rectangle(left, b.y, Math.max(0, b.x + b.width - BUTTON_INSET - left), b.height);
    }

    /** The box (or circle) of a check box or radio button, vertically centred at the left. */
    public static Rectangle checkMark(Rectangle b) {
        return new Rectangle(b.x, b.y + (b.height - CHECK_SIZE) / 2, CHECK_SIZE, CHECK_SIZE);
    }

    /** The label of a check box or radio button, to the right of its mark. */
    public static Rectangle checkLabel(Rectangle b) {
        int left = b.x + CHECK_SIZE + CHECK_GAP;
        return new Rectangle(left, b.y, Math.max(0, b.x + b.width - left), b.height);
    }

    /**
     * A combo box as it shows closed: the Control row's Height includes its dropped-down list, so closed it is one
     * line of text high (at most the row's height).
     */
    public static Rectangle closedCombo(Rectangle b, int lineHeight) {
        return new Rectangle(b.x, b.y, b.width, Math.min(b.height, lineHeight + COMBO_PADDING));
    }

    /** Inside a sunken border (edit fields, lists, scrollable text). */
    public static Rectangle inside(Rectangle b) {
        return new Rectangle(b.x + BORDER, b.y + BORDER, Math.max(0, b.width - 2 * BORDER), Math.max(0, b.height - 2 * BORDER));
    }
}
