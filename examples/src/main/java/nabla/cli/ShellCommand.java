package nabla.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla shell}: JShell, the JDK's own read-eval-print loop, with nabla on the class path
 * and its packages imported, started in this process.
 */
@Command(name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "Start JShell, the JDK's read-eval-print loop, with nabla on the class path and nabla.core, "
                    + "nabla.data, nabla.train, nabla.autograd, nabla.check and nabla.trace imported, to try "
                    + "a network line by line. Type /exit to leave.",
            "Classes added with NABLA_CLASSPATH are on the class path too. Needs a JDK: a runtime "
                    + "without the jdk.jshell module cannot start it."
        })
final class ShellCommand implements Callable<Integer> {

    /** The greeting printed before JShell's own banner and prompt. */
    static final String GREETING = "nabla shell: nabla's packages are imported. Try\n"
            + "  var network = new Network(new int[] {784, 30, 10}, 1);\n"
            + "  network.parameterCount()\n"
            + "  System.out.print(BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, network,"
            + " Matrix.zeros(784, 10), Matrix.zeros(10, 10)).table());\n"
            + "Type /exit to leave, /help for JShell's commands.";

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "JShell scripts to run after the imports, such as one that ends with /exit.")
    private List<Path> scripts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path startup = startupScript();
        try {
            List<String> arguments = new ArrayList<>(List.of(
                    "--class-path", System.getProperty("java.class.path"),
                    "--startup", "DEFAULT",
                    "--startup", startup.toString()));
            for (Path script : scripts) {
                arguments.add(script.toString());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(GREETING);
            out.flush();
            return JavaShellToolBuilder.builder().start(arguments.toArray(String[]::new));
        } catch (NoClassDefFoundError e) {
            spec.commandLine().getErr().println("nabla shell: this Java runtime has no JShell (module jdk.jshell, "
                    + "missing class " + e.getMessage() + "); run nabla with a JDK 17 or newer");
            return 1;
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** Copies the startup script of imports out of the jar into a temporary file, which JShell reads by name. */
    static Path startupScript() throws IOException {
        Path file = Files.createTempFile("nabla-startup", ".jsh");
        try (InputStream script = ShellCommand.class.getResourceAsStream("startup.jsh")) {
            if (script == null) {
                throw new IOException("startup.jsh is missing from the nabla jar; rebuild it with 'mvn package'");
            }
            Files.copy(script, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
