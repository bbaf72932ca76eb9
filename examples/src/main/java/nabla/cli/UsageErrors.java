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

    /** Prints the message and where to find the flags, and returns exit code 2. */
    static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(name + ": " + e.getMessage());
        commandLine.getErr().println("Run '" + name + " --help' for the flags, their units and defaults.");
        return CommandLine.ExitCode.USAGE;
    }
}
