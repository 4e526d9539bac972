/**
 * The source stage: a {@code .wxs} file read with a hardened StAX parser, run through the WiX preprocessor, and
 * returned as a tree of located {@link dev.ssprkit.wix.source.SourceElement}s for the compiler.
 *
 * <p>Entry point: {@code new Preprocessor(options, diagnostics).process(path)}. Problems are reported to the
 * {@link dev.ssprkit.wix.diag.Diagnostics} collector with stable IDs and locations, never thrown one at a time.
 */
package dev.ssprkit.wix.source;
