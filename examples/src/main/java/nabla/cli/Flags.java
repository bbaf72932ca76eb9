package nabla.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of flag values that picocli's type conversion cannot make. Each failure is a
 * {@link ParameterException}, which exits with code 2 and a message of the form
 * {@code invalid value for option '--flag': VALUE: what is accepted}.
 */
final class Flags {

    /** Copies of the parameters that training keeps in memory at once: the network and one gradient. */
    private static final int PARAMETER_COPIES = 2;

    /** The largest Java array, a few entries below Integer.MAX_VALUE on common JVMs. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Flags() {
    }

    /** Returns the exception for an invalid value of {@code flag}; {@code problem} names the value. */
    static ParameterException invalid(CommandSpec spec, String flag, String problem) {
        return new ParameterException(spec.commandLine(), "invalid value for option '" + flag + "': " + problem);
    }

    /**
     * Applies a library check to one flag's value: an IllegalArgumentException from it, whose
     * message names the value and what is accepted, becomes an invalid value of {@code flag}.
     */
    static <T> void check(CommandSpec spec, String flag, T value, Consumer<T> check) {
        try {
            check.accept(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '" + flag + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * Rejects sizes whose network could not be held in memory: a weight matrix larger than one
     * Java array, or parameters that with one gradient need more than the JVM's maximum heap.
     * Sizes with a layer below 1 pass here; the network's constructor rejects them.
     */
    static void checkMemory(CommandSpec spec, String flag, int[] sizes) {
        long parameters = 0;
        for (int l = 1; l < sizes.length; l++) {
            if (sizes[l] < 1 || sizes[l - 1] < 1) {
                return;
            }
            long weights = (long) sizes[l] * sizes[l - 1];
            if (weights > MAX_ARRAY) {
                throw invalid(spec, flag, joined(sizes) + ": the weights of layer " + l + " have " + weights
                        + " entries, more than one Java array holds (" + MAX_ARRAY + "); choose smaller layers");
            }
            parameters += weights + sizes[l];
        }
        long bytes = parameters * Double.BYTES * PARAMETER_COPIES;
        long available = Runtime.getRuntime().maxMemory();
        if (bytes > available) {
            throw invalid(spec, flag, joined(sizes) + ": the network has " + parameters + " weights and biases, "
                    + "which with one gradient need " + gibibytes(bytes) + " of memory, but Java may use at most "
                    + gibibytes(available) + "; choose smaller layers, or raise the limit with "
                    + "NABLA_JAVA_OPTS=-Xmx…");
        }
    }

    /**
     * Rejects a network that cannot read {@code data}: its input layer must have one neuron per
     * pixel, and its output layer at least one neuron per class. {@code flag} is the flag that
     * chose the sizes, and {@code source} leads the message with where they came from.
     */
    static void checkFits(CommandSpec spec, String flag, String source, Network network, Dataset data) {
        int[] sizes = network.sizes();
        int inputs = sizes[0];
        int outputs = sizes[sizes.length - 1];
        if (inputs != data.inputSize()) {
            throw invalid(spec, flag, source + joined(sizes) + ": the first layer has " + inputs + " neurons, but "
                    + data.name() + " has images of " + data.inputSize() + " pixels; make the first size "
                    + data.inputSize());
        }
        if (outputs < data.classes()) {
            throw invalid(spec, flag, source + joined(sizes) + ": the last layer has " + outputs + " neurons, but "
                    + data.name() + " has " + data.classes() + " classes; make the last size at least "
                    + data.classes());
        }
    }

    /** Loads the data of {@code --data}, or the embedded sample when the flag is absent. */
    static DataSplit loadData(CommandSpec spec, Path data) throws IOException {
        if (data == null) {
            return DataSplit.embeddedSample();
        }
        try {
            return DataSplit.load(data);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--data': " + describe(e), e);
        }
    }

    /**
     * Rejects an output file that cannot be written, before any work is done: its folder must
     * exist and be writable, and the file itself, if it exists, must be a regular file.
     */
    static void checkWritable(CommandSpec spec, String flag, Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw invalid(spec, flag, file + ": not a file name; name a file such as " + exampleName(flag));
        }
        if (!Files.isDirectory(folder)) {
            throw invalid(spec, flag, file + ": the folder " + folder + " does not exist; create it first");
        }
        if (!Files.isWritable(folder)) {
            throw invalid(spec, flag, file + ": the folder " + folder + " is not writable");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw invalid(spec, flag, file + ": exists and is not a regular file; name a file such as "
                    + exampleName(flag));
        }
    }

    /** Rejects a folder where a model file is expected. */
    static void checkNotFolder(CommandSpec spec, String flag, Path file) {
        if (Files.isDirectory(file)) {
            throw invalid(spec, flag, file + ": is a folder; pass a model file written by 'nabla train --save FILE'");
        }
    }

    private static String exampleName(String flag) {
        return switch (flag) {
            case "--metrics" -> "metrics.csv";
            case "--out" -> "graph.svg";
            default -> "model.json";
        };
    }

    /** Returns the message of an I/O failure, led by the file it concerns when it has one. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException fse && fse.getReason() == null) {
            return fse.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException fse && fse.getReason() == null) {
            return fse.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getFile() + ": " + fse.getReason();
        }
        if (e instanceof FileSystemException fse) {
            return fse.getFile() + ": " + e.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    /** Returns sizes as they are written on the command line: {@code 784,30,10}. */
    static String joined(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String gibibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
