package dev.ssprkit.cli;

import picocli.CommandLine.Command;

/** {@code sspr ui}: the package's user interface, seen without Windows. */
@Command(name = "ui", mixinStandardHelpOptions = true, subcommands = UiPreviewCommand.class,
        description = "Look at a package's dialogs without Windows.")
final class UiCommand {
}
