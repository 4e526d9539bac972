package dev.ssprkit.report;

/** An input that could not be read at all: its file name and why. */
public record Unreadable(String file, String reason) {}
