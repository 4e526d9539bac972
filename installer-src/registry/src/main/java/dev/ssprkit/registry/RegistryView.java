package dev.ssprkit.registry;

/**
 * Which view of the registry a 64-bit Windows shows: {@link #NATIVE} is what a process of the machine's own bitness
 * sees; {@link #BITS_32} is what 32-bit programs see, where {@code HKLM\SOFTWARE} is redirected to
 * {@code HKLM\SOFTWARE\Wow6432Node} (KEY_WOW64_32KEY); {@link #BITS_64} forces the 64-bit view (KEY_WOW64_64KEY).
 */
public enum RegistryView { NATIVE, BITS_64, BITS_32 }
