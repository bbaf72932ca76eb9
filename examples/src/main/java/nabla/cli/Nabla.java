package nabla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nabla} command line: one subcommand per task. */
@Command(name = "nabla",
        mixinStandardHelpOptions = true,
        version = "nabla 0.1.0",
        description = "Learn and verify backpropagation on a fully connected network.",
        subcommands = {
            CommandLine.HelpCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            CheckCommand.class,
            MutantsCommand.class,
            TraceCommand.class,
            GraphCommand.class,
            ShellCommand.class,
            BenchCommand.class,
        })
public final class Nabla implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code: 0 for success, 2 for an invalid flag or value. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, printing to the standard streams. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** Creates the command line with nabla's handling of invalid values. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Nabla());
        commandLine.setExecutionExceptionHandler(new UsageErrors());
        commandLine.setParameterExceptionHandler(UsageErrors::handleParameterException);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
