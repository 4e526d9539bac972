/**
 * Located diagnostics shared by every WiX layer: {@link dev.ssprkit.wix.diag.SourceLocation} (with the "included
 * from" chain), the message catalog ({@link dev.ssprkit.wix.diag.Message}, one enum per layer, stable {@code WIXnnnn}
 * IDs) and the {@link dev.ssprkit.wix.diag.Diagnostics} collector that gathers all errors of a run.
 *
 * <p>ID ranges: {@code WIX0001..WIX0099} source layer (XML reading, preprocessor, see
 * {@link dev.ssprkit.wix.diag.PreprocessorMessage}); {@code WIX0100} and up are free for the compiler and later
 * layers. {@link dev.ssprkit.wix.diag.MessageCatalog} checks that no two enums claim the same ID.
 */
package dev.ssprkit.wix.diag;
