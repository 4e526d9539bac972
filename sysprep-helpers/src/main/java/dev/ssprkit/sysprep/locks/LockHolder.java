package dev.ssprkit.sysprep.locks;

/** A process that has one of the web cache files open, e.g. {@code taskhostw.exe} holding {@code WebCacheV01.dat}. */
public record LockHolder(long pid, String name) {}
