package dev.ssprkit.uipreview.image;

/** An image stream the preview cannot decode (damaged, too large, or of a kind it does not read). */
public final class ImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }
}
