package nabla.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a value that a command rejects while running into the same exit as an invalid flag:
 * the message on standard error and exit code 2. A file that cannot be read or written while
 * the command runs prints its message and exits with code 1. Other failures keep picocli's
 * handling, a stack trace and exit code 1.
 */
final class UsageErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (e instanceof CommandLine.ParameterException parameterException) {
            return handleParameterException(parameterException, new String[0]);
        }
        if (e instanceof IOException) {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": "
                    + Flags.describe((IOException) e));
            return CommandLine.ExitCode.SOFTWARE;
        }
        throw e;
    }

    /**
     * Rewrites picocli's own conversion messages in the words nabla's messages use, so that every
     * invalid value reads alike and names what is accepted.
     */
    static String plain(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("Invalid value")) {
            text = "invalid value" + text.substring("Invalid value".length());
        }
        return text.replace("is not an int", "is not a whole number; pass one such as 10")
                .replace("is not a long", "is not a whole number from -2^63 to 2^63 - 1")
                .replace("is not a double", "is not a number; pass one such as 3.0 or 1e-5");
    }

    /** Prints the message and where to find the flags, and returns exit code 2. */
    static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(name + ": " + plain(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, commandLine.getErr());
        }
        commandLine.getErr().println("Run '" + name + " --help' for the flags, their units and defaults.");
        return CommandLine.ExitCode.USAGE;
    }
}
