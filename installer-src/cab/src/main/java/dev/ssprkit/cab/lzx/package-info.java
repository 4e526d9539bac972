/**
 * LZX, the cabinet compression method WiX's {@code CompressionLevel} low, medium and high select: a decoder
 * ({@link dev.ssprkit.cab.lzx.LzxDecoder}) for untrusted input and an encoder ({@link dev.ssprkit.cab.lzx.LzxEncoder}),
 * both frame by frame as cabinets store them (one 32 KiB frame per CFDATA block). Written from the format's
 * description in [MS-PATCH] (LZX DELTA, of which cabinet LZX is the subset without reference data and long matches)
 * and the notes of libmspack and wimlib; no code of theirs.
 */
package dev.ssprkit.cab.lzx;
