package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import nabla.io.ModelFile;
import nabla.train.Sgd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla eval}: loads a saved network and reports its accuracy on the test set. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a network saved by 'nabla train --save' on the test set.",
            "The last line is 'final test accuracy: A (correct/total)', as for 'nabla train'."
        })
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "The model file written by 'nabla train --save' (docs/model-format.md).")
    private Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the MNIST-format IDX test files t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each optionally .gz); the training files may be absent. "
                    + "Default: the embedded sample of 2,000 test digits.")
    private Path data;

    @Override
    public Integer call() throws IOException {
        Network network = load();
        Dataset test = loadTest();
        Flags.checkFits(spec, "--model", model + " has sizes ", network, test);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Evaluating " + network + " from " + model + " on " + test.size() + " test examples");
        out.flush();
        int correct = Sgd.correct(network, test);
        out.println(AccuracyLine.format(correct, test.size()));
        out.flush();
        return 0;
    }

    private Dataset loadTest() throws IOException {
        if (data == null) {
            return DataSplit.embeddedSample().test();
        }
        try {
            return DataSplit.loadTest(data);
        } catch (IOException e) {
            throw Flags.invalid(spec, "--data", Flags.describe(e));
        }
    }

    private Network load() {
        Flags.checkNotFolder(spec, "--model", model);
        try {
            return ModelFile.load(model);
        } catch (IOException e) {
            throw Flags.invalid(spec, "--model", Flags.describe(e));
        }
    }
}
