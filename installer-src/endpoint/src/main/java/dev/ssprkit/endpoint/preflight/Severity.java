package dev.ssprkit.endpoint.preflight;

/** How bad a finding is: a BLOCKER breaks "Reset password" at the sign-in screen. */
public enum Severity { BLOCKER, WARNING, INFO }
