package dev.ssprkit.ca;

/**
 * A standard action a family's placements are anchored on, with the sequence number the Windows Installer SDK's
 * suggested sequence gives it: the compiler schedules it when the package does not have it already (WiX's linker
 * pulls referenced standard actions in the same way), e.g. DuplicateFiles 4210 or CreateShortcuts 4500.
 */
public record StandardActionRef(String table, String action, int sequence) {}
