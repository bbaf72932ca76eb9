package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nabla.core.Network;
import nabla.data.Dataset;
import nabla.io.Checkpoint;
import nabla.io.ModelFile;
import nabla.train.EpochResult;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import nabla.train.TrainingState;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The flags of {@code nabla train} that save, checkpoint and resume a model, and the files they
 * write. Every file is written by {@link ModelFile}, so a file on disk is always a complete model.
 */
final class TrainingFiles {

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained network and its training state to FILE as JSON "
                    + "(docs/model-format.md); an existing FILE is replaced only by a complete one.")
    private Path save;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Also save to the --save FILE after every N epochs, so that an interrupted run "
                    + "can continue with --resume FILE.")
    private Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in FILE up to --epochs epochs in all, with the sizes, "
                    + "batch, η and seed stored in FILE; flags that contradict FILE are rejected.")
    private Path resume;

    private boolean saveExisted;
    private int lastCheckpoint;

    /** Checks the flags before any data is loaded, so that no training is lost to a bad path. */
    void validate(CommandSpec spec) {
        if (checkpointEvery != null) {
            if (checkpointEvery < 1) {
                throw Flags.invalid(spec, "--checkpoint-every", checkpointEvery
                        + ": expected a whole number of epochs, at least 1");
            }
            if (save == null) {
                throw Flags.invalid(spec, "--checkpoint-every", checkpointEvery
                        + ": checkpoints need --save FILE, the file each checkpoint replaces");
            }
        }
        if (save != null) {
            Flags.checkWritable(spec, "--save", save);
            saveExisted = Files.exists(save);
        }
    }

    /** Returns the checkpoint of {@code --resume}, or null when the flag is absent. */
    Checkpoint loadCheckpoint(CommandSpec spec) {
        if (resume == null) {
            return null;
        }
        Flags.checkNotFolder(spec, "--resume", resume);
        try {
            return ModelFile.loadCheckpoint(resume);
        } catch (IOException e) {
            throw Flags.invalid(spec, "--resume", Flags.describe(e));
        }
    }

    /** Returns the file of {@code --resume}, or null. */
    Path resumeFile() {
        return resume;
    }

    /**
     * Rejects a flag given on the command line whose value differs from the one stored in the
     * checkpoint, since the resumed run would not continue the saved one.
     */
    void checkAgrees(CommandSpec spec, String flag, String flagValue, String savedValue) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag) && !flagValue.equals(savedValue)) {
            throw Flags.invalid(spec, flag, flagValue + " contradicts --resume " + resume + ", which was trained with "
                    + flag + " " + savedValue + "; drop " + flag + " or pass " + savedValue);
        }
    }

    /** Rejects training data of another size than the checkpoint's, whose shuffles would differ. */
    void checkSameData(CommandSpec spec, Checkpoint checkpoint, Dataset training) {
        int saved = checkpoint.training().trainingExamples();
        if (saved != training.size()) {
            throw Flags.invalid(spec, "--data", training.name() + " has " + training.size()
                    + " training examples, but --resume " + resume + " was trained on " + saved
                    + "; resume with the data it was trained on");
        }
    }

    /**
     * Returns a listener that passes every event to {@code printer} and then, every N epochs,
     * saves a checkpoint to the {@code --save} file and prints a line for it. A failed save
     * throws UncheckedIOException out of the training loop.
     */
    TrainingListener withCheckpoints(TrainingListener printer, Network network, SgdOptions options,
            int trainingExamples, PrintWriter out) {
        return new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
                printer.batchFinished(epoch, examplesDone, examplesTotal);
            }

            @Override
            public void epochFinished(EpochResult result) {
                printer.epochFinished(result);
                // The last epoch is saved by saveFinal, right after training returns.
                if (checkpointEvery == null || result.epoch() % checkpointEvery != 0
                        || result.epoch() == options.epochs()) {
                    return;
                }
                TrainingState state = TrainingState.after(result.epoch(), options, trainingExamples);
                try {
                    ModelFile.save(new Checkpoint(network, state), save);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lastCheckpoint = result.epoch();
                out.println("Checkpoint after epoch " + result.epoch() + " saved to " + save);
                out.flush();
            }
        };
    }

    /** Saves the trained network and its state to the {@code --save} file, if one was given. */
    void saveFinal(Network network, SgdOptions options, int trainingExamples, PrintWriter out) throws IOException {
        if (save == null) {
            return;
        }
        ModelFile.save(new Checkpoint(network, TrainingState.after(options.epochs(), options, trainingExamples)), save);
        out.println("Saved " + network + " after epoch " + options.epochs() + " to " + save);
        out.flush();
    }

    /** Describes what the {@code --save} file contains after training stopped early. */
    String stateOnDisk() {
        if (save == null) {
            return "no model was saved, since --save was not given";
        }
        if (lastCheckpoint > 0) {
            return save + " holds the checkpoint after epoch " + lastCheckpoint;
        }
        return save + (saveExisted ? " was left unchanged" : " was not written");
    }
}
